"""Staff sign-in: Flask-Login, lockout, roles, the audit trail of requests and the expired-form page.

The session cookie is signed, not stored on the server, so two things make signing out real:
the cookie is cleared and rebuilt at sign-in (no fixation), and it carries the user's
session token, which sign-out replaces, so an old copy of the cookie no longer signs anyone in.
A session ends after SESSION_IDLE_TIMEOUT without a page and SESSION_LIFETIME after sign-in.

Guessing is slowed twice over: per account (`models.staff.LoginPolicy`: a lock that doubles with each
lockout in a row) and per client address (failed sign-ins in the audit log within
LOGIN_ADDRESS_WINDOW), so that one stranger can neither try many accounts nor keep them all locked.
"""

from __future__ import annotations

import hmac
import logging
from datetime import datetime, timedelta
from functools import wraps
from urllib.parse import urlsplit

import sqlalchemy as sa
from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf.csrf import CSRFError

from config import parse_duration
from dashboard.forms import LoginForm
from models.audit import AuditEntry, audit
from models.base import db
from models.clock import now
from models.staff import LoginPolicy, Role, User, authenticate

log = logging.getLogger(__name__)
FAILED_SIGN_INS = ("login_failed", "account_locked", "login_throttled")

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Please sign in to see that page."
login_manager.login_message_category = "info"

auth_bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    uid, _, token = user_id.partition(":")
    if not uid.isdigit() or not token:
        return None
    user = db.session.get(User, int(uid))
    if user is None or not user.active or not hmac.compare_digest(user.session_token, token):
        return None
    return user


def _duration(key: str, default: timedelta) -> timedelta:
    value = current_app.config.get(key, default)
    return parse_duration(value) if isinstance(value, str) else value


def login_policy() -> LoginPolicy:
    """LOGIN_MAX_FAILURES (default 5), LOGIN_LOCKOUT ('5m', or a timedelta) and LOGIN_LOCKOUT_MAX ('1h')."""
    return LoginPolicy(max_failures=int(current_app.config.get("LOGIN_MAX_FAILURES", 5)),
                       lockout=_duration("LOGIN_LOCKOUT", timedelta(minutes=5)),
                       lockout_max=_duration("LOGIN_LOCKOUT_MAX", timedelta(hours=1)))


def _minutes(span: timedelta) -> int:
    return max(1, round(span.total_seconds() / 60))


def failed_sign_in_message() -> str:
    policy = login_policy()
    return (
        "We could not sign you in with that email and password. "
        f"After {policy.max_failures} failed attempts in a row, sign-in is paused for "
        f"{_minutes(policy.lockout)} minutes, and longer if it happens again."
    )


def address_throttled(at: datetime) -> bool:
    """Too many failed sign-ins from this client address lately, whatever accounts they named."""
    since = at - _duration("LOGIN_ADDRESS_WINDOW", timedelta(minutes=15))
    failures = db.session.scalar(sa.select(sa.func.count()).select_from(AuditEntry).where(
        AuditEntry.at > since, AuditEntry.ip == request.remote_addr, AuditEntry.action.in_(FAILED_SIGN_INS)))
    return failures >= int(current_app.config.get("LOGIN_ADDRESS_MAX_FAILURES", 20))


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a path on this site, never another host."""
    fallback = url_for("dashboard.home")
    if not target:
        return fallback
    if "\\" in target or any(ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return fallback
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or target.startswith("//"):
        return fallback
    return target


def audit_request(action: str, target_type: str | None = None, target_id: int | str | None = None) -> AuditEntry:
    """Audit what the signed-in user does in this request (in the request's transaction)."""
    user = current_user if current_user.is_authenticated else None
    return audit(db.session, user, action, target_type, target_id, ip=request.remote_addr, at=now())


def role_required(*roles: Role | str):
    """Let only signed-in users with one of these roles through; others see a 403 page.

    The wrapped view keeps the roles in `allowed_roles`, so navigation can show only the
    sections the user may open.
    """
    allowed = frozenset(Role(r) for r in roles)

    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in allowed:
                return render_template("errors/forbidden.html"), 403
            return view(*args, **kwargs)

        wrapped.allowed_roles = allowed
        return wrapped

    return decorator


def may_open(endpoint: str) -> bool:
    """Whether the current user may open this endpoint, as far as its role check says."""
    view = current_app.view_functions.get(endpoint)
    if view is None or not current_user.is_authenticated:
        return False
    allowed = getattr(view, "allowed_roles", None)
    return allowed is None or current_user.role in allowed


@auth_bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(safe_next(request.args.get("next")))
    form = LoginForm()
    failed = False
    if form.validate_on_submit():
        at = now()
        if address_throttled(at):
            audit_request("login_throttled")
            db.session.commit()
            return render_template("auth/login.html", form=form, failed=True, failed_message=(
                "Too many failed sign-ins from your network. Please wait a few minutes and try again.")), 429
        attempt = authenticate(db.session, form.email.data, form.password.data, login_policy(), at)
        if attempt.user is not None:
            session.clear()  # a fresh session: nothing from before sign-in survives
            login_user(attempt.user)
            session["signed_in_at"] = session["seen_at"] = at.timestamp()
            audit_request("login", "staff_user", attempt.user.id)
            db.session.commit()
            return redirect(safe_next(request.args.get("next")))
        if attempt.outcome == "locked_out":
            account = attempt.account
            log.warning("staff account %s locked for %d minutes after %d failed sign-ins; lockout %d in a row",
                        account.id, _minutes(account.locked_until - at), login_policy().max_failures,
                        account.lockouts)
        action = "account_locked" if attempt.outcome == "locked_out" else "login_failed"
        audit_request(action, "staff_user", attempt.account.id if attempt.account else None)
        db.session.commit()
        failed = True
    return render_template("auth/login.html", form=form, failed=failed, failed_message=failed_sign_in_message())


@auth_bp.before_app_request
def end_stale_sessions():
    """Sign out a session idle for SESSION_IDLE_TIMEOUT, or older than SESSION_LIFETIME; else note activity."""
    if request.blueprint not in ("dashboard", "auth") or not current_user.is_authenticated:
        return None
    at = now().timestamp()
    idle = _duration("SESSION_IDLE_TIMEOUT", timedelta(minutes=30))
    lifetime = _duration("SESSION_LIFETIME", timedelta(hours=12))
    started, seen = session.get("signed_in_at"), session.get("seen_at")
    if not isinstance(started, float) or not isinstance(seen, float) or at - started > lifetime.total_seconds():
        why = f"You were signed out {round(lifetime.total_seconds() / 3600)} hours after signing in."
    elif at - seen > idle.total_seconds():
        why = f"You were signed out after {_minutes(idle)} minutes without activity."
    else:
        session["seen_at"] = at
        return None
    audit_request("session_expired", "staff_user", current_user.id)
    db.session.commit()
    logout_user()
    session.clear()
    flash(why + " Please sign in again.", "info")
    if request.endpoint == "auth.login":  # already on its way to sign in: let it
        return None
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?") if request.method == "GET" else None))


@auth_bp.route("/logout", methods=["POST"])
@login_required
def logout():
    user = current_user._get_current_object()
    audit_request("logout", "staff_user", user.id)
    user.revoke_sessions()
    db.session.commit()
    logout_user()
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("auth.login"))


@auth_bp.app_errorhandler(CSRFError)
def csrf_failed(error: CSRFError):
    return render_template("errors/csrf.html"), 400


@auth_bp.after_app_request
def no_store_for_staff(response):
    """Pages with client data must not linger in shared browser caches or be framed."""
    if request.blueprint in ("auth", "dashboard"):
        response.headers.setdefault("Cache-Control", "no-store")
        response.headers.setdefault(
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
    return response
