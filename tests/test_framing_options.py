"""Framing with options an editor sets, and what the stage hands on: the opt-in
open-vocabulary (VADER) signal, extra lexicon files and disabled entries (in the matcher,
the Annotator and `annotate-text`), the density summary, and the gold-set scores."""

from __future__ import annotations

from pathlib import Path

import pytest
from framing_spans import spans, texts

from annotate.annotator import Annotator
from annotate.framing import FramingMatcher, framing_density
from annotate.models import FRAMING_CATEGORIES, FramingSpan
from newsprov.evaluate import evaluate, load_gold

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def auto_matcher(nlp) -> FramingMatcher:
    """With the opt-in open-vocabulary (VADER) signal."""
    return FramingMatcher(nlp, open_vocabulary=True)


def test_find_auto_is_off_unless_asked_for(matcher, auto_matcher, nlp, monkeypatch) -> None:
    text = "It was a nasty deal for taxpayers."
    assert spans(matcher, nlp, text) == []
    assert matcher.fingerprint() != auto_matcher.fingerprint()
    monkeypatch.setenv("NEWSPROV_FRAMING_AUTO", "1")
    assert texts(spans(FramingMatcher(nlp), nlp, text)) == ["nasty"]


def test_find_auto_flags_emotive_modifier_outside_lexicon(auto_matcher, nlp) -> None:
    found = spans(auto_matcher, nlp, "It was a nasty deal for taxpayers.")
    assert [(s.text, s.category, s.entry, s.in_quote, s.tier) for s in found] == [
        ("nasty", "loaded_language", "framing.loaded.auto.nasty", False, "mild")
    ]
    assert "VADER" in found[0].reason and "-2.6" in found[0].reason
    assert "framing.loaded.auto.nasty" in found[0].reason  # how to silence it


@pytest.mark.parametrize(
    "text",
    [
        '"It was a nasty deal," the union said.',  # the speaker's word, not the outlet's
        "The richest families gained most.",  # comparison, a measurement
        "Shares fell after a weak forecast and a fatal crash.",  # plain news description
        "Residents were frustrated by the delays.",  # a reported state of mind
        "The storm killed 12 people and injured 40, officials said.",
    ],
)
def test_find_auto_leaves_quotes_comparatives_and_plain_words(auto_matcher, nlp, text: str) -> None:
    assert [s.entry for s in spans(auto_matcher, nlp, text) if not s.in_quote] == []


def test_find_auto_can_be_disabled_per_word_or_whole(nlp) -> None:
    text = "It was a nasty deal for taxpayers."
    for off in ("framing.loaded.auto.nasty", "framing.loaded.auto"):
        m = FramingMatcher(nlp, disabled=[off], open_vocabulary=True)
        assert spans(m, nlp, text) == []
        assert m.fingerprint() != FramingMatcher(nlp, open_vocabulary=True).fingerprint()


def test_framing_matcher_extra_file_adds_entry(nlp, tmp_path: Path) -> None:
    p = tmp_path / "newsroom.toml"
    p.write_text(
        '[[entry]]\nid = "framing.loaded.resounding"\ncategory = "loaded_language"\n'
        'pattern = "resounding"\nrationale = "Praise in our voice."\nexamples = ["a resounding win"]\n',
        encoding="utf-8",
    )
    text = "It was a resounding win for the government."
    assert spans(FramingMatcher(nlp), nlp, text) == []
    found = spans(FramingMatcher(nlp, extra_paths=[p]), nlp, text)
    assert [(s.text, s.entry, s.reason) for s in found] == [
        ("resounding", "framing.loaded.resounding", "Praise in our voice.")
    ]


def test_framing_matcher_disabled_entry_is_silent(nlp) -> None:
    text = "A staggering total of 444 attacks was recorded."
    on = FramingMatcher(nlp)
    off = FramingMatcher(nlp, disabled=["framing.loaded.staggering"])
    assert texts(spans(on, nlp, text)) == ["staggering"]
    assert spans(off, nlp, text) == []
    assert on.fingerprint() != off.fingerprint()


def test_annotator_passes_lexicon_options_through(nlp, tmp_path: Path) -> None:
    ann = Annotator(nlp, disabled_entries=["framing.loaded.staggering"]).annotate(
        "A staggering total of 444 attacks was recorded."
    )
    assert ann.spans == []


def test_framing_density_separates_author_and_quote() -> None:
    spans_ = [
        FramingSpan(0, 5, "a", "loaded_language", "x", "r", False),
        FramingSpan(6, 9, "b", "loaded_language", "x", "r", True),
        FramingSpan(10, 12, "c", "doubt", None, "r", False),
    ]
    d = framing_density(spans_, word_count=500)
    assert set(d) == set(FRAMING_CATEGORIES)
    assert d["loaded_language"] == {"author": 1, "quote": 1, "per_1000_words": 2.0}
    assert d["doubt"] == {"author": 1, "quote": 0, "per_1000_words": 2.0}
    assert d["labeling"] == {"author": 0, "quote": 0, "per_1000_words": 0.0}
    assert framing_density([], 0)["doubt"]["per_1000_words"] == 0.0


@pytest.fixture(scope="module")
def gold_report(nlp):
    arts = [a for a in load_gold(GOLD) if a.spans is not None]
    annotator = Annotator(nlp)
    return arts, evaluate(arts, [annotator.annotate(a.text) for a in arts])


def test_gold_neutral_wire_copy_stays_nearly_clean(gold_report) -> None:
    arts, report = gold_report
    neutral = [a for a in arts if a.neutral]
    assert len(neutral) >= 3
    # Crying wolf loses editors: at most one flag per 500 words in the outlet's voice.
    assert report.framing.neutral_per_500_words <= 1.0


def test_gold_framing_span_f1(gold_report) -> None:
    _, report = gold_report
    assert report.framing.outside_quotes.f1 >= 0.80


def test_cli_annotate_text_lexicon_and_disable(tmp_path: Path) -> None:
    import json

    from click.testing import CliRunner

    from newsprov.cli import main

    story = tmp_path / "story.txt"
    story.write_text("A resounding, staggering win for the so-called reformers.", encoding="utf-8")
    extra = tmp_path / "newsroom.toml"
    extra.write_text(
        '[[entry]]\nid = "framing.loaded.resounding"\ncategory = "loaded_language"\n'
        'pattern = "resounding"\nrationale = "Praise in our voice."\nexamples = ["a resounding win"]\n',
        encoding="utf-8",
    )
    args = ["annotate-text", str(story), "--json", "--lexicon", str(extra)]
    result = CliRunner().invoke(main, [*args, "--disable", "framing.loaded.staggering"])
    assert result.exit_code == 0, result.output
    spans_ = json.loads(result.output)["spans"]
    assert [(s["text"], s["entry"]) for s in spans_] == [
        ("resounding", "framing.loaded.resounding"),
        ("so-called", "framing.doubt.so_called"),
    ]


def test_auto_signal_skips_reported_feelings_but_not_the_outlets_adjective(
    auto_matcher, nlp
) -> None:
    def texts(sentence: str) -> list[str]:
        doc = nlp(sentence)
        return [s.text for s in auto_matcher.find(doc, [])]

    assert "frightened" not in texts("Shop owners say the raids have left staff frightened.")
    assert "stunned" not in texts("Residents were stunned by the decision.")
    assert "frightening" in texts("It was a frightening night for the village.")
