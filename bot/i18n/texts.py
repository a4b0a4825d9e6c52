"""Declaring client-facing texts: each has a stable key, its English source and an SMS budget.

The key is the gettext msgctxt and the English the msgid, so `pybabel update` keeps translations
attached when wording changes, and a CHW can read the English next to what the client was sent.
Texts are declared in code with `T(...)` and by the flow files; both land in `REGISTRY`.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Text:
    """A client-facing text: key, English source, and how many SMS segments it may take."""

    key: str
    english: str
    budget: int = 2
    sample: dict = field(default_factory=dict)  # example parameters, for the budget check

    def params(self) -> list[str]:
        return [name for _, name, _, _ in string.Formatter().parse(self.english) if name]


class TextRegistry:
    """Every text the assistant can send, from code and from flows."""

    def __init__(self) -> None:
        self._texts: dict[str, Text] = {}

    def add(self, text: Text) -> Text:
        known = self._texts.get(text.key)
        if known is not None and known.english != text.english:
            raise ValueError(f"text key {text.key!r} is defined twice with different wording")
        self._texts[text.key] = text
        return text

    def __getitem__(self, key: str) -> Text:
        return self._texts[key]

    def __contains__(self, key: str) -> bool:
        return key in self._texts

    def __iter__(self):
        return iter(self._texts.values())


REGISTRY = TextRegistry()


def T(key: str, english: str, budget: int = 2, **sample: str) -> Text:
    """Declare a client-facing text (extracted by pybabel with the keyword spec T:1c,2)."""
    return REGISTRY.add(Text(key, english, budget, sample))
