"""Need -> taxonomy mapping: which services answer a social need such as food-insecurity.

The mapping is data (`directory/needs.yaml`, or a YAML/JSON file named by DIRECTORY_NEEDS_FILE) so a
program can add its own taxonomy's codes without touching code. A service answers a need when one of
its taxonomy terms is a mapped term or a descendant of one; a service with no terms at all is matched
by keywords in its name and description instead (a fallback: less precise, and marked as such).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_NEEDS_FILE = Path(__file__).with_name("needs.yaml")
NEEDS_FILE_ENV = "DIRECTORY_NEEDS_FILE"


@dataclass(frozen=True)
class Need:
    name: str
    terms: tuple[str, ...]
    preferred: tuple[str, ...]
    keywords: tuple[str, ...]

    def keyword_pattern(self) -> re.Pattern | None:
        if not self.keywords:
            return None
        words = sorted(self.keywords, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in words)
        return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


class NeedsFileError(ValueError):
    """The needs mapping file is missing or malformed."""


def load_needs(path: str | Path | None = None) -> dict[str, Need]:
    """Read the mapping (YAML or JSON: {need: {terms, preferred, keywords}}), checking its shape."""
    source = Path(path) if path else DEFAULT_NEEDS_FILE
    try:
        raw_text = source.read_text(encoding="utf-8")
        data = json.loads(raw_text) if source.suffix == ".json" else yaml.safe_load(raw_text)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise NeedsFileError(f"cannot read the needs mapping {source}: {exc}") from exc
    if not isinstance(data, dict) or not data:
        raise NeedsFileError(f"{source}: expected a mapping of need name -> terms/preferred/keywords")
    needs = {}
    for name, spec in data.items():
        if not isinstance(spec, dict) or not set(spec) <= {"terms", "preferred", "keywords"}:
            raise NeedsFileError(f"{source}: need {name!r} must have only terms, preferred, keywords")
        needs[str(name)] = Need(
            name=str(name),
            terms=_strings(spec.get("terms")),
            preferred=_strings(spec.get("preferred")),
            keywords=_strings(spec.get("keywords")),
        )
    return needs


def term_needs(
    needs: dict[str, Need], terms: Iterable[tuple[str, str | None, str | None]]
) -> dict[str, dict[str, bool]]:
    """{term id: {need: preferred?}} for every term (id, code, parent_id) that answers a need."""
    terms = list(terms)
    children: dict[str, list[str]] = defaultdict(list)
    by_key: dict[str, list[str]] = defaultdict(list)
    for term_id, code, parent_id in terms:
        if parent_id:
            children[parent_id].append(term_id)
        by_key[term_id].append(term_id)
        if code:
            by_key[code].append(term_id)

    def with_descendants(keys: Iterable[str]) -> set[str]:
        found: set[str] = set()
        todo = [t for key in keys for t in by_key.get(key, ())]
        while todo:
            term_id = todo.pop()
            if term_id not in found:
                found.add(term_id)
                todo.extend(children.get(term_id, ()))
        return found

    result: dict[str, dict[str, bool]] = defaultdict(dict)
    for need in needs.values():
        preferred = with_descendants(need.preferred)
        for term_id in with_descendants(need.terms) | preferred:
            result[term_id][need.name] = term_id in preferred
    return dict(result)


def keyword_needs(needs: dict[str, Need], *texts: str | None) -> list[str]:
    """The needs whose keywords appear in any of the texts (for services without taxonomy terms)."""
    joined = " ".join(t for t in texts if t)
    return [n.name for n in needs.values() if (p := _pattern(n)) is not None and p.search(joined)]


_patterns: dict[Need, re.Pattern | None] = {}


def _pattern(need: Need) -> re.Pattern | None:
    if need not in _patterns:
        _patterns[need] = need.keyword_pattern()
    return _patterns[need]


def _strings(values) -> tuple[str, ...]:
    if values is None:
        return ()
    if not isinstance(values, list):
        raise NeedsFileError(f"expected a list, got {values!r}")
    return tuple(str(v).strip() for v in values if str(v).strip())
