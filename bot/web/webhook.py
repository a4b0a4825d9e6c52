"""Twilio's webhooks: inbound messages and delivery status callbacks. Thin views: check the
signature, parse, hand over, answer. An inbound text is only accepted here (`bot.pipeline.inbound`:
stored and its turn queued); the conversation runs in a worker, not in Twilio's request."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Flask, Response, current_app, request
from twilio.request_validator import RequestValidator

from bot.messaging.delivery import parse_status
from bot.messaging.inbound import MalformedWebhook, number_field, parse_form
from bot.messaging.journal import inbound_journal
from bot.pipeline.inbound import CannotStore, accept, drain_soon
from workers.status import apply_status_callback

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
    return RequestValidator(token).validate(_signed_url(), request.form, signature)


def _signed_url() -> str:
    base = current_app.config.get("PUBLIC_URL")
    return base + request.full_path.rstrip("?") if base else request.url


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
    try:
        accept(msg, request.form.to_dict(), request.headers.get("X-Twilio-Signature", ""), _signed_url())
    except CannotStore:
        return _refuse(503, "cannot store the message now")  # Twilio tries the Fallback URL
    return Response(EMPTY_TWIML, mimetype="text/xml")


@bp.post("/webhooks/twilio/status")
def status() -> Response:
    if not signature_ok():
        return _refuse(403, "invalid Twilio signature")
    sid = (request.form.get("MessageSid") or request.form.get("SmsSid") or "").strip()
    new = parse_status(request.form.get("MessageStatus") or request.form.get("SmsStatus"))
    if not sid or new is None:
        return _refuse(400, "malformed status callback: MessageSid and a known MessageStatus are required")
    try:
        code = number_field(request.form, "ErrorCode")
        number_field(request.form, "NumSegments")
        number_field(request.form, "NumMedia")
    except MalformedWebhook as exc:
        return _refuse(400, f"malformed status callback: {exc}")
    apply_status_callback(sid, new, code)
    return Response(status=204)


def drain_at_start(app: Flask) -> Callable[[], None]:
    """A hook for the first request: texts left in the journal by the last run go in now."""
    started = []

    def first_request() -> None:
        if not started:
            started.append(True)
            if inbound_journal().holds_texts():
                drain_soon(app)

    return first_request
