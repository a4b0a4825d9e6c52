"""`flask directory ...`: import an HSDS directory or a taxonomy, and relink services to needs.

Each command is one transaction: it commits only when everything went in, and on any fatal problem
it rolls back, prints one line saying why and exits non-zero.
"""

from __future__ import annotations

import csv
import os
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup
from sqlalchemy.exc import SQLAlchemyError

from directory.hsds.importer import import_directory, import_taxonomy
from directory.hsds.report import DirectoryImportError, ImportReport
from directory.needs import NEEDS_FILE_ENV, NeedsFileError, load_needs
from directory.search.links import rebuild_links
from models.base import db

directory_cli = AppGroup("directory", help="The resource directory (Open Referral HSDS).")

_needs_option = click.option(
    "--needs", "needs_file", type=click.Path(dir_okay=False),
    help=f"Need -> taxonomy mapping (YAML/JSON); default ${NEEDS_FILE_ENV} or directory/needs.yaml.",
)


@directory_cli.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Read and check everything, then roll back.")
@click.option("--report", "report_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the skipped and changed rows to this CSV instead of the screen.")
@_needs_option
def import_command(path: Path, dry_run: bool, report_file: Path | None, needs_file: str | None):
    """Import an HSDS 3.x or 1.1 CSV datapackage folder; a re-import updates rows in place."""
    report = _transaction(lambda needs: import_directory(
        db.session, path, needs=needs, progress=click.echo), needs_file, dry_run)
    _show(report, report_file, dry_run)


@directory_cli.command("import-taxonomy")
@click.argument("path", type=click.Path(path_type=Path))
@_needs_option
def import_taxonomy_command(path: Path, needs_file: str | None):
    """Import a taxonomy CSV, such as Open Eligibility's taxonomy.csv, as taxonomy terms."""
    report = _transaction(lambda needs: import_taxonomy(
        db.session, path, needs=needs, progress=click.echo), needs_file, False)
    _show(report, None, False)


@directory_cli.command("relink")
@_needs_option
def relink_command(needs_file: str | None):
    """Re-link services to needs after the need mapping changed."""
    counts = _transaction(lambda needs: rebuild_links(db.session, needs), needs_file, False)
    click.echo("Services per need: " + ", ".join(f"{n} {c}" for n, c in sorted(counts.items())))


def _transaction(work, needs_file: str | None, dry_run: bool):
    try:
        needs = load_needs(needs_file or current_app.config.get(NEEDS_FILE_ENV)
                           or os.environ.get(NEEDS_FILE_ENV))
        result = work(needs)
    except (DirectoryImportError, NeedsFileError) as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from None
    except SQLAlchemyError as exc:
        db.session.rollback()
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
        raise click.ClickException(f"database error, nothing was changed: {detail}") from None
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    return result


def _show(report: ImportReport, report_file: Path | None, dry_run: bool) -> None:
    if report_file is not None:
        with report_file.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["file", "row", "outcome", "reason"])
            for issue in report.issues:
                outcome = "skipped" if issue.skipped else "kept"
                writer.writerow([issue.file, issue.row, outcome, issue.reason])
    else:
        for issue in sorted(report.issues, key=lambda i: (not i.skipped, i.file, i.row)):
            click.echo(str(issue))
    for line in report.summary():
        click.echo(line)
    if report_file is not None and report.issues:
        click.echo(f"{len(report.issues)} skipped or changed rows are listed in {report_file}.")
    if dry_run:
        click.echo("Dry run: nothing was saved.")
