"""GET /healthz: can we reach the database and the queue?"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Blueprint, jsonify

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
    ok = database["ok"] and queue["ok"]
    return jsonify(ok=ok, database=database, queue=queue), 200 if ok else 503
