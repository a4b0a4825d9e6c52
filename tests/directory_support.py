"""Fixtures and helpers shared by the directory tests.

They build on the suite's `app` fixture (tests/conftest.py): the database is TEST_DATABASE_URL when set
(PostgreSQL), else a temporary SQLite file, migrated once per run and emptied after each test.
HSDS datasets are written as CSV folders with `write_hsds`, the way a directory exports them.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.cli import directory_cli
from models import db

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "hsds"
SPEC_31 = SAMPLES / "openreferral-spec-3.1-examples" / "csv"
SAMPLE_11_ALL = SAMPLES / "openreferral-sample-hsds-1.1" / "all_resources"
SAMPLE_11_SIMPLE = SAMPLES / "openreferral-sample-hsds-1.1" / "simple"
OPEN_ELIGIBILITY = SAMPLES / "open-eligibility-taxonomy" / "taxonomy.csv"


@pytest.fixture
def directory_session(app):
    with app.app_context():
        yield db.session


@pytest.fixture
def directory_cli_runner(app):
    """`flask directory ...` on the test app."""
    if "directory" not in app.cli.commands:
        app.cli.add_command(directory_cli)
    return app.test_cli_runner()


def write_hsds(folder: Path, tables: dict[str, list[dict]], *, encoding: str = "utf-8") -> Path:
    """Write {"services": [row, ...], ...} as services.csv etc.; columns are the rows' keys."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = list(dict.fromkeys(k for row in rows for k in row))
        with (folder / f"{name}.csv").open("w", newline="", encoding=encoding) as f:
            writer = csv.DictWriter(f, columns)
            writer.writeheader()
            writer.writerows(rows)
    return folder


def count(session: Session, table: sa.Table) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(table))
