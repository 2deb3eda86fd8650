"""What every `newsprov` command shares: the common options (--db, --quiet, --lexicon and
--disable, the fetch options), opening the database, building the fetcher and the
pipeline from those options, printing per-item results, and the group class that turns
usage mistakes into one-line errors. The commands live in `newsprov/cli.py` and the
`newsprov/cli_*.py` modules; these names stay importable from `newsprov.cli`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from scraper.guard import for_terminal, json_for_terminal, one_line

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
        db = open_db(db_path, create=create)
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
    # Closed when the command ends, even on an error: the last connection's close folds
    # the write-ahead log back into the file, so the .db a user copies or mails is whole
    # (a copy taken while a -wal file is pending silently lacks the newest rows).
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(db.close)
    return db


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
    from scraper.guard import AddressGuard

    allowed = tuple(_split_env(allow_hosts))
    for hint, check in (
        ("--allow-host", lambda: AddressGuard(allowed)),
        ("--connect-to", lambda: AddressGuard((), mapping)),
    ):
        try:
            check()
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint=hint) from None
    config = FetchConfig(allow_hosts=allowed, connect_to=mapping, min_delay=delay)
    return Fetcher(config)


def _progress(quiet: bool) -> Callable[[str], None]:
    if quiet or not sys.stderr.isatty():
        return lambda msg: None
    return lambda msg: click.echo(for_terminal(f"  {msg}"), err=True)


def make_pipeline(db, fetcher=None, quiet: bool = False, lexicons=(), disabled=()):
    from annotate.annotator import Annotator
    from newsprov.pipeline import Pipeline

    def factory() -> Annotator:
        from annotate.lexicon_entries import LexiconError
        from annotate.nlp import ModelNotFound

        try:
            return Annotator(lexicon_paths=lexicons, disabled_entries=disabled)
        except (ModelNotFound, LexiconError) as exc:
            raise click.ClickException(str(exc)) from None

    return Pipeline(db, fetcher, factory, progress=_progress(quiet))


def report_results(results, as_json: bool) -> None:
    """Print per-item outcome; a batch reports every failure at the end, exit 1 if any."""
    # URLs and error messages carry input and scraped text: printed through for_terminal.
    if as_json:
        for r in results:
            click.echo(json_for_terminal(json.dumps(r.to_json(), ensure_ascii=False)))
    else:
        for r in results:
            if r.status == "ok":
                extra = f", {r.related} related" if r.related else ""
                click.echo(for_terminal(f"ok  article {r.article_id}  {r.url}{extra}"))
    failed = [r for r in results if r.status != "ok"]
    for r in failed:
        # Most messages already name the URL; do not print it twice.
        where = "" if r.url in (r.error or "") else f"{r.url}: "
        click.echo(for_terminal(f"error: {where}{r.error}"), err=True)
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
