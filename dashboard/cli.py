"""`flask users ...`: manage dashboard staff accounts from the command line."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from models.base import db
from models.staff import Role, create_user, email_problem, find_user, normalize_email, password_problem

users_cli = AppGroup("users", help="Dashboard staff accounts.")


def _checked_password(value: str) -> str:
    problem = password_problem(value)
    if problem:
        raise click.UsageError(problem)
    return value


@users_cli.command("create")
@click.argument("email")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]), help="What the user may do.")
@click.option("--password", help="Their password; asked for (twice, hidden) when not given.")
@click.option("--name", help="The name the dashboard shows.")
def create(email: str, role: str, password: str | None, name: str | None) -> None:
    """Add a dashboard user who signs in with EMAIL."""
    problem = email_problem(email)
    if problem:
        raise click.BadParameter(problem, param_hint="EMAIL")
    if find_user(db.session, email) is not None:
        raise click.ClickException(f"A user with the email {normalize_email(email)} already exists.")
    if password is None:
        password = click.prompt(
            "Password", hide_input=True, confirmation_prompt="Repeat the password", value_proc=_checked_password
        )
    elif problem := password_problem(password):
        raise click.BadParameter(problem, param_hint="--password")
    user = create_user(db.session, email, Role(role), password, name)
    db.session.commit()
    click.echo(f"Created {user.role.value} {user.email} (id {user.id}).")
