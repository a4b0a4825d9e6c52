"""Telling a client's language from a first message, and reading a language menu answer."""

from pathlib import Path

import pytest
import yaml

from bot.understanding.language import detect_language, language_from_name

LABELLED = yaml.safe_load((Path(__file__).parent / "data" / "language_messages.yaml").read_text(encoding="utf-8"))


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
    ],
)
def test_clear_first_messages(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    ["hi", "ok", "1", "👍", "02139", "hello", "yes", "no", "help", "", "Bonjour, j'ai besoin d'aide",
     "こんにちは", "سلام، کمک می‌خواهم", "hola i need help"],
)
def test_unclear_messages_are_not_guessed(text):
    assert detect_language(text) is None


def test_labelled_messages_are_never_guessed_wrong_and_mostly_recognised():
    results = [(item["language"], detect_language(item["text"])) for item in LABELLED]
    wrong = [(want, got) for want, got in results if got is not None and got != want]
    clear = [want for want, _ in results if want is not None]
    found = sum(1 for want, got in results if want is not None and got == want)
    assert wrong == []
    assert found / len(clear) >= 0.9


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
