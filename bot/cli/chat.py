"""`flask --app app chat --phone +1…`: talk to the assistant from the terminal as a client would."""

from __future__ import annotations

import uuid

import click
import sqlalchemy as sa
from flask.cli import with_appcontext

from bot.messaging.inbound import MalformedWebhook, parse_form
from bot.pipeline.inbound import handle_inbound
from models import Client, Message, db
from models.message import Direction
from workers.queue import jobs


@click.command("chat")
@click.option("--phone", required=True, help="The client's number, e.g. +15555550123.")
@click.option("--whatsapp", is_flag=True, help="Text as a WhatsApp user.")
@with_appcontext
def chat_command(phone: str, whatsapp: bool) -> None:
    """Each line you type is an inbound text; the assistant's replies are printed (Ctrl-D ends)."""
    queue = jobs()
    if queue.backend == "in-process":
        queue.start()  # send replies (to the local outbox) while we chat
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
            handle_inbound(parse_form(form))
        except MalformedWebhook as exc:
            click.echo(f"(not sent: {exc})")
            continue
        last_seen = _print_new(e164, after=last_seen)


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
