"""The reports page, its CSV and SVG downloads, and who may open them, through Flask's test client."""

from __future__ import annotations

import csv
import io
import re

import pytest
import sqlalchemy as sa

from models.audit import AuditEntry
from models.base import db
from tests.report_data import make_program
from tests.staff import PASSWORD, add_user

MARCH = "start=2026-03-01&end=2026-03-10"


@pytest.fixture
def program(app):
    with app.app_context():
        p = make_program(db.session)
        db.session.commit()
        return p


def sign_in(http, email):
    page = http.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    response = http.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": token})
    assert response.status_code == 302


def figure(page: str, name: str) -> str:
    return re.search(rf"<dt>{re.escape(name)}</dt><dd>([^<]*)</dd>", page).group(1)


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def test_a_supervisor_sees_the_last_30_days_by_default(http, program):
    sign_in(http, "sue@example.org")
    response = http.get("/dashboard/reports")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "9 Feb 2026 to 10 Mar 2026 · All CHWs" in page
    assert 'value="2026-02-09"' in page and 'value="2026-03-10"' in page
    assert figure(page, "Clients reached") == "4"  # c3 texted in February
    assert figure(page, "Closed-loop rate") == "75.0%"  # February's referral closed too
    assert figure(page, "Median time to outcome") == "2 days"
    assert figure(page, "Estimated SMS cost (USD)") == "0.06"
    assert page.count('role="img"') == 4
    assert "<title id=\"chart-needs-title\">Positive screens by domain, 9 Feb 2026 to 10 Mar 2026</title>" in page
    assert "/dashboard/reports/referrals.csv?start=2026-02-09&amp;end=2026-03-10&amp;chw=" in page
    assert "/dashboard/reports/languages.svg?start=2026-02-09&amp;end=2026-03-10&amp;chw=" in page
    assert '<link rel="stylesheet" href="/static/reports.css">' in page


def test_a_chosen_period_and_chw(app, http, program):
    sign_in(http, "sue@example.org")
    page = http.get(f"/dashboard/reports?{MARCH}&chw={program.ben}").get_data(as_text=True)
    assert "1 Mar 2026 to 10 Mar 2026 · =Ben Cole" in page
    assert figure(page, "Clients reached") == "1"
    assert figure(page, "Referrals made") == "0"
    assert figure(page, "Urgent escalations claimed within 15 minutes") == "0.0%"
    assert f'<option selected value="{program.ben}">=Ben Cole</option>' in page


def test_a_period_without_data_shows_zeros_and_empty_charts(http, program):
    sign_in(http, "sue@example.org")
    response = http.get("/dashboard/reports?start=2025-01-01&end=2025-01-31")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert figure(page, "Clients reached") == "0"
    assert figure(page, "Closed-loop rate") == "n/a"
    assert page.count("No data in this period</text>") == 4
    assert "No data in this period.</td>" in page


@pytest.mark.parametrize("query, problem", [
    ("start=2026-03-10&end=2026-03-01", "The last day must be on or after the first day."),
    ("start=March&end=2026-03-01", "Enter the first day of the report, like 2026-03-01."),
    ("start=1900-01-01&end=2026-03-01", "Choose a first day between 2000 and 2100."),
    ("chw=999999", "Choose a CHW from the list, or All CHWs."),
])
def test_a_bad_filter_is_explained(http, program, query, problem):
    sign_in(http, "sue@example.org")
    response = http.get(f"/dashboard/reports?{query}")
    page = response.get_data(as_text=True)
    assert response.status_code == 200  # the form again, with what to fix
    assert problem in page and "Please fix the following" in page
    assert "Clients reached" not in page


def test_tables_download_as_csv(http, program):
    sign_in(http, "sue@example.org")
    response = http.get(f"/dashboard/reports/referrals.csv?{MARCH}&chw=")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == (
        'attachment; filename="enlace-referrals_2026-03-01_2026-03-10.csv"')
    assert read_csv(response) == [["Status", "Referrals"], ["Requested", "1"], ["Failed", "1"], ["Completed: got help", "1"],
                                  ["Entered in error", "1"]]
    summary = dict(read_csv(http.get(f"/dashboard/reports/summary.csv?{MARCH}"))[1:])
    assert summary["Clients reached"] == "3" and summary["Closed-loop rate"] == "66.7%"


def test_a_csv_never_carries_a_formula(http, program):
    sign_in(http, "sue@example.org")
    response = http.get(f"/dashboard/reports/chws.csv?{MARCH}&chw={program.ben}")
    assert response.headers["Content-Disposition"].endswith(f'_2026-03-01_2026-03-10_chw-{program.ben}.csv"')
    assert read_csv(response)[1] == ["'=Ben Cole", "1", "0", "0", "n/a"]


def test_charts_download_as_svg_files(http, program):
    sign_in(http, "sue@example.org")
    response = http.get(f"/dashboard/reports/needs.svg?{MARCH}")
    svg = response.get_data(as_text=True)
    assert response.status_code == 200 and response.headers["Content-Type"] == "image/svg+xml"
    assert response.headers["Content-Disposition"] == 'attachment; filename="enlace-needs_2026-03-01_2026-03-10.svg"'
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "Food insecurity" in svg


def test_unknown_downloads_and_bad_dates(http, program):
    sign_in(http, "sue@example.org")
    assert http.get(f"/dashboard/reports/salaries.csv?{MARCH}").status_code == 404
    assert http.get(f"/dashboard/reports/summary.svg?{MARCH}").status_code == 404
    bad = http.get("/dashboard/reports/summary.csv?start=2026-03-10&end=2026-03-01")
    assert bad.status_code == 400 and "on or after the first day" in bad.get_data(as_text=True)


def test_admins_may_open_reports_and_chws_may_not(app, http, program):
    add_user(app, "root@example.org", role="admin")
    sign_in(http, "root@example.org")
    assert http.get("/dashboard/reports").status_code == 200
    chw = app.test_client()
    sign_in(chw, "ana@example.org")
    assert chw.get("/dashboard/reports").status_code == 403
    assert chw.get(f"/dashboard/reports/summary.csv?{MARCH}").status_code == 403
    assert chw.get(f"/dashboard/reports/needs.svg?{MARCH}").status_code == 403
    home = chw.get("/dashboard/").get_data(as_text=True)
    assert "/dashboard/reports" not in home


def test_signed_out_visitors_are_sent_to_sign_in(http):
    response = http.get("/dashboard/reports/summary.csv")
    assert response.status_code == 302 and response.headers["Location"].startswith("/login")


def test_views_and_downloads_are_audited(app, http, program):
    sign_in(http, "sue@example.org")
    http.get(f"/dashboard/reports?{MARCH}")
    http.get(f"/dashboard/reports/needs.csv?{MARCH}")
    http.get(f"/dashboard/reports/needs.svg?{MARCH}")
    with app.app_context():
        entries = db.session.execute(sa.select(AuditEntry.action, AuditEntry.user_id, AuditEntry.target_type,
                                               AuditEntry.target_id).order_by(AuditEntry.id)).all()
    assert entries[1:] == [("view_reports", program.supervisor, "report", "page"),
                           ("download_report", program.supervisor, "report", "needs.csv"),
                           ("download_report", program.supervisor, "report", "needs.svg")]
