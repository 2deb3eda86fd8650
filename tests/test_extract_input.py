"""Article extraction on bad and oddly encoded inputs: one-line errors for what is not an
article (PDF, images, script shells, homepages, empty bytes), broken and huge HTML, the
encodings a page declares or lies about, and messages that hold whether the bytes came
from a server or a saved file.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from extract_data import (
    BAD,
    SEED_URL,
    UNIT,
    sample_body,
)

from scraper.extract import ExtractError, extract_article
from scraper.html_decode import decode_html

# ---- bad inputs ----------------------------------------------------------------------


def bad(name: str) -> bytes:
    return (BAD / name).read_bytes()


@pytest.mark.parametrize(
    ("name", "content_type", "expected"),
    [
        ("report.pdf", "application/pdf", "not an HTML page (application/pdf)"),
        ("report.pdf", "text/html", "not an HTML page (application/pdf)"),  # magic wins
        ("report.pdf", None, "not an HTML page (application/pdf)"),
        ("pixel.png", "image/png", "not an HTML page (image/png)"),
        ("pixel.png", "text/html", "not an HTML page (image/png)"),
        ("empty-article.html", "text/html", "no article text found on the page"),
        ("js-shell.html", "text/html", "no article text found on the page"),
        ("homepage.html", "text/html", "the page is a list of links, not an article"),
    ],
)
def test_extract_bad_input_gives_one_line_error(
    name: str, content_type: str | None, expected: str
) -> None:
    url = f"http://127.0.0.1:8000/bad/{name}"
    with pytest.raises(ExtractError) as err:
        extract_article(bad(name), url, content_type)
    message = str(err.value)
    assert message.startswith(expected)
    assert "\n" not in message
    assert url in message  # which page
    assert "newsprov" in message or "--feed" in message  # what to do


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (b"", "text/html", "empty page (0 bytes): nothing to extract"),
        (b"   \r\n\t ", "text/html", "empty page (7 bytes, only whitespace): nothing to extract"),
        (b"just some words, no markup at all", "text/plain", "not an HTML page (text/plain)"),
        (b'{"article": "x"}', "application/json", "not an HTML page (application/json)"),
        (b"\x00\x01\x02binary\x00junk" * 50, None, "not an HTML page"),
        (b"PK\x03\x04docx-ish", None, "not an HTML page (application/zip)"),
        (
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>',
            "application/xml",
            "this is a news feed (RSS/Atom), not an article",
        ),
    ],
)
def test_extract_non_article_bytes_are_refused(
    body: bytes, content_type: str | None, expected: str
) -> None:
    with pytest.raises(ExtractError, match=r"^" + expected.replace("(", r"\(").replace(")", r"\)")):
        extract_article(body, "http://example.test/x", content_type)


def test_extract_broken_html_still_yields_the_article() -> None:
    art = extract_article(bad("broken.html"), "http://127.0.0.1:8000/bad/broken.html", None)
    assert art.title == "Harbour dredging contract delayed"
    assert art.authors == ["Tomas Berg"]
    assert art.text.startswith("The harbour authority has delayed the award of its dredging")
    assert "The council's transport committee will review the new timetable" in art.text
    assert "All rights reserved" not in art.text and "About us" not in art.text
    assert art.text.count("\n\n") == 3


def test_extract_huge_page_is_bounded_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    page = sample_body(SEED_URL).decode("utf-8")
    junk = "<div class='c'><p>" + "comment spam lorem ipsum " * 8 + "</p></div>\n"
    huge = page.replace("</body>", junk * 30_000 + "</body>").encode()
    assert len(huge) > 6_000_000
    # The bound is shown by what the extractor says and keeps, not by a wall-clock limit
    # (which broke under load on a shared machine); its speed belongs in bench/.
    with caplog.at_level(logging.WARNING, logger="scraper.extract"):
        art = extract_article(huge, SEED_URL, "text/html")
    assert "extracting from the first 5000000 only" in caplog.text
    assert "Internal documents reveal" in art.text


# ---- encodings -------------------------------------------------------------------


def test_extract_windows_1252_declared_in_meta_only() -> None:
    art = extract_article(bad("cp1252-meta.html"), "http://127.0.0.1:8000/bad/x", "text/html")
    assert art.title == "Le café du port rouvre à Noël"
    assert "Le café du port a rouvert ses portes à Noël" in art.text
    assert "Zoë Lefèvre, qui parle d’une “fête” pour tout le quartier." in art.text
    assert "45 000 € – bien plus que prévu –" in art.text
    assert "« Nous voulions un lieu où l’on se sent chez soi »" in art.text
    assert art.authors == ["Élodie Marchand"]
    assert art.language == "fr"
    assert art.published == "2025-02-26T08:15:00Z"


def test_extract_page_that_lies_about_utf8_is_still_decoded() -> None:
    art = extract_article((UNIT / "lying-utf8.html").read_bytes(), "http://x.test/a", None)
    assert "Zoë Lefèvre, qui parle d’une “fête”" in art.text
    assert "\ufffd" not in art.text


def test_extract_latin1_declared_by_http_header() -> None:
    art = extract_article(
        bad("latin1-header.html"), "http://x.test/a", "text/html; charset=ISO-8859-1"
    )
    assert art.title == "Lübeck saniert die Hafenbrücke"
    assert "Der Bürgermeister von Lübeck, Jörg Schäfer," in art.text
    assert "Anwohner äußerten Sorge" in art.text


def test_extract_shift_jis_declared_by_http_header() -> None:
    art = extract_article(
        bad("shift_jis-header.html"), "http://x.test/a", "text/html; charset=shift_jis"
    )
    assert art.title == "防潮堤を全面改修へ 東京都が計画発表"  # ideographic space collapsed
    assert (
        "東京都は二十六日、湾岸地区の防潮堤を二〇二七年までに全面改修する計画を発表した。"
        in art.text
    )
    assert "「高潮の想定を見直した結果、現在の高さでは不十分と判断した」" in art.text
    assert art.language == "ja"
    assert art.word_count > 100  # CJK characters count as words


def test_extract_utf16_with_bom() -> None:
    art = extract_article((UNIT / "utf16-bom.html").read_bytes(), "http://x.test/a", None)
    assert "the harbourmaster, Ólafur Jónsson, said." in art.text
    assert "fishermen’s co-operative" in art.text


def test_decode_html_order_of_evidence() -> None:
    text = "<html><head><meta charset='utf-8'></head><body>café “x”</body></html>"
    # The HTTP header beats the meta tag when both decode.
    assert decode_html(text.encode("cp1252"), "text/html; charset=windows-1252")[1] == "cp1252"
    # latin-1 labels are decoded as windows-1252, as browsers do: curly quotes survive.
    assert "“x”" in decode_html(text.encode("cp1252"), "text/html; charset=iso-8859-1")[0]
    # A BOM beats everything.
    assert decode_html(b"\xef\xbb\xbf" + text.encode(), "text/html; charset=cp1252")[1] == "utf-8"
    # An unknown label is ignored, not fatal.
    assert "café" in decode_html(text.encode(), "text/html; charset=x-bogus-9")[0]


def test_extract_served_charset_through_the_fetcher(site, fetch_config) -> None:
    # The real path: the test server sends the charset only in its Content-Type.
    from scraper.fetch import Fetcher

    with Fetcher(fetch_config) as fetcher:
        fetched = fetcher.fetch(site.url("/bad/latin1-header.html?charset=iso-8859-1"))
        assert fetched.ok, fetched.error
        art = extract_article(fetched.body, fetched.final_url, fetched.content_type)
        assert "Jörg Schäfer" in art.text
        fetched = fetcher.fetch(site.url("/bad/shift_jis-header.html?charset=shift_jis"))
        art = extract_article(fetched.body, fetched.final_url, fetched.content_type)
        assert "防潮堤" in art.text
        fetched = fetcher.fetch(site.url("/bad/report.pdf"))
        with pytest.raises(ExtractError, match="application/pdf"):
            extract_article(fetched.body, fetched.final_url, fetched.content_type)


# ---- messages that hold whether the bytes came from a server or a file ---------------


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"", "text/html"),
        (b"  \n ", "text/html"),
        ((BAD / "report.pdf").read_bytes(), "application/pdf"),
        ((BAD / "pixel.png").read_bytes(), "image/png"),
        ((BAD / "js-shell.html").read_bytes(), "text/html"),
        ((BAD / "homepage.html").read_bytes(), "text/html"),
        (b"<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>", None),
        (b"just words", "text/plain"),
    ],
)
def test_extract_error_messages_do_not_assume_a_server(body: bytes, content_type) -> None:
    # `newsprov import FILE --url URL` feeds a file's bytes through the same path.
    with pytest.raises(ExtractError) as err:
        extract_article(body, "http://example.test/news/story.html", content_type)
    message = str(err.value).lower()
    for wrong in ("server", "response", "sent", "fetched", "download"):
        assert wrong not in message, message


def test_import_of_an_empty_file_says_it_is_empty(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsprov.cli import main

    empty = tmp_path / "saved.html"
    empty.write_bytes(b"")
    db = tmp_path / "x.db"
    result = CliRunner().invoke(
        main, ["import", str(empty), "--url", "http://example.test/a.html", "--db", str(db)]
    )
    assert result.exit_code != 0
    assert "empty page (0 bytes): nothing to extract" in result.output
    assert "server" not in result.output


def test_utf8_bytes_under_a_latin1_label_are_stored_as_the_page_wrote_them(
    site, fetch_config
) -> None:
    # Round 14: an old template or a server default labels UTF-8 bytes iso-8859-1, in the
    # header and in the page; read as labelled, every curly quote becomes 'â€™'. The bytes
    # are valid UTF-8 with multi-byte characters, which real windows-1252 text never is.
    from scraper.fetch import Fetcher

    with Fetcher(fetch_config) as fetcher:
        fetched = fetcher.fetch(site.url("/bad/utf8-labelled-latin1.html?charset=iso-8859-1"))
        assert fetched.ok, fetched.error
        art = extract_article(fetched.body, fetched.final_url, fetched.content_type)
    assert "We’re grateful for our passengers’ patience, said" in art.text
    assert "Renée Okafor" in art.text and "£4.50" in art.text
    assert "â€" not in art.text and "Ã" not in art.text


def test_a_latin1_label_on_real_windows_1252_bytes_is_still_followed() -> None:
    # no right double quote: its UTF-8 bytes hold 0x9D, which windows-1252 cannot decode,
    # and that alone would send the bytes on to the UTF-8 guess
    text = "<html><head><meta charset='iso-8859-1'></head><body>café’s £5 — x</body></html>"
    decoded, codec = decode_html(text.encode("cp1252"), "text/html; charset=iso-8859-1")
    assert codec == "cp1252" and "café’s £5 — x" in decoded
    decoded, codec = decode_html(text.encode("utf-8"), "text/html; charset=iso-8859-1")
    assert codec == "utf_8" and "café’s £5 — x" in decoded
