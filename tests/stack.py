"""The app on private servers, as the fault tests and the load run drive it.

A `Stack` is a fresh database on the private PostgreSQL (copied from a migrated template),
the private Redis and the fake Twilio; on it, apps in this process (a web app answering
through Flask's test client, and a sweeper whose clock runs a quarter of an hour ahead, so
that "stuck for two minutes" needs no waiting) and, as in production, gunicorn and workers
as subprocesses. A `Texter` plays one client texting the served app as Twilio delivers
webhooks: a request that fails is retried with the same MessageSid until it is taken.
"""

from __future__ import annotations

import itertools
import threading
import time
import uuid
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

import requests
import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade
from twilio.request_validator import RequestValidator

from app import _engine_options, create_app
from config import database_url
from faketwilio import FakeTwilio
from models import Message, MessageStatus, db, utcnow
from models.message import Direction
from tests.phone import Phone
from tests.reliability import transcripts
from tests.services import PrivatePostgres, PrivateRedis, Served, Worker, app_environment, wait_until
from workers.sweeper import run_sweeps

TEMPLATE = "enlace_template"
SEND_TIMEOUT = timedelta(seconds=12)  # the worker's Twilio timeout (10 s), and a little more
_databases = itertools.count(1)


def create_template(postgres: PrivatePostgres) -> None:
    """A migrated database to copy for each stack (CREATE DATABASE ... TEMPLATE is fast)."""
    postgres.sql(f"CREATE DATABASE {TEMPLATE}")
    template = create_app(app_config(postgres.url(TEMPLATE)))
    with template.app_context():
        upgrade()
        db.engine.dispose()


def app_config(url: str, redis_url: str | None = None, fake: FakeTwilio | None = None, **extra) -> dict:
    uri = database_url(url, "")
    cfg = {"TESTING": True, "SECRET_KEY": "reliability-tests", "SQLALCHEMY_DATABASE_URI": uri,
           "SQLALCHEMY_ENGINE_OPTIONS": _engine_options(uri), "REDIS_URL": redis_url, "JOBS_AUTOSTART": False,
           "QUIET_HOURS": None, "TWILIO_ACCOUNT_SID": None, "TWILIO_AUTH_TOKEN": None}
    if fake is not None:
        cfg.update(TWILIO_ACCOUNT_SID=fake.account_sid, TWILIO_AUTH_TOKEN=fake.auth_token,
                   TWILIO_API_BASE_URL=fake.url, TWILIO_SMS_FROM=fake.sender, TWILIO_TIMEOUT=2.0)
    cfg.update(extra)
    return cfg


class Stack:
    """A fresh database on the private PostgreSQL, the private Redis and the fake Twilio."""

    def __init__(self, postgres: PrivatePostgres, redis: PrivateRedis, fake: FakeTwilio, logs) -> None:
        name = f"t{next(_databases)}"
        postgres.sql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
        self.url, self.redis, self.fake, self.logs = postgres.url(name), redis, fake, logs
        self.journal = str(logs / "journal")  # one inbound journal for the stack's web, workers and sweeper
        self.apps: list[Flask] = []
        self.processes: list = []
        self.public_url = "http://localhost"  # callbacks go in-process until the app is served
        self.web = self.app(PUBLIC_URL="http://localhost")
        self.sweeper = self.app(timedelta(minutes=15), PUBLIC_URL="http://localhost")

    def app(self, ahead: timedelta = timedelta(0), **extra) -> Flask:
        """An app in this process on the stack; its clock runs `ahead` of the real one."""
        app = create_app(app_config(self.url, self.redis.url, self.fake, CLOCK=lambda: utcnow() + ahead,
                                    INBOUND_JOURNAL=self.journal, **extra))
        self.apps.append(app)
        return app

    def env(self, **extra) -> dict[str, str]:
        return app_environment(self.url, self.redis.url, self.fake, INBOUND_JOURNAL=self.journal, **extra)

    def worker(self, sweep_every: float = 1.0) -> Worker:
        worker = Worker(self.env(PUBLIC_URL=self.public_url), sweep_every=sweep_every,
                        log=str(self.logs / "worker.log"))
        self.processes.append(worker)
        return worker.start()

    def serve(self, workers: int = 2, threads: int = 4) -> Served:
        served = Served(self.env(), workers=workers, threads=threads, log=str(self.logs / "gunicorn.log"))
        self.processes.append(served)
        served.start()
        self.public_url = served.url
        return served

    def callbacks_to(self, app: Flask) -> None:
        """Deliver the fake's status callbacks to `app` in-process (when nothing is served)."""
        self.fake.configure_callbacks(transport=lambda url, form, headers: app.test_client().post(
            urlsplit(url).path, data=form, headers=headers).status_code)

    def sweep(self) -> dict:
        """The sweeps as they will run a quarter of an hour from now: every stuck row is due by then."""
        with self.sweeper.app_context():
            done = run_sweeps()
            db.session.remove()
        return done

    def count(self, *where) -> int:
        with self.web.app_context():
            n = db.session.scalar(sa.select(sa.func.count()).select_from(Message).where(*where))
            db.session.remove()
            return n

    def unfinished(self) -> int:
        return self.count(Message.status.in_([MessageStatus.RECEIVED, MessageStatus.PENDING, MessageStatus.SENDING]))

    def settle(self, timeout: float = 90) -> None:
        """Sweep until every inbound text is answered and every reply has reached an end."""

        def done() -> bool:
            # The sweeper takes a `sending` row for stuck two minutes after its claim, because no
            # send lasts longer than the 10 s timeout; a sweep ahead of time waits out that timeout.
            if self.count(Message.status == MessageStatus.SENDING, Message.claimed_at > utcnow() - SEND_TIMEOUT):
                return False
            self.sweep()
            return not self.unfinished() and not self.count(
                Message.direction == Direction.OUTBOUND,
                Message.status.in_([MessageStatus.QUEUED, MessageStatus.ACCEPTED, MessageStatus.SENT]))

        try:
            wait_until(done, timeout, "every message to be answered and delivered", every=0.5)
        except TimeoutError:
            with self.web.app_context():
                states = db.session.execute(sa.select(Message.direction, Message.status, Message.error_message,
                                                      sa.func.count()).group_by(Message.direction, Message.status,
                                                                                Message.error_message)).all()
            raise AssertionError(f"messages did not settle: {states}") from None

    def close(self) -> None:
        for process in self.processes:
            process.stop()
        for app in self.apps:
            with app.app_context():
                db.session.remove()
                db.engine.dispose()


def reference_transcript(stack: Stack, bodies: list[str], number: str = "+16175559999") -> list[tuple[str, str]]:
    """What the assistant answers to these texts, one after the other, with nothing going wrong: each
    text's turn (run by whichever worker takes it) is over before the next text is sent."""
    phone = Phone(stack.web, stack.web.test_client(), number)
    for body in bodies:
        form = phone.form(body)
        assert phone.post(form).status_code == 200
        wait_until(lambda sid=form["MessageSid"]: stack.count(
            Message.twilio_sid == sid, Message.status != MessageStatus.RECEIVED) == 1, 60, "a turn to run")
    return transcripts(stack.web)[number]


class Texter:
    """One client texting the served app, one message after another, as Twilio delivers them:
    a webhook that fails (5xx, no connection) is retried with the same MessageSid until it is taken."""

    def __init__(self, base_url: str, token: str, number: str, bodies: list[str]) -> None:
        self.url = base_url + "/webhooks/twilio/messages"
        self.validator = RequestValidator(token)
        self.number, self.bodies = number, bodies
        self.taken: list[str] = []  # MessageSids that got a 200
        self.failures: Counter = Counter()  # answers other than 200, by status
        self.latencies: list[float] = []  # seconds, every attempt

    def form(self, body: str) -> dict:
        return {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": "AC" + "0" * 32, "From": self.number,
                "To": "+15005550006", "Body": body, "NumMedia": "0"}

    def post(self, form: dict, session: requests.Session, deadline: float) -> None:
        headers = {"X-Twilio-Signature": self.validator.compute_signature(self.url, form)}
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                status = session.post(self.url, data=form, headers=headers, timeout=15).status_code
            except requests.RequestException:
                status = "no answer"
            self.latencies.append(time.perf_counter() - started)
            if status == 200:
                self.taken.append(form["MessageSid"])
                return
            self.failures[status] += 1
            time.sleep(0.1)
        raise AssertionError(f"a webhook was never taken: {self.failures}")

    def run(self, deadline: float, progress: threading.Semaphore | None = None) -> None:
        with requests.Session() as session:
            for body in self.bodies:
                self.post(self.form(body), session, deadline)
                if progress:
                    progress.release()


def in_threads(texters: list[Texter], progress: threading.Semaphore | None = None, seconds: float = 120):
    """Start each texter on its own thread; returns the threads and a list their errors land in."""
    deadline = time.monotonic() + seconds
    errors = []

    def run(texter):
        try:
            texter.run(deadline, progress)
        except Exception as exc:  # reported after join
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(t,)) for t in texters]
    for t in threads:
        t.start()
    return threads, errors
