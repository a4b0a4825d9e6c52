"""The AHC HRSN screening as the export needs it, read from flows/screening.yaml: each item's LOINC
code, English wording and answer codes, and which items are the evidence for which need."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from bot.i18n import REGISTRY
from flows.loader import flows


@dataclass(frozen=True)
class Item:
    question: str  # the flow's node id ("food_worry")
    loinc: str
    text: str  # the official English wording
    answers: dict[str, str]  # answer LOINC code -> English wording
    domains: tuple[str, ...]  # Gravity domains this item is evidence for


@dataclass(frozen=True)
class Score:
    loinc: str  # "95614-4"
    text: str
    questions: tuple[str, ...]  # the items it sums
    domain: str


@dataclass(frozen=True)
class Instrument:
    loinc: str
    name: str
    items: tuple[Item, ...]
    scores: tuple[Score, ...]
    evidence: dict[str, tuple[str, ...]]  # need domain -> item or score LOINC codes

    def item(self, question: str) -> Item | None:
        return next((i for i in self.items if i.question == question), None)


@cache
def ahc_hrsn() -> Instrument:
    flow = flows()["screening"]
    rules = [rule for node in flow.nodes.values() if node.type == "score" for rule in node.needs]
    scores, evidence, domains_of = [], {}, {}
    for rule in rules:
        when = rule["when"]
        if "sum" in when:
            scores.append(Score(when["loinc"], "Interpersonal safety score (sum of items 7-10)", tuple(when["sum"]),
                                rule["need"]))
            evidence[rule["need"]] = (when["loinc"],)
            continue
        questions = [w["answer"] for w in when.get("any", [when])]
        for q in questions:
            domains_of.setdefault(q, []).append(rule["need"])
        evidence[rule["need"]] = tuple(flow.nodes[q].loinc for q in questions)
    for score in scores:
        for q in score.questions:
            domains_of.setdefault(q, []).append(score.domain)
    items = tuple(
        Item(node.id, node.loinc, REGISTRY[node.text_key].english,
             {o.loinc: REGISTRY[o.text_key].english for o in node.options if o.loinc},
             tuple(domains_of.get(node.id, ())))
        for node in flow.nodes.values() if node.type == "ask" and node.loinc
    )
    return Instrument(flow.instrument["loinc"], flow.instrument["name"], items, tuple(scores), evidence)
