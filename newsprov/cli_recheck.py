"""`newsprov recheck` and `newsprov versions`: catch edits made after publication."""

from __future__ import annotations

import json
import sys

import click

from newsprov.cli import db_option, fetch_options, make_fetcher, make_pipeline, open_database
from scraper.guard import one_line


@click.command()
@click.argument("article_ids", nargs=-1, type=int)
@click.option("--all", "all_", is_flag=True, help="Every article fetched from a URL.")
@click.option(
    "--older-than",
    default=None,
    help="Only articles last checked (or fetched) longer ago than this, e.g. 6h, 30m, 2d.",
)
@db_option
@fetch_options
@click.option("--json", "as_json", is_flag=True, help="One JSON object per article.")
@click.option("-q", "--quiet", is_flag=True, help="No progress output.")
def recheck(article_ids, all_, older_than, db_path, allow_hosts, connect_to, delay, as_json, quiet):
    """Fetch stored articles again (conditional requests) and record any edit as a new
    version with its sentence-level sourcing diff.

    \b
    Example:
      newsprov recheck --all --older-than 6h
      newsprov recheck 3 7 --json
    """
    from newsprov.recheck import Rechecker, parse_duration, select_articles

    if all_ and article_ids:
        raise click.UsageError("give article ids or --all, not both")
    if not all_ and not article_ids:
        raise click.UsageError("give article ids, or --all")
    age = None
    if older_than is not None:
        try:
            age = parse_duration(older_than)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--older-than") from None
    db = open_database(db_path)
    ids = select_articles(db, None if all_ else list(article_ids), age)
    if not ids:
        click.echo("nothing to recheck", err=True)
        return
    with make_fetcher(allow_hosts, connect_to, delay) as fetcher:
        results = Rechecker(make_pipeline(db, fetcher, quiet)).recheck(ids)
    for r in results:
        if as_json:
            click.echo(json.dumps(r.to_json(), ensure_ascii=False))
        elif not r.error:
            what = {
                "changed": f"changed, now version {r.version}",
                "not_modified": "not modified (304)",
                "unchanged": "unchanged",
            }[r.result]
            click.echo(f"article {r.article_id}: {what}")
    failed = [r for r in results if r.error]
    for r in failed:
        click.echo(f"error: article {r.article_id}: {one_line(r.error or '', 300)}", err=True)
    if failed:
        if len(results) > 1:
            click.echo(f"{len(failed)} of {len(results)} articles failed (listed above)", err=True)
        sys.exit(1)


def _label(value: str | None) -> str:
    return (value or "none").replace("_", " ")


@click.command("versions")
@click.argument("article")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Versions and their changes as JSON.")
def versions_command(article: str, db_path: str, as_json: bool) -> None:
    """List an article's versions and what changed between them, with the sourcing label
    of each changed sentence before and after.

    \b
    Example:
      newsprov versions 3
    """
    from db import store, versions
    from db.versions import TELLING

    db = open_database(db_path)
    article_id = store.find_article(db, article)
    if article_id is None:
        raise click.ClickException(f"no article {article!r} in {db_path}")
    found = versions.versions(db, article_id)
    if as_json:
        out = {
            "article_id": article_id,
            "versions": [
                {
                    **{k: v[k] for k in ("version", "fetch_id", "seen_at", "text_sha256")},
                    "changes": [versions.to_json(c) for c in v["changes"]],
                }  # fmt: skip
                for v in found
            ],
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    if not found:
        click.echo(f"article {article_id}: no edits recorded (run `newsprov recheck {article_id}`)")
        return
    click.echo(f"article {article_id}: {len(found)} version{'s' if len(found) != 1 else ''}")
    for v in found:
        click.echo(
            f"version {v['version']}  seen {v['seen_at']}  fetch {v['fetch_id']}"
            f"  sha256 {v['text_sha256'][:12]}"
        )
        for c in v["changes"]:
            where = c["new_idx"] if c["new_idx"] is not None else c["old_idx"]
            labels = f"{_label(c['sourcing_before'])} -> {_label(c['sourcing_after'])}"
            notes = ", ".join(TELLING[t] for t in c["telling"] if t in TELLING)
            click.echo(
                f"  {c['kind']:<8} sentence {where}  [{labels}]{'  ' + notes if notes else ''}"
            )
            # Scraped text: one line each, control characters shown, never interpreted.
            if c["old_text"]:
                click.echo(f"    - {one_line(c['old_text'], 300)}")
            if c["new_text"]:
                click.echo(f"    + {one_line(c['new_text'], 300)}")
