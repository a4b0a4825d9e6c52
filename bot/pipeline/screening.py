"""What a screening's events write: the screening, each answer (one row per question, the latest
answer kept), the needs it found and its completion with the safety score."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.engine import NeedIdentified, QuestionAnswered, Reached, Scored
from models import Client, Conversation, Screening, ScreeningStatus
from models.screening import (
    current_screening,
    latest_screening_id,
    open_screening_id,
    record_need,
    store_answer_statement,
)


def screening_started(session: Session, client: Client, conv: Conversation, event: Reached, now: datetime) -> None:
    session.add(Screening(client_id=client.id, language=client.language, started_at=now))
    session.flush()


def question_answered(session: Session, client: Client, conv: Conversation, event: QuestionAnswered,
                      now: datetime) -> None:
    """One row per question of the screening: an answer given again replaces the first."""
    screening_id = open_screening_id(session, client.id)
    if screening_id is None:
        screening = Screening(client_id=client.id, language=client.language, started_at=now)
        session.add(screening)
        session.flush()
        screening_id = screening.id
    session.execute(store_answer_statement(session.get_bind().dialect.name), {
        "screening_id": screening_id, "question": event.question, "item_loinc": event.loinc, "codes": event.codes,
        "answer_loinc": event.answer_loinc, "value": event.value, "skipped": event.skipped, "answered_at": now})


def need_identified(session: Session, client: Client, conv: Conversation, event: NeedIdentified,
                    now: datetime) -> None:
    record_need(session, client.id, event.need, now, latest_screening_id(session, client.id))


def screening_completed(session: Session, client: Client, conv: Conversation, event: Scored, now: datetime) -> None:
    """The screening is complete, with its safety score (LOINC 95614-4)."""
    screening = current_screening(session, client.id)
    if screening is not None:
        screening.status = ScreeningStatus.COMPLETED
        screening.completed_at = now
        screening.safety_score = event.scores.get("95614-4")
