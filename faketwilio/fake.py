"""FakeTwilio: a local Twilio Messages API for tests and development, driven from Python.

    with FakeTwilio() as fake:
        client = fake.client()                  # the real twilio SDK, pointed at fake.url
        client.messages.create(to="+16175550123", from_="+15005550006", body="Hi",
                               status_callback="http://127.0.0.1:5000/webhooks/twilio/status")
        fake.wait_for(1)                        # -> [{"sid": "SM…", "status": "queued", …, "params": {…}}]
        fake.wait_for_callbacks(2)              # sent, then delivered, both signed
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Sequence
from datetime import datetime, timezone

from twilio.rest import Client

from faketwilio import shapes
from faketwilio.api import MessagesApi
from faketwilio.callbacks import StatusReporter, Transport
from faketwilio.control import Control
from faketwilio.faults import Failure, Faults
from faketwilio.inbound import inbound_form
from faketwilio.sdk import BaseUrlHttpClient
from faketwilio.server import Server
from faketwilio.signing import post_signed, signature
from faketwilio.state import Store


class FakeTwilio:
    def __init__(
        self, account_sid: str | None = None, auth_token: str | None = None, *, host: str = "127.0.0.1",
        port: int = 0, callback_delay: float = 0.02, auto_callbacks: bool = True,
        sender: str = "+15005550006", clock: Callable[[], datetime] | None = None,
    ) -> None:
        """`sender` is the number a Messaging Service sends from and the default inbound `To`."""
        self.account_sid = account_sid or shapes.new_sid("AC")
        self.auth_token = auth_token or secrets.token_hex(16)
        self.host, self.port, self.sender = host, port, sender
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self.store = Store()
        self.faults = Faults()
        self.reporter = StatusReporter(
            self.store, self.auth_token, self.clock, shapes.new_sid("XE"),
            auto=auto_callbacks, delay=callback_delay,
        )
        self.api = MessagesApi(
            account_sid=self.account_sid, store=self.store, faults=self.faults, reporter=self.reporter,
            clock=self.clock, service_sender=sender,
        )
        self.control = Control(self)
        self.stopping = threading.Event()
        self._lock = threading.RLock()
        self._server: Server | None = None
        self._up_timer: threading.Timer | None = None
        self._running = False

    # Lifecycle -------------------------------------------------------------------------------

    def start(self) -> FakeTwilio:
        with self._lock:
            self._running = True
            self.reporter.start()
            self._listen()
        return self

    def stop(self) -> None:
        with self._lock:
            self._running = False
            self._cancel_up_timer()
            self.stopping.set()
            self._close_listener()
        self.reporter.stop()

    def __enter__(self) -> FakeTwilio:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """Base URL to use instead of https://api.twilio.com."""
        return f"http://{self.host}:{self.port}"

    def client(self, **http_client_options):
        """A real twilio `Client` whose requests go to this fake (options: timeout, …)."""
        http_client = BaseUrlHttpClient(self.url, **http_client_options)
        return Client(self.account_sid, self.auth_token, http_client=http_client)

    def _listen(self) -> None:
        self._server = Server((self.host, self.port), self)
        self.port = self._server.server_address[1]
        threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.01},
            name="faketwilio-http", daemon=True,
        ).start()

    def _close_listener(self) -> None:
        if self._server:
            self._server.close()
            self._server = None

    # Recorded state --------------------------------------------------------------------------

    @property
    def messages(self) -> list[dict]:
        """Accepted messages, oldest first: Twilio's resource fields plus `params` as posted."""
        return self.store.snapshot()

    @property
    def message_count(self) -> int:
        """How many messages were accepted, without copying them (for polling)."""
        with self.store.lock:
            return len(self.store.messages)

    @property
    def callbacks(self) -> list[dict]:
        """Status callbacks sent: {"url", "params", "response_status", "error"}."""
        return self.store.callback_snapshot()

    @property
    def requests(self) -> int:
        """REST requests that reached the fake, failed ones included."""
        return self.store.requests

    def wait_for(self, count: int, timeout: float = 5.0) -> list[dict]:
        self.store.wait(lambda: len(self.store.messages) >= count, timeout, f"{count} messages")
        return self.messages

    def wait_for_callbacks(self, count: int, timeout: float = 5.0) -> list[dict]:
        self.store.wait(lambda: len(self.store.callbacks) >= count, timeout, f"{count} status callbacks")
        return self.callbacks

    def reset(self) -> None:
        """Forget messages and callbacks; clear faults and outcomes; restore callback options."""
        self.up()
        self.faults.reset()
        self.reporter.reset()
        self.store.reset()

    # Faults ----------------------------------------------------------------------------------

    def fail_next(
        self, count: int = 1, status: int = 500, code: int | None = None, message: str | None = None,
    ) -> None:
        """Answer the next `count` REST requests with a Twilio error (e.g. 429/20429, 400/21211)."""
        self.faults.fail_next(count, Failure(status, code, message))

    def delay(self, seconds: float, count: int | None = None) -> None:
        """Answer REST requests `seconds` late (all of them, or the next `count`); 0 clears.

        The request is processed first, so a client that times out has still sent its message.
        """
        self.faults.set_delay(seconds, count)

    def reject(self, to: str, code: int = 21610, status: int = 400, message: str | None = None) -> None:
        """Refuse every message to `to` with a Twilio error (21610 unsubscribed, 21614 not mobile…)."""
        self.faults.reject(to, Failure(status, code, message))

    def set_outcome(self, to: str, status: str, error_code: int | None = None) -> None:
        """How delivery to `to` ends: delivered, read, sent, undelivered (30003) or failed (30008)."""
        self.faults.set_outcome(to, status, error_code)

    def down(self, seconds: float | None = None, mode: str = "refuse") -> None:
        """Go down: 'refuse' closes the port (connection refused), 'close' hangs up unanswered.

        With `seconds`, come back up by itself; otherwise call `up()`.
        """
        if mode not in ("refuse", "close"):
            raise ValueError(f"mode must be 'refuse' or 'close': {mode!r}")
        with self._lock:
            self._cancel_up_timer()
            if mode == "close":
                self.faults.dropping = True
            else:
                self._close_listener()
            if seconds:
                self._up_timer = threading.Timer(seconds, self.up)
                self._up_timer.daemon = True
                self._up_timer.start()

    def up(self) -> None:
        with self._lock:
            if self._up_timer is not threading.current_thread():
                self._cancel_up_timer()
            self._up_timer = None
            self.faults.dropping = False
            if self._running and self._server is None:
                self._listen()

    def _cancel_up_timer(self) -> None:
        if self._up_timer:
            self._up_timer.cancel()
            self._up_timer = None

    # Status callbacks ------------------------------------------------------------------------

    def configure_callbacks(
        self, auto: bool | None = None, delay: float | None = None, duplicate: bool | None = None,
        out_of_order: bool | None = None, transport: Transport | None = None,
    ) -> None:
        """Change how status callbacks go out (None leaves an option as it is).

        `auto=False` holds them back until `flush_callbacks()`; `delay` is the pause between
        steps; `duplicate` posts each twice; `out_of_order` posts a message's steps last first;
        `transport(url, form, headers) -> status` delivers in-process instead of over HTTP, e.g.
        `lambda url, form, headers: client.post(urlsplit(url).path, data=form, headers=headers).status_code`.
        """
        options = {
            "auto": auto, "delay": delay, "duplicate": duplicate,
            "out_of_order": out_of_order, "transport": transport,
        }
        for name, value in options.items():
            if value is not None:
                setattr(self.reporter, name, value)

    def flush_callbacks(self) -> int:
        """Send every held-back callback now; returns how many steps were reported."""
        return self.reporter.flush()

    def send_status(self, sid: str, status: str, error_code: int | None = None) -> int | None:
        """Move a message to `status` now and POST its callback; the receiver's HTTP status."""
        if self.store.get(sid) is None:
            raise KeyError(f"no message {sid}")
        return self.reporter.report(sid, status, error_code)

    # A client texting the app ----------------------------------------------------------------

    def inbound_form(
        self, from_: str, body: str, to: str | None = None, *, channel: str | None = None,
        profile_name: str | None = None, button_text: str | None = None, button_payload: str | None = None,
        media: Sequence[tuple[str, str]] = (), messaging_service_sid: str | None = None,
    ) -> dict[str, str]:
        """Twilio's incoming-message webhook form (see faketwilio.inbound), To defaulting to `sender`."""
        return inbound_form(
            from_, body, to=to or self.sender, account_sid=self.account_sid, channel=channel,
            profile_name=profile_name, button_text=button_text, button_payload=button_payload, media=media,
            messaging_service_sid=messaging_service_sid,
        )

    def signature(self, url: str, form: dict[str, str]) -> str:
        """X-Twilio-Signature for POSTing `form` to `url` (use the URL the app will see)."""
        return signature(url, form, self.auth_token)

    def post_inbound(self, url: str, form: dict[str, str]) -> tuple[int | None, str]:
        """POST a signed inbound form to a running app; (HTTP status or None, response text)."""
        status, text, error = post_signed(url, form, self.auth_token)
        return status, text or (error or "")
