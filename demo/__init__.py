"""`flask --app app demo setup`: what `make run` needs to show the product on a fresh machine.

Loads a small demo directory around New York City (through the real HSDS importer) and the
Open Eligibility taxonomy, and creates demo staff logins with fresh passwords, printed once.
"""

from __future__ import annotations

import secrets
import tempfile
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from demo.directory import write_demo_directory
from directory.hsds.importer import import_directory
from models import db
from models.directory import Service
from models.staff import Role, User, create_user

demo_cli = AppGroup("demo", help="Demo data for trying Enlace locally.")

DEMO_USERS = [("chw@enlace.demo", Role.CHW, "Demo CHW"), ("supervisor@enlace.demo", Role.SUPERVISOR, "Demo Supervisor")]


@demo_cli.command("setup")
def setup_command() -> None:
    """Load the demo directory (once) and (re)set the demo logins."""
    if not db.session.scalar(sa.select(sa.func.count()).select_from(Service)):
        with tempfile.TemporaryDirectory() as tmp:
            write_demo_directory(Path(tmp))
            report = import_directory(db.session, tmp)
            db.session.commit()
        click.echo("Demo directory loaded (fictional data):")
        click.echo("\n".join(report.summary()[1:]))
    for email, role, name in DEMO_USERS:
        password = secrets.token_urlsafe(12)
        user = db.session.scalars(sa.select(User).where(User.email == email)).first()
        if user is None:
            create_user(db.session, email, role, password, name=name)
        else:
            user.set_password(password)
            user.failed_logins, user.locked_until = 0, None
        db.session.commit()
        click.echo(f"Demo {role.value} login: {email} / {password}")
