"""The article body, as text: an extractor's text cleaned into paragraphs (page furniture
such as audio players, share prompts and copyright lines, and menus leaking into the text,
removed paragraph by paragraph; a dateline markup put on its own line joined to the
paragraph it opens), and the word counts the choice of extractor rests on.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from scraper.links import in_chrome

# Below this many words there is no article to annotate (a teaser, a paywall stub).
MIN_WORDS = 25
# newspaper's body is "clearly truncated" when shorter than this share of trafilatura's.
TRUNCATED_SHARE = 0.6

# Whole paragraphs that are page furniture, not reporting (audio players, teasers,
# share prompts). Matched against one paragraph at a time, case-insensitively.
_BOILERPLATE = re.compile(
    r"""^(?:
        [▶►\W]*(?:click|tap|press)\s+(?:here\s+)?to\s+(?:start\s+)?listen\w*.*
      | listen\s+to\s+(?:this|the)\s+(?:article|story).*
      | (?:also\s+read|read\s+also|read\s+more|see\s+also|must\s+read|recommended)\s*[:\-–—|].{0,200}
      | (?:also\s+read|read\s+more|advertisement|advertisment|sponsored|story\s+continues\s+below)
      | share\s+(?:this|on)\b.{0,60}
      | (?:follow|like)\s+us\s+on\b.{0,100}
      | (?:sign\s+up|subscribe)\b.{0,40}\bnewsletter.{0,80}
      | (?:copy\s+link|print|email|whatsapp|facebook|twitter|linkedin)
      | (?:©|\(c\)|copyright\b).{0,200}
      | .{0,120}\ball\s+rights\s+reserved\.?
      | (?:(?:updated|published|posted)\s*:?\s*)?(?:\w+,?\s+)?
        (?:\d{1,2}\s+[a-z]{3,9}\.?|[a-z]{3,9}\.?\s+\d{1,2},?)\s+\d{4}
        (?:,?\s+(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?
    )$""",
    re.I | re.X,
)
# The same player prompt glued to the front of a real paragraph.
_LEADING_BOILERPLATE = re.compile(
    r"^[▶►\W]*(?:click|tap|press)\s+(?:here\s+)?to\s+(?:start\s+)?listen\w*\s*", re.I
)


# Chinese, Japanese and Korean scripts: no spaces between words, so each character
# counts as one word (the convention for word counts in those languages).
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD = re.compile(f"[{_CJK}]|[^\\s{_CJK}]+")


def count_words(text: str) -> int:
    """Words in `text`; CJK characters count one each."""
    return len(_WORD.findall(text))


def _chrome_anchors(soup: BeautifulSoup) -> list[str]:
    """Texts of menu and footer links, longest first, to spot menus leaking into text."""
    texts = {" ".join(a.get_text(" ").split()) for a in soup.find_all("a") if in_chrome(a)}
    return sorted((t for t in texts if t), key=len, reverse=True)


def _only_links(para: str, anchors: list[str] | tuple[str, ...]) -> bool:
    if len(para) > 300:
        return False  # menus that leak into the text are short lines; skip the scan
    rest = para
    for text in anchors:
        if text in rest:
            rest = rest.replace(text, " ")
    return not re.sub(r"[\W_]+", "", rest)


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# A dateline on a line of its own: "New Delhi, Feb 26 (NationPress)", "ISLAMABAD:",
# "LONDON, 26 February (Reuters) -". Its place is one to four capitalised words; a
# weekday or "Updated"/"Published" opens a timestamp, not a dateline.
_DATELINE = re.compile(
    rf"""^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Updated|Published|Posted|Last|By)\b)
    (?P<place>[A-Z][\w'’.\-]*(?:[ ,/]+[A-Z][\w'’.\-]*){{0,3}})
    (?P<date>,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)?
    (?P<agency>\s*\([^()]{{2,40}}\))?
    \s*(?P<sep>[:—–\-]{{1,2}})?\s*$""",
    re.X,
)


# The same dateline opening a paragraph (with an agency or a separator, so that an
# ordinary sentence's first words are never taken for one).
_DATELINE_PREFIX = re.compile(
    rf"""^(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Updated|Published|Posted|Last|By)\b)
    [A-Z][\w'’.\-]*(?:[ ,/]+[A-Z][\w'’.\-]*){{0,3}}
    (?:,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?)?
    (?:\s*\([^()]{{2,40}}\)\s*[:—–\-]{{0,2}}|\s*[:—–\-]{{1,2}})\s+(?=[“"‘'A-Z0-9])""",
    re.X,
)


def _standalone_dateline(para: str) -> bool:
    m = _DATELINE.match(para)
    if not m:
        return False
    return bool(m["agency"] or m["date"] or (m["sep"] and m["place"].isupper()))


def _paragraphs(raw: str, titles: set[str], chrome: list[str] | tuple[str, ...] = ()) -> str:
    """Clean an extractor's text: one paragraph per block, furniture removed.

    A dateline that markup put on its own line ("New Delhi, Feb 26 (NationPress)" in a
    <p class="dateline"> or before a <br>) is joined to the paragraph it opens, as it
    is printed: it names where the story was filed and the agency it came from.
    """
    out: list[str] = []
    dateline = ""
    for block in re.split(r"\n+", raw or ""):
        para = " ".join(block.split())
        para = _LEADING_BOILERPLATE.sub("", para)
        if not para:
            continue
        if dateline:
            para, dateline = f"{dateline} {para}", ""
        elif len(out) < 3 and _standalone_dateline(para):
            dateline = para
            continue
        if _BOILERPLATE.match(para) or _only_links(para, chrome):
            continue
        if not out and para.lower() in titles:
            continue  # the headline repeated as the first line
        if out and out[-1] == para:
            continue
        out.append(para)
    return "\n\n".join(out)


def squash(text: str) -> str:
    return "".join(text.split())


def _is_prose(para: str) -> bool:
    return count_words(para) >= 8 and not para.startswith("- ") and para[-1:] in '.!?"”’)»」。'
