"""Staff sessions end when left idle and after a working day; sign-in is throttled per client address as well
as per account, and an account's lock grows with repeated lockouts instead of a fixed ban anyone can renew
(the outside review, issue 14, finding 6)."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from models.audit import AuditEntry
from models.base import db
from tests.staff import PASSWORD, add_user, csrf_token

FAILED = "We could not sign you in with that email and password."
STAFF_OFFICE, STRANGER = "192.0.2.10", "198.51.100.7"


def sign_in(http, email: str, password: str = PASSWORD, address: str = STAFF_OFFICE):
    env = {"REMOTE_ADDR": address}
    token = csrf_token(http)
    return http.post("/login", data={"email": email, "password": password, "csrf_token": token}, environ_base=env)


def signed_in(http) -> bool:
    return http.get("/dashboard/", environ_base={"REMOTE_ADDR": STAFF_OFFICE}).status_code == 200


def actions(app) -> list[str]:
    with app.app_context():
        return list(db.session.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)))


def test_a_session_left_idle_for_half_an_hour_ends(app, http, clock):
    add_user(app, "ana@example.org")
    assert sign_in(http, "ana@example.org").status_code == 302
    for _ in range(6):  # two hours of work, a page every 25 minutes
        clock.advance(minutes=25)
        assert signed_in(http)
    clock.advance(minutes=30, seconds=1)
    page = http.get("/dashboard/clients", follow_redirects=True)
    assert page.request.path == "/login"
    assert "You were signed out after 30 minutes without activity." in page.get_data(as_text=True)
    assert "session_expired" in actions(app)
    assert not signed_in(http)


def test_idle_timeout_is_configurable(make_app, clock):
    app = make_app(SESSION_IDLE_TIMEOUT="5m")
    http = app.test_client()
    add_user(app, "ana@example.org")
    sign_in(http, "ana@example.org")
    clock.advance(minutes=5, seconds=1)
    assert not signed_in(http)


def test_a_session_ends_after_its_lifetime_however_busy(app, http, clock):
    add_user(app, "ana@example.org")
    sign_in(http, "ana@example.org")
    for _ in range(35):  # a page every 20 minutes for 11 hours 40 minutes
        clock.advance(minutes=20)
        assert signed_in(http)
    clock.advance(minutes=21)  # 12 hours and a minute since signing in, 21 minutes since the last page
    assert not signed_in(http)


def test_failed_sign_ins_from_one_address_are_throttled_across_accounts(app, http, clock):
    add_user(app, "ana@example.org")
    for i in range(20):  # a stranger guessing at many accounts from one address
        assert FAILED in sign_in(http, f"guess{i}@example.org", "guess", address=STRANGER).get_data(as_text=True)
    refused = sign_in(http, "ana@example.org", address=STRANGER)  # even the right password, from there
    assert refused.status_code == 429
    assert "Too many failed sign-ins from your network." in refused.get_data(as_text=True)
    assert actions(app)[-1] == "login_throttled"
    assert sign_in(http, "ana@example.org", address=STAFF_OFFICE).status_code == 302  # staff elsewhere are fine
    http.post("/logout", data={"csrf_token": csrf_token(http, "/dashboard/")},
              environ_base={"REMOTE_ADDR": STAFF_OFFICE})
    clock.advance(minutes=15, seconds=1)
    assert sign_in(http, "ana@example.org", address=STRANGER).status_code == 302


def test_a_stranger_cannot_keep_every_account_locked(app, http, clock):
    staff = [f"chw{i}@example.org" for i in range(6)]
    for email in staff:
        add_user(app, email)
    for email in staff:  # five wrong passwords for each account, from one address
        for _ in range(5):
            sign_in(http, email, "guess", address=STRANGER)
    free = []
    for email in staff:
        if sign_in(http, email, address=STAFF_OFFICE).status_code == 302:
            free.append(email)
            http.post("/logout", data={"csrf_token": csrf_token(http, "/dashboard/")},
                      environ_base={"REMOTE_ADDR": STAFF_OFFICE})
    assert free == staff[4:]  # the address was stopped after four accounts' worth of guesses


def test_repeated_lockouts_last_longer_and_tell_the_admins(app, http, clock, caplog):
    add_user(app, "ana@example.org")
    caplog.set_level(logging.WARNING, logger="dashboard.auth")

    def five_wrong(round_: int) -> None:
        for _ in range(5):
            sign_in(http, "ana@example.org", "guess", address=f"203.0.113.{round_}")

    for round_, minutes in enumerate([5, 10]):
        five_wrong(round_)
        clock.advance(minutes=minutes)
    five_wrong(2)
    clock.advance(minutes=19, seconds=59)
    assert FAILED in sign_in(http, "ana@example.org").get_data(as_text=True)
    clock.advance(seconds=1)
    assert sign_in(http, "ana@example.org").status_code == 302
    http.post("/logout", data={"csrf_token": csrf_token(http, "/dashboard/")},
              environ_base={"REMOTE_ADDR": STAFF_OFFICE})
    five_wrong(3)  # after a good sign-in the count starts over
    locks = [r.getMessage() for r in caplog.records if "locked" in r.getMessage()]
    assert locks == [f"staff account {1} locked for {m} minutes after 5 failed sign-ins; lockout {n} in a row"
                     for n, m in ((1, 5), (2, 10), (3, 20), (1, 5))]
    assert actions(app).count("account_locked") == 4
    assert not any("ana@example.org" in r.getMessage() for r in caplog.records)


def test_the_session_cookie_is_secure_when_the_public_url_is_https(make_app):
    app = make_app(PUBLIC_URL="https://enlace.example.org")
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    http = app.test_client()
    add_user(app, "ana@example.org")
    response = sign_in(http, "ana@example.org")
    assert "Secure" in response.headers["Set-Cookie"]
