"""Serve the real app with gunicorn on a loopback port for a benchmark, with a bare Flask
handler mounted beside it as the baseline (`/bench/bare`); and start a benchmark from empty
clients and an empty queue."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_empty(database_url: str, redis_url: str) -> None:
    """Migrate, then empty the clients (and all that hangs off them) and the queue: a run that
    found the last run's clients would be replaying finished conversations."""
    import sqlalchemy as sa
    from redis import Redis

    subprocess.run([sys.executable, "-m", "flask", "--app", "app", "db", "upgrade"], cwd=ROOT, check=True,
                   env={**os.environ, "DATABASE_URL": database_url, "REDIS_URL": redis_url}, capture_output=True)
    engine = sa.create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("TRUNCATE client RESTART IDENTITY CASCADE"))
    engine.dispose()
    Redis.from_url(redis_url).flushdb()


class Served(NamedTuple):
    url: str
    pid: int  # gunicorn's master; its workers are its children


@contextmanager
def serve(env: dict[str, str], workers: int = 2, threads: int = 4):
    """Yield the base URL and pid of the app served by gunicorn with `env` (DATABASE_URL, REDIS_URL ...)."""
    port = free_port()
    cmd = [sys.executable, "-m", "gunicorn", "--workers", str(workers), "--threads", str(threads),
           "--bind", f"127.0.0.1:{port}", "--log-level", "warning", "bench.server:bench_app()"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env, "LOG_LEVEL": "WARNING"})
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                if requests.get(url + "/bench/bare", timeout=5).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        else:
            raise RuntimeError("the benchmark server did not start")
        yield Served(url, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def bench_app():
    """The real app, plus the baseline handler: the cheapest thing Flask can answer (empty TwiML)."""
    from flask import Response

    from app import create_app
    from bot.web.webhook import EMPTY_TWIML

    app = create_app({"JOBS_AUTOSTART": False})

    @app.post("/bench/bare")
    @app.get("/bench/bare")
    def bare():
        return Response(EMPTY_TWIML, mimetype="text/xml")

    from app import csrf

    csrf.exempt(bare)
    return app
