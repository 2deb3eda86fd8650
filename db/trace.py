"""Queries for related coverage and the claim provenance trail.

An article's story is its same-story cluster: the articles linked to it by same-story
`related` rows in either direction, transitively (only that cluster is ever read, never the
whole database). Claims are compared between members of one cluster only.

Canonical representation of `claim_matches`: every matching pair of claims is stored in
both directions, (ours -> theirs) and (theirs -> ours), and each pair of articles is
compared once, the lower article id as "ours", the other row being its mirror. So the rows
are a function of the stored claims and related rows alone: `scrape`, `annotate` (through
`retrace`) and `trace` all write the same rows, and running any of them again adds none.
A claim's matches are simply the rows `WHERE claim_id = ?`.

The comparison itself is a function the conductor passes in (`annotate.trace.match_claims`),
since db/ knows the data shapes, not how they are made. `trail` and `related_list` read.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import sqlite_utils

from db.claim_groups import StoryFn, delete_copies, insert_copies, matches_of, story_rows

MatchFn = Callable[[Sequence[dict], Sequence[dict]], Sequence[Any]]
# Matches a whole story at once (annotate.trace.match_cluster): {article: claims} and an
# optional article to restrict to -> (a, b, match) with a < b. Blocking makes it cheaper
# than calling MatchFn on every pair of articles; the rows are the same.
ClusterFn = Callable[..., Sequence[tuple[int, int, Any]]]

# A guard, not a design limit: a story is tens of articles; runaway chains stop here.
MAX_CLUSTER = 5000
_BATCH = 500  # SQLite host parameters per IN (...) list


def story_cluster(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """The article's same-story cluster, itself included, sorted: every article reachable
    through same-story `related` rows in either direction."""
    seen = {article_id}
    frontier = [article_id]
    while frontier and len(seen) < MAX_CLUSTER:
        nxt: list[int] = []
        for i in range(0, len(frontier), _BATCH):
            chunk = frontier[i : i + _BATCH]
            marks = ",".join("?" * len(chunk))
            rows = db.execute(
                f"SELECT other_article_id FROM related WHERE same_story = 1 AND article_id IN ({marks})"  # noqa: S608 - placeholders only
                f" UNION SELECT article_id FROM related WHERE same_story = 1 AND other_article_id IN ({marks})",  # noqa: S608
                [*chunk, *chunk],
            ).fetchall()
            for (other,) in rows:
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
        frontier = nxt
    return sorted(seen)


def same_story_articles(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """The other members of the article's same-story cluster."""
    return [a for a in story_cluster(db, article_id) if a != article_id]


def copy_originals(db: sqlite_utils.Database, members: Sequence[int]) -> dict[int, int]:
    """Syndicated copy -> the original it copies (followed to the first copy), among these
    articles. Originals and independent articles map to themselves."""
    member_set = set(members)
    parent: dict[int, int] = {}
    for i in range(0, len(members), _BATCH):
        chunk = list(members[i : i + _BATCH])
        marks = ",".join("?" * len(chunk))
        for a, b, orig in db.execute(
            "SELECT article_id, other_article_id, syndicated_of FROM related"  # noqa: S608 - placeholders only
            f" WHERE syndicated_of IS NOT NULL AND article_id IN ({marks})",
            chunk,
        ).fetchall():
            copy = b if orig == a else a
            if orig in member_set and copy in member_set and copy != orig:
                parent.setdefault(copy, orig)
    out = {}
    for a in members:
        root, hops = a, 0
        while root in parent and hops < len(parent):
            root, hops = parent[root], hops + 1
        out[a] = root
    return out


def load_claims(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """The article's claims as plain dicts (figures and entities decoded), in text order."""
    rows = db.execute(
        "SELECT claim_id, statement, figures, entities, predicate FROM claims"
        " WHERE article_id = ? ORDER BY start, claim_id",
        (article_id,),
    ).fetchall()
    return [
        {
            "claim_id": r[0],
            "statement": r[1],
            "figures": json.loads(r[2] or "[]"),
            "entities": json.loads(r[3] or "[]"),
            "predicate": r[4],
        }
        for r in rows
    ]


def _pair_rows(a: int, ca: list[dict], b: int, cb: list[dict], match_fn: MatchFn) -> list[tuple]:
    """Both directions of every claim match between articles a < b (a is "ours")."""
    rows = []
    for m in match_fn(ca, cb):
        back = m.mirrored()
        rows.append(_row(ca[m.our_index]["claim_id"], cb[m.their_index]["claim_id"], b, m))
        rows.append(_row(cb[back.our_index]["claim_id"], ca[back.their_index]["claim_id"], a, back))
    return rows


def _row(claim_id: int, other_claim_id: int, other_article: int, m: Any) -> tuple:
    return (
        claim_id,
        other_claim_id,
        other_article,
        m.method,
        m.score,
        json.dumps(list(m.shared_figures)) if m.shared_figures else None,
        json.dumps(m.conflict) if m.conflict else None,
    )


_INSERT = (
    "INSERT OR REPLACE INTO claim_matches (claim_id, other_claim_id, other_article_id, method,"
    " score, shared_figures, conflict) VALUES (?, ?, ?, ?, ?, ?, ?)"
)


def _delete_article_matches(conn: Any, article_id: int) -> None:
    """Every stored match of the article's claims, in both directions."""
    conn.execute(
        "DELETE FROM claim_matches WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    )
    conn.execute(
        "DELETE FROM claim_matches WHERE other_claim_id IN"
        " (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    )


def build_claim_matches(
    db: sqlite_utils.Database,
    article_id: int,
    match_fn: MatchFn,
    cluster_fn: ClusterFn | None = None,
    story_fn: StoryFn | None = None,
) -> int:
    """Replace the claim matches between this article and the rest of its cluster (both
    directions); returns how many of them are this article's (rows WHERE claim_id is its).
    With `story_fn` (copies collapsed, db.claim_groups) the whole story is rebuilt: which
    claim stands for a group of copies depends on every member.

    Linear in the cluster: what `trace` runs when one article's claims were replaced.
    `match_fn(ours, theirs)` returns objects with our_index, their_index, method, score,
    shared_figures, conflict and mirrored() (see annotate.trace.ClaimMatch)."""
    mine = load_claims(db, article_id)
    rows: list[tuple] = []
    if story_fn is not None:
        build_cluster_matches(db, story_cluster(db, article_id), match_fn, story_fn=story_fn)
        return db.execute(
            "SELECT count(*) FROM claim_matches WHERE claim_id IN"
            " (SELECT claim_id FROM claims WHERE article_id = ?)",
            (article_id,),
        ).fetchone()[0]
    if mine and cluster_fn is not None:
        claims = {article_id: mine}
        for other in same_story_articles(db, article_id):
            claims[other] = load_claims(db, other)
        rows = _cluster_rows(claims, cluster_fn(claims, only=article_id))
    elif mine:
        for other in same_story_articles(db, article_id):
            theirs = load_claims(db, other)
            if not theirs:
                continue
            if article_id < other:
                rows += _pair_rows(article_id, mine, other, theirs, match_fn)
            else:
                rows += _pair_rows(other, theirs, article_id, mine, match_fn)
    conn = db.conn
    with conn:  # one transaction: a crash leaves the previous matches, never half of them
        _delete_article_matches(conn, article_id)
        conn.executemany(_INSERT, rows)
    own = {c["claim_id"] for c in mine}
    return sum(1 for r in rows if r[0] in own)


def _cluster_rows(claims: dict[int, list[dict]], matches: Iterable[tuple]) -> list[tuple]:
    rows = []
    for a, b, m in matches:
        back = m.mirrored()
        ca, cb = claims[a], claims[b]
        rows.append(_row(ca[m.our_index]["claim_id"], cb[m.their_index]["claim_id"], b, m))
        rows.append(_row(cb[back.our_index]["claim_id"], ca[back.their_index]["claim_id"], a, back))
    return rows


def build_cluster_matches(
    db: sqlite_utils.Database,
    members: Sequence[int],
    match_fn: MatchFn,
    cluster_fn: ClusterFn | None = None,
    story_fn: StoryFn | None = None,
) -> int:
    """Replace every claim match among the cluster's members (each pair of articles compared
    once, or only the blocked candidate pairs with `cluster_fn`, or copies collapsed with
    `story_fn`); returns the rows stored (both directions)."""
    claims = {a: load_claims(db, a) for a in members}
    with_claims = sorted(a for a in members if claims[a])
    rows: list[tuple] = []
    copies: list[tuple] = []
    if story_fn is not None:
        rows, copies = story_rows({a: claims[a] for a in with_claims}, story_fn)
    elif cluster_fn is not None:
        kept = {a: claims[a] for a in with_claims}
        rows = _cluster_rows(kept, cluster_fn(kept))
    for i, a in enumerate(with_claims if cluster_fn is None and story_fn is None else []):
        for b in with_claims[i + 1 :]:
            rows += _pair_rows(a, claims[a], b, claims[b], match_fn)
    conn = db.conn
    with conn:
        for a in members:
            _delete_article_matches(conn, a)
            delete_copies(conn, a)
        conn.executemany(_INSERT, rows)
        insert_copies(conn, copies)
    return len(rows)


def rebuild_matches(
    db: sqlite_utils.Database,
    article_ids: Iterable[int],
    match_fn: MatchFn,
    cluster_fn: ClusterFn | None = None,
    story_fn: StoryFn | None = None,
) -> int:
    """Rebuild the claim matches of the clusters these articles belong to (each cluster
    once): after scraping or re-annotating them. Returns the rows stored."""
    done: set[int] = set()
    stored = 0
    for aid in sorted(set(article_ids)):
        if aid in done:
            continue
        members = story_cluster(db, aid)
        done.update(members)
        stored += build_cluster_matches(db, members, match_fn, cluster_fn, story_fn)
    return stored


def needs_matching(db: sqlite_utils.Database, article_id: int) -> bool:
    """True when the article's stored matches are missing or not in the canonical form
    (re-annotation replaces claims, and with them their matches in both directions; a
    database written before matches were stored both ways has them one way only)."""
    if not same_story_articles(db, article_id):
        return False
    row = db.execute(
        "SELECT (SELECT count(*) FROM claim_matches WHERE claim_id IN"
        "        (SELECT claim_id FROM claims WHERE article_id = :id)),"
        "       (SELECT count(*) FROM claim_matches WHERE other_claim_id IN"
        "        (SELECT claim_id FROM claims WHERE article_id = :id)),"
        "       EXISTS (SELECT 1 FROM claims WHERE article_id = :id)",
        {"id": article_id},
    ).fetchone()
    mine, theirs, has_claims = row
    return bool(has_claims) and (mine == 0 or mine != theirs)


def articles_to_retrace(db: sqlite_utils.Database, article_ids: Sequence[int]) -> list[int]:
    """Articles whose trails involve any of these: their whole clusters."""
    out: set[int] = set()
    for aid in article_ids:
        if aid not in out:
            out.update(story_cluster(db, aid))
    return sorted(out)


def related_list(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """The `related --json` rows: the article's whole same-story cluster (found for it or
    for any other member), then the other-story candidates found for it; same-story first,
    then by score. `via` is the member a row was found for when it is not this article."""
    members = story_cluster(db, article_id)
    roots = copy_originals(db, members)
    member_set = set(members)
    rows = _related_rows(db, members)
    best: dict[int, tuple] = {}  # other article -> (rank, row)
    others: dict[int, tuple] = {}
    for row in rows:
        _rid, a, b, *_rest = row
        if article_id in (a, b):
            other = b if a == article_id else a
            if row[4] == 1:
                best[other] = ((0, 0.0, _rid), row)
            elif other not in member_set:
                others.setdefault(other, ((2, 0.0, _rid), row))
            continue
        if row[4] != 1:
            continue
        for other in (a, b):
            if other == article_id or other not in member_set:
                continue
            rank = (1, -(row[3] or 0.0), _rid)
            if other not in best or rank < best[other][0]:
                best[other] = (rank, row)
    chosen = {**others, **best}
    info = _article_info(db, [*chosen, *{roots[a] for a in chosen if a in roots}])
    out = []
    for other, (_rank, row) in chosen.items():
        _rid, a, b, score, same, syn, method, evidence = row
        pair_other = b if a == other else a
        if other in member_set and roots.get(other, other) != other:
            original = roots[other]
        elif other in member_set and roots.get(article_id) == other != article_id:
            original = other  # asked about a copy: this is its original
        else:
            original = syn
        o = info.get(other, {})
        out.append(
            {
                "url": o.get("url"),
                "outlet": o.get("outlet"),
                "published": o.get("published"),
                "same_story": None if same is None else bool(same),
                "score": score,
                "syndicated_of": info.get(original, {}).get("url") if original else None,
                "method": method,
                "evidence": json.loads(evidence) if evidence else None,
                "via": None
                if pair_other == article_id
                else info.get(pair_other, {}).get("url") or _url(db, pair_other),
            }
        )
    out.sort(key=lambda r: (not r["same_story"], -(r["score"] or 0.0), r["url"] or ""))
    return out


def _related_rows(db: sqlite_utils.Database, members: Sequence[int]) -> list[tuple]:
    seen: dict[int, tuple] = {}
    for i in range(0, len(members), _BATCH):
        chunk = list(members[i : i + _BATCH])
        marks = ",".join("?" * len(chunk))
        for row in db.execute(
            "SELECT related_id, article_id, other_article_id, score, same_story,"  # noqa: S608 - placeholders only
            " syndicated_of, method, evidence FROM related"
            f" WHERE article_id IN ({marks}) OR other_article_id IN ({marks})",
            [*chunk, *chunk],
        ).fetchall():
            seen[row[0]] = tuple(row)
    return [seen[k] for k in sorted(seen)]


def _article_info(db: sqlite_utils.Database, ids: Iterable[int]) -> dict[int, dict]:
    ids = sorted({i for i in ids if i is not None})
    out: dict[int, dict] = {}
    for i in range(0, len(ids), _BATCH):
        chunk = ids[i : i + _BATCH]
        marks = ",".join("?" * len(chunk))
        for aid, url, outlet, published, title, name in db.execute(
            "SELECT a.article_id, a.url, COALESCE(o.name, a.outlet_id), a.published, a.title, o.name"  # noqa: S608 - placeholders only
            " FROM articles a LEFT JOIN outlets o ON o.outlet_id = a.outlet_id"
            f" WHERE a.article_id IN ({marks})",
            chunk,
        ).fetchall():
            out[aid] = {
                "url": url,
                "outlet": outlet,
                "published": published,
                "_names": [n for n in (name, title) if n],
            }
    return out


def _url(db: sqlite_utils.Database, article_id: int) -> str | None:
    row = db.execute("SELECT url FROM articles WHERE article_id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def trail(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """Per flagged or figure-bearing sentence: who else states it, whom they name, when,
    the earliest named origin and the conflicting figures.

    `matches` holds independent reports only; a syndicated copy of another report is
    grouped under that report's `copies`, and copies of this very text (this article's
    original, or other copies of it) are listed in the sentence's `copies`: the same
    words again, neither confirmation nor a missing origin."""
    # Only the articles this one's claims match can appear in its trail: reading them,
    # not the whole story cluster, keeps the reader page fast however far a chain of
    # same-story links runs.
    # Syndicated copies stored once are expanded here (db.claim_groups).
    expanded = matches_of(db, article_id)
    members = sorted({article_id, *(r[1] for rows in expanded.values() for r in rows)})
    roots = copy_originals(db, members)
    mine = roots.get(article_id, article_id)
    info = _article_info(db, [article_id])
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
    for i in range(0, len(ids), _BATCH):
        chunk = ids[i : i + _BATCH]
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
