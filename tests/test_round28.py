"""Round 28: a line break starts a sentence for the parser too, so a byline or a headline with
no full stop is no longer parsed into the first sentence of the body (which took the byline's
name for its subject and lost its own speaker). With the parse right, a dateline in capitals
and a body named with a common noun in apposition are read as they should be.
All sentences and names are invented.
"""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator
from annotate.nlp import load_nlp, model_id


def flags(annotator: Annotator, text: str):
    return annotator.annotate(text).sentences


@pytest.mark.parametrize(
    "head",
    [
        "By Ines Carvalho-Lund, Harbour Correspondent, The Wexmoor Herald",
        "By Ines Carvalho-Lund",
        "Ferry fares to rise again in spring",
        "Updated 14:05",
    ],
)
def test_the_line_above_is_not_parsed_into_the_lede(annotator: Annotator, head: str) -> None:
    text = (
        f"{head}\n\nThe Brackwater Ferry Company's board said on Tuesday that all 31 of its"
        " routes would run a reduced timetable."
    )
    f = flags(annotator, text)[-1]
    assert f.sourcing == "named_source", f.reason
    assert f.source is not None and "board" in f.source.text, f.source


def test_a_sentence_after_a_line_break_starts_with_its_first_word(annotator: Annotator) -> None:
    # the parser had cut the line's first word off as a sentence of its own and the lede
    # lost its subject
    text = (
        "By Ines Carvalho-Lund, Sports Desk, The Wexmoor Herald\n\n"
        "Holmbridge Rovers beat Tarnside Wanderers 4-2 at Quarry Road on Sunday to reach the"
        " final for the first time since 1998."
    )
    doc = annotator.nlp(text)
    lede = [s for s in doc.sents if "Rovers" in s.text]
    assert len(lede) == 1 and lede[0].text.startswith("Holmbridge Rovers beat"), [
        s.text for s in doc.sents
    ]


def test_hard_wrapped_lines_still_join_in_the_splitter(annotator: Annotator) -> None:
    # a line break inside a sentence ends it as before (the splitter always cut there)
    text = "The port authority said on Monday\nthat the quay would reopen in May."
    assert len(flags(annotator, text)) == 2


def test_the_model_id_says_the_parse_reads_line_breaks() -> None:
    assert model_id(load_nlp()).endswith("+lines")


def test_a_dateline_in_capitals_is_not_the_subject(annotator: Annotator) -> None:
    text = (
        "Pilot boats up for sale\n\n"
        "GRENHAVEN, Lundvale (Skerry Press) - The port's pilot service, Harbour Guides,"
        " said on Friday that four of its nine boats would be sold before the winter."
    )
    f = flags(annotator, text)[-1]
    assert f.sourcing == "named_source", f.reason
    assert f.source is not None and "service" in f.source.text, f.source


def test_the_body_named_in_apposition_is_referred_back_to(annotator: Annotator) -> None:
    # 'the island ferry operator, Brackwater Lines,' is the company, not a post holder: its
    # next figures, given as 'The operator ...', are more of what it said
    text = (
        "The island ferry operator, Brackwater Lines, said on Friday that fares would rise"
        " in April.\n\nThe operator carried 2.1 million passengers last year."
    )
    f = flags(annotator, text)[-1]
    assert f.sourcing == "named_source", f.reason
    assert "refers back" in (f.reason or ""), f.reason


def test_another_body_does_not_refer_back_to_a_party_council(annotator: Annotator) -> None:
    text = (
        "The Green Alliance's youth council said on Monday that it would back the dockers'"
        " strike.\n\nThe government has a majority of nine in the chamber."
    )
    f = flags(annotator, text)[-1]
    assert "refers back" not in (f.reason or ""), f.reason
    assert f.sourcing == "unattributed_claim", f.reason


def test_the_same_body_noun_still_refers_back(annotator: Annotator) -> None:
    text = (
        "The Green Alliance's youth council said on Monday that it would back the dockers'"
        " strike.\n\nThe council lost two of its branches in 2023."
    )
    f = flags(annotator, text)[-1]
    assert f.sourcing == "named_source", f.reason


# -- 'There are reports of ...': heard, passed on with no source -----------------------------


@pytest.mark.parametrize(
    "text",
    [
        "14:20 There are reports of a lorry overturned on the ring road.",
        "There were unconfirmed reports that the night ferry had turned back.",
        "Power is off across the valley. There are rumours of a second landslip above the dam.",
    ],
)
def test_reports_with_no_source_are_agentless(annotator: Annotator, text: str) -> None:
    f = flags(annotator, text)[-1]
    assert f.sourcing == "agentless", f.reason
    assert f.tier == "query", f.reason
    assert f.rule == "sourcing.agentless.reports_exist", f.rule


@pytest.mark.parametrize(
    "text",
    [
        "There are no reports of injuries.",
        "Are there any reports of damage on the coast road?",
        "The coastguard said there were reports of a boat in difficulty.",
        "There are signs that the river is falling.",
    ],
)
def test_no_hearsay_flag_for_other_there_sentences(annotator: Annotator, text: str) -> None:
    f = flags(annotator, text)[-1]
    assert f.rule != "sourcing.agentless.reports_exist", f.reason


def test_a_numeral_at_the_root_counts_nothing_and_ends() -> None:
    # a ticker line ('| 15.01.08 18:28') parsed as a sentence whose root is a numeral: the
    # climb past scale words compared Token objects by identity, which spaCy makes anew on
    # each access, and never stopped (a judged page hung the annotator)
    from spacy.tokens import Doc

    from annotate.sourcing.tier_kind import _counted

    nlp = load_nlp()
    doc = Doc(nlp.vocab, words=["09.03.11", "14:05"], heads=[0, 0], deps=["ROOT", "nummod"])
    assert _counted(doc[0]) is None
    doc = Doc(nlp.vocab, words=["2", "million", "residents"], heads=[1, 2, 2], deps=["nummod"] * 3)
    assert _counted(doc[0]).text == "residents"
