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
        "\n\nThe Tullock bakery received 4 million varns in state grants in 2020."
    )
    f = sent(annotator, text, "The Tullock bakery")
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
        "Finance director Piet Laurent said the grant terms would be reviewed.\n\nIts"
        " sprawling head office, with 900 staff, has been spared."
    )
    f = sent(annotator, text, "Its sprawling")
    assert f.sourcing == "unattributed_claim", f.reason


def test_an_obituarys_later_life_is_not_the_last_speakers(annotator: Annotator) -> None:
    text = (
        "Maud Ferrand-Okoye, who has died aged 88, was a judge and a campaigner for legal aid."
        '\n\n"She was fearless in court," said Tobias Lindqvist-Amar, who served with her.'
        "\n\nThe chief justice, Ines Varga-Holt, called her a pioneer in a statement."
        "\n\nLater life\n\nAfter leaving the bench in 2004 she chaired a prisoners' charity and"
        " wrote two books on the history of the courts.\n\nIn 2011 she was fined for a"
        " planning breach at her farm.\n\nShe married the potter Erno Ferrand in 1965."
    )
    for start in ("After leaving the bench", "In 2011 she was fined", "She married"):
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
        "Correction: An earlier version of this story misspelt the name of the yard.\n\n"
        "HARLOWE, Mervania (TNS) - Ada Brink-Oduya, a welder at the yard, told the tribunal on"
        " Monday that the crane had failed twice."
    )
    f = sent(annotator, text, "HARLOWE")
    assert f.sourcing == "named_source"
    assert f.source is not None and "Brink-Oduya" in f.source.text, f.reason


def test_a_post_with_its_holders_name_in_apposition_is_named(annotator: Annotator) -> None:
    text = (
        "The Corvell Nurses Union welcomed the plan.\n\nIts general secretary, Ottilie"
        " Marchbank, said about 2,100 nurses were due to retire by 2030."
    )
    f = sent(annotator, text, "Its general secretary")
    assert f.sourcing == "named_source"
    assert "Marchbank" in (f.reason or ""), f.reason


def test_a_role_with_a_new_holder_named_is_not_the_earlier_holder(annotator: Annotator) -> None:
    text = (
        "She fell out with the prime minister of the day, Casimir Dunmore.\n\nThe prime"
        " minister, Ilse Varrow-Teague, called her a giant of public life."
    )
    f = sent(annotator, text, "The prime minister, Ilse")
    assert f.sourcing == "named_source"
    assert "Dunmore" not in (f.reason or ""), f.reason


def test_a_body_after_a_witness_is_not_the_witness(annotator: Annotator) -> None:
    text = (
        "Ada Brink-Oduya, a welder at the yard, told the tribunal on Monday that the crane had"
        " failed twice.\n\nThe company had been fined three times for unsafe lifting at its"
        " other yards."
    )
    f = sent(annotator, text, "The company had been fined")
    assert f.sourcing == "unattributed_claim", f.reason
