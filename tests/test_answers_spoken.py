"""Replies as people text them: a number with a story, spoken number words, dialect yes/no and
frequency words, "all except", and the replies that must be asked again instead."""

import pytest

from bot.understanding.answers import parse_answer
from flows.loader import flows


def node(flow, node_id):
    return flows()[flow].node(node_id)


SCREENING = "screening"


@pytest.mark.parametrize(
    ("question", "text", "lang", "codes"),
    [
        ("living", "2 the owner wants to sell this summer", "en", ["worried"]),
        ("living", "la tres, estamos en un cuarto prestado", "es", ["no_steady"]),
        ("living", "3) tụi em đang ở nhờ", "vi", ["no_steady"]),
        ("living", "تلاته", "ar", ["no_steady"]),
        ("living", "etnen", "ar", ["worried"]),
        ("food_worry", "wa7ed", "ar", ["often"]),
        ("hurt", "arba3a", "ar", ["fairly_often"]),
        ("problems", "第一同第三", "zh_Hans", ["pests", "lead"]),
        ("problems", "1 and 7, the sink drips all night", "en", ["pests", "leaks"]),
        ("problems", "everything except the lead", "en", ["pests", "mold", "heat", "stove", "smoke", "leaks"]),
        ("problems", "todo menos el moho", "es", ["pests", "lead", "heat", "stove", "smoke", "leaks"]),
        ("threaten", "dayman", "ar", ["frequently"]),
        ("scream", "mesh ketir", "ar", ["rarely"]),
        ("insult", "经常", "zh_Hans", ["frequently"]),
        ("insult", "冇人", "zh_Hans", ["never"]),
        ("food_last", "you shi hou", "zh_Hans", ["sometimes"]),
        ("transport", "naw", "en", ["no"]),
        ("utilities", "la2", "ar", ["no"]),
    ],
)
def test_spoken_replies_map_to_the_option(question, text, lang, codes):
    assert parse_answer(node(SCREENING, question), text, lang) == codes


@pytest.mark.parametrize(
    ("question", "text", "lang"),
    [
        ("living", "3, but we might be fine, my landlord is worried", "en"),  # number and words disagree
        ("hurt", "2 times last year", "en"),  # the number counts, it is not an option
        ("food_last", "2 tháng nay thiếu", "vi"),
        ("problems", "except the lead", "en"),  # "except" with no "all"
        ("scream", "ko hiểu", "vi"),  # "I don't understand" is not "no"
        ("share", "kisa sa ye?", "ht"),
        ("consent", "你們係邊個", "zh_Hans"),
    ],
)
def test_doubtful_replies_are_asked_again(question, text, lang):
    flow, node_id = {"share": ("suggestions", "share"), "consent": ("intake", "consent")}.get(
        question, (SCREENING, question))
    assert parse_answer(node(flow, node_id), text, lang) is None


@pytest.mark.parametrize(
    ("flow", "node_id", "text", "lang", "codes"),
    [
        ("intake", "consent", "ok", "vi", ["yes"]),
        ("intake", "consent", "dale pues", "es", ["yes"]),
        ("suggestions", "share", "no thanks, ill call them myself", "en", ["no"]),
        ("suggestions", "share", "可以", "zh_Hans", ["yes"]),
        ("checkin", "ask", "still pending", "en", ["waiting"]),
        ("checkin", "why", "they said i make too much", "en", ["not_eligible"]),
        ("checkin", "why", "llegué y ya se acabaron las despensas", "es", ["no_capacity"]),
        ("checkin", "why", "محدش رد عليا", "ar", ["no_answer"]),
    ],
)
def test_paraphrases_of_consent_and_check_in(flow, node_id, text, lang, codes):
    assert parse_answer(node(flow, node_id), text, lang) == codes


def test_ok_is_not_a_yes_to_a_fact():
    assert parse_answer(node(SCREENING, "transport"), "ok", "en") is None


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        ("my ride flaked twice so i missed my checkup", "en", ["yes"]),
        ("mi esposo me lleva a todos lados", "es", ["no"]),
        ("xe hư hoài nên lỡ hẹn bác sĩ", "vi", ["yes"]),
        ("no car, my sister drives me", "en", ["no"]),
    ],
)
def test_transport_in_own_words(text, lang, codes):
    assert parse_answer(node(SCREENING, "transport"), text, lang) == codes


@pytest.mark.parametrize(
    ("text", "lang", "codes"),
    [
        ("bed bugs and no heat since january", "en", ["pests", "heat"]),
        ("el techo gotea y no hay calefaccion", "es", ["leaks", "heat"]),
        ("冇暖气 仲有曱甴", "zh_Hans", ["heat", "pests"]),
    ],
)
def test_housing_problems_in_own_words(text, lang, codes):
    assert sorted(parse_answer(node(SCREENING, "problems"), text, lang)) == sorted(codes)
