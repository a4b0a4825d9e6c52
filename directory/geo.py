"""Where a US ZIP code is (centroid and time zone, from the `zipcodes` package), how far apart
two points are, and a map link a client can tap.

The engine uses `zip_info` for a client's time zone; search uses it to place a client and the
directory's un-geocoded locations. The ZIP table is loaded once, on first use (about half a second).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote_plus
from zoneinfo import available_timezones

import zipcodes

EARTH_RADIUS_MILES = 3958.8
# Google Maps URLs (developers.google.com/maps/documentation/urls): opens the app or the web page.
MAP_SEARCH = "https://www.google.com/maps/search/?api=1&query="
_ZIP5 = re.compile(r"^\s*(\d{5})(?:[-\s]?\d{4})?\s*$")


@dataclass(frozen=True)
class ZipInfo:
    zip: str
    lat: float
    lon: float
    timezone: str | None  # IANA name; None for the few ZIPs the package gives none
    city: str
    state: str


def zip5(text: str | None) -> str | None:
    """'02139', '02139-4307', ' 021394307 ' -> '02139'; anything else -> None."""
    m = _ZIP5.match(text or "")
    return m.group(1) if m else None


def zip_info(code: str | None) -> ZipInfo | None:
    """The centroid, time zone and town of a US ZIP code; None when we cannot place it."""
    key = zip5(code)
    return _table().get(key) if key else None


def haversine_miles(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(lat: float, lon: float, miles: float) -> tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that holds every point within `miles`."""
    dlat = math.degrees(miles / EARTH_RADIUS_MILES)
    cos_lat = math.cos(math.radians(min(abs(lat) + dlat, 89.9)))
    dlon = min(180.0, dlat / cos_lat)
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def valid_coordinates(lat: float | None, lon: float | None) -> bool:
    if lat is None or lon is None or math.isnan(lat) or math.isnan(lon):
        return False
    return -90 <= lat <= 90 and -180 <= lon <= 180 and not (lat == 0 and lon == 0)


@lru_cache(maxsize=1)
def _table() -> dict[str, ZipInfo]:
    zones = available_timezones()
    by_zip: dict[str, ZipInfo] = {}
    for row in zipcodes.list_all():
        try:
            lat, lon = float(row["lat"]), float(row["long"])
        except (TypeError, ValueError):
            continue
        if not valid_coordinates(lat, lon):  # military APO/FPO codes sit at 0,0
            continue
        tz = row.get("timezone") if row.get("timezone") in zones else None
        info = ZipInfo(row["zip_code"], lat, lon, tz, row.get("city") or "", row.get("state") or "")
        by_zip[info.zip] = info
    return by_zip


def map_link(lat: float | None, lon: float | None, address: str | None = None) -> str | None:
    """A map of the place: its coordinates when known (short, exact), else its address; None without either."""
    if lat is not None and lon is not None:
        return f"{MAP_SEARCH}{lat:.5f},{lon:.5f}"
    if address and address.strip():
        return MAP_SEARCH + quote_plus(address.strip())
    return None
