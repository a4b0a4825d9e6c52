"""Client-facing texts: looked up by key in the gettext catalogs, in the client's language.

Every text has a stable key (the gettext msgctxt) and its English source (the msgid), so
`pybabel update` keeps translations attached when wording changes, and a CHW can read the
English next to what the client was sent. Catalogs are read straight from the `.po` files
at start-up: there is no compile step to forget.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
BASE_LANGUAGE = "en"
# Order matters: it is the order of the language menu.
SUPPORTED_LANGUAGES = ("en", "es", "vi", "zh_Hans", "ht", "ar")


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


class Catalogs:
    """Translations for every supported language, read from `locales/<lang>/LC_MESSAGES/messages.po`."""

    def __init__(self, locales_dir: Path = LOCALES_DIR) -> None:
        self._by_lang: dict[str, dict[tuple[str, str], str]] = {}
        for lang in SUPPORTED_LANGUAGES:
            po = locales_dir / lang / "LC_MESSAGES" / "messages.po"
            table: dict[tuple[str, str], str] = {}
            if po.exists():
                with po.open("rb") as fh:
                    catalog = read_po(fh, locale=lang)
                for msg in catalog:
                    if msg.id and msg.string and not msg.fuzzy:
                        table[(msg.context or "", msg.id)] = msg.string
            self._by_lang[lang] = table

    def translate(self, text: Text, lang: str | None) -> str:
        """The text in `lang`, falling back to English when a translation is missing."""
        if lang and lang != BASE_LANGUAGE:
            found = self._by_lang.get(lang, {}).get((text.key, text.english))
            if found:
                return found
        return text.english


_catalogs: Catalogs | None = None


def catalogs() -> Catalogs:
    global _catalogs
    if _catalogs is None:
        _catalogs = Catalogs()
    return _catalogs


def render(key: str, lang: str | None, **params: object) -> str:
    """Render text `key` for a client who reads `lang`."""
    text = REGISTRY[key]
    template = catalogs().translate(text, lang)
    return template.format(**params) if params or text.params() else template


LIST_SEPARATORS = {"zh_Hans": "、", "ar": "، "}


def numbered(question: str, options: list[str]) -> str:
    """A question followed by its options, one per line: '1 Yes', '2 No'."""
    return question + "\n" + "\n".join(f"{i} {label}" for i, label in enumerate(options, 1))


def render_reply(key: str, lang: str | None, params: dict, options: tuple[str, ...] = ()) -> str:
    """Render a reply: list parameters are lists of text keys (translated and joined), options numbered."""
    values = {
        name: LIST_SEPARATORS.get(lang or "", ", ").join(render(k, lang) for k in value)
        if isinstance(value, (list, tuple)) else value
        for name, value in params.items()
    }
    body = render(key, lang, **values)
    return numbered(body, [render(k, lang) for k in options]) if options else body
