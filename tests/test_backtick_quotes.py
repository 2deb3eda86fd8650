"""Round 14: quotations set in older wire style, ``like this'' (two backticks open, two
apostrophes close). The words inside belong to the speaker the tag names; the plain sentences
after the quotation are the outlet's again; a whole quoted sentence is no scare quote.
Text written for this test."""

from __future__ import annotations

from annotate.annotator import Annotator
from annotate.quotes import quote_regions

TEXT = (
    "A Corran judge refused on Monday to stop the publication of a memoir by the former "
    "mayor's driver.\n\n"
    "``The book is a work of fiction dressed up as history,'' said Mara Vale, a lawyer for "
    "the former mayor. ``We will appeal.''\n\n"
    "The former mayor, who led the city for 12 years, left office in 2019.\n"
)


def test_backtick_quotations_are_regions_that_close_where_the_marks_close() -> None:
    regions = quote_regions(TEXT)
    quoted = [TEXT[a:b] for a, b in regions]
    assert quoted == [
        "``The book is a work of fiction dressed up as history,''",
        "``We will appeal.''",
    ]


def test_backtick_quotation_has_its_speaker_and_the_plain_sentence_is_not_quoted(
    annotator: Annotator,
) -> None:
    ann = annotator.annotate(TEXT)
    by_start = {s.text[:12]: s for s in ann.sentences}
    assert by_start["``The book i"].sourcing == "named_source"
    assert by_start["``We will ap"].sourcing == "named_source"
    assert not any(s.unsourced and s.text.startswith("``") for s in ann.sentences)
    assert all(sp.in_quote for sp in ann.spans), [(sp.text, sp.in_quote) for sp in ann.spans]
    assert not any(sp.text.startswith("``We") for sp in ann.spans)
