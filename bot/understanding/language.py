"""Which of our languages a client writes in, and which language they ask for by name.

Two layers. `rule_language`: the script decides for Chinese and Arabic; Latin-script text is scored
against small lists of words that only one of English, Spanish, Vietnamese and Haitian Creole uses
(plus Vietnamese letters and Spanish ñ ¿ ¡). When the rules cannot tell, the model (`bot.understanding.learned`,
character n-grams, so "xin chao", "mwen bezwen" and Arabizi "ana 3ayez" are read too) ranks the
languages. `detect_language` names one only when it is clear; `guess_languages` returns the
plausible ones, most likely first, so a reply can go out in two. `language_from_name` reads an answer
to the language menu: a language's name in any of our languages, or the menu number.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from bot.i18n import SUPPORTED_LANGUAGES
from bot.understanding.learned.features import prepare
from bot.understanding.learned.model import model
from bot.understanding.lexicon.common import FILLERS, NUMBER_FILLERS
from bot.understanding.lexicon.languages import GREETINGS, MARKERS, NAMES
from bot.understanding.normalize import clauses, normalize, tokens
from bot.understanding.phrases import PhraseSet, negated

log = logging.getLogger(__name__)
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_NOT_CHINESE = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uac00-\ud7af\u1100-\u11ff]")  # kana, hangul
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_NOT_ARABIC = re.compile(r"[پچژگکڈٹںےۓ]")  # Persian and Urdu letters
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]")
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯ\u1ea0-\u1ef9]")
_SPANISH = re.compile(r"[ñÑ¿¡]")

_MARKERS: PhraseSet[tuple[str, int]] = PhraseSet(
    [(word, (lang, 1)) for lang, words in MARKERS.items() for word in words]
    + [(word, (lang, 2)) for lang, words in GREETINGS.items() for word in words]
)
_NAMES: PhraseSet[str] = PhraseSet((name, lang) for lang, names in NAMES.items() for name in names)
_MENU_FILLERS = {tok for entries in (*NUMBER_FILLERS.values(), *FILLERS.values()) for entry in entries
                 for tok in tokens(normalize(entry))}
_MIN_SCORE = 2
# A greeting in English alone is answered in English, but it is not proof: the conversation still
# offers the language menu (detect_language says None, guess_languages says "en").
_ENGLISH_GREETINGS = frozenset({"hi", "hello", "hey", "hi there", "hello there", "good morning", "good afternoon",
                                "good evening", "helo", "hii", "hiii", "heyy", "yo"})
# "no hablo bien ingles", "my english not good": a language named to say it is not theirs.
_NAME_NEGATION_WINDOW = 3
_NOT_SPOKEN = frozenset({"not", "no", "bad", "little", "poco", "khong", "kem", "pa", "mal", "mush", "msh",
                         "mesh", "不"})
_SURE = 0.80  # the model names a language alone from this probability on
_PLAUSIBLE = 0.20  # and counts it among the plausible ones from this one


def rule_language(text: str) -> str | None:
    """The language the script and the marker words alone make clear, else None.

    >>> rule_language("Hola, necesito ayuda con comida")
    'es'
    >>> rule_language("ok") is None
    True
    """
    if _HAN.search(text):
        return None if _NOT_CHINESE.search(text) else "zh_Hans"
    arabic = len(_ARABIC.findall(text))
    if arabic:
        latin = len(_LATIN.findall(text))
        return "ar" if arabic > latin and not _NOT_ARABIC.search(text) else None
    scores = dict.fromkeys(MARKERS, 0)
    for hit in _MARKERS.find(tokens(normalize(text))):
        lang, weight = hit.payload
        scores[lang] += weight * (hit.end - hit.start)
    if _VIETNAMESE.search(text):
        scores["vi"] += 2
    if _SPANISH.search(text):
        scores["es"] += 2
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, top), (_, second) = ranked[0], ranked[1]
    if top >= _MIN_SCORE and top >= 2 * second:
        return best
    return None


def language_from_name(text: str, menu: Sequence[str] = SUPPORTED_LANGUAGES) -> str | None:
    """The language a client picks by name ("español", "tieng viet", "中文") or by its number on `menu`.

    >>> language_from_name("Spanish please")
    'es'
    >>> language_from_name("3")
    'vi'
    """
    named: set[str] = set()
    for clause in clauses(text):
        named.update(hit.payload for hit in _NAMES.find(clause)
                     if not negated(clause, hit.start, _NAME_NEGATION_WINDOW)
                     and not _NOT_SPOKEN.intersection(clause[hit.end:hit.end + 2]))
    numbers = {int(tok) for tok in tokens(normalize(text)) if tok.isdigit()}
    rest = [tok for tok in tokens(normalize(text)) if not tok.isdigit() and tok not in _MENU_FILLERS]
    if numbers and not rest:
        if len(numbers) != 1 or not 1 <= (pick := numbers.pop()) <= len(menu):
            return None
        named.add(menu[pick - 1])
    return named.pop() if len(named) == 1 else None


def detect_language(text: str) -> str | None:
    """The language of a message when it is clear, else None. Never raises.

    >>> detect_language("Hola, necesito ayuda con comida")
    'es'
    >>> detect_language("ok") is None
    True
    """
    guesses = _ranked(text)
    if guesses and guesses[0][1] >= _SURE:
        return guesses[0][0]
    return None


def guess_languages(text: str) -> tuple[str, ...]:
    """Our languages the message may be in, most likely first; empty when there is no idea.

    >>> guess_languages("toi can giup")
    ('vi',)
    """
    return tuple(lang for lang, p in _ranked(text) if p >= _PLAUSIBLE)


def _ranked(text: str) -> list[tuple[str, float]]:
    """(language, confidence) of ours, best first; a language the rules make clear has confidence 1."""
    try:
        # Chinese or Arabic script is answered in it; in Latin letters a language named is the one asked
        # for ("hi can i get help in vietnamese").
        scripted = _HAN.search(text) or _ARABIC.search(text)
        ruled = (rule_language(text) if scripted else None) or language_from_name(text, menu=()) \
            or rule_language(text)
        if ruled is not None:
            return [(ruled, 1.0)]
        if " ".join(tokens(normalize(text))) in _ENGLISH_GREETINGS:
            return [("en", 0.5)]
        if _HAN.search(text) and not _NOT_CHINESE.search(text):
            return [("zh_Hans", 0.5)]  # Chinese mixed with another script: answer in both
        if _ARABIC.search(text) and not _NOT_ARABIC.search(text):
            return [("ar", 0.5)]
        if _HAN.search(text) or _ARABIC.search(text):
            return []  # kana, hangul, Persian or Urdu letters
        prepared = prepare(text)
        if not any(ch.isalpha() for ch in prepared):
            return []
        probs = model().language_probabilities(prepared)
    except Exception:  # a detector must never take a message down
        log.exception("language detection failed")
        return []
    other = probs.pop("other", 0.0)
    ranked = sorted(probs.items(), key=lambda item: item[1], reverse=True)
    if not ranked or other >= ranked[0][1]:
        return []
    return ranked
