"""Bytes from the wire -> text, for HTML pages in any encoding a news site uses.

Order of evidence (the HTML standard's, with the HTTP header ahead of the page's own
declaration because the server is the one sending the bytes): a byte-order mark,
the Content-Type charset, a <meta charset> or http-equiv in the first 4 KB, then
bs4's UnicodeDammit guess. A declared charset that does not decode the bytes is
skipped, not trusted: sites that say utf-8 and send windows-1252 are common. The reverse
is common too (round 14): a one-byte label (iso-8859-1, windows-1252, ...) on bytes that
are valid UTF-8 with multi-byte characters is read as UTF-8, or every curly apostrophe
would be stored as 'â€™', which is not what the page said.
"""

from __future__ import annotations

import codecs
import re

from bs4 import UnicodeDammit

__all__ = ["decode_html", "charset_from_content_type", "sniff_kind", "UndecodableError"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels that browsers decode as a superset, per the WHATWG Encoding standard: pages
# labelled latin-1 or ascii use the windows-1252 curly quotes in 0x80-0x9F, and pages
# labelled shift_jis use the Windows (cp932) extensions.
_SUPERSETS = {
    "latin_1": "cp1252",
    "iso8859_1": "cp1252",
    "ascii": "cp1252",
    "iso8859_9": "cp1254",
    "shift_jis": "cp932",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc_kr": "cp949",
    "tis_620": "cp874",
}

# one-byte charsets (Western, Central European, Cyrillic, Greek, Arabic, ...): in any of
# them a whole body that is also valid multi-byte UTF-8 is a sign of a wrong label
_SINGLE_BYTE_PREFIXES = ("cp125", "iso8859_", "latin_1", "koi8_", "mac_", "cp874", "tis_620")


def _mislabelled_utf8(body: bytes) -> str | None:
    """The body as UTF-8 when it holds bytes outside ASCII and decodes strictly as UTF-8 (then
    every such byte is part of a multi-byte character), else None."""
    if body.isascii():
        return None
    return _try(body, "utf-8")


_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:\-]{1,40})""", re.I
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def _normalise(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when the label is unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in ("x-user-defined", "binary", "none", "unknown"):
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    name = name.replace("-", "_")
    return _SUPERSETS.get(name, name)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header, as given ("" parts ignored)."""
    if not content_type:
        return None
    for param in content_type.split(";")[1:]:
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None


def _try(body: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_html(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML body; returns (text, codec used). Raises UndecodableError."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            text = _try(body[len(bom) :], codec)
            if text is not None:
                return _strip_xml_decl(text), codec
    candidates = [_normalise(charset_from_content_type(content_type))]
    match = _META_CHARSET.search(body[:4096])
    if match:
        meta = _normalise(match.group(1).decode("ascii", "replace"))
        # A page cannot really be UTF-16 if its meta tag was readable as ASCII.
        if meta and not meta.startswith("utf_16") and not meta.startswith("utf_32"):
            candidates.append(meta)
    for codec in candidates:
        text = _try(body, codec)
        if text is not None:
            if (
                codec.startswith(_SINGLE_BYTE_PREFIXES)
                and (utf8 := _mislabelled_utf8(body)) is not None
            ):
                # A page labelled with a one-byte charset whose bytes are valid UTF-8 with
                # multi-byte characters is UTF-8: real one-byte text almost never forms valid
                # UTF-8 sequences, and read as labelled these bytes become mojibake ('â€™'
                # for a curly apostrophe), which is not what the page said (old CMS
                # templates and servers' default charsets mislabel so; round 14 found 8 of
                # 120 fresh news pages stored that way).
                return _strip_xml_decl(utf8), "utf_8"
            return _strip_xml_decl(text), codec
    dammit = UnicodeDammit(body, ["utf-8", "cp1252"], is_html=True)
    if dammit.unicode_markup is None:
        raise UndecodableError("no text encoding decodes these bytes")
    codec = _normalise(dammit.original_encoding) or str(dammit.original_encoding)
    return _strip_xml_decl(dammit.unicode_markup), codec


def _strip_xml_decl(text: str) -> str:
    # lxml refuses a str that still carries an encoding declaration (XHTML pages).
    return _XML_DECL.sub("", text, count=1)


# ---- what kind of bytes is this? ------------------------------------------------

_MAGIC = (
    (b"%PDF", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"PK\x03\x04", "application/zip"),
    (b"\x1f\x8b", "application/gzip"),
    (b"\xd0\xcf\x11\xe0", "application/msword"),
    (b"OggS", "audio/ogg"),
    (b"ID3", "audio/mpeg"),
)
_HTML_MARKERS = re.compile(
    rb"<(?:!doctype\s+html|html|head|body|title|meta|p|div|article|main|h1|script|table|a\s)[\s>/]",
    re.I,
)
_FEED_MARKERS = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
# Feeds contain <title> and <link> too, so only a document element tells them apart.
_HTML_ROOT = re.compile(rb"<(?:!doctype\s+html|html|body)[\s>]", re.I)


def sniff_kind(body: bytes, content_type: str | None) -> str:
    """ "html", "feed", "pdf", "empty" or the media type of something that is not HTML."""
    if not body.strip():
        return "empty"
    head = body[:1024].lstrip()
    if head.startswith(b"%PDF") or b"%PDF-" in body[:1024]:
        return "pdf"
    for magic, kind in _MAGIC:
        if head.startswith(magic) and magic != b"%PDF":
            return kind
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime == "application/pdf":
        return "pdf"
    if mime.startswith(("image/", "audio/", "video/", "font/")):
        return mime
    if mime in ("application/json", "text/plain", "text/csv", "application/zip"):
        return mime
    if any(body.startswith(bom) for bom, codec in _BOMS if codec.startswith("utf-1")) or (
        any(body.startswith(bom) for bom, codec in _BOMS if codec.startswith("utf-3"))
    ):
        return "html"  # UTF-16/32 text: the markers below are not ASCII in it
    sample = body[:65536]
    if _FEED_MARKERS.search(sample[:2048]) and not _HTML_ROOT.search(sample[:2048]):
        return "feed"
    if _HTML_MARKERS.search(sample):
        return "html"
    if b"\x00" in sample[:4096]:
        return "application/octet-stream"
    return mime or "text/plain"
