"""Canned queries for editors and researchers. Each is written so SQLite can answer it from
an index on a database of 100,000 articles (see bench/datasette_speed.py)."""

from __future__ import annotations

# Ordered by the articles' published index so the first page streams without a sort.
UNSOURCED_ASSERTIONS = """
SELECT a.published, a.outlet_id AS outlet, s.article_id, a.title, s.idx AS sentence_number,
       s.sourcing, s.text AS sentence, s.cue, s.source, s.reason
FROM articles a
JOIN sentences s ON s.article_id = a.article_id AND s.unsourced = 1
ORDER BY a.published DESC, a.article_id DESC, s.idx
"""

# Share of asserting sentences (any sourcing label) that rest on anonymous people or
# unnamed documents. Counted per article first so the big table is read once, in index order.
ANON_VAGUE_SHARE = """
WITH per_article AS (
    SELECT article_id, count(*) AS asserting,
           sum(sourcing = 'anonymous_source') AS anonymous,
           sum(sourcing = 'vague_document') AS vague
    FROM sentences WHERE sourcing IS NOT NULL GROUP BY article_id
)
SELECT a.outlet_id AS outlet, o.name AS outlet_name, count(*) AS articles,
       sum(p.asserting) AS asserting_sentences, sum(p.anonymous) AS anonymous_source,
       sum(p.vague) AS vague_document,
       round(100.0 * (sum(p.anonymous) + sum(p.vague)) / sum(p.asserting), 1)
           AS anonymous_or_vague_pct
FROM per_article p
JOIN articles a ON a.article_id = p.article_id
LEFT JOIN outlets o ON o.outlet_id = a.outlet_id
GROUP BY a.outlet_id
ORDER BY anonymous_or_vague_pct DESC, outlet
"""

# Author's voice only: framing_density.author_count excludes spans inside quotations. The
# denominator is every annotated article of the outlet, including those with no framing.
FRAMING_PER_1000 = """
WITH words AS (
    SELECT a.outlet_id, count(*) AS articles, sum(a.word_count) AS words
    FROM articles a
    WHERE EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.article_id)
    GROUP BY a.outlet_id
),
hits AS (
    SELECT a.outlet_id, d.category, sum(d.author_count) AS author_spans
    FROM framing_density d JOIN articles a ON a.article_id = d.article_id
    GROUP BY a.outlet_id, d.category
)
SELECT w.outlet_id AS outlet, h.category, h.author_spans, w.words, w.articles,
       round(1000.0 * h.author_spans / max(w.words, 1), 2) AS per_1000_words
FROM hits h JOIN words w ON w.outlet_id IS h.outlet_id
WHERE h.author_spans > 0
ORDER BY per_1000_words DESC, outlet, h.category
"""

# json_valid first: a malformed conflict cell must not break the whole query.
CONFLICTING_FIGURES = """
SELECT CASE WHEN json_valid(m.conflict) THEN json_extract(m.conflict, '$.quantity') END
           AS quantity,
       a.outlet_id AS outlet, c.article_id,
       CASE WHEN json_valid(m.conflict) THEN json_extract(m.conflict, '$.ours') END AS figure_here,
       oa.outlet_id AS other_outlet, m.other_article_id,
       CASE WHEN json_valid(m.conflict) THEN json_extract(m.conflict, '$.theirs') END
           AS figure_there,
       s.text AS sentence, os.text AS other_sentence, m.method, m.score
FROM claim_matches m
JOIN claims c ON c.claim_id = m.claim_id
JOIN articles a ON a.article_id = c.article_id
JOIN articles oa ON oa.article_id = m.other_article_id
JOIN sentences s ON s.sentence_id = c.sentence_id
JOIN claims oc ON oc.claim_id = m.other_claim_id
JOIN sentences os ON os.sentence_id = oc.sentence_id
WHERE m.conflict IS NOT NULL AND m.conflict NOT IN ('', 'null', '{}')
  AND a.outlet_id IS NOT oa.outlet_id
ORDER BY a.published DESC, c.article_id, m.claim_match_id
"""

# A match counts as a named origin when the matching sentence elsewhere names its source;
# matches are looked up in both directions because a pair may be stored either way.
NO_NAMED_ORIGIN = """
SELECT a.published, a.outlet_id AS outlet, c.article_id, a.title, s.idx AS sentence_number,
       s.sourcing, s.text AS sentence,
       (SELECT count(*) FROM claim_matches m WHERE m.claim_id = c.claim_id)
       + (SELECT count(*) FROM claim_matches m WHERE m.other_claim_id = c.claim_id)
           AS matches_elsewhere
FROM articles a
JOIN claims c ON c.article_id = a.article_id
JOIN sentences s ON s.sentence_id = c.sentence_id
WHERE s.unsourced = 1
  AND NOT EXISTS (
      SELECT 1 FROM claim_matches m
      JOIN claims oc ON oc.claim_id = m.other_claim_id
      JOIN sentences os ON os.sentence_id = oc.sentence_id
      WHERE m.claim_id = c.claim_id AND os.sourcing = 'named_source')
  AND NOT EXISTS (
      SELECT 1 FROM claim_matches m
      JOIN claims oc ON oc.claim_id = m.claim_id
      JOIN sentences os ON os.sentence_id = oc.sentence_id
      WHERE m.other_claim_id = c.claim_id AND os.sourcing = 'named_source')
ORDER BY a.published DESC, a.article_id DESC, s.idx
"""

# A plain, explainable score: every unsourced assertion and every framing phrase in the
# author's voice counts 1, every figure that another outlet reports differently counts 3.
NEEDS_REVIEW = """
WITH unsourced AS (
    SELECT article_id, count(*) AS n FROM sentences WHERE unsourced = 1 GROUP BY article_id
),
framing AS (
    SELECT article_id, sum(author_count) AS n FROM framing_density GROUP BY article_id
),
conflicts AS (
    SELECT c.article_id, count(*) AS n
    FROM claim_matches m JOIN claims c ON c.claim_id = m.claim_id
    WHERE m.conflict IS NOT NULL AND m.conflict NOT IN ('', 'null', '{}')
    GROUP BY c.article_id
),
scored AS (
    SELECT a.article_id, coalesce(u.n, 0) AS unsourced_assertions,
           coalesce(f.n, 0) AS framing_in_authors_voice,
           coalesce(k.n, 0) AS conflicting_figures,
           coalesce(u.n, 0) + coalesce(f.n, 0) + 3 * coalesce(k.n, 0) AS score
    FROM articles a
    LEFT JOIN unsourced u ON u.article_id = a.article_id
    LEFT JOIN framing f ON f.article_id = a.article_id
    LEFT JOIN conflicts k ON k.article_id = a.article_id
)
SELECT s.article_id, a.title, a.outlet_id AS outlet, a.published, a.word_count, s.score,
       s.unsourced_assertions, s.framing_in_authors_voice, s.conflicting_figures
FROM scored s JOIN articles a ON a.article_id = s.article_id
WHERE s.score > 0
ORDER BY s.score DESC, a.published DESC
"""

CANNED: dict[str, dict[str, str]] = {
    "unsourced_assertions": {
        "title": "Unsourced assertions, newest first",
        "description": "Sentences labelled anonymous source, vague document, agentless, "
        "weasel or unattributed claim, newest articles first.",
        "sql": UNSOURCED_ASSERTIONS,
    },
    "anonymous_vague_share": {
        "title": "Anonymous and vague sourcing share by outlet",
        "description": "Of the sentences that assert something, the share resting on unnamed "
        "people or unnamed documents, per outlet.",
        "sql": ANON_VAGUE_SHARE,
    },
    "framing_per_1000_words": {
        "title": "Framing per 1,000 words by outlet and category (author's voice)",
        "description": "Framing phrases outside quotations per 1,000 words of the outlet's "
        "annotated articles. Quoted framing is the speaker's, so it is left out.",
        "sql": FRAMING_PER_1000,
    },
    "conflicting_figures": {
        "title": "Figures that differ across outlets",
        "description": "Claims matched across outlets whose figures disagree.",
        "sql": CONFLICTING_FIGURES,
    },
    "claims_without_named_origin": {
        "title": "Claims with no named origin anywhere",
        "description": "Unsourced claims for which no matching report elsewhere names a "
        "source: nobody has put a name to them yet.",
        "sql": NO_NAMED_ORIGIN,
    },
    "articles_needing_review": {
        "title": "Articles most in need of an editor's look",
        "description": "Score = unsourced assertions + framing phrases in the author's voice "
        "+ 3 x figures another outlet reports differently.",
        "sql": NEEDS_REVIEW,
    },
}
