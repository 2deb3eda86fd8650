"""The article body, from the page: paragraphs and lead blocks an extractor dropped, put
back from the HTML. The story's container is found through its paragraphs; prose
paragraphs inside it that a witness (the other extractor, the JSON-LD articleBody, the
container's own <p>s) has are restored in order, with a dropped dateline and a lead
(standfirst, bold first paragraph) that sits in its own block ahead of the body.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, ProcessingInstruction, Tag

from scraper.body_text import _BOILERPLATE, _DATELINE_PREFIX, _is_prose, count_words, squash
from scraper.links import CHROME_CLASS, CHROME_ROLES, SPACE_BEFORE_PUNCT, in_chrome

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
