"""Bad input gets one line or a 4xx, never a traceback or a 500 (issue 11, case 5)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from plugin_data import build_db

from db.plugin.app import make_datasette
from db.plugin.queries import CANNED
from newsprov.cli import main

HUGE = str(2**63)


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("bad") / "newsprov.db"
    build_db(path)
    return path


def one_line_error(result) -> str:
    assert result.exit_code not in (0, None), result.output
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize(
    "option",
    [
        ["--allow-host", "localhost:abc"],
        ["--connect-to", "x.test=127.0.0.1:abc"],
        ["--connect-to", "x.test=127.0.0.1:99999"],
    ],
)
def test_bad_fetch_options_are_one_line(tmp_path, option):
    args = ["scrape", "--db", str(tmp_path / "n.db"), *option, "http://x.test/"]
    line = one_line_error(CliRunner().invoke(main, args))
    assert option[0] in line and "bad port" in line


@pytest.mark.parametrize(
    "command",
    [
        ["export", "--csv", "-", "--article", HUGE],
        ["trace", HUGE],
        ["related", HUGE],
        ["open", HUGE],
        ["annotate", HUGE],
        ["trace", "99999999999999999999999999"],
    ],
)
def test_ids_beyond_sqlite_integers_are_one_line(db_path, command):
    line = one_line_error(CliRunner().invoke(main, [*command, "--db", str(db_path)]))
    assert "no article" in line


@pytest.mark.parametrize("value", ["99999999999999999999999", "abc", "-1", "1e5", "１"])
async def test_xlcsv_article_filter_that_is_no_id_is_a_400(db_path, value):
    ds = make_datasette(db_path)
    for param in ("article_id", "article_id__exact"):
        response = await ds.client.get(f"/{db_path.stem}/articles.xlcsv?{param}={value}")
        assert response.status_code == 400, (param, value, response.status_code)
        assert "article_id must be" in response.text
        assert "flag_type" not in response.text  # never "export everything"


async def test_xlcsv_article_filter_still_works(db_path):
    ds = make_datasette(db_path)
    response = await ds.client.get(f"/{db_path.stem}/articles.xlcsv?article_id=1")
    assert response.status_code == 200
    ids = {line.split(",")[0] for line in response.text.splitlines()[1:] if line}
    assert ids == {"1"}


@pytest.mark.parametrize("suffix", ["", ".json", ".csv"])
async def test_post_to_a_canned_query_is_405(db_path, suffix):
    ds = make_datasette(db_path)
    for name in CANNED:
        response = await ds.client.post(f"/{db_path.stem}/{name}{suffix}", data={"a": "1"})
        assert response.status_code == 405, (name, response.status_code)
        assert "GET" in response.headers["allow"]
