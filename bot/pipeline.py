"""The message pipeline of DESIGN.md: store the inbound message, then run one engine step.

`receive` commits the inbound row before anything else happens, so a crash afterwards loses
nothing: the sweeper finds rows still `received` and runs them. `process` locks the client,
runs every unprocessed message of that client in arrival order, writes state, events and
outbound rows in one transaction, and returns the rows to send after commit.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta
from typing import NamedTuple

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from bot import engine
from bot.crisis import detect_crisis
from bot.effects import apply_events, escalate_recorded
from bot.inbound import InboundMessage
from bot.keywords import Keyword, classify_keyword
from bot.outbox import Outgoing, outgoing, write_replies
from models import Client, Conversation, Message, MessageStatus, Sender
from models.base import upsert_insert
from models.client import lock_client
from models.conversation import open_conversation, open_conversation_for_update
from models.message import Direction

log = logging.getLogger(__name__)

MAX_ENGINE_ATTEMPTS = 3
MAX_FOLLOWUPS = 5
# SQLite has no row locks; the embedded default is one process, so a process lock serialises steps.
_sqlite_lock = threading.RLock()


class Stored(NamedTuple):
    message_id: int
    client_id: int
    duplicate: bool


def receive(session: Session, msg: InboundMessage, now: datetime) -> Stored:
    """Store the inbound message and commit.

    Two statements and a commit: the client is upserted by number, the message inserted
    unless its MessageSid is already stored (a Twilio retry is a no-op).
    """
    client_id = session.execute(
        upsert_insert(session, Client)
        .values(phone=msg.phone, channel=msg.channel, whatsapp_id=msg.wa_id, profile_name=msg.profile_name,
                last_inbound_at=now, created_at=now)
        .on_conflict_do_update(index_elements=["phone"], set_={
            "channel": msg.channel,
            "last_inbound_at": now,
            "whatsapp_id": sa.func.coalesce(msg.wa_id, Client.whatsapp_id),
            "profile_name": sa.func.coalesce(msg.profile_name, Client.profile_name),
        })
        .returning(Client.id)
    ).scalar_one()
    message_id = session.execute(
        upsert_insert(session, Message)
        .values(client_id=client_id, direction=Direction.INBOUND, sender=Sender.CLIENT, channel=msg.channel,
                body=msg.body, twilio_sid=msg.sid, status=MessageStatus.RECEIVED, num_media=msg.num_media,
                media=msg.media or None, button_payload=msg.button_payload, created_at=now, segments=0,
                automated=False, attempts=0)
        .on_conflict_do_nothing(index_elements=["twilio_sid"])
        .returning(Message.id)
    ).scalar()
    if message_id is None:
        session.rollback()  # keep nothing of a retry, not even the client's last_inbound_at
        existing = session.scalars(sa.select(Message.id).where(Message.twilio_sid == msg.sid)).one()
        return Stored(existing, client_id, True)
    session.commit()
    return Stored(message_id, client_id, False)


def process(session: Session, message_id: int, now: datetime, client_id: int | None = None) -> list[Outgoing]:
    """Run the engine on this message (and any earlier unprocessed ones of the same client).
    The webhook passes the client's id it just stored, which saves a query."""
    if session.get_bind().dialect.name == "sqlite":
        with _sqlite_lock:
            return _process(session, message_id, now, client_id)
    return _process(session, message_id, now, client_id)


def _process(session: Session, message_id: int, now: datetime, client_id: int | None) -> list[Outgoing]:
    if client_id is None:
        client_id = session.scalar(sa.select(Message.client_id).where(Message.id == message_id))
    if client_id is None:
        return []
    try:
        client = lock_client(session, client_id)
        conv = open_conversation(session, client)
        waiting = session.scalars(
            sa.select(Message)
            .where(Message.client_id == client.id, Message.direction == Direction.INBOUND,
                   Message.status == MessageStatus.RECEIVED, Message.id <= message_id)
            .order_by(Message.id)
            .execution_options(populate_existing=True)
        ).all()
        outbound: list[Message] = []
        flooding = _flooding(session, client, now)
        for inbound in waiting:
            if flooding and not _heard_in_a_flood(inbound.body):  # kept for the record and the CHW, not answered
                inbound.conversation_id, inbound.status = conv.id, MessageStatus.PROCESSED
                inbound.error_message = "rate limited: not answered"
                continue
            outbound += _step(session, client, conv, inbound, now)
        snapshot = outgoing(outbound)
        session.commit()
        return snapshot
    except Exception:
        session.rollback()
        log.exception("engine step failed for message %s", message_id)
        _count_failure(session, message_id, now)
        return []


def _flooding(session: Session, client: Client, now: datetime) -> bool:
    """More texts from one number in the last minute than a person sends: stop answering them,
    so a flood costs one indexed count and never a reply storm."""
    limit = current_app.config.get("RATE_LIMIT_PER_MINUTE", 20)
    recent = session.scalar(
        sa.select(sa.func.count()).select_from(Message).where(
            Message.client_id == client.id, Message.direction == Direction.INBOUND,
            Message.created_at > now - timedelta(minutes=1))
    )
    if recent > limit:
        log.warning("client %s is over the rate limit (%s texts in a minute)", client.id, recent)
    return recent > limit


def _heard_in_a_flood(text: str | None) -> bool:
    """What no flood may drown out: an opt-out (or back in), and a crisis."""
    keyword = classify_keyword(text or "")
    if keyword is not None and keyword.keyword in (Keyword.STOP, Keyword.START):
        return True
    return detect_crisis(text or "") is not None


def _step(session: Session, client: Client, conv: Conversation, inbound: Message, now: datetime) -> list[Message]:
    inbound.conversation_id = conv.id
    inbound.status = MessageStatus.PROCESSED
    inp = engine.Input(kind="message", text=inbound.body, payload=inbound.button_payload, num_media=inbound.num_media)
    return run_step(session, client, conv, inp, now)


def run_step(session: Session, client: Client, conv: Conversation, inp: engine.Input, now: datetime) -> list[Message]:
    """One engine step and its consequences; an answer an event handler found (a directory
    lookup) is fed straight back, so the client gets one coherent reply."""
    rows: list[Message] = []
    for _ in range(MAX_FOLLOWUPS):
        result = engine.step(conv.state or {}, inp, now, client_facts(client, conv))
        conv.state = result.state
        followups = apply_events(session, client, conv, result.events, now)
        rows += write_replies(session, client, conv, result.replies, now)
        if not followups:
            break
        inp = followups[0]
    session.flush()
    return rows


def resume(session: Session, client: Client, inp: engine.Input, now: datetime) -> list[Message]:
    """Run a step for something other than a message: a due check-in, a CHW handing back."""
    conv = open_conversation_for_update(session, client)
    return run_step(session, client, conv, inp, now)


def client_facts(client: Client, conv: Conversation) -> engine.ClientFacts:
    return engine.ClientFacts(
        language=client.language,
        opted_out=client.opted_out,
        conversation_status=conv.status.value,
        channel=client.channel.value,
        first_name=client.first_name,
        zip_code=client.zip_code,
        timezone=client.timezone,
        has_consent=client.consent_at is not None,
    )


def _count_failure(session: Session, message_id: int, now: datetime) -> None:
    """A message the engine cannot run is retried by the sweeper, then set aside for a person."""
    msg = session.get(Message, message_id)
    if msg is None or msg.status is not MessageStatus.RECEIVED:
        return
    msg.attempts += 1
    if msg.attempts >= MAX_ENGINE_ATTEMPTS:
        msg.status = MessageStatus.PROCESSED
        msg.error_message = "engine failed; left for a CHW"
        client = session.get(Client, msg.client_id)
        conv = open_conversation_for_update(session, client)
        msg.conversation_id = conv.id
        escalate_recorded(session, client, conv, "error", "normal", now)
    session.commit()
