"""Who may see what: every route is checked for sign-in, role and CSRF, found from the app's URL
map so that a new page is covered the day it is added; session cookies; the audit trail of
every page that shows a client; and no phone number or text in the logs."""

from __future__ import annotations

import logging
import re
from urllib.parse import quote, urlsplit

import pytest
import sqlalchemy as sa
from flask import Flask

from models import Client, Conversation, db
from models.audit import AuditEntry
from models.staff import Role
from tests.conftest import app_on_fake_twilio
from tests.jobs import drain
from tests.phone import Phone
from tests.reliability import SCREENING
from tests.staff import PASSWORD, add_user
from workers.sweeper import run_sweeps

# Open to anyone, by design: sign-in, health checks, static files; the webhooks are signed by Twilio.
PUBLIC = {"static", "auth.login", "health.healthz"}
SIGNED = {"webhook.inbound", "webhook.status"}
BEARER = {"fhir.post_bundle"}  # a health system's server: its bearer token, never a staff session
NAME, NUMBER = "Zephyrine", "+16175550777"


@pytest.fixture
def app(make_app):
    """As in production: Twilio credentials set (webhooks signed, no simulator)."""
    return make_app(TWILIO_ACCOUNT_SID="AC" + "0" * 32, TWILIO_AUTH_TOKEN="security-token",
                    PUBLIC_URL="http://localhost")


def routes(app: Flask):
    """(rule, method) for every route of the app, HEAD and OPTIONS aside."""
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule, method


def url(app: Flask, rule, ids: dict[str, int] | None = None) -> str:
    values = {arg: (ids or {}).get(arg, 1) for arg in rule.arguments}
    if rule.endpoint == "static":
        values["filename"] = "dashboard.css"
    return app.url_map.bind("localhost").build(rule.endpoint, values, method=None)


def csrf_token(http, page: str = "/login") -> str:
    html = http.get(page).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def sign_in(app: Flask, role: str):
    email = f"{role}@example.org"
    with app.app_context():
        from models.staff import find_user

        exists = find_user(db.session, email) is not None
    if not exists:
        add_user(app, email, role=role)
    http = app.test_client()
    resp = http.post("/login", data={"email": email, "password": PASSWORD, "csrf_token": csrf_token(http)})
    assert resp.status_code == 302, resp.get_data(as_text=True)
    return http


def test_no_route_gives_a_stranger_anything(app):
    http = app.test_client()
    checked = 0
    for rule, method in routes(app):
        if rule.endpoint in PUBLIC:
            continue
        resp = http.open(url(app, rule), method=method)
        if rule.endpoint in SIGNED:
            assert resp.status_code == 403, (rule.rule, method)
        else:
            assert resp.status_code in (302, 400, 401, 403, 404), (rule.rule, method, resp.status_code)
            if resp.status_code == 302:
                assert urlsplit(resp.headers["Location"]).path == "/login", rule.rule
        checked += 1
    assert checked >= 4  # the dashboard, sign-out, the simulator's two routes at least


def test_every_form_needs_its_csrf_token(app):
    http = sign_in(app, "admin")
    posts = [rule for rule, method in routes(app) if method == "POST" and rule.endpoint not in SIGNED]
    assert any(r.endpoint == "auth.logout" for r in posts)
    for rule in posts:
        resp = http.post(url(app, rule), data={"anything": "1"})
        expected = 401 if rule.endpoint in BEARER else 400  # a staff session is no bearer token
        assert resp.status_code == expected, (rule.rule, resp.status_code)
    assert http.get("/dashboard/").status_code == 200  # still signed in: nothing was done


def test_roles_are_enforced_on_every_page_that_declares_them(app):
    declared = [(rule, method) for rule, method in routes(app)
                if getattr(app.view_functions[rule.endpoint], "allowed_roles", None)]
    for role in Role:
        http = sign_in(app, role.value)
        token = csrf_token(http, "/dashboard/")
        for rule, method in declared:
            if role in app.view_functions[rule.endpoint].allowed_roles:
                continue
            resp = http.open(url(app, rule), method=method, data={"csrf_token": token})
            assert resp.status_code == 403, (role.value, rule.rule, method, resp.status_code)


def test_signing_in_replaces_the_session_cookie(app):
    add_user(app, "chw@example.org")
    http = app.test_client()
    token = csrf_token(http)
    before = http.get_cookie("session").value
    http.post("/login", data={"email": "chw@example.org", "password": PASSWORD, "csrf_token": token})
    assert http.get_cookie("session").value != before
    planted = app.test_client()  # someone who fixed the old cookie in the victim's browser
    planted.set_cookie("session", before)
    assert planted.get("/dashboard/").status_code == 302


@pytest.mark.parametrize(("public_url", "secure"), [("https://enlace.example.org", True), ("http://localhost", False)])
def test_session_cookie_flags(make_app, monkeypatch, public_url, secure):
    monkeypatch.setenv("PUBLIC_URL", public_url)
    app = make_app()
    cookie = next(c for c in app.test_client().get("/login").headers.getlist("Set-Cookie") if c.startswith("session="))
    flags = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert "httponly" in flags and flags["samesite"] == "SameSite=Lax"
    assert ("secure" in flags) is secure


def converse(app: Flask, number: str = NUMBER, name: str = NAME) -> dict[str, int]:
    """A client who gave their name and asked for a person; returns the ids a page about them takes."""
    phone = Phone(app, app.test_client(), number)
    for turn in SCREENING + ["AGENT"]:
        phone.send(f"my name is {name}" if turn == "my name is ana" else turn)
    with app.app_context():
        client = db.session.scalars(sa.select(Client).where(Client.phone == number)).one()
        conv = db.session.scalars(sa.select(Conversation).where(Conversation.client_id == client.id)).first()
        ids = {"client_id": client.id, "conversation_id": conv.id}
        for table in db.metadata.sorted_tables:  # need_id, referral_id ...: this client's rows, when they exist
            if "client_id" in table.c and table.name not in ("client",):
                row = db.session.execute(sa.select(table.c.id).where(table.c.client_id == client.id)).first()
                if row:
                    ids.setdefault(f"{table.name}_id", row[0])
        return ids


def shows_client(html: str) -> bool:
    return NAME in html or NUMBER[2:] in re.sub(r"\D", "", html)


def test_every_page_that_shows_a_client_is_audited(app):
    ids = converse(app)
    http = sign_in(app, "admin")
    with app.app_context():
        me = db.session.scalar(sa.select(AuditEntry.user_id).where(AuditEntry.action == "login"))
    shown, unaudited = [], []
    for rule, method in routes(app):
        if method != "GET" or rule.endpoint in PUBLIC | SIGNED:
            continue
        with app.app_context():
            last = db.session.scalar(sa.select(sa.func.coalesce(sa.func.max(AuditEntry.id), 0)))
        resp = http.get(url(app, rule, ids))
        if resp.status_code != 200 or not shows_client(resp.get_data(as_text=True)):
            continue
        shown.append(rule.rule)
        with app.app_context():
            entries = db.session.scalars(sa.select(AuditEntry).where(AuditEntry.id > last)).all()
        if not [e for e in entries if e.user_id == me]:
            unaudited.append(rule.rule)
    assert shown, "no page was recognised as showing a client: this check would prove nothing"
    assert not unaudited, f"pages that show a client without writing an audit entry: {unaudited}"


def test_no_phone_number_or_text_reaches_the_logs(make_app, fake_twilio, clock, caplog):
    caplog.set_level(logging.DEBUG)
    app = app_on_fake_twilio(make_app, fake_twilio, TWILIO_TIMEOUT=0.25)
    http = app.test_client()
    fake_twilio.fail_next(1, 500)
    fake_twilio.delay(0.5, count=1)  # a lost answer: the sweeper asks Twilio by number
    ids = converse(app)
    fake_twilio.reject("+16175550778", code=21610)
    Phone(app, http, "+16175550778").send("hello from Zephyrine's sister")
    for _ in range(3):
        clock.advance(minutes=15)
        with app.app_context():
            run_sweeps()
        drain(app)
        fake_twilio.flush_callbacks()
    stranger = Phone(app, http, "+16175550779")
    assert http.post("/webhooks/twilio/messages", data=stranger.form("forged by Zephyrine")).status_code == 403
    assert stranger.post(stranger.form("Zephyrine " * 200)).status_code == 400  # too long
    staff = sign_in(app, "admin")
    for rule, method in routes(app):
        if method == "GET" and rule.endpoint not in PUBLIC | SIGNED:
            staff.get(url(app, rule, ids))
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert "fake Twilio" in logged  # the capture works
    for number in ("6175550777", "6175550778", "6175550779"):
        assert number not in logged and quote(number) not in logged, number
    for text in (NAME, "mold and leaks", "I need help with food", "sister"):
        assert text not in logged, text
