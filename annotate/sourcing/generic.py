"""Generic statements: what a kind is or does, said in the present simple ('Octopuses have
three hearts', 'Salt water freezes at a lower temperature', 'Tuberculosis is spread through
the air'). Widely known background is tier `routine` (DESIGN.md "Labels"): still flagged,
one click away, but not what an editor queries first (rule "sourcing.tier.generic").

A statement is generic when the parse shows all of:
- its subject is a kind: a bare plural or mass noun, or 'a'/'an' + a common noun, with no
  demonstrative, possessive, 'the', number or proper name ('These octopuses', 'its staff',
  '300 workers', 'Harlow Foods' name something particular);
- its verb is in the present simple (a modal 'can' is a capacity and allowed; a past, a
  perfect, a progressive or 'will' tell of an event);
- it names no date or time and no figure but a small count in words on its noun (digits,
  shares and approximations are somebody's data: '12 percent', 'about one quarter of';
  'three hearts' is a property);
- for a cause, the passive (what the kind comes from), or a capacity with 'can' or 'may'
  ('Poor sleep can lead to high blood pressure', 'Left untreated, the infection can lead to
  kidney failure': textbook background, rule "sourcing.tier.generic_capacity"); the plain
  active 'Sugar causes hyperactivity' is the form a disputed claim takes;
- no word of a contested topic (`sourcing.words.contested_topics`): 'Vaccines cause autism'
  is general and present, and it is exactly what an editor must query.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.words import WordSetView

_CONTESTED = WordSetView("contested_topics")
# nouns of a category that 'the' may still name as a kind ('the infection can ...')
_KIND_NOUNS = WordSetView("kind_nouns")
_CAPACITY = frozenset(("can", "may"))
_PRESENT = frozenset(("VBZ", "VBP"))
_EVENT_ENTS = frozenset(("DATE", "TIME", "EVENT"))
_KIND_DETS = frozenset(("a", "an", "all", "most"))
_SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
_SHARES = frozenset("quarter third half fifth tenth percent per cent thousand million".split())


def _present_simple(verb: Token) -> bool:
    """'spreads', 'is caused', 'are found', 'can kill'; not 'spread', 'has spread',
    'is spreading', 'will spread'."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ in _PRESENT:
        return not auxes
    if verb.tag_ == "VBN":  # a passive: 'is caused', 'are found'; not 'has been', 'was'
        return len(auxes) == 1 and auxes[0].dep_ == "auxpass" and auxes[0].tag_ in _PRESENT
    if verb.tag_ == "VB":  # 'can kill', 'can be found': a capacity of the kind
        return bool(auxes) and auxes[0].lower_ == "can"
    return False


def _capitalised_noun(subj: Token) -> bool:
    """'Plague is ...' at the head of a sentence is tagged a proper name (or an entity) for its
    capital; it is a common noun when the article also writes the word in lower case ('an
    outbreak of plague'), which a name is never written in. Being first, it has no modifier
    before it; what the parser hangs after it is left to the other tests."""
    if subj.i != subj.sent.start or subj.pos_ not in ("PROPN", "NOUN"):
        return False
    if subj.text == subj.lower_:
        return False
    return any(t.text == subj.lower_ for t in subj.doc if t.i != subj.i)


def _capacity(verb: Token) -> bool:
    """'can lead to', 'may raise': what a kind is able to do."""
    return any(c.dep_ == "aux" and c.lower_ in _CAPACITY for c in verb.children)


def _kind_subject(verb: Token) -> Token | None:
    """The subject of `verb` when it names a kind, not a particular thing."""
    subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
    if subj is None:
        return None
    if subj.lower_ == "it" and any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children):
        return subj  # 'Undiagnosed, it can lead to scarring': the condition just named
    if _capitalised_noun(subj):
        return subj
    if subj.pos_ != "NOUN" or subj.ent_type_:
        return None
    # 'the infection can ...', 'the condition may ...': a category named with 'the'
    the_kind = _capacity(verb) and subj.lemma_.lower() in _KIND_NOUNS
    for c in subj.children:
        if the_kind and c.dep_ == "det" and c.lower_ == "the":
            continue
        if c.dep_ in ("det", "predet") and c.lower_ not in _KIND_DETS:
            return None  # 'the', 'this', 'these', 'some', 'no'
        if c.dep_ in ("poss", "nummod") or c.pos_ == "PROPN" or c.ent_type_:
            return None  # 'its staff', 'three patients', 'Harlow workers'
    if subj.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in subj.children):
        return subj  # 'An octopus has ...'
    if subj.tag_ in ("NNS", "NN"):
        return subj  # 'Octopuses have ...', 'Salt water freezes ...'
    return None


def _property_count(num: Token) -> bool:
    """'three hearts', 'six legs': a small count in words, straight on its noun, is a property
    of the kind. Digits ('12 percent'), an approximation ('about one quarter', 'up to ten')
    or a share ('one quarter', 'a third') are somebody's data."""
    if any(ch.isdigit() for ch in num.text) or num.dep_ != "nummod" or list(num.children):
        return False
    return num.head.lemma_.lower() not in _SHARES


def _main_verb(sent: SpacySpan) -> Token | None:
    """The verb of the sentence's first subject: the parser sometimes makes a clause after a
    dash the root ('X is caused by Y - a germ found in Z' rooted at 'found'), while the
    statement is the one the sentence opens with. A clause opened by 'if', 'when', 'because'
    is not the statement."""
    subj = next((t for t in sent if t.dep_ in _SUBJECT_DEPS), None)
    if subj is None:
        return sent.root
    verb = subj.head
    if any(c.dep_ == "mark" for c in verb.children) or verb.dep_ in ("advcl", "relcl", "acl"):
        return None
    return verb


def generic_statement(sent: SpacySpan, causal: bool = False) -> str | None:
    """The subject of a generic present-tense statement about a kind, or None. `causal`: the
    sentence was flagged for a cause; only the passive, which explains what the kind comes
    from ('Tuberculosis is caused by a bacterium'), is background. The active 'Sugar causes
    hyperactivity' says what a kind does to people, the form a disputed claim takes."""
    root = _main_verb(sent)
    if root is None or root.pos_ not in ("VERB", "AUX") or not _present_simple(root):
        return None
    if causal and not (any(c.dep_ == "nsubjpass" for c in root.children) or _capacity(root)):
        return None
    if any(c.dep_ == "neg" for c in root.children):
        return None  # 'Antibiotics do not work on ...': a denial someone is making
    subj = _kind_subject(root)
    if subj is None:
        return None
    if any(e.label_ in _EVENT_ENTS for e in sent.ents):
        return None
    if any(e.label_ in ("PERCENT", "MONEY") for e in sent.ents):
        return None
    if any(t.like_num and not _property_count(t) for t in sent):
        return None
    if any(t.lemma_.lower() in _CONTESTED or t.lower_ in _CONTESTED for t in sent):
        return None
    return subj.text
