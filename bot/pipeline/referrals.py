"""Referrals made in the conversation, and what the client says about them at check-in.

Handlers for the engine's referral events; a referral is made by `casework.referrals`, as the
dashboard's are, so a CHW's referral is followed up exactly like the bot's.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.pipeline.escalation import escalate_recorded
from casework.referrals import create_referral, record_failure_reason, record_outcome
from models import Client, Conversation, Referral


def chosen(session, client, conv, event, now):
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


def outcome(session, client, conv, event, now):
    """The check-in answer:
    `{"type": "referral_outcome", "data": {"answer": "got_help", "context": {"referral_id": 7}}}`.

    Any answer clears the pending reminder; "still waiting" schedules the next check-in.
    """
    referral = _referral(session, client, event)
    if referral is None:
        return
    record_outcome(session, referral, client, event.data.get("answer"), now)


def failed(session, client, conv, event, now):
    """Why it failed:
    `{"type": "referral_failed", "data": {"answer": "no_capacity", "context": {"referral_id": 7}}}`."""
    referral = _referral(session, client, event)
    if referral is not None:
        record_failure_reason(session, referral, event.data.get("answer"), now)


def dead_end(session, client: Client, conv: Conversation, event, now):
    """No other resource to offer after a failed referral: a person takes over."""
    escalate_recorded(session, client, conv, "referral_failed", "normal", now)
