"""Names with digits are not figures (issue 9, rule sourcing.check.figure): a model number
after a brand written in camel case ('iPhone 11') names a product, while a price or a count
in the same sentence is still a figure. Sentences written for these tests."""

from __future__ import annotations

from sourcing_data import flag_of

from annotate.annotator import Annotator


def test_a_model_number_after_a_camel_case_brand_is_not_a_figure(annotator: Annotator) -> None:
    text = "Fenlow Mobile will stock the iPhone 11 in its Harwick shops. The eBook 4 ships in May."
    for starts in ("Fenlow", "The eBook"):
        f = flag_of(annotator, text, starts)
        assert "figure with no source" not in (f.reason or ""), f.reason


def test_a_price_or_a_count_beside_the_model_is_still_a_figure(annotator: Annotator) -> None:
    text = "Fenlow Mobile sold 40,000 iPhone 11 handsets to Harwick council for 9 million pounds."
    f = flag_of(annotator, text, "Fenlow")
    assert f.sourcing == "unattributed_claim"
    assert "figure with no source" in (f.reason or ""), f.reason
    assert "'11'" not in (f.reason or ""), f.reason


def test_a_lower_case_word_before_a_number_is_not_a_brand(annotator: Annotator) -> None:
    text = "Harwick council cut 11 posts in the planning office."
    f = flag_of(annotator, text, "Harwick")
    assert f.sourcing == "unattributed_claim"
    assert "'11 posts'" in (f.reason or "") or "'11'" in (f.reason or ""), f.reason
