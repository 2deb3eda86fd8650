"""`newsprov related` and `newsprov trace`: read the related coverage and the claim trail
of a stored article. (Discovery runs during `scrape`; these commands only read.)"""

from __future__ import annotations

import json

import click

from newsprov.cli import db_option, open_database
from scraper.guard import for_terminal, json_for_terminal


def _echo(line: str) -> None:
    # Titles, sentences, outlet names and URLs here are scraped: no escape sequence of
    # theirs may reach the terminal.
    click.echo(for_terminal(line))


def _echo_json(value: object) -> None:
    click.echo(json_for_terminal(json.dumps(value, indent=2, ensure_ascii=False)))


def _article_id(db, id_or_url: str) -> int:
    from db.store import find_article

    key: int | str = int(id_or_url) if id_or_url.isdigit() else id_or_url
    found = find_article(db, key)
    if found is not None:
        return found
    if isinstance(key, int) or "://" not in id_or_url:
        # A number (or any non-URL) cannot be scraped: point at where the ids are.
        raise click.ClickException(
            f"no article {id_or_url} in the database; pass a stored article's id or URL "
            "(ids are in the articles table: `newsprov serve`, or `newsprov related URL`)"
        )
    raise click.ClickException(
        f"no article {id_or_url!r} in the database; run `newsprov scrape {id_or_url}` first"
    )


@click.command("related")
@click.argument("id_or_url")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list.")
def related_command(id_or_url: str, db_path: str, as_json: bool) -> None:
    """Other coverage of an article's story, with how similar it is and why.

    Example: newsprov related http://nationpress.test/news/2025/02/26/post-balakot-pakistan-concealment.html
    """
    from db.related_list import related_list

    db = open_database(db_path)
    rows = related_list(db, _article_id(db, id_or_url))
    if as_json:
        _echo_json(rows)
        return
    if not rows:
        _echo("no related coverage stored; scrape the article without --no-related")
        return
    for r in rows:
        if r["syndicated_of"]:
            kind = "original" if r["syndicated_of"] == r["url"] else "syndicated copy"
        else:
            kind = "same story" if r["same_story"] else "other story"
        score = "-" if r["score"] is None else f"{r['score']:.2f}"
        _echo(f"{score:>5}  {kind:<15} {r['published'] or 'undated':<20}  {r['outlet'] or ''}")
        via = f" for {r['via']}" if r.get("via") else ""
        _echo(f"       {r['url']}  (found by {r['method']}{via})")
        ev = r["evidence"] or {}
        why = []
        if ev.get("figures"):
            why.append("figures " + ", ".join(ev["figures"][:6]))
        if ev.get("quantities"):
            why.append("counts of " + ", ".join(ev["quantities"][:4]))
        if ev.get("entities"):
            why.append("names " + ", ".join(ev["entities"][:4]))
        if ev.get("syndication"):
            why.append(ev["syndication"]["reason"])
        if why:
            _echo("       shares " + "; ".join(why))


# A story carried by 1,000 outlets gives each sentence 1,000 reports: the text lists the
# first ones (publication order) and says how many more; --all and --json give them all.
LISTED = 20


@click.command("trace")
@click.argument("id_or_url")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one item per sentence.")
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help=f"List every matching report (the text lists the first {LISTED} per sentence).",
)
def trace_command(id_or_url: str, db_path: str, as_json: bool, show_all: bool) -> None:
    """Where an article's unsourced claims and figures appear elsewhere, whom each outlet
    names as the source, when, and which figures disagree.

    Example: newsprov trace 1 --json
    """
    from db.store import annotation_state
    from db.trace import needs_matching
    from db.trail import trail

    db = open_database(db_path)
    article_id = _article_id(db, id_or_url)
    if annotation_state(db, article_id) is None:
        raise click.ClickException(
            f"article {article_id} is not annotated yet, so it has no claims to trace: "
            f"run `newsprov annotate {article_id}` first"
        )
    if needs_matching(db, article_id):
        from newsprov.related import retrace

        retrace(db, [article_id])  # claims were re-annotated since the last trace
    try:
        items = trail(db, article_id)
    except ValueError as exc:
        raise click.ClickException(
            f"the claim trail of article {article_id} could not be read ({exc}); "
            f"rebuild it with `newsprov annotate {article_id}`"
        ) from None
    if as_json:
        _echo_json(items)
        return
    if not items:
        _echo("no flagged or figure-bearing sentences in this article")
        return
    for item in items:
        _echo_item(item, article_id, show_all)


def _more(n: int, what: str, article_id: int) -> None:
    if n > 0:
        _echo(f"  ... and {n} more {what} (newsprov trace {article_id} --all lists them)")


def _echo_item(item: dict, article_id: int, show_all: bool = False) -> None:
    limit = None if show_all else LISTED
    label = item["sourcing"] or "no label"
    _echo(f"[{label}] {item['sentence']}")
    if item["figures"]:
        _echo("  figures: " + ", ".join(_figure(f) for f in item["figures"]))
    copies = item.get("copies") or []
    if item["matches"]:
        n = item["independent_outlets"]
        _echo(f"  stated by {n} other outlet{'' if n == 1 else 's'}")
    origin = item["earliest_named_source"]
    if origin:
        named = f" (named in {origin['named_in']})" if origin.get("named_in") else ""
        if origin["url"] == item.get("url"):
            named = (
                f" (this article is the origin; named in {origin['named_in']})"
                if origin.get("named_in")
                else " (this article is the first to name it)"
            )
        _echo(
            f"  earliest named source: {origin['source']}, {origin['published'] or 'undated'}, {origin['url']}{named}"
        )
    elif item["matches"]:
        _echo("  earliest named source: none of the other outlets names one")
    for m in item["matches"][:limit]:
        who = _attribution(m["sourcing"], m["source"])
        _echo(f"  - {m['published'] or 'undated'}  {m['outlet']}: {who}")
        _echo(f"      {m['sentence']}")
        _echo(f"      {m['url']}")
        for c in (m.get("copies") or [])[:limit]:
            _echo(f"      syndicated copy: {c['outlet']}, {c['url']}")
        if limit is not None and len(m.get("copies") or []) > limit:
            _echo(f"      ... and {len(m['copies']) - limit} more syndicated copies")
    if limit is not None:
        _more(len(item["matches"]) - limit, "matching reports", article_id)
    # One line per differing figure: several outlets giving the same other number are one
    # conflict with several reports behind it.
    grouped: dict[tuple, list[dict]] = {}
    for c in item["conflicts"]:
        grouped.setdefault((c["quantity"], c["ours"], c["theirs"]), []).append(c)
    for (quantity, ours, theirs), reports in list(grouped.items())[:limit]:
        who = ", ".join(
            f"{c['outlet'] or c['url']}"
            + (f" ({c['source_name']})" if c.get("source_name") else "")
            for c in reports
        )
        if len(reports) == 1:  # "The Daily Meridian says 702 (Karakoram Policy Institute)"
            c = reports[0]
            named = f" ({c['source_name']})" if c.get("source_name") else ""
            said = f"{c['outlet'] or c['url']} says {theirs}{named}"
        else:
            said = f"{who} say {theirs}"
        _echo(f"  ! conflict on {quantity}: here {ours}, {said}")
        for c in reports[:limit]:
            _echo(f"      {c['url']}")
    if limit is not None:
        _more(len(grouped) - limit, "conflicting figures", article_id)
    if copies:
        names = list(
            dict.fromkeys(
                f"{c['outlet'] or c['url']} ({'original' if c.get('original') else 'syndicated copy'})"
                for c in copies
            )
        )
        rest = f" and {len(names) - limit} more" if limit is not None and len(names) > limit else ""
        _echo(f"  same text, not independent: {', '.join(names[:limit])}{rest}")
    if not item["matches"] and not item["conflicts"]:
        _echo("  no other outlet states this")
    _echo("")


def _attribution(sourcing: str | None, source: str | None) -> str:
    if sourcing == "named_source" and source:
        return f"names {source}"
    label = sourcing or "no label"
    return f"{label} ({source})" if source else label


def _figure(f: dict) -> str:
    return f"{f['text']} {f['unit']}" if f.get("unit") and f["unit"] not in ("%",) else f["text"]
