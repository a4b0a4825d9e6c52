"""Normalization, and that no text function ever fails on whatever a phone sends."""

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.understanding.choices import GENERIC_ANSWERS, Option, match_choice
from bot.understanding.crisis import detect_crisis
from bot.understanding.keywords import classify_keyword
from bot.understanding.language import detect_language, language_from_name
from bot.understanding.normalize import clauses, normalize, tokens

OPTIONS = [Option("yes", GENERIC_ANSWERS["yes"]), Option("no", GENERIC_ANSWERS["no"]),
           Option("none", GENERIC_ANSWERS["none_of_the_above"], exclusive=True)]


def test_accents_case_width_and_punctuation_fold_away():
    assert normalize("¡NO más MENSAJES!") == "no mas mensajes"
    assert normalize("ＳＴＯＰ！！") == "stop"
    assert normalize("Đừng nhắn tin") == "dung nhan tin"
    assert normalize("Kreyòl   ayisyen\n") == "kreyol ayisyen"
    assert normalize("don't") == "dont"


def test_arabic_marks_tatweel_and_letter_variants_fold_away():
    assert normalize("إلغاء") == normalize("الغاء") == "الغاء"
    assert normalize("مـسـاعـدة") == "مساعده"
    assert normalize("مُسَاعَدَة") == "مساعده"
    assert normalize("على") == "علي"


def test_digits_of_every_script_become_ascii():
    assert normalize("٢") == "2"
    assert normalize("۳") == "3"
    assert normalize("１２") == "12"


def test_chinese_is_one_token_per_character_and_traditional_maps_to_simplified():
    assert tokens(normalize("別再發簡訊了")) == ["别", "再", "发", "简", "讯", "了"]
    assert tokens(normalize("选2和3")) == ["选", "2", "和", "3"]


def test_emoji_and_control_characters_disappear():
    assert normalize("yes 👍🏽\u200b\x00") == "yes"
    assert normalize("👍") == ""


def test_clauses_split_at_punctuation():
    assert clauses("No, I want help. 好的，谢谢") == [["no"], ["i", "want", "help"], ["好", "的"], ["谢", "谢"]]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=1600))
def test_no_text_function_raises_on_any_text(text):
    normalize(text)
    tokens(normalize(text))
    classify_keyword(text)
    detect_crisis(text)
    detect_language(text)
    language_from_name(text)
    match_choice(text, OPTIONS, "en", multi=True)
    match_choice(text, OPTIONS, "zh_Hans")
