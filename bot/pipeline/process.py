"""Running the engine for a client: one step per waiting text, or a resume (a due check-in, a CHW
handing back).

`process` locks the client, runs every unprocessed message of that client in arrival order
(`bot.pipeline.receive` stored them), writes state, events and outbound rows in one transaction,
and returns the rows to send after commit.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from bot import engine
from bot.engine import texts
from bot.messaging.outbox import Outgoing, outgoing, write_replies
from bot.pipeline.effects import apply_events
from bot.pipeline.escalation import escalate_recorded
from bot.understanding.crisis import detect_crisis
from bot.understanding.keywords import Keyword, classify_keyword
from casework.handoff import release
from models import Client, Conversation, ConversationStatus, Message, MessageStatus, User
from models.client import lock_client
from models.conversation import open_conversation, open_conversation_for_update
from models.message import Direction
from workers.queue import enqueue_after_commit

log = logging.getLogger(__name__)

MAX_ENGINE_ATTEMPTS = 3
MAX_FOLLOWUPS = 5
# SQLite has no row locks; the embedded default is one process, so a process lock serialises steps.
_sqlite_lock = threading.RLock()


def process(session: Session, client_id: int, now: datetime) -> list[Outgoing]:
    """Run the engine on every text of this client still waiting, oldest first, under the client's
    lock; commit; return the replies to send. A second worker on the same client waits for the lock,
    then finds those texts done and steps only what came after them."""
    if session.get_bind().dialect.name == "sqlite":
        with _sqlite_lock:
            return _process(session, client_id, now)
    return _process(session, client_id, now)


def _process(session: Session, client_id: int, now: datetime) -> list[Outgoing]:
    try:
        client = lock_client(session, client_id)
        conv = open_conversation(session, client)
        rows = session.execute(_WAITING, {"client_id": client.id, "minute_ago": now - timedelta(minutes=1)}).all()
        waiting = [row[0] for row in rows]
        outbound: list[Message] = []
        earlier = max(0, rows[0][1] - len(rows)) if rows else 0  # this minute's texts before these
        for position, inbound in enumerate(waiting, earlier + 1):
            if _flooding(client, position) and not _heard_in_a_flood(inbound.body):  # kept, not answered
                inbound.conversation_id, inbound.status = conv.id, MessageStatus.PROCESSED
                inbound.error_message = "rate limited: not answered"
                outbound += _flood_noticed(session, client, conv, now)
                continue
            outbound += _step(session, client, conv, inbound, now)
        _ask_translation(session, [inbound.id for inbound in waiting])
        snapshot = outgoing(outbound)
        session.commit()
        return snapshot
    except Exception:
        session.rollback()
        log.exception("engine step failed for client %s", client_id)
        _count_failure(session, client_id, now)
        return []


# This client's texts not yet run, oldest first, each with the count of their texts in the last
# minute (one statement). Built once: it runs for every inbound text.
_WAITING = (
    sa.select(Message, sa.select(sa.func.count()).select_from(Message).where(
        Message.client_id == sa.bindparam("client_id"), Message.direction == Direction.INBOUND,
        Message.created_at > sa.bindparam("minute_ago", type_=Message.created_at.type))
        .correlate(None).scalar_subquery())  # the whole minute, not the outer row
    .where(Message.client_id == sa.bindparam("client_id"), Message.direction == Direction.INBOUND,
           Message.status == MessageStatus.RECEIVED)
    .order_by(Message.id)
    .execution_options(populate_existing=True)
)


def _ask_translation(session: Session, message_ids: list[int]) -> None:
    """Have these texts translated for the CHWs once they are stored, when a server is configured;
    crisis detection and understanding have read the original above."""
    if message_ids and current_app.extensions.get("translator") is not None:
        language = current_app.config["CHW_LANGUAGE"]
        enqueue_after_commit(session, "translate_messages", message_ids, language,
                             job_id=f"translate-{message_ids[0]}-{message_ids[-1]}-{language}")


def _flooding(client: Client, recent: int) -> bool:
    """More texts from one number in the last minute than a person sends: stop answering them,
    so a flood never becomes a reply storm."""
    limit = current_app.config.get("RATE_LIMIT_PER_MINUTE", 20)
    if recent > limit:
        log.warning("client %s is over the rate limit (%s texts in a minute)", client.id, recent)
    return recent > limit


def _flood_noticed(session: Session, client: Client, conv: Conversation, now: datetime) -> list[Message]:
    """The first text over the limit: one notice to the client, in their language, and the conversation
    in the CHW queue ("texting very fast"), which also keeps the bot quiet until a person looks."""
    if conv.status is not ConversationStatus.BOT or client.opted_out:
        return []
    escalate_recorded(session, client, conv, "flooding", "normal", now)
    return write_replies(session, client, conv, [engine.Reply(texts.FLOODING.key)], now)


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
    before = (conv.escalated_at, conv.urgency)
    replies = run_step(session, client, conv, inp, now)
    if (conv.escalated_at, conv.urgency) != before and conv.status in (ConversationStatus.WAITING,
                                                                        ConversationStatus.WITH_CHW):
        conv.trigger_message_id = inbound.id  # this text put the conversation in the queue, or made it urgent
    return replies


def run_step(session: Session, client: Client, conv: Conversation, inp: engine.Input, now: datetime) -> list[Message]:
    """One engine step and its consequences; an answer an event handler found (a directory
    lookup) is fed straight back, so the client gets one coherent reply."""
    rows: list[Message] = []
    for _ in range(MAX_FOLLOWUPS):
        result = engine.step(engine.ConversationState.from_json(conv.state), inp, now, client_facts(client, conv))
        conv.state = result.state.to_json()
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


def hand_back(session: Session, conv: Conversation, user: User, now: datetime) -> list[Message]:
    """A CHW gives the (locked) conversation back to the bot, which says so and asks its current
    question again. Returns the bot's texts, to send after commit."""
    release(session, conv, user, now)
    return resume(session, session.get(Client, conv.client_id), engine.Input(kind="resume"), now)


def client_facts(client: Client, conv: Conversation) -> engine.ClientFacts:
    return engine.ClientFacts(
        language=client.language,
        opted_out=client.opted_out,
        conversation_status=conv.status.value,
        channel=client.channel.value,
        first_name=client.first_name,
        consented=client.consent_at is not None,
        zip_code=client.zip_code,
        timezone=client.timezone,
    )


def _count_failure(session: Session, client_id: int, now: datetime) -> None:
    """The client's oldest waiting text holds up the rest when the engine cannot run: count the
    failure against it; the sweeper tries again, and the third failure sets it aside for a person."""
    msg = session.scalars(
        sa.select(Message).where(Message.client_id == client_id, Message.direction == Direction.INBOUND,
                                 Message.status == MessageStatus.RECEIVED).order_by(Message.id).limit(1)
    ).first()
    if msg is None:
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
