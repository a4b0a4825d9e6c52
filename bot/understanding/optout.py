"""Opt-out as people really write it: decorated STOP, other languages, explicit requests, probable ones.

`read_optout(text)` answers "certain", "probable" or None; `bot.understanding.keywords` turns that
into a STOP match (with `certain`). A certain opt-out ends automated texts at once; a probable one
("enough", "wrong number", "够了") stops them too and the conversation asks to confirm.

Decorations are undone before comparing the whole message: letters spaced or dotted apart
("S T O P", "s.t.o.p"), repeated ("stoooop", "停止停止"), zero for o ("ST0P"), a stop sign emoji.
A word that also has another meaning is only an opt-out as the whole message or as a short clause
of its own ("who is this?? stop"), never inside a sentence ("the bus stop", "can't stop crying").
"""

from __future__ import annotations

import re

from bot.understanding.lexicon.optout import (
    CERTAIN_PHRASES,
    CERTAIN_WORDS,
    FILLERS,
    NOT_OPTOUT,
    PROBABLE,
    PROBABLE_PHRASES,
)
from bot.understanding.normalize import clauses, normalize, tokens
from bot.understanding.phrases import PhraseSet, negated

_STOP_SIGNS = re.compile("[\U0001f6d1\u26d4\U0001f6ab]")
_MAX_WORDS_AROUND = 8  # a stop word as its own clause counts only in a short message
# "stop" first or last in a short message ("打错了 stop", "stop pls ana msh 3ayez") unless its neighbour
# makes it another stop ("bus stop", "stop by", "cant stop", "when does this stop").
_STOP_EDGE_MAX_WORDS = 6
_NOT_NEXT_TO_STOP = frozenset({"bus", "by", "cant", "dont", "doesnt", "wont", "didnt", "never", "the", "a", "this",
                               "it", "at", "to", "crying", "worrying", "thinking", "next", "last", "first", "full",
                               "sign", "light", "truck", "pit", "de", "la", "el", "will", "gonna", "cannot", "not",
                               "and", "n"})


def _squeezed(words: list[str]) -> str:
    """Letters only, zero read as o, each run of one letter kept once: "S.T.O.O.P" → "stop"."""
    joined = "".join(words).replace("0", "o")
    return re.sub(r"(.)\1+", r"\1", joined)


def _word_forms(entries: list[str]) -> set[str]:
    return {_squeezed(tokens(normalize(entry))) for entry in entries} - {""}


_CERTAIN = _word_forms(CERTAIN_WORDS)
_PROBABLE = {" ".join(tokens(normalize(entry))) for entry in PROBABLE}
_FILLERS = {" ".join(tokens(normalize(entry))) for entry in FILLERS}
_PHRASES: PhraseSet[str] = PhraseSet((pattern, "stop") for pattern in CERTAIN_PHRASES)
_PROBABLE_PHRASES: PhraseSet[str] = PhraseSet((pattern, "probable") for pattern in PROBABLE_PHRASES)
_EXCEPT: PhraseSet[str] = PhraseSet((pattern, "not") for pattern in NOT_OPTOUT)
_PROBABLE_MAX_WORDS = 12  # a probable phrase in a long story is about something else


def _core(words: list[str]) -> list[str]:
    """The words without fillers at either end ("stop pls" → ["stop"])."""
    changed = True
    while changed and words:
        changed = False
        for size in (2, 1):
            if len(words) > size and " ".join(words[-size:]) in _FILLERS:
                words, changed = words[:-size], True
                break
            if len(words) > size and " ".join(words[:size]) in _FILLERS:
                words, changed = words[size:], True
                break
    return words


def _is_stop_word(words: list[str]) -> bool:
    core = _core(words)
    if not core:
        return False
    squeezed = _squeezed(core)
    if squeezed in _CERTAIN:
        return True
    # the same word said again and again: "stop stop stop", "停止停止停止"
    return any(len(form) < len(squeezed) and squeezed == form * (len(squeezed) // len(form)) for form in _CERTAIN)


def read_optout(text: str) -> str | None:
    """"certain", "probable", or None when the message does not ask to stop texts.

    >>> read_optout("S T O P"), read_optout("wrong number"), read_optout("bus stop")
    ('certain', 'probable', None)
    """
    words = tokens(normalize(text))
    if not words:
        return "certain" if _STOP_SIGNS.search(text) and not text.strip(" 🛑⛔🚫!.\ufe0f") else None
    if _is_stop_word(words):
        return "certain"
    parts = clauses(text)
    if len(words) <= _MAX_WORDS_AROUND and len(parts) > 1 and any(_is_stop_word(part) for part in parts):
        return "certain"  # "who is this?? stop", "wrong number, stop"
    if len(words) <= _STOP_EDGE_MAX_WORDS and len(words) > 1 and (
            (words[0] == "stop" and words[1] not in _NOT_NEXT_TO_STOP)
            or (words[-1] == "stop" and words[-2] not in _NOT_NEXT_TO_STOP)):
        return "certain"
    if any(_EXCEPT.find(part) for part in parts):
        return None
    for part in parts:
        if any(not negated(part, hit.start, 1) for hit in _PHRASES.find(part)):
            return "certain"
    if " ".join(words) in _PROBABLE or " ".join(_core(words)) in _PROBABLE:
        return "probable"
    if len(words) <= _PROBABLE_MAX_WORDS and any(not negated(part, hit.start, 1) for part in parts
                                                 for hit in _PROBABLE_PHRASES.find(part)):
        return "probable"
    return None


def excepted(text: str) -> bool:
    """Whether the message asks for something other than an opt-out ("dont text me after 9")."""
    return any(_EXCEPT.find(part) for part in clauses(text))
