"""Where a client's conversation stands, between two steps of the engine.

Stored as JSON in `Conversation.state`. A field at its empty default (no position, no retries,
nothing on the stack ...) is left out of the JSON, as a new conversation's state always was, and
reads back as that default; so rows written before this class existed read unchanged.

    {"pos": ["screening", "food_worry"], "answers": {"screening": {"living": {"codes": ["steady"],
     "skipped": false}}}, "retries": 1, "last_at": "2026-03-10T15:00:00+00:00"}
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Lookup:
    """A directory search the engine asked the edge for, and the page of resources it got back
    (`items`: id, name, phone and the line to show, for the client to pick by number)."""

    need: str
    label: str | None = None  # the need's text key, to name it in texts
    offset: int = 0
    exclude: list[str] = field(default_factory=list)  # service ids not to offer again
    node: str | None = None  # the resource question waiting for the answer
    items: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ConversationState:
    pos: list[str] | None = None  # [flow id, node id] of the question waiting for an answer
    stack: list[list[str] | None] = field(default_factory=list)  # where to return after LANG, a check-in ...
    answers: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)  # flow -> node -> codes, skipped
    needs: list[str] = field(default_factory=list)  # need codes the last scoring found
    need_labels: list[str] = field(default_factory=list)  # their text keys
    queue: list[list[str]] = field(default_factory=list)  # [need, label] still to look up resources for
    named: list[str] = field(default_factory=list)  # needs the client's first text named, in its order
    retries: int = 0  # replies in a row the engine could not read
    finished: bool = False  # the flows ran to their end
    told_waiting: bool = False  # the client was told a CHW will text them
    confirm_stop: bool = False  # a probable opt-out stopped texts; the client was asked to confirm
    last_at: str | None = None  # ISO time of the client's last message
    vars: dict[str, Any] = field(default_factory=dict)  # the running flow's variables (a provider's name ...)
    lookup: Lookup | None = None

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ConversationState:
        """The state stored as `data` (not copied); keys this version does not know are ignored."""
        data = data or {}
        state = cls(**{k: v for k, v in data.items() if k in _PLAIN_SET})
        if data.get("lookup"):
            state.lookup = Lookup(**data["lookup"])
        return state

    def to_json(self) -> dict[str, Any]:
        out = {name: value for name in _PLAIN if (value := getattr(self, name))}
        if self.lookup is not None:
            out["lookup"] = dict(vars(self.lookup))
        return out

    def copy(self) -> ConversationState:
        """A deep copy, through the JSON form (cheaper than copying the objects)."""
        return ConversationState.from_json(copy.deepcopy(self.to_json()))


_PLAIN = tuple(f.name for f in fields(ConversationState) if f.name != "lookup")  # JSON values as they are
_PLAIN_SET = frozenset(_PLAIN)
