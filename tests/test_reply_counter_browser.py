"""The size and cost counter under the reply box in headless Chromium: as the CHW types, it says
the characters, the SMS segments and the encoding exactly as bot/i18n/segments.py counts them
(GSM-7 or UCS-2), and the estimated cost at SMS_SEGMENT_COST; desktop and phone."""

from __future__ import annotations

from decimal import Decimal

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from bot.i18n.segments import count_segments
from models import Conversation, db
from tests.browser import PHONE, login, screenshot
from tests.phone import Phone
from tests.staff import PASSWORD, add_user

pytestmark = pytest.mark.browser
COST = Decimal("0.0125")
TEXTS = (
    "Hi, this is Ana from Enlace.",
    "x" * 160,  # one full GSM-7 segment
    "x" * 161,  # two
    "[ok] {fine} ~ 10€ " * 9,  # extension characters count twice
    "Chào chị, em là nhân viên y tế cộng đồng.",  # Vietnamese: UCS-2
    "a" * 69 + "😀",  # an emoji is two UTF-16 units: 71, two UCS-2 segments
    "你好" * 40,
)


@pytest.fixture
def app(make_app):
    return make_app(SMS_SEGMENT_COST=COST)


def expected(text: str) -> str:
    info = count_segments(text)
    plural = "" if info.segments == 1 else "s"
    return (f"{len(text)} of 1600 characters · {info.segments} segment{plural} ({info.encoding})"
            f" · about ${info.segments * COST:.4f} (estimate)")


def test_the_counter_follows_the_text_as_typed(app, page):
    phone = Phone(app, app.test_client(), "+16175550123")
    phone.send("hi")
    phone.send("I want to talk to a person")
    add_user(app, "ana@example.org", name="Ana Ruiz")
    login(page, "ana@example.org", PASSWORD)
    with app.app_context():
        cid = db.session.scalars(sa.select(Conversation.id)).one()
    page.goto(f"/dashboard/conversations/{cid}")
    page.get_by_role("button", name="Claim this conversation").click()
    expect(page.locator("#reply-cost")).to_contain_text("0.0125 USD per SMS segment")
    box = page.get_by_label("Your message")
    size = page.locator("#reply-size")
    for text in TEXTS:
        box.fill(text)
        expect(size).to_have_text(expected(text))
    assert "2 segments (UCS-2)" in expected(TEXTS[5])  # the table above is not trivially one segment each
    box.fill("")
    box.press_sequentially("Hola ñ")  # key by key, as a person types
    expect(size).to_have_text(expected("Hola ñ"))
    screenshot(page, "reply-counter-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "reply-counter-phone")
