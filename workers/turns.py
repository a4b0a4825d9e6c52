"""A client's turn: the job the webhook asks for when it has stored a text.

`run_turns` steps every text of the client still waiting, in the order they came, commits the
replies and sends them from the same job, so a turn costs one job rather than one per reply. The
client's lock is held from the first step to the last send: two texts of one client are never
stepped at once, and a later turn's replies cannot overtake an earlier turn's on their way to
Twilio, however many workers run. A job that finds nothing waiting (another worker stepped the
text already) does nothing; one lost with Redis is found again by `requeue_received`. Texts the
web journalled while the database was down come in through `drain_inbound_journal`.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.messaging.outbox import enqueue_sends
from bot.pipeline.inbound import drain_journal, turn_job_id
from bot.pipeline.process import process
from models import Message, MessageStatus, clock, db
from models.message import Direction
from workers.queue import jobs
from workers.sending import send_message

RECEIVED_STUCK = timedelta(seconds=30)  # a text stored this long ago and still waiting lost its job
BATCH = 500
_LOCK_SPACE = 0x656E  # the first key of PostgreSQL's two-key advisory locks: "en", for turns
_sqlite_lock = threading.RLock()  # the embedded default is one process


def run_turns(client_id: int) -> str:
    """Step this client's waiting texts, commit, send the replies (the job `run_turns`)."""
    with _client_turn(client_id):
        rows = process(db.session, client_id, clock.now())
        for row in rows:  # one claim each: a worker killed in a send leaves only that one to reconcile
            if row.status is MessageStatus.PENDING and row.next_attempt_at is None:
                send_message(row.id)
        enqueue_sends([row for row in rows if row.next_attempt_at is not None])  # held for quiet hours
    return f"{len(rows)} replies"


@contextlib.contextmanager
def _client_turn(client_id: int) -> Iterator[None]:
    """Hold the client's turn across transactions (the row lock ends at each commit): a PostgreSQL
    advisory lock on a connection of its own, or a process lock on SQLite."""
    engine = db.engine
    if engine.dialect.name != "postgresql":
        with _sqlite_lock:
            yield
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(sa.select(sa.func.pg_advisory_lock(_LOCK_SPACE, client_id)))
        try:
            yield
        finally:
            conn.execute(sa.select(sa.func.pg_advisory_unlock(_LOCK_SPACE, client_id)))


def requeue_received(now: datetime) -> int:
    """The sweep for lost turns: clients with a text stored a while ago and never stepped (the job
    was lost with Redis, or its worker died) get a `run_turns` job again."""
    oldest = db.session.execute(
        sa.select(Message.client_id, sa.func.min(Message.id))
        .where(Message.direction == Direction.INBOUND, Message.status == MessageStatus.RECEIVED,
               Message.created_at <= now - RECEIVED_STUCK)
        .group_by(Message.client_id)
        .order_by(sa.func.min(Message.id))
        .limit(BATCH)
    ).all()
    db.session.commit()
    # The job its oldest text asked for runs them all: while it still waits in the queue, nothing is lost.
    waiting = jobs().waiting([turn_job_id(message_id) for _, message_id in oldest])
    lost = [(client_id, message_id) for client_id, message_id in oldest if turn_job_id(message_id) not in waiting]
    jobs().enqueue_many("run_turns", [((client_id,), turn_job_id(message_id)) for client_id, message_id in lost])
    return len(lost)


def drain_inbound_journal(now: datetime) -> int:
    """The sweep that moves texts the web journalled while the database was down into it."""
    return drain_journal() or 0
