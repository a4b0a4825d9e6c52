"""Storing an inbound text: the first thing that happens to it, committed before anything else.

A crash afterwards loses nothing: the sweeper finds rows still `received` and runs them.
"""

from __future__ import annotations

import functools
from datetime import datetime
from typing import NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.messaging.inbound import InboundMessage
from models import Client, Message, MessageStatus, Sender
from models.base import dialect_insert
from models.message import Direction


class Stored(NamedTuple):
    message_id: int
    client_id: int
    duplicate: bool


def receive(session: Session, msg: InboundMessage, now: datetime) -> Stored:
    """Store the inbound message and commit.

    Two statements and a commit: the client is upserted by number, the message inserted
    unless its MessageSid is already stored (a Twilio retry is a no-op).
    """
    store_client, store_message = _store_statements(session.get_bind().dialect.name)
    client_id = session.execute(store_client, {
        "phone": msg.phone, "channel": msg.channel, "whatsapp_id": msg.wa_id, "profile_name": msg.profile_name,
        "last_inbound_at": now, "created_at": now,
    }).scalar_one()
    message_id = session.execute(store_message, {
        "client_id": client_id, "channel": msg.channel, "body": msg.body, "twilio_sid": msg.sid,
        "num_media": msg.num_media, "media": msg.media or None, "button_payload": msg.button_payload,
        "created_at": now,
    }).scalar()
    if message_id is None:
        session.rollback()  # keep nothing of a retry, not even the client's last_inbound_at
        existing = session.scalars(sa.select(Message.id).where(Message.twilio_sid == msg.sid)).one()
        return Stored(existing, client_id, True)
    session.commit()
    return Stored(message_id, client_id, False)


@functools.cache
def _store_statements(dialect_name: str) -> tuple[sa.Insert, sa.Insert]:
    """`receive`'s two statements, built once per backend: every webhook runs them, and building
    an upsert costs more than executing it."""
    clients, messages = Client.__table__, Message.__table__
    client = dialect_insert(dialect_name, clients)
    client = (
        client.values({name: sa.bindparam(name) for name in (
            "phone", "channel", "whatsapp_id", "profile_name", "last_inbound_at", "created_at")})
        .on_conflict_do_update(index_elements=["phone"], set_={
            "channel": client.excluded.channel,
            "last_inbound_at": client.excluded.last_inbound_at,
            "whatsapp_id": sa.func.coalesce(client.excluded.whatsapp_id, clients.c.whatsapp_id),
            "profile_name": sa.func.coalesce(client.excluded.profile_name, clients.c.profile_name),
        })
        .returning(clients.c.id)
    )
    message = (
        dialect_insert(dialect_name, messages)
        .values({name: sa.bindparam(name) for name in (
            "client_id", "channel", "body", "twilio_sid", "num_media", "media", "button_payload", "created_at")}
            | {"direction": Direction.INBOUND, "sender": Sender.CLIENT, "status": MessageStatus.RECEIVED,
               "segments": 0, "automated": False, "attempts": 0})
        .on_conflict_do_nothing(index_elements=["twilio_sid"])
        .returning(messages.c.id)
    )
    return client, message
