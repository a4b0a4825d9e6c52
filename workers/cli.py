"""`flask --app app worker`: an RQ worker with the scheduler, inside the app context."""

from __future__ import annotations

import logging
import time

import click
from flask import current_app
from flask.cli import with_appcontext
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from rq import SimpleWorker

from models import db
from workers.sweeper import start_sweeper

log = logging.getLogger(__name__)
RESTART_AFTER = 5.0  # seconds


class AppWorker(SimpleWorker):
    """Runs each job in its own app context and database session, without forking.

    Not forking keeps the app's connection pool valid (a forked child must not share it) and
    the per-job overhead low; the sweeper re-runs anything a crashed worker left behind.
    """

    app = None
    asked_to_stop = False

    def request_stop(self, signum, frame):
        self.asked_to_stop = True
        super().request_stop(signum, frame)

    def perform_job(self, *args, **kwargs):
        with self.app.app_context():
            try:
                return super().perform_job(*args, **kwargs)
            finally:
                db.session.remove()


@click.command("worker")
@click.option("--burst", is_flag=True, help="Stop when the queue is empty (for tests and benchmarks).")
@click.option("--sweep-every", default=10.0, show_default=True, help="Seconds between sweeps for lost work.")
@with_appcontext
def worker_command(burst: bool, sweep_every: float) -> None:
    """Send messages and run scheduled check-ins (RQ with its scheduler)."""
    app = current_app._get_current_object()
    queue = app.extensions["jobs"]
    if queue.backend != "rq":
        raise click.ClickException("REDIS_URL is not set: the in-process queue already runs inside `make run`.")
    if not burst:
        start_sweeper(app, every=sweep_every)
    AppWorker.app = app
    while True:
        worker = AppWorker([queue.queue], connection=queue.redis)
        try:
            worker.work(burst=burst, with_scheduler=True)
        except (RedisConnectionError, RedisTimeoutError) as exc:  # Redis was down as it started
            log.warning("Redis is unavailable: %s", type(exc).__name__)
        if burst or worker.asked_to_stop:
            return
        # RQ quits on an error it did not expect, such as Redis going away in the middle of a
        # job: start again instead of leaving the queue with no one to run it.
        log.warning("the worker stopped on an error; starting again in %.0f s", RESTART_AFTER)
        time.sleep(RESTART_AFTER)
