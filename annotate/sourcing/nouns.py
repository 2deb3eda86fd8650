"""Who a noun phrase names: people nouns, roles, named owners, polls, venues and affiliations."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.words import (
    _AGENT_ENDING_THINGS,
    _DEFINITE,
    _NAMED_ENTS,
    _PEOPLE_SUFFIXES,
    _ROLE_PEOPLE,
    WordSetView,
)

# participles whose agent did the interviewing ("interviewed by the Gazette"): round 25
MET_BY = WordSetView("met_by_verbs")


def interviewed(head: Token) -> bool:
    """'stallholders interviewed by the Gazette', 'lock-keepers contacted by the Ledger': people
    the reporter spoke to, set by a participle of sourcing.words.met_by_verbs (round 25)."""
    return any(c.dep_ == "acl" and c.lemma_.lower() in MET_BY for c in head.children)


def _unique_role(head: Token) -> bool:
    """'the company's chief executive', 'his lawyer': one identifiable person."""
    if head.tag_ == "NNS":
        return False
    return any(c.dep_ == "poss" for c in head.children)


def _people_noun(tok: Token) -> bool:
    """Agent-noun morphology ('hydrologists', 'engineers', 'residents', 'campaigners'), or a
    people noun the endings miss ('nurses', 'a pilot', 'a neighbour': sourcing.words.role_people)."""
    lemma = tok.lemma_.lower()
    if lemma in _AGENT_ENDING_THINGS:
        return False  # 'flood instruments explained why the weir failed': things, not people
    return (
        _PEOPLE_SUFFIXES.ends(lemma)
        or _PEOPLE_SUFFIXES.ends(tok.lower_)
        or lemma in _ROLE_PEOPLE
        or tok.lower_ in _ROLE_PEOPLE
    )


def _owner_named(head: Token, lex: SourcingLexicon) -> bool:
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    return poss is not None and (
        poss.pos_ == "PROPN"
        or bool(poss.ent_type_)
        or lex["institution_noun"].token(poss) is not None
    )


def _named_agent(head: Token, sent: SpacySpan) -> Token | None:
    """'economists polled by Reuters': the named organisation that ran the poll. Not the
    interviewer of 'stallholders interviewed by the Gazette' (sourcing.words.met_by_verbs)."""
    for c in head.children:
        if c.dep_ in ("acl", "amod") and c.tag_ == "VBN" and c.lemma_.lower() not in MET_BY:
            for a in c.children:
                if a.dep_ == "agent":
                    pobj = next((p for p in a.children if p.dep_ == "pobj"), None)
                    if pobj is not None and (pobj.pos_ == "PROPN" or pobj.ent_type_ in _NAMED_ENTS):
                        return pobj
    return None


# Entities an 'in' phrase names that are never an outlet or journal: a place, a people or
# party, a person, a time ('GOP leaders in Ohio say', 'aides said in March').
_NOT_VENUES = frozenset(("GPE", "LOC", "NORP", "PERSON", "DATE", "TIME", "FAC", "EVENT"))


def _named_venue(cue: Token | None) -> Token | None:
    """'researchers reported in The Lancet': published in a named journal or outlet."""
    if cue is None:
        return None
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ == "in":
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is None or pobj.ent_type_ in _NOT_VENUES:
                continue  # 'leaders in Virginia say', 'in November': where or when, not in what
            if pobj.pos_ == "PROPN" or pobj.ent_type_ in ("ORG", "WORK_OF_ART"):
                return pobj
            # "in the journal Marine Biology Letters": a common noun followed by the name
            name = next(
                (t for t in pobj.subtree if t.i > pobj.i and t.pos_ == "PROPN"),
                None,
            )
            if name is not None:
                return name
    return None


def _named_modifier(head: Token) -> Token | None:
    """'ICCS researchers', 'Reuters analysts': people of a body the text names."""
    for c in head.children:
        if c.dep_ in ("compound", "poss", "amod") and (
            c.ent_type_ in ("ORG", "FAC")
            or (c.pos_ == "PROPN" and c.dep_ == "poss")
            or (c.is_upper and c.is_alpha and len(c.text) >= 2)  # an abbreviation: "ICCS"
        ):
            return c
    return None


def _determined(head: Token) -> bool:
    """'the hospitals', 'its lawyers', 'these groups': a definite, already known set."""
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in head.children
    )


def _body_voice(head: Token) -> Token | None:
    """'Valdorian officials denied', 'lawyers at the charity Shelter say': a bare plural of
    unnamed people tied to a named country or organisation speaks for that body, as its
    government's or organisation's position (so named). Any sign of individuals ('two
    officials', 'some officials', 'senior officials', 'an official', 'officials familiar with
    the matter', an anonymity marker) keeps them anonymous."""
    if head.tag_ != "NNS":
        return None
    body = None
    for c in head.children:
        if c.dep_ in ("det", "nummod", "poss", "quantmod", "acl", "relcl"):
            return None
        if c.dep_ in ("amod", "compound"):
            if c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN":
                body = body or c
            else:
                return None  # "senior officials", "local officials": individuals, unnamed
        if c.dep_ == "prep":
            if c.lower_ not in ("from", "of", "at", "with"):
                return None  # "officials familiar with", "people close to"
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            named = pobj is not None and next(
                (
                    t
                    for t in pobj.subtree
                    if t.ent_type_ in ("ORG", "GPE", "NORP") or t.pos_ == "PROPN"
                ),
                None,
            )
            if not named:
                return None
            body = body or named
    return body


def _named_affiliation(head: Token) -> Token | None:
    """'observers from the OSCE', 'analysts at Goldman Sachs': a group speaking for a named body."""
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of", "at", "with"):
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and (
                pobj.ent_type_ in ("ORG", "GPE", "NORP") or pobj.pos_ == "PROPN"
            ):
                return pobj
    return None
