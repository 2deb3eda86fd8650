"""newspaper4k's body finder, made to give the same text for the same bytes every run.

newspaper4k (0.9.6) collects candidate nodes and their parents in Python sets of lxml
elements and then sorts them by level and by score. Elements hash by identity, so the order
of a set, and with it the winner among nodes of equal score, changes from run to run with
the memory layout. Found in round 20: one saved page gave 590 words on some runs and 679 on
others (its lead paragraphs in or out), and so a different stored text and different flags
on re-extraction, which a reader would take for an edit of the page.

The fix wraps two methods of its ArticleBodyExtractor without changing what they compute:
each list they return is put in document order first, so the stable sorts that follow break
ties by position in the page, as a reader would. Applied once, by `make_deterministic()`.
"""

from __future__ import annotations

from typing import Any

_APPLIED = False


def _in_document_order(nodes: list[Any]) -> list[Any]:
    """`nodes` (lxml elements, repeats kept) in the order they appear in their page."""
    if not nodes:
        return list(nodes)
    root = nodes[0].getroottree().getroot()
    position = {el: i for i, el in enumerate(root.iter())}
    return sorted(nodes, key=lambda n: position.get(n, len(position)))


def make_deterministic() -> None:
    """Wrap newspaper4k's candidate collection so its result no longer depends on set order."""
    global _APPLIED
    if _APPLIED:
        return
    from newspaper.extractors.articlebody_extractor import ArticleBodyExtractor

    collect = ArticleBodyExtractor.nodes_to_check
    gravity = ArticleBodyExtractor.compute_gravity_scores

    def nodes_to_check(self: Any, doc: Any) -> list[Any]:
        return _in_document_order(collect(self, doc))

    def compute_gravity_scores(self: Any, nodes_with_text: list[Any]) -> list[Any]:
        return _in_document_order(gravity(self, nodes_with_text))

    ArticleBodyExtractor.nodes_to_check = nodes_to_check  # type: ignore[method-assign]
    ArticleBodyExtractor.compute_gravity_scores = compute_gravity_scores  # type: ignore[method-assign]
    _APPLIED = True
