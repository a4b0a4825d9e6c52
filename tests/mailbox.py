"""A real SMTP server on loopback for the tests (aiosmtpd), as the fake Twilio is for texts:
what the app sends arrives here as parsed emails, and the server can be taken down and back."""

from __future__ import annotations

import email
import socket
from email.message import Message

from aiosmtpd.controller import Controller


class _Keep:
    def __init__(self, box: list[Message]) -> None:
        self.box = box

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        msg = email.message_from_bytes(envelope.content)
        msg["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.box.append(msg)
        return "250 OK"


class Mailbox:
    def __init__(self) -> None:
        self.received: list[Message] = []
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.controller: Controller | None = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> Mailbox:
        self.controller = Controller(_Keep(self.received), hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def bodies(self) -> list[str]:
        return [m.get_payload(decode=True).decode(m.get_content_charset() or "utf-8") for m in self.received]
