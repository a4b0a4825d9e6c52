"""Staff sign-in, sign-out, lockout, CSRF, roles and the audit trail, through Flask's test client."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from argon2 import PasswordHasher

from dashboard.auth import safe_next
from models.audit import AuditEntry
from models.base import db
from models.staff import User, authenticate
from tests.staff import PASSWORD, add_user

FAILED = "We could not sign you in with that email and password."


def csrf_token(http, url="/login") -> str:
    html = http.get(url).get_data(as_text=True)
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)


def sign_in(http, email, password=PASSWORD, next_url=None):
    url = "/login" if next_url is None else f"/login?next={next_url}"
    return http.post(url, data={"email": email, "password": password, "csrf_token": csrf_token(http)})


def text(response) -> str:
    return response.get_data(as_text=True)


def audit_actions(app) -> list[tuple]:
    with app.app_context():
        rows = db.session.scalars(sa.select(AuditEntry).order_by(AuditEntry.id))
        return [(e.action, e.user_id, e.target_type, e.target_id, e.ip) for e in rows]


def test_login_page_has_labelled_fields_and_a_csrf_token(http):
    page = text(http.get("/login"))
    assert '<label class="field__label" for="email">Email</label>' in page
    assert '<label class="field__label" for="password">Password</label>' in page
    assert 'name="csrf_token"' in page
    assert 'autocomplete="current-password"' in page


def test_signing_in_lands_on_the_dashboard_with_name_and_role(app, http):
    user = add_user(app, "ana@example.org", name="Ana Ruiz")
    response = sign_in(http, "  Ana@Example.ORG ")
    assert response.status_code == 302
    assert response.headers["Location"] == "/dashboard/"
    home = text(http.get("/dashboard/"))
    assert "<h1>Queue</h1>" in home  # the dashboard opens on the queue
    assert "Ana Ruiz" in home and "Community health worker" in home
    assert audit_actions(app) == [("login", user.id, "staff_user", str(user.id), "127.0.0.1"),
                                  ("view_queue", user.id, None, None, "127.0.0.1")]
    with app.app_context():
        assert db.session.get(User, user.id).last_login_at is not None


def test_dashboard_needs_sign_in(http):
    response = http.get("/dashboard/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/login?next=%2Fdashboard%2F"
    assert "Please sign in to see that page." in text(http.get("/login"))


def test_wrong_password_and_unknown_email_get_the_same_answer(app, http):
    user = add_user(app, "ana@example.org")
    wrong = sign_in(http, "ana@example.org", "not the password")
    unknown = sign_in(http, "nobody@example.org", "not the password")
    assert wrong.status_code == unknown.status_code == 200
    assert FAILED in text(wrong) and FAILED in text(unknown)
    assert 'role="alert"' in text(wrong)
    assert http.get("/dashboard/").status_code == 302
    assert [a[:4] for a in audit_actions(app)] == [
        ("login_failed", None, "staff_user", str(user.id)),
        ("login_failed", None, "staff_user", None),
    ]


def test_empty_and_malformed_fields_say_what_is_wrong(http):
    token = csrf_token(http)
    empty = text(http.post("/login", data={"email": "", "password": "", "csrf_token": token}))
    assert "Enter your email address." in empty
    assert "Enter your password." in empty
    assert 'aria-invalid="true"' in empty
    assert 'aria-describedby="email-error"' in empty
    malformed = text(http.post("/login", data={"email": "ana", "password": "x", "csrf_token": token}))
    assert "Enter an email address like name@example.org." in malformed
    assert FAILED not in malformed


def test_five_failures_lock_the_account_for_five_minutes(app, http, clock):
    add_user(app, "ana@example.org")
    for _ in range(5):
        assert FAILED in text(sign_in(http, "ana@example.org", "guess"))
    locked = sign_in(http, "ana@example.org")  # the right password, too late
    assert locked.status_code == 200
    assert FAILED in text(locked)
    assert "After 5 failed attempts in a row, sign-in is paused for 5 minutes, and longer if it happens again." in text(
        locked)
    assert http.get("/dashboard/").status_code == 302
    actions = [a[0] for a in audit_actions(app)]
    assert actions == ["login_failed"] * 4 + ["account_locked", "login_failed"]

    clock.advance(minutes=4, seconds=59)
    assert FAILED in text(sign_in(http, "ana@example.org"))
    clock.advance(seconds=1)
    assert sign_in(http, "ana@example.org").status_code == 302


def test_lockout_is_configurable(make_app):
    app = make_app(LOGIN_MAX_FAILURES=2, LOGIN_LOCKOUT="1h")
    http = app.test_client()
    add_user(app, "ana@example.org")
    sign_in(http, "ana@example.org", "guess")
    sign_in(http, "ana@example.org", "guess")
    response = sign_in(http, "ana@example.org")
    assert "After 2 failed attempts in a row, sign-in is paused for 60 minutes, and longer if it happens again." in text(
        response)
    assert http.get("/dashboard/").status_code == 302


def test_a_locked_unknown_and_a_known_account_read_alike(http, app):
    add_user(app, "ana@example.org")
    for _ in range(5):
        sign_in(http, "ana@example.org", "guess")
    locked = text(sign_in(http, "ana@example.org"))
    unknown = text(sign_in(http, "nobody@example.org"))
    alert = re.compile(r'<div class="alert alert--error" role="alert">.*?</div>', re.S)
    assert alert.search(locked).group(0) == alert.search(unknown).group(0)


def test_post_without_csrf_token_is_refused(http, app):
    add_user(app, "ana@example.org")
    response = http.post("/login", data={"email": "ana@example.org", "password": PASSWORD})
    assert response.status_code == 400
    assert "This form has expired" in text(response)
    assert http.get("/dashboard/").status_code == 302


def test_sign_out_ends_the_session_and_an_old_cookie_with_it(app, http):
    user = add_user(app, "ana@example.org")
    sign_in(http, "ana@example.org")
    stolen = http.get_cookie("session").value
    assert http.get("/logout").status_code == 405  # only a POST, with a token, signs out
    response = http.post("/logout", data={"csrf_token": csrf_token(http, "/dashboard/")})
    assert response.status_code == 302
    assert response.headers["Location"] == "/login"
    assert "You have signed out." in text(http.get("/login"))
    assert http.get("/dashboard/").status_code == 302
    http.set_cookie("session", stolen)
    assert http.get("/dashboard/").status_code == 302
    assert [a[0] for a in audit_actions(app)] == ["login", "view_queue", "logout"]  # the queue is the dashboard's first page
    assert audit_actions(app)[2][1] == user.id


def test_logout_without_csrf_token_is_refused(http, app):
    add_user(app, "ana@example.org")
    sign_in(http, "ana@example.org")
    assert http.post("/logout").status_code == 400
    assert http.get("/dashboard/").status_code == 200


def test_signing_in_starts_a_new_session(http, app):
    add_user(app, "ana@example.org")
    with http.session_transaction() as session:
        session["planted"] = "by someone else"
    before = csrf_token(http)
    sign_in(http, "ana@example.org")
    with http.session_transaction() as session:
        assert "planted" not in session
    assert csrf_token(http, "/dashboard/") != before


def test_deactivated_users_cannot_sign_in_and_are_signed_out(app, http):
    user = add_user(app, "ana@example.org")
    sign_in(http, "ana@example.org")
    with app.app_context():
        db.session.get(User, user.id).active = False
        db.session.commit()
    assert http.get("/dashboard/").status_code == 302
    assert FAILED in text(sign_in(http, "ana@example.org"))


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/dashboard/?tab=2", "/dashboard/?tab=2"),
        ("https://evil.example/", "/dashboard/"),
        ("//evil.example/", "/dashboard/"),
        ("/\\evil.example/", "/dashboard/"),
        ("javascript:alert(1)", "/dashboard/"),
        ("dashboard/", "/dashboard/"),
        ("/dash\nboard", "/dashboard/"),
        ("", "/dashboard/"),
    ],
)
def test_next_only_leads_to_this_site(app, target, expected):
    with app.test_request_context():
        assert safe_next(target) == expected


def test_sign_in_follows_a_safe_next_and_ignores_an_unsafe_one(http, app):
    add_user(app, "ana@example.org")
    assert sign_in(http, "ana@example.org", next_url="%2Fdashboard%2F%3Fx%3D1").headers["Location"] == "/dashboard/?x=1"
    http.post("/logout", data={"csrf_token": csrf_token(http, "/dashboard/")})
    response = sign_in(http, "ana@example.org", next_url="https%3A%2F%2Fevil.example%2F")
    assert response.headers["Location"] == "/dashboard/"


@pytest.fixture
def app_with_reports(app):
    """The app, whose reports page (dashboard/reports.py) is for supervisors and admins only."""
    return app


def test_roles_decide_who_may_open_a_page_and_what_the_menu_shows(app_with_reports):
    http = app_with_reports.test_client()
    add_user(app_with_reports, "chw@example.org", role="chw")
    add_user(app_with_reports, "sup@example.org", role="supervisor")

    sign_in(http, "chw@example.org")
    denied = http.get("/dashboard/reports")
    assert denied.status_code == 403
    assert "You do not have access to this page" in text(denied)
    assert "Reports" not in text(http.get("/dashboard/"))
    http.post("/logout", data={"csrf_token": csrf_token(http, "/dashboard/")})

    sign_in(http, "sup@example.org")
    assert http.get("/dashboard/reports").status_code == 200
    home = text(http.get("/dashboard/"))
    assert '<a href="/dashboard/reports"' in home


def test_role_required_sends_strangers_to_sign_in(app_with_reports):
    response = app_with_reports.test_client().get("/dashboard/reports")
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login?next=")


def test_staff_pages_are_not_cached_or_framed(http):
    headers = http.get("/login").headers
    assert headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


def test_signing_in_upgrades_an_outdated_password_hash(app):
    user = add_user(app, "ana@example.org")
    with app.app_context():
        row = db.session.get(User, user.id)
        row.password_hash = PasswordHasher(time_cost=1, memory_cost=8192).hash(PASSWORD)
        old_hash = row.password_hash
        assert authenticate(db.session, "ana@example.org", PASSWORD).outcome == "signed_in"
        assert row.password_hash != old_hash
        assert PasswordHasher().verify(row.password_hash, PASSWORD)
