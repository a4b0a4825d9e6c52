"""A small HSDS 3.x directory for dashboard tests: two food pantries near ZIP 10001 (one defunct) and a
services.csv row that cannot be taken; as a folder, as a zip, or imported into the database."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from flask import Flask

from directory.hsds.importer import import_directory
from models import db

FILES = {
    "organizations.csv": [
        ["id", "name", "description", "email", "website"],
        ["org-1", "Chelsea Food Bank", "Groceries for neighbours.", "", "https://food.example.org"],
    ],
    "services.csv": [
        ["id", "organization_id", "name", "description", "status", "fees_description"],
        ["svc-1", "org-1", "City Pantry", "Free groceries every weekday: food pantry.", "active", ""],
        ["svc-2", "org-1", "Closed Pantry", "A food pantry that closed.", "defunct", ""],
        ["svc-3", "org-missing", "Ghost Pantry", "Food pantry of an organization not in the file.", "active", ""],
    ],
    "locations.csv": [
        ["id", "organization_id", "name", "location_type", "latitude", "longitude"],
        ["loc-1", "org-1", "Main site", "physical", "40.7484", "-73.9967"],
    ],
    "service_at_location.csv": [
        ["id", "service_id", "location_id", "description"],
        ["sal-1", "svc-1", "loc-1", ""],
        ["sal-2", "svc-2", "loc-1", ""],
    ],
    "addresses.csv": [
        ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
        ["addr-1", "loc-1", "1 W 28th St", "New York", "NY", "10001", "US", "physical"],
    ],
    "phones.csv": [
        ["id", "service_id", "number", "type"],
        ["ph-1", "svc-1", "(212) 555-0100", "voice"],
    ],
}


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def write_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in FILES.items():
        (folder / name).write_text(_csv(rows), encoding="utf-8")
    return folder


def zipped(prefix: str = "pantries/", extra: dict[str, bytes] | None = None) -> bytes:
    """The directory as a .zip, its files under `prefix` as exports usually are."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, rows in FILES.items():
            archive.writestr(prefix + name, _csv(rows))
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


def load(app: Flask, tmp: Path) -> None:
    """Import the directory into the app's database, as `flask directory import` would."""
    with app.app_context():
        import_directory(db.session, write_folder(tmp / "hsds"))
        db.session.commit()
