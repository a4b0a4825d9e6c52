"""Finding the HSDS tables in what the operator pointed us at, and telling HSDS 1.1 from 3.x.

A datapackage.json, when present, says which file holds which table; otherwise the conventional
file names are used (3.x: service_at_location.csv, addresses.csv, schedules.csv, attributes.csv ...;
1.1: services_at_location.csv, physical_addresses.csv, regular_schedules.csv, services_taxonomy.csv
...). Both versions share organizations.csv, services.csv, locations.csv, phones.csv and
languages.csv, whose columns then tell them apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from directory.hsds.csvfile import CsvFile, read_csv
from directory.hsds.report import DirectoryImportError

# File names this importer reads, by the name it knows them by.
READ_FILES = (
    "taxonomies.csv", "taxonomy_terms.csv", "taxonomy.csv", "organizations.csv", "locations.csv",
    "services.csv", "service_at_location.csv", "services_at_location.csv", "addresses.csv",
    "physical_addresses.csv", "postal_addresses.csv", "phones.csv", "schedules.csv",
    "regular_schedules.csv", "holiday_schedules.csv", "languages.csv", "service_areas.csv",
    "attributes.csv", "services_taxonomy.csv",
)
_V11_FILES = {
    "services_at_location.csv", "physical_addresses.csv", "postal_addresses.csv",
    "regular_schedules.csv", "holiday_schedules.csv", "services_taxonomy.csv", "taxonomy.csv",
    "accessibility_for_disabilities.csv", "eligibility.csv", "payments_accepted.csv",
}
_V3_FILES = {
    "service_at_location.csv", "addresses.csv", "schedules.csv", "attributes.csv",
    "taxonomy_terms.csv", "taxonomies.csv", "cost_options.csv", "organization_identifiers.csv",
    "url.csv", "accessibility.csv", "service_capacity.csv", "units.csv",
}
_V11_COLUMNS = {"services.csv": "taxonomy_ids", "phones.csv": "language", "languages.csv": "language"}
_V3_COLUMNS = {
    "services.csv": "fees_description", "locations.csv": "location_type",
    "organizations.csv": "website", "languages.csv": "code",
}
# Tables named in a datapackage.json whose file is not under its conventional name.
_RESOURCES = {
    "organization": "organizations.csv", "service": "services.csv", "location": "locations.csv",
    "phone": "phones.csv", "language": "languages.csv", "service_area": "service_areas.csv",
    "address": "addresses.csv", "schedule": "schedules.csv", "attribute": "attributes.csv",
    "taxonomy_term": "taxonomy_terms.csv", "physical_address": "physical_addresses.csv",
    "postal_address": "postal_addresses.csv", "regular_schedule": "regular_schedules.csv",
    "holiday_schedule": "holiday_schedules.csv", "service_taxonomy": "services_taxonomy.csv",
}


@dataclass
class Package:
    folder: Path
    version: str  # "HSDS 3.x" or "HSDS 1.1"
    files: dict[str, CsvFile]  # by the conventional file name
    ignored: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def open_package(path: str | Path) -> Package:
    folder = _folder(Path(path))
    notes: list[str] = []
    located = _from_datapackage(folder, notes) if (folder / "datapackage.json").is_file() else {}
    on_disk = {p.name.lower(): p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".csv"}
    for name in READ_FILES:
        if name not in located and name in on_disk:
            located[name] = on_disk[name]
    used = {p.resolve() for p in located.values()}
    ignored = sorted(p.name for p in on_disk.values() if p.resolve() not in used)
    if not located:
        raise DirectoryImportError(_nothing_found(folder))
    files = {name: read_csv(p) for name, p in located.items()}
    for name, csv_file in files.items():
        if "id" not in csv_file.header and name != "services_taxonomy.csv":
            shown = ", ".join(csv_file.header[:8]) or "none"
            raise DirectoryImportError(
                f"{csv_file.name} does not look like an HSDS table: it has no 'id' column "
                f"(columns: {shown})"
            )
        if csv_file.encoding != "UTF-8":
            notes.append(f"{csv_file.name} was read as {csv_file.encoding}, not UTF-8.")
    return Package(folder, _version(files), files, ignored, notes)


def _folder(path: Path) -> Path:
    if not path.exists():
        raise DirectoryImportError(f"no such file or folder: {path}")
    if path.is_dir():
        return path
    if path.name.lower() == "datapackage.json":
        return path.parent
    kind = path.suffix.lower()
    if kind == ".csv":
        raise DirectoryImportError(
            f"{path} is a single CSV file: give the folder that holds the HSDS CSV files "
            "(organizations.csv, services.csv, ...)"
        )
    if kind == ".zip":
        raise DirectoryImportError(f"{path} is a zip archive: unzip it and give the folder")
    if kind == ".json":
        raise DirectoryImportError(
            f"{path} is a JSON file, not an HSDS CSV datapackage folder (HSDS JSON is not imported)"
        )
    raise DirectoryImportError(f"{path} is not a folder of HSDS CSV files")


def _from_datapackage(folder: Path, notes: list[str]) -> dict[str, Path]:
    try:
        package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8-sig"))
    except (OSError, ValueError) as exc:
        raise DirectoryImportError(f"{folder / 'datapackage.json'} cannot be read: {exc}") from None
    located: dict[str, Path] = {}
    resources = package.get("resources") if isinstance(package, dict) else None
    for resource in resources if isinstance(resources, list) else []:
        if not isinstance(resource, dict) or not isinstance(resource.get("path"), str):
            continue
        file = (folder / resource["path"]).resolve()
        known = file.name.lower() if file.name.lower() in READ_FILES else None
        known = known or _RESOURCES.get(str(resource.get("name")))
        if known is None or known in located:
            continue
        if not file.is_relative_to(folder.resolve()):
            notes.append(f"datapackage.json: {resource['path']} is outside the folder; not read.")
        elif not file.is_file():
            notes.append(f"datapackage.json lists {resource['path']}, which is missing.")
        else:
            located[known] = file
    return located


def _version(files: dict[str, CsvFile]) -> str:
    old = sum(1 for name in files if name in _V11_FILES)
    new = sum(1 for name in files if name in _V3_FILES)
    old += sum(1 for name, col in _V11_COLUMNS.items() if name in files and col in files[name].header)
    new += sum(1 for name, col in _V3_COLUMNS.items() if name in files and col in files[name].header)
    return "HSDS 1.1" if old > new else "HSDS 3.x"


def _nothing_found(folder: Path) -> str:
    for sub in sorted(p for p in folder.iterdir() if p.is_dir()):
        if any((sub / name).is_file() for name in ("organizations.csv", "services.csv")):
            return f"no HSDS CSV files in {folder}, but {sub} has some: give that folder"
    return (
        f"no HSDS CSV files in {folder}: expected files such as organizations.csv, services.csv "
        "and locations.csv (HSDS 3.x or 1.1)"
    )
