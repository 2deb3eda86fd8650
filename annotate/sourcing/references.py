"""Sources that point elsewhere: a pronoun resolved to what the article named before, a
possessive source ('its report') resolved to its owner, a share of a group ('sixty percent
of renters'), a person referred to by age or by a surname that is also a common noun.
Split from sources.py (the typing of a source phrase), which mixes these in."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from annotate.models import Span
from annotate.nlp import doc_text
from annotate.sourcing.attribution import Attribution, _Memory
from annotate.sourcing.epithets import EPITHET, EPITHET_WINDOW, person_named_before
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nouns import _named_agent, _people_noun
from annotate.sourcing.syntax import _span, _tok_span
from annotate.sourcing.words import _HE_SHE, _PLURAL_GROUPS, _POSSESSIVE_PRONOUNS, WordSetView


def _owner_of_possessive(doc: Doc, a: Attribution) -> Attribution:
    """'The Indus Centre (ICCS) today released its Annual Security Report, which finds
    ...': a source that begins with a possessive pronoun names nothing by itself; the named
    subject that owns it is the source an editor needs to see."""
    src = a.source
    span = doc.char_span(src.start, src.end, alignment_mode="expand") if src else None
    if span is None or not len(span) or span[0].lower_ not in _POSSESSIVE_PRONOUNS:
        return a
    verb = span.root.head
    # The subject nearest the verb: a dateline ("Islamabad, January 4:") can parse as one too.
    subj = max(
        (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i),
        key=lambda c: c.i,
        default=None,
    )
    if subj is None or not any(t.pos_ == "PROPN" or t.ent_type_ for t in subj.subtree):
        return a
    toks = [t for t in subj.subtree if not t.is_space]
    owner = Span(toks[0].idx, toks[-1].idx + len(toks[-1].text), "")
    return replace(a, source=_span(doc_text(doc), owner.start, owner.end))


def _counting(head: Token) -> bool:
    """'One, two, three': the word opens a count (a comma, then another number), so it is a
    number said aloud, not 'one' person of a crowd."""
    doc = head.doc
    nxt = [t for t in doc[head.i + 1 : head.i + 3]]
    return (
        len(nxt) == 2
        and nxt[0].text == ","
        and (nxt[1].like_num or nxt[1].lower_ in ("two", "another"))
    )


class References:
    """Pronouns and shares of a group (mixed into SourceTypes)."""

    lex: SourcingLexicon

    def _pronoun(
        self, head: Token, mem: _Memory, i: int, src: Span, cue: Span, cue_id: str
    ) -> Attribution | None:
        word = head.lower_
        if word in _HE_SHE:
            # one person: never a plural source such as 'few people' or 'officials'
            prev = next(
                (
                    a
                    for j, a in reversed(mem.sources)
                    if j < i
                    and a.kind in ("person", "anonymous", "named")
                    and not (a.head is not None and a.head.tag_ in ("NNS", "NNPS"))
                    # 'a woman asked ...', 'a staffer said ...': someone unnamed met once
                    # is rarely the 'he' or 'she' of the next lines; the story's speaker
                    # is (a spokesperson, who speaks on, stays: sourcing.source.representative)
                    and not _passer_by(a, self.lex)
                    # 'her daughter said ...; she is frustrated': the 'she' of the next lines
                    # is more often the person the role belongs to (round 22)
                    and not _in_role_of_someone(a)
                ),
                None,
            )
        elif word in ("it", "its"):
            prev = mem.last(("institution", "named", "document", "vague", "record"), before=i)
        elif word in ("they", "them"):
            prev = mem.last(before=i)
        elif word in ("i", "we") and head.dep_ in ("nsubj", "nsubjpass"):
            # 'I think ...', 'we argue that ...' outside any quotation: the writer (a column,
            # a first-person piece) or the speaker of a transcript, who is on record (round 9)
            return Attribution(
                "named_source",
                "person",
                f"'{head.text}': the writer or speaker, in the first person",
                "sourcing.source.first_person",
                source=src,
                cue=cue,
                head=head,
            )
        else:
            return None
        if prev is None:
            if word in _HE_SHE or word == "it":
                # a speaker or organisation the article named before it became a source
                return Attribution(
                    "named_source",
                    "person",
                    f"'{head.text}' refers to a speaker named earlier",
                    cue_id,
                    source=src,
                    cue=cue,
                    head=head,
                )
            return None
        name = prev.source.text if prev.source else "the earlier source"
        return Attribution(
            prev.label,
            prev.kind,
            f"'{head.text}' continues '{name}': {prev.reason}",
            cue_id,
            source=prev.source,
            cue=cue,
            head=prev.head,
            written=src,
        )

    def _epithet(self, head: Token, src: Span, cue: Span, mem: _Memory, i: int) -> Attribution:
        """'The expert said': the person who spoke just before, else the person named just
        before, else one unnamed person (annotate/sourcing/epithets.py)."""
        j, spoke = next(
            ((j, a) for j, a in reversed(mem.sources) if j < i and a.kind == "person"),
            (-1, None),
        )
        if spoke is not None and spoke.source is not None and j >= i - EPITHET_WINDOW:
            name, span = spoke.source.text, spoke.source
        elif (person := person_named_before(head)) is not None:
            name, span = person.text, _tok_span(person)
        else:
            why = f"attributed to unnamed '{src.text}' (one person, not named)"
            return Attribution(
                "anonymous_source", "anonymous", why, EPITHET, source=src, cue=cue, head=head
            )
        why = f"'{src.text}' refers back to '{name}', named just before"
        a = Attribution("named_source", "person", why, EPITHET, source=src, cue=cue, head=head)
        a.source, a.written = span, src
        return a

    def _one_more(self, head: Token, src: Span, cue: Span) -> Attribution | None:
        """'Another said ...', 'Yet another tweeted', '"...," wrote one.': one more person of
        a crowd the story gives, with no noun and no name: one unnamed person (rule
        sourcing.source.one_more). 'one of the aides' and 'another aide' are typed by
        their noun."""
        if head.lower_ not in ("another", "one") or head.pos_ not in ("PRON", "DET", "NUM"):
            return None
        if any(c.dep_ in ("prep", "compound", "amod") for c in head.children):
            return None
        if head.dep_ not in ("nsubj", "dobj", "attr", "npadvmod", "dative", "pobj"):
            return None
        if _counting(head):
            return None  # '"One, two, three," she said': counting out loud, not a speaker
        verb = head.head
        if verb.lemma_.lower() not in self.lex["cue_verb"].words:
            # round 16: 'four trustees defied the chair: one endorsed the report, two walked out':
            # one of a crowd that acts, counted off, not one more person speaking
            return None
        if head.lower_ == "one" and (
            verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        ):
            return None  # 'one might think', 'one adds Nebraska': anyone, the writer's 'one'
        return Attribution(
            "anonymous_source",
            "anonymous",
            f"attributed to unnamed '{src.text}' (one more person, not named)",
            "sourcing.source.one_more",
            source=src,
            cue=cue,
            head=head,
        )

    def _those(self, head: Token, mem: _Memory, i: int, src: Span, cue: Span) -> Attribution | None:
        """'those who back her rivals say', 'those around him acknowledge': people the
        sentence only describes, a vague group (weasel); 'those surveyed say', 'those polled':
        the respondents of a poll, which speaks for them when the story has named it (rule
        sourcing.source.those_who)."""
        if head.lower_ != "those" or head.pos_ not in ("PRON", "DET") or head.dep_ == "det":
            return None
        mods = [c for c in head.children if c.dep_ in ("relcl", "acl", "amod", "prep")]
        if not mods:
            return None  # a bare 'those' points back at something: left to other rules
        if any(t.idx == cue.start for t in head.subtree):
            return None  # 'Among those who said X, most ...': a poll's subgroup, not a source
        rule = "sourcing.source.those_who"
        whole = head.doc[head.i : head.right_edge.i + 1]  # 'those who back her'
        if len(whole) <= 12 and not any(t.is_punct for t in whole):
            src = _span(doc_text(head.doc), whole.start_char, whole.end_char)
        if any(c.lemma_.lower() in _POLLED for c in mods):
            poll = mem.last(("document",), before=i)
            if poll is not None and poll.label == "named_source" and poll.source is not None:
                why = f"respondents of '{poll.source.text}': '{src.text}'"
                return Attribution("named_source", "document", why, rule, src, cue, head)
        why = f"attributed to a vague group: '{src.text}'"
        return Attribution("weasel", "weasel", why, rule, source=src, cue=cue, head=head)

    def _share(self, head: Token, s: SpacySpan, src: Span) -> tuple[str, str, str, str] | None:
        """'Sixty percent of renters say': a share of a group of people speaking is a poll
        result, named when the sentence names the poll, a vague group otherwise."""
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        lex = self.lex
        if pobj is None or pobj.tag_ not in ("NNS", "NNPS"):
            return None
        if not (
            pobj.ent_type_ == "NORP"
            or pobj.lemma_.lower() in _PLURAL_GROUPS
            or lex["group_noun"].token(pobj)
            or lex["informant_noun"].token(pobj)
            or _people_noun(pobj)
        ):
            return None  # "half of the budget", "a third of the homes"
        if (poller := _named_agent(pobj, s)) is not None:
            return (
                "named_source",
                "document",
                f"a share of a group in a named poll: '{src.text}' ({poller.text})",
                "sourcing.source.document",
            )
        for t in s:
            if lex["document_noun"].token(t) and any(
                c.i != t.i and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "PERSON"))
                for c in t.subtree
            ):
                return (
                    "named_source",
                    "document",
                    f"a share of a group in a named poll: '{src.text}' ({t.text})",
                    "sourcing.source.document",
                )
        return (
            "weasel",
            "weasel",
            f"a share of a group, no poll named: '{src.text}'",
            "sourcing.source.share_group",
        )


def _passer_by(a: Attribution, lex: SourcingLexicon) -> bool:
    """An unnamed person introduced with 'a', 'an', 'another' or 'one' ('a woman', 'one
    strategist'), other than a spokesperson."""
    if (
        a.kind != "anonymous"
        or a.head is None
        or a.rule in lex["representative_noun"].words.values()
    ):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "another"))
        or (c.dep_ == "nummod" and c.lower_ == "one")
        for c in a.head.children
    )


def _age_reference(head: Token) -> bool:
    """'the 56-year-old', 'the 30-year-old' (not 'a 30-year-old', someone new): a person
    the story has already named, referred to by age."""
    return (
        head.lower_ == "old"
        and any(c.lower_ == "year" for c in head.children)
        and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    )


def _surname_named_before(head: Token) -> SpacySpan | None:
    """The person named earlier in the article whose last word is `head`, when `head` is a
    capitalised word not opening a phrase with a determiner ('Scissors', 'Price', 'Baker')."""
    if not head.text[:1].isupper() or any(c.dep_ in ("det", "poss") for c in head.children):
        return None
    return next(
        (
            e
            for e in reversed(head.doc.ents)
            if e.label_ == "PERSON" and e.end <= head.i and len(e) > 1 and e[-1].text == head.text
        ),
        None,
    )


# participles that make 'those' a poll's respondents ('those surveyed', 'those polled')
_POLLED = frozenset(("survey", "poll", "question", "interview", "ask"))

# 'the spokesman', 'this prosecutor', 'that detective': a determiner that points back
_ROLE_BACK_DETS = WordSetView("role_reference_dets")


def _roles_of(ent: SpacySpan) -> dict[str, set[str]]:
    """The singular role nouns the article gives a named person, each with the words around
    it: 'Tomas Hale, a spokesman for the ministry' and 'Tomas Hale, the ministry's spokesman'
    (apposition either way round), 'spokesman Tomas Hale' and 'Republican nominee Ann Lee' (a
    title before the name)."""
    root = ent.root
    cands = [c for c in root.children if c.dep_ == "appos" and c.i >= ent.end]
    if root.dep_ == "appos" and root.head.i < ent.start:
        cands.append(root.head)
    before = ent.doc[ent.start - 1] if ent.start > 0 else None
    if before is not None and before.dep_ == "compound" and ent.start <= before.head.i < ent.end:
        cands.append(before)
    # words before the name that belong to it ('former', 'Republican', 'presidential')
    lead = {t.lower_ for c in root.lefts if c.i < ent.start for t in c.subtree}
    return {
        c.lemma_.lower(): lead | {t.lower_ for t in c.subtree}
        for c in cands
        if c.pos_ in ("NOUN", "PROPN") and c.tag_ in ("NN", "NNP") and c.ent_type_ != "PERSON"
    }


def _role_named_before(head: Token) -> SpacySpan | None:
    """The one person the article named earlier with the role `head` names, when `head` is
    a definite singular role noun ('the spokesman', 'the ministry's spokesman'); None when
    nobody or more than one named person holds that role, or the noun is indefinite or owned
    by a pronoun ('a spokesman', 'his lawyer': someone else). Words qualifying the role must
    be among those the person was introduced with: 'the Democratic nominee' is not
    'Republican nominee Ann Lee'."""
    if head.tag_ != "NN" or head.pos_ != "NOUN":
        return None
    dets = [c for c in head.children if c.dep_ in ("det", "poss")]
    if not any(
        (c.dep_ == "det" and c.lower_ in _ROLE_BACK_DETS)
        or (c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"))
        for c in dets
    ) or any(c.dep_ == "det" and c.lower_ not in _ROLE_BACK_DETS for c in dets):
        return None
    quals = {
        t.lower_
        for c in head.children
        if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < head.i
        for t in c.subtree
        if not t.is_punct and t.tag_ != "POS" and t.lower_ not in _ROLE_BACK_DETS
    }
    start = min(t.i for t in head.subtree)
    role = head.lemma_.lower()
    holders: dict[str, SpacySpan] = {}
    for e in head.doc.ents:
        if e.label_ != "PERSON" or e.end > start:
            continue
        context = _roles_of(e).get(role)
        if context is not None and quals <= context:
            name = e[:-1] if len(e) > 1 and e[-1].tag_ == "POS" else e
            holders.setdefault(name[-1].text, name)  # 'Tomas Hale' and 'Hale': one person
    return next(iter(holders.values())) if len(holders) == 1 else None


def _in_role_of_someone(a: Attribution) -> bool:
    """An unnamed person known only by a role owned by someone ('her daughter', 'his agent':
    sourcing.source.one_unnamed with a possessive)."""
    return (
        a.rule == "sourcing.source.one_unnamed"
        and a.head is not None
        and any(c.dep_ == "poss" for c in a.head.children)
    )
