"""Translations: complete, current, true to their placeholders and within their SMS budgets.

A developer who adds or rewords a text without running `make catalogs`, or a translator who
leaves an entry fuzzy or too long, gets a failure naming the language and the key.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po, write_po
from click.testing import CliRunner

from bot.cli import catalogs as catalog_cli
from bot.cli.catalog_check import TRANSLATED_LANGUAGES, Translations, measures, problems, report
from bot.i18n import LOCALES_DIR, REGISTRY, SUPPORTED_LANGUAGES, render
from flows.loader import flows

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def found() -> list:
    return problems()


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_every_text_is_translated(found, lang):
    wrong = [str(p) for p in found if p.lang == lang and p.kind != "over_budget"]
    assert not wrong, "translations to fix (see docs/TRANSLATIONS.md):\n" + "\n".join(wrong)


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_every_message_fits_its_sms_budget(found, lang):
    over = [str(p) for p in found if p.lang == lang and p.kind == "over_budget"]
    assert not over, "over budget: shorten the wording, or raise the budget and say why:\n" + "\n".join(over)


def test_template_is_up_to_date_with_code_and_flows(tmp_path):
    fresh = tmp_path / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(ROOT / "babel.cfg"), "-k", "T:1c,2",
                                "--no-location", "-o", str(fresh), str(ROOT)])
    extracted, committed = _pairs(fresh), _pairs(LOCALES_DIR / "messages.pot")
    new = sorted(ctx for ctx, _ in extracted - committed)
    gone = sorted(ctx for ctx, _ in committed - extracted)
    assert not new and not gone, (
        "locales/messages.pot is out of date: run `make catalogs`, then translate. "
        f"New or reworded: {', '.join(new) or 'none'}. Removed or reworded: {', '.join(gone) or 'none'}."
    )


def _pairs(path: Path) -> set[tuple[str, str]]:
    with path.open("rb") as fh:
        return {(m.context, m.id) for m in read_po(fh) if m.id}


def test_a_spanish_client_reads_spanish_and_an_unknown_language_falls_back_to_english():
    flows()
    assert render("system.stopped", "es") == (
        "Ya no recibirá mensajes de Enlace. Responda START (o INICIAR) para volver.")
    assert render("answer.yes", "es") == "Sí"
    assert render("screening.results", "es", needs="comida") == "Gracias. Podemos ayudarle con: comida."
    english = "You will get no more texts from Enlace. Reply START to come back."
    assert render("system.stopped", "fr") == english
    assert render("system.stopped", None) == english


def test_a_resource_list_is_counted_with_a_page_of_resources():
    by_lang = {m.lang: m for m in measures() if m.name == "suggestions.offer"}
    english = ("Places that can help with problems in your home:\n"
               "1 Eastside Community Food Pantry, (617) 555-0100, 0.8 mi, open now until 5:00 PM\n"
               "2 St. Mary's Family Shelter, (617) 555-0142, 0.8 mi, closed today, opens Mon 9:00 AM\n"
               "3 Neighborhood Housing Help Center, no phone listed, 0.8 mi, opens today at 9:00 AM\n"
               "Reply with a number to choose one, MORE for others, or NEXT to skip.")
    assert (by_lang["en"].units, by_lang["en"].segments) == (len(english), 3)


def test_the_directions_after_a_choice_are_counted_with_an_address_hours_and_a_map():
    by_lang = {m.lang: m for m in measures() if m.name == "suggestions.directions"}
    english = ("How to get there:\nAddress: 1234 Massachusetts Ave, Cambridge\n"
               "Hours: closed today, opens Mon 9:00 AM\n"
               "Map: https://www.google.com/maps/search/?api=1&query=42.37350,-71.11900")
    assert (by_lang["en"].units, by_lang["en"].segments) == (len(english), 2)
    assert all(m.segments <= 4 for m in by_lang.values())


def test_language_menu_and_names_read_the_same_in_every_language():
    flows()
    for lang in TRANSLATED_LANGUAGES:
        assert render("language.menu", lang) == render("language.menu", "en")
        assert render("language.name.vi", lang) == "Tiếng Việt"


@pytest.fixture
def broken_locales(tmp_path) -> Path:
    """A copy of the catalogs whose Spanish has one of each mistake."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    po = locales / "es" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as fh:
        catalog = read_po(fh, locale="es")
    by_key = {m.context: m for m in catalog if m.id}
    by_key["system.empty"].string = ""
    by_key["system.agent"].flags.add("fuzzy")
    by_key["screening.results"].string = "Gracias. Podemos ayudarle con: {necesidades}."
    by_key["system.reask"].string = "Perdón, no entendí lo que me escribió. Por favor, responda con un número:"
    catalog.delete(by_key["system.finished"].id, context="system.finished")
    catalog.delete(by_key["intake.name"].id, context="intake.name")
    catalog.add("What first name should we call you?", "¿Cómo se llama?", context="intake.name")
    with po.open("wb") as fh:
        write_po(fh, catalog)
    return locales


def test_check_names_each_broken_translation(broken_locales):
    found = {(p.kind, p.key) for p in problems(broken_locales) if p.lang == "es"}
    assert found == {
        ("missing", "system.empty"),
        ("fuzzy", "system.agent"),
        ("placeholders", "screening.results"),
        ("over_budget", "system.reask"),
        ("missing", "system.finished"),
        ("outdated", "intake.name"),
    }


def test_an_untranslated_text_is_sent_in_english_and_counted_so(broken_locales):
    spanish = Translations("es", broken_locales)
    flows()
    assert spanish.text(REGISTRY["system.empty"]) == "We got an empty message. Please type your answer."
    assert spanish.text(REGISTRY["system.agent"]) == "OK. A community health worker will text you here soon."


def test_check_command_fails_with_the_problems_listed(broken_locales, monkeypatch):
    monkeypatch.setattr(catalog_cli, "problems", lambda: problems(broken_locales))
    result = CliRunner().invoke(catalog_cli.catalogs_cli, ["check"])
    assert result.exit_code == 1
    assert "es system.empty: not translated" in result.output
    assert "es system.agent: marked fuzzy" in result.output


def test_check_command_passes_on_the_real_catalogs():
    result = CliRunner().invoke(catalog_cli.catalogs_cli, ["check"])
    assert result.exit_code == 0, result.output


def test_report_shows_segments_per_language_and_flags_over_budget(broken_locales):
    table = report(broken_locales, markdown=True)
    header, _, *rows = table.splitlines()
    assert header == "| message | budget | en | es | vi | zh_Hans | ht | ar |"
    hurt = next(r for r in rows if r.startswith("| `screening.hurt (with options)` | 4 |"))
    assert hurt.count(" G ") + hurt.count(" U ") == len(SUPPORTED_LANGUAGES)
    reask = next(r for r in rows if r.startswith("| `system.reask` | 1 |"))
    assert "**2 U 73 OVER**" in reask
    assert "over budget (marked OVER)" in table
