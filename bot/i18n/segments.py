"""How many SMS segments a text costs, and in which encoding.

GSM-7 carries 160 characters in one segment and 153 per segment when split; the extension
table (^ { } [ ] ~ \\ | € and form feed) costs two characters each. One character outside
GSM-7 turns the whole message into UCS-2: 70 characters, 67 per segment when split, where
characters outside the Basic Multilingual Plane (most emoji) take two UTF-16 units.
"""

from __future__ import annotations

from dataclasses import dataclass

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")

GSM7 = "GSM-7"
UCS2 = "UCS-2"


@dataclass(frozen=True)
class SegmentInfo:
    encoding: str
    units: int  # septets for GSM-7, UTF-16 code units for UCS-2
    segments: int


def count_segments(text: str) -> SegmentInfo:
    septets = 0
    for ch in text:
        if ch in GSM7_BASIC:
            septets += 1
        elif ch in GSM7_EXTENDED:
            septets += 2
        else:
            units = len(text.encode("utf-16-le")) // 2
            return SegmentInfo(UCS2, units, _segments(units, 70, 67))
    return SegmentInfo(GSM7, septets, _segments(septets, 160, 153))


def _segments(units: int, single: int, multi: int) -> int:
    if units == 0:
        return 0
    if units <= single:
        return 1
    return -(-units // multi)
