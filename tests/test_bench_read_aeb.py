"""bench/read_aeb.py, the editor's reading tool, over a real folder laid out like the AEB
benchmark: flags and framing spans are printed with their rule and tier, scraped control
characters never reach the terminal raw, and without the data path it skips in one line."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Our own page: a lede with an unnamed source and a figure, a quote, and one sentence in the
# outlet's voice carrying a verdict; an ESC sequence is planted in a paragraph, as hostile
# markup can carry one.
PARAS = [
    "Harrow Vale council will close three of its five libraries next spring, two people "
    "briefed on the plan said on Tuesday.",
    "The closures would save about 1.2 million pounds a year, according to a draft budget "
    "seen by the Vale Courier.",
    '"We have run out of options," said Ines Marlow, who leads the council\'s finance committee.',
    "The plan is a disgraceful betrayal of the town's children.\x1b[2J",
    "Councillors vote on the budget on March 3, and a public consultation opens next week "
    "at the town hall on Mill Street.",
]
HTML = (
    "<html><head><title>Vale libraries to close</title></head><body><article>"
    "<h1>Vale libraries to close</h1>"
    + "".join(f"<p>{p}</p>" for p in PARAS)
    + "</article></body></html>"
)


def run(args: list[str], aeb: Path | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "NEWSPROV_AEB"}
    env["PYTHONPATH"] = str(ROOT)
    if aeb is not None:
        env["NEWSPROV_AEB"] = str(aeb)
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "read_aeb.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_spans_and_flags_are_printed_and_escaped(tmp_path: Path) -> None:
    key = "feedc0de" + "0" * 56
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / f"{key}.html.gz").write_bytes(gzip.compress(HTML.encode()))
    truth = {key: {"url": "https://vale-courier.example/libraries"}}
    (tmp_path / "ground-truth-unreserved.json").write_text(json.dumps(truth))

    done = run(["--pages", "feedc0de", "--context", "--spans"], tmp_path)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "### feedc0de https://vale-courier.example/libraries" in out
    # the unnamed "people briefed" lede is a default-shown flag with its rule and reason
    assert "anonymous_source/query <" in out
    # the verdict in the outlet's voice is a strong author's-voice span, marked as shown
    assert "*~ loaded_language/strong author <framing.loaded.disgraceful>" in out
    # the planted escape sequence is printed escaped, never raw
    assert "\x1b" not in out
    assert "\\x1b[2J" in out
    assert "1 pages" in out

    plain = run(["--pages", "feedc0de"], tmp_path)
    assert "~ loaded_language" not in plain.stdout


def test_without_the_data_path_it_skips_in_one_line() -> None:
    done = run(["--pages", "feedc0de"], None)
    assert done.returncode == 0
    assert done.stdout.strip().count("\n") == 0
    assert "NEWSPROV_AEB is not set" in done.stdout
