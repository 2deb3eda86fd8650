"""The `newsprov` command line. Parses options, calls the pipeline, turns errors into
one-line messages with a fix. No stage logic lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from newsprov import __version__
from scraper.guard import one_line

DEFAULT_DB = "newsprov.db"


# -- shared options ---------------------------------------------------------------------
def db_option(f: Callable) -> Callable:
    return click.option(
        "--db",
        "db_path",
        envvar="NEWSPROV_DB",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        help="SQLite database file (env NEWSPROV_DB).",
    )(f)


def quiet_option(f: Callable) -> Callable:
    return click.option("-q", "--quiet", is_flag=True, help="No progress output.")(f)


def lexicon_options(f: Callable) -> Callable:
    """--lexicon and --disable, shared by the commands that annotate."""
    f = click.option(
        "--disable",
        "disabled",
        multiple=True,
        help="Lexicon entry id to switch off in both annotators, framing and sourcing "
        "(repeatable), e.g. framing.loaded.disaster.",
    )(f)
    return click.option(
        "--lexicon",
        "lexicons",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="Extra lexicon TOML, framing or sourcing (repeatable); the kind is told by a "
        'top-level lexicon = "framing"|"sourcing" key, else by the entries\' ids or shape.',
    )(f)


def _split_env(value: Any) -> list[str]:
    if value is None:
        return []
    items = value if isinstance(value, (list, tuple)) else [value]
    return [part.strip() for item in items for part in str(item).split(",") if part.strip()]


def fetch_options(f: Callable) -> Callable:
    f = click.option(
        "--allow-host",
        "allow_hosts",
        multiple=True,
        envvar="NEWSPROV_ALLOW_HOSTS",
        help="Open the address guard for HOST[:PORT] (repeatable; env NEWSPROV_ALLOW_HOSTS, "
        "comma-separated). Needed for local or intranet servers.",
    )(f)
    f = click.option(
        "--connect-to",
        "connect_to",
        multiple=True,
        envvar="NEWSPROV_CONNECT_TO",
        help="Send requests for HOST (or *.suffix) to IP:PORT instead, keeping the Host "
        "header, like curl --connect-to; e.g. '*.test=127.0.0.1:8000'.",
    )(f)
    f = click.option(
        "--delay",
        type=click.FloatRange(min=0),
        default=1.0,
        show_default=True,
        help="Seconds between requests to one host (robots.txt Crawl-delay wins if longer).",
    )(f)
    return f


def open_database(db_path: str, create: bool = False):
    """Open the database or stop with a one-line error saying what to do.

    Only commands that add data (`scrape`, `import`, `demo`) create a missing file; the
    others refuse, so a mistyped --db is not silently an empty database.
    """
    from db.schema import NotANewsprovDatabase, open_db

    path = Path(db_path)
    if path.is_dir():
        raise click.ClickException(f"{db_path} is a folder: pass a database file with --db")
    if not path.resolve().parent.is_dir():
        raise click.ClickException(
            f"folder {path.resolve().parent} does not exist: create it or pass another --db"
        )
    try:
        return open_db(db_path, create=create)
    except FileNotFoundError:
        raise click.ClickException(
            f"no database at {db_path}: check --db (or NEWSPROV_DB), or run "
            "`newsprov scrape URL` / `newsprov demo` to make one"
        ) from None
    except NotANewsprovDatabase:
        raise click.ClickException(
            f"{db_path} is an SQLite database of another application: left untouched; "
            "pass another --db"
        ) from None
    except Exception as exc:  # sqlite3.DatabaseError, PermissionError...
        raise click.ClickException(
            f"cannot open {db_path} as a newsprov database ({one_line(str(exc), 200)}); pass another --db"
        ) from exc


def make_fetcher(allow_hosts: tuple[str, ...], connect_to: tuple[str, ...], delay: float):
    from scraper.fetch import FetchConfig, Fetcher

    mapping = {}
    for item in _split_env(connect_to):
        pattern, sep, target = item.partition("=")
        if not sep or not target:
            raise click.BadParameter(
                f"{item!r}: expected PATTERN=IP:PORT", param_hint="--connect-to"
            )
        mapping[pattern.strip()] = target.strip()
    config = FetchConfig(
        allow_hosts=tuple(_split_env(allow_hosts)), connect_to=mapping, min_delay=delay
    )
    return Fetcher(config)


def _progress(quiet: bool) -> Callable[[str], None]:
    if quiet or not sys.stderr.isatty():
        return lambda msg: None
    return lambda msg: click.echo(f"  {msg}", err=True)


def make_pipeline(db, fetcher=None, quiet: bool = False, lexicons=(), disabled=()):
    from annotate.annotator import Annotator
    from newsprov.pipeline import Pipeline

    def factory() -> Annotator:
        from annotate.lexicon import LexiconError
        from annotate.nlp import ModelNotFound

        try:
            return Annotator(lexicon_paths=lexicons, disabled_entries=disabled)
        except (ModelNotFound, LexiconError) as exc:
            raise click.ClickException(str(exc)) from None

    return Pipeline(db, fetcher, factory, progress=_progress(quiet))


def report_results(results, as_json: bool) -> None:
    """Print per-item outcome; a batch reports every failure at the end, exit 1 if any."""
    if as_json:
        for r in results:
            click.echo(json.dumps(r.to_json(), ensure_ascii=False))
    else:
        for r in results:
            if r.status == "ok":
                extra = f", {r.related} related" if r.related else ""
                click.echo(f"ok  article {r.article_id}  {r.url}{extra}")
    failed = [r for r in results if r.status != "ok"]
    for r in failed:
        # Most messages already name the URL; do not print it twice.
        where = "" if r.url in (r.error or "") else f"{r.url}: "
        click.echo(f"error: {where}{r.error}", err=True)
    if failed:
        if len(results) > 1:
            click.echo(f"{len(failed)} of {len(results)} inputs failed (listed above)", err=True)
        sys.exit(1)


class OneLineErrors(click.Group):
    """Usage mistakes get one line naming the fix, not click's usage block."""

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            rv = super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx else "newsprov"
            click.echo(f"Error: {exc.format_message()} (see `{where} --help`)", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except (click.Abort, KeyboardInterrupt):
            click.echo("Aborted.", err=True)
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)


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
    """(Re)annotate stored articles: without ids, those not annotated yet.

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
    else:
        ids = (
            None
            if all_
            else [
                r["article_id"]
                for r in db.query("SELECT article_id FROM articles WHERE annotated_run_id IS NULL")
            ]
        )
        if ids == []:
            click.echo("nothing to annotate (use --all to re-annotate everything)")
            return
    n = make_pipeline(db, quiet=quiet, lexicons=lexicons, disabled=disabled).annotate_articles(
        ids, n_process=processes
    )
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
    from annotate.lexicon import LexiconError
    from annotate.nlp import ModelNotFound

    try:
        result = Annotator(lexicon_paths=lexicons, disabled_entries=disabled).annotate(text)
    except (ModelNotFound, LexiconError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=1))
        return
    from newsprov.report import format_annotation

    click.echo(format_annotation(result))


# Command groups that live in their own modules (one group per module).
from newsprov.cli_desk import demo, export, open_, serve  # noqa: E402
from newsprov.cli_eval import eval_command  # noqa: E402
from newsprov.cli_lexicon import lexicon_group  # noqa: E402
from newsprov.cli_related import related_command, trace_command  # noqa: E402

main.add_command(serve, "serve")
main.add_command(open_, "open")
main.add_command(export, "export")
main.add_command(demo, "demo")
main.add_command(eval_command, "eval")
main.add_command(lexicon_group, "lexicon")
main.add_command(related_command, "related")
main.add_command(trace_command, "trace")
