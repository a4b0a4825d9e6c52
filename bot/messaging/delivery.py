"""What Twilio tells us about an outbound message, applied to its row and its client.

Shared by the sending job (synchronous API errors) and the status callback (asynchronous
outcomes), so an error code means the same thing wherever it arrives.
"""

from __future__ import annotations

import logging
from datetime import datetime

from flask import current_app
from sqlalchemy.orm import Session

from bot.messaging.channels import purpose
from models import Channel, Client, Message, MessageStatus
from models.message import STATUS_RANK

log = logging.getLogger(__name__)

UNSUBSCRIBED = 21610  # the recipient replied STOP to Twilio
WHATSAPP_WINDOW_CLOSED = 63016  # free-form WhatsApp outside the 24-hour window
UNREACHABLE = {
    21211: "invalid number",
    21614: "not a mobile number",
    30005: "unknown number",
    30006: "landline or unreachable carrier",
}

_TWILIO_STATUSES = {s.value: s for s in STATUS_RANK if s not in (MessageStatus.PENDING, MessageStatus.SENDING)}


def parse_status(value: str | None) -> MessageStatus | None:
    return _TWILIO_STATUSES.get((value or "").strip().lower())


def advance(msg: Message, status: MessageStatus, now: datetime, error_code: int | None = None) -> bool:
    """Move the message forward only; a late or repeated callback changes nothing."""
    if STATUS_RANK.get(status, -1) <= STATUS_RANK.get(msg.status, -1):
        return False
    msg.status = status
    msg.updated_at = now
    if status is MessageStatus.DELIVERED or status is MessageStatus.READ:
        msg.delivered_at = msg.delivered_at or now
    if status in (MessageStatus.FAILED, MessageStatus.UNDELIVERED) and error_code:
        msg.error_code = error_code
    return True


def react_to_error(session: Session, msg: Message, client: Client, code: int | None, now: datetime) -> Message | None:
    """Record what an error code says about the client; returns a fallback message to send, if any."""
    if code == UNSUBSCRIBED:
        client.opted_out_at = client.opted_out_at or now
    elif code in UNREACHABLE:
        client.unreachable_at = client.unreachable_at or now
        client.unreachable_reason = UNREACHABLE[code]
    elif code == WHATSAPP_WINDOW_CLOSED and msg.channel is Channel.WHATSAPP and msg.content_sid is None:
        return _fallback(session, msg, now)
    return None


def _fallback(session: Session, msg: Message, now: datetime) -> Message:
    """The same text again, by approved template if one is configured, else by SMS."""
    template = current_app.config.get("WHATSAPP_TEMPLATES", {}).get(purpose(msg.text_key) or "")
    copy = Message(
        client_id=msg.client_id,
        conversation_id=msg.conversation_id,
        direction=msg.direction,
        sender=msg.sender,
        author_id=msg.author_id,
        channel=Channel.WHATSAPP if template else Channel.SMS,
        content_sid=template,
        body=msg.body,
        text_key=msg.text_key,
        language=msg.language,
        automated=msg.automated,
        status=MessageStatus.PENDING,
        segments=msg.segments,
        encoding=msg.encoding,
        created_at=now,
    )
    session.add(copy)
    return copy
