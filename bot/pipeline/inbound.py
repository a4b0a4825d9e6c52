"""Accepting an inbound text, as a carrier gateway does: make it durable, ask for its turn, answer.

The webhook, the simulator and the terminal chat all come in here. Accepting stores the text
(`receive`: an upsert of the client, an insert of the message that a retried MessageSid leaves
untouched) and pushes one `run_turns` job for its client; the conversation runs in that job
(`workers.turns`), never in Twilio's request. A push lost with Redis is not a lost text: the row
stays `received` and the sweeper asks for the turn again.

When the database cannot take the insert, the request goes to the inbound journal
(`bot.messaging.journal`) and `drain_journal` moves it into the database later, exactly once by
MessageSid: from every worker's sweeps, at web start-up, and from the web process as soon as the
database answers again. While texts wait in the journal, new ones join them there, so that each
client's texts reach the database in the order they came.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime

import sqlalchemy as sa
from flask import Flask, current_app

from bot.messaging.inbound import InboundMessage, MalformedWebhook, parse_form
from bot.messaging.journal import Unreadable, inbound_journal
from bot.pipeline.receive import Stored, receive
from models import clock, db
from workers.queue import jobs

log = logging.getLogger(__name__)

# What an unreachable database raises (refused, dropped, restarting, the pool waiting in vain).
DATABASE_DOWN = (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.DisconnectionError, sa.exc.TimeoutError)
RETRY_DRAIN_AFTER = 1.0  # seconds between a web process's attempts while the database is down


class CannotStore(RuntimeError):
    """Neither the database nor the journal could take the text: the webhook answers 503."""


def accept(msg: InboundMessage, form: dict[str, str], signature: str = "", url: str = "") -> Stored | None:
    """Make the text durable and ask for its client's turn. Returns what the database stored, or
    None when the text went to the journal; raises CannotStore when neither could take it."""
    journal = inbound_journal()
    if not journal.holds_texts():
        try:
            stored = receive(db.session, msg, clock.now())
        except DATABASE_DOWN as exc:
            _rollback()
            log.warning("inbound: the database cannot store texts (%s); they go to the journal", type(exc).__name__)
        else:
            if not stored.duplicate:
                jobs().enqueue("run_turns", stored.client_id, job_id=turn_job_id(stored.message_id))
            return stored
    record = {"v": 1, "at": clock.now().isoformat(), "url": url, "signature": signature, "form": form}
    try:
        journal.append(record)
    except OSError as exc:
        log.error("inbound: a text cannot be stored: the database is unavailable and the journal cannot be "
                  "written (%s); answering 503 for Twilio's Fallback URL", journal.failure)
        raise CannotStore(journal.failure) from exc
    drain_soon(current_app._get_current_object())
    return None


def turn_job_id(message_id: int) -> str:
    """The turn asked for by a text, named for it: the sweeper can tell whether it still waits."""
    return f"turn-{message_id}"


def drain_journal() -> int | None:
    """Move the journal's texts into the database, in order, each once; ask for their turns.
    Returns how many were taken (None: another process is draining)."""
    return inbound_journal().drain(_take)


def _take(record: dict) -> None:
    try:
        msg = parse_form(record["form"])
        at = datetime.fromisoformat(record["at"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        reason = str(exc) if isinstance(exc, MalformedWebhook) else f"not a journal record ({exc!r})"
        raise Unreadable(reason) from exc
    try:
        stored = receive(db.session, msg, at)
    except DATABASE_DOWN:
        _rollback()
        raise
    except sa.exc.SQLAlchemyError as exc:
        _rollback()
        raise Unreadable(f"the database refused it ({type(exc).__name__})") from exc
    if not stored.duplicate:
        jobs().enqueue("run_turns", stored.client_id, job_id=turn_job_id(stored.message_id))


def _rollback() -> None:
    try:
        db.session.rollback()
    except sa.exc.SQLAlchemyError:
        db.session.close()


_draining = threading.Lock()
_next_attempt = 0.0


def drain_soon(app: Flask) -> None:
    """Drain the journal on a thread of this process (one at a time, at most once a second while the
    database stays down). Only where the app may run background work (not in tests)."""
    global _next_attempt
    if not app.config.get("JOBS_AUTOSTART", True) or time.monotonic() < _next_attempt:
        return
    if not _draining.acquire(blocking=False):
        return

    def run() -> None:
        global _next_attempt
        try:
            with app.app_context():
                drain_journal()
                if inbound_journal().holds_texts():
                    _next_attempt = time.monotonic() + RETRY_DRAIN_AFTER
                db.session.remove()
        except Exception:
            log.exception("inbound journal: the drain failed")
            _next_attempt = time.monotonic() + RETRY_DRAIN_AFTER
        finally:
            _draining.release()

    threading.Thread(target=run, name="enlace-journal", daemon=True).start()
