"""Round 21 (issue 9): a group's claim that the next sentence puts a named member's name to
(sourcing.tier.group_named_next). The shape was the largest class of wrong default flags in
the blind readings; the sentences here are written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator

RULE = "(sourcing.tier.group_named_next)"


@pytest.mark.parametrize(
    ("text", "start", "member"),
    [
        (
            "Harbour pilots say the new channel is too shallow for the winter ferries.\n\n"
            '"At low tide the channel is a ditch," said Ines Varga, a harbour pilot for twenty'
            " years.\n",
            "Harbour pilots",
            "Ines Varga",
        ),
        (
            "Some Wendle Democrats now worry that the levy will cost them the autumn vote.\n\n"
            '"Nobody knocks on doors for a levy," said Tomas Ardel, a Democratic pollster in'
            " Corran.\n",
            "Some Wendle",
            "Tomas Ardel",
        ),
        (
            # the group's own next line is passed over to reach the member
            "Several ferry union organisers said the strike would go ahead on Monday.\n\n"
            "They said the operator had not answered their letter.\n\n"
            "Lena Ruiz, one of the organisers at the Corran depot, said the strike was on.\n",
            "Several ferry",
            "Lena Ruiz",
        ),
        (
            # a kind of people and a member's title: lawmakers, then a senator
            "Wendle lawmakers say the harbour levy will pass before the summer recess.\n\n"
            '"The levy has the votes," said Senator Tomas Ardel.\n',
            "Wendle lawmakers",
            "Tomas Ardel",
        ),
        (
            # experts, then a professor in apposition
            "Legal experts say the levy could be struck down by the Corran court.\n\n"
            '"The levy\'s wording is a gift to its opponents," said Lena Ruiz, a professor of'
            " tax law.\n",
            "Legal experts",
            "Lena Ruiz",
        ),
    ],
)
def test_a_group_whose_member_is_named_next_is_routine(
    annotator: Annotator, text: str, start: str, member: str
) -> None:
    f = flag_of(annotator, text, start)
    assert f.sourcing in ("weasel", "anonymous_source"), f.reason
    assert f.tier == "routine" and RULE in (f.reason or ""), f.reason
    assert member in (f.reason or "")


@pytest.mark.parametrize(
    ("text", "start"),
    [
        # the next speaker answers the group and is not one of it
        (
            "Residents say the tap water in Ardley has smelled of diesel since March.\n\n"
            '"We are testing it every week," said Mayor Lena Ruiz.\n',
            "Residents say",
        ),
        # words about the speaker that are not what the speaker is: a budget director is no
        # lawmaker because a president is named in the title
        (
            "Wendle lawmakers say the harbour levy will pass before the summer recess.\n\n"
            '"We have not counted yet," said Lena Ruiz, President Varga\'s budget director.\n',
            "Wendle lawmakers",
        ),
        # a member named next who makes another point of their own: the cost stays a query
        (
            "Corran councillors say the tram line will cost closer to 2.4 billion dalers.\n\n"
            "Councillor Lena Ruiz, a member of the transport board, said she would vote for"
            " it if fares were frozen.\n",
            "Corran councillors",
        ),
        # a member quoted on another point gives no evidence for the group's claim
        (
            "Some analysts doubt that Ardley Foods can carry the extra debt.\n\n"
            '"A higher offer is likely," said Lena Ruiz, an analyst at Wendle Securities.\n',
            "Some analysts",
        ),
        # a source kept off the record stays a query whoever speaks next
        (
            "Two harbour officials said the dredging contract had been signed without a"
            " tender.\n\n"
            '"Every contract went to tender," said Ines Varga, a harbour official.\n',
            "Two harbour",
        ),
        # one unnamed person is no group
        (
            "A ferry engineer said the new channel was too shallow for the winter boats.\n\n"
            '"It is deep enough," said Ines Varga, another ferry engineer.\n',
            "A ferry engineer",
        ),
        # the named person is whom the group serves, not one of them
        (
            "Ardel's aides say the minister has no wish to prolong the feud over the levy.\n\n"
            "Tomas Ardel said on Sunday that the levy would stay.\n",
            "Ardel's aides",
        ),
        # the member speaks two sentences on, past a sentence that is neither
        (
            "Harbour pilots say the new channel is too shallow for the winter ferries.\n\n"
            "The channel was dredged in 2021 at a cost of 40 million dalers.\n\n"
            '"We scrape the bottom at low tide," said Ines Varga, a harbour pilot.\n',
            "Harbour pilots",
        ),
    ],
)
def test_a_group_claim_without_a_named_member_next_stays_a_query(
    annotator: Annotator, text: str, start: str
) -> None:
    f = flag_of(annotator, text, start)
    assert f.sourcing in ("weasel", "anonymous_source"), f.reason
    assert f.tier == "query", f.reason


# -- stock words of size and grief, one click away (framing tiers) ---------------------------
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The audit is a devastating verdict on the harbour board's first year.\n", "devastating"),
        ("It was an extraordinary display of temper from the Corran mayor.\n", "extraordinary"),
        ("The tragic decision to close the Ardley ward was taken in March.\n", "tragic"),
        ("The horror of the new parking rules is only beginning in Wendle.\n", "horror"),
    ],
)
def test_stock_words_of_size_and_grief_are_mild(annotator: Annotator, text: str, word: str) -> None:
    spans = [s for s in annotator.annotate(text).spans if word in s.text.lower()]
    assert spans, "the word is still found"
    assert all(s.tier == "mild" for s in spans), [(s.text, s.tier) for s in spans]


def test_a_staggering_figure_stays_starred(annotator: Annotator) -> None:
    text = "The harbour board spent a staggering 40 million dalers on the new quay.\n"
    spans = [s for s in annotator.annotate(text).spans if "staggering" in s.text]
    assert spans and spans[0].tier == "strong" and not spans[0].in_quote


# -- a curly quotation closed by an opening mark typed the wrong way round (quotes.py) -------
def test_a_quotation_closed_by_a_wrong_way_curly_mark_leaves_its_tag_outside(
    annotator: Annotator,
) -> None:
    text = "“It was never tendered,“ said Ines Varga, an auditor at the Wendle port.\n"
    f = flag_of(annotator, text, "“It was")
    assert f.sourcing == "named_source" and not f.in_quote, f.reason
    assert f.source is not None and "Ines Varga" in f.source.text
