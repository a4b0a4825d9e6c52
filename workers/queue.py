"""The job queue: RQ on Redis in production, an in-process queue for the demo and tests.

Jobs are asked for by name ("send_message"); `workers/registry.py` says which function each
name runs, so any layer can ask for a job without importing the code above it that runs it.
The database, not the queue, is the record of what must happen: a message row stays
`pending` until a worker sends it, so a job lost with Redis is found again by the sweeper.
Enqueueing therefore never raises: a queue that is down is logged and left to the sweeper.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import logging
import re
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from datetime import datetime, timezone
from typing import Any

from flask import Flask, current_app
from redis import Redis
from rq import Queue
from rq.exceptions import DuplicateJobError
from sqlalchemy import event
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)
FEW = 10  # job ids `waiting` looks up one by one rather than reading the whole queue
RESULT_TTL, FAILURE_TTL = 600, 86400  # seconds RQ keeps a finished or failed job
JOB_ID = re.compile(r"[A-Za-z0-9_-]+")  # what RQ accepts as a job id; both queues hold ids to it


def check_job_id(job_id: str | None) -> None:
    """Refuse an id RQ would refuse, on either queue, so the embedded defaults catch it too."""
    if job_id is not None and not JOB_ID.fullmatch(job_id):
        raise ValueError(f"job id {job_id!r}: only letters, digits, underscores and dashes")


class JobQueue(ABC):
    backend = "abstract"
    jobs: Mapping[str, Callable] = {}  # name -> function, set by `init_queue`

    def job(self, name: str) -> Callable:
        try:
            return self.jobs[name]
        except KeyError:
            raise KeyError(f"no job named {name!r}: workers/registry.py lists the jobs") from None

    @abstractmethod
    def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> bool:
        """Run job `name` with `args` soon. A job id already waiting (queued, or scheduled for
        later) is not added twice; once its job has run, the id may be used again."""

    def enqueue_many(self, name: str, calls: list[tuple[tuple, str | None]]) -> bool:
        """Several runs of job `name` at once: [(args, job_id), ...]."""
        return all([self.enqueue(name, *args, job_id=job_id) for args, job_id in calls])

    @abstractmethod
    def enqueue_at(self, when: datetime, name: str, *args: Any, job_id: str | None = None) -> bool:
        """Run job `name` with `args` at `when` (UTC); a job id already waiting is not added twice."""

    @abstractmethod
    def health(self) -> dict:
        """{'ok': bool, 'backend': name, ...} for /healthz."""

    @abstractmethod
    def settle(self) -> None:
        """Run here and now what is due, where the queue lives in this process (the simulator and
        `flask chat` show a reply at once); a queue with workers of its own leaves it to them."""

    @abstractmethod
    def waiting(self, job_ids: list[str]) -> set[str]:
        """Those of these jobs that are sure to run: waiting their turn in the queue."""

    @abstractmethod
    def waiting_prefix(self, prefix: str) -> bool:
        """Whether a job whose id starts with `prefix` is waiting its turn in the queue."""


class RQJobQueue(JobQueue):
    backend = "rq"

    def __init__(self, redis_url: str, name: str = "default") -> None:
        self.redis = Redis.from_url(redis_url, socket_timeout=2, socket_connect_timeout=2)
        self.queue = Queue(name, connection=self.redis)

    def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> bool:
        func = self.job(name)
        check_job_id(job_id)  # a wrong id is a bug to show, not an outage for the sweeper
        try:
            self._add(job_id, lambda unique: self.queue.enqueue_call(
                func, args=args, job_id=job_id, unique=unique, result_ttl=RESULT_TTL, failure_ttl=FAILURE_TTL))
            return True
        except Exception as exc:  # Redis down: the sweeper will find the row again
            log.warning("enqueue failed (%s): %s: %s", name, type(exc).__name__, exc)
            return False

    def enqueue_at(self, when: datetime, name: str, *args: Any, job_id: str | None = None) -> bool:
        func = self.job(name)
        check_job_id(job_id)
        try:
            self._add(job_id, lambda unique: self.queue.enqueue_at(
                when, func, *args, job_id=job_id, unique=unique, result_ttl=RESULT_TTL, failure_ttl=FAILURE_TTL))
            return True
        except Exception as exc:
            log.warning("schedule failed (%s): %s: %s", name, type(exc).__name__, exc)
            return False

    def _add(self, job_id: str | None, add: Callable[[bool], object]) -> None:
        """Add a job unless one of the same id is waiting (queued or scheduled).

        RQ's `unique` refuses, atomically, an id whose job still exists at all; a job of that id
        that no longer waits (it ran and its result is kept, it failed, or a dying worker took it)
        is deleted and the new one added, so only a waiting job holds its id."""
        if job_id is None:
            add(False)
            return
        try:
            add(True)
            return
        except DuplicateJobError:
            if self._pending(job_id):
                return
        stale = self.queue.fetch_job(job_id)
        if stale is not None:
            stale.delete()
        with contextlib.suppress(DuplicateJobError):  # another process added it meanwhile: it waits once
            add(True)

    def _pending(self, job_id: str) -> bool:
        return self.queue.get_job_position(job_id) is not None or job_id in self.queue.scheduled_job_registry

    def settle(self) -> None:
        return None

    def waiting(self, job_ids: list[str]) -> set[str]:
        """Still in the queue's list. Not a job's status: a job can leave the queue and never run
        (popped by a worker killed at that moment) while its status still says queued. A job
        scheduled for a time now past does not count (its scheduler should have queued it), nor
        does a started one: a send job claims its row at once, so a row still pending while its
        job is 'started' was left by a worker that died."""
        try:
            if len(job_ids) > FEW:
                return set(self.queue.get_job_ids()).intersection(job_ids)
            # One at a time (RQ asks Redis with LPOS): no need to read a long queue for a few ids.
            return {job_id for job_id in job_ids if self.queue.get_job_position(job_id) is not None}
        except Exception:  # Redis down: nothing is waiting there
            return set()

    def waiting_prefix(self, prefix: str) -> bool:
        try:
            return any(job_id.startswith(prefix) for job_id in self.queue.get_job_ids())
        except Exception:
            return False

    def health(self) -> dict:
        try:
            self.redis.ping()
            return {"ok": True, "backend": self.backend, "queued": self.queue.count}
        except Exception as exc:
            return {"ok": False, "backend": self.backend, "error": type(exc).__name__}


class InProcessJobQueue(JobQueue):
    """Runs jobs on one background thread inside the app, each in its own app context.

    Until `start()` (tests never call it) nothing runs before `run_pending()` is called, which
    keeps tests deterministic. Scheduled jobs wait for their time on the app's clock. `sweep`
    runs the sweeps for lost work (`workers.sweeper.run_sweeps`), as the worker process does.
    """

    backend = "in-process"

    def __init__(self, app: Flask, sweep: Callable[[], object] | None = None) -> None:
        self.app = app
        self.sweep = sweep
        self._heap: list[tuple[datetime, int, str | None, Callable, tuple]] = []
        self._ids: set[str] = set()
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> bool:
        return self.enqueue_at(datetime.min.replace(tzinfo=timezone.utc), name, *args, job_id=job_id)

    def enqueue_at(self, when: datetime, name: str, *args: Any, job_id: str | None = None) -> bool:
        func = self.job(name)
        check_job_id(job_id)
        with self._cond:
            if job_id is not None:
                if job_id in self._ids:
                    return True
                self._ids.add(job_id)
            heapq.heappush(self._heap, (when, next(self._seq), job_id, func, args))
            self._cond.notify()
        return True

    def health(self) -> dict:
        return {"ok": True, "backend": self.backend, "queued": len(self._heap)}

    def settle(self) -> None:
        self.run_pending()

    def waiting(self, job_ids: list[str]) -> set[str]:
        with self._cond:
            return self._ids.intersection(job_ids)

    def waiting_prefix(self, prefix: str) -> bool:
        with self._cond:
            return any(job_id.startswith(prefix) for job_id in self._ids)

    def _pop_due(self, now: datetime):
        with self._cond:
            if self._heap and self._heap[0][0] <= now:
                when, _, job_id, func, args = heapq.heappop(self._heap)
                if job_id is not None:
                    self._ids.discard(job_id)
                return func, args
        return None

    def run_pending(self, now: datetime | None = None) -> int:
        """Run every job due by `now` (default: the app's clock), including jobs they enqueue."""
        done = 0
        while True:
            with self.app.app_context():
                due = self._pop_due(now or current_app.config["CLOCK"]())
                if due is None:
                    return done
                func, args = due
                _run(func, args)
            done += 1

    def start(self, sweep_every: float = 10.0) -> None:
        """Run jobs as they fall due, and the sweeps for lost work, on a daemon thread."""
        with self._cond:
            if self._thread is None:
                self._thread = threading.Thread(target=self._loop, args=(sweep_every,), name="enlace-jobs",
                                                daemon=True)
                self._thread.start()

    def _loop(self, sweep_every: float) -> None:
        last_sweep = 0.0
        while True:
            self.run_pending()
            if self.sweep is not None and time.monotonic() - last_sweep >= sweep_every:
                last_sweep = time.monotonic()
                with self.app.app_context():
                    self.sweep()
            with self._cond:
                self._cond.wait(timeout=1.0)


def _run(func: Callable, args: tuple) -> None:
    try:
        func(*args)
    except Exception:
        log.exception("job %s failed", func.__name__)


def init_queue(app: Flask, jobs: Mapping[str, Callable], sweep: Callable[[], object]) -> None:
    """The app's queue, running `jobs` (workers/registry.py); the in-process one also runs `sweep`."""
    _install_after_commit()
    if "JOB_QUEUE" in app.config:
        queue = app.config["JOB_QUEUE"]
    elif app.config.get("REDIS_URL"):
        queue = RQJobQueue(app.config["REDIS_URL"])
    else:
        queue = InProcessJobQueue(app, sweep)
    queue.jobs = jobs
    app.extensions["jobs"] = queue
    if isinstance(queue, InProcessJobQueue):
        if app.config.get("JOBS_AUTOSTART", True):
            # Start with the first request, so that CLI commands (db upgrade ...) run no background work.
            app.before_request(queue.start)


def jobs() -> JobQueue:
    return current_app.extensions["jobs"]


def enqueue_after_commit(session, name: str, *args: Any, when: datetime | None = None,
                         job_id: str | None = None) -> None:
    """Enqueue job `name` once the session's transaction commits (never for work that rolled back)."""
    session.info.setdefault("after_commit", []).append((name, args, when, job_id))


def _install_after_commit() -> None:
    if event.contains(Session, "after_commit", _run_after_commit):
        return
    event.listen(Session, "after_commit", _run_after_commit)
    event.listen(Session, "after_rollback", _drop_after_commit)


def _run_after_commit(session) -> None:
    pending = session.info.pop("after_commit", [])
    queue = jobs() if pending else None
    scheduled = set()
    for name, args, when, job_id in pending:
        if job_id is not None:  # a batch of check-ins due in the same second shares one job
            if job_id in scheduled:
                continue
            scheduled.add(job_id)
        if when is None:
            queue.enqueue(name, *args, job_id=job_id)
        else:
            queue.enqueue_at(when, name, *args, job_id=job_id)


def _drop_after_commit(session) -> None:
    session.info.pop("after_commit", None)
