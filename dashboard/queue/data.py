"""What the queue shows: escalated conversations in the order to pick them up, and for supervisors
how the queue and each CHW's caseload stand against the SLA."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.access import sees_everyone
from casework.sla import SlaClock, SlaPolicy, sla_clock
from models import (
    Client,
    Conversation,
    ConversationStatus,
    Message,
    MessageTranslation,
    Referral,
    Role,
    TranslationStatus,
    Urgency,
    User,
)
from models.referral import OPEN_STATUSES

OPEN = (ConversationStatus.WAITING, ConversationStatus.WITH_CHW)


@dataclass(frozen=True)
class QueueItem:
    conversation: Conversation
    client: Client
    holder: User | None
    sla: SlaClock | None
    waiting: timedelta  # since the escalation
    trigger: Message | None = None  # the client's text that put it here
    translation: MessageTranslation | None = None  # of the trigger, in the CHW's language

    @property
    def translated(self) -> str | None:
        t, m = self.translation, self.trigger
        if t is None or m is None or t.status is TranslationStatus.FAILED or t.text == m.body:
            return None
        return t.text

    @property
    def language(self) -> str | None:
        """The client's language, or the one the translation server detected in the trigger."""
        if self.client.language:
            return self.client.language
        return self.translation.source if self.translation is not None else None

    @property
    def urgent(self) -> bool:
        return self.conversation.urgency is Urgency.URGENT


@dataclass(frozen=True)
class QueueSummary:
    waiting: int
    late: int
    urgent: int  # waiting and urgent
    held: int  # with a CHW

    def sentence(self) -> str:
        if not self.waiting:
            return "Nobody is waiting."
        people = "1 conversation is" if self.waiting == 1 else f"{self.waiting} conversations are"
        details = [f"{self.urgent} urgent"] if self.urgent else []
        details += [f"{self.late} late"] if self.late else []
        return f"{people} waiting" + (f" ({', '.join(details)})." if details else ".")


@dataclass(frozen=True)
class Caseload:
    user: User
    holding: int  # conversations with them now
    claimed_late: int  # of those, claimed after the SLA deadline
    open_referrals: int  # referrals they made that are still open


def queue_items(session: Session, user: User, policy: SlaPolicy, now: datetime, language: str) -> list[QueueItem]:
    """Urgent first, then the longest waiting. A CHW sees the unclaimed and their own; each with
    the text that put it here and its translation into `language` (the CHW's)."""
    query = (
        sa.select(Conversation, Client, Message, MessageTranslation)
        .join(Client, Client.id == Conversation.client_id)
        .outerjoin(Message, Message.id == Conversation.trigger_message_id)
        .outerjoin(MessageTranslation, sa.and_(MessageTranslation.message_id == Message.id,
                                               MessageTranslation.language == language))
        .where(Conversation.status.in_(OPEN))
        .order_by(
            sa.case((Conversation.urgency == Urgency.URGENT, 0), else_=1),
            Conversation.escalated_at.asc().nulls_last(),
            Conversation.id,
        )
    )
    if not sees_everyone(user):
        query = query.where(
            sa.or_(Conversation.assigned_to_id.is_(None), Conversation.assigned_to_id == user.id)
        )
    rows = session.execute(query).all()
    holders = _users(session, {conv.assigned_to_id for conv, *_ in rows if conv.assigned_to_id})
    return [
        QueueItem(conv, client, holders.get(conv.assigned_to_id), sla_clock(conv, policy, now),
                  now - (conv.escalated_at or conv.updated_at), trigger, translation)
        for conv, client, trigger, translation in rows
    ]


def summarize(items: list[QueueItem]) -> QueueSummary:
    waiting = [i for i in items if i.conversation.status is ConversationStatus.WAITING]
    return QueueSummary(
        waiting=len(waiting),
        late=sum(1 for i in waiting if i.sla is not None and i.sla.late),
        urgent=sum(1 for i in waiting if i.urgent),
        held=len(items) - len(waiting),
    )


def caseloads(session: Session, items: list[QueueItem]) -> list[Caseload]:
    """Every active CHW (and anyone else holding a conversation), busiest first."""
    held = [i for i in items if i.conversation.status is ConversationStatus.WITH_CHW]
    holding = Counter(i.conversation.assigned_to_id for i in held)
    late = Counter(i.conversation.assigned_to_id for i in held if i.sla is not None and i.sla.late)
    referrals = dict(session.execute(
        sa.select(Referral.made_by_id, sa.func.count())
        .where(Referral.made_by_id.is_not(None), Referral.status.in_(OPEN_STATUSES))
        .group_by(Referral.made_by_id)
    ).all())
    users = session.scalars(
        sa.select(User).where(sa.or_(sa.and_(User.role == Role.CHW, User.active), User.id.in_(holding)))
    ).all()
    loads = [Caseload(u, holding[u.id], late[u.id], referrals.get(u.id, 0)) for u in users]
    return sorted(loads, key=lambda c: (-c.holding, -c.open_referrals, c.user.display_name.lower()))


def _users(session: Session, ids: set[int]) -> dict[int, User]:
    if not ids:
        return {}
    return {u.id: u for u in session.scalars(sa.select(User).where(User.id.in_(ids)))}
