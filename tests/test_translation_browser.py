"""The CHW inbox across languages in headless Chromium: a Spanish client's texts with their English
beside them, and a reply written in English, translated, edited and sent; desktop and phone."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from models import Conversation, db
from tests.browser import PHONE, login, screenshot
from tests.fake_translate import FakeTranslate
from tests.phone import Phone
from tests.staff import PASSWORD, add_user

pytestmark = pytest.mark.browser
ASK = "quiero hablar con una persona, no tengo comida"


@pytest.fixture
def fake():
    with FakeTranslate() as server:
        server.answers[ASK] = "I want to talk to a person, I have no food"
        server.answers["I can bring you a food box today."] = "Le puedo llevar una caja de comida hoy."
        yield server


@pytest.fixture
def app(make_app, fake):
    return make_app(TRANSLATE_URL=fake.url, DASHBOARD_POLL_SECONDS=1)


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_a_spanish_conversation_read_and_answered_in_english(app, page, fake):
    phone = Phone(app, app.test_client(), "+16175550123")
    phone.send("hola")
    phone.send("2")  # Español
    phone.send(ASK)
    add_user(app, "ana@example.org", name="Ana Ruiz")
    login(page, "ana@example.org", PASSWORD)
    with app.app_context():
        cid = db.session.scalars(sa.select(Conversation.id)).one()
    page.goto(f"/dashboard/conversations/{cid}")
    message = page.locator(".msg--in", has_text=ASK)
    expect(message.locator(".msg__translation")).to_contain_text("I want to talk to a person, I have no food")
    expect(message.locator(".msg__translation")).to_contain_text("English, machine translation")
    screenshot(page, "translation-desktop")

    page.get_by_role("button", name="Claim this conversation").click()
    page.get_by_label("Your message in your language").fill("I can bring you a food box today.")
    page.get_by_role("button", name="Translate into Spanish").click()
    box = page.get_by_label("Text to send, in Spanish")
    expect(box).to_have_value("Le puedo llevar una caja de comida hoy.")
    expect(page.locator("#draft-source")).to_have_text("I can bring you a food box today.")
    box.fill("¡Le puedo llevar una caja de comida hoy!")
    page.get_by_role("button", name="Send text").click()
    sent = page.locator(".msg--chw", has_text="¡Le puedo llevar una caja de comida hoy!")
    expect(sent).to_contain_text("Written in English")
    expect(sent).to_contain_text("I can bring you a food box today.")
    page.set_viewport_size(PHONE)
    page.locator(".msg--in", has_text=ASK).scroll_into_view_if_needed()
    assert no_sideways_scroll(page)
    screenshot(page, "translation-phone")
