"""What goes into one step of the engine and what comes out of it.

In: the client facts the caller read from the database, and an input (a message, or a resume
such as a due check-in). Out: a `StepResult` with the new state, the replies to send and the
events for the edges to act on and record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.engine.events import EngineEvent
from bot.engine.state import ConversationState


@dataclass(frozen=True)
class ClientFacts:
    """What the engine may know about the client, read by the caller from the database."""

    language: str | None = None
    opted_out: bool = False
    conversation_status: str = "bot"
    channel: str = "sms"
    first_name: str | None = None
    consented: bool = False  # agreed to texts (intake done): MENU offers what they can do, not intake again
    zip_code: str | None = None
    timezone: str | None = None


@dataclass(frozen=True)
class Input:
    """A message from the client, or a resume: `resume` (a CHW handed back), a due check-in ..."""

    kind: str = "message"
    text: str = ""
    payload: str | None = None  # WhatsApp quick-reply button payload
    num_media: int = 0
    data: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Reply:
    """A text to send: a catalog key, its parameters and numbered options, rendered later in
    the client's language (list parameters are lists of text keys)."""

    key: str
    params: dict = field(default_factory=dict)
    options: tuple[str, ...] = ()
    automated: bool = False  # True when not answering something the client just sent
    language: str | None = None  # render in this language, not the client's (a reply in two languages)


@dataclass
class StepResult:
    state: ConversationState
    replies: list[Reply] = field(default_factory=list)
    events: list[EngineEvent] = field(default_factory=list)

    def say(self, key: str, options: tuple[str, ...] = (), automated: bool = False, language: str | None = None,
            **params: Any) -> None:
        self.replies.append(Reply(key, params, options, automated, language))

    def emit(self, event: EngineEvent) -> None:
        self.events.append(event)
