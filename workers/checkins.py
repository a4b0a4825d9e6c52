"""Closing the loop: check-in texts after a referral, one reminder, then a person.

The referral row holds the schedule (`next_checkin_at`, `checkin_stage`); RQ's scheduler
runs the job on time and the sweeper runs anything the queue lost. A check-in does not
write its own text: it resumes the conversation with a `checkin_due` input and the
check-in flow decides what to say. Every time is moved out of the client's quiet hours.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from bot import clock
from bot.engine import Input
from bot.quiet_hours import next_allowed, zone
from models import CheckinStage, Client, ConversationStatus, Referral, db
from models.referral import OPEN_STATUSES
from workers.queue import enqueue_after_commit
from workers.sweeper import BATCH, sweep

DEFER_WHILE_WITH_CHW = timedelta(days=1)


def _allowed(client: Client, when: datetime) -> datetime:
    cfg = current_app.config
    return next_allowed(when, zone(client.timezone, cfg["DEFAULT_TIMEZONE"]), cfg["QUIET_HOURS"])


def _job_id(referral: Referral) -> str:
    return checkin_job_id(referral.id, referral.checkin_round, referral.checkin_stage)


def checkin_job_id(referral_id: int, round_: int, stage: CheckinStage) -> str:
    """One job per referral, round and stage: a job for a stage already past finds nothing due."""
    return f"checkin-{referral_id}-{round_}-{stage.value}"


def schedule_checkin(session: Session, referral: Referral, client: Client, now: datetime) -> None:
    """The first (or next) check-in, FOLLOWUP_AFTER from now, outside quiet hours."""
    referral.checkin_stage = CheckinStage.ASK
    _schedule(session, referral, _allowed(client, now + current_app.config["FOLLOWUP_AFTER"]))


def _schedule(session: Session, referral: Referral, when: datetime) -> None:
    referral.next_checkin_at = when
    session.flush()
    enqueue_after_commit(session, run_checkin, referral.id, when=when, job_id=_job_id(referral))


def run_checkin(referral_id: int) -> str:
    """Send what is due for this referral: the check-in, the reminder, or a CHW task."""
    from bot.effects import escalate_recorded
    from bot.outbox import outgoing
    from bot.pipeline import run_step
    from models.conversation import open_conversation_for_update
    from workers.sending import enqueue_sends

    now = clock.now()
    referral = db.session.scalars(sa.select(Referral).where(Referral.id == referral_id).with_for_update()).first()
    if (referral is None or referral.next_checkin_at is None or referral.next_checkin_at > now
            or referral.status not in OPEN_STATUSES):
        db.session.rollback()
        return "not due"
    client = db.session.get(Client, referral.client_id)
    if client.opted_out or client.unreachable_at is not None:
        referral.next_checkin_at = None
        db.session.commit()
        return "client cannot be texted"
    allowed = _allowed(client, now)
    if allowed > now:
        _schedule(db.session, referral, allowed)
        db.session.commit()
        return "quiet hours"
    conv = open_conversation_for_update(db.session, client)
    stage = referral.checkin_stage
    if stage is CheckinStage.CHW_TASK:
        escalate_recorded(db.session, client, conv, "checkin_no_reply", "normal", now)
        referral.checkin_stage, referral.next_checkin_at = CheckinStage.DONE, None
        db.session.commit()
        return "escalated"
    if conv.status in (ConversationStatus.WAITING, ConversationStatus.WITH_CHW):
        _schedule(db.session, referral, _allowed(client, now + DEFER_WHILE_WITH_CHW))
        db.session.commit()
        return "deferred: a CHW has the conversation"
    rows = run_step(db.session, client, conv, Input(kind="checkin_due", data=_checkin_data(referral)), now)
    referral.last_checkin_at = now
    wait = current_app.config["REMINDER_AFTER"]
    referral.checkin_stage = CheckinStage.REMINDER if stage is CheckinStage.ASK else CheckinStage.CHW_TASK
    _schedule(db.session, referral, _allowed(client, now + wait))
    sends = outgoing(rows)
    db.session.commit()
    enqueue_sends(sends)
    return "sent"


def _checkin_data(referral: Referral) -> dict:
    from flows.loader import need_labels

    data = {"referral_id": referral.id, "name": referral.service_name, "phone": referral.service_phone or "",
            "need": referral.need_domain, "service_id": referral.service_id or ""}
    label = need_labels().get(referral.need_domain)
    if label:
        data["label"] = label
    return data


@sweep
def due_checkins(now: datetime) -> int:
    """Check-ins whose time has come but whose job never ran (Redis was down, a worker died)."""
    from workers.queue import jobs

    due = db.session.execute(
        sa.select(Referral.id, Referral.checkin_round, Referral.checkin_stage)
        .where(Referral.next_checkin_at <= now, Referral.status.in_(OPEN_STATUSES))
        .order_by(Referral.next_checkin_at)
        .limit(BATCH)
    ).all()
    db.session.commit()
    queue = jobs()
    # A check-in whose job still waits its turn in a long queue is not lost: enqueueing it again
    # every sweep would only multiply the backlog (the job would run, find nothing due, and stop).
    job_ids = {checkin_job_id(referral_id, round_, stage): referral_id for referral_id, round_, stage in due}
    waiting = queue.waiting(list(job_ids))
    lost = [(job_id, referral_id) for job_id, referral_id in job_ids.items() if job_id not in waiting]
    for job_id, referral_id in lost:
        queue.enqueue(run_checkin, referral_id, job_id=job_id)
    return len(lost)
