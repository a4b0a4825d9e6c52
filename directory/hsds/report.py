"""What an import did: rows written per table, and every row it skipped or changed, with file, row
number and reason. A fatal problem is a `DirectoryImportError` instead, and nothing is written.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


class DirectoryImportError(Exception):
    """The dataset cannot be imported at all (bad path, not HSDS, broken CSV). One line, for people."""


class RowSkipped(Exception):
    """This row cannot be taken; the reason says why."""


@dataclass(frozen=True)
class Issue:
    file: str
    row: int  # as a spreadsheet numbers it: the header is row 1
    reason: str
    skipped: bool  # True: the row was left out; False: it was taken with the change the reason says

    def __str__(self) -> str:
        verdict = "skipped" if self.skipped else "kept"
        return f"{self.file} row {self.row}: {verdict}: {self.reason}"


@dataclass
class TableCounts:
    taken: int = 0  # rows this import offered to the table
    inserted: int = 0
    changed: int = 0
    before: int = 0  # rows already in the table before the import

    @property
    def unchanged(self) -> int:
        return self.taken - self.inserted - self.changed

    @property
    def kept(self) -> int:
        """Rows already in the directory that this import did not mention: never deleted."""
        return self.before - (self.taken - self.inserted)


@dataclass
class ImportReport:
    source: str
    version: str
    tables: dict[str, TableCounts] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    ignored_files: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    needs: dict[str, int] = field(default_factory=dict)

    def skip(self, file: str, row: int, reason: str) -> None:
        self.issues.append(Issue(file, row, reason, skipped=True))

    def warn(self, file: str, row: int, reason: str) -> None:
        self.issues.append(Issue(file, row, reason, skipped=False))

    @property
    def skipped(self) -> int:
        return sum(1 for i in self.issues if i.skipped)

    def summary(self) -> list[str]:
        """The lines an operator reads after an import."""
        lines = [f"Imported {self.source} ({self.version})."]
        for name, c in self.tables.items():
            kept = f"; {c.kept} already in the directory and not in this import, kept" if c.kept else ""
            lines.append(
                f"  {name}: {c.inserted} new, {c.changed} updated, {c.unchanged} unchanged{kept}"
            )
        by_file = Counter(i.file for i in self.issues if i.skipped)
        if by_file:
            lines.append("Skipped rows: " + ", ".join(f"{f} {n}" for f, n in sorted(by_file.items())))
        if self.needs:
            lines.append(
                "Services per need: " + ", ".join(f"{n} {c}" for n, c in sorted(self.needs.items()))
            )
        lines.extend(self.notes)
        if self.ignored_files:
            lines.append("Not read (not used by Enlace): " + ", ".join(self.ignored_files))
        return lines
