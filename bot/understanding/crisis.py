"""Crisis detection: does this message say someone is in danger right now?

Runs on every inbound message, before anything else looks at it, in every language at once (a
client may switch language mid-conversation). The approach is phrase patterns over normalized text,
chosen over a statistical model because every decision must be explainable to a CHW and a miss is
far worse than a false alarm:

1. The message is split into clauses (at . , ! ? and their CJK/Arabic forms) and normalized: no
   accents or diacritics, digits in ASCII, Chinese one character per token.
2. Each clause is searched for the phrases of `bot.understanding.lexicon.crisis.PATTERNS`: suicidal thoughts,
   self-harm, immediate danger from a person, a medical emergency. Phrases are specific on purpose
   ("going to kill me", not "kill"), since single words are mostly idioms.
3. Guards drop a phrase that is
   - negated right before it, within two words ("I would never kill myself", "没有胸痛"); a
     sentence-opening "no" only negates the word right after it;
   - inside an idiom that overlaps it ("this heat is killing me", "me muero de hambre", "累死了",
     "mệt muốn chết", "hit me up");
   - an unaccented spelling of another word when the message shows that word's accents ("từ từ").
4. When phrases of several kinds are found, the most specific to act on wins: suicide, self-harm,
   violence, medical.

`bench/crisis_report.py` measures recall and false alarms per language on the labelled messages in
`tests/data/crisis_messages.yaml`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from enum import Enum

from bot.understanding.lexicon.crisis import FALSE_FRIENDS, IDIOMS, PATTERNS
from bot.understanding.normalize import clauses, normalize
from bot.understanding.phrases import Hit, PhraseSet, negated


class CrisisKind(Enum):
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    VIOLENCE = "violence"
    MEDICAL = "medical"


@dataclass(frozen=True)
class CrisisMatch:
    """What kind of crisis, the language of the phrase that said so, and that phrase's pattern."""

    kind: CrisisKind
    language: str
    pattern: str


_PRIORITY = (CrisisKind.SUICIDE, CrisisKind.SELF_HARM, CrisisKind.VIOLENCE, CrisisKind.MEDICAL)
_NEGATION_WINDOW = 2

_PATTERNS: PhraseSet[tuple[CrisisKind, str]] = PhraseSet(
    (pattern, (CrisisKind(kind), lang))
    for kind, by_lang in PATTERNS.items()
    for lang, patterns in by_lang.items()
    for pattern in patterns
)
_IDIOMS: PhraseSet[str] = PhraseSet((pattern, lang) for lang, patterns in IDIOMS.items() for pattern in patterns)
_FALSE_FRIENDS = {normalize(plain): tuple(spellings) for plain, spellings in FALSE_FRIENDS.items()}


def _false_friend(raw: str, matched: str) -> bool:
    return any(plain in matched and any(s in raw for s in spellings) for plain, spellings in _FALSE_FRIENDS.items())


def _kept(clause: list[str], hit: Hit, idioms: list[Hit], raw: str) -> bool:
    if negated(clause, hit.start, _NEGATION_WINDOW):
        return False
    if any(idiom.start < hit.end and hit.start < idiom.end for idiom in idioms):
        return False
    return not _false_friend(raw, " ".join(clause[hit.start:hit.end]))


def detect_crisis(text: str) -> CrisisMatch | None:
    """The crisis a message reports, or None.

    >>> detect_crisis("my husband is hitting me right now").kind
    <CrisisKind.VIOLENCE: 'violence'>
    >>> detect_crisis("this heat is killing me") is None
    True
    """
    raw = unicodedata.normalize("NFC", text).casefold()
    found: dict[CrisisKind, CrisisMatch] = {}
    for clause in clauses(text):
        hits = _PATTERNS.find(clause)
        if not hits:
            continue
        idioms = _IDIOMS.find(clause)
        for hit in hits:
            kind, lang = hit.payload
            if kind not in found and _kept(clause, hit, idioms, raw):
                found[kind] = CrisisMatch(kind, lang, hit.pattern)
    for kind in _PRIORITY:
        if kind in found:
            return found[kind]
    return None
