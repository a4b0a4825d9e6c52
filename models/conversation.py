"""A client's conversation: where the bot is in its flows, and who holds it (bot or CHW)."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship

from models.base import Base, JSONDict, created_at, enum_column, intpk, utcnow
from models.client import Client, lock_client


class ConversationStatus(enum.Enum):
    BOT = "bot"  # the assistant answers
    WAITING = "waiting"  # escalated, waiting for a CHW to claim it
    WITH_CHW = "with_chw"  # a CHW holds it; the bot is paused
    CLOSED = "closed"


class Urgency(enum.Enum):
    URGENT = "urgent"
    NORMAL = "normal"


class Conversation(Base):
    __tablename__ = "conversation"
    __table_args__ = (sa.Index("ix_conversation_escalated_at", "escalated_at"),)  # reports: escalations in a period

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"), index=True)
    status: Mapped[ConversationStatus] = enum_column(ConversationStatus, default=ConversationStatus.BOT)
    state: Mapped[JSONDict]
    escalation_reason: Mapped[str | None] = mapped_column(sa.String(32))
    urgency: Mapped[Urgency | None] = enum_column(Urgency, nullable=True)
    escalated_at: Mapped[datetime | None]
    # The client's text that put it in the queue (or made it urgent), for the queue card and the
    # transcript; none when the escalation came from elsewhere (an unanswered check-in). No foreign
    # key: messages already point at conversations.
    trigger_message_id: Mapped[int | None]
    assigned_to_id: Mapped[int | None] = mapped_column(index=True)
    claimed_at: Mapped[datetime | None]  # when a CHW took the current escalation
    created_at: Mapped[created_at]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    client: Mapped[Client] = relationship()


def open_conversation_for_update(session: Session, client: Client) -> Conversation:
    """The client's current conversation, row-locked so one message is handled at a time.

    The client row is locked (and re-read) first: it exists before any conversation does, so
    two first messages from a new client cannot both create one.
    """
    lock_client(session, client.id)
    return open_conversation(session, client)


def open_conversation(session: Session, client: Client) -> Conversation:
    """`open_conversation_for_update` for a caller that already holds the client's lock (`lock_client`)."""
    conv = session.scalars(_OPEN_CONVERSATION, {"client_id": client.id}).first()
    if conv is None:
        conv = Conversation(client_id=client.id, status=ConversationStatus.BOT, state={})
        session.add(conv)
        session.flush()
    return conv


# Built once, like `models.client._LOCK_CLIENT`: it runs for every inbound text.
_OPEN_CONVERSATION = (
    sa.select(Conversation)
    .where(Conversation.client_id == sa.bindparam("client_id"), Conversation.status != ConversationStatus.CLOSED)
    .order_by(Conversation.id.desc())
    .limit(1)
    .with_for_update()
)
