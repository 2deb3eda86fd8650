"""Typing a source phrase: a named person, an institution speaking as itself, a document
(named when its owner is), unnamed informants. Pronouns, possessive owners, shares of a group
and back-references are in references.py; vague groups, bodies and single unnamed people in
source_groups.py (both mixed in here)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import Span
from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nouns import (
    _body_voice,
    _named_affiliation,
    _named_modifier,
    _people_noun,
    _unique_role,
)
from annotate.sourcing.people import (
    _named_member,
    _names_speaker,
    _plain_capital,
    apposed,
    in_place_phrase,
    in_relative_clause,
)
from annotate.sourcing.references import (
    References,
    _owner_of_possessive,
    _role_named_before,
    _surname_named_before,
)
from annotate.sourcing.source_groups import GroupTypes, _one_in_role
from annotate.sourcing.story_person import STORY_PERSON, story_person
from annotate.sourcing.syntax import _np, _tok_span
from annotate.sourcing.words import (
    _NAMED_ENTS,
    _QUANTIFIERS,
    _SHARE_HEADS,
    _WORD_NUMBERS,
    WordSetView,
)

# 'a number of', 'a handful of', 'a wide range of': some of the people after 'of'
_PORTION_NOUNS = WordSetView("portion_nouns")

# _owner_of_possessive is imported from here by the classifier.
__all__ = ["SourceTypes", "_owner_of_possessive"]


class SourceTypes(References, GroupTypes):
    """What kind of source a phrase is, resolved against the article's memory."""

    lex: SourcingLexicon

    def _classify_source(
        self,
        head: Token,
        s: SpacySpan,
        mem: _Memory,
        anonymous,
        cue: Span,
        cue_id: str,
        i: int,
        cue_tok: Token | None = None,
    ) -> Attribution | None:
        """Type the source phrase headed by `head`; None when it is no kind of source."""
        lex = self.lex
        np = _np(head, s)
        src = _tok_span(np)
        # 'Aides said' opening a sentence, tagged a person: a plain noun (round 12)
        # a name in a relative clause ('staff who talked to the Wendle Post') is not theirs
        # ... nor a place after a preposition ('Shopkeepers on Mill Street': where they are)
        own = [t for t in np if not in_relative_clause(t, head) and not in_place_phrase(t, head)]
        ents = {t.ent_type_ for t in own if t.ent_type_ and not _plain_capital(t, lex, s)}
        has_person = "PERSON" in ents and _names_speaker(np, head)
        # a capitalised common noun opening the sentence ("Shop owners say") is often
        # tagged PROPN: without an entity it names nobody
        named = bool(ents & _NAMED_ENTS) or any(
            t.pos_ == "PROPN" and not _plain_capital(t, lex, s) for t in own
        )

        def make(label: str, kind: str, reason: str, rule: str | None = None) -> Attribution:
            return Attribution(label, kind, reason, rule or cue_id, source=src, cue=cue, head=head)

        if head.lemma_.lower() in _PORTION_NOUNS and (
            (of := next((c for c in head.children if c.dep_ == "prep"), None)) is not None
            and of.lower_ == "of"
            and (pobj := next((c for c in of.children if c.dep_ == "pobj"), None)) is not None
        ):
            # "a number of Democrats", "a wide range of economists": the people after 'of'
            a = self._classify_source(pobj, s, mem, anonymous, cue, cue_id, i, cue_tok)
            if a is not None and a.label == "named_source" and a.kind in ("named", "institution"):
                if not (pobj.tag_ == "NNPS" and pobj.ent_type_ == "NORP"):
                    return None  # 'a number of refugees from Iraq': not a source at all
                # 'a number of Democrats': some of a party, not the party's voice
                a.label, a.kind = "weasel", "weasel"
                a.reason = f"attributed to a vague group: '{src.text}'"
                a.rule = "sourcing.words.portion_nouns"
            if a is not None:
                a.source = src
            return a
        if (
            lone := self._one_more(head, src, cue) or self._those(head, mem, i, src, cue)
        ) is not None:
            if lone.rule == "sourcing.source.one_more" and (ent := apposed(head, np)):
                # 'Another, Ada Brink, said ...': the next witness, named in apposition
                why = f"attributed to named source '{src.text}' (named in apposition: '{ent}')"
                a = make("named_source", "person", why)
                a.source, a.written = _tok_span(ent), src
                return a
            return lone  # 'Another said', 'those who back her say', 'those surveyed' (round 12)
        if head.lower_ in _WORD_NUMBERS or (head.like_num and head.pos_ == "NUM"):
            if head.lower_ == "one" and anonymous is None and (ent := apposed(head, np)):
                # 'One of the mayor's deputies, Lena Ruiz, said': named (round 20)
                why = f"attributed to named source '{src.text}' (named in apposition: '{ent}')"
                a = make("named_source", "person", why)
                a.source, a.written = _tok_span(ent), src
                return a
            # "one of the people said", "two of the officials": the people are the source
            preps = [c for c in head.children if c.dep_ == "prep"]
            of = next((c for c in preps if c.lower_ == "of"), None)
            pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if pobj is None or len(preps) > 1:
                return None  # "one in four of the users": a figure, not a speaker
            a = self._classify_source(pobj, s, mem, anonymous, cue, cue_id, i, cue_tok)
            if a is None and pobj.tag_ == "NNS" and _people_noun(pobj):
                # 'One of the engineers said': some of a group no one named (round 20)
                why = f"attributed to unnamed '{src.text}' (not named)"
                return make("anonymous_source", "anonymous", why, "sourcing.source.one_unnamed")
            if a is not None:
                a.source = src
            return a
        if (head.lemma_.lower() in _SHARE_HEADS or head.text == "%") and (
            share := self._share(head, s, src)
        ):
            label, kind, reason, rule = share
            return make(label, kind, reason, rule)
        if head.pos_ == "PRON" and (g := lex["group_noun"].token(head)):
            # "Some believe ...", "Others argue ...": nobody in particular
            return make("weasel", "weasel", f"attributed to a vague group: '{src.text}'", g)
        if head.pos_ == "PRON":
            return self._pronoun(head, mem, i, src, cue, cue_id)
        if person_figure(head):
            # 'a veteran union figure, who would not give her name': a person, not a number;
            # 'senior union figures': people of the kind the informant entry lists
            if head.tag_ == "NNS":
                why = f"attributed to unnamed '{src.text}'"
                return make("anonymous_source", "anonymous", why, "sourcing.source.informant")
            why = f"attributed to unnamed '{src.text}' (one person, not named)"
            return make("anonymous_source", "anonymous", why, "sourcing.source.one_unnamed")
        if lex["document_noun"].token(head) and head.pos_ in ("NOUN", "PROPN"):
            return self._document(head, np, mem, src, cue, cue_id, i)
        if has_person:
            return make("named_source", "person", f"attributed to named source '{src.text}'")
        if anonymous is None and (kin := _named_family(head)) is not None:
            # 'Her family said she died on Sunday': the family of the person the story names
            # speaks for them, as a statement on their behalf (round 26)
            return make("named_source", "person", f"attributed to the family of '{kin}'")
        if (
            anonymous is None
            and head.pos_ == "NOUN"
            and head.tag_ == "NN"
            and (named_as := _appos_name(head)) is not None
        ):
            # 'Its general secretary, Moyra Tennerly, said': a post, then the holder's name
            # set off by commas, which the tagger may take for an organisation; also a post
            # that had an earlier holder ('The prime minister, Ana Ortega,') (round 26)
            # a body's generic noun with its name set off ('the island ferry operator,
            # Brackwater Lines,') is the body, not a post holder: 'The operator lost ...' then refers back
            kind = "named" if lex["institution_noun"].token(head) else "person"
            return make("named_source", kind, f"attributed to named source '{named_as}'")
        if anonymous is None and (member := _named_member(head)) is not None:
            # 'several Republican leaders, including Senator Ana Ortega,', 'two objectors,
            # Lena Ruiz and Tom Baird,': people the reader can check (round 9)
            return make(
                "named_source",
                "person",
                f"attributed to '{src.text}', naming '{member.text}'",
                "sourcing.source.named_member",
            )
        if (
            anonymous is None
            and (_people_noun(head) or not lex["institution_noun"].token(head))
            and (person := _role_named_before(head)) is not None
        ):
            # "The spokesman added" after "Tomas Hale, a spokesman for the ministry,": the
            # one person the story gave that role; the source is that person (a name in
            # apposition, 'The prime minister, Ana Ortega,', a new holder, was taken above)
            a = make(
                "named_source",
                "person",
                f"'{src.text}' refers back to '{person.text}', named before with that role",
                "sourcing.source.role_reference",
            )
            a.source, a.written = _tok_span(person), src
            return a
        if anonymous is None and (lead := story_person(head, s)) is not None:
            # "the new manager confirmed" in a story about Okafor (round 15)
            why = f"'{src.text}' is '{lead.text}', the person the story is about"
            a = make("named_source", "person", why, STORY_PERSON)
            a.source, a.written = _tok_span(lead), src
            return a
        rep_id = lex["representative_noun"].token(head)
        if rep_id or lex["informant_noun"].token(head):
            named_as = next(
                (
                    c
                    for c in head.children
                    if c.dep_ == "appos"
                    and any(
                        t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN" for t in c.subtree
                    )
                ),
                None,
            )
            if named_as is not None:
                # "the opposition's health spokesman, Tom Reilly,", "a lawyer for the family,
                # Dan Roe,": the person is named in apposition
                return make(
                    "named_source",
                    "person",
                    f"attributed to named source '{src.text}, {named_as.text}'",
                )
        if eid := rep_id:
            # "a company spokesman", "a spokeswoman for the ministry": the body is known,
            # the person is not; the affiliation stays in the source text
            body = _named_affiliation(head) or _named_modifier(head)
            of = f", for {body.text}" if body is not None else ""
            return make(
                "anonymous_source",
                "anonymous",
                f"attributed to unnamed '{src.text}' (a spokesperson, not named{of})",
                eid,
            )
        if head.lemma_.lower() in ("people", "person") and any(
            c.lower_ in _QUANTIFIERS for c in head.children if c.dep_ in ("amod", "det")
        ):
            # "many people", "few people believe": a crowd, not informants
            g = lex["group_noun"].words.get("many", cue_id)
            return make("weasel", "weasel", f"attributed to a vague group: '{src.text}'", g)
        if eid := lex["informant_noun"].token(head):
            if anonymous is None and (body := _body_voice(head)) is not None:
                # "White House officials", "Valdorian officials": affiliated but unnamed
                return make(
                    "anonymous_source",
                    "anonymous",
                    f"attributed to unnamed '{src.text}' (affiliated with {body.text},"
                    " no one named)",
                    "sourcing.source.body_voice",
                )
            if anonymous is None and _unique_role(head):
                # 'his lawyer said', 'Varga's lawyer said', never named: one person in a role,
                # unnamed but affiliated (DESIGN.md), as 'his agent' is since round 22 (round
                # 23; until then every such informant was 'a named role'). Still named: the
                # office at the top of a body, a name after the role or before it with the
                # same owner (all in _one_in_role), the writer's own ('my friend said') and
                # a role speaking in open court ('his lawyer told the court')
                own = _writers_own(head)
                if not own and not _told_the_court(head):
                    return _one_in_role(head, np, src, make)
                why = f"attributed to '{src.text}' (a named role{_ROLE_WHY[own]})"
                return make("named_source", "person", why, eid)
            why = f" ({anonymous[2]})" if anonymous else ""
            return make(
                "anonymous_source", "anonymous", f"attributed to unnamed '{src.text}'{why}", eid
            )
        if anonymous is not None and head.pos_ != "PROPN":
            return make(
                "anonymous_source",
                "anonymous",
                f"attributed to unnamed '{src.text}' ({anonymous[2]})",
                anonymous[3],
            )
        if (person := _surname_named_before(head)) is not None:
            # "Scissors said" after "Derek Scissors of the institute": a surname that is
            # also a common noun names the person the story introduced
            return make(
                "named_source",
                "person",
                f"'{src.text}' is the surname of '{person.text}', named before",
                "sourcing.source.surname_before",
            )
        return self._classify_group(
            head, s, mem, anonymous, cue, cue_id, i, cue_tok, np=np, own=own, named=named
        )


def _named_family(head: Token) -> str | None:
    """The named person whose family 'family' is: a name before it ('Ortega's family') or
    'his' or 'her' when a person is named in this sentence or the one before."""
    if head.lemma_.lower() != "family" or head.tag_ != "NN":
        return None
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    if poss.pos_ == "PROPN" or poss.ent_type_ == "PERSON":
        return poss.text
    if poss.lower_ not in ("his", "her"):
        return None
    # the person named in this sentence or the one before: further back, 'his' may be
    # anyone the story has moved on to
    sent = head.sent
    start = head.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    near = [e for e in head.doc.ents if e.label_ == "PERSON" and start <= e.start < sent.end]
    if near:
        return near[-1].text
    # an invented or rare name the tagger did not take for a person, as the subject there
    doc = head.doc
    # within the previous sentence's paragraph: the parser may run a byline into it
    breaks = [k for k in range(start, sent.start - 1) if "\n" in doc[k].text]
    start = breaks[-1] + 1 if breaks else start
    subj = [
        t
        for t in doc[start : sent.start]
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and t.ent_type_ in ("", "ORG")
    ]
    if not subj:
        return None
    # the name itself: the proper nouns and hyphens run together up to the subject
    k = subj[-1].i
    while k > start and (doc[k - 1].pos_ == "PROPN" or doc[k - 1].text == "-"):
        k -= 1
    return doc[k : subj[-1].i + 1].text


def _appos_name(head: Token) -> str | None:
    """The proper name set in apposition after a role noun ('The minister, Ana Ortega,')."""
    for c in head.children:
        if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN":
            return head.doc[c.left_edge.i : c.right_edge.i + 1].text.strip(" ,")
    return None


# round 23: the words that make 'figure' a person ('a senior figure', 'a party figure')
_FIGURE_OF_PERSON = WordSetView("person_figure_words")


def person_figure(head: Token) -> bool:
    """'A veteran union figure, who would not give her name, said ...', 'one leading figure in
    the union said ...': 'figure' as a person, marked by a word of standing or of a body
    before it, or by 'who' after it (sourcing.words.person_figure_words). 'The latest
    figure showed a rise' is a number, a document (round 23; the blind c23 set)."""
    if head.lemma_.lower() != "figure" or head.pos_ != "NOUN":
        return False
    if any(
        c.dep_ == "relcl" and any(t.lower_ in ("who", "whom", "whose") for t in c.subtree)
        for c in head.children
    ):
        return True
    return any(
        c.dep_ in ("amod", "compound") and c.lower_ in _FIGURE_OF_PERSON for c in head.children
    )


# round 23: who hears a statement made on the court's record
_COURT_HEARERS = WordSetView("court_hearers")


def _told_the_court(head: Token) -> bool:
    """'His lawyer told the jury the boat was hired': a role's words in open court are
    on the court's record, which names the lawyer, so the role stays a named one; 'his
    lawyer said outside court' does not."""
    verb = head.head
    if head.dep_ not in ("nsubj", "nsubjpass") or verb.pos_ not in ("VERB", "AUX"):
        return False
    hearers = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    hearers += [
        g for c in verb.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children
    ]
    # 'said outside court' (parsed 'outside' as an adjective of a 'court' object) is not
    return any(
        t.lemma_.lower() in _COURT_HEARERS
        and not any(c.lower_ in ("outside", "after", "before") for c in t.children)
        for t in hearers
    )


_ROLE_WHY = {True: ", the writer's own", False: ", speaking in open court"}


def _writers_own(head: Token) -> bool:
    """'My friend said ...', 'our lawyer said ...': the writer's own acquaintance, whose
    words the writer vouches for, as before round 23 (a first-person column's anecdote)."""
    return any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in head.children)
