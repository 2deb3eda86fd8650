"""The schema, as ordered migrations. `ensure_schema(db)` brings any database up to date.

Offsets (`start`, `end`) are code-point indices into `articles.text`, so
`substr(articles.text, start + 1, end - start)` returns the span.
Booleans are INTEGER 0/1. Times are ISO 8601 UTC text ("2026-11-28T01:02:03Z").
JSON columns hold JSON text.
"""

from db.migrations_initial import INITIAL

# Each migration is applied once, in order, inside one transaction (db.schema.ensure_schema).
# Never edit a landed migration: append a new one at the end of MIGRATIONS.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_initial",
        INITIAL,
    ),
    (
        # UNIQUE (url, final_url, status, sha256, error_kind) never fires: status is NULL
        # for refusals and error_kind is NULL for successes, and SQLite treats NULLs as
        # distinct. This index compares them as values, so a second writer racing
        # store.save_fetch gets an error instead of a duplicate row.
        "0002_fetch_identity",
        """
CREATE UNIQUE INDEX idx_fetches_identity
    ON fetches(url, final_url, coalesce(status, -1), sha256, coalesce(error_kind, ''));
""",
    ),
    (
        # Datasette's canned queries and facets on 100,000 articles / 3,000,000 flags
        # (bench/datasette_speed.py): covering indexes so per-article and per-outlet counts
        # read narrow indexes instead of the article rows (which carry the full text), the
        # reverse direction of claim matches, and one index per default facet column.
        "0003_datasette_indexes",
        """
CREATE INDEX IF NOT EXISTS idx_sentences_article_sourcing
    ON sentences(article_id, sourcing, unsourced);
CREATE INDEX IF NOT EXISTS idx_sentences_in_quote ON sentences(in_quote);
CREATE INDEX IF NOT EXISTS idx_framing_in_quote ON framing(in_quote);
CREATE INDEX IF NOT EXISTS idx_framing_entry ON framing(entry);
CREATE INDEX IF NOT EXISTS idx_framing_density_article
    ON framing_density(article_id, category, author_count);
CREATE INDEX IF NOT EXISTS idx_articles_outlet_annotated
    ON articles(outlet_id, annotated_run_id, word_count);
CREATE INDEX IF NOT EXISTS idx_claim_matches_other ON claim_matches(other_claim_id);
""",
    ),
    (
        # Facets on a filtered table page (e.g. sentences?sourcing=weasel, facet in_quote)
        # count inside one index when the filter column leads and the facet columns follow;
        # the single-column in_quote indexes made SQLite pick them and visit every row.
        "0004_facet_indexes",
        """
CREATE INDEX IF NOT EXISTS idx_sentences_sourcing_facets ON sentences(sourcing, unsourced, in_quote);
CREATE INDEX IF NOT EXISTS idx_sentences_unsourced_facets ON sentences(unsourced, sourcing, in_quote);
CREATE INDEX IF NOT EXISTS idx_sentences_in_quote_facets ON sentences(in_quote, sourcing, unsourced);
DROP INDEX IF EXISTS idx_sentences_in_quote;
CREATE INDEX IF NOT EXISTS idx_framing_category_facets ON framing(category, in_quote, entry);
CREATE INDEX IF NOT EXISTS idx_framing_in_quote_facets ON framing(in_quote, category, entry);
DROP INDEX IF EXISTS idx_framing_in_quote;
""",
    ),
    (
        # The remaining default facets and sorts of the Datasette table pages: without these
        # a facet on articles.extractor reads every article row, full text included.
        "0005_table_page_indexes",
        """
CREATE INDEX IF NOT EXISTS idx_articles_extractor ON articles(extractor);
CREATE INDEX IF NOT EXISTS idx_articles_is_seed ON articles(is_seed);
CREATE INDEX IF NOT EXISTS idx_framing_density_category ON framing_density(category);
CREATE INDEX IF NOT EXISTS idx_framing_density_per_1000 ON framing_density(per_1000_words);
CREATE INDEX IF NOT EXISTS idx_related_method ON related(method, same_story);
CREATE INDEX IF NOT EXISTS idx_related_same_story ON related(same_story);
CREATE INDEX IF NOT EXISTS idx_related_score ON related(score);
""",
    ),
    (
        # Sentences per article and sourcing label, written by store.save_annotation in the
        # same transaction as the sentences: per-outlet sourcing shares then read about six
        # narrow rows per article instead of joining every sentence. Backfilled here from
        # the sentences already stored.
        "0006_sourcing_counts",
        """
CREATE TABLE IF NOT EXISTS sourcing_counts (
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    label TEXT NOT NULL,                -- a sourcing label (sentences with none are not counted)
    n INTEGER NOT NULL,                 -- sentences of the article with that label
    PRIMARY KEY (article_id, label)
) WITHOUT ROWID;
INSERT OR REPLACE INTO sourcing_counts (article_id, label, n)
    SELECT article_id, sourcing, count(*) FROM sentences
    WHERE sourcing IS NOT NULL GROUP BY article_id, sourcing;
""",
    ),
    (
        # Tiers (DESIGN.md "Labels"): an unsourced sentence is 'query' (an editor would ask
        # where it came from) or 'routine' (checkable, low-risk); a framing span 'strong' or
        # 'mild'. Desk views show query / strong by default. Rows stored before tiers were
        # known are backfilled as the ones to look at: unsourced sentences 'query', framing
        # 'strong'; re-annotating an article replaces them with the annotator's tiers.
        # The indexes serve the default views (query sentences, strong phrases per article)
        # and the dashboards' counts of the rest.
        "0007_tiers",
        """
ALTER TABLE sentences ADD COLUMN tier TEXT;   -- query | routine when unsourced, else NULL
UPDATE sentences SET tier = 'query' WHERE unsourced = 1;
ALTER TABLE framing ADD COLUMN tier TEXT NOT NULL DEFAULT 'strong';  -- strong | mild
CREATE INDEX IF NOT EXISTS idx_sentences_unsourced_tier
    ON sentences(unsourced, tier, article_id, sourcing);
CREATE INDEX IF NOT EXISTS idx_framing_tier ON framing(tier, in_quote, article_id, category);
""",
    ),
    (
        # Desk (issue 13): each text an article has had (version 1 = as first seen), the
        # sentence-level changes between consecutive versions with their sourcing labels,
        # the last recheck of each article (one row, updated in place: a 304 adds nothing),
        # and the browser's "check a story" jobs, so a status survives a page reload.
        "0009_versions",
        """
CREATE TABLE IF NOT EXISTS article_versions (
    version_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    version INTEGER NOT NULL,           -- 1 = the text as first seen
    fetch_id INTEGER REFERENCES fetches(fetch_id),
    seen_at TEXT NOT NULL,              -- when the fetch that carried this text was made
    text_sha256 TEXT NOT NULL,
    title TEXT,
    text TEXT NOT NULL,
    sentences TEXT NOT NULL,            -- JSON [{idx, text, sourcing, source}] as annotated
    run_id INTEGER REFERENCES runs(run_id),
    UNIQUE (article_id, version)
);
CREATE TABLE IF NOT EXISTS version_changes (
    change_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    to_version INTEGER NOT NULL,        -- the change from version to_version - 1
    position INTEGER NOT NULL,          -- order within the diff
    kind TEXT NOT NULL,                 -- added | removed | changed
    old_idx INTEGER, new_idx INTEGER,   -- sentence numbers in the two versions
    old_text TEXT, new_text TEXT,
    sourcing_before TEXT, sourcing_after TEXT,
    source_before TEXT, source_after TEXT,
    telling TEXT,                       -- comma list: source_removed, named_to_anonymous, ...
    UNIQUE (article_id, to_version, position)
);
CREATE INDEX IF NOT EXISTS idx_version_changes_article ON version_changes(article_id, to_version);
CREATE INDEX IF NOT EXISTS idx_version_changes_telling ON version_changes(telling, article_id);
CREATE TABLE IF NOT EXISTS article_checks (
    article_id INTEGER PRIMARY KEY REFERENCES articles(article_id) ON DELETE CASCADE,
    checked_at TEXT NOT NULL,
    result TEXT NOT NULL,               -- not_modified | unchanged | changed | error
    error TEXT
);
CREATE TABLE IF NOT EXISTS check_jobs (
    job_id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'queued',  -- queued | running | done | error
    stage TEXT,                         -- fetching | extracting | annotating | related coverage
    done INTEGER NOT NULL DEFAULT 0,    -- related pages fetched so far
    total INTEGER NOT NULL DEFAULT 0,   -- related pages to fetch
    article_id INTEGER REFERENCES articles(article_id) ON DELETE SET NULL,
    error TEXT,
    actor TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
""",
    ),
    (
        # Annotation state, crash recovery and embedded posts (issue 11). An article's flags are only
        # evidence when it is known which rules made them: `annotated_rules` holds the
        # annotator version and lexicon hash of the run that annotated it (NULL: not
        # annotated yet). A run records the process running it, so the next command to
        # open the file can tell a run that is still going from one killed mid-way
        # (status 'interrupted').
        "0008_integrity",
        """
ALTER TABLE articles ADD COLUMN annotated_rules TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
ALTER TABLE runs ADD COLUMN host TEXT;
-- Social posts embedded in an article, kept apart from its text (which stays as the
-- page shows it) with who posted them: replaced as a whole with the article's links.
CREATE TABLE IF NOT EXISTS embeds (
    embed_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,               -- 1-based, in page order
    platform TEXT NOT NULL,             -- X | Instagram | Facebook | Bluesky ... | social media
    author TEXT,                        -- "Name (@handle)" as the embed credits it
    posted TEXT,                        -- the date as the embed prints it
    text TEXT NOT NULL,                 -- the post's words
    url TEXT,                           -- the post's permalink
    UNIQUE (article_id, idx)
);
CREATE INDEX IF NOT EXISTS idx_embeds_article ON embeds(article_id);
UPDATE articles SET annotated_rules = (
    SELECT coalesce(r.annotator_version, '?') || '+' || substr(coalesce(r.lexicon_sha256, '?'), 1, 12)
    FROM runs r WHERE r.run_id = articles.annotated_run_id
) WHERE annotated_run_id IS NOT NULL;
""",
    ),
    (
        # Syndicated copies of a claim (db/claim_groups.py): a claim whose copies are in
        # other articles of the story stands for them in claim_matches, so a story of 1,000
        # copies stores rows linear in the story instead of its square. copy_of is the
        # group's first claim; readers expand a match through the group.
        "0010_claim_copies",
        """
CREATE TABLE IF NOT EXISTS claim_copies (
    claim_id INTEGER PRIMARY KEY REFERENCES claims(claim_id) ON DELETE CASCADE,
    copy_of INTEGER NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_claim_copies_of ON claim_copies(copy_of);
""",
    ),
    (
        # claim_matches as if every matching pair were stored (what SQL readers such as the
        # canned queries want): a stored row (X -> O) expands to every member of O's group
        # of copies on the same side of X's article as O's, as db.claim_groups.matches_of.
        # X may hold several rows into one group and side (its neighbours' stars point at
        # it); only the one with the lowest other_claim_id is expanded, so each matching
        # claim appears once per claim. claim_match_id is the stored row's. Two halves,
        # each a view of its own (matches with a group's first claim, with its copies), so
        # each join is an index search; SQLite cannot search a UNION ALL view by claim_id
        # inside an aggregate (it expands every claim's matches, per row), so a per-claim
        # count adds the two halves' counts. Per claim, the cost is that claim's stored
        # rows times their groups' sizes.
        "0011_claim_matches_expanded",
        """
CREATE VIEW IF NOT EXISTS claim_matches_to_first AS
SELECT m.claim_match_id, m.claim_id, mem.claim_id AS other_claim_id,
       mem.article_id AS other_article_id, m.method, m.score, m.shared_figures, m.conflict
FROM claim_matches m
JOIN claims c ON c.claim_id = m.claim_id
LEFT JOIN claim_copies g ON g.claim_id = m.other_claim_id
JOIN claims mem ON mem.claim_id = coalesce(g.copy_of, m.other_claim_id)
WHERE mem.article_id != c.article_id
  AND (mem.article_id > c.article_id) = (m.other_article_id > c.article_id)
  AND NOT EXISTS (
      SELECT 1 FROM claim_matches m2
      LEFT JOIN claim_copies g2 ON g2.claim_id = m2.other_claim_id
      WHERE m2.claim_id = m.claim_id AND m2.other_claim_id < m.other_claim_id
        AND coalesce(g2.copy_of, m2.other_claim_id) = coalesce(g.copy_of, m.other_claim_id)
        AND (m2.other_article_id > c.article_id) = (m.other_article_id > c.article_id));
CREATE VIEW IF NOT EXISTS claim_matches_to_copies AS
SELECT m.claim_match_id, m.claim_id, mem.claim_id AS other_claim_id,
       mem.article_id AS other_article_id, m.method, m.score, m.shared_figures, m.conflict
FROM claim_matches m
JOIN claims c ON c.claim_id = m.claim_id
LEFT JOIN claim_copies g ON g.claim_id = m.other_claim_id
JOIN claim_copies cm ON cm.copy_of = coalesce(g.copy_of, m.other_claim_id)
JOIN claims mem ON mem.claim_id = cm.claim_id
WHERE mem.article_id != c.article_id
  AND (mem.article_id > c.article_id) = (m.other_article_id > c.article_id)
  AND NOT EXISTS (
      SELECT 1 FROM claim_matches m2
      LEFT JOIN claim_copies g2 ON g2.claim_id = m2.other_claim_id
      WHERE m2.claim_id = m.claim_id AND m2.other_claim_id < m.other_claim_id
        AND coalesce(g2.copy_of, m2.other_claim_id) = coalesce(g.copy_of, m.other_claim_id)
        AND (m2.other_article_id > c.article_id) = (m.other_article_id > c.article_id));
CREATE VIEW IF NOT EXISTS claim_matches_expanded AS
SELECT * FROM claim_matches_to_first UNION ALL SELECT * FROM claim_matches_to_copies;
""",
    ),
    (
        # Articles whose story is too large to store its claim matches (annotate.copies,
        # MAX_STORED_WORK): their matches are worked out when a trail is read (db.trail),
        # and SQL readers (the canned queries) know they are not in claim_matches.
        "0012_claim_matches_deferred",
        """
CREATE TABLE IF NOT EXISTS claim_matches_deferred (
    article_id INTEGER PRIMARY KEY REFERENCES articles(article_id) ON DELETE CASCADE
);
""",
    ),
    (
        # A copy's article and its rank among its group's copies by article, so that how
        # many members of a group of copies lie on one side of an article
        # (db/claim_groups.py) is one index search: the canned queries count a claim's
        # matches per group and side instead of expanding every copy.
        "0013_claim_copies_article",
        """
ALTER TABLE claim_copies ADD COLUMN article_id INTEGER;
ALTER TABLE claim_copies ADD COLUMN pos INTEGER;
UPDATE claim_copies SET article_id =
    (SELECT c.article_id FROM claims c WHERE c.claim_id = claim_copies.claim_id);
UPDATE claim_copies SET pos = r.pos
FROM (SELECT claim_id, row_number() OVER (PARTITION BY copy_of ORDER BY article_id) AS pos
      FROM claim_copies) r
WHERE r.claim_id = claim_copies.claim_id;
CREATE INDEX IF NOT EXISTS idx_claim_copies_side ON claim_copies(copy_of, article_id, pos);
""",
    ),
    (
        # Why the page says it is opinion ("section 'Opinion'", scraper/page_kind.py), or
        # NULL: re-annotating a stored article must tier the writer's reasoning as the first
        # annotation did (rule sourcing.tier.opinion_page), and an editor can filter on it.
        "0014_articles_opinion",
        """
ALTER TABLE articles ADD COLUMN opinion TEXT;
""",
    ),
]
