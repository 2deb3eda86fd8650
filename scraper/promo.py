"""Promotion and teaser lines that page templates put inside the article body.

Real pages put "SEE MORE:" and "DON'T MISS" boxes of headlines, "[INSIGHT]"-tagged
teaser links, share prompts, magazine and newsletter pitches, profile captions and bare
content ids between the paragraphs of a story. Extractors keep them because they sit in
the article's container. An editor reads them as part of the story and the annotators
would flag them, so they go, one paragraph at a time, before anything is stored.

Every rule looks at a whole paragraph, and the longer ones only at short paragraphs, so
a sentence of reporting that happens to begin with one of these words stays.
"""

from __future__ import annotations

import re
from collections.abc import Collection

# A box label on its own, or opening a one-line teaser ("SEE MORE: Headline").
_LABEL = (
    r"(?:see\s+more|don['’]?t\s+miss|related(?:\s+(?:stories|articles|coverage|content|links|news|reading))?"
    r"|more\s+(?:on|from|about)\s+[^:]{1,40}|read\s+next|up\s+next|most\s+(?:read|popular|viewed)"
    r"|trending(?:\s+now)?|you\s+(?:may|might)\s+also\s+like|recommended(?:\s+for\s+you|\s+videos?)?"
    r"|in\s+pictures|top\s+stories|latest\s+news)"
)
_LABEL_ALONE = re.compile(rf"^{_LABEL}\s*[:\-–—|»>]?$", re.I)
_LABEL_LINE = re.compile(rf"^{_LABEL}\s*[:\-–—|»>]\s*(?P<rest>.+)$", re.I)
# A teaser headline tagged with its section: "Fog horn sounds for the last time [INSIGHT]".
_TAG_END = re.compile(r"\s\[[A-Z][A-Z &'-]{1,24}\]$")
_TAG_START = re.compile(r"^\[[A-Z][A-Z &'-]{1,24}\]\s")
_SHARE_PROMPT = re.compile(
    r"^(?:like|liked|enjoy|enjoyed|love|loved)\s+this\s+(?:story|article|post|piece)\b.{0,120}$",
    re.I,
)
# "Subscribe to ...", "Sign up for ..." as a sentence of their own, also after a hook
# question ("Need more space? Subscribe to our sister title ...").
_PITCH = re.compile(r"(?:^|[.!?]\s+)(?:subscribe|sign\s+up)\b", re.I)
# "Follow The Daily Opinion section on Facebook, X and Instagram."
_FOLLOW = re.compile(
    r"^follow\b.{0,80}\bon\s+(?:facebook|twitter|x|instagram|threads|bluesky|tiktok|youtube)\b",
    re.I,
)
_PROFILE = re.compile(r"^profile\s*:\s*\S.{0,80}$", re.I)
# A media player's own message left in the body when its script did not run (round 19: a
# player's apology that the video had failed to load was read as an accusation in the
# writer's voice): the page's furniture, not the story.
_PLAYER = re.compile(
    r"^(?:(?:we\s+apologi[sz]e|sorry)[,.]?\s+(?:but\s+)?)?"
    r"(?:(?:this|the)\s+(?:video|player|audio)\s+"
    r"(?:has\s+failed\s+to\s+load|failed\s+to\s+load|could\s+not\s+be\s+loaded"
    r"|is\s+(?:not\s+available|unavailable|currently\s+unavailable))"
    r"|your\s+browser\s+does\s+not\s+support\s+(?:the\s+)?(?:video|audio|html5)"
    r"|please\s+enable\s+javascript\b|video\s+unavailable|loading\s+(?:video|player))",
    re.I,
)
MAX_PLAYER_WORDS = 15
# ... unless someone is quoted saying so ("This video is not available yet, the ministry said")
_SAID = re.compile(r"\b(?:said|says|told|according\s+to)\b", re.I)
_BARE_ID = re.compile(r"^[#№]?\s*\d[\d\-_/]{3,}$")
_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*$")

MAX_PITCH_WORDS = 40
MAX_HEADLINE_WORDS = 20


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def _headline(para: str, anchors: Collection[str]) -> bool:
    """A line of a headline list: a link's whole text, a tagged teaser, or a short line
    that does not end like a sentence."""
    if _norm(para) in anchors or _TAG_END.search(para) or _TAG_START.match(para):
        return True
    return len(para.split()) <= MAX_HEADLINE_WORDS and not _PROSE_END.search(para)


def is_promo(para: str, anchors: Collection[str] = ()) -> bool:
    """True for a paragraph that is promotion, not reporting (see the module docstring)."""
    words = len(para.split())
    if _LABEL_ALONE.match(para) or _PROFILE.match(para) or _BARE_ID.match(para):
        return True
    if _SHARE_PROMPT.match(para) or (words <= 30 and _FOLLOW.match(para)):
        return True
    if words <= MAX_PLAYER_WORDS and _PLAYER.match(para) and not _SAID.search(para):
        return True
    if (_TAG_END.search(para) or _TAG_START.match(para)) and words <= 30:
        return True
    if words <= MAX_PITCH_WORDS and _PITCH.search(para):
        return True
    line = _LABEL_LINE.match(para)
    return bool(line and _headline(line["rest"], anchors))


def drop_promo(text: str, anchors: Collection[str] = ()) -> str:
    """`text` (paragraphs joined by blank lines) without promotion paragraphs. After a
    box label ("DON'T MISS"), the headlines that follow it go too, up to the next line
    of reporting. `anchors`: the page's link texts, normalised with `_norm`."""
    out: list[str] = []
    in_box = False
    for para in text.split("\n\n"):
        if not para.strip():
            continue
        if is_promo(para, anchors):
            in_box = bool(_LABEL_ALONE.match(para) or _LABEL_LINE.match(para))
            continue
        if in_box and _headline(para, anchors):
            continue
        in_box = False
        out.append(para)
    return "\n\n".join(out)


def link_texts(anchor_texts: Collection[str]) -> set[str]:
    return {_norm(t) for t in anchor_texts if t.strip()}
