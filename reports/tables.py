"""The report's tables: shown on the page and downloaded as CSV from the same rows.

CSV cells that a spreadsheet would run as a formula (starting with = + - @, tab or carriage
return) get a leading apostrophe: a CHW's name or a reason is data, never a formula.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from casework.labels import CHANNELS, DIRECTIONS, ESCALATION_REASONS, URGENCIES, label
from reports.report import Report

Cell = str | int | Decimal
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Table:
    name: str  # the CSV file's name
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate * 100:.1f}%"


def duration(d: timedelta | None) -> str:
    """'2 days 3 hours', '3 hours 20 minutes', '45 minutes'."""
    if d is None:
        return "n/a"
    minutes = int(d.total_seconds() // 60)
    days, hours, mins = minutes // 1440, minutes % 1440 // 60, minutes % 60
    parts = [(days, "day"), (hours, "hour")] if days else [(hours, "hour"), (mins, "minute")]
    words = [f"{n} {unit}{'s' if n != 1 else ''}" for n, unit in parts if n]
    return " ".join(words) or "less than a minute"


def report_tables(report: Report) -> dict[str, Table]:
    r = report
    tables = [
        Table("summary", "Summary", ("Figure", "Value"), (
            ("Clients reached", r.reach.clients),
            ("Screenings started", r.screenings.started),
            ("Screenings completed", r.screenings.completed),
            ("Positive screenings", r.screenings.positive),
            ("Referrals made", r.referrals.made),
            ("Referrals closed (completed, or failed with a reason)", r.referrals.closed),
            ("Closed-loop rate", percent(r.referrals.closed_loop_rate)),
            ("Median time to outcome", duration(r.referrals.median_time_to_outcome)),
            ("Escalations", r.escalations.total),
            *((f"{label(URGENCIES, s.urgency)} escalations claimed {s.target}", percent(s.rate))
              for s in r.escalations.sla),
            ("Opt-out requests", r.opt_outs.requests),
            ("Clients who opted out", r.opt_outs.clients),
            ("Opted back in", r.opt_outs.opted_back_in),
            ("Messages received", r.messages.total("messages", "in")),
            ("Messages sent", r.messages.total("messages", "out")),
            ("Billable SMS segments", r.messages.total("billable_segments")),
            ("Estimated SMS cost (USD)", r.messages.cost),
        )),
        Table("languages", "Clients reached by language", ("Language", "Clients"),
              tuple((c.label, c.value) for c in r.reach.by_language)),
        Table("needs", "Positive screens by domain", ("Domain", "Gravity code", "Positive screens"),
              tuple((c.label, c.code, c.value) for c in r.screenings.by_domain)),
        Table("referrals", "Referrals made, by status now", ("Status", "Referrals"),
              tuple((c.label, c.value) for c in r.referrals.by_status)),
        Table("escalations", "Escalations by reason and urgency", ("Reason", "Urgency", "Escalations"),
              tuple((label(ESCALATION_REASONS, e.reason), label(URGENCIES, e.urgency), e.escalations)
                    for e in r.escalations.by_reason_and_urgency)),
        Table("sla", "Escalations claimed in time",
              ("Urgency", "Target", "Claimed in time", "Missed", "Waiting, not yet due", "Compliance"),
              tuple((label(URGENCIES, s.urgency), s.target, s.met, s.missed, s.waiting, percent(s.rate))
                    for s in r.escalations.sla)),
        Table("messages", "Messages and SMS segments",
              ("Direction", "Channel", "Messages", "Segments", "Billable segments", "Estimated cost (USD)"),
              tuple((label(DIRECTIONS, m.direction), label(CHANNELS, m.channel), m.messages, m.segments,
                     m.billable_segments, (m.billable_segments * r.messages.segment_cost).quantize(Decimal("0.01")))
                    for m in r.messages.rows)),
        Table("chws", "Work by CHW",
              ("CHW", "Conversations claimed", "Referrals made", "Referrals closed", "Closed-loop rate"),
              tuple((c.name, c.conversations_claimed, c.referrals_made, c.referrals_closed,
                     percent(c.referrals_closed / c.referrals_made if c.referrals_made else None))
                    for c in r.chws)),
    ]
    return {t.name: t for t in tables}


def csv_cell(value: Cell | None) -> Cell:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_bytes(table: Table) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read accented names right."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in table.columns])
    writer.writerows([csv_cell(c) for c in row] for row in table.rows)
    return out.getvalue().encode("utf-8-sig")
