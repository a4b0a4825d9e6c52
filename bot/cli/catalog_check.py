"""Are the translations complete, current and within budget? Every text, every language.

`problems()` lists what must be fixed before a release (CI fails on any): a text with no
translation, a fuzzy one, one made for older English wording, a translation whose
`{placeholders}` differ from the English, and any message a client would read that takes
more SMS segments than its budget. Budgets count what is actually sent: a text with its
sample parameters (and what the conversation fills in, a need, a page of resources, a
provider, as a client reading that language gets them), a question with its numbered
options (and the re-ask that lists them again), a screening summary with every need
listed. `measures()` holds the counts behind `report()`, the table translators work from.
"""

from __future__ import annotations

import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Message
from babel.messages.pofile import read_po

from bot.engine import texts
from bot.i18n import (
    BASE_LANGUAGE,
    LOCALES_DIR,
    REGISTRY,
    SUPPORTED_LANGUAGES,
    TRANSLATED_LANGUAGES,
    Text,
    join_list,
    numbered,
)
from bot.i18n.segments import GSM7, count_segments
from flows.loader import DEFAULT_BUDGET, flows
from flows.model import Flow, Node


@dataclass(frozen=True)
class Problem:
    """Something a translator or developer must fix, e.g. `es intake.zip: not translated`."""

    lang: str
    key: str
    kind: str  # no_catalog | header_fuzzy | missing | outdated | fuzzy | placeholders | over_budget
    detail: str

    def __str__(self) -> str:
        return f"{self.lang} {self.key}: {self.detail}"


@dataclass(frozen=True)
class Measure:
    """What one message costs in one language, e.g. `screening.hurt (with options)`, vi: 3 of 4 segments."""

    name: str
    lang: str
    encoding: str
    units: int  # GSM-7 septets or UTF-16 units
    segments: int
    budget: int | None  # None: an answer option, never sent alone (counted within its question)

    @property
    def over(self) -> bool:
        return self.budget is not None and self.segments > self.budget


class Translations:
    """One language's catalog as its `.po` file has it, fuzzy entries included."""

    def __init__(self, lang: str, locales_dir: Path = LOCALES_DIR) -> None:
        self.lang = lang
        self.path = locales_dir / lang / "LC_MESSAGES" / "messages.po"
        self.exists = lang == BASE_LANGUAGE or self.path.exists()
        self.header_fuzzy = False
        self.messages: dict[tuple[str, str], Message] = {}
        self.by_key: dict[str, Message] = {}
        if lang != BASE_LANGUAGE and self.path.exists():
            with self.path.open("rb") as fh:
                catalog = read_po(fh, locale=lang)
            self.header_fuzzy = catalog.fuzzy
            for msg in catalog:
                if msg.id and msg.context:
                    self.messages[(msg.context, msg.id)] = msg
                    self.by_key[msg.context] = msg

    def text(self, text: Text) -> str:
        """What a client reading this language receives: the translation, or the English (as `render` does)."""
        msg = self.messages.get((text.key, text.english))
        if msg is None or not msg.string or msg.fuzzy:
            return text.english
        return msg.string


def problems(locales_dir: Path = LOCALES_DIR) -> list[Problem]:
    """Everything wrong with the catalogs, in language order; empty when ready to ship."""
    found: list[Problem] = []
    for lang in TRANSLATED_LANGUAGES:
        tr = Translations(lang, locales_dir)
        if not tr.exists:
            found.append(Problem(lang, "(catalog)", "no_catalog", f"no catalog at {tr.path}: run `make catalogs`"))
            continue
        if tr.header_fuzzy:
            found.append(Problem(lang, "(catalog)", "header_fuzzy", "the catalog header is marked fuzzy"))
        found += _entry_problems(tr)
    found += [Problem(m.lang, m.name, "over_budget",
                      f"{m.segments} SMS segments ({m.encoding}, {m.units} characters), over its budget of {m.budget}")
              for m in measures(locales_dir) if m.over]
    return found


def _entry_problems(tr: Translations) -> Iterator[Problem]:
    for text in _registered():
        msg = tr.messages.get((text.key, text.english))
        if msg is None:
            if text.key in tr.by_key:
                yield Problem(tr.lang, text.key, "outdated",
                              "translated from older English wording: run `make catalogs` and translate it again")
            else:
                yield Problem(tr.lang, text.key, "missing", "not in the catalog: run `make catalogs`")
        elif not msg.string:
            yield Problem(tr.lang, text.key, "missing", "not translated")
        elif msg.fuzzy:
            yield Problem(tr.lang, text.key, "fuzzy", "marked fuzzy: check the translation and remove the flag")
        else:
            wanted, got = _placeholders(text.english), _placeholders(msg.string)
            if wanted != got:
                yield Problem(tr.lang, text.key, "placeholders",
                              f"placeholders {sorted(got) if got is not None else 'are malformed'}, "
                              f"the English has {sorted(wanted or ())}")


def _placeholders(template: str) -> set[str] | None:
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return None


def measures(locales_dir: Path = LOCALES_DIR) -> list[Measure]:
    """Segments per message and language: every text, then every assembled message of the flows."""
    registered = _registered()
    out: list[Measure] = []
    for lang in SUPPORTED_LANGUAGES:
        tr = Translations(lang, locales_dir)
        params = _conversation_params(tr)
        for name, budget, compose in _messages(registered):
            info = count_segments(compose(tr, params))
            out.append(Measure(name, lang, info.encoding, info.units, info.segments, budget))
    return out


def _registered() -> list[Text]:
    flows()  # flow texts join the registry when the flows are loaded
    return list(REGISTRY)


Compose = Callable[[Translations, dict], str]


def _messages(registered: list[Text]) -> Iterator[tuple[str, int | None, Compose]]:
    """(name, budget, how to build it in a language) for every text, then every assembled message."""
    options_only = _option_labels()
    for text in registered:
        budget = None if text.key in options_only else text.budget
        yield text.key, budget, lambda tr, params, text=text: _fill(tr.text(text), {**params, **text.sample})
    for flow in flows().values():
        for node in flow.nodes.values():
            yield from _assembled(flow, node)


def _option_labels() -> set[str]:
    """Keys of texts that are only ever sent as a numbered answer option."""
    options, alone = set(), set()
    for flow in flows().values():
        for node in flow.nodes.values():
            options.update(o.text_key for o in node.options)
            alone.update(k for k in (node.text_key, node.reask_key, node.none_key) if k)
            alone.update(n["label"] for n in node.needs)
    return options - alone


def _assembled(flow: Flow, node: Node) -> Iterator[tuple[str, int, Compose]]:
    name = f"{flow.id}.{node.id}"
    if node.type == "ask" and node.options:
        options = [REGISTRY[o.text_key] for o in node.options]
        budget = node.budget or DEFAULT_BUDGET

        def labels(tr: Translations) -> list[str]:
            return [tr.text(o) for o in options]

        question = REGISTRY[node.text_key]
        yield f"{name} (with options)", budget, lambda tr, params: numbered(_fill(tr.text(question), params),
                                                                           labels(tr))
        if not node.reask_key:
            yield f"{name} (re-ask)", budget, lambda tr, params: numbered(tr.text(texts.REASK), labels(tr))
    elif node.type == "summary":
        summary = REGISTRY[node.text_key]
        needs = [REGISTRY[n["label"]] for score in flow.nodes.values() for n in score.needs]

        def every_need(tr: Translations, params: dict) -> str:
            listed = join_list([tr.text(n) for n in needs], tr.lang)
            return _fill(tr.text(summary), {"needs": listed})

        yield f"{name} (every need)", summary.budget, every_need


# A page of resources as `bot.pipeline.suggestions.describe` lines them up: name, phone, distance, hours.
SAMPLE_RESOURCES = (
    ("Eastside Community Food Pantry", "(617) 555-0100", texts.OPEN_UNTIL),
    ("St. Mary's Family Shelter", "(617) 555-0142", texts.CLOSED_TODAY),
    ("Neighborhood Housing Help Center", None, texts.OPENS_TODAY),
)


def _conversation_params(tr: Translations) -> dict:
    """What the conversation fills in, as a client reading `tr.lang` gets it: `{need}` (the longest need
    label), `{list}` (a page of resources, numbered as the runner lists them), a provider's `{name}`,
    `{phone}` and `{details}` (address, hours, map). A text's own sample parameters come first."""
    def piece(text: Text) -> str:
        return _fill(tr.text(text), text.sample)

    lines = [", ".join([name, phone or piece(texts.NO_PHONE), piece(texts.MILES), piece(hours)])
             for name, phone, hours in SAMPLE_RESOURCES]
    needs = [tr.text(REGISTRY[n["label"]]) for flow in flows().values() for node in flow.nodes.values()
             for n in node.needs]
    return {
        "need": max(needs, key=len, default="{need}"),
        "list": "\n".join(f"{i} {line}" for i, line in enumerate(lines, 1)),
        "name": SAMPLE_RESOURCES[0][0],
        "phone": SAMPLE_RESOURCES[0][1],
        "details": "\n".join(piece(t) for t in (texts.ADDRESS, texts.HOURS, texts.MAP)),
        "language_name": max((tr.text(t) for t in texts.LANGUAGE_CALLED.values()), key=len),
    }


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def _fill(template: str, params: dict) -> str:
    """The text with its sample parameters; a parameter without a sample is counted as written."""
    try:
        return template.format_map(_KeepMissing(params))
    except (ValueError, IndexError, AttributeError):
        return template  # malformed placeholders are reported on their own


def report(locales_dir: Path = LOCALES_DIR, markdown: bool = False) -> str:
    """A table: each message's segments per language, its encoding and length; over-budget cells flagged."""
    rows: dict[str, dict[str, Measure]] = {}
    budgets: dict[str, int] = {}
    for m in measures(locales_dir):
        rows.setdefault(m.name, {})[m.lang] = m
        budgets[m.name] = m.budget
    header = ["message", "budget", *SUPPORTED_LANGUAGES]
    body = [[name, str(budgets[name] or "-"), *(_cell(by_lang[lang], markdown) for lang in SUPPORTED_LANGUAGES)]
            for name, by_lang in rows.items()]
    over = sum(m.over for by_lang in rows.values() for m in by_lang.values())
    legend = (f"Cells: segments, encoding (G = GSM-7, U = UCS-2), characters. Budget -: an answer option, "
              f"counted within its question. {over} over budget{' (marked OVER)' if over else ''}.")
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
        lines += ["| " + " | ".join([f"`{row[0]}`", *row[1:]]) + " |" for row in body]
        return "\n".join(lines) + "\n\n" + legend
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in [header, *body]]
    return "\n".join(lines) + "\n" + legend


def _cell(m: Measure, markdown: bool) -> str:
    cell = f"{m.segments} {'G' if m.encoding == GSM7 else 'U'} {m.units}"
    if not m.over:
        return cell
    return f"**{cell} OVER**" if markdown else f"{cell} OVER"
