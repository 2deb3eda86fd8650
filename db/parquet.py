"""The corpus Parquet layout: one dataset per SQLite table, keyed by `article_key`.

    DIR/articles/part-<partition>.parquet     one row per article
    DIR/sentences/part-<partition>.parquet    one row per sentence (article_key, idx)
    DIR/framing/  DIR/claims/  DIR/links/     as the SQLite tables
    DIR/duplicates/part-plan.parquet          URLs met more than once: which copy was kept
    DIR/stories/, DIR/claim_matches/          written by `corpus stories`
    DIR/_partitions/<partition>.json          a partition's done marker (written last)
    DIR/_manifest.json                        inputs, partitions, code and lexicon versions

Columns are the SQLite tables' columns, with `article_key` (a stable hash of the
normalised URL) in place of the integer ids, which only mean something inside one SQLite
file; `sentence_idx` (1-based, as sentences.idx) links framing and claims to sentences.
Files are written to a temporary name and renamed, so a reader never sees half a file.
"""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

TABLES = ("articles", "sentences", "framing", "claims", "links")

_S, _I, _B, _F = pa.string(), pa.int64(), pa.bool_(), pa.float64()

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_key", _S),
            ("url", _S),  # canonical URL on the outlet's own site, else the record's URL
            ("input_url", _S),  # the record's URL (WARC-Target-URI / JSONL url), normalised
            ("canonical_url", _S),
            ("outlet_id", _S),
            ("outlet_name", _S),
            ("title", _S),
            ("authors", _S),  # JSON list
            ("published", _S),
            ("language", _S),
            ("description", _S),
            ("text", _S),
            ("word_count", _I),
            ("extractor", _S),  # newspaper | trafilatura | given (JSONL text)
            ("captured_at", _S),  # WARC-Date (or the JSONL published time)
            ("source", _S),  # the input file
            ("record", _I),  # the record's ordinal in its input
            ("offset", _I),  # byte offset of the record in its input, when it has one
            ("sha256", _S),  # of the raw body: the capture is evidence
            ("annotator", _S),  # JSON of Annotator.fingerprint()
            # why the page says it is opinion (scraper/page_kind.py), as articles.opinion in
            # SQLite; null when it does not, and in corpora written before the column existed
            ("opinion", _S),
        ]
    ),
    "sentences": pa.schema(
        [
            ("article_key", _S),
            ("idx", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("sourcing", _S),
            ("unsourced", _B),
            ("tier", _S),
            ("source", _S),
            ("source_start", _I),
            ("source_end", _I),
            ("cue", _S),
            ("cue_start", _I),
            ("cue_end", _I),
            ("in_quote", _B),
            ("reason", _S),
            ("rule", _S),
        ]
    ),
    "framing": pa.schema(
        [
            ("article_key", _S),
            ("sentence_idx", _I),
            ("start", _I),
            ("end", _I),
            ("text", _S),
            ("category", _S),
            ("entry", _S),
            ("reason", _S),
            ("in_quote", _B),
            ("tier", _S),
        ]
    ),
    "claims": pa.schema(
        [
            ("article_key", _S),
            ("sentence_idx", _I),
            ("start", _I),
            ("end", _I),
            ("statement", _S),
            ("figures", _S),  # JSON list of {text, start, end, value, unit}
            ("entities", _S),  # JSON list
            ("predicate", _S),
            ("published", _S),  # the article's, for blocking matches by date window
        ]
    ),
    "links": pa.schema(
        [
            ("article_key", _S),
            ("href", _S),
            ("anchor", _S),
            ("context", _S),
            ("kind", _S),
            ("domain", _S),
        ]
    ),
    "duplicates": pa.schema(
        [
            ("article_key", _S),
            ("url", _S),
            ("kept_source", _S),
            ("kept_record", _I),
            ("kept_date", _S),
            ("source", _S),
            ("record", _I),
            ("date", _S),
        ]
    ),
    "stories": pa.schema(
        [
            ("article_key", _S),
            ("story_key", _S),  # article_key of the story's earliest member
            ("copy_of", _S),  # earliest near-identical copy, when this is a copy
            ("similarity", _F),  # estimated Jaccard with copy_of
            ("outlet_id", _S),
            ("published", _S),
        ]
    ),
    "claim_matches": pa.schema(
        [
            ("article_key", _S),
            ("sentence_idx", _I),
            ("other_article_key", _S),
            ("other_sentence_idx", _I),
            ("method", _S),
            ("score", _F),
            ("shared_figures", _S),
            ("conflict", _S),
            ("block", _S),  # the (value, noun, window) block the pair was found in
        ]
    ),
}


def article_key(normalised_url: str) -> str:
    """Stable across runs, machines and Python versions (unlike hash())."""
    return hashlib.sha256(normalised_url.encode("utf-8", "surrogatepass")).hexdigest()[:20]


def write_table(directory: Path, table: str, name: str, rows: list[dict[str, Any]]) -> Path:
    """Write rows as DIR/table/name.parquet atomically (temporary file, then rename)."""
    schema = SCHEMAS[table]
    out = directory / table
    out.mkdir(parents=True, exist_ok=True)
    final = out / f"{name}.parquet"
    tmp = out / f".tmp-{name}-{uuid.uuid4().hex}.parquet"
    arrays = {col: [r.get(col) for r in rows] for col in schema.names}
    pq.write_table(pa.table(arrays, schema=schema), tmp)
    os.replace(tmp, final)
    return final


def write_json_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{path.name}-{uuid.uuid4().hex}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def clean_tmp(directory: Path) -> int:
    """Remove temporary files a killed run left behind; returns how many."""
    n = 0
    for p in directory.rglob(".tmp-*"):
        p.unlink(missing_ok=True)
        n += 1
    return n


def read_table(
    directory: Path, table: str, parts: list[str] | None = None, columns: list[str] | None = None
) -> pa.Table:
    """The table's rows from the given partitions' files (all files when None)."""
    folder = directory / table
    if parts is None:
        files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    else:
        files = [folder / f"{p}.parquet" for p in parts if (folder / f"{p}.parquet").exists()]
    schema = SCHEMAS[table]
    if columns:
        schema = pa.schema([schema.field(c) for c in columns])
    if not files:
        return schema.empty_table()
    return pa.concat_tables([pq.read_table(f, columns=columns, schema=schema) for f in files])
