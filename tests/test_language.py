"""Telling a client's language from a first message, and reading a language menu answer."""

import pytest

from bot.understanding.language import detect_language, guess_languages, language_from_name
from bot.understanding.learned.corpus import load


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hola, necesito ayuda con comida", "es"),
        ("Xin chào, tôi cần giúp đỡ", "vi"),
        ("xin chao toi can giup do", "vi"),
        ("你好，我需要食物", "zh_Hans"),
        ("我需要幫助", "zh_Hans"),
        ("مرحبا، أحتاج مساعدة", "ar"),
        ("مرحبًا، أحتاج مساعدة ٢", "ar"),
        ("Bonjou, mwen bezwen èd", "ht"),
        ("I need help paying my electric bill", "en"),
        ("hola", "es"),
        ("bonjou", "ht"),
        ("ana 3ayez mosa3da", "ar"),
        ("mwen bezwen manje", "ht"),
        ("Spanish please", "es"),
    ],
)
def test_clear_first_messages(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    ["ok", "1", "👍", "02139", "", "?", "Bonjour, j'ai besoin d'aide", "こんにちは", "سلام، کمک می‌خواهم", "\x00" * 5,
     "a" * 1600],
)
def test_unclear_messages_are_not_guessed(text):
    assert detect_language(text) is None


@pytest.mark.parametrize("text", ["ok", "1", "👍", "02139", "", "こんにちは", "سلام، کمک می‌خواهم"])
def test_no_idea_gives_no_candidates(text):
    assert guess_languages(text) == ()


def test_a_greeting_in_english_is_a_candidate_not_a_decision():
    assert detect_language("hi") is None
    assert guess_languages("Hello!") == ("en",)


def test_mixed_scripts_name_both_candidates():
    assert guess_languages("hi عندي سؤال")[0] == "ar"
    assert guess_languages("我需要 help")[0] == "zh_Hans"


def test_first_messages_the_model_was_built_from_are_answered_in_their_language():
    items = [item for item in load().part("train").first if item.language]
    right = [item for item in items
             if item.language in ((detect_language(item.text),) if detect_language(item.text)
                                  else guess_languages(item.text)[:2])]
    assert len(right) / len(items) >= 0.95


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("español", "es"), ("Espanol", "es"), ("spanish", "es"), ("Spanish please", "es"), ("en español", "es"),
        ("tiếng việt", "vi"), ("tieng viet", "vi"), ("Vietnamese", "vi"),
        ("中文", "zh_Hans"), ("chinese", "zh_Hans"), ("普通话", "zh_Hans"), ("繁體中文", "zh_Hans"),
        ("kreyòl", "ht"), ("kreyol", "ht"), ("creole", "ht"), ("Haitian Creole", "ht"),
        ("العربية", "ar"), ("عربي", "ar"), ("arabic", "ar"),
        ("english", "en"), ("inglés", "en"),
        ("no english, spanish", "es"),
        ("1", "en"), ("2", "es"), ("option 3", "vi"), ("٤", "zh_Hans"), ("５", "ht"), ("#6", "ar"),
    ],
)
def test_language_menu_answers(text, language):
    assert language_from_name(text) == language


@pytest.mark.parametrize("text", ["7", "0", "I speak English and Spanish", "hello", "2 3", "", "sí"])
def test_menu_answers_that_pick_no_single_language(text):
    assert language_from_name(text) is None


@pytest.mark.parametrize(("text", "language"), [
    ("hi can i get help in vietnamese", "vi"),
    ("my english not good. spanish please", "es"),
    ("estoy en california y no hablo bien ingles", "es"),
    ("hello, kreyol please", "ht"),
])
def test_a_language_asked_for_in_a_first_message_is_the_one_answered_in(text, language):
    assert detect_language(text) == language
