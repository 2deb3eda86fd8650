"""The check behind `newsprov lexicon check`: what makes framing entries untrustworthy (a
duplicate id, no rationale or example, an example its entry does not match, a counter-example
some entry flags). It runs the framing matcher over the entries' own examples, so it lives
apart from the loader (annotate/lexicon.py), which the matcher itself imports."""

from __future__ import annotations

from collections.abc import Sequence

from annotate.lexicon_entries import BUILTIN_PACKAGE, LexiconEntry, LexiconError


def check_lexicon(entries: Sequence[LexiconEntry], nlp) -> list[str]:
    """Problems that make entries untrustworthy, one line each; empty when all is well.

    Checks: ids unique within the shipped files and within each extra file, rationale
    present, at least one example, every example matches its own entry, and no
    counter-example is flagged by any entry (its own or another).
    """
    # Imported here: framing imports the lexicon modules.
    from annotate.framing import FramingMatcher

    problems: list[str] = []
    seen: dict[str, str] = {}
    for e in entries:
        scope = "builtin" if e.source.startswith(BUILTIN_PACKAGE) else e.source
        key = f"{scope}\0{e.id}"
        if key in seen:
            problems.append(f"{e.id}: duplicate id (also in {seen[key]})")
        seen[key] = e.source
        if not e.rationale:
            problems.append(f"{e.id}: no rationale; say why an editor should look at it")
        if not e.examples:
            problems.append(f"{e.id}: no examples; add one sentence it should flag")
        if not e.id.startswith("framing."):
            problems.append(f"{e.id}: ids start with 'framing.' (e.g. framing.loaded.word)")
    try:
        matcher = FramingMatcher.from_entries(nlp, entries, with_rules=False)
    except LexiconError as exc:
        return [*problems, str(exc)]
    texts = sorted({t for e in entries for t in (*e.examples, *e.counter_examples)})
    hits: dict[str, set[str]] = {}
    for text, doc in zip(texts, nlp.pipe(texts), strict=True):
        hits[text] = {s.entry for s in matcher.find_all(doc) if s.entry}
    effective = {e.id: e for e in entries}  # a later file's entry replaces an earlier one
    for e in entries:
        if effective[e.id] is not e:
            continue  # overridden: only the entry in use is held to its examples
        for ex in e.examples:
            if e.id not in hits[ex]:
                problems.append(f"{e.id}: example does not match: {ex!r}")
        for ex in e.counter_examples:
            if e.id in hits[ex]:
                problems.append(f"{e.id}: counter-example matches: {ex!r}")
            elif hits[ex]:
                # A counter-example shows the word used neutrally: flagged by any other
                # entry it is not neutral text, and it proves nothing about this one.
                others = ", ".join(sorted(hits[ex]))
                problems.append(f"{e.id}: counter-example is flagged by {others}: {ex!r}")
    return problems
