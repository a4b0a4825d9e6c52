"""Reading one CSV file of a directory export, forgiving what real exports get wrong and refusing
what cannot be read safely.

Forgiven: a byte-order mark, UTF-16 or Windows-1252 instead of UTF-8, blank lines, header case and
spaces ("Organization ID"), extra columns, short rows (missing trailing values), padded values and
"NULL". Refused (a DirectoryImportError, so nothing is imported): unreadable or binary files, broken
quoting, which silently swallows the rows after it.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from directory.hsds.report import DirectoryImportError

_EMPTY = frozenset({"", "NULL", "null", "Null", "None", "none", "NONE"})
_HEADER_JUNK = re.compile(r"[\s\-]+")
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class CsvRow:
    number: int  # the header is row 1, as in a spreadsheet
    values: dict[str, str | None]  # missing trailing values are None
    problem: str | None = None  # why the row cannot be read, when it cannot


@dataclass
class CsvFile:
    path: Path
    encoding: str
    header: list[str]
    text: str = field(repr=False)

    @property
    def name(self) -> str:
        return self.path.name

    def rows(self) -> Iterator[CsvRow]:
        """Every non-blank row after the header, numbered as a spreadsheet numbers it."""
        reader = csv.reader(io.StringIO(self.text, newline=""), strict=True)
        width = len(self.header)
        number = 0
        start_line = 1
        try:
            for values in reader:
                number += 1
                if number > 1 and any(v.strip() for v in values):
                    if len(values) > width and any(v.strip() for v in values[width:]):
                        problem = f"{len(values)} values for {width} columns"
                        yield CsvRow(number, {}, problem)
                    else:
                        yield CsvRow(number, {
                            k: None if v in _EMPTY else v
                            for k, v in zip(self.header, map(str.strip, values), strict=False)
                        })
                start_line = reader.line_num + 1
        except csv.Error as exc:
            raise DirectoryImportError(
                f"{self.name}: broken CSV in the row starting on line {start_line} ({exc}); "
                "nothing was imported"
            ) from None


def read_csv(path: Path) -> CsvFile:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DirectoryImportError(f"cannot read {path}: {exc.strerror or exc}") from None
    text, encoding = _decode(raw)
    if "\x00" in text:
        raise DirectoryImportError(f"{path.name} is not a text CSV file (it holds binary data)")
    try:
        first_line = next(csv.reader(io.StringIO(text, newline=""), strict=True), [])
    except csv.Error as exc:
        raise DirectoryImportError(f"{path.name}: broken CSV header ({exc})") from None
    header = [_HEADER_JUNK.sub("_", h.strip().strip('"').lower()) for h in first_line]
    return CsvFile(path, encoding, header, text)


def _decode(raw: bytes) -> tuple[str, str]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16"), "UTF-16"
        except UnicodeDecodeError:
            pass
    for encoding, label in (("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return raw.decode(encoding), label
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1"), "Latin-1"
