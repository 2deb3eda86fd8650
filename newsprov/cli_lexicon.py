"""`newsprov lexicon check|list`: validate and show the framing lexicons.

Only parses options and formats output; loading and checking live in annotate/lexicon.py (the
loader), annotate/lexicon_entries.py (the entries) and annotate/lexicon_check.py (the check).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import click

from annotate.models import FRAMING_CATEGORIES


def lexicon_option(f: Callable) -> Callable:
    return click.option(
        "--lexicon",
        "lexicons",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra lexicon TOML (framing, or sourcing: checked for ids and kinds), added to the "
        "shipped ones (repeatable).",
    )(f)


@click.group("lexicon")
def lexicon_group() -> None:
    """Check and list the framing lexicons (shipped files plus your own)."""


@lexicon_group.command("check")
@lexicon_option
def check_command(lexicons: tuple[Path, ...]) -> None:
    """Validate lexicon files: unique ids, a rationale for every entry, every example
    flagged by its own entry and no counter-example flagged.

    Exits 1 and lists one problem per line when anything is wrong.

    \b
    Example:
      newsprov lexicon check --lexicon my_words.toml
    """
    from annotate.lexicon import all_entries, load_lexicons
    from annotate.lexicon_check import check_lexicon
    from annotate.lexicon_entries import LexiconError
    from annotate.nlp import ModelNotFound, load_nlp

    try:
        entries = all_entries(lexicons)
        lexicon = load_lexicons(lexicons).framing  # also checks the sourcing files given
        nlp = load_nlp()
    except (LexiconError, ModelNotFound) as exc:
        raise click.ClickException(str(exc)) from exc
    problems = check_lexicon(entries, nlp)
    for p in problems:
        click.echo(p)
    files = len(lexicon.sources)
    if problems:
        raise click.ClickException(
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {len(entries)} entries; "
            "fix the entries named above and run the check again"
        )
    click.echo(
        f"ok: {len(entries)} entries in {files} file{'s' if files != 1 else ''}, lexicon sha256 {lexicon.sha256[:12]}"
    )


@lexicon_group.command("list")
@lexicon_option
@click.option("--disable", "disabled", multiple=True, help="Leave out this entry id (repeatable).")
@click.option(
    "--category",
    type=click.Choice(FRAMING_CATEGORIES),
    multiple=True,
    help="Only entries of this category (repeatable).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per entry, one per line.")
@click.option("--rationale", is_flag=True, help="Also print each entry's rationale.")
def list_command(
    lexicons: tuple[Path, ...],
    disabled: tuple[str, ...],
    category: tuple[str, ...],
    as_json: bool,
    rationale: bool,
) -> None:
    """List the entries the annotator would use: id, category and pattern.

    \b
    Examples:
      newsprov lexicon list --category doubt --rationale
      newsprov lexicon list --lexicon my_words.toml --json
    """
    from annotate.lexicon import load_lexicon
    from annotate.lexicon_entries import LexiconError

    try:
        lexicon = load_lexicon(lexicons, disabled)
    except LexiconError as exc:
        raise click.ClickException(str(exc)) from exc
    entries = [e for e in lexicon.entries if not category or e.category in category]
    for e in sorted(entries, key=lambda e: (e.category, e.id)):
        if as_json:
            click.echo(
                json.dumps(
                    {
                        "id": e.id,
                        "category": e.category,
                        "tier": e.tier,
                        "pattern": e.pattern_text,
                        "context": e.context,
                        "rationale": e.rationale,
                        "examples": list(e.examples),
                        "counter_examples": list(e.counter_examples),
                        "source": e.source,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            line = f"{e.id}\t{e.category}\t{e.pattern_text}"
            if e.context:
                line += f"\t(context: {e.context})"
            click.echo(line)
            if rationale:
                click.echo(f"    {e.rationale}")
    if not as_json:
        click.echo(f"{len(entries)} entries", err=True)
