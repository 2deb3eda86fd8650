"""The claim provenance trail of an article (split from db.trace, which builds the rows).

`trail` reads, per flagged or figure-bearing sentence, who else states it, whom they name,
when, the earliest named origin and the conflicting figures, from `claim_matches` expanded
through the copy groups (db.claim_groups).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Sequence

import sqlite_utils

from db.claim_groups import matches_of
from db.related_list import article_info
from db.trace import (
    SQL_BATCH,
    ClusterFn,
    _cluster_rows,
    copy_originals,
    is_deferred,
    load_story_claims,
    story_cluster,
)


def trail(
    db: sqlite_utils.Database, article_id: int, cluster_fn: ClusterFn | None = None
) -> list[dict]:
    """Per flagged or figure-bearing sentence: who else states it, whom they name, when,
    the earliest named origin and the conflicting figures.

    `matches` holds independent reports only; a syndicated copy of another report is
    grouped under that report's `copies`, and copies of this very text (this article's
    original, or other copies of it) are listed in the sentence's `copies`: the same
    words again, neither confirmation nor a missing origin."""
    # Only the articles this one's claims match can appear in its trail: reading them,
    # not the whole story cluster, keeps the reader page fast however far a chain of
    # same-story links runs.
    # Syndicated copies stored once are expanded here (db.claim_groups); a story too
    # large to store has this article's matches worked out now.
    if is_deferred(db, article_id):
        if cluster_fn is None:
            # The one rule db/ runs itself: the reader page and `trace` must show a large
            # story's matches, and they are the story rebuild's matches, made on demand.
            from annotate.trace import match_cluster as cluster_fn
        expanded = deferred_matches(db, article_id, cluster_fn)
    else:
        expanded = matches_of(db, article_id)
    members = sorted({article_id, *(r[1] for rows in expanded.values() for r in rows)})
    roots = copy_originals(db, members)
    mine = roots.get(article_id, article_id)
    info = article_info(db, [article_id])
    own_names = info.get(article_id, {}).get("_names", [])
    sents = db.execute(
        "SELECT s.sentence_id, s.text, s.sourcing, s.source, s.unsourced, c.claim_id, c.figures,"
        " a.url, a.published, COALESCE(o.name, a.outlet_id)"
        " FROM sentences s JOIN articles a ON a.article_id = s.article_id"
        " LEFT JOIN outlets o ON o.outlet_id = a.outlet_id"
        " LEFT JOIN claims c ON c.sentence_id = s.sentence_id"
        " WHERE s.article_id = ? ORDER BY s.idx",
        (article_id,),
    ).fetchall()
    out = []
    for sid, text, sourcing, source, unsourced, claim_id, figs, url, published, outlet in sents:
        figures = [
            {"text": f["text"], "value": f["value"], "unit": f["unit"]}
            for f in json.loads(figs or "[]")
        ]
        if not unsourced and not figures:
            continue
        found, conflicts = (
            _matches(db, expanded.get(claim_id, []), roots, mine) if claim_id else ([], [])
        )
        matches, copies = _group_copies(found, roots, mine)
        source = _source_name(source)
        own = {
            "url": url,
            "outlet": outlet,
            "published": published,
            "sourcing": sourcing,
            "source": source,
            "_names": own_names,
        }
        # Asked about a copy, its original's naming counts: same words, published first.
        origin = earliest_named_source(own, matches, [c for c in copies if c.get("original")])
        for m in [*matches, *copies]:
            m.pop("_names", None)  # helpers for the origin rule, not part of the answer
            m.pop("_article", None)
            for c in m.get("copies", []):
                c.pop("_names", None)
                c.pop("_article", None)
        out.append(
            {
                "sentence_id": sid,
                "url": url,
                "sentence": text,
                "sourcing": sourcing,
                "source": source,
                "figures": figures,
                "matches": matches,
                "copies": copies,
                "earliest_named_source": origin,
                "independent_outlets": len({m["outlet"] for m in matches}),
                "conflicts": conflicts,
            }
        )
    return out


def deferred_matches(
    db: sqlite_utils.Database, article_id: int, cluster_fn: ClusterFn
) -> dict[int, list[tuple]]:
    """The article's claim matches in a deferred story, worked out now: claim id ->
    [(other claim id, other article id, method, score, shared_figures, conflict)], the
    rows storing every pair would hold (`cluster_fn(claims, only=...)` is blocked, so
    this is linear in the story)."""
    claims = load_story_claims(db, story_cluster(db, article_id))
    if article_id not in claims:
        return {}
    out: dict[int, list[tuple]] = {}
    for row in _cluster_rows(claims, cluster_fn(claims, only=article_id)):
        cid, other, other_article, *values = row
        if other_article != article_id:
            out.setdefault(cid, []).append((other, other_article, *values))
    for rows in out.values():
        rows.sort()
    return out


def match_count(
    db: sqlite_utils.Database, article_id: int, cluster_fn: ClusterFn | None = None
) -> int:
    """How many claims elsewhere match this article's claims, copies counted: what
    `SELECT count(*) FROM claim_matches_expanded` gives for its claims, and for a deferred
    story what storing every pair would give. Read through `matches_of` (linear in the
    article's matches): the view re-checks each stored row against the claim's other rows,
    which took 122 s for the seed of a 1,000-copy story against 0.13 s here."""
    if is_deferred(db, article_id):
        if cluster_fn is None:
            from annotate.trace import match_cluster as cluster_fn  # as trail() does
        found = deferred_matches(db, article_id, cluster_fn)
    else:
        found = matches_of(db, article_id)
    return sum(len(rows) for rows in found.values())


def _group_copies(
    found: list[dict], roots: dict[int, int], mine: int
) -> tuple[list[dict], list[dict]]:
    """Independent reports, each with its syndicated copies under it; and the copies of
    this article's own text. `found` is in publication order."""
    copies_of_mine: list[dict] = []
    reps: dict[tuple, dict] = {}  # (original article, sentence) -> its match
    by_root: dict[int, dict] = {}  # original article -> its first match
    pending: list[tuple[int, dict]] = []
    out: list[dict] = []
    for m in found:
        aid = m["_article"]
        root = roots.get(aid, aid)
        if root == mine:
            copies_of_mine.append({**m, "syndicated": True, "original": aid == mine})
        elif aid == root:
            rep = {**m, "syndicated": False, "copies": []}
            reps.setdefault((root, _norm(m["sentence"])), rep)
            by_root.setdefault(root, rep)
            out.append(rep)
        else:
            pending.append((root, {**m, "syndicated": True}))
    for root, copy in pending:
        rep = reps.get((root, _norm(copy["sentence"]))) or by_root.get(root)
        if rep is None:  # the original does not state it: its first copy stands for the text
            rep = {**copy, "syndicated": False, "copies": []}
            reps[(root, _norm(copy["sentence"]))] = by_root[root] = rep
            out.append(rep)
        else:
            rep["copies"].append(copy)
    out.sort(key=lambda m: (m["published"] is None, m["published"] or "", m["url"]))
    return out, copies_of_mine


@functools.lru_cache(maxsize=65536)  # syndicated copies repeat one sentence many times
def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _matches(
    db: sqlite_utils.Database, found: list[tuple], roots: dict[int, int], mine: int
) -> tuple[list[dict], list[dict]]:
    """`found`: (other claim, other article, method, score, shared, conflict) per match."""
    match = {f[0]: f for f in found}
    info: list[tuple] = []
    ids = sorted(match)
    for i in range(0, len(ids), SQL_BATCH):
        chunk = ids[i : i + SQL_BATCH]
        marks = ",".join("?" * len(chunk))
        info += db.execute(
            "SELECT c.claim_id, c.start, a.url, COALESCE(o.name, a.outlet_id), a.published,"  # noqa: S608 - placeholders only
            " s.text, s.sourcing,"
            " COALESCE(s.source, CASE WHEN s.sourcing = 'named_source' THEN c.entities END),"
            " o.name, a.title, c.entities"
            " FROM claims c JOIN sentences s ON s.sentence_id = c.sentence_id"
            " JOIN articles a ON a.article_id = c.article_id"
            " LEFT JOIN outlets o ON o.outlet_id = a.outlet_id"
            f" WHERE c.claim_id IN ({marks})",
            chunk,
        ).fetchall()
    info.sort(key=lambda r: (r[4] is None, r[4] or "", r[2] or "", r[1]))
    rows = [
        (url, outlet, published, text, sourcing, source, *match[cid][2:], match[cid][1], name,
         title, entities)
        for cid, _start, url, outlet, published, text, sourcing, source, name, title, entities
        in info
    ]  # fmt: skip
    matches = []
    conflicts: dict[tuple, dict] = {}
    for (
        url,
        outlet,
        published,
        text,
        sourcing,
        source,
        method,
        score,
        shared,
        conflict,
        other,
        name,
        title,
        entities,
    ) in rows:
        source = _source_name(source)
        base = {"url": url, "outlet": outlet, "published": published}
        if method != "same_quantity":
            matches.append(
                {
                    **base,
                    "sentence": text,
                    "sourcing": sourcing,
                    "source": source,
                    "method": method,
                    "score": score,
                    "shared_figures": json.loads(shared) if shared else [],
                    "syndicated": False,
                    "_names": [n for n in (name, title) if n],
                    "_article": other,
                }
            )
        root = roots.get(other, other)
        if root == mine or (root != other and root in roots):
            continue  # a copy repeats its original's figures: one conflict, not two
        named = source if sourcing == "named_source" else None
        for c in _conflict_list(conflict):
            item = {
                **c,
                **base,
                "sentence": text,
                "sourcing": sourcing,
                "source": source,
                "source_name": _short_name(named, entities),
            }
            # One outlet repeating its figure (headline, standfirst, body) is one conflict;
            # the sentence that names whose figure it is speaks for it.
            key = (item.get("quantity"), item.get("ours"), item.get("theirs"), url)
            if key not in conflicts or (named and not conflicts[key]["source_name"]):
                conflicts[key] = item
    return matches, list(conflicts.values())


def _conflict_list(cell: str | None) -> list[dict]:
    """The stored list of {quantity, ours, theirs}; anything else is a malformed cell, an
    error the caller shows (the reader page says the trail could not be read)."""
    if not cell:
        return []
    value = json.loads(cell)
    if not isinstance(value, list) or not all(
        isinstance(c, dict) and {"quantity", "ours", "theirs"} <= set(c) for c in value
    ):
        raise ValueError(f"malformed conflict cell {cell[:80]!r}")
    return value


def _short_name(source: str | None, entities: str | None) -> str | None:
    """Whom a sentence names, shortly: the longest named entity inside its source span
    ("figures released on Tuesday by the Karakoram Policy Institute" -> "Karakoram Policy
    Institute"), else the span itself."""
    if not source:
        return None
    try:
        names = json.loads(entities) if entities else []
    except ValueError:
        names = []
    inside = [n for n in names if isinstance(n, str) and n and n in source]
    if not inside:
        return source
    best = max(inside, key=len)
    acronym = re.search(re.escape(best) + r"\s*\(([A-Z]{2,})\)", source)
    return f"{best} ({acronym.group(1)})" if acronym else best


def _source_name(source: str | None) -> str | None:
    """The sentence's named source; when the annotator marked it named but gave no span,
    the claim's longest named entity (the JSON list fetched in its place) stands in."""
    if source and not source.startswith("["):
        # A span cut inside a parenthesis ("... Studies (ICCS") reads as a typo: close it.
        return source + ")" if source.count("(") > source.count(")") else source
    if not source:
        return source
    try:
        names = json.loads(source)
    except ValueError:
        return source
    return max(names, key=len) if names else None


def earliest_named_source(
    own: dict, matches: list[dict], originals: Sequence[dict] = ()
) -> dict | None:
    """The first-published statement of the claim that names a source, or None.

    Syndicated copies are not independent, so they never count. When an earlier page, this
    article included, is the named source's own publication (its outlet or title is the
    organisation another outlet names), that page is the origin: the name and the date the
    figure first appeared, which is what an editor asks for; `named_in` says who named it."""
    independent = [m for m in matches if not m.get("syndicated")]
    named = [m for m in independent if m["sourcing"] == "named_source" and m["source"]]
    own_page = {**own, "syndicated": False, "_names": own.get("_names", [])}
    if own.get("sourcing") == "named_source" and own.get("source"):
        named.append(own_page)
    named += [
        {**o, "syndicated": False}
        for o in originals
        if o.get("sourcing") == "named_source" and o.get("source")
    ]
    named.sort(key=lambda m: (m["published"] is None, m["published"] or ""))
    if not named:
        return None
    first = named[0]
    pages = sorted(
        [*independent, own_page], key=lambda m: (m["published"] is None, m["published"] or "")
    )
    for m in pages:
        if not m["published"] or (first["published"] and m["published"] >= first["published"]):
            continue
        if any(_names_match(first["source"], n) for n in m.get("_names", [])):
            return {
                "source": first["source"],
                "url": m["url"],
                "published": m["published"],
                "named_in": first["url"],
            }
    return {"source": first["source"], "url": first["url"], "published": first["published"]}


_WORDS = re.compile(r"[A-Za-z]{3,}")
_GENERIC = {"the", "and", "for", "report", "annual", "institute", "centre", "center", "said"}


def _names_match(source: str, name: str) -> bool:
    """'the Indus Centre for Conflict Studies (ICCS)' names the outlet 'Indus Centre for
    Conflict Studies'; also by acronym ('ICCS')."""
    s, n = source.lower(), name.lower()
    if n in s:
        return True
    acronyms = set(re.findall(r"\b[A-Z]{3,}\b", source)) | set(re.findall(r"\b[A-Z]{3,}\b", name))
    initials = "".join(w[0] for w in name.split() if w[0].isupper())
    if any(a == initials or a.lower() in n.split() for a in acronyms):
        return True
    sw = {w for w in _WORDS.findall(s) if w not in _GENERIC}
    nw = {w for w in _WORDS.findall(n) if w not in _GENERIC}
    return len(nw) >= 2 and len(sw & nw) >= max(2, len(nw) - 1)
