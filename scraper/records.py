"""Corpus inputs -> page records: WARC(.gz) response records, JSONL(.gz) lines, and
directories of saved .html files. No network, no spaCy, no database.

Two passes, so that a corpus can be cut into partitions and the same URL met twice can be
owned by one record before any page is parsed:

- `scan_input(path)` reads headers only (WARC headers, one JSON object per line, file
  names) and returns one `RecordHead` per record, with its byte offset where the format
  can seek, and a skip reason when the headers alone condemn it;
- `read_records(path, heads)` reads the bodies of those records (a partition's worth).

A bad record (a truncated gzip member, non-UTF-8 WARC headers, a 20 MB body) is a
`RecordHead` with `skip` set, never an exception: a corpus carries on past it.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from scraper.outlets import normalize_url

# The fetcher's cap (FetchConfig.max_bytes): a bigger "article" is a dump, not a story.
MAX_BODY = 10_000_000
_GZIP_MAGIC = b"\x1f\x8b\x08"
_HTML_SUFFIXES = (".html", ".htm")
_CANONICAL = re.compile(
    rb"<link[^>]+rel=[\"']?canonical[\"']?[^>]*href=[\"']([^\"']+)|"
    rb"<meta[^>]+property=[\"']og:url[\"'][^>]*content=[\"']([^\"']+)",
    re.I,
)

# Skip reasons, as counted in the corpus summary.
SKIP_TRUNCATED = "truncated gzip member"
SKIP_HEADERS = "non-UTF-8 WARC headers"
SKIP_TOO_BIG = f"body over {MAX_BODY // 1_000_000} MB"
SKIP_NO_URL = "no URL"
SKIP_BAD_JSON = "not a JSON object"
SKIP_EMPTY = "empty body"


class InputError(ValueError):
    """An input path that is not a WARC, JSONL or directory; one line for the user."""


@dataclass(frozen=True)
class RecordHead:
    """One record as the cheap first pass sees it."""

    ordinal: int  # position among the input's records, from 0
    offset: int | None  # byte offset to seek to (None: the format cannot seek)
    url: str  # normalised
    date: str | None  # capture time (WARC-Date) or the declared publication time
    skip: str | None = None  # reason when the headers alone rule it out


@dataclass
class Record:
    """One record's content, as the partition worker gets it."""

    ordinal: int
    url: str
    date: str | None
    body: bytes = b""  # HTML bytes (empty when `text` is given instead)
    content_type: str | None = None
    status: int | None = None  # HTTP status for WARC responses
    text: str | None = None  # JSONL: article text given directly
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    skip: str | None = None


def input_kind(path: Path) -> str:
    """ "warc", "jsonl" or "html_dir"; raises InputError for anything else."""
    if path.is_dir():
        return "html_dir"
    name = path.name.lower()
    if not path.exists():
        raise InputError(f"{path}: no such file or directory")
    if name.endswith((".warc", ".warc.gz")):
        return "warc"
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")):
        return "jsonl"
    raise InputError(
        f"{path}: not a corpus input; give .warc(.gz) files, .jsonl(.gz) files or "
        f"directories of .html files"
    )


def scan_input(path: Path) -> list[RecordHead]:
    kind = input_kind(path)
    if kind == "warc":
        return list(_scan_warc(path))
    if kind == "jsonl":
        return [head for head, _rec in _iter_jsonl(path, with_body=False)]
    return [RecordHead(i, None, url, None) for i, (url, _file) in enumerate(_html_files(path))]


def read_records(path: Path, heads: Sequence[RecordHead]) -> Iterator[Record]:
    """The records of `heads` (ordinals in increasing order), with their bodies; heads
    already skipped by the scan come back as bodiless records carrying their reason."""
    if not heads:
        return
    wanted = {h.ordinal: h for h in heads}
    for h in heads:
        if h.skip:
            yield Record(h.ordinal, h.url, h.date, skip=h.skip)
    live = sorted(o for o, h in wanted.items() if not h.skip)
    if not live:
        return
    kind = input_kind(path)
    if kind == "warc":
        by_offset = {wanted[o].offset: wanted[o] for o in live}
        yield from _read_warc(path, by_offset)
    elif kind == "jsonl":
        first = wanted[live[0]]
        for head, rec in _iter_jsonl(path, with_body=True, start=first):
            if head.ordinal > live[-1]:
                break
            if head.ordinal in wanted and not wanted[head.ordinal].skip and rec is not None:
                yield rec
    else:
        files = _html_files(path)
        for o in live:
            url, file = files[o]
            yield Record(o, url, None, body=file.read_bytes(), content_type="text/html")


# -- WARC ---------------------------------------------------------------------------------
class _StrictHeaders:
    """warcio decodes a WARC header line as UTF-8 and silently falls back to Latin-1; we
    count that as a bad record instead (a mis-decoded URL would be a wrong identity)."""

    def __init__(self) -> None:
        self.bad = False

    def __call__(self, line: bytes | str) -> str:
        if isinstance(line, str):
            return line
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            self.bad = True
            return line.decode("iso-8859-1")


def _warc_iter(fh: io.BufferedReader, start: int) -> Iterator[tuple[int, object, bool]]:
    """(offset, record, headers_bad) for each record from `start`. Bytes that do not
    parse (a gzip member cut short, garbage) come back once as (offset, None, False), and
    reading resumes at the next gzip member after them."""
    size = os.fstat(fh.fileno()).st_size
    pos = start
    while pos < size:
        fh.seek(pos)
        it = ArchiveIterator(fh)
        strict = _StrictHeaders()
        it.loader.warc_parser.decode_header = strict  # this iterator only, not the library
        end = pos
        try:
            for rec in it:
                # it.offset is the record's start until its end is read; the consumer
                # reads the content before asking for the next record.
                here = it.offset
                bad, strict.bad = strict.bad, False
                yield here, rec, bad
                end = it.get_record_offset() + it.get_record_length()
            end = max(end, it.offset)
            if size - end < 4:  # only the blank lines that close the last record
                return
        except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error):
            pass
        yield end, None, False
        nxt = _next_member(fh, end + 1)
        if nxt is None:
            return
        pos = nxt


def _next_member(fh: io.BufferedReader, pos: int) -> int | None:
    fh.seek(pos)
    buf = b""
    base = pos
    while True:
        chunk = fh.read(1 << 20)
        if not chunk:
            return None
        buf = buf[-2:] + chunk
        i = buf.find(_GZIP_MAGIC)
        if i >= 0:
            return base - (len(buf) - len(chunk)) + i
        base += len(chunk)


def _scan_warc(path: Path) -> Iterator[RecordHead]:
    ordinal = 0
    with open(path, "rb") as fh:
        for offset, rec, bad in _warc_iter(fh, 0):
            if rec is None:
                yield RecordHead(ordinal, offset, f"{path.name}@{offset}", None, SKIP_TRUNCATED)
                ordinal += 1
                continue
            if rec.rec_type != "response":
                continue  # warcinfo, request, metadata: not pages
            url = normalize_url(rec.rec_headers.get_header("WARC-Target-URI") or "")
            date = rec.rec_headers.get_header("WARC-Date")
            length = int(rec.rec_headers.get_header("Content-Length") or 0)
            skip = None
            if bad:
                skip = SKIP_HEADERS
            elif length > MAX_BODY:
                skip = SKIP_TOO_BIG
            elif not url:
                skip = SKIP_NO_URL
            yield RecordHead(ordinal, offset, url or f"{path.name}@{offset}", date, skip)
            ordinal += 1


def _read_warc(path: Path, by_offset: dict[int | None, RecordHead]) -> Iterator[Record]:
    last = max(o for o in by_offset if o is not None)
    first = min(o for o in by_offset if o is not None)
    with open(path, "rb") as fh:
        for offset, rec, _bad in _warc_iter(fh, first):
            if offset > last:
                return
            head = by_offset.get(offset)
            if head is None or rec is None:
                continue
            http = rec.http_headers
            status = None
            if http is not None:
                try:
                    status = int(http.get_statuscode())
                except (TypeError, ValueError):
                    status = None
            body = rec.content_stream().read(MAX_BODY + 1)
            yield Record(
                head.ordinal,
                head.url,
                head.date,
                body=body,
                content_type=http.get_header("Content-Type") if http is not None else None,
                status=status,
                skip=SKIP_TOO_BIG if len(body) > MAX_BODY else None,
            )


# -- JSONL --------------------------------------------------------------------------------
def _iter_jsonl(
    path: Path, with_body: bool, start: RecordHead | None = None
) -> Iterator[tuple[RecordHead, Record | None]]:
    gz = path.name.lower().endswith(".gz")
    opener = gzip.open if gz else open
    with opener(path, "rb") as fh:
        ordinal, offset = 0, 0
        if start is not None and start.offset is not None and not gz:
            fh.seek(start.offset)
            ordinal, offset = start.ordinal, start.offset
        while True:
            try:
                line = fh.readline()
            except (EOFError, OSError):  # a cut-off .gz: what was read stands
                yield (
                    RecordHead(ordinal, None, f"{path.name}:{ordinal}", None, SKIP_TRUNCATED),
                    None,
                )
                return
            if not line:
                return
            here = offset
            offset += len(line)
            if not line.strip():
                continue
            head, rec = _jsonl_record(path, ordinal, None if gz else here, line, with_body)
            yield head, rec
            ordinal += 1


def _jsonl_record(
    path: Path, ordinal: int, offset: int | None, line: bytes, with_body: bool
) -> tuple[RecordHead, Record | None]:
    where = f"{path.name}:{ordinal + 1}"
    try:
        obj = json.loads(line)
    except ValueError:
        obj = None
    if not isinstance(obj, dict):
        return RecordHead(ordinal, offset, where, None, SKIP_BAD_JSON), None
    url = normalize_url(str(obj.get("url") or ""))
    date = _str(obj.get("published")) or _str(obj.get("date"))
    html, text = obj.get("html"), obj.get("text")
    skip = None
    if not url:
        skip = SKIP_NO_URL
    elif not (isinstance(html, str) and html.strip()) and not (
        isinstance(text, str) and text.strip()
    ):
        skip = SKIP_EMPTY
    head = RecordHead(ordinal, offset, url or where, date, skip)
    if not with_body or skip:
        return head, None
    rec = Record(
        ordinal,
        head.url,
        date,
        title=_str(obj.get("title")),
        published=date,
        outlet=_str(obj.get("outlet")),
    )
    if isinstance(html, str) and html.strip():
        rec.body = html.encode("utf-8", "surrogatepass")
        rec.content_type = "text/html; charset=utf-8"
    else:
        rec.text = text
    if len(rec.body) > MAX_BODY or len(rec.text or "") > MAX_BODY:
        rec.skip = SKIP_TOO_BIG
        rec.body, rec.text = b"", None
    return head, rec


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


# -- directories of .html -----------------------------------------------------------------
def _html_files(path: Path) -> list[tuple[str, Path]]:
    """(URL, file) in a stable order: the page's own canonical / og:url when it names an
    http(s) one, else a file: URL."""
    files = sorted(
        p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(_HTML_SUFFIXES)
    )
    out = []
    for f in files:
        with open(f, "rb") as fh:
            head = fh.read(65536)
        m = _CANONICAL.search(head)
        found = (m.group(1) or m.group(2)).decode("utf-8", "replace") if m else ""
        url = normalize_url(found) if found.startswith(("http://", "https://")) else ""
        out.append((url or f.resolve().as_uri(), f))
    return out
