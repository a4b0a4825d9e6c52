"""Making a referral: the same for the bot (the client picked a resource) and a CHW (from the
client's record), so every referral is followed up alike."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from casework.checkins import schedule_checkin
from casework.partners import notify_partner, organization_of
from models import Client, NeedStatus, Referral, ReferralStatus
from models.referral import set_status
from models.screening import Need, record_need


def create_referral(session: Session, client: Client, need_domain: str, service_id: str | None, service_name: str,
                    phone: str | None, now: datetime, shared: bool, made_by_id: int | None = None,
                    organization_name: str | None = None, source: str | None = None) -> Referral:
    """A referral in `requested`, its need marked as being addressed, its check-in scheduled and,
    when the client agreed to share, its partner notified. `source` says who asked (bot, chw, ehr:
    a health system through FHIR); by default the CHW when there is one, else the bot."""
    source = source or ("bot" if made_by_id is None else "chw")
    need = record_need(session, client.id, need_domain, now, None,
                       source={"bot": "screening"}.get(source, source))
    session.flush()
    referral = Referral(
        client_id=client.id, need_id=need.id, need_domain=need_domain, service_id=service_id,
        service_name=service_name[:250], organization_name=organization_name, service_phone=phone,
        shared_with_provider=shared, made_by_id=made_by_id, created_at=now,
        organization_id=organization_of(session, service_id),
    )
    session.add(referral)
    session.flush()
    set_status(session, referral, ReferralStatus.REQUESTED, now, by_id=made_by_id, source=source)
    need.status = NeedStatus.ADDRESSING
    schedule_checkin(session, referral, client, now)
    if shared:
        notify_partner(session, referral, now)
    return referral


def record_outcome(session: Session, referral: Referral, client: Client, answer: str | None, now: datetime) -> None:
    """What the client said at check-in: got help (the need is resolved), still waiting (the next
    check-in is scheduled) or could not get help. The answer is kept beside the partner's."""
    if answer in ("got_help", "failed"):
        referral.client_outcome = answer
    if answer == "got_help":
        set_status(session, referral, ReferralStatus.COMPLETED, now)
        need = session.get(Need, referral.need_id) if referral.need_id else None
        if need is not None:
            need.status, need.resolved_at = NeedStatus.RESOLVED, now
    elif answer == "waiting":
        set_status(session, referral, ReferralStatus.IN_PROGRESS, now)
        referral.checkin_round += 1
        schedule_checkin(session, referral, client, now)
    elif answer == "failed":
        set_status(session, referral, ReferralStatus.FAILED, now, reason="other")


def record_failure_reason(session: Session, referral: Referral, reason: str | None, now: datetime) -> None:
    """Why a failed referral failed (no_capacity, closed ...), as the client told it."""
    if referral.status is ReferralStatus.FAILED:
        set_status(session, referral, ReferralStatus.FAILED, now, reason=reason or "other")
