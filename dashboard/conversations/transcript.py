"""A client's messages as the conversation page shows them: who sent each, what it said (and in
English, for catalog texts sent in another language; in the CHW's language, for the client's texts
and for a CHW's reply sent translated), and what became of it."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.i18n import BASE_LANGUAGE, REGISTRY
from casework import labels
from models import Client, Message, MessageStatus, MessageTranslation, Sender, TranslationStatus, User
from models.message import Direction

MAX_MESSAGES = 500
PENDING = "the translation server has not answered yet"
TROUBLE = (MessageStatus.FAILED, MessageStatus.UNDELIVERED, MessageStatus.SUPPRESSED)


@dataclass(frozen=True)
class Line:
    message: Message
    sender: str  # "Client", "Bot", "Ana Ruiz (CHW)"
    english: str | None  # the English source, when the text went out in another language
    new_conversation: bool  # the first message of a later conversation
    translation: MessageTranslation | None = None  # in the CHW's language (the CHW's own words, for a reply)
    untranslated: str | None = None  # why a client's text in another language has no translation yet

    @property
    def translation_pending(self) -> bool:
        return self.untranslated == PENDING

    @property
    def translated(self) -> str | None:
        t = self.translation
        if t is None or t.status is TranslationStatus.FAILED or t.text == self.message.body:
            return None
        return t.text

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


def transcript(session: Session, client: Client, language: str, translating: bool) -> list[Line]:
    """The client's last MAX_MESSAGES messages, oldest first, with what was stored of each in
    `language` (the CHW's); `translating`: a translation server is configured."""
    messages = list(reversed(session.scalars(
        sa.select(Message).where(Message.client_id == client.id)
        .order_by(Message.created_at.desc(), Message.id.desc()).limit(MAX_MESSAGES)
    ).all()))
    author_ids = {m.author_id for m in messages if m.author_id}
    authors = {u.id: u.display_name for u in session.scalars(sa.select(User).where(User.id.in_(author_ids)))} \
        if author_ids else {}
    translations = {t.message_id: t for t in session.scalars(sa.select(MessageTranslation).where(
        MessageTranslation.message_id.in_([m.id for m in messages]), MessageTranslation.language == language))} \
        if messages else {}
    foreign = client.language is not None and client.language != language
    lines, previous = [], None
    for m in messages:
        translation = translations.get(m.id)
        lines.append(Line(m, _sender(m, authors), english_source(m),
                          previous is not None and m.conversation_id not in (None, previous),
                          translation, _untranslated(m, translation, foreign, translating)))
        previous = m.conversation_id or previous
    return lines


def _untranslated(m: Message, translation: MessageTranslation | None, foreign: bool, translating: bool) -> str | None:
    if m.sender is not Sender.CLIENT or not m.body.strip():
        return None
    if translation is not None:
        return translation.error if translation.status is TranslationStatus.FAILED else None
    if not foreign:
        return None
    return PENDING if translating else "no translation server is set up"


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
