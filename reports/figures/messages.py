"""Message volume in and out, SMS segments, and what the segments cost.

Cost is an estimate: billable segments times SMS_SEGMENT_COST (default 0.0079 USD, Twilio's US
list price per segment). Billable: SMS in either direction that reached Twilio, that is every
inbound SMS and every outbound SMS except those we never handed over (pending, sending,
suppressed) or that Twilio could not send (failed). WhatsApp is billed per conversation, not per
segment, so its messages are counted but not costed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from sqlalchemy.orm import Session

from models import Channel, Message, MessageStatus
from reports.sql import in_caseload

DEFAULT_SEGMENT_COST = Decimal("0.0079")
NOT_BILLED = (MessageStatus.PENDING, MessageStatus.SENDING, MessageStatus.SUPPRESSED, MessageStatus.FAILED)


@dataclass(frozen=True)
class MessageVolume:
    direction: str  # in | out
    channel: str  # sms | whatsapp
    messages: int
    segments: int
    billable_segments: int


@dataclass(frozen=True)
class MessageFigures:
    rows: tuple[MessageVolume, ...]
    segment_cost: Decimal

    def total(self, field: str, direction: str | None = None) -> int:
        return sum(getattr(r, field) for r in self.rows if direction in (None, r.direction))

    @property
    def cost(self) -> Decimal:
        return (self.total("billable_segments") * self.segment_cost).quantize(Decimal("0.01"))


def message_figures(session: Session, start: datetime, end: datetime, chw_id: int | None = None, *,
                    segment_cost: Decimal = DEFAULT_SEGMENT_COST) -> MessageFigures:
    billable = sa.and_(Message.channel == Channel.SMS, Message.status.not_in(NOT_BILLED))
    rows = session.execute(
        sa.select(Message.direction, Message.channel, sa.func.count(), sa.func.sum(Message.segments),
                  sa.func.sum(sa.case((billable, Message.segments), else_=0)))
        .where(Message.created_at >= start, Message.created_at < end, in_caseload(Message.client_id, chw_id))
        .group_by(Message.direction, Message.channel)
    ).all()
    volume = sorted(
        (MessageVolume(d.value, c.value, n, int(seg or 0), int(bill or 0)) for d, c, n, seg, bill in rows),
        key=lambda v: (v.direction, v.channel),
    )
    return MessageFigures(rows=tuple(volume), segment_cost=Decimal(segment_cost))
