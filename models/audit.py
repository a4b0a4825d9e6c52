"""Who looked at or changed what, and when: one row per access to a client's record or account event.

Entries name the action and the target by type and id only; they never copy message
bodies, phone numbers or other personal data, so the audit log itself is safe to read.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, intpk, utcnow
from models.staff import User


class AuditEntry(Base):
    __tablename__ = "audit_entry"
    __table_args__ = (sa.Index("ix_audit_entry_target", "target_type", "target_id"),)

    id: Mapped[intpk]
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    action: Mapped[str] = mapped_column(sa.String(48))  # view_client, login, login_failed ...
    target_type: Mapped[str | None] = mapped_column(sa.String(32))  # client, conversation, staff_user ...
    target_id: Mapped[str | None] = mapped_column(sa.String(64))
    ip: Mapped[str | None] = mapped_column(sa.String(45))
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


def audit(
    session: Session,
    user: User | None,
    action: str,
    target_type: str | None = None,
    target_id: int | str | None = None,
    ip: str | None = None,
    at: datetime | None = None,
) -> AuditEntry:
    """Record one audit entry in the caller's transaction (at `at`, the app's clock, when given)."""
    entry = AuditEntry(
        user_id=user.id if user is not None else None,
        action=action,
        target_type=target_type,
        target_id=None if target_id is None else str(target_id),
        ip=ip,
        at=at or utcnow(),
    )
    session.add(entry)
    return entry
