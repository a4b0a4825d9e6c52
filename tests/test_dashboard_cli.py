"""`flask users create`: what an administrator types and reads."""

from __future__ import annotations

import sqlalchemy as sa

from models.base import db
from models.staff import Role, User

GOOD = "correct horse battery"


def users(app) -> list[tuple]:
    with app.app_context():
        return [(u.email, u.role, u.name) for u in db.session.scalars(sa.select(User).order_by(User.id))]


def run(app, *args, input=None):
    return app.test_cli_runner().invoke(args=["users", "create", *args], input=input)


def test_create_with_password_and_name(app):
    result = run(app, "Ana@Example.org", "--role", "supervisor", "--password", GOOD, "--name", "Ana Ruiz")
    assert result.exit_code == 0, result.output
    assert result.output == "Created supervisor ana@example.org (id 1).\n"
    assert users(app) == [("ana@example.org", Role.SUPERVISOR, "Ana Ruiz")]


def test_password_is_asked_for_twice_and_hidden(app):
    result = run(app, "ana@example.org", "--role", "chw", input=f"{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    assert "Password: \nRepeat the password: \nCreated chw" in result.output
    assert GOOD not in result.output


def test_prompt_insists_on_a_long_enough_matching_password(app):
    result = run(app, "ana@example.org", "--role", "chw", input=f"short\n{GOOD}\nsomething else\n{GOOD}\n{GOOD}\n")
    assert result.exit_code == 0, result.output
    assert "Error: Use a password of at least 12 characters." in result.output
    assert "Error: The two entered values do not match." in result.output
    assert users(app) == [("ana@example.org", Role.CHW, None)]


def test_duplicate_email_is_a_clear_error(app):
    run(app, "ana@example.org", "--role", "chw", "--password", GOOD)
    result = run(app, "ANA@example.org", "--role", "admin", "--password", GOOD)
    assert result.exit_code == 1
    assert "Error: A user with the email ana@example.org already exists." in result.output
    assert len(users(app)) == 1


def test_bad_email_short_password_and_unknown_role_are_refused(app):
    bad_email = run(app, "ana.example.org", "--role", "chw", "--password", GOOD)
    assert bad_email.exit_code == 2
    assert "Invalid value for EMAIL: Enter an email address like name@example.org." in bad_email.output
    short = run(app, "ana@example.org", "--role", "chw", "--password", "short")
    assert short.exit_code == 2
    assert "Invalid value for --password: Use a password of at least 12 characters." in short.output
    role = run(app, "ana@example.org", "--role", "boss", "--password", GOOD)
    assert role.exit_code == 2
    assert "'boss' is not one of 'chw', 'supervisor', 'admin'" in role.output
    assert users(app) == []
