"""A small, fictional HSDS 3.1 directory around New York City for the demo (`make run`).

Written as CSV files and loaded through the real importer, so the demo exercises the same path
as a real export. Names are invented; phone numbers are in the fictional 555-01xx range.
"""

from __future__ import annotations

import csv
from pathlib import Path

# (name, Open Eligibility code and name, neighbourhood, lat, lon, ZIP, weekly hours, languages)
SERVICES = [
    ("Chelsea Community Food Pantry", "1130", "Food Pantry", "Chelsea", 40.7466, -74.0010, "10011",
     ("MO,TU,WE,TH,FR", "09:00", "17:00"), "en es"),
    ("Hell's Kitchen Hot Meals", "1130", "Food Pantry", "Hell's Kitchen", 40.7638, -73.9918, "10036",
     ("SA,SU", "11:00", "14:00"), "en es"),
    ("Chinatown Family Groceries", "1130", "Food Pantry", "Chinatown", 40.7158, -73.9970, "10013",
     ("TU,TH", "10:00", "16:00"), "en zh"),
    ("Washington Heights Food Share", "1130", "Food Pantry", "Washington Heights", 40.8417, -73.9394, "10032",
     ("MO,WE,FR", "12:00", "18:00"), "en es"),
    ("Flatbush Haitian Community Pantry", "1130", "Food Pantry", "Flatbush", 40.6501, -73.9496, "11226",
     ("MO,TU,WE,TH,FR", "10:00", "15:00"), "en ht fr"),
    ("Bay Ridge Arab American Food Help", "1130", "Food Pantry", "Bay Ridge", 40.6340, -74.0290, "11209",
     ("MO,WE", "09:00", "13:00"), "en ar"),
    ("Midtown Emergency Shelter Intake", "1135", "Emergency Shelter", "Midtown", 40.7540, -73.9840, "10018",
     ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59"), "en es"),
    ("Bronx Family Shelter Line", "1135", "Emergency Shelter", "Mott Haven", 40.8090, -73.9230, "10454",
     ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59"), "en es"),
    ("Harlem Rent Relief", "1137", "Help Pay for Housing", "Harlem", 40.8116, -73.9465, "10027",
     ("MO,TU,WE,TH", "09:30", "16:30"), "en es"),
    ("Lower East Side Tenant Help", "1103", "Housing", "Lower East Side", 40.7150, -73.9843, "10002",
     ("TU,WE,TH", "10:00", "18:00"), "en es zh"),
    ("Sunset Park Housing Counseling", "1103", "Housing", "Sunset Park", 40.6455, -74.0124, "11220",
     ("MO,WE,FR", "09:00", "17:00"), "en zh es"),
    ("Energy Bill Help Desk", "1138", "Help Pay for Utilities", "Union Square", 40.7359, -73.9911, "10003",
     ("MO,TU,WE,TH,FR", "08:30", "16:00"), "en es"),
    ("Queens Heating Assistance", "1138", "Help Pay for Utilities", "Jackson Heights", 40.7557, -73.8831,
     "11372", ("MO,TU,WE,TH,FR", "09:00", "17:00"), "en es vi"),
    ("Medical Ride Line NYC", "1176", "Transportation for Healthcare", "Midtown East", 40.7527, -73.9772,
     "10017", ("MO,TU,WE,TH,FR", "07:00", "19:00"), "en es zh"),
    ("Brooklyn Clinic Rides", "1176", "Transportation for Healthcare", "Downtown Brooklyn", 40.6928,
     -73.9903, "11201", ("MO,TU,WE,TH,FR", "08:00", "18:00"), "en ht"),
    ("Citywide Safety Hotline", "1124", "Help Escape Violence", "Citywide", 40.7128, -74.0060,
     "10007", ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59"), "en es zh ar"),
]

HEADERS = {
    "organizations.csv": ["id", "name", "description"],
    "services.csv": ["id", "organization_id", "name", "description", "status"],
    "locations.csv": ["id", "location_type", "organization_id", "name", "latitude", "longitude"],
    "service_at_location.csv": ["id", "service_id", "location_id"],
    "addresses.csv": ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country",
                      "address_type"],
    "phones.csv": ["id", "service_id", "number", "type"],
    "schedules.csv": ["id", "service_id", "freq", "byday", "opens_at", "closes_at"],
    "taxonomies.csv": ["id", "name", "uri"],
    "taxonomy_terms.csv": ["id", "code", "name", "taxonomy", "taxonomy_id"],
    "attributes.csv": ["id", "link_id", "taxonomy_term_id", "link_entity"],
    "languages.csv": ["id", "service_id", "code"],
}


def write_demo_directory(folder: Path) -> None:
    rows: dict[str, list[list]] = {name: [] for name in HEADERS}
    rows["taxonomies.csv"].append(["oe", "Open Eligibility", "https://github.com/openreferral/openeligibility"])
    terms = {}
    for i, (name, code, term, place, lat, lon, zip_code, hours, langs) in enumerate(SERVICES, 1):
        org, svc, loc = f"demo-org-{i}", f"demo-svc-{i}", f"demo-loc-{i}"
        if code not in terms:
            terms[code] = f"demo-term-{code}"
            rows["taxonomy_terms.csv"].append([terms[code], code, term, "Open Eligibility", "oe"])
        rows["organizations.csv"].append([org, name, f"{term} in {place} (fictional demo data)"])
        rows["services.csv"].append([svc, org, name, f"{term} in {place}", "active"])
        rows["locations.csv"].append([loc, "physical", org, place, lat, lon])
        rows["service_at_location.csv"].append([f"demo-sal-{i}", svc, loc])
        city = "Brooklyn" if zip_code.startswith("112") else "Queens" if zip_code.startswith("113") else (
            "Bronx" if zip_code.startswith("104") else "New York")
        rows["addresses.csv"].append([f"demo-addr-{i}", loc, f"{100 + i} Demo Street", city, "NY", zip_code, "US",
                                      "physical"])
        rows["phones.csv"].append([f"demo-ph-{i}", svc, f"(212) 555-01{i:02d}", "voice"])
        rows["schedules.csv"].append([f"demo-sch-{i}", svc, "WEEKLY", *hours])
        rows["attributes.csv"].append([f"demo-att-{i}", svc, terms[code], "service"])
        for lang in langs.split():
            rows["languages.csv"].append([f"demo-lang-{i}-{lang}", svc, lang])
    for name, header in HEADERS.items():
        with (folder / name).open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(header)
            writer.writerows(rows[name])
