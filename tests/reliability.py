"""What the fault tests assert after every scenario: nothing lost, nothing sent twice.

`outbound(app)` reads the outbound rows; `assert_sent_once(app, fake)` compares them with what
the fake Twilio accepted; `assert_settled(app)` checks that every row reached an end: delivered
(or read), or a failure with its reason on record, or held back with its reason.
"""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from flask import Flask

from models import Client, Message, MessageStatus, db
from models.message import Direction

DONE = (MessageStatus.DELIVERED, MessageStatus.READ)
FAILED = (MessageStatus.FAILED, MessageStatus.UNDELIVERED, MessageStatus.SUPPRESSED)

SCREENING = ["Hi, I need help with food", "yes", "10001", "my name is ana", "2", "mold and leaks", "sometimes",
             "never true", "no", "already shut off", "1", "rarely", "never", "skip"]


def rows(app: Flask, direction: Direction = Direction.OUTBOUND) -> list[Message]:
    with app.app_context():
        found = db.session.scalars(sa.select(Message).where(Message.direction == direction)
                                   .order_by(Message.id)).all()
        db.session.expunge_all()
        db.session.remove()
        return found


def outbound(app: Flask) -> list[Message]:
    return rows(app, Direction.OUTBOUND)


def inbound(app: Flask) -> list[Message]:
    return rows(app, Direction.INBOUND)


def transcripts(app: Flask) -> dict[str, list[tuple[str, str]]]:
    """Every client's messages in order: {phone: [("in", body), ("out", body), ...]}."""
    with app.app_context():
        found = db.session.execute(
            sa.select(Client.phone, Message.direction, Message.body)
            .join(Client, Client.id == Message.client_id).order_by(Message.id)).all()
        db.session.remove()
    result: dict[str, list[tuple[str, str]]] = {}
    for phone, direction, body in found:
        result.setdefault(phone, []).append((direction.value, body))
    return result


def in_and_out(transcript: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    """A transcript's texts and its replies, each in order. A client may text again before the
    answer to the last text is written (the webhook answers Twilio first), so the two lines of a
    conversation are compared each on its own."""
    return ([body for direction, body in transcript if direction == "in"],
            [body for direction, body in transcript if direction == "out"])


def assert_sent_once(app: Flask, fake) -> None:
    """Each text Twilio accepted belongs to exactly one outbound row, and each row sent at most one."""
    accepted = [m["sid"] for m in fake.messages]
    twice = [sid for sid, n in Counter(accepted).items() if n > 1]
    assert not twice, f"Twilio accepted the same message id twice: {twice}"
    row_sids = [r.twilio_sid for r in outbound(app) if r.twilio_sid]
    assert len(row_sids) == len(set(row_sids))
    assert sorted(row_sids) == sorted(accepted), (
        f"{len(accepted)} texts reached Twilio but {len(row_sids)} rows say they were sent: "
        "a text was sent twice or a row lost track of its text")
    by_sid = {m["sid"]: m for m in fake.messages}
    for row in outbound(app):
        if row.twilio_sid:
            assert by_sid[row.twilio_sid]["body"] == row.body


def assert_settled(app: Flask) -> list[Message]:
    """Every outbound row ended delivered, or failed/held back with the reason recorded."""
    found = outbound(app)
    for row in found:
        if row.status in DONE:
            assert row.twilio_sid, row.id
            continue
        assert row.status in FAILED, f"message {row.id} is still {row.status.value}"
        assert row.error_code or row.error_message, f"message {row.id} failed without a reason"
    return found
