"""The queue in headless Chromium: an urgent arrival raises the count in the tab title without a
reload, its card quotes the text (translated), and the conversation opens at the latest message
with that text marked; desktop and phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser import PHONE, login, screenshot
from tests.fake_translate import FakeTranslate
from tests.phone import Phone
from tests.staff import PASSWORD, add_user

pytestmark = pytest.mark.browser
CRISIS = "ya no quiero vivir"


@pytest.fixture
def fake():
    with FakeTranslate() as server:
        server.answers[CRISIS] = "I don't want to live anymore"
        yield server


@pytest.fixture
def app(make_app, fake):
    return make_app(TRANSLATE_URL=fake.url, DASHBOARD_POLL_SECONDS=1)


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_an_urgent_arrival_counts_in_the_title_and_opens_at_the_latest_message(app, page):
    phone = Phone(app, app.test_client(), "+16175550123")
    phone.send("hola")
    phone.send("2")  # Español
    for n in range(25):  # a long history before the crisis
        phone.send(f"mensaje número {n}")
    add_user(app, "ana@example.org", name="Ana Ruiz")
    login(page, "ana@example.org", PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_have_text("Queue")
    expect(page).to_have_title("Queue · Enlace")

    phone.send(CRISIS)
    card = page.locator(".qitem", has_text=CRISIS)
    expect(card).to_be_visible(timeout=10_000)  # no reload
    expect(page).to_have_title("(1) Queue · Enlace")
    expect(card).to_contain_text("I don't want to live anymore")
    expect(card).to_contain_text("Spanish")
    screenshot(page, "queue-trigger-desktop")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    screenshot(page, "queue-trigger-phone")

    card.get_by_role("link").click()
    trigger = page.locator(".msg--trigger")
    expect(trigger).to_contain_text(CRISIS)
    expect(trigger).to_contain_text("This text put the conversation in the queue")
    expect(page.locator("#transcript .msg").last).to_be_in_viewport()
    expect(page.locator("#transcript .msg").first).not_to_be_in_viewport()
    assert no_sideways_scroll(page)
    screenshot(page, "conversation-latest-phone")
