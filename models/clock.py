"""The one place the app reads the time, so that tests can fix it.

Only the edges read it (a request, a job, a command); they pass `now` down, so nothing below
them, and nothing in the engine, ever asks the clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from flask import Flask, current_app

from models.base import utcnow


def init_clock(app: Flask) -> None:
    app.config.setdefault("CLOCK", utcnow)


def now() -> datetime:
    clock: Callable[[], datetime] = current_app.config["CLOCK"]
    return clock()
