"""Referrals made in the conversation, and what the client says about them at check-in.

Handlers for the engine's referral events; a referral is made by `casework.referrals`, as the
dashboard's are, so a CHW's referral is followed up exactly like the bot's.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.engine import AnswerGiven, Reached
from bot.pipeline.escalation import escalate_recorded
from casework.loop import disputed
from casework.referrals import create_referral, record_failure_reason, record_outcome
from models import Client, Conversation, Referral


def chosen(session: Session, client: Client, conv: Conversation, event: AnswerGiven, now: datetime) -> None:
    """The client picked a resource (`context`: service_id, name, phone, need) and answered whether
    we may share their details (`answer` yes or no)."""
    ctx = event.context
    create_referral(session, client, ctx["need"], ctx.get("service_id"), ctx.get("name", ""), ctx.get("phone"), now,
                    shared=event.answer == "yes")


def _referral(session: Session, client: Client, event: AnswerGiven) -> Referral | None:
    referral_id = event.context.get("referral_id")
    if referral_id is None:
        return None
    return session.scalars(
        sa.select(Referral).where(Referral.id == int(referral_id), Referral.client_id == client.id)
    ).first()


def outcome(session: Session, client: Client, conv: Conversation, event: AnswerGiven, now: datetime) -> None:
    """The check-in answer (got_help, waiting, failed) about `context.referral_id`.

    Any answer clears the pending reminder; "still waiting" schedules the next check-in.
    """
    referral = _referral(session, client, event)
    if referral is None:
        return
    record_outcome(session, referral, client, event.answer, now)
    if disputed(referral):
        escalate_recorded(session, client, conv, "referral_disputed", "normal", now)


def failed(session: Session, client: Client, conv: Conversation, event: AnswerGiven, now: datetime) -> None:
    """Why it failed (`answer`: no_capacity, closed ...)."""
    referral = _referral(session, client, event)
    if referral is not None:
        record_failure_reason(session, referral, event.answer, now)


def dead_end(session: Session, client: Client, conv: Conversation, event: Reached, now: datetime) -> None:
    """No other resource to offer after a failed referral: a person takes over."""
    escalate_recorded(session, client, conv, "referral_failed", "normal", now)
