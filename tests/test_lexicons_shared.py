"""One lexicon loader for both annotators: `--lexicon` and `--disable` change what an editor
sees from framing AND sourcing, through `newsprov annotate-text` as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.lexicon import lexicon_kind, load_lexicons
from annotate.lexicon_entries import LexiconError
from newsprov.cli import main

# Our own sentences, written for these tests.
# A plain framing entry (no context rule: sourcing borrows only those; "disaster" now has
# the topic rule) that sourcing does not also list as its own evaluative word.
SHAMBLES = "The windfall tax has been a shambles for small firms.\n"
GOBSMACKING = "The council spent a gobsmacking sum on the new hall.\n"
AUGURS = "Augurs say the harvest will fail.\n"
REPORTEDLY = "The minister reportedly left the meeting early.\n"

USER_FRAMING = """
[[entry]]
id = "desk.loaded.gobsmacking"
category = "loaded_language"
pattern = "gobsmacking"
rationale = "A verdict in the outlet's voice, not a fact."
examples = ["The bill was gobsmacking."]
"""

USER_SOURCING = """
[[entry]]
id = "desk.group.augur"
kind = "group_noun"
words = ["augur"]
rationale = "Unnamed augurs are a vague group, like pundits."
examples = []
"""


def annotate(tmp_path: Path, text: str, *args: str) -> dict:
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["annotate-text", str(story), "--json", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def write(tmp_path: Path, name: str, body: str) -> str:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return str(p)


def test_disable_a_framing_entry_silences_it_in_both_annotators(tmp_path: Path) -> None:
    before = annotate(tmp_path, SHAMBLES)
    assert [s["entry"] for s in before["spans"]] == ["framing.loaded.shambles"]
    (sent,) = before["sentences"]
    assert sent["sourcing"] == "unattributed_claim" and "'shambles'" in sent["reason"]

    after = annotate(tmp_path, SHAMBLES, "--disable", "framing.loaded.shambles")
    assert after["spans"] == []
    (sent,) = after["sentences"]
    # sourcing borrowed the word from that entry: with it off, nothing cites it
    assert "shambles" not in (sent["reason"] or "")
    assert sent["sourcing"] is None


def test_user_framing_file_adds_a_span_and_a_sourcing_judgement(tmp_path: Path) -> None:
    before = annotate(tmp_path, GOBSMACKING)
    assert before["spans"] == [] and before["sentences"][0]["sourcing"] is None
    extra = write(tmp_path, "desk_words.toml", USER_FRAMING)
    after = annotate(tmp_path, GOBSMACKING, "--lexicon", extra)
    assert [(s["text"], s["entry"]) for s in after["spans"]] == [
        ("gobsmacking", "desk.loaded.gobsmacking")
    ]
    (sent,) = after["sentences"]
    assert sent["sourcing"] == "unattributed_claim"
    assert sent["reason"].startswith("evaluative claim with no source: 'gobsmacking'; query:")


def test_user_sourcing_file_changes_a_label(tmp_path: Path) -> None:
    assert annotate(tmp_path, AUGURS)["sentences"][0]["sourcing"] != "weasel"
    extra = write(tmp_path, "desk_sources.toml", USER_SOURCING)
    (sent,) = annotate(tmp_path, AUGURS, "--lexicon", extra)["sentences"]
    assert sent["sourcing"] == "weasel"
    assert sent["source"]["text"] == "Augurs"


def test_disable_a_sourcing_entry(tmp_path: Path) -> None:
    (sent,) = annotate(tmp_path, REPORTEDLY)["sentences"]
    assert sent["sourcing"] == "agentless" and sent["cue"]["text"] == "reportedly"
    (sent,) = annotate(tmp_path, REPORTEDLY, "--disable", "sourcing.agentless.adverb")["sentences"]
    assert sent["sourcing"] is None and sent["cue"] is None


def test_both_kinds_in_one_run(tmp_path: Path) -> None:
    f = write(tmp_path, "a.toml", USER_FRAMING)
    s = write(tmp_path, "b.toml", USER_SOURCING)
    out = annotate(tmp_path, GOBSMACKING + AUGURS, "--lexicon", f, "--lexicon", s)
    assert [x["sourcing"] for x in out["sentences"]] == ["unattributed_claim", "weasel"]
    assert [x["entry"] for x in out["spans"]] == ["desk.loaded.gobsmacking"]


def test_top_level_key_tells_the_kind(tmp_path: Path) -> None:
    # ids with neither prefix and no entries yet: only the key can say what it is
    body = 'lexicon = "sourcing"\n' + USER_SOURCING
    assert lexicon_kind(body.encode(), "x.toml") == "sourcing"
    assert lexicon_kind(USER_FRAMING.encode(), "x.toml") == "framing"
    assert lexicon_kind(b'[[entry]]\nid = "sourcing.x"\n', "x.toml") == "sourcing"
    with pytest.raises(LexiconError, match="x.toml: lexicon = 'quotes' is not one of"):
        lexicon_kind(b'lexicon = "quotes"\n', "x.toml")


def test_a_file_of_neither_kind_is_a_one_line_error(tmp_path: Path) -> None:
    odd = write(tmp_path, "odd.toml", '[[entry]]\nid = "desk.x"\nwords = ["x"]\n')
    story = write(tmp_path, "s.txt", AUGURS)
    result = CliRunner().invoke(main, ["annotate-text", story, "--lexicon", odd])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "odd.toml" in result.stderr and 'lexicon = "sourcing"' in result.stderr


def test_disabling_an_unknown_id_is_a_one_line_error(tmp_path: Path) -> None:
    story = write(tmp_path, "s.txt", SHAMBLES)
    result = CliRunner().invoke(
        main, ["annotate-text", story, "--disable", "framing.loaded.disastr"]
    )
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "framing.loaded.disastr" in result.stderr


def test_a_bad_user_sourcing_entry_is_a_one_line_error(tmp_path: Path) -> None:
    bad = write(
        tmp_path, "bad.toml", 'lexicon = "sourcing"\n[[entry]]\nid = "desk.y"\nkind = "?"\n'
    )
    story = write(tmp_path, "s.txt", AUGURS)
    result = CliRunner().invoke(main, ["annotate-text", story, "--lexicon", bad])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "bad.toml" in result.stderr


def test_one_load_feeds_both_annotators(tmp_path: Path) -> None:
    from annotate.annotator import Annotator

    lex = load_lexicons(disabled=["framing.loaded.shambles"])
    assert "framing.loaded.shambles" not in {e.id for e in lex.framing.entries}
    assert "framing.loaded.shambles" not in set(lex.sourcing["borrowed_evaluative"].words.values())
    a = Annotator(lexicons=lex)
    assert a.lexicons is lex and a.sourcing.lex is lex.sourcing
    assert load_lexicons().sha256 != lex.sha256
