"""Flows as typed, read-only objects, built from validated YAML by `flows.loader`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

END = "end"  # the flow is over: return to where LANG was typed, or go on to the flow's `then`
STOP = "stop"  # the conversation is over until the client texts MENU or START


@dataclass(frozen=True)
class Option:
    code: str
    text_key: str
    loinc: str | None = None
    value: int | None = None
    generic: str | None = None
    exclusive: bool = False
    match: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: nodes are loaded once
class Node:
    id: str
    type: str  # say | ask | score | summary | lookup | goto
    next: str | None = None
    text_key: str | None = None
    emit: str | None = None
    # ask
    kind: str | None = None  # choice | multi | zip | name | language
    options: tuple[Option, ...] = ()
    skippable: bool = False
    branches: dict[str, str] = field(default_factory=dict)
    reask_key: str | None = None
    read_ahead: bool = False  # the reply that led here may already answer this question: read it first
    loinc: str | None = None
    budget: int | None = None  # for the whole question with its numbered options
    skip: str | None = None  # where NEXT/SKIP leads from a resource choice
    # lookup: ask the edge for resources, then go on by what it found
    need_from: str | None = None  # queue (the screening's needs, one by one) | vars (one need)
    skip_needs: tuple[str, ...] = ()
    found: str | None = None
    empty: str | None = None
    done: str | None = None
    # goto
    goto_flow: str | None = None
    goto_node: str | None = None
    # score
    needs: tuple[dict[str, Any], ...] = ()
    # summary
    none_key: str | None = None

    def exits(self) -> list[str]:
        return [e for e in [self.next, self.skip, self.found, self.empty, self.done, *self.branches.values()] if e]

    def option(self, code: str) -> Option | None:
        return next((o for o in self.options if o.code == code), None)


@dataclass(frozen=True)
class Flow:
    id: str
    start: str
    nodes: dict[str, Node]
    then: str | None = None
    entry: bool = False  # where a new conversation (and MENU) starts
    trigger: str | None = None  # an input kind that starts this flow (checkin_due)
    instrument: dict[str, Any] = field(default_factory=dict)
    path: str = ""

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]
