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
   A message that says the danger is over or past ("last year", "hace dos años", "去年", "hes fine
   now") makes any phrase in it a possible crisis only (a person reads it).
4. When phrases of several kinds are found, the most specific to act on wins: suicide, self-harm,
   overdose, violence, child, medical.
5. No phrase: the statistical model (`bot.understanding.learned.model`, character and word n-grams) reads the whole
   message. Above its "certain" threshold, with no idiom in the message, it is a certain crisis;
   above its "possible" threshold it is a possible one (a CHW reads it at once, no 911 text).

A phrase is a certain crisis. `flask understanding eval` measures recall and false alarms per
language and kind on the test part of `data/understanding/`.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import dataclass
from enum import Enum

from bot.understanding.keywords import classify_keyword
from bot.understanding.language import guess_languages
from bot.understanding.learned.features import prepare
from bot.understanding.learned.model import model
from bot.understanding.lexicon import crisis_broad
from bot.understanding.lexicon.crisis import FALSE_FRIENDS, IDIOMS, PATTERNS
from bot.understanding.normalize import clauses, normalize
from bot.understanding.phrases import Hit, PhraseSet, negated

log = logging.getLogger(__name__)


class CrisisKind(Enum):
    SUICIDE = "suicide"
    SELF_HARM = "self_harm"
    OVERDOSE = "overdose"
    VIOLENCE = "violence"
    MEDICAL = "medical"
    CHILD = "child"


@dataclass(frozen=True)
class CrisisMatch:
    """A crisis found in a message.

    `certain`: answer with 911/988 and escalate; otherwise a possible crisis for a person to read.
    `language`: the language the message is in, when known (the crisis reply goes out in it).
    `evidence`: the phrase pattern that matched, or "model 0.93" (the model's probability).
    """

    kind: CrisisKind
    language: str | None
    evidence: str
    certain: bool = True

    @property
    def pattern(self) -> str:
        return self.evidence


_PRIORITY = (CrisisKind.SUICIDE, CrisisKind.SELF_HARM, CrisisKind.OVERDOSE, CrisisKind.VIOLENCE, CrisisKind.CHILD,
             CrisisKind.MEDICAL)
_NEGATION_WINDOW = 2
_MODEL_MIN_WORDS = 3  # "hi again", "ok", "2": too little for the model to read anything into
_MODEL_CERTAIN_MIN_WORDS = 4  # the model reads too little in a shorter message to send 911 on its own

_PATTERNS: PhraseSet[tuple[CrisisKind, str]] = PhraseSet(
    (pattern, (CrisisKind(kind), lang))
    for table in (PATTERNS, crisis_broad.PATTERNS)
    for kind, by_lang in table.items()
    for lang, patterns in by_lang.items()
    for pattern in patterns
)
_IDIOMS: PhraseSet[str] = PhraseSet((pattern, lang) for table in (IDIOMS, crisis_broad.IDIOMS)
                                    for lang, patterns in table.items() for pattern in patterns)
_OVER: PhraseSet[str] = PhraseSet((pattern, lang) for lang, patterns in crisis_broad.OVER.items()
                                  for pattern in patterns)
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
    """The crisis a message reports, certain or possible, or None. Never raises.

    >>> detect_crisis("my husband is hitting me right now").kind
    <CrisisKind.VIOLENCE: 'violence'>
    >>> detect_crisis("this heat is killing me") is None
    True
    """
    try:
        found, idiom = _by_phrases(text)
        over = any(_OVER.find(clause) for clause in clauses(text))
        if found is not None:
            return CrisisMatch(found[0], _language(text) or found[1], found[2], certain=not over)
        return _by_model(text, idiom or over)
    except Exception:  # a detector must never take a message down; a person still sees it
        log.exception("crisis detection failed")
        return None


def _by_phrases(text: str) -> tuple[tuple[CrisisKind, str, str] | None, bool]:
    """The most specific crisis phrase found, as (kind, language, pattern), and whether a guard spoke
    (an idiom, or a crisis phrase dropped as negated): the model may then only call it possible."""
    raw = unicodedata.normalize("NFC", text).casefold()
    found: dict[CrisisKind, tuple[CrisisKind, str, str]] = {}
    idiom_seen = False
    for clause in clauses(text):
        idioms = _IDIOMS.find(clause)
        idiom_seen = idiom_seen or bool(idioms)
        for hit in _PATTERNS.find(clause):
            kind, lang = hit.payload
            if kind in found:
                continue
            if _kept(clause, hit, idioms, raw):
                found[kind] = (kind, lang, hit.pattern)
            else:
                idiom_seen = True
    for kind in _PRIORITY:
        if kind in found:
            return found[kind], idiom_seen
    return None, idiom_seen


def _by_model(text: str, idiom: bool) -> CrisisMatch | None:
    prepared = prepare(text)
    if len(prepared.split()) < _MODEL_MIN_WORDS or classify_keyword(text) is not None:
        return None  # too short to read, or a command ("I want to talk to a person") the engine answers
    learned = model()
    probability = learned.crisis_probability(prepared)
    if probability < min(learned.thresholds["possible"].values()):
        return None
    language = _language(text)
    if probability < learned.threshold("possible", language):
        return None
    certain = (probability >= learned.threshold("certain", language) and not idiom
               and len(prepared.split()) >= _MODEL_CERTAIN_MIN_WORDS)
    return CrisisMatch(CrisisKind(learned.crisis_kind(prepared)), language, f"model {probability:.2f}", certain)


def _language(text: str) -> str | None:
    """The message's language, or None: a failure here must not lose the crisis found."""
    try:
        guesses = guess_languages(text)
    except Exception:
        log.exception("language of a crisis message failed")
        return None
    return guesses[0] if guesses else None
