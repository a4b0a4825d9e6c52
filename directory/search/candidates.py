"""The SQL half of search: one indexed read of search_point for the places that could answer.
Distances, service areas, opening hours and ranking are done in Python (directory/search/services.py).

Statements are built once per shape, with bound parameters, and run on the session's connection
(skipping the ORM layer): building and dispatching a statement costs about as much CPU as
PostgreSQL takes to answer it.
"""

from __future__ import annotations

from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.orm import Session

from directory.search.points import ANY_NEED
from models.directory import Organization, SearchPoint, Service, ServiceZip

NO_PLACE_LIMIT = 200  # rows read when a query gives no place at all (need or text only)
Box = tuple[float, float, float, float]  # min_lat, max_lat, min_lon, max_lon


def find_points(
    session: Session, need: str | None, text: str | None, box: Box | None, zip_code: str | None
) -> list:
    """search_point rows (with a `serves_zip` flag) inside the box, or whose service's areas list
    the ZIP code; without either, the first NO_PLACE_LIMIT by service name."""
    params = {"need": need or ANY_NEED, "zip": zip_code}
    if box is not None:
        params.update(zip(("min_lat", "max_lat", "min_lon", "max_lon"), box, strict=True))
    if text:
        escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        params["pattern"] = f"%{escaped}%"
    query = _points_query(box is not None, bool(zip_code), bool(text))
    return session.connection().execute(query, params).all()


@lru_cache(maxsize=None)
def _points_query(in_box: bool, serving_zip: bool, with_text: bool) -> sa.Executable:
    branches = []
    if in_box:
        branches.append(_select(with_text, serves_zip=False).where(
            SearchPoint.latitude.between(sa.bindparam("min_lat"), sa.bindparam("max_lat")),
            SearchPoint.longitude.between(sa.bindparam("min_lon"), sa.bindparam("max_lon")),
        ))
    if serving_zip:
        branches.append(_select(with_text, serves_zip=True).join(
            ServiceZip, sa.and_(ServiceZip.service_id == SearchPoint.service_id,
                                ServiceZip.postal_code == sa.bindparam("zip"))))
    if not branches:
        return _select(with_text, serves_zip=False).order_by(
            SearchPoint.service_name, SearchPoint.service_id, SearchPoint.site_id
        ).limit(NO_PLACE_LIMIT)
    return sa.union_all(*branches) if len(branches) > 1 else branches[0]


def _select(with_text: bool, *, serves_zip: bool) -> sa.Select:
    flag = sa.true() if serves_zip else sa.false()
    query = sa.select(*SearchPoint.__table__.c, flag.label("serves_zip")).where(
        SearchPoint.need == sa.bindparam("need")
    )
    if with_text:
        pattern = sa.bindparam("pattern")
        described = (
            sa.select(Service.id)
            .join(Organization, Organization.id == Service.organization_id)
            .where(Service.id == SearchPoint.service_id,
                   sa.or_(Service.description.ilike(pattern, escape="\\"),
                          Organization.description.ilike(pattern, escape="\\")))
            .exists()
        )
        query = query.where(sa.or_(
            SearchPoint.service_name.ilike(pattern, escape="\\"),
            SearchPoint.organization_name.ilike(pattern, escape="\\"),
            described,
        ))
    return query
