"""Scraped text and request data never reach a terminal or log with their escape
sequences (issue 11, case 6)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from db_builders import TEXT, S, annotation, default_sentences, extracted, fetched

from db import store
from db.plugin.app import make_datasette
from db.schema import open_db
from newsprov.cli import main
from scraper.guard import for_terminal, json_for_terminal

# A window-title OSC, a hyperlink OSC, a C1 CSI that clears the screen, a bidi override
# and a bare carriage return that would overwrite the line.
HOSTILE = (
    "\x1b]0;pwned\x07 \x1b]8;;http://evil.test\x1b\\click\x1b]8;;\x1b\\ \x9b2J \u202edesrever\rX"
)
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\r")
SENTENCE = f"The mayor {HOSTILE} said 12 jobs would go."


def assert_clean(output: str) -> None:
    for c in RAW:
        assert c not in output, (c, output)


def test_for_terminal_neutralises_every_control():
    shown = for_terminal(HOSTILE)
    assert_clean(shown)
    assert "\\x1b]0;pwned\\x07" in shown and "\\u202e" in shown  # visible, not dropped
    assert for_terminal("Zoë said – “fine”\u00a0ok") == "Zoë said – “fine”\u00a0ok"
    dumped = json.dumps({"t": HOSTILE}, ensure_ascii=False)
    assert json.loads(json_for_terminal(dumped)) == {"t": HOSTILE}
    assert_clean(json_for_terminal(dumped))


@pytest.fixture
def hostile_db(tmp_path):
    path = tmp_path / "n.db"
    db = open_db(str(path))
    run_id = store.start_run(db, "scrape", {})
    text = TEXT + " " + SENTENCE
    sents = [*default_sentences(), S(SENTENCE, "agentless", figures=["12"])]
    ids = []
    for url, name in (
        ("http://nationpress.test/a", "Nation " + HOSTILE),
        ("http://evil.test/b", "Evil " + HOSTILE),
    ):
        fid = store.save_fetch(db, fetched(url=url), run_id)
        aid = store.save_article(
            db, extracted(url=url, text=text, title="T " + HOSTILE, outlet_name=name), fid, url
        )
        store.save_annotation(db, aid, annotation(text, sentences=sents), run_id)
        ids.append(aid)
    store.save_related(db, ids[0], ids[1], "links", 0.9, True, evidence={"entities": [HOSTILE]})
    db.conn.close()
    return path, ids


@pytest.mark.parametrize("command", ["trace", "related"])
@pytest.mark.parametrize("as_json", [[], ["--json"]])
def test_trace_and_related_print_no_escape_sequences(hostile_db, command, as_json):
    path, ids = hostile_db
    result = CliRunner().invoke(main, [command, str(ids[0]), "--db", str(path), *as_json])
    assert result.exit_code == 0, result.output
    assert "pwned" in result.output  # the text is shown, its controls are not
    assert_clean(result.output)


def test_batch_summary_prints_no_escape_sequences(tmp_path):
    bad = "http://x.test/\x1b]0;pwned\x07"
    result = CliRunner().invoke(
        main, ["scrape", "--db", str(tmp_path / "n.db"), "--no-related", bad, "ftp://\x9b2J"]
    )
    assert result.exit_code == 1 and "2 inputs failed" in result.output
    assert_clean(result.output)


async def test_serve_console_gets_no_raw_escapes(hostile_db, capsys):
    path, _ = hostile_db
    ds = make_datasette(path)
    response = await ds.client.get(f"/{path.stem}/articles?_sort=%1b]0;x%07%9b")
    assert response.status_code >= 400
    err = capsys.readouterr().err
    assert "Cannot sort" in err or err == ""
    assert_clean(err)
