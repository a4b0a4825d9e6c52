"""Importing HSDS directories: the shared samples, re-imports, messy rows, fatal errors, the CLI."""

from __future__ import annotations

import shutil

import pytest
import sqlalchemy as sa

from directory.hsds.importer import import_directory, import_taxonomy
from directory.hsds.report import DirectoryImportError
from directory.needs import load_needs
from directory.search.links import rebuild_links
from models.directory import (
    Address,
    Attribute,
    Language,
    Location,
    Organization,
    Phone,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceNeed,
    TaxonomyTerm,
)
from tests.directory_support import OPEN_ELIGIBILITY, SAMPLE_11_ALL, SAMPLE_11_SIMPLE, SPEC_31, count, write_hsds


def needs_of(session, service_id: str) -> dict[str, bool]:
    rows = session.execute(sa.select(ServiceNeed.need, ServiceNeed.by_keyword)
                           .where(ServiceNeed.service_id == service_id))
    return dict(rows.all())


def issues(report) -> list[tuple[str, int, bool]]:
    return [(i.file, i.row, i.skipped) for i in report.issues]


# --- the shared samples -------------------------------------------------------------------


def test_hsds_31_examples_import_with_their_broken_links_reported(directory_session):
    report = import_directory(directory_session, SPEC_31)
    directory_session.commit()

    assert report.version == "HSDS 3.x"
    assert {name: c.inserted for name, c in report.tables.items() if c.inserted} == {
        "taxonomy": 1, "taxonomy_term": 1, "organization": 1, "location": 1, "service": 1,
        "service_at_location": 1, "address": 1, "phone": 1, "schedule": 1, "language": 1,
        "service_area": 1,
    }
    # The example's one attribute links to nothing: skipped, with the reason.
    skipped = [i for i in report.issues if i.skipped]
    assert [(i.file, i.row) for i in skipped] == [("attributes.csv", 2)]
    assert "link_entity 'link_entity'" in skipped[0].reason
    # Latitude 100 is not on Earth: the location is kept without coordinates, and we say so.
    location = directory_session.get(Location, "3a19ff88-4620-4d17-9830-ac1d859eb5d5")
    assert (location.latitude, location.longitude, location.organization_id) == (None, None, None)
    assert ("locations.csv", 2, False) in issues(report)
    # The phone is normalised, and what the directory published is kept.
    phone = directory_session.scalars(sa.select(Phone)).one()
    assert (phone.number, phone.e164, phone.extension) == ('"+44 1234 234567"', "+441234234567", "100")
    assert "contacts.csv" in report.ignored_files and "programs.csv" in report.ignored_files


def test_hsds_11_all_resources_maps_onto_the_31_tables(directory_session):
    report = import_directory(directory_session, SAMPLE_11_ALL)
    directory_session.commit()

    assert report.version == "HSDS 1.1"
    assert count(directory_session, Organization.__table__) == 10
    assert count(directory_session, Service.__table__) == 13
    assert count(directory_session, ServiceAtLocation.__table__) == 13
    types = directory_session.execute(sa.select(Address.id, Address.address_type)).all()
    assert sorted(types) == [("da556310-1b0b-11e9-b56e-0800200c9a66", "physical"),
                             ("postal:c7071b40-1b0c-11e9-b56e-0800200c9a66", "postal")]
    # regular_schedules (weekday 1 = Monday) and holiday_schedules, which share an id in the sample.
    schedules = {s.id: s for s in directory_session.scalars(sa.select(Schedule))}
    assert schedules["fa9dbdb0-1b0c-11e9-b56e-0800200c9a66"].byday == "MO"
    holiday = schedules["holiday:fa9dbdb0-1b0c-11e9-b56e-0800200c9a66"]
    assert (str(holiday.valid_from), str(holiday.valid_to), holiday.opens_at) == (
        "2019-12-24", "2019-12-26", None)
    # Phone languages ("en, es") become language rows for the phone's service or location.
    codes = directory_session.scalars(sa.select(Language.code).where(Language.phone_id.is_not(None)))
    assert set(codes) == {"en", "es"}
    # The sample has no taxonomy on its services: needs come from keywords ("homeless", "housing"),
    # and say so.
    assert needs_of(directory_session, "c89eb05c-62dd-4b64-b494-0cc347b6ea7f") == {
        "homelessness": True, "housing-instability": True}


def test_hsds_11_simple_imports(directory_session):
    report = import_directory(directory_session, SAMPLE_11_SIMPLE)
    directory_session.commit()
    assert report.version == "HSDS 1.1"
    assert report.skipped == 0
    assert [count(directory_session, t.__table__) for t in (Organization, Service, Location, Phone)] == [
        10, 13, 10, 5]
    assert report.ignored_files == ["metadata.csv"]


def test_open_eligibility_taxonomy_and_its_descendants_answer_needs(directory_session, tmp_path):
    report = import_taxonomy(directory_session, OPEN_ELIGIBILITY)
    assert report.tables["taxonomy_term"].inserted == 289
    folder = write_hsds(tmp_path / "d", {
        "organizations": [{"id": "o1", "name": "Org"}],
        "services": [
            {"id": "benefits", "organization_id": "o1", "name": "SNAP sign-up"},
            {"id": "repairs", "organization_id": "o1", "name": "Fix-it crew"},
        ],
        # 1133 Food Benefits sits under 1132 Help Pay for Food under 1102 Food.
        "attributes": [
            {"id": "a1", "link_id": "benefits", "link_entity": "service", "taxonomy_term_id": "1133"},
            {"id": "a2", "link_id": "repairs", "link_entity": "service", "taxonomy_term_id": "1141"},
        ],
    })
    import_directory(directory_session, folder)
    directory_session.commit()
    assert needs_of(directory_session, "benefits") == {"food-insecurity": False}
    # 1141 Maintenance & Repairs is under 1137 Help Pay for Housing under 1103 Housing: it answers
    # every housing need, and is preferred for inadequate housing and (via 1137) housing instability.
    preferred = dict(directory_session.execute(
        sa.select(ServiceNeed.need, ServiceNeed.preferred).where(ServiceNeed.service_id == "repairs")
    ).all())
    assert preferred == {"homelessness": False, "housing-instability": True, "inadequate-housing": True}


def test_a_need_mapping_file_overrides_the_default(directory_session, tmp_path):
    import_taxonomy(directory_session, OPEN_ELIGIBILITY)
    import_directory(directory_session, write_hsds(tmp_path / "d", {
        "organizations": [{"id": "o1", "name": "Org"}],
        "services": [{"id": "s1", "organization_id": "o1", "name": "Bus passes"}],
        "attributes": [{"id": "a1", "link_id": "s1", "link_entity": "service",
                        "taxonomy_term_id": "1173"}],
    }))
    assert needs_of(directory_session, "s1") == {"transportation-insecurity": False}
    mapping = tmp_path / "needs.json"
    mapping.write_text('{"transit-passes": {"terms": ["1173"]}}')
    assert rebuild_links(directory_session, load_needs(mapping)) == {"transit-passes": 1}
    assert needs_of(directory_session, "s1") == {"transit-passes": False}


# --- re-import ----------------------------------------------------------------------------


def test_reimport_updates_in_place(directory_session, tmp_path):
    folder = tmp_path / "simple"
    shutil.copytree(SAMPLE_11_SIMPLE, folder)
    import_directory(directory_session, folder)
    directory_session.commit()
    services = folder / "services.csv"
    services.write_text(services.read_text().replace("Never Homeless Helpline", "Never Homeless Line"))

    report = import_directory(directory_session, folder)
    directory_session.commit()

    assert (report.tables["service"].inserted, report.tables["service"].changed,
            report.tables["service"].unchanged) == (0, 1, 12)
    assert count(directory_session, Service.__table__) == 13
    renamed = directory_session.get(Service, "c89eb05c-62dd-4b64-b494-0cc347b6ea7f")
    assert renamed.name == "Never Homeless Line"
    assert "  service: 0 new, 1 updated, 12 unchanged" in report.summary()


def test_reimport_keeps_rows_the_new_export_leaves_out_and_says_so(directory_session, tmp_path):
    import_directory(directory_session, SAMPLE_11_SIMPLE)
    directory_session.commit()
    folder = write_hsds(tmp_path / "one", {"organizations": [{"id": "new-org", "name": "New"}]})
    report = import_directory(directory_session, folder)
    directory_session.commit()
    assert count(directory_session, Organization.__table__) == 11
    assert "  organization: 1 new, 0 updated, 0 unchanged; 10 already in the directory and not in " \
           "this import, kept" in report.summary()


# --- messy rows ---------------------------------------------------------------------------


def messy_export(folder):
    write_hsds(folder, {
        "organizations": [{"id": "o1", "name": "Centro Haïtien"}, {"id": "o2", "name": ""}],
        "locations": [
            {"id": "l1", "name": "Main", "latitude": "42.3647", "longitude": "-71.1042"},
            {"id": "l2", "name": "No coordinates", "latitude": "", "longitude": ""},
            {"id": "l3", "name": "Bad coordinates", "latitude": "north", "longitude": "west"},
        ],
        "services": [
            {"id": "s1", "organization_id": "o1", "name": "Pantry", "notes_for_staff": "extra column"},
            {"id": "s2", "organization_id": "missing-org", "name": "Orphan"},
            {"id": "", "organization_id": "o1", "name": "No id"},
            {"id": "s1", "organization_id": "o1", "name": "Duplicate"},
            {"id": "s3", "organization_id": "o2", "name": "Child of a skipped org"},
        ],
        "service_at_location": [
            {"id": "sl1", "service_id": "s1", "location_id": "l1"},
            {"id": "sl2", "service_id": "s2", "location_id": "l1"},
        ],
        "phones": [
            {"id": "p1", "service_id": "s1", "number": "617.555.0101 x12"},
            {"id": "p2", "service_id": "s1", "number": "TBD"},
            {"id": "p3", "contact_id": "c1", "number": "617-555-0102"},
        ],
        "schedules": [
            {"id": "h1", "service_id": "s1", "freq": "WEEKLY", "byday": "MO,TU", "opens_at": "9am",
             "closes_at": "5:00 PM"},
            {"id": "h2", "service_id": "s1", "freq": "WEEKLY", "byday": "Mondays", "opens_at": "late",
             "closes_at": "17:00"},
        ],
    })
    # A Windows-1252 file with a BOM-less header, blank lines and a row with too many values.
    (folder / "organizations.csv").write_bytes(
        "id,name\r\no1,Centro Ha\xefTien\r\n\r\no2,\r\no3,Extra,values,here\r\n".encode("cp1252"))
    services = folder / "services.csv"
    services.write_text("\ufeff" + services.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_broken_rows_are_reported_and_the_rest_goes_in(directory_session, tmp_path):
    report = import_directory(directory_session, messy_export(tmp_path / "messy"))
    directory_session.commit()

    reasons = {(i.file, i.row): (i.skipped, i.reason) for i in report.issues}
    assert (False, "latitude 'north' is not a number; kept without it") in [
        (i.skipped, i.reason) for i in report.issues if (i.file, i.row) == ("locations.csv", 4)]
    assert reasons[("organizations.csv", 4)] == (True, "no name")
    assert reasons[("organizations.csv", 5)] == (True, "4 values for 2 columns")
    assert reasons[("services.csv", 3)] == (
        True, "organization_id missing-org matches no organization in this import or the directory")
    assert reasons[("services.csv", 4)] == (True, "no id")
    assert reasons[("services.csv", 5)] == (True, "duplicate id s1 (first on services.csv row 2)")
    assert reasons[("services.csv", 6)] == (
        True, "organization_id o2 was itself skipped (organizations.csv row 4)")
    assert reasons[("service_at_location.csv", 3)] == (
        True, "service_id s2 was itself skipped (services.csv row 3)")
    assert reasons[("phones.csv", 4)] == (
        True, "the phone belongs only to a contact, and contacts are not kept")
    assert reasons[("phones.csv", 3)] == (False, "'TBD' is not a valid phone number; kept as written")
    assert reasons[("schedules.csv", 3)][0] is False

    # What could be taken was.
    assert directory_session.get(Organization, "o1").name == "Centro HaïTien"
    assert [s.name for s in directory_session.scalars(sa.select(Service))] == ["Pantry"]
    assert count(directory_session, Location.__table__) == 3
    p1 = directory_session.get(Phone, "p1")
    assert (p1.e164, p1.extension, p1.number) == ("+16175550101", "12", "617.555.0101 x12")
    h1 = directory_session.get(Schedule, "h1")
    assert (str(h1.opens_at), str(h1.closes_at)) == ("09:00:00", "17:00:00")
    assert "organizations.csv was read as Windows-1252, not UTF-8." in report.summary()


# --- fatal problems leave the directory as it was -----------------------------------------


def test_a_broken_csv_leaves_the_previous_directory_intact(directory_session, tmp_path):
    import_directory(directory_session, SAMPLE_11_SIMPLE)
    directory_session.commit()
    folder = tmp_path / "broken"
    shutil.copytree(SAMPLE_11_SIMPLE, folder)
    organizations = folder / "organizations.csv"
    organizations.write_text(organizations.read_text().replace("Sanctuary Example City", "Renamed"))
    # services.csv is written after organizations: a quote opened and never closed properly.
    services = folder / "services.csv"
    lines = services.read_text().splitlines()
    assert ",Shop Assist," in lines[6]
    lines[6] = lines[6].replace(",Shop Assist,", ',"Shop Assist,', 1)
    services.write_text("\n".join(lines) + "\n")

    with pytest.raises(DirectoryImportError, match=r"services.csv: broken CSV in the row starting on line 7"):
        import_directory(directory_session, folder)
    directory_session.rollback()

    assert directory_session.get(Organization, "1899600a-649c-11e6-8b77-86f30ca893d3").name == \
        "Sanctuary Example City"
    assert count(directory_session, Service.__table__) == 13


def test_a_dataset_with_nothing_we_can_use_changes_nothing(directory_session, tmp_path):
    import_directory(directory_session, SAMPLE_11_SIMPLE)
    directory_session.commit()
    folder = write_hsds(tmp_path / "orgs", {"organizations": [{"id": "x", "name": "X"}]})
    (folder / "services.csv").write_bytes(b"\x00\x01PK\x03\x04 not a csv")
    with pytest.raises(DirectoryImportError, match="services.csv is not a text CSV file"):
        import_directory(directory_session, folder)
    directory_session.rollback()
    assert count(directory_session, Organization.__table__) == 10


# --- the command line ---------------------------------------------------------------------


@pytest.mark.parametrize("make, message", [
    (lambda tmp: tmp / "nowhere", "Error: no such file or folder: "),
    (lambda tmp: SPEC_31.parent / "json" / "service_full.json",
     "is a JSON file, not an HSDS CSV datapackage folder"),
    (lambda tmp: SPEC_31 / "services.csv", "is a single CSV file: give the folder"),
    (lambda tmp: SPEC_31.parent, "but " + str(SPEC_31) + " has some: give that folder"),
    (lambda tmp: write_hsds(tmp / "random", {"sales": [{"region": "N", "total": "3"}]}),
     "no HSDS CSV files in"),
    (lambda tmp: write_hsds(tmp / "notid", {"services": [{"name": "x", "total": "3"}]}),
     "services.csv does not look like an HSDS table: it has no 'id' column (columns: name, total)"),
])
def test_the_cli_refuses_what_it_cannot_import_in_one_line(directory_cli_runner, tmp_path, make, message):
    result = directory_cli_runner.invoke(args=["directory", "import", str(make(tmp_path))])
    assert result.exit_code != 0
    assert message in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_the_cli_imports_and_lists_what_it_skipped(directory_cli_runner, directory_session, tmp_path):
    result = directory_cli_runner.invoke(args=["directory", "import", str(messy_export(tmp_path / "m"))])
    assert result.exit_code == 0, result.output
    assert "services.csv row 3: skipped: organization_id missing-org matches no organization" in result.output
    assert "  service: 1 new, 0 updated, 0 unchanged" in result.output
    assert count(directory_session, Service.__table__) == 1


def test_the_cli_dry_run_saves_nothing(directory_cli_runner, directory_session):
    result = directory_cli_runner.invoke(args=["directory", "import", "--dry-run", str(SAMPLE_11_SIMPLE)])
    assert result.exit_code == 0, result.output
    assert "Dry run: nothing was saved." in result.output
    assert count(directory_session, Service.__table__) == 0


def test_the_cli_imports_a_taxonomy_and_relinks(directory_cli_runner, directory_session):
    result = directory_cli_runner.invoke(args=["directory", "import-taxonomy", str(OPEN_ELIGIBILITY)])
    assert result.exit_code == 0, result.output
    assert count(directory_session, TaxonomyTerm.__table__) == 289
    result = directory_cli_runner.invoke(args=["directory", "relink"])
    assert result.exit_code == 0 and result.output.startswith("Services per need: food-insecurity 0")
    assert count(directory_session, Attribute.__table__) == 0
