"""Turning Twilio's inbound webhook form into a checked, normalised inbound message.

Anything Twilio would never send (no sender, an unparsable number, a body over Twilio's
1,600 characters) is refused as malformed; odd but possible content (emoji, mixed scripts,
control characters, media without text) is kept and answered.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

import phonenumbers

from models.client import Channel

MAX_BODY = 1600
MAX_MEDIA = 10
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


class MalformedWebhook(ValueError):
    """The request is not something Twilio would send; answered with 400 and not stored."""


@dataclass(frozen=True)
class InboundMessage:
    sid: str
    phone: str  # E.164
    channel: Channel
    to: str
    body: str
    num_media: int = 0
    media: list[dict] = field(default_factory=list)
    profile_name: str | None = None
    wa_id: str | None = None
    button_payload: str | None = None


def parse_phone(raw: str) -> str:
    """'+1 (555) 555-0123' or 'whatsapp:+15555550123' -> '+15555550123'."""
    number = raw.split(":", 1)[1] if raw.lower().startswith("whatsapp:") else raw
    try:
        parsed = phonenumbers.parse(number.strip(), "US")
    except phonenumbers.NumberParseException as exc:
        raise MalformedWebhook("unparsable phone number") from exc
    if not phonenumbers.is_possible_number(parsed):
        raise MalformedWebhook("impossible phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def clean_text(text: str) -> str:
    """NFC, no control or direction-override characters, trimmed; newlines kept."""
    return _CONTROL.sub("", unicodedata.normalize("NFC", text)).strip()


INT_COLUMN_MAX = 2**31 - 1  # the largest value an integer column holds (PostgreSQL's `integer`)


def number_field(form: Mapping[str, str], name: str, high: int = INT_COLUMN_MAX) -> int | None:
    """A whole number Twilio sends (ErrorCode, NumMedia, NumSegments), or None when absent: one that is
    not a number, or beyond `high` (a column's range), is a malformed request, answered 400."""
    raw = (form.get(name) or "").strip()
    if not raw:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 12:
        raise MalformedWebhook(f"{name} is not a number")
    value = int(raw)
    if value > high:
        raise MalformedWebhook(f"{name} out of range")
    return value


def parse_form(form: Mapping[str, str]) -> InboundMessage:
    sid = (form.get("MessageSid") or form.get("SmsMessageSid") or "").strip()
    sender = (form.get("From") or "").strip()
    if not sid or not re.fullmatch(r"[A-Za-z]{2}[A-Za-z0-9]{10,62}", sid):
        raise MalformedWebhook("missing or invalid MessageSid")
    if not sender:
        raise MalformedWebhook("missing From")
    if "Body" not in form:
        raise MalformedWebhook("missing Body")
    body = form.get("Body") or ""
    if len(body) > MAX_BODY:
        raise MalformedWebhook("Body longer than 1600 characters")
    num_media = number_field(form, "NumMedia", high=MAX_MEDIA) or 0
    number_field(form, "NumSegments")
    channel = Channel.WHATSAPP if sender.lower().startswith("whatsapp:") else Channel.SMS
    media = [
        {"url": form.get(f"MediaUrl{i}", ""), "content_type": form.get(f"MediaContentType{i}", "")}
        for i in range(num_media)
    ]
    return InboundMessage(
        sid=sid,
        phone=parse_phone(sender),
        channel=channel,
        to=(form.get("To") or "")[:64],
        body=clean_text(body),
        num_media=num_media,
        media=media,
        profile_name=clean_text(form.get("ProfileName") or "")[:120] or None,
        wa_id=(form.get("WaId") or "")[:32] or None,
        button_payload=clean_text(form.get("ButtonPayload") or "")[:256] or None,
    )
