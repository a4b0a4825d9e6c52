"""`flask --app app chat --phone +1…`: talk to the assistant from the terminal as a client would."""

from __future__ import annotations

import time
import uuid

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext

from bot.messaging.inbound import MalformedWebhook, parse_form
from bot.pipeline.inbound import accept
from models import Client, Message, MessageStatus, db
from models.message import Direction
from workers.queue import jobs


@click.command("chat")
@click.option("--phone", required=True, help="The client's number, e.g. +15555550123.")
@click.option("--whatsapp", is_flag=True, help="Text as a WhatsApp user.")
@with_appcontext
def chat_command(phone: str, whatsapp: bool) -> None:
    """Each line you type is an inbound text; the assistant's replies are printed (Ctrl-D ends)."""
    queue = jobs()
    if queue.backend == "in-process" and current_app.config.get("JOBS_AUTOSTART", True):
        queue.start()  # scheduled work (check-ins) runs while we chat
    sender = f"whatsapp:{phone}" if whatsapp else phone
    try:
        e164 = parse_form({"MessageSid": "SM" + "0" * 32, "From": sender, "Body": ""}).phone
    except MalformedWebhook as exc:
        raise click.BadParameter(str(exc), param_hint="--phone") from exc
    last_seen = _print_new(e164, after=_latest_id(e164))
    while True:
        try:
            line = input("you> ")
        except (EOFError, KeyboardInterrupt):
            click.echo()
            return
        form = {"MessageSid": "SM" + uuid.uuid4().hex, "From": sender, "To": "terminal", "Body": line,
                "NumMedia": "0"}
        try:
            stored = accept(parse_form(form), form)
        except MalformedWebhook as exc:
            click.echo(f"(not sent: {exc})")
            continue
        queue.settle()
        if stored is not None:  # None: the database is down and the text waits in the journal
            _wait_for_turn(stored.message_id)
        last_seen = _print_new(e164, after=last_seen)


def _wait_for_turn(message_id: int, timeout: float = 15.0) -> None:
    """With Redis, a worker runs the turn: wait (a while at most) until it has stepped the text."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = db.session.scalar(sa.select(Message.status).where(Message.id == message_id))
        db.session.commit()
        if status is not MessageStatus.RECEIVED:
            return
        time.sleep(0.1)
    click.echo("(no reply yet: is `flask --app app worker` running?)")


def _latest_id(phone: str) -> int:
    return db.session.scalar(
        sa.select(sa.func.max(Message.id)).join(Client, Client.id == Message.client_id).where(Client.phone == phone)
    ) or 0


def _print_new(phone: str, after: int) -> int:
    rows = db.session.scalars(
        sa.select(Message)
        .join(Client, Client.id == Message.client_id)
        .where(Client.phone == phone, Message.id > after, Message.direction == Direction.OUTBOUND)
        .order_by(Message.id)
    ).all()
    for msg in rows:
        click.echo(f"{msg.sender.value}> {msg.body}")
    db.session.commit()
    return max([after] + [m.id for m in rows])
