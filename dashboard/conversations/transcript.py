"""A client's messages as the conversation page shows them: who sent each, what it said (and in
English, for catalog texts sent in another language), and what became of it."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.i18n import BASE_LANGUAGE, REGISTRY
from casework import labels
from models import Client, Message, MessageStatus, Sender, User
from models.message import Direction

MAX_MESSAGES = 500
TROUBLE = (MessageStatus.FAILED, MessageStatus.UNDELIVERED, MessageStatus.SUPPRESSED)


@dataclass(frozen=True)
class Line:
    message: Message
    sender: str  # "Client", "Bot", "Ana Ruiz (CHW)"
    english: str | None  # the English source, when the text went out in another language
    new_conversation: bool  # the first message of a later conversation

    @property
    def inbound(self) -> bool:
        return self.message.direction is Direction.INBOUND

    @property
    def trouble(self) -> bool:
        return self.message.status in TROUBLE

    @property
    def status(self) -> str:
        m = self.message
        text = labels.label(labels.MESSAGE_STATUSES, m.status.value)
        if m.error_code:
            text += f", error {m.error_code}"
        if m.error_message:
            text += f": {m.error_message}"
        return text

    @property
    def size(self) -> str | None:
        m = self.message
        if not m.segments:
            return None
        return f"{m.segments} segment{'s' if m.segments != 1 else ''}, {m.encoding}"


def transcript(session: Session, client: Client) -> list[Line]:
    """The client's last MAX_MESSAGES messages, oldest first."""
    messages = list(reversed(session.scalars(
        sa.select(Message).where(Message.client_id == client.id)
        .order_by(Message.created_at.desc(), Message.id.desc()).limit(MAX_MESSAGES)
    ).all()))
    author_ids = {m.author_id for m in messages if m.author_id}
    authors = {u.id: u.display_name for u in session.scalars(sa.select(User).where(User.id.in_(author_ids)))} \
        if author_ids else {}
    lines, previous = [], None
    for m in messages:
        lines.append(Line(m, _sender(m, authors), english_source(m),
                          previous is not None and m.conversation_id not in (None, previous)))
        previous = m.conversation_id or previous
    return lines


def english_source(m: Message) -> str | None:
    if m.text_key is None or (m.language or BASE_LANGUAGE) == BASE_LANGUAGE:
        return None
    if m.english:
        return m.english
    return REGISTRY[m.text_key].english if m.text_key in REGISTRY else None


def _sender(m: Message, authors: dict[int, str]) -> str:
    if m.sender is Sender.CLIENT:
        return "Client"
    if m.sender is Sender.BOT:
        return "Bot"
    return f"{authors.get(m.author_id, 'A CHW')} (CHW)"
