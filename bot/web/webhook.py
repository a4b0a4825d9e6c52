"""Twilio's webhooks: inbound messages and delivery status callbacks. Thin views: check the
signature, parse, hand to the pipeline (`bot.pipeline.inbound`) or the status job, answer."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, request
from twilio.request_validator import RequestValidator

from bot.messaging.delivery import parse_status
from bot.messaging.inbound import MalformedWebhook, number_field, parse_form
from bot.pipeline.inbound import handle_inbound
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
