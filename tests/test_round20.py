"""Round 20 (issue 9): unnamed speakers the annotator credited as named, and figures whose
source is the subject that puts a number on them. Each shape was found on PolNeAR train; the
sentences here are written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator


# -- a parenthetical verb of saying with an unnamed speaker (attribution.py, aside) ----------
@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("Varga, a senior aide said, is confident the review will clear her.", "a senior aide"),
        (
            "Through the winter, friends of the harbourmaster said, any talk of the levy made"
            " him complain for hours.",
            "friends of the harbourmaster",
        ),
    ],
)
def test_an_unnamed_speaker_set_off_by_commas_is_the_source(
    annotator: Annotator, text: str, who: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:12])
    assert f.sourcing == "anonymous_source" and f.tier == "query", f.reason
    assert f.source is not None and f.source.text == who


def test_a_named_speaker_set_off_by_commas_still_names_the_source(
    annotator: Annotator,
) -> None:
    text = "Overall, Ines Varga said, most dock workers back the levy.\n"
    f = flag_of(annotator, text, "Overall")
    assert f.sourcing == "named_source", f.reason


# -- a coordinated clause from an unnamed speaker (sourcing.several.unnamed_clause) ----------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Minister Ines Varga said the review was routine, but officials said the contract"
            " had been signed without a tender.",
            "anonymous_source",
        ),
        (
            "Varga has said nothing about the depot in public, and two people who have spoken to"
            " her say she wants it sold.",
            "anonymous_source",
        ),
        (
            "Varga defended the contract, but critics say it will cost the port millions.",
            "weasel",
        ),
    ],
)
def test_a_claim_beside_a_named_one_can_rest_on_an_unnamed_speaker(
    annotator: Annotator, text: str, label: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.sourcing == label and f.tier == "query", f.reason
    assert f.rule == "sourcing.several.unnamed_clause"
    assert "Varga" in (f.reason or "")  # the reason says who gave the rest


@pytest.mark.parametrize(
    "text",
    [
        # the unnamed people are inside what she said: she is the source
        "Ines Varga said officials had told her the contract was signed without a tender.",
        # the same speaker twice
        "Ines Varga said the contract was sound and added that the cranes had been repaired.",
        # a second named speaker
        "Ines Varga said the contract was sound, but Tomas Ardel said it was rushed.",
    ],
)
def test_claims_of_named_speakers_stay_named(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.sourcing == "named_source", f.reason


# -- names that do not name the speaker --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Current and former staff who spoke to The Wendle Post said the ferry was unsafe.",
            "anonymous_source",
        ),
        (
            "Officials who work for Governor Ines Varga said the depot would close.",
            "anonymous_source",
        ),
        ("Retired prosecutors said the inquiry had cut corners.", "weasel"),
        (
            '"Those sums were never going to work," said an unaffiliated Wendle Republican strategist.',
            "anonymous_source",
        ),
    ],
)
def test_unnamed_people_are_not_named_by_the_names_around_them(
    annotator: Annotator, text: str, label: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.sourcing == label and f.unsourced, f.reason


@pytest.mark.parametrize(
    "text",
    [
        "A driver named Ada Brink said the depot would close.",
        "Prosecutors said the defendant had fled to Ardley.",
    ],
)
def test_named_speakers_and_the_prosecution_stay_named(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.sourcing == "named_source", f.reason


def test_a_stray_quote_before_a_capitalised_adjective_names_no_body(
    annotator: Annotator,
) -> None:
    text = (
        'The campaign spent heavily on digital advertising.\n\n"\n\n'
        "Digital experts said the spending had not paid off.\n"
    )
    f = flag_of(annotator, text, "Digital experts")
    assert f.sourcing == "weasel", f.reason


# -- figures put at a number by their source (sourcing.cue.figure_at) --------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "The Ardley audit office puts the cost of the new tram line at 2.4 billion crowns.",
            "named_source",
        ),
        ("The Corran harbour board estimated the turnout at about 2,200.", "named_source"),
        ("The council valued the old depot site at 4 million crowns.", "named_source"),
        (
            "Officials privately put the cost of the repairs at 40 million crowns.",
            "anonymous_source",
        ),
    ],
)
def test_whoever_puts_a_figure_at_a_number_is_its_source(
    annotator: Annotator, text: str, label: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.sourcing == label, f.reason
    assert f.cue is not None and f.cue.text in ("puts", "put", "estimated", "valued"), f.cue


@pytest.mark.parametrize(
    "text",
    [
        "The council put the harbour plan on hold in March after 400 objections.",
        "At one point, a clerk asked for 20 more days.",
    ],
)
def test_put_and_at_in_other_senses_are_no_source(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.rule != "sourcing.cue.figure_at", f.reason
    assert f.sourcing != "named_source" or "clerk" not in (f.reason or ""), f.reason


# -- wrong reasons listed by the round-23 reading (development pages) ------------------------
def test_no_10_is_an_office_not_a_figure(annotator: Annotator) -> None:
    text = "No 10 said the prime minister had full confidence in the chancellor.\n"
    f = flag_of(annotator, text, "No 10")
    assert f.sourcing == "named_source" and f.rule == "sourcing.source.numbered_office", f.reason
    g = flag_of(annotator, "No 10 officials said the reshuffle would wait.\n", "No 10")
    assert g.sourcing == "anonymous_source", g.reason


def test_no_before_a_noun_still_cites_nobody(annotator: Annotator) -> None:
    text = "No group has said it carried out the attack on the Ardley depot.\n"
    f = flag_of(annotator, text, "No group")
    assert f.sourcing != "named_source", f.reason


def test_a_hyphenated_wrestling_move_is_not_a_loaded_verb(annotator: Annotator) -> None:
    text = "The wrestler choke-slammed his rival through a table in the final match.\n"
    ann = annotator.annotate(text)
    assert not [s for s in ann.spans if "slammed" in s.text], ann.spans
    assert not ann.sentences[0].unsourced, ann.sentences[0].reason
    loaded = annotator.annotate("The minister was slammed by opposition MPs over the delay.\n")
    assert [s.entry for s in loaded.spans] == ["framing.loaded.slam"]


def test_a_decimal_point_is_no_score(annotator: Annotator) -> None:
    text = "Ardley's approval rating fell by a 0.3-point margin in the latest count of voters.\n"
    f = flag_of(annotator, text, "Ardley")
    assert "sourcing.tier.sport" not in (f.reason or ""), f.reason
    g = flag_of(annotator, "Corran won by 12 points in the final.\n", "Corran")
    assert "sourcing.tier.sport" in (g.reason or ""), g.reason


# -- 'To Varga, the levy is a lifeline' (sourcing.cue.to_view) -------------------------------
@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "To Ines Varga, who has run the depot for 20 years, the closure is a disaster.",
            "named_source",
        ),
        ("To his critics, the mayor of Corran is reckless.", "weasel"),
        ("To many residents, the levy is a betrayal.", "weasel"),
    ],
)
def test_to_someone_opens_their_view(annotator: Annotator, text: str, label: str) -> None:
    f = flag_of(annotator, text + "\n", "To ")
    assert f.sourcing == label, f.reason
    assert f.cue is not None and f.cue.text == "To"


@pytest.mark.parametrize(
    "text",
    [
        "To the east of Corran, the river floods every spring.",
        "To be sure, the port has lost money for years.",
        "To a person, the dock workers backed the levy.",
    ],
)
def test_to_without_a_holder_of_views_is_no_attribution(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", "To ")
    assert f.cue is None or f.cue.text != "To", f.reason


# -- the speaker beside the verb, and one of a group ---------------------------------------------
@pytest.mark.parametrize(
    ("text", "who"),
    [
        (
            '"Stubborn manager, stubborn port," board chair Lena Ruiz said last week on Corran'
            " Radio.",
            "Lena Ruiz",
        ),
        (
            "One of the mayor's deputies, Lena Ruiz, said the depot vote would be delayed.",
            "Lena Ruiz",
        ),
    ],
)
def test_the_named_speaker_is_not_lost_to_a_word_of_the_quote(
    annotator: Annotator, text: str, who: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:6])
    assert f.sourcing == "named_source", f.reason
    assert f.source is not None and who in f.source.text


@pytest.mark.parametrize(
    "text",
    [
        "One of the engineers said the cranes at the eastern depot were unsafe.",
        "Two of the engineers said the cranes at the eastern depot were unsafe.",
    ],
)
def test_some_of_an_unnamed_group_are_anonymous(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", text[:6])
    assert f.sourcing == "anonymous_source" and f.tier == "query", f.reason


def test_a_group_of_places_is_not_the_speaker(annotator: Annotator) -> None:
    text = "Dock workers from Corran, Ardley and Wendle told the inquiry the cranes were old.\n"
    f = flag_of(annotator, text, "Dock")
    assert f.sourcing != "named_source", f.reason
