"""`newsprov corpus ...`: annotate a corpus on Dask, cluster its stories, load a subset
into SQLite. Parses options and prints; the work is in newsprov/corpus/."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from newsprov.cli import db_option, lexicon_options, quiet_option
from scraper.guard import one_line


def cluster_options(f):
    """--workers and --scheduler, the same for every corpus stage."""
    f = click.option(
        "--scheduler",
        default=None,
        envvar="DASK_SCHEDULER_ADDRESS",
        help="Address of a running Dask scheduler (tcp://HOST:PORT) instead of a LocalCluster.",
    )(f)
    return click.option(
        "--workers",
        type=click.IntRange(min=1),
        default=os.cpu_count() or 1,
        show_default="CPU count",
        help="Worker processes of the embedded LocalCluster.",
    )(f)


@click.group("corpus")
def corpus_group() -> None:
    """Annotate millions of pages (WARC, JSONL, HTML directories) on Dask, as Parquet."""


def _print_summary(summary: dict, out: Path) -> None:
    click.echo(
        f"{summary['articles']} articles from {summary['records']} records "
        f"({summary['partitions_done']}/{summary['partitions']} partitions) in {out}"
    )
    if summary["duplicates"]:
        click.echo(f"{summary['duplicates']} duplicate URLs stored once (see {out}/duplicates/)")
    for reason, n in summary["skips"].items():
        click.echo(f"skipped {n}: {one_line(reason)}")
    for f in summary["failures"][:20]:
        where = f.get("url") or f"partition {f.get('partition')}"
        click.echo(f"failed: {one_line(where)}: {one_line(f['error'])}", err=True)
    if len(summary["failures"]) > 20:
        click.echo(f"... and {len(summary['failures']) - 20} more failures", err=True)


@corpus_group.command("annotate")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for the Parquet datasets and _manifest.json.",
)
@cluster_options
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=200,
    show_default=True,
    help="Records per partition (one task, one Parquet file per table).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@lexicon_options
@quiet_option
def annotate_command(
    inputs: tuple[Path, ...],
    out: Path,
    workers: int,
    scheduler: str | None,
    partition_size: int,
    as_json: bool,
    lexicons: tuple[Path, ...],
    disabled: tuple[str, ...],
    quiet: bool,
) -> None:
    """Extract, annotate and find claims in every page of INPUT... on Dask.

    INPUT is a .warc/.warc.gz file, a .jsonl/.jsonl.gz file (url + html or text) or a
    directory of .html files. Re-running with the same inputs and --out resumes.

    Examples:
      newsprov corpus annotate CC-NEWS-*.warc.gz --out corpus/
      newsprov corpus annotate crawl.jsonl.gz --out corpus/ --scheduler tcp://10.0.0.5:8786
    """
    from newsprov.corpus.plan import CorpusError
    from newsprov.corpus.run import annotate_corpus
    from scraper.records import InputError

    try:
        summary = annotate_corpus(
            list(inputs),
            out,
            workers,
            scheduler,
            partition_size,
            tuple(str(p.resolve()) for p in lexicons),
            tuple(disabled),
            progress=not quiet and click.get_text_stream("stderr").isatty(),
        )
    except (CorpusError, InputError) as exc:
        raise click.ClickException(one_line(str(exc))) from None
    data = summary.to_json()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        _print_summary(data, out)
    if summary.partitions_done < summary.partitions or summary.failures:
        raise SystemExit(1)


def _date(value: str | None) -> str | None:
    if value is None:
        return None
    import re

    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2}(T[\d:]+Z?)?)?)?", value):
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD")
    return value


@corpus_group.command("load")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option(
    "--outlet", default=None, help="Only this outlet (registered domain, e.g. bbc.co.uk)."
)
@click.option(
    "--since",
    default=None,
    callback=lambda c, p, v: _date(v),
    help="Published (or captured) on or after this date, YYYY-MM-DD.",
)
@click.option(
    "--until",
    default=None,
    callback=lambda c, p, v: _date(v),
    help="Published (or captured) on or before this date, YYYY-MM-DD.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="At most N articles, oldest first."
)
def load_command(
    out: Path, db_path: str, outlet: str | None, since: str | None, until: str | None,
    limit: int | None,
) -> None:  # fmt: skip
    """Load a subset of an annotated corpus into a SQLite database for `serve`, `trace`
    and `export`. Loading the same subset again adds no rows.

    Example:
      newsprov corpus load corpus/ --db week.db --outlet example.com --since 2025-02-01
    """
    from newsprov.cli import open_database
    from newsprov.corpus.load import load_corpus, select_articles
    from newsprov.corpus.plan import CorpusError

    try:
        articles = select_articles(out, outlet, since, until, limit)
    except CorpusError as exc:
        raise click.ClickException(one_line(str(exc))) from None
    if not articles:
        raise click.ClickException(
            f"no finished article in {out} matches these filters: widen --outlet/--since/--until"
        )
    db = open_database(db_path, create=True)
    result = load_corpus(db, out, articles)
    click.echo(
        f"loaded {result.articles} articles into {db_path} ({result.related} same-story links)"
    )


@corpus_group.command("stories")
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@cluster_options
def stories_command(out: Path, workers: int, scheduler: str | None) -> None:
    """Find syndicated and near-identical copies (MinHash LSH) and match claims across
    the corpus, blocked by figure value, counted noun and week: writes stories/ and
    claim_matches/ under OUT (replacing an earlier result).

    Example:
      newsprov corpus stories corpus/
    """
    from newsprov.corpus.plan import CorpusError
    from newsprov.corpus.stories import corpus_stories

    try:
        r = corpus_stories(out, workers, scheduler)
    except CorpusError as exc:
        raise click.ClickException(one_line(str(exc))) from None
    click.echo(
        f"{r.articles} articles: {r.copies} copies in {r.groups} groups; "
        f"{r.claim_matches} claim matches in {r.blocks} blocks"
        + (
            f" ({r.oversized_blocks} blocks too large to compare, skipped)"
            if r.oversized_blocks
            else ""
        )
    )
