"""What each CHW did in the period: conversations claimed, referrals made and closed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.access import CLAIMED
from models import Event, Referral, Role, User
from reports.figures.referrals import NOT_MADE, closed_loop


@dataclass(frozen=True)
class ChwActivity:
    user_id: int
    name: str
    conversations_claimed: int  # `conversation_claimed` events of theirs in the period
    referrals_made: int  # referrals they made in the period (not draft, not entered in error)
    referrals_closed: int  # of those, the ones that closed the loop


def chw_choices(session: Session) -> list[User]:
    """Everyone who can be filtered on: CHWs, active ones first."""
    return list(session.scalars(
        sa.select(User).where(User.role == Role.CHW).order_by(User.active.desc(), sa.func.lower(User.email))))


def chw_activity(session: Session, start: datetime, end: datetime,
                 chw_id: int | None = None) -> tuple[ChwActivity, ...]:
    """One row per active CHW (or just `chw_id`), and anyone else who claimed or referred in the period."""
    by = Event.data["by"].as_integer()
    claimed = dict(session.execute(
        sa.select(by, sa.func.count()).where(Event.type == CLAIMED, Event.created_at >= start, Event.created_at < end)
        .group_by(by)).all())
    made_in_period = (Referral.created_at >= start, Referral.created_at < end, Referral.made_by_id.is_not(None),
                      Referral.status.not_in(NOT_MADE))
    referred = {uid: (made, closed) for uid, made, closed in session.execute(
        sa.select(Referral.made_by_id, sa.func.count(), sa.func.count().filter(closed_loop()))
        .where(*made_in_period).group_by(Referral.made_by_id)).all()}
    ids = set(claimed) | set(referred)
    users = session.scalars(
        sa.select(User).where(sa.or_(sa.and_(User.role == Role.CHW, User.active), User.id.in_(ids)))).all()
    rows = [
        ChwActivity(u.id, u.display_name, claimed.get(u.id, 0), *referred.get(u.id, (0, 0)))
        for u in users if chw_id is None or u.id == chw_id
    ]
    return tuple(sorted(rows, key=lambda r: r.name.lower()))
