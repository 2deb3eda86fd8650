"""Same story and syndicated copies, on the bundled sample pages and on plain text."""

from __future__ import annotations

from pathlib import Path

import pytest

from scraper.extract import extract_article
from scraper.match import StoryDoc, gap_hours, match_related, wire_credit

SAMPLE = Path(__file__).resolve().parent.parent / "newsprov" / "sample"
PAGES = {
    "seed": "nationpress.test/news/2025/02/26/post-balakot-pakistan-concealment.html",
    "herald": "frontierherald.test/pakistan/2025/02/27/security-forces-deadliest-year-iccs-report.html",
    "textiles": "frontierherald.test/business/2025/02/26/textile-exports-rise-january.html",
    "coastal": "coastaltimes.test/wire/2025/02/26/post-balakot-pakistan-concealment-soldier-casualties.html",
    "border": "borderpost.test/news/2025/02/27/unreported-attacks-officials-say.html",
}
# What the annotator would pass in for these pages (entities and figure values as sets).
FACTS = {
    "seed": (
        {"Pakistan", "Balakot", "ISPR"},
        {"685", "444", "264", "2546"},
        {"personnel", "attack", "incident"},
    ),
    "herald": (
        {"Pakistan", "Balakot", "ICCS"},
        {"685", "444", "264"},
        {"personnel", "attack", "incident"},
    ),
    "textiles": ({"Pakistan", "European Union"}, {"9"}, set()),
    "coastal": (
        {"Pakistan", "Balakot", "ISPR"},
        {"685", "444", "264", "2546"},
        {"personnel", "attack", "incident"},
    ),
    "border": ({"Balochistan"}, {"685", "444"}, {"personnel", "attack"}),
}


def _doc(name: str) -> StoryDoc:
    path = SAMPLE / PAGES[name]
    page = extract_article(path.read_bytes(), "http://" + PAGES[name], "text/html")
    ents, figs, qty = FACTS[name]
    return StoryDoc(
        key=name,
        url=page.url,
        domain=page.outlet_domain,
        title=page.title,
        text=page.text,
        published=page.published,
        canonical_url=page.canonical_url,
        outlet_name=page.outlet_name,
        entities=frozenset(ents),
        figures=frozenset(figs),
        quantities=frozenset(qty),
    )


@pytest.fixture(scope="module")
def results():
    seed = _doc("seed")
    return {
        m.key: m
        for m in match_related(seed, [_doc(n) for n in ("herald", "textiles", "coastal", "border")])
    }


def test_match_same_story_from_another_outlet_with_evidence(results):
    herald = results["herald"]
    assert herald.same_story and not herald.syndicated
    assert {"685", "444", "264"} <= set(herald.evidence["figures"])
    assert "Balakot" in herald.evidence["entities"]
    assert herald.evidence["gap_hours"] == pytest.approx(22.0)


def test_match_story_sharing_only_the_feed_is_not_same_story(results):
    textiles = results["textiles"]
    assert not textiles.same_story and textiles.score < results["border"].score


def test_match_syndicated_copy_points_to_the_earliest(results):
    coastal = results["coastal"]
    assert coastal.syndicated and coastal.same_story
    assert coastal.syndicated_of == "seed"  # NationPress published first
    assert "reason" in coastal.evidence["syndication"]


def _plain(key: str, text: str, published: str, domain: str, **kw) -> StoryDoc:
    return StoryDoc(
        key, f"http://{domain}/{key}.html", domain, kw.pop("title", "Title"), text, published, **kw
    )


LONG = [
    "The provincial government announced a new flood relief package worth several million rupees on Monday morning.",
    "Officials in the district said the money would reach affected families within the next two weeks at most.",
    "Opposition lawmakers criticised the package as too small and too slow for the scale of the damage caused.",
    "Engineers are still surveying the embankments that failed during the heaviest rains of the past decade here.",
]


def test_match_three_identical_long_sentences_mean_syndication_even_when_rewritten_around():
    a = _plain(
        "a",
        " ".join(LONG) + " Extra reporting by our own staff follows in detail.",
        "2025-03-01T10:00:00Z",
        "one.test",
    )
    b = _plain("b", "From our Lahore bureau. " + " ".join(LONG[:3]) + " The rest of this version is entirely different prose written locally.",
               "2025-03-01T08:00:00Z", "two.test")  # fmt: skip
    (m,) = match_related(a, [b])
    assert m.syndicated and m.syndicated_of == "b"  # b came out first
    assert "identical long sentences" in m.evidence["syndication"]["reason"]


def test_match_canonical_link_to_another_site_means_syndication():
    a = _plain("a", "Original text about the budget.", "2025-03-01T08:00:00Z", "one.test")
    b = _plain("b", "A lightly edited copy about the budget.", "2025-03-01T09:00:00Z", "two.test",
               canonical_url="http://one.test/a.html")  # fmt: skip
    (m,) = match_related(a, [b])
    assert m.syndicated and m.syndicated_of == "a"


def test_match_wire_credit_of_the_seeds_outlet_means_syndication():
    a = _plain("a", "New Delhi, Feb 26 (NationPress) The budget was passed.", "2025-02-26T06:00:00Z", "nationpress.test",
               outlet_name="NationPress")  # fmt: skip
    b = _plain(
        "b",
        "New Delhi, Feb 26 (NationPress) Parliament passed the budget today.",
        "2025-02-26T09:00:00Z",
        "other.test",
    )
    (m,) = match_related(a, [b])
    assert m.syndicated and m.syndicated_of == "a"
    assert wire_credit(b.text) == "NationPress"


def test_gap_hours_signed_and_unknown():
    assert gap_hours("2025-02-26T06:30:00Z", "2025-02-27T04:30:00Z") == pytest.approx(22.0)
    assert gap_hours(None, "2025-02-27T04:30:00Z") is None


def test_wire_credit_only_from_a_dateline():
    assert wire_credit("LONDON (Reuters) - Shares fell.") == "Reuters"
    assert wire_credit("New Delhi, Feb 26 (IANS) The budget.") == "IANS"
    assert wire_credit("Officials from the Ministry of Interior (MoI) said on Monday.") is None
