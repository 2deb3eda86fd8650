"""Corpus inputs for the corpus tests and bench: WARC files built from the bundled sample
pages (fictional outlets) with warcio, plus the bad records a real crawl contains."""

from __future__ import annotations

import gzip
import io
import json
import random
import re
from collections.abc import Iterable
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "newsprov" / "sample"
FIXTURES = ROOT / "tests" / "fixtures"


def sample_pages() -> list[tuple[str, bytes]]:
    """(url, html) of every bundled sample article page, in a stable order."""
    out = []
    for p in sorted(SAMPLE.rglob("*.html")):
        out.append(("http://" + str(p.relative_to(SAMPLE)), p.read_bytes()))
    return out


def _record(
    writer: WARCWriter,
    url: str,
    body: bytes,
    date: str,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    rec = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        length=len(body),
        http_headers=http,
        warc_headers_dict={"WARC-Date": date},
    )
    writer.write_record(rec)


def write_warc(path: Path, records: Iterable[tuple[str, bytes, str]], gz: bool = True) -> Path:
    """Write (url, html, warc_date) response records, one gzip member each."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, body, date in records:
            _record(writer, url, body, date)
    return path


def variant(html: bytes, n: int, seed: int = 0) -> bytes:
    """The page with its URL-visible identity and some words changed, so pages differ:
    figures shifted and a numbered sentence added, with a fixed seed."""
    rng = random.Random(seed * 100_003 + n)
    text = html.decode("utf-8")

    def shift(m: re.Match) -> str:
        return str(int(m.group(0)) + rng.randint(1, 9))

    body_start = text.find("<p")
    text = text[:body_start] + re.sub(r"(?<![\d.])\d{2,3}(?![\d.])", shift, text[body_start:])
    extra = f"<p>Reporting for edition {n} was updated by the desk on day {rng.randint(1, 28)}.</p>"
    return text.replace("</p>", "</p>" + extra, 1).encode("utf-8")


def corpus_records(n: int, seed: int = 0, day: int = 1) -> list[tuple[str, bytes, str]]:
    """n page records from the sample pages, each under its own URL and rewritten."""
    pages = sample_pages()
    out = []
    for i in range(n):
        url, html = pages[i % len(pages)]
        new_url = re.sub(r"\.html$", f"-{i}.html", url)
        # the page's own canonical link moves with it: each variant is its own article
        page = html.replace(url.split("://", 1)[1].encode(), new_url.split("://", 1)[1].encode())
        out.append((new_url, variant(page, i, seed), f"2025-02-{day:02d}T{i % 24:02d}:00:00Z"))
    return out


def append_bad_records(path: Path) -> dict[str, int]:
    """Append the bad records of a real crawl to a gzipped WARC: a PDF, an empty body, a
    non-article page, a 20 MB body, a record with non-UTF-8 headers, and last a gzip
    member cut short. Returns the skip reasons expected, with counts."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    pdf = (FIXTURES / "site" / "_default" / "doc.pdf").read_bytes()
    _record(writer, "http://bad.test/report.pdf", pdf, "2025-02-01T00:00:00Z", "application/pdf")
    _record(writer, "http://bad.test/empty.html", b"", "2025-02-01T00:00:00Z")
    home = (FIXTURES / "site" / "_default" / "bad" / "homepage.html").read_bytes()
    _record(writer, "http://bad.test/", home, "2025-02-01T00:00:00Z")
    big = b"<html><body><p>" + b"padding words " * (20_000_000 // 14) + b"</p></body></html>"
    _record(writer, "http://bad.test/huge.html", big, "2025-02-01T00:00:00Z")
    with open(path, "ab") as fh:
        fh.write(buf.getvalue())
        # warcio decodes headers itself, so the non-UTF-8 record is written by hand
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><p>x</p></html>"
        head = (
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bad.test/caf\xe9.html\r\n"
            b"WARC-Date: 2025-02-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:0000-bad>\r\n"
            b"Content-Type: application/http; msgtype=response\r\n"
            b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n"
        )
        fh.write(gzip.compress(head + payload + b"\r\n\r\n"))
        member = io.BytesIO()
        cut = WARCWriter(member, gzip=True)
        _record(cut, "http://bad.test/cut.html", b"<html>" + b"x" * 5000, "2025-02-01T00:00:00Z")
        data = member.getvalue()
        fh.write(data[: len(data) // 2])
    return {
        "PDF": 1,
        "empty body": 1,
        "not an article": 1,
        "body over 10 MB": 1,
        "non-UTF-8 WARC headers": 1,
        "truncated gzip member": 1,
    }


def write_jsonl(path: Path, rows: Iterable[dict]) -> Path:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
    return path


def annotate_in_process(inputs: list[Path], out: Path, partition_size: int = 4) -> None:
    """`corpus annotate` without a cluster: the same scan, plan, partition tasks and
    manifest, run one after another in this process (for tests of what reads a corpus)."""
    from newsprov.corpus.plan import make_plan, resolve_inputs
    from newsprov.corpus.run import Summary, finish
    from newsprov.corpus.worker import PartitionTask, run_partition
    from scraper.records import scan_input

    files = resolve_inputs(inputs)
    plan = make_plan(out, files, [scan_input(Path(f.path)) for f in files], partition_size)
    for p in plan.partitions:
        run_partition(PartitionTask(p.pid, p.source, p.heads, p.owned, str(out)))
    finish(out, plan, partition_size, Summary(records=plan.records))
