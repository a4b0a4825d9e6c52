"""Loading and checking flows at start-up.

A broken flow file is refused with the file, the field and why: an unknown node type or
field, an exit that leads nowhere, a duplicate id, or an English text over its SMS
segment budget. Translations are held to the same budgets by the test suite.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from bot.i18n import REGISTRY, Text, numbered
from bot.i18n.segments import count_segments
from flows.model import END, STOP, Flow, Node, Option

FLOWS_DIR = Path(__file__).resolve().parent
SCHEMA = json.loads((FLOWS_DIR / "schema.json").read_text())
DEFAULT_BUDGET = 2


class FlowError(ValueError):
    """A flow file that cannot be used; the message names the file and the field."""


def load_flows(directory: Path = FLOWS_DIR) -> dict[str, Flow]:
    flows: dict[str, Flow] = {}
    texts: list[Text] = []
    for path in sorted(directory.glob("*.yaml")):
        flow, flow_texts = _load_file(path)
        if flow.id in flows:
            raise FlowError(f"{path.name}: id: flow {flow.id!r} is also defined in {flows[flow.id].path}")
        flows[flow.id] = flow
        texts += flow_texts
    entries = [f.id for f in flows.values() if f.entry]
    if len(entries) != 1:
        raise FlowError(f"entry: exactly one flow must be marked `entry: true`, found {entries or 'none'}")
    if not any(f.node(f.start).kind == "language" for f in flows.values()):
        raise FlowError("no flow starts with a language question (needed for LANG)")
    for flow in flows.values():
        if flow.then and flow.then not in flows:
            raise FlowError(f"{flow.path}: then: no flow named {flow.then!r}")
        for node in flow.nodes.values():
            if node.type == "goto" and node.goto_node not in getattr(flows.get(node.goto_flow), "nodes", {}):
                raise FlowError(f"{flow.path}: nodes ({node.id}).node: no node {node.goto_node!r} "
                                f"in a flow named {node.goto_flow!r}")
    for text in texts:
        try:
            REGISTRY.add(text)
        except ValueError as exc:
            raise FlowError(str(exc)) from exc
    return flows


def _load_file(path: Path) -> tuple[Flow, list[Text]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise FlowError(f"{path.name}: cannot be read as YAML: {exc}") from exc
    errors = sorted(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        err = errors[0]
        where = _where(data, list(err.absolute_path))
        raise FlowError(f"{path.name}: {where}: {err.message}")
    texts: list[Text] = []
    nodes: dict[str, Node] = {}
    for i, raw in enumerate(data["nodes"]):
        where = f"nodes[{i}] ({raw['id']})"
        if raw["id"] in nodes:
            raise FlowError(f"{path.name}: {where}.id: duplicate node id")
        nodes[raw["id"]] = _node(raw, texts, path.name, where)
    for node in nodes.values():
        for exit_ in node.exits():
            if exit_ not in nodes and exit_ not in (END, STOP):
                raise FlowError(f"{path.name}: nodes ({node.id}).next: {exit_!r} is not a node in this flow")
        if node.type == "ask" and node.kind in ("choice", "multi", "language") and not node.options:
            raise FlowError(f"{path.name}: nodes ({node.id}).answer.options: a {node.kind} question needs options")
        for code in node.branches:
            if node.option(code) is None:
                raise FlowError(f"{path.name}: nodes ({node.id}).branches: {code!r} is not one of its options")
        if node.type == "ask" and node.options:
            english = numbered(_english(texts, node.text_key), [_english(texts, o.text_key)
                                                                       for o in node.options])
            budget = node.budget or DEFAULT_BUDGET
            if count_segments(english).segments > budget:
                raise FlowError(f"{path.name}: nodes ({node.id}).budget: the question with its options takes "
                                f"{count_segments(english).segments} SMS segments in English, "
                                f"over its budget of {budget}")
        if node.kind == "resource" and not node.skip:
            raise FlowError(f"{path.name}: nodes ({node.id}).skip: a resource choice needs somewhere to go on NEXT")
        if node.type == "ask" and node.next is None and not node.branches:
            raise FlowError(f"{path.name}: nodes ({node.id}): an ask node needs next or branches")
    if data["start"] not in nodes:
        raise FlowError(f"{path.name}: start: {data['start']!r} is not a node in this flow")
    flow = Flow(id=data["id"], start=data["start"], nodes=nodes, then=data.get("then"), entry=data.get("entry", False),
                trigger=data.get("trigger"),
                instrument=data.get("instrument", {}), path=path.name)
    return flow, texts


def _english(texts: list[Text], key: str) -> str:
    return next(t.english for t in texts if t.key == key)


def _node(raw: dict, texts: list[Text], file: str, where: str) -> Node:
    def text(spec: dict | None, field: str, budget: int | None = None) -> str | None:
        if spec is None:
            return None
        t = Text(spec["key"], spec["en"], spec.get("budget", budget or DEFAULT_BUDGET))
        segments = count_segments(t.english).segments
        if segments > t.budget:
            raise FlowError(f"{file}: {where}.{field}: {segments} SMS segments in English, "
                            f"over its budget of {t.budget}")
        texts.append(t)
        return t.key

    answer = raw.get("answer", {})
    options = tuple(
        Option(
            code=o["code"],
            text_key=text(o["text"], f"answer.options[{j}].text"),
            loinc=o.get("loinc"),
            value=o.get("value"),
            generic=o.get("generic"),
            exclusive=o.get("exclusive", False),
            match={lang: tuple(words) for lang, words in o.get("match", {}).items()},
        )
        for j, o in enumerate(answer.get("options", []))
    )
    needs = tuple(
        {**n, "label": text(n["label"], f"needs[{j}].label")} for j, n in enumerate(raw.get("needs", []))
    )
    return Node(
        id=raw["id"],
        type=raw["type"],
        next=raw.get("next"),
        text_key=text(raw.get("text"), "text"),
        emit=raw.get("emit"),
        kind=answer.get("kind"),
        options=options,
        skippable=answer.get("skippable", False),
        branches=raw.get("branches", {}),
        reask_key=text(raw.get("reask"), "reask"),
        read_ahead=raw.get("read_ahead", False),
        loinc=raw.get("loinc"),
        budget=raw.get("budget"),
        needs=needs,
        none_key=text(raw.get("none"), "none"),
        skip=raw.get("skip"),
        need_from=raw.get("need_from"),
        skip_needs=tuple(raw.get("skip_needs", ())),
        found=raw.get("found"),
        empty=raw.get("empty"),
        done=raw.get("done"),
        goto_flow=raw.get("flow"),
        goto_node=raw.get("node"),
    )


def _where(data, path: list) -> str:
    """'nodes[3] (q3).answer.kind' from a jsonschema error path."""
    out, node = "", data
    for part in path:
        if isinstance(part, int):
            node = node[part]
            label = f" ({node['id']})" if isinstance(node, dict) and "id" in node else ""
            out += f"[{part}]{label}"
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out += f".{part}" if out else part
    return out or "(top level)"


_FLOWS: dict[str, Flow] | None = None


def flows() -> dict[str, Flow]:
    """The flows of this checkout, loaded and checked once per process."""
    global _FLOWS
    if _FLOWS is None:
        _FLOWS = load_flows()
    return _FLOWS


def need_labels() -> dict[str, str]:
    """Need code -> the text key that names it to a client ("food-insecurity" -> "need.food")."""
    return {rule["need"]: rule["label"] for flow in flows().values() for node in flow.nodes.values()
            if node.type == "score" for rule in node.needs}
