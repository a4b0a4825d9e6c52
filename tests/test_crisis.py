"""Crisis detection on what clients really write: phrases for the unmistakable, the model for the rest."""

from unittest import mock

import pytest

from bot.understanding.crisis import CrisisKind, detect_crisis
from bot.understanding.learned.corpus import CRISIS_KINDS, LANGUAGES, load

CORPUS = load()
TRAINING = CORPUS.part("train")


def test_every_language_has_enough_labelled_messages_of_every_kind():
    for lang in LANGUAGES:
        items = [item for item in CORPUS.crisis if item.lang == lang]
        crises = [item for item in items if item.kind]
        assert len(crises) >= 100, lang
        assert len(items) - len(crises) >= 60, lang
        assert {item.kind for item in crises} == set(CRISIS_KINDS) == {kind.value for kind in CrisisKind}, lang


def test_every_crisis_the_detectors_were_built_from_reaches_a_person():
    missed = [item.text for item in TRAINING.crisis if item.kind and detect_crisis(item.text) is None]
    assert missed == []


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
        ("took 20 of my seroquel", CrisisKind.OVERDOSE),
        ("my 4 year old is missing", CrisisKind.CHILD),
        ("hes outside the door with a knife", CrisisKind.VIOLENCE),
    ],
)
def test_a_certain_crisis_spelled_loosely(text, kind):
    found = detect_crisis(text)
    assert found is not None and found.kind is kind and found.certain


@pytest.mark.parametrize("text", ["I would never kill myself", "no chest pain", "我不想死", "từ từ", "this heat is killing me",
                                  "me muero de hambre", "killer deal on diapers", "my phone died"])
def test_negations_and_idioms_are_never_a_certain_crisis(text):
    found = detect_crisis(text)
    assert found is None or not found.certain


@pytest.mark.parametrize("text", ["", "🙂", "1", "STOP", "   ", "\x00\x07", "👍👍👍"])
def test_ordinary_or_empty_messages_raise_no_alarm(text):
    assert detect_crisis(text) is None


def test_a_crisis_that_is_over_goes_to_a_person_without_911():
    found = detect_crisis("my husband used to hit me, last year, hes in prison now. need help with rent")
    assert found is None or not found.certain


@pytest.mark.parametrize("text", ["a" * 1600, "ok " * 600, "😀" * 800, "help\u202e\u200b me \x1b[31m", "ana 3ayez 帮助 ayuda ٢"])
def test_any_input_gets_an_answer_not_an_error(text):
    detect_crisis(text)


def test_a_match_says_which_language_and_what_triggered_it():
    found = detect_crisis("mi esposo me está pegando")
    assert found.language == "es"
    assert "pegando" in found.evidence
    assert found.pattern == found.evidence
    assert detect_crisis("tôi muốn tự tử").language == "vi"


def test_a_crisis_phrase_survives_a_language_model_that_knows_no_language_of_ours():
    """A broken or odd language model must not turn a found crisis into nothing."""
    only_other = mock.Mock(language_probabilities=lambda prepared: {"other": 1.0})
    with mock.patch("bot.understanding.language.model", return_value=only_other):
        found = detect_crisis("ya no quiero vivir, me voy a matar esta noche")
    assert found is not None and found.certain
