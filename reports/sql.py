"""SQL pieces the report queries share: a CHW's caseload, durations and medians, on PostgreSQL and SQLite."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from casework.access import caseload


def in_caseload(client_id: ColumnElement, chw_id: int | None) -> ColumnElement[bool]:
    """True for every client when no CHW is chosen."""
    return sa.true() if chw_id is None else client_id.in_(caseload(chw_id))


class seconds_between(FunctionElement):
    """`seconds_between(a, b)`: b - a in seconds, as a float."""

    type = sa.Float()
    inherit_cache = True


@compiles(seconds_between, "postgresql")
def _seconds_pg(element, compiler, **kw):
    a, b = list(element.clauses)
    return f"EXTRACT(EPOCH FROM ({compiler.process(b, **kw)} - {compiler.process(a, **kw)}))"


@compiles(seconds_between)
def _seconds_sqlite(element, compiler, **kw):
    a, b = list(element.clauses)
    return f"((julianday({compiler.process(b, **kw)}) - julianday({compiler.process(a, **kw)})) * 86400.0)"


def median_duration(session: Session, durations: sa.Select) -> timedelta | None:
    """The median of a one-column select of seconds, or None when it has no rows.

    Count, then read the one or two middle values in order: SQLite has no percentile_cont.
    """
    sub = durations.subquery()
    (col,) = sub.columns
    n = session.scalar(sa.select(sa.func.count()).select_from(sub)) or 0
    if n == 0:
        return None
    middle = session.scalars(sa.select(col).order_by(col).offset((n - 1) // 2).limit(2 - n % 2)).all()
    return timedelta(seconds=round(sum(middle) / len(middle)))
