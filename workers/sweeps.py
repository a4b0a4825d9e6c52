"""The safety net: sweeps that find work the queue lost (Redis down, a worker killed) and do it
again. Each is idempotent: the row states decide what is still to be done. They run every few
seconds (`workers.sweeper`); `workers/registry.py` lists them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from bot.messaging.outbox import enqueue_sends, send_job_id
from models import Message, MessageStatus, db
from workers.queue import jobs
from workers.sending import reconcile, refresh_status

PENDING_GRACE = timedelta(seconds=20)  # a fresh row's own job is probably on its way
SENDING_STUCK = timedelta(minutes=2)
STATUS_SILENT = timedelta(minutes=10)  # Twilio reports within seconds; this long means a lost callback
STATUS_WINDOW = timedelta(days=1)  # after that, a text still `sent` stays so (carriers without receipts)
BATCH = 500


def requeue_pending(now: datetime) -> int:
    """Pending rows due to go whose send job is not waiting in the queue: enqueue them again."""
    rows = db.session.scalars(
        sa.select(Message)
        .where(
            Message.status == MessageStatus.PENDING,
            sa.or_(
                sa.and_(Message.next_attempt_at.is_(None), Message.created_at <= now - PENDING_GRACE),
                Message.next_attempt_at <= now,
            ),
        )
        .order_by(Message.id)
        .limit(BATCH)
    ).all()
    for msg in rows:  # due now: the job runs at once
        msg.next_attempt_at = None
    db.session.commit()
    # A row whose job still waits in a long queue is not lost: a second job would only add to the queue.
    waiting = jobs().waiting([send_job_id(m) for m in rows])
    lost = [m for m in rows if send_job_id(m) not in waiting]
    enqueue_sends(lost)
    return len(lost)


def reconcile_sending(now: datetime) -> int:
    """Rows left `sending` (a lost answer, a killed worker): ask Twilio whether it took them."""
    ids = db.session.scalars(
        sa.select(Message.id)
        .where(Message.status == MessageStatus.SENDING, Message.claimed_at <= now - SENDING_STUCK)
        .limit(BATCH)
    ).all()
    db.session.commit()
    for message_id in ids:
        reconcile(message_id)
    return len(ids)


def refresh_statuses(now: datetime) -> int:
    """Texts Twilio took whose callbacks we never got: ask Twilio, less often the older they are."""
    heard = sa.func.coalesce(Message.updated_at, Message.created_at)
    rows = db.session.execute(
        sa.select(Message.id, Message.created_at, heard)
        .where(Message.status.in_([MessageStatus.ACCEPTED, MessageStatus.QUEUED, MessageStatus.SENT]),
               Message.twilio_sid.is_not(None), Message.created_at >= now - STATUS_WINDOW,
               heard <= now - STATUS_SILENT)
        .order_by(heard)
        .limit(BATCH)
    ).all()
    db.session.commit()
    due = [message_id for message_id, created, last in rows if now - last >= (now - created) / 2]
    for message_id in due:
        refresh_status(message_id)
    return len(due)
