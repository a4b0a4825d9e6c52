"""Delivering one notification to a partner: the email through SMTP_URL, or the text through
Twilio, each carrying the partner's signed link. The job around it (`workers/partners.py`)
claims the row, retries with backoff and records the result."""

from __future__ import annotations

import smtplib
from datetime import datetime

from flask import current_app
from sqlalchemy.orm import Session
from twilio.base.exceptions import TwilioException

from bot.i18n import render
from bot.messaging.twilio_client import twilio_client
from casework.labels import NEED_DOMAINS, label
from flows.loader import need_labels
from interop.partners import links, mail
from interop.partners.texts import EMAIL_BODY, EMAIL_SUBJECT, SMS
from models import Referral
from models.referral import PartnerNotification

# What a failed delivery raises: the server or the network refused, so it is tried again later.
DELIVERY_ERRORS = (OSError, smtplib.SMTPException, TwilioException)


class NotConfigured(Exception):
    """No SMTP_URL (or no Twilio) to send through: the notification is held, listed for admins."""


def deliver(session: Session, note: PartnerNotification, referral: Referral, now: datetime) -> None:
    """Send it once; raises one of DELIVERY_ERRORS when it did not go, NotConfigured when it cannot."""
    link = links.live_link(session, referral, now)
    session.commit()  # the link exists before anyone can follow it
    lang = note.language
    key = need_labels().get(referral.need_domain)
    need = render(key, lang) if key else label(NEED_DOMAINS, referral.need_domain).lower()
    params = {"service": referral.service_name, "need": need, "link": links.url(link)}
    if note.channel == "email":
        cfg = current_app.config
        if not cfg.get("SMTP_URL"):
            raise NotConfigured("SMTP_URL is not set")
        msg = mail.message(cfg["MAIL_FROM"], note.address, render(EMAIL_SUBJECT.key, lang, service=params["service"]),
                           render(EMAIL_BODY.key, lang, expires=f"{link.expires_at:%Y-%m-%d}", **params),
                           f"<partner-{note.id}@{cfg['MAIL_FROM'].rpartition('@')[2].strip('> ') or 'enlace'}>")
        mail.send(mail.SmtpServer.parse(cfg["SMTP_URL"]), msg)
    else:
        client = twilio_client()
        cfg = current_app.config
        sender = cfg.get("TWILIO_MESSAGING_SERVICE_SID") or cfg.get("TWILIO_SMS_FROM")
        if client is None or not sender:
            raise NotConfigured("Twilio is not set up")
        key = "messaging_service_sid" if sender.startswith("MG") else "from_"
        client.messages.create(to=note.address, body=render(SMS.key, lang, **params), **{key: sender})
