"""One partition, inside a Dask worker: read records, extract, annotate, claims, write
Parquet. The annotator is the same object the single-story path uses (DESIGN.md).

A task is plain data (paths, record heads), so any Dask cluster can run it; the result is
a small dict of counts. spaCy and the lexicons load once per worker process: the
annotator is cached at module level, keyed by its options, and shared by the worker's
threads under a lock (a spaCy pipeline is not made for concurrent calls).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import threading
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from annotate.annotator import Annotator, reference_date
from annotate.models import Annotation
from db.parquet import article_key, write_json_atomic, write_table
from newsprov import __version__
from newsprov.corpus.process import in_dask_worker, prepare_worker_process
from scraper.extract import ExtractError, count_words, extract_article
from scraper.html_decode import sniff_kind
from scraper.models import Extracted
from scraper.outlets import registered_domain
from scraper.records import SKIP_EMPTY, Record, RecordHead, read_records

_LOCK = threading.Lock()
_ANNOTATORS: dict[tuple, Annotator] = {}
BATCH = 32  # spaCy batch size: 32 to 64 is best here (notes/nlp.md)


@dataclass
class PartitionTask:
    pid: str
    source: str  # the input path
    heads: list[RecordHead]
    owned: list[bool]  # per head: this record owns its URL (False: a later duplicate)
    out: str
    lexicons: tuple[str, ...] = ()
    disabled: tuple[str, ...] = ()


@dataclass
class PartitionResult:
    pid: str
    records: int = 0
    articles: int = 0
    duplicates: int = 0
    skips: dict[str, int] = field(default_factory=dict)
    failures: list[dict[str, str]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    annotator: dict[str, str] = field(default_factory=dict)
    code_version: str = __version__
    worker_pid: int = 0
    peak_rss_mb: float = 0.0  # the worker process's peak RSS when the partition finished
    seconds: float = 0.0  # time spent on the partition (annotator already loaded)
    # CPU time of the worker process over those seconds: cpu_seconds / seconds well under
    # 1 means the worker waited for a core (other processes), not for our code
    cpu_seconds: float = 0.0
    load_seconds: float = 0.0  # loading spaCy and the lexicons, when this task did it
    started_at: float = 0.0  # wall clock (epoch seconds): where a run's time goes
    finished_at: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)  # read+extract, annotate, write


def annotator_for(lexicons: tuple[str, ...], disabled: tuple[str, ...]) -> Annotator:
    """The worker process's annotator for these options, built on first use."""
    key = (lexicons, disabled)
    with _LOCK:
        if key not in _ANNOTATORS:
            _ANNOTATORS[key] = Annotator(
                lexicon_paths=[Path(p) for p in lexicons], disabled_entries=disabled
            )
            # after the first Annotator: its lexicons and spaCy are what gc.freeze keeps
            # out of later collections (process.py says why, with the figures)
            if in_dask_worker():
                prepare_worker_process()
        return _ANNOTATORS[key]


def marker_path(out: Path, pid: str) -> Path:
    return out / "_partitions" / f"{pid}.json"


def run_partition(task: PartitionTask) -> dict[str, Any]:
    """Process one partition unless its done marker exists; returns PartitionResult as a
    dict. Safe to run twice (a rescheduled task, a re-run): same rows, same file names."""
    out = Path(task.out)
    marker = marker_path(out, task.pid)
    if marker.exists():
        return json.loads(marker.read_text(encoding="utf-8"))
    started_at = time.time()
    annotator = annotator_for(task.lexicons, task.disabled)
    load_seconds = time.time() - started_at
    started = time.perf_counter()
    cpu_started = time.process_time()
    result = PartitionResult(task.pid, records=len(task.heads), annotator=annotator.fingerprint())
    result.load_seconds = round(load_seconds, 3)
    result.started_at = round(started_at, 3)
    skips: Counter[str] = Counter()
    owned = {h.ordinal: o for h, o in zip(task.heads, task.owned, strict=True)}
    pages: list[tuple[Record, Extracted]] = []
    for rec in read_records(Path(task.source), task.heads):
        if not owned.get(rec.ordinal, True):
            result.duplicates += 1
            continue
        reason = rec.skip or _http_skip(rec)
        if reason:
            skips[reason] += 1
            continue
        try:
            pages.append((rec, _extract(rec)))
        except _Skip as exc:
            skips[str(exc)] += 1
        except Exception as exc:  # noqa: BLE001 - a bad page must not stop the corpus
            result.failures.append({"url": rec.url, "error": f"{type(exc).__name__}: {exc}"})
    t_extract = time.perf_counter()
    offsets = {h.ordinal: h.offset for h in task.heads}
    tables: dict[str, list[dict]] = {
        t: [] for t in ("articles", "sentences", "framing", "claims", "links")
    }
    with _LOCK:
        annotations = list(
            annotator.annotate_many(
                (e.text for _r, e in pages),
                BATCH,
                opinions=[e.opinion for _r, e in pages],
                # each page read against its own date: published, else captured (WARC-Date)
                references=[reference_date(e.published, r.date) for r, e in pages],
            )
        )
    t_annotate = time.perf_counter()
    fp = json.dumps(result.annotator, sort_keys=True)
    for (rec, ext), ann in zip(pages, annotations, strict=True):
        key = article_key(rec.url)
        tables["articles"].append(_article_row(key, rec, ext, task.source, offsets, fp))
        _annotation_rows(key, ann, ext.published or rec.date, tables)
        tables["links"] += [{"article_key": key, **asdict(ln)} for ln in ext.links]
    for table, rows in tables.items():
        write_table(out, table, f"part-{task.pid}", rows)
        result.rows[table] = len(rows)
    result.articles = len(pages)
    result.skips = dict(skips)
    result.worker_pid = os.getpid()
    result.seconds = round(time.perf_counter() - started, 3)
    result.cpu_seconds = round(time.process_time() - cpu_started, 3)
    result.phases = {
        "read_extract": round(t_extract - started, 3),
        "annotate": round(t_annotate - t_extract, 3),
        "rows_write": round(time.perf_counter() - t_annotate, 3),
    }
    result.peak_rss_mb = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result.finished_at = round(time.time(), 3)
    data = asdict(result)
    # Written last: the partition counts as done only once all its files are in place.
    write_json_atomic(marker, json.dumps(data, sort_keys=True))
    return data


class _Skip(Exception):
    """A record that is not an article, with the reason counted in the summary."""


def _http_skip(rec: Record) -> str | None:
    if rec.status is not None and not 200 <= rec.status < 300:
        return f"HTTP status {rec.status}"
    return None


def _extract(rec: Record) -> Extracted:
    if rec.text is not None:  # JSONL with text: nothing to extract
        text = rec.text.strip()
        domain = rec.outlet or registered_domain(rec.url)
        return Extracted(
            url=rec.url,
            canonical_url=None,
            outlet_domain=domain,
            outlet_name=None,
            title=rec.title or "",
            authors=[],
            published=rec.published,
            language=None,
            text=text,
            word_count=count_words(text),
            extractor="given",
        )
    kind = sniff_kind(rec.body, rec.content_type)
    if kind == "empty":
        raise _Skip(SKIP_EMPTY)
    if kind == "pdf":
        raise _Skip("PDF")
    if kind != "html":
        raise _Skip("non-HTML")
    try:
        ext = extract_article(rec.body, rec.url, rec.content_type)
    except ExtractError:
        raise _Skip("not an article") from None
    if rec.title and not ext.title:
        ext.title = rec.title
    if rec.published and not ext.published:
        ext.published = rec.published
    return ext


def _article_row(
    key: str, rec: Record, ext: Extracted, source: str, offsets: dict, fp: str
) -> dict[str, Any]:
    raw = rec.body or (rec.text or "").encode("utf-8", "surrogatepass")
    return {
        "article_key": key,
        "url": ext.url,
        "input_url": rec.url,
        "canonical_url": ext.canonical_url,
        "outlet_id": ext.outlet_domain or None,
        "outlet_name": ext.outlet_name,
        "title": ext.title,
        "authors": json.dumps(list(ext.authors), ensure_ascii=False),
        "published": ext.published,
        "language": ext.language,
        "description": ext.description,
        "text": ext.text,
        "word_count": ext.word_count,
        "extractor": ext.extractor,
        "captured_at": rec.date,
        "source": source,
        "record": rec.ordinal,
        "offset": offsets.get(rec.ordinal),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "annotator": fp,
        "opinion": ext.opinion,
    }


def _annotation_rows(
    key: str, ann: Annotation, published: str | None, tables: dict[str, list[dict]]
) -> None:
    bounds = []
    for idx, s in enumerate(ann.sentences, start=1):
        bounds.append((s.start, s.end, idx))
        tables["sentences"].append(
            {
                "article_key": key,
                "idx": idx,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "sourcing": s.sourcing,
                "unsourced": s.unsourced,
                "tier": s.tier,
                "source": s.source.text if s.source else None,
                "source_start": s.source.start if s.source else None,
                "source_end": s.source.end if s.source else None,
                "cue": s.cue.text if s.cue else None,
                "cue_start": s.cue.start if s.cue else None,
                "cue_end": s.cue.end if s.cue else None,
                "in_quote": bool(s.in_quote),
                "reason": s.reason,
                "rule": s.rule,
            }
        )
    seen: set[tuple] = set()
    for sp in ann.spans:
        if (sp.start, sp.end, sp.category) in seen:  # as the SQLite UNIQUE: first one wins
            continue
        seen.add((sp.start, sp.end, sp.category))
        row = {"article_key": key, **asdict(sp)}
        row["sentence_idx"] = next((i for a, b, i in bounds if a <= sp.start < b), None)
        tables["framing"].append(row)
    claimed: set[int] = set()
    for c in ann.claims:
        if c.sentence_index in claimed:  # one claim per sentence, as in SQLite
            continue
        claimed.add(c.sentence_index)
        tables["claims"].append(
            {
                "article_key": key,
                "sentence_idx": c.sentence_index + 1,
                "start": c.start,
                "end": c.end,
                "statement": c.statement,
                "figures": json.dumps(
                    [asdict(f) for f in sorted(c.figures, key=lambda f: f.start)],
                    ensure_ascii=False,
                ),
                "entities": json.dumps(list(c.entities), ensure_ascii=False),
                "predicate": c.predicate,
                "published": published,
            }
        )
