"""Enlace application factory: configuration from the environment, extensions, blueprints, CLI."""

from __future__ import annotations

import logging
import os
import re

from dotenv import load_dotenv
from flask import Flask
from flask_migrate import Migrate
from flask_wtf.csrf import CSRFProtect
from werkzeug.middleware.proxy_fix import ProxyFix

import config
import dashboard
from bot.cli.catalogs import catalogs_cli
from bot.cli.chat import chat_command
from bot.cli.understanding import understanding_cli
from bot.messaging.journal import init_journal
from bot.understanding.learned.model import model
from bot.web.health import bp as health_bp
from bot.web.simulator import bp as simulator_bp
from bot.web.webhook import bp as webhook_bp
from bot.web.webhook import drain_at_start
from casework.cli import clients_cli
from demo import demo_cli
from directory.cli import directory_cli
from flows.loader import flows
from interop.fhir.cli import fhir_cli, partners_cli
from interop.fhir.web import bp as fhir_bp
from interop.partners.page import bp as partners_bp
from interop.translation import Translator
from models import db
from models.clock import init_clock
from workers.cli import worker_command
from workers.queue import init_queue
from workers.registry import JOBS
from workers.sweeper import run_sweeps

migrate = Migrate()
csrf = CSRFProtect()


def create_app(overrides: dict | None = None) -> Flask:
    load_dotenv()
    app = Flask(__name__, instance_relative_config=True, template_folder="dashboard/templates",
                static_folder="dashboard/static")
    app.config.from_mapping(config.from_environ(app.instance_path))
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024  # a Twilio webhook is a few KB; refuse anything far larger
    if overrides:
        app.config.update(overrides)
    if (app.config.get("PUBLIC_URL") or "").startswith("https://"):  # served over https: cookies only go there
        app.config["SESSION_COOKIE_SECURE"] = app.config["REMEMBER_COOKIE_SECURE"] = True
    if app.config.get("PROXY_COUNT"):  # behind a reverse proxy: the client's own address, for sign-in throttling
        proxies = int(app.config["PROXY_COUNT"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)
    app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", _engine_options(app.config["SQLALCHEMY_DATABASE_URI"]))

    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    logging.getLogger("werkzeug").addFilter(_drop_query_strings)
    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(os.path.dirname(__file__), "migrations"))
    csrf.init_app(app)

    flows()  # a broken flow file stops start-up here, naming the file and the field
    model()  # so does a missing or corrupt understanding model (ModelError says how to rebuild it)
    init_clock(app)
    init_queue(app, JOBS, run_sweeps)  # every job and sweep: workers/registry.py
    app.extensions["translator"] = Translator.from_config(app.config)
    init_journal(app)  # where accepted texts wait while the database is down

    app.register_blueprint(webhook_bp)
    csrf.exempt(webhook_bp)  # signed by Twilio instead
    app.before_request(drain_at_start(app))  # texts journalled before a restart go in with the first request
    app.register_blueprint(health_bp)
    app.register_blueprint(simulator_bp)
    app.register_blueprint(partners_bp)  # /r/<token>: a partner's signed page, no login
    app.register_blueprint(fhir_bp)
    csrf.exempt(fhir_bp)  # a health system's server posts with its bearer token, no session
    dashboard.init_app(app)  # staff sign-in, the dashboard pages, `flask users`

    for command in (chat_command, worker_command, catalogs_cli, demo_cli, directory_cli, clients_cli, fhir_cli,
                    partners_cli, understanding_cli):
        app.cli.add_command(command)
    return app


def _drop_query_strings(record: logging.LogRecord) -> bool:
    """The development server logs request lines; their query strings can hold a phone number or a
    name searched for, so they are cut before the line is written."""
    if record.args and isinstance(record.args, tuple) and isinstance(record.args[0], str):
        record.args = (re.sub(r"\?\S*", "?…", record.args[0], count=1), *record.args[1:])
    return True


def _engine_options(url: str) -> dict:
    # A failed statement's exception (logged with its traceback) must not carry the phone
    # numbers and texts it was writing: SQLAlchemy leaves the parameters out.
    if url.startswith("sqlite"):
        # The embedded default serves a few threads; wait for the write lock instead of failing.
        return {"connect_args": {"timeout": 30, "check_same_thread": False}, "hide_parameters": True}
    return {"pool_pre_ping": True, "pool_size": 10, "max_overflow": 20, "hide_parameters": True}
