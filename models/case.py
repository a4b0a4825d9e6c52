"""A client's case as a CHW keeps it: notes, and goals agreed with the client and progress toward them.

Goal statuses follow FHIR Goal (lifecycleStatus and achievementStatus), as the Gravity SDOHCC
guide uses them, so that the FHIR export maps goals without a translation table.
"""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, created_at, enum_column, intpk

MAX_NOTE = 4000
MAX_GOAL = 500


class Note(Base):
    """Free text a CHW writes about a client, optionally in one conversation."""

    __tablename__ = "case_note"
    __table_args__ = (sa.Index("ix_case_note_client_created", "client_id", "created_at"),)

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"))
    conversation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("conversation.id", ondelete="SET NULL"))
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id", ondelete="SET NULL"), index=True)
    body: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[created_at]


class GoalStatus(enum.Enum):
    """FHIR Goal.lifecycleStatus, the values a CHW uses."""

    ACTIVE = "active"
    ON_HOLD = "on-hold"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class Achievement(enum.Enum):
    """FHIR Goal.achievementStatus."""

    IN_PROGRESS = "in-progress"
    IMPROVING = "improving"
    WORSENING = "worsening"
    NO_CHANGE = "no-change"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not-achieved"


class Goal(Base):
    """Something the client wants to reach, agreed with their CHW, often for one need."""

    __tablename__ = "goal"

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[int | None] = mapped_column(sa.ForeignKey("need.id", ondelete="SET NULL"))
    description: Mapped[str] = mapped_column(sa.String(MAX_GOAL))
    target_date: Mapped[date | None] = mapped_column(sa.Date)
    status: Mapped[GoalStatus] = enum_column(GoalStatus, default=GoalStatus.ACTIVE)
    achievement: Mapped[Achievement] = enum_column(Achievement, default=Achievement.IN_PROGRESS)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id", ondelete="SET NULL"),
                                                      index=True)
    created_at: Mapped[created_at]


class GoalProgress(Base):
    """One dated step toward a goal: what happened, and where that leaves it."""

    __tablename__ = "goal_progress"

    id: Mapped[intpk]
    goal_id: Mapped[int] = mapped_column(sa.ForeignKey("goal.id", ondelete="CASCADE"), index=True)
    achievement: Mapped[Achievement] = enum_column(Achievement)
    note: Mapped[str] = mapped_column(sa.Text, default="")
    author_id: Mapped[int | None] = mapped_column(sa.ForeignKey("staff_user.id", ondelete="SET NULL"))
    at: Mapped[datetime]


def record_progress(session: Session, goal: Goal, achievement: Achievement, note: str, now: datetime,
                    author_id: int | None) -> GoalProgress:
    """Add a progress entry; an achieved goal is completed, a completed one that slips is active again."""
    goal.achievement = achievement
    if achievement is Achievement.ACHIEVED:
        goal.status = GoalStatus.COMPLETED
    elif goal.status is GoalStatus.COMPLETED:
        goal.status = GoalStatus.ACTIVE
    entry = GoalProgress(goal_id=goal.id, achievement=achievement, note=note, author_id=author_id, at=now)
    session.add(entry)
    return entry
