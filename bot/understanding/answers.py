"""Reading a client's reply to a question, by the question's kind of answer.

Choices go through `bot.understanding.choices` (numbers, words, synonyms, typos, every language);
ZIP codes, names and language choices have their own small readers. Each returns the
answer or None: None means "not understood", and the engine re-asks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.i18n import REGISTRY, SUPPORTED_LANGUAGES, catalogs
from bot.understanding.choices import GENERIC_ANSWERS, Option, match_choice
from bot.understanding.language import language_from_name
from bot.understanding.lexicon.paraphrases import PARAPHRASES
from bot.understanding.normalize import normalize
from directory.geo import zip_info
from flows.model import Node

_ZIP = re.compile(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)")
_NAME_PREFIX = re.compile(
    r"^(?:hi|hello|hola|my name is|my name's|name is|i am|i'm|im|it's|its|call me|me llamo|mi nombre es|soy|"
    r"toi ten la|toi la|ten toi la|ten la|mwen rele|non mwen se|mwen se|ismi|اسمي|我叫|我是|叫我)\b[\s,:.!-]*",
    re.IGNORECASE,
)


def parse_answer(node: Node, text: str, lang: str | None) -> list[str] | None:
    """Option codes for choice questions, or [value] for zip, name and language; None if not understood."""
    if node.kind in ("choice", "multi"):
        return list(match_choice(text, _options(node), lang or "en", multi=node.kind == "multi").codes) or None
    if node.kind == "zip":
        return read_zip(text)
    if node.kind == "name":
        name = read_name(text)
        return [name] if name else None
    if node.kind == "language":
        return read_language(text, node)
    raise ValueError(f"unknown answer kind {node.kind!r}")


def read_zip(text: str) -> list[str] | None:
    m = _ZIP.search(normalize(text))
    if m and zip_info(m.group(1)) is not None:
        return [m.group(1)]
    return None


def read_name(text: str) -> str | None:
    """'my name is ana' -> 'Ana'; nothing that looks like a sentence or a number."""
    cleaned = _NAME_PREFIX.sub("", text.strip()).strip(" .,!¡?¿")
    words = cleaned.split()
    if not words or len(words) > 3 or len(cleaned) > 40 or not any(ch.isalpha() for ch in cleaned):
        return None
    if any(ch.isdigit() for ch in cleaned):
        return None
    return " ".join(w[:1].upper() + w[1:] if w[:1].isascii() else w for w in words)


def read_number(text: str, count: int) -> int | None:
    """'2', '#2', '２', '٢.' -> 2 when 1 <= n <= count."""
    digits = normalize(text).strip(" .#")
    if digits.isdigit() and 1 <= int(digits) <= count:
        return int(digits)
    return None


def read_pick(text: str, names: list[str], lang: str | None) -> int | None:
    """Which of a numbered list a reply picks (1-based): "2", "el 2", "the 2nd one", "2 please", or
    the place's name; None when it picks none or several. Number words and fillers of every language
    count, the client's own first."""
    options = [Option(str(i), {code: [name] for code in SUPPORTED_LANGUAGES}) for i, name in enumerate(names, 1)]
    for code in dict.fromkeys((lang or "en", *SUPPORTED_LANGUAGES)):
        found = match_choice(text, options, code).code
        if found is not None:
            return int(found)
    return None


_NUMBERED = tuple(Option(str(n), {}) for n in range(1, 10))


def is_number_reply(text: str, lang: str | None) -> bool:
    """A reply that is only a number and filler words ("3", "number 3", "three"): it answers the question
    it was sent to, never the one after."""
    return bool(match_choice(text, _NUMBERED, lang or "en"))


_NEXT = frozenset({"next", "no", "no thanks", "none", "siguiente", "tiep", "tiep theo", "下一个", "下一", "pwochen",
                   "التالي"})


def is_next(text: str) -> bool:
    """NEXT: go on to the next need without choosing (said in any language)."""
    return normalize(text).strip(" .!") in _NEXT


# At the language menu, and only there, a language's code is its name: "es" is Spanish.
_CODES = {normalize(code.split("_")[0]): code for code in SUPPORTED_LANGUAGES}


def read_language(text: str, node: Node) -> list[str] | None:
    number = read_number(text, len(node.options))
    if number is not None:
        return [node.options[number - 1].code]
    code = _CODES.get(normalize(text).strip(" .!"))
    if code is not None:
        return [code]
    found = language_from_name(text)
    return [found] if found in SUPPORTED_LANGUAGES else None


@lru_cache(maxsize=None)
def _options(node: Node) -> tuple[Option, ...]:
    """The node's options with their accepted words in every language: its label as sent
    in that language, the flow's own synonyms, the shared generic answers (yes, never ...) and
    the question's paraphrases (`lexicon/paraphrases.py`)."""
    cats = catalogs()
    out = []
    for opt in node.options:
        text = REGISTRY[opt.text_key]
        labels: dict[str, list[str]] = {}
        for lang in SUPPORTED_LANGUAGES:
            words = [cats.translate(text, lang)]
            words += opt.match.get(lang, ())
            if opt.generic:
                words += GENERIC_ANSWERS.get(opt.generic, {}).get(lang, [])
            words += PARAPHRASES.get(node.text_key or "", {}).get(opt.code, {}).get(lang, [])
            labels[lang] = list(dict.fromkeys(words))
        out.append(Option(opt.code, labels, exclusive=opt.exclusive))
    return tuple(out)
