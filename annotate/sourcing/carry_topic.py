"""Round 26: what counts as a shared topic when a named source is carried on (carry.py), and
which sentences are a life's events rather than more of a speaker's words. Split from
carry.py to keep it under 400 lines."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from annotate.sourcing.words import WordSetView

# units of change that one release's figures share ('3 percent', '40 basis points')
_SHARE_UNITS = frozenset(("percent", "point", "percentage"))
# the lines of one set of results: a company that gave its profit gave its revenue too
RESULTS = WordSetView("results_lines")
# the last article's units, keyed by the Doc itself (not kept in Doc.user_data, which a Doc
# serialises and a set cannot be): the carry reads one article at a time
_UNITS: list[tuple[Doc, frozenset[str]]] = []
# verbs whose sentence is still the speaker's own words ('she said in 2019 that ...')
_SAYING_ROOTS = frozenset("say tell add write recall explain describe argue claim".split())


def topic_words(s: SpacySpan) -> set[str]:
    return {
        t.lemma_.lower()
        for t in s
        if t.pos_ in ("NOUN", "PROPN")
        and len(t.text) >= 4
        and not t.is_stop
        and not t.like_num
        and not _unit(t)
    }


def life_event(s: SpacySpan) -> bool:
    """A sentence dated by a year whose verb is no verb of saying ('She married him in 1968',
    'In 2012 she was investigated'): an event of a person's life in the writer's record, not
    more of what a speaker said, however near the speaker (round 26: an obituary's later life
    was carried to the last person quoted)."""
    root = s.root
    if root.lemma_.lower() in _SAYING_ROOTS:
        return False
    return any(
        t.ent_type_ == "DATE" and t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20")
        for t in s
    )


def _unit(t: Token) -> bool:
    """A currency or unit: a word the article counts with a number three times or more ('118
    million dorrats', '6.82 dorrats', '70 million dorrats'). Every sum has one, so sharing it
    is no sign of a shared topic (round 26: a state grant and a rival's profit were carried to
    a company's and a witness's figures by the currency alone). Percentages and points stay:
    a results release gives its changes in them. A word counted once or twice ('3,400
    teachers') is what the figure is about, and stays a topic word."""
    lemma = t.lemma_.lower()
    if lemma in _SHARE_UNITS:
        return False
    return lemma in _units_of(t.doc)


def _units_of(doc: Doc) -> frozenset[str]:
    entry = _UNITS[0] if _UNITS else None  # read once: another thread may replace it
    if entry is not None and entry[0] is doc:
        return entry[1]
    counted = Counter(w.lemma_.lower() for w in doc if w.i > 0 and doc[w.i - 1].like_num)
    units = frozenset(w for w, n in counted.items() if n >= 3)
    _UNITS[:] = [(doc, units)]
    return units


def ranks_an_event(root: Token) -> bool:
    """'It was the club's worst season in forty years', 'It is the wettest June on record': 'it'
    with 'be' and a superlative or ordinal complement ranks what happened; it does not point
    back to the company or the police who spoke before (round 27)."""
    if root.lemma_ != "be":
        return False
    for c in root.children:
        if c.dep_ == "attr" and any(
            t.tag_ in ("JJS", "RBS") or t.ent_type_ == "ORDINAL" for t in c.subtree
        ):
            return True
    return False


def it_ranks(s: SpacySpan) -> bool:
    """The sentence is 'It' ranking what happened ('It was the second fatal crash on the road this year'):
    a record the desk can look up, not more of the source's account, even on its topic. Six
    such sentences in three blind sets (c18, c22, c27) were carried to the police, a minister
    or a company that spoke before; every blind writer left them unattributed."""
    subj = next((c for c in s.root.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ == "it" and ranks_an_event(s.root)


# verbs of a price's move or close ('fell', 'closed', 'has lost a third of its value')
_PRICE_MOVES = frozenset(
    """fall rise close drop slide plunge climb gain lose jump tumble sink crash soar slump dip
    edge surge end finish trade plummet rally sag""".split()
)


def share_move(s: SpacySpan) -> bool:
    """The sentence moves a share price ('Dovecote's stock slid 8 percent', 'The company's
    shares ended the day lower'): the market's record, which the desk reads off a
    screen, not more of what the company or an analyst said before (round 27). Seven such
    sentences in five blind sets (c6, c7, c18, c26, c27) were carried to the company by topic
    or by 'the company's'; every blind writer left them unattributed, routine."""
    root = s.root
    if root.lemma_.lower() not in _PRICE_MOVES:
        return False
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lemma_.lower() in ("share", "stock")
