"""Matching a client's reply to the options of a question, the way people really text.

A reply is understood as an option's number ("2", "#2", "option 2", "٢", "２", "two", "第二个"), or as
words of an option's labels found anywhere in it ("yes we do", "a veces sí", "mold and leaks"), with
accents optional and small typos forgiven on longer words ("somtimes"). Several options may be
picked on a multi-select question ("1 3", "1 and 3", "moho y goteras"). When a reply could mean two
things, or negates the words it uses ("not often" when "often" is an option), it is not understood:
asking again is better than recording a wrong answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.understanding.lexicon.answers import GENERIC_ANSWERS
from bot.understanding.lexicon.common import CONNECTORS, FILLERS, NUMBER_FILLERS, NUMBER_WORDS
from bot.understanding.lexicon.spoken import ALL_WORDS, COUNTED, EXCEPT_WORDS, NUMBER_JOINERS, SPOKEN_NUMBERS
from bot.understanding.normalize import clauses, normalize, tokens
from bot.understanding.phrases import NEGATION_WORDS, negated

__all__ = ["GENERIC_ANSWERS", "ChoiceMatch", "Option", "match_choice"]


@dataclass(frozen=True)
class Option:
    """One answer to a question: its code, and per language the words that mean it.

    `exclusive` marks an answer that cannot be combined with others ("None of the above").
    """

    code: str
    labels: Mapping[str, Sequence[str]]
    exclusive: bool = False


@dataclass(frozen=True)
class ChoiceMatch:
    """The option codes a reply picked, in the order written; empty when not understood."""

    codes: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.codes)

    @property
    def code(self) -> str | None:
        """The single pick of a single-choice question."""
        return self.codes[0] if len(self.codes) == 1 else None


_NEGATION_WINDOW = 2
_BLOCKER = -1  # a phrase that answers nothing ("no sé" is not "no")
_SKIN_TONES = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f]")


@lru_cache(maxsize=8192)
def _label_tokens(label: str) -> tuple[str, ...]:
    return tuple(tokens(normalize(label)))


def _single_tokens(*tables: Mapping[str, Sequence[str]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for table in tables:
        for lang, entries in table.items():
            for entry in entries:
                found.setdefault(lang, set()).update(_label_tokens(entry))
    return {lang: frozenset(words) for lang, words in found.items()}


_NUMBER_NOISE = _single_tokens(NUMBER_FILLERS, CONNECTORS, FILLERS, NUMBER_JOINERS)
# Number words by their tokens: Arabizi "wa7ed" is three tokens ("wa", "7", "ed"), "thu nhat" two.
_NUMBER_WORDS = {
    lang: {_label_tokens(word): n for table in (NUMBER_WORDS, SPOKEN_NUMBERS)
           for n, words in enumerate(table.get(lang, ()), 1) for word in words if _label_tokens(word)}
    for lang in NUMBER_WORDS
}
_LONGEST_NUMBER_WORD = max(len(words) for table in _NUMBER_WORDS.values() for words in table)
_COUNTED = {lang: frozenset(words) for lang, words in _single_tokens(COUNTED).items()}
_ALL = {lang: [_label_tokens(word) for word in words] for lang, words in ALL_WORDS.items()}
_EXCEPT = {lang: [_label_tokens(word) for word in words] for lang, words in EXCEPT_WORDS.items()}
_NEGATIVE = NEGATION_WORDS | {tok for labels in GENERIC_ANSWERS["none_of_the_above"].values() for label in labels
                              for tok in _label_tokens(label) if len(_label_tokens(label)) == 1}


_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th", "do", "da", "ro", "ra", "er", "o", "a", "e", "eme", "em", "yem"})


def _numbered(toks: list[str], langs: Sequence[str], count: int) -> list[int] | None:
    """Option numbers when the reply is only numbers and filler words; None when it is not such a reply."""
    noise = frozenset().union(*(_NUMBER_NOISE.get(lang, frozenset()) for lang in langs))
    picks: list[int] = []
    at = 0
    while at < len(toks):
        tok = toks[at]
        if tok in _ORDINAL_SUFFIXES and at and toks[at - 1].isdigit():
            at += 1
            continue  # "2nd", "2do", "2eme": the number
        if tok == "one" and picks:  # "the second one", "the 2nd one"
            at += 1
            continue
        word = _number_word(toks, at, langs)
        if word is not None:
            picks.append(word[0])
            at += word[1]
            continue
        if tok.isdigit():
            picks.append(int(tok) if len(tok) <= 3 else 0)
        elif tok not in noise:
            return None
        at += 1
    if not picks:
        return None
    return picks if all(1 <= n <= count for n in picks) else []


def _number_word(toks: list[str], at: int, langs: Sequence[str]) -> tuple[int, int] | None:
    """The number a number word starting at toks[at] says, and how many tokens it takes; longest first."""
    for size in range(min(_LONGEST_NUMBER_WORD, len(toks) - at), 0, -1):
        words = tuple(toks[at:at + size])
        for lang in langs:
            n = _NUMBER_WORDS.get(lang, {}).get(words)
            if n is not None and not (size == 1 and words[0].isdigit()):
                return n, size
    return None


def _leading(text: str, toks: list[str], langs: Sequence[str], count: int) -> list[int] | None:
    """Option numbers that open a reply with a story after them: "la tres, dormimos en el parque",
    "2 the landlord is selling", "1 y 4 sobre todo las cucarachas". None when the reply does not open
    with a number, when the story holds another number, or when the number counts something ("2 times")."""
    parts = clauses(text)
    if len(parts) > 1 and (picks := _numbered(parts[0], langs, count)):
        rest = [tok for part in parts[1:] for tok in part]
    else:
        noise = frozenset().union(*(_NUMBER_NOISE.get(lang, frozenset()) for lang in langs))
        start = 0
        while start < len(toks) and toks[start] in noise and not toks[start].isdigit():
            start += 1
        end = start
        while end < len(toks) and (toks[end].isdigit() or (end > start and toks[end] in noise)):
            end += 1
        while end > start and not toks[end - 1].isdigit():
            end -= 1
        picks = [int(tok) for tok in toks[start:end] if tok.isdigit()]
        rest = toks[end:]
        if not picks or not rest or any(tok in _COUNTED.get(lang, ()) for lang in langs for tok in rest[:1]):
            return None
    if any(tok.isdigit() for tok in rest) or not all(1 <= n <= count for n in picks):
        return None
    return picks


def _find(toks: list[str], phrases: Sequence[tuple[str, ...]]) -> int | None:
    """Where the first of `phrases` ends in `toks`, or None."""
    for start in range(len(toks)):
        for phrase in phrases:
            if phrase and tuple(toks[start:start + len(phrase)]) == phrase:
                return start + len(phrase)
    return None


class _Labels:
    """The options' labels in one language, indexed by first word, plus the words they use.

    Built once per question and language (questions are constants of the flows), then cached.
    """

    def __init__(self, option_labels: Sequence[Sequence[str]], lang: str) -> None:
        self.by_first: dict[str, list[tuple[tuple[str, ...], int, bool]]] = {}
        entries = [(label, i) for i, labels in enumerate(option_labels) for label in labels]
        entries += [(label, _BLOCKER) for label in GENERIC_ANSWERS["dont_know"].get(lang, ())]
        for label, index in entries:
            words = _label_tokens(label)
            if words:
                polar = any(tok in _NEGATIVE for tok in words)
                self.by_first.setdefault(words[0], []).append((words, index, polar))
        self.known = {tok for group in self.by_first.values() for words, _, _ in group for tok in words}
        self.long = [tok for tok in self.known if len(tok) >= 4 and tok.isascii() and tok.isalpha()]

    def spell(self, tok: str) -> str:
        """A label word the client probably meant ("somtimes" → "sometimes"), or the word as written."""
        if tok in self.known or len(tok) < 5 or not tok.isascii() or not tok.isalpha() or not self.long:
            return tok
        limit = 2 if len(tok) >= 8 else 1
        close = process.extract(tok, self.long, scorer=OSA.distance, score_cutoff=limit, limit=2)
        if not close or (len(close) == 2 and close[0][1] == close[1][1]):
            return tok
        word, distance, _ = close[0]
        return word if distance <= (2 if len(word) >= 8 else 1) else tok


@lru_cache(maxsize=256)
def _labels(options: tuple[tuple[str, ...], ...], lang: str) -> _Labels:
    return _Labels(options, lang)


def _by_labels(text: str, options: Sequence[Option], lang: str) -> list[int] | None:
    """Indexes of the options whose labels the reply uses, in order; None when it is ambiguous or unsure."""
    labels = _labels(tuple(tuple(option.labels.get(lang, ())) for option in options), lang)
    if not labels.by_first:
        return []
    picked: list[tuple[int, int, int]] = []  # (clause, start, option index)
    blocked = False
    for number, clause in enumerate(clauses(text)):
        words = [labels.spell(tok) for tok in clause]
        spans, negated_spans = [], []
        for start, tok in enumerate(words):
            for label, index, polar in labels.by_first.get(tok, ()):
                end = start + len(label)
                if tuple(words[start:end]) != label:
                    continue
                if polar or not negated(words, start, _NEGATION_WINDOW):
                    spans.append((end - start, index == _BLOCKER, start, end, index))
                else:
                    negated_spans.append((start, end))
        spans.sort(key=lambda span: (-span[0], span[1], span[2]))
        taken: list[tuple[int, int, int, int]] = []
        for size, _, start, end, index in spans:
            rival = next((t for t in taken if t[1] < end and start < t[2]), None)
            if rival is None:
                taken.append((size, start, end, index))
            elif rival[0] == size and rival[3] != index and _BLOCKER not in (index, rival[3]):
                return None
        if any(_answered_negation(taken, start, end) for start, end in negated_spans):
            return None  # "no a menudo": the "no" is an answer and also negates another one
        for _, start, _, index in taken:
            if index == _BLOCKER:
                blocked = True
            else:
                picked.append((number, start, index))
    if blocked:
        return None
    return [index for _, _, index in sorted(picked)]


def _answered_negation(taken: list[tuple[int, int, int, int]], start: int, end: int) -> bool:
    """Whether a negated label stands outside every kept label, right after a kept one."""
    inside = any(t_start <= start and end <= t_end for _, t_start, t_end, _ in taken)
    return not inside and any(start - _NEGATION_WINDOW <= t_end <= start for _, _, t_end, _ in taken)


def _by_emoji(text: str, options: Sequence[Option], langs: Sequence[str]) -> list[int]:
    plain = _SKIN_TONES.sub("", text)
    return [i for i, option in enumerate(options) for lang in langs for label in option.labels.get(lang, ())
            if not _label_tokens(label) and (mark := _SKIN_TONES.sub("", label).strip()) and mark in plain]


def _decide(indexes: list[int], options: Sequence[Option], multi: bool) -> ChoiceMatch:
    unique = list(dict.fromkeys(indexes))
    if not unique or (len(unique) > 1 and (not multi or any(options[i].exclusive for i in unique))):
        return ChoiceMatch()
    return ChoiceMatch([options[i].code for i in unique])


def _all_except(text: str, toks: list[str], options: Sequence[Option], langs: Sequence[str]) -> ChoiceMatch | None:
    """"All of them except the lead" → every option but lead and "none"; None when the reply says no "except"."""
    for lang in langs:
        cut = _find(toks, _EXCEPT.get(lang, ()))
        if cut is None:
            continue
        rest = toks[cut:]
        if _find(toks[:cut], _ALL.get(lang, ())) is None:
            return ChoiceMatch()
        left_out = _numbered(rest, langs, len(options))
        if left_out is None:
            left_out = [i + 1 for i in _by_labels(" ".join(rest), options, lang) or ()]
        if not left_out:
            return ChoiceMatch()
        return ChoiceMatch([o.code for i, o in enumerate(options, 1) if i not in left_out and not o.exclusive])
    return None


def match_choice(text: str, options: Sequence[Option], lang: str, multi: bool = False) -> ChoiceMatch:
    """The option(s) a reply picks, or an empty ChoiceMatch when it is not understood.

    Labels in `lang` are tried first, then English ones (many clients answer "yes" in English).

    >>> yes_no = [Option("yes", GENERIC_ANSWERS["yes"]), Option("no", GENERIC_ANSWERS["no"])]
    >>> match_choice("si claro", yes_no, "es").codes
    ['yes']
    """
    if not options:
        return ChoiceMatch()
    langs = list(dict.fromkeys((lang, "en")))
    toks = tokens(normalize(text))
    emoji = _by_emoji(text, options, langs)
    if not toks:
        return _decide(emoji, options, multi)
    picks = _numbered(toks, langs, len(options))
    if picks is not None:
        return _decide([n - 1 for n in picks] + emoji, options, multi)
    if multi and (found := _all_except(text, toks, options, langs)) is not None:
        return found
    leading = _leading(text, toks, langs, len(options))
    if leading is not None:
        words = _by_labels(text, options, lang)
        if words and not set(words) <= {n - 1 for n in leading}:
            return ChoiceMatch()  # "3, no lights since friday": the number and the words disagree
        return _decide([n - 1 for n in leading] + emoji, options, multi)
    for label_lang in langs:
        found = _by_labels(text, options, label_lang)
        if found is None:
            return ChoiceMatch()
        if found:
            return _decide(found + emoji, options, multi)
    return _decide(emoji, options, multi)
