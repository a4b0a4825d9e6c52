"""Running the sweeps (`workers/registry.py` lists them) every few seconds: in the worker
process, and in the web process on the embedded defaults (through the in-process queue)."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from flask import Flask

from models import clock, db
from workers.registry import SWEEPS

log = logging.getLogger(__name__)


def run_sweeps(now: datetime | None = None) -> dict[str, int]:
    """Run every sweep once; returns how much each did, by name."""
    now = now or clock.now()
    done = {}
    for fn in SWEEPS:
        try:
            done[fn.__name__] = fn(now)
        except Exception:
            db.session.rollback()
            log.exception("sweep %s failed", fn.__name__)
    return done


def start_sweeper(app: Flask, every: float = 10.0) -> threading.Thread:
    """Run the sweeps on a daemon thread, each pass in its own app context."""

    def loop() -> None:
        stop = threading.Event()
        while not stop.wait(every):
            with app.app_context():
                run_sweeps()
                db.session.remove()

    thread = threading.Thread(target=loop, name="enlace-sweeper", daemon=True)
    thread.start()
    return thread
