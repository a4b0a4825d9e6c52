"""Report figures on a small program with known answers (tests/report_data.py), overall and per CHW."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from casework.sla import SlaPolicy
from config import BusinessHours
from models import Conversation, ConversationStatus, Event, Urgency
from models.base import db
from reports.charts import bar_chart
from reports.counts import Count
from reports.figures.sla import sla_compliance
from reports.period import Period
from reports.report import build_report
from reports.tables import csv_bytes, report_tables
from tests.report_data import NY_END, NY_FIRST, at, make_program

NOW = at(10, 15)
NY = ZoneInfo("America/New_York")
WEEKDAYS = BusinessHours.parse("Mon-Fri 09:00-17:00")


def sla(normal_hours: int = 4) -> SlaPolicy:
    return SlaPolicy(timedelta(minutes=15), timedelta(hours=normal_hours), WEEKDAYS, NY)


@pytest.fixture
def session(app):
    with app.app_context():
        yield db.session


@pytest.fixture
def program(session):
    p = make_program(session)
    session.commit()
    return p


def figures(session, chw_id=None, start=NY_FIRST, end=NY_END):
    return build_report(session, start, end, chw_id, now=NOW, policy=sla())


def as_dict(counts):
    return {c.label: c.value for c in counts}


def test_march_has_the_known_figures(session, program):
    r = figures(session)
    assert r.reach.clients == 3
    assert as_dict(r.reach.by_language) == {"English": 1, "Spanish": 1, "Vietnamese": 1}
    assert (r.screenings.started, r.screenings.completed, r.screenings.positive) == (2, 1, 1)
    assert as_dict(r.screenings.by_domain) == {"Food insecurity": 1, "Housing instability": 1}
    assert [c.code for c in r.screenings.by_domain] == ["food-insecurity", "housing-instability"]
    assert r.referrals.made == 4
    assert [(c.label, c.value) for c in r.referrals.by_status] == [
        ("Requested", 1), ("Failed", 1), ("Completed: got help", 1), ("Entered in error", 1)]
    assert (r.referrals.counted, r.referrals.closed) == (3, 2)
    assert r.referrals.closed_loop_rate == pytest.approx(2 / 3)
    assert r.referrals.median_time_to_outcome == timedelta(days=2, hours=12)  # 3 days and 2 days
    assert r.escalations.total == 3
    assert as_dict(r.escalations.by_reason) == {"Asked for a person": 1, "Crisis words": 1, "Not understood": 1}
    sla = {s.urgency: (s.met, s.missed, s.waiting) for s in r.escalations.sla}
    assert sla == {"urgent": (0, 1, 0), "normal": (1, 0, 1)}  # crisis claimed after 30 min; one still due
    assert (r.opt_outs.requests, r.opt_outs.clients, r.opt_outs.opted_back_in) == (1, 1, 0)
    volume = {(m.direction, m.channel): (m.messages, m.segments, m.billable_segments) for m in r.messages.rows}
    assert volume == {("in", "sms"): (4, 5, 5), ("out", "sms"): (2, 5, 2), ("out", "whatsapp"): (1, 1, 0)}
    assert r.messages.cost == Decimal("0.06")  # 7 billable segments at 0.0079
    chws = {c.name: (c.conversations_claimed, c.referrals_made, c.referrals_closed) for c in r.chws}
    assert chws == {"Ana Ruiz": (1, 2, 1), "=Ben Cole": (1, 0, 0)}


def test_a_chw_sees_their_own_clients_referrals_and_claims(session, program):
    ana = figures(session, program.ana)
    assert ana.reach.clients == 3  # Ana claimed Luz (and handed her back); c2 and c4 have her referrals
    assert (ana.referrals.made, ana.referrals.counted, ana.referrals.closed) == (3, 2, 1)
    assert ana.referrals.median_time_to_outcome == timedelta(days=2)
    assert as_dict(ana.escalations.by_reason) == {"Asked for a person": 1}
    assert {s.urgency: (s.met, s.missed) for s in ana.escalations.sla} == {"urgent": (0, 0), "normal": (1, 0)}
    assert [c.name for c in ana.chws] == ["Ana Ruiz"]

    ben = figures(session, program.ben)
    assert ben.reach.clients == 1
    assert as_dict(ben.reach.by_language) == {"English": 1}
    assert (ben.screenings.started, ben.screenings.completed) == (1, 0)
    assert ben.referrals.made == 0 and ben.referrals.closed_loop_rate is None
    assert as_dict(ben.escalations.by_reason) == {"Crisis words": 1}
    assert ben.opt_outs.requests == 0


def test_a_period_without_data_is_all_zeros(session, program):
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    r = figures(session, start=start, end=start + timedelta(days=30))
    assert r.reach.clients == 0 and r.reach.by_language == ()
    assert (r.screenings.started, r.screenings.completed, r.screenings.positive) == (0, 0, 0)
    assert r.referrals.made == 0 and r.referrals.by_status == ()
    assert r.referrals.closed_loop_rate is None and r.referrals.median_time_to_outcome is None
    assert r.escalations.total == 0
    assert all(s.rate is None for s in r.escalations.sla)
    assert r.messages.rows == () and r.messages.cost == Decimal("0.00")
    tables = report_tables(r)
    assert dict(tables["summary"].rows)["Closed-loop rate"] == "n/a"
    assert tables["referrals"].rows == ()


def test_an_empty_database_reports_zeros(session):
    r = figures(session)
    assert r.reach.clients == 0 and r.chws == ()


def test_the_period_is_whole_days_in_the_program_time_zone():
    p = Period.ending(datetime(2026, 3, 10).date(), NY)
    assert (p.first.isoformat(), p.last.isoformat()) == ("2026-02-09", "2026-03-10")
    march = Period(datetime(2026, 3, 1).date(), datetime(2026, 3, 10).date(), NY)
    assert (march.start, march.end) == (NY_FIRST, NY_END)
    assert march.text == "1 Mar 2026 to 10 Mar 2026"


def test_sla_compliance_counts_business_hours_for_normal_and_the_clock_for_urgent():
    friday_4pm = datetime(2026, 3, 6, 21, 0, tzinfo=timezone.utc)  # 16:00 EST
    monday_noon = datetime(2026, 3, 9, 16, 0, tzinfo=timezone.utc)  # 12:00 EDT: 4 business hours later
    saturday = datetime(2026, 3, 7, 15, 0, tzinfo=timezone.utc)
    results = sla_compliance([(friday_4pm, monday_noon, "normal"),  # just in time
                              (friday_4pm, None, "normal"),  # past due, unclaimed
                              (saturday, None, "urgent")],  # 15 clock minutes, long gone
                             sla(), now=monday_noon + timedelta(minutes=1))
    assert {r.urgency: (r.met, r.missed, r.waiting) for r in results} == {"urgent": (0, 1, 0), "normal": (1, 1, 0)}
    assert [r.target for r in results] == ["within 15 minutes", "within 4 hours of business hours"]


def test_a_normal_escalation_over_a_weekend_counts_business_hours(session, program):
    friday_4pm = datetime(2026, 3, 6, 21, tzinfo=timezone.utc)  # 16:00 EST
    monday_11am = datetime(2026, 3, 9, 15, tzinfo=timezone.utc)  # 11:00 EDT: 3 business hours later
    conv = Conversation(client_id=program.c3, status=ConversationStatus.WITH_CHW, state={}, urgency=Urgency.NORMAL,
                        escalated_at=friday_4pm, escalation_reason="asked_for_person", assigned_to_id=program.ben,
                        claimed_at=monday_11am)
    session.add(conv)
    session.flush()
    session.add(Event(client_id=program.c3, conversation_id=conv.id, type="conversation_claimed",
                      data={"by": program.ben}, created_at=monday_11am))
    session.commit()
    normal = {r.urgency: r for r in figures(session).escalations.sla}["normal"]
    assert (normal.met, normal.missed, normal.waiting) == (2, 0, 1)  # within 4 business hours
    strict = build_report(session, NY_FIRST, NY_END, now=NOW, policy=sla(normal_hours=1))
    normal = {r.urgency: r for r in strict.escalations.sla}["normal"]
    assert (normal.met, normal.missed, normal.waiting) == (1, 1, 1)  # not within 1 (due Friday 17:00)
    ben = {r.urgency: r for r in figures(session, program.ben).escalations.sla}
    assert (ben["normal"].met, ben["urgent"].missed) == (1, 1)  # only the escalations Ben claimed


def test_csv_cells_that_look_like_formulas_are_quoted(session, program):
    table = report_tables(figures(session))["chws"]
    lines = csv_bytes(table).decode("utf-8-sig").splitlines()
    assert lines[0] == "CHW,Conversations claimed,Referrals made,Referrals closed,Closed-loop rate"
    assert lines[1:] == ["'=Ben Cole,1,0,0,n/a", "Ana Ruiz,1,2,1,50.0%"]


def test_a_chart_names_itself_labels_its_axes_and_prints_its_values():
    svg = str(bar_chart("c", "Clients by language", "Clients reached by language: Spanish 12.",
                        [Count("es", "Spanish", 12), Count("en", "English <&>", 3)],
                        x_label="Clients", y_label="Language"))
    assert 'role="img"' in svg and 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">Clients by language</title>' in svg
    assert '<desc id="c-desc">Clients reached by language: Spanish 12.</desc>' in svg
    assert ">Clients</text>" in svg and ">Language</text>" in svg
    assert ">12</text>" in svg and ">3</text>" in svg
    assert "English &lt;&amp;&gt;" in svg


def test_an_empty_chart_says_so():
    svg = str(bar_chart("c", "Referrals", "None.", [], x_label="Referrals", y_label="Status"))
    assert "No data in this period" in svg and "<rect" in svg
