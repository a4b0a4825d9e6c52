"""Running queued jobs inside a test, whichever queue the app uses."""

from __future__ import annotations

from flask import Flask


def drain(app: Flask) -> int:
    """Run every job that is due now; returns how many ran (RQ: how many the worker took)."""
    queue = app.extensions["jobs"]
    if queue.backend == "rq":
        from workers.cli import AppWorker

        AppWorker.app = app
        worker = AppWorker([queue.queue], connection=queue.redis)
        with app.app_context():
            worker.work(burst=True)
        return worker.successful_job_count + worker.failed_job_count
    return queue.run_pending()
