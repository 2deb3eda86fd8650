"""Safe highlight markup for scraped article text.

The text is hostile (it came off the web), so markup is never inserted into it. Instead the
raw text is cut at the span offsets (Python code points, the same indices SQLite substr()
uses), each piece is escaped on its own, and tags are built only around escaped pieces.
Overlapping spans are kept properly nested by closing and re-opening marks at boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

_CLASS_BAD = re.compile(r"[^a-z0-9-]+")
_ID_OK = re.compile(r"^[a-z][a-z0-9-]*$")


def css_class(value: str | None) -> str:
    """Turn a label from the database into a class name made only of [a-z0-9-]."""
    cleaned = _CLASS_BAD.sub("-", (value or "").lower()).strip("-")
    return cleaned or "unknown"


@dataclass(frozen=True)
class Mark:
    """One thing to highlight: a flagged sentence or a framing span."""

    start: int
    end: int
    kind: str  # "sentence" (outer, tinted) or "framing" (inner, outlined)
    label: str  # sourcing label or framing category, straight from the database
    tip: str  # plain text shown on hover and focus
    ident: str  # element id, also the target of the side panel's links
    in_quote: bool = False


# Sentences open before framing spans at the same offset so they enclose them.
_KIND_ORDER = {"sentence": 0, "framing": 1}


def _open_tag(mark: Mark, first_piece: bool) -> str:
    if mark.kind == "sentence":
        tag, classes = "span", ["snt", "src-" + css_class(mark.label)]
    else:
        tag, classes = "mark", ["frm", "cat-" + css_class(mark.label)]
    if mark.in_quote:
        classes.append("in-quote")
    attrs = [f'class="{" ".join(classes)}"']
    tip = escape(mark.tip)
    attrs.append(f'title="{tip}"')
    attrs.append(f'data-tip="{tip}"')
    ident = mark.ident if _ID_OK.match(mark.ident) else ""
    if ident:
        # Every piece of a split mark names its flag, so the pieces can be read as one.
        attrs.append(f'data-flag="{ident}"')
    if first_piece and ident:
        # Only the first piece of a split mark is a focus stop, so Tab visits each flag once.
        attrs.append(f'id="{ident}" tabindex="0" aria-describedby="d-{ident}"')
    else:
        attrs.append('data-cont="1"')
    return f"<{tag} {' '.join(attrs)}>"


def _close_tag(mark: Mark) -> str:
    return "</span>" if mark.kind == "sentence" else "</mark>"


def _empty_mark(mark: Mark) -> str:
    # A zero-length span has no text to wrap; show a visible, focusable caret in its place.
    return _open_tag(mark, True).replace('class="', 'class="empty ', 1) + _close_tag(mark)


def highlight(text: str, marks: Sequence[Mark]) -> Markup:
    """Return `text` as HTML with each mark wrapped in a tag; every text piece is escaped."""
    n = len(text)
    spans: list[tuple[int, int, int, Mark]] = []
    for order, m in enumerate(marks):
        start = max(0, min(int(m.start), n))
        end = max(start, min(int(m.end), n))
        spans.append((start, end, order, m))

    bounds = sorted({0, n} | {s for s, _, _, _ in spans} | {e for _, e, _, _ in spans})
    starting: dict[int, list[tuple[int, int, int, Mark]]] = {}
    empties: dict[int, list[Mark]] = {}
    for s, e, order, m in spans:
        if s == e:
            empties.setdefault(s, []).append(m)
        else:
            starting.setdefault(s, []).append((s, e, order, m))

    out: list[str] = []
    stack: list[tuple[int, int, int, Mark]] = []  # open marks, outermost first
    for i, pos in enumerate(bounds):
        ending = [k for k, item in enumerate(stack) if item[1] == pos]
        if ending:
            # Close everything above the lowest ending mark, then re-open the survivors.
            low = ending[0]
            for item in reversed(stack[low:]):
                out.append(_close_tag(item[3]))
            survivors = [item for item in stack[low:] if item[1] != pos]
            del stack[low:]
            for item in survivors:
                out.append(_open_tag(item[3], False))
                stack.append(item)
        for m in empties.get(pos, []):
            out.append(_empty_mark(m))
        new = sorted(
            starting.get(pos, []), key=lambda it: (_KIND_ORDER.get(it[3].kind, 2), -it[1], it[2])
        )
        for item in new:
            out.append(_open_tag(item[3], True))
            stack.append(item)
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos : bounds[i + 1]])))
    for item in reversed(stack):
        out.append(_close_tag(item[3]))
    return Markup("".join(out))
