"""Screenings started and completed, and what they found (positive screens by Gravity domain)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.labels import NEED_DOMAINS
from models import Need, Screening
from reports.counts import Count, counts
from reports.sql import in_caseload


@dataclass(frozen=True)
class ScreeningFigures:
    started: int  # screenings whose started_at is in the period
    completed: int  # screenings whose completed_at is in the period
    positive: int  # screenings with at least one need identified in the period
    by_domain: tuple[Count, ...]  # needs identified by a screening in the period, per domain


def screening_figures(session: Session, start: datetime, end: datetime,
                      chw_id: int | None = None) -> ScreeningFigures:
    started = session.scalar(sa.select(sa.func.count()).select_from(Screening).where(
        Screening.started_at >= start, Screening.started_at < end, in_caseload(Screening.client_id, chw_id)))
    completed = session.scalar(sa.select(sa.func.count()).select_from(Screening).where(
        Screening.completed_at >= start, Screening.completed_at < end, in_caseload(Screening.client_id, chw_id)))
    found = (Need.identified_at >= start, Need.identified_at < end, Need.screening_id.is_not(None),
             in_caseload(Need.client_id, chw_id))
    positive = session.scalar(sa.select(sa.func.count(sa.distinct(Need.screening_id))).where(*found))
    rows = session.execute(sa.select(Need.domain, sa.func.count()).where(*found).group_by(Need.domain)).all()
    return ScreeningFigures(started=started or 0, completed=completed or 0, positive=positive or 0,
                            by_domain=counts(rows, NEED_DOMAINS))
