"""A small closed-loop load generator: N threads, each with its own HTTP session."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import requests


@dataclass
class Run:
    name: str
    count: int
    seconds: float
    latencies: list[float]
    errors: int

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    def pct(self, p: float) -> float:
        lat = sorted(self.latencies)
        return lat[min(len(lat) - 1, int(p / 100 * len(lat)))] * 1000 if lat else 0.0

    def line(self, baseline: Run | None = None) -> str:
        ratio = f"{self.rate / baseline.rate:6.2f}x of baseline" if baseline else "baseline"
        return (f"{self.name:<34} {self.rate:8.1f}/s  p50 {self.pct(50):6.1f} ms  p99 {self.pct(99):6.1f} ms  "
                f"errors {self.errors:<4} {ratio}")


def run(name: str, scripts: Iterable[list[Callable[[requests.Session], requests.Response]]],
        concurrency: int) -> Run:
    """Each script is a list of calls made in order by one thread (one client's conversation)."""
    pending = list(scripts)
    lock = threading.Lock()
    latencies: list[float] = []
    errors = 0

    def worker() -> None:
        nonlocal errors
        session = requests.Session()
        while True:
            with lock:
                if not pending:
                    return
                script = pending.pop()
            for call in script:
                t0 = time.perf_counter()
                try:
                    ok = call(session).status_code < 400
                except requests.RequestException:
                    ok = False
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    errors += 0 if ok else 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return Run(name, len(latencies), time.perf_counter() - t0, latencies, errors)


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
