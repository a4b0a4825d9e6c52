"""Trouble a test can order: failed requests, slow answers, rejected or undeliverable recipients.

Outages that close the listening socket live in `fake.py`, because they stop the server itself.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

OUTCOMES = ("delivered", "read", "sent", "undelivered", "failed")
DEFAULT_DELIVERY_ERROR = {"undelivered": 30003, "failed": 30008}


@dataclass(frozen=True)
class Failure:
    status: int
    code: int | None = None
    message: str | None = None


@dataclass(frozen=True)
class Outcome:
    """How delivery to one recipient ends, reported later through status callbacks."""

    status: str = "delivered"
    error_code: int | None = None


class Faults:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        with self._lock:
            self._failures: deque[Failure] = deque()
            self._delay = 0.0
            self._delay_left: int | None = None
            self._rejections: dict[str, Failure] = {}
            self._outcomes: dict[str, Outcome] = {}
            self.dropping = False

    def fail_next(self, count: int, failure: Failure) -> None:
        with self._lock:
            self._failures.extend([failure] * count)

    def take_failure(self) -> Failure | None:
        with self._lock:
            return self._failures.popleft() if self._failures else None

    def set_delay(self, seconds: float, count: int | None) -> None:
        with self._lock:
            self._delay, self._delay_left = seconds, count

    def take_delay(self) -> float:
        with self._lock:
            if not self._delay or self._delay_left == 0:
                return 0.0
            if self._delay_left is not None:
                self._delay_left -= 1
            return self._delay

    def reject(self, to: str, failure: Failure) -> None:
        with self._lock:
            self._rejections[to] = failure

    def rejection(self, to: str) -> Failure | None:
        with self._lock:
            return self._rejections.get(to)

    def set_outcome(self, to: str, status: str, error_code: int | None) -> None:
        if status not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}: {status!r}")
        if status in DEFAULT_DELIVERY_ERROR:
            error_code = error_code or DEFAULT_DELIVERY_ERROR[status]
        with self._lock:
            self._outcomes[to] = Outcome(status, error_code)

    def outcome(self, to: str) -> Outcome:
        with self._lock:
            return self._outcomes.get(to, Outcome())
