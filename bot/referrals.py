"""Referrals made in the conversation, and what the client says about them at check-in.

Handlers for the engine's referral events; the dashboard makes referrals through
`create_referral` too, so a CHW's referral is followed up exactly like the bot's.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.effects import escalate_recorded, handles
from models import Client, Conversation, NeedStatus, Referral, ReferralStatus
from models.referral import set_status
from models.screening import Need, record_need
from workers.checkins import schedule_checkin


def create_referral(session: Session, client: Client, need_domain: str, service_id: str | None, service_name: str,
                    phone: str | None, now: datetime, shared: bool, made_by_id: int | None = None,
                    organization_name: str | None = None) -> Referral:
    """A referral in `requested`, its need marked as being addressed, and its check-in scheduled."""
    need = record_need(session, client.id, need_domain, now, None, source="screening" if made_by_id is None else "chw")
    session.flush()
    referral = Referral(
        client_id=client.id, need_id=need.id, need_domain=need_domain, service_id=service_id,
        service_name=service_name[:250], organization_name=organization_name, service_phone=phone,
        shared_with_provider=shared, made_by_id=made_by_id, created_at=now,
    )
    session.add(referral)
    session.flush()
    set_status(session, referral, ReferralStatus.REQUESTED, now, by_id=made_by_id,
               source="bot" if made_by_id is None else "chw")
    need.status = NeedStatus.ADDRESSING
    schedule_checkin(session, referral, client, now)
    return referral


@handles("referral_chosen")
def _chosen(session, client, conv, event, now):
    """The client picked a resource and said whether we may share their details:
    `{"type": "referral_chosen", "data": {"answer": "yes", "context": {"service_id": "s1", "name": "City Pantry",
    "phone": "(617) 555-0100", "need": "food-insecurity"}}}`."""
    ctx = event.data.get("context", {})
    create_referral(session, client, ctx["need"], ctx.get("service_id"), ctx.get("name", ""), ctx.get("phone"), now,
                    shared=event.data.get("answer") == "yes")


def _referral(session: Session, client: Client, event) -> Referral | None:
    referral_id = event.data.get("context", {}).get("referral_id")
    if referral_id is None:
        return None
    return session.scalars(
        sa.select(Referral).where(Referral.id == int(referral_id), Referral.client_id == client.id)
    ).first()


@handles("referral_outcome")
def _outcome(session, client, conv, event, now):
    """The check-in answer:
    `{"type": "referral_outcome", "data": {"answer": "got_help", "context": {"referral_id": 7}}}`.

    Any answer clears the pending reminder; "still waiting" schedules the next check-in.
    """
    referral = _referral(session, client, event)
    if referral is None:
        return
    answer = event.data.get("answer")
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


@handles("referral_failed")
def _failed(session, client, conv, event, now):
    """Why it failed:
    `{"type": "referral_failed", "data": {"answer": "no_capacity", "context": {"referral_id": 7}}}`."""
    referral = _referral(session, client, event)
    if referral is not None and referral.status is ReferralStatus.FAILED:
        set_status(session, referral, ReferralStatus.FAILED, now, reason=event.data.get("answer") or "other")


@handles("referral_dead_end")
def _dead_end(session, client: Client, conv: Conversation, event, now):
    """No other resource to offer after a failed referral: a person takes over."""
    escalate_recorded(session, client, conv, "referral_failed", "normal", now)
