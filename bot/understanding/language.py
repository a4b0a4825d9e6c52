"""Which of our languages a client writes in, and which language they ask for by name.

`detect_language` looks at a first message: the script decides for Chinese and Arabic; Latin-script
text is scored against small lists of words that only one of English, Spanish, Vietnamese and
Haitian Creole uses (plus Vietnamese letters and Spanish ñ ¿ ¡). A short or mixed message is not
guessed: it returns None and the engine asks. `language_from_name` reads an answer to the
language menu: a language's name in any of our languages, or the menu number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.i18n import SUPPORTED_LANGUAGES
from bot.understanding.lexicon.common import FILLERS, NUMBER_FILLERS
from bot.understanding.lexicon.languages import GREETINGS, MARKERS, NAMES
from bot.understanding.normalize import clauses, normalize, tokens
from bot.understanding.phrases import PhraseSet, negated

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


def detect_language(text: str) -> str | None:
    """The language of a message when it is clear, else None.

    >>> detect_language("Hola, necesito ayuda con comida")
    'es'
    >>> detect_language("ok") is None
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
        named.update(hit.payload for hit in _NAMES.find(clause) if not negated(clause, hit.start, 2))
    numbers = {int(tok) for tok in tokens(normalize(text)) if tok.isdigit()}
    rest = [tok for tok in tokens(normalize(text)) if not tok.isdigit() and tok not in _MENU_FILLERS]
    if numbers and not rest:
        if len(numbers) != 1 or not 1 <= (pick := numbers.pop()) <= len(menu):
            return None
        named.add(menu[pick - 1])
    return named.pop() if len(named) == 1 else None
