"""Sourcing labels as an editor would see them: one flag per sentence, the right label,
the source and cue an editor can click, and a reason in plain words.

Speakers (named, carried over, quoted, anonymous, vague) are tested in
test_sourcing_speakers.py, what counts as a claim in test_sourcing_claims.py; the shared
helpers are in sourcing_data.py."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from sourcing_data import GOLD, flag_of, labels

from annotate.annotator import Annotator
from annotate.nlp import load_nlp
from annotate.quotes import quote_regions
from annotate.sentences import split_sentences
from annotate.sourcing import SourcingClassifier, load_lexicon
from annotate.sourcing.tier_kind import KIND_ONLY, decided_tier


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


# -- the lexicon is data an editor can trust and extend ----------------------------------
def test_lexicon_entries_have_unique_ids_rationale_and_examples() -> None:
    lex = load_lexicon()
    ids = [e["id"] for e in lex.entries]
    assert len(ids) == len(set(ids))
    for e in lex.entries:
        assert e.get("rationale"), e["id"]
        assert e.get("examples"), e["id"]


EXAMPLES = [
    (e["id"], key, ex["text"], ex.get("label"), ex.get("tier"), ex.get("labels"))
    for e in load_lexicon().entries
    for key in ("examples", "counter_examples")
    for ex in e.get(key, [])
]


@pytest.mark.parametrize(
    ("entry", "key", "text", "label", "tier", "every"),
    EXAMPLES,
    ids=[f"{e}:{k[0]}:{t[:30]}" for e, k, t, _, _, _ in EXAMPLES],
)
def test_lexicon_example_gets_its_label(
    annotator: Annotator,
    entry: str,
    key: str,
    text: str,
    label: str | None,
    tier: str | None,
    every: list[str] | None,
) -> None:
    """Each example gets its label (and tier when given); a counter-example is not decided
    by its entry. An example is one sentence, or a speaker label ('PHOTO:', 'OKAFOR:') that
    the splitter cuts off and a sentence; the last one carries the label. An example that
    gives `labels` (a pair of sentences whose second sources the first, or does not) gets
    exactly those labels, and no flag of a counter-example is decided by its entry."""
    flags = annotator.annotate(text).sentences
    got = [f.sourcing or "none" for f in flags]
    if every is not None:
        assert got == every, [f.reason for f in flags]
    else:
        assert got[-1] == label and set(got[:-1]) <= {label, "none"} and len(got) <= 2, got
    if tier is not None:
        # a tier entry's examples state the tier it decides; round 17's kind_only, which may
        # then make a query by kind alone routine, is checked by its own entries' examples
        final = entry in (
            KIND_ONLY,
            "sourcing.words.population_nouns",
            "sourcing.words.counted_incidents",
        )
        got_tier = flags[-1].tier if final else decided_tier(flags[-1])
        assert got_tier == tier, flags[-1].reason
    if key == "counter_examples":
        decided = flags if every is not None else flags[-1:]
        assert all(f.rule != entry for f in decided), [f.reason for f in flags]


def test_classifier_editor_added_entry_changes_label(tmp_path: Path) -> None:
    nlp = load_nlp()
    text = "Pundits say the merger is dead."
    extra = tmp_path / "sourcing_extra.toml"
    extra.write_text(
        '[[entry]]\nid = "local.group.pundit"\nkind = "group_noun"\nwords = ["pundit"]\n'
        'rationale = "TV pundits are a vague group."\nexamples = []\n'
    )
    doc = nlp(text)
    before = SourcingClassifier(nlp).classify(doc, split_sentences(doc), quote_regions(text))
    after_cls = SourcingClassifier(nlp, extra_paths=[extra])
    after = after_cls.classify(doc, split_sentences(doc), quote_regions(text))
    assert before[0].sourcing != "weasel"
    assert after[0].sourcing == "weasel"
    assert after_cls.fingerprint() != SourcingClassifier(nlp).fingerprint()


# -- one flag per sentence, with offsets an editor can highlight --------------------------
def test_classify_one_flag_per_sentence_in_order(annotator: Annotator) -> None:
    text = (GOLD / "wire-budget.txt").read_text()
    doc = annotator.nlp(text)
    sents = split_sentences(doc)
    flags = annotator.sourcing.classify(doc, sents, quote_regions(text))
    assert [(f.start, f.end) for f in flags] == [(s.start_char, s.end_char) for s in sents]


def test_flags_source_and_cue_offsets_point_into_text(annotator: Annotator) -> None:
    text = (GOLD / "health-waiting.txt").read_text()
    for f in annotator.annotate(text).sentences:
        assert text[f.start : f.end] == f.text
        for span in (f.source, f.cue):
            if span is not None:
                assert text[span.start : span.end] == span.text
        if f.unsourced:
            assert f.reason


# -- the seed article, as the editor marked it up ------------------------------------------
def test_seed_article_key_sentences(annotator: Annotator) -> None:
    text = (GOLD / "seed.txt").read_text()
    gold = tomllib.loads((GOLD / "seed.sourcing.toml").read_text())["sentence"]
    by_prefix = {g["text"]: g["sourcing"] for g in gold}
    for prefix in (
        "A report from the Director General Inter Service",
        "The overall casualties in 2024 reached a total of 4,813.",
        "Recent intelligence reports have begun to unveil",
        "Investigations indicate that 685 Pakistani security",
        "Internal documents reveal that the Pakistani Army",
        "The DGISPR has little credibility to start with",
        "In 2024, it experienced a spike in violence",
    ):
        assert (flag_of(annotator, text, prefix).sourcing or "none") == by_prefix[prefix], prefix
    dgispr = flag_of(annotator, text, "A report from the Director")
    assert "DGISPR" in dgispr.source.text and dgispr.cue.text == "disclosed"


def test_study_in_named_journal_and_its_continuation(annotator: Annotator) -> None:
    text = (
        "A new vaccine cut child deaths by nearly a third, researchers reported on Thursday in The Lancet. "
        "The study followed 12,000 children for two years. "
        "It found that three doses worked best."
    )
    assert labels(annotator, text) == ["named_source"] * 3


def test_named_document_source_keeps_its_parenthesis(annotator: Annotator) -> None:
    f = annotator.annotate(
        "A report from the Director General Inter Service Public Relations (DGISPR) has disclosed 2,546 deaths."
    ).sentences[0]
    assert f.source.text.endswith("(DGISPR)")


# -- reasons an editor can read ---------------------------------------------------------------
def test_reason_quotes_whole_anonymity_phrase(annotator: Annotator) -> None:
    f = annotator.annotate(
        "The deal is worth 2 billion dollars, according to a banker who asked not to be identified."
    ).sentences[0]
    assert "asked not to be identified" in f.reason


def test_evidential_cue_span_excludes_leading_symbol_and_subject(annotator: Annotator) -> None:
    f = annotator.annotate(
        "\U0001f6a8 The crackdown is said to have targeted 40 journalists."
    ).sentences[0]
    assert f.sourcing == "agentless"
    assert f.cue.text == "is said to"


def test_findings_look_back_over_the_article(annotator: Annotator) -> None:
    text = (
        "A study published in Nature last year found that 30 percent of reefs had bleached. "
        "Water temperatures are rising.\n\n"
        "Tourism brings in 2 billion dollars a year, the tourism board said.\n\n"
        "The findings add to a growing body of evidence on reef decline."
    )
    f = flag_of(annotator, text, "The findings")
    assert f.sourcing == "named_source"
    assert "Nature" in f.reason and "no such document" not in f.reason


def test_bulletin_named_earlier_is_referred_back_to(annotator: Annotator) -> None:
    text = (
        "Cases rose to 312, the Regional Health Agency said in its half-year bulletin. "
        "The bulletin also lists 14 schools where outbreaks were recorded."
    )
    assert labels(annotator, text) == ["named_source", "named_source"]


def test_capitalised_common_noun_opening_sentence_is_not_a_name(annotator: Annotator) -> None:
    assert labels(
        annotator, "Shop owners in the area say the raids have left staff frightened."
    ) == ["weasel"]


def test_phone_number_cut_into_groups_is_not_a_figure(annotator: Annotator) -> None:
    assert labels(annotator, "Anyone with information is asked to call 0800 555 0199.") == ["none"]


def test_possessive_document_is_credited_to_its_named_owner(annotator: Annotator) -> None:
    text = (
        "Islamabad, January 4, 2025: The Indus Centre for Conflict Studies (ICCS) today "
        "released its Annual Security Report 2024, which finds that 685 security personnel "
        "were killed."
    )
    flag = annotator.annotate(text).sentences[0]
    assert flag.sourcing == "named_source"
    assert flag.source.text == "The Indus Centre for Conflict Studies (ICCS)"
    assert text[flag.source.start : flag.source.end] == flag.source.text
