"""A person who texts us: their number, channel, language, place and consent."""

from __future__ import annotations

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, created_at, enum_column, intpk


class Channel(enum.Enum):
    SMS = "sms"
    WHATSAPP = "whatsapp"


class Client(Base):
    __tablename__ = "client"

    id: Mapped[intpk]
    phone: Mapped[str] = mapped_column(sa.String(20), unique=True)  # E.164
    channel: Mapped[Channel] = enum_column(Channel, default=Channel.SMS)
    whatsapp_id: Mapped[str | None] = mapped_column(sa.String(32))
    profile_name: Mapped[str | None] = mapped_column(sa.String(120))
    first_name: Mapped[str | None] = mapped_column(sa.String(80))
    language: Mapped[str | None] = mapped_column(sa.String(16))
    zip_code: Mapped[str | None] = mapped_column(sa.String(10))
    timezone: Mapped[str | None] = mapped_column(sa.String(64))
    consent_at: Mapped[datetime | None]
    consent_text: Mapped[str | None] = mapped_column(sa.Text)
    opted_out_at: Mapped[datetime | None]
    unreachable_at: Mapped[datetime | None]
    unreachable_reason: Mapped[str | None] = mapped_column(sa.String(64))
    last_inbound_at: Mapped[datetime | None]
    created_at: Mapped[created_at]

    @property
    def opted_out(self) -> bool:
        return self.opted_out_at is not None



def lock_client(session: Session, client_id: int) -> Client:
    """Load the client row locked for this transaction (one message of theirs at a time), fresh."""
    return session.scalars(_LOCK_CLIENT, {"client_id": client_id}).one()


# Built once: every inbound text and job runs it, and building a statement costs more than running it.
_LOCK_CLIENT = (sa.select(Client).where(Client.id == sa.bindparam("client_id")).with_for_update()
                .execution_options(populate_existing=True))
