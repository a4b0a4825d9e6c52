"""The engine's events as `Event` rows: what the dashboard's timeline and the reports read."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.engine import EngineEvent
from models import Client, Conversation, Event


def record_events(session: Session, client: Client, conv: Conversation, events: list[EngineEvent],
                  now: datetime) -> None:
    """One Core INSERT for all of them: nothing reads an event back in the turn that wrote it."""
    if events:
        session.execute(sa.insert(Event.__table__), [
            {"client_id": client.id, "conversation_id": conv.id, "type": e.type, "data": e.data, "created_at": now}
            for e in events])
