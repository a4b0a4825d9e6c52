"""Running queued jobs inside a test, whichever queue the app uses."""

from __future__ import annotations

from flask import Flask


def drain(app: Flask) -> int:
    """Run every job that is due now on the app's clock; returns how many ran (RQ: how many the worker took)."""
    queue = app.extensions["jobs"]
    if queue.backend == "rq":
        from workers.cli import AppWorker

        _release_scheduled(queue, app.config["CLOCK"]())
        AppWorker.app = app
        worker = AppWorker([queue.queue], connection=queue.redis)
        with app.app_context():
            worker.work(burst=True)
        return worker.successful_job_count + worker.failed_job_count
    return queue.run_pending()


def _release_scheduled(queue, now) -> None:
    """What RQ's scheduler does, on the test's clock rather than the wall clock: queue the jobs due by now."""
    from rq.job import Job
    from rq.registry import ScheduledJobRegistry

    registry = ScheduledJobRegistry(queue=queue.queue)
    for job_id in registry.get_jobs_to_schedule(int(now.timestamp())):
        job = Job.fetch(job_id, connection=queue.redis)
        registry.remove(job)
        queue.queue.enqueue_job(job)
