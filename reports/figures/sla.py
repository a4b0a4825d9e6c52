"""Escalations claimed in time, counted over a period, against the queue's own service levels
(casework/sla.py: urgent within SLA_URGENT of clock time, normal within SLA_NORMAL of
BUSINESS_HOURS). The policy is passed in, so this module needs no app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from casework.sla import SlaPolicy
from models import Urgency


@dataclass(frozen=True)
class SlaResult:
    """Escalations of one urgency: claimed in time, claimed late or still unclaimed past the
    deadline (missed), and unclaimed but not yet due (waiting, left out of the rate)."""

    urgency: str
    target: str
    met: int = 0
    missed: int = 0
    waiting: int = 0

    @property
    def rate(self) -> float | None:
        due = self.met + self.missed
        return self.met / due if due else None


def sla_compliance(escalations: Iterable[tuple[datetime, datetime | None, str]], policy: SlaPolicy,
                   now: datetime) -> list[SlaResult]:
    """(escalated_at, claimed_at or None, urgency) rows -> one result per urgency, urgent first."""
    counts = {u: {"met": 0, "missed": 0, "waiting": 0} for u in ("urgent", "normal")}
    for escalated_at, claimed_at, urgency in escalations:
        urgency = "urgent" if urgency == "urgent" else "normal"
        deadline = policy.due_at(escalated_at, Urgency(urgency))
        if claimed_at is not None:
            outcome = "met" if claimed_at <= deadline else "missed"
        else:
            outcome = "missed" if now > deadline else "waiting"
        counts[urgency][outcome] += 1
    return [SlaResult(u, target(policy, u), **c) for u, c in counts.items()]


def target(policy: SlaPolicy, urgency: str) -> str:
    """'within 15 minutes', 'within 4 hours of business hours'."""
    if urgency == "urgent":
        return f"within {_words(policy.urgent)}"
    return f"within {_words(policy.normal)} of business hours"


def _words(d: timedelta) -> str:
    minutes = int(d.total_seconds() // 60)
    if minutes % 60:
        return f"{minutes} minutes"
    hours = minutes // 60
    return f"{hours} hour" + ("s" if hours != 1 else "")
