"""Importing an HSDS directory export (3.x or 1.1 CSV datapackage) into our HSDS 3.1 tables.

Tables are written parents first, each in one bulk upsert keyed by HSDS id, so a re-import updates
rows in place; nothing is ever deleted (rows the export no longer mentions are kept and counted).
A row that cannot be taken (no id, a service whose organization does not exist, ...) is reported
with its file, row number and reason, and the rest goes in. A fatal problem raises
DirectoryImportError. The caller owns the transaction: commit on success, roll back on error, and
the directory is never half-updated.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.hsds.csvfile import read_csv
from directory.hsds.package import Package, open_package
from directory.hsds.report import DirectoryImportError, ImportReport, RowSkipped, TableCounts
from directory.hsds.rows import SOURCES, Source
from directory.needs import Need, load_needs
from directory.search.links import rebuild_links
from directory.upsert import upsert
from models.directory import DERIVED_TABLES, DIRECTORY_TABLES, Schedule, ServiceArea

SEARCHED_TABLES = (*DERIVED_TABLES, Schedule.__table__, ServiceArea.__table__)

Progress = Callable[[str], None]
_WRITTEN = [t for t in DIRECTORY_TABLES if t not in DERIVED_TABLES]


def import_directory(
    session: Session,
    path: str | Path,
    *,
    needs: dict[str, Need] | None = None,
    progress: Progress | None = None,
    today: date | None = None,
) -> ImportReport:
    """Import the HSDS CSV datapackage folder at `path`; does not commit."""
    return _run(session, open_package(path), needs, progress, today)


def import_taxonomy(
    session: Session,
    path: str | Path,
    *,
    needs: dict[str, Need] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Import a taxonomy file (Open Eligibility's taxonomy.csv, or an HSDS taxonomy_terms.csv)."""
    path = Path(path)
    if path.is_dir():
        path = next((path / n for n in ("taxonomy.csv", "taxonomy_terms.csv") if (path / n).is_file()),
                    path / "taxonomy.csv")
    if not path.is_file():
        raise DirectoryImportError(f"no such taxonomy file: {path}")
    csv_file = read_csv(path)
    if "id" not in csv_file.header or "name" not in csv_file.header:
        raise DirectoryImportError(f"{path.name} is not a taxonomy: it needs id and name columns")
    kind = "taxonomy_terms.csv" if "code" in csv_file.header else "taxonomy.csv"
    package = Package(path.parent, "taxonomy", {kind: csv_file})
    return _run(session, package, needs, progress, None)


def _run(session, package: Package, needs, progress, today) -> ImportReport:
    say = progress or (lambda message: None)
    needs = needs if needs is not None else load_needs()
    report = ImportReport(str(package.folder), package.version, ignored_files=package.ignored,
                          notes=list(package.notes))
    say(f"Reading {package.folder} as {package.version}")
    ctx = _Context(session, report, today or date.today())
    for table in _WRITTEN:
        sources = [s for s in SOURCES if s.table == table.name and s.file in package.files]
        if not sources and not ctx.queued[table.name]:
            continue
        counts = TableCounts(before=_count(session, table))
        rows = ctx.rows(table, sources, package, counts)
        written = upsert(session, table, rows, inserts_only=counts.before == 0)
        counts.inserted = _count(session, table) - counts.before
        counts.changed = written - counts.inserted
        report.tables[table.name] = counts
        say(f"  {table.name}: {counts.taken} rows ({counts.inserted} new, {counts.changed} updated)")
    say("Linking services to needs and service areas")
    report.needs = rebuild_links(session, needs)
    _analyze(session)
    return report


def _analyze(session: Session) -> None:
    """Refresh the planner's statistics of the tables search reads, so searches right after a big
    import use their indexes (PostgreSQL would otherwise plan with the old table sizes until
    autovacuum comes round)."""
    for table in SEARCHED_TABLES:
        session.execute(sa.text(f'ANALYZE "{table.name}"'))


def _count(session: Session, table: sa.Table) -> int:
    return session.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()


class _Context:
    """What the row converters may ask: does this id exist? Warn about this row. Queue that row."""

    def __init__(self, session: Session, report: ImportReport, today: date) -> None:
        self.session = session
        self.report = report
        self.today = today
        # table -> id -> (file, row) of the rows taken, and of those skipped
        self.taken: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        self.dropped: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
        self.in_db: dict[str, set[str]] = {}
        self.queued: dict[str, list[tuple[str, int, dict]]] = defaultdict(list)
        self.file = ""
        self.row = 0

    def rows(self, table: sa.Table, sources: list[Source], package: Package,
             counts: TableCounts) -> Iterator[dict]:
        blank = dict.fromkeys(c.name for c in table.columns)
        for source in sources:
            csv_file = package.files[source.file]
            self.file = csv_file.name
            for csv_row in csv_file.rows():
                self.row = csv_row.number
                row = self._convert(source, csv_row.values, csv_row.problem, table.name)
                if row is not None:
                    counts.taken += 1
                    yield {**blank, **row}
        for file, number, row in self.queued.pop(table.name, []):
            self.file, self.row = file, number
            if self._claim(table.name, row["id"]):
                counts.taken += 1
                yield {**blank, **row}

    def _convert(self, source: Source, values: dict, problem: str | None, table: str) -> dict | None:
        raw_id = source.make_id(values) if source.make_id else values.get("id")
        row_id = source.id_prefix + raw_id if raw_id else None
        try:
            if problem:
                raise RowSkipped(problem)
            if not row_id:
                raise RowSkipped("no id")
            row = source.convert(values, self)
        except RowSkipped as exc:
            self.report.skip(self.file, self.row, str(exc))
            if row_id:
                self.dropped[table].setdefault(row_id, (self.file, self.row))
            return None
        row["id"] = row_id
        return row if self._claim(table, row_id) else None

    def _claim(self, table: str, row_id: str) -> bool:
        first = self.taken[table].get(row_id)
        if first is not None:
            self.report.skip(self.file, self.row, f"duplicate id {row_id} (first on {_where(first)})")
            return False
        self.taken[table][row_id] = (self.file, self.row)
        return True

    def warn(self, reason: str) -> None:
        self.report.warn(self.file, self.row, reason)

    def add_row(self, table: str, row: dict) -> None:
        self.queued[table].append((self.file, self.row, row))

    def exists(self, table: str, value: str) -> bool:
        if value in self.taken[table]:
            return True
        if table not in self.in_db:
            # `table` is one of the HSDS tables rows.py names (link_entity is checked against LINKABLE).
            ids = self.session.execute(sa.text(f'SELECT id FROM "{table}"')).scalars()  # nosec B608
            self.in_db[table] = set(ids)
        return value in self.in_db[table]

    def ref(self, table: str, value: str | None, column: str, *, required: bool) -> str | None:
        if not value:
            if required:
                raise RowSkipped(f"no {column}")
            return None
        if self.exists(table, value):
            return value
        where = self.dropped[table].get(value)
        reason = (f"{column} {value} was itself skipped ({_where(where)})" if where
                  else f"{column} {value} matches no {table} in this import or the directory")
        if required:
            raise RowSkipped(reason)
        self.warn(f"{reason}; kept without that link")
        return None


def _where(place: tuple[str, int]) -> str:
    return f"{place[0]} row {place[1]}"
