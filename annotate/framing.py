"""Framing spans from the TOML lexicons. (Skeleton: exact lower-case phrases; issue 4 replaces this.)"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from annotate.models import FramingSpan
from annotate.quotes import inside


def _load_entries(extra_paths: Sequence[Path]) -> tuple[list[dict], str]:
    raw = [
        f.read_bytes()
        for f in sorted(resources.files("annotate.lexicons").iterdir(), key=lambda p: p.name)
        if f.name.startswith("framing") and f.name.endswith(".toml")
    ] + [Path(p).read_bytes() for p in extra_paths]
    entries = [e for blob in raw for e in tomllib.loads(blob.decode()).get("entry", [])]
    return entries, hashlib.sha256(b"".join(raw)).hexdigest()


class FramingMatcher:
    def __init__(self, nlp: Language, extra_paths: Sequence[Path] = (), disabled: Iterable[str] = ()) -> None:
        entries, self._hash = _load_entries(extra_paths)
        off = set(disabled)
        self.entries = {e["id"]: e for e in entries if e["id"] not in off}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for eid, e in self.entries.items():
            self.matcher.add(eid, [nlp.make_doc(e["pattern"])])

    def fingerprint(self) -> str:
        return self._hash

    def find(self, doc: Doc, quotes: list[tuple[int, int]]) -> list[FramingSpan]:
        out = []
        for match_id, start, end in self.matcher(doc):
            eid = doc.vocab.strings[match_id]
            e, span = self.entries[eid], doc[start:end]
            out.append(
                FramingSpan(
                    start=span.start_char,
                    end=span.end_char,
                    text=span.text,
                    category=e["category"],
                    entry=eid,
                    reason=e["rationale"],
                    in_quote=inside(span.start_char, span.end_char, quotes),
                )
            )
        return sorted(out, key=lambda s: (s.start, s.end))
