"""Claims inside attributed sentences, events with no source, pull quotes and words that
only look like figures or crimes (issue 9, second round). Every sentence here was written
for these tests; none comes from a labelled data set."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator
from annotate.models import SentenceFlag
from annotate.sourcing.tier_kind import decided_tier


@pytest.fixture(scope="module")
def annotator() -> Annotator:
    return Annotator()


def last(annotator: Annotator, text: str) -> SentenceFlag:
    return annotator.annotate(text).sentences[-1]


def test_figure_in_a_clause_on_the_speaker_is_flagged_with_the_speaker_kept(
    annotator: Annotator,
) -> None:
    f = last(
        annotator,
        '"We will fight this," said Tomas Ruiz, whose union has lost 900 members since May.',
    )
    assert f.sourcing == "unattributed_claim" and decided_tier(f) == "query"
    assert f.source is not None and f.source.text == "Tomas Ruiz"
    assert "'whose union has lost 900 members since May'" in f.reason
    assert "did not give" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        '"We will fight this," said Tomas Ruiz, whose union has 900 members.',  # a standing fact
        '"We will fight this," said Tomas Ruiz, 58.',  # an age
        '"We will fight this," said the official who counted 900 ballots.',  # who, not what
    ],
)
def test_clauses_that_add_no_unsourced_figure_are_left_alone(
    annotator: Annotator, text: str
) -> None:
    assert last(annotator, text).rule != "sourcing.check.source_clause"


def test_removed_content_with_no_agent_is_an_event_to_query(annotator: Annotator) -> None:
    f = last(annotator, "The mayor's video about the bridge was later removed.")
    assert f.sourcing == "unattributed_claim" and decided_tier(f) == "query"
    assert "'video about the bridge was later removed'" in f.reason
    assert "(sourcing.tier.unsourced_event)" in f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The mayor's video was removed by the platform for breaking its rules.",  # agent named
        "The snow was removed from the bridge overnight.",  # not content
        "The video will be removed on Friday.",  # not an event yet
        "The video was not removed.",  # denied
    ],
)
def test_removals_that_need_no_source_are_left_alone(annotator: Annotator, text: str) -> None:
    assert not (last(annotator, text).rule or "").startswith("sourcing.check.hidden_act")


def test_pull_quote_takes_the_speaker_of_the_full_quotation(annotator: Annotator) -> None:
    text = (
        '"Nobody told us the water was unsafe to drink."\n\n'
        "Residents met on Monday. "
        '"Nobody told us the water was unsafe to drink," said Priya Nair, who chairs the '
        "tenants' group."
    )
    first = annotator.annotate(text).sentences[0]
    assert first.sourcing == "named_source" and first.source.text == "Priya Nair"
    assert first.rule == "sourcing.quote.pull_quote"


def test_a_manager_in_charge_is_no_crime(annotator: Annotator) -> None:
    f = last(annotator, "Okafor scored 55 goals in four seasons in charge of the reserves.")
    assert f.tier == "routine" and "'charge'" not in f.reason
    g = last(annotator, "Okafor was charged with assault after the match in 2019.")
    assert decided_tier(g) == "query" and "'charged'" in g.reason


@pytest.mark.parametrize(
    "text",
    [
        "The senator doubled down on the plan at the rally.",
        "Investigators tried to zero in on the source of the leak.",
    ],
)
def test_idioms_on_figure_words_are_no_figures(annotator: Annotator, text: str) -> None:
    assert "figure with no source" not in (last(annotator, text).reason or "")
