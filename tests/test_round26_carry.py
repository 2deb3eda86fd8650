"""Round 26: carrying a named source on, and the speakers a parse hid.

- A new point after a named source is not the source's: a sum that shares only its currency
  with the source's figures, 'Its head office ...' after a person spoke ('its' is never a
  person's), and, after a subhead, a pronoun for the subject of an obituary; nor an event of
  a life dated by a year ('In 2012 she was investigated'), nor a life's work ('wrote two books').
- The lines of one set of results ('Revenue rose ...' after the company gave its profit) stay
  the company's.
- A dateline after a correction line, and a post with its holder's name in apposition ('Its
  general secretary, Ada Brink, said'; 'The prime minister, Ana Ortega, said'), name the speaker.
All sentences are invented.
"""

from __future__ import annotations

from annotate.annotator import Annotator


def sent(annotator: Annotator, text: str, start: str):
    r = annotator.annotate(text)
    return next(s for s in r.sentences if r.text[s.start : s.end].startswith(start))


def test_a_sum_in_the_same_currency_is_not_more_of_the_sources_figures(
    annotator: Annotator,
) -> None:
    text = (
        "Brindle Foods said it would cut 300 jobs, after profit fell to 80 million varns from"
        " 120 million varns.\n\nThe company expects the cuts to save 12 million varns a year."
        "\n\nA rival, Ostle Mills, spent 9 million varns on a new oven line in 2020."
    )
    f = sent(annotator, text, "A rival, Ostle Mills")
    assert f.sourcing == "unattributed_claim", f.reason


def test_revenue_after_profit_is_the_same_release(annotator: Annotator) -> None:
    text = (
        "Brindle Foods said operating profit fell to 80 million varns in the first half."
        "\n\nRevenue rose 2 percent to 1.1 billion varns."
    )
    f = sent(annotator, text, "Revenue rose")
    assert f.sourcing == "named_source", f.reason


def test_its_never_points_back_to_a_person(annotator: Annotator) -> None:
    text = (
        "Finance director Piet Laurent said the oven line would be replaced.\n\nIts oldest"
        " bakery, in Dunmore, has 40 staff and dates from 1887."
    )
    f = sent(annotator, text, "Its oldest")
    assert f.sourcing == "unattributed_claim", f.reason


def test_an_obituarys_later_life_is_not_the_last_speakers(annotator: Annotator) -> None:
    text = (
        "Maud Ferrand-Okoye, the judge who set up the county's legal aid clinics, was 88."
        '\n\n"Nobody argued with her twice," said Tobias Lindqvist-Amar, her clerk for years.'
        "\n\nThe lord chancellor, Ines Varga-Holt, praised her clinics on Tuesday."
        "\n\nThe farm\n\nIn retirement she ran a ponies' sanctuary and wrote a history of the"
        " county courts.\n\nIn 2011 she lost a libel case over a newspaper column."
        "\n\nShe and the potter Erno Ferrand wed in 1965."
    )
    for start in ("In retirement", "In 2011 she lost", "She and the potter"):
        f = sent(annotator, text, start)
        assert f.sourcing != "named_source", (start, f.reason)


def test_a_speaker_who_goes_on_is_still_carried(annotator: Annotator) -> None:
    text = (
        "Ada Brink, a welder at the yard, told the tribunal on Monday that the crane had failed"
        " twice.\n\nShe said the crane was inspected once a year."
    )
    assert sent(annotator, text, "She said").sourcing == "named_source"


def test_a_dateline_after_a_correction_line_is_not_the_speaker(annotator: Annotator) -> None:
    text = (
        "Clarification: This article was amended on Tuesday to add the yard's response.\n\n"
        "HARLOWE, Mervania (TNS) - Ada Brink-Oduya, a welder at the yard, told the tribunal on"
        " Monday that the crane had failed twice."
    )
    f = sent(annotator, text, "HARLOWE")
    assert f.sourcing == "named_source"
    assert f.source is not None and "Brink-Oduya" in f.source.text, f.reason


def test_a_post_with_its_holders_name_in_apposition_is_named(annotator: Annotator) -> None:
    text = (
        "The Corvell Nurses Union welcomed the plan.\n\nIts general secretary, Ottilie"
        " Marchbank, said about 40 wards had closed since 2019."
    )
    f = sent(annotator, text, "Its general secretary")
    assert f.sourcing == "named_source"
    assert "Marchbank" in (f.reason or ""), f.reason


def test_a_role_with_a_new_holder_named_is_not_the_earlier_holder(annotator: Annotator) -> None:
    text = (
        "He served under the mayor of the day, Casimir Dunmore.\n\nThe mayor, Ilse"
        " Varrow-Teague, praised his forty years at the town hall."
    )
    f = sent(annotator, text, "The mayor, Ilse")
    assert f.sourcing == "named_source"
    assert "Dunmore" not in (f.reason or ""), f.reason


def test_a_body_after_a_witness_is_not_the_witness(annotator: Annotator) -> None:
    text = (
        "Ada Brink-Oduya, a welder at the yard, told the tribunal on Monday that the crane had"
        " failed twice.\n\nThe company was prosecuted over a crane collapse at its other yard."
    )
    f = sent(annotator, text, "The company was prosecuted")
    assert f.sourcing == "unattributed_claim", f.reason
