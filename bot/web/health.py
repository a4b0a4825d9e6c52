"""GET /healthz: can we reach the database and the queue, and can inbound texts be stored?

`inbound` says where a text arriving now would go: the database, the journal (the database is
down; it waits there, `depth` records so far), or nowhere (the webhook answers 503 and Twilio
tries its Fallback URL). `rejected` counts journal records that could not be read, set aside."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, jsonify

from bot.messaging.journal import inbound_journal
from models import db
from workers.queue import jobs

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz():
    try:
        db.session.execute(sa.text("SELECT 1"))
        database = {"ok": True, "backend": db.engine.dialect.name}
    except Exception as exc:
        db.session.rollback()
        database = {"ok": False, "error": type(exc).__name__}
    queue = jobs().health()
    journal = inbound_journal().health()
    stored_in = "database" if database["ok"] else "journal" if journal["ok"] else "nowhere"
    ok = database["ok"] and queue["ok"] and journal["ok"]
    return jsonify(ok=ok, database=database, queue=queue, journal=journal,
                   inbound={"accepting": stored_in != "nowhere", "stored_in": stored_in}), 200 if ok else 503
