"""Staff sign-in as a person does it: in headless Chromium, by mouse, by keyboard alone, on a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser import PHONE, login, screenshot
from tests.staff import PASSWORD, add_user

pytestmark = pytest.mark.browser


def focused(page: Page) -> str:
    """The focused element, as 'tag#id' or 'tag:text'."""
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return e.tagName.toLowerCase() + (e.id ? '#' + e.id : ':' + e.textContent.trim()); }"
    )


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_sign_in_and_see_the_landing_page(app, page):
    add_user(app, "ana@example.org", name="Ana Ruiz")
    page.goto("/dashboard/")
    expect(page).to_have_url("/login?next=%2Fdashboard%2F")
    expect(page.get_by_text("Please sign in to see that page.")).to_be_visible()
    screenshot(page, "login-desktop")

    login(page, "ana@example.org", PASSWORD)
    expect(page).to_have_url("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Queue")  # the dashboard opens on the queue
    expect(page.get_by_role("banner")).to_contain_text("Ana Ruiz")
    expect(page.get_by_role("banner")).to_contain_text("Community health worker")
    screenshot(page, "home-desktop")

    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    page.goto("/dashboard/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")


def test_a_wrong_password_is_announced_and_focus_returns_to_the_password(app, page):
    add_user(app, "ana@example.org")
    login(page, "ana@example.org", "not my password")
    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("We could not sign you in with that email and password.")
    expect(page.get_by_label("Email")).to_have_value("ana@example.org")
    expect(page.get_by_label("Password")).to_be_focused()
    screenshot(page, "login-failed-desktop")


def test_missing_fields_are_named_next_to_the_field(page):
    page.goto("/login")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Enter your email address.")
    expect(page.get_by_label("Email")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#email-error")).to_have_text("Enter your email address.")
    page.get_by_role("alert").get_by_role("link", name="Enter your password.").click()
    expect(page.get_by_label("Password")).to_be_focused()
    screenshot(page, "login-errors-desktop")


def test_keyboard_only_sign_in_and_sign_out(app, page):
    add_user(app, "ana@example.org", name="Ana Ruiz")
    page.goto("/login")
    # The page opens ready to type; Chromium applies autofocus on its next rendering step, after "load".
    expect(page.get_by_label("Email")).to_be_focused()
    page.keyboard.type("ana@example.org")
    page.keyboard.press("Tab")
    assert focused(page) == "input#password"
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Queue")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineWidth")
    assert outline == "3px"
    screenshot(page, "home-skip-link-focused")
    page.keyboard.press("Enter")
    assert focused(page) == "main#main"

    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("button", name="Sign out")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("You have signed out.")).to_be_visible()


def test_phone_sized_screen(app, page):
    add_user(app, "ana.maria.rodriguez.hernandez@clinica-comunitaria.example.org", name="Ana María Rodríguez Hernández")
    page.set_viewport_size(PHONE)
    page.goto("/login")
    assert no_sideways_scroll(page)
    field = page.get_by_label("Email").bounding_box()
    assert field["width"] > PHONE["width"] * 0.75  # a field as wide as the screen allows
    screenshot(page, "login-phone")

    login(page, "ana.maria.rodriguez.hernandez@clinica-comunitaria.example.org", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Queue")
    expect(page.get_by_role("banner")).to_contain_text("Ana María Rodríguez Hernández")
    expect(page.get_by_role("button", name="Sign out")).to_be_in_viewport()
    assert no_sideways_scroll(page)
    screenshot(page, "home-phone")
