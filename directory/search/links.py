"""Rebuilding the derived tables search relies on, whole, after every import and in its transaction,
so they always match the directory and the current need mapping:

- service_need: which services answer which need (taxonomy terms; keywords for untagged services);
- service_zip: the ZIP codes the service areas list;
- search_point: each place an active service is offered, per need, with what search shows.
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.needs import Need, keyword_needs, term_needs
from directory.search.areas import Area, read_area
from directory.search.points import Scope, search_points
from directory.upsert import upsert
from models.directory import (
    DERIVED_TABLES,
    Attribute,
    SearchPoint,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceNeed,
    ServiceZip,
    TaxonomyTerm,
)

Links = dict[tuple[str, str], tuple[bool, bool]]  # (need, service id) -> (preferred, by keyword)


def rebuild_links(session: Session, needs: dict[str, Need]) -> dict[str, int]:
    """Rebuild the derived tables; returns how many services answer each need."""
    for table in DERIVED_TABLES:
        session.execute(sa.delete(table))
    links = _write(session, needs, Scope(None))
    counts = dict.fromkeys(needs, 0)
    for need, _ in links:
        counts[need] += 1
    return counts


def refresh_services(session: Session, service_ids: list[str], needs: dict[str, Need]) -> None:
    """Bring the derived rows of these services up to date after they were edited (name, status,
    phone, schedules, ...) outside an import, so that search shows the edit at once."""
    ids = list(service_ids)
    for table in DERIVED_TABLES:
        session.execute(sa.delete(table).where(table.c.service_id.in_(ids)))
    _write(session, needs, Scope(ids))


def _write(session: Session, needs: dict[str, Need], scope: Scope) -> Links:
    """Write the derived rows of the services in scope (theirs were deleted first)."""
    links = _term_links(session, needs, scope)
    links.update(_keyword_links(session, needs, scope))
    upsert(session, ServiceNeed.__table__, (
        {"need": need, "service_id": service_id, "preferred": preferred, "by_keyword": by_keyword}
        for (need, service_id), (preferred, by_keyword) in links.items()
    ), inserts_only=True)
    areas = _read_areas(session, scope)
    zips = {(z, service_id) for service_id, _, area in areas for z in area.zips}
    upsert(session, ServiceZip.__table__, (
        {"postal_code": z, "service_id": service_id} for z, service_id in zips
    ), inserts_only=True)
    needs_of: dict[str, list[tuple[str, bool]]] = defaultdict(list)
    for (need, service_id), (preferred, _) in links.items():
        needs_of[service_id].append((need, preferred))
    upsert(session, SearchPoint.__table__, search_points(session, needs_of, areas, scope),
           inserts_only=True)
    return links


def _term_links(session: Session, needs: dict[str, Need], scope: Scope) -> Links:
    terms = session.execute(sa.select(TaxonomyTerm.id, TaxonomyTerm.code, TaxonomyTerm.parent_id))
    by_term = term_needs(needs, terms)
    links: Links = {}
    if not by_term:
        return links
    tagged = _tagged_services(list(by_term)).subquery()
    query = scope.limit(sa.select(tagged.c[0], tagged.c[1]), ("service", tagged.c[0]))
    for service_id, term_id in session.execute(query):
        for need, preferred in by_term[term_id].items():
            old = links.get((need, service_id), (False, False))
            links[(need, service_id)] = (old[0] or preferred, False)
    return links


def _tagged_services(term_ids: list[str] | None = None) -> sa.CompoundSelect:
    """(service id, taxonomy term id) for every term on a service or on one of its sites."""
    direct = sa.select(Attribute.link_id, Attribute.taxonomy_term_id).where(
        Attribute.link_entity == "service"
    )
    via_site = sa.select(ServiceAtLocation.service_id, Attribute.taxonomy_term_id).join(
        ServiceAtLocation, ServiceAtLocation.id == Attribute.link_id
    ).where(Attribute.link_entity == "service_at_location")
    if term_ids is not None:
        direct = direct.where(Attribute.taxonomy_term_id.in_(term_ids))
        via_site = via_site.where(Attribute.taxonomy_term_id.in_(term_ids))
    return sa.union_all(direct, via_site)


def _keyword_links(session: Session, needs: dict[str, Need], scope: Scope) -> Links:
    tagged = sa.select(_tagged_services().subquery().c[0])
    untagged = scope.limit(sa.select(Service.id, Service.name, Service.description).where(
        Service.id.not_in(tagged)
    ), ("service", Service.id))
    links: Links = {}
    for service_id, name, description in session.execute(untagged):
        for need in keyword_needs(needs, name, description):
            links[(need, service_id)] = (False, True)
    return links


def _read_areas(session: Session, scope: Scope) -> list[tuple[str, str | None, Area]]:
    """(service id, site id or None, area) for every service area (a site's: its service's id)."""
    owner = sa.func.coalesce(ServiceArea.service_id, ServiceAtLocation.service_id)
    rows = session.execute(scope.limit(
        sa.select(owner, ServiceArea.service_at_location_id, ServiceArea.extent_type,
                  ServiceArea.extent, ServiceArea.name)
        .outerjoin(ServiceAtLocation, ServiceAtLocation.id == ServiceArea.service_at_location_id),
        ("service", owner),
    ))
    return [(service_id, site_id, read_area(kind, extent, name))
            for service_id, site_id, kind, extent, name in rows if service_id]
