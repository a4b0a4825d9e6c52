"""What a client reads about a suggested place: its line in the list and how to get there."""

from dataclasses import replace
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from bot.pipeline.suggestions import describe
from directory.hsds.importer import import_directory
from directory.search.services import Result, search_services
from models import db
from tests.directory_support import SAMPLE_11_ALL

EASTERN = ZoneInfo("America/New_York")
TUESDAY_11AM = datetime(2026, 3, 10, 15, tzinfo=timezone.utc)
PLACE = Result(service_id="s", service_name="Chelsea Food Pantry", organization_name="Org", phone="(212) 555-0101",
               distance_miles=0.3, city="New York", open_now=False, next_open=None, closes_at=None, languages=(),
               location_id="l", address="251 W 23rd St", timezone="America/New_York", latitude=40.7466,
               longitude=-74.001)


def test_the_real_hsds_sample_reads_in_spanish_with_address_hours_and_map(app):
    with app.app_context():
        import_directory(db.session, SAMPLE_11_ALL)
        db.session.commit()
        [helpline] = search_services(db.session, need="homelessness", zip_code="10001", open_at=TUESDAY_11AM)
        item = describe(helpline, "es", TUESDAY_11AM)
    assert item["line"]["es"] == "Never Homeless Helpline, sin teléfono, New York City, abierto hasta las 17:00"
    assert item["line"]["en"] == "Never Homeless Helpline, no phone listed, New York City, open now until 5:00 PM"
    assert item["details"]["es"] == ("Dirección: Address 1, New York City\nHorario: abierto hasta las 17:00\n"
                               "Mapa: https://www.google.com/maps/search/?api=1&query=Address+1%2C+New+York+City")


def test_today_hours_say_when_it_opens_today_or_next(app):
    later_today = replace(PLACE, next_open=datetime(2026, 3, 10, 13, tzinfo=EASTERN))
    monday = replace(PLACE, next_open=datetime(2026, 3, 16, 9, tzinfo=EASTERN))
    with app.app_context():
        assert describe(later_today, "en", TUESDAY_11AM)["line"]["en"].endswith(", 0.3 mi, opens today at 1:00 PM")
        assert describe(monday, "en", TUESDAY_11AM)["line"]["en"].endswith(", closed today, opens Mon 9:00 AM")
        assert describe(monday, "vi", TUESDAY_11AM)["line"]["vi"].endswith(", hôm nay đóng cửa, mở Thứ 2 09:00")
        unknown = describe(PLACE, "en", TUESDAY_11AM)
    assert unknown["line"]["en"] == "Chelsea Food Pantry, (212) 555-0101, 0.3 mi"
    assert "Hours" not in unknown["details"]["en"]


def test_a_place_without_address_or_coordinates_asks_the_client_to_call(app):
    nowhere = replace(PLACE, address=None, latitude=None, longitude=None, open_now=True,
                      closes_at=datetime(2026, 3, 10, 17, tzinfo=EASTERN))
    with app.app_context():
        item = describe(nowhere, "en", TUESDAY_11AM)
        arabic = describe(nowhere, "ar", TUESDAY_11AM)
    assert item["details"]["en"] == "Hours: open now until 5:00 PM\nPlease call them for their address and hours."
    assert arabic["details"]["ar"].endswith("يرجى الاتصال بهم لمعرفة العنوان والمواعيد.")
