"""Directory management through Flask's test client: browsing and searching (every role), editing a
service and importing an HSDS zip (supervisors and admins), with validation and the import report."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
import sqlalchemy as sa

from models import AuditEntry, db
from models.directory import Phone, Service
from tests import hsds
from tests.staff import add_user, csrf_token, post, sign_in


def text(response) -> str:
    return response.get_data(as_text=True)


@pytest.fixture
def directory(app, tmp_path):
    hsds.load(app, tmp_path)


@pytest.fixture
def chw(app, http):
    add_user(app, "ana@example.org", name="Ana Ruiz")
    sign_in(http, "ana@example.org")
    return http


@pytest.fixture
def supervisor(app):
    add_user(app, "sam@example.org", role="supervisor", name="Sam Lee")
    http = app.test_client()
    sign_in(http, "sam@example.org")
    return http


def upload(http, data: bytes, name: str = "pantries.zip", dry_run: bool = False):
    form = {"csrf_token": csrf_token(http, "/dashboard/directory/import"), "archive": (io.BytesIO(data), name)}
    if dry_run:
        form["dry_run"] = "y"
    return http.post("/dashboard/directory/import", data=form, content_type="multipart/form-data")


def service(app, service_id: str) -> tuple:
    with app.app_context():
        s = db.session.get(Service, service_id)
        phone = db.session.scalars(sa.select(Phone).where(Phone.service_id == service_id)).first()
        return s.name, s.description, s.status, phone.number if phone else None, phone.e164 if phone else None


def test_every_role_browses_and_searches(app, chw, directory):
    page = text(chw.get("/dashboard/directory"))
    assert "2 services" in page and "City Pantry" in page and "Closed Pantry" in page
    assert "Import a directory" not in page  # a CHW may not import
    assert "City Pantry" in text(chw.get("/dashboard/directory?q=city"))
    assert "Closed Pantry" not in text(chw.get("/dashboard/directory?q=city"))
    assert "City Pantry" in text(chw.get("/dashboard/directory?need=food-insecurity&zip=10001"))
    assert "0 services match" in text(chw.get("/dashboard/directory?zip=94110"))
    bad = chw.get("/dashboard/directory?zip=abc")
    assert bad.status_code == 400 and "Enter a 5-digit ZIP code." in text(bad)
    detail = text(chw.get("/dashboard/directory/services/svc-1"))
    assert "Chelsea Food Bank" in detail and "(212) 555-0100" in detail and "Food insecurity" in detail
    assert "1 W 28th St, New York, NY, 10001" in detail
    assert ">Edit" not in detail
    assert chw.get("/dashboard/directory/services/nope").status_code == 404


def test_a_chw_may_not_edit_or_import(app, chw, directory):
    assert chw.get("/dashboard/directory/services/svc-1/edit").status_code == 403
    assert post(chw, "/dashboard/directory/services/svc-1/edit", {"name": "Mine now"}).status_code == 403
    assert chw.get("/dashboard/directory/import").status_code == 403
    assert service(app, "svc-1")[0] == "City Pantry"


def test_pages_need_sign_in(app, http, directory):
    for url in ("/dashboard/directory", "/dashboard/directory/services/svc-1", "/dashboard/directory/import"):
        assert http.get(url).headers["Location"].startswith("/login?next=")


def test_a_supervisor_edits_a_service_with_validation(app, supervisor, directory):
    form = text(supervisor.get("/dashboard/directory/services/svc-1/edit"))
    assert 'value="City Pantry"' in form and 'value="(212) 555-0100"' in form
    bad = post(supervisor, "/dashboard/directory/services/svc-1/edit",
               {"name": " ", "description": "x" * 4001, "phone": "call us", "status": "open"})
    page = text(bad)
    assert bad.status_code == 400
    for message in ("Give the service a name.", "Keep the description to 4000 characters; this one has 4001.",
                    "Enter a phone number we can call", "Not a valid choice."):
        assert message in page
    assert service(app, "svc-1")[0] == "City Pantry"
    saved = post(supervisor, "/dashboard/directory/services/svc-1/edit",
                 {"name": "City Pantry (Chelsea)", "description": "Groceries, Monday to Friday.",
                  "phone": "212.555.0199", "status": "temporarily closed"}, follow_redirects=True)
    assert "Service saved." in text(saved) and "City Pantry (Chelsea)" in text(saved)
    assert service(app, "svc-1") == ("City Pantry (Chelsea)", "Groceries, Monday to Friday.", "temporarily closed",
                                     "212.555.0199", "+12125550199")
    with app.app_context():  # what clients are offered changes at once, not at the next import
        from directory.search.services import search_services

        names = [r.service_name for r in search_services(db.session, need="food-insecurity", zip_code="10001",
                                                           limit=10)]
        assert "City Pantry" not in names
    with app.app_context():
        entry = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.action == "edit_service")).one()
        assert (entry.target_type, entry.target_id) == ("service", "svc-1")


def test_clearing_the_phone_removes_it_and_a_new_one_is_added(app, supervisor, directory):
    fields = {"name": "Closed Pantry", "description": "", "status": "defunct"}
    post(supervisor, "/dashboard/directory/services/svc-2/edit", {**fields, "phone": "(212) 555-0142"})
    assert service(app, "svc-2")[3:] == ("(212) 555-0142", "+12125550142")
    post(supervisor, "/dashboard/directory/services/svc-2/edit", {**fields, "phone": ""})
    assert service(app, "svc-2")[3] is None


def test_importing_a_zip_shows_the_report_with_skipped_rows(app, supervisor):
    response = upload(supervisor, hsds.zipped())
    page = text(response)
    assert response.status_code == 200, page
    assert "Imported: pantries.zip" in page and "The directory is updated." in page
    assert re.search(r"<td>services.csv</td><td>4</td><td>Skipped</td><td[^>]*>organization_id org-missing", page)
    assert service(app, "svc-1")[0] == "City Pantry"
    with app.app_context():
        assert db.session.scalars(sa.select(AuditEntry.action).where(AuditEntry.action == "import_directory")).all()


def test_a_dry_run_changes_nothing(app, supervisor):
    page = text(upload(supervisor, hsds.zipped(), dry_run=True))
    assert "Checked: pantries.zip" in page and "Nothing was changed: this was a check." in page
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0


@pytest.mark.parametrize("data, name, message", [
    (b"", "", "Choose the .zip file to import."),
    (b"", "empty.zip", "That file is not a zip archive."),
    (b"id,name\n1,x\n", "services.csv", "Upload a .zip file of the HSDS CSV files."),
    (b"not a zip", "broken.zip", "That file is not a zip archive."),
    (hsds.zipped(extra={"../../evil.csv": b"id\n1\n"}), "evil.zip", "The zip has a file outside its own folder"),
    (hsds.zipped(prefix="", extra={"other/services.csv": b"id\n"}), "two.zip", None),
])
def test_bad_uploads_are_refused_with_a_reason(app, supervisor, data, name, message):
    response = upload(supervisor, data, name)
    if message is None:  # a zip with the files at its top level (and a stray copy in a folder) is fine
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert message in text(response)
    with app.app_context():
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Service)) == 0


def test_an_upload_needs_its_csrf_token(app, supervisor):
    response = supervisor.post("/dashboard/directory/import", content_type="multipart/form-data",
                               data={"archive": (io.BytesIO(hsds.zipped()), "pantries.zip")})
    assert response.status_code == 400
    assert "This form has expired" in text(response)


def test_a_zip_bomb_stops_at_the_limit(app, supervisor, monkeypatch):
    import dashboard.resources.data as data

    monkeypatch.setattr(data, "MAX_UNPACKED", 1000)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("services.csv", "id,name\n" + "x" * 5000)
    response = upload(supervisor, out.getvalue(), "bomb.zip")
    assert response.status_code == 400 and "The zip unpacks to more than" in text(response)
