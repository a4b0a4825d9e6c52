"""Which needs a client names in their own words ("I need help with food", "me cortaron la luz"),
so that the need in their first text is the first one we find help for.

The words for each need and language are data, in the screening flow's scoring rules (`named:`);
they are matched as answer options are (bot/understanding/choices.py): anywhere in the text, in
the order written, accents optional, small typos forgiven, negated words ("not food") left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.understanding.choices import Option, match_choice


def named_needs(text: str, words: Mapping[str, Mapping[str, Sequence[str]]], lang: str | None) -> list[str]:
    """The needs `text` names, in the order it names them; [] for none (or a bare number).

    `words` maps need -> language -> phrases; without a known language each language is tried.

    >>> named_needs("they cut off my electric and I need food", {"food-insecurity": {"en": ["food"]},
    ...     "utility-insecurity": {"en": ["electric"]}}, "en")
    ['utility-insecurity', 'food-insecurity']
    """
    if not any(ch.isalpha() for ch in text):
        return []
    options = [Option(need, labels) for need, labels in words.items()]
    langs = [lang] if lang else list(dict.fromkeys(lg for labels in words.values() for lg in labels))
    for tried in langs:
        found = match_choice(text, options, tried, multi=True)
        if found:
            return found.codes
    return []
