"""The editor CSV: one row per flag, in a column order that never changes.

Columns (`COLUMNS`, in this order):

- article_id, article_title, article_url, outlet (registered domain), published
- sentence_number (1-based), sentence
- flag_type: "unsourced" (a sentence with an unsourced label) or "framing" (a phrase)
- label: the sourcing label or the framing category
- cue_or_phrase: the attribution cue of an unsourced sentence, or the framing phrase
- source: who or what the sentence is attributed to (unsourced rows)
- in_quote: "yes" when the flagged words are inside a quotation, else "no"
- reason: why it was flagged, in the annotator's words
- question: a short question for the reporter
- entry: the rule or lexicon entry id (for maintainers)
- tier: query or routine (unsourced rows), strong or mild (framing rows)

Tiers (DESIGN.md "Labels"). By default only the flags an editor should act on are
exported: unsourced sentences of tier `query` and framing phrases of tier `strong`. One
`tier` setting picks both: query (query sentences, strong phrases; the default), routine
(routine sentences, mild phrases) or all; `framing_tier` (strong, mild or all) overrides the
framing half. A flag stored without a tier counts as query / strong (shown, not hidden).

Rows come ordered by article, then position in the text (a sentence flag before the
phrases inside it). The file is UTF-8 with a byte-order mark (Excel on Windows otherwise
garbles accents), CRLF line ends, and any cell that Excel would read as a formula
(starting with = + - @, tab or CR) prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime
from os import PathLike
from typing import IO, Any

import sqlite_utils

COLUMNS: tuple[str, ...] = (
    "article_id",
    "article_title",
    "article_url",
    "outlet",
    "published",
    "sentence_number",
    "sentence",
    "flag_type",
    "label",
    "cue_or_phrase",
    "source",
    "in_quote",
    "reason",
    "question",
    "entry",
    "tier",
)
FLAG_TYPES = ("unsourced", "framing")
TIER_CHOICES = ("query", "routine", "all")
FRAMING_TIER_CHOICES = ("strong", "mild", "all")
# `tier` for both flag types: the framing tier that goes with each sourcing tier
FRAMING_TIER_FOR = {"query": "strong", "routine": "mild", "all": "all"}
BOM = "\ufeff"
# Excel (and LibreOffice, Google Sheets) evaluate a cell starting with these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")

# Two SELECTs with the same shape: a sentence flag starts at the sentence, a phrase at
# itself; `kind` 0 sorts the sentence before the phrases that begin where it does.
_UNSOURCED_SQL = """
SELECT a.article_id, a.title, a.url, a.outlet_id, a.published,
       s.idx, s.text AS sentence, 'unsourced' AS flag_type, s.sourcing AS label,
       s.cue AS cue_or_phrase, s.source, s.in_quote, s.reason, s.rule AS entry,
       c.figures, s.start AS pos, 0 AS kind, s.end AS pos_end,
       coalesce(s.tier, 'query') AS tier
FROM sentences s
JOIN articles a ON a.article_id = s.article_id
LEFT JOIN claims c ON c.sentence_id = s.sentence_id
WHERE s.unsourced = 1 AND {where} AND {tier}
"""
_FRAMING_SQL = """
SELECT a.article_id, a.title, a.url, a.outlet_id, a.published,
       s.idx, s.text AS sentence, 'framing' AS flag_type, f.category AS label,
       f.text AS cue_or_phrase, NULL AS source, f.in_quote, f.reason, f.entry,
       NULL AS figures, f.start AS pos, 1 AS kind, f.end AS pos_end,
       coalesce(f.tier, 'strong') AS tier
FROM framing f
JOIN articles a ON a.article_id = f.article_id
LEFT JOIN sentences s ON s.sentence_id = f.sentence_id
WHERE {where} AND {tier}
"""


def normalise_since(value: str | date | datetime) -> str:
    """Normalise --since to the stored form so text comparison is date comparison;
    ValueError (with the fix in its message) for anything that is not a date."""
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=UTC)
        return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return normalise_since(datetime.fromisoformat(text))
    except ValueError:
        raise ValueError(f"since {value!r} is not a date: use YYYY-MM-DD") from None


def _flags(flags: str | Iterable[str]) -> tuple[str, ...]:
    wanted = flags.split(",") if isinstance(flags, str) else list(flags)
    wanted = [f.strip() for f in wanted if f.strip()]
    bad = [f for f in wanted if f not in FLAG_TYPES]
    if bad or not wanted:
        raise ValueError(f"flags {', '.join(bad) or '(none)'}: use unsourced, framing or both")
    return tuple(dict.fromkeys(wanted))


def tiers(tier: str | None = None, framing_tier: str | None = None) -> tuple[str, str]:
    """(sourcing tier, framing tier) to export, each a value or 'all'; ValueError (with
    the fix) for anything else. `tier` alone sets both (query -> strong, routine -> mild)."""
    tier = (tier or "query").strip().lower()
    if tier not in TIER_CHOICES:
        raise ValueError(f"tier {tier!r}: use query, routine or all")
    ftier = (framing_tier or FRAMING_TIER_FOR[tier]).strip().lower()
    if ftier not in FRAMING_TIER_CHOICES:
        raise ValueError(f"framing tier {ftier!r}: use strong, mild or all")
    return tier, ftier


def export_rows(
    db: sqlite_utils.Database | sqlite3.Connection,
    article: int | None = None,
    outlet: str | None = None,
    since: str | date | datetime | None = None,
    flags: str | Sequence[str] = FLAG_TYPES,
    tier: str | None = None,
    framing_tier: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield one dict per flag (keys = COLUMNS), streamed from a cursor.

    `db` may be a sqlite-utils Database or a plain sqlite3 connection (what Datasette's
    `execute_fn` hands out). `article` is an article_id; `outlet` a registered domain
    (a leading "www." is ignored); `since` keeps articles published on or after that date
    (articles without a date are left out then). `tier` / `framing_tier`: see the module
    docstring (default: query sentences and strong phrases). Raises ValueError for bad
    filters.
    """
    conn = db.conn if isinstance(db, sqlite_utils.Database) else db
    wanted = _flags(flags)
    stier, ftier = tiers(tier, framing_tier)
    where, params = ["1"], []
    if article is not None:
        where.append("a.article_id = ?")
        params.append(int(article))
    if outlet:
        where.append("a.outlet_id = ?")
        params.append(outlet.strip().lower().removeprefix("www."))
    if since is not None:
        where.append("a.published >= ?")
        params.append(normalise_since(since))
    clause = " AND ".join(where)
    parts, all_params = [], []
    if "unsourced" in wanted:
        swhere = "1" if stier == "all" else "coalesce(s.tier, 'query') = ?"
        parts.append(_UNSOURCED_SQL.format(where=clause, tier=swhere))
        all_params += params + ([] if stier == "all" else [stier])
    if "framing" in wanted:
        fwhere = "1" if ftier == "all" else "coalesce(f.tier, 'strong') = ?"
        parts.append(_FRAMING_SQL.format(where=clause, tier=fwhere))
        all_params += params + ([] if ftier == "all" else [ftier])
    sql = " UNION ALL ".join(parts) + " ORDER BY 1, pos, kind, pos_end, label"
    # The SQL is assembled from the constant fragments above; values go in as parameters.
    for r in conn.execute(sql, all_params):
        row = {
            "article_id": r[0],
            "article_title": r[1],
            "article_url": r[2],
            "outlet": r[3],
            "published": r[4],
            "sentence_number": r[5],
            "sentence": r[6],
            "flag_type": r[7],
            "label": r[8],
            "cue_or_phrase": r[9],
            "source": r[10],
            "in_quote": "yes" if r[11] else "no",
            "reason": r[12],
            "question": "",
            "entry": r[13],
            "tier": r[18],
        }
        row["question"] = question_for(row, figure=_first_figure(r[14]))
        yield row


def _first_figure(figures_json: str | None) -> str | None:
    try:
        figures = json.loads(figures_json) if figures_json else []
    except ValueError:
        return None
    texts = [f.get("text") for f in figures if isinstance(f, dict) and f.get("text")]
    # "In 2024, 685 personnel were killed": nobody counted the 2024
    return next((t for t in texts if not _YEAR.fullmatch(t.strip())), None)


# -- questions for the reporter --------------------------------------------------------------
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s?%| per ?cent)?")
_PLAIN_COUNT = re.compile(r"\d[\d,]*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_QUANTIFIERS = re.compile(
    r"^(?:(?:many|some|most|several|numerous|various|other|certain|leading|the|a|few|"
    r"number|of|lot|lots|growing|widely)\s+)+",
    re.IGNORECASE,
)
# cue word -> the verb an editor would ask about
_AGENTLESS_VERBS = (
    ("believ", "believes"),
    ("report", "reports"),
    ("expect", "expects"),
    ("thought", "thinks"),
    ("think", "thinks"),
    ("understood", "says"),
    ("said", "says"),
    ("say", "says"),
    ("claim", "claims"),
    ("estimat", "estimates"),
    ("allege", "alleges"),
    ("fear", "fears"),
    ("known", "knows"),
    ("suspect", "suspects"),
)
_QUESTIONS = {
    "vague_document": "Which documents? Who holds them, and can we see them?",
    "anonymous_source": "Who are the sources, and why are they unnamed?",
}


def _short(phrase: str, limit: int = 60) -> str:
    phrase = " ".join(phrase.split())
    return phrase if len(phrase) <= limit else phrase[: limit - 1].rstrip() + "…"


def question_for(row: Mapping[str, Any], figure: str | None = None) -> str:
    """A short question for the reporter, specific to the flag in `row` (an export row).

    `figure` is the first figure of the sentence's claim; without it the first number in
    the sentence is used.
    """
    label = row.get("label")
    phrase = _short(str(row.get("cue_or_phrase") or ""))
    if row.get("flag_type") == "framing":
        if row.get("in_quote") in ("yes", True, 1):
            return (
                f"'{phrase}' is a source's word: is it clear who said it, and is the quote needed?"
            )
        return f"Is '{phrase}' the outlet's word or a source's? Would a neutral word do?"
    if label in _QUESTIONS:
        return _QUESTIONS[label]
    if label == "weasel":
        who = _QUANTIFIERS.sub("", str(row.get("source") or "")).strip(" ,.")
        if who:
            return f"Which {_short(who, 40).lower()}? Can we name one?"
        return "Who exactly? Can we name one?"
    if label == "agentless":
        cue = phrase.lower()
        verb = next((v for stem, v in _AGENTLESS_VERBS if stem in cue), "says")
        return f"Who {verb} this?"
    if label == "unattributed_claim":
        if figure is None:
            numbers = (m.group(0).strip() for m in _NUMBER.finditer(str(row.get("sentence") or "")))
            figure = next((n for n in numbers if not _YEAR.fullmatch(n)), None)
        if figure:
            if _PLAIN_COUNT.fullmatch(figure):
                return f"Who counted the {figure}?"
            return f"Where does the figure '{_short(figure, 40)}' come from?"
        return "What is the source for this claim?"
    return "What is the source for this?"


# -- CSV ----------------------------------------------------------------------------------
def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        # The apostrophe makes spreadsheets show the text as typed instead of evaluating it.
        return "'" + value
    return value


def iter_csv(rows: Iterable[Mapping[str, Any]], rows_per_chunk: int = 500) -> Iterator[str]:
    """Yield the CSV as text chunks: BOM and header first, then `rows_per_chunk` rows at a
    time. Encode each chunk as UTF-8 (for a streamed HTTP response, for example)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    buf.write(BOM)
    writer.writerow(COLUMNS)
    n = 0
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in COLUMNS])
        n += 1
        if n % rows_per_chunk == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def write_csv(
    rows: Iterable[Mapping[str, Any]], path_or_file: str | PathLike[str] | IO[Any]
) -> int:
    """Write the editor CSV to a path or an open file (binary, or text opened with
    newline=""); returns the number of flag rows written."""
    count = 0

    def counted() -> Iterator[Mapping[str, Any]]:
        nonlocal count
        for row in rows:
            count += 1
            yield row

    if isinstance(path_or_file, (str, PathLike)):
        with open(path_or_file, "wb") as fh:
            for chunk in iter_csv(counted()):
                fh.write(chunk.encode("utf-8"))
        return count
    binary = not isinstance(path_or_file, io.TextIOBase)
    for chunk in iter_csv(counted()):
        path_or_file.write(chunk.encode("utf-8") if binary else chunk)
    path_or_file.flush()
    return count
