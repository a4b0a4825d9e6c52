"""What a screening's events write: the screening, each answer (one row per question, the latest
answer kept), the needs it found and its completion with the safety score."""

from __future__ import annotations

from models import Screening, ScreeningStatus
from models.screening import (
    current_screening,
    latest_screening_id,
    open_screening_id,
    record_need,
    store_answer_statement,
)


def screening_started(session, client, conv, event, now):
    """`{"type": "screening_started", "data": {"flow": "screening"}}`."""
    session.add(Screening(client_id=client.id, language=client.language, started_at=now))
    session.flush()


def question_answered(session, client, conv, event, now):
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


def need_identified(session, client, conv, event, now):
    """`{"type": "need_identified", "data": {"need": "food-insecurity", "instrument": "96777-8"}}`."""
    record_need(session, client.id, event.data["need"], now, latest_screening_id(session, client.id))


def screening_completed(session, client, conv, event, now):
    """`{"type": "screening_completed", "data": {"needs": ["food-insecurity"], "scores": {"95614-4": 6}}}`."""
    screening = current_screening(session, client.id)
    if screening is not None:
        screening.status = ScreeningStatus.COMPLETED
        screening.completed_at = now
        screening.safety_score = event.data.get("scores", {}).get("95614-4")
