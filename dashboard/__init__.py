"""The CHW web interface: staff sign-in, roles, the audit trail and the dashboard pages.

`init_app(app)` wires it into an app: Flask-Login, the `auth` and `dashboard` blueprints, the
template helpers and the `users` CLI group. CSRF protection for every form is the app's own
(`csrf` in app.py); the directory import checks its token in its own form, after raising the
upload size limit.
"""

from __future__ import annotations

from flask import Flask

# The sections: each adds its pages to `dashboard_bp` as it is imported, so all of them are
# imported here, before `init_app` registers the blueprint.
from dashboard import clients, conversations, queue, reports, resources  # noqa: F401
from dashboard.auth import auth_bp, login_manager, may_open
from dashboard.cli import users_cli
from dashboard.home import dashboard_bp
from dashboard.templating import init_templating


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    app.register_blueprint(auth_bp)
    app.register_blueprint(dashboard_bp)
    app.extensions["csrf"].exempt("dashboard.resources.views.import_directory_view")
    init_templating(app)
    app.add_template_global(may_open)
    app.cli.add_command(users_cli)
