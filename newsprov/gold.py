"""Reading the hand-labelled gold set (tests/gold/, tests/heldout/) into `GoldArticle`s,
each gold sentence and span placed at its offset in the article text.

Gold files (format in docs/interfaces.md):
- `<name>.txt`: the article text.
- `<name>.sourcing.toml`: `[[sentence]]` tables with `text` (an exact prefix of the sentence,
  unique in the article unless `occurrence` picks one) and `sourcing` (a label or "none").
- `<name>.framing.toml`: `neutral = true|false`, `[[span]]` with `text`, optional `occurrence`,
  `category`, `in_quote`.

A file that cannot be used raises `GoldError` with one line naming the file and the fix.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from annotate.models import SOURCING_LABELS

NONE = "none"
LABELS = (*SOURCING_LABELS, NONE)


class GoldError(ValueError):
    """A gold file cannot be used (bad TOML, text not found in the article, unknown label)."""


@dataclass(frozen=True)
class GoldSentence:
    start: int  # offset of the sentence's first character in the article
    text: str  # the prefix as written in the gold file
    label: str  # one of LABELS


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str
    category: str
    in_quote: bool


@dataclass
class GoldArticle:
    name: str
    text: str
    sentences: list[GoldSentence] | None = None  # None: no sourcing gold for this article
    spans: list[GoldSpan] | None = None  # None: no framing gold for this article
    neutral: bool = False

    @property
    def words(self) -> int:
        return len(self.text.split())


def _find(text: str, needle: str, occurrence: int, where: str) -> int:
    pos = -1
    for _ in range(occurrence):
        pos = text.find(needle, pos + 1)
        if pos < 0:
            raise GoldError(f"{where}: {needle!r} (occurrence {occurrence}) is not in the text")
    return pos


def _load_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GoldError(f"{path}: not valid TOML ({exc}); fix the file") from exc


def load_gold_article(txt: Path) -> GoldArticle:
    text = txt.read_text(encoding="utf-8")
    name = txt.name.removesuffix(".txt")
    art = GoldArticle(name=name, text=text)
    src = txt.with_name(f"{name}.sourcing.toml")
    if src.exists():
        art.sentences = []
        for row in _load_toml(src).get("sentence", []):
            label = row.get("sourcing", NONE)
            if label not in LABELS:
                raise GoldError(f"{src}: unknown label {label!r}; use one of {', '.join(LABELS)}")
            occ = int(row.get("occurrence", 1))
            if "occurrence" not in row and text.count(row["text"]) > 1:
                raise GoldError(
                    f"{src}: {row['text']!r} is not unique; lengthen it or add occurrence"
                )
            start = _find(text, row["text"], occ, str(src))
            art.sentences.append(GoldSentence(start, row["text"], label))
        art.sentences.sort(key=lambda g: g.start)
    fr = txt.with_name(f"{name}.framing.toml")
    if fr.exists():
        data = _load_toml(fr)
        art.neutral = bool(data.get("neutral", False))
        art.spans = []
        for row in data.get("span", []):
            start = _find(text, row["text"], int(row.get("occurrence", 1)), str(fr))
            art.spans.append(
                GoldSpan(
                    start,
                    start + len(row["text"]),
                    row["text"],
                    row.get("category", ""),
                    bool(row.get("in_quote", False)),
                )
            )
    return art


def load_gold(gold_dir: Path, select: str = "*") -> list[GoldArticle]:
    """Every `<name>.txt` in `gold_dir` (names matching the `select` glob) that has a
    sourcing or framing gold file."""
    if not gold_dir.is_dir():
        raise GoldError(f"gold folder {gold_dir} does not exist: pass --gold DIR")
    arts = [load_gold_article(p) for p in sorted(gold_dir.glob(f"{select}.txt"))]
    arts = [a for a in arts if a.sentences is not None or a.spans is not None]
    if not arts:
        raise GoldError(
            f"no gold files in {gold_dir}: expected <name>.txt with <name>.sourcing.toml"
        )
    return arts
