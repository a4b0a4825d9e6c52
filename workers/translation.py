"""Client messages in the CHW's language: each translated once, by a job, and stored.

The pipeline asks for `translate_messages` after it has stepped a client's texts (their
language is then known); the page only reads what this stored, so a slow or missing server never
slows a page or blocks a reply. A failure is stored too ("translation unavailable" and why) and
tried again when the job runs again; a text is never lost or held back by it. `translate_backlog`
is the sweep for texts the queue lost. The translation server gets the text and the two
languages, nothing else. Jobs take batches: the per-job cost of the queue is larger than a
translation's.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from interop.translation import TranslationFailed, Translator
from models import Client, Message, MessageTranslation, TranslationStatus, clock, db
from models.base import dialect_insert
from models.message import Direction
from workers.queue import jobs

log = logging.getLogger(__name__)

BATCH = 100
BACKLOG_WINDOW = timedelta(days=7)  # the sweep looks this far back for texts never translated


def translator() -> Translator | None:
    return current_app.extensions.get("translator")


def translate_messages(message_ids: list[int], language: str) -> str:
    """Translate these client messages into `language`, those not yet translated; commit."""
    server = translator()
    if server is None:
        return "no translation server"
    rows = db.session.execute(
        sa.select(Message.id, Message.body, Client.language).join(Client, Client.id == Message.client_id)
        .where(Message.id.in_(message_ids), Message.direction == Direction.INBOUND).order_by(Message.id)
    ).all()
    done = set(db.session.scalars(sa.select(MessageTranslation.message_id).where(
        MessageTranslation.message_id.in_(message_ids), MessageTranslation.language == language,
        MessageTranslation.status != TranslationStatus.FAILED)))
    db.session.rollback()  # no transaction held open while the server thinks
    results = []
    for message_id, body, source in rows:
        if message_id in done or source == language or not (body or "").strip():
            continue
        if not any(ch.isalpha() for ch in body):  # "2", "👍": nothing to translate, nothing to send out
            results.append({"message_id": message_id, "language": language, "source": source,
                            "status": TranslationStatus.DONE, "text": body, "error": None})
            continue
        try:
            translated = server.translate(body, source, language)
            results.append({"message_id": message_id, "language": language, "source": translated.source,
                            "status": TranslationStatus.DONE, "text": translated.text, "error": None})
        except TranslationFailed as failed:
            results.append({"message_id": message_id, "language": language, "source": source,
                            "status": TranslationStatus.FAILED, "text": None, "error": failed.reason[:255]})
    if results:
        _store(results)
    failed = sum(r["status"] is TranslationStatus.FAILED for r in results)
    if failed:
        log.warning("translation failed for %d of %d messages", failed, len(results))
    return f"{len(results) - failed} translated, {failed} failed"


def _store(results: list[dict]) -> None:
    """Insert each result, or replace a failure stored before; a translation once stored stays."""
    table = MessageTranslation.__table__
    insert = dialect_insert(db.engine.dialect.name, table)
    now = clock.now()
    insert = insert.on_conflict_do_update(
        index_elements=["message_id", "language"],
        set_={name: insert.excluded[name] for name in ("source", "status", "text", "error", "created_at")},
        where=table.c.status == TranslationStatus.FAILED.value,
    )
    db.session.execute(insert, [r | {"created_at": now} for r in results])
    db.session.commit()


def translate_backlog(now: datetime) -> int:
    """Sweep: client texts of the last days with no translation stored at all (their job was lost,
    or the server was configured later): ask for them in batches. Returns how many."""
    if translator() is None:
        return 0
    language = current_app.config["CHW_LANGUAGE"]
    stored = sa.select(MessageTranslation.id).where(MessageTranslation.message_id == Message.id,
                                                    MessageTranslation.language == language)
    ids = db.session.scalars(
        sa.select(Message.id).join(Client, Client.id == Message.client_id)
        .where(Message.direction == Direction.INBOUND, Message.created_at >= now - BACKLOG_WINDOW,
               sa.func.trim(Message.body) != "", sa.or_(Client.language.is_(None), Client.language != language),
               ~stored.exists())
        .order_by(Message.id).limit(BATCH * 10)
    ).all()
    db.session.rollback()
    batches = [ids[i:i + BATCH] for i in range(0, len(ids), BATCH)]
    jobs().enqueue_many("translate_messages", [((batch, language), f"translate-{batch[0]}-{batch[-1]}-{language}")
                                                for batch in batches])
    return len(ids)
