"""Telling partners about referrals: the `notify_partner` job and the sweep for lost ones.

A notification row is the promise (`casework.partners.notify_partner` writes it with the
referral). The job claims it (pending → sending, atomically), sends once, and records `sent`; a
refused delivery (SMTP down, Twilio error) puts it back to `pending` with the next try after a
growing pause, so a server that is down delays the email and loses nothing. A row claimed by a
worker that died is taken again once its claim lapses; the sweep wakes a job for any row due.

Health systems that sent a referral in through FHIR are partners too: when the referral's status
changes, the `changed_tasks` sweep wakes a `post_fhir_task` job that posts the current Task
(application/fhir+json) to the sender's callback URL and records the status posted; a refused or
failed post is tried again after a growing pause (TASK_BACKOFF), so nothing is lost or posted twice.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa
from flask import current_app

from bot.pipeline.escalation import escalate_recorded
from casework.loop import ANSWERABLE, answer_due
from casework.partners import notify_job_id
from interop.fhir.bundle import export_source, referral_task
from interop.partners.notify import DELIVERY_ERRORS, NotConfigured, deliver
from models import Client, Event, FhirReferral, FhirSender, Referral, clock, db
from models.conversation import open_conversation_for_update
from models.referral import PartnerNotification
from workers.queue import enqueue_after_commit, jobs

log = logging.getLogger(__name__)

BACKOFF = (60, 300, 1800, 7200, 21600)  # seconds before try 2, 3, ...; then every 6 hours
MAX_ATTEMPTS = 10
CLAIM = timedelta(minutes=10)  # a worker that holds a row longer than this died with it


def _due(now: datetime):
    return sa.or_(
        sa.and_(PartnerNotification.status == "pending",
                sa.or_(PartnerNotification.next_try_at.is_(None), PartnerNotification.next_try_at <= now)),
        sa.and_(PartnerNotification.status == "sending", PartnerNotification.next_try_at <= now))


def notify_partner(note_id: int) -> None:
    """Send notification `note_id` if it is due and nobody else is sending it."""
    session, now = db.session, clock.now()
    claimed = session.execute(sa.update(PartnerNotification)
                              .where(PartnerNotification.id == note_id, _due(now))
                              .values(status="sending", next_try_at=now + CLAIM)).rowcount
    session.commit()
    if not claimed:
        return
    note = session.get(PartnerNotification, note_id)
    referral = session.get(Referral, note.referral_id)
    try:
        deliver(session, note, referral, now)
    except NotConfigured as held:
        note.status, note.error, note.next_try_at = "held", str(held), None
    except DELIVERY_ERRORS as exc:
        _retry_later(note, referral, f"{type(exc).__name__}: {exc}"[:200], now)
    else:
        note.status, note.sent_at, note.error, note.next_try_at = "sent", now, None, None
        note.attempts += 1
    session.commit()


def _retry_later(note: PartnerNotification, referral: Referral, error: str, now: datetime) -> None:
    note.attempts += 1
    note.error = error
    log.warning("partner %s notification %s not delivered (attempt %s)", note.channel, note.id, note.attempts)
    if note.attempts >= MAX_ATTEMPTS:
        note.status, note.next_try_at = "failed", None
        db.session.add(Event(client_id=referral.client_id, conversation_id=None, type="partner_not_notified",
                             data={"referral_id": referral.id, "channel": note.channel}, created_at=now))
        return
    note.status = "pending"
    note.next_try_at = now + timedelta(seconds=BACKOFF[min(note.attempts - 1, len(BACKOFF) - 1)])
    enqueue_after_commit(db.session, "notify_partner", note.id, when=note.next_try_at, job_id=notify_job_id(note))


def due_notifications(now: datetime) -> int:
    """Wake a job for each notification due that the queue lost (Redis was down, a worker died)."""
    rows = db.session.execute(sa.select(PartnerNotification.id, PartnerNotification.attempts)
                              .where(_due(now)).limit(500)).all()
    db.session.commit()
    if rows:
        jobs().enqueue_many("notify_partner", [((row.id,), f"partner-{row.id}-{row.attempts}") for row in rows])
    return len(rows)


TASK_BACKOFF = (30, 120, 600, 3600, 21600)  # seconds before posting try 2, 3, ...; then every 6 hours
TIMEOUT = 10


def _changed(now: datetime):
    return (sa.select(FhirReferral.id, FhirReferral.attempts)
            .join(Referral, Referral.id == FhirReferral.referral_id)
            .join(FhirSender, FhirSender.id == FhirReferral.sender_id)
            .where(FhirSender.callback_url.is_not(None),
                   sa.or_(FhirReferral.posted_status.is_(None), FhirReferral.posted_status != Referral.status),
                   sa.or_(FhirReferral.next_try_at.is_(None), FhirReferral.next_try_at <= now)))


def post_fhir_task(link_id: int) -> None:
    """Post the Task of sent-in referral `link_id` to its sender when its status changed since."""
    session, now = db.session, clock.now()
    link = session.get(FhirReferral, link_id)
    if link is None:
        return
    referral = session.get(Referral, link.referral_id)
    sender = session.get(FhirSender, link.sender_id)
    status = referral.status.value
    if sender.callback_url is None or link.posted_status == status:
        return
    task = referral_task(session, referral, now=now, source=export_source())
    try:
        answer = requests.post(sender.callback_url, json=task, timeout=TIMEOUT,
                               headers={"Content-Type": "application/fhir+json"})
        answer.raise_for_status()
    except requests.RequestException as exc:
        link.attempts += 1
        link.next_try_at = now + timedelta(seconds=TASK_BACKOFF[min(link.attempts - 1, len(TASK_BACKOFF) - 1)])
        log.warning("fhir task %s not posted to its sender (attempt %s): %s", link.id, link.attempts,
                    type(exc).__name__)
    else:
        link.posted_status, link.attempts, link.next_try_at = status, 0, None
    session.commit()


def changed_tasks(now: datetime) -> int:
    """Wake a job for each sent-in referral whose status its sender has not been told."""
    rows = db.session.execute(_changed(now).limit(500)).all()
    db.session.commit()
    if rows:
        jobs().enqueue_many("post_fhir_task", [((row.id,), f"fhir-task-{row.id}-{row.attempts}") for row in rows])
    return len(rows)


def silent_partners(now: datetime) -> int:
    """Referrals a partner was told of and has not answered in time: to the CHW queue, once each
    (a `partner_no_answer` event on the client's record marks it)."""
    days = current_app.config["PARTNER_ANSWER_DAYS"]
    rows = db.session.execute(
        sa.select(Referral, sa.func.min(PartnerNotification.sent_at))
        .join(PartnerNotification, PartnerNotification.referral_id == Referral.id)
        .where(PartnerNotification.status == "sent", Referral.partner_answered_at.is_(None),
               Referral.status.in_(ANSWERABLE), PartnerNotification.sent_at <= now - timedelta(days=days))
        .group_by(Referral.id).limit(200)).all()
    late = [referral for referral, sent_at in rows if answer_due(sent_at, days) <= now]
    told = {event.data.get("referral_id") for event in db.session.scalars(sa.select(Event).where(
        Event.type == "partner_no_answer", Event.client_id.in_([r.client_id for r in late])))} if late else set()
    done = 0
    for referral in late:
        if referral.id in told:
            continue
        client = db.session.get(Client, referral.client_id)
        db.session.add(Event(client_id=client.id, conversation_id=None, type="partner_no_answer",
                             data={"referral_id": referral.id}, created_at=now))
        escalate_recorded(db.session, client, open_conversation_for_update(db.session, client), "partner_no_answer",
                          "normal", now)
        done += 1
    db.session.commit()
    return done
