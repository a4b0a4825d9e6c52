"""What the engine's events do to the database: one small handler per event type.

Every event is also recorded as an `Event` row, which is what the dashboard and the
reports read. Other capabilities (referrals, the CHW queue) register their own handlers
with `@handles("event_name")`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.engine import Emitted, Input
from bot.i18n import render
from casework.escalation import escalate
from directory.geo import zip_info
from models import Client, Conversation, Event, Screening, ScreeningStatus
from models.screening import (
    current_screening,
    latest_screening_id,
    open_screening_id,
    record_need,
    store_answer_statement,
)

# A handler may return an Input to feed back to the engine at once (the answer to a lookup).
Handler = Callable[[Session, Client, Conversation, Emitted, datetime], "Input | None"]
_HANDLERS: dict[str, list[Handler]] = {}


def handles(event_type: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _HANDLERS.setdefault(event_type, []).append(fn)
        return fn

    return register


def apply_events(session: Session, client: Client, conv: Conversation, events: list[Emitted],
                 now: datetime) -> list[Input]:
    """Record and act on each event; returns the inputs the handlers want fed back to the engine."""
    if events:  # one Core INSERT: nothing reads an event back in the turn that wrote it
        session.execute(sa.insert(Event.__table__), [
            {"client_id": client.id, "conversation_id": conv.id, "type": e.type, "data": e.data, "created_at": now}
            for e in events])
    followups = []
    for event in events:
        for handler in _HANDLERS.get(event.type, ()):
            followup = handler(session, client, conv, event, now)
            if followup is not None:
                followups.append(followup)
    return followups


@handles("opted_out")
def _opted_out(session, client, conv, event, now):
    """The client asked to stop all texts: `{"type": "opted_out", "data": {"word": "stop"}}`."""
    client.opted_out_at = now


@handles("opted_in")
def _opted_in(session, client, conv, event, now):
    """The client texted START after STOP: `{"type": "opted_in"}`."""
    client.opted_out_at = None


@handles("language_chosen")
def _language_chosen(session, client, conv, event, now):
    """`{"type": "language_chosen", "data": {"language": "es"}}`."""
    client.language = event.data["language"]


@handles("escalated")
def _escalated(session, client, conv, event, now):
    """Hand the conversation to a CHW: `{"type": "escalated", "data": {"reason": "crisis", "urgency": "urgent"}}`."""
    escalate(conv, event.data.get("reason") or "asked_for_person", event.data.get("urgency", "normal"), now)


def escalate_recorded(session: Session, client: Client, conv: Conversation, reason: str, urgency: str,
                      now: datetime) -> None:
    """Escalate from the edge (a job, a dead end) exactly as the engine would: with an `escalated` event."""
    apply_events(session, client, conv, [Emitted("escalated", {"reason": reason, "urgency": urgency})], now)


@handles("consent_answered")
def _consent(session, client, conv, event, now):
    """`{"type": "consent_answered", "data": {"answer": "yes", "text_key": "intake.consent", "language": "es"}}`.

    Consent is recorded with its time and the exact wording the client saw, in their language.
    """
    if event.data.get("answer") == "yes":
        client.consent_at = now
        client.consent_text = render(event.data["text_key"], event.data.get("language") or client.language)


@handles("zip_given")
def _zip(session, client, conv, event, now):
    """`{"type": "zip_given", "data": {"zip": "10001"}}`: sets the client's time zone too."""
    info = zip_info(event.data["zip"])
    client.zip_code = event.data["zip"]
    if info is not None and info.timezone:
        client.timezone = info.timezone


@handles("name_given")
def _name(session, client, conv, event, now):
    """`{"type": "name_given", "data": {"name": "Ana"}}`."""
    client.first_name = event.data["name"][:80]


@handles("screening_started")
def _screening_started(session, client, conv, event, now):
    """`{"type": "screening_started", "data": {"flow": "screening"}}`."""
    session.add(Screening(client_id=client.id, language=client.language, started_at=now))
    session.flush()


@handles("question_answered")
def _answered(session, client, conv, event, now):
    """`{"type": "question_answered", "data": {"question": "food_worry", "loinc": "88122-7",
    "codes": ["often"], "answer_loinc": ["LA28397-0"], "value": null, "skipped": false}}`."""
    screening_id = open_screening_id(session, client.id)
    if screening_id is None:
        screening = Screening(client_id=client.id, language=client.language, started_at=now)
        session.add(screening)
        session.flush()
        screening_id = screening.id
    d = event.data
    session.execute(store_answer_statement(session.get_bind().dialect.name), {
        "screening_id": screening_id, "question": d["question"], "item_loinc": d["loinc"], "codes": d["codes"],
        "answer_loinc": d["answer_loinc"], "value": d.get("value"), "skipped": d.get("skipped", False),
        "answered_at": now})


@handles("need_identified")
def _need(session, client, conv, event, now):
    """`{"type": "need_identified", "data": {"need": "food-insecurity", "instrument": "96777-8"}}`."""
    record_need(session, client.id, event.data["need"], now, latest_screening_id(session, client.id))


@handles("screening_completed")
def _screening_completed(session, client, conv, event, now):
    """`{"type": "screening_completed", "data": {"needs": ["food-insecurity"], "scores": {"95614-4": 6}}}`."""
    screening = current_screening(session, client.id)
    if screening is not None:
        screening.status = ScreeningStatus.COMPLETED
        screening.completed_at = now
        screening.safety_score = event.data.get("scores", {}).get("95614-4")
