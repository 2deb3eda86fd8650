"""Article extraction on the bundled fictional web and on bad inputs.

Each sample page is extracted from its bytes exactly as served, and checked for the
phrases it must and must not yield, its metadata, its links and its feeds: what an
editor would see in the articles and links tables.

Bad inputs and encodings are in test_extract_input.py, extraction units (links, URL
identity, embeds, leads, datelines) in test_extract_units.py; the shared sample data in
extract_data.py.
"""

from __future__ import annotations

import pytest
from extract_data import (
    CHROME,
    MANIFEST,
    SAMPLE,
    SEED_URL,
    URL,
    extracted,
    links_by_href,
)

# ---- the sample web --------------------------------------------------------------


def test_sample_manifest_lists_every_role_and_file() -> None:
    roles = {p["role"] for p in MANIFEST}
    assert {
        "seed",
        "origin",
        "attributing",
        "conflicting",
        "syndicated",
        "unrelated",
        "anonymous",
    } <= roles
    for page in MANIFEST:
        assert page["url"].startswith("http://") and ".test/" in page["url"]
        assert ":" not in page["url"].split("://", 1)[1].split("/", 1)[0]  # no port
        assert (SAMPLE / page["url"].split("://", 1)[1]).is_file()
        assert page["title"] and page["published"].endswith("Z")


def test_sample_outlets_have_feed_sitemap_and_robots() -> None:
    hosts = {p["url"].split("/")[2] for p in MANIFEST}
    for host in hosts:
        robots = (SAMPLE / host / "robots.txt").read_text()
        assert f"Sitemap: http://{host}/news-sitemap.xml" in robots
        sitemap = (SAMPLE / host / "news-sitemap.xml").read_text()
        for tag in ("<news:publication>", "<news:publication_date>", "<news:title>"):
            assert tag in sitemap
        feed = (SAMPLE / host / "feed.xml").read_text()
        for page in MANIFEST:
            if page["url"].split("/")[2] == host:
                assert page["url"] in feed and page["url"] in sitemap


def test_sample_dates_cluster_around_the_seed_with_an_earlier_origin() -> None:
    from datetime import datetime

    def when(role: str) -> datetime:
        return datetime.fromisoformat(
            next(p for p in MANIFEST if p["role"] == role)["published"].replace("Z", "+00:00")
        )

    seed = when("seed")
    for page in MANIFEST:
        gap = abs((when(page["role"]) - seed).total_seconds()) / 3600
        if page["role"] == "origin":
            assert when("origin") < seed and gap > 24 * 30
        else:
            assert gap <= 72, page["role"]


BODY_PHRASES = {
    "seed": (
        [
            "New Delhi, Feb 26 (NationPress) As India commemorates the sixth anniversary",
            "A report from the Director General Inter Service Public Relations (DGISPR) has disclosed",
            "amid a staggering total of 444 terror attacks",
            "At least 264 incidents went unreported by Pakistani officials",
            "Internal documents reveal that the Pakistani Army",
            "the report concludes.",
        ],
        ["Army chief reviews border preparedness", "Related coverage"],
    ),
    "origin": (
        [
            "The Indus Centre for Conflict Studies (ICCS) today released its Annual Security Report 2024",
            "685 security personnel were killed in 444 terror attacks",
            "ICCS researchers documented 264 incidents",
            "said Dr. Farah Lodhi, the centre's director of research.",
        ],
        ["Quarterly security review"],
    ),
    "attributing": (
        [
            "according to the annual report of the Indus Centre for Conflict Studies (ICCS)",
            "at least 264 incidents recorded by the centre",
            "A spokesperson did not respond to a request for comment.",
        ],
        ["Textile exports", "Peshawar BRT"],
    ),
    "conflicting": (
        [
            "At least 702 security personnel were killed in militant violence in 2024",
            "according to figures released on Tuesday by the Karakoram Policy Institute",
            "The Ministry of Interior said it would publish its own figures in March.",
        ],
        ["685", "Senate passes"],
    ),
    "syndicated": (
        [
            "New Delhi, Feb 26 (NationPress) As India commemorates the sixth anniversary of the Balakot airstrikes on Wednesday",
            "Internal documents reveal that the Pakistani Army",
        ],
        ["Monsoon forecast"],
    ),
    "unrelated": (
        [
            "Textile and apparel exports rose 9 percent year on year in January",
            "said Bilal Chaudhry, the association's chairman.",
        ],
        ["security personnel", "ICCS"],
    ),
    "anonymous": (
        [
            "officials who asked not to be named said on Thursday.",
            "685 security personnel were killed in 444 terror attacks last year",
            "The provincial government's spokesperson declined to comment.",
        ],
        ["Gwadar port"],
    ),
}


@pytest.mark.parametrize("role", sorted(BODY_PHRASES))
def test_extract_sample_body_keeps_reporting_drops_furniture(role: str) -> None:
    art = extracted(role)
    must, must_not = BODY_PHRASES[role]
    for phrase in must:
        assert phrase in art.text, f"{role}: missing {phrase!r}"
    for phrase in (*must_not, *CHROME):
        assert phrase not in art.text, f"{role}: furniture {phrase!r} in text"
    assert "\n\n" in art.text and "\n\n\n" not in art.text
    assert art.word_count == len(art.text.split())


def test_extract_seed_body_is_exactly_the_seed_paragraphs() -> None:
    art = extracted("seed")
    paras = art.text.split("\n\n")
    assert len(paras) == 16
    assert paras[0].startswith("New Delhi, Feb 26 (NationPress) As India commemorates")
    assert paras[1] == (
        "Unreported casualties highlight Pakistan's deceptive narrative that no significant "
        "incidents occurred."
    )
    assert paras[-1].startswith("The DGISPR has little credibility to start with;")
    assert art.extractor == "newspaper"


META = {
    "seed": dict(
        title="Post-Balakot: Pakistan's Continued Concealment of Soldier Casualties",
        authors=["Meera Anand"],
        published="2025-02-26T06:30:00Z",
        outlet_domain="nationpress.test",
        outlet_name="NationPress",
    ),
    "origin": dict(
        title="Annual Security Report 2024: deadliest year for security forces in a decade",
        authors=["Farah Lodhi", "Imran Baig"],
        published="2025-01-04T06:00:00Z",
        outlet_domain="iccs.test",
        outlet_name="Indus Centre for Conflict Studies",
    ),
    "attributing": dict(
        title="2024 was deadliest year for security forces in a decade, think tank report shows",
        authors=["Zainab Hashmi"],
        published="2025-02-27T04:30:00Z",
        outlet_domain="frontierherald.test",
        outlet_name="The Frontier Herald",
    ),
    "unrelated": dict(
        title="Textile exports rise 9pc in January, trade body says",
        authors=["Omar Siddiqui"],
        published="2025-02-26T13:00:00Z",
        outlet_domain="frontierherald.test",
        outlet_name="The Frontier Herald",
    ),
    "conflicting": dict(
        title="702 security personnel killed in 2024, policy institute says",
        authors=["Asad Rehman", "Sana Javed"],
        published="2025-02-25T15:45:00Z",
        outlet_domain="dailymeridian.test",
        outlet_name="The Daily Meridian",
    ),
    "syndicated": dict(
        title="Post-Balakot: Pakistan's Continued Concealment of Soldier Casualties",
        authors=["NationPress"],  # the agency credited, not the republishing outlet
        published="2025-02-26T08:05:00Z",
        outlet_domain="coastaltimes.test",
        outlet_name="Coastal Times",
    ),
    "anonymous": dict(
        title="Officials say scores of attacks on troops went unreported in 2024",
        authors=["Tariq Aziz"],
        published="2025-02-27T10:20:00Z",
        outlet_domain="borderpost.test",
        outlet_name="Border Post",
    ),
}


@pytest.mark.parametrize("role", sorted(META))
def test_extract_sample_metadata(role: str) -> None:
    art = extracted(role)
    for key, value in META[role].items():
        assert getattr(art, key) == value, key
    assert art.language == "en"
    assert art.description
    manifest_entry = next(p for p in MANIFEST if p["role"] == role)
    assert art.published == manifest_entry["published"]
    assert art.title == manifest_entry["title"]


@pytest.mark.parametrize("role", sorted(set(META) - {"syndicated"}))
def test_extract_sample_url_is_its_own_canonical(role: str) -> None:
    art = extracted(role)
    assert art.url == art.canonical_url == URL[role]


def test_extract_syndicated_copy_keeps_canonical_pointing_to_the_seed() -> None:
    art = extracted("syndicated")
    assert art.url == URL["syndicated"]  # canonical is on another site: keep where we were
    assert art.canonical_url == SEED_URL
    assert art.outlet_domain == "coastaltimes.test"


def test_extract_seed_links_have_kind_anchor_and_sentence() -> None:
    links = links_by_href(extracted("seed"))
    pdf = links["http://dgispr.gov.test/media/2025/annual-security-review-2024.pdf"]
    assert pdf.kind == "document" and pdf.domain == "gov.test"
    assert pdf.anchor == "Director General Inter Service Public Relations (DGISPR)"
    # The paragraph around the link (a long one cut around the anchor), never split
    # into sentences by the scraper.
    assert "A report from the Director General Inter Service" in pdf.context
    assert len(pdf.context) <= 402

    conflicting = links[URL["conflicting"]]
    assert conflicting.kind == "news" and conflicting.domain == "dailymeridian.test"
    assert (
        "Currently, Pakistan is grappling with its most severe security crisis in over a decade."
        in conflicting.context
    )
    anonymous = links[URL["anonymous"]]
    assert anonymous.anchor == "Investigations indicate"
    assert "Investigations indicate that 685 Pakistani security" in anonymous.context

    # The related-coverage box is outside the text: its context is the box entry.
    related = links[URL["attributing"]]
    assert related.kind == "news"
    assert related.context == related.anchor

    same = links["http://nationpress.test/news/2019/02/26/balakot-airstrike-explained.html"]
    assert same.kind == "same_site"

    # Menus, tickers, share buttons, footers and sidebars are not the article's links.
    hrefs = set(links)
    assert not any("twitter.com/intent" in h or "facebook.com/sharer" in h for h in hrefs)
    assert "http://nationpress.test/privacy-policy/" not in hrefs
    assert "http://nationpress.test/defence/" not in hrefs
    assert "https://www.instagram.com/nationpress/" not in hrefs
    assert not any("budget-2025-salaried" in h for h in hrefs)  # "Most read" sidebar
    for link in links.values():
        assert link.href.startswith("http://") and "#" not in link.href


def test_extract_attributing_report_links_to_the_origin() -> None:
    links = links_by_href(extracted("attributing"))
    origin = links[URL["origin"]]
    assert origin.kind == "news"
    assert origin.anchor == "annual report of the Indus Centre for Conflict Studies (ICCS)"
    assert origin.context.startswith("PESHAWAR: Pakistan lost 685 security personnel")


def test_extract_embedded_post_is_a_social_link() -> None:
    links = links_by_href(extracted("conflicting"))
    post = links["https://twitter.com/KarakoramPI/status/1894372615502117024"]
    assert post.kind == "social" and post.domain == "twitter.com"
    assert "Karakoram Policy Institute (@KarakoramPI)" in post.context


def test_extract_feeds_from_link_alternate() -> None:
    assert extracted("seed").feeds == ["http://nationpress.test/feed.xml"]
    assert extracted("conflicting").feeds == [
        "http://dailymeridian.test/feed.xml",
        "http://dailymeridian.test/atom.xml",
    ]
