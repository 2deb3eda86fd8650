"""`corpus load`: a subset of a Parquet corpus into the SQLite schema, through the same
`db.store` writes as `scrape`, so `serve`, `trace`, `export` and the reader page work on it
unchanged. Idempotent: articles upsert on their URL and their annotations are replaced as
a whole, so loading the same subset twice adds no rows.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from annotate.models import Annotation, Claim, Figure, FramingSpan, SentenceFlag, Span
from db import store
from db.parquet import SCHEMAS
from newsprov.corpus.run import done_partitions
from scraper.models import Extracted, Link


@dataclass
class LoadResult:
    articles: int
    run_id: int
    related: int = 0


def _files(out: Path, table: str, parts: list[str]) -> list[Path]:
    return [p for p in (out / table / f"{s}.parquet" for s in parts) if p.exists()]


def _read(out: Path, table: str, parts: list[str], keys: pa.Array | None = None) -> list[dict]:
    files = _files(out, table, parts)
    if not files:
        return []
    tables = []
    for f in files:
        t = pq.read_table(f, schema=SCHEMAS[table])
        if keys is not None:
            t = t.filter(pc.is_in(t["article_key"], value_set=keys))
        tables.append(t)
    return pa.concat_tables(tables).to_pylist()


def select_articles(
    out: Path,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Articles of the finished partitions matching the filters, oldest first (by
    published, else capture time), then by key: the same subset every time."""
    parts = done_partitions(out)
    rows = _read(out, "articles", parts)
    picked = []
    for r in rows:
        when = r["published"] or r["captured_at"] or ""
        if outlet and r["outlet_id"] != outlet:
            continue
        if since and when[: len(since)] < since:
            continue
        if until and when[: len(until)] > until:
            continue
        picked.append((when, r["article_key"], r))
    picked.sort(key=lambda x: (x[0], x[1]))
    if limit is not None:
        picked = picked[:limit]
    return [r for _w, _k, r in picked]


def load_corpus(db, out: Path, articles: list[dict]) -> LoadResult:
    """Store these articles (rows of articles/) with their annotations and links."""
    parts = done_partitions(out)
    keys = pa.array([a["article_key"] for a in articles], pa.string())
    by_key: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for table in ("sentences", "framing", "claims", "links"):
        for row in _read(out, table, parts, keys):
            by_key[row["article_key"]][table].append(row)
    run_id = store.start_run(db, "corpus-load", {"corpus": str(out), "articles": len(articles)})
    ids: dict[str, int] = {}
    try:
        for a in articles:
            rows = by_key[a["article_key"]]
            article_id = store.save_article(db, _extracted(a, rows["links"]), None, a["input_url"])
            store.save_annotation(db, article_id, _annotation(a["text"], rows), run_id)
            ids[a["article_key"]] = article_id
        related = _load_stories(db, out, ids)
    except BaseException:
        store.finish_run(db, run_id, "failed", {"loaded": len(ids)})
        raise
    store.finish_run(db, run_id, "ok", {"loaded": len(ids), "related": related})
    # Records with different URLs may name one canonical URL (AMP, mobile, print pages):
    # in SQLite they are one article, as when scraped.
    return LoadResult(len(set(ids.values())), run_id, related)


def _extracted(a: dict, links: list[dict]) -> Extracted:
    return Extracted(
        url=a["url"],
        canonical_url=a["canonical_url"],
        outlet_domain=a["outlet_id"] or "",
        outlet_name=a["outlet_name"],
        title=a["title"] or "",
        authors=json.loads(a["authors"] or "[]"),
        published=a["published"],
        language=a["language"],
        text=a["text"],
        word_count=a["word_count"],
        extractor=a["extractor"],
        links=[
            Link(r["href"], r["anchor"], r["context"], r["kind"], r["domain"] or "") for r in links
        ],
        description=a["description"],
        opinion=a.get("opinion"),
    )


def _span(text: str | None, start: int | None, end: int | None) -> Span | None:
    return Span(start, end, text) if text is not None and start is not None else None


def _annotation(text: str, rows: dict[str, list[dict]]) -> Annotation:
    sents = sorted(rows["sentences"], key=lambda r: r["idx"])
    flags = [
        SentenceFlag(
            s["start"],
            s["end"],
            s["text"],
            s["sourcing"],
            _span(s["source"], s["source_start"], s["source_end"]),
            _span(s["cue"], s["cue_start"], s["cue_end"]),
            bool(s["in_quote"]),
            s["reason"],
            s["rule"],
            s["tier"],
        )  # fmt: skip
        for s in sents
    ]
    spans = [
        FramingSpan(
            f["start"],
            f["end"],
            f["text"],
            f["category"],
            f["entry"],
            f["reason"],
            bool(f["in_quote"]),
            f["tier"] or "strong",
        )  # fmt: skip
        for f in sorted(rows["framing"], key=lambda r: (r["start"], r["end"]))
    ]
    claims = [
        Claim(
            c["sentence_idx"] - 1,
            c["start"],
            c["end"],
            c["statement"],
            [Figure(**f) for f in json.loads(c["figures"] or "[]")],
            json.loads(c["entities"] or "[]"),
            c["predicate"],
        )  # fmt: skip
        for c in sorted(rows["claims"], key=lambda r: r["sentence_idx"])
    ]
    return Annotation(text=text, sentences=flags, spans=spans, claims=claims)


def _load_stories(db, out: Path, ids: dict[str, int]) -> int:
    """Same-story rows between loaded members of a story found by `corpus stories`, so
    `related` and `trace` see the story (trace rebuilds the claim matches it needs)."""
    folder = out / "stories"
    if not folder.exists() or not ids:
        return 0
    stories = pq.read_table(folder, schema=SCHEMAS["stories"]).to_pylist()
    n = 0
    for s in stories:
        a, root = ids.get(s["article_key"]), ids.get(s["story_key"])
        if a is None or root is None or a == root:
            continue
        copy_of = ids.get(s["copy_of"]) if s["copy_of"] else None
        store.save_related(
            db, root, a, "corpus", s["similarity"], True, copy_of,
            {"story_key": s["story_key"]},
        )  # fmt: skip
        n += 1
    return n
