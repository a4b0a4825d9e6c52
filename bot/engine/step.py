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

from dataclasses import replace
from datetime import datetime

from bot.engine import texts
from bot.engine.events import CrisisDetected, Escalated, OptedIn, OptedOut
from bot.engine.runner import Runner
from bot.engine.state import ConversationState
from bot.engine.turn import ClientFacts, Input, StepResult
from bot.i18n import BASE_LANGUAGE
from bot.understanding.crisis import detect_crisis
from bot.understanding.keywords import Keyword, classify_keyword
from bot.understanding.language import detect_language, guess_languages, language_from_name
from flows.loader import flows as loaded_flows
from flows.model import Flow

PAUSED = ("waiting", "with_chw")
FOLLOWUP_INPUTS = ("resources_found",)  # answers to what the client just said


def step(state: ConversationState, inp: Input, now: datetime, client: ClientFacts,
         flows: dict[str, Flow] | None = None) -> StepResult:
    """Run one turn of the conversation."""
    result = StepResult(state=state.copy())
    runner = Runner(result, flows or loaded_flows(), client, now)
    if inp.kind == "message":
        _on_message(runner, result, inp, client)
    elif inp.kind == "resume":
        runner.resume()
    elif inp.kind == "referral_received":
        _referred(runner, result, inp.data)
        result.replies = [replace(r, automated=True) for r in result.replies]
    else:
        runner.on_event_input(inp)
        if inp.kind not in FOLLOWUP_INPUTS:  # nobody asked: this text is automated
            result.replies = [replace(r, automated=True) for r in result.replies]
    if inp.kind == "message":
        result.state.last_at = now.isoformat()
    return result


def _referred(runner: Runner, result: StepResult, data: dict) -> None:
    """A health system sent a referral in (`data`: sender, need): say who asked us to help, with
    what; then the intake from its consent question, or the question the client was at. The need
    is looked up first once the screening is done, as if the client had named it."""
    need = data.get("need")
    labels = [rule["label"] for flow in runner.flows.values() for node in flow.nodes.values()
              for rule in node.needs if rule["need"] == need]
    if labels:
        result.state.named = [need]
    result.say(texts.REFERRED_IN.key, sender=data.get("sender", ""), need=labels[:1] or [texts.SOCIAL_NEEDS.key])
    if runner.position() is None:
        runner.start()
    else:
        runner.reask()


def _on_message(runner: Runner, result: StepResult, inp: Input, client: ClientFacts) -> None:
    text = (inp.payload or inp.text or "").strip()
    if not text:
        if not client.opted_out:
            result.say(texts.MEDIA_ONLY.key if inp.num_media else texts.EMPTY.key)
        return
    kw = classify_keyword(text)
    keyword = kw.keyword if kw else None
    crisis = detect_crisis(text)
    if crisis and not crisis.certain:  # a person reads it now; the conversation goes on as it would
        result.emit(CrisisDetected(crisis.kind.value, possible=True))
        result.emit(Escalated("possible_crisis", "urgent"))
        crisis = None
    if client.opted_out and result.state.confirm_stop:  # asked: STOP to confirm, anything else to go on
        result.state.confirm_stop = False
        if keyword is Keyword.STOP:
            result.emit(OptedOut(text[:40].lower()))
            result.say(texts.STOPPED.key)
            return
        result.emit(OptedIn())
        if not crisis:
            result.say(texts.KEPT.key)
            runner.reask()
            return
        client = replace(client, opted_out=False)
    if client.opted_out:
        if keyword is Keyword.START:
            result.emit(OptedIn())
            _welcome_back(runner, result)
        elif crisis:  # no text may go out, but a person should know
            result.emit(CrisisDetected(crisis.kind.value))
            result.emit(Escalated("crisis", "urgent"))
        return
    if keyword is Keyword.STOP:
        if kw.certain:
            result.emit(OptedOut(text[:40].lower()))
            result.say(texts.STOPPED.key)
        else:  # "enough", "wrong number": no automated text from now, and ask
            result.state.confirm_stop = True
            result.emit(OptedOut(text[:40].lower(), probable=True))
            _say_in_their_language(runner, result, client, text, texts.CONFIRM_STOP.key, kw.language)
        return
    if crisis:
        result.emit(CrisisDetected(crisis.kind.value))
        result.emit(Escalated("crisis", "urgent"))
        _say_in_their_language(runner, result, client, text, texts.CRISIS.key, crisis.language)
        return
    if keyword is Keyword.HELP:
        result.say(texts.HELP.key)
        return
    if client.conversation_status in PAUSED:
        if client.conversation_status == "waiting" and not result.state.told_waiting:
            result.state.told_waiting = True
            result.say(texts.AGENT_WAITING.key)
        return
    result.state.told_waiting = False
    if keyword is Keyword.START:
        _welcome_back(runner, result)
        return
    if keyword is Keyword.AGENT:
        result.emit(Escalated("asked_for_person", "normal"))
        result.say(texts.AGENT_ACK.key)
        return
    if keyword is Keyword.LANG:
        runner.choose_language()
        return
    if keyword is Keyword.MENU:
        runner.menu()
        return
    named = language_from_name(text, menu=())
    if named and not runner.asking_language():
        runner.language_known(named)
        return
    if runner.position() is None and not runner.finished():
        runner.note_named_needs(text)
        if client.language is None:
            detected = detect_language(text)
            if detected:
                runner.language_known(detected)
            elif offered := _two_languages(text):
                runner.offer_languages(offered)
            else:
                runner.choose_language(first=True)
        else:
            runner.start()
        return
    runner.answer(text, keyword, inp.payload)


def _welcome_back(runner: Runner, result: StepResult) -> None:
    """START: welcome back, and the question the bot was asking, asked again now (so a "1" after
    START answers what the client can see, not a question from before STOP)."""
    result.state.retries = 0
    result.say(texts.STARTED.key)
    runner.reask()


def _say_in_their_language(runner: Runner, result: StepResult, client: ClientFacts, text: str, key: str,
                           hint: str | None) -> None:
    """Say `key` to a client who may not have chosen a language yet: in the language their text is
    clearly in (recorded as theirs, so what follows is in it too), else in the two it may be in,
    rather than in English."""
    if client.language is None:
        lang = detect_language(text)
        if lang is None:
            offered = _two_languages(text)
            if offered:
                for other in offered:
                    result.say(key, language=other)
                return
            lang = hint
        if lang:
            runner.set_language(lang)
    result.say(key)


def _two_languages(text: str) -> tuple[str, ...]:
    """The two languages a first text may be in, when it is one of two (or one that is not English:
    then English is the other); empty when there is no idea, or only English."""
    guesses = guess_languages(text)[:2]
    if len(guesses) == 1 and guesses[0] != BASE_LANGUAGE:
        guesses = (guesses[0], BASE_LANGUAGE)
    return guesses if len(guesses) == 2 else ()
