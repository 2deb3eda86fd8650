"""Article extraction, unit by unit on small fixture pages: the fallback between
extractors, links, canonical URLs and URL identity, no network, embedded social posts,
the lead paragraph put back and datelines.
"""

from __future__ import annotations

import pytest
from extract_data import (
    MANIFEST,
    UNIT,
    URL,
    extracted,
    links_by_href,
    sample_body,
)

from scraper.extract import extract_article
from scraper.models import Extracted

# ---- extraction units ----------------------------------------------------------------


def test_extract_falls_back_to_trafilatura_when_newspaper_truncates() -> None:
    art = extract_article(
        (UNIT / "br-body.html").read_bytes(), "http://gazette.test/news/2025/02/24/keeper.html"
    )
    assert art.extractor == "trafilatura"
    assert art.text.startswith("After 41 years on the north pier")
    assert art.text.endswith("or let it lapse.")
    assert "Advertisement" not in art.text
    assert art.authors == ["Nora Quist", "Per Olsen"]  # "By ... and ..." split and cleaned
    assert art.published == "2025-02-24T18:30:00Z"  # naive date taken as UTC
    assert art.title == "Lighthouse keeper retires after 41 years"
    link = art.links[0]
    assert "Sigrid Lund, said in a statement." in link.context


def test_extract_links_resolve_dedupe_and_skip_non_web() -> None:
    art = extract_article(
        (UNIT / "links.html").read_bytes(),
        "http://gazette.test/news/2025/02/23/ferry-fares-april.html?utm_source=rss",
        "text/html",
    )
    links = links_by_href(art)
    # <base href> resolution, fragments dropped, duplicate kept once with its first anchor.
    fuel = links["http://gazette.test/news/2025/02/23/fuel-costs-ferry.html"]
    assert fuel.anchor == "jump in fuel costs" and fuel.kind == "same_site"
    assert fuel.context.endswith("The rise follows a jump in fuel costs last year.")
    assert links["http://ferryco.test/press/2025/02/fare-review.pdf"].context.startswith(
        "Fares on the island ferry will rise by 8 percent from 1 April, the operator said in "
        "a statement on Sunday."
    )
    assert links["https://www.transport.gov.test/decisions/2025-014"].kind == "document"
    assert links["https://bsky.app/profile/ferryusers.test/post/3abc"].kind == "social"
    assert links["http://bluewave.test/news/2025/02/22/bluewave-fares-frozen.html"].kind == "news"
    assert links["http://coastdaily.test/"].kind == "other"
    assert all(h.startswith(("http://", "https://")) for h in links)
    assert not any("mailto" in h or "javascript" in h or "[::1" in h for h in links)
    assert "http://other.test/news/2025/02/01/menu-story.html" not in links  # in the <nav>
    assert "https://www.instagram.com/harbourgazette/" not in links  # page footer
    # Metadata from a JSON-LD @graph inside a list; a broken second block is ignored.
    assert (
        art.canonical_url == art.url == "http://gazette.test/news/2025/02/23/ferry-fares-april.html"
    )
    assert art.authors == ["Nora Quist", "Per Olsen"]
    assert art.published == "2025-02-23T07:00:00Z"
    assert art.language == "en"
    assert art.outlet_name == "Harbour Gazette Ltd"
    # Feeds: rel/type case-insensitive, resolved against <base>, deduplicated, no hreflang.
    assert art.feeds == ["http://gazette.test/feeds/news.rss", "http://gazette.test/feed.json"]


def test_extract_canonical_pointing_to_the_homepage_is_not_the_identity() -> None:
    page = sample_body(URL["anonymous"]).replace(
        b'<link rel="canonical" href="http://borderpost.test/news/2025/02/27/unreported-attacks-officials-say.html">',
        b'<link rel="canonical" href="http://borderpost.test/">',
    )
    art = extract_article(page, URL["anonymous"], "text/html")
    assert art.canonical_url == "http://borderpost.test/"
    assert art.url == URL["anonymous"]


def test_extract_never_opens_a_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    # newspaper would download images, and tldextract the suffix list, if allowed to.
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("extraction opened a network connection")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    for page in MANIFEST:
        art = extract_article(sample_body(page["url"]), page["url"], "text/html")
        assert art.word_count > 50


def test_extract_hostile_text_stays_text() -> None:
    art = extract_article((UNIT / "links.html").read_bytes(), "http://gazette.test/a", None)
    assert '<script>alert("x")</script> and {{ 7*7 }} are printed as they are' in art.text
    assert "49" not in art.text


# ---- URL identity ------------------------------------------------------------------


def test_extract_same_page_under_different_spellings_is_one_url() -> None:
    body = (UNIT / "lead-separate.html").read_bytes()
    urls = {
        extract_article(body, u).url
        for u in (
            "http://evil.test/x",
            "http://EVIL.test/x#frag",
            "HTTP://evil.test:80/x?utm_source=rss&fbclid=abc",
            "http://user:pw@evil.test/x",
        )
    }
    assert urls == {"http://evil.test/x"}


def test_extract_canonical_and_links_are_normalised() -> None:
    art = extract_article(
        (UNIT / "social-embeds.html").read_bytes(),
        "http://gazette.test/news/2025/03/02/flood-warnings.html",
    )
    # The page declares HTTP://Gazette.TEST:80/...?utm_source=twitter&id=7#top
    assert art.canonical_url == "http://gazette.test/news/2025/03/02/flood-warnings.html?id=7"
    # the article is the page fetched; the canonical is the page's claim, kept apart
    assert art.url == "http://gazette.test/news/2025/03/02/flood-warnings.html"
    hrefs = [link.href for link in art.links]
    assert "https://twitter.com/NatWeatherOffice/status/1896123456789012345" in hrefs
    assert "https://www.instagram.com/p/DFlood01/" in hrefs  # one link, not three spellings
    assert len(hrefs) == len(set(hrefs))
    assert not any("utm_" in h or "ref_src" in h or "#" in h for h in hrefs)


# ---- embedded social posts ------------------------------------------------------------


def embeds_article() -> Extracted:
    return extract_article(
        (UNIT / "social-embeds.html").read_bytes(),
        "http://gazette.test/news/2025/03/02/flood-warnings.html",
    )


def test_extract_embedded_posts_are_records_and_the_text_stays_as_the_page_has_it() -> None:
    art = embeds_article()
    paras = art.text.split("\n\n")
    # The posts' words stay where the page shows them, never rewritten into a sentence.
    assert (
        "The water reached our front step at 6am. We are safe, the dog is safe, the garden is a lake."
        in paras
    )
    assert (
        'The "once in a century" flood is now the third in eleven years. Our maps show why.'
        in paras
    )
    assert "— Ines Moe (@inesmoe.bsky.social) March 2, 2025 at 9:14 AM" in paras  # its credit
    assert "wrote on" not in art.text
    assert art.text.count("Crews rescued 12 people") == 1
    # A post the extractor dropped is put back where the page shows it, as its words.
    assert paras[2].startswith("River levels at Osby are rising 20 cm an hour.")
    # Widget lines are not the post's words.
    for widget in ("View on Threads", "Post by @osbytown", "View this post", "pic.twitter.com"):
        assert widget not in art.text
    assert "“The water came faster than anyone here can remember.”" in paras  # a pull quote
    got = {(e.platform, e.author, e.posted, e.url) for e in art.embeds}
    assert got == {
        ("X", "National Weather Office (@NatWeatherOffice)", "March 2, 2025",
         "https://twitter.com/NatWeatherOffice/status/1896123456789012345"),
        ("Instagram", "Lena Dahl (@lena.dahl.osby)", None, "https://www.instagram.com/p/DFlood01/"),
        ("Facebook", "Osby Fire and Rescue", "Sunday, March 2, 2025",
         "https://www.facebook.com/osbyfire/posts/pfbid0abc"),
        ("Bluesky", "Ines Moe (@inesmoe.bsky.social)", "March 2, 2025 at 9:14 AM",
         "https://bsky.app/profile/did:plc:abc123/post/3lflood"),
        ("Threads", "@osbytown", None, "https://www.threads.net/@osbytown/post/DFx1"),
        ("social media", "Osby Roads Authority (@OsbyRoads)", "March 2, 2025", None),
    }  # fmt: skip
    texts = {e.author: e.text for e in art.embeds}
    assert texts["National Weather Office (@NatWeatherOffice)"] == (
        "River levels at Osby are rising 20 cm an hour. Move valuables upstairs and follow "
        "advice from @OsbyCouncil"
    )
    assert texts["@osbytown"] == ""  # a card with no words: recorded, nothing invented


def test_extract_sample_tweet_is_a_record_credited_to_its_account() -> None:
    art = extracted("conflicting")
    (tweet,) = [e for e in art.embeds if e.platform == "X"]
    assert tweet.author == "Karakoram Policy Institute (@KarakoramPI)"
    assert tweet.url == "https://twitter.com/KarakoramPI/status/1894372615502117024"
    assert "702 security personnel killed in 471 attacks" in tweet.text
    assert "wrote on X" not in art.text
    assert sum("702 security personnel killed in 471" in p for p in art.text.split("\n\n")) <= 1


def test_extract_embeds_are_stored_with_the_article(tmp_path) -> None:
    from db.schema import open_db
    from db.store import save_article

    db = open_db(str(tmp_path / "n.db"))
    art = embeds_article()
    aid = save_article(db, art, None, art.url)
    save_article(db, art, None, art.url)  # again: replaced, not added
    rows = db.execute(
        "SELECT idx, platform, author, url FROM embeds WHERE article_id = ? ORDER BY idx", (aid,)
    ).fetchall()
    assert len(rows) == len(art.embeds) == 6
    assert rows[0][1:] == ("X", "National Weather Office (@NatWeatherOffice)",
                           "https://twitter.com/NatWeatherOffice/status/1896123456789012345")  # fmt: skip


# ---- the lead paragraph --------------------------------------------------------------


def test_extract_lead_in_its_own_block_is_put_back_first() -> None:
    art = extract_article(
        (UNIT / "lead-separate.html").read_bytes(),
        "http://gazette.test/news/2025/02/20/port-strike.html",
    )
    paras = art.text.split("\n\n")
    assert paras[0] == (
        "The walkout would be the first at the port in almost twenty years and could halt most "
        "of the region's exports."
    )  # <p class="standfirst"> in the article header
    assert paras[1].startswith("Dock workers at the city's container port have voted to strike")
    assert paras[2].startswith("The union said 87 percent of members")
    assert len(paras) == 8
    # The caption, byline, author bio, related box and footer around it stay out.
    for furniture in ("Cranes stand idle", "By Nora Quist", "joined the paper", "Ferry fares", "©"):
        assert furniture not in art.text


@pytest.mark.parametrize("witness", ["class", "json-ld", "none"])
def test_extract_lead_needs_a_witness(witness: str) -> None:
    page = (UNIT / "lead-separate.html").read_text(encoding="utf-8")
    page = page.replace('<p class="standfirst">', '<p class="kicker">')
    if witness != "class":
        page = page.replace('<div class="lead">', "<div>")
    if witness != "json-ld":
        page = page.replace('"articleBody"', '"notTheBody"')
    art = extract_article(page.encode(), "http://gazette.test/news/2025/02/20/port-strike.html")
    has_lead = art.text.startswith("Dock workers at the city's container port")
    assert has_lead == (witness != "none")
    assert "The walkout would be the first" not in art.text  # no class, no witness


# ---- datelines ---------------------------------------------------------------------

_LEAD = (
    "As India commemorates the sixth anniversary of the Balakot airstrikes this Wednesday, "
    "Pakistan remains in denial."
)


@pytest.mark.parametrize(
    ("markup", "first"),
    [
        (f"<p>New Delhi, Feb 26 (NationPress) {_LEAD}</p>", "New Delhi, Feb 26 (NationPress)"),
        (
            f"<p><strong>New Delhi, Feb 26 (NationPress)</strong> {_LEAD}</p>",
            "New Delhi, Feb 26 (NationPress)",
        ),
        (
            f"<p><span class='dateline'>New Delhi, Feb 26 (NationPress)</span> {_LEAD}</p>",
            "New Delhi, Feb 26 (NationPress)",
        ),
        (
            f"<p class='dateline'>New Delhi, Feb 26 (NationPress)</p><p>{_LEAD}</p>",
            "New Delhi, Feb 26 (NationPress)",
        ),
        (f"<p>New Delhi, Feb 26 (NationPress)<br>{_LEAD}</p>", "New Delhi, Feb 26 (NationPress)"),
        (f"<p><b>NEW DELHI:</b> {_LEAD}</p>", "NEW DELHI:"),
        (f"<p>NEW DELHI, Feb 26 (Reuters) - {_LEAD}</p>", "NEW DELHI, Feb 26 (Reuters) -"),
        (f"<p>New Delhi, Feb. 26 (NationPress) {_LEAD}</p>", "New Delhi, Feb. 26 (NationPress)"),
    ],
)
def test_extract_dateline_opens_the_first_paragraph_once(markup: str, first: str) -> None:
    body = "".join(
        f"<p>Paragraph {i} of the story says the ministry will publish its own figures for "
        f"the year in March, officials said on Wednesday.</p>"
        for i in range(6)
    )
    page = (
        "<html><head><title>Balakot anniversary</title></head><body><article>"
        f"<h1>Balakot anniversary</h1><div class='body'>{markup}{body}</div></article></body></html>"
    )
    art = extract_article(page.encode(), "http://np.test/news/2025/02/26/balakot-story.html")
    paras = art.text.split("\n\n")
    assert paras[0] == f"{first} {_LEAD}"
    assert art.text.count("As India commemorates") == 1
    assert len(paras) == 7


def test_extract_seed_dateline_survives_untouched() -> None:
    for role in ("seed", "syndicated"):
        first = extracted(role).text.split("\n\n")[0]
        assert first.startswith(
            "New Delhi, Feb 26 (NationPress) As India commemorates the sixth anniversary of the "
            "Balakot airstrikes"
        )


def test_extract_standfirst_without_full_stop_is_still_the_lead() -> None:
    page = (UNIT / "lead-separate.html").read_text(encoding="utf-8")
    page = page.replace("most of the region's exports.</p>", "most of the region's exports</p>")
    art = extract_article(page.encode(), "http://gazette.test/news/2025/02/20/port-strike.html")
    assert art.text.startswith(
        "The walkout would be the first at the port in almost twenty years and could halt most "
        "of the region's exports\n\nDock workers at the city's container port"
    )
