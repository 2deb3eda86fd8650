"""Extraction noise and damage seen on real pages, reproduced with fictional pages
(issue 11, case 9): promo and teaser lines, tokens split by markup, titles cut at a
hyphen, paragraphs dropped around in-article ads."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from scraper.extract import extract_article

UNIT = Path(__file__).resolve().parent / "fixtures" / "extract"


def extract(name: str, url: str = "http://tidewater.test/news/ferry-winter"):
    logging.disable(logging.WARNING)
    try:
        return extract_article((UNIT / name).read_bytes(), url, "text/html")
    finally:
        logging.disable(logging.NOTSET)


@pytest.mark.parametrize(
    "promo",
    [
        "SEE MORE",
        "Bridge repairs delayed",
        "Harbour fees to rise",
        "DON'T MISS",
        "[INSIGHT]",
        "[NEWS]",
        "[PICTURES]",
        "Giant gull",
        "4412987",
        "Profile: Petra Lind",
        "Related:",
        "A century of crossings",
        "Like this story",
        "Need more space",
        "Coastal Weekly",
        "Follow the Tidewater Courier",
    ],
)
def test_promo_and_teaser_lines_stay_out_of_the_text(promo):
    art = extract("promo-noise.html")
    assert promo not in art.text


def test_promo_filter_keeps_every_paragraph_of_reporting():
    text = extract("promo-noise.html").text
    for kept in (
        "four extra crossings a day",
        "left waiting for over an hour",
        "timetable would be published",
        "small subsidy for the early morning crossing",
        "Fares will stay at their current level",
    ):
        assert kept in text
    assert text.count("\n\n") == 4  # five paragraphs, nothing else


def test_tokens_split_by_markup_comments_stay_whole():
    text = extract("react-tokens.html", "http://vell.test/news/orchards").text
    assert "to triple that figure, the growers'" in text
    assert "Mr. Okafor, who chairs" in text
    assert " ," not in text and "Mr ." not in text


@pytest.mark.parametrize(
    "title_tag",
    [
        "Mayor re-elected after close race - Larchford Gazette",
        "Larchford Gazette | Mayor re-elected after close race",
        "Mayor re-elected after close race – Larchford Gazette",
        "Mayor re-elected after close race",
    ],
)
def test_title_is_never_cut_at_a_hyphen_inside_a_word(title_tag):
    paras = "".join(
        f"<p>Paragraph {i}: the council chamber in Larchford was full on the night of the "
        "count, and the recount request was withdrawn before dawn by the challenger.</p>"
        for i in range(6)
    )
    page = f"<html><head><title>{title_tag}</title></head><body><article>{paras}</article></body></html>"
    art = extract_article(page.encode(), "http://larchford.test/news/mayor", "text/html")
    assert art.title == "Mayor re-elected after close race"


def test_paragraphs_after_an_ad_in_a_card_layout_are_kept():
    """Every paragraph in its own box, an ad inside one box: extractors stop at the ad,
    and JSON-LD's copy of the body (glued into one line) cannot say where paragraphs
    go. The story's container is widened to hold its first and last paragraphs."""
    text = extract("card-paragraphs.html", "http://karsten.test/news/comet").text
    paras = text.split("\n\n")
    assert paras[-1] == (
        "The team plans to publish its measurements of the tail's length in a journal this summer."
    )
    assert paras[0].startswith("Astronomers at the Karsten summit observatory")
    assert len(paras) == 5
    assert "Advertisement" not in text
