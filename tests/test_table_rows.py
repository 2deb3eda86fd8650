"""Round 14 (issue 9): a row of a race card, a results list or a table that the extractor ran
together is not a sentence and carries no flag; prose dense with figures keeps its flag.
Lines written for these tests."""

from __future__ import annotations

from annotate.annotator import Annotator

CARD = (
    "The going at Ardley was soft after a wet week.\n\n"
    "ARDLEY SILVER PLATE (1,400m), rated 20 to 46, 3-00: 1. Corran Lad (4) M. Vale 58.5, "
    "2. Quiet Harbour (7) R. Okonjo 57, 3. Tidewalker (2) S. Brandt 56.5.\n\n"
    "VALE CUP (2,000m), 4-30: 1. Salt Road (1) M. Vale 60, 2. Harbour Light (3) S. Brandt 59.\n\n"
    "In 2019 the Corran plant made 14,000 tonnes, 12% more than the 12,500 of 2018.\n"
)


def test_race_card_rows_carry_no_flag_but_prose_figures_do(annotator: Annotator) -> None:
    ann = annotator.annotate(CARD)
    flagged = [s.text for s in ann.sentences if s.unsourced]
    assert not any("Corran Lad" in t or "Salt Road" in t or "SILVER" in t for t in flagged), flagged
    assert any(t.startswith("In 2019 the Corran plant") for t in flagged), flagged
