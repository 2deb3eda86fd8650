"""The framing lexicons: the shipped files pass their own check, and the check and the
`newsprov lexicon` commands catch what an editor could get wrong in a file of their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotate.lexicon import all_entries, load_lexicon
from annotate.lexicon_check import check_lexicon
from annotate.lexicon_entries import LexiconError
from annotate.models import FRAMING_CATEGORIES
from newsprov.cli_lexicon import lexicon_group


def write(tmp_path: Path, body: str, name: str = "mine.toml") -> Path:
    p = tmp_path / name
    p.write_text(body, encoding="utf-8")
    return p


GOOD = """
[[entry]]
id = "framing.loaded.resounding"
category = "loaded_language"
pattern = "resounding"
rationale = "Praise in the outlet's voice."
examples = ["It was a resounding victory."]
counter_examples = ["It was a victory."]
"""


def test_check_lexicon_shipped_files_have_no_problems(nlp) -> None:
    # Unique ids, a rationale each, every example flagged, no counter-example flagged.
    assert check_lexicon(all_entries(), nlp) == []


def test_load_lexicon_shipped_size_and_categories() -> None:
    entries = load_lexicon().entries
    assert len(entries) >= 300
    assert {e.category for e in entries} == set(FRAMING_CATEGORIES)
    assert all(e.id.startswith("framing.") for e in entries)
    assert len({e.id for e in entries}) == len(entries)


def test_check_lexicon_reports_duplicate_missing_rationale_and_bad_examples(
    tmp_path: Path, nlp
) -> None:
    body = (
        GOOD
        + """
[[entry]]
id = "framing.loaded.resounding"
category = "loaded_language"
pattern = "marvellous"
rationale = ""
examples = ["A fine day."]
counter_examples = ["A marvellous day."]
"""
    )
    entries = [e for e in all_entries([write(tmp_path, body)]) if "resounding" in e.id]
    problems = check_lexicon(entries, nlp)
    text = "\n".join(problems)
    assert "duplicate id" in text
    assert "no rationale" in text
    assert "example does not match: 'A fine day.'" in text
    assert "counter-example matches: 'A marvellous day.'" in text


def test_load_lexicon_rejects_unknown_category_with_file_and_entry(tmp_path: Path) -> None:
    p = write(tmp_path, GOOD.replace('"loaded_language"', '"spin"'))
    with pytest.raises(
        LexiconError, match=r"mine\.toml entry 1 \(framing\.loaded\.resounding\).*spin"
    ):
        load_lexicon([p])


def test_load_lexicon_rejects_broken_toml(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="not valid UTF-8 TOML"):
        load_lexicon([write(tmp_path, "[[entry]\nid=")])


def test_load_lexicon_extra_file_adds_and_overrides(tmp_path: Path) -> None:
    override = (
        GOOD
        + """
[[entry]]
id = "framing.loaded.staggering"
category = "intensifier"
pattern = "staggering"
rationale = "Our newsroom counts it as an intensifier."
examples = ["a staggering rise"]
"""
    )
    lex = load_lexicon([write(tmp_path, override)])
    by_id = lex.by_id()
    assert "framing.loaded.resounding" in by_id
    assert by_id["framing.loaded.staggering"].category == "intensifier"


def test_load_lexicon_fingerprint_tracks_content_and_disabled(tmp_path: Path) -> None:
    base = load_lexicon().sha256
    assert load_lexicon().sha256 == base
    assert load_lexicon([write(tmp_path, GOOD)]).sha256 != base
    assert load_lexicon(disabled=["framing.loaded.staggering"]).sha256 != base


def test_cli_check_passes_on_shipped_files() -> None:
    result = CliRunner().invoke(lexicon_group, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok: ")


def test_cli_check_fails_on_bad_extra_file(tmp_path: Path) -> None:
    p = write(tmp_path, GOOD.replace("It was a resounding victory.", "It was fine."))
    result = CliRunner().invoke(lexicon_group, ["check", "--lexicon", str(p)])
    assert result.exit_code == 1
    assert "framing.loaded.resounding: example does not match: 'It was fine.'" in result.output
    assert "1 problem" in result.output


def test_cli_list_filters_by_category_and_includes_extra(tmp_path: Path) -> None:
    p = write(tmp_path, GOOD)
    result = CliRunner().invoke(
        lexicon_group, ["list", "--lexicon", str(p), "--category", "loaded_language"]
    )
    assert result.exit_code == 0
    lines = [ln for ln in result.output.splitlines() if ln.startswith("framing.")]
    assert "framing.loaded.resounding\tloaded_language\tresounding" in lines
    assert all("\tloaded_language\t" in ln for ln in lines)


def test_cli_list_json_and_disable() -> None:
    import json

    result = CliRunner().invoke(
        lexicon_group,
        ["list", "--json", "--category", "doubt", "--disable", "framing.doubt.so_called"],
    )
    rows = [json.loads(ln) for ln in result.output.splitlines()]
    ids = {r["id"] for r in rows}
    assert "framing.doubt.claim" in ids and "framing.doubt.so_called" not in ids
    assert all(r["rationale"] and r["examples"] for r in rows)
    assert {r["tier"] for r in rows} <= {"strong", "mild"}


def test_cli_list_broken_extra_file_is_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(lexicon_group, ["list", "--lexicon", str(write(tmp_path, "x = ["))])
    assert result.exit_code == 1
    assert "not valid UTF-8 TOML" in result.output
    assert "Traceback" not in result.output


def test_check_lexicon_override_is_checked_not_the_shipped_entry(tmp_path: Path, nlp) -> None:
    override = """
[[entry]]
id = "framing.loaded.staggering"
category = "loaded_language"
pattern = "stupendous"
rationale = "Our newsroom flags this word instead."
examples = ["a stupendous total"]
counter_examples = ["a staggering total"]
"""
    entries = all_entries([write(tmp_path, override)])
    assert check_lexicon([e for e in entries if e.id == "framing.loaded.staggering"], nlp) == []


def test_cli_check_fails_when_another_entry_flags_a_counter_example(tmp_path: Path) -> None:
    # "staggering" is a shipped entry: a counter-example using it is not neutral text, so
    # it proves nothing about the new entry, and the check must say which entry flagged it.
    body = GOOD.replace('"It was a victory."', '"It was a staggering victory."')
    result = CliRunner().invoke(lexicon_group, ["check", "--lexicon", str(write(tmp_path, body))])
    assert result.exit_code == 1
    assert (
        "framing.loaded.resounding: counter-example is flagged by framing.loaded.staggering: "
        "'It was a staggering victory.'"
    ) in result.output


def test_load_lexicon_tier_defaults_by_category_and_rejects_unknown(tmp_path: Path) -> None:
    entries = {e.id: e for e in load_lexicon().entries}
    assert entries["framing.loaded.staggering"].tier == "strong"
    assert entries["framing.intensifier.extremely"].tier == "mild"  # default for its category
    assert entries["framing.intensifier.utterly"].tier == "strong"  # set in the file
    assert entries["framing.labeling.regime"].tier == "mild"  # set in the file
    p = write(
        tmp_path,
        GOOD.replace(
            'category = "loaded_language"', 'category = "loaded_language"\ntier = "severe"'
        ),
    )
    with pytest.raises(LexiconError, match=r"tier 'severe' is not one of strong, mild"):
        load_lexicon([p])


def test_check_lexicon_no_shipped_entry_keeps_the_shared_placeholder(nlp) -> None:
    # The old shared counter-example only proved that a word matches itself.
    placeholder = "The latest decision was announced on Monday."
    top = ["framing.loaded.corrupt", "framing.loaded.outrage", "framing.intensifier.absolutely"]
    entries = {e.id: e for e in all_entries()}
    for eid in top:
        assert placeholder not in entries[eid].counter_examples
        assert not any("on Monday." in x and "decision" in x for x in entries[eid].examples)


# The shared template sentences the first lexicon was written with: they only prove that a
# word matches itself. Real examples replaced them entry by entry; the ceiling keeps it at 0.
PLACEHOLDERS = [
    re.compile(p)
    for p in (
        r"^The [\w' -]+ decision was announced on Monday\.$",
        r"^Reporters wrote about the [\w' -]+ on Monday\.$",
        r"^The statement came from an? [\w' -]+ on Monday\.$",
        r"^The officials [\w' -]+ the report on Monday\.$",
        r"^The minister spoke about the [\w' -]+ on Monday\.$",
        # The shared sentences the adverbs and intensifiers were written with.
        r"^The ministry [\w' -]*ignored the warnings\.$",
        r"^The army acted \w+ when the warnings came\.$",
        r"^The figures were [\w' -]*understated in the report\.$",
        r"^The agency [\w' -]*underreported the casualties\.$",
        r"^The plan is [\w' -]*flawed\.$",
        r"^Officials reported the [\w' -]*rise in attacks\.$",
        r"^The economy faces an? [\w' -]*crisis\.$",
        r"^Executives received bonuses\.$",
    )
]
MAX_PLACEHOLDER_SENTENCES = 0


def test_placeholder_examples_only_go_down() -> None:
    framing = [e for e in load_lexicon().entries if e.id.startswith("framing.")]
    sentences = [x for e in framing for x in (*e.examples, *e.counter_examples)]
    left = sum(1 for x in sentences if any(p.match(x) for p in PLACEHOLDERS))
    assert PLACEHOLDERS[0].match("The staggering decision was announced on Monday.")
    assert left <= MAX_PLACEHOLDER_SENTENCES, (
        f"{left} placeholder sentences, ceiling {MAX_PLACEHOLDER_SENTENCES}"
    )


def test_no_sentence_is_shared_by_more_than_two_framing_entries() -> None:
    # A sentence shared by many entries is a template again (one counter-example stood in
    # for 41 adverbs); two is allowed for spelling variants such as -ise/-ize.
    framing = [e for e in load_lexicon().entries if e.id.startswith("framing.")]
    users: dict[str, set[str]] = {}
    for e in framing:
        for x in (*e.examples, *e.counter_examples):
            users.setdefault(x, set()).add(e.id)
    shared = {x: sorted(ids) for x, ids in users.items() if len(ids) > 2}
    assert not shared, shared
