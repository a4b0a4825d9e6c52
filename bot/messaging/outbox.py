"""Writing outbound texts as message rows, inside the caller's transaction.

A row is the promise to send: it is rendered in the client's language now (so the
transcript shows exactly what was sent) and sent by a worker after commit (`enqueue_sends`). Rows that must
never go out (opted out, unreachable) are written as `suppressed`, so the record shows the
bot's intent and why it was held back.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from flask import current_app
from sqlalchemy.orm import Session

from bot.engine import Reply, texts
from bot.i18n import BASE_LANGUAGE, REGISTRY, render, render_reply
from bot.i18n.segments import count_segments
from bot.messaging.quiet_hours import next_allowed, zone
from models import Client, Conversation, Message, MessageStatus, Sender
from models.message import Direction
from workers.queue import jobs


class Outgoing(NamedTuple):
    """What the send queue needs of a row, read before commit (so no query after it)."""

    id: int
    status: MessageStatus
    attempts: int
    next_attempt_at: datetime | None


def outgoing(rows: list[Message]) -> list[Outgoing]:
    return [Outgoing(m.id, m.status, m.attempts, m.next_attempt_at) for m in rows]


def send_job_id(msg) -> str:
    """One id per row and attempt: the queue holds at most one job for each."""
    return f"send-{msg.id}-{msg.attempts}"


def enqueue_sends(messages: list) -> None:
    """After commit: one send job (`workers.sending.send_message`) per pending row (a Message or an
    Outgoing), now or when due."""
    queue = jobs()
    now_jobs = []
    for msg in messages:
        if msg.status is not MessageStatus.PENDING:
            continue
        job_id = send_job_id(msg)
        if msg.next_attempt_at is None:
            now_jobs.append(((msg.id,), job_id))
        else:
            queue.enqueue_at(msg.next_attempt_at, "send_message", msg.id, job_id=job_id)
    if now_jobs:
        queue.enqueue_many("send_message", now_jobs)


# Texts that may still go to a client who has opted out: the confirmation of the opt-out, and the
# question whether a probable opt-out ("enough") meant it.
ALLOWED_AFTER_STOP = frozenset({texts.STOPPED.key, texts.CONFIRM_STOP.key})


def write_replies(
    session: Session,
    client: Client,
    conversation: Conversation | None,
    replies: Iterable[Reply],
    now: datetime,
) -> list[Message]:
    rows = []
    for reply in replies:
        lang = reply.language or client.language
        body = render_reply(reply.key, lang, reply.params, reply.options)
        english = None if (lang or BASE_LANGUAGE) == BASE_LANGUAGE else render_reply(
            reply.key, BASE_LANGUAGE, reply.params, reply.options)
        row = _write(session, client, conversation, body, now, key=reply.key, automated=reply.automated,
                     sender=Sender.BOT, english=english, language=lang)
        row.content_variables = template_variables(reply)
        rows.append(row)
    return rows


def template_variables(reply: Reply) -> dict | None:
    """Values for a WhatsApp template standing in for this text: its placeholders, in the order the
    English source names them, as {{1}}, {{2}} ... (`checkin.ask` -> {"1": "City Pantry"})."""
    names = REGISTRY[reply.key].params()
    values = {str(i): str(reply.params[name]) for i, name in enumerate(names, 1)
              if isinstance(reply.params.get(name), (str, int))}
    return values or None


def write_text(
    session: Session,
    client: Client,
    conversation: Conversation | None,
    body: str,
    now: datetime,
    author_id: int | None,
    key: str | None = None,
) -> Message:
    """A text a CHW wrote (or picked from the canned catalog texts)."""
    english = None if key is None or _in_english(client) else render(key, BASE_LANGUAGE)
    return _write(session, client, conversation, body, now, key=key, automated=False, sender=Sender.CHW,
                  author_id=author_id, english=english)


def _in_english(client: Client) -> bool:
    return (client.language or BASE_LANGUAGE) == BASE_LANGUAGE


def _write(session, client, conversation, body, now, *, key, automated, sender, author_id=None, english=None,
           language=None):
    info = count_segments(body)
    status = MessageStatus.PENDING
    error = None
    if client.opted_out and key not in ALLOWED_AFTER_STOP:
        status, error = MessageStatus.SUPPRESSED, "client opted out"
    elif client.unreachable_at is not None:
        status, error = MessageStatus.SUPPRESSED, f"number unreachable ({client.unreachable_reason})"
    due = None
    if status is MessageStatus.PENDING and automated:
        cfg = current_app.config
        tz = zone(client.timezone, cfg["DEFAULT_TIMEZONE"])
        allowed = next_allowed(now, tz, cfg["QUIET_HOURS"])
        due = allowed if allowed > now else None
    row = Message(
        client_id=client.id,
        conversation_id=conversation.id if conversation else None,
        direction=Direction.OUTBOUND,
        sender=sender,
        author_id=author_id,
        channel=client.channel,
        body=body,
        text_key=key,
        language=language or client.language,
        english=english,
        automated=automated,
        status=status,
        error_message=error,
        segments=info.segments,
        encoding=info.encoding,
        next_attempt_at=due,
        created_at=now,
    )
    session.add(row)
    return row
