"""A labelled number: one bar of a chart, one row of a two-column table."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from casework.labels import label


@dataclass(frozen=True)
class Count:
    code: str | None  # what the records hold ("es", "food-insecurity"); None when they hold nothing
    label: str  # what a reader sees
    value: int


def counts(rows: Iterable[tuple[str | None, int]], labels: dict[str, str], missing: str = "Not recorded",
           order: Iterable[str] | None = None) -> tuple[Count, ...]:
    """(code, n) rows -> Counts, largest first (or in `order`, codes not in it after), ties by label."""
    items = [Count(code, label(labels, code, missing), int(n)) for code, n in rows if n]
    if order is not None:
        rank = {code: i for i, code in enumerate(order)}
        return tuple(sorted(items, key=lambda c: (rank.get(c.code, len(rank)), c.label)))
    return tuple(sorted(items, key=lambda c: (-c.value, c.label)))
