"""Sourcing on real copy (issue 9): speakers named by layout, runs of quotations, affiliated
but unnamed sources, tiers, and rules as data. Every sentence here was written for these
tests; none comes from a labelled data set."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotate.annotator import Annotator
from annotate.lexicon import load_lexicons
from annotate.models import SentenceFlag
from annotate.sourcing.tier_kind import decided_tier

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def flags(annotator: Annotator, text: str) -> list[SentenceFlag]:
    return annotator.annotate(text).sentences


def flag_of(annotator: Annotator, text: str, starts: str) -> SentenceFlag:
    return next(f for f in flags(annotator, text) if f.text.startswith(starts))


# -- speakers named after the quotation, by a label or a dash ------------------------------
def test_quoted_paragraph_after_said_colon_is_the_speakers(annotator: Annotator) -> None:
    text = (
        "Mayor Lena Ostrova spoke to reporters on Friday.\n\n"
        "Ostrova said:\n\n"
        '"The budget is balanced. We did not cut a single library. Our critics are wrong."'
    )
    for start in ('"The budget', "We did not", "Our critics"):
        f = flag_of(annotator, text, start)
        assert f.sourcing == "named_source", f.reason
        assert f.source.text == "Ostrova"


def test_run_of_quoted_paragraphs_keeps_the_speaker(annotator: Annotator) -> None:
    text = (
        '"We will appeal," Ms Ortega said. "The ruling ignores the evidence."\n\n'
        '"It will not stand. We have 28 days to file, and we will use them."'
    )
    f = flag_of(annotator, text, "We have 28 days")
    assert f.sourcing == "named_source"
    assert f.source.text == "Ms Ortega"


def test_quotation_with_no_speaker_anywhere_is_still_flagged(annotator: Annotator) -> None:
    text = 'The council met on Monday.\n\n"Nobody has paid the 40,000 pounds yet."'
    assert flag_of(annotator, text, '"Nobody').sourcing == "unattributed_claim"


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("OKORO: We counted 312 ballots that were never opened.", "OKORO"),
        ("MS. HALE: The firm paid the fine in full.", "MS. HALE"),
        ("Dana Lee, The Ledger: Will the council reconsider the vote?", "Dana Lee, The Ledger"),
    ],
)
def test_transcript_label_names_the_speaker(annotator: Annotator, line: str, speaker: str) -> None:
    text = f"The exchange was broadcast on Tuesday.\n\nBRANDT: Go ahead.\n\n{line}"
    last = flags(annotator, text)[-1]
    assert last.sourcing == "named_source"
    assert last.source.text == speaker
    assert last.rule == "sourcing.transcript_label"


@pytest.mark.parametrize(
    "line",
    [
        "UPDATE: The bridge reopened after repairs costing 2 million pounds.",
        "Note: Figures for March were revised after 4,000 late returns.",
    ],
)
def test_furniture_labels_are_not_speakers(annotator: Annotator, line: str) -> None:
    text = f"BRANDT: Go ahead.\n\n{line}"
    assert flags(annotator, text)[-1].rule != "sourcing.transcript_label"


def test_a_single_capitalised_dateline_is_not_a_speaker(annotator: Annotator) -> None:
    text = "DUNMORE: At least 14 people were killed when the bridge collapsed on Sunday."
    f = flags(annotator, text)[-1]
    assert f.sourcing == "unattributed_claim" and decided_tier(f) == "query"


def test_dash_signature_names_the_speaker(annotator: Annotator) -> None:
    text = '"The rent has doubled in three years." \u2015 Colm Brady, tenant'
    f = flags(annotator, text)[0]
    assert f.sourcing == "named_source"
    assert f.source.text == "Colm Brady"


# -- unnamed but affiliated sources ------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A company spokesman said the plant would reopen in May.", "A company spokesman"),
        ("White House officials said the meeting went well.", "White House officials"),
        (
            "A spokeswoman for Dunmore Water said supplies were back to normal.",
            "A spokeswoman for Dunmore Water",
        ),
    ],
)
def test_affiliated_unnamed_sources_are_anonymous(
    annotator: Annotator, text: str, source: str
) -> None:
    f = flags(annotator, text)[0]
    assert f.sourcing == "anonymous_source"
    assert f.source.text == source


# -- groups and shares of groups as speakers ----------------------------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Half of Ohio Republicans said they would back the levy.", "weasel"),
        ("Sixty percent of Labour voters say the leader should stay on.", "weasel"),
        (
            "Two thirds of the tenants polled by Civis said the rent rise was unfair.",
            "named_source",
        ),
        ("Half of the budget went on salaries, the council said.", "named_source"),
        ("Baltic leaders warn that the treaty could fall apart by the spring.", "weasel"),
        ("Both Democrats and Republicans have argued that the levy is too high.", "weasel"),
        ("Fellow Democrats are urging the governor to veto the bill.", "weasel"),
        ("Senate Republicans said in a joint statement that the vote was rushed.", "named_source"),
        ("Latvia's prime minister said the treaty was vital.", "named_source"),
    ],
)
def test_groups_and_shares_of_groups_name_no_one(
    annotator: Annotator, text: str, label: str
) -> None:
    # a poll share with no poll named, or a plural of a role, is a vague group: the editor
    # sees it as a query; a named poll, a named body or one named person is a source
    assert flags(annotator, text)[0].sourcing == label


@pytest.mark.parametrize(
    ("text", "label", "source"),
    [
        (
            "Critics pounced on Ms Roe's claim that 300 jobs would go at the depot.",
            "named_source",
            "Ms Roe's",
        ),
        (
            "The mayor is seizing on a Daily Post report that the fund lost 9 million dollars.",
            "named_source",
            "Daily Post",
        ),
        ("There is a claim that 300 jobs will go at the depot.", "unattributed_claim", None),
    ],
)
def test_claim_noun_with_a_named_owner_is_the_owners(
    annotator: Annotator, text: str, label: str, source: str | None
) -> None:
    # the figure inside "X's claim that ..." is X's words, not the writer's
    f = flags(annotator, text)[0]
    assert f.sourcing == label
    assert (f.source.text if f.source else None) == source


def test_spokesperson_named_in_apposition_is_named(annotator: Annotator) -> None:
    text = "The party's health spokesman, Tom Reilly, said the plan was unfunded."
    assert flags(annotator, text)[0].sourcing == "named_source"


# -- tiers -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "tier"),
    [
        ("Okoro scored 31 points and grabbed 12 rebounds in the win over Leeds.", "routine"),
        ("Shares in Arvane Foods fell 4 percent to 212 pence on Tuesday.", "routine"),
        ("At least 14 people were killed in the blast near the market on Tuesday.", "query"),
        ("Burglaries in the district rose by 40 percent last year.", "query"),
        ("The scheme has cost taxpayers 48 million pounds since 2019.", "query"),
        ("Critics say the scheme has failed.", "query"),
        # reviews, deal lists and recipes: advice, offers and measures, not reports
        ("With the voucher you are paying 89 dollars for the 27-inch monitor.", "routine"),
        ("The 13-inch model has a battery that lasts 11 hours.", "routine"),
        ("If you were hurt in the crash, 3 people have already been charged.", "query"),
    ],
)
def test_tier_of_unsourced_sentences(annotator: Annotator, text: str, tier: str) -> None:
    f = flags(annotator, text)[0]
    assert f.unsourced
    assert decided_tier(f) == tier
    assert f"{tier}: " in f.reason and "(sourcing.tier." in f.reason


def test_sourced_sentences_have_no_tier(annotator: Annotator) -> None:
    f = flags(annotator, "Okoro scored 31 points, the club said.")[0]
    assert f.sourcing == "named_source" and f.tier is None


# -- rules as data -----------------------------------------------------------------------
def _sourcing_ids() -> set[str]:
    return load_lexicons().sourcing.ids


def test_every_rule_id_in_the_code_has_an_entry() -> None:
    """Every 'sourcing.*' id the sourcing code can put on a flag or in a reason has a
    lexicon entry with a rationale and examples (the ids of word entries come from the
    files themselves)."""
    ids = _sourcing_ids()
    code = "\n".join(p.read_text() for p in (ROOT / "annotate" / "sourcing").glob("*.py"))
    used = set(re.findall(r'"(sourcing\.[a-z_]+(?:\.[a-z_]+)*)"', code))
    missing = sorted(u for u in used if u not in ids and not u.endswith("."))
    assert not missing, f"rule ids with no lexicon entry: {missing}"


def test_every_rule_on_a_flag_has_an_entry(annotator: Annotator) -> None:
    """Over the gold and held-out articles, every rule id a flag carries, and every tier
    entry its reason cites, is an entry of the sourcing or framing lexicons."""
    lex = load_lexicons()
    known = lex.sourcing.ids | {e.id for e in lex.framing.entries}
    texts = [p.read_text() for d in ("gold", "heldout") for p in (ROOT / "tests" / d).glob("*.txt")]
    seen = set()
    for ann in annotator.annotate_many(texts):
        for f in ann.sentences:
            if f.rule:
                seen.add(f.rule)
            seen.update(re.findall(r"\((sourcing\.tier\.[a-z_]+)\)", f.reason or ""))
    assert seen, "no rules fired"
    assert not sorted(seen - known)
