"""The engine's events: what happened in a turn, for the edges to act on and to record.

Each event is a small frozen dataclass named for what happened. Its `type` is the name stored in
`Event.type` and its fields are what `data` stores in `Event.data`, as JSON:

    Escalated(reason="crisis", urgency="urgent")
    -> {"type": "escalated", "data": {"reason": "crisis", "urgency": "urgent"}}

Three kinds take their name from a flow file (`emit:` on a node), so the flows decide what they
are called: an answer to a question (`AnswerGiven`, e.g. `consent_answered`), a point a flow
reached (`Reached`, e.g. `screening_started`) and a score (`Scored`, e.g. `screening_completed`).
`bot/pipeline/handlers.py` says what each one does.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, ClassVar


class EngineEvent:
    """What every event has: a type and its data as stored."""

    type: ClassVar[str]
    _named_by_flow: ClassVar[bool] = False  # the `name` field is the type, not data
    _left_out_when_none: ClassVar[frozenset[str]] = frozenset()

    @property
    def data(self) -> dict[str, Any]:
        left_out = self._left_out_when_none
        return {name: value for name in _data_fields(type(self))
                if (value := getattr(self, name)) is not None or name not in left_out}


@cache
def _data_fields(kind: type) -> tuple[str, ...]:
    """The fields an event stores as its data, in order: all but a flow-given name."""
    return tuple(f.name for f in fields(kind) if not (kind._named_by_flow and f.name == "name"))


@dataclass(frozen=True)
class OptedOut(EngineEvent):
    """The client asked to stop all texts: `{"type": "opted_out", "data": {"word": "stop"}}`; `probable`
    is true for words that may not mean it ("enough", "wrong number"): texts stop all the same, and the
    client is asked to confirm."""

    type: ClassVar[str] = "opted_out"
    _left_out_when_none: ClassVar[frozenset[str]] = frozenset({"probable"})
    word: str
    probable: bool | None = None


@dataclass(frozen=True)
class OptedIn(EngineEvent):
    """The client texted START after STOP: `{"type": "opted_in", "data": {}}`."""

    type: ClassVar[str] = "opted_in"


@dataclass(frozen=True)
class LanguageChosen(EngineEvent):
    """`{"type": "language_chosen", "data": {"language": "es"}}`."""

    type: ClassVar[str] = "language_chosen"
    language: str


@dataclass(frozen=True)
class CrisisDetected(EngineEvent):
    """`{"type": "crisis_detected", "data": {"kind": "suicide"}}` (always followed by `escalated`);
    `possible` is true for a possible crisis, sent to a person without the 911/988 text."""

    type: ClassVar[str] = "crisis_detected"
    _left_out_when_none: ClassVar[frozenset[str]] = frozenset({"possible"})
    kind: str
    possible: bool | None = None


@dataclass(frozen=True)
class Escalated(EngineEvent):
    """Hand the conversation to a CHW: `{"type": "escalated", "data": {"reason": "crisis", "urgency": "urgent"}}`;
    `question` names the question the bot could not read (reason `not_understood`)."""

    type: ClassVar[str] = "escalated"
    _left_out_when_none: ClassVar[frozenset[str]] = frozenset({"question"})
    reason: str
    urgency: str
    question: str | None = None


@dataclass(frozen=True)
class ZipGiven(EngineEvent):
    """`{"type": "zip_given", "data": {"zip": "10001"}}`."""

    type: ClassVar[str] = "zip_given"
    zip: str


@dataclass(frozen=True)
class NameGiven(EngineEvent):
    """`{"type": "name_given", "data": {"name": "Ana"}}`."""

    type: ClassVar[str] = "name_given"
    name: str


@dataclass(frozen=True)
class QuestionAnswered(EngineEvent):
    """A coded screening answer: `{"type": "question_answered", "data": {"flow": "screening",
    "question": "food_worry", "loinc": "88122-7", "codes": ["often"], "answer_loinc": ["LA28397-0"],
    "value": null, "skipped": false, "language": "es"}}`."""

    type: ClassVar[str] = "question_answered"
    flow: str
    question: str
    loinc: str
    codes: list[str]
    answer_loinc: list[str]
    value: int | None
    skipped: bool
    language: str | None


@dataclass(frozen=True)
class NeedIdentified(EngineEvent):
    """`{"type": "need_identified", "data": {"need": "food-insecurity", "flow": "screening",
    "instrument": "96777-8"}}`."""

    type: ClassVar[str] = "need_identified"
    need: str
    flow: str
    instrument: str | None


@dataclass(frozen=True)
class ResourcesRequested(EngineEvent):
    """The engine asks the edge to search the directory; the answer comes back as a
    `resources_found` input: `{"type": "resources_requested", "data": {"need": "food-insecurity",
    "offset": 0, "exclude": []}}`."""

    type: ClassVar[str] = "resources_requested"
    need: str
    offset: int
    exclude: list[str]


@dataclass(frozen=True)
class AnswerGiven(EngineEvent):
    """An answer to a question whose node says `emit: <name>`: `{"type": "referral_outcome", "data":
    {"flow": "checkin", "question": "ask", "answer": "got_help", "text_key": "checkin.ask",
    "language": "es", "context": {"referral_id": 7}}}` (`context`: the flow's variables)."""

    name: str
    flow: str
    question: str
    answer: str | None
    text_key: str | None
    language: str | None
    context: dict[str, Any] = field(default_factory=dict)
    _named_by_flow: ClassVar[bool] = True

    @property
    def type(self) -> str:  # type: ignore[override]
        return self.name


@dataclass(frozen=True)
class Reached(EngineEvent):
    """A flow reached a node that says `emit: <name>`: `{"type": "screening_started", "data":
    {"flow": "screening", "context": {}}}`."""

    name: str
    flow: str
    context: dict[str, Any] = field(default_factory=dict)
    _named_by_flow: ClassVar[bool] = True

    @property
    def type(self) -> str:  # type: ignore[override]
        return self.name


@dataclass(frozen=True)
class Scored(EngineEvent):
    """A score node that says `emit: <name>`: `{"type": "screening_completed", "data": {"flow":
    "screening", "needs": ["food-insecurity"], "scores": {"95614-4": 6}, "instrument": "96777-8"}}`."""

    name: str
    flow: str
    needs: list[str]
    scores: dict[str, int]
    instrument: str | None
    _named_by_flow: ClassVar[bool] = True

    @property
    def type(self) -> str:  # type: ignore[override]
        return self.name

