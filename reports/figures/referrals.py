"""Referrals made in the period, where they stand now, and how many closed the loop.

Closed loop: a referral made in the period that has reached an outcome the client reported,
`completed`, or `failed` with a reason. The rate divides those by the referrals made in the
period, leaving out drafts (never sent) and referrals entered in error. Statuses are as of
now, so the rate for a recent period rises as check-ins come back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.labels import REFERRAL_STATUSES
from models import Referral, ReferralStatus
from reports.counts import Count, counts
from reports.sql import median_duration, seconds_between

NOT_MADE = (ReferralStatus.DRAFT, ReferralStatus.ENTERED_IN_ERROR)


@dataclass(frozen=True)
class ReferralFigures:
    made: int  # every referral created in the period
    by_status: tuple[Count, ...]  # the same referrals by their status now
    counted: int  # of those, the ones the closed-loop rate counts (not draft, not entered in error)
    closed: int  # of those, completed or failed with a reason
    median_time_to_outcome: timedelta | None  # created_at -> outcome_at over the closed ones

    @property
    def closed_loop_rate(self) -> float | None:
        return self.closed / self.counted if self.counted else None


def closed_loop() -> sa.ColumnElement[bool]:
    return sa.or_(Referral.status == ReferralStatus.COMPLETED,
                  sa.and_(Referral.status == ReferralStatus.FAILED, Referral.status_reason.is_not(None)))


def referral_figures(session: Session, start: datetime, end: datetime, chw_id: int | None = None) -> ReferralFigures:
    made = [Referral.created_at >= start, Referral.created_at < end]
    if chw_id is not None:
        made.append(Referral.made_by_id == chw_id)
    with_reason = Referral.status_reason.is_not(None)
    rows = session.execute(sa.select(Referral.status, with_reason, sa.func.count()).where(*made)
                           .group_by(Referral.status, with_reason)).all()
    by_status: dict[str, int] = {}
    for status, _, n in rows:
        by_status[status.value] = by_status.get(status.value, 0) + n
    median = median_duration(session, sa.select(seconds_between(Referral.created_at, Referral.outcome_at)).where(
        *made, closed_loop(), Referral.outcome_at.is_not(None)))
    return ReferralFigures(
        made=sum(by_status.values()),
        by_status=counts(by_status.items(), REFERRAL_STATUSES, order=REFERRAL_STATUSES),
        counted=sum(n for status, _, n in rows if status not in NOT_MADE),
        closed=sum(n for status, reason, n in rows if status is ReferralStatus.COMPLETED
                   or (status is ReferralStatus.FAILED and reason)),
        median_time_to_outcome=median,
    )
