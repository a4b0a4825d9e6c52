"""What happened in a conversation, as the engine reported it (need_identified, escalated ...).

Events are the seam between the pure engine and everything that reacts to it: the dashboard
queue, referrals, reports.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, JSONDict, created_at, intpk


class Event(Base):
    __tablename__ = "event"
    __table_args__ = (sa.Index("ix_event_type_created", "type", "created_at"),)

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"), index=True)
    conversation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("conversation.id", ondelete="CASCADE"))
    type: Mapped[str] = mapped_column(sa.String(48))
    data: Mapped[JSONDict]
    created_at: Mapped[created_at]
