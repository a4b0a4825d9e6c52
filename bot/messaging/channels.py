"""Which sender and channel a message goes out on.

WhatsApp allows free-form text only within 24 hours of the client's last message; after
that, an approved template (`TWILIO_CONTENT_SID_<PURPOSE>`) or plain SMS.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from models import Channel, Client, Message

WHATSAPP_WINDOW = timedelta(hours=24)


@dataclass(frozen=True)
class Route:
    channel: Channel
    to: str
    from_: str | None = None
    messaging_service_sid: str | None = None
    content_sid: str | None = None


class NoRoute(Exception):
    """No configured sender can reach this client."""


def purpose(text_key: str | None) -> str | None:
    """'checkin.ask' -> 'checkin': templates are configured per purpose."""
    return text_key.split(".", 1)[0] if text_key else None


def route(msg: Message, client: Client, now: datetime, cfg: dict, force_sms: bool = False) -> Route:
    if msg.channel is Channel.WHATSAPP and not force_sms and cfg.get("TWILIO_WHATSAPP_FROM"):
        wa_to, wa_from = f"whatsapp:{client.phone}", cfg["TWILIO_WHATSAPP_FROM"]
        if not wa_from.startswith("whatsapp:"):
            wa_from = f"whatsapp:{wa_from}"
        if msg.content_sid:
            return Route(Channel.WHATSAPP, wa_to, from_=wa_from, content_sid=msg.content_sid)
        in_window = client.last_inbound_at is not None and now - client.last_inbound_at < WHATSAPP_WINDOW
        if in_window:
            return Route(Channel.WHATSAPP, wa_to, from_=wa_from)
        template = cfg.get("WHATSAPP_TEMPLATES", {}).get(purpose(msg.text_key) or "")
        if template:
            return Route(Channel.WHATSAPP, wa_to, from_=wa_from, content_sid=template)
    if cfg.get("TWILIO_MESSAGING_SERVICE_SID"):
        return Route(Channel.SMS, client.phone, messaging_service_sid=cfg["TWILIO_MESSAGING_SERVICE_SID"])
    if cfg.get("TWILIO_SMS_FROM"):
        return Route(Channel.SMS, client.phone, from_=cfg["TWILIO_SMS_FROM"])
    raise NoRoute("no SMS sender configured")
