"""The inbound journal: where an accepted text waits when the database cannot take it.

An append-only file under the instance folder (`INBOUND_JOURNAL`), one JSON record per line,
each append written with one `write` and fsync'd before the webhook answers 200. Many web
processes append side by side (O_APPEND, a shared lock on the file); one drainer at a time
(an exclusive lock on `drain.lock`) renames the file aside, waits for the appends already under
way, and hands each record, in order, to the pipeline. A record the pipeline cannot read is moved
to `rejected.jsonl` with its reason and the rest go on; when the database fails again the records
not yet taken stay for the next drain. A drain that stops half way is simply repeated: the
database keeps a MessageSid once. The file holds what the database would (numbers, texts), so it
is readable by its owner only.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from flask import Flask, current_app

log = logging.getLogger(__name__)

ACTIVE, REJECTED, LOCK = "inbound.jsonl", "rejected.jsonl", "drain.lock"
RECORD_START = '{"v":'  # every record begins so: a line cut short by a full disk is told from the next
MAX_ROUNDS = 100  # files a drain takes in a row while texts keep arriving


class Unreadable(ValueError):
    """A journal record the pipeline cannot take (not JSON, not a text Twilio would send)."""


class Journal:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.active = folder / ACTIVE
        self.failure: str | None = None  # why the last append in this process failed, until one succeeds
        self._appending = threading.Lock()

    # Appending -------------------------------------------------------------------------------

    def append(self, record: dict) -> None:
        """Write one record durably (fsync'd) or raise OSError."""
        line = (json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        try:
            with self._appending:
                self._append(line)
        except OSError as exc:
            self.failure = errno.errorcode.get(exc.errno or 0, type(exc).__name__)
            raise
        self.failure = None

    def _append(self, line: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        for _ in range(10):
            fd = os.open(self.active, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_SH)
                if not self._still_active(fd):
                    continue  # a drainer took this file away as we opened it: open the new one
                written = os.write(fd, line)
                if written != len(line):
                    raise OSError(errno.ENOSPC, "short write to the inbound journal")
                os.fsync(fd)
                if os.fstat(fd).st_size == len(line):  # a new file: make its name durable too
                    self._sync_folder()
                return
            finally:
                os.close(fd)
        raise OSError(errno.EAGAIN, "the inbound journal kept moving")

    def _still_active(self, fd: int) -> bool:
        try:
            return os.fstat(fd).st_ino == os.stat(self.active).st_ino
        except FileNotFoundError:
            return False

    def _sync_folder(self) -> None:
        fd = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    # Looking -----------------------------------------------------------------------------------

    def _files(self) -> list[Path]:
        """Texts waiting, oldest first: files a drain took aside, then the active one."""
        try:
            taken = sorted(self.folder.glob("inbound.*.draining"))
        except OSError:
            return []
        return taken + ([self.active] if self.active.exists() else [])

    def holds_texts(self) -> bool:
        """Whether any text waits here (then a new text joins them, to keep each client's order)."""
        try:
            return any(os.stat(path).st_size > 0 for path in self._files())
        except OSError:
            return False

    def depth(self) -> int:
        """How many records wait to be drained."""
        return sum(_count_lines(path) for path in self._files())

    def health(self) -> dict:
        writable = os.access(self.folder if self.folder.exists() else self.folder.parent, os.W_OK)
        ok = writable and self.failure is None
        found = {"ok": ok, "depth": self.depth(), "rejected": _count_lines(self.folder / REJECTED)}
        if not ok:
            found["error"] = self.failure or "folder not writable"
        return found

    # Draining ----------------------------------------------------------------------------------

    def drain(self, take: Callable[[dict], object]) -> int | None:
        """Hand every waiting record to `take`, oldest first; returns how many it took, or None when
        another drainer is at it. `take` raises Unreadable for a record to set aside; any other
        exception stops the drain, keeping that record and those after it for the next one."""
        with self._drain_lock() as mine:
            if not mine:
                return None
            taken = 0
            for _ in range(MAX_ROUNDS):
                files = [p for p in self._files() if p != self.active] or self._take_active()
                if not files:
                    return taken
                for path in files:
                    done, ok = self._drain_file(path, take)
                    taken += done
                    if not ok:
                        return taken
            return taken

    @contextlib.contextmanager
    def _drain_lock(self) -> Iterator[bool]:
        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(self.folder / LOCK, os.O_WRONLY | os.O_CREAT, 0o600)
        except OSError:
            yield False
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            yield False
            return
        try:
            yield True
        finally:
            os.close(fd)  # releases the lock

    def _take_active(self) -> list[Path]:
        """Move the active file aside (appends then open a new one) once the appends under way end."""
        if not self.active.exists() or self.active.stat().st_size == 0:
            return []
        aside = self.folder / f"inbound.{time.time_ns():020d}.draining"
        os.rename(self.active, aside)
        fd = os.open(aside, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)  # waits for appends that opened the file before the rename
        finally:
            os.close(fd)
        return [aside]

    def _drain_file(self, path: Path, take: Callable[[dict], object]) -> tuple[int, bool]:
        lines = path.read_bytes().splitlines()
        taken = 0
        for i, raw in enumerate(lines):
            for record_bytes in _records(raw, self):
                try:
                    record = json.loads(record_bytes)
                except ValueError as exc:
                    self.reject(record_bytes, f"not JSON: {exc}")
                    continue
                try:
                    if not isinstance(record, dict):
                        raise Unreadable("not a JSON object")
                    take(record)
                    taken += 1
                except Unreadable as exc:
                    self.reject(record_bytes, str(exc))
                except Exception:
                    log.warning("journal drain stopped (the database is still unavailable?); "
                                "%d record(s) wait", len(lines) - i)
                    _rewrite(path, lines[i:])
                    return taken, False
        path.unlink()
        return taken, True

    def reject(self, raw: bytes, reason: str) -> None:
        """Set a record aside with the reason, and say so (without its content) in the log."""
        entry = json.dumps({"reason": reason, "record": raw.decode("utf-8", "replace")}, ensure_ascii=False)
        with open(self.folder / REJECTED, "a", encoding="utf-8") as out:
            out.write(entry + "\n")
            out.flush()
            os.fsync(out.fileno())
        log.error("inbound journal: a record could not be read and was moved to %s: %s", REJECTED, reason)


def _records(raw: bytes, journal: Journal) -> list[bytes]:
    """A line's records: one, or, where a full disk cut an append short and the next record was
    written after it, the cut piece (set aside at once) and the whole record after it."""
    start = raw.rfind(RECORD_START.encode())
    if start <= 0:
        return [raw] if raw.strip() else []
    journal.reject(raw[:start], "an append cut short (the disk was full?)")
    return [raw[start:]]


def _rewrite(path: Path, lines: list[bytes]) -> None:
    """Keep only these lines in `path`, atomically (written aside, fsync'd, renamed over it)."""
    partial = path.with_suffix(".partial")
    with open(partial, "wb") as out:
        out.write(b"".join(line + b"\n" for line in lines))
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)


def _count_lines(path: Path) -> int:
    if not path.is_file():  # a device standing in for the file (tests point it at /dev/full)
        return 0
    try:
        with open(path, "rb") as f:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 16), b""))
    except OSError:
        return 0


def init_journal(app: Flask) -> None:
    folder = app.config.get("INBOUND_JOURNAL") or os.path.join(app.instance_path, "journal")
    app.extensions["inbound_journal"] = Journal(Path(folder))


def inbound_journal() -> Journal:
    return current_app.extensions["inbound_journal"]
