"""The SLA clock without Flask: business hours, deadlines across nights, weekends and DST, and the
BUSINESS_HOURS setting's errors."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from casework.sla import SlaPolicy, add_business_time, duration
from config import BusinessHours, from_environ
from models import Urgency

NEW_YORK = ZoneInfo("America/New_York")
WEEKDAYS = BusinessHours.parse("Mon-Fri 09:00-17:00")


def ny(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=NEW_YORK)


@pytest.mark.parametrize("start, hours, due", [
    ("2026-03-10 11:00", 4, "2026-03-10 15:00"),  # Tuesday morning: the same afternoon
    ("2026-03-10 16:30", 4, "2026-03-11 12:30"),  # half an hour today, the rest tomorrow
    ("2026-03-10 20:00", 4, "2026-03-11 13:00"),  # after hours: the clock starts at 9:00
    ("2026-03-13 16:00", 4, "2026-03-16 12:00"),  # Friday afternoon: Monday
    ("2026-03-07 09:00", 4, "2026-03-09 13:00"),  # Saturday; the clocks change on Sunday the 8th
    ("2026-03-10 11:00", 20, "2026-03-12 15:00"),  # more than a working day
])
def test_business_time_skips_nights_and_weekends(start, hours, due):
    got = add_business_time(ny(start), timedelta(hours=hours), WEEKDAYS, NEW_YORK)
    assert got.astimezone(NEW_YORK) == ny(due)
    assert got.tzinfo is timezone.utc


def test_urgent_runs_on_the_wall_clock():
    policy = SlaPolicy(timedelta(minutes=15), timedelta(hours=4), WEEKDAYS, NEW_YORK)
    saturday_night = ny("2026-03-14 23:50")
    assert policy.due_at(saturday_night, Urgency.URGENT) == saturday_night + timedelta(minutes=15)
    assert policy.due_at(saturday_night, Urgency.NORMAL).astimezone(NEW_YORK) == ny("2026-03-16 13:00")


@pytest.mark.parametrize("text, days, start, end", [
    ("Mon-Fri 09:00-17:00", {0, 1, 2, 3, 4}, "09:00", "17:00"),
    ("sat,sun 8:00-12:30", {5, 6}, "08:00", "12:30"),
    ("Fri-Mon 07:00-19:00", {4, 5, 6, 0}, "07:00", "19:00"),
    ("Tuesday 10:00-11:00", {1}, "10:00", "11:00"),
])
def test_business_hours_are_read_as_people_write_them(text, days, start, end):
    hours = BusinessHours.parse(text)
    assert (set(hours.days), hours.start.strftime("%H:%M"), hours.end.strftime("%H:%M")) == (days, start, end)


@pytest.mark.parametrize("text", ["", "Mon-Fri", "Someday 9:00-17:00", "Mon 17:00-09:00", "Mon 9:00-24:00"])
def test_bad_business_hours_are_refused_with_the_expected_form(text):
    with pytest.raises(ValueError, match="BUSINESS_HOURS"):
        BusinessHours.parse(text)


def test_the_sla_settings_come_from_the_environment(tmp_path):
    cfg = from_environ(str(tmp_path), {"SECRET_KEY": "x", "SLA_URGENT": "10m", "SLA_NORMAL": "2h",
                                       "BUSINESS_HOURS": "Mon-Sat 08:00-18:00"})
    assert (cfg["SLA_URGENT"], cfg["SLA_NORMAL"]) == (timedelta(minutes=10), timedelta(hours=2))
    assert cfg["BUSINESS_HOURS"] == BusinessHours.parse("Mon-Sat 08:00-18:00")
    defaults = from_environ(str(tmp_path), {"SECRET_KEY": "x"})
    assert (defaults["SLA_URGENT"], defaults["SLA_NORMAL"]) == (timedelta(minutes=15), timedelta(hours=4))
    with pytest.raises(ValueError, match="not a duration"):
        from_environ(str(tmp_path), {"SECRET_KEY": "x", "SLA_URGENT": "soon"})


@pytest.mark.parametrize("span, words", [
    (timedelta(seconds=30), "under a minute"),
    (timedelta(minutes=12), "12 min"),
    (timedelta(hours=2), "2 h"),
    (timedelta(hours=2, minutes=5), "2 h 5 min"),
    (timedelta(days=3, hours=4), "3 d 4 h"),
])
def test_durations_read_as_people_say_them(span, words):
    assert duration(span) == words
