"""HTTP on loopback: routes Twilio's REST paths and the `/_fake/` control API, applies faults.

Logs carry the method, the path (account and message SIDs only) and the status: never a query
string, a form, a body or a phone number.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import re
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from faketwilio import shapes

log = logging.getLogger("faketwilio")

_MESSAGES = re.compile(
    rf"^/{shapes.API_VERSION}/Accounts/(?P<account>[^/]+)/Messages(?:/(?P<sid>[^/.]+))?\.json$"
)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], fake) -> None:
        super().__init__(address, Handler)
        self.fake = fake
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()

    def process_request(self, request, client_address) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close(self) -> None:
        """Stop listening and hang up kept-alive connections, so that a client's next request
        opens a new connection and finds the port closed, as with a Twilio that is down."""
        self.shutdown()
        self.server_close()
        with self._connections_lock:
            for conn in self._connections:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


class Handler(BaseHTTPRequestHandler):
    server_version = "faketwilio"
    protocol_version = "HTTP/1.1"  # keep-alive, as Twilio's API: every answer has a Content-Length
    disable_nagle_algorithm = True  # headers and body are two writes: without this, each answer waits 40 ms
    server: Server

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def _handle(self) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        if url.path.startswith("/_fake/"):
            try:
                payload = json.loads(self._body() or b"{}")
            except ValueError:
                self._send(400, {"error": "control requests take a JSON body"})
                return
            self._send(*fake.control.handle(self.command, url.path, payload))
            return
        if fake.faults.dropping:  # "down" without refusing connections: hang up unanswered
            self.close_connection = True
            return
        fake.store.count_request()
        form = parse_qs(self._body().decode("utf-8", "replace"), keep_blank_values=True)
        status, payload = self._api(url.path, parse_qs(url.query, keep_blank_values=True), form)
        delay = fake.faults.take_delay()
        if delay:
            fake.stopping.wait(delay)
        self._send(status, payload)

    def _api(self, path: str, query: dict, form: dict) -> tuple[int, dict]:
        fake = self.server.fake
        failure = fake.faults.take_failure()
        if failure:
            return shapes.error_body(failure.code, failure.status, failure.message)
        route = _MESSAGES.match(path)
        if not route:
            return shapes.error_body(20404, path=path)
        if not self._authorized(route["account"]):
            return shapes.error_body(20003)
        sid = route["sid"]
        if self.command == "POST" and not sid:
            return fake.api.create(form)
        if self.command == "GET" and not sid:
            return fake.api.list(query)
        if self.command == "GET":
            return fake.api.fetch(sid, path)
        return shapes.error_body(20004)

    def _authorized(self, account: str) -> bool:
        fake = self.server.fake
        scheme, _, encoded = self.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            user, _, password = base64.b64decode(encoded, validate=True).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        return user == account == fake.account_sid and password == fake.auth_token

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _send(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Twilio-Request-Id", shapes.new_sid("RQ"))
            if status == 401:
                self.send_header("WWW-Authenticate", 'Basic realm="Twilio API"')
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up waiting (timeouts)
            self.close_connection = True

    def log_request(self, code="-", size="-") -> None:
        log.info("fake Twilio: %s %s -> %s", self.command, urlsplit(self.path).path, code)

    def log_message(self, format: str, *args) -> None:
        log.debug("fake Twilio: " + format, *args)
