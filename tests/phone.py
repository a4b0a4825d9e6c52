"""A client's phone in tests: texts go through the real webhook, replies come from the outbox."""

from __future__ import annotations

import itertools

import sqlalchemy as sa
from flask import Flask
from twilio.request_validator import RequestValidator

from models import Client, Message, db
from models.message import Direction
from tests.jobs import drain

_sids = itertools.count(1)


class Phone:
    def __init__(self, app: Flask, http, number: str, channel: str = "sms") -> None:
        self.app, self.http, self.number, self.channel = app, http, number, channel
        self.seen = 0

    def form(self, body: str, **extra: str) -> dict:
        sender = f"whatsapp:{self.number}" if self.channel == "whatsapp" else self.number
        form = {"MessageSid": f"SM{next(_sids):032x}", "AccountSid": "AC" + "0" * 32, "From": sender,
                "To": "+15555550100", "Body": body, "NumMedia": "0"}
        form.update(extra)
        return form

    def post(self, form: dict):
        """POST a form to the inbound webhook, signed as Twilio would when a token is configured."""
        headers = {}
        token = self.app.config.get("TWILIO_AUTH_TOKEN")
        if token:
            url = "http://localhost/webhooks/twilio/messages"
            headers["X-Twilio-Signature"] = RequestValidator(token).compute_signature(url, form)
        return self.http.post("/webhooks/twilio/messages", data=form, headers=headers)

    def send(self, body: str, **extra: str) -> list[str]:
        """Text the assistant; returns the bodies of the replies written since the last call."""
        resp = self.post(self.form(body, **extra))
        assert resp.status_code == 200, resp.get_data(as_text=True)
        return self.replies()

    def replies(self) -> list[str]:
        drain(self.app)
        with self.app.app_context():
            rows = db.session.scalars(
                sa.select(Message)
                .join(Client, Client.id == Message.client_id)
                .where(Client.phone == self.number, Message.direction == Direction.OUTBOUND, Message.id > self.seen)
                .order_by(Message.id)
            ).all()
            if rows:
                self.seen = rows[-1].id
            return [m.body for m in rows]

    def client(self) -> Client | None:
        with self.app.app_context():
            c = db.session.scalars(sa.select(Client).where(Client.phone == self.number)).first()
            if c is not None:
                db.session.expunge(c)
            return c
