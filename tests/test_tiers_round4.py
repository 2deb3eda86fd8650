"""Claims and tiers of the fourth round (issue 9): what an editor sees by default on real
copy. Market data reading out a named source, words heard on a recording and exhibits under
a court record are routine; causes given for a move, predictions and breaches of a rule are
queries; a company's share price and an index are nobody's words. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator
from annotate.sourcing.tier_kind import decided_tier


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def flag(annotator: Annotator, text: str, starts: str):
    return next(f for f in annotator.annotate(text).sentences if f.text.startswith(starts))


def tier_of(annotator: Annotator, text: str, starts: str) -> tuple[str | None, str | None]:
    f = flag(annotator, text, starts)
    return f.sourcing, decided_tier(f)  # the tier rules' decision, before kind_only


SALES = (
    "Dealers in the county sold 12,400 new vans in May, according to the Vehicle Registry.\n\n"
    "The average loan rate on a new van stayed near 6 percent for a third month.\n"
)


def test_figures_next_to_a_named_data_source_are_routine(annotator: Annotator) -> None:
    f = flag(annotator, SALES, "The average loan")
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "routine")
    assert "sourcing.tier.data_in_force" in (f.reason or "")


def test_the_same_figure_alone_stays_a_query(annotator: Annotator) -> None:
    text = "The average loan rate on a new van stayed near 6 percent for a third month."
    assert tier_of(annotator, text, "The average") == ("unattributed_claim", "query")


def test_a_casualty_next_to_a_named_data_source_stays_a_query(annotator: Annotator) -> None:
    text = SALES + "\nAt least 14 drivers were killed on the coast road in May.\n"
    assert tier_of(annotator, text, "At least") == ("unattributed_claim", "query")


def test_a_quotation_continuing_words_heard_on_a_radio_is_routine(annotator: Annotator) -> None:
    text = '"The road is blocked," officers said on their radios. "We need a tow truck."\n'
    assert tier_of(annotator, text, '"The road')[1] == "routine"
    assert tier_of(annotator, text, '"We need')[1] == "routine"


def test_unnamed_people_talking_to_a_reporter_stay_a_query(annotator: Annotator) -> None:
    text = '"They knew the wall was cracked," a worker told the Herald.'
    assert tier_of(annotator, text, '"They knew') == ("anonymous_source", "query")


def test_footage_shown_under_a_court_record_is_routine(annotator: Annotator) -> None:
    video = (
        "Neighbourhood security video shows the woman's sister pushed to the pavement as Amory "
        "drives off.\n"
    )
    trial = "According to evidence presented at trial, Amory followed the woman for an hour. "
    quiet = "Amory lived two streets from the woman for a year. "
    assert tier_of(annotator, trial + video, "Neighbourhood") == ("vague_document", "routine")
    assert tier_of(annotator, quiet + video, "Neighbourhood")[1] != "routine"


@pytest.mark.parametrize(
    "text",
    [
        "Shares in Corran Foods fell 4 percent after regulators fined the company.",
        "The krona slid 1 percent as traders bet on a rate cut.",
        "Brent crude rose 2 percent on fears of a supply shortage.",
        "Stocks in Halvik slipped 1 percent amid the protests.",
    ],
)
def test_a_cause_given_for_a_market_move_is_a_query(annotator: Annotator, text: str) -> None:
    f = flag(annotator, text, text[:8])
    assert (f.sourcing, decided_tier(f)) == ("unattributed_claim", "query"), f.reason


def test_the_market_move_alone_stays_routine(annotator: Annotator) -> None:
    text = "Brent crude rose 2 percent on Tuesday."
    assert tier_of(annotator, text, "Brent") == ("unattributed_claim", "routine")


@pytest.mark.parametrize(
    "text",
    [
        "Container rates will keep falling well into next year.",
        "The board will likely scrap the merger at its next meeting.",
        "The merger is likely to stall in the senate.",
    ],
)
def test_predictions_with_no_source_are_queries(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == ("unattributed_claim", "query")


@pytest.mark.parametrize(
    "text",
    [
        "The council will vote on the harbour plan on Friday.",
        "Prices could rise if the strike goes ahead.",
        "The fishing licence is set to expire in June.",
    ],
)
def test_schedules_and_conditions_are_not_predictions(annotator: Annotator, text: str) -> None:
    assert tier_of(annotator, text, text[:8]) == (None, None)


def test_a_breach_against_a_rule_is_a_query(annotator: Annotator) -> None:
    text = "Although the rules require a public tender, the ministry has been awarding contracts directly."
    f = flag(annotator, text, "Although")
    assert (f.sourcing, decided_tier(f), f.rule) == (
        "unattributed_claim",
        "query",
        "sourcing.check.breach",
    )
    plain = "Although it rained all morning, the parade went ahead."
    assert tier_of(annotator, plain, "Although") == (None, None)


def test_a_denial_by_its_subject_accuses_no_one(annotator: Annotator) -> None:
    assert tier_of(annotator, "The firm flat-out denied the accusations.", "The firm")[1] is None
    withheld = "Residents were denied clean water for a week after the pipe burst."
    assert tier_of(annotator, withheld, "Residents") == ("unattributed_claim", "query")


def test_a_statement_a_named_body_issued_is_theirs(annotator: Annotator) -> None:
    text = (
        "On Monday, Harrow Mills issued a statement about the dispute.\n\n"
        'The statement, which was seen by the Ledger, claimed the sides had "reached terms."\n'
    )
    f = flag(annotator, text, "The statement")
    assert f.sourcing == "named_source" and f.source is not None
    assert f.source.text == "Harrow Mills"


def test_named_body_officials_on_a_death_are_routine_described_ones_query(
    annotator: Annotator,
) -> None:
    named = "Halvard County Health Department officials said a second patient had died."
    described = "State health officials said a second patient had died."
    assert tier_of(annotator, named, "Halvard") == ("anonymous_source", "routine")
    assert tier_of(annotator, described, "State") == ("anonymous_source", "query")


def test_a_companys_share_price_is_not_the_companys_words(annotator: Annotator) -> None:
    text = (
        "Pellow Foods reported a fall in profit on Wednesday.\n\n"
        "The company said revenue fell 4 percent to 1.2 billion pounds.\n\n"
        "Shares in Pellow fell 3 percent to 212 pence, while the Corran All-Share index closed "
        "0.4 percent lower.\n"
    )
    assert tier_of(annotator, text, "The company") == ("named_source", None)
    assert tier_of(annotator, text, "Shares in") == ("unattributed_claim", "routine")


def test_an_index_moving_is_market_data_not_a_document(annotator: Annotator) -> None:
    text = "The Halvik Composite index fell 1.2 percent in early trading."
    assert tier_of(annotator, text, "The Halvik") == ("unattributed_claim", "routine")
    report = "The agency's rental price index showed rents rising 6 percent in the capital."
    assert tier_of(annotator, report, "The agency") == ("named_source", None)


def test_a_body_setting_its_own_dividend_is_the_source(annotator: Annotator) -> None:
    text = "Tarrow Shipping kept its annual dividend unchanged at 40 pence a share."
    f = flag(annotator, text, "Tarrow")
    assert (f.sourcing, f.rule) == ("named_source", "sourcing.own_act")


def test_bare_figures_in_a_release_story_are_the_releases(annotator: Annotator) -> None:
    text = (
        "Costa Water published its leakage report on Friday.\n\n"
        "Regional data showed the worst losses in the hills, at 31 percent.\n"
    )
    assert tier_of(annotator, text, "Regional")[0] == "named_source"
    alone = "Regional data showed the worst losses in the hills, at 31 percent."
    assert tier_of(annotator, alone, "Regional")[0] == "vague_document"


def test_least_before_an_adjective_is_a_superlative(annotator: Annotator) -> None:
    text = "The deep valley remains one of the least visited places in the country."
    assert flag(annotator, text, "The deep").rule == "sourcing.check.superlative"
    assert (
        tier_of(annotator, "It is the third extension of the permit this decade.", "It is")[1]
        == "routine"
    )


def test_a_loaded_verb_of_saying_still_names_the_speaker(annotator: Annotator) -> None:
    text = 'Councillor Ben Ash went further, scoffing that critics were "living in the past."'
    f = flag(annotator, text, "Councillor")
    assert (f.sourcing, f.source.text if f.source else None) == (
        "named_source",
        "Councillor Ben Ash",
    )
    assert (
        tier_of(annotator, "The crowd jeered as the visiting team left the pitch.", "The")[0]
        is None
    )


def test_a_number_to_dial_or_quote_is_not_a_figure(annotator: Annotator) -> None:
    appeal = "Anyone who saw the crash can call 101, quoting reference 412."
    assert tier_of(annotator, appeal, "Anyone") == (None, None)
    count = "Police received 412 calls about the crash on Sunday."
    assert tier_of(annotator, count, "Police")[0] == "unattributed_claim"
