"""Round 27: a grudge or feeling of a real person told as fact is an unsourced query
(sourcing.check.inner_state). Before the round such sentences were not flagged at all.
All sentences are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def last(annotator: Annotator, text: str):
    return annotator.annotate(text).sentences[-1]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry company lost the contract in May.\n\nTo this day the coach has not forgiven"
        " the chairman.",
        "The budget passed on Thursday.\n\nThe mayor privately resents the governor for his grip"
        " on the purse strings.",
        "The two ministers sit side by side in cabinet.\n\nThey loathe each other.",
        "The sheriff took office in 2020.\n\nHe does not disguise his loathing of the county"
        " board.",
        "The striker moved to Portvale in the summer.\n\nImrie still bears a grudge against the"
        " club that sold him.",
        "The harbour changed hands last year.\n\nThe harbourmaster despises the new owners and"
        " their plans for a marina.",
    ],
)
def test_a_grudge_told_as_fact_is_a_query(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "unattributed_claim", f.reason
    assert f.tier == "query", f.reason
    assert f.rule == "sourcing.check.inner_state", f.rule


@pytest.mark.parametrize(
    "text",
    [
        # the writer's or a speaker's own feeling
        "The final was in Lisbon.\n\nI have never forgiven myself for missing it.",
        # told by the person, on the record
        "The ferry company lost the contract in May.\n\nThe coach said he had not forgiven the"
        " chairman.",
        # a debt forgiven, a legal term
        "The cooperative was struggling.\n\nThe bank forgave the loan.",
        "The editor risks a charge of contempt of court.",
        # a modal: a threat or a forecast, not a state
        "The vote is on Monday.\n\nHer allies would never forgive a second delay.",
    ],
)
def test_no_grudge_flag_without_a_told_grudge(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.rule != "sourcing.check.inner_state", f.reason


# -- 'It' ranking what happened is not carried to the source before it -----------------------
@pytest.mark.parametrize(
    "text",
    [
        "The county police said two lorry drivers died on the coast road on Friday.\n\nIt was"
        " the second fatal crash on the coast road this year.",
        "The island's weather office said rainfall in October was half the usual amount.\n\nIt"
        " is the hottest October the island has recorded.",
    ],
)
def test_it_ranking_an_event_is_the_writers_record(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "unattributed_claim", f.reason
    assert f.tier == "routine", f.reason


def test_it_for_the_company_still_continues_it(annotator: Annotator) -> None:
    text = (
        "Harland Foods said on Monday that profit fell 12 percent to 40 million marks.\n\nIt"
        " expects sales to recover next year."
    )
    f = last(annotator, text)
    assert f.sourcing == "named_source", f.reason


# -- something not yet done, told as fact (sourcing.check.absence) -----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The council agreed the sale in March.\n\nThe lease on the old pier has not been signed.",
        "The border deal was agreed in 2019.\n\nThe treaty has never been ratified by the"
        " assembly.",
        "The inquiry opened in June.\n\nIt still has not appointed a chair.",
        "Farmers applied for the drought fund in May.\n\nThe grants are not issued until spring.",
    ],
)
def test_a_thing_not_done_is_an_unsourced_claim(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "unattributed_claim", f.reason
    assert f.rule == "sourcing.check.absence", f.rule


@pytest.mark.parametrize(
    "text",
    [
        "The lease was due in May.\n\nThe harbour board has not said when it will be signed.",
        "The lease was due in May.\n\nThe harbour board did not respond to a request for comment.",
        "The lease was due in May.\n\nThe terms may not be published before June.",
        "The lease was due in May.\n\nWe have not signed anything, the tenants' chair said.",
    ],
)
def test_reporting_lines_forecasts_and_speakers_are_not_absences(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert f.rule != "sourcing.check.absence", f.reason


# -- a belief someone induced; the wire's credit line ------------------------------------------
def test_led_to_believe_is_not_a_source(annotator: Annotator) -> None:
    text = (
        "The shop was robbed on Friday.\n\nA man in a grey coat led staff to believe his"
        " brother was on the way."
    )
    f = last(annotator, text)
    assert f.sourcing is None or f.sourcing in ("none", "unattributed_claim"), f.reason


def test_led_to_say_still_names_who_speaks(annotator: Annotator) -> None:
    text = "The delay led residents to say the council had failed them."
    assert last(annotator, text).sourcing == "weasel"


@pytest.mark.parametrize(
    "text",
    [
        "Flooding closed the ring road.\n\nBanks reported from Denver and Ruiz from Austin.",
    ],
)
def test_a_credit_line_is_not_a_flag(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing in (None, "none"), f.reason
    assert f.rule == "sourcing.layout.credit_line", f.rule


# -- people somewhere are not a body they speak for ----------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Tenants on Ashby Road said the heating had failed twice this winter.",
        "Parents on the Moorside estate said the bus had been cut without notice.",
    ],
)
def test_people_on_a_named_street_are_a_vague_group(annotator: Annotator, text: str) -> None:
    f = last(annotator, text)
    assert f.sourcing == "weasel", f.reason


def test_people_of_a_named_body_are_still_read_through_it(annotator: Annotator) -> None:
    f = last(annotator, "Researchers at Harwell University said the vaccine worked.")
    assert f.sourcing != "weasel", f.reason


# -- a share price's move is the market's record, not the company's ----------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Dovecote Foods said on Monday that half-year profit fell 20 percent to 31 million"
        " marks.\n\nDovecote's stock slid 8 percent to 4.10 marks in Harwick.",
        "Dovecote Foods said on Monday that half-year profit fell 20 percent to 31 million"
        " marks.\n\nThe company's shares ended the day 8 percent lower.",
    ],
)
def test_a_share_move_after_the_company_spoke_is_not_its_account(
    annotator: Annotator, text: str
) -> None:
    f = last(annotator, text)
    assert f.sourcing == "unattributed_claim", f.reason


def test_the_companys_own_figures_still_continue_it(annotator: Annotator) -> None:
    text = (
        "Dovecote Foods said on Monday that half-year profit fell 20 percent to 31 million"
        " marks.\n\nRevenue rose 2 percent to 900 million marks."
    )
    assert last(annotator, text).sourcing == "named_source"
