"""A LibreTranslate-compatible server for the tests and the benchmark, in the test's own process.

`POST /translate` takes q, source, target, format (JSON or a form, as LibreTranslate does) and
answers {"translatedText": ...}: by default the text in brackets with the target language
("[en] hola"), or what a test put in `answers`. `mode` makes it misbehave the ways a real server
can: "error" (500 with a JSON error), "garbage" (200 with HTML), "huge" (a translation far longer
than the text), "slow" (answers after `delay` seconds), "hostile" (markup in the translation).
Every request it took is kept in `requests`.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl


class FakeTranslate:
    def __init__(self) -> None:
        self.answers: dict[str, str] = {}
        self.mode = "ok"
        self.delay = 0.0
        self.requests: list[dict] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def translation(self, q: str, target: str) -> str:
        return self.answers.get(q, f"[{target}] {q}")

    def __enter__(self) -> FakeTranslate:
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-translate", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def record(self, request: dict) -> None:
        with self._lock:
            self.requests.append(request)


def _handler(fake: FakeTranslate) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as LibreTranslate behind gunicorn

        def setup(self) -> None:
            super().setup()
            # Headers and body go out as two writes: without this, delayed ACKs hold each answer ~40 ms.
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def log_message(self, *args) -> None:  # quiet
            pass

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path != "/translate":
                return self._answer(404, {"error": "Not Found"})
            if self.headers.get("Content-Type", "").startswith("application/json"):
                form = json.loads(raw or b"{}")
            else:
                form = dict(parse_qsl(raw.decode()))
            fake.record(form)
            q, target = form.get("q"), form.get("target")
            if not isinstance(q, str) or not target:
                return self._answer(400, {"error": "Invalid request: missing q or target parameter"})
            mode = fake.mode
            if mode == "slow":
                time.sleep(fake.delay)
            if mode == "error":
                return self._answer(500, {"error": "Cannot translate text: model failed to load"})
            if mode == "garbage":
                return self._send(200, b"<html><body>502 Bad Gateway</body></html>", "text/html")
            if mode == "huge":
                return self._answer(200, {"translatedText": "lorem ipsum " * 2000})
            text = fake.translation(q, target)
            if mode == "hostile":
                text = f'<script>alert("x")</script><b>{text}</b>'
            answer = {"translatedText": text}
            if form.get("source") == "auto":
                answer["detectedLanguage"] = {"confidence": 90.0, "language": "es"}
            return self._answer(200, answer)

        def _answer(self, status: int, body: dict) -> None:
            self._send(status, json.dumps(body).encode(), "application/json")

        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
