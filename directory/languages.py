"""Language names and codes as directories write them ("Spanish", "es", "spa", "Kreyol", "zh-Hant")
reduced to one comparable code, so a Vietnamese-speaking client finds services that offer "vi".
Cantonese keeps its own code (yue): a service that speaks only Cantonese does not really offer
Mandarin to a client who reads simplified Chinese, so it is not ranked as if it did.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

# ISO 639-2/3 codes and everyday names that babel's English names do not cover.
_ALIASES = {
    "eng": "en", "spa": "es", "vie": "vi", "zho": "zh", "chi": "zh", "cmn": "zh", "yue": "yue",
    "hat": "ht", "ara": "ar", "fra": "fr", "fre": "fr", "por": "pt", "rus": "ru", "kor": "ko",
    "tgl": "tl", "fil": "tl", "pol": "pl", "som": "so", "amh": "am", "hin": "hi", "urd": "ur",
    "ben": "bn", "ita": "it", "deu": "de", "ger": "de", "jpn": "ja", "fas": "fa", "per": "fa",
    "mandarin": "zh", "cantonese": "yue", "chinese": "zh", "creole": "ht", "haitian": "ht",
    "kreyol": "ht", "kreyòl": "ht", "kreyol ayisyen": "ht", "farsi": "fa", "espanol": "es",
    "español": "es", "asl": "ase", "sign language": "ase",
}
_SPLIT = re.compile(r"[-_\s]")


@lru_cache(maxsize=4096)
def language_code(code: str | None = None, name: str | None = None) -> str | None:
    """The ISO 639-1 code (or 639-3 where none exists) for a published code or name; None if unknown."""
    for value in (code, name):
        found = _lookup(value)
        if found:
            return found
    return None


def client_language(tag: str | None) -> str | None:
    """A client's language setting ('zh_Hans', 'es', 'ht') as the code directories are matched on."""
    return _lookup(tag)


def _lookup(value: str | None) -> str | None:
    text = (value or "").strip().lower()
    if not text:
        return None
    names = _english_names()
    if text in names:
        return names[text]
    if text in _ALIASES:
        return _ALIASES[text]
    primary = _SPLIT.split(text, maxsplit=1)[0]
    if primary in _ALIASES:
        return _ALIASES[primary]
    if len(primary) in (2, 3) and primary in _known_codes():
        return primary
    return None


@lru_cache(maxsize=1)
def _english_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for code, name in Locale("en").languages.items():
        if "_" not in code:
            names.setdefault(name.lower(), code)
    return names


@lru_cache(maxsize=1)
def _known_codes() -> frozenset[str]:
    return frozenset(code for code in Locale("en").languages if "_" not in code)
