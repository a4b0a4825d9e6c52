"""Status callbacks: the lifecycle Twilio reports after accepting a message, signed, from a thread.

Twilio sends no callback for a message's initial status (queued, or accepted with a Messaging
Service). Then, for example:

    queued (Messaging Service only) -> sent -> delivered [-> read on WhatsApp]
                                    -> sent -> undelivered, ErrorCode=30003
                                    -> failed, ErrorCode=63016
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime

from faketwilio import shapes
from faketwilio.faults import Outcome
from faketwilio.signing import post_signed, signature
from faketwilio.state import Store

log = logging.getLogger("faketwilio")

Step = tuple[str, int | None]
# Delivers one signed callback in-process instead of over HTTP: (url, form, headers) -> HTTP status.
Transport = Callable[[str, dict[str, str], dict[str, str]], "int | None"]


def lifecycle(outcome: Outcome, via_service: bool) -> list[Step]:
    """The statuses a message goes through after creation, each reported by one callback."""
    steps: list[Step] = [("queued", None)] if via_service else []
    if outcome.status == "failed":
        return steps + [("failed", outcome.error_code)]
    steps.append(("sent", None))
    if outcome.status == "undelivered":
        steps.append(("undelivered", outcome.error_code))
    elif outcome.status in ("delivered", "read"):
        steps.append(("delivered", None))
    if outcome.status == "read":
        steps.append(("read", None))
    return steps


def callback_form(
    resource: dict, status: str, error_code: int | None, channel_install_sid: str, now: datetime,
) -> dict[str, str]:
    """The form Twilio POSTs to a message's StatusCallback URL."""
    form = {
        "AccountSid": resource["account_sid"],
        "ApiVersion": shapes.API_VERSION,
        "From": resource["from"] or "",
        "MessageSid": resource["sid"],
        "MessageStatus": status,
        "SmsSid": resource["sid"],
        "SmsStatus": status,
        "To": resource["to"],
    }
    if resource["messaging_service_sid"]:
        form["MessagingServiceSid"] = resource["messaging_service_sid"]
    if error_code:
        form["ErrorCode"] = str(error_code)
    channel, address = shapes.split_channel(resource["to"])
    if channel == "sms":
        if status in ("delivered", "undelivered"):
            form["RawDlrDoneDate"] = now.strftime("%y%m%d%H%M")
    else:
        form.update(ChannelInstallSid=channel_install_sid, ChannelPrefix=channel, ChannelToAddress=address)
        if status == "sent":
            form["StructuredMessage"] = "false"
        if status in ("delivered", "read", "undelivered"):
            form["EventType"] = status.upper()
    return form


class Dispatcher:
    """Runs callables at a later time on one background thread."""

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._seq = itertools.count()
        self._cond = threading.Condition()
        self._stopped = False
        self._busy = False
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="faketwilio-callbacks", daemon=True)
        self._thread.start()

    def schedule(self, delay: float, job: Callable[[], None]) -> None:
        with self._cond:
            heapq.heappush(self._heap, (time.monotonic() + delay, next(self._seq), job))
            self._cond.notify()

    def clear(self) -> None:
        """Drop scheduled jobs and wait for a running one, so nothing lands after a reset."""
        with self._cond:
            self._heap.clear()
            while self._busy and threading.current_thread() is not self._thread:
                self._cond.wait()

    def stop(self) -> None:
        with self._cond:
            self._stopped = True
            self._heap.clear()
            self._cond.notify()
        if self._thread:
            self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._stopped and (not self._heap or self._heap[0][0] > time.monotonic()):
                    self._cond.wait(self._heap[0][0] - time.monotonic() if self._heap else None)
                if self._stopped:
                    return
                _, _, job = heapq.heappop(self._heap)
                self._busy = True
            try:
                job()
            except Exception:  # a broken job must not stop later callbacks
                log.exception("fake Twilio: status callback job failed")
            finally:
                with self._cond:
                    self._busy = False
                    self._cond.notify_all()


class StatusReporter:
    """Moves accepted messages through their lifecycle and POSTs each step to StatusCallback.

    Options (plain attributes, changeable at any time): `auto` (False queues steps until
    `flush()`), `delay` (seconds between steps), `duplicate` (post every callback twice),
    `out_of_order` (post a message's callbacks last step first) and `transport` (deliver through
    a function, e.g. to a Flask test client, instead of HTTP).
    """

    def __init__(
        self, store: Store, auth_token: str, clock: Callable[[], datetime], channel_install_sid: str,
        *, auto: bool = True, delay: float = 0.02,
    ) -> None:
        self.store = store
        self.auth_token = auth_token
        self.clock = clock
        self.channel_install_sid = channel_install_sid
        self._defaults = (auto, delay)
        self.auto, self.delay = auto, delay
        self.duplicate = self.out_of_order = False
        self.transport: Transport | None = None
        self._pending: list[tuple[str, str, int | None]] = []
        self._lock = threading.Lock()
        self._dispatcher = Dispatcher()

    def accepted(self, sid: str, steps: list[Step]) -> None:
        order = list(reversed(steps)) if self.out_of_order else steps
        if self.auto:
            for i, (status, code) in enumerate(order, start=1):
                self._dispatcher.schedule(i * self.delay, lambda s=status, c=code: self.report(sid, s, c))
        else:
            with self._lock:
                self._pending.extend((sid, status, code) for status, code in order)

    def flush(self) -> int:
        """Report every step held back while `auto` was off, now, in this thread."""
        with self._lock:
            pending, self._pending = self._pending, []
        for sid, status, code in pending:
            self.report(sid, status, code)
        return len(pending)

    def report(self, sid: str, status: str, error_code: int | None = None) -> int | None:
        """Move message `sid` to `status` and POST the callback; the receiver's HTTP status."""
        now = self.clock()
        resource = self.store.advance(sid, status, error_code, now)
        message = self.store.get(sid)
        url = message.params.get("StatusCallback") if message else None
        if not url:
            return None
        form = callback_form(resource, status, error_code, self.channel_install_sid, now)
        answered = None
        for _ in range(2 if self.duplicate else 1):
            if self.transport:
                headers = {"X-Twilio-Signature": signature(url, form, self.auth_token)}
                answered, error = self.transport(url, form, headers), None
            else:
                answered, _, error = post_signed(url, form, self.auth_token)
            entry = {"url": url, "params": form, "response_status": answered, "error": error}
            self.store.record_callback(entry)
            log.info("fake Twilio: callback %s %s -> %s", sid, status, answered or error)
        return answered

    def start(self) -> None:
        self._dispatcher.start()

    def reset(self) -> None:
        self._dispatcher.clear()
        with self._lock:
            self._pending.clear()
        self.auto, self.delay = self._defaults
        self.duplicate = self.out_of_order = False
        self.transport = None

    def stop(self) -> None:
        self._dispatcher.stop()
