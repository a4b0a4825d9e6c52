"""Replies to screening questions as clients really type them, in every language."""

import pytest

from bot.understanding.choices import GENERIC_ANSWERS, Option, match_choice

YES_NO = [Option("yes", GENERIC_ANSWERS["yes"]), Option("no", GENERIC_ANSWERS["no"])]
FOOD = [Option("often", GENERIC_ANSWERS["often_true"]), Option("sometimes", GENERIC_ANSWERS["sometimes_true"]),
        Option("never", GENERIC_ANSWERS["never_true"])]
UTILITIES = YES_NO + [Option("shut_off", GENERIC_ANSWERS["already_shut_off"])]
SAFETY = [Option(code, GENERIC_ANSWERS[code]) for code in ("never", "rarely", "sometimes", "fairly_often",
                                                             "frequently")]
HOUSING = [
    Option("pests", {"en": ["Pests such as bugs, ants, or mice", "pests", "bugs", "ants", "mice", "roaches", "rats"],
                     "es": ["Plagas como insectos, hormigas o ratones", "plagas", "cucarachas", "ratones", "ratas"],
                     "vi": ["Côn trùng như bọ, kiến hoặc chuột", "côn trùng", "gián", "chuột", "kiến"],
                     "zh_Hans": ["害虫，如虫子、蚂蚁或老鼠", "害虫", "老鼠", "蟑螂", "蚂蚁"],
                     "ht": ["Ensèk tankou pinèz, foumi oswa sourit", "ensèk", "ravèt", "sourit", "rat"],
                     "ar": ["حشرات مثل البق أو النمل أو الفئران", "حشرات", "صراصير", "فئران"]}),
    Option("mold", {"en": ["Mold", "mould"], "es": ["Moho", "hongos"], "vi": ["Nấm mốc", "mốc"],
                    "zh_Hans": ["霉菌", "发霉"], "ht": ["Kanni", "mwazi"], "ar": ["عفن", "العفن"]}),
    Option("heat", {"en": ["Lack of heat", "no heat", "heat", "heating"], "es": ["Falta de calefacción", "calefacción"],
                    "vi": ["Thiếu sưởi", "không có sưởi"], "zh_Hans": ["没有暖气", "暖气"],
                    "ht": ["Pa gen chofaj", "chofaj"], "ar": ["نقص التدفئة", "التدفئة"]}),
    Option("leaks", {"en": ["Water leaks", "leaks", "leak", "leaking"], "es": ["Goteras o fugas de agua", "goteras",
                     "fugas", "gotera"], "vi": ["Rò rỉ nước", "dột", "rỉ nước"], "zh_Hans": ["漏水"],
                     "ht": ["Dlo k ap koule", "koule"], "ar": ["تسرب المياه", "تسريب"]}),
    Option("none", {"en": ["None of the above", "none", "no problems"], "es": ["Ninguno de los anteriores",
                    "ninguno", "nada"], "vi": ["Không có vấn đề nào", "không có gì"], "zh_Hans": ["以上都没有", "都没有"],
                    "ht": ["Okenn nan yo", "okenn"], "ar": ["لا شيء مما سبق", "لا شيء"]}, exclusive=True),
]


def codes(text, options, lang, multi=False):
    return match_choice(text, options, lang, multi=multi).codes


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("yes", "en", "yes"), ("Yes we do", "en", "yes"), ("yep", "en", "yes"), ("nope", "en", "no"),
        ("no we don't", "en", "no"), ("si", "es", "yes"), ("Sí, claro", "es", "yes"), ("claro que si", "es", "yes"),
        ("no tenemos", "es", "no"), ("có", "vi", "yes"), ("co a", "vi", "yes"), ("không có", "vi", "no"),
        ("khong", "vi", "no"), ("有", "zh_Hans", "yes"), ("是的", "zh_Hans", "yes"), ("没有", "zh_Hans", "no"),
        ("wi", "ht", "yes"), ("non", "ht", "no"), ("نعم", "ar", "yes"), ("لا", "ar", "no"), ("ايوه", "ar", "yes"),
        ("yes", "es", "yes"), ("👍", "vi", "yes"), ("👍🏾", "en", "yes"),
        ("1", "en", "yes"), ("2.", "es", "no"), ("#2", "en", "no"), ("option 1", "en", "yes"),
        ("opción 2", "es", "no"), ("٢", "ar", "no"), ("２", "zh_Hans", "no"), ("第一个", "zh_Hans", "yes"),
    ],
)
def test_yes_no(text, lang, expected):
    assert codes(text, YES_NO, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("sometimes", "en", "sometimes"), ("Sometimes true", "en", "sometimes"), ("somtimes", "en", "sometimes"),
        ("yes, sometimes", "en", "sometimes"), ("often", "en", "often"), ("no, never", "en", "never"),
        ("a veces", "es", "sometimes"), ("a veces sí", "es", "sometimes"), ("aveces", "es", "sometimes"),
        ("nunca", "es", "never"), ("muchas veces", "es", "often"), ("thỉnh thoảng", "vi", "sometimes"),
        ("thinh thoang", "vi", "sometimes"), ("khong bao gio", "vi", "never"), ("有时候", "zh_Hans", "sometimes"),
        ("经常", "zh_Hans", "often"), ("从来没有", "zh_Hans", "never"), ("pafwa", "ht", "sometimes"),
        ("jamè", "ht", "never"), ("souvan", "ht", "often"), ("احيانا", "ar", "sometimes"), ("أبداً", "ar", "never"),
        ("3", "en", "never"),
    ],
)
def test_food_worry_frequency(text, lang, expected):
    assert codes(text, FOOD, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("not often", "en", "rarely"), ("very often", "en", "frequently"), ("often", "en", "fairly_often"),
        ("all the time", "en", "frequently"), ("nobody hurts me", "en", "never"), ("casi nunca", "es", "rarely"),
        ("todo el tiempo", "es", "frequently"), ("hiem khi", "vi", "rarely"), ("很少", "zh_Hans", "rarely"),
        ("raman", "ht", "rarely"), ("نادرا", "ar", "rarely"), ("4", "en", "fairly_often"),
    ],
)
def test_how_often_someone_hurts_you(text, lang, expected):
    assert codes(text, SAFETY, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("they already shut it off", "en", "shut_off"), ("ya me cortaron la luz", "es", "shut_off"),
        ("bị cắt rồi", "vi", "shut_off"), ("已经停了", "zh_Hans", "shut_off"), ("yo deja koupe l", "ht", "shut_off"),
        ("قطعوها", "ar", "shut_off"), ("3", "es", "shut_off"),
    ],
)
def test_utility_shut_off(text, lang, expected):
    assert codes(text, UTILITIES, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1 4", "en", ["pests", "leaks"]), ("1,4", "en", ["pests", "leaks"]), ("1 and 4", "en", ["pests", "leaks"]),
        ("2 y 3", "es", ["mold", "heat"]), ("1和4", "zh_Hans", ["pests", "leaks"]),
        ("mold and leaks", "en", ["mold", "leaks"]), ("we have mould", "en", ["mold"]),
        ("roaches and no heat", "en", ["pests", "heat"]), ("no mold but leaks", "en", ["leaks"]),
        ("moho y goteras", "es", ["mold", "leaks"]), ("cucarachas, moho", "es", ["pests", "mold"]),
        ("có gián và nấm mốc", "vi", ["pests", "mold"]), ("co gian va nam moc", "vi", ["pests", "mold"]),
        ("老鼠和漏水", "zh_Hans", ["pests", "leaks"]), ("ravèt ak kanni", "ht", ["pests", "mold"]),
        ("صراصير و عفن", "ar", ["pests", "mold"]), ("none", "en", ["none"]), ("ninguno", "es", ["none"]),
        ("5", "en", ["none"]),
    ],
)
def test_housing_problems_choose_all_that_apply(text, lang, expected):
    assert codes(text, HOUSING, lang, multi=True) == expected


@pytest.mark.parametrize(
    ("text", "options", "lang", "multi"),
    [
        ("not often", FOOD, "en", False),  # negated: not "often"
        ("no a menudo", FOOD, "es", False),
        ("yes and no", YES_NO, "en", False),  # both
        ("1 2", YES_NO, "en", False),  # two picks on a single-choice question
        ("7", FOOD, "en", False),  # no such option
        ("I don't know", YES_NO, "en", False),
        ("no sé", YES_NO, "es", False),  # "no sé" is not "no"
        ("不知道", YES_NO, "zh_Hans", False),
        ("mold and none of the above", HOUSING, "en", True),
        ("2 5", HOUSING, "en", True),  # "None of the above" does not combine
        ("what do you mean?", YES_NO, "en", False),
        ("", YES_NO, "en", False),
        ("🙂", YES_NO, "en", False),
        ("I have 3 kids", FOOD, "en", False),
    ],
)
def test_replies_not_understood_rather_than_guessed(text, options, lang, multi):
    assert not match_choice(text, options, lang, multi=multi)


def test_single_choice_exposes_its_code():
    assert match_choice("si", YES_NO, "es").code == "yes"
    assert match_choice("qué?", YES_NO, "es").code is None


def test_generic_answers_cover_every_language():
    languages = {"en", "es", "vi", "zh_Hans", "ht", "ar"}
    for answer, by_lang in GENERIC_ANSWERS.items():
        assert set(by_lang) == languages, answer
    assert "si" in GENERIC_ANSWERS["yes"]["es"] and "sí" in GENERIC_ANSWERS["yes"]["es"]
