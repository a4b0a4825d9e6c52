"""Issue 5 in headless Chromium: a client texts for a person, the escalation appears in the queue
without a reload, a CHW claims it, replies (the text reaches the fake Twilio), hands back, and the
bot carries on; by mouse and by keyboard alone, on a desktop and on a phone-sized screen."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from playwright.sync_api import Page, expect

from casework.handoff import claim
from models import Client, Conversation, User, db
from tests import hsds
from tests.browser import PHONE, expect_console_error, login, screenshot
from tests.conftest import app_on_fake_twilio
from tests.jobs import drain
from tests.phone import Phone
from tests.staff import PASSWORD, add_user

pytestmark = pytest.mark.browser
REPLY = "Hi, this is Ana from Enlace. How can I help you today?"


@pytest.fixture
def app(make_app, fake_twilio):
    """The app sending through the fake Twilio; live parts of pages poll every second."""
    return app_on_fake_twilio(make_app, fake_twilio, TWILIO_TIMEOUT=2.0, DASHBOARD_POLL_SECONDS=1)


@pytest.fixture
def phone(app):
    return Phone(app, app.test_client(), "+15555550123")


def no_sideways_scroll(page: Page) -> bool:
    return page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")


def test_escalation_claim_reply_and_hand_back(app, page, phone, fake_twilio):
    add_user(app, "ana@example.org", name="Ana Ruiz")
    login(page, "ana@example.org", PASSWORD)
    page.get_by_role("navigation", name="Sections").get_by_role("link", name="Queue").click()
    expect(page.get_by_role("status").first).to_have_text("Nobody is waiting.")

    phone.send("hi")  # the language menu
    assert phone.send("I want to talk to a person") == ["OK. A community health worker will text you here soon."]
    item = page.locator(".qitem", has_text="•••-0123")
    expect(item).to_be_visible(timeout=10_000)  # no reload: the live part brought it
    expect(page.locator("#queue-summary")).to_have_text("1 conversation is waiting.")
    expect(item).to_contain_text("Asked for a person")
    expect(item).to_contain_text("Due in 4 h")
    screenshot(page, "queue-desktop")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    screenshot(page, "queue-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    item.get_by_role("button", name="Claim").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Conversation with •••-0123")
    expect(page.get_by_text("You have this conversation now.")).to_be_visible()
    expect(page.locator(".msg", has_text="I want to talk to a person")).to_be_visible()

    page.get_by_label("Your message").fill(REPLY)
    expect(page.locator("#reply-size")).to_contain_text("1 segment (GSM-7)")
    page.get_by_role("button", name="Send text").click()
    expect(page.get_by_text("Your text is on its way.")).to_be_visible()
    drain(app)
    assert [m["body"] for m in fake_twilio.messages][-1] == REPLY
    fake_twilio.flush_callbacks()
    sent = page.locator(".msg", has_text=REPLY)
    expect(sent).to_contain_text("Ana Ruiz (CHW)")
    expect(sent).to_contain_text("Delivered", timeout=10_000)  # the live transcript caught the callback
    assert phone.replies()[-1] == REPLY
    screenshot(page, "conversation-desktop")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    screenshot(page, "conversation-phone")
    page.set_viewport_size({"width": 1280, "height": 800})

    page.get_by_role("link", name="Open •••-0123’s record").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("•••-0123")
    expect(page.locator("#timeline")).to_contain_text("Claimed by Ana Ruiz")
    screenshot(page, "case-desktop")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    screenshot(page, "case-phone")
    page.set_viewport_size({"width": 1280, "height": 800})
    page.go_back()

    page.get_by_role("button", name="Hand back to the bot").click()
    expect(page.get_by_text("Handed back to the bot.")).to_be_visible()
    drain(app)
    said = phone.replies()
    assert said[0] == "Let's continue where we left off."
    assert said[1].startswith("Enlace. Reply with a number")
    after = phone.send("1")  # the client answers the question the bot asked again
    assert after[0] == "Thanks! We will text you in English. Reply LANG at any time to change the language."
    assert after[1].startswith("Enlace helps you find free help")
    expect(page.locator("#queue-summary")).to_have_text("Nobody is waiting.")


def test_keyboard_only_claim_and_reply(app, page, phone):
    add_user(app, "ana@example.org", name="Ana Ruiz")
    phone.send("I want to talk to a person")
    page.goto("/login")
    # Chromium applies autofocus on its next rendering step, after "load": wait for it as a person would.
    expect(page.get_by_label("Email")).to_be_focused()
    page.keyboard.type("ana@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto("/dashboard/queue")
    claim = page.get_by_role("button", name="Claim •••-0123")
    for _ in range(30):  # Tab through the page until the claim button has focus
        page.keyboard.press("Tab")
        if claim.evaluate("el => el === document.activeElement"):
            break
    expect(claim).to_be_focused()
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # focus can be seen
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.get_by_role("link", name="Jump to the reply box").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Your message")).to_be_focused()
    page.keyboard.type("Hello from the keyboard")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Send text")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Your text is on its way.")).to_be_visible()
    expect(page.locator(".msg", has_text="Hello from the keyboard")).to_be_visible()


def test_empty_reply_says_what_is_wrong(app, page, phone):
    add_user(app, "ana@example.org", name="Ana Ruiz")
    phone.send("I want to talk to a person")
    login(page, "ana@example.org", PASSWORD)
    page.goto("/dashboard/queue")
    page.get_by_role("button", name="Claim •••-0123").click()
    expect_console_error(page, "status of 400")  # the form comes back with its errors, as a 400
    page.get_by_role("button", name="Send text").click()
    expect(page.get_by_role("alert")).to_contain_text("Write a message before sending it.")
    expect(page.get_by_label("Your message")).to_have_attribute("aria-invalid", "true")
    screenshot(page, "conversation-error-desktop")


def test_a_supervisor_sees_late_urgent_items_and_caseloads(app, page, clock):
    add_user(app, "sam@example.org", role="supervisor", name="Sam Lee")
    ana = add_user(app, "ana@example.org", name="Ana Ruiz")
    add_user(app, "ben@example.org", name="Ben Okafor")
    Phone(app, app.test_client(), "+15555550101").send("I want to talk to a person")
    clock.advance(minutes=30)
    Phone(app, app.test_client(), "+15555550102").send("I want to kill myself")
    Phone(app, app.test_client(), "+15555550103").send("agent")
    with app.app_context():
        conv = db.session.scalars(sa.select(Conversation.id).join(Client, Client.id == Conversation.client_id)
                                  .where(Client.phone == "+15555550103")).one()
        claim(db.session, conv, db.session.get(User, ana.id), clock.now)
        db.session.commit()
    clock.advance(minutes=20)
    login(page, "sam@example.org", PASSWORD)
    page.goto("/dashboard/queue")
    expect(page.locator("#queue-summary")).to_have_text("2 conversations are waiting (1 urgent, 1 late).")
    urgent = page.locator(".qitem").first
    expect(urgent).to_contain_text("•••-0102")
    expect(urgent).to_contain_text("Urgent")
    expect(urgent.locator(".sla")).to_have_text("Late by 5 min")
    assert urgent.locator(".sla svg").count() == 1  # an icon beside the words, not colour alone
    caseloads = page.get_by_role("table")
    expect(caseloads.get_by_role("row", name="Ana Ruiz")).to_contain_text("1")
    expect(caseloads.get_by_role("row", name="Ben Okafor")).to_be_visible()
    screenshot(page, "queue-supervisor-desktop")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    screenshot(page, "queue-supervisor-phone")


def test_a_case_with_needs_goals_and_a_referral(app, page, tmp_path):
    add_user(app, "ana@example.org", name="Ana Ruiz")
    hsds.load(app, tmp_path)
    Phone(app, app.test_client(), "+15555550123").send("I want to talk to a person")
    with app.app_context():
        client = db.session.scalars(sa.select(Client)).one()
        client.first_name, client.language, client.zip_code = "María", "es", "10001"
        db.session.commit()
        client_id = client.id
    login(page, "ana@example.org", PASSWORD)
    page.goto(f"/dashboard/clients/{client_id}")
    expect(page.get_by_role("heading", level=1)).to_have_text("María")

    page.get_by_label("Need", exact=True).first.select_option("food-insecurity")
    page.get_by_role("button", name="Add need").click()
    expect(page.get_by_text("Need added: Food insecurity.")).to_be_visible()

    page.get_by_text("Add a goal").click()
    page.get_by_label("Goal, in the client's words").fill("Get groceries every week for the kids")
    page.get_by_label("For the need").select_option(label="Food insecurity")
    page.get_by_label("Target date (optional)").fill("2026-04-30")
    page.get_by_role("button", name="Add goal").click()
    expect(page.get_by_text("Goal added.")).to_be_visible()

    resources = page.locator("#resources")
    resources.get_by_label("Need").select_option("food-insecurity")
    resources.get_by_role("button", name="Search the directory").click()
    result = page.locator("#resources .item", has_text="City Pantry")
    expect(result).to_contain_text("(212) 555-0100")
    result.get_by_label("The client agreed").check()
    result.get_by_role("button", name="Refer to City Pantry").click()
    expect(page.get_by_text("Referral made to City Pantry.")).to_be_visible()
    referral = page.locator("#referrals .item", has_text="City Pantry")
    expect(referral).to_contain_text("Requested")
    expect(referral).to_contain_text("Yes, the client agreed")

    expect_console_error(page, "status of 400")
    referral.get_by_text("Update status").click()
    referral.get_by_label("New status").select_option("failed")
    referral.get_by_role("button", name="Save status").click()
    expect(page.get_by_role("alert")).to_contain_text("Say why the referral is failed.")
    referral = page.locator("#referrals .item", has_text="City Pantry")
    referral.get_by_label("Reason").select_option("no_capacity")
    referral.get_by_role("button", name="Save status").click()
    expect(page.get_by_text("Referral to City Pantry: failed.")).to_be_visible()
    page.goto(f"/dashboard/clients/{client_id}")
    screenshot(page, "case-full-desktop")
    page.set_viewport_size(PHONE)
    assert no_sideways_scroll(page)
    screenshot(page, "case-full-phone")
