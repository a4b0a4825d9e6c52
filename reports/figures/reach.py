"""Who we reached: clients who texted us in the period, their languages, and who opted out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from casework.labels import LANGUAGES, NO_LANGUAGE
from models import Client, Direction, Event, Message
from reports.counts import Count, counts
from reports.sql import in_caseload

# Written out, not bound: PostgreSQL matches it to the partial index ix_message_inbound_created_at
# even when it plans the query once for any parameters.
INBOUND = Message.direction == sa.literal_column(f"'{Direction.INBOUND.value}'")


@dataclass(frozen=True)
class Reach:
    clients: int  # distinct clients with at least one inbound message in the period
    by_language: tuple[Count, ...]  # the same clients by their language now


def clients_reached(session: Session, start: datetime, end: datetime, chw_id: int | None = None) -> Reach:
    reached = (
        sa.select(Message.client_id)
        .where(Message.created_at >= start, Message.created_at < end, INBOUND, in_caseload(Message.client_id, chw_id))
        .distinct()
        .subquery()
    )
    rows = session.execute(
        sa.select(Client.language, sa.func.count()).join(reached, reached.c.client_id == Client.id)
        .group_by(Client.language)
    ).all()
    by_language = counts(rows, LANGUAGES, missing=NO_LANGUAGE)
    return Reach(clients=sum(c.value for c in by_language), by_language=by_language)


@dataclass(frozen=True)
class OptOuts:
    requests: int  # `opted_out` events (STOP and its equivalents) in the period
    clients: int  # distinct clients who sent them
    opted_back_in: int  # `opted_in` events (START after STOP) in the period


def opt_outs(session: Session, start: datetime, end: datetime, chw_id: int | None = None) -> OptOuts:
    row = session.execute(
        sa.select(
            sa.func.count().filter(Event.type == "opted_out"),
            sa.func.count(sa.distinct(sa.case((Event.type == "opted_out", Event.client_id)))),
            sa.func.count().filter(Event.type == "opted_in"),
        ).where(Event.type.in_(("opted_out", "opted_in")), Event.created_at >= start, Event.created_at < end,
                in_caseload(Event.client_id, chw_id))
    ).one()
    return OptOuts(requests=row[0], clients=row[1], opted_back_in=row[2])
