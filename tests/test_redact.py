"""A password in a URL never reaches the database or the terminal, even when the URL
does not parse (issue 11, case 4)."""

from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from newsprov.cli import main
from scraper.guard import redact_url

URLS = [
    "http://alice:secret@[::1/a",  # unparseable: bracket never closed
    "http://alice:secret@host.test:99999/a",  # unparseable: port out of range
    "http://alice:secret@127.0.0.1:1/x",  # parses; refused for its credentials
    "http://alice:secret@news.test/" + "long-path/" * 20,  # longer than a message shows
]


@pytest.mark.parametrize("url", URLS)
def test_redact_url_masks_the_password_before_parsing(url):
    assert "secret" not in redact_url(url) and "alice" not in redact_url(url)
    assert "***@" in redact_url(url)


def test_redact_url_leaves_plain_urls_alone():
    for url in ("http://news.test/a?b=c@d", "https://x.test/p", "mailto:a@b.test", "[::1/a"):
        assert redact_url(url) == url


def test_scrape_never_stores_or_prints_a_password(tmp_path):
    db = tmp_path / "n.db"
    result = CliRunner().invoke(main, ["scrape", "--db", str(db), "--no-related", *URLS])
    assert result.exit_code == 1
    assert "secret" not in result.output
    assert result.output.count("refused") == len(URLS), result.output
    con = sqlite3.connect(db)
    dump = "\n".join(con.iterdump())
    assert "secret" not in dump
    rows = con.execute("SELECT url, error FROM fetches").fetchall()
    assert len(rows) == len(URLS) and all("***@" in u for u, _ in rows)
