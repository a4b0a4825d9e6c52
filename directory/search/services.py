"""Finding the few services to suggest to a client: by need, near a ZIP code or a point, ranked.

Which services: active ones that answer the need (service_need), within `radius_miles` of the
client, and whose HSDS service areas (when we can read them: ZIP lists, GeoJSON) include the client.

Order, by groups: places we measured, then places we cannot measure (a location without
coordinates counts as near when the centre of its address's ZIP code is within the radius; a
service whose area lists the client's ZIP counts wherever it is; their distance is None when
unknown); within each, services carrying one of the need's preferred terms first (a shelter for
homelessness, a pantry for food). Within a group: nearest first, where a distance counts for less
when the place is open now (x OPEN_NOW_FACTOR) or offers the client's language (x LANGUAGE_FACTOR).

Cost: a search is two indexed queries, one range of search_point for the candidates and the
schedules of those examined. As no boost shrinks a distance below STRONGEST times itself, only
candidates that could still make the page are examined (at most MAX_EXAMINED).

A ZIP code we cannot place (zip_info is None) is not an error: only services whose area lists it
can be found, and an empty list means nothing was found. Opening hours are worked out in each
location's time zone (from its ZIP, else the client's, else `default_timezone`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.geo import bounding_box, haversine_miles, zip5, zip_info
from directory.hours import closing_time, load_rules, opening_state
from directory.languages import client_language
from directory.search.areas import read_area
from directory.search.candidates import find_points
from models.directory import ServiceArea

DEFAULT_RADIUS_MILES = 25.0
DEFAULT_TIMEZONE = "America/New_York"
OPEN_NOW_FACTOR = 0.8
LANGUAGE_FACTOR = 0.7
STRONGEST = OPEN_NOW_FACTOR * LANGUAGE_FACTOR
MAX_EXAMINED = 40


@dataclass(frozen=True)
class Result:
    service_id: str
    service_name: str
    organization_name: str
    phone: str | None  # for display: "(617) 495-1000 ext. 4"; None when the service lists none
    distance_miles: float | None  # None when the location has no coordinates
    city: str | None
    open_now: bool | None  # None: the directory does not say when it is open
    next_open: datetime | None  # in the location's time zone; None while open or when unknown
    closes_at: datetime | None  # while open: when it closes, in the location's time zone
    languages: tuple[str, ...]  # ISO 639 codes where known ("es"), else the published names
    location_id: str | None
    address: str | None  # street line, when the directory has one
    timezone: str
    latitude: float | None  # the place itself (never a ZIP code's centre), for a map link
    longitude: float | None


@dataclass
class _Candidate:
    point: sa.Row  # a search_point row
    tier: int  # the group: 2 x (0 measured, 1 not) + (0 preferred, 1 not)
    distance: float | None  # exact, shown to the client
    approx: float  # what ranking uses: exact distance, ZIP-centre distance, or the radius
    score: float = 0.0
    open_now: bool | None = None
    next_open: datetime | None = None
    closes_at: datetime | None = None

    @property
    def order(self) -> tuple:
        return (self.tier, self.approx, self.point.service_name, self.point.service_id)


def search_services(
    session: Session,
    need: str | None = None,
    zip_code: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    language: str | None = None,
    open_at: datetime | None = None,
    limit: int = 3,
    offset: int = 0,
    text: str | None = None,
    *,
    radius_miles: float = DEFAULT_RADIUS_MILES,
    default_timezone: str = DEFAULT_TIMEZONE,
) -> list[Result]:
    """The best `limit` services after `offset` for this need and place (see the module docstring)."""
    if open_at is None:
        open_at = datetime.now(timezone.utc)
    elif open_at.tzinfo is None:
        raise ValueError("open_at must be timezone-aware")
    wanted = offset + limit
    if wanted <= 0:
        return []
    text = (text or "").strip() or None
    client_zip = zip5(zip_code)
    place = zip_info(client_zip)
    if lat is None or lon is None:
        lat, lon = (place.lat, place.lon) if place else (None, None)
    fallback_tz = place.timezone if place and place.timezone else default_timezone

    box = bounding_box(lat, lon, radius_miles) if lat is not None else None
    pool = _pool(find_points(session, need, text, box, client_zip), lat, lon, radius_miles)
    kept = _examine(session, pool, wanted, lat, lon, client_zip)
    _add_hours(kept, open_at, fallback_tz)
    speaks = client_language(language)
    for c in kept:
        factor = OPEN_NOW_FACTOR if c.open_now else 1.0
        factor *= LANGUAGE_FACTOR if speaks and speaks in _languages(c.point) else 1.0
        c.score = c.approx * factor
    kept.sort(key=lambda c: (c.tier, c.score) + c.order[2:])
    return [_result(c, fallback_tz) for c in kept[offset:wanted]]


def _pool(points, lat, lon, radius) -> list[_Candidate]:
    """The best place of each service within reach, in (group, distance) order."""
    best: dict[str, _Candidate] = {}
    for p in points:
        d = None
        if lat is not None and p.latitude is not None:
            d = haversine_miles(lat, lon, p.latitude, p.longitude)
        if p.serves_zip:  # its area lists the client's ZIP: in reach wherever it is
            measured = d is not None and d <= radius and not p.by_zip
            shown, approx = (None if p.by_zip else d), (d if d is not None else radius)
        elif d is None:  # no place given at all
            measured, shown, approx = False, None, 0.0
        elif d <= radius:
            measured, shown, approx = not p.by_zip, (None if p.by_zip else d), d
        else:
            continue
        c = _Candidate(p, 2 * (not measured) + (not p.preferred), shown, approx)
        old = best.get(p.service_id)
        if old is None or c.order < old.order:
            best[p.service_id] = c
    return sorted(best.values(), key=lambda c: c.order)


def _examine(session, pool: list[_Candidate], wanted: int, lat, lon, client_zip) -> list[_Candidate]:
    """Candidates nearest first whose service areas include the client, stopping as soon as no
    further one could make the first `wanted` (or at MAX_EXAMINED)."""
    cap = max(MAX_EXAMINED, 2 * wanted)
    kept: list[_Candidate] = []
    shaped: list[_Candidate] = []
    for c in pool:
        if len(kept) >= cap or (len(kept) >= wanted and _out_of_reach(c, kept[wanted - 1])):
            break
        verdict = _area_verdict(c.point, client_zip)
        if verdict is None:
            shaped.append(c)
        elif verdict:
            kept.append(c)
    if shaped:  # GeoJSON areas: rare, so read only when needed and then in one query
        kept.extend(_inside_shapes(session, shaped, lat, lon))
        kept.sort(key=lambda c: c.order)
    return kept


def _area_verdict(point, client_zip: str | None) -> bool | None:
    """True/False when the ZIP list decides; None when GeoJSON shapes must be checked."""
    if point.serves_zip or (point.area_zips is None and not point.area_shapes):
        return True
    if client_zip and point.area_zips and client_zip in point.area_zips.split(","):
        return True
    return None if point.area_shapes else False


def _inside_shapes(session, shaped: list[_Candidate], lat, lon) -> list[_Candidate]:
    if lat is None:
        return []
    owners = {c.point.site_id for c in shaped} | {c.point.service_id for c in shaped}
    rows = session.execute(
        sa.select(ServiceArea.service_id, ServiceArea.service_at_location_id, ServiceArea.extent_type,
                  ServiceArea.extent, ServiceArea.name)
        .where(sa.or_(ServiceArea.service_id.in_(owners),
                      ServiceArea.service_at_location_id.in_(owners)))
    )
    areas = defaultdict(list)
    for service_id, site_id, kind, extent, name in rows:
        areas[site_id or service_id].append(read_area(kind, extent, name))
    return [c for c in shaped
            if any(a.contains(lat, lon, None)
                   for a in areas.get(c.point.site_id) or areas.get(c.point.service_id, []))]


def _out_of_reach(candidate: _Candidate, last: _Candidate) -> bool:
    """No boost can bring `candidate` ahead of `last` (candidates come in (tier, approx) order)."""
    return candidate.tier > last.tier or candidate.approx * STRONGEST > last.approx


def _add_hours(kept: list[_Candidate], at: datetime, fallback_tz: str) -> None:
    for c in kept:
        rules = load_rules(c.point.hours)
        tz = ZoneInfo(c.point.timezone or fallback_tz)
        c.open_now, c.next_open = opening_state(rules, at, tz)
        if c.open_now:
            c.closes_at = closing_time(rules, at, tz)


def _languages(point) -> tuple[str, ...]:
    return tuple(point.languages.split(",")) if point.languages else ()


def _result(c: _Candidate, fallback_tz: str) -> Result:
    p = c.point
    return Result(
        service_id=p.service_id, service_name=p.service_name,
        organization_name=p.organization_name, phone=p.phone,
        distance_miles=round(c.distance, 1) if c.distance is not None else None, city=p.city,
        open_now=c.open_now, next_open=c.next_open, closes_at=c.closes_at, languages=_languages(p),
        location_id=p.location_id, address=p.address_1, timezone=p.timezone or fallback_tz,
        latitude=None if p.by_zip else p.latitude, longitude=None if p.by_zip else p.longitude,
    )
