"""What a CHW changes on a client's record. Each works in the caller's transaction and never commits.

Need changes are recorded as events for the timeline and the reports:

- `need_added`: `{"need_id": 4, "need": "food-insecurity", "by": 3}`
- `need_status_changed`: `{"need_id": 4, "need": "food-insecurity", "status": "resolved", "by": 3}`
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.referrals import create_referral
from models import Client, Event, Need, NeedStatus, Referral, ReferralStatus, User
from models.case import Goal, GoalStatus
from models.directory import Organization, Phone, Service
from models.referral import set_status
from models.screening import record_need

REFERRABLE = (None, "", "active")  # HSDS service status: only active services take referrals


def add_need(session: Session, client: Client, domain: str, user: User, now: datetime) -> tuple[Need, bool]:
    """(the need, whether it is new): an open need of the same domain is not added twice."""
    need = record_need(session, client.id, domain, now, None, source="chw")
    if need.id is not None:
        return need, False
    session.flush()
    _event(session, client.id, "need_added", {"need_id": need.id, "need": domain, "by": user.id}, now)
    return need, True


def set_need_status(session: Session, need: Need, status: NeedStatus, user: User, now: datetime) -> None:
    if need.status is status:
        return
    need.status = status
    need.resolved_at = now if status is NeedStatus.RESOLVED else None
    _event(session, need.client_id, "need_status_changed",
           {"need_id": need.id, "need": need.domain, "status": status.value, "by": user.id}, now)


def add_goal(session: Session, client: Client, description: str, need_id: int | None, target: date | None,
             user: User, now: datetime) -> Goal:
    goal = Goal(client_id=client.id, need_id=need_id, description=description, target_date=target,
                status=GoalStatus.ACTIVE, created_by_id=user.id, created_at=now)
    session.add(goal)
    session.flush()
    return goal


def update_referral(session: Session, referral: Referral, status: ReferralStatus, reason: str | None, user: User,
                    now: datetime) -> None:
    """A CHW's update of the closed loop. A completed referral resolves its need, as the client's
    own "I got help" does."""
    set_status(session, referral, status, now, reason=reason, by_id=user.id, source="chw")
    if status is ReferralStatus.COMPLETED and referral.need_id is not None:
        need = session.get(Need, referral.need_id)
        if need is not None and need.status is not NeedStatus.RESOLVED:
            set_need_status(session, need, NeedStatus.RESOLVED, user, now)


@dataclass(frozen=True)
class Refused:
    reason: str


def refer(session: Session, client: Client, service_id: str, need: str, shared: bool, user: User,
          now: datetime) -> Referral | Refused:
    """Refer the client to a directory service, with the service's details read from the directory
    (never from the form). Check-ins follow as for the bot's referrals."""
    row = session.execute(
        sa.select(Service, Organization.name).join(Organization, Organization.id == Service.organization_id)
        .where(Service.id == service_id)
    ).first()
    if row is None:
        return Refused("That resource is no longer in the directory.")
    service, organization = row
    if (service.status or "").lower() not in REFERRABLE:
        return Refused(f"{service.name} is {service.status}: it does not take referrals.")
    phone = session.scalars(sa.select(Phone.number).where(Phone.service_id == service.id)
                            .order_by(Phone.id).limit(1)).first()
    return create_referral(session, client, need, service.id, service.name, phone, now, shared=shared,
                           made_by_id=user.id, organization_name=organization)


def _event(session: Session, client_id: int, event_type: str, data: dict, now: datetime) -> None:
    session.add(Event(client_id=client_id, conversation_id=None, type=event_type, data=data, created_at=now))
