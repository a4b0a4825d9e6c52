"""The reports page in headless Chromium: a supervisor filters, reads the charts, on desktop and phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from models.base import db
from tests.browser import PHONE, login, screenshot
from tests.report_data import make_program
from tests.staff import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def program(app):
    with app.app_context():
        make_program(db.session)
        db.session.commit()


def test_a_supervisor_picks_a_period_and_reads_the_charts(program, page):
    login(page, "sue@example.org", PASSWORD)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Reports").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports")
    page.get_by_label("From", exact=True).fill("2026-03-01")
    page.get_by_label("To", exact=True).fill("2026-03-10")
    page.get_by_label("CHW", exact=True).select_option(label="Ana Ruiz")
    with page.expect_navigation():
        page.get_by_role("button", name="Show report").click()
    expect(page.locator(".lede")).to_contain_text("1 Mar 2026 to 10 Mar 2026 · Ana Ruiz")
    chart = page.get_by_role("img", name="Referrals made, by status now, 1 Mar 2026 to 10 Mar 2026")
    expect(chart).to_be_visible()
    expect(chart).to_contain_text("Entered in error")
    expect(page.get_by_role("link", name="Download table (CSV)").first).to_have_attribute(
        "href", "/dashboard/reports/summary.csv?start=2026-03-01&end=2026-03-10&chw=1")
    screenshot(page, "reports-desktop")


def test_the_report_fits_a_phone(program, page):
    page.set_viewport_size(PHONE)
    login(page, "sue@example.org", PASSWORD)
    page.goto("/dashboard/reports?start=2026-03-01&end=2026-03-10")
    expect(page.get_by_role("img", name="Clients reached by language, 1 Mar 2026 to 10 Mar 2026")).to_be_visible()
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    width = page.locator("svg.chart").first.bounding_box()["width"]
    assert width <= PHONE["width"]
    screenshot(page, "reports-phone")


def test_an_impossible_period_is_explained_next_to_the_field(program, page):
    login(page, "sue@example.org", PASSWORD)
    page.goto("/dashboard/reports?start=2026-03-10&end=2026-03-01")
    expect(page.get_by_role("alert")).to_contain_text("The last day must be on or after the first day.")
    expect(page.get_by_label("To", exact=True)).to_have_attribute("aria-invalid", "true")
    screenshot(page, "reports-error-desktop")
