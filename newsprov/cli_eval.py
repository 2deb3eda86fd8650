"""`newsprov eval`: score the annotator on the hand-labelled gold set."""

from __future__ import annotations

import json
from pathlib import Path

import click

from newsprov.evaluate import GoldError, evaluate, format_report, load_gold


@click.command("eval")
@click.option(
    "--gold",
    "gold_dir",
    default="tests/gold",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of <name>.txt articles with <name>.sourcing.toml / <name>.framing.toml labels.",
)
@click.option(
    "--select",
    default="*",
    show_default=True,
    help="Only articles whose name matches this glob, e.g. 'f_*' or 'seed'.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--misses", is_flag=True, help="Also list every sentence and span the annotator got wrong."
)
@click.option(
    "--processes",
    default=1,
    show_default=True,
    type=click.IntRange(1),
    help="spaCy worker processes.",
)
def eval_command(gold_dir: Path, select: str, as_json: bool, misses: bool, processes: int) -> None:
    """Score sourcing labels and framing spans against a gold set.

    Prints precision, recall and F1 of the unsourced flag, per-label agreement and confusion,
    named-source sentences wrongly flagged, and framing span scores (overlap match, quotes
    kept apart, flags per 500 words on neutral articles).

    Example: newsprov eval --gold tests/gold --select 'seed' --misses
    """
    try:
        arts = load_gold(gold_dir, select)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    from annotate.annotator import Annotator  # spaCy loads only when the command runs

    annotator = Annotator()
    anns = annotator.annotate_many([a.text for a in arts], n_process=processes)
    report = evaluate(arts, anns)
    if as_json:
        data = report.to_json()
        if not misses:
            data["sourcing"].pop("misses")
            if data["framing"]:
                data["framing"].pop("misses")
        click.echo(json.dumps(data, indent=2))
    else:
        click.echo(format_report(report, show_misses=misses))
