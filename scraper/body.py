"""The article body: the extractors' texts cleaned into paragraphs, the better one
chosen, and paragraphs or lead blocks an extractor dropped put back from the page.

Page furniture (audio players, share prompts, copyright lines) and menus leaking into
the text are removed paragraph by paragraph; datelines markup put on their own line are
joined to the paragraph they open. Promotion boxes are removed later (`scraper.promo`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction, Tag

from scraper.links import CHROME_CLASS, CHROME_ROLES, SPACE_BEFORE_PUNCT, in_chrome

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


@dataclass
class _Body:
    text: str
    extractor: str


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


def choose_body(
    np: dict | None,
    tf: dict | None,
    titles: set[str],
    soup: BeautifulSoup,
    ld_body: str | None = None,
) -> _Body | None:
    chrome = _chrome_anchors(soup)
    np_text = _paragraphs((np or {}).get("text", ""), titles, chrome)
    tf_text = _paragraphs((tf or {}).get("text", ""), titles, chrome)
    ld_text = _paragraphs(ld_body or "", titles, chrome)
    np_words, tf_words = count_words(np_text), count_words(tf_text)
    if np_words >= MIN_WORDS and np_words >= TRUNCATED_SHARE * tf_words:
        return _Body(_restore_dropped(np_text, (tf_text, ld_text), soup), "newspaper")
    if tf_words >= MIN_WORDS:
        return _Body(_restore_dropped(tf_text, (ld_text,), soup, leads_only=True), "trafilatura")
    if np_words >= MIN_WORDS:
        return _Body(np_text, "newspaper")
    return None


def squash(text: str) -> str:
    return "".join(text.split())


def _is_prose(para: str) -> bool:
    return count_words(para) >= 8 and not para.startswith("- ") and para[-1:] in '.!?"”’)»」。'


_NOT_SHOWN = frozenset({"script", "style", "title", "noscript", "template", "textarea"})


def _container_of(paragraph: str, soup: BeautifulSoup) -> Tag | None:
    """The element that holds the block showing `paragraph`, found through one text node
    (a linear scan: comparing every element's full text would be quadratic on deeply
    nested pages)."""
    words = paragraph.split()
    mid = len(words) // 2
    for snippet in (" ".join(words[mid : mid + 4]), " ".join(words[:4])):
        if not snippet:
            continue
        # Not a copy in JSON-LD, a <title> or a <noscript>: the text as the page shows it.
        node = soup.find(
            string=lambda s, snip=snippet: (
                snip in " ".join(s.split())
                and not isinstance(s, Comment)
                and getattr(s.parent, "name", None) not in _NOT_SHOWN
            )
        )
        if node is None:
            continue
        block = node.find_parent(["p", "li", "div", "blockquote", "span", "td"])
        if isinstance(block, Tag) and isinstance(block.parent, Tag):
            return block.parent
    return None


def _story_container(paras: list[str], soup: BeautifulSoup) -> Tag | None:
    """The element holding the story: the container of its longest paragraph, widened
    to hold its first and last paragraphs too when templates give every paragraph its
    own box ("card" layouts, where an ad in one box makes extractors stop there)."""
    container = _container_of(max(paras, key=len), soup)
    if container is None or len(paras) < 2:
        return container
    ends = [_container_of(p, soup) for p in (paras[0], paras[-1]) if _is_prose(p)]
    for end in ends:
        if end is None or end is container or container in end.parents:
            continue
        common = next((a for a in container.parents if a is end or a in end.parents), None)
        if common is None or common.name in ("body", "html", "[document]"):
            return container
        container = common
    return container


def own_text(block: Tag) -> str:
    """A block's text without any menu, header or footer that broken markup nested in it."""
    parts = []
    for piece in block.find_all(string=True):
        if isinstance(piece, Comment | Doctype | ProcessingInstruction):
            continue
        chrome = False
        for parent in piece.parents:
            if parent is block:
                break
            if parent.name in ("footer", "nav", "header", "aside", "script", "style"):
                chrome = True
                break
        if not chrome:
            parts.append(str(piece))
    return SPACE_BEFORE_PUNCT.sub(r"\1", " ".join(" ".join(parts).split()))


def _restore_dropped(
    text: str, witnesses: tuple[str, ...], soup: BeautifulSoup, leads_only: bool = False
) -> str:
    """Put back prose paragraphs the chosen extractor dropped from the article body.

    newspaper discards paragraphs with a high share of link text, which are often the
    very sentences that cite a source ("...according to <a>its decision</a>"), and
    short closing paragraphs. Candidates come from the other extractor's text, the
    JSON-LD articleBody, and the <p>s of the container holding the chosen paragraphs
    (and <p>s that broken markup left just after it); a synopsis box or an "about us"
    panel elsewhere stays out. The story's lead, which both extractors miss when it sits
    in its own block ahead of the body (a standfirst, a bold first paragraph), is put
    back from `_lead_blocks`. With `leads_only`, only the lead is put back.
    """
    paras = text.split("\n\n")
    container = _story_container(paras, soup)
    if container is None:
        return text
    inside = squash(container.get_text())
    dom_paras = [p for p in container.find_all("p") if not in_chrome(p)]
    for sibling in container.find_next_siblings():
        if sibling.name != "p":
            break  # broken markup spills paragraphs out of their div, not past a block
        dom_paras.append(sibling)
        inside += squash(sibling.get_text())
    witness_paras = [w.split("\n\n") for w in witnesses if w]
    witnessed = {squash(p) for seq in witness_paras for p in seq}
    witnessed_text = "".join(squash(w) for w in witnesses if w)
    leads = _lead_blocks(container, witnessed, witnessed_text)
    sequences: list[list[str]] = [leads]
    if not leads_only:
        sequences += [*witness_paras, [own_text(p) for p in dom_paras]]
    lead_keys = {squash(p) for p in leads}
    out = list(paras)
    known = [squash(p) for p in out]
    _restore_datelines(out, known, witness_paras)

    def covered(key: str) -> bool:
        # Already there, maybe split or merged differently (a <br> inside a <p>).
        return key in joined[0] or any(len(k) >= 20 and k in key for k in known)

    joined = ["".join(known)]

    for sequence in sequences:
        last_known: str | None = None
        for para in sequence:
            key = squash(para)
            if key in known:
                last_known = key
            elif covered(key):
                continue
            elif key in lead_keys:
                at = known.index(last_known) + 1 if last_known in known else 0
                out.insert(at, para)
                known.insert(at, key)
                joined[0] = "".join(known)
                last_known = key
            elif (
                not leads_only
                and para
                and key in inside
                and _is_prose(para)
                and not _BOILERPLATE.match(para)
            ):
                at = known.index(last_known) + 1 if last_known in known else 0
                out.insert(at, para)
                known.insert(at, key)
                joined[0] = "".join(known)
                last_known = key
    return "\n\n".join(out)


def _restore_datelines(out: list[str], known: list[str], witnesses: list[list[str]]) -> None:
    """Put back a dateline the chosen extractor dropped with its own block, from a
    witness whose copy of the same first paragraph still opens with it."""
    for seq in witnesses:
        for para in seq[:3]:
            m = _DATELINE_PREFIX.match(para)
            if not m:
                continue
            rest = squash(para[m.end() :])
            if rest in known:
                at = known.index(rest)
                out[at], known[at] = para, squash(para)
                return


# Class/id words of blocks that open a story apart from its body: a standfirst or dek,
# a bold lead paragraph, a summary.
_LEAD_CLASS = re.compile(
    r"(?:^|[-_\s])(?:lead|lede|leadin|lead-?in|standfirst|stand-?first|intro|introduction|"
    r"summary|dek|deck|excerpt|sapo|chapo|chapeau|subtitle|sub-?headline|strapline|"
    r"abstract|article-?lead|story-?lead)(?:$|[-_\s])",
    re.I,
)
# ...and of blocks near the top of a story that are not its text.
_NOT_LEAD_CLASS = re.compile(
    r"(?:^|[-_\s])(?:caption|credit|byline|author|bio|related|tags?|meta|breadcrumbs?|"
    r"photo|image|gallery|video|embed|timestamp|date|updated|disclaimer|note|correction|"
    r"more|read-?more|promo|teaser|newsletter|synopsis|takeaways?|key-?takeaways|highlights|"
    r"key-?points|tl-?dr|at-a-glance)(?:$|[-_\s])",
    re.I,
)
_NOT_LEAD_TAGS = frozenset(
    {
        "figure",
        "figcaption",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "nav",
        "aside",
        "footer",
        "time",
        "address",
        "blockquote",
        "form",
        "button",
        "label",
        "table",
        "ul",
        "ol",
    }
)
_MAX_LEADS = 3
_MAX_LEAD_SCAN = 400  # blocks looked at before the body: the top of a story, not a page
_SUBHEAD = re.compile(r"^h[2-6]$")


def _marks(tag: Tag) -> str:
    classes = tag.get("class") or []
    words = classes if isinstance(classes, list) else [str(classes)]
    return f"{' '.join(words)} {tag.get('id') or ''}"


def _lead_blocks(container: Tag, witnessed: set[str], witnessed_text: str) -> list[str]:
    """Prose blocks of the story that precede the body container, in page order.

    The search stays inside the story (the nearest <article>, else <main>, else the
    container's parent) and before the container. A block counts when it is a single
    prose paragraph outside captions, headings, bylines and page furniture, and
    something vouches for it: a lead-like class (standfirst, lead, intro, dek, ...), or
    the other extractor or the JSON-LD articleBody having the same text.
    """
    scope = container.find_parent("article") or container.find_parent("main")
    if scope is None:
        scope = container.parent
    if not isinstance(scope, Tag):
        return []
    ancestors = {id(a) for a in container.parents}
    found: list[str] = []
    for block in scope.find_all(["p", "div"], limit=_MAX_LEAD_SCAN):
        if block is container:
            break  # only what comes before the body
        if id(block) in ancestors or (block.name == "div" and block.find(["p", "div"])):
            continue
        vouched = False
        excluded = False
        for el in [block, *block.parents]:
            if el is scope or not isinstance(el, Tag):
                break
            marks = _marks(el)
            if (
                el.name in _NOT_LEAD_TAGS
                or _NOT_LEAD_CLASS.search(marks)
                or CHROME_CLASS.search(marks)
                or str(el.get("role") or "").lower() in CHROME_ROLES
            ):
                excluded = True
                break
            if _LEAD_CLASS.search(marks) and id(el) not in ancestors:
                vouched = True
            if el is not block and id(el) not in ancestors and el.find(_SUBHEAD):
                excluded = True  # a titled box ("Synopsis", "Key takeaways"), not the story
                break
        if excluded:
            continue
        para = own_text(block)
        if not para or _BOILERPLATE.match(para) or para.endswith(":"):
            continue
        # A standfirst often has no full stop; the annotator ends a sentence at every
        # paragraph break anyway. Anything else must read as prose.
        if not (_is_prose(para) or (vouched and count_words(para) >= 8)):
            continue
        key = squash(para)
        if vouched or key in witnessed or (len(key) >= 40 and key in witnessed_text):
            found.append(para)
            if len(found) >= _MAX_LEADS:
                break
    return found


def mostly_links(text: str, soup: BeautifulSoup) -> bool:
    """True when nearly every paragraph of the body is the text of some link: an index."""
    anchors = {" ".join(a.get_text().split()).lower() for a in soup.find_all("a")}
    paras = [p for p in text.split("\n\n") if p]
    linked = sum(count_words(p) for p in paras if p.lower().strip(" -•") in anchors)
    return linked >= 0.7 * max(1, count_words(text))
