"""Crisis detection on what clients really write: every labelled crisis caught, few false alarms."""

from pathlib import Path

import pytest
import yaml

from bot.understanding.crisis import CrisisKind, detect_crisis

LABELLED = yaml.safe_load((Path(__file__).parent / "data" / "crisis_messages.yaml").read_text(encoding="utf-8"))
MAX_FALSE_ALARM_RATE = 0.05
CRISES = [(lang, item["text"], item["kind"]) for lang, items in LABELLED.items() for item in items if item["kind"]]


def test_every_language_has_enough_labelled_messages():
    for lang in ("en", "es", "vi", "zh_Hans", "ht", "ar"):
        items = LABELLED[lang]
        crises = [item for item in items if item["kind"]]
        assert len(crises) >= 25, lang
        assert len(items) - len(crises) >= 24, lang
        assert {item["kind"] for item in crises} == {kind.value for kind in CrisisKind}, lang


@pytest.mark.parametrize(("lang", "text", "kind"), CRISES, ids=[f"{lang}:{text}" for lang, text, _ in CRISES])
def test_every_labelled_crisis_is_caught_with_its_kind(lang, text, kind):
    found = detect_crisis(text)
    assert found is not None, text
    assert found.kind is CrisisKind(kind)


@pytest.mark.parametrize("lang", list(LABELLED))
def test_few_false_alarms_on_near_misses(lang):
    ordinary = [item["text"] for item in LABELLED[lang] if item["kind"] is None]
    alarms = [text for text in ordinary if detect_crisis(text) is not None]
    assert len(alarms) / len(ordinary) <= MAX_FALSE_ALARM_RATE, alarms


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I CANT BREATHE", CrisisKind.MEDICAL),
        ("Me está pegando!!!", CrisisKind.VIOLENCE),
        ("he is going to kill me", CrisisKind.VIOLENCE),
        ("no, i want to die", CrisisKind.SUICIDE),
        ("i dont know anymore i want to die", CrisisKind.SUICIDE),
        ("toi muon tu tu", CrisisKind.SUICIDE),
        ("ـانـتـحـار", CrisisKind.SUICIDE),
        ("I took all my pills and I want to die", CrisisKind.SUICIDE),
        ("he stabbed me and I'm bleeding a lot", CrisisKind.VIOLENCE),
    ],
)
def test_crisis_spelled_loosely(text, kind):
    found = detect_crisis(text)
    assert found is not None and found.kind is kind


@pytest.mark.parametrize(
    "text",
    ["I would never kill myself", "no chest pain", "我不想死", "từ từ", "", "🙂", "1", "STOP"],
)
def test_negated_or_ordinary_messages_raise_no_alarm(text):
    assert detect_crisis(text) is None


def test_a_match_says_which_language_and_phrase_triggered_it():
    found = detect_crisis("mi esposo me está pegando")
    assert found.language == "es"
    assert "pegando" in found.pattern
