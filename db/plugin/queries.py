"""Canned queries for editors and researchers. Each is written so SQLite can answer it from
an index on a database of 100,000 articles (see bench/datasette_speed.py)."""

from __future__ import annotations

# Tiers (DESIGN.md "Labels"): the queries that list or count unsourced sentences and framing
# phrases show tier query / strong by default; their `tier` parameter takes `all` (or
# `routine`, where sentences are listed) to show the rest. A row stored without a tier counts
# as query / strong. The listing queries filter on the sentence's tier; the counting ones
# subtract the routine / mild rows, read from the narrow tier indexes of migration 0007_tiers.

# Ordered by the articles' published index so the first page streams without a sort.
UNSOURCED_ASSERTIONS = """
SELECT a.published, a.outlet_id AS outlet, s.article_id, a.title, s.idx AS sentence_number,
       s.sourcing, coalesce(s.tier, 'query') AS tier, s.text AS sentence, s.cue, s.source,
       s.reason
FROM articles a
JOIN sentences s ON s.article_id = a.article_id AND s.unsourced = 1
WHERE (coalesce(s.tier, 'query') = coalesce(nullif(:tier, ''), 'query') OR :tier = 'all')
ORDER BY a.published DESC, a.article_id DESC, s.idx
"""

# Share of asserting sentences (any sourcing label) that rest on anonymous people or
# unnamed documents. Read from sourcing_counts (sentences per article and label, written
# with the annotation): about six narrow rows per article instead of every sentence.
ANON_VAGUE_SHARE = """
WITH per_article AS (
    SELECT article_id, sum(n) AS asserting,
           sum(CASE WHEN label = 'anonymous_source' THEN n ELSE 0 END) AS anonymous,
           sum(CASE WHEN label = 'vague_document' THEN n ELSE 0 END) AS vague
    FROM sourcing_counts GROUP BY article_id
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

# Author's voice only: framing_density.author_count excludes spans inside quotations. One
# row per outlet with a column per category (a pivot needs no sort on a large table); the
# denominator is every annotated article of the outlet, including those with no framing.
FRAMING_PER_1000 = """
WITH words AS (
    SELECT outlet_id, count(*) AS articles, sum(word_count) AS words
    FROM articles WHERE annotated_run_id IS NOT NULL GROUP BY outlet_id
),
hits AS (
    SELECT a.outlet_id,
           sum(CASE d.category WHEN 'loaded_language' THEN d.author_count ELSE 0 END) AS loaded,
           sum(CASE d.category WHEN 'intensifier' THEN d.author_count ELSE 0 END) AS intens,
           sum(CASE d.category WHEN 'presupposition' THEN d.author_count ELSE 0 END) AS presup,
           sum(CASE d.category WHEN 'doubt' THEN d.author_count ELSE 0 END) AS doubt,
           sum(CASE d.category WHEN 'labeling' THEN d.author_count ELSE 0 END) AS labeling,
           sum(d.author_count) AS total
    FROM articles a JOIN framing_density d ON d.article_id = a.article_id
    WHERE a.annotated_run_id IS NOT NULL
    GROUP BY a.outlet_id
)
SELECT w.outlet_id AS outlet, w.articles, w.words,
       round(1000.0 * coalesce(h.total, 0) / max(w.words, 1), 2) AS all_framing,
       round(1000.0 * coalesce(h.loaded, 0) / max(w.words, 1), 2) AS loaded_language,
       round(1000.0 * coalesce(h.intens, 0) / max(w.words, 1), 2) AS intensifier,
       round(1000.0 * coalesce(h.presup, 0) / max(w.words, 1), 2) AS presupposition,
       round(1000.0 * coalesce(h.doubt, 0) / max(w.words, 1), 2) AS doubt,
       round(1000.0 * coalesce(h.labeling, 0) / max(w.words, 1), 2) AS labeling
FROM words w LEFT JOIN hits h ON h.outlet_id IS w.outlet_id
ORDER BY all_framing DESC, outlet
"""

# One row per conflicting quantity. db/trace.py stores conflict as a JSON list of
# {quantity, ours, theirs}; a single object is accepted too, and json_valid keeps a
# malformed cell from breaking the query. Newest matches first: walking claim_matches
# backwards stops after a page, where ordering by date would join and sort them all.
# Every query here reads claim_matches_expanded (migration 0011), not claim_matches: a
# story of syndicated copies stores one row per group of copies (db/claim_groups.py), and
# the view gives every matching pair back, so a copy's match or conflict counts for each
# outlet that carried it.
CONFLICTING_FIGURES = """
SELECT json_extract(j.value, '$.quantity') AS quantity,
       a.outlet_id AS outlet, c.article_id, a.published,
       json_extract(j.value, '$.ours') AS figure_here,
       oa.outlet_id AS other_outlet, m.other_article_id,
       json_extract(j.value, '$.theirs') AS figure_there,
       s.text AS sentence, os.text AS other_sentence, m.method, m.score,
       -- SQLite takes the bare columns above from the row holding this minimum
       min(m.claim_match_id) AS first_match
FROM claim_matches_expanded m
JOIN json_each(
    CASE WHEN json_valid(m.conflict) AND json_type(m.conflict) = 'array' THEN m.conflict
         WHEN json_valid(m.conflict) AND json_type(m.conflict) = 'object'
             THEN json_array(json(m.conflict))
         ELSE '[]' END) j
JOIN claims c ON c.claim_id = m.claim_id
JOIN articles a ON a.article_id = c.article_id
JOIN articles oa ON oa.article_id = m.other_article_id
JOIN sentences s ON s.sentence_id = c.sentence_id
JOIN claims oc ON oc.claim_id = m.other_claim_id
JOIN sentences os ON os.sentence_id = oc.sentence_id
WHERE m.conflict IS NOT NULL AND json_type(j.value) = 'object'
  AND a.outlet_id IS NOT oa.outlet_id
  -- pairs are stored both ways: show each disagreement once (unary +: start from the
  -- matches, not from every pair of claims in article order)
  AND c.article_id < +m.other_article_id
-- an outlet repeating its figure (headline, lead, body) is still one disagreement
GROUP BY c.article_id, m.other_article_id, quantity, figure_here, figure_there
ORDER BY first_match DESC
"""

# A match counts as a named origin when the matching sentence elsewhere names its source.
# Claim matches are stored in both directions (db/trace.py), so one direction suffices.
# Counted per group of copies and side, not per matching claim: a stored row (X -> O)
# stands for every member of O's group of copies on the same side of X's article as O's
# (db/claim_groups.py, the view claim_matches_expanded), so X's matching claims are the
# members of each distinct (group, side) among its rows. Counting members through the
# claim_copies index gives the view's count without expanding 1,000 copies into rows and
# checking each against X's other rows; a named source on any copy (not only the stored
# representative) is a named origin. Claims of a story too large to store its matches
# (claim_matches_deferred) are left out: nothing stored says whether a match names a
# source (their trails work it out when read).
NO_NAMED_ORIGIN = """
WITH named_copies AS MATERIALIZED (
    -- per group of copies, the lowest and highest article of a copy naming its source
    SELECT cc.copy_of AS head, min(cc.article_id) AS lo, max(cc.article_id) AS hi
    FROM claim_copies cc
    JOIN claims mc ON mc.claim_id = cc.claim_id
    JOIN sentences ms ON ms.sentence_id = mc.sentence_id
    WHERE ms.sourcing = 'named_source'
    GROUP BY cc.copy_of
)
SELECT a.published, a.outlet_id AS outlet, c.article_id, a.title, s.idx AS sentence_number,
       s.sourcing, coalesce(s.tier, 'query') AS tier, s.text AS sentence,
       (SELECT coalesce(sum(
                   (hm.article_id != c.article_id AND (hm.article_id > c.article_id) = k.above)
                   -- copies on that side, from their ranks by article (pos): one search
                   + CASE WHEN k.above
                       THEN coalesce((SELECT cc.pos FROM claim_copies cc WHERE cc.copy_of = k.head
                                      ORDER BY cc.article_id DESC LIMIT 1), 0)
                            - coalesce((SELECT cc.pos FROM claim_copies cc
                                        WHERE cc.copy_of = k.head AND cc.article_id <= c.article_id
                                        ORDER BY cc.article_id DESC LIMIT 1), 0)
                       ELSE coalesce((SELECT cc.pos FROM claim_copies cc
                                      WHERE cc.copy_of = k.head AND cc.article_id < c.article_id
                                      ORDER BY cc.article_id DESC LIMIT 1), 0)
                     END), 0)
        FROM (SELECT DISTINCT coalesce(g.copy_of, m.other_claim_id) AS head,
                     m.other_article_id > c.article_id AS above
              FROM claim_matches m LEFT JOIN claim_copies g ON g.claim_id = m.other_claim_id
              WHERE m.claim_id = c.claim_id) k
        JOIN claims hm ON hm.claim_id = k.head) AS matches_elsewhere
FROM articles a
JOIN claims c ON c.article_id = a.article_id
JOIN sentences s ON s.sentence_id = c.sentence_id
WHERE s.unsourced = 1
  AND (coalesce(s.tier, 'query') = coalesce(nullif(:tier, ''), 'query') OR :tier = 'all')
  AND NOT EXISTS (SELECT 1 FROM claim_matches_deferred d WHERE d.article_id = c.article_id)
  AND NOT EXISTS (
      SELECT 1 FROM claim_matches m
      LEFT JOIN claim_copies g ON g.claim_id = m.other_claim_id
      JOIN claims hm ON hm.claim_id = coalesce(g.copy_of, m.other_claim_id)
      JOIN sentences hs ON hs.sentence_id = hm.sentence_id
      LEFT JOIN named_copies nc ON nc.head = hm.claim_id
      WHERE m.claim_id = c.claim_id
        AND ((hs.sourcing = 'named_source' AND hm.article_id != c.article_id
              AND (hm.article_id > c.article_id) = (m.other_article_id > c.article_id))
             OR (m.other_article_id > c.article_id AND nc.hi > c.article_id)
             OR (m.other_article_id < c.article_id AND nc.lo < c.article_id)))
ORDER BY a.published DESC, a.article_id DESC, s.idx
"""

# A plain, explainable score: every unsourced assertion and every framing phrase in the
# author's voice counts 1, every figure that another outlet reports differently counts 3.
# Scores are computed from narrow indexes (unsourced assertions from sourcing_counts) and
# only the top 200 articles are looked up. Routine claims and mild phrases are subtracted
# unless :tier is 'all'.
NEEDS_REVIEW = """
WITH parts AS (
    SELECT article_id, sum(n) AS u, 0 AS f, 0 AS k
    FROM sourcing_counts
    WHERE label IN ('anonymous_source', 'vague_document', 'agentless', 'weasel',
                    'unattributed_claim')
    GROUP BY article_id
    UNION ALL
    SELECT article_id, -count(*), 0, 0 FROM sentences
    WHERE unsourced = 1 AND tier = 'routine' AND :tier != 'all' GROUP BY article_id
    UNION ALL
    SELECT article_id, 0, sum(author_count), 0 FROM framing_density GROUP BY article_id
    UNION ALL
    SELECT article_id, 0, -count(*), 0 FROM framing
    WHERE tier = 'mild' AND in_quote = 0 AND :tier != 'all' GROUP BY article_id
    UNION ALL
    SELECT c.article_id, 0, 0, count(*)
    -- the inner select carries the conflict test into the view, so only conflicting
    -- matches are expanded
    FROM (SELECT m.claim_id FROM claim_matches_expanded m
          WHERE m.conflict IS NOT NULL AND m.conflict NOT IN ('', 'null', '{}', '[]')) m
    JOIN claims c ON c.claim_id = m.claim_id
    GROUP BY c.article_id
),
top AS (
    SELECT article_id, sum(u) AS u, sum(f) AS f, sum(k) AS k, sum(u) + sum(f) + 3 * sum(k) AS score
    FROM parts GROUP BY article_id
    HAVING score > 0
    ORDER BY score DESC, article_id DESC LIMIT 200
)
SELECT t.article_id, a.title, a.outlet_id AS outlet, a.published, a.word_count, t.score,
       t.u AS unsourced_assertions, t.f AS framing_in_authors_voice, t.k AS conflicting_figures
FROM top t JOIN articles a ON a.article_id = t.article_id
ORDER BY t.score DESC, t.article_id DESC
"""

CANNED: dict[str, dict[str, str]] = {
    "unsourced_assertions": {
        "title": "Unsourced assertions, newest first",
        "description": "Sentences labelled anonymous source, vague document, agentless, "
        "weasel or unattributed claim, newest articles first. Tier query (claims an editor "
        "would ask about) by default; tier = routine or all shows the rest.",
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
        "annotated articles, in all and per category. Quoted framing is the speaker's, so it "
        "is left out.",
        "sql": FRAMING_PER_1000,
    },
    "conflicting_figures": {
        "title": "Figures that differ across outlets",
        "description": "Claims matched across outlets whose figures disagree, most recently "
        "traced first.",
        "sql": CONFLICTING_FIGURES,
    },
    "claims_without_named_origin": {
        "title": "Claims with no named origin anywhere",
        "description": "Unsourced claims for which no matching report elsewhere names a "
        "source: nobody has put a name to them yet. Tier query by default; tier = routine "
        "or all shows the rest.",
        "sql": NO_NAMED_ORIGIN,
    },
    "articles_needing_review": {
        "title": "Articles most in need of an editor's look",
        "description": "Score = unsourced assertions + framing phrases in the author's voice "
        "+ 3 x figures another outlet reports differently. The top 200. Claims to query and "
        "strong framing by default; tier = all counts routine claims and mild phrases too.",
        "sql": NEEDS_REVIEW,
    },
}
