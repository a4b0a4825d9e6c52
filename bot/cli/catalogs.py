"""`flask --app app catalogs check|report`: the translation catalogs, checked and measured.

`check` exits non-zero on any missing, fuzzy or outdated translation, placeholder mismatch or
message over its SMS budget (CI runs it); `report` prints each message's segments per language.
Neither needs the database: they read `locales/` and the flow files.
"""

from __future__ import annotations

import click
from flask.cli import AppGroup

from bot.cli.catalog_check import TRANSLATED_LANGUAGES, problems, report

catalogs_cli = AppGroup("catalogs", help="Check and measure the translation catalogs.")


@catalogs_cli.command("check", with_appcontext=False)
def check_command() -> None:
    """Fail on any missing, fuzzy or outdated translation, placeholder mismatch or over-budget message."""
    found = problems()
    for problem in found:
        click.echo(str(problem))
    if found:
        raise click.ClickException(f"{len(found)} translation problem(s); see docs/TRANSLATIONS.md")
    click.echo(f"Catalogs complete for {', '.join(TRANSLATED_LANGUAGES)}; every message within its SMS budget.")


@catalogs_cli.command("report", with_appcontext=False)
@click.option("--markdown", is_flag=True, help="A Markdown table, for docs/TRANSLATIONS.md.")
def report_command(markdown: bool) -> None:
    """Print each message's SMS segments per language, with its encoding and length."""
    click.echo(report(markdown=markdown))
