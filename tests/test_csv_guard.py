"""One CSV formula guard for every path: `newsprov export`, `.xlcsv` and Datasette's
`.csv`, fullwidth ＝ ＋ － ＠ included (issue 11, case 7)."""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner
from db_builders import TEXT, annotation, extracted, fetched

from db import store
from db.plugin.app import make_datasette
from db.schema import open_db
from newsprov.cli import main

TITLES = [
    '＝HYPERLINK("http://evil.test","x")',
    "＋cmd|' /C calc'!A0",
    "－2+3+cmd|' /C calc'!A0",
    "＠SUM(1+1)*cmd|' /C calc'!A0",
    ' =HYPERLINK("http://evil.test")',
    "\u3000＝1+1",
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("csv") / "newsprov.db"
    db = open_db(str(path))
    run_id = store.start_run(db, "scrape", {})
    for n, title in enumerate(TITLES):
        url = f"http://nationpress.test/{n}"
        fid = store.save_fetch(db, fetched(url=url), run_id)
        aid = store.save_article(db, extracted(url=url, title=title), fid, url)
        store.save_annotation(db, aid, annotation(TEXT), run_id)
    db.conn.close()
    return path


def titles_in(text: str, column: str) -> set[str]:
    return {row[column] for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def assert_guarded(cells: set[str]) -> None:
    assert cells == {"'" + t for t in TITLES}, cells


def test_cli_export_guards_fullwidth_formulas(db_path, tmp_path):
    out = tmp_path / "flags.csv"
    result = CliRunner().invoke(main, ["export", "--csv", str(out), "--db", str(db_path)])
    assert result.exit_code == 0, result.output
    assert_guarded(titles_in(out.read_text("utf-8-sig"), "article_title"))


async def test_xlcsv_guards_fullwidth_formulas(db_path):
    ds = make_datasette(db_path)
    response = await ds.client.get(f"/{db_path.stem}/articles.xlcsv")
    assert response.status_code == 200
    assert_guarded(titles_in(response.text, "article_title"))


async def test_datasette_csv_guards_fullwidth_formulas(db_path):
    ds = make_datasette(db_path)
    response = await ds.client.get(f"/{db_path.stem}/articles.csv?_col=title&_size=max")
    assert response.status_code == 200
    assert_guarded(titles_in(response.text, "title"))
