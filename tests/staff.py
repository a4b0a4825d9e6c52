"""Staff accounts for tests: `add_user(app, email, role=..., name=...)` with a known password; signing
them in through the real form (`sign_in`) and posting forms with the session's CSRF token (`post`)."""

from __future__ import annotations

import re

from flask import Flask

from models.base import db
from models.staff import Role, User, create_user

PASSWORD = "correct horse battery"


def add_user(app: Flask, email: str, role: str = "chw", name: str | None = None, password: str = PASSWORD) -> User:
    """Create and commit a dashboard user; returns it detached (ids and fields readable)."""
    with app.app_context():
        user = create_user(db.session, email, Role(role), password, name)
        db.session.commit()
        db.session.refresh(user)
        db.session.expunge(user)
        return user


def csrf_token(http, url: str = "/login") -> str:
    """A CSRF token from a page's form; one token serves every form of that session."""
    html = http.get(url).get_data(as_text=True)
    found = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert found, f"no CSRF token on {url}"
    return found.group(1)


def sign_in(http, email: str, password: str = PASSWORD) -> None:
    response = http.post("/login", data={"email": email, "password": password, "csrf_token": csrf_token(http)})
    assert response.status_code == 302, response.get_data(as_text=True)


def post(http, url: str, data: dict | None = None, **kwargs):
    """POST a dashboard form as the browser would, with the session's CSRF token."""
    return http.post(url, data={"csrf_token": csrf_token(http, "/dashboard/"), **(data or {})}, **kwargs)
