"""Replies in clients' own words: paraphrases of an option and colloquial frequency words."""

import pytest

from bot.understanding.answers import parse_answer
from flows.loader import flows


def node(flow, node_id):
    return flows()[flow].node(node_id)


@pytest.mark.parametrize(
    ("question", "text", "lang", "codes"),
    [
        ("living", "sleeping in my car", "en", ["no_steady"]),
        ("living", "landlord wants us out", "en", ["worried"]),
        ("living", "tengo donde vivir, tranquilo", "es", ["steady"]),
        ("utilities", "they cut the lights, we in the dark", "en", ["shut_off"]),
        ("food_worry", "every now and then", "en", ["sometimes"]),
        ("food_last", "de vez en cuando", "es", ["sometimes"]),
        ("hurt", "once in a blue moon", "en", ["rarely"]),
        ("scream", "thỉnh thoảng", "vi", ["sometimes"]),
    ],
)
def test_own_words_map_to_the_option(question, text, lang, codes):
    assert parse_answer(node("screening", question), text, lang) == codes


@pytest.mark.parametrize(("question", "text"), [("food_worry", "yes"), ("living", "idk"), ("hurt", "depends")])
def test_doubtful_replies_are_asked_again(question, text):
    assert parse_answer(node("screening", question), text, "en") is None
