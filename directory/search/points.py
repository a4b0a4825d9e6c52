"""Building the search_point rows (models/directory.py explains what one holds) from the HSDS
tables, once per import, so that answering a client never has to join them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.geo import zip5, zip_info
from directory.hours import Rule, dump_rules
from directory.languages import language_code
from directory.phones import display
from directory.search.areas import Area
from models.directory import (
    Address,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
)

ANY_NEED = "*"  # rows for searches without a need
NO_SITE = ""  # site_id of a service offered at no location
_PHONE_TYPES = {"voice": 0, "cell": 1, None: 2, "text": 3}  # others (fax, pager, ...) last
_OFFERED = sa.or_(Service.status.is_(None), Service.status == "active")


class Scope:
    """Which services to build rows for: all (None), or only these ids (after a staff edit)."""

    def __init__(self, services: list[str] | None) -> None:
        self.services = services

    def limit(self, query: sa.Select, *owners) -> sa.Select:
        """Keep the rows whose owner columns (service, site, location, organization id, given as
        (kind, column) pairs) belong to the services in scope."""
        if self.services is None:
            return query
        ids = self.services
        related = {
            "service": lambda column: column.in_(ids),
            "site": lambda column: column.in_(
                sa.select(ServiceAtLocation.id).where(ServiceAtLocation.service_id.in_(ids))),
            "location": lambda column: column.in_(
                sa.select(ServiceAtLocation.location_id).where(ServiceAtLocation.service_id.in_(ids))),
            "organization": lambda column: column.in_(
                sa.select(Service.organization_id).where(Service.id.in_(ids))),
        }
        return query.where(sa.or_(*(related[kind](column) for kind, column in owners)))


def search_points(
    session: Session,
    needs_of: dict[str, list[tuple[str, bool]]],
    areas: list[tuple[str, str | None, Area]],
    scope: Scope | None = None,
) -> Iterator[dict]:
    """The search_point rows of the services in `scope` (default: all); `needs_of` maps a service
    id to its (need, preferred) pairs, `areas` holds their service areas as (service id, site id or
    None, area)."""
    scope = scope or Scope(None)
    streets = _streets(session, scope)
    phones = _Phones(session, scope)
    spoken = _Languages(session, scope)
    hours = _Hours(session, scope)
    restricted = _restrictions(areas)
    sites = session.execute(scope.limit(
        sa.select(Service.id, ServiceAtLocation.id, ServiceAtLocation.location_id, Location.latitude,
                  Location.longitude, Service.name, Organization.id, Organization.name)
        .join(Organization, Organization.id == Service.organization_id)
        .outerjoin(ServiceAtLocation, ServiceAtLocation.service_id == Service.id)
        .outerjoin(Location, Location.id == ServiceAtLocation.location_id)
        .where(_OFFERED),
        ("service", Service.id),
    ))
    for service_id, site_id, location_id, lat, lon, name, org_id, org_name in sites:
        city, address_1, postal_code = streets.get(location_id, (None, None, None))
        place = zip_info(postal_code)
        by_zip = lat is None and place is not None
        if by_zip:
            lat, lon = place.lat, place.lon
        area_zips, area_shapes = restricted.get(site_id) or restricted.get(service_id) or (None, False)
        row = {
            "service_id": service_id, "site_id": site_id or NO_SITE, "location_id": location_id,
            "latitude": lat, "longitude": lon, "by_zip": by_zip,
            "area_zips": area_zips, "area_shapes": area_shapes,
            "service_name": name, "organization_id": org_id, "organization_name": org_name,
            "city": city or (place.city if place else None), "address_1": address_1,
            "timezone": place.timezone if place else None,
            "phone": phones.best(site_id, service_id, location_id, org_id),
            "languages": spoken.offered(service_id, location_id),
            "hours": hours.rules(site_id, service_id, location_id),
        }
        yield {**row, "need": ANY_NEED, "preferred": False}
        for need, preferred in needs_of.get(service_id, ()):
            yield {**row, "need": need, "preferred": preferred}


def _streets(session: Session, scope: Scope) -> dict[str, tuple[str | None, str | None, str | None]]:
    """location id -> (city, street line, ZIP) of its first US street (non-postal) address."""
    rows = session.execute(scope.limit(
        sa.select(Address.location_id, Address.city, Address.address_1, Address.postal_code,
                  Address.country)
        .where(Address.address_type.is_distinct_from("postal"))
        .order_by(Address.location_id, Address.id),
        ("location", Address.location_id),
    ))
    streets = {}
    for location_id, city, address_1, postal_code, country in rows:
        if location_id not in streets:
            us = country in (None, "US", "USA")
            streets[location_id] = (city, address_1, zip5(postal_code) if us else None)
    return streets


def _restrictions(areas: list[tuple[str, str | None, Area]]) -> dict[str, tuple[str | None, bool]]:
    """service or site id -> (ZIP codes its readable areas list, whether they have GeoJSON shapes);
    ids whose areas we cannot read at all are left out: they serve everyone."""
    found: dict[str, list[Area]] = defaultdict(list)
    for service_id, site_id, area in areas:
        if area.understood:
            found[site_id or service_id].append(area)
    result = {}
    for owner, readable in found.items():
        zips = sorted({z for a in readable for z in a.zips})
        result[owner] = (",".join(zips) or None, any(a.polygons for a in readable))
    return result


class _Phones:
    """The best phone for a site: its own, else the service's, the location's, the organization's;
    voice before cell before text, valid numbers first."""

    def __init__(self, session: Session, scope: Scope) -> None:
        self.by: dict[tuple[str, str], tuple] = {}
        query = scope.limit(sa.select(*Phone.__table__.c), ("service", Phone.service_id),
                            ("site", Phone.service_at_location_id), ("location", Phone.location_id),
                            ("organization", Phone.organization_id))
        for p in session.execute(query):
            rank = (_PHONE_TYPES.get(p.type, 4), p.e164 is None, p.id)
            shown = display(p.e164, p.number, p.extension)
            for key in self._keys(p):
                if key not in self.by or rank < self.by[key][0]:
                    self.by[key] = (rank, shown)

    @staticmethod
    def _keys(p) -> list[tuple[str, str]]:
        if p.service_at_location_id:
            return [("site", p.service_at_location_id)]
        if p.service_id:
            return [("service", p.service_id)]
        if p.location_id:
            return [("location", p.location_id)]
        return [("organization", p.organization_id)] if p.organization_id else []

    def best(self, site_id, service_id, location_id, org_id) -> str | None:
        for key in (("site", site_id), ("service", service_id), ("location", location_id),
                    ("organization", org_id)):
            if key[1] and key in self.by:
                return self.by[key][1]
        return None


class _Languages:
    """Languages offered: the service's (anywhere or at this location), else the location's."""

    def __init__(self, session: Session, scope: Scope) -> None:
        self.service: dict[tuple[str, str | None], set[str]] = defaultdict(set)
        self.location: dict[str, set[str]] = defaultdict(set)
        rows = session.execute(scope.limit(
            sa.select(Language.service_id, Language.location_id, Language.code, Language.name),
            ("service", Language.service_id), ("location", Language.location_id),
        ))
        for service_id, location_id, code, name in rows:
            label = language_code(code, name) or (name or code)
            if service_id:
                self.service[(service_id, location_id)].add(label)
            elif location_id:
                self.location[location_id].add(label)

    def offered(self, service_id: str, location_id: str | None) -> str | None:
        found = self.service.get((service_id, None), set()) | self.service.get(
            (service_id, location_id), set()) or self.location.get(location_id, set())
        return ",".join(sorted(found)) or None


class _Hours:
    """The schedules that apply to a site: its own, else its service's (anywhere or at this
    location), else its location's."""

    def __init__(self, session: Session, scope: Scope) -> None:
        self.site: dict[str, list] = defaultdict(list)
        self.service: dict[str, list] = defaultdict(list)
        self.location: dict[str, list] = defaultdict(list)
        columns = [getattr(Schedule, f) for f in Rule._fields]
        rows = session.execute(scope.limit(
            sa.select(Schedule.service_at_location_id, Schedule.service_id, Schedule.location_id,
                      *columns).order_by(Schedule.id),
            ("site", Schedule.service_at_location_id), ("service", Schedule.service_id),
            ("location", Schedule.location_id),
        ))
        for site_id, service_id, location_id, *fields in rows:
            rule = Rule(*fields)
            if site_id:
                self.site[site_id].append(rule)
            elif service_id:
                self.service[service_id].append((location_id, rule))
            elif location_id:
                self.location[location_id].append(rule)

    def rules(self, site_id: str | None, service_id: str, location_id: str | None) -> str | None:
        chosen = (self.site.get(site_id)
                  or [r for where, r in self.service.get(service_id, ()) if where in (None, location_id)]
                  or self.location.get(location_id, []))
        return dump_rules(chosen)
