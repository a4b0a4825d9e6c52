"""What the client's own events change on their record: opting out and back in, their language,
consent (with the exact wording they saw), ZIP code (and so their time zone) and first name.

Each handler takes (session, client, conversation, event, now); `bot/pipeline/handlers.py` says
which events they handle.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.engine import AnswerGiven, LanguageChosen, NameGiven, OptedIn, OptedOut, ZipGiven
from bot.i18n import render
from directory.geo import zip_info
from models import Client, Conversation


def opted_out(session: Session, client: Client, conv: Conversation, event: OptedOut, now: datetime) -> None:
    """No automated text goes to the client until START."""
    client.opted_out_at = now


def opted_in(session: Session, client: Client, conv: Conversation, event: OptedIn, now: datetime) -> None:
    client.opted_out_at = None


def language_chosen(session: Session, client: Client, conv: Conversation, event: LanguageChosen,
                    now: datetime) -> None:
    client.language = event.language


def consent_answered(session: Session, client: Client, conv: Conversation, event: AnswerGiven,
                     now: datetime) -> None:
    """Consent is recorded with its time and the exact wording the client saw, in their language."""
    if event.answer == "yes":
        client.consent_at = now
        client.consent_text = render(event.text_key, event.language or client.language)


def zip_given(session: Session, client: Client, conv: Conversation, event: ZipGiven, now: datetime) -> None:
    """Sets the client's time zone too."""
    info = zip_info(event.zip)
    client.zip_code = event.zip
    if info is not None and info.timezone:
        client.timezone = info.timezone


def name_given(session: Session, client: Client, conv: Conversation, event: NameGiven, now: datetime) -> None:
    client.first_name = event.name[:80]
