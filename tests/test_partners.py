"""The partner side of a referral: the email when the client agrees to share, the signed page,
and what the partner's answers do, through the real webhook, a real SMTP server and the page."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from interop.fhir.bundle import client_bundle
from interop.partners.links import revoke
from models import Client, Conversation, ConversationStatus, Event, Referral, ReferralStatus, ReferralStatusChange, db
from models.directory import Organization, Service
from models.referral import PartnerNotification
from tests.jobs import drain
from tests.mailbox import Mailbox
from tests.staff import add_user, sign_in
from tests.test_referrals import SMALL_DIRECTORY, run_due, screen

PUBLIC = "https://enlace.example.org"


@pytest.fixture
def mailbox():
    box = Mailbox().start()
    yield box
    box.stop()


@pytest.fixture
def app(make_app, mailbox):
    return make_app(SMTP_URL=mailbox.url, MAIL_FROM="referrals@enlace.example.org", PUBLIC_URL=PUBLIC)


@pytest.fixture
def directory(app):
    from directory.hsds.importer import import_directory

    with app.app_context():
        import_directory(db.session, SMALL_DIRECTORY)
        db.session.get(Organization, "org-2").email = "intake@midtown-energy.example.org"
        db.session.commit()


def refer_to_utility_help(phone, shared="yes"):
    screen(phone)
    phone.send("NEXT")  # the food offer; then the utility offer
    phone.send("1")
    return phone.send(shared)


def link_path(body: str) -> str:
    [url] = re.findall(re.escape(PUBLIC) + r"/r/\S+", body)
    return urlsplit(url).path


def task_status(app) -> str:
    with app.app_context():
        referral = db.session.scalars(sa.select(Referral)).one()
        bundle = client_bundle(db.session, db.session.get(Client, referral.client_id), now=referral.created_at)
    [task] = [e.resource for e in bundle.entry if e.resource.__resource_type__ == "Task"]
    return task.status


def csrf(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def test_consent_emails_the_organisation_and_its_link_accepts_the_referral(app, phone, directory, mailbox):
    refer_to_utility_help(phone)
    drain(app)
    [msg] = mailbox.received
    assert msg["X-Envelope-To"] == "intake@midtown-energy.example.org"  # no service email: the organisation's
    assert msg["From"] == "referrals@enlace.example.org"
    assert msg["Subject"] == "New referral for Midtown Utility Bill Help"
    body = mailbox.bodies()[0]
    assert "help with utility bills" in body
    assert "+15555550123" not in body and "Ana" not in body  # the email names no client

    http = app.test_client()
    page = http.get(link_path(body))
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Ana" in html and "+15555550123" in html and "Utility insecurity" in html
    assert re.search(r'<button type="submit"[^>]*>Accept</button>', html)
    assert task_status(app) == "received"

    done = http.post(link_path(body), data={"csrf_token": csrf(html), "choice": "accept"}, follow_redirects=True)
    assert "Thank you. You accepted this referral." in done.get_data(as_text=True)
    exported = app.test_cli_runner().invoke(args=["fhir", "export", "--phone", "+15555550123"])
    [task] = [e["resource"] for e in json.loads(exported.output)["entry"] if e["resource"]["resourceType"] == "Task"]
    assert task["status"] == "accepted"

    again = http.post(link_path(body), data={"csrf_token": csrf(html), "choice": "decline", "reason": "no_capacity"},
                      follow_redirects=True)
    assert "Already recorded: You accepted this referral." in again.get_data(as_text=True)
    with app.app_context():
        sources = db.session.execute(sa.select(ReferralStatusChange.status, ReferralStatusChange.source)
                                     .order_by(ReferralStatusChange.id)).all()
    assert sources == [(ReferralStatus.REQUESTED, "bot"), (ReferralStatus.RECEIVED, "partner_link"),
                       (ReferralStatus.ACCEPTED, "partner_link")]


def test_the_service_email_comes_before_the_organisation_email(app, phone, directory, mailbox):
    with app.app_context():
        db.session.get(Service, "svc-energy").email = "bills@midtown-energy.example.org"
        db.session.commit()
    refer_to_utility_help(phone)
    drain(app)
    assert [m["X-Envelope-To"] for m in mailbox.received] == ["bills@midtown-energy.example.org"]


def test_no_email_when_the_client_does_not_agree_to_share(app, phone, directory, mailbox):
    refer_to_utility_help(phone, shared="no")
    drain(app)
    assert mailbox.received == []


def test_smtp_down_delays_the_email_and_sends_it_once_when_back(app, phone, directory, mailbox, clock):
    mailbox.stop()
    refer_to_utility_help(phone)
    drain(app)
    with app.app_context():
        note = db.session.scalars(sa.select(PartnerNotification)).one()
        assert (note.status, note.attempts) == ("pending", 1)
    mailbox.start()
    clock.advance(seconds=30)
    drain(app)
    assert mailbox.received == []  # not before its next try
    clock.advance(seconds=31)
    drain(app)
    clock.advance(hours=1)
    drain(app)
    assert len(mailbox.received) == 1
    with app.app_context():
        note = db.session.scalars(sa.select(PartnerNotification)).one()
        assert (note.status, note.attempts) == ("sent", 2)


def test_a_decline_needs_a_reason_and_keeps_it(app, phone, directory, mailbox):
    refer_to_utility_help(phone)
    drain(app)
    path = link_path(mailbox.bodies()[0])
    http = app.test_client()
    html = http.get(path).get_data(as_text=True)
    vague = http.post(path, data={"csrf_token": csrf(html), "choice": "decline", "reason": "other"},
                      follow_redirects=True)
    assert "Say in a few words why you cannot take this referral." in vague.get_data(as_text=True)
    done = http.post(path, data={"csrf_token": csrf(html), "choice": "decline", "reason": "no_capacity"},
                     follow_redirects=True)
    assert "You declined this referral. (No capacity)" in " ".join(done.get_data(as_text=True).split())
    assert task_status(app) == "rejected"


@pytest.mark.parametrize("tamper", ["forged", "revoked", "expired"])
def test_bad_links_get_a_clear_page_and_change_nothing(app, phone, directory, mailbox, clock, tamper):
    refer_to_utility_help(phone)
    drain(app)
    path = link_path(mailbox.bodies()[0])
    if tamper == "forged":
        path = path[:-3] + ("AAA" if not path.endswith("AAA") else "BBB")
    elif tamper == "revoked":
        with app.app_context():
            revoke(db.session, db.session.scalars(sa.select(Referral)).one(), clock.now)
            db.session.commit()
    else:
        clock.advance(days=15)
    http = app.test_client()
    page = http.get(path)
    text = page.get_data(as_text=True)
    assert page.status_code in (404, 410)
    assert {"forged": "This link is not valid", "revoked": "This link was withdrawn",
            "expired": "This link has expired"}[tamper] in text
    assert "Nothing was changed." in text and "Ana" not in text
    posted = http.post(path, data={"choice": "accept"})
    assert posted.status_code in (400, 404, 410)
    assert task_status(app) == "requested"


def test_no_email_without_a_contact_and_the_record_says_so(app, phone, directory, mailbox):
    with app.app_context():
        db.session.get(Organization, "org-2").email = None
        db.session.commit()
    refer_to_utility_help(phone)
    drain(app)
    assert mailbox.received == []
    with app.app_context():
        assert db.session.scalars(sa.select(Event.type).where(Event.type == "partner_not_notified")).all() == [
            "partner_not_notified"]


def conversation(app):
    with app.app_context():
        conv = db.session.scalars(sa.select(Conversation)).one()
        return conv.status, conv.escalation_reason


def test_a_decline_puts_the_client_in_the_chw_queue(app, phone, directory, mailbox):
    refer_to_utility_help(phone)
    drain(app)
    path = link_path(mailbox.bodies()[0])
    http = app.test_client()
    html = http.get(path).get_data(as_text=True)
    http.post(path, data={"csrf_token": csrf(html), "choice": "decline", "reason": "not_eligible"})
    assert conversation(app) == (ConversationStatus.WAITING, "referral_declined")


def test_partner_served_but_client_got_no_help_is_disputed(app, phone, directory, mailbox, clock):
    refer_to_utility_help(phone)
    drain(app)
    path = link_path(mailbox.bodies()[0])
    http = app.test_client()
    html = http.get(path).get_data(as_text=True)
    http.post(path, data={"csrf_token": csrf(html), "choice": "accept"})
    run_due(app, clock, days=3)
    assert phone.replies()[-1].startswith("Hi, this is Enlace. Did you get help from Midtown Utility Bill Help?")
    phone.send("3")  # could not get help
    assert conversation(app) == (ConversationStatus.BOT, None)
    done = http.post(path, data={"csrf_token": csrf(html), "choice": "served"}, follow_redirects=True)
    assert "You said the client was served." in done.get_data(as_text=True)
    assert conversation(app) == (ConversationStatus.WAITING, "referral_disputed")


def test_a_partner_silent_for_two_business_days_puts_the_client_in_the_chw_queue_once(app, phone, directory, mailbox,
                                                                                      clock):
    refer_to_utility_help(phone)  # Tuesday
    drain(app)
    run_due(app, clock, days=1)  # Wednesday: still time
    assert conversation(app) == (ConversationStatus.BOT, None)
    run_due(app, clock, days=1, minutes=1)  # Thursday, two business days on
    assert conversation(app) == (ConversationStatus.WAITING, "partner_no_answer")
    run_due(app, clock, minutes=5)
    with app.app_context():
        assert len(db.session.scalars(sa.select(Event).where(Event.type == "partner_no_answer")).all()) == 1


def test_the_service_page_says_how_referrals_reach_the_partner_or_that_they_cannot(app, directory):
    add_user(app, "chw@example.org")
    http = app.test_client()
    sign_in(http, "chw@example.org")
    page = " ".join(http.get("/dashboard/directory/services/svc-energy").get_data(as_text=True).split())
    assert "Email intake@midtown-energy.example.org (from the organization)" in page
    with app.app_context():
        db.session.get(Organization, "org-2").email = None
        db.session.commit()
    page = " ".join(http.get("/dashboard/directory/services/svc-energy").get_data(as_text=True).split())
    assert "Cannot be notified: no email and no phone that takes texts." in page
