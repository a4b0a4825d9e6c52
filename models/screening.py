"""Screenings (AHC HRSN) and their answers, LOINC-coded, and the needs they identify.

Needs use the HL7 Gravity SDOHCC domain codes (food-insecurity, housing-instability ...),
so that the FHIR export maps them to Conditions without a translation table.
"""

from __future__ import annotations

import enum
import functools
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, Session, mapped_column

from models.base import Base, created_at, dialect_insert, enum_column, intpk

AHC_HRSN_CORE = "96777-8"


class ScreeningStatus(enum.Enum):
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"


class Screening(Base):
    __tablename__ = "screening"
    __table_args__ = (  # reports count screenings started and completed in a date range
        sa.Index("ix_screening_started_at", "started_at"),
        sa.Index("ix_screening_completed_at", "completed_at"),
    )

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"), index=True)
    instrument: Mapped[str] = mapped_column(sa.String(16), default=AHC_HRSN_CORE)
    language: Mapped[str | None] = mapped_column(sa.String(16))
    status: Mapped[ScreeningStatus] = enum_column(ScreeningStatus, default=ScreeningStatus.IN_PROGRESS)
    started_at: Mapped[datetime]
    completed_at: Mapped[datetime | None]
    safety_score: Mapped[int | None]  # LOINC 95614-4, the sum of items 7-10


class ScreeningAnswer(Base):
    __tablename__ = "screening_answer"
    __table_args__ = (sa.UniqueConstraint("screening_id", "question"),)

    id: Mapped[intpk]
    screening_id: Mapped[int] = mapped_column(sa.ForeignKey("screening.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(sa.String(32))
    item_loinc: Mapped[str] = mapped_column(sa.String(16))
    codes: Mapped[list] = mapped_column(sa.JSON, default=list)
    answer_loinc: Mapped[list] = mapped_column(sa.JSON, default=list)
    value: Mapped[int | None]
    skipped: Mapped[bool] = mapped_column(default=False)
    answered_at: Mapped[datetime]


class NeedStatus(enum.Enum):
    OPEN = "open"  # identified, nothing done yet
    ADDRESSING = "addressing"  # a referral or a goal is under way
    RESOLVED = "resolved"
    DECLINED = "declined"  # the client does not want help with it


class Need(Base):
    __tablename__ = "need"
    __table_args__ = (
        sa.Index("ix_need_client_domain", "client_id", "domain"),
        sa.Index("ix_need_identified_at", "identified_at"),
    )

    id: Mapped[intpk]
    client_id: Mapped[int] = mapped_column(sa.ForeignKey("client.id", ondelete="CASCADE"))
    domain: Mapped[str] = mapped_column(sa.String(48))  # Gravity SDOHCC code
    status: Mapped[NeedStatus] = enum_column(NeedStatus, default=NeedStatus.OPEN)
    source: Mapped[str] = mapped_column(sa.String(16), default="screening")  # screening | chw | ehr
    screening_id: Mapped[int | None] = mapped_column(sa.ForeignKey("screening.id", ondelete="SET NULL"))
    identified_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    created_at: Mapped[created_at]


# The client's latest screening, read with Core (no ORM load) in a statement built once: it runs
# for almost every text.
_screenings = Screening.__table__
_LATEST = (sa.select(_screenings.c.id, _screenings.c.status)
           .where(_screenings.c.client_id == sa.bindparam("client_id"))
           .order_by(_screenings.c.started_at.desc(), _screenings.c.id.desc())
           .limit(1))


def latest_screening_id(session: Session, client_id: int) -> int | None:
    """A screening started in the same turn is flushed when it is created, so it is seen."""
    row = session.execute(_LATEST, {"client_id": client_id}).first()
    return row.id if row else None


def open_screening_id(session: Session, client_id: int) -> int | None:
    """The latest screening's id if it is still in progress: where the next answer goes."""
    row = session.execute(_LATEST, {"client_id": client_id}).first()
    return row.id if row and row.status is ScreeningStatus.IN_PROGRESS else None


def current_screening(session: Session, client_id: int) -> Screening | None:
    """The latest screening as an object, to change it (once a screening, at its end)."""
    screening_id = latest_screening_id(session, client_id)
    return session.get(Screening, screening_id) if screening_id is not None else None


@functools.cache
def store_answer_statement(dialect_name: str) -> sa.Insert:
    """Insert an answer, or replace it when the question is asked again (the client went back).
    Built once per backend: every answer of every screening runs it."""
    answers = ScreeningAnswer.__table__
    insert = dialect_insert(dialect_name, answers)
    return insert.values({c.name: sa.bindparam(c.name) for c in answers.c if c.name != "id"}).on_conflict_do_update(
        index_elements=["screening_id", "question"],
        set_={name: insert.excluded[name] for name in ("codes", "answer_loinc", "value", "skipped", "answered_at")})


def record_need(session: Session, client_id: int, domain: str, now: datetime, screening_id: int | None,
                source: str = "screening") -> Need:
    """An open need of the same domain is not recorded twice."""
    need = session.scalars(
        sa.select(Need).where(
            Need.client_id == client_id, Need.domain == domain,
            Need.status.in_([NeedStatus.OPEN, NeedStatus.ADDRESSING]),
        )
    ).first()
    if need is None:
        need = Need(client_id=client_id, domain=domain, status=NeedStatus.OPEN, source=source,
                    screening_id=screening_id, identified_at=now)
        session.add(need)
    return need
