"""Opening hours: reading the times and days directories write, and answering "is it open now, and
if not, when does it next open?" from HSDS schedules, in the location's own time zone.

What a schedule row means here:
- a recurring row (freq WEEKLY/DAILY/MONTHLY, or just a byday list) opens on its days, as RFC 5545
  reads its rule (`dateutil.rrule`: interval, byday, bymonthday from dtstart), from opens_at
  to closes_at; closes_at at or before opens_at means it closes after midnight (00:00-00:00 is all day);
- a dated row with no recurrence (valid_from, no freq, no byday) is a special day: with times it
  replaces that day's usual hours, without times it is a closure (HSDS 1.1 holiday_schedules);
- rows whose valid_to or until has passed, that lack opening times, or that use a rule we do not
  understand (YEARLY, HOURLY, ...) are ignored; if nothing is left, the answer is "unknown" (None).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple, Protocol
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, rrule

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
WEEKDAY_RULES = (MO, TU, WE, TH, FR, SA, SU)
_DAY_NAMES = {name: i for i, name in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
_TIME = re.compile(
    r"^(?P<h>\d{1,2})(?:[:.h]?(?P<m>\d{2}))?(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?P<ampm>[ap]\.?m\.?)?"
    r"\s*(?:Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_BYDAY = re.compile(r"^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$")
LOOKAHEAD_DAYS = 8


class ScheduleLike(Protocol):
    freq: str | None
    interval: int | None
    byday: str | None
    bymonthday: str | None
    opens_at: time | None
    closes_at: time | None
    valid_from: date | None
    valid_to: date | None
    dtstart: date | None
    until: date | None


class Rule(NamedTuple):
    """A schedule row reduced to what the clock needs (ScheduleLike), as search_point keeps it."""

    freq: str | None
    interval: int | None
    byday: str | None
    bymonthday: str | None
    opens_at: time | None
    closes_at: time | None
    valid_from: date | None
    valid_to: date | None
    dtstart: date | None
    until: date | None


def dump_rules(rules: Iterable[Rule]) -> str | None:
    """Rules as compact JSON (None for none), for search_point.hours."""
    rows = [[v.isoformat() if isinstance(v, (date, time)) else v for v in rule] for rule in rules]
    return json.dumps(rows, separators=(",", ":")) if rows else None


@lru_cache(maxsize=4096)
def load_rules(text: str | None) -> tuple[Rule, ...]:
    """The inverse of dump_rules."""
    rules = []
    for freq, interval, byday, bymonthday, opens, closes, *dates in json.loads(text or "[]"):
        rules.append(Rule(freq, interval, byday, bymonthday,
                          time.fromisoformat(opens) if opens else None,
                          time.fromisoformat(closes) if closes else None,
                          *(date.fromisoformat(d) if d else None for d in dates)))
    return tuple(rules)


@lru_cache(maxsize=4096)
def parse_time(text: str | None) -> time | None:
    """'9', '09:00:00', '9:30 PM', '0900', '17:00Z', 'noon' -> time; '24:00' -> 00:00; junk -> ValueError."""
    value = (text or "").strip().lower()
    if not value:
        return None
    if value in ("noon", "midday"):
        return time(12)
    if value == "midnight":
        return time(0)
    m = _TIME.match(value)
    if not m:
        raise ValueError(f"not a time: {text!r}")
    hour, minute = int(m["h"]), int(m["m"] or 0)
    if m["ampm"]:
        if not 1 <= hour <= 12:
            raise ValueError(f"not a time: {text!r}")
        hour = hour % 12 + (12 if m["ampm"].startswith("p") else 0)
    if hour == 24 and minute == 0:
        return time(0)
    if hour > 23 or minute > 59:
        raise ValueError(f"not a time: {text!r}")
    return time(hour, minute)


@lru_cache(maxsize=4096)
def parse_date(text: str | None) -> date | None:
    """'2025-01-31' (or a datetime starting so, or 01/31/2025) -> date; junk -> ValueError."""
    value = (text or "").strip()
    if not value:
        return None
    for fmt, size in (("%Y-%m-%d", 10), ("%m/%d/%Y", None)):
        try:
            return datetime.strptime(value[:size] if size else value, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"not a date: {text!r}")


@lru_cache(maxsize=4096)
def weekday_code(value: str | None) -> str:
    """HSDS 1.1 weekday ('1' = Monday ... '7' = Sunday, '0' = Sunday too, 'Tue', 'Monday') -> 'TU'."""
    text = (value or "").strip().lower()
    if text.isdigit() and 0 <= int(text) <= 7:
        return WEEKDAYS[(int(text) - 1) % 7]
    for name, i in _DAY_NAMES.items():
        if len(text) >= 2 and name.startswith(text):
            return WEEKDAYS[i]
    raise ValueError(f"not a weekday: {value!r}")


@lru_cache(maxsize=4096)
def normalize_byday(text: str | None) -> str | None:
    """'mo, tu' -> 'MO,TU'; raises ValueError on anything that is not an RFC 5545 BYDAY list."""
    if not (text or "").strip():
        return None
    parts = [p.strip().upper() for p in text.split(",") if p.strip()]
    for part in parts:
        if not _BYDAY.match(part):
            raise ValueError(f"not a list of days: {text!r}")
    return ",".join(parts)


def opening_state(
    schedules: Iterable[ScheduleLike], at: datetime, tz: ZoneInfo
) -> tuple[bool | None, datetime | None]:
    """(open at `at`?, next opening after `at` when closed) -> (None, None) when the hours are unknown.

    `next_open` is in the location's time zone, looks about a week ahead, and is None while open.
    """
    local = at.astimezone(tz)
    hours = _Hours(schedules, local.date(), tz)
    if hours.unknown:
        return None, None
    if _current(hours, local) is not None:
        return True, None
    for offset in range(LOOKAHEAD_DAYS):
        upcoming = [start for start, _ in hours.intervals(local.date() + timedelta(days=offset)) if start > local]
        if upcoming:
            return False, min(upcoming)
    return False, None


def closing_time(schedules: Iterable[ScheduleLike], at: datetime, tz: ZoneInfo) -> datetime | None:
    """When the place closes, while it is open at `at` ("open now until 5pm"); None when closed, unknown
    or open around the clock (no closing within a day).

    Hours that follow on without a break (9-12 and 12-17, or a night past midnight) count as one.
    """
    local = at.astimezone(tz)
    hours = _Hours(schedules, local.date(), tz)
    end = None if hours.unknown else _current(hours, local)
    for _ in range(LOOKAHEAD_DAYS):
        later = [e for day in (end.date() - timedelta(days=1), end.date()) for s, e in hours.intervals(day)
                 if s <= end < e] if end is not None else []
        if not later:
            break
        end = max(later)
    return end if end is not None and end - local < timedelta(days=1) else None


class _Hours:
    """The schedules that count from `today` on, split into weekly rules and special days."""

    def __init__(self, schedules: Iterable[ScheduleLike], today: date, tz: ZoneInfo) -> None:
        self.tz = tz
        self.recurring: list[ScheduleLike] = []
        self.special: list[ScheduleLike] = []
        for s in schedules:
            if s.opens_at is None and not _is_dated(s):
                continue
            if _ends(s) is not None and _ends(s) < today - timedelta(days=1):
                continue
            if _is_dated(s):
                self.special.append(s)
            elif _understood(s) and s.closes_at is not None:
                self.recurring.append(s)

    @property
    def unknown(self) -> bool:
        return not self.recurring and not self.special

    def intervals(self, day: date) -> Iterator[tuple[datetime, datetime]]:
        """The (opens, closes) times that start on `day`."""
        rules = [s for s in self.special if _covers(s, day)] or [s for s in self.recurring if _occurs(s, day)]
        for s in rules:
            if s.opens_at is None or s.closes_at is None:
                continue  # a closure
            end_day = day if s.closes_at > s.opens_at else day + timedelta(days=1)
            yield (datetime.combine(day, s.opens_at, tzinfo=self.tz),
                   datetime.combine(end_day, s.closes_at, tzinfo=self.tz))


def _current(hours: _Hours, local: datetime) -> datetime | None:
    """The end of the opening `local` falls in, or None when closed then."""
    ends = [end for day in (local.date() - timedelta(days=1), local.date())  # yesterday's may run past midnight
            for start, end in hours.intervals(day) if start <= local < end]
    return max(ends) if ends else None


def _is_dated(s: ScheduleLike) -> bool:
    return s.valid_from is not None and not s.freq and not s.byday and not s.bymonthday


def _ends(s: ScheduleLike) -> date | None:
    ends = [d for d in (s.valid_to, s.until) if d is not None]
    return min(ends) if ends else None


def _understood(s: ScheduleLike) -> bool:
    freq = (s.freq or "").upper()
    return freq in ("DAILY", "WEEKLY", "MONTHLY") or (not freq and bool(s.byday))


def _covers(s: ScheduleLike, day: date) -> bool:
    return s.valid_from <= day <= (s.valid_to or s.valid_from)


def _occurs(s: ScheduleLike, day: date) -> bool:
    first = max((d for d in (s.valid_from, s.dtstart) if d is not None), default=None)
    if first is not None and day < first:
        return False
    last = _ends(s)
    if last is not None and day > last:
        return False
    return _recurs_on((s.freq or "WEEKLY").upper(), s.interval if s.interval and s.interval > 1 else 1, s.byday,
                      s.bymonthday, s.dtstart, day)


@lru_cache(maxsize=8192)
def _recurs_on(freq: str, interval: int, byday: str | None, bymonthday: str | None, dtstart: date | None,
               day: date) -> bool:
    """Whether the RFC 5545 rule has an occurrence on `day`, by `dateutil.rrule`.

    A rule that repeats every other week or month needs its dtstart to know which ones; without
    it only a rule for every day, week or month is understood. The rule starts at dtstart moved
    forward by whole repeats, close to `day`, so no rule walks years of occurrences to get there.
    """
    weekdays = [WEEKDAY_RULES[wd](nth) if nth else WEEKDAY_RULES[wd] for nth, wd in _byday(byday)]
    monthdays = [int(part) for part in (bymonthday or "").split(",") if part.strip().lstrip("+-").isdigit()
                 and int(part) != 0]
    if interval > 1 and dtstart is None:
        return False
    if freq == "DAILY":
        start = day if dtstart is None else dtstart + timedelta(days=(day - dtstart).days // interval * interval)
        rule = rrule(DAILY, dtstart=_midnight(start), interval=interval)
    elif freq == "WEEKLY":
        if not weekdays and dtstart is None:
            return False
        start = day - timedelta(days=day.weekday()) if dtstart is None else dtstart + timedelta(
            weeks=max(0, ((day - dtstart).days - 7) // (7 * interval)) * interval)
        rule = rrule(WEEKLY, dtstart=_midnight(start), interval=interval,
                     byweekday=weekdays or [WEEKDAY_RULES[dtstart.weekday()]])
    else:  # MONTHLY: by day of the month ("1,15,-1") or by nth weekday ("1MO", "-1FR")
        if not monthdays and not weekdays:
            return False
        if dtstart is None:
            start = day.replace(day=1)
        else:
            months = (day.year - dtstart.year) * 12 + day.month - dtstart.month
            skip = max(0, (months - 1) // interval) * interval
            start = dtstart if skip == 0 else date(dtstart.year + (dtstart.month - 1 + skip) // 12,
                                                    (dtstart.month - 1 + skip) % 12 + 1, 1)
        rule = rrule(MONTHLY, dtstart=_midnight(start), interval=interval, bymonthday=monthdays or None,
                     byweekday=weekdays or None)
    return rule.after(_midnight(day), inc=True) == _midnight(day)  # occurrences fall at midnight


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(0))


@lru_cache(maxsize=1024)
def _byday(text: str | None) -> Sequence[tuple[int | None, int]]:
    found = []
    for part in (text or "").split(","):
        m = _BYDAY.match(part.strip().upper())
        if m:
            found.append((int(m[1]) if m[1] else None, WEEKDAYS.index(m[2])))
    return tuple(found)
