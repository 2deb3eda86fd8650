"""Round 13 of framing on real news (issue 10), read on 64 fresh real pages
(bench/traf_framing_dev_judgements.tsv): strong flags that were not loaded in context.
A word in its technical or literal sense (security copy's "malicious links", rats that
"infested" an island, the sky's "astronomical bodies"), a fixed phrase ("unless absolutely
necessary", "plead ignorance", "the evil eye"), someone else's verdict in "find X galling" /
"thinking X unpatriotic" / "experience X as an affront", and page furniture or a block
quotation read as the outlet's rhetorical question.
Every sentence here is our own."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.framing_questions import QUESTION_ID
from annotate.quotes import quote_regions


def shown(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    """What the desk shows by default: strong spans in the author's voice."""
    return [
        s.text
        for s in matcher.find(nlp(text), quote_regions(text))
        if s.tier == "strong" and not s.in_quote
    ]


def flagged(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    """Rhetorical questions in the author's voice, strong or mild (mild since round 19, so
    these tests look at both)."""
    return [
        s.text
        for s in matcher.find(nlp(text), quote_regions(text))
        if not s.in_quote and s.entry == QUESTION_ID
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Users who clicked the malicious links had their files locked by ransomware.",
        "Victims are sent a link to the malicious app, which they must install by hand.",
        "She sued the force for malicious prosecution in 2019.",
        "The treaty covers the moon, Mars and other astronomical bodies.",
        "Some 4,000 rats had infested the barns on Kell Island by spring.",
        "Training the new translation algorithms has proved especially power-hungry.",
        "Residents should not travel to the coast unless absolutely necessary.",
        "Landlords can no longer plead ignorance of the fire rules.",
        "Her grandmother hung a blue bead over the door against the evil eye.",
        "Tall grass can obscure the lizards that live on the island.",
    ],
)
def test_literal_and_fixed_senses_are_not_shown(matcher, nlp, text) -> None:
    assert shown(matcher, nlp, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the same words passing a verdict stay strong
        ("The malicious leak was timed to hurt the candidate.", "malicious"),
        ("The astronomical cost of the tunnel has doubled again.", "astronomical"),
        # (round 15: without the tag 'the paper wrote' it had, which now makes the word the
        # paper's reported view, mild, as 'The paper wrote that ...' was in round 14)
        ("The agency is infested with activists.", "infested"),
        ("The power-hungry governor seized control of the police.", "power-hungry"),
        ("The ignorant remarks from the senator drew groans in the chamber.", "ignorant"),
        ("The evil scheme targeted pensioners.", "evil"),
        ("The plan is absolutely disgusting.", "absolutely disgusting"),
        ("The figures obscure the true cost of the scheme.", "obscure"),
    ],
)
def test_the_same_words_as_a_verdict_stay_strong(matcher, nlp, text, word) -> None:
    assert word in shown(matcher, nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rival candidates found the mayor's refusal to debate deeply galling.", "galling"),
        ("She sold the rail network, thinking the old name unpatriotic.", "unpatriotic"),
        ("Older voters did not experience the vote as an affront to their town.", "affront"),
    ],
)
def test_a_verdict_in_someone_elses_judging_clause_is_theirs(matcher, nlp, text, word) -> None:
    found = matcher.find(nlp(text), quote_regions(text))
    span = next(s for s in found if s.text == word)
    assert span.in_quote, "the judge's word, reported by the outlet"
    assert word not in shown(matcher, nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # the writer's own judgement
        ("We find the decision to close the library galling.", "galling"),
        # a finding's noun phrase: the adjective is the outlet's word for it
        ("The audit found rampant fraud at the agency.", "rampant"),
        # "considering" means "given", and a finding with no judge named is the outlet's
        ("Few expect a deal, considering the mayor's tendency for bluster.", "bluster"),
        ("Days later her account was found to be utterly false.", "utterly false"),
    ],
)
def test_the_writers_own_verdict_stays_shown(matcher, nlp, text, word) -> None:
    assert word in shown(matcher, nlp, text)


QUESTION = (
    "Will the tenants of Marsh Lane feel like neighbours betrayed by the council, or like "
    "owners who were finally given a fair price for the land they held for forty years?"
)


def test_a_question_after_a_colon_line_is_a_block_quote_not_the_outlets(matcher, nlp) -> None:
    text = f"As the historian Ada Lorne writes in her new book:\n{QUESTION}"
    assert flagged(matcher, nlp, text) == []


def test_a_headline_list_run_into_the_body_is_not_a_question(matcher, nlp) -> None:
    text = (
        "The ferry will resume on Monday. Related articles More from author Harbour Files: "
        "the tenants who lost their homes to the new marina and the council that sold the "
        "land, a scandal or a bargain?"
    )
    assert flagged(matcher, nlp, text) == []


def test_the_outlets_own_long_question_is_still_flagged_one_click_away(matcher, nlp) -> None:
    text = f"The council sold the land in March.\n{QUESTION}"
    assert flagged(matcher, nlp, text) == [QUESTION]
    assert shown(matcher, nlp, text) == []  # mild since round 19


def test_big_tech_is_worth_a_look_not_shown_by_default(matcher, nlp) -> None:
    text = "As we have reported, Big Tech is at odds with itself over the new rules."
    found = matcher.find(nlp(text), quote_regions(text))
    assert [(s.text, s.tier) for s in found] == [("Big Tech", "mild")]


def test_a_size_is_not_the_big_tech_label(matcher, nlp) -> None:
    text = "She led one of the biggest tech mergers of the decade."
    assert matcher.find(nlp(text), quote_regions(text)) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The governor lashed back at the auditors on Tuesday.", "lashed back"),
        ("The senator spent the summer whipping up fear about the new clinic.", "whipping up fear"),
        ("Mayor Hask exploded with rage when the council voted him down.", "exploded with rage"),
    ],
)
def test_an_outburst_verb_is_flagged_mild(matcher, nlp, text, phrase) -> None:
    found = matcher.find(nlp(text), quote_regions(text))
    assert [(s.text, s.entry, s.tier) for s in found] == [
        (phrase, "framing.loaded.angry_outburst", "mild")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The governor replied to the auditors on Tuesday.",
        "A gas canister exploded at the depot on Tuesday, the fire service said.",
        "The senator campaigned against the new clinic all summer.",
    ],
)
def test_plain_replies_and_literal_blasts_are_not_outbursts(matcher, nlp, text) -> None:
    assert matcher.find(nlp(text), quote_regions(text)) == []
