"""Measuring the understanding on a corpus part: crisis, first-message language, replies, opt-out.

`evaluate(corpus)` runs every detector on every item and counts outcomes per language (and per kind
or question); `report()` prints them as tables and `failures()` lists the floors that are not met.
Definitions (docs/UNDERSTANDING.md):
- crisis recall: crisis messages answered as a certain crisis (911/988); "+possible" adds those sent
  to a person as a possible crisis. False alarms: near-misses and ordinary messages alarmed.
- language: right when the label is the detected language, or one of the two the conversation would
  answer in when unsure; a message nobody could place (label null) is right when not guessed.
- replies: right (the labelled codes, or asked again when the label is null), asked again, wrong.
- opt-out: recall (certain or probable), false opt-outs among messages that only use the words.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from bot.understanding.answers import parse_answer
from bot.understanding.crisis import detect_crisis
from bot.understanding.keywords import Keyword, classify_keyword
from bot.understanding.language import detect_language, guess_languages
from bot.understanding.learned.corpus import CRISIS_KINDS, LANGUAGES, QUESTIONS, Corpus
from flows.loader import flows

FLOORS = {"crisis_recall": 0.98, "false_alarms": 0.05, "replies_right": 0.95, "replies_wrong": 0.01,
          "language": 0.95}


@dataclass
class Results:
    """Counters keyed by (language, measure) and (kind or question, measure)."""

    crisis: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    crisis_kinds: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    language: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    replies: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    questions: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    optout: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    misses: list[str] = field(default_factory=list)


def evaluate(corpus: Corpus) -> Results:
    res = Results()
    for item in corpus.crisis:
        found = detect_crisis(item.text)
        level = None if found is None else ("certain" if found.certain else "possible")
        got = found.kind.value if found else None
        for counts in (res.crisis[item.lang], res.crisis["all"]):
            _count_crisis(counts, item.kind, level)
        if item.kind:
            _count_crisis(res.crisis_kinds[item.kind], item.kind, level)
            res.crisis_kinds[item.kind]["kind_right"] += got == item.kind
        if (item.kind is None) != (level is None) or (item.kind and level != "certain"):
            res.misses.append(f"crisis {item.lang}: {item.text!r} is {item.kind}, got {got} ({level})")
    for item in corpus.first:
        detected = detect_language(item.text)
        answered = (detected,) if detected else guess_languages(item.text)[:2]
        right = detected is None if item.language is None else item.language in answered
        for counts in (res.language[item.language or "none"], res.language["all"]):
            counts["n"] += 1
            counts["right"] += right
            counts["both"] += bool(right and item.language and detected is None)
        if not right:
            res.misses.append(f"language: {item.text!r} is {item.language}, got {detected} / {answered}")
    nodes = {q: flows()[flow].node(node) for q, (flow, node) in QUESTIONS.items()}
    for item in corpus.replies:
        found = detect_crisis(item.text)
        for counts in (res.replies[item.lang], res.replies["all"]):
            counts["alarm_certain"] += bool(found and found.certain)
            counts["alarm_possible"] += bool(found and not found.certain)
        codes = parse_answer(nodes[item.question], item.text, item.lang)
        if item.codes is None:
            outcome = "right" if codes is None else "wrong"
        elif codes is None:
            outcome = "again"
        else:
            outcome = "right" if sorted(codes) == sorted(item.codes) else "wrong"
        for counts in (res.replies[item.lang], res.replies["all"], res.questions[item.question]):
            counts["n"] += 1
            counts[outcome] += 1
        if outcome != "right":
            res.misses.append(f"reply {item.lang} {item.question}: {item.text!r} is {item.codes}, got {codes}")
    for item in corpus.optout:
        match = classify_keyword(item.text)
        stop = match is not None and match.keyword is Keyword.STOP
        certain = stop and getattr(match, "certain", True)
        for counts in (res.optout[item.lang], res.optout["all"]):
            counts[item.optout] += 1
            counts[f"{item.optout}_stop"] += stop
            counts[f"{item.optout}_certain"] += certain
        if stop != (item.optout != "no") and item.optout != "maybe":
            res.misses.append(f"optout {item.lang}: {item.text!r} is {item.optout}, got {match}")
    return res


def _count_crisis(counts: Counter, kind: str | None, level: str | None) -> None:
    if kind:
        counts["crisis"] += 1
        counts["certain"] += level == "certain"
        counts["possible"] += level == "possible"
    else:
        counts["ordinary"] += 1
        counts["alarm_certain"] += level == "certain"
        counts["alarm_possible"] += level == "possible"


def _rate(num: int, den: int) -> float:
    return num / den if den else 1.0


def crisis_recall(c: Counter) -> float:
    return _rate(c["certain"], c["crisis"])


def false_alarms(c: Counter) -> float:
    return _rate(c["alarm_certain"], c["ordinary"]) if c["ordinary"] else 0.0


def failures(res: Results) -> list[str]:
    """The floors not met, per language; empty when all are."""
    out = []
    for lang in LANGUAGES:
        c = res.crisis.get(lang, Counter())
        if c["crisis"] and crisis_recall(c) < FLOORS["crisis_recall"]:
            out.append(f"{lang}: crisis recall {crisis_recall(c):.3f} < {FLOORS['crisis_recall']}")
        if c["ordinary"] and false_alarms(c) > FLOORS["false_alarms"]:
            out.append(f"{lang}: false alarms {false_alarms(c):.3f} > {FLOORS['false_alarms']}")
        r = res.replies.get(lang, Counter())
        if r["n"] and _rate(r["right"], r["n"]) < FLOORS["replies_right"]:
            out.append(f"{lang}: replies right {_rate(r['right'], r['n']):.3f} < {FLOORS['replies_right']}")
        if r["n"] and _rate(r["wrong"], r["n"]) > FLOORS["replies_wrong"]:
            out.append(f"{lang}: replies wrong {_rate(r['wrong'], r['n']):.3f} > {FLOORS['replies_wrong']}")
    lang_all = res.language.get("all", Counter())
    if lang_all["n"] and _rate(lang_all["right"], lang_all["n"]) < FLOORS["language"]:
        out.append(f"first-message language {_rate(lang_all['right'], lang_all['n']):.3f} < {FLOORS['language']}")
    return out


def report(res: Results) -> str:
    lines = ["Crisis (recall = answered as a certain crisis; +possible = or sent to a person as possible)",
             _row("", "crises", "recall", "+possible", "ordinary", "false alarms", "+possible")]
    for key in (*LANGUAGES, "all"):
        c = res.crisis.get(key)
        if c:
            lines.append(_row(key, c["crisis"], crisis_recall(c), _rate(c["certain"] + c["possible"], c["crisis"]),
                              c["ordinary"], false_alarms(c),
                              _rate(c["alarm_certain"] + c["alarm_possible"], c["ordinary"]) if c["ordinary"] else 0))
    lines += ["", _row("kind", "crises", "recall", "+possible", "right kind")]
    for kind in CRISIS_KINDS:
        c = res.crisis_kinds.get(kind)
        if c:
            lines.append(_row(kind, c["crisis"], crisis_recall(c), _rate(c["certain"] + c["possible"], c["crisis"]),
                              _rate(c["kind_right"], c["crisis"])))
    lines += ["", "First-message language (right: detected, or one of two answered in)",
              _row("", "messages", "right", "in both")]
    for key in (*LANGUAGES, "none", "all"):
        c = res.language.get(key)
        if c:
            lines.append(_row(key, c["n"], _rate(c["right"], c["n"]), c["both"]))
    lines += ["", "Screening replies (and the crisis alarms they would raise: certain, possible)",
              _row("", "replies", "right", "asked again", "wrong", "alarm", "possible")]
    for key in (*LANGUAGES, "all", "", *QUESTIONS):
        c = res.replies.get(key) or res.questions.get(key)
        if c:
            lines.append(_row(key, c["n"], _rate(c["right"], c["n"]), _rate(c["again"], c["n"]),
                              _rate(c["wrong"], c["n"]), *((_rate(c["alarm_certain"], c["n"]),
                                                           _rate(c["alarm_possible"], c["n"])) if key in res.replies
                                                          else ())))
    lines += ["", "Opt-out (recall: certain or probable; maybe: 'probable' messages opted out)",
              _row("", "opt-outs", "recall", "certain", "not", "false", "maybe", "opted out")]
    for key in sorted(res.optout, key=lambda k: (k == "all", k not in LANGUAGES, k)):
        c = res.optout[key]
        lines.append(_row(key, c["yes"], _rate(c["yes_stop"], c["yes"]), _rate(c["yes_certain"], c["yes"]), c["no"],
                          _rate(c["no_stop"], c["no"]) if c["no"] else 0, c["maybe"],
                          _rate(c["maybe_stop"], c["maybe"]) if c["maybe"] else 0))
    return "\n".join(lines)


def _row(first: str, *cells: Iterable) -> str:
    return f"{first:<14}" + "".join(f"{c:>13.3f}" if isinstance(c, float) else f"{c!s:>13}" for c in cells)
