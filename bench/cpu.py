"""CPU time spent by each side of a benchmark: the served app, PostgreSQL, and the load generator.

On a small machine they share the same cores, so a request's cost is their sum: this is what
shows where a throughput ceiling comes from. Reads /proc (Linux); elsewhere it reports nothing.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PROC = Path("/proc")


def _cpu(pid: int) -> float:
    """User + system seconds of one process (all its threads); 0 once it has exited."""
    try:
        fields = (_PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICK


def _processes() -> list[tuple[int, int, str]]:
    """(pid, parent pid, command line) of every process we can see."""
    found = []
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        found.append((int(entry.name), parent, command))
    return found


class CpuMeter:
    """CPU seconds used between `start()` and `stop()` by the server (a process and its children),
    the workers when given (and Redis), PostgreSQL (every `postgres` process on the machine) and
    this process."""

    def __init__(self, server_pid: int, worker_pids: tuple[int, ...] = ()) -> None:
        self.server_pid = server_pid
        self.worker_pids = worker_pids
        self.available = _PROC.is_dir()
        self.used: dict[str, float] = {}

    def _read(self) -> dict[str, float]:
        processes = _processes()
        server = {self.server_pid} | {pid for pid, parent, _ in processes if parent == self.server_pid}
        postgres = [pid for pid, _, command in processes if command.startswith("postgres")]
        found = {"app server": sum(map(_cpu, server))}
        if self.worker_pids:  # the workers (and the children RQ forks), and Redis, which they drive
            workers = set(self.worker_pids) | {pid for pid, parent, _ in processes if parent in self.worker_pids}
            found["workers"] = sum(map(_cpu, workers))
            found["Redis"] = sum(_cpu(pid) for pid, _, command in processes if command.startswith("redis-server"))
        return found | {"PostgreSQL": sum(map(_cpu, postgres)), "load generator": time.process_time()}

    def start(self) -> CpuMeter:
        self._before = self._read() if self.available else {}
        return self

    def stop(self) -> None:
        if self.available:
            after = self._read()
            self.used = {role: after[role] - self._before[role] for role in after}

    def total_ms(self, count: int) -> float:
        """Milliseconds of CPU per request, every side together."""
        return 1000 * sum(self.used.values()) / count if self.used and count else 0.0

    def per_request(self, count: int) -> str:
        """'app server 6.1 ms, PostgreSQL 1.4 ms, load generator 0.9 ms' of CPU per request."""
        if not self.used or not count:
            return "n/a (no /proc)"
        parts = [f"{role} {1000 * seconds / count:.1f} ms" for role, seconds in self.used.items()]
        return ", ".join(parts) + f" (sum {1000 * sum(self.used.values()) / count:.1f} ms)"
