"""Twilio's webhooks: inbound messages and delivery status callbacks. Thin views."""

from __future__ import annotations

import logging
from datetime import timedelta

import sqlalchemy as sa
from flask import Blueprint, Response, current_app, request
from twilio.request_validator import RequestValidator

from bot.messaging.delivery import advance, parse_status, react_to_error
from bot.messaging.inbound import MalformedWebhook, parse_form
from bot.pipeline import process, receive
from models import Client, Message, MessageStatus, clock, db
from workers.queue import jobs
from workers.sending import enqueue_sends

log = logging.getLogger(__name__)
# When a status callback names a SID not recorded yet: the sender's commit is usually milliseconds away.
UNKNOWN_SID_RETRIES = [timedelta(seconds=s) for s in (2, 10, 60)]
bp = Blueprint("webhook", __name__)

EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def signature_ok() -> bool:
    """With an auth token configured, every webhook must carry Twilio's signature of its URL and form."""
    token = current_app.config.get("TWILIO_AUTH_TOKEN")
    if not token:
        return True
    signature = request.headers.get("X-Twilio-Signature", "")
    if not signature:
        return False
    base = current_app.config.get("PUBLIC_URL")
    url = base + request.full_path.rstrip("?") if base else request.url
    return RequestValidator(token).validate(url, request.form, signature)


def _refuse(status: int, reason: str) -> Response:
    return Response(reason + "\n", status=status, mimetype="text/plain")


@bp.post("/webhooks/twilio/messages")
def inbound() -> Response:
    if not signature_ok():
        return _refuse(403, "invalid Twilio signature")
    try:
        msg = parse_form(request.form)
    except MalformedWebhook as exc:
        return _refuse(400, f"malformed webhook: {exc}")
    handle_inbound(msg)
    return Response(EMPTY_TWIML, mimetype="text/xml")


def handle_inbound(msg) -> None:
    """Store, step, commit, enqueue: the whole pipeline for one inbound message.

    A duplicate still goes through `process`, which finds nothing to do unless the first
    delivery was stored but never stepped (a crash in between)."""
    now = clock.now()
    stored = receive(db.session, msg, now)
    enqueue_sends(process(db.session, stored.message_id, now, stored.client_id))


@bp.post("/webhooks/twilio/status")
def status() -> Response:
    if not signature_ok():
        return _refuse(403, "invalid Twilio signature")
    sid = (request.form.get("MessageSid") or request.form.get("SmsSid") or "").strip()
    new = parse_status(request.form.get("MessageStatus") or request.form.get("SmsStatus"))
    if not sid or new is None:
        return _refuse(400, "malformed status callback: MessageSid and a known MessageStatus are required")
    try:
        code = int(request.form["ErrorCode"]) if request.form.get("ErrorCode") else None
    except ValueError:
        return _refuse(400, "malformed status callback: ErrorCode is not a number")
    apply_status_callback(sid, new, code)
    return Response(status=204)


def apply_status_callback(sid: str, new: MessageStatus, code: int | None, attempt: int = 0) -> None:
    """Record a delivery status. Twilio can report a message before the worker that sent it has
    written down its SID (the answer and the callback race): try again a little later."""
    now = clock.now()
    msg = db.session.scalars(sa.select(Message).where(Message.twilio_sid == sid).with_for_update()).first()
    if msg is None:
        db.session.rollback()
        if attempt < len(UNKNOWN_SID_RETRIES):
            jobs().enqueue_at(now + UNKNOWN_SID_RETRIES[attempt], apply_status_callback, sid, new, code, attempt + 1)
        else:
            log.info("status callback for an unknown message")
        return
    fallback = None
    if advance(msg, new, now, code) and new in (MessageStatus.FAILED, MessageStatus.UNDELIVERED):
        fallback = react_to_error(db.session, msg, db.session.get(Client, msg.client_id), code, now)
    db.session.commit()
    if fallback is not None:
        enqueue_sends([fallback])
