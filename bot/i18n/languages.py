"""The languages the assistant speaks: the one list every other part reads.

Order matters: it is the order of the language menu (`flows/language.yaml` lists the same
codes). Codes are the catalog names under `locales/` and what `Client.language` stores;
`name` is what staff read, `tag` the BCP 47 tag a FHIR export carries.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # "zh_Hans"
    name: str  # "Chinese (Simplified)"
    tag: str  # "zh-Hans"


LANGUAGES = (
    Language("en", "English", "en"),
    Language("es", "Spanish", "es"),
    Language("vi", "Vietnamese", "vi"),
    Language("zh_Hans", "Chinese (Simplified)", "zh-Hans"),
    Language("ht", "Haitian Creole", "ht"),
    Language("ar", "Arabic", "ar"),
)
BASE_LANGUAGE = "en"  # the source texts' language, and the fallback for a missing translation
SUPPORTED_LANGUAGES = tuple(lang.code for lang in LANGUAGES)
TRANSLATED_LANGUAGES = tuple(code for code in SUPPORTED_LANGUAGES if code != BASE_LANGUAGE)
LANGUAGE_NAMES = {lang.code: lang.name for lang in LANGUAGES}
LANGUAGE_TAGS = {lang.code: lang.tag for lang in LANGUAGES}
