"""What the client's own events change on their record: opting out and back in, their language,
consent (with the exact wording they saw), ZIP code (and so their time zone) and first name."""

from __future__ import annotations

from bot.i18n import render
from directory.geo import zip_info


def opted_out(session, client, conv, event, now):
    """The client asked to stop all texts: `{"type": "opted_out", "data": {"word": "stop"}}`."""
    client.opted_out_at = now


def opted_in(session, client, conv, event, now):
    """The client texted START after STOP: `{"type": "opted_in"}`."""
    client.opted_out_at = None


def language_chosen(session, client, conv, event, now):
    """`{"type": "language_chosen", "data": {"language": "es"}}`."""
    client.language = event.data["language"]


def consent_answered(session, client, conv, event, now):
    """`{"type": "consent_answered", "data": {"answer": "yes", "text_key": "intake.consent", "language": "es"}}`.

    Consent is recorded with its time and the exact wording the client saw, in their language.
    """
    if event.data.get("answer") == "yes":
        client.consent_at = now
        client.consent_text = render(event.data["text_key"], event.data.get("language") or client.language)


def zip_given(session, client, conv, event, now):
    """`{"type": "zip_given", "data": {"zip": "10001"}}`: sets the client's time zone too."""
    info = zip_info(event.data["zip"])
    client.zip_code = event.data["zip"]
    if info is not None and info.timezone:
        client.timezone = info.timezone


def name_given(session, client, conv, event, now):
    """`{"type": "name_given", "data": {"name": "Ana"}}`."""
    client.first_name = event.data["name"][:80]
