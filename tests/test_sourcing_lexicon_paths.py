"""The fixed word sets and the borrowed framing words reach sourcing through the one
loader: `--disable` and `--lexicon` change what `annotate-text` prints, and a framing word
the framing matcher leaves alone never makes a sourcing flag."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newsprov.cli import main

DATED = "The depot was closed in March after a fire.\n"
GLOVE = "The children made a glove puppet for the show.\n"
PUPPET = "The minister is a puppet of the oil lobby.\n"
# round 29: "bragged" became a stance act like "boasted" (the council that bragged is on
# record), so the mild word is shown where it reports no act
MILD = "The bus lanes have given the council bragging rights.\n"

ONLY_JANUARY = """
[[entry]]
id = "sourcing.words.months"
kind = "word_set"
words = ["january"]
rationale = "A desk that dates events only by January (a test of the override)."
"""


def sentences(tmp_path: Path, text: str, *args: str) -> list[dict]:
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate-text", str(story), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["sentences"]


def test_disabling_a_word_set_changes_the_label(tmp_path: Path) -> None:
    (before,) = sentences(tmp_path, DATED)
    assert before["sourcing"] == "unattributed_claim" and "(March)" in before["reason"]
    (after,) = sentences(tmp_path, DATED, "--disable", "sourcing.words.months")
    assert after["sourcing"] is None and after["reason"] is None


def test_a_user_word_set_replaces_the_shipped_one(tmp_path: Path) -> None:
    extra = tmp_path / "months.toml"
    extra.write_text(ONLY_JANUARY, encoding="utf-8")
    (after,) = sentences(tmp_path, DATED, "--lexicon", str(extra))
    assert after["sourcing"] is None
    (jan,) = sentences(tmp_path, DATED.replace("March", "January"), "--lexicon", str(extra))
    assert jan["sourcing"] == "unattributed_claim" and "(January)" in jan["reason"]


def test_a_framing_word_framing_drops_is_no_judgement(tmp_path: Path) -> None:
    # 'puppet' is a label, but not after 'glove': framing's own rule, which sourcing obeys
    (glove,) = sentences(tmp_path, GLOVE)
    assert glove["sourcing"] is None and glove["reason"] is None
    (puppet,) = sentences(tmp_path, PUPPET)
    assert puppet["sourcing"] == "unattributed_claim"
    assert "evaluative claim with no source: 'puppet'" in puppet["reason"]


def test_a_mild_framing_word_is_worth_a_look_not_a_claim(tmp_path: Path) -> None:
    story = tmp_path / "mild.txt"
    story.write_text(MILD, encoding="utf-8")
    out = json.loads(CliRunner().invoke(main, ["annotate-text", str(story), "--json"]).output)
    assert [(s["entry"], s["tier"]) for s in out["spans"]] == [("framing.loaded.brag", "mild")]
    assert out["sentences"][0]["sourcing"] is None
