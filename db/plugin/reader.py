"""The article reader at /-/article/{article_id}: the text with its flags, why each was
raised, the related coverage and the trail of each unsourced claim."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from datasette.utils.asgi import NotFound, Request, Response
from markupsafe import Markup, escape

from .highlight import Mark, css_class, highlight
from .limits import cap_related, cap_trail, with_args
from .palette import FRAMING, SOURCING, reader_css

if TYPE_CHECKING:  # datasette.app imports this plugin while loading: no import cycle at runtime
    from datasette.app import Datasette
    from datasette.database import Database

PLUGIN_NAME = "news-provenance"  # the distribution in pyproject.toml
UNSOURCED = {"anonymous_source", "vague_document", "agentless", "weasel", "unattributed_claim"}

SOURCING_NAMES = {s.label: s.name for s in SOURCING}
FRAMING_NAMES = {f.category: f.name for f in FRAMING}
SOURCING_CODES = {s.label: s.code for s in SOURCING}

# How related coverage was found (related.method, the discovery backend).
DISCOVERY = {
    "links": "linked from the article",
    "feed": "found in the outlet's feed",
    "sitemap": "found in a news sitemap",
    "gdelt": "found by a GDELT news search",
    "google_news": "found by a Google News search",
    "mediacloud": "found by a Media Cloud search",
    "user": "you listed it",
}


def discovery(method: str | None) -> str:
    if not method:
        return "how it was found is not recorded"
    return DISCOVERY.get(method) or f"found via {method.replace('_', ' ')}"


_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def human_time(value: Any) -> str:
    """`2025-02-26T06:30:00Z` -> `26 Feb 2025, 06:30 UTC`; a date alone -> `26 Feb 2025`;
    anything unparseable is shown as it is."""
    if not isinstance(value, str) or not value.strip():
        return "" if value is None else str(value)
    text = value.strip()
    try:
        if len(text) == 10:
            d = date.fromisoformat(text)
            return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
        dt = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return text
    if dt.tzinfo is None:
        # Stored times are UTC (db/schema.py); a page that gave no zone is shown as found.
        return f"{dt.day} {_MONTHS[dt.month - 1]} {dt.year}, {dt:%H:%M}"
    dt = dt.astimezone(UTC)
    return f"{dt.day} {_MONTHS[dt.month - 1]} {dt.year}, {dt:%H:%M} UTC"


_ID_BREAK = re.compile(r"(?<=[._/:-])")


def breakable(ident: Any) -> Markup:
    """A rule or entry id with break opportunities after dots, underscores and slashes, so
    a long id wraps inside the side panel instead of overflowing it."""
    pieces = _ID_BREAK.split(str(ident or ""))
    return Markup("<wbr>").join(escape(p) for p in pieces)


def pretty(label: str | None) -> str:
    if not label:
        return "—"
    return SOURCING_NAMES.get(label) or FRAMING_NAMES.get(label) or label.replace("_", " ")


def safe_href(url: Any) -> str | None:
    """Scraped URLs become links only when they are plain http(s)."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    low = url.lower()
    if not (low.startswith("http://") or low.startswith("https://")):
        return None
    if any(ord(c) < 33 for c in url):  # whitespace or control characters hide schemes
        return None
    return url


def reader_path(datasette: Datasette, article_id: int) -> str:
    return datasette.urls.path(f"/-/article/{int(article_id)}")


async def articles_database(datasette: Datasette) -> Database | None:
    """The first attached database that holds newsprov articles."""
    for name, db in datasette.databases.items():
        if name.startswith("_"):
            continue
        if await db.table_exists("articles"):
            return db
    return None


def _authors(raw: Any) -> str:
    if not raw:
        return ""
    try:
        value = json.loads(raw)
    except (TypeError, ValueError):
        return str(raw)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value if v)
    return str(value)


def _json(raw: Any) -> Any:
    if raw in (None, ""):
        return None
    try:
        return json.loads(raw)
    except (TypeError, ValueError):
        return raw


def _sentence_tip(s: dict) -> str:
    parts = [pretty(s["sourcing"])]
    if s["in_quote"]:
        parts.append("inside a quotation")
    if s["reason"]:
        parts.append("why: " + s["reason"])
    if s["cue"]:
        parts.append(f"cue: “{s['cue']}”")
    if s["source"]:
        parts.append(f"source: {s['source']}")
    return " — ".join(parts)


def _framing_tip(f: dict) -> str:
    parts = [pretty(f["category"])]
    parts.append("in a quote (the speaker's words)" if f["in_quote"] else "in the author's voice")
    if f["reason"]:
        parts.append("why: " + f["reason"])
    if f["entry"]:
        parts.append(f"rule: {f['entry']}")
    return " — ".join(parts)


async def load_article(db: Database, article_id: int) -> dict | None:
    rows = await db.execute(
        """SELECT a.*, o.name AS outlet_name FROM articles a
           LEFT JOIN outlets o ON o.outlet_id = a.outlet_id WHERE a.article_id = ?""",
        [article_id],
    )
    row = rows.first()
    return dict(row) if row else None


# The tiers shown by default (DESIGN.md "Labels"); the others are one click away (?tier=all).
DEFAULT_TIERS = frozenset({"query", "strong"})


def _shown(tier: str | None, kind: str, show_all: bool) -> bool:
    """Whether a flag of this tier is shown; a flag stored without one is shown."""
    if show_all:
        return True
    return (tier or ("query" if kind == "sentence" else "strong")) in DEFAULT_TIERS


async def load_flags(
    db: Database, article: dict, show_all: bool = False
) -> tuple[list[dict], list[dict], list[Mark], dict]:
    """The flags in text order (unsourced sentences and framing spans: the same rows as
    the CSV export with the same tiers), the context (sentences with a named source:
    shown, not flagged), and the marks for both. Routine sentences and mild phrases are
    left out (and counted in counts["hidden_*"]) unless `show_all`."""
    sentences = [
        dict(r)
        for r in await db.execute(
            """SELECT sentence_id, idx, start, end, text, sourcing, unsourced, source, cue,
                      in_quote, reason, rule, tier FROM sentences
               WHERE article_id = ? AND sourcing IS NOT NULL ORDER BY idx""",
            [article["article_id"]],
        )
    ]
    framing = [
        dict(r)
        for r in await db.execute(
            """SELECT framing_id, sentence_id, start, end, text, category, entry, reason,
                      in_quote, tier
               FROM framing WHERE article_id = ? ORDER BY start, end""",
            [article["article_id"]],
        )
    ]
    flags: list[dict] = []
    context: list[dict] = []
    hidden = Counter()
    for s in sentences:
        if s["unsourced"] and not _shown(s["tier"], "sentence", show_all):
            hidden["sentence"] += 1
            continue
        item = {
            "kind": "sentence",
            "start": s["start"],
            "end": s["end"],
            "label": s["sourcing"],
            "name": pretty(s["sourcing"]),
            "code": SOURCING_CODES.get(s["sourcing"], "?"),
            "cls": "src-" + css_class(s["sourcing"]),
            "text": s["text"],
            "number": s["idx"],
            "unsourced": bool(s["unsourced"]),
            "in_quote": bool(s["in_quote"]),
            "reason": s["reason"],
            "cue": s["cue"],
            "source": s["source"],
            "rule": s["rule"],
            "tier": s["tier"] if s["unsourced"] else None,
            "tip": _sentence_tip(s),
        }
        (flags if s["unsourced"] else context).append(item)
    for f in framing:
        if not _shown(f["tier"], "framing", show_all):
            hidden["framing"] += 1
            continue
        flags.append(
            {
                "kind": "framing",
                "start": f["start"],
                "end": f["end"],
                "label": f["category"],
                "name": pretty(f["category"]),
                "cls": "cat-" + css_class(f["category"]),
                "text": f["text"],
                "in_quote": bool(f["in_quote"]),
                "reason": f["reason"],
                "cue": None,
                "source": None,
                "rule": f["entry"],
                "tier": f["tier"],
                "tip": _framing_tip(f),
            }
        )
    # Sentences before the phrases they contain, so the side panel reads like the text.
    flags.sort(key=lambda fl: (fl["start"], fl["kind"] != "sentence", fl["end"]))
    for n, fl in enumerate(flags, 1):
        fl["ident"] = f"f-{n}"
    for n, c in enumerate(context, 1):
        c["ident"] = f"n-{n}"
    marks = [
        Mark(
            start=fl["start"],
            end=fl["end"],
            kind=fl["kind"],
            label=fl["label"],
            tip=fl["tip"],
            ident=fl["ident"],
            in_quote=fl["in_quote"],
        )
        for fl in sorted(
            flags + context, key=lambda fl: (fl["start"], fl["kind"] != "sentence", fl["end"])
        )
    ]
    counts = {
        "sourcing": Counter(fl["label"] for fl in flags if fl["kind"] == "sentence"),
        "context": Counter(c["label"] for c in context),
        "framing_author": Counter(
            fl["label"] for fl in flags if fl["kind"] == "framing" and not fl["in_quote"]
        ),
        "framing_quote": Counter(
            fl["label"] for fl in flags if fl["kind"] == "framing" and fl["in_quote"]
        ),
        "unsourced": sum(1 for fl in flags if fl["kind"] == "sentence"),
        "framing": sum(1 for fl in flags if fl["kind"] == "framing"),
        "hidden_sentences": hidden["sentence"],
        "hidden_framing": hidden["framing"],
        "show_all": show_all,
    }
    return flags, context, marks, counts


async def load_related(db: Database, article_id: int) -> dict:
    """Related coverage in both directions: same story first, syndicated copies grouped."""
    rows = [
        dict(r)
        for r in await db.execute(
            """SELECT r.other_article_id AS other_id, r.method, r.score, r.same_story,
                      r.syndicated_of, r.evidence, 0 AS reverse
               FROM related r WHERE r.article_id = :id
               UNION ALL
               SELECT r.article_id AS other_id, r.method, r.score, r.same_story,
                      r.syndicated_of, r.evidence, 1 AS reverse
               FROM related r WHERE r.other_article_id = :id""",
            {"id": article_id},
        )
    ]
    seen: dict[int, dict] = {}
    for r in rows:
        if r["other_id"] != article_id and r["other_id"] not in seen:
            seen[r["other_id"]] = r
    if not seen:
        return {"same_story": [], "syndicated": [], "other": [], "count": 0}
    wanted = set(seen) | {r["syndicated_of"] for r in seen.values() if r["syndicated_of"]}
    info = {
        r["article_id"]: dict(r)
        for r in await db.execute(
            f"""SELECT a.article_id, a.title, a.url, a.published, a.outlet_id, o.name AS outlet_name
                FROM articles a LEFT JOIN outlets o ON o.outlet_id = a.outlet_id
                WHERE a.article_id IN ({",".join("?" * len(wanted))})""",  # noqa: S608 - placeholders only
            sorted(wanted),
        )
    }
    items = []
    for other_id, r in seen.items():
        a = info.get(other_id, {})
        items.append(
            {
                **r,
                "title": a.get("title") or f"Article {other_id}",
                "href": safe_href(a.get("url")),
                "url": a.get("url"),
                "published": a.get("published"),
                "outlet": a.get("outlet_name") or a.get("outlet_id"),
                "evidence": _json(r["evidence"]),
                # The method says how the pair's second article was found from its first.
                "found": (
                    "this article was found from it: " + discovery(r["method"])
                    if r["reverse"]
                    else discovery(r["method"])
                ),
            }
        )
    items.sort(key=lambda it: (-(it["score"] or 0), it["published"] or "", it["other_id"]))
    groups: dict[int, list[dict]] = {}
    same, other = [], []
    for it in items:
        if it["syndicated_of"]:
            groups.setdefault(it["syndicated_of"], []).append(it)
        elif it["same_story"]:
            same.append(it)
        else:
            other.append(it)
    syndicated = [
        {
            "original_id": orig,
            "original_title": (info.get(orig) or {}).get("title") or f"Article {orig}",
            "is_this": orig == article_id,
            "copies": copies,
        }
        for orig, copies in groups.items()
    ]
    return {"same_story": same, "syndicated": syndicated, "other": other, "count": len(items)}


async def load_trails(db: Database, article_id: int, show_all: bool = False) -> list[dict]:
    """Each unsourced or figure-bearing sentence's trail, computed by db.trail.trail (the
    same answer `newsprov trace` gives), with article ids added so matches link here.
    Long lists are cut to their first items unless `show_all` (db/plugin/limits.py)."""

    def compute(conn: Any) -> tuple[list[dict], dict[str, dict], dict[int, int]]:
        import sqlite_utils

        from db.trail import trail

        sdb = sqlite_utils.Database(conn)
        trails = []
        for t in trail(sdb, article_id):
            # named from every matching report, not only the ones shown
            named = {
                m["source"]
                for m in t["matches"]
                if m.get("sourcing") == "named_source"
                and m.get("source")
                and not m.get("syndicated")
            }
            trails.append({**cap_trail(t, show_all), "sources": sorted(named)})
        urls = sorted(
            {m["url"] for t in trails for m in t["matches"] + t["conflicts"] if m.get("url")}
            | {(t["earliest_named_source"] or {}).get("url") for t in trails} - {None}
        )
        by_url: dict[str, dict] = {}
        if urls:
            rows = conn.execute(
                f"SELECT article_id, url, title FROM articles WHERE url IN ({','.join('?' * len(urls))})",  # noqa: S608 - placeholders only
                urls,
            ).fetchall()
            by_url = {r[1]: {"article_id": r[0], "title": r[2]} for r in rows}
        idx = dict(
            conn.execute(
                "SELECT sentence_id, idx FROM sentences WHERE article_id = ?", (article_id,)
            ).fetchall()
        )
        return trails, by_url, idx

    try:
        trails, by_url, idx = await db.execute_fn(compute)
    except (ValueError, TypeError, KeyError) as exc:
        # A malformed stored cell must not take the whole reader page down with it.
        return [{"error": f"The claim trail could not be read ({exc}); re-run `newsprov trace`."}]

    def linked(item: dict | None) -> dict | None:
        if not item:
            return item
        found = by_url.get(item.get("url") or "", {})
        return {
            **item,
            "article_id": found.get("article_id"),
            "title": found.get("title") or item.get("url"),
            "href": safe_href(item.get("url")),
        }

    out = []
    for t in trails:
        matches = [linked(m) for m in t["matches"]]
        out.append(
            {
                "idx": idx.get(t["sentence_id"]),
                "text": t["sentence"],
                "sourcing": t["sourcing"],
                "name": pretty(t["sourcing"]),
                "unsourced": t["sourcing"] in UNSOURCED,
                "figures": t["figures"],
                "matches": matches,
                "match_count": t["match_count"],
                "matches_hidden": t["matches_hidden"],
                "conflict_count": t["conflict_count"],
                "conflicts_hidden": t["conflicts_hidden"],
                "independent_outlets": t.get("independent_outlets", 0),
                "sources": t["sources"],
                "origin": linked(t["earliest_named_source"]),
                "conflicts": [linked(c) for c in t["conflicts"]],
            }
        )
    # Unsourced claims first: those are what the editor must chase.
    out.sort(key=lambda t: (not t["unsourced"], t["idx"] or 0))
    return out


async def article_page(request: Request, datasette: Datasette) -> Response:
    from .edits import load_edit_banner  # edits imports this module

    db = await articles_database(datasette)
    if db is None:
        raise NotFound("No newsprov database is attached: start with `newsprov serve --db FILE`.")
    article_id = int(request.url_vars["article_id"])
    article = await load_article(db, article_id)
    if article is None:
        raise NotFound(f"No article {article_id} in {db.name}: check the articles table for ids.")
    # One click reveals the routine claims and mild phrases: a link, no script needed.
    show_all = request.args.get("tier") == "all"
    # A story carried by 1,000 outlets: long lists show their first items (limits.py).
    all_matches = request.args.get("matches") == "all"
    all_related = request.args.get("related") == "all"
    here = reader_path(datasette, article_id)
    args = {k: request.args.get(k) for k in ("tier", "matches", "related")}
    flags, context_sentences, marks, counts = await load_flags(db, article, show_all)
    text = article["text"] or ""
    context = {
        "article": article,
        "database": db.name,
        "authors": _authors(article.get("authors")),
        "original_href": safe_href(article.get("url")),
        "outlet": article.get("outlet_name") or article.get("outlet_id"),
        "body": highlight(text, marks),
        "flags": flags,
        # no annotation state is ever shown as "no flags" (a run killed mid-way)
        "annotated": article.get("annotated_run_id") is not None
        or article.get("annotated_rules") is not None,
        "context_sentences": context_sentences,
        "counts": counts,
        "pretty": pretty,
        "css_class": css_class,
        "human_time": human_time,
        "discovery": discovery,
        "breakable": breakable,
        "sourcing_palette": SOURCING,
        "framing_palette": FRAMING,
        "palette_css": Markup(reader_css()),  # generated from constants in palette.py
        "related": cap_related(await load_related(db, article_id), all_related),
        "trails": await load_trails(db, article_id, all_matches),
        "all_matches_href": with_args(here, args, matches="all"),
        "all_related_href": with_args(here, args, related="all") + "#np-related-h",
        # Edits seen by `newsprov recheck` (db/plugin/edits.py): banner and versions link.
        "edits": await load_edit_banner(db, article_id),
        "versions_href": reader_path(datasette, article_id) + "/versions",
        "reader_path": lambda aid: reader_path(datasette, aid),
        # Datasette names a packaged plugin's static folder after the distribution.
        "css_url": datasette.urls.static_plugins(PLUGIN_NAME, "reader.css"),
        "export_href": datasette.urls.table(db.name, "articles")
        + f"/{article_id}.xlcsv"
        + ("?tier=all" if show_all else ""),
        "tier_all_href": reader_path(datasette, article_id) + "?tier=all#flags",
        "tier_default_href": reader_path(datasette, article_id) + "#flags",
    }
    html = await datasette.render_template("newsprov_article.html", context, request=request)
    return Response.html(html)
