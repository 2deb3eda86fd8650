"""Typing a source phrase, second stage: groups and bodies. After sources.py has tried
documents, people by name, roles named before and unnamed informants, the phrase is a vague
group ('critics', 'many residents'), a party's people, an institution speaking as itself, the
people of a named body, one unnamed person ('a former aide'), or a list whose first speaker the
rules can type (split from sources.py in round 20; the rules are unchanged)."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import Span
from annotate.nlp import doc_ents, doc_sents
from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.epithets import singular_epithet
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nouns import (
    _determined,
    _named_agent,
    _named_venue,
    _owner_named,
    _people_noun,
    _unique_role,
    interviewed,
)
from annotate.sourcing.people import (
    _PARTY_WORDS,
    _affiliated_person,
    _bare_party,
    _former,
    _person_follows,
    _speaks_for,
    name_set_off,
)
from annotate.sourcing.references import _age_reference
from annotate.sourcing.syntax import _np, _tok_span
from annotate.sourcing.words import (
    _BODY_OFFICES,
    _CARRY_KINDS,
    _DEFINITE,
    _NAMED_ENTS,
    _PLURAL_GROUPS,
    _QUANTIFIERS,
    WordSetView,
)


class GroupTypes:
    """Groups, bodies and single unnamed people, mixed into SourceTypes, whose
    `_classify_source` (for the members of a list) and `_epithet` (references.py) it calls."""

    lex: SourcingLexicon

    def _classify_group(
        self,
        head: Token,
        s: SpacySpan,
        mem: _Memory,
        anonymous,
        cue: Span,
        cue_id: str,
        i: int,
        cue_tok: Token | None,
        *,
        np: SpacySpan,
        own: list[Token],
        named: bool,
    ) -> Attribution | None:
        """The source phrase headed by `head` as a group, a body or one unnamed person; None
        when it is no kind of source. `own`: the phrase's words outside a relative clause;
        `named`: one of them is a name."""
        lex = self.lex
        src = _tok_span(np)

        def make(label: str, kind: str, reason: str, rule: str | None = None) -> Attribution:
            return Attribution(label, kind, reason, rule or cue_id, source=src, cue=cue, head=head)

        group = lex["group_noun"].token(head) or (
            # "Nordic leaders", "allies", "senators": a plural of a role names none of them
            "sourcing.words.plural_groups"
            if head.tag_ in ("NNS", "NNPS") and head.lemma_.lower() in _PLURAL_GROUPS
            else None
        )
        quantified = any(
            c.lower_ in _QUANTIFIERS for c in head.children if c.dep_ in ("amod", "det")
        )
        # "Fellow Democrats", "Both Liberals and Conservatives": a vague determiner or a
        # plain adjective keeps the party plural vague; "House Republicans" names a body
        bare_party = _bare_party(head)
        if group and not bare_party and singular_epithet(head):
            # 'the expert said' after 'travel agent Ines Varga': one person (round 19)
            return self._epithet(head, src, cue, mem, i)
        if head.tag_ in ("NNS", "NNPS") and _in_ten(head) and (group or _people_noun(head)):
            # 'roughly 6 in 10 renters say ...': a poll's share of a group (round 23)
            poll = _named_agent(head, s) or _poll_named_before(mem)
            if poll is not None:
                why = f"a share of a group in a named poll: '{src.text}' ({poll})"
                return make("named_source", "document", why, "sourcing.source.document")
            why = f"a share of a group, no poll named: '{src.text}'"
            return make("weasel", "weasel", why, "sourcing.source.share_group")
        if (group or _people_noun(head)) and (names := counted_back(head)):
            # 'Both experts think ...' after two experts were named: those two (round 23)
            return make(
                "named_source",
                "person",
                f"'{src.text}' refers back to the people named before ({', '.join(names)})",
                COUNTED_BACK,
            )
        if (
            group
            or bare_party
            or (
                quantified
                and head.tag_ in ("NNS", "NNPS")
                and not lex["institution_noun"].token(head)
            )
        ):
            if bare_party and not group and not quantified:
                group = "sourcing.source.party_group"
            if (poller := _named_agent(head, s)) is not None:
                return make(
                    "named_source",
                    "document",
                    f"attributed to a named poll: '{src.text}' ({poller.text})",
                )
            if (venue := _named_venue(cue_tok)) is not None:
                return make("named_source", "named", f"attributed to '{src.text}' in {venue.text}")
            if (body := _speaks_for(head)) is not None:
                return make("named_source", "named", f"attributed to '{src.text}' (of {body.text})")
            if (
                not bare_party  # 'the Democrats' after a named study are not its authors
                and any(c.lower_ in _DEFINITE for c in head.children)
                and (prev := mem.last(before=i)) is not None
                and (
                    prev.kind not in ("person", "anonymous")
                    or (prev.head is not None and prev.head.lemma_.lower() == head.lemma_.lower())
                )
            ):
                # "the researchers" after a named study, "the analysts" after "analysts at
                # Crane Bank": the group just named; after "Ortega said", not Ortega
                return make(
                    prev.label,
                    prev.kind,
                    f"continues '{prev.source.text if prev.source else prev.reason}'",
                )
            if group and not bare_party and head.pos_ == "NOUN" and _one_of(head):
                # 'a resident said', 'one analyst said': one person, not a group (round 22)
                return _one_unnamed(head, np, make)
            if group and not bare_party and head.pos_ == "NOUN" and _unique_role(head):
                # 'her doctor said', 'the club's doctor said': one person, not a group; unnamed
                # but affiliated, so anonymous_source (DESIGN.md; round 22)
                return _one_in_role(head, np, src, make)
            if interviewed(head):
                return _interviewed_people(src, make)
            return make(
                "weasel", "weasel", f"attributed to a vague group: '{src.text}'", group or cue_id
            )
        if eid := lex["institution_noun"].token(head):
            if (
                head.tag_ == "NNS"
                # 'retired prosecutors': people who once held the office, not the office
                and (head.lemma_.lower() in lex.plural_vague or _former(head))
                and not _determined(head)
                and not any(
                    t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_ in _NAMED_ENTS) for t in own
                )
            ):
                # "rights groups say", "hospitals warn": no institution anyone can name
                return make("weasel", "weasel", f"attributed to a vague group: '{src.text}'", eid)
            return make("named_source", "institution", f"attributed to '{src.text}'", eid)
        names = [t for t in np if t.i != head.i and (t.pos_ == "PROPN" or t.ent_type_)]
        if (
            head.tag_ == "NNS"
            and names
            and all(t.ent_type_ == "NORP" or t.lower_ in _PARTY_WORDS for t in names)
        ):
            # 'GOP strategists', 'Democratic operatives': unnamed people of a party
            return make(
                "weasel",
                "weasel",
                f"attributed to a vague group: '{src.text}'",
                "sourcing.words.party_words",
            )
        if (body := _affiliated_person(head, np, s, lex)) is not None:
            # 'Border Patrol agents', 'a Harrow Mills engineer': people of a named body, none
            # of them named (sourcing.source.affiliated_people)
            return make(
                "anonymous_source",
                "anonymous",
                f"attributed to unnamed '{src.text}' (affiliated with {body.text}, no one named)",
                "sourcing.source.affiliated_people",
            )
        if named:
            aside = " (named in apposition)" if name_set_off(np) else ""
            return make("named_source", "named", f"attributed to named source '{src.text}'{aside}")
        if head.pos_ == "NOUN" and _unique_role(head) and _owner_named(head, lex):
            return make("named_source", "person", f"attributed to '{src.text}' (a named role)")
        if head.pos_ == "NOUN" and _unique_role(head) and _people_noun(head):
            # 'his agent said', 'her nurse said': one person in a role, unnamed but affiliated
            # (DESIGN.md); no source at all had let the speaker's 'he' stand for the source
            # (round 22)
            return _one_in_role(head, np, src, make)
        if (
            head.tag_ == "NN"
            and _people_noun(head)
            and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in head.children)
        ):
            # "the minister said": one office holder, named earlier or by the office itself
            prev = mem.last(("person",), before=i)
            name = f" ({prev.source.text})" if prev and prev.source else ""
            return make("named_source", "person", f"attributed to '{src.text}'{name}")
        if _age_reference(head):
            # "The 56-year-old said:": a person the story has named, referred to by age
            prev = mem.last(("person",), before=i)
            name = f" ('{prev.source.text}')" if prev and prev.source else ""
            return make(
                "named_source",
                "person",
                f"'{src.text}' refers back to a person the story names{name}",
                "sourcing.source.age_reference",
            )
        if (
            head.tag_ == "NNS"
            and _people_noun(head)
            and any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in head.children)
            and (prev := mem.last(("document",), before=i) or mem.last(_CARRY_KINDS, before=i))
            is not None
        ):
            # "the authors acknowledge", "the researchers found": the people just named
            name = prev.source.text if prev.source else prev.reason
            return make(prev.label, prev.kind, f"'{src.text}' continues '{name}'")
        if (
            head.tag_ == "NNS"
            and _people_noun(head)
            and not any(
                c.dep_ in ("det", "poss") and c.lower_ not in _QUANTIFIERS for c in head.children
            )
        ):
            if interviewed(head):
                return _interviewed_people(src, make)
            # bare plurals that say or argue ("engineers warn", "hydrologists have shown")
            return make("weasel", "weasel", f"attributed to a vague group: '{src.text}'")
        if (
            head.tag_ == "NN"
            and (_people_noun(head) or head.lemma_.lower() in _PLURAL_GROUPS)
            and _one_of(head)
        ):
            # 'one strategist described ...', 'a former staffer said': one person, unnamed
            return _one_unnamed(head, np, make)
        for conj in (c for c in head.children if c.dep_ == "conj"):
            # 'the families, friends and county officials said': the first speaker the rules
            # can type stands for the list (sourcing.source.conjoined)
            a = self._classify_source(conj, s, mem, anonymous, cue, cue_id, i, cue_tok)
            if a is not None and a.label != "named_source":
                listed = _tok_span(s.doc[np.start : max(np.end, _np(conj, s).end)])
                a.source = listed
                a.reason = f"{a.reason}, in the list '{listed.text}'"
                return a
        return None


def _one_of(head: Token) -> bool:
    """'a', 'an', 'another' or 'one' before the noun: one person of the kind."""
    return head.tag_ == "NN" and any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another"))
        or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in head.children
    )


def _one_unnamed(head: Token, np: SpacySpan, make) -> Attribution:
    """One person of a kind (sourcing.source.one_unnamed): unnamed, or named in apposition
    ('a strategist for the party, Lena Ruiz,')."""
    text = np.text
    if _person_follows(head, np):
        return make(
            "named_source", "person", f"attributed to named source '{text}' (named in apposition)"
        )
    return make(
        "anonymous_source",
        "anonymous",
        f"attributed to unnamed '{text}' (one person, not named)",
        "sourcing.source.one_unnamed",
    )


def _interviewed_people(src: Span, make) -> Attribution:
    """'stallholders interviewed by the Gazette': particular people the reporter spoke to,
    none of them named; anonymous, not a vague group (round 25, sourcing.words.met_by_verbs)."""
    why = "people interviewed, none named; sourcing.words.met_by_verbs"
    return make("anonymous_source", "anonymous", f"attributed to unnamed '{src.text}' ({why})")


def _one_in_role(head: Token, np: SpacySpan, src: Span, make) -> Attribution:
    """'his agent', 'the club's doctor': one person whose role ties them to someone named,
    who is not named (sourcing.source.one_unnamed); 'his nephew Tomas Ardel' names him, and
    'its director', the one office at the top of a body, is a named role."""
    if head.lemma_.lower() in _BODY_OFFICES:
        return make("named_source", "person", f"attributed to '{src.text}' (a named role)")
    nxt = next((t for t in head.doc[head.i + 1 : head.i + 3] if not t.is_space), None)
    if _person_follows(head, np) or (
        nxt is not None and (nxt.ent_type_ == "PERSON" or nxt.pos_ == "PROPN")
    ):
        return make(
            "named_source", "person", f"attributed to named source '{src.text}' (named after it)"
        )
    if (name := _same_role_named_before(head)) is not None:
        why = f"'{src.text}' refers back to '{name}', named before with that role"
        return make("named_source", "person", why, "sourcing.source.role_reference")
    return make(
        "anonymous_source",
        "anonymous",
        f"attributed to unnamed '{src.text}' (one person in a role, not named)",
        "sourcing.source.one_unnamed",
    )


def _same_role_named_before(head: Token) -> str | None:
    """'Ruelle's lawyer, Anders Pollock, asked for bail ...' then 'Ruelle's lawyer said
    ...': the same owner's same role, named in apposition in an earlier sentence, is that
    person (round 23; the entity tagger often misses such names, which
    references._role_named_before needs)."""
    poss = next((c for c in head.children if c.dep_ == "poss"), None)
    if poss is None:
        return None
    lemma, owner, start = head.lemma_.lower(), poss.lower_, head.sent.start
    for t in head.doc[:start]:
        if t.lemma_.lower() != lemma or t.pos_ != "NOUN":
            continue
        p = next((c for c in t.children if c.dep_ == "poss"), None)
        if p is None or p.lower_ != owner:
            continue
        for c in t.children:
            words = [w for w in c.subtree if w.pos_ == "PROPN"] if c.dep_ == "appos" else []
            if len(words) >= 2:
                return " ".join(w.text for w in words)
    return None


COUNTED_BACK = "sourcing.source.counted_back"
# how many sentences back 'both experts' looks for the people it counts
_COUNT_BACK_WINDOW = 8
_COUNTS = {"both": 2, "two": 2, "three": 3}
_TITLES = WordSetView("name_titles")


def counted_back(head: Token) -> list[str] | None:
    """'Both experts', 'the two doctors', 'the three researchers': a plural that counts the
    people it means and marks them as met before, so it refers back to that many people the
    last sentences named (full PERSON names, or two capitalised words after a title such as
    'Dr', each counted once by its last word). None unless at least that many were named:
    'both sides' and 'the two officials' met unnamed stay what they were."""
    kids = {c.lower_: c for c in head.children if c.dep_ in ("det", "predet", "nummod")}
    if "both" in kids:
        want = 2
    elif "the" in kids and (n := next((_COUNTS[w] for w in kids if w in ("two", "three")), 0)):
        want = n
    else:
        return None
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    doc, start = head.doc, head.sent.start
    earlier = [s for s in doc_sents(doc) if s.end <= start][-_COUNT_BACK_WINDOW:]
    if not earlier:
        return None
    names: dict[str, str] = {}
    for t in (t for s in earlier for t in s if t.lower_.rstrip(".") in _TITLES):
        # 'Dr Ada Lusk': a title and two capitalised words are a full name, whatever the
        # entity tagger made of them (it tags such names organisations as often as people)
        run = []
        for w in doc[t.i + 1 : t.i + 4]:
            if w.pos_ != "PROPN":
                break
            run.append(w)
        if len(run) >= 2:
            names.setdefault(run[-1].lower_, " ".join(w.text for w in run))
    for ent in doc_ents(doc):
        # a full name (two words at least): a lone capitalised word tagged a person is as
        # often a place or a firm, and people are named in full when they are introduced
        if (
            ent.label_ == "PERSON"
            and len(ent) > 1
            and earlier[0].start <= ent.start < ent.end <= start
        ):
            names.setdefault(ent[-1].lower_, ent.text)
    return list(names.values()) if len(names) >= want else None


_POLLS = frozenset(("poll", "survey"))


def _in_ten(head: Token) -> bool:
    """'6 in 10 renters', 'about one in four tenants': a count 'N in M' before the noun."""
    return any(
        c.dep_ == "nummod" and any(t.lower_ == "in" and t.dep_ == "quantmod" for t in c.subtree)
        for c in head.children
    )


def _poll_named_before(mem: _Memory) -> str | None:
    """The text of the last named poll or survey the article mentioned, if any."""
    for _, lemma, a in reversed(mem.documents):
        if lemma in _POLLS and a.label == "named_source" and a.source is not None:
            return a.source.text
    return None
