"""Search within a client's messages: the lines of the transcript whose text, English source or
translation holds the words asked for, ignoring case and accents, so "toi muon chet" finds
"tôi muốn chết" and "cafe" finds "Café"."""

from __future__ import annotations

import unicodedata

from dashboard.conversations.transcript import Line

MAX_QUERY = 200
_UNACCENTED = str.maketrans({"đ": "d", "ø": "o", "ł": "l", "ß": "ss"})  # letters NFKD does not split


def fold(text: str) -> str:
    """Lower case, no accents, runs of spaces as one: the form both sides are compared in."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNACCENTED)
    return " ".join(plain.split())


def matching(lines: list[Line], query: str) -> list[Line]:
    """The lines where every word of `query` appears (in any of the texts shown for the line)."""
    words = fold(query[:MAX_QUERY]).split()
    if not words:
        return []
    found = []
    for line in lines:
        shown = fold(" ".join(t for t in (line.message.body, line.english, line.translated) if t))
        if all(word in shown for word in words):
            found.append(line)
    return found
