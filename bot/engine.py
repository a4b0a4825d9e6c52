"""The conversation engine: one pure step from (state, input, clock, client facts) to
(new state, replies, events).

It never touches the database, Redis, Twilio or the system clock, so every conversation can
be replayed in a test with a fixed clock. The webhook and the jobs around it load the state,
run a step, and write what it returns in one transaction.

Order of a step for a message: empty or media-only → opt-out keywords → crisis (always,
whatever flow is running) → HELP → paused while a CHW holds the conversation → AGENT,
LANG, MENU, a language's name → the flow's current question.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from bot import texts
from bot.runner import Runner
from bot.understanding.crisis import detect_crisis
from bot.understanding.keywords import Keyword, classify_keyword
from bot.understanding.language import detect_language, language_from_name
from flows.loader import flows as loaded_flows
from flows.model import Flow


@dataclass(frozen=True)
class ClientFacts:
    """What the engine may know about the client, read by the caller from the database."""

    language: str | None = None
    opted_out: bool = False
    conversation_status: str = "bot"
    channel: str = "sms"
    first_name: str | None = None
    zip_code: str | None = None
    timezone: str | None = None
    has_consent: bool = False


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


@dataclass(frozen=True)
class Emitted:
    """An event such as `opted_out` or `need_identified`, for the edges to act on and record."""

    type: str
    data: dict = field(default_factory=dict)


@dataclass
class StepResult:
    state: dict
    replies: list[Reply] = field(default_factory=list)
    events: list[Emitted] = field(default_factory=list)

    def say(self, key: str, options: tuple[str, ...] = (), automated: bool = False, **params: Any) -> None:
        self.replies.append(Reply(key, params, options, automated))

    def emit(self, type_: str, **data: Any) -> None:
        self.events.append(Emitted(type_, data))


PAUSED = ("waiting", "with_chw")
FOLLOWUP_INPUTS = ("resources_found",)  # answers to what the client just said


def step(state: dict, inp: Input, now: datetime, client: ClientFacts,
         flows: dict[str, Flow] | None = None) -> StepResult:
    """Run one turn of the conversation."""
    result = StepResult(state=copy.deepcopy(state))
    runner = Runner(result, flows or loaded_flows(), client, now)
    if inp.kind == "message":
        _on_message(runner, result, inp, client)
    elif inp.kind == "resume":
        runner.resume()
    else:
        runner.on_event_input(inp)
        if inp.kind not in FOLLOWUP_INPUTS:  # nobody asked: this text is automated
            result.replies = [replace(r, automated=True) for r in result.replies]
    if inp.kind == "message":
        result.state["last_at"] = now.isoformat()
    return result


def _on_message(runner: Runner, result: StepResult, inp: Input, client: ClientFacts) -> None:
    text = (inp.payload or inp.text or "").strip()
    if not text:
        if not client.opted_out:
            result.say(texts.MEDIA_ONLY.key if inp.num_media else texts.EMPTY.key)
        return
    kw = classify_keyword(text)
    keyword = kw.keyword if kw else None
    crisis = detect_crisis(text)
    if client.opted_out:
        if keyword is Keyword.START:
            result.emit("opted_in")
            result.say(texts.STARTED.key)
        elif crisis:  # no text may go out, but a person should know
            result.emit("crisis_detected", kind=crisis.kind.value)
            result.emit("escalated", reason="crisis", urgency="urgent")
        return
    if keyword is Keyword.STOP:
        result.emit("opted_out", word=text[:40].lower())
        result.say(texts.STOPPED.key)
        return
    if crisis:
        result.emit("crisis_detected", kind=crisis.kind.value)
        result.emit("escalated", reason="crisis", urgency="urgent")
        result.say(texts.CRISIS.key)
        return
    if keyword is Keyword.HELP:
        result.say(texts.HELP.key)
        return
    if client.conversation_status in PAUSED:
        if client.conversation_status == "waiting" and not result.state.get("told_waiting"):
            result.state["told_waiting"] = True
            result.say(texts.AGENT_WAITING.key)
        return
    result.state.pop("told_waiting", None)
    if keyword is Keyword.START:
        result.say(texts.STARTED.key)
        return
    if keyword is Keyword.AGENT:
        result.emit("escalated", reason="asked_for_person", urgency="normal")
        result.say(texts.AGENT_ACK.key)
        return
    if keyword is Keyword.LANG:
        runner.choose_language()
        return
    if keyword is Keyword.MENU:
        runner.restart()
        return
    named = language_from_name(text, menu=())
    if named and not runner.asking_language():
        runner.language_known(named)
        return
    if runner.position() is None and not runner.finished():
        if client.language is None:
            detected = detect_language(text)
            if detected:
                runner.language_known(detected)
            else:
                runner.choose_language(first=True)
        else:
            runner.start()
        return
    runner.answer(text, keyword, inp.payload)
