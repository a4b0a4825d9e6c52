"""Which PostgreSQL and Redis the suite may use: only ones named for tests.

The fixtures empty the database and flush the Redis database they are given, so the suite never
reads `DATABASE_URL` or `REDIS_URL` (a developer's or production environment may hold them). It reads
`TEST_DATABASE_URL` and `TEST_REDIS_URL`, and refuses a database whose name does not end in `_test`
or either one that is also the app's own.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from urllib.parse import urlsplit

import sqlalchemy as sa


class UnsafeTestServices(Exception):
    """The environment names a database or Redis the suite must not empty."""


def services_for_tests(env: MutableMapping[str, str]) -> tuple[str | None, str | None]:
    """(database URL, Redis URL) for the suite, or (None, None) for SQLite and the in-process queue.

    Removes `DATABASE_URL` and `REDIS_URL` from `env`, so neither the app nor a process the tests
    start can fall back on them.
    """
    app_database, app_redis = env.pop("DATABASE_URL", None), env.pop("REDIS_URL", None)
    database, redis = env.get("TEST_DATABASE_URL") or None, env.get("TEST_REDIS_URL") or None
    if database:
        name = sa.engine.make_url(database).database or ""
        if not name.endswith("_test") and not database.startswith("sqlite"):
            raise UnsafeTestServices(
                f"TEST_DATABASE_URL names the database {name!r}; the tests empty it, so its name must end in "
                "'_test' (for example enlace_test).")
        if app_database and _same(database, app_database):
            raise UnsafeTestServices("TEST_DATABASE_URL is the app's own DATABASE_URL; the tests would empty it.")
    if redis and app_redis and _same(redis, app_redis):
        raise UnsafeTestServices("TEST_REDIS_URL is the app's own REDIS_URL; the tests would flush it.")
    return database, redis


_DEFAULT_PORTS = {"redis": 6379, "rediss": 6379}


def _same(a: str, b: str) -> bool:
    """Whether two URLs name the same server and database (credentials and options aside)."""
    return _place(a) == _place(b)


def _place(url: str) -> tuple:
    parts = urlsplit(url)
    scheme = parts.scheme.split("+")[0]
    port = parts.port or _DEFAULT_PORTS.get(scheme, 5432 if scheme.startswith("postgres") else None)
    return parts.hostname or "localhost", port, parts.path.rstrip("/") or "/0"
