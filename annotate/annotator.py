"""The annotator: one spaCy pass per text, then the sourcing, framing and claim rules."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
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

    def annotate(self, text: str, opinion: str | None = None) -> Annotation:
        """Annotate `text`. `opinion` is the page's own word that it is opinion (the
        evidence scraper/page_kind.py found, e.g. "section 'Opinion'"): the writer's
        reasoning is then routine (annotate/sourcing/tier_page.py)."""
        return self.annotate_doc(self.nlp(text), opinion)

    def annotate_many(
        self,
        texts: Iterable[str],
        batch_size: int = 48,
        n_process: int = 1,
        opinions: Sequence[str | None] | None = None,
    ) -> Iterator[Annotation]:
        """Annotate in spaCy batches; yields one Annotation per text, in order. `opinions`,
        when given, holds each text's opinion evidence or None, as `annotate` takes it."""
        docs = self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
        if opinions is None:
            for doc in docs:
                yield self.annotate_doc(doc)
        else:
            for doc, opinion in zip(docs, opinions, strict=True):
                yield self.annotate_doc(doc, opinion)

    def annotate_doc(self, doc: Doc, opinion: str | None = None) -> Annotation:
        # the rules only read the Doc: its entity and sentence spans are built once
        with reading(doc):
            annotation = self._annotate(doc)
        if opinion:
            opinion_page(annotation.sentences, opinion)
        return annotation

    def _annotate(self, doc: Doc) -> Annotation:
        quotes = quote_regions(doc_text(doc))
        sents = split_sentences(doc)
        # framing first: sourcing reads the outlet's judgements from framing's own spans, so
        # both obey the same context rules and --disable
        spans = self.framing.find(doc, quotes)
        flags = self.sourcing.classify(doc, sents, quotes, framing=spans)
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
