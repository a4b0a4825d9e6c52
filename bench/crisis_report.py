"""Recall and false-alarm rate of crisis detection per language and kind, on the labelled messages.

Run with `python bench/crisis_report.py`. Recall counts a crisis as caught only with the right kind.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.understanding.crisis import CrisisKind, detect_crisis  # noqa: E402

DATA = ROOT / "tests" / "data" / "crisis_messages.yaml"
KINDS = [kind.value for kind in CrisisKind]


def evaluate(labelled: dict[str, list[dict]]) -> tuple[list[list[str]], list[str]]:
    rows, misses = [], []
    totals: Counter[str] = Counter()
    for lang, items in labelled.items():
        counts: Counter[str] = Counter()
        for item in items:
            found = detect_crisis(item["text"])
            got = found.kind.value if found else None
            want = item["kind"]
            if want is None:
                counts["ordinary"] += 1
                counts["false_alarm"] += got is not None
            else:
                counts[want] += 1
                counts[f"{want}_caught"] += got == want
            if got != want:
                misses.append(f"  {lang}: {item['text']!r} expected {want}, got {got}")
        totals.update(counts)
        rows.append(_row(lang, counts))
    rows.append(_row("all", totals))
    return rows, misses


def _row(name: str, counts: Counter[str]) -> list[str]:
    cells = [name]
    crises = caught = 0
    for kind in KINDS:
        cells.append(f"{counts[f'{kind}_caught']}/{counts[kind]}")
        crises += counts[kind]
        caught += counts[f"{kind}_caught"]
    cells.append(f"{100 * caught / crises:.1f}%" if crises else "-")
    ordinary = counts["ordinary"]
    cells.append(f"{counts['false_alarm']}/{ordinary} ({100 * counts['false_alarm'] / ordinary:.1f}%)" if ordinary
                 else "-")
    return cells


def main() -> None:
    labelled = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    rows, misses = evaluate(labelled)
    header = ["language", *KINDS, "recall", "false alarms"]
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
    texts = [item["text"] for items in labelled.values() for item in items]
    start = time.perf_counter()
    rounds = 20
    for _ in range(rounds):
        for text in texts:
            detect_crisis(text)
    per_message = (time.perf_counter() - start) / (rounds * len(texts)) * 1e6
    print(f"\n{len(texts)} messages, {per_message:.0f} µs per message on average")
    if misses:
        print("\nmisclassified:")
        print("\n".join(misses))


if __name__ == "__main__":
    main()
