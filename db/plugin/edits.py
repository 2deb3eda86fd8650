"""Edits after publication in the browser: the reader's banner, the versions view at
/-/article/{id}/versions (each change with its sourcing label before and after, the telling
ones highlighted), a canned query and a dashboard chart of sourcing edits per outlet."""

from __future__ import annotations

import difflib
import re
from typing import TYPE_CHECKING, Any

from datasette.utils.asgi import NotFound, Request, Response
from markupsafe import Markup, escape

from db.versions import TELLING, edit_summary, versions

from .highlight import css_class
from .palette import reader_css
from .reader import PLUGIN_NAME, articles_database, human_time, pretty, reader_path

if TYPE_CHECKING:
    from datasette.app import Datasette
    from datasette.database import Database

# Changes that touch who a claim rests on, or its figures: what the desk must see first.
SOURCING_TELLING = ("source_removed", "named_to_anonymous", "source_added", "anonymous_to_named",
                    "source_changed")  # fmt: skip

PLURAL = {
    "named_to_anonymous": "named sources made anonymous",
    "source_added": "attributions added",
    "figure_changed": "figures changed",
}
_WORDS = re.compile(r"\S+|\s+")


def word_diff(old: str, new: str) -> tuple[Markup, Markup]:
    """Both sentences with removed words in <del> and added words in <ins>; each piece of
    scraped text is escaped on its own, tags only go around escaped pieces."""
    a, b = _WORDS.findall(old or ""), _WORDS.findall(new or "")
    left: list[str] = []
    right: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        was, now = str(escape("".join(a[i1:i2]))), str(escape("".join(b[j1:j2])))
        if op == "equal":
            left.append(was)
            right.append(now)
            continue
        if was:
            left.append(f"<del>{was}</del>")
        if now:
            right.append(f"<ins>{now}</ins>")
    return Markup("".join(left)), Markup("".join(right))


async def _has_versions(db: Database) -> bool:
    return await db.table_exists("article_versions")


async def load_edit_banner(db: Database, article_id: int) -> dict | None:
    """The reader's banner, or None when the article was never seen to change."""
    if not await _has_versions(db):
        return None
    summary = await db.execute_fn(lambda conn: edit_summary(conn, article_id))
    if summary["versions"] < 2:
        return None
    t = summary["telling"]
    parts = [f"{summary['sentences']} sentence{'s' if summary['sentences'] != 1 else ''} changed"]
    removed = t.get("source_removed", 0)
    parts.append(f"{removed} attribution{'s' if removed != 1 else ''} removed")
    for key in ("named_to_anonymous", "source_added", "figure_changed"):
        if t.get(key):
            parts.append(f"{t[key]} {TELLING[key] if t[key] == 1 else PLURAL[key]}")
    return {"text": "edited after first seen: " + ", ".join(parts), **summary}


def _change_view(c: dict) -> dict:
    old, new = c["old_text"] or "", c["new_text"] or ""
    if c["kind"] == "changed":
        old_html, new_html = word_diff(old, new)
    else:
        old_html, new_html = escape(old), escape(new)
    return {
        **c,
        "old_html": old_html,
        "new_html": new_html,
        "before": pretty(c["sourcing_before"]) if c["sourcing_before"] else "no source needed",
        "after": pretty(c["sourcing_after"]) if c["sourcing_after"] else "no source needed",
        "before_cls": "src-" + css_class(c["sourcing_before"] or "none"),
        "after_cls": "src-" + css_class(c["sourcing_after"] or "none"),
        "notes": [(css_class(t), TELLING.get(t, t)) for t in c["telling"]],
        "telling_sourcing": any(t in SOURCING_TELLING for t in c["telling"]),
    }


async def versions_page(request: Request, datasette: Datasette) -> Response:
    db = await articles_database(datasette)
    if db is None:
        raise NotFound("No newsprov database is attached: start with `newsprov serve --db FILE`.")
    article_id = int(request.url_vars["article_id"])
    row = (
        await db.execute(
            "SELECT article_id, title FROM articles WHERE article_id = ?", [article_id]
        )
    ).first()
    if row is None:
        raise NotFound(f"No article {article_id} in {db.name}: check the articles table for ids.")
    found = (
        await db.execute_fn(lambda conn: versions(conn, article_id))
        if await _has_versions(db)
        else []
    )
    for v in found:
        v["changes"] = [_change_view(c) for c in v["changes"]]
    context = {
        "article": dict(row),
        "versions": found,
        "banner": await load_edit_banner(db, article_id),
        "reader_href": reader_path(datasette, article_id),
        "human_time": human_time,
        "palette_css": Markup(reader_css()),
        "css_url": datasette.urls.static_plugins(PLUGIN_NAME, "reader.css"),
    }
    html = await datasette.render_template("newsprov_versions.html", context, request=request)
    return Response.html(html)


ROUTES: list[tuple[str, Any]] = [
    (r"^/-/article/(?P<article_id>\d{1,18})/versions$", versions_page),
]

# Sentences whose sourcing changed in an edit seen after the article was first stored.
SOURCING_CHANGED = """
SELECT v.seen_at AS edit_seen, a.outlet_id AS outlet, c.article_id, a.title,
       c.to_version AS version, c.kind, c.old_idx AS sentence_before,
       c.new_idx AS sentence_after, c.sourcing_before, c.sourcing_after, c.telling,
       c.old_text AS before, c.new_text AS after
FROM version_changes c
JOIN articles a ON a.article_id = c.article_id
JOIN article_versions v ON v.article_id = c.article_id AND v.version = c.to_version
WHERE coalesce(c.sourcing_before, '') != coalesce(c.sourcing_after, '')
   OR instr(coalesce(c.telling, ''), 'source') > 0
ORDER BY v.seen_at DESC, c.article_id DESC, c.position
"""

QUERIES: dict[str, dict[str, str]] = {
    "sourcing_changed_after_publication": {
        "title": "Sourcing changed after publication",
        "description": "Sentences edited, added or removed after the article was first "
        "seen (found by `newsprov recheck`) whose sourcing changed: attribution removed or "
        "added, a named source made anonymous, a different source named. Newest edits first.",
        "sql": SOURCING_CHANGED,
    },
}


TABLES: dict[str, dict[str, Any]] = {
    "article_versions": {
        "description": "Each text an article has had, found by `newsprov recheck`; version 1 "
        "is the text as first seen. Open /-/article/ID/versions for the diff.",
        "sort_desc": "version_id",
        "columns": {
            "seen_at": "When the fetch that carried this text was made (UTC)",
            "text_sha256": "SHA-256 of the text, to tell versions apart at a glance",
            "sentences": "JSON: the sentences of this version with their sourcing labels",
        },
    },
    "version_changes": {
        "description": "Sentences added, removed or changed between consecutive versions, "
        "with the sourcing label before and after.",
        "facets": ["kind", "telling"],
        "sort": "change_id",
        "columns": {
            "to_version": "The change is from version to_version - 1 to this one",
            "kind": "added | removed | changed",
            "telling": "source_removed, named_to_anonymous, source_added, anonymous_to_named, "
            "source_changed, figure_changed, figure_removed, figure_added",
        },
    },
    "check_jobs": {
        "description": "URLs checked from the browser's check page (/-/check) and how they went.",
        "facets": ["status"],
        "sort_desc": "job_id",
    },
}


def edits_chart(db_name: str) -> dict[str, Any]:
    """Dashboard chart: sourcing edits per outlet, by kind of change."""
    kind = (
        "CASE WHEN instr(c.telling, 'source_removed') THEN 'attribution removed'"
        " WHEN instr(c.telling, 'named_to_anonymous') THEN 'named source made anonymous'"
        " WHEN instr(c.telling, 'source_added') THEN 'attribution added'"
        " WHEN instr(c.telling, 'anonymous_to_named') THEN 'source now named'"
        " ELSE 'other sourcing change' END"
    )
    return {
        "title": "Sourcing edits after publication, per outlet",
        "db": db_name,
        "query": f"""
SELECT coalesce(a.outlet_id, 'unknown') AS outlet, {kind} AS change, count(*) AS n
FROM version_changes c JOIN articles a ON a.article_id = c.article_id
WHERE coalesce(c.sourcing_before, '') != coalesce(c.sourcing_after, '')
   OR instr(coalesce(c.telling, ''), 'source') > 0
GROUP BY outlet, change ORDER BY outlet""",  # noqa: S608 - constant fragments
        "library": "vega-lite",
        "display": {
            "mark": {"type": "bar", "tooltip": True},
            "encoding": {
                "y": {"field": "outlet", "type": "nominal"},
                "x": {"field": "n", "type": "quantitative", "title": "sentences"},
                "color": {"field": "change", "type": "nominal", "title": "change"},
            },
        },
    }
