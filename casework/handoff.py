"""A conversation between the bot and a CHW: claim it, text the client, release it or close it.

Each function works in the caller's transaction and never commits; the view commits, then
enqueues the sends. Handing back to the bot is `release` here and the bot's resume in
`bot.pipeline` (which says so to the client and asks its question again). Each change is
recorded as an `Event` so the client's timeline shows it:

- `conversation_claimed`: `{"by": 3}` (the CHW's user id)
- `conversation_handed_back`: `{"by": 3}`: the bot carries on where it left off
- `conversation_closed`: `{"by": 3}`
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.i18n import render
from bot.messaging.outbox import write_text
from models import Client, Conversation, ConversationStatus, Event, Message, MessageTranslation, TranslationStatus, User


@dataclass(frozen=True)
class ClaimOutcome:
    won: bool
    conversation: Conversation | None
    holder: User | None  # who holds it now (the winner, when this claim lost)


def claim(session: Session, conversation_id: int, user: User, now: datetime) -> ClaimOutcome:
    """Take a waiting conversation. One UPDATE that only matches while it is waiting and
    unassigned, so of two CHWs claiming at once exactly one wins."""
    won = session.execute(
        sa.update(Conversation)
        .where(Conversation.id == conversation_id, Conversation.status == ConversationStatus.WAITING,
               Conversation.assigned_to_id.is_(None))
        .values(status=ConversationStatus.WITH_CHW, assigned_to_id=user.id, claimed_at=now, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount == 1
    conv = session.get(Conversation, conversation_id, populate_existing=True)
    if won:
        _record(session, conv, "conversation_claimed", user, now)
    holder = session.get(User, conv.assigned_to_id) if conv is not None and conv.assigned_to_id else None
    return ClaimOutcome(won, conv, holder)


def send_text(session: Session, conv: Conversation, user: User, now: datetime, body: str | None = None,
              key: str | None = None, written: tuple[str, str] | None = None) -> Message:
    """The CHW's own words, or a canned catalog text (`key`) rendered in the client's language.
    `written`: (language, words) when `body` is a translation of what the CHW wrote; both are kept.
    The outbox holds it back (suppressed) when the client has opted out."""
    client = session.get(Client, conv.client_id)
    if key is not None:
        body = render(key, client.language)
    message = write_text(session, client, conv, body, now, author_id=user.id, key=key)
    if written is not None:
        language, words = written
        session.flush()
        session.add(MessageTranslation(message_id=message.id, language=language, source=client.language,
                                       status=TranslationStatus.WRITTEN, text=words, created_at=now))
    return message


def lock(session: Session, conv: Conversation) -> Client:
    """Lock the client, then the conversation, in the order the message pipeline does, and
    re-read the conversation: a message being handled or another CHW's action finishes first,
    so check what may be done after this."""
    client = session.get(Client, conv.client_id)
    session.execute(sa.select(Client.id).where(Client.id == client.id).with_for_update())
    session.refresh(conv, with_for_update=True)
    return client


def release(session: Session, conv: Conversation, user: User, now: datetime) -> None:
    """Give the (locked) conversation back to the bot; `bot.pipeline.hand_back` then resumes it."""
    conv.status = ConversationStatus.BOT
    conv.assigned_to_id = None
    conv.claimed_at = None
    _record(session, conv, "conversation_handed_back", user, now)
    session.flush()


def close(session: Session, conv: Conversation, user: User, now: datetime) -> None:
    """End the (locked) conversation; the client's next text starts a new one with the bot."""
    conv.status = ConversationStatus.CLOSED
    _record(session, conv, "conversation_closed", user, now)


def _record(session: Session, conv: Conversation, event_type: str, user: User, now: datetime) -> None:
    session.add(Event(client_id=conv.client_id, conversation_id=conv.id, type=event_type, data={"by": user.id},
                      created_at=now))
