"""Tiers of the thirteenth round (issue 9): what the whole article gives. A sentence flagged
only for a loaded word in the writer's voice is the framing layer's to show (routine), unless
the piece is a wall of such claims; a sentence dated a lifetime before the article's latest
year is history (routine). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from sourcing_data import flag_of

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier

# plain description around the claims: one claim in a long piece, as in a news story or feature
_PLACES = "library bakery station harbour museum market chapel theatre park school bridge".split()
PLAIN = " ".join(f"Ardley has a {place} near the river Wend." for place in _PLACES)
PLAIN += " " + " ".join(f"Corran has a {place} near the old road." for place in _PLACES)
GRIM = "The grim scenes at the Ardley depot shocked the town."
CAUSE = "The depot closure was caused by years of falling orders."


def test_a_loaded_word_alone_is_routine_and_the_reason_names_its_framing_entry(
    annotator: Annotator,
) -> None:
    f = flag_of(annotator, f"{GRIM} {PLAIN}", "The grim")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
    assert (f.reason or "").endswith("(sourcing.tier.framing_word)"), f.reason
    assert "framing.loaded.grim" in (f.reason or ""), f.reason


def test_a_cause_beside_it_stays_a_query(annotator: Annotator) -> None:
    """Only the sentence whose sole ground is the word moves; a cause is a query by its kind."""
    text = f"{GRIM} {CAUSE} {PLAIN}"
    assert flag_of(annotator, text, "The grim").tier == "routine"
    f = flag_of(annotator, text, "The depot")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason


def test_loaded_words_packed_close_stay_queries(annotator: Annotator) -> None:
    """A wall of loaded claims (slanted copy) keeps each one a query."""
    text = f"{GRIM} Ardley has a library. The council's terrifying plan came next."
    f = flag_of(annotator, text, "The grim")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason
    assert "framing_word" not in (f.reason or "")


def test_a_year_a_lifetime_back_is_history_and_so_is_the_next_undated_sentence(
    annotator: Annotator,
) -> None:
    text = (
        "The Ardley museum opened a new wing in 2019. "
        "In 1904, about 3,000 farmers lived in the Wend valley. "
        "Nearly 400 of them died in the floods."
    )
    for starts in ("In 1904", "Nearly 400"):
        f = flag_of(annotator, text, starts)
        assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
        assert (f.reason or "").endswith("(sourcing.tier.history_years)"), f.reason
        assert "1904, a lifetime before 2019" in (f.reason or ""), f.reason


def test_forty_years_back_stays_a_query_and_plans_do_not_date_the_article(
    annotator: Annotator,
) -> None:
    text = (
        "The Ardley museum opened a new wing in 2019. "
        "In 1979, about 3,000 farmers lived in the Wend valley."
    )
    f = flag_of(annotator, text, "In 1979")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason
    # a plan for 2150 is no date of the article: 1979 stays within a lifetime of 2019
    plan = f"{text} The valley board aims to plant 9,000 trees by 2150."
    f = flag_of(annotator, plan, "In 1979")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason


def test_an_old_accusation_stays_a_query(annotator: Annotator) -> None:
    text = (
        "The Ardley museum opened a new wing in 2019. "
        "In 1904, the mayor was corrupt and bribed the valley's judges."
    )
    f = flag_of(annotator, text, "In 1904")
    assert (f.rule, decided_tier(f)) == ("sourcing.check.accusation", "query"), f.reason


# -- the police or a court doing its job on the record (sourcing.tier.official_act) ---------
def test_police_and_court_procedure_is_routine_and_says_who_acted(annotator: Annotator) -> None:
    for text, who in (
        ("Ardley detectives charged the driver with dangerous driving on Friday.", "charged"),
        ("Police in Ardley are investigating the death of a hiker found on Tuesday.", "Police"),
        ("The woman was detained by officers of the Ardley murder squad on Friday.", "detained"),
    ):
        f = annotator.annotate(text).sentences[-1]
        assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
        assert (f.reason or "").endswith("(sourcing.tier.official_act)"), f.reason
        assert who in (f.reason or ""), f.reason


def test_what_officers_did_to_someone_or_a_crime_told_apart_stays_a_query(
    annotator: Annotator,
) -> None:
    for text in (
        "Ardley police beat three protesters outside the town hall on Friday.",
        "Ardley police arrested a man who stole 40 bicycles from the depot.",
        "Three hikers died on the Ardley ridge on Friday.",
    ):
        f = annotator.annotate(text).sentences[-1]
        assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason
        assert "official_act" not in (f.reason or "")


# -- unnamed people at a public meeting; an instruction to the reader ----------------------
def test_unnamed_speakers_at_a_public_meeting_are_on_the_record(annotator: Annotator) -> None:
    text = (
        "Residents packed the Ardley hall on Tuesday. "
        '"It is a city, not a village," said one resident during public comment. '
        '"It is far too big," said another man.'
    )
    for starts in ('"It is a city', '"It is far'):
        f = flag_of(annotator, text, starts)
        assert f.sourcing in ("weasel", "anonymous_source"), f.reason
        assert f.tier == "routine", f.reason
        assert (f.reason or "").endswith("(sourcing.tier.public_meeting)"), f.reason


def test_an_anonymous_speaker_or_a_closed_meeting_stays_a_query(annotator: Annotator) -> None:
    for text in (
        '"The tower is far too tall," said one resident who asked not to be named.',
        "At a closed-door meeting, officials agreed to drop the Ardley tower.",
    ):
        f = annotator.annotate(text).sentences[-1]
        assert f.sourcing == "anonymous_source" and decided_tier(f) == "query", f.reason


def test_an_order_to_the_reader_with_a_phone_number_is_routine(annotator: Annotator) -> None:
    text = "In parts of Ardley where 111 is not available, call the clinic on 0845 46 47."
    f = annotator.annotate(text).sentences[-1]
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine"), f.reason
    assert (f.reason or "").endswith("(sourcing.tier.instruction)"), f.reason


def test_a_statement_with_a_subject_is_no_instruction(annotator: Annotator) -> None:
    f = annotator.annotate("Residents of the 40 Ardley flats must leave by Friday.").sentences[-1]
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason


def test_a_loaded_verb_tells_an_act_and_stays_a_query(annotator: Annotator) -> None:
    """'dithered' says what the ministers did: an accusation in a loaded word."""
    text = f"Ardley's ministers have dithered for years over the depot. {PLAIN}"
    f = flag_of(annotator, text, "Ardley's ministers")
    assert (f.rule, decided_tier(f)) == ("framing.loaded.dither", "query"), f.reason
    assert "framing_word" not in (f.reason or "")


# an article that names a year still to come when read in 1991, already past when read in 2080
BRIDGE = (
    "The Wend bridge opened to traffic in 2060. "
    "In 1961, about 2,000 people crossed the river by ferry each day."
)


def test_the_article_date_decides_which_years_are_past(annotator: Annotator) -> None:
    """Read against a 2080 date, 2060 is the article's latest year and 1961 a lifetime before
    it: history. Read against 1991 (or today), 2060 is a plan, 1961 the latest year: a query."""
    late = flag_of(annotator, BRIDGE, "In 1961", reference=date(2080, 3, 1))
    assert (late.sourcing, decided_tier(late)) == ("unattributed_claim", "routine"), late.reason
    assert (late.reason or "").endswith("(sourcing.tier.history_years)"), late.reason
    assert "1961, a lifetime before 2060" in (late.reason or ""), late.reason
    for reference in (date(1991, 6, 1), None):
        f = flag_of(annotator, BRIDGE, "In 1961", reference=reference)
        assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason
        assert "history_years" not in (f.reason or ""), f.reason
    # annotate_many takes each text's own date, as the pipeline passes it
    many = annotator.annotate_many([BRIDGE, BRIDGE], references=[date(2080, 3, 1), None])
    tiers = [next(f.tier for f in a.sentences if f.text.startswith("In 1961")) for a in many]
    assert tiers == ["routine", "query"]
