"""Texts and languages: declaring client-facing texts, rendering them from the catalogs in the
client's language, and what a text costs in SMS segments. Imports nothing else of ours, so
flows, the engine, messaging and the dashboard can all stand on it."""

from bot.i18n.catalogs import LOCALES_DIR, Catalogs, catalogs, join_list, numbered, render, render_reply
from bot.i18n.languages import (
    BASE_LANGUAGE,
    LANGUAGE_NAMES,
    LANGUAGE_TAGS,
    LANGUAGES,
    SUPPORTED_LANGUAGES,
    TRANSLATED_LANGUAGES,
    Language,
)
from bot.i18n.texts import REGISTRY, T, Text, TextRegistry

__all__ = [
    "BASE_LANGUAGE", "LANGUAGES", "LANGUAGE_NAMES", "LANGUAGE_TAGS", "LOCALES_DIR",
    "REGISTRY", "SUPPORTED_LANGUAGES", "TRANSLATED_LANGUAGES", "Catalogs", "Language", "T", "Text",
    "TextRegistry", "catalogs", "join_list", "numbered", "render", "render_reply",
]
