"""Queries for related coverage and the claim provenance trail.

`build_claim_matches` compares an article's claims with those of its same-story related
articles only (never the whole database) and stores the pairs in `claim_matches`; the
comparison itself is a function the conductor passes in (`annotate.trace.match_claims`),
since db/ knows the data shapes, not how they are made. `trail` and `related_list` read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any

import sqlite_utils

MatchFn = Callable[[Sequence[dict], Sequence[dict]], Sequence[Any]]


def same_story_articles(db: sqlite_utils.Database, article_id: int) -> list[int]:
    """Articles stored as the same story as this one, in either direction of `related`."""
    rows = db.execute(
        "SELECT other_article_id FROM related WHERE article_id = ? AND same_story = 1"
        " UNION SELECT article_id FROM related WHERE other_article_id = ? AND same_story = 1",
        (article_id, article_id),
    ).fetchall()
    return sorted({r[0] for r in rows} - {article_id})


def load_claims(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """The article's claims as plain dicts (figures and entities decoded), in text order."""
    rows = db.execute(
        "SELECT claim_id, statement, figures, entities, predicate FROM claims"
        " WHERE article_id = ? ORDER BY start",
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


def build_claim_matches(db: sqlite_utils.Database, article_id: int, match_fn: MatchFn) -> int:
    """Replace the article's claim matches with fresh ones; returns how many were stored.

    `match_fn(ours, theirs)` returns objects with our_index, their_index, method, score,
    shared_figures and conflict (see annotate.trace.ClaimMatch)."""
    ours = load_claims(db, article_id)
    rows = []
    for other in same_story_articles(db, article_id):
        theirs = load_claims(db, other)
        if not ours or not theirs:
            continue
        for m in match_fn(ours, theirs):
            rows.append(
                (
                    ours[m.our_index]["claim_id"],
                    theirs[m.their_index]["claim_id"],
                    other,
                    m.method,
                    m.score,
                    json.dumps(list(m.shared_figures)) if m.shared_figures else None,
                    json.dumps(m.conflict) if m.conflict else None,
                )
            )
    conn = db.conn
    with conn:  # one transaction: a crash leaves the previous matches, never half of them
        conn.execute(
            "DELETE FROM claim_matches WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id = ?)",
            (article_id,),
        )
        conn.executemany(
            "INSERT OR REPLACE INTO claim_matches (claim_id, other_claim_id, other_article_id, method,"
            " score, shared_figures, conflict) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    return len(rows)


def related_list(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """The `related --json` rows: same-story first, then by score."""
    # Both directions: asked about a related article, the seed it was found for is shown.
    rows = db.execute(
        "SELECT a.url, COALESCE(o.name, a.outlet_id), a.published, r.same_story, r.score,"
        " s.url, r.method, r.evidence"
        " FROM related r"
        " JOIN articles a ON a.article_id ="
        "  CASE WHEN r.article_id = :id THEN r.other_article_id ELSE r.article_id END"
        " LEFT JOIN outlets o ON o.outlet_id = a.outlet_id"
        " LEFT JOIN articles s ON s.article_id = r.syndicated_of"
        " WHERE r.article_id = :id OR r.other_article_id = :id"
        " ORDER BY COALESCE(r.same_story, 0) DESC, COALESCE(r.score, 0) DESC, a.url",
        {"id": article_id},
    ).fetchall()
    return [
        {
            "url": r[0],
            "outlet": r[1],
            "published": r[2],
            "same_story": None if r[3] is None else bool(r[3]),
            "score": r[4],
            "syndicated_of": r[5],
            "method": r[6],
            "evidence": json.loads(r[7]) if r[7] else None,
        }
        for r in rows
    ]


def needs_matching(db: sqlite_utils.Database, article_id: int) -> bool:
    """True when the article has same-story coverage with claims but no stored claim
    matches: re-annotation replaces claims, and with them their matches."""
    if not same_story_articles(db, article_id):
        return False
    row = db.execute(
        "SELECT EXISTS (SELECT 1 FROM claim_matches m JOIN claims c ON c.claim_id = m.claim_id"
        " WHERE c.article_id = ?)",
        (article_id,),
    ).fetchone()
    return not row[0]


def articles_to_retrace(db: sqlite_utils.Database, article_ids: Sequence[int]) -> list[int]:
    """Articles whose trails involve any of these (they themselves, and the articles they
    are same-story coverage for): what to rebuild after re-annotating them."""
    out: set[int] = set()
    for aid in article_ids:
        out.add(aid)
        out.update(same_story_articles(db, aid))
    return sorted(out)


def trail(db: sqlite_utils.Database, article_id: int) -> list[dict]:
    """Per flagged or figure-bearing sentence: who else states it, whom they name, when,
    the earliest named origin and the conflicting figures."""
    syndicated = _syndicated_others(db, article_id)
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
        matches, conflicts = _matches(db, claim_id, syndicated) if claim_id else ([], [])
        source = _source_name(source)
        own = {
            "url": url,
            "outlet": outlet,
            "published": published,
            "sourcing": sourcing,
            "source": source,
        }
        origin = earliest_named_source(own, matches)
        for m in matches:
            m.pop("_names", None)  # helper for the origin rule, not part of the answer
        out.append(
            {
                "sentence_id": sid,
                "url": url,
                "sentence": text,
                "sourcing": sourcing,
                "source": source,
                "figures": figures,
                "matches": matches,
                "earliest_named_source": origin,
                # Syndicated copies repeat the same text: they are not confirmation.
                "independent_outlets": len({m["outlet"] for m in matches if not m["syndicated"]}),
                "conflicts": conflicts,
            }
        )
    return out


def _matches(
    db: sqlite_utils.Database, claim_id: int, syndicated: set[int]
) -> tuple[list[dict], list[dict]]:
    rows = db.execute(
        "SELECT a.url, COALESCE(o.name, a.outlet_id), a.published, s.text, s.sourcing,"
        " COALESCE(s.source, CASE WHEN s.sourcing = 'named_source' THEN c.entities END),"
        " m.method, m.score, m.shared_figures, m.conflict, m.other_article_id, o.name, a.title"
        " FROM claim_matches m JOIN claims c ON c.claim_id = m.other_claim_id"
        " JOIN sentences s ON s.sentence_id = c.sentence_id"
        " JOIN articles a ON a.article_id = m.other_article_id"
        " LEFT JOIN outlets o ON o.outlet_id = a.outlet_id"
        " WHERE m.claim_id = ?"
        " ORDER BY a.published IS NULL, a.published, a.url",
        (claim_id,),
    ).fetchall()
    matches, conflicts = [], []
    seen_conflicts: set[tuple] = set()
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
                    "syndicated": other in syndicated,
                    "_names": [n for n in (name, title) if n],
                }
            )
        for c in json.loads(conflict) if conflict else []:
            item = {**c, **base, "sentence": text, "source": source}
            # One outlet repeating its figure (headline, standfirst, body) is one conflict.
            key = (item["quantity"], item["ours"], item["theirs"], url)
            if key not in seen_conflicts:
                seen_conflicts.add(key)
                conflicts.append(item)
    return matches, conflicts


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


def earliest_named_source(own: dict, matches: list[dict]) -> dict | None:
    """The first-published statement of the claim that names a source, or None.

    Syndicated copies are not independent, so they never count. When an earlier matching
    page is the named source's own publication (its outlet is the organisation another
    outlet names), that page is the origin: the name and the date the figure first
    appeared, which is what an editor asks for."""
    named = [
        m
        for m in matches
        if m["sourcing"] == "named_source" and m["source"] and not m["syndicated"]
    ]
    if own.get("sourcing") == "named_source" and own.get("source"):
        named.append({**own, "syndicated": False, "_names": []})
    named.sort(key=lambda m: (m["published"] is None, m["published"] or ""))
    if not named:
        return None
    first = named[0]
    for m in matches:  # already in publication order
        if (
            m["syndicated"]
            or not m["published"]
            or (first["published"] and m["published"] >= first["published"])
        ):
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


def _syndicated_others(db: sqlite_utils.Database, article_id: int) -> set[int]:
    rows = db.execute(
        "SELECT other_article_id FROM related WHERE article_id = ? AND syndicated_of IS NOT NULL"
        " UNION SELECT article_id FROM related WHERE other_article_id = ? AND syndicated_of IS NOT NULL",
        (article_id, article_id),
    ).fetchall()
    return {r[0] for r in rows}
