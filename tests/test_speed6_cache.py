"""The entity and sentence caches of annotate/nlp.py give what spaCy gives, for each Doc,
and follow a Doc whose entities or sentences are changed after it was annotated."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from annotate.annotator import Annotator
from annotate.nlp import doc_ents, doc_sents, reading, span_ents

TEXT = (
    "Mayor Tessa Quill said on Tuesday that the Lowmoor Bridge would reopen in March. "
    "Repairs cost 4.2 million pounds, according to the Harrow County Council. "
    "About 3,000 drivers crossed it every day before it closed."
)


def _key(spans) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.label_) for s in spans]


def test_cached_entities_and_sentences_are_spacys(nlp):
    doc = nlp(TEXT)
    spans = [*doc.sents, doc[0:3], doc[2:9], doc[:], doc[5:5], doc[len(doc) - 2 :]]
    with reading(doc):
        assert _key(doc_ents(doc)) == _key(doc.ents)
        assert _key(doc_sents(doc)) == _key(doc.sents)
        assert doc_sents(doc) is doc_sents(doc)  # built once
        for span in spans:
            assert _key(span_ents(span)) == _key(span.ents), span.text


def test_the_cache_holds_only_the_doc_being_read(nlp):
    doc, other = nlp(TEXT), nlp("Nobody was hurt. The council met in Leeds on Friday.")
    with reading(doc):
        doc_ents(doc)
        assert _key(span_ents(other[:])) == _key(other.ents)
        assert _key(doc_sents(other)) == _key(other.sents)
    assert doc_sents(doc) is not doc_sents(doc)  # outside: asked afresh


def test_each_doc_gets_its_own_answer(nlp):
    first, second = nlp(TEXT), nlp("Nobody was hurt. The council met in Leeds on Friday.")
    assert _key(span_ents(second[:])) == _key(second.ents)
    assert _key(span_ents(first[:])) == _key(first.ents)
    assert _key(doc_sents(second)) == _key(second.sents)
    assert _key(doc_sents(first)) == _key(first.sents)


def test_changed_entities_are_read_afresh(nlp):
    doc = nlp(TEXT)
    with reading(doc):
        before = _key(span_ents(doc[:]))
    assert before  # the text has entities
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert _key(span_ents(doc[:])) == [(0, 1, "ORG")] == _key(doc.ents)
    doc.ents = []
    assert span_ents(doc[:]) == [] and doc_ents(doc) == ()


def test_changed_sentence_starts_are_read_afresh(nlp):
    doc = Doc(
        nlp.vocab, words="one two three four".split(), sent_starts=[True, False, False, False]
    )
    with reading(doc):
        assert len(doc_sents(doc)) == 1
    doc[2].is_sent_start = True
    assert _key(doc_sents(doc)) == _key(doc.sents) and len(doc_sents(doc)) == 2


def test_annotation_follows_changed_entities(nlp):
    """What a user sees: the claims name the entities the Doc holds when it is annotated,
    not those of an earlier reading of the same Doc."""
    annotator = Annotator(nlp)
    doc = nlp(TEXT)
    named = [c.entities for c in annotator.annotate_doc(doc).claims]
    assert any("Harrow County Council" in e for e in named)
    doc.ents = [e for e in doc.ents if e.text != "the Harrow County Council"]
    again = [c.entities for c in annotator.annotate_doc(doc).claims]
    assert not any("Harrow County Council" in e for e in again)


def test_annotated_doc_still_serialises(nlp):
    doc = nlp(TEXT)
    Annotator(nlp).annotate_doc(doc)
    assert Doc(nlp.vocab).from_bytes(doc.to_bytes()).text == TEXT
