"""`flask fhir export --phone +1… [--output FILE]`: a client's record as a FHIR R4 Bundle (JSON);
`flask partners token ORG [--callback URL]`: a health system's bearer token for `POST /fhir`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from interop.fhir.bundle import client_bundle, export_source, find_client
from interop.fhir.receive import new_sender
from models.audit import audit
from models.base import db
from models.clock import now

fhir_cli = AppGroup("fhir", help="FHIR R4 export (HL7 Gravity SDOH Clinical Care).")
partners_cli = AppGroup("partners", help="Partner organisations: health systems that send referrals in.")


@fhir_cli.command("export")
@click.option("--phone", required=True, help="The client's number in E.164 form, like +15555550123.")
@click.option("--output", type=click.Path(dir_okay=False, writable=True),
              help="Write the Bundle to this file instead of standard output.")
def export(phone: str, output: str | None) -> None:
    """Export one client's record: Patient, screenings, needs, referrals and their history."""
    client = find_client(db.session, phone.strip())
    if client is None:
        raise click.ClickException("No client has that phone number.")
    bundle = client_bundle(db.session, client, now=now(), source=export_source())
    text = bundle.model_dump_json(indent=2) + "\n"
    audit(db.session, None, "export_fhir", "client", client.id)
    db.session.commit()
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        click.echo(f"Wrote {len(bundle.entry or [])} resources to {output}", err=True)
    else:
        click.echo(text, nl=False)


@partners_cli.command("token")
@click.argument("org")
@click.option("--callback", help="POST the Task here whenever its status changes (https://...).")
def token(org: str, callback: str | None) -> None:
    """Make (or replace) ORG's bearer token for POST /fhir; it is printed once and stored hashed."""
    org = org.strip()
    if not org or len(org) > 200:
        raise click.ClickException("Give the organisation's name (at most 200 characters).")
    if callback and not callback.startswith(("https://", "http://")):
        raise click.ClickException("The callback must be an http(s) URL.")
    secret = new_sender(db.session, org, callback)
    db.session.commit()
    click.echo(secret)
