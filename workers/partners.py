"""Telling partners about referrals: the `notify_partner` job and the sweep for lost ones.

A notification row is the promise (`casework.partners.notify_partner` writes it with the
referral). The job claims it (pending → sending, atomically), sends once, and records `sent`; a
refused delivery (SMTP down, Twilio error) puts it back to `pending` with the next try after a
growing pause, so a server that is down delays the email and loses nothing. A row claimed by a
worker that died is taken again once its claim lapses; the sweep wakes a job for any row due.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa

from casework.partners import notify_job_id
from interop.partners.notify import DELIVERY_ERRORS, NotConfigured, deliver
from models import Event, Referral, clock, db
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
