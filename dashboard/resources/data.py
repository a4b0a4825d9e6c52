"""The directory as staff browse and edit it: finding services, one service's details, an edit, and
unpacking an uploaded HSDS zip safely for the importer."""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO

import sqlalchemy as sa
from flask import current_app
from sqlalchemy.orm import Session

from directory.hsds.report import DirectoryImportError
from directory.needs import load_needs
from directory.phones import normalize
from directory.search.links import refresh_services
from models.directory import (
    Address,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceNeed,
    ServiceZip,
)

PAGE = 25
MAX_UNPACKED = 200 * 1024 * 1024  # a zip bomb stops here, whatever its directory claims
MAX_FILES = 200
KEPT_SUFFIXES = (".csv", ".json")


@dataclass(frozen=True)
class ServiceRow:
    service: Service
    organization: str


def find_services(session: Session, q: str | None, need: str | None, zip_code: str | None,
                  page: int = 1) -> tuple[list[ServiceRow], int]:
    """Services by name (or organization name), need and ZIP code, by name; one page and the total."""
    query = sa.select(Service, Organization.name).join(Organization, Organization.id == Service.organization_id)
    if q:
        query = query.where(sa.or_(Service.name.icontains(q, autoescape=True),
                                   Organization.name.icontains(q, autoescape=True)))
    if need:
        query = query.where(Service.id.in_(sa.select(ServiceNeed.service_id).where(ServiceNeed.need == need)))
    if zip_code:
        query = query.where(Service.id.in_(sa.union(
            sa.select(ServiceZip.service_id).where(ServiceZip.postal_code == zip_code),
            sa.select(ServiceAtLocation.service_id)
            .join(Address, Address.location_id == ServiceAtLocation.location_id)
            .where(sa.func.substr(Address.postal_code, 1, 5) == zip_code),
        )))
    total = session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    rows = session.execute(query.order_by(Service.name, Service.id).limit(PAGE).offset((page - 1) * PAGE)).all()
    return [ServiceRow(s, org) for s, org in rows], total


@dataclass
class ServiceDetails:
    service: Service
    organization: Organization
    phones: list[Phone]
    places: list[tuple[Location, list[Address]]]
    languages: list[str]
    needs: list[str]
    schedules: list[Schedule] = field(default_factory=list)


def service_details(session: Session, service_id: str) -> ServiceDetails | None:
    service = session.get(Service, service_id)
    if service is None:
        return None
    at = sa.select(ServiceAtLocation.id).where(ServiceAtLocation.service_id == service.id)
    location_ids = sa.select(ServiceAtLocation.location_id).where(ServiceAtLocation.service_id == service.id)
    phones = session.scalars(sa.select(Phone).where(sa.or_(Phone.service_id == service.id,
                                                           Phone.service_at_location_id.in_(at)))
                             .order_by(Phone.id)).all()
    locations = session.scalars(sa.select(Location).where(Location.id.in_(location_ids))
                                .order_by(Location.name, Location.id)).all()
    addresses = session.scalars(sa.select(Address).where(Address.location_id.in_([loc.id for loc in locations]))
                                .order_by(Address.id)).all() if locations else []
    places = [(loc, [a for a in addresses if a.location_id == loc.id]) for loc in locations]
    languages = session.scalars(sa.select(sa.func.coalesce(Language.name, Language.code))
                                .where(Language.service_id == service.id).distinct()).all()
    needs = session.scalars(sa.select(ServiceNeed.need).where(ServiceNeed.service_id == service.id)
                            .order_by(ServiceNeed.need)).all()
    schedules = session.scalars(sa.select(Schedule).where(sa.or_(Schedule.service_id == service.id,
                                                                 Schedule.service_at_location_id.in_(at)))
                                .order_by(Schedule.id)).all()
    return ServiceDetails(service, session.get(Organization, service.organization_id), list(phones), places,
                          [lang for lang in languages if lang], list(needs), list(schedules))


def main_phone(session: Session, service: Service) -> Phone | None:
    return session.scalars(sa.select(Phone).where(Phone.service_id == service.id).order_by(Phone.id)).first()


def edit_service(session: Session, service: Service, name: str, description: str | None, phone: str | None,
                 status: str) -> None:
    """Apply a staff edit. The service's main phone is changed in place, added, or removed when
    cleared. A later re-import of the same directory brings back the publisher's values."""
    service.name, service.description, service.status = name, description or None, status
    current = main_phone(session, service)
    if not phone:
        if current is not None:
            session.delete(current)
    else:
        e164, extension = normalize(phone)
        if current is None:
            current = Phone(id=f"enlace-{uuid.uuid4()}", service_id=service.id, type="voice")
            session.add(current)
        current.number, current.e164, current.extension = phone, e164, extension
    session.flush()
    refresh_services(session, [service.id], load_needs(current_app.config.get("DIRECTORY_NEEDS_FILE")))


def unpack_upload(stream: IO[bytes], into: Path) -> Path:
    """Extract the CSV and JSON files of an uploaded zip into `into` and return the folder that holds
    the HSDS files (the zip's top level, or the one folder inside it that has them). Paths that
    would land outside `into`, too many files or too many bytes stop it with a DirectoryImportError."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError):
        raise DirectoryImportError("That file is not a zip archive. Upload a .zip of the HSDS CSV files.") from None
    with archive:
        members = [m for m in archive.infolist() if not m.is_dir()
                   and PurePosixPath(m.filename).suffix.lower() in KEPT_SUFFIXES
                   and not PurePosixPath(m.filename).name.startswith(".")
                   and "__MACOSX" not in PurePosixPath(m.filename).parts]
        if len(members) > MAX_FILES:
            raise DirectoryImportError(f"The zip holds more than {MAX_FILES} CSV files; is it an HSDS directory?")
        budget = MAX_UNPACKED
        root = into.resolve()
        for member in members:
            path = PurePosixPath(member.filename)
            target = (root / Path(*path.parts)).resolve()
            if path.is_absolute() or ".." in path.parts or not target.is_relative_to(root):
                raise DirectoryImportError(f"The zip has a file outside its own folder ({member.filename}).")
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(member) as src, target.open("wb") as out:
                budget -= _copy(src, out, budget)
    return _hsds_folder(root)


def _copy(src: IO[bytes], out: IO[bytes], budget: int) -> int:
    copied = 0
    while chunk := src.read(1024 * 1024):
        copied += len(chunk)
        if copied > budget:
            raise DirectoryImportError(f"The zip unpacks to more than {MAX_UNPACKED // (1024 * 1024)} MB.")
        out.write(chunk)
    return copied


def _hsds_folder(root: Path) -> Path:
    markers = ("datapackage.json", "services.csv", "organizations.csv")
    if any((root / m).is_file() for m in markers):
        return root
    found = sorted({p.parent for m in markers for p in root.rglob(m)})
    if len(found) == 1:
        return found[0]
    if not found:
        raise DirectoryImportError("No HSDS files in the zip: expected services.csv, organizations.csv and the others.")
    raise DirectoryImportError("The zip holds more than one HSDS directory; upload one at a time.")
