"""Opt-out as people write it: decorated STOP, other languages, requests; near-misses keep texting."""

import pytest

from bot.understanding.keywords import Keyword, classify_keyword
from bot.understanding.optout import read_optout


@pytest.mark.parametrize(
    "text",
    ["S T O P", "s.t.o.p", "stoooop", "ST0P", "🛑", "who is this?? stop", "wrong number, stop", "停止停止停止", "س ت و ب",
     "arrêtez svp", "стоп", "그만", "don't text me", "leave me alone", "lose my number", "dejenme en paz",
     "ne m'écrivez plus", "不要再发了", "pa voye mesaj ban m ankò", "ما بدي رسايل", "stop pls"],
)
def test_certain_opt_outs_stop_every_automated_text(text):
    match = classify_keyword(text)
    assert match is not None and match.keyword is Keyword.STOP and match.certain, text


@pytest.mark.parametrize("text", ["enough", "wrong number", "够了", "mal nimewo", "رقم غلط", "nham so"])
def test_probable_opt_outs_stop_texts_and_are_marked_uncertain(text):
    match = classify_keyword(text)
    assert match is not None and match.keyword is Keyword.STOP and not match.certain


@pytest.mark.parametrize(
    "text",
    ["bus stop", "the bus stop on main street", "i cant stop crying", "stop by the pantry", "when does this stop",
     "dont stop helping me pls", "dont text me after 9, i work early", "cancel my appointment", "stop and shop is hiring?",
     "no gracias", "no thanks", "no", "✋", "", "\x00", "a" * 1600],
)
def test_near_misses_do_not_opt_out(text):
    match = classify_keyword(text)
    assert match is None or match.keyword is not Keyword.STOP, text


def test_the_reader_answers_in_three_levels():
    assert (read_optout("S T O P"), read_optout("wrong number"), read_optout("bus stop")) == ("certain", "probable", None)
