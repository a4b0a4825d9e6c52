"""The dashboard blueprint: every page under /dashboard/ needs a signed-in user."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, current_app, has_request_context, render_template
from flask_login import current_user

from dashboard.auth import login_manager, may_open

# Templates and static files are the app's own (create_app points them at dashboard/).
dashboard_bp = Blueprint("dashboard", __name__, url_prefix="/dashboard")


@dataclass(frozen=True)
class Section:
    label: str
    endpoint: str


# The dashboard's sections, in menu order. A section shows up once its view is registered,
# and only for the roles its view lets in.
SECTIONS = (
    Section("Queue", "dashboard.queue"),
    Section("Clients", "dashboard.clients"),
    Section("Directory", "dashboard.directory"),
    Section("Reports", "dashboard.reports"),
)


def poll_seconds() -> int:
    """How often live parts of pages ask for news: DASHBOARD_POLL_SECONDS, 5 by default."""
    return int(current_app.config.get("DASHBOARD_POLL_SECONDS", 5))


@dashboard_bp.before_request
def require_sign_in():
    if not current_user.is_authenticated:
        return login_manager.unauthorized()
    return None


@dashboard_bp.app_context_processor
def navigation() -> dict:
    if not has_request_context():
        return {"sections": []}
    return {"sections": [s for s in SECTIONS if may_open(s.endpoint)]}


@dashboard_bp.errorhandler(404)
def not_found(error):
    return render_template("errors/not_found.html"), 404


@dashboard_bp.errorhandler(413)
def too_large(error):
    return render_template("errors/too_large.html"), 413
