"""What the engine's events do: each is recorded as an `Event` row, then handed to its handlers
(`bot/pipeline/handlers.py`, the one table of them)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.engine import EngineEvent, Input
from bot.pipeline.events import record_events
from bot.pipeline.handlers import HANDLERS
from models import Client, Conversation


def apply_events(session: Session, client: Client, conv: Conversation, events: list[EngineEvent],
                 now: datetime) -> list[Input]:
    """Record and act on each event; returns the inputs the handlers want fed back to the engine."""
    record_events(session, client, conv, events, now)
    followups = []
    for event in events:
        for handler in HANDLERS.get(event.type, ()):
            followup = handler(session, client, conv, event, now)
            if followup is not None:
                followups.append(followup)
    return followups
