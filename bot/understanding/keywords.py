"""Commands a client can send at any point: STOP, START, HELP, AGENT, LANG, MENU, SKIP, MORE.

A command word counts only when it is the whole message, give or take politeness and punctuation
("Stop!", "para por favor", "停止吧"), as carriers do for STOP; an explicit request counts anywhere in
a message ("please stop texting me", "quiero hablar con una persona") unless it is negated ("he won't
stop texting me"). Unsubscribe typos ("unsubcribe") are forgiven on long words only.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from rapidfuzz.distance import OSA

from bot.understanding.lexicon.common import FILLERS
from bot.understanding.lexicon.keywords import BARE_NOT_COMMANDS, FALSE_FRIENDS, PHRASES, WHOLE
from bot.understanding.normalize import clauses, normalize, tokens
from bot.understanding.optout import excepted, read_optout
from bot.understanding.phrases import PhraseSet, negated


class Keyword(Enum):
    STOP = "stop"
    START = "start"
    HELP = "help"
    AGENT = "agent"
    LANG = "lang"
    MENU = "menu"
    SKIP = "skip"
    MORE = "more"


@dataclass(frozen=True)
class KeywordMatch:
    """The command, and the language it was written in when only one of ours has that word.

    `certain` is False only for a probable opt-out ("enough", "wrong number"): stop automated
    texts and ask to confirm.
    """

    keyword: Keyword
    language: str | None = None
    certain: bool = True


log = logging.getLogger(__name__)

# When one message holds requests of several kinds, the first kind here wins.
_PRIORITY = (Keyword.STOP, Keyword.AGENT, Keyword.LANG, Keyword.MENU, Keyword.SKIP)
_FUZZY_MIN_LENGTH = 7


def _whole_table() -> dict[tuple[str, ...], KeywordMatch]:
    table: dict[tuple[str, ...], KeywordMatch] = {}
    for name, by_lang in WHOLE.items():
        keyword = Keyword(name)
        for lang, entries in by_lang.items():
            for entry in entries:
                key = tuple(tokens(normalize(entry)))
                known = table.get(key)
                if known is not None and known.keyword is not keyword:
                    raise ValueError(f"{entry!r} is both {known.keyword.name} and {keyword.name}")
                same_lang = known is None or known.language == lang
                table[key] = KeywordMatch(keyword, lang if same_lang else None)
    return table


_WHOLE = _whole_table()
_FUZZY = {key[0]: match for key, match in _WHOLE.items() if len(key) == 1 and len(key[0]) >= _FUZZY_MIN_LENGTH
          and key[0].isascii()}
_FILLERS = sorted({tuple(tokens(normalize(f))) for entries in FILLERS.values() for f in entries}, key=len,
                  reverse=True)
_PHRASES: PhraseSet[KeywordMatch] = PhraseSet(
    (pattern, KeywordMatch(Keyword(name), lang))
    for name, by_lang in PHRASES.items()
    for lang, patterns in by_lang.items()
    for pattern in patterns
)
_RAW_WORD = re.compile(r"\w+")


def _index(fillers, at: int) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for filler in fillers:
        index.setdefault(filler[at], []).append(filler)
    return index


_FILLERS_BY_FIRST = _index(_FILLERS, 0)
_FILLERS_BY_LAST = _index(_FILLERS, -1)


def _strip_fillers(toks: list[str]) -> list[str]:
    """Drop "please", "ok" and the like from both ends; only fillers that start (or end) with
    the message's first (or last) word are tried."""
    changed = True
    while changed and toks:
        changed = False
        for filler in _FILLERS_BY_FIRST.get(toks[0], ()):
            if len(toks) > len(filler) and tuple(toks[:len(filler)]) == filler:
                toks, changed = toks[len(filler):], True
                break
        else:
            for filler in _FILLERS_BY_LAST.get(toks[-1], ()):
                if len(toks) > len(filler) and tuple(toks[-len(filler):]) == filler:
                    toks, changed = toks[:-len(filler)], True
                    break
    return toks


def _without_repeats(toks: list[str]) -> list[str]:
    return [tok for i, tok in enumerate(toks) if i == 0 or tok != toks[i - 1]]


def _false_friend(text: str, toks: list[str]) -> bool:
    suspects = [FALSE_FRIENDS[tok] for tok in toks if tok in FALSE_FRIENDS]
    if not suspects:
        return False
    raw = _raw_words(text)
    return any(raw.intersection(words) for words in suspects)


def _raw_words(text: str) -> set[str]:
    return set(_RAW_WORD.findall(unicodedata.normalize("NFC", text).casefold()))


def _whole_message(text: str, toks: list[str]) -> KeywordMatch | None:
    core = _strip_fillers(toks)
    match = _WHOLE.get(tuple(core)) or _WHOLE.get(tuple(_without_repeats(core)))
    if match is None and len(core) == 1 and len(core[0]) >= _FUZZY_MIN_LENGTH:
        word = core[0]
        close = [m for form, m in _FUZZY.items() if OSA.distance(word, form, score_cutoff=1) <= 1]
        if len({m.keyword for m in close}) == 1:
            match = close[0]
    if match is not None and _false_friend(text, core):
        return None
    if match is not None and len(core) == 1 and core[0] in BARE_NOT_COMMANDS and core[0] in _raw_words(text):
        return None
    return match


def classify_keyword(text: str) -> KeywordMatch | None:
    """The command a message is, or None when it is not one.

    >>> classify_keyword("STOP!!").keyword
    <Keyword.STOP: 'stop'>
    >>> classify_keyword("the bus stop on main street") is None
    True
    """
    try:
        return _classify(text)
    except Exception:  # a detector must never take a message down
        log.exception("keyword detection failed")
        return None


def _classify(text: str) -> KeywordMatch | None:
    toks = tokens(normalize(text))
    whole = _whole_message(text, toks) if toks else None
    if whole is not None:
        return whole
    found: dict[Keyword, KeywordMatch] = {}
    for clause in clauses(text):
        for hit in _PHRASES.find(clause):
            if not negated(clause, hit.start) and not _false_friend(text, clause[hit.start:hit.end]):
                found.setdefault(hit.payload.keyword, hit.payload)
    if Keyword.STOP in found and excepted(text):
        del found[Keyword.STOP]  # "dont text me after 9": not an opt-out
    if Keyword.STOP not in found:
        level = read_optout(text)
        if level is not None:
            found[Keyword.STOP] = KeywordMatch(Keyword.STOP, None, certain=level == "certain")
    for keyword in _PRIORITY:
        if keyword in found:
            return found[keyword]
    return None
