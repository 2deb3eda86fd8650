"""The annotator: one spaCy pass per text, then the sourcing, framing and claim rules."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from annotate.claims import extract_claims
from annotate.framing import FramingMatcher
from annotate.lexicon import Lexicons, load_lexicons
from annotate.models import Annotation
from annotate.nlp import doc_text, load_nlp, model_id, reading
from annotate.quotes import quote_regions
from annotate.sentences import split_sentences
from annotate.sourcing import SourcingClassifier
from annotate.sourcing.tier_page import opinion_page

ANNOTATOR_VERSION = "0.1.0"


def reference_date(*stamps: str | None) -> date | None:
    """The date of the first stamp that gives one ("2026-11-28T01:02:03Z", "2026-11-28"),
    as the annotator's `reference`: pass an article's published date, then its capture or
    fetch date. None when none does (the annotator then takes today)."""
    for stamp in stamps:
        try:
            return date.fromisoformat((stamp or "").strip()[:10])
        except ValueError:
            continue
    return None


class Annotator:
    """Build once (loads spaCy and the lexicons), then annotate many texts."""

    def __init__(
        self,
        nlp: Language | None = None,
        lexicon_paths: Sequence[Path] = (),
        disabled_entries: Iterable[str] = (),
        lexicons: Lexicons | None = None,
    ) -> None:
        """`lexicon_paths` are user lexicon files of either kind (framing or sourcing) and
        `disabled_entries` ids to switch off in both annotators; or pass `lexicons`, the
        object `load_lexicons` returned, to share one load between annotators."""
        self.nlp = nlp or load_nlp()
        # every lexicon is read once and the same object feeds both annotators, so a
        # disabled framing entry is also gone from the words sourcing borrows
        self.lexicons = lexicons or load_lexicons(lexicon_paths, disabled_entries)
        self.sourcing = SourcingClassifier(self.nlp, lexicons=self.lexicons)
        self.framing = FramingMatcher(self.nlp, lexicons=self.lexicons)

    def annotate(
        self, text: str, opinion: str | None = None, reference: date | None = None
    ) -> Annotation:
        """Annotate `text`. `opinion` is the page's own word that it is opinion (the
        evidence scraper/page_kind.py found, e.g. "section 'Opinion'"): the writer's
        reasoning is then routine (annotate/sourcing/tier_page.py). `reference` is the
        article's date (published when known, else captured or fetched; `reference_date`):
        rules that read time against "now" read it against this date, so the same text is
        annotated the same way whenever it is re-annotated. None means today."""
        return self.annotate_doc(self.nlp(text), opinion, reference)

    def annotate_many(
        self,
        texts: Iterable[str],
        batch_size: int = 48,
        n_process: int = 1,
        opinions: Sequence[str | None] | None = None,
        references: Sequence[date | None] | None = None,
    ) -> Iterator[Annotation]:
        """Annotate in spaCy batches; yields one Annotation per text, in order. `opinions`
        and `references`, when given, hold each text's opinion evidence and date (or None),
        as `annotate` takes them."""
        docs = self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        rows: Iterable[tuple[Doc, str | None, date | None]]
        if opinions is not None and references is not None:
            rows = zip(docs, opinions, references, strict=True)
        elif opinions is not None:
            rows = ((d, o, None) for d, o in zip(docs, opinions, strict=True))
        elif references is not None:
            rows = ((d, None, r) for d, r in zip(docs, references, strict=True))
        else:
            rows = ((d, None, None) for d in docs)
        for doc, opinion, reference in rows:
            yield self.annotate_doc(doc, opinion, reference)

    def annotate_doc(
        self, doc: Doc, opinion: str | None = None, reference: date | None = None
    ) -> Annotation:
        """Annotate a parsed `doc` (`opinion` and `reference` as `annotate` takes them)."""
        # the rules only read the Doc: its entity and sentence spans are built once
        with reading(doc):
            annotation = self._annotate(doc, reference)
        if opinion:
            opinion_page(annotation.sentences, opinion)
        return annotation

    def _annotate(self, doc: Doc, reference: date | None = None) -> Annotation:
        quotes = quote_regions(doc_text(doc))
        sents = split_sentences(doc)
        # framing first: sourcing reads the outlet's judgements from framing's own spans, so
        # both obey the same context rules and --disable
        spans = self.framing.find(doc, quotes)
        flags = self.sourcing.classify(doc, sents, quotes, framing=spans, reference=reference)
        claims = extract_claims(doc, sents, flags)
        return Annotation(text=doc_text(doc), sentences=flags, spans=spans, claims=claims)

    def fingerprint(self) -> dict[str, str]:
        """What produced the annotations: stored in the runs table."""
        h = hashlib.sha256()
        h.update(self.sourcing.fingerprint().encode())
        h.update(self.framing.fingerprint().encode())
        return {
            "annotator_version": ANNOTATOR_VERSION,
            "model": model_id(self.nlp),
            "lexicon_sha256": h.hexdigest(),
        }
