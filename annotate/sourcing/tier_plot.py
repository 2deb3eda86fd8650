"""A story told in a film, book or comic (round 16, rule sourcing.tier.plot).

Reviews and culture pieces retell plots: 'In the film, the brothers owe 90,000 dollars',
'the hero dies in the final episode'. The figures, deaths and crimes of a plot are the work's,
not the news's: an editor has nothing to ask the reporter about them. The development pages
of round 16 had a film review's debts and a character's age among the figure queries.

Kept narrow: the sentence must set its claim inside a work with 'in' ('in the film', 'in the
novel's last chapter', 'in the comic'; sourcing.words.works_of_fiction, which leaves out works
where real events happen: a video, a game, a season, a show) or name a character or the plot
as the subject. A film's box-office takings or its director's arrest set nothing inside a work
and keep their tier. The round-16 blind reading's class (crime and casualty queries on a
comic's plot) was read as a description only; the rule was written from the development
pages' film review."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan

from annotate.sourcing.words import WordSetView

PLOT = "sourcing.tier.plot"
_WORKS = WordSetView("works_of_fiction")
_INSIDE = frozenset(("character", "characters", "plot", "storyline", "protagonist", "villain"))


def story_told(sent: SpacySpan) -> str | None:
    """The words that set the sentence inside a work ('in the film'), or None."""
    for t in sent:
        if t.lower_ == "in" and t.dep_ == "prep":
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.lemma_.lower() in _WORKS:
                return f"in {' '.join(w.text for w in obj.subtree)}"[:60]
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in _INSIDE:
            return t.text
    return None
