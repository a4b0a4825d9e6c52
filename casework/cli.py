"""`flask --app app clients export|erase`: a client's data on request (casework/client_data.py).

    flask --app app clients export --phone +16175550123 --output client.json
    flask --app app clients erase --phone +16175550123 --yes
"""

from __future__ import annotations

import json
import os

import click
from flask.cli import AppGroup

from casework.client_data import erase_client, export_client, find_client, is_erased
from models import Client, audit, clock, db
from models.staff import User, find_user

clients_cli = AppGroup("clients", help="A client's data: export it, or erase it on request.")


def _client_or_fail(phone: str) -> Client:
    client = find_client(db.session, phone)
    if client is None or is_erased(client):
        raise click.ClickException("No client has that number.")
    return client


def _staff(email: str | None) -> User | None:
    if email is None:
        return None
    user = find_user(db.session, email)
    if user is None:
        raise click.ClickException(f"No staff user {email}.")
    return user


@clients_cli.command("export")
@click.option("--phone", required=True, help="The client's number, e.g. +16175550123.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True), help="Write here instead of stdout.")
@click.option("--by", "by_email", help="The staff user who asked for it (recorded in the audit log).")
def export_command(phone: str, output: str | None, by_email: str | None) -> None:
    """Everything about a client, as JSON (the file is readable by its owner only)."""
    client = _client_or_fail(phone)
    data = export_client(db.session, client, clock.now())
    audit(db.session, _staff(by_email), "export_client", "client", client.id)
    db.session.commit()
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        click.echo(text)
        return
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(text + "\n")
    click.echo(f"Wrote client {client.id}'s data to {output}.", err=True)


@clients_cli.command("erase")
@click.option("--phone", required=True, help="The client's number, e.g. +16175550123.")
@click.option("--by", "by_email", help="The staff user who asked for it (recorded in the audit log).")
@click.confirmation_option(prompt="Erase this client's personal data for good?")
def erase_command(phone: str, by_email: str | None) -> None:
    """Erase a client on request: their data goes, the anonymous counts stay (--yes to confirm)."""
    client = _client_or_fail(phone)
    client_id = client.id
    touched = erase_client(db.session, client, _staff(by_email), clock.now())
    db.session.commit()
    summary = ", ".join(f"{n} {name}" for name, n in sorted(touched.items()))
    click.echo(f"Erased client {client_id} ({summary}).")
