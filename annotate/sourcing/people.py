"""Who a people noun names (split from sources.py in round 8): a group speaking for a named
body, a person's camp ('Ortega supporters'), a party plural that names no speaker, and people
labelled only by the body they belong to ('Border Patrol agents')."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nouns import MET_BY, _named_affiliation, _named_modifier, _people_noun
from annotate.sourcing.words import (
    _NAMED_ENTS,
    _PLURAL_GROUPS,
    _QUANTIFIERS,
    _ROLE_PEOPLE,
    _VAGUE_DETS,
    WordSetView,
)

# party names that tag as organisations ('GOP strategists'): people of a party, not its voice
_PARTY_WORDS = WordSetView("party_words")
# determiners that leave a party plural vague ('the Democrats', 'all Republicans')
_PARTY_DETS = _VAGUE_DETS | {"the", "these", "those"}


def _speaks_for(head: Token) -> Token | None:
    """The named body a group speaks for ('analysts at Crane Bank', 'ICCS researchers'). None
    when a quantifier makes it some of them ('some Crane Bank analysts', 'a few Labour
    councillors'), or when the name is a party or creed ('GOP strategists', 'Democratic
    leaders'): a party's people are not the party's voice."""
    if any(
        c.lower_ in _QUANTIFIERS or c.lower_ in ("few", "several", "multiple")
        for c in head.children
        if c.dep_ in ("amod", "det", "nummod")
    ):
        return None
    body = _named_affiliation(head) or _named_modifier(head)
    if body is None or body.ent_type_ == "NORP" or body.lower_ in _PARTY_WORDS:
        return None
    if body.ent_type_ in ("FAC", "LOC") or body.lower_ in _STREET_WORDS:
        return None  # 'Residents of Cotterell Street': a place, not a body they speak for
    if body.ent_type_ == "PERSON" or (body.text[:1].isupper() and _person_like_name(body)):
        # 'Ortega's allies', 'supporters of Sanders': a person's camp, no body; round 12:
        # also a name the tagger took for a common noun ('Ortega fans insist')
        return None
    if (
        first_word(body, head.sent.start)
        and not body.is_upper
        and (not body.ent_type_ or _common_word(body))
    ):
        return None  # 'Digital experts said': a capital that only opens the sentence
    return body


def _common_word(tok: Token) -> bool:
    """A capitalised word that the same text also writes in lower case ('Digital experts
    said' in a story about digital campaigns), or a prefix ('Anti-TPP activists'): a plain
    word that the tagger took for a name because it opens the sentence (round 12)."""
    if tok.lower_ in ("anti", "pro", "non"):
        return True
    low = tok.lower_
    return any(t.text == low for t in tok.doc if t.i != tok.i)


def first_word(tok: Token, start: int) -> bool:
    """`tok` is the first word from token `start` on: only spaces or punctuation (a stray
    quotation mark, a break the page left) stand before it (round 20)."""
    return all(t.is_space or t.is_punct for t in tok.doc[start : tok.i])


# round 26: the last word of a street's name ('Residents of Mill Lane'): a place, no body
_STREET_WORDS = frozenset(
    "street road lane avenue square close way drive terrace row crescent estate gardens".split()
)
# round 26: plurals of people that the tagger takes for an organisation opening a sentence
_OPENING_PLURALS = WordSetView("opening_plurals")


def _opens(tok: Token, s: SpacySpan) -> bool:
    """`tok` is the sentence's first word (a paragraph break may open the span)."""
    return not any(not t.is_space for t in s.doc[s.start : tok.i])


def _plain_capital(tok: Token, lex: SourcingLexicon, s: SpacySpan) -> bool:
    """A word the tagger took for a name only because it opens the sentence: a modifier of
    a common noun ('Shop owners say'), or since round 12 a people noun heading the phrase
    ('Aides said ...', 'Strategists warn'): a capitalised plain noun group names nobody."""
    if not _opens(tok, s):
        return False
    if tok.dep_ in ("compound", "amod") and tok.head.pos_ == "NOUN" and not tok.ent_type_:
        return True
    if tok.ent_type_ == "ORG" and tok.pos_ == "NOUN" and _lone_entity(tok):
        # round 23: 'Nurses said ...' opening a sentence, tagged an organisation by itself;
        # round 26: the plain plurals of sourcing.words.opening_plurals ('Shoppers said',
        # 'Tenants said'), unless the article capitalises the word inside a sentence too (a
        # club called 'Rangers'); not any agent-noun ending, which takes in 'Sanders'
        return _capital_plural(tok, lex) or (
            tok.tag_ == "NNS"
            and (tok.lemma_.lower() in _ROLE_PEOPLE or tok.lemma_.lower() in _OPENING_PLURALS)
            and not _capital_elsewhere(tok)
        )
    return tok.ent_type_ in ("", "PERSON") and _capital_plural(tok, lex)


def _capital_elsewhere(tok: Token) -> bool:
    """The word is capitalised inside some sentence of the article too: a name ('Rangers
    said' in a story that has 'beat Rangers'), not a plural that opens a sentence."""
    return any(
        t.text == tok.text
        and t.i != tok.i
        and not t.is_sent_start
        and t.i > 0
        and not t.doc[t.i - 1].is_space
        and t.doc[t.i - 1].text not in ('"', "“", "'")
        for t in tok.doc
    )


def _lone_entity(tok: Token) -> bool:
    """The token is a whole entity by itself (one word, nothing of the name after it)."""
    doc = tok.doc
    return tok.ent_iob_ == "B" and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")


def _capital_plural(tok: Token, lex: SourcingLexicon) -> bool:
    """A plural people noun the tagger took for a name ('Aides', even tagged a person)."""
    low = tok.lower_
    plain = tok.tag_ == "NNPS" or low.endswith("s")
    listed = (
        lex["informant_noun"].words.get(low[:-1])
        or lex["informant_noun"].words.get(low)
        or lex["group_noun"].words.get(low)
        or low[:-1] in _PLURAL_GROUPS
    )
    # only the lexicons' people nouns: an agent-noun ending ('Sanders', 'Waters') is a name
    return plain and bool(listed)


def _person_noun(head: Token, lex: SourcingLexicon) -> bool:
    """A common noun for people: a group, a role in the plural, an informant or an agent noun
    ('supporters', 'allies', 'aide', 'agents')."""
    return bool(
        lex["group_noun"].token(head)
        or head.lemma_.lower() in _PLURAL_GROUPS
        or lex["informant_noun"].token(head)
        or _people_noun(head)
    )


def _bare_party(head: Token) -> bool:
    """'Democrats', 'the Republicans', 'veteran Republicans', 'establishment Democrats': a
    party's people with nothing that says which of them spoke, a vague group. A named body
    ('House Republicans', 'Ohio Democrats'), a possessive or a number ('the two Democrats',
    who were named before) ties them to someone (sourcing.source.party_group)."""
    if head.tag_ != "NNPS" or head.ent_type_ != "NORP":
        return False
    # 'the Russians' or 'Mexican Americans' may be a government or a community: only a party
    # plural takes 'the' or a plain word and stays vague (round 8); others as before
    party = head.lemma_.lower().rstrip("s") in _PARTY_WORDS or head.lower_ in _PARTY_WORDS
    dets = _PARTY_DETS if party else _VAGUE_DETS
    for c in head.children:
        if c.dep_ in ("poss", "nummod") or (c.dep_ == "det" and c.lower_ not in dets):
            return False
        if c.dep_ == "compound" and not party:
            return False
        if c.dep_ in ("compound", "amod") and (
            c.ent_type_ in _NAMED_ENTS
            or (c.pos_ == "PROPN" and c.i != head.sent.start)  # a capital mid-sentence: a name
        ):
            return False
    return True


def _affiliated_person(
    head: Token, np: SpacySpan, s: SpacySpan, lex: SourcingLexicon
) -> Token | None:
    """The named body of a people noun that names no person: 'Border Patrol agents', 'a
    Harrow Mills engineer', 'two Acme employees'. The names in the phrase all sit before the
    noun (compounds), and no name follows in apposition. None for a name that is the
    speaker ('a lawyer, Dan Roe') or anything else."""
    if head.pos_ != "NOUN" or not _person_noun(head, lex) or lex["document_noun"].token(head):
        return None
    if head.is_title and head.i not in (s.start, head.sent.start):
        return None  # 'M. Dane Waters': a name the tagger read as a noun
    if any(c.dep_ == "appos" for c in head.children) or name_set_off(np):
        return None
    if head.tag_ != "NNS" and not any(
        (c.dep_ == "det" and c.lower_ in ("a", "an")) or c.lower_ == "one" for c in head.children
    ):
        return None  # 'the Florida senator', 'the Russian leader': one person, named before
    starts = {s.start, head.sent.start}
    names = [
        t
        for t in np
        if t.i != head.i
        and (t.ent_type_ in _NAMED_ENTS or (t.pos_ == "PROPN" and t.i not in starts))
    ]  # 'Shop owners say': a capital that only opens the sentence names no body
    if not names:
        return None
    one = head.tag_ != "NNS"
    for t in names:
        up = t
        while (
            up.dep_ in ("compound", "amod", "nmod", "punct") and up.head.i != up.i and up.i < head.i
        ):
            up = up.head
        if up.i == head.i:
            continue
        if one and _in_affiliation(t, head):
            continue  # 'a reporter for the Harrow Herald'; a plural there speaks for it
        return None
    return names[0]


def _former(head: Token) -> bool:
    """'Retired prosecutors', 'former diplomats': people who once spoke for a body."""
    return any(c.dep_ == "amod" and c.lower_ in ("former", "retired") for c in head.children)


_PLACE_PREPS = frozenset(("on", "in", "near", "along", "around", "outside"))


def in_place_phrase(tok: Token, head: Token) -> bool:
    """`tok` names where a plural of people are ('Shopkeepers on Mill Street', 'Farmers
    near Harwell'): a street, a facility or a place after a preposition of place is where
    they are, not a body they speak for (round 27; 'Residents of Mill Lane', round 26).
    Plurals only: 'the official in Harwell' may be the town's one official."""
    if head.tag_ not in ("NNS", "NNPS") or not _people_noun(head):
        return False
    up = tok
    for _ in range(6):
        if up.head.i == up.i or up.i == head.i:
            return False
        if up.dep_ == "pobj" and up.head.dep_ == "prep" and up.head.head.i == head.i:
            if up.head.lower_ not in _PLACE_PREPS:
                return False
            return up.ent_type_ in ("GPE", "LOC", "FAC") or up.lower_ in _STREET_WORDS
        up = up.head
    return False


def in_relative_clause(tok: Token, head: Token) -> bool:
    """`tok` sits in a clause hanging from the source phrase headed by `head` ('officials
    who talked to the Wendle Post'): a name there says whom they spoke to, not who they
    are (round 20, PolNeAR train)."""
    up = tok
    for _ in range(12):
        if up.i == head.i or up.head.i == up.i:
            return False
        if up.dep_ == "relcl":  # not 'acl': 'a driver named Ada Brink' names her
            return True
        if up.dep_ == "acl" and up.lemma_.lower() in MET_BY:
            # 'stallholders interviewed by the Gazette': the interviewer, not them (round 25)
            return True
        up = up.head
    return False


def _in_affiliation(tok: Token, head: Token) -> bool:
    """`tok` sits in a 'for', 'of', 'at', 'from' or 'with' phrase hanging from `head`."""
    up = tok
    for _ in range(8):
        if up.head.i == up.i:
            return False
        if up.dep_ == "prep" and up.head.i == head.i:
            return up.lower_ in ("for", "of", "at", "from", "with")
        up = up.head
    return False


def _names_speaker(np: SpacySpan, head: Token) -> bool:
    """A person entity in the phrase names who spoke: it is the head, or in apposition to it
    or listed with it ('a spokesman, Tom Baird', 'Ortega and Baird'). A person who only says
    whom the people serve, back or follow ('Ortega aides', 'a spokesman for Ana Ortega',
    'leaders who backed Ortega') is not the speaker."""
    for t in np:
        if t.ent_type_ != "PERSON":
            continue
        if t.i == head.i:
            return True
        deps, up = [], t
        while up.i != head.i and up.head.i != up.i and len(deps) < 12:
            deps.append(up.dep_)
            up = up.head
        if up.i != head.i:
            return True  # not under the head at all: the parse split the phrase
        while deps and deps[0] in ("compound", "flat"):
            deps.pop(0)  # the name's own words ('Tom' in 'Tom Baird')
        if deps and all(d in ("appos", "conj") for d in deps):
            return True
        if deps == ["appos", "pobj", "prep"] and _holder_after_body(t):
            return True
    return False


def _holder_after_body(name: Token) -> bool:
    """'The chief executive of Vantor, Ada Crole, said': the parser hangs the name on the
    company's name, but a company is not a person, so the name is the post holder's (round
    29). Only after 'of' or 'at' and a proper name that is no person: in 'a spokesman for the
    minister, Ana Ortega,' the name is the minister's."""
    body = name.head
    while body.dep_ in ("compound", "flat") and body.head.i != body.i:
        body = body.head
    prep = body.head
    return (
        body.dep_ == "pobj"
        and body.pos_ == "PROPN"
        and body.ent_type_ != "PERSON"
        and prep.lower_ in ("of", "at")
    )


def _person_like_name(tok: Token) -> bool:
    """A proper noun the tagger left without an entity but that the article uses as a
    person's name: it heads a PERSON entity elsewhere in the Doc ('Sanders')."""
    return any(e.label_ == "PERSON" and tok.text in e.text.split() for e in tok.doc.ents)


# prepositions by which a group gives some of its members by name ('leaders, including ...')
_MEMBER_PREPS = frozenset(("including", "like", "as"))


def _named_member(head: Token) -> SpacySpan | None:
    """The person a people or group noun names among its members: in apposition after a
    comma ('two objectors, Lena Ruiz and Tom Baird,'), or after 'including', 'like', 'such
    as' ('several leaders, including Senator Ana Ortega,'). Not a person the group serves or
    belongs to ('a spokesman for Ana Ortega', 'friends of Ortega')."""
    if head.pos_ != "NOUN":
        return None
    for c in head.children:
        if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in _MEMBER_PREPS):
            if (
                c.dep_ == "prep"
                and c.lower_ == "as"
                and not any(t.lower_ == "such" for t in head.doc[max(0, c.i - 1) : c.i])
            ):
                continue  # 'as' only in 'such as'
            for t in c.subtree:
                if t.ent_type_ == "PERSON":
                    ent = next((e for e in head.doc.ents if e.start <= t.i < e.end), None)
                    return ent if ent is not None else head.doc[t.i : t.i + 1]
            if (name := _apposed_full_name(head, c)) is not None:
                return name
    return None


def _apposed_full_name(head: Token, appos: Token) -> SpacySpan | None:
    """'Its director, Ines Varga,', 'the study's lead researcher, Ines Varga,': a first and
    last name set in apposition after one person's role, which the entity tagger read as an
    organisation or missed (round 18). Only after a singular agent noun ('director',
    'researcher', 'author'), so that 'the firm, Corran Water,' stays a body's name."""
    if appos.dep_ != "appos" or appos.pos_ != "PROPN" or head.tag_ != "NN":
        return None
    if not _people_noun(head) or appos.ent_type_ in ("GPE", "LOC", "NORP", "FAC", "DATE"):
        return None
    parts = [t for t in appos.children if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if not parts or parts[0].i != appos.i - len(parts):
        return None  # one word ('the author, Corran,') or not a name run
    return head.doc[parts[0].i : appos.i + 1]


def apposed(head: Token, np: SpacySpan) -> SpacySpan | None:
    """The person's name set in apposition after `head` ('Another, Ada Brink, said'), when
    `_person_follows` finds one (round 15)."""
    if not _person_follows(head, np):
        return None
    return next((e for e in head.sent.ents if e.label_ == "PERSON" and e.start > head.i), None)


def _person_follows(head: Token, np: SpacySpan) -> bool:
    """A person's name in the phrase after the noun or in apposition right after it ('a
    strategist for the party, Lena Ruiz,'), however the parser attached it."""
    if any(t.ent_type_ == "PERSON" for t in head.subtree if t.i > head.i):
        return True
    return name_set_off(np)


def name_set_off(np: SpacySpan) -> bool:
    """A person's name right after the phrase, set off by a comma or a dash ('a strategist,
    Lena Ruiz,', 'A former candidate -- Tomas Ardel, ... --'); a name further on, in a
    relative clause or a prepositional phrase, is someone else."""
    doc = np.doc
    k = np.end
    return (
        k + 1 < len(doc)
        and doc[k].text in (",", "--", "\u2014", "\u2013")
        and doc[k + 1].ent_type_ == "PERSON"
    )
