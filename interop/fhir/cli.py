"""`flask fhir export --phone +1… [--output FILE]`: a client's record as a FHIR R4 Bundle (JSON)."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from interop.fhir.bundle import client_bundle, export_source, find_client
from models.audit import audit
from models.base import db
from models.clock import now

fhir_cli = AppGroup("fhir", help="FHIR R4 export (HL7 Gravity SDOH Clinical Care).")


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
