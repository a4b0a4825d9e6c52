"""Insert-or-update many rows by primary key, fast, on PostgreSQL and SQLite.

Both use `INSERT ... ON CONFLICT (pk) DO UPDATE ... WHERE <a column differs>`, so unchanged rows are
not rewritten and the statement's row count is "new + changed". PostgreSQL gets the rows through
COPY into a temporary table and one set-based INSERT ... SELECT (measured: about three times faster
than batched multi-row VALUES, which PostgreSQL has to parse and plan batch by batch); SQLite gets
executemany in batches. Neither builds ORM objects.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from operator import itemgetter

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

BATCH_SIZE = 5000


def upsert(
    session: Session, table: sa.Table, rows: Iterable[dict], *, inserts_only: bool = False
) -> int:
    """Write `rows` (dicts holding every column of `table`, unique keys); returns how many were
    new or changed. `inserts_only`: no row with these keys exists yet (the table is empty, or they
    were just deleted), so a plain insert (COPY) is enough."""
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        return _upsert_postgresql(session, table, rows, inserts_only)
    if dialect == "sqlite":
        return _upsert_sqlite(session, table, rows, inserts_only)
    raise RuntimeError(f"bulk upsert is written for PostgreSQL and SQLite, not {dialect}")


def _on_conflict(stmt, table: sa.Table):
    keys = [c.name for c in table.primary_key.columns]
    others = [c.name for c in table.columns if c.name not in keys]
    if not others:
        stmt = stmt.on_conflict_do_nothing(index_elements=keys)
    else:
        stmt = stmt.on_conflict_do_update(
            index_elements=keys,
            set_={name: stmt.excluded[name] for name in others},
            where=sa.or_(*(table.c[name].is_distinct_from(stmt.excluded[name]) for name in others)),
        )
    return stmt.execution_options(preserve_rowcount=True)


def _upsert_sqlite(session: Session, table: sa.Table, rows: Iterable[dict], inserts_only: bool) -> int:
    stmt = sqlite.insert(table) if inserts_only else _on_conflict(sqlite.insert(table), table)
    written = 0
    for batch in batched(rows, BATCH_SIZE):
        written += max(session.execute(stmt, batch).rowcount, 0)
    return written


def _upsert_postgresql(
    session: Session, table: sa.Table, rows: Iterable[dict], inserts_only: bool
) -> int:
    columns = [c.name for c in table.columns]
    stage = table.name if inserts_only else f"import_{table.name}"
    connection = session.connection()
    raw = connection.connection.dbapi_connection
    with raw.cursor() as cursor:
        if not inserts_only:
            cursor.execute(f'CREATE TEMPORARY TABLE "{stage}" (LIKE "{table.name}") ON COMMIT DROP')
        written = _copy(cursor, stage, columns, rows)
    if inserts_only:
        return written
    staged = sa.table(stage, *(sa.column(c) for c in columns))
    stmt = _on_conflict(postgresql.insert(table).from_select(columns, sa.select(staged)), table)
    written = connection.execute(stmt).rowcount
    with raw.cursor() as cursor:
        cursor.execute(f'DROP TABLE "{stage}"')
    return written


def _copy(cursor, table_name: str, columns: list[str], rows: Iterable[dict]) -> int:
    values = itemgetter(*columns)
    quoted = ", ".join(f'"{c}"' for c in columns)
    count = 0
    # Rows are drawn batch by batch outside COPY: producing them may query this connection.
    for batch in batched(rows, BATCH_SIZE):
        with cursor.copy(f'COPY "{table_name}" ({quoted}) FROM STDIN') as copy:
            for row in batch:
                copy.write_row(values(row))
        count += len(batch)
    return count


def batched(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    batch: list[dict] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
