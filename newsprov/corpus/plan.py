"""The first pass of `corpus annotate`: scan every input's record headers, give each URL
one owner record, and cut the records into partitions with stable ids.

Ownership is decided before any page is parsed, from the headers alone, so it does not
depend on which worker finishes first: the owner of a URL is its record with the earliest
capture time (WARC-Date), ties broken by the input's position in the sorted input list
and then by the record's position in its input. Every other record of that URL is a
duplicate, listed in `duplicates/` with the copy that was kept.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from db.parquet import article_key, write_table
from scraper.records import RecordHead, input_kind

MANIFEST = "_manifest.json"
FORMAT = 1


class CorpusError(ValueError):
    """A corpus run that cannot start; the message is one line saying what to do."""


@dataclass
class InputFile:
    path: str
    size: int
    mtime_ns: int
    kind: str

    @classmethod
    def of(cls, path: Path) -> InputFile:
        st = path.stat()
        return cls(str(path.resolve()), st.st_size, st.st_mtime_ns, input_kind(path))

    @property
    def token(self) -> str:
        return hashlib.sha256(self.path.encode()).hexdigest()[:10]


@dataclass
class Partition:
    pid: str
    source: str
    heads: list[RecordHead]
    owned: list[bool]


@dataclass
class Plan:
    inputs: list[InputFile]
    partitions: list[Partition] = field(default_factory=list)
    duplicates: int = 0

    @property
    def records(self) -> int:
        return sum(len(p.heads) for p in self.partitions)


def resolve_inputs(paths: list[Path]) -> list[InputFile]:
    files = sorted(
        {InputFile.of(p).path: InputFile.of(p) for p in paths}.values(), key=lambda f: f.path
    )
    if not files:
        raise CorpusError("no inputs: give .warc(.gz), .jsonl(.gz) files or directories of .html")
    return files


def check_manifest(
    out: Path, inputs: list[InputFile], partition_size: int
) -> dict[str, Any] | None:
    """The existing manifest, after checking that this run continues the same corpus (other
    inputs or another partition size would assign records and URLs differently)."""
    path = out / MANIFEST
    if not path.exists():
        return None
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("partition_size") != partition_size:
        raise CorpusError(
            f"{out} was started with --partition-size {manifest.get('partition_size')}; "
            f"re-run with that size to resume, or choose a new --out"
        )
    before = [(i["path"], i["size"]) for i in manifest.get("inputs", [])]
    now = [(i.path, i.size) for i in inputs]
    if before != now:
        raise CorpusError(
            f"{out} holds a corpus made from other inputs (or inputs that changed since); "
            f"re-run with the same inputs to resume, or choose a new --out"
        )
    return manifest


def scan_cache(out: Path, inp: InputFile) -> Path:
    return out / "_plan" / f"scan-{inp.token}-{inp.size}-{inp.mtime_ns}.parquet"


def save_scan(path: Path, heads: list[RecordHead]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    cols = ["ordinal", "offset", "url", "date", "skip"]
    table = pa.table({c: [getattr(h, c) for h in heads] for c in cols})
    tmp = path.with_name(".tmp-" + path.name)
    pq.write_table(table, tmp)
    tmp.replace(path)


def load_scan(path: Path) -> list[RecordHead] | None:
    if not path.exists():
        return None
    rows = pq.read_table(path).to_pylist()
    return [RecordHead(**r) for r in rows]


def make_plan(
    out: Path, inputs: list[InputFile], scans: list[list[RecordHead]], partition_size: int
) -> Plan:
    """Owners, duplicates (written to duplicates/) and partitions from the scans."""
    best: dict[str, tuple[str, int, int]] = {}
    for n, heads in enumerate(scans):
        for h in heads:
            if h.skip:
                continue
            rank = (h.date or "9999", n, h.ordinal)
            if h.url not in best or rank < best[h.url]:
                best[h.url] = rank
    dup_rows = []
    plan = Plan(inputs)
    for n, (inp, heads) in enumerate(zip(inputs, scans, strict=True)):
        owned = []
        for h in heads:
            mine = h.skip is not None or best[h.url][1:] == (n, h.ordinal)
            owned.append(mine)
            if not mine:
                date, kn, ko = best[h.url]
                dup_rows.append(
                    {
                        "article_key": article_key(h.url),
                        "url": h.url,
                        "kept_source": inputs[kn].path,
                        "kept_record": ko,
                        "kept_date": None if date == "9999" else date,
                        "source": inp.path,
                        "record": h.ordinal,
                        "date": h.date,
                    }
                )
        for start in range(0, len(heads), partition_size):
            plan.partitions.append(
                Partition(
                    f"{inp.token}-{start:09d}",
                    inp.path,
                    heads[start : start + partition_size],
                    owned[start : start + partition_size],
                )
            )
    plan.duplicates = len(dup_rows)
    write_table(out, "duplicates", "part-plan", dup_rows)
    return plan
