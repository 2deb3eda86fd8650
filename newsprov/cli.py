"""The `newsprov` command line. Parses options, calls the pipeline, turns errors into
one-line messages with a fix. No stage logic lives here.

The options and helpers every command shares are in `newsprov/cli_common.py` (importable
from here as before); command groups live in their own `newsprov/cli_*.py` modules."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from newsprov import __version__
from newsprov.cli_common import (
    DEFAULT_DB,
    OneLineErrors,
    db_option,
    fetch_options,
    lexicon_options,
    make_fetcher,
    make_pipeline,
    open_database,
    quiet_option,
    report_results,
)
from scraper.guard import for_terminal, json_for_terminal

__all__ = [
    "DEFAULT_DB",
    "OneLineErrors",
    "db_option",
    "fetch_options",
    "lexicon_options",
    "main",
    "make_fetcher",
    "make_pipeline",
    "open_database",
    "quiet_option",
    "report_results",
]


# -- commands ---------------------------------------------------------------------------
@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsprov")
def main() -> None:
    """How is a news story sourced and framed, and where did its claims come from?

    \b
    Quick tour:
      newsprov demo                      # bundled sample, offline, then browse it
      newsprov scrape https://example.org/news/story
      newsprov export --csv flags.csv
    """


@main.command()
@click.argument("urls", nargs=-1, required=True)
@db_option
@fetch_options
@click.option("--no-related", is_flag=True, help="Do not look for other coverage of the story.")
@click.option(
    "--max-related",
    type=click.IntRange(min=0),
    default=30,
    show_default=True,
    help="Related pages fetched per article.",
)
@click.option(
    "--related-url",
    "related_urls",
    multiple=True,
    help="A page to treat as related coverage (repeatable).",
)
@click.option(
    "--related-file",
    type=click.File("r", encoding="utf-8"),
    help="File of related URLs, one per line.",
)
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    help="An RSS/Atom feed to search for related coverage (repeatable).",
)
@click.option("--no-gdelt", is_flag=True, help="Do not ask the GDELT DOC API for related coverage.")
@click.option(
    "--gdelt-base", default=None, hidden=True, help="Base URL of the GDELT API (for testing)."
)
@click.option(
    "--google-news", is_flag=True, help="Also search Google News RSS (opt-in; personal use only)."
)
@click.option(
    "--mediacloud-key",
    envvar="NEWSPROV_MEDIACLOUD_KEY",
    default=None,
    help="Media Cloud API key (env NEWSPROV_MEDIACLOUD_KEY).",
)
@click.option(
    "--window-days",
    type=click.IntRange(min=0),
    default=None,
    help="Related coverage published up to N days before or after the article (default 90 before, 30 after).",
)
@click.option(
    "--gdelt-cache",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder to cache GDELT answers in.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per input URL.")
@quiet_option
def scrape(
    urls,
    db_path,
    allow_hosts,
    connect_to,
    delay,
    no_related,
    max_related,
    related_urls,
    related_file,
    feeds,
    no_gdelt,
    gdelt_base,
    google_news,
    mediacloud_key,
    window_days,
    gdelt_cache,
    as_json,
    quiet,
) -> None:
    """Fetch articles and their related coverage, annotate them, store everything.

    \b
    Example:
      newsprov scrape https://example.org/news/2025/02/26/story --db desk.db
    """
    from newsprov.pipeline import ScrapeOptions

    extra_related = list(related_urls)
    if related_file:
        extra_related += [
            ln.strip() for ln in related_file if ln.strip() and not ln.startswith("#")
        ]
    options = ScrapeOptions(
        related=not no_related,
        max_related=max_related,
        related_urls=extra_related,
        feeds=feeds,
        gdelt=not no_gdelt,
        gdelt_base=gdelt_base,
        google_news=google_news,
        mediacloud_key=mediacloud_key,
    )
    if window_days is not None:
        options.extra.update(window_before_days=window_days, window_after_days=window_days)
    if gdelt_cache is not None:
        options.extra["gdelt_cache_dir"] = str(gdelt_cache)
    db = open_database(db_path, create=True)
    with make_fetcher(allow_hosts, connect_to, delay) as fetcher:
        results = make_pipeline(db, fetcher, quiet).scrape(urls, options)
    report_results(results, as_json)


@main.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--url", required=True, help="The URL the page was saved from.")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def import_(file: Path, url: str, db_path: str, as_json: bool) -> None:
    """Import a page saved from a browser (no network).

    \b
    Example:
      newsprov import story.html --url https://example.org/news/story
    """
    if not url.startswith(("http://", "https://")):
        raise click.BadParameter("must be an http(s) URL", param_hint="--url")
    db = open_database(db_path, create=True)
    report_results([make_pipeline(db).import_file(file, url)], as_json)


@main.command()
@click.argument("article_ids", nargs=-1, type=int)
@click.option("--all", "all_", is_flag=True, help="Re-annotate every stored article.")
@db_option
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="spaCy worker processes.",
)
@lexicon_options
@quiet_option
def annotate(article_ids, all_, db_path, processes, lexicons, disabled, quiet) -> None:
    """(Re)annotate stored articles: without ids, those not annotated yet or annotated by
    older rules.

    \b
    Example:
      newsprov annotate --all --processes 2
    """
    if all_ and article_ids:
        raise click.UsageError("give article ids or --all, not both")
    db = open_database(db_path)
    from db import store

    if article_ids:
        missing = [i for i in article_ids if store.find_article(db, str(i)) is None]
        if missing:
            raise click.ClickException(
                f"no article with id {', '.join(map(str, missing))} in {db_path}; see `newsprov export` or Datasette for ids"
            )
        ids = list(article_ids)
    pipeline = make_pipeline(db, quiet=quiet, lexicons=lexicons, disabled=disabled)
    if not article_ids:
        # Not annotated yet (a run killed between storing and annotating, a changed text)
        # and annotated by other rules than these: both are out of date.
        ids = None if all_ else store.stale_articles(db, pipeline.annotator.fingerprint())
        if ids == []:
            click.echo(
                "nothing to annotate: every article is annotated with the current rules "
                "(use --all to re-annotate everything)"
            )
            return
    n = pipeline.annotate_articles(ids, n_process=processes)
    click.echo(f"annotated {n} article{'s' if n != 1 else ''}")


@main.command("annotate-text")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("--json", "as_json", is_flag=True, help="Print the DESIGN.md JSON contract.")
@lexicon_options
def annotate_text(file: str, as_json: bool, lexicons, disabled) -> None:
    """Annotate a plain-text file (or - for stdin) and print the flags.

    Offsets are Python string indices into the file's UTF-8 text exactly as read.

    \b
    Example:
      newsprov annotate-text story.txt --json
    """
    raw = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    try:
        text = raw.decode("utf-8")  # no newline translation: offsets index the file as is
    except UnicodeDecodeError as exc:
        raise click.ClickException(
            f"{file} is not UTF-8 text (byte {exc.start}): convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from exc
    if not text.strip():
        raise click.ClickException(f"{file} is empty: nothing to annotate")
    from annotate.annotator import Annotator
    from annotate.lexicon_entries import LexiconError
    from annotate.nlp import ModelNotFound

    try:
        result = Annotator(lexicon_paths=lexicons, disabled_entries=disabled).annotate(text)
    except (ModelNotFound, LexiconError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json_for_terminal(json.dumps(result.to_json(), ensure_ascii=False, indent=1)))
        return
    from newsprov.report import format_annotation

    click.echo("\n".join(for_terminal(line) for line in format_annotation(result).split("\n")))


# Command groups that live in their own modules (one group per module).
from newsprov.cli_desk import demo, export, open_, serve  # noqa: E402
from newsprov.cli_eval import eval_command  # noqa: E402
from newsprov.cli_lexicon import lexicon_group  # noqa: E402
from newsprov.cli_recheck import recheck, versions_command  # noqa: E402
from newsprov.cli_related import related_command, trace_command  # noqa: E402

main.add_command(serve, "serve")
main.add_command(open_, "open")
main.add_command(export, "export")
main.add_command(demo, "demo")
main.add_command(eval_command, "eval")
main.add_command(lexicon_group, "lexicon")
main.add_command(related_command, "related")
main.add_command(trace_command, "trace")
main.add_command(recheck, "recheck")
main.add_command(versions_command, "versions")

from newsprov.cli_corpus import corpus_group  # noqa: E402

main.add_command(corpus_group, "corpus")
