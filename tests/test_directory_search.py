"""Searching the directory: a small Boston-area directory with known answers, plus the clock and
map underneath (opening hours, ZIP codes)."""

from __future__ import annotations

from datetime import date, datetime, time, timezone
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

from directory.geo import haversine_miles, map_link, zip_info
from directory.hours import closing_time, opening_state
from directory.hsds.importer import import_directory
from directory.languages import client_language, language_code
from directory.needs import load_needs
from directory.search.links import refresh_services
from directory.search.services import search_services
from models.directory import Phone, Service
from tests.directory_support import write_hsds

EASTERN = ZoneInfo("America/New_York")
MONDAY_10AM = datetime(2025, 1, 6, 10, tzinfo=EASTERN)
SATURDAY_11AM = datetime(2025, 1, 11, 11, tzinfo=EASTERN)
SUNDAY_NOON = datetime(2025, 1, 12, 12, tzinfo=EASTERN)
CAMBRIDGE, SOUTH_END, SOMERVILLE, WORCESTER = (zip_info(z) for z in ("02139", "02118", "02143", "01608"))


def place(info, north=0.0):
    return {"latitude": f"{info.lat + north:.6f}", "longitude": f"{info.lon:.6f}"}


def weekly(id, service, days, opens, closes):
    return {"id": id, "service_id": service, "freq": "WEEKLY", "byday": days, "opens_at": opens,
            "closes_at": closes}


def service(id, name, org="org", **extra):
    return {"id": id, "organization_id": org, "name": name, "status": "active", **extra}


@pytest.fixture
def boston(directory_session, tmp_path):
    """Cambridge (02139), Boston's South End (02118, 2.5 miles away) and Worcester (36 miles)."""
    terms = [("1101", "Emergency", ""), ("1123", "Immediate Safety", "1101"),
             ("1124", "Help Escape Violence", "1123"), ("1102", "Food", ""),
             ("1127", "Community Gardens", "1102"), ("1130", "Food Pantry", "1102"),
             ("1131", "Free Meals", "1102"), ("1103", "Housing", ""),
             ("1135", "Emergency Shelter", "1103"), ("1136", "Help Find Housing", "1103")]
    tagged = [("pantry", "1130"), ("meals", "1131"), ("garden", "1127"), ("shelter", "1135"),
              ("housing", "1136"), ("worcester", "1130"), ("unplaced", "1130"), ("hotline", "1124"),
              ("closed", "1130"), ("somerville-only", "1130")]
    folder = write_hsds(tmp_path / "boston", {
        "taxonomy_terms": [{"id": i, "code": i, "name": n, "description": n, "parent_id": p}
                           for i, n, p in terms],
        "organizations": [{"id": "org", "name": "Neighbors United"}],
        "locations": [
            {"id": "cambridge", "name": "Central Square", **place(CAMBRIDGE, 0.001)},
            {"id": "cambridge-garden", "name": "Garden plot", **place(CAMBRIDGE, 0.002)},
            {"id": "cambridge-annex", "name": "Annex", **place(CAMBRIDGE, 0.003)},
            {"id": "south-end", "name": "Tremont St", **place(SOUTH_END)},
            {"id": "worcester", "name": "Main St", **place(WORCESTER)},
            {"id": "no-coordinates", "name": "Somewhere in Cambridge"},
        ],
        "addresses": [
            {"id": "a1", "location_id": "cambridge", "address_1": "1 Main St", "city": "Cambridge",
             "state_province": "MA", "postal_code": "02139", "country": "US", "address_type": "physical"},
            {"id": "a2", "location_id": "no-coordinates", "address_1": "9 Elm St", "city": "Cambridge",
             "state_province": "MA", "postal_code": "02139-4307", "country": "US",
             "address_type": "physical"},
            {"id": "a3", "location_id": "south-end", "address_1": "500 Tremont St", "city": "Boston",
             "state_province": "MA", "postal_code": "02118", "country": "US", "address_type": "physical"},
        ],
        "services": [
            service("pantry", "Cambridge Food Pantry"),
            service("meals", "South End Free Meals"),
            service("garden", "Cambridge Community Garden"),
            service("shelter", "Pine Street Shelter"),
            service("housing", "Cambridge Housing Help"),
            service("worcester", "Worcester Pantry"),
            service("unplaced", "Helping Hands Pantry"),
            service("hotline", "Safe Harbor Hotline"),
            service("closed", "Old Pantry", status="inactive"),
            service("somerville-only", "Somerville Residents Pantry"),
            service("groceries", "Community Groceries", description="Free groceries every Friday."),
        ],
        "service_at_location": [
            {"id": f"at-{s}", "service_id": s, "location_id": loc} for s, loc in (
                ("pantry", "cambridge"), ("meals", "south-end"), ("garden", "cambridge-garden"),
                ("shelter", "south-end"), ("housing", "cambridge"), ("worcester", "worcester"),
                ("unplaced", "no-coordinates"), ("closed", "cambridge"),
                ("somerville-only", "cambridge-annex"), ("groceries", "south-end"))
        ],
        "attributes": [{"id": f"t-{s}", "link_id": s, "link_entity": "service", "taxonomy_term_id": t}
                       for s, t in tagged],
        "phones": [
            {"id": "p1", "service_id": "pantry", "number": "617-555-0101", "type": "voice"},
            {"id": "p2", "service_id": "pantry", "number": "617-555-0109", "type": "fax"},
            {"id": "p3", "service_id": "hotline", "number": "(617) 555-0150", "type": "voice"},
        ],
        "schedules": [
            weekly("h1", "pantry", "MO,TU,WE,TH,FR", "09:00", "17:00"),
            weekly("h2", "meals", "SA", "10:00", "14:00"),
            weekly("h3", "shelter", "MO,TU,WE,TH,FR,SA,SU", "19:00", "07:00"),
        ],
        "languages": [
            {"id": "l1", "service_id": "pantry", "code": "en"},
            {"id": "l2", "service_id": "pantry", "code": "es"},
            {"id": "l3", "service_id": "meals", "name": "Vietnamese"},
        ],
        "service_areas": [
            {"id": "sa1", "service_id": "hotline", "name": "Cambridge", "extent": "02139, 02140",
             "extent_type": "text"},
            {"id": "sa2", "service_id": "somerville-only", "name": "Somerville residents",
             "extent": "02143, 02144, 02145", "extent_type": "text"},
        ],
    })
    import_directory(directory_session, folder)
    directory_session.commit()
    return directory_session


def names(results):
    return [r.service_name for r in results]


def test_food_near_cambridge_nearest_first_preferred_terms_first(boston):
    results = search_services(boston, need="food-insecurity", zip_code="02139", open_at=MONDAY_10AM,
                              limit=10)
    # Pantries and meals (preferred) before a garden; measured places before one placed by its ZIP.
    assert names(results) == ["Cambridge Food Pantry", "South End Free Meals",
                              "Cambridge Community Garden", "Community Groceries",
                              "Helping Hands Pantry"]
    pantry, meals, *_, unplaced = results
    assert (pantry.phone, pantry.city, pantry.address, pantry.languages) == (
        "(617) 555-0101", "Cambridge", "1 Main St", ("en", "es"))
    assert pantry.open_now is True and pantry.next_open is None
    assert pantry.distance_miles == 0.1
    assert meals.distance_miles == pytest.approx(2.5, abs=0.1)
    assert (meals.open_now, meals.next_open) == (False, datetime(2025, 1, 11, 10, tzinfo=EASTERN))
    assert (unplaced.distance_miles, unplaced.city, unplaced.open_now) == (None, "Cambridge", None)


def test_inactive_far_away_and_other_areas_services_are_left_out(boston):
    around_cambridge = names(search_services(boston, need="food-insecurity", zip_code="02139", limit=20))
    assert "Old Pantry" not in around_cambridge  # inactive
    assert "Worcester Pantry" not in around_cambridge  # 36 miles away
    assert "Somerville Residents Pantry" not in around_cambridge  # serves Somerville ZIPs only
    in_somerville = names(search_services(boston, need="food-insecurity", zip_code="02143", limit=20))
    assert "Somerville Residents Pantry" in in_somerville
    assert names(search_services(boston, need="food-insecurity", zip_code="01608")) == ["Worcester Pantry"]


def test_open_now_and_language_reorder_places_at_similar_distances(boston):
    # A point a little nearer Cambridge than the South End, on a Sunday when both are closed.
    between = dict(lat=CAMBRIDGE.lat * 0.55 + SOUTH_END.lat * 0.45,
                   lon=CAMBRIDGE.lon * 0.55 + SOUTH_END.lon * 0.45)
    plain = search_services(boston, need="food-insecurity", open_at=SUNDAY_NOON, limit=2, **between)
    assert names(plain) == ["Cambridge Food Pantry", "South End Free Meals"]
    vietnamese = search_services(boston, need="food-insecurity", open_at=SUNDAY_NOON, limit=2,
                                 language="vi", **between)
    assert names(vietnamese) == ["South End Free Meals", "Cambridge Food Pantry"]
    spanish = search_services(boston, need="food-insecurity", open_at=SUNDAY_NOON, limit=2,
                              language="es", **between)
    assert names(spanish) == ["Cambridge Food Pantry", "South End Free Meals"]
    saturday = search_services(boston, need="food-insecurity", open_at=SATURDAY_11AM, limit=2, **between)
    assert names(saturday) == ["South End Free Meals", "Cambridge Food Pantry"]
    assert [r.open_now for r in saturday] == [True, False]
    assert saturday[1].next_open == datetime(2025, 1, 13, 9, tzinfo=EASTERN)


def test_homelessness_prefers_a_shelter_to_a_nearer_housing_office(boston):
    results = search_services(boston, need="homelessness", zip_code="02139",
                              open_at=datetime(2025, 1, 7, 2, tzinfo=EASTERN))
    assert names(results) == ["Pine Street Shelter", "Cambridge Housing Help"]
    assert results[0].open_now is True  # open since 19:00 the evening before


def test_a_service_found_by_its_service_area_has_no_distance(boston):
    results = search_services(boston, need="intimate-partner-violence", zip_code="02139")
    assert [(r.service_name, r.distance_miles, r.phone) for r in results] == [
        ("Safe Harbor Hotline", None, "(617) 555-0150")]


def test_no_services_nearby_is_an_empty_list(boston):
    assert search_services(boston, need="intimate-partner-violence", zip_code="10001") == []
    assert search_services(boston, need="food-insecurity", zip_code="99501") == []


def test_a_zip_code_we_cannot_place_finds_only_what_lists_it(boston):
    assert zip_info("99999") is None
    assert search_services(boston, need="food-insecurity", zip_code="99999") == []


def test_a_service_without_a_phone(boston):
    results = search_services(boston, need="food-insecurity", zip_code="02118", limit=1,
                              open_at=SATURDAY_11AM)
    assert [(r.service_name, r.phone, r.languages) for r in results] == [
        ("South End Free Meals", None, ("vi",))]


def test_pages_follow_one_another(boston):
    everything = names(search_services(boston, need="food-insecurity", zip_code="02139",
                                       open_at=MONDAY_10AM, limit=10))
    second_page = names(search_services(boston, need="food-insecurity", zip_code="02139",
                                        open_at=MONDAY_10AM, limit=2, offset=2))
    assert second_page == everything[2:4]


def test_text_search_without_a_need(boston):
    assert names(search_services(boston, zip_code="02139", text="garden")) == ["Cambridge Community Garden"]
    assert names(search_services(boston, text="every friday")) == ["Community Groceries"]


def test_an_edit_outside_an_import_shows_once_the_service_is_refreshed(boston):
    pantry = boston.get(Service, "pantry")
    pantry.name = "Central Square Pantry"
    boston.get(Phone, "p1").number, boston.get(Phone, "p1").e164 = "617-555-0111", "+16175550111"
    refresh_services(boston, ["pantry"], load_needs())
    boston.commit()
    first = search_services(boston, need="food-insecurity", zip_code="02139", limit=1)[0]
    assert (first.service_name, first.phone) == ("Central Square Pantry", "(617) 555-0111")

    pantry.status = "inactive"
    refresh_services(boston, ["pantry"], load_needs())
    boston.commit()
    assert "Central Square Pantry" not in names(
        search_services(boston, need="food-insecurity", zip_code="02139", limit=10))
    # The other services' rows were left alone.
    assert names(search_services(boston, need="food-insecurity", zip_code="02139", limit=1)) == [
        "South End Free Meals"]


# --- the clock and the map underneath -----------------------------------------------------


def rule(**fields):
    base = dict(freq=None, interval=None, byday=None, bymonthday=None, opens_at=None, closes_at=None,
                valid_from=None, valid_to=None, dtstart=None, until=None)
    return SimpleNamespace(**{**base, **fields})


def test_opening_hours_rules():
    weekdays = rule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at=time(9), closes_at=time(17))
    assert opening_state([weekdays], MONDAY_10AM, EASTERN) == (True, None)
    assert opening_state([weekdays], SATURDAY_11AM, EASTERN) == (
        False, datetime(2025, 1, 13, 9, tzinfo=EASTERN))
    # A holiday closure (HSDS 1.1 holiday_schedules) overrides the weekly hours that day.
    holiday = rule(valid_from=date(2025, 1, 6), valid_to=date(2025, 1, 6))
    assert opening_state([weekdays, holiday], MONDAY_10AM, EASTERN) == (
        False, datetime(2025, 1, 7, 9, tzinfo=EASTERN))
    # A schedule that ended long ago says nothing: unknown, not closed.
    stale = rule(freq="WEEKLY", byday="MO", opens_at=time(9), closes_at=time(17), valid_to=date(2005, 1, 1))
    assert opening_state([stale], MONDAY_10AM, EASTERN) == (None, None)
    # First Monday of the month, in the location's own time zone.
    first_monday = rule(freq="MONTHLY", byday="1MO", opens_at=time(9), closes_at=time(12))
    assert opening_state([first_monday], MONDAY_10AM, EASTERN) == (True, None)
    utc_evening = datetime(2025, 1, 6, 23, tzinfo=timezone.utc)  # 15:00 in Los Angeles
    pacific = ZoneInfo("America/Los_Angeles")
    assert opening_state([weekdays], utc_evening, pacific) == (True, None)
    assert opening_state([weekdays], utc_evening, EASTERN)[0] is False


def test_opening_hours_that_repeat_every_other_week_or_month():
    """RFC 5545 counts weeks from Monday and months as months, whatever day the rule started."""
    # Every other week on Monday and Wednesday, starting on Wednesday 1 January 2025: the Monday
    # of that week came before it, so the first Monday open is 13 January, not 6 January.
    fortnightly = rule(freq="WEEKLY", interval=2, byday="MO,WE", dtstart=date(2025, 1, 1),
                       opens_at=time(9), closes_at=time(17))
    assert opening_state([fortnightly], MONDAY_10AM, EASTERN) == (False, datetime(2025, 1, 13, 9, tzinfo=EASTERN))
    assert opening_state([fortnightly], datetime(2025, 1, 13, 15, tzinfo=timezone.utc), EASTERN) == (True, None)
    # Every other month on the 6th, from 6 November 2024: January, not December.
    bimonthly = rule(freq="MONTHLY", interval=2, bymonthday="6", dtstart=date(2024, 11, 6),
                     opens_at=time(9), closes_at=time(17))
    assert opening_state([bimonthly], MONDAY_10AM, EASTERN) == (True, None)
    assert opening_state([bimonthly], datetime(2024, 12, 6, 15, tzinfo=timezone.utc), EASTERN)[0] is False


def test_zip_codes():
    assert zip_info("02139") == zip_info("02139-4307") == CAMBRIDGE
    assert (CAMBRIDGE.city, CAMBRIDGE.state, CAMBRIDGE.timezone) == ("Cambridge", "MA", "America/New_York")
    assert zip_info("99501").timezone == "America/Anchorage"
    assert zip_info("9999") is None and zip_info("abcde") is None and zip_info(None) is None
    new_york = zip_info("10001")
    assert haversine_miles(CAMBRIDGE.lat, CAMBRIDGE.lon, new_york.lat, new_york.lon) == pytest.approx(
        188, abs=3)


def test_closing_time_while_open_joins_hours_that_follow_on():
    weekdays = rule(freq="WEEKLY", byday="MO,TU,WE,TH,FR", opens_at=time(9), closes_at=time(17))
    assert closing_time([weekdays], MONDAY_10AM, EASTERN) == datetime(2025, 1, 6, 17, tzinfo=EASTERN)
    assert closing_time([weekdays], SATURDAY_11AM, EASTERN) is None  # closed: nothing to say
    morning = rule(freq="WEEKLY", byday="MO", opens_at=time(8), closes_at=time(12))
    afternoon = rule(freq="WEEKLY", byday="MO", opens_at=time(12), closes_at=time(15))
    assert closing_time([morning, afternoon], MONDAY_10AM, EASTERN) == datetime(2025, 1, 6, 15, tzinfo=EASTERN)
    night = rule(freq="DAILY", opens_at=time(19), closes_at=time(7))
    late = datetime(2025, 1, 6, 23, tzinfo=EASTERN)
    assert closing_time([night], late, EASTERN) == datetime(2025, 1, 7, 7, tzinfo=EASTERN)
    assert closing_time([], MONDAY_10AM, EASTERN) is None
    always = rule(freq="DAILY", opens_at=time(0), closes_at=time(0))
    assert closing_time([always], MONDAY_10AM, EASTERN) is None  # "open now", with no end to give


def test_a_map_link_uses_the_place_else_its_address():
    assert map_link(40.7466, -74.001) == "https://www.google.com/maps/search/?api=1&query=40.74660,-74.00100"
    assert map_link(None, None, "251 W 23rd St, New York") == (
        "https://www.google.com/maps/search/?api=1&query=251+W+23rd+St%2C+New+York")
    assert map_link(None, None, " ") is None


def test_cantonese_is_not_counted_as_the_chinese_a_simplified_chinese_client_reads():
    assert client_language("zh_Hans") == language_code("Mandarin") == language_code("zh-Hans") == "zh"
    assert language_code("Cantonese") == language_code("yue") == "yue"
