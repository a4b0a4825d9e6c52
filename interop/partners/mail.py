"""Email through `SMTP_URL`: `smtp://host:port` (STARTTLS when the server offers it) or
`smtps://user:pass@host:port` (TLS from the start), from `MAIL_FROM`. Python's smtplib speaks the
protocol; this module only reads the URL and builds the message."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate
from urllib.parse import unquote, urlsplit

TIMEOUT = 10  # seconds: a server that hangs is a server that is down, and the job tries again later


@dataclass(frozen=True)
class SmtpServer:
    host: str
    port: int
    tls: bool  # smtps: TLS from the first byte
    user: str | None
    password: str | None

    @classmethod
    def parse(cls, text: str) -> SmtpServer:
        parts = urlsplit(text)
        if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
            raise ValueError("SMTP_URL must look like smtp://host:port or smtps://user:pass@host:port")
        return cls(parts.hostname, parts.port or (465 if parts.scheme == "smtps" else 25), parts.scheme == "smtps",
                   unquote(parts.username) if parts.username else None,
                   unquote(parts.password) if parts.password else None)


def message(sender: str, to: str, subject: str, body: str, message_id: str) -> EmailMessage:
    """A plain-text email; its Message-ID is fixed per notification, so a receiver can tell a copy."""
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = sender, to, subject
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg


def send(server: SmtpServer, msg: EmailMessage) -> None:
    """Hand the message to the server; raises OSError or smtplib.SMTPException when it did not take it."""
    if server.tls:
        conn = smtplib.SMTP_SSL(server.host, server.port, timeout=TIMEOUT, context=ssl.create_default_context())
    else:
        conn = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
    with conn:
        conn.ehlo_or_helo_if_needed()
        if not server.tls and conn.has_extn("starttls"):
            conn.starttls(context=ssl.create_default_context())
        if server.user:
            conn.login(server.user, server.password or "")
        conn.send_message(msg)
