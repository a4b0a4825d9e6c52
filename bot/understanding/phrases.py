"""Phrase patterns over normalized tokens: the one matching tool behind keywords, crisis and replies.

A pattern is written the way a message reads, in any of our languages, and is normalized like a
message, so it needs no accents and Chinese needs no spaces:

    (he|she|my husband) [is] (going to|gonna) kill me    ( ) one of, [ ] or ( )? optional
    want to ... die                                      ... up to three other words
    kill* myself                                         kill* any word starting with "kill"
    took # pills                                         # any number

Patterns compile to regular expressions over " tok tok tok " text, one per pattern. A pattern is
only tried when a word it cannot match without is in the message, so a few thousand patterns cost
a few microseconds per message.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from bot.understanding.lexicon.common import AFTER_INTERJECTION_NO, NEGATIONS, NOT_NEGATING
from bot.understanding.normalize import normalize, tokens

P = TypeVar("P")

_SYNTAX = re.compile(r"\.\.\.|\)\?|[()\[\]|]|[^\s()\[\]|]+")


@dataclass(frozen=True)
class Hit(Generic[P]):
    """A pattern found in a message: tokens[start:end] matched `pattern`."""

    payload: P
    start: int
    end: int
    pattern: str


class _Parser:
    """Recursive descent over the pattern syntax; yields (regex, anchor words) per piece."""

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.items = _SYNTAX.findall(pattern)
        self.pos = 0

    def parse(self) -> tuple[str, frozenset[str] | None]:
        regex, anchors = self._alternatives()
        if self.pos != len(self.items):
            raise ValueError(f"unbalanced pattern: {self.pattern!r}")
        return regex, anchors

    def _alternatives(self) -> tuple[str, frozenset[str] | None]:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self._sequence())
        if len(branches) == 1:
            return branches[0]
        regex = "(?:" + "|".join(b[0] for b in branches) + ")"
        if any(b[1] is None for b in branches):
            return regex, None
        return regex, frozenset().union(*(b[1] for b in branches))

    def _sequence(self) -> tuple[str, frozenset[str] | None]:
        parts: list[str] = []
        anchors: frozenset[str] | None = None
        while (item := self._peek()) is not None and item not in ("|", ")", ")?", "]"):
            self.pos += 1
            if item in "([":
                regex, inner = self._alternatives()
                closing = self._peek()
                if closing not in ((")", ")?") if item == "(" else ("]",)):
                    raise ValueError(f"unbalanced pattern: {self.pattern!r}")
                self.pos += 1
                if closing != ")":
                    parts.append(f"(?:{regex})?")
                    continue
                parts.append(regex)
                anchors = anchors or inner
            elif item == "...":
                parts.append(r"(?:\S+ ){0,3}")
            elif item == "#":
                parts.append(r"\d+ ")
            elif item.endswith("*") and len(item) > 1:
                words = tokens(normalize(item[:-1]))
                parts.append("".join(re.escape(w) + " " for w in words[:-1]))
                parts.append(re.escape(words[-1]) + r"\S* " if words else "")
                anchors = anchors or (frozenset(words[:1]) if len(words) > 1 else None)
            else:
                words = tokens(normalize(item))
                parts.append("".join(re.escape(w) + " " for w in words))
                anchors = anchors or (frozenset(words[:1]) if words else None)
        return "".join(parts), anchors

    def _peek(self) -> str | None:
        return self.items[self.pos] if self.pos < len(self.items) else None


class PhraseSet(Generic[P]):
    """Patterns, each carrying a payload (a kind, a language, an option code ...)."""

    def __init__(self, entries: Iterable[tuple[str, P]]) -> None:
        self._patterns: list[tuple[re.Pattern[str], P, str]] = []
        self._by_word: dict[str, list[int]] = {}
        self._always: list[int] = []
        for pattern, payload in entries:
            regex, anchors = _Parser(pattern).parse()
            if not regex:
                raise ValueError(f"empty pattern: {pattern!r}")
            index = len(self._patterns)
            self._patterns.append((re.compile("(?<= )" + regex), payload, pattern))
            if anchors:
                for word in anchors:
                    self._by_word.setdefault(word, []).append(index)
            else:
                self._always.append(index)

    def __len__(self) -> int:
        return len(self._patterns)

    def find(self, toks: Sequence[str]) -> list[Hit[P]]:
        """Every match of every pattern in the token list, in pattern order."""
        candidates = set(self._always)
        for word in set(toks):
            candidates.update(self._by_word.get(word, ()))
        if not candidates:
            return []
        text = " " + " ".join(toks) + " "
        # character offset where each token starts (and where one past the last would) → token index
        token_at: dict[int, int] = {}
        offset = 1
        for i, tok in enumerate(toks):
            token_at[offset] = i
            offset += len(tok) + 1
        token_at[offset] = len(toks)
        hits: list[Hit[P]] = []
        for index in sorted(candidates):
            regex, payload, pattern = self._patterns[index]
            for found in regex.finditer(text):
                if found.end() > found.start():
                    hits.append(Hit(payload, token_at[found.start()], token_at[found.end()], pattern))
        return hits


def _negation_words() -> frozenset[str]:
    found: set[str] = set()
    for entries in NEGATIONS.values():
        for entry in entries:
            words = tokens(normalize(entry))
            if len(words) == 1:
                found.add(words[0])
    return frozenset(found)


NEGATION_WORDS = _negation_words()


_AFTER_INTERJECTION_NO = frozenset(AFTER_INTERJECTION_NO)
_NOT_NEGATING = [tuple(tokens(normalize(entry))) for entry in NOT_NEGATING]


def _masked(toks: Sequence[str], lo: int, hi: int) -> set[int]:
    """Positions in toks[lo:hi] that belong to a word that only looks negative ("忍不住")."""
    masked: set[int] = set()
    for entry in _NOT_NEGATING:
        size = len(entry)
        for i in range(max(0, lo - size + 1), min(hi, len(toks) - size + 1)):
            if tuple(toks[i:i + size]) == entry:
                masked.update(range(i, i + size))
    return masked


def negated(toks: Sequence[str], start: int, window: int = 3) -> bool:
    """Whether a negation word stands in the `window` tokens before toks[start] ("don't stop texting me").

    A "no" that opens a sentence ("no i want ...") is an interjection, not a negation.
    """
    lo = max(0, start - window)
    found = [i for i in range(lo, start) if toks[i] in NEGATION_WORDS
             and not (toks[i] == "no" and toks[i + 1] in _AFTER_INTERJECTION_NO)]
    if not found:
        return False
    masked = _masked(toks, lo, start)
    return any(i not in masked for i in found)
