"""Sending one outbound message through Twilio, exactly once.

The row's status is the lock: a job claims a `pending` row by moving it to `sending` in its
own committed transaction, so a second job for the same row (a duplicate enqueue, the
sweeper) finds nothing to do. When Twilio's answer is lost (a timeout), the row stays
`sending` and the sweeper asks Twilio what it has before trying again.

Opt-out and quiet hours are checked again at the moment of sending, whichever path brought the row
here (its first attempt, a retry after backoff, the sweeper's re-send): an automated text found
inside the client's quiet hours waits for their end; a CHW's live reply never waits.
"""

from __future__ import annotations

import json
import logging
import uuid
from datetime import datetime, timedelta

import requests
import sqlalchemy as sa
from flask import current_app, has_request_context, url_for
from twilio.base.exceptions import TwilioRestException
from urllib3.exceptions import NewConnectionError

from bot.messaging.channels import NoRoute, route
from bot.messaging.delivery import advance, parse_status, react_to_error
from bot.messaging.outbox import ALLOWED_AFTER_STOP, enqueue_sends
from bot.messaging.quiet_hours import next_allowed, zone
from bot.messaging.twilio_client import twilio_client
from models import Client, Message, MessageStatus, clock, db

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
BACKOFF = [timedelta(seconds=s) for s in (5, 30, 120, 300, 900, 1800, 3600)]


def backoff(attempts: int) -> timedelta:
    return BACKOFF[min(attempts, len(BACKOFF)) - 1] if attempts > 0 else BACKOFF[0]


def send_message(message_id: int) -> str:
    now = clock.now()
    if not _claim([message_id], now):
        return "skipped"
    return _send_claimed(message_id, now)


def send_now(message_ids: list[int]) -> None:
    """Send rows a job has just written from that job, rather than with a job each (a batch of
    check-ins): the same claim as `send_message`, taken for all of them in one statement."""
    now = clock.now()
    for message_id in sorted(_claim(message_ids, now) if message_ids else []):
        _send_claimed(message_id, now)


def _claim(message_ids: list[int], now: datetime) -> list[int]:
    """Move these rows from `pending` to `sending` and commit: a row claimed is never claimed twice."""
    claimed = db.session.scalars(
        sa.update(Message)
        .where(
            Message.id.in_(message_ids),
            Message.status == MessageStatus.PENDING,
            sa.or_(Message.next_attempt_at.is_(None), Message.next_attempt_at <= now),
        )
        .values(status=MessageStatus.SENDING, claimed_at=now, attempts=Message.attempts + 1, updated_at=now)
        .returning(Message.id)
    ).all()
    db.session.commit()
    return list(claimed)


def _send_claimed(message_id: int, now: datetime) -> str:
    """Send a row claimed at `now`, read fresh (the client may have texted STOP since) and locked
    while Twilio is called: a row the sweeper took back meanwhile (a long batch) is its to send."""
    row = db.session.execute(
        sa.select(Message, Client).join(Client, Client.id == Message.client_id)
        .where(Message.id == message_id, Message.status == MessageStatus.SENDING, Message.claimed_at == now)
        .with_for_update(of=Message)
    ).first()
    if row is None:
        db.session.rollback()
        return "skipped"
    try:
        return _deliver(*row, now)
    except Exception:
        # Only reachable before Twilio was called (its own errors are handled in _deliver):
        # put the row back for a later attempt rather than leave it claimed.
        log.exception("message %s: could not be sent", message_id)
        db.session.rollback()
        return _retry(db.session.get(Message, message_id), now, "internal error before sending")
    finally:
        db.session.commit()


def _deliver(msg: Message, client: Client, now: datetime) -> str:
    if client.opted_out and msg.text_key not in ALLOWED_AFTER_STOP:
        return _suppress(msg, "client opted out")
    if client.unreachable_at is not None:
        return _suppress(msg, f"number unreachable ({client.unreachable_reason})")
    if msg.automated:
        cfg = current_app.config
        allowed = next_allowed(now, zone(client.timezone, cfg["DEFAULT_TIMEZONE"]), cfg["QUIET_HOURS"])
        if allowed > now:
            return _hold(msg, allowed)
    twilio = twilio_client()
    if twilio is None:  # no credentials: the local outbox (simulator) is the phone
        msg.twilio_sid = "SM" + uuid.uuid4().hex
        msg.status = MessageStatus.DELIVERED
        msg.sent_at = msg.delivered_at = now
        return "simulated"
    cfg = current_app.config
    try:
        r = route(msg, client, now, cfg)
    except NoRoute as exc:
        msg.status, msg.error_message = MessageStatus.FAILED, str(exc)
        return "failed"
    params: dict = {"to": r.to}
    callback = status_callback_url()
    if callback:
        params["status_callback"] = callback
    if r.messaging_service_sid:
        params["messaging_service_sid"] = r.messaging_service_sid
    else:
        params["from_"] = r.from_
    if r.content_sid:
        params["content_sid"] = r.content_sid
        params["content_variables"] = json.dumps(msg.content_variables or {})
    else:
        params["body"] = msg.body
    try:
        created = twilio.messages.create(**params)
    except TwilioRestException as exc:
        return _twilio_error(msg, client, exc, now)
    except requests.RequestException as exc:
        if _never_reached(exc):
            return _retry(msg, now, "could not connect to Twilio")
        # The request may have reached Twilio: leave it `sending` for the sweeper to reconcile.
        msg.error_message = "no answer from Twilio; outcome unknown"
        log.warning("message %s: Twilio outcome unknown (%s)", msg.id, type(exc).__name__)
        return "unknown"
    msg.twilio_sid = created.sid
    msg.channel = r.channel
    msg.content_sid = r.content_sid
    msg.sent_at = now
    msg.error_message = None
    advance(msg, parse_status(created.status) or MessageStatus.QUEUED, now)
    return "sent"


def _never_reached(exc: requests.RequestException) -> bool:
    """True when the request certainly did not reach Twilio (no connection was made)."""
    if isinstance(exc, requests.ConnectTimeout):
        return True
    reason = exc.args[0] if exc.args else None
    reason = getattr(reason, "reason", reason)
    return isinstance(reason, NewConnectionError)


def _twilio_error(msg: Message, client: Client, exc: TwilioRestException, now: datetime) -> str:
    if exc.status == 429 or exc.status >= 500:
        return _retry(msg, now, f"Twilio {exc.status}")
    msg.status = MessageStatus.FAILED
    msg.error_code = exc.code
    msg.error_message = (exc.msg or "")[:255]
    fallback = react_to_error(db.session, msg, client, exc.code, now)
    if fallback is not None:
        db.session.flush()
        db.session.commit()
        enqueue_sends([fallback])
    return "failed"


def _retry(msg: Message, now: datetime, reason: str) -> str:
    if msg.attempts >= MAX_ATTEMPTS:
        msg.status, msg.error_message = MessageStatus.FAILED, f"gave up after {msg.attempts} attempts: {reason}"
        return "failed"
    msg.status = MessageStatus.PENDING
    msg.next_attempt_at = now + backoff(msg.attempts)
    msg.error_message = reason
    db.session.commit()
    enqueue_sends([msg])
    return "retry"


def _hold(msg: Message, until: datetime) -> str:
    """Put an automated text back until the client's quiet hours end; waiting is not an attempt."""
    msg.status = MessageStatus.PENDING
    msg.attempts -= 1
    msg.next_attempt_at = until
    msg.error_message = "held for the client's quiet hours"
    db.session.commit()
    enqueue_sends([msg])
    return "held"


def _suppress(msg: Message, reason: str) -> str:
    msg.status, msg.error_message = MessageStatus.SUPPRESSED, reason
    return "suppressed"


def status_callback_url() -> str | None:
    """Where Twilio reports delivery: PUBLIC_URL's, or the current request's host when serving."""
    base = current_app.config.get("PUBLIC_URL")
    if base:
        return base + "/webhooks/twilio/status"
    if has_request_context():
        return url_for("webhook.status", _external=True)
    log.warning("PUBLIC_URL is not set: sending without a status callback")
    return None


def reconcile(message_id: int) -> str:
    """A row left `sending` (a lost answer, a killed worker): ask Twilio whether it took it."""
    now = clock.now()
    msg = db.session.scalars(
        sa.select(Message).where(Message.id == message_id, Message.status == MessageStatus.SENDING).with_for_update()
    ).first()
    if msg is None:
        return "skipped"
    client = db.session.get(Client, msg.client_id)
    twilio = twilio_client()
    if twilio is not None:
        since = (msg.claimed_at or msg.created_at) - timedelta(minutes=1)
        to = f"whatsapp:{client.phone}" if msg.channel.value == "whatsapp" else client.phone
        try:
            # Newest first; not filtered on DateSent, which stays empty while Twilio still queues it.
            found = [m for m in twilio.messages.list(to=to, limit=50)
                     if m.body == msg.body and (m.date_created is None or m.date_created >= since)]
        except (TwilioRestException, requests.RequestException):
            db.session.rollback()
            return "twilio unavailable"
        taken = db.session.scalars(sa.select(Message.twilio_sid).where(
            Message.twilio_sid.in_([m.sid for m in found]))).all()
        match = next((m for m in found if m.sid not in taken), None)
        if match is not None:
            msg.twilio_sid, msg.sent_at = match.sid, msg.claimed_at
            advance(msg, parse_status(match.status) or MessageStatus.QUEUED, now)
            db.session.commit()
            return "adopted"
    msg.status = MessageStatus.PENDING
    msg.next_attempt_at = None
    db.session.commit()
    enqueue_sends([msg])
    return "requeued"


def refresh_status(message_id: int) -> str:
    """Twilio took this text but its status callbacks never came (we were down): ask Twilio."""
    now = clock.now()
    msg = db.session.scalars(sa.select(Message).where(Message.id == message_id).with_for_update()).first()
    twilio = twilio_client()
    if msg is None or msg.twilio_sid is None or twilio is None:
        db.session.rollback()
        return "skipped"
    try:
        found = twilio.messages(msg.twilio_sid).fetch()
    except (TwilioRestException, requests.RequestException):
        db.session.rollback()
        return "twilio unavailable"
    new = parse_status(found.status)
    moved = new is not None and advance(msg, new, now, found.error_code)
    msg.updated_at = now  # when we last heard: the sweep waits longer before asking again
    fallback = None
    if moved and new in (MessageStatus.FAILED, MessageStatus.UNDELIVERED):
        fallback = react_to_error(db.session, msg, db.session.get(Client, msg.client_id), found.error_code, now)
    db.session.commit()
    if fallback is not None:
        enqueue_sends([fallback])
    return new.value if moved else "unchanged"

