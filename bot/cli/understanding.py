"""`flask understanding train` and `flask understanding eval`: build the model, measure the detectors."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.understanding.learned import corpus
from bot.understanding.learned.evaluation import evaluate, failures, report
from bot.understanding.learned.training import main


@click.group("understanding")
def understanding_cli() -> None:
    """The language understanding: train its model, measure it on the corpus."""


@understanding_cli.command("train")
@click.option("--corpus", "root", type=click.Path(file_okay=False, path_type=Path), default=corpus.ROOT,
              show_default=True, help="Corpus folder (format: data/understanding/README.md).")
def train_command(root: Path) -> None:
    """Train the model from the corpus's training part and write it into the repository."""
    sys.exit(main(root))


@understanding_cli.command("eval")
@click.option("--corpus", "root", type=click.Path(file_okay=False, path_type=Path), default=corpus.ROOT,
              show_default=True, help="Corpus folder (format: data/understanding/README.md).")
@click.option("--part", type=click.Choice(["test", "train", "all"]), default=None,
              help="Which part to measure [default: test for our corpus, all for any other].")
@click.option("--misses", is_flag=True, help="Also list every message handled wrongly.")
def eval_command(root: Path, part: str | None, misses: bool) -> None:
    """Print crisis, language, reply and opt-out figures per language; exit 1 below the floors."""
    if part is None:
        part = "test" if root.resolve() == corpus.ROOT.resolve() else "all"
    results = evaluate(corpus.load(root).part(None if part == "all" else part))
    click.echo(f"Corpus {root}, part: {part}\n")
    click.echo(report(results))
    if misses:
        click.echo("\nHandled wrongly:\n" + "\n".join(results.misses))
    below = failures(results)
    if below:
        click.echo("\nBelow the floors:\n  " + "\n  ".join(below))
        sys.exit(1)
    click.echo("\nAll floors met.")
