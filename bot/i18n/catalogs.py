"""Rendering texts in the client's language, from the gettext catalogs under `locales/`.

Catalogs are read straight from the `.po` files at start-up: there is no compile step to
forget. A missing translation falls back to the English source.
"""

from __future__ import annotations

from pathlib import Path

from babel.lists import format_list
from babel.messages.pofile import read_po

from bot.i18n.languages import BASE_LANGUAGE, SUPPORTED_LANGUAGES
from bot.i18n.texts import REGISTRY, Text

LOCALES_DIR = Path(__file__).resolve().parent.parent.parent / "locales"


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


def _value(value: object, lang: str | None) -> object:
    if isinstance(value, (list, tuple)):
        return join_list([render(k, lang) for k in value], lang)
    if isinstance(value, dict):
        return value.get(lang or BASE_LANGUAGE, value.get(BASE_LANGUAGE, ""))
    return value


def join_list(items: list[str], lang: str | None) -> str:
    """Items as one phrase in `lang`'s own way: 'food, housing, and rides', 'comida, vivienda y
    transporte', '食物、住房和交通' (Babel's list patterns)."""
    return format_list(items, locale=lang or BASE_LANGUAGE)


def numbered(question: str, options: list[str]) -> str:
    """A question followed by its options, one per line: '1 Yes', '2 No'."""
    return question + "\n" + "\n".join(f"{i} {label}" for i, label in enumerate(options, 1))


def render_reply(key: str, lang: str | None, params: dict, options: tuple[str, ...] = ()) -> str:
    """Render a reply: list parameters are lists of text keys (translated and joined), dict
    parameters already written per language ({"es": ..., "en": ...}), options numbered."""
    values = {name: _value(value, lang) for name, value in params.items()}
    body = render(key, lang, **values)
    return numbered(body, [render(k, lang) for k in options]) if options else body
