"""One CSV row of an HSDS 3.x or 1.1 file -> one row of our HSDS 3.1 tables.

Each converter either returns the row (as a dict of column values), raises RowSkipped with the
reason it cannot be taken, or takes it with a change it reports through `ctx.warn` (an impossible
coordinate dropped, a link to a missing organization cleared, a phone number kept as written).
HSDS 1.1 rows that turn into 3.1 rows of a different file get ids prefixed with their origin
("holiday:", "postal:") so they cannot collide with the ids of the file they join.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from directory.geo import valid_coordinates
from directory.hours import normalize_byday, parse_date, parse_time, weekday_code
from directory.hsds.report import RowSkipped
from directory.languages import language_code
from directory.phones import normalize

Values = dict[str, str | None]
LINKABLE = ("service", "organization", "location", "service_at_location")


class RowContext(Protocol):
    today: date

    def warn(self, reason: str) -> None: ...

    def ref(self, table: str, value: str | None, column: str, *, required: bool) -> str | None: ...

    def exists(self, table: str, value: str) -> bool: ...

    def add_row(self, table: str, row: dict) -> None:
        """Queue a row for a table written later in the import (1.1 phone languages, taxonomy_ids)."""


def taxonomy(v: Values, ctx: RowContext) -> dict:
    return {"name": _required(v, "name"), "description": v.get("description"), "uri": v.get("uri"),
            "version": v.get("version")}


def taxonomy_term(v: Values, ctx: RowContext) -> dict:
    return {
        "code": v.get("code"), "name": _required(v, "name"), "description": v.get("description"),
        "parent_id": v.get("parent_id"), "taxonomy": v.get("taxonomy"), "language": v.get("language"),
        "taxonomy_id": ctx.ref("taxonomy", v.get("taxonomy_id"), "taxonomy_id", required=False),
        "term_uri": v.get("term_uri"),
    }


def taxonomy_v11(v: Values, ctx: RowContext) -> dict:
    """HSDS 1.1 taxonomy.csv, also the Open Eligibility file: id, name, parent_id, vocabulary."""
    parent = v.get("parent_id")
    return {"code": v["id"], "name": _required(v, "name"),
            "parent_id": None if parent in (None, "0") else parent, "taxonomy": v.get("vocabulary")}


def organization(v: Values, ctx: RowContext) -> dict:
    return {
        "name": _required(v, "name"), "alternate_name": v.get("alternate_name"),
        "description": v.get("description"), "email": v.get("email"),
        "website": v.get("website") or v.get("url"),
        "parent_organization_id": v.get("parent_organization_id"),
    }


def location(v: Values, ctx: RowContext) -> dict:
    lat, lon = _number(v, "latitude", ctx), _number(v, "longitude", ctx)
    if (lat is None) != (lon is None):
        ctx.warn("only one of latitude and longitude is given; kept without coordinates")
        lat = lon = None
    elif lat is not None and not valid_coordinates(lat, lon):
        ctx.warn(f"({lat}, {lon}) is not a place on Earth we can use; kept without coordinates")
        lat = lon = None
    return {
        "location_type": _lower(v.get("location_type")),
        "organization_id": ctx.ref("organization", v.get("organization_id"), "organization_id",
                                   required=False),
        "name": v.get("name"), "alternate_name": v.get("alternate_name"),
        "description": v.get("description"), "transportation": v.get("transportation"),
        "url": v.get("url"), "latitude": lat, "longitude": lon,
    }


def service(v: Values, ctx: RowContext) -> dict:
    row = {
        "organization_id": ctx.ref("organization", v.get("organization_id"), "organization_id",
                                   required=True),
        "name": _required(v, "name"),
        **{k: v.get(k) for k in ("program_id", "alternate_name", "description", "url", "email",
                                 "interpretation_services", "application_process",
                                 "fees_description", "eligibility_description", "alert")},
        "status": _lower(v.get("status")),
        "minimum_age": _number(v, "minimum_age", ctx),
        "maximum_age": _number(v, "maximum_age", ctx),
    }
    for term in (t.strip() for t in (v.get("taxonomy_ids") or "").split(",") if t.strip()):
        if ctx.exists("taxonomy_term", term):  # HSDS 1.1: the service's terms inline
            ctx.add_row("attribute", {"id": f"{v['id']}/{term}", "link_id": v["id"],
                                      "link_entity": "service", "taxonomy_term_id": term})
        else:
            ctx.warn(f"taxonomy id {term} is not a known taxonomy term; that tag was not kept")
    return row


def service_at_location(v: Values, ctx: RowContext) -> dict:
    return {
        "service_id": ctx.ref("service", v.get("service_id"), "service_id", required=True),
        "location_id": ctx.ref("location", v.get("location_id"), "location_id", required=True),
        "description": v.get("description"),
    }


def address(v: Values, ctx: RowContext, address_type: str | None = None) -> dict:
    extra_lines = [v.get(k) for k in ("address_2", "address_3", "address_4") if v.get(k)]
    return {
        "location_id": ctx.ref("location", v.get("location_id"), "location_id", required=True),
        "attention": v.get("attention"), "address_1": v.get("address_1"),
        "address_2": ", ".join(extra_lines) or None, "city": v.get("city"),
        "region": v.get("region"), "state_province": v.get("state_province"),
        "postal_code": v.get("postal_code"), "country": (v.get("country") or "").upper() or None,
        "address_type": address_type or _lower(v.get("address_type")),
    }


def phone(v: Values, ctx: RowContext) -> dict:
    number = _required(v, "number")
    owners = _owners(v, ctx, ("location", "service", "organization", "service_at_location"))
    if not any(owners.values()):
        if v.get("contact_id"):
            raise RowSkipped("the phone belongs only to a contact, and contacts are not kept")
        raise RowSkipped("the phone is not linked to any service, location or organization")
    e164, extension_in_text = normalize(number)
    if e164 is None:
        ctx.warn(f"{number!r} is not a valid phone number; kept as written")
    extension = v.get("extension")
    if extension and extension.endswith(".0"):
        extension = extension[:-2]
    row = {**owners, "contact_id": v.get("contact_id"), "number": number,
           "extension": extension or extension_in_text, "type": _lower(v.get("type")),
           "description": v.get("description"), "e164": e164}
    for spoken in (s.strip() for s in (v.get("language") or "").split(",") if s.strip()):
        code = language_code(spoken, spoken)  # HSDS 1.1: the languages spoken on this line
        ctx.add_row("language", {
            "id": f"{v['id']}/language/{code or spoken}", "phone_id": v["id"],
            "service_id": owners["service_id"], "location_id": owners["location_id"],
            "name": None if code == spoken.lower() else spoken, "code": code,
        })
    return row


def schedule(v: Values, ctx: RowContext) -> dict:
    row = {
        **_schedule_owners(v, ctx),
        **{k: _date(v, k, ctx) for k in ("valid_from", "valid_to", "dtstart", "until")},
        **{k: _integer(v, k, ctx) for k in ("count", "interval")},
        **{k: v.get(k) for k in ("timezone", "byweekno", "bymonthday", "byyearday", "description",
                                 "schedule_link", "attending_type", "notes")},
        "wkst": (v.get("wkst") or "").upper()[:2] or None,
        "freq": (v.get("freq") or "").upper() or None,
        "byday": _byday(v, ctx),
        "opens_at": _time(v, "opens_at", ctx),
        "closes_at": _time(v, "closes_at", ctx),
    }
    ended = min((d for d in (row["valid_to"], row["until"]) if d is not None), default=None)
    if ended is not None and ended < ctx.today:
        ctx.warn(f"the schedule ended on {ended.isoformat()}; it no longer counts for opening hours")
    return row


def regular_schedule(v: Values, ctx: RowContext) -> dict:
    """HSDS 1.1: one weekday's opening and closing time."""
    try:
        day = weekday_code(v.get("weekday"))
    except ValueError as exc:
        raise RowSkipped(str(exc)) from None
    return {**_schedule_owners(v, ctx), "freq": "WEEKLY", "byday": day,
            "opens_at": _time(v, "opens_at", ctx), "closes_at": _time(v, "closes_at", ctx)}


def holiday_schedule(v: Values, ctx: RowContext) -> dict:
    """HSDS 1.1: closed (or special hours) from start_date to end_date."""
    start = _date(v, "start_date", ctx)
    if start is None:
        raise RowSkipped("no start_date")
    closed = (v.get("closed") or "").lower() in ("true", "t", "yes", "y", "1")
    return {
        **_schedule_owners(v, ctx), "valid_from": start,
        "valid_to": _date(v, "end_date", ctx) or start,
        "opens_at": None if closed else _time(v, "opens_at", ctx),
        "closes_at": None if closed else _time(v, "closes_at", ctx),
        "description": "Closed for a holiday" if closed else "Holiday hours",
    }


def language(v: Values, ctx: RowContext) -> dict:
    owners = _owners(v, ctx, ("service", "location", "phone"))
    if not any(owners.values()):
        raise RowSkipped("the language is not linked to any service, location or phone")
    name = v.get("name") or v.get("language")
    code = v.get("code") or language_code(None, name)
    if not name and not code:
        raise RowSkipped("no language name or code")
    return {**owners, "name": name, "code": code, "note": v.get("note")}


def service_area(v: Values, ctx: RowContext) -> dict:
    owners = _owners(v, ctx, ("service", "service_at_location"))
    if not any(owners.values()):
        raise RowSkipped("the service area is not linked to a service")
    text = v.get("service_area")  # HSDS 1.1: a free-text area
    return {
        **owners, "name": v.get("name") or text, "description": v.get("description"),
        "extent": v.get("extent") or text,
        "extent_type": _lower(v.get("extent_type")) or ("text" if text else None),
        "uri": v.get("uri"),
    }


def attribute(v: Values, ctx: RowContext) -> dict:
    link_id = _required(v, "link_id")
    entity = _lower(v.get("link_entity"))
    if entity is None:
        entity = next((t for t in LINKABLE if ctx.exists(t, link_id)), None)
        if entity is None:
            raise RowSkipped(f"no link_entity, and nothing has the id {link_id}")
    if entity not in LINKABLE:
        raise RowSkipped(f"link_entity {entity!r} is not one Enlace keeps ({', '.join(LINKABLE)})")
    ctx.ref(entity, link_id, "link_id", required=True)
    return {
        "link_id": link_id, "link_entity": entity,
        "taxonomy_term_id": ctx.ref("taxonomy_term", v.get("taxonomy_term_id"), "taxonomy_term_id",
                                    required=True),
        "link_type": v.get("link_type"), "value": v.get("value"), "label": v.get("label"),
    }


def service_taxonomy(v: Values, ctx: RowContext) -> dict:
    """HSDS 1.1 services_taxonomy.csv: service_id, taxonomy_id, taxonomy_detail."""
    return {
        "link_id": ctx.ref("service", v.get("service_id"), "service_id", required=True),
        "link_entity": "service",
        "taxonomy_term_id": ctx.ref("taxonomy_term", v.get("taxonomy_id"), "taxonomy_id",
                                    required=True),
        "value": v.get("taxonomy_detail"),
    }


@dataclass(frozen=True)
class Source:
    """A file we read, the table its rows go to, and how."""

    file: str
    table: str
    convert: Callable[[Values, RowContext], dict]
    id_prefix: str = ""
    make_id: Callable[[Values], str | None] | None = None


SOURCES = (
    Source("taxonomies.csv", "taxonomy", taxonomy),
    Source("taxonomy_terms.csv", "taxonomy_term", taxonomy_term),
    Source("taxonomy.csv", "taxonomy_term", taxonomy_v11),
    Source("organizations.csv", "organization", organization),
    Source("locations.csv", "location", location),
    Source("services.csv", "service", service),
    Source("service_at_location.csv", "service_at_location", service_at_location),
    Source("services_at_location.csv", "service_at_location", service_at_location),
    Source("addresses.csv", "address", address),
    Source("physical_addresses.csv", "address", lambda v, c: address(v, c, "physical")),
    Source("postal_addresses.csv", "address", lambda v, c: address(v, c, "postal"), "postal:"),
    Source("phones.csv", "phone", phone),
    Source("schedules.csv", "schedule", schedule),
    Source("regular_schedules.csv", "schedule", regular_schedule),
    Source("holiday_schedules.csv", "schedule", holiday_schedule, "holiday:"),
    Source("languages.csv", "language", language),
    Source("service_areas.csv", "service_area", service_area),
    Source("attributes.csv", "attribute", attribute),
    Source("services_taxonomy.csv", "attribute", service_taxonomy,
           make_id=lambda v: v.get("id") or (
               f"{v['service_id']}/{v['taxonomy_id']}"
               if v.get("service_id") and v.get("taxonomy_id") else None)),
)


def _owners(v: Values, ctx: RowContext, tables: tuple[str, ...]) -> dict[str, str | None]:
    return {f"{t}_id": ctx.ref(t, v.get(f"{t}_id"), f"{t}_id", required=False) for t in tables}


def _schedule_owners(v: Values, ctx: RowContext) -> dict[str, str | None]:
    owners = _owners(v, ctx, ("service", "location", "service_at_location"))
    if not any(owners.values()):
        raise RowSkipped("the schedule is not linked to any service or location")
    return owners


def _required(v: Values, column: str) -> str:
    value = v.get(column)
    if not value:
        raise RowSkipped(f"no {column}")
    return value


def _lower(value: str | None) -> str | None:
    return value.lower() if value else None


def _number(v: Values, column: str, ctx: RowContext) -> float | None:
    value = v.get(column)
    if value is None:
        return None
    try:
        number = float(value.replace(",", "."))
    except ValueError:
        ctx.warn(f"{column} {value!r} is not a number; kept without it")
        return None
    return number if number == number else None  # NaN


def _integer(v: Values, column: str, ctx: RowContext) -> int | None:
    number = _number(v, column, ctx)
    return int(number) if number is not None else None


def _date(v: Values, column: str, ctx: RowContext):
    try:
        return parse_date(v.get(column))
    except ValueError:
        ctx.warn(f"{column} {v.get(column)!r} is not a date; kept without it")
        return None


def _time(v: Values, column: str, ctx: RowContext):
    try:
        return parse_time(v.get(column))
    except ValueError:
        ctx.warn(f"{column} {v.get(column)!r} is not a time of day; kept without it")
        return None


def _byday(v: Values, ctx: RowContext) -> str | None:
    try:
        return normalize_byday(v.get("byday"))
    except ValueError:
        ctx.warn(f"byday {v.get('byday')!r} is not a list of days (MO,TU,...); kept without it")
        return None
