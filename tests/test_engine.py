"""The engine alone: no Flask, no database, a fixed clock; state goes through JSON between turns."""

import json
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from bot.engine import ClientFacts, ConversationState, Input, LanguageChosen, step

T0 = datetime(2026, 3, 10, 15, 0, tzinfo=timezone.utc)


class Convo:
    """Runs turns like the pipeline does: events that change the client are applied to the facts."""

    def __init__(self, **facts):
        self.state, self.facts, self.now = ConversationState(), ClientFacts(**facts), T0
        self.events = []

    def say(self, text, **kw):
        stored = json.loads(json.dumps(self.state.to_json()))
        result = step(ConversationState.from_json(stored), Input(text=text, **kw), self.now, self.facts)
        self.state = result.state
        self.events = [e.type for e in result.events]
        for e in result.events:
            if isinstance(e, LanguageChosen):
                self.facts = replace(self.facts, language=e.language)
            elif e.type == "opted_out":
                self.facts = replace(self.facts, opted_out=True)
            elif e.type == "opted_in":
                self.facts = replace(self.facts, opted_out=False)
            elif e.type == "escalated":
                self.facts = replace(self.facts, conversation_status="waiting")
        return [r.key for r in result.replies]


def test_spanish_first_message_is_answered_in_spanish_straight_away():
    c = Convo()
    assert c.say("Hola, necesito ayuda con comida") == ["language.chosen", "intake.consent"]
    assert c.facts.language == "es"


def test_lang_switches_mid_screening_and_the_question_is_asked_again_in_the_new_language():
    c = Convo(language="en")
    c.say("hello")
    c.say("yes")
    assert c.say("10001") == ["intake.name"]
    assert c.say("LANG") == ["language.menu"]
    assert c.say("3") == ["language.chosen", "intake.name"]
    assert c.facts.language == "vi"
    assert c.say("Lan") == ["screening.intro", "screening.living"]


def test_a_language_name_alone_switches_language_at_any_time():
    c = Convo(language="en")
    c.say("hello")
    assert c.say("español") == ["language.chosen", "intake.consent"]
    assert c.facts.language == "es"
    assert "language_chosen" in c.events


def test_stop_ends_everything_until_start():
    c = Convo(language="en")
    c.say("hello")
    assert c.say("STOP") == ["system.stopped"]
    assert c.say("yes") == []
    assert c.say("hello?") == []
    assert c.say("START") == ["system.started", "intake.consent"]  # asked again: "yes" now answers it
    assert c.say("yes") == ["intake.zip"]


def test_stop_phrases_in_other_languages():
    for text in ["please stop texting me", "deja de mandarme mensajes", "停止"]:
        c = Convo(language="en")
        c.say("hello")
        assert c.say(text) == ["system.stopped"], text


def test_crisis_is_answered_first_whatever_the_flow_and_escalated_urgently():
    c = Convo(language="en")
    c.say("hello")
    assert c.say("I want to kill myself") == ["system.crisis"]
    assert c.events == ["crisis_detected", "escalated"]
    # while a person is coming, the bot does not carry on the screening
    assert c.say("yes") == ["system.agent_waiting"]
    assert c.say("yes") == []


def test_agent_request_escalates_and_pauses_the_bot():
    c = Convo(language="en")
    c.say("hello")
    assert c.say("I want to talk to a person") == ["system.agent"]
    assert c.events == ["escalated"]


def test_client_who_comes_back_days_later_resumes_where_they_left_off():
    c = Convo(language="en")
    c.say("hello")
    c.say("yes")
    c.now += timedelta(days=4)
    assert c.say("hi again") == ["system.welcome_back", "intake.zip"]
    assert c.say("10001") == ["intake.name"]


def test_menu_starts_over():
    c = Convo(language="en")
    c.say("hello")
    c.say("yes")
    assert c.say("MENU") == ["intake.consent"]


@pytest.mark.parametrize("reply", ["si", "sí", "Si claro", "1", "SI!!"])
def test_spanish_yes_the_way_people_text_it(reply):
    c = Convo(language="es")
    c.say("hola")
    assert c.say(reply) == ["intake.zip"], reply


def test_media_only_and_empty():
    c = Convo(language="en")
    assert c.say("", num_media=1) == ["system.media_only"]
    assert c.say("  ") == ["system.empty"]


def test_resume_after_chw_hands_back():
    c = Convo(language="en")
    c.say("hello")
    c.say("yes")
    result = step(c.state, Input(kind="resume"), T0, replace(c.facts, conversation_status="bot"))
    assert [r.key for r in result.replies] == ["system.resumed", "intake.zip"]


def test_a_stored_state_reads_back_and_is_written_as_the_same_json():
    """Conversation.state as rows hold it: every key, with empty ones left out when written back."""
    stored = {
        "pos": ["suggestions", "pick"], "stack": [None, ["screening", "food_worry"]],
        "answers": {"screening": {"food_worry": {"codes": ["often"], "skipped": False}}},
        "needs": ["food-insecurity"], "need_labels": ["need.food"], "queue": [], "retries": 1, "finished": False,
        "last_at": "2026-03-10T15:00:00+00:00", "vars": {"referral_id": 7},
        "lookup": {"need": "food-insecurity", "label": "need.food", "offset": 3, "exclude": ["s1"], "node": "pick",
                   "items": [{"id": "s2", "name": "City Pantry", "phone": "(617) 555-0100", "line": "City Pantry"}]},
    }
    state = ConversationState.from_json(stored)
    assert (state.pos, state.retries, state.lookup.offset, state.vars) == (["suggestions", "pick"], 1, 3, {"referral_id": 7})
    assert state.to_json() == {k: v for k, v in stored.items() if k not in ("queue", "finished")}
    assert ConversationState.from_json({}).to_json() == {}
