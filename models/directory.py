"""The resource directory, as Open Referral HSDS 3.1 tables.

Ids are the publisher's own strings (HSDS uses UUIDs, but any string is allowed), so that
re-importing a directory updates rows in place. Columns keep HSDS names and meanings; the only
additions are derived ones, each marked as such: `phone.e164`, and three tables the importer
rebuilds (`service_need`, `service_zip`, `search_point`) so that search never has to walk the
taxonomy, parse service areas or look up ZIP codes while a client waits.

References between tables (`service.organization_id`, ...) are indexed but are not database
foreign keys: the importer, the only writer, checks every reference and reports the rows it leaves
out, and PostgreSQL's per-row foreign-key checks made a 100,000-service import take 50% longer.

HSDS tables that Enlace does not use (contact, program, funding, cost_option, ...) are not kept.
"""

from __future__ import annotations

from datetime import date, time
from typing import Annotated

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Base

hsds_id = Annotated[str, mapped_column(sa.String, primary_key=True)]
text = Annotated[str | None, mapped_column(sa.Text)]


def _ref(target: str, *, nullable: bool = True):
    """A reference to the id of the HSDS table `target` (checked by the importer, see above)."""
    return mapped_column(sa.String, nullable=nullable, index=True, comment=f"{target}.id")


class Organization(Base):
    __tablename__ = "organization"

    id: Mapped[hsds_id]
    name: Mapped[str] = mapped_column(sa.Text)
    alternate_name: Mapped[text]
    description: Mapped[text]
    email: Mapped[text]
    website: Mapped[text]
    # Kept as given: parents are often outside the exported slice of a directory.
    parent_organization_id: Mapped[str | None] = mapped_column(sa.String)


class Service(Base):
    __tablename__ = "service"

    id: Mapped[hsds_id]
    organization_id: Mapped[str] = _ref("organization", nullable=False)
    program_id: Mapped[str | None] = mapped_column(sa.String)
    name: Mapped[str] = mapped_column(sa.Text)
    alternate_name: Mapped[text]
    description: Mapped[text]
    url: Mapped[text]
    email: Mapped[text]
    # HSDS: active, inactive, defunct, temporarily closed. Search only offers active services.
    status: Mapped[str | None] = mapped_column(sa.String(32))
    interpretation_services: Mapped[text]
    application_process: Mapped[text]
    fees_description: Mapped[text]
    eligibility_description: Mapped[text]
    minimum_age: Mapped[float | None]
    maximum_age: Mapped[float | None]
    alert: Mapped[text]

    organization: Mapped[Organization] = relationship(
        primaryjoin="foreign(Service.organization_id) == Organization.id", viewonly=True
    )


class Location(Base):
    __tablename__ = "location"
    __table_args__ = (sa.Index("ix_location_latitude_longitude", "latitude", "longitude"),)

    id: Mapped[hsds_id]
    location_type: Mapped[str | None] = mapped_column(sa.String(32))  # physical, postal, virtual
    organization_id: Mapped[str | None] = _ref("organization")
    name: Mapped[text]
    alternate_name: Mapped[text]
    description: Mapped[text]
    transportation: Mapped[text]
    url: Mapped[text]
    # WGS84 decimal degrees; both NULL when the publisher gave none or gave impossible ones.
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]


class ServiceAtLocation(Base):
    __tablename__ = "service_at_location"

    id: Mapped[hsds_id]
    service_id: Mapped[str] = _ref("service", nullable=False)
    location_id: Mapped[str] = _ref("location", nullable=False)
    description: Mapped[text]

    service: Mapped[Service] = relationship(
        primaryjoin="foreign(ServiceAtLocation.service_id) == Service.id", viewonly=True
    )
    location: Mapped[Location] = relationship(
        primaryjoin="foreign(ServiceAtLocation.location_id) == Location.id", viewonly=True
    )


class Address(Base):
    __tablename__ = "address"

    id: Mapped[hsds_id]
    location_id: Mapped[str] = _ref("location", nullable=False)
    attention: Mapped[text]
    address_1: Mapped[text]
    address_2: Mapped[text]
    city: Mapped[text]
    region: Mapped[text]
    state_province: Mapped[text]
    postal_code: Mapped[str | None] = mapped_column(sa.String(32))
    country: Mapped[str | None] = mapped_column(sa.String(8))
    address_type: Mapped[str | None] = mapped_column(sa.String(16))  # physical, postal, virtual


class Phone(Base):
    __tablename__ = "phone"

    id: Mapped[hsds_id]
    location_id: Mapped[str | None] = _ref("location")
    service_id: Mapped[str | None] = _ref("service")
    organization_id: Mapped[str | None] = _ref("organization")
    contact_id: Mapped[str | None] = mapped_column(sa.String)  # contacts are not kept
    service_at_location_id: Mapped[str | None] = _ref("service_at_location")
    number: Mapped[str] = mapped_column(sa.Text)  # exactly as published
    extension: Mapped[str | None] = mapped_column(sa.String(16))
    type: Mapped[str | None] = mapped_column(sa.String(16))  # voice, text, fax, cell, ...
    description: Mapped[text]
    e164: Mapped[str | None] = mapped_column(sa.String(20))  # derived; NULL when not a valid number


class Schedule(Base):
    __tablename__ = "schedule"

    id: Mapped[hsds_id]
    service_id: Mapped[str | None] = _ref("service")
    location_id: Mapped[str | None] = _ref("location")
    service_at_location_id: Mapped[str | None] = _ref("service_at_location")
    valid_from: Mapped[date | None]
    valid_to: Mapped[date | None]
    dtstart: Mapped[date | None]
    timezone: Mapped[str | None] = mapped_column(sa.String(64))
    until: Mapped[date | None]
    count: Mapped[int | None]
    wkst: Mapped[str | None] = mapped_column(sa.String(2))
    freq: Mapped[str | None] = mapped_column(sa.String(16))  # WEEKLY, MONTHLY, ...
    interval: Mapped[int | None]
    byday: Mapped[str | None] = mapped_column(sa.String(64))  # "MO,TU" or "1MO,-1FR"
    byweekno: Mapped[str | None] = mapped_column(sa.String(64))
    bymonthday: Mapped[str | None] = mapped_column(sa.String(64))
    byyearday: Mapped[str | None] = mapped_column(sa.String(64))
    description: Mapped[text]
    opens_at: Mapped[time | None]
    closes_at: Mapped[time | None]
    schedule_link: Mapped[text]
    attending_type: Mapped[text]
    notes: Mapped[text]


class Language(Base):
    __tablename__ = "language"

    id: Mapped[hsds_id]
    service_id: Mapped[str | None] = _ref("service")
    location_id: Mapped[str | None] = _ref("location")
    phone_id: Mapped[str | None] = _ref("phone")
    name: Mapped[text]
    code: Mapped[str | None] = mapped_column(sa.String(16))  # ISO 639 as published, or derived from name
    note: Mapped[text]


class ServiceArea(Base):
    __tablename__ = "service_area"

    id: Mapped[hsds_id]
    service_id: Mapped[str | None] = _ref("service")
    service_at_location_id: Mapped[str | None] = _ref("service_at_location")
    name: Mapped[text]
    description: Mapped[text]
    extent: Mapped[text]  # GeoJSON, TopoJSON, KML or text, as extent_type says
    extent_type: Mapped[str | None] = mapped_column(sa.String(16))
    uri: Mapped[text]


class Taxonomy(Base):
    __tablename__ = "taxonomy"

    id: Mapped[hsds_id]
    name: Mapped[str] = mapped_column(sa.Text)
    description: Mapped[text]
    uri: Mapped[text]
    version: Mapped[str | None] = mapped_column(sa.String(64))


class TaxonomyTerm(Base):
    __tablename__ = "taxonomy_term"

    id: Mapped[hsds_id]
    code: Mapped[str | None] = mapped_column(sa.String(64), index=True)
    name: Mapped[str] = mapped_column(sa.Text)
    description: Mapped[text]
    # Kept as given (a parent may be missing from a partial export); the need mapping walks it.
    parent_id: Mapped[str | None] = mapped_column(sa.String, index=True)
    taxonomy: Mapped[text]
    language: Mapped[str | None] = mapped_column(sa.String(16))
    taxonomy_id: Mapped[str | None] = _ref("taxonomy")
    term_uri: Mapped[text]


class Attribute(Base):
    """Tags an entity (link_entity = service, location, ...; link_id = its id) with a taxonomy term."""

    __tablename__ = "attribute"
    __table_args__ = (sa.Index("ix_attribute_link_id_link_entity", "link_id", "link_entity"),)

    id: Mapped[hsds_id]
    link_id: Mapped[str] = mapped_column(sa.String)
    taxonomy_term_id: Mapped[str] = _ref("taxonomy_term", nullable=False)
    link_type: Mapped[str | None] = mapped_column(sa.String(64))
    link_entity: Mapped[str] = mapped_column(sa.String(32))
    value: Mapped[text]
    label: Mapped[text]


class ServiceNeed(Base):
    """Derived: which services answer which need (directory/needs.py), rebuilt by every import."""

    __tablename__ = "service_need"

    need: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    service_id: Mapped[str] = mapped_column(sa.String, primary_key=True, index=True)
    # The service carries one of the need's preferred terms (e.g. a shelter for homelessness).
    preferred: Mapped[bool] = mapped_column(default=False)
    # Matched by keywords in its name or description because it has no taxonomy terms at all.
    by_keyword: Mapped[bool] = mapped_column(default=False)


class ServiceZip(Base):
    """Derived: the ZIP codes a service's HSDS service areas list, rebuilt by every import."""

    __tablename__ = "service_zip"

    postal_code: Mapped[str] = mapped_column(sa.String(5), primary_key=True)
    service_id: Mapped[str] = mapped_column(sa.String, primary_key=True, index=True)


class SearchPoint(Base):
    """Derived: what search reads, one row per need an active service answers x place it is
    offered at, so that a search is one index range and nothing else.

    need is a service_need need, or "*" for every active service (searches without a need).
    site_id is the service_at_location id, or "" for a service offered at no location.
    latitude/longitude are the location's own, or (by_zip) its address's ZIP code centre, which
    ranks it but is never shown as a distance; both NULL when we cannot place it at all.
    The display columns (names, street, best phone, languages, time zone) and the schedules are
    copied from the HSDS tables at import.
    """

    __tablename__ = "search_point"
    __table_args__ = (
        sa.Index("ix_search_point_need_latitude_longitude", "need", "latitude", "longitude"),
    )

    need: Mapped[str] = mapped_column(sa.String(40), primary_key=True)
    service_id: Mapped[str] = mapped_column(sa.String, primary_key=True)
    site_id: Mapped[str] = mapped_column(sa.String, primary_key=True)
    location_id: Mapped[str | None] = mapped_column(sa.String)
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    by_zip: Mapped[bool]
    preferred: Mapped[bool]  # the service carries one of the need's preferred terms
    # The service's readable HSDS service areas: ZIP codes ("02139,02140"; NULL when none are
    # listed) and whether GeoJSON shapes must be checked too. Neither: it serves everyone.
    area_zips: Mapped[str | None] = mapped_column(sa.Text)
    area_shapes: Mapped[bool]
    service_name: Mapped[str] = mapped_column(sa.Text)
    organization_id: Mapped[str] = mapped_column(sa.String)
    organization_name: Mapped[str] = mapped_column(sa.Text)
    city: Mapped[str | None] = mapped_column(sa.Text)
    address_1: Mapped[str | None] = mapped_column(sa.Text)
    timezone: Mapped[str | None] = mapped_column(sa.String(64))  # from the address ZIP code
    phone: Mapped[str | None] = mapped_column(sa.Text)  # the best one, in display form
    languages: Mapped[str | None] = mapped_column(sa.Text)  # "en,es": codes, else names
    # The schedules that apply here (this site's, else the service's, else the location's), as
    # JSON (directory/hours.py dump_rules): opening hours are worked out at search time.
    hours: Mapped[str | None] = mapped_column(sa.Text)


class PartnerContact(Base):
    """How a partner (an HSDS organisation, or one of its services) wants referrals, as an admin set
    it: an email and/or a phone that takes texts, a language, or paused. Not an HSDS table: an
    import never touches it, so a re-import keeps it. Blank fields fall back to the directory's
    own contacts (interop/partners/contacts.py)."""

    __tablename__ = "partner_contact"
    __table_args__ = (sa.UniqueConstraint("organization_id", "service_id", name="uq_partner_contact_scope"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organization_id: Mapped[str] = mapped_column(sa.String, index=True)
    service_id: Mapped[str] = mapped_column(sa.String, default="")  # "" for the whole organisation
    email: Mapped[str | None] = mapped_column(sa.String(320))
    phone: Mapped[str | None] = mapped_column(sa.String(20))  # E.164
    language: Mapped[str | None] = mapped_column(sa.String(16))
    paused: Mapped[bool] = mapped_column(default=False)
    updated_by_id: Mapped[int | None]


# Parents before children: the order an import writes in.
DIRECTORY_TABLES = (
    Taxonomy.__table__,
    TaxonomyTerm.__table__,
    Organization.__table__,
    Location.__table__,
    Service.__table__,
    ServiceAtLocation.__table__,
    Address.__table__,
    Phone.__table__,
    Schedule.__table__,
    Language.__table__,
    ServiceArea.__table__,
    Attribute.__table__,
    ServiceNeed.__table__,
    ServiceZip.__table__,
    SearchPoint.__table__,
)
DERIVED_TABLES = (ServiceNeed.__table__, ServiceZip.__table__, SearchPoint.__table__)
