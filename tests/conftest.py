"""Shared fixtures: the app on the configured database and queue, a fixed clock, a phone.

`TEST_DATABASE_URL` (PostgreSQL, a database whose name ends in `_test`) and `TEST_REDIS_URL` select
the real services, as `.ci/run` does; without them the suite runs on the embedded defaults (a
temporary SQLite file and the in-process queue). `DATABASE_URL` and `REDIS_URL` are never used:
the fixtures empty what they are given (tests/safety.py).
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa
from flask_migrate import upgrade

from app import create_app
from faketwilio import FakeTwilio
from models import db
from tests.phone import Phone
from tests.safety import UnsafeTestServices, services_for_tests

try:
    TEST_DATABASE_URL, TEST_REDIS_URL = services_for_tests(os.environ)
except UnsafeTestServices as refused:
    raise pytest.UsageError(f"refusing to run the tests: {refused}") from None


class FixedClock:
    """The app's clock in tests: stands still until a test moves it."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


# Fixtures shared by every test module: the browser (one Chromium for the whole run) and the directory's.
pytest_plugins = ["tests.browser", "tests.directory_support"]

START = datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)  # a Tuesday, 11:00 in New York


@pytest.fixture(scope="session")
def _database_url(tmp_path_factory) -> str:
    return TEST_DATABASE_URL or f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"


@pytest.fixture(scope="session")
def _migrated_app(_database_url):
    app = create_app(_config(_database_url))
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as conn:  # start from an empty schema every run
                conn.execute(sa.text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
    return _database_url


def _config(database_url: str, **extra) -> dict:
    cfg = {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "REDIS_URL": TEST_REDIS_URL,
        "JOBS_AUTOSTART": False,
        "TWILIO_ACCOUNT_SID": None,
        "TWILIO_AUTH_TOKEN": None,
        "QUIET_HOURS": None,
    }
    cfg.update(extra)
    return cfg


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def make_app(_migrated_app, clock, tmp_path):
    """Build an app with extra config (the database is migrated once per run and emptied per test;
    the inbound journal is the test's own)."""
    built = []

    def make(**extra):
        extra.setdefault("INBOUND_JOURNAL", str(tmp_path / "journal"))
        app = create_app(_config(_migrated_app, CLOCK=clock, **extra))
        built.append(app)
        return app

    yield make
    for app in built:
        with app.app_context():
            db.session.remove()
    if built:
        with built[0].app_context():
            _empty_tables()
        for app in built:
            queue = app.extensions["jobs"]
            if queue.backend == "rq" and queue.health()["ok"]:
                queue.redis.flushdb()
            with app.app_context():
                db.engine.dispose()


@pytest.fixture
def app(make_app):
    return make_app()


def _empty_tables() -> None:
    tables = [t.name for t in reversed(db.metadata.sorted_tables)]
    with db.engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
        else:
            for t in tables:
                conn.execute(sa.text(f'DELETE FROM "{t}"'))


@pytest.fixture
def fake_twilio():
    """The local fake Twilio; status callbacks are held until a test flushes them."""
    with FakeTwilio(auto_callbacks=False) as fake:
        yield fake


def app_on_fake_twilio(make_app, fake: FakeTwilio, **extra):
    """An app sending through the real twilio SDK to `fake`, with signed webhooks; the fake's status
    callbacks are posted to this app's own webhook."""
    app = make_app(**{
        "TWILIO_ACCOUNT_SID": fake.account_sid,
        "TWILIO_AUTH_TOKEN": fake.auth_token,
        "TWILIO_API_BASE_URL": fake.url,
        "TWILIO_SMS_FROM": "+15005550006",
        "TWILIO_TIMEOUT": 1.0,
        "PUBLIC_URL": "http://localhost",  # what tests sign for, and where status callbacks go
        **extra,
    })
    http = app.test_client()
    fake.configure_callbacks(
        transport=lambda url, form, headers: http.post(urlsplit(url).path, data=form, headers=headers).status_code
    )
    return app


@pytest.fixture
def twilio_app(make_app, fake_twilio):
    return app_on_fake_twilio(make_app, fake_twilio)


@pytest.fixture
def http(app):
    return app.test_client()


@pytest.fixture
def phone(app, http):
    """A client's phone texting the real webhook: `phone.send("hola")` returns the replies."""
    return Phone(app, http, "+15555550123")
