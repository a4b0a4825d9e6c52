"""Phone numbers as directories publish them ("(617) 495-1000 x23", "+44 1234 234567", "1-800-FLOWERS")
turned into E.164 for machines and a familiar form for clients. The published text is always kept.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers

DEFAULT_REGION = "US"
# "(617) 495-1000", "617.495.1000", "+1 617 495 1000": checked without the (slow) general parser.
_PLAIN_NANP = re.compile(
    r"^(?:\+?1[\s.-]*)?\(?(\d{3})\)?[\s.-]*(\d{3})[\s.-]*(\d{4})"
    r"(?:\s*(?:x|ext\.?|extension)\s*(\d{1,6}))?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=65536)
def normalize(raw: str, region: str = DEFAULT_REGION) -> tuple[str | None, str | None]:
    """(E.164 or None when not a valid number, extension found inside the text or None)."""
    text = raw.strip().strip("\"'").strip()
    if not text:
        return None, None
    plain = _PLAIN_NANP.match(text)
    if plain:  # a North American number: skip the general parser, which is slow
        area, exchange, line, extension = plain.groups()
        national = area + exchange + line
        if _us_number().fullmatch(national):
            return f"+1{national}", extension
        number = phonenumbers.PhoneNumber(country_code=1, national_number=int(national))
        if not phonenumbers.is_valid_number(number):  # Canada, the Caribbean
            return None, None
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164), extension
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None, None
    if not phonenumbers.is_valid_number(number):
        return None, None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return e164, number.extension or None


@lru_cache(maxsize=1)
def _us_number() -> re.Pattern:
    """phonenumbers' own patterns for every kind of valid US number, as one expression: the same
    answer as is_valid_number_for_region(n, "US"), in one match instead of ten."""
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(DEFAULT_REGION)
    kinds = ("fixed_line", "mobile", "toll_free", "premium_rate", "shared_cost", "personal_number",
             "voip", "pager", "uan", "voicemail")
    patterns = [d.national_number_pattern for k in kinds
                if (d := getattr(metadata, k)) is not None and d.national_number_pattern]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


def display(e164: str | None, raw: str, extension: str | None = None) -> str:
    """North American numbers as "(617) 495-1000", others in international form; else the raw text."""
    if not e164:
        return raw.strip().strip("\"'").strip()
    if e164.startswith("+1") and len(e164) == 12:  # North American: the national form, directly
        shown = f"({e164[2:5]}) {e164[5:8]}-{e164[8:]}"
        return f"{shown} ext. {extension}" if extension else shown
    number = phonenumbers.parse(e164)
    shown = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{shown} ext. {extension}" if extension else shown
