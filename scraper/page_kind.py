"""Whether the page says it is opinion: a column, an editorial, an op-ed or a comment piece.

The annotator reads text only, and text alone does not tell a dense opinion column from slanted
news (bench/aeb_reading_r12.md: three opinion columns carried 25 of the 31 flags shown by
default on ten never-read pages, 15 of them the writer's own judgements). The page itself says
so, in the places publishers put it for search engines and readers: the section in
`<meta property="article:section">` or JSON-LD `articleSection`, the JSON-LD type
`OpinionNewsArticle`, or a path segment of the article's URL ('/opinion/', '/columnists/').
The evidence is kept as a short phrase so the flag's reason can say why (rule
"sourcing.tier.opinion_page"). A link to the opinion section elsewhere on the page is not
evidence: only the page's own URL, section and type count.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# section names publishers give opinion; matched as whole words, case-insensitive
_SECTION = re.compile(
    r"\b(opinions?|op-?eds?|editorials?|commentary|comment|columns?|columnists?"
    r"|leaders?|letters|viewpoints?|perspectives?)\b",
    re.IGNORECASE,
)
# path segments of an opinion article's own URL
_PATH = re.compile(
    r"/(opinions?|op-?eds?|editorials?|commentary|comment|columns?|columnists?|viewpoints?)/",
    re.IGNORECASE,
)


def opinion_evidence(url: str, section: str | None, ld_types: set[str]) -> str | None:
    """A short phrase saying why the page is opinion, or None: "section 'Opinion'",
    "type OpinionNewsArticle", "URL path '/opinion/'". `ld_types` are the JSON-LD @type
    values of the article object, lower-cased. Only opinion counts: a review or background
    type is not an opinion column for this purpose."""
    if "opinionnewsarticle" in ld_types:
        return "type OpinionNewsArticle"
    if section:
        first = section.split(",")[0].strip()  # 'Opinion, Politics': the first is the desk
        if first and len(first) <= 40 and _SECTION.search(first):
            return f"section '{first}'"
    m = _PATH.search(urlsplit(url).path + "/")
    if m:
        return f"URL path '/{m.group(1).lower()}/'"
    return None
