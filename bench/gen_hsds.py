"""Generate an HSDS 3.1 CSV datapackage of N services, as messy as real exports, from a fixed seed.

    python bench/gen_hsds.py OUT_DIR [--services 100000] [--seed 7]

Locations sit at real US ZIP centroids (with a little jitter). The mess, on purpose: a BOM and CRLF
line endings, Windows-1252 organizations.csv, blank lines, an extra column, quoted multi-line
descriptions, phone numbers in a dozen styles (some invalid), missing and impossible coordinates,
ZIP+4 codes, stale and unreadable schedules, language names instead of codes, services pointing at
organizations or locations that do not exist, duplicate ids, and services with no taxonomy term.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import uuid
from datetime import date, timedelta
from pathlib import Path

import zipcodes

OE_TAXONOMY = Path(__file__).resolve().parent.parent / "data/hsds/open-eligibility-taxonomy/taxonomy.csv"

# (kind, taxonomy codes, name patterns, weekly hours)
KINDS = [
    ("food", ["1130", "1102", "1131", "1128"], ["{place} Food Pantry", "{place} Community Meals",
                                                 "Free Groceries at {place}"], ("09:00", "17:00")),
    ("shelter", ["1135", "1121"], ["{place} Emergency Shelter", "{place} Night Shelter"],
     ("19:00", "07:00")),
    ("housing", ["1136", "1137", "1142"], ["{place} Housing Help", "Rent Relief {place}"],
     ("09:00", "16:30")),
    ("utilities", ["1138", "1119"], ["{place} Energy Assistance", "Utility Bill Help {place}"],
     ("08:30", "16:00")),
    ("transport", ["1176", "1175", "1173"], ["{place} Medical Rides", "{place} Transit Help"],
     ("07:00", "18:00")),
    ("safety", ["1124", "1125"], ["{place} Domestic Violence Hotline", "Safe Haven {place}"],
     ("00:00", "00:00")),
    ("other", ["1220", "1358", "1280", "1206"], ["{place} Counseling Center", "{place} Job Center",
                                                 "{place} Child Care", "{place} Health Clinic"],
     ("10:00", "18:00")),
]
PHONE_STYLES = ["({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "+1 {a} {b} {c}", "1-{a}-{b}-{c}",
                "{a}{b}{c}", "({a}) {b}-{c} x{ext}", "{a}-{b}-{c} ext. {ext}", "{b}-{c}", "TBD"]
LANGUAGES = [("en", 0.9), ("es", 0.4), ("vi", 0.05), ("zh", 0.05), ("ht", 0.03), ("ar", 0.03)]
LANGUAGE_NAMES = {"en": "English", "es": "Spanish", "vi": "Vietnamese", "zh": "Chinese",
                  "ht": "Haitian Creole", "ar": "Arabic"}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    counts = generate(args.out, args.services, args.seed)
    print(", ".join(f"{name} {n}" for name, n in counts.items()))


def generate(out: Path, services: int, seed: int = 7) -> dict[str, int]:
    """Write the datapackage into `out`; returns the row count of each file."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    places = [z for z in zipcodes.list_all()
              if z["zip_code_type"] == "STANDARD" and z["timezone"] and float(z["lat"]) != 0]
    new_id = lambda: str(uuid.UUID(int=rng.getrandbits(128), version=4))  # noqa: E731
    today = date(2025, 1, 1)
    tables: dict[str, list[list]] = {}

    terms = _taxonomy_terms()
    tables["taxonomies"] = [["id", "name", "description", "uri", "version"],
                            ["open-eligibility", "Open Eligibility", "Human services taxonomy",
                             "https://github.com/openreferral/openeligibility", "1"]]
    tables["taxonomy_terms"] = [["id", "code", "name", "description", "parent_id", "taxonomy",
                                 "language", "taxonomy_id", "term_uri"]] + [
        [t["id"], t["id"], t["name"], t["name"], "" if t["parent_id"] == "0" else t["parent_id"],
         "Open Eligibility", "en", "open-eligibility", ""] for t in terms]

    org_ids = [new_id() for _ in range(max(1, services // 4))]
    tables["organizations"] = [["id", "name", "alternate_name", "description", "email", "website",
                                "tax_status", "tax_id", "year_incorporated", "legal_status", "logo",
                                "uri", "parent_organization_id"]] + [
        [oid, f"{rng.choice(['Centro', 'Community', 'Neighbors', 'Église', 'Unity'])} "
              f"{rng.choice(['Hispano', 'Action', 'United', 'Haïtienne', 'Partners'])} {i}",
         "", "A community organization serving its neighbors.", "", "https://example.org",
         "", "", "", "", "", "", ""] for i, oid in enumerate(org_ids)]

    loc_rows, addr_rows, loc_place = [], [], {}
    for i in range(int(services * 0.8) or 1):
        lid, z = new_id(), rng.choice(places)
        lat = float(z["lat"]) + rng.uniform(-0.04, 0.04)
        lon = float(z["long"]) + rng.uniform(-0.04, 0.04)
        roll = rng.random()
        lat_s, lon_s = (f"{lat:.6f}", f"{lon:.6f}")
        if roll < 0.03:
            lat_s = lon_s = ""  # not geocoded
        elif roll < 0.035:
            lat_s, lon_s = rng.choice([("0", "0"), (lon_s, lat_s), ("91.5", lon_s)])
        loc_rows.append([lid, "physical", "", rng.choice(org_ids), f"{z['city']} site {i}", "", "",
                         "", lat_s, lon_s, "", ""])
        postal = z["zip_code"] + (f"-{rng.randint(1000, 9999)}" if rng.random() < 0.1 else "")
        addr_rows.append([new_id(), lid, "", f"{rng.randint(1, 9999)} Main St", "", z["city"], "",
                          z["state"], postal, "US", "physical"])
        loc_place[lid] = z
    loc_ids = list(loc_place)
    tables["locations"] = [["id", "location_type", "url", "organization_id", "name",
                            "alternate_name", "description", "transportation", "latitude",
                            "longitude", "external_identifier", "external_identifier_type"]] + loc_rows
    tables["addresses"] = [["id", "location_id", "attention", "address_1", "address_2", "city",
                            "region", "state_province", "postal_code", "country",
                            "address_type"]] + addr_rows

    svc, sal, phones, schedules, langs, attrs, areas = [], [], [], [], [], [], []
    for i in range(services):
        sid = new_id()
        kind, codes, names, hours = rng.choices(KINDS, weights=[25, 8, 12, 8, 8, 6, 33])[0]
        home = rng.choice(loc_ids)
        place = loc_place[home]["city"]
        org = rng.choice(org_ids) if rng.random() > 0.002 else new_id()  # dangling organization
        name = rng.choice(names).format(place=place) if rng.random() > 0.001 else ""
        desc = f"{name} serves residents of {place}."
        if rng.random() < 0.1:
            desc += '\nCall ahead, "walk-ins" welcome, bring ID.'
        status = "active" if rng.random() > 0.03 else rng.choice(["inactive", "defunct"])
        svc.append([sid, org, "", name, "", desc, "", "", status, "", "Call or walk in", "", "", "",
                    "", "", "", "", "", "", "", "", "", f"internal {i}"])
        sites = [home] + ([rng.choice(loc_ids)] if rng.random() < 0.1 else [])
        for lid in sites:
            sal.append([new_id(), sid, lid if rng.random() > 0.001 else new_id(), ""])
        if rng.random() < 0.8:
            codes_here = loc_place[home]["area_codes"] or ["617"]
            a, b, c = rng.choice(codes_here), rng.randint(200, 999), rng.randint(0, 9999)
            style = rng.choice(PHONE_STYLES)
            number = style.format(a=a, b=b, c=f"{c:04d}", ext=rng.randint(1, 999))
            phones.append([new_id(), "", sid, "", "", "", number, "", "voice", ""])
        opens, closes = hours
        days = "MO,TU,WE,TH,FR" if kind != "safety" else ",".join(DAYS)
        roll = rng.random()
        if roll < 0.05:
            opens, closes = rng.choice([("9am", "5:00 PM"), ("0900", "1700"), ("by appt", "")])
        valid_to = (today - timedelta(days=400)).isoformat() if roll > 0.97 else ""
        schedules.append([new_id(), sid, "", "", "", valid_to, "", "", "", "", "", "WEEKLY", "1",
                          days, "", "", "", "", opens, closes, "", "", ""])
        if rng.random() < 0.5:
            schedules.append([new_id(), sid, "", "", "", "", "", "", "", "", "", "WEEKLY", "1", "SA",
                              "", "", "", "", "10:00", "14:00", "", "", ""])
        for code, share in LANGUAGES:
            if rng.random() < share:
                as_name = rng.random() < 0.3
                langs.append([new_id(), sid, "", "", LANGUAGE_NAMES[code] if as_name else "",
                              "" if as_name else code, ""])
        if rng.random() > 0.05:  # the rest have no taxonomy term: keyword fallback
            for code in rng.sample(codes, k=min(len(codes), rng.choice([1, 1, 2]))):
                attrs.append([new_id(), sid, code, "", "service", "", ""])
        if rng.random() < 0.1:
            near = [z["zip_code"] for z in rng.sample(places, 3)] + [loc_place[home]["zip_code"]]
            areas.append([new_id(), sid, "", f"{place} area", "", ", ".join(near), "text", ""])
        elif rng.random() < 0.01:
            z = loc_place[home]
            lat0, lon0 = float(z["lat"]), float(z["long"])
            ring = [[lon0 - 0.3, lat0 - 0.3], [lon0 + 0.3, lat0 - 0.3], [lon0 + 0.3, lat0 + 0.3],
                    [lon0 - 0.3, lat0 + 0.3], [lon0 - 0.3, lat0 - 0.3]]
            areas.append([new_id(), sid, "", f"{place} county", "",
                          json.dumps({"type": "Polygon", "coordinates": [ring]}), "geojson", ""])
    svc[len(svc) // 2 + 1][0] = svc[len(svc) // 2][0]  # a duplicate id
    tables["services"] = [["id", "organization_id", "program_id", "name", "alternate_name",
                           "description", "url", "email", "status", "interpretation_services",
                           "application_process", "fees_description", "wait_time", "fees",
                           "accreditations", "eligibility_description", "minimum_age",
                           "maximum_age", "assured_date", "assurer_email", "licenses", "alert",
                           "last_modified", "internal_notes"]] + svc
    tables["service_at_location"] = [["id", "service_id", "location_id", "description"]] + sal
    tables["phones"] = [["id", "location_id", "service_id", "organization_id", "contact_id",
                         "service_at_location_id", "number", "extension", "type",
                         "description"]] + phones
    tables["schedules"] = [["id", "service_id", "location_id", "service_at_location_id",
                            "valid_from", "valid_to", "dtstart", "timezone", "until", "count",
                            "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
                            "byyearday", "description", "opens_at", "closes_at", "schedule_link",
                            "attending_type", "notes"]] + schedules
    tables["languages"] = [["id", "service_id", "location_id", "phone_id", "name", "code",
                            "note"]] + langs
    tables["attributes"] = [["id", "link_id", "taxonomy_term_id", "link_type", "link_entity",
                             "value", "label"]] + attrs
    tables["service_areas"] = [["id", "service_id", "service_at_location_id", "name",
                                "description", "extent", "extent_type", "uri"]] + areas

    counts = {}
    for name, rows in tables.items():
        _write(out / f"{name}.csv", rows, rng, name)
        counts[name] = len(rows) - 1
    package = {"name": "generated", "profile": "tabular-data-package", "version": "3.1",
               "resources": [{"name": n, "path": f"{n}.csv"} for n in tables]}
    (out / "datapackage.json").write_text(json.dumps(package, indent=1), encoding="utf-8")
    return counts


def _write(path: Path, rows: list[list], rng: random.Random, name: str) -> None:
    encoding = {"organizations": "cp1252", "services": "utf-8-sig"}.get(name, "utf-8")
    newline = "\r\n" if name == "services" else "\n"
    with path.open("w", encoding=encoding, newline="") as f:
        writer = csv.writer(f, lineterminator=newline)
        for i, row in enumerate(rows):
            writer.writerow(row)
            if i and rng.random() < 0.0005:
                f.write(newline)  # a blank line


def _taxonomy_terms() -> list[dict]:
    with OE_TAXONOMY.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


if __name__ == "__main__":
    main()
