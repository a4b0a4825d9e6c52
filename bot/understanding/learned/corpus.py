"""The labelled corpus in `data/understanding/` (format: its README.md), read into typed items.

Every item belongs to the training part or to the test part by a hash of its normalized text, so
the split never changes when items are added, and the same message written twice ("Yes", "yes") is
always on the same side. Models are built from the training part only and measured on the test part.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.i18n import SUPPORTED_LANGUAGES
from bot.understanding.normalize import normalize

ROOT = Path(__file__).resolve().parents[3] / "data" / "understanding"
LANGUAGES = SUPPORTED_LANGUAGES  # the one list, bot/i18n/languages.py: the corpus covers each
CRISIS_KINDS = ("suicide", "self_harm", "overdose", "violence", "medical", "child")
TEST_SHARE = 30  # percent of messages held out for measuring

# A corpus question → (flow, node) it is asked at.
QUESTIONS = {
    "consent": ("intake", "consent"),
    "living": ("screening", "living"),
    "problems": ("screening", "problems"),
    "food_worry": ("screening", "food_worry"),
    "food_last": ("screening", "food_last"),
    "transport": ("screening", "transport"),
    "utilities": ("screening", "utilities"),
    "hurt": ("screening", "hurt"),
    "insult": ("screening", "insult"),
    "threaten": ("screening", "threaten"),
    "scream": ("screening", "scream"),
    "checkin": ("checkin", "ask"),
    "checkin_why": ("checkin", "why"),
    "share": ("suggestions", "share"),
}


def part_of(text: str) -> str:
    """"train" or "test", fixed by the text itself (a hash of its normalized form)."""
    digest = hashlib.sha256(normalize(text).encode("utf-8")).digest()
    return "test" if int.from_bytes(digest[:4], "big") % 100 < TEST_SHARE else "train"


@dataclass(frozen=True)
class CrisisItem:
    lang: str
    text: str
    kind: str | None  # one of CRISIS_KINDS, or None for a near-miss or an ordinary message


@dataclass(frozen=True)
class ReplyItem:
    lang: str
    question: str
    text: str
    codes: tuple[str, ...] | None  # None: a careful person would ask again


@dataclass(frozen=True)
class FirstItem:
    lang: str  # the folder it was written in
    text: str
    language: str | None  # the language to answer in; None when nobody could tell


@dataclass(frozen=True)
class OptoutItem:
    lang: str
    text: str
    optout: str  # "yes" | "no" | "maybe"


@dataclass(frozen=True)
class Corpus:
    crisis: tuple[CrisisItem, ...]
    replies: tuple[ReplyItem, ...]
    first: tuple[FirstItem, ...]
    optout: tuple[OptoutItem, ...]

    def part(self, name: str | None) -> Corpus:
        """Only the items of one part ("train" or "test"); everything for None."""
        if name is None:
            return self

        def keep(items):
            return tuple(item for item in items if part_of(item.text) == name)

        return Corpus(keep(self.crisis), keep(self.replies), keep(self.first), keep(self.optout))


class CorpusError(ValueError):
    """A corpus file that does not follow the format, named with the item at fault."""


def load(root: Path = ROOT) -> Corpus:
    """Every item under `root` (`<lang>/{crisis,replies,first,optout}.yaml`, `world/optout.yaml`)."""
    root = Path(root)
    if not root.is_dir():
        raise CorpusError(f"no corpus folder at {root}")
    crisis, replies, first, optout = [], [], [], []
    for lang in LANGUAGES:
        for raw in _items(root / lang / "crisis.yaml"):
            kind = raw.get("kind")
            _check(kind is None or kind in CRISIS_KINDS, root / lang / "crisis.yaml", raw, "kind")
            crisis.append(CrisisItem(lang, _text(raw, root / lang / "crisis.yaml"), kind))
        for raw in _items(root / lang / "replies.yaml"):
            path = root / lang / "replies.yaml"
            _check(raw.get("q") in QUESTIONS, path, raw, "q")
            codes = raw.get("codes")
            _check(codes is None or (isinstance(codes, list) and codes), path, raw, "codes")
            replies.append(ReplyItem(lang, raw["q"], _text(raw, path), tuple(map(str, codes)) if codes else None))
        for raw in _items(root / lang / "first.yaml"):
            path = root / lang / "first.yaml"
            _check(raw.get("language") is None or raw["language"] in LANGUAGES, path, raw, "language")
            first.append(FirstItem(lang, _text(raw, path), raw.get("language")))
        for raw in _items(root / lang / "optout.yaml"):
            optout.append(OptoutItem(lang, _text(raw, root / lang / "optout.yaml"), _optout(raw, root / lang)))
    for raw in _items(root / "world" / "optout.yaml"):
        optout.append(OptoutItem(str(raw.get("lang", "")), _text(raw, root / "world"), _optout(raw, root / "world")))
    return Corpus(tuple(crisis), tuple(replies), tuple(first), tuple(optout))


def _items(path: Path) -> list[dict]:
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise CorpusError(f"{path}: expected a list of {{text: ..., ...}} items")
    return data


def _text(raw: dict, path: Path) -> str:
    _check(isinstance(raw.get("text"), (str, int)), path, raw, "text")
    return str(raw["text"])


def _optout(raw: dict, path: Path) -> str:
    value = raw.get("optout")
    _check(value in (True, False, "maybe"), path, raw, "optout")
    return {True: "yes", False: "no"}.get(value, "maybe")


def _check(ok: bool, path: Path, raw: dict, field: str) -> None:
    if not ok:
        raise CorpusError(f"{path}: bad {field!r} in {raw!r}")
