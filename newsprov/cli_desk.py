"""The editor's desk commands: serve, open, export, demo."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from newsprov.cli import db_option, make_pipeline, open_database, quiet_option
from scraper.guard import one_line


@click.command()
@db_option
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
def serve(db_path: str, port: int, host: str) -> None:
    """Browse the database in Datasette, with the reader page and dashboards.

    \b
    Example:
      newsprov serve --db desk.db --port 8001
    """
    open_database(db_path).close()
    from newsprov.serving import run_datasette

    run_datasette(db_path, host, port)


@click.command("open")
@click.argument("article", default="latest")
@db_option
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option("--browser", is_flag=True, help="Open it in the default browser too.")
def open_(article: str, db_path: str, port: int, browser: bool) -> None:
    """Print the reader URL of an article (id, URL, or 'latest').

    \b
    Example:
      newsprov open 3 --browser
    """
    from newsprov.serving import reader_url, resolve_article

    db = open_database(db_path)
    article_id = resolve_article(db, article)
    if article_id is None:
        raise click.ClickException(
            f"no article {article!r} in {db_path}: scrape or import one first"
        )
    url = reader_url("127.0.0.1", port, article_id)
    click.echo(url)
    if browser:
        click.launch(url)


@click.command()
@click.option(
    "--csv",
    "csv_path",
    required=True,
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Output file (- for stdout).",
)
@db_option
@click.option("--article", default=None, help="Only this article (id or URL).")
@click.option("--outlet", default=None, help="Only this outlet (registered domain).")
@click.option(
    "--since", default=None, help="Only articles published on or after this date (YYYY-MM-DD)."
)
@click.option(
    "--flags",
    default="unsourced,framing",
    show_default=True,
    help="Which flags: unsourced, framing, or both.",
)
@click.option(
    "--tier",
    type=click.Choice(("query", "routine", "all")),
    default="query",
    show_default=True,
    help="Which tier: query (unsourced claims to ask about, with strong framing), routine "
    "(routine claims, with mild framing) or all.",
)
@click.option(
    "--framing-tier",
    type=click.Choice(("strong", "mild", "all")),
    default=None,
    help="Framing tier, when it should differ from the one --tier picks.",
)
def export(csv_path, db_path, article, outlet, since, flags, tier, framing_tier) -> None:
    """Write the editor CSV: one row per flag, opens cleanly in Excel.

    By default only the flags to act on: unsourced sentences of tier query and framing
    phrases of tier strong. --tier all adds the routine claims and mild phrases.

    \b
    Examples:
      newsprov export --csv flags.csv --outlet nationpress.test --since 2025-01-01
      newsprov export --csv all.csv --tier all
      newsprov export --csv mild.csv --flags framing --framing-tier mild
    """
    from db import export as exporter
    from db import store

    wanted = tuple(f.strip() for f in flags.split(",") if f.strip())
    if set(wanted) - {"unsourced", "framing"} or not wanted:
        raise click.ClickException("--flags takes unsourced, framing or unsourced,framing")
    if since:
        try:
            since = exporter.normalise_since(since)
        except ValueError as exc:
            raise click.ClickException(f"--since: {exc}") from None
    db = open_database(db_path)
    article_id = None
    if article is not None:
        article_id = store.find_article(db, article)
        if article_id is None:
            raise click.ClickException(f"no article {article!r} in {db_path}")
    rows = exporter.export_rows(
        db,
        article=article_id,
        outlet=outlet,
        since=since,
        flags=wanted,
        tier=tier,
        framing_tier=framing_tier,
    )
    try:
        n = write_output(csv_path, lambda out: exporter.write_csv(rows, out))
    except OSError as exc:
        raise click.ClickException(
            f"cannot write {csv_path}: {exc.strerror or one_line(str(exc), 200)}; pass another --csv path"
        ) from None
    click.echo(f"wrote {n} flag rows to {csv_path}", err=True)


def write_output(path: str, write: Callable[[Any], int]) -> int:
    """Write through `write(binary_file)`. A regular file is written beside and renamed
    into place, so a failure never leaves half a CSV under the real name; "-", pipes,
    devices and symlinks are written through, never replaced."""
    if path == "-":
        return write(sys.stdout.buffer)
    target = Path(path)
    if target.is_symlink() or (target.exists() and not target.is_file()):
        with open(target, "wb") as out:
            return write(out)
    tmp = target.with_name(f".{target.name}.part")
    try:
        with open(tmp, "wb") as out:
            n = write(out)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return n


@click.command()
@db_option
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
@click.option("--no-serve", is_flag=True, help="Build the database, do not start Datasette.")
@quiet_option
def demo(db_path: str, port: int, no_serve: bool, quiet: bool) -> None:
    """Load the bundled sample story and its coverage (offline), then serve it.

    \b
    Example:
      newsprov demo --db demo.db
    """
    from newsprov.demo import run_demo

    db = open_database(db_path, create=True)
    results = run_demo(db, make_pipeline, quiet=quiet)
    failed = [r for r in results if r.status != "ok"]
    for r in failed:
        # Most messages already name the URL; do not print it twice.
        where = "" if r.url in (r.error or "") else f"{r.url}: "
        click.echo(f"error: {where}{r.error}", err=True)
    counts = {
        t: db[t].count for t in ("articles", "sentences", "framing", "related", "claim_matches")
    }
    click.echo("demo database " + db_path + ": " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    if failed:
        sys.exit(1)
    if not no_serve:
        from newsprov.serving import run_datasette

        run_datasette(db_path, "127.0.0.1", port)
