"""Escalating: the engine's `escalated` event, and the same escalation asked for at the edge (a
referral's dead end, an unanswered check-in, a text the engine cannot run)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.engine import Escalated
from bot.pipeline.events import record_events
from casework.escalation import escalate
from models import Client, Conversation


def escalated(session: Session, client: Client, conv: Conversation, event: Escalated, now: datetime) -> None:
    """Hand the conversation to a CHW."""
    escalate(conv, event.reason or "asked_for_person", event.urgency or "normal", now)


def escalate_recorded(session: Session, client: Client, conv: Conversation, reason: str, urgency: str,
                      now: datetime) -> None:
    """Escalate from the edge exactly as the engine would: the `escalated` event is recorded and
    its handler runs."""
    event = Escalated(reason, urgency)
    record_events(session, client, conv, [event], now)
    escalated(session, client, conv, event, now)
