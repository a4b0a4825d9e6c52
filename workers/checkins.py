"""Closing the loop: check-in texts after a referral, one reminder, then a person.

The referral row holds the schedule (`casework.checkins`). RQ's scheduler wakes a `run_due_checkins`
job at each due second (referrals due in the same second share it), and that job runs the check-ins
then due in batches. Batches, not a job per check-in, because RQ spends more on a job than a
check-in costs: a job claims its batch with SKIP LOCKED and wakes another when there may be more, so
workers side by side take different referrals. A check-in does not write its own text: it resumes
the conversation with a `checkin_due` input and the check-in flow decides what to say; the same job
then sends it. Every time is moved out of the client's quiet hours, and the sweeper wakes a job for
check-ins the queue lost.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from bot.engine import Input
from bot.pipeline.escalation import escalate_recorded
from bot.pipeline.process import run_step
from casework.checkins import checkin_time, is_due, schedule_at
from flows.loader import need_labels
from models import CheckinStage, Client, Conversation, ConversationStatus, Referral, clock, db
from models.conversation import open_conversation
from workers.queue import jobs
from workers.sending import send_now

log = logging.getLogger(__name__)

DEFER_WHILE_WITH_CHW = timedelta(days=1)
BATCH = 50  # check-ins a job runs in one transaction
# Jobs woken for more due check-ins: at most one waits at a time. Each has an id of its own, since
# RQ cannot queue again the id of a job that is running (the one doing the waking).
WAKE_PREFIX = "checkins-due-"


def run_due_checkins() -> str:
    """Run a batch of the check-ins due now: the check-in, the reminder, or a CHW task."""
    now = clock.now()
    due = _claim(now)
    if not due:
        db.session.rollback()
        return "nothing due"
    if len(due) == BATCH:
        _wake()
    ids = [referral.id for referral in due]
    try:
        texts = _run_batch(due, now)
        db.session.commit()
    except Exception:
        # One check-in must not hold back the others: run them one at a time, each on its own.
        log.exception("a batch of %d check-ins failed; running them one by one", len(ids))
        db.session.rollback()
        texts = _one_by_one(ids, now)
    send_now(texts)
    return f"{len(ids)} check-ins"


def _wake() -> bool:
    """Queue a job for more due check-ins, unless one is already waiting for a worker."""
    queue = jobs()
    if queue.waiting_prefix(WAKE_PREFIX):
        return False
    return queue.enqueue("run_due_checkins", job_id=WAKE_PREFIX + uuid.uuid4().hex)


def _claim(now: datetime, referral_id: int | None = None) -> list[Referral]:
    query = sa.select(Referral).where(*is_due(now))
    if referral_id is not None:
        query = query.where(Referral.id == referral_id)
    return list(db.session.scalars(
        query.order_by(Referral.next_checkin_at).limit(BATCH).with_for_update(skip_locked=True)))


def _one_by_one(ids: list[int], now: datetime) -> list[int]:
    texts = []
    for referral_id in ids:
        try:
            due = _claim(now, referral_id)
            texts += _run_batch(due, now) if due else []
            db.session.commit()
        except Exception:
            log.exception("check-in for referral %s failed; the sweeper will try it again", referral_id)
            db.session.rollback()
    return texts


def _run_batch(due: list[Referral], now: datetime) -> list[int]:
    """Run these claimed check-ins in the current transaction; the ids of the texts to send.

    A client whose text is being handled right now is skipped, not waited for: that turn may
    be about to update this very referral, which this transaction holds (a deadlock). The
    referral stays due for the next job, which sees the conversation as the client left it.
    """
    clients = {c.id: c for c in db.session.scalars(
        sa.select(Client).where(Client.id.in_(sorted({referral.client_id for referral in due}))).order_by(Client.id)
        .with_for_update(skip_locked=True).execution_options(populate_existing=True))}
    conversations: dict[int, Conversation] = {}
    for conv in db.session.scalars(
            sa.select(Conversation)
            .where(Conversation.client_id.in_(list(clients)), Conversation.status != ConversationStatus.CLOSED)
            .order_by(Conversation.id).with_for_update()):
        conversations[conv.client_id] = conv  # the newest open one wins
    texts = []
    for referral in due:
        if referral.client_id in clients:
            texts += _run_one(referral, clients[referral.client_id], conversations, now)
    return texts


def _run_one(referral: Referral, client: Client, conversations: dict[int, Conversation], now: datetime) -> list[int]:
    if client.opted_out or client.unreachable_at is not None:
        referral.next_checkin_at = None
        return []
    allowed = checkin_time(client, now)
    if allowed > now:
        schedule_at(db.session, referral, allowed)
        return []
    conv = conversations.get(client.id)
    if conv is None:
        conv = conversations[client.id] = open_conversation(db.session, client)
    stage = referral.checkin_stage
    if stage is CheckinStage.CHW_TASK:
        escalate_recorded(db.session, client, conv, "checkin_no_reply", "normal", now)
        referral.checkin_stage, referral.next_checkin_at = CheckinStage.DONE, None
        return []
    if conv.status in (ConversationStatus.WAITING, ConversationStatus.WITH_CHW):
        schedule_at(db.session, referral, checkin_time(client, now + DEFER_WHILE_WITH_CHW))
        return []
    rows = run_step(db.session, client, conv, Input(kind="checkin_due", data=_checkin_data(referral)), now)
    referral.last_checkin_at = now
    referral.checkin_stage = CheckinStage.REMINDER if stage is CheckinStage.ASK else CheckinStage.CHW_TASK
    schedule_at(db.session, referral, checkin_time(client, now + current_app.config["REMINDER_AFTER"]))
    return [row.id for row in rows]  # sending claims only those still pending (not suppressed)


def _checkin_data(referral: Referral) -> dict:
    data = {"referral_id": referral.id, "name": referral.service_name, "phone": referral.service_phone or "",
            "need": referral.need_domain, "service_id": referral.service_id or ""}
    label = need_labels().get(referral.need_domain)
    if label:
        data["label"] = label
    return data


def due_checkins(now: datetime) -> int:
    """Wake a job when check-ins are due and none is waiting (Redis was down, a worker died)."""
    due = db.session.scalar(sa.select(Referral.id).where(*is_due(now)).limit(1))
    db.session.commit()
    return int(due is not None and _wake())
