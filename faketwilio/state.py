"""What the fake remembers: accepted messages, request count and callbacks sent, behind one lock.

Tests read it through copies and wait on it with a condition, so assertions never race the
server threads.
"""

from __future__ import annotations

import copy
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

from faketwilio import shapes

# Twilio only moves a message forward; a late callback for an earlier status changes nothing.
STATUS_RANK = {
    "accepted": 0, "scheduled": 0, "queued": 1, "sending": 2, "sent": 3,
    "delivered": 4, "undelivered": 4, "failed": 4, "read": 5,
}


@dataclass
class StoredMessage:
    resource: dict
    params: dict
    created: datetime
    sender: str  # what a Messaging Service picks as `from` once the message is queued
    segments: int
    sent: datetime | None = None
    seq: int = 0


@dataclass
class Store:
    messages: list[StoredMessage] = field(default_factory=list)
    callbacks: list[dict] = field(default_factory=list)
    requests: int = 0
    lock: threading.Condition = field(default_factory=threading.Condition)

    def reset(self) -> None:
        with self.lock:
            self.messages.clear()
            self.callbacks.clear()
            self.requests = 0
            self.lock.notify_all()

    def count_request(self) -> None:
        with self.lock:
            self.requests += 1

    def add(self, message: StoredMessage) -> None:
        with self.lock:
            message.seq = len(self.messages)
            self.messages.append(message)
            self.lock.notify_all()

    def get(self, sid: str) -> StoredMessage | None:
        with self.lock:
            return next((m for m in self.messages if m.resource["sid"] == sid), None)

    def resource(self, sid: str) -> dict | None:
        with self.lock:
            message = self.get(sid)
            return copy.deepcopy(message.resource) if message else None

    def advance(self, sid: str, status: str, error_code: int | None, now: datetime) -> dict:
        """Move a message to `status` unless it is already further along; return a copy."""
        with self.lock:
            message = self.get(sid)
            if message is None:
                raise KeyError(sid)
            res = message.resource
            if STATUS_RANK.get(status, 0) > STATUS_RANK.get(res["status"], 0):
                res["status"] = status
                res["date_updated"] = shapes.rfc2822(now)
                if res["from"] is None:
                    res["from"] = message.sender
                    res["num_segments"] = str(message.segments)
                if status == "sent" and message.sent is None:
                    message.sent = now
                    res["date_sent"] = shapes.rfc2822(now)
                if error_code:
                    res["error_code"] = error_code
                    res["error_message"] = shapes.DELIVERY_ERRORS.get(error_code)
            self.lock.notify_all()
            return copy.deepcopy(res)

    def record_callback(self, entry: dict) -> None:
        with self.lock:
            self.callbacks.append(entry)
            self.lock.notify_all()

    def snapshot(self) -> list[dict]:
        """Accepted messages, oldest first: the resource fields plus the request's `params`."""
        with self.lock:
            return [dict(copy.deepcopy(m.resource), params=copy.deepcopy(m.params)) for m in self.messages]

    def callback_snapshot(self) -> list[dict]:
        with self.lock:
            return copy.deepcopy(self.callbacks)

    def wait(self, predicate, timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        with self.lock:
            while not predicate():
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"fake Twilio: still waiting for {what} after {timeout}s")
                self.lock.wait(left)

    def query(self, to: str | None, from_: str | None, sent_filters: dict[str, str]) -> list[dict]:
        """Messages matching the list filters, newest first, as resource copies."""
        with self.lock:
            found = [
                m for m in self.messages
                if (to is None or m.resource["to"] == to)
                and (from_ is None or m.resource["from"] == from_)
                and all(_date_matches(m.sent, op, value) for op, value in sent_filters.items())
            ]
            found.sort(key=lambda m: (m.created, m.seq), reverse=True)
            return [copy.deepcopy(m.resource) for m in found]


def _date_matches(sent: datetime | None, op: str, value: str) -> bool:
    """DateSent filters: 'YYYY-MM-DD' compares days; a full timestamp compares instants.

    `op` is '=' for DateSent, '>' for DateSent> (on or after) and '<' for DateSent< (on or before).
    """
    if sent is None:
        return False
    bound = parse_filter_date(value)
    mine = sent.date() if isinstance(bound, date) and not isinstance(bound, datetime) else sent
    if op == ">":
        return mine >= bound
    if op == "<":
        return mine <= bound
    return mine == bound


def parse_filter_date(value: str) -> date | datetime:
    value = value.strip()
    if len(value) == 10:
        return date.fromisoformat(value)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = parsedate_to_datetime(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
