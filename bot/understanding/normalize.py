"""Text as clients really type it, reduced to one comparable form.

Every matcher (keywords, language, crisis, replies) compares normalized text with normalized lexicon
entries, so "NO MÁS", "no mas" and "ｎｏ　ｍáｓ" are the same words, "Đừng" is "dung", "إلغاء" is "الغاء"
and "٢" is "2". Chinese is written without spaces: `tokens()` makes every Han character a token of its
own, so a phrase matches as a run of tokens anywhere in a sentence ("别再发了" contains "别再发").
"""

from __future__ import annotations

import re
import unicodedata

from bot.understanding.lexicon.hanzi import TRADITIONAL_TO_SIMPLIFIED

# Letters that do not decompose under NFD but that clients type without their mark.
_LETTERS = {
    "đ": "d", "ð": "d", "ł": "l", "ø": "o", "ħ": "h", "ı": "i",
    # Arabic: alef maksura is written as yeh, teh marbuta as heh; the hamza seats
    # (أ إ آ ؤ ئ) lose their hamza with the other marks.
    "ى": "ي", "ة": "ه", "ٱ": "ا", "ی": "ي", "ک": "ك",
}
_APOSTROPHES = "'’‘`´ʼ"
_CJK = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003ffff"
)
_TOKEN = re.compile(rf"[{_CJK}]|\d+|[^\s\d{_CJK}]+")
# Where one thought ends and the next begins: "No, I want to talk to a person" is two clauses, so
# the "no" does not negate the request.
_CLAUSE_BREAK = re.compile(r"[.,;:!?¿¡\n\r\u3002\uff0c\uff1b\uff01\uff1f\u3001\u060c\u061b\u061f]+")


class _Table(dict):
    """str.translate table computed per character on first sight (cached for the BMP only)."""

    def __missing__(self, code: int):
        char = chr(code)
        if char in _LETTERS:
            out = _LETTERS[char]
        elif char in _APOSTROPHES:
            out = None
        elif char in TRADITIONAL_TO_SIMPLIFIED:
            out = TRADITIONAL_TO_SIMPLIFIED[char]
        else:
            category = unicodedata.category(char)
            if char.isspace():
                out = " "
            elif category == "Nd":
                out = str(unicodedata.digit(char, "")) or " "
            elif category in ("Mn", "Mc", "Me", "Cc", "Cf", "Cs", "Co", "Cn", "Lm"):
                # combining marks (accents, tones, harakat), controls, joiners, tatweel
                out = None
            elif category[0] in "PSZ":
                out = " "
            else:
                out = char
        if code < 0x10000:
            self[code] = out
        return out


_TABLE = _Table()


def normalize(text: str) -> str:
    """Casefolded, accent-free, digit-ASCII text with punctuation and emoji as single spaces.

    >>> normalize("¡NO más MENSAJES!")
    'no mas mensajes'
    >>> normalize("Đừng nhắn tin")
    'dung nhan tin'
    >>> normalize("إلغاء ٢")
    'الغاء 2'
    """
    if not text:
        return ""
    folded = unicodedata.normalize("NFKC", text).casefold()
    stripped = unicodedata.normalize("NFD", folded).translate(_TABLE)
    return " ".join(unicodedata.normalize("NFC", stripped).split())


def tokens(normalized: str) -> list[str]:
    """Words of a normalized text; every Han/kana character and every digit run is a token of its own.

    >>> tokens("选2和3")
    ['选', '2', '和', '3']
    """
    return _TOKEN.findall(normalized)


def words(text: str) -> list[str]:
    """Tokens of raw text: `tokens(normalize(text))`."""
    return tokens(normalize(text))


def clauses(text: str) -> list[list[str]]:
    """Tokens of each clause of raw text (split at sentence and comma punctuation), empty ones left out."""
    found = []
    for part in _CLAUSE_BREAK.split(text):
        toks = tokens(normalize(part))
        if toks:
            found.append(toks)
    return found
