"""Sourcing labels as an editor would see them: one flag per sentence, the right label,
the source and cue an editor can click, and a reason in plain words."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from annotate.annotator import Annotator
from annotate.models import SentenceFlag
from annotate.nlp import load_nlp
from annotate.quotes import quote_regions
from annotate.sentences import split_sentences
from annotate.sourcing import SourcingClassifier, load_lexicon

GOLD = Path(__file__).parent / "gold"


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def labels(annotator: Annotator, text: str) -> list[str]:
    return [f.sourcing or "none" for f in annotator.annotate(text).sentences]


def flag_of(annotator: Annotator, text: str, starts: str) -> SentenceFlag:
    return next(f for f in annotator.annotate(text).sentences if f.text.startswith(starts))


# -- the lexicon is data an editor can trust and extend ----------------------------------
def test_lexicon_entries_have_unique_ids_rationale_and_examples() -> None:
    lex = load_lexicon()
    ids = [e["id"] for e in lex.entries]
    assert len(ids) == len(set(ids))
    for e in lex.entries:
        assert e.get("rationale"), e["id"]
        assert e.get("examples"), e["id"]


EXAMPLES = [
    (e["id"], ex["text"], ex["label"])
    for e in load_lexicon().entries
    for ex in e.get("examples", [])
]


@pytest.mark.parametrize(
    ("entry", "text", "label"), EXAMPLES, ids=[f"{e}:{t[:30]}" for e, t, _ in EXAMPLES]
)
def test_lexicon_example_gets_its_label(
    annotator: Annotator, entry: str, text: str, label: str
) -> None:
    assert labels(annotator, text) == [label]


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


# -- named sources and their carry-over ------------------------------------------------------
def test_named_source_at_end_of_sentence(annotator: Annotator) -> None:
    f = flag_of(annotator, "Exports fell 12 percent in March, the ministry said.", "Exports")
    assert f.sourcing == "named_source"
    assert f.source.text == "the ministry" and f.cue.text == "said"


def test_named_person_with_title_and_abbreviations(annotator: Annotator) -> None:
    text = "Lt. Gen. Mark Reyes told a U.S. Senate panel that 10,000 recruits were missing."
    flags = annotator.annotate(text).sentences
    assert len(flags) == 1
    assert flags[0].sourcing == "named_source"
    assert "Mark Reyes" in flags[0].source.text


def test_passive_agent_is_the_source(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "The losses were first disclosed by the Financial Conduct Authority in 2021.",
        "The losses",
    )
    assert f.sourcing == "named_source"
    assert "Financial Conduct Authority" in f.source.text


def test_pronoun_continues_named_speaker(annotator: Annotator) -> None:
    text = (
        "Opposition spokesman Mark Delaney called the budget reckless. "
        "He added that his party would force a vote on 900 million pounds of cuts."
    )
    assert labels(annotator, text) == ["named_source", "named_source"]
    assert "Delaney" in flag_of(annotator, text, "He added").reason


def test_named_report_referred_to_as_the_report(annotator: Annotator) -> None:
    text = (
        "The Care Quality Commission published its annual report on Thursday. "
        "The report shows that one in five patients waited longer than 18 weeks. "
        "It also found that 40 hospitals missed their targets."
    )
    assert labels(annotator, text)[1:] == ["named_source", "named_source"]


def test_the_report_with_no_report_named_is_vague(annotator: Annotator) -> None:
    text = "Officials are hiding the true death toll, the report concludes."
    assert labels(annotator, text) == ["vague_document"]


def test_figures_continuing_a_named_report_stay_named(annotator: Annotator) -> None:
    text = (
        "A report from the National Audit Office has disclosed that 2,546 people died. "
        "The overall casualties reached a total of 4,813.\n\n"
        "Hospitals are under the most severe pressure in a decade."
    )
    assert labels(annotator, text) == ["named_source", "named_source", "unattributed_claim"]


# -- quotations --------------------------------------------------------------------------
def test_multi_sentence_quote_takes_its_speaker(annotator: Annotator) -> None:
    text = (
        '"These are not just numbers," said Dr. Amara Okafor. '
        '"We need a plan that matches the scale of the problem."'
    )
    flags = annotator.annotate(text).sentences
    assert [f.sourcing for f in flags] == ["named_source", "named_source"]
    assert flags[1].in_quote and "Okafor" in flags[1].source.text


def test_quote_before_its_attribution_in_same_paragraph(annotator: Annotator) -> None:
    text = '"The deal is dead. Nobody wants it," a senior official who asked not to be named said.'
    assert labels(annotator, text) == ["anonymous_source", "anonymous_source"]


def test_words_inside_a_quote_are_not_the_outlets_attribution(annotator: Annotator) -> None:
    # "people think" is the speaker's phrase, not an attribution to a vague group
    text = '"We are closer than people think," Liberty leader Tomas Reinholt said.'
    assert labels(annotator, text) == ["named_source"]


# -- anonymous, vague, agentless, weasel -----------------------------------------------------
def test_according_to_people_familiar_is_anonymous(annotator: Annotator) -> None:
    f = flag_of(
        annotator,
        "Harlow is in talks to buy Meadowbrook for 1.2 billion dollars, according to people familiar with the matter.",
        "Harlow",
    )
    assert f.sourcing == "anonymous_source"
    assert f.cue.text == "according to"
    assert f.source.text.startswith("people familiar")
    assert "unnamed" in f.reason


def test_unnamed_official_with_affiliation_stays_anonymous(annotator: Annotator) -> None:
    text = "Two Treasury officials, speaking on condition of anonymity, said fuel duty would rise."
    assert labels(annotator, text) == ["anonymous_source"]


def test_unnamed_documents_are_vague(annotator: Annotator) -> None:
    text = (
        "Internal documents reveal that the army hid casualties. "
        "Recent intelligence reports have begun to unveil the deception. "
        "Leaked memos suggest that the Treasury opposed the plan."
    )
    assert labels(annotator, text) == ["vague_document"] * 3
    f = flag_of(annotator, text, "Internal")
    assert f.reason == "attributed to unnamed 'Internal documents'"


@pytest.mark.parametrize(
    "text",
    [
        "It is believed that the minister will resign.",
        "The striker is said to be unhappy at the club.",
        "The company reportedly lost 40 million dollars last year.",
        "Ministers are thought to be preparing a new plan.",
        "It has been learned that the talks collapsed.",
    ],
)
def test_agentless_evidentials(annotator: Annotator, text: str) -> None:
    assert labels(annotator, text) == ["agentless"]


@pytest.mark.parametrize(
    "text",
    [
        "Critics say the plan leaves little room for error.",
        "Many analysts believe a recession is coming.",
        "Observers note that turnout was low.",
        "Economists widely agree that rates will fall.",
    ],
)
def test_vague_groups_are_weasel(annotator: Annotator, text: str) -> None:
    assert labels(annotator, text) == ["weasel"]


def test_named_poll_and_named_body_are_not_weasel(annotator: Annotator) -> None:
    text = (
        "Economists polled by Reuters had expected the decision. "
        "Observers from the Organization for Security and Co-operation in Europe said the vote was well run."
    )
    assert labels(annotator, text) == ["named_source", "named_source"]


# -- check-worthy or not -------------------------------------------------------------------
def test_unattributed_figure_has_a_reason(annotator: Annotator) -> None:
    f = flag_of(annotator, "In 2024, 685 security personnel were killed in violence.", "In 2024")
    assert f.sourcing == "unattributed_claim"
    assert f.reason == "figure with no source: '685'"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The year 2024 has emerged as the deadliest year for the army.", "superlative"),
        ("The deterioration can be traced back to political instability.", "causal"),
        ("The government continues to conceal the deaths of its soldiers.", "accusation"),
        ("India's decisive actions highlight the chaos across the border.", "evaluative"),
    ],
)
def test_check_worthy_structures_are_flagged(annotator: Annotator, text: str, word: str) -> None:
    f = annotator.annotate(text).sentences[0]
    assert f.sourcing == "unattributed_claim"
    assert word in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The committee will hold a second hearing in May.",
        "Meadowbrook did not respond to a request for comment.",
        "Judge Helen Marsh adjourned the hearing until Tuesday morning.",
        "Parliament reconvenes on October 2.",
        "Schools in the two towns will stay closed on Monday.",
        "There were no immediate reports of deaths.",
        "Passengers are advised to check times before they travel.",
    ],
)
def test_schedules_transitions_and_no_comment_need_no_source(
    annotator: Annotator, text: str
) -> None:
    assert labels(annotator, text) == ["none"]


def test_age_and_dates_are_not_figures(annotator: Annotator) -> None:
    assert labels(annotator, "Judge Helen Marsh, 58, adjourned the hearing until March 3.") == [
        "none"
    ]


def test_headlines_are_not_sentences_to_source(annotator: Annotator) -> None:
    text = "Rail strike called off after pay deal\n\nServices will run as normal from Monday."
    assert labels(annotator, text) == ["none", "none"]
    assert "headline" in annotator.annotate(text).sentences[0].reason


def test_failed_to_disclose_is_not_an_attribution(annotator: Annotator) -> None:
    text = "Officials failed to disclose the true number of casualties."
    assert labels(annotator, text) == ["unattributed_claim"]


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
