"""The queue's promise to clients: when an escalation must be claimed by a CHW, and whether it is late.

Urgent escalations (crisis, safety screen) run on the wall clock: `SLA_URGENT` after they came in.
Normal ones run on business time: `SLA_NORMAL` of `BUSINESS_HOURS` in `DEFAULT_TIMEZONE`, so a
message that arrives on Friday evening is due on Monday morning, not at midnight.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from config import BusinessHours
from models import Conversation, ConversationStatus, Urgency


@dataclass(frozen=True)
class SlaPolicy:
    urgent: timedelta
    normal: timedelta  # of business time
    hours: BusinessHours
    tz: ZoneInfo

    @classmethod
    def from_config(cls, config) -> SlaPolicy:
        return cls(config["SLA_URGENT"], config["SLA_NORMAL"], config["BUSINESS_HOURS"],
                   ZoneInfo(config["DEFAULT_TIMEZONE"]))

    def due_at(self, escalated_at: datetime, urgency: Urgency | None) -> datetime:
        if urgency is Urgency.URGENT:
            return escalated_at + self.urgent
        return add_business_time(escalated_at, self.normal, self.hours, self.tz)


def add_business_time(start: datetime, amount: timedelta, hours: BusinessHours, tz: ZoneInfo) -> datetime:
    """The moment when `amount` of business time has passed since `start` (UTC)."""
    cursor = start.astimezone(tz)
    remaining = amount
    while True:
        day = cursor.date()
        if day.weekday() in hours.days:
            begin = max(cursor, datetime.combine(day, hours.start, tz))
            close = datetime.combine(day, hours.end, tz)
            if begin < close:
                if remaining <= close - begin:
                    return (begin + remaining).astimezone(timezone.utc)
                remaining -= close - begin
        cursor = datetime.combine(day + timedelta(days=1), time(0), tz)


@dataclass(frozen=True)
class SlaClock:
    """Where one escalation stands against its deadline."""

    due_at: datetime
    allowed: timedelta  # wall-clock time from escalation to deadline
    remaining: timedelta  # negative once late; for a claimed conversation, what was left at the claim
    claimed: bool

    @property
    def late(self) -> bool:
        return self.remaining < timedelta(0)

    @property
    def due_soon(self) -> bool:
        """The last quarter of the time allowed, while nobody has claimed it."""
        return not self.claimed and not self.late and self.remaining <= self.allowed / 4

    @property
    def state(self) -> str:
        """late, due_soon, on_time (waiting); claimed_late, claimed_on_time (with a CHW)."""
        if self.claimed:
            return "claimed_late" if self.late else "claimed_on_time"
        return "late" if self.late else "due_soon" if self.due_soon else "on_time"

    @property
    def label(self) -> str:
        if self.claimed:
            return "Claimed late" if self.late else "Claimed in time"
        if self.late:
            return f"Late by {duration(-self.remaining)}"
        return f"Due in {duration(self.remaining)}"


def sla_clock(conv: Conversation, policy: SlaPolicy, now: datetime) -> SlaClock | None:
    if conv.escalated_at is None:
        return None
    due = policy.due_at(conv.escalated_at, conv.urgency)
    claimed = conv.status is ConversationStatus.WITH_CHW
    at = conv.claimed_at if claimed and conv.claimed_at is not None else now
    return SlaClock(due, due - conv.escalated_at, due - at, claimed)


def duration(span: timedelta) -> str:
    """A span as a person says it: 'under a minute', '12 min', '2 h 5 min', '3 d 4 h'."""
    minutes = int(span.total_seconds() // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"
