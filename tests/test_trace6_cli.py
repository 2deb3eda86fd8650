"""`newsprov trace` on a story run by many outlets: the text lists each sentence's first
reports and says how many more; --all and --json list every one. Real SQLite story."""

from __future__ import annotations

import json

from click.testing import CliRunner
from test_trace6_reader import OUTLETS, wide_story

from newsprov.cli import main  # before cli_related, which it imports
from newsprov.cli_related import LISTED


def _trace(path: str, seed: int, *extra: str) -> str:
    out = CliRunner().invoke(main, ["trace", str(seed), "--db", path, *extra])
    assert out.exit_code == 0, out.output
    return out.output


def _section(text: str, starts: str) -> str:
    return next(s for s in text.split("\n\n") if s.split("] ", 1)[-1].startswith(starts))


def test_trace_lists_the_first_reports_and_says_how_many_more(tmp_path):
    path, seed = wide_story(tmp_path)
    part = _section(_trace(path, seed), "Attacks rose to 444")
    assert f"stated by {OUTLETS} other outlets" in part  # counted over every report
    assert part.count("\n  - ") == LISTED
    assert f"... and {OUTLETS - LISTED} more matching reports" in part
    assert f"newsprov trace {seed} --all" in part


def test_trace_all_and_json_list_every_report(tmp_path):
    path, seed = wide_story(tmp_path)
    part = _section(_trace(path, seed, "--all"), "Attacks rose to 444")
    assert part.count("\n  - ") == OUTLETS and "more matching reports" not in part
    items = json.loads(_trace(path, seed, "--json"))
    item = next(i for i in items if i["sentence"].startswith("Attacks rose to 444"))
    assert len(item["matches"]) == OUTLETS
