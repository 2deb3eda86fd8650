"""Quotation regions: the speaker's words, which the outlet's framing and sourcing rules
must treat apart."""

from __future__ import annotations

from annotate.quotes import inside, quote_regions


def quoted(text: str) -> list[str]:
    return [text[a:b] for a, b in quote_regions(text)]


def test_quote_regions_straight_and_curly() -> None:
    text = 'He said "no deal" and she said \u201cnot yet\u201d.'
    assert quoted(text) == ['"no deal"', "\u201cnot yet\u201d"]


def test_quote_regions_multi_sentence_quote_is_one_region() -> None:
    text = '"We need a plan. Until then it is just words," said Laura Finch.'
    assert quoted(text) == ['"We need a plan. Until then it is just words,"']


def test_quote_regions_unclosed_quote_runs_to_paragraph_end_only() -> None:
    text = '"The first paragraph of a long quote.\n\n"The second paragraph," she said.'
    assert quoted(text) == ['"The first paragraph of a long quote.', '"The second paragraph,"']


def test_quote_regions_single_curly_quotes_skip_apostrophes() -> None:
    text = "She called it \u2018a fair settlement\u2019 but didn\u2019t sign."
    assert quoted(text) == ["\u2018a fair settlement\u2019"]


def test_inside_needs_the_whole_range() -> None:
    regions = [(5, 20)]
    assert inside(6, 19, regions)
    assert not inside(4, 19, regions)


def test_two_apostrophes_are_a_double_quote_and_the_tag_stays_outside() -> None:
    text = "''We will appeal the ruling,'' said Ana Ortega, the union's lawyer."
    assert quoted(text) == ["''We will appeal the ruling,''"]
    # an apostrophe on its own is still an apostrophe
    assert quoted("The players' union met on Monday.") == []


def test_straight_opening_quote_closed_by_a_curly_one() -> None:
    text = '"We will appeal,\u201d Ms Ortega said on Monday.'
    assert quoted(text) == ['"We will appeal,\u201d']
