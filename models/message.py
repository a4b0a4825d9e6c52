"""Every text in and out, with what Twilio said about it, and each in the CHW's language."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, created_at, enum_column, intpk
from models.client import Channel


class Direction(enum.Enum):
    INBOUND = "in"
    OUTBOUND = "out"


class Sender(enum.Enum):
    CLIENT = "client"
    BOT = "bot"
    CHW = "chw"


class MessageStatus(enum.Enum):
    # inbound
    RECEIVED = "received"  # stored, not yet run through the engine
    PROCESSED = "processed"
    # outbound, ours
    PENDING = "pending"  # written, waiting for a send job
    SENDING = "sending"  # a worker has claimed it and is talking to Twilio
    SUPPRESSED = "suppressed"  # never sent: opted out, unreachable, or no channel left
    # outbound, Twilio's
    ACCEPTED = "accepted"
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    UNDELIVERED = "undelivered"
    FAILED = "failed"


# Twilio's status callbacks only ever move a message forward along this order.
STATUS_RANK = {
    MessageStatus.PENDING: 0,
    MessageStatus.SENDING: 1,
    MessageStatus.ACCEPTED: 2,
    MessageStatus.QUEUED: 2,
    MessageStatus.SENT: 3,
    MessageStatus.DELIVERED: 4,
    MessageStatus.UNDELIVERED: 4,
    MessageStatus.FAILED: 4,
    MessageStatus.READ: 5,
}


class Message(Base):
    __tablename__ = "message"
    __table_args__ = (
        sa.Index("ix_message_status_next_attempt", "status", "next_attempt_at"),
        sa.Index("ix_message_client_created", "client_id", "created_at"),
        # Reports scan a date range and read only these columns: on PostgreSQL, from the index alone.
        sa.Index("ix_message_created_at", "created_at",
                 postgresql_include=["direction", "channel", "status", "segments", "client_id"]),
        sa.Index("ix_message_inbound_created_at", "created_at", postgresql_include=["client_id"],
                 postgresql_where=sa.text("direction = 'in'"), sqlite_where=sa.text("direction = 'in'")),
    )

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"))
    conversation_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("conversation.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[Direction] = enum_column(Direction)
    sender: Mapped[Sender] = enum_column(Sender)
    author_id: Mapped[int | None]  # the CHW who wrote it
    channel: Mapped[Channel] = enum_column(Channel)
    body: Mapped[str] = mapped_column(sa.Text, default="")
    text_key: Mapped[str | None] = mapped_column(sa.String(64))  # catalog message id it was rendered from
    language: Mapped[str | None] = mapped_column(sa.String(16))
    # A catalog text sent in another language, as it reads in English (with its numbered options),
    # so that a CHW can read what the client was asked.
    english: Mapped[str | None] = mapped_column(sa.Text)
    automated: Mapped[bool] = mapped_column(default=False)  # not a direct reply to the client
    twilio_sid: Mapped[str | None] = mapped_column(sa.String(64), unique=True)
    status: Mapped[MessageStatus] = enum_column(MessageStatus)
    error_code: Mapped[int | None]
    error_message: Mapped[str | None] = mapped_column(sa.String(255))
    segments: Mapped[int] = mapped_column(default=0)
    encoding: Mapped[str | None] = mapped_column(sa.String(8))  # GSM-7 or UCS-2
    num_media: Mapped[int] = mapped_column(default=0)
    media: Mapped[list | None]
    button_payload: Mapped[str | None] = mapped_column(sa.String(256))
    content_sid: Mapped[str | None] = mapped_column(sa.String(64))
    content_variables: Mapped[dict | None]
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None]
    claimed_at: Mapped[datetime | None]
    created_at: Mapped[created_at]
    sent_at: Mapped[datetime | None]
    delivered_at: Mapped[datetime | None]
    updated_at: Mapped[datetime | None]


class TranslationStatus(enum.Enum):
    DONE = "done"  # `text` is the server's translation of the message
    WRITTEN = "written"  # `text` is what the CHW wrote; the message's body is what was sent
    FAILED = "failed"  # no translation; `error` says why


class MessageTranslation(Base):
    __tablename__ = "message_translation"
    __table_args__ = (sa.UniqueConstraint("message_id", "language", name="uq_message_translation_message_language"),)

    id: Mapped[intpk]
    message_id: Mapped[int] = mapped_column(sa.ForeignKey("message.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(sa.String(16))  # the CHW's language, translated into
    source: Mapped[str | None] = mapped_column(sa.String(16))  # the message's language, as asked or detected
    status: Mapped[TranslationStatus] = enum_column(TranslationStatus)
    text: Mapped[str | None] = mapped_column(sa.Text)
    error: Mapped[str | None] = mapped_column(sa.String(255))
    created_at: Mapped[created_at]
