"""Babel extractor: pulls every text of a flow file into `messages.pot` (msgctxt = key, msgid = English)."""

from __future__ import annotations

import yaml


def extract_flows(fileobj, keywords, comment_tags, options):
    data = yaml.safe_load(fileobj.read().decode("utf-8"))
    seen = set()
    for spec in _texts(data):
        if spec["key"] not in seen:
            seen.add(spec["key"])
            yield 0, "pgettext", (spec["key"], spec["en"]), [f"budget: {spec.get('budget', 2)} SMS segments"]


def _texts(node):
    if isinstance(node, dict):
        if "key" in node and "en" in node and isinstance(node["en"], str):
            yield node
        for value in node.values():
            yield from _texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _texts(item)
