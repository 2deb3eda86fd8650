"""The first migration, 0001_initial: the tables as first landed (db.migrations applies it).

Landed text: never edit it; later changes are new migrations in db.migrations.
"""

INITIAL = """
CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY,
    command TEXT NOT NULL,              -- "scrape", "import", "annotate", "demo"
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL DEFAULT 'running',  -- running | ok | partial | failed
    tool_version TEXT NOT NULL,
    annotator_version TEXT,
    model TEXT,                         -- spaCy pipeline id
    lexicon_sha256 TEXT,                -- hash of every lexicon/rule file used
    options TEXT,                       -- JSON of the command's options
    summary TEXT                        -- JSON: counts, failed URLs
);

CREATE TABLE fetches (
    fetch_id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    headers TEXT,                       -- JSON object
    fetched_at TEXT NOT NULL,           -- first time this exact response was seen
    last_fetched_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    body BLOB,                          -- zlib-compressed raw bytes
    body_size INTEGER NOT NULL,
    redirects TEXT,                     -- JSON list of hops
    error TEXT,
    error_kind TEXT,
    run_id INTEGER REFERENCES runs(run_id),
    UNIQUE (url, final_url, status, sha256, error_kind)
);
CREATE INDEX idx_fetches_url ON fetches(url);

CREATE TABLE outlets (
    outlet_id TEXT PRIMARY KEY,         -- registered domain, e.g. "nationpress.test"
    name TEXT,
    homepage TEXT
);

CREATE TABLE articles (
    article_id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,           -- canonical URL (on the outlet's own site) or final URL
    input_url TEXT,
    canonical_url TEXT,                 -- as declared by the page (may be another site)
    fetch_id INTEGER REFERENCES fetches(fetch_id),
    outlet_id TEXT REFERENCES outlets(outlet_id),
    title TEXT,
    authors TEXT,                       -- JSON list
    published TEXT,
    language TEXT,
    description TEXT,
    text TEXT NOT NULL,
    word_count INTEGER NOT NULL,
    extractor TEXT NOT NULL,            -- newspaper | trafilatura
    is_seed INTEGER NOT NULL DEFAULT 0, -- 1 when a user asked for it (not found as related)
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    annotated_run_id INTEGER REFERENCES runs(run_id)
);
CREATE INDEX idx_articles_outlet ON articles(outlet_id);
CREATE INDEX idx_articles_published ON articles(published);

CREATE TABLE links (
    link_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    href TEXT NOT NULL,
    anchor TEXT,
    context TEXT,
    kind TEXT NOT NULL,                 -- same_site | news | document | social | other
    domain TEXT,
    UNIQUE (article_id, href, anchor)
);
CREATE INDEX idx_links_article ON links(article_id);

CREATE TABLE related (
    related_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    other_article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    method TEXT NOT NULL,               -- how it was found: links | feed | sitemap | gdelt | user ...
    score REAL,                         -- same-story similarity 0..1 (NULL before matching)
    same_story INTEGER,                 -- 1 / 0 / NULL (not yet matched)
    syndicated_of INTEGER REFERENCES articles(article_id),  -- earliest copy when a syndicated copy
    evidence TEXT,                      -- JSON: shared entities, figures, terms, gap hours
    created_at TEXT NOT NULL,
    UNIQUE (article_id, other_article_id)
);
CREATE INDEX idx_related_article ON related(article_id);
CREATE INDEX idx_related_other ON related(other_article_id);

CREATE TABLE sentences (
    sentence_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    run_id INTEGER REFERENCES runs(run_id),
    idx INTEGER NOT NULL,               -- 1-based sentence number in the article
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    sourcing TEXT,                      -- label or NULL
    unsourced INTEGER NOT NULL DEFAULT 0,
    source TEXT, source_start INTEGER, source_end INTEGER,
    cue TEXT, cue_start INTEGER, cue_end INTEGER,
    in_quote INTEGER NOT NULL DEFAULT 0,
    reason TEXT,
    rule TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX idx_sentences_article ON sentences(article_id, idx);
CREATE INDEX idx_sentences_sourcing ON sentences(sourcing, article_id);
CREATE INDEX idx_sentences_unsourced ON sentences(unsourced, article_id);

CREATE TABLE framing (
    framing_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    sentence_id INTEGER REFERENCES sentences(sentence_id) ON DELETE CASCADE,
    run_id INTEGER REFERENCES runs(run_id),
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    category TEXT NOT NULL,
    entry TEXT,
    reason TEXT NOT NULL,
    in_quote INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article_id, start, end, category)
);
CREATE INDEX idx_framing_article ON framing(article_id, start);
CREATE INDEX idx_framing_category ON framing(category, in_quote);
CREATE INDEX idx_framing_sentence ON framing(sentence_id);

-- Framing density in the author's voice (in_quote = 0), per article and category.
CREATE TABLE framing_density (
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    author_count INTEGER NOT NULL,
    quote_count INTEGER NOT NULL,
    per_1000_words REAL NOT NULL,       -- author_count * 1000 / word_count
    PRIMARY KEY (article_id, category)
);

CREATE TABLE claims (
    claim_id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    sentence_id INTEGER NOT NULL REFERENCES sentences(sentence_id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    statement TEXT NOT NULL,
    figures TEXT,                       -- JSON list of {text, start, end, value, unit}
    entities TEXT,                      -- JSON list
    predicate TEXT,
    UNIQUE (sentence_id)
);
CREATE INDEX idx_claims_article ON claims(article_id);

CREATE TABLE claim_matches (
    claim_match_id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE,
    other_claim_id INTEGER NOT NULL REFERENCES claims(claim_id) ON DELETE CASCADE,
    other_article_id INTEGER NOT NULL REFERENCES articles(article_id) ON DELETE CASCADE,
    method TEXT NOT NULL,               -- same_figure | paraphrase
    score REAL,
    shared_figures TEXT,                -- JSON list
    conflict TEXT,                      -- JSON: {quantity, ours, theirs} when figures differ
    UNIQUE (claim_id, other_claim_id)
);
CREATE INDEX idx_claim_matches_claim ON claim_matches(claim_id);
"""
