"""A group's claim that a named member gives next (round 21, rule sourcing.tier.group_named_next).

A story often sums up what a group thinks and then quotes one of its members by name:
'Harbour pilots say the new channel is too shallow for the winter ferries. "At low tide the
channel is a ditch," said Ines Varga, a pilot for twenty years.' The first sentence is flagged,
a vague group (weasel) or unnamed people (anonymous_source), and until now it was a query.
The blind readings of rounds 15b to 20 made "a source named nearby" the largest class of wrong
default flags, and the round-20 PolNeAR reading (judge26) found these group-then-member pairs a
fifth of its wrong default flags: an editor does not ask where the group's view came from when
the next sentence puts a name to it.

What counts as the member: the very next sentence, or the one after when the next is the
same group's or a quotation's, is attributed by its own cue to a named source outside a
quotation, and the named speaker's own words in that sentence (the name and what hangs on it:
'a pilot for twenty years', 'of the ferry union') share a word with the group's phrase
('pilots' and 'a pilot', 'union members' and 'of the ferry union'), so the speaker is shown to
be one of them; and the two sentences share a noun of substance ('channel'), some evidence
that the member gives the group's claim and not another point. A speaker who merely shares
the topic is not enough: 'Residents say the water
smells. "We are testing it," said Mayor Lena Ruiz' is the mayor answering them, not one of
them, and the residents' claim stays a query.

What never moves: a source marked off the record ('two officials', 'a senior aide', 'people
familiar with the talks', 'speaking on condition of anonymity'), a single unnamed person ('a
pilot said'), and quotations. The flag stays, routine, with the member in the reason: one
click away, not gone."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing.tier_next import _content_nouns
from annotate.sourcing.tier_shapes import _tokens

GROUP_NAMED_NEXT = "sourcing.tier.group_named_next"

# marks of a source kept off the record: such a group stays a query whoever speaks next
_OFF_RECORD = frozenset(
    "familiar anonymity anonymous briefed privately authorized authorised condition"
    " knowledge senior".split()
)
# words of a group's phrase that say nothing of who is in it
_EMPTY = frozenset(
    "some many most other others few several all both more much of the a an his her their its"
    " our your and or who which that people person group one those these"
    " even also including".split()
)
# the same party under two words: 'Republicans' and 'a GOP leader', 'Democrats' and 'D-Ohio'
_PARTY = {
    "gop": "republican",
    "republican": "republican",
    "republicans": "republican",
    "democrat": "democrat",
    "democrats": "democrat",
    "democratic": "democrat",
}


# kinds of people a group may be named by and a member described as: 'experts' then 'a
# professor of law', 'lawmakers' then 'Senator Ardel'. Officials are not among them: an
# official named next may speak for a body, not for the unnamed officials before.
_KINDS = {
    "expert": frozenset(
        "expert analyst scholar economist strategist consultant professor researcher fellow"
        " specialist academic historian scientist pollster observer".split()
    ),
    "lawmaker": frozenset(
        "lawmaker legislator politician leader senator sen. rep. representative congressman"
        " congresswoman governor gov. mayor minister president chancellor premier speaker"
        " councillor councilor assemblyman assemblywoman".split()
    ),
}
# a party set off after a name: 'Sen. Ardel (R-Wendle)', 'Ines Varga, Democrat of Corran'
_PARTY_TAG = {"r": "republican", "d": "democrat"}


def _kinds(words: set[str]) -> set[str]:
    return {k for k, members in _KINDS.items() if words & members}


def _party_tags(tokens: list[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        head, dash, _ = t.text.partition("-")
        if dash and head.lower() in _PARTY_TAG and head.isupper() and len(t.text) > 2:
            out.add(_PARTY_TAG[head.lower()])
    return out


def _words(tokens: list[Token]) -> set[str]:
    out: set[str] = set()
    for t in tokens:
        if not t.is_alpha or t.is_stop or t.lower_ in _EMPTY:
            continue
        out.add(_PARTY.get(t.lower_, t.lemma_.lower()))
    return out


def _member_words(group: list[Token]) -> set[str]:
    """What a member of the group is called: its plural nouns ('strategists', 'union
    members') and its party. Not the person they serve or oppose ('Ardel's aides', 'Ruiz
    supporters': Ardel is no aide), nor a place or nation they come from ('Wendle voters'
    are not every Wendle politician)."""
    out: set[str] = set()
    for t in group:
        if t.lower_ in _PARTY:
            out.add(_PARTY[t.lower_])
        elif (
            t.pos_ == "NOUN"
            and t.tag_ == "NNS"
            and t.lower_ not in _EMPTY
            and t.dep_ != "poss"
            and not any(c.dep_ == "case" for c in t.children)  # 'Ardel's' owns the group
        ):
            out.add(t.lemma_.lower())
    return out


def _is_group(flag: SentenceFlag, sent: SpacySpan) -> list[Token] | None:
    """The group's words when the flag's source is a group the reader cannot name, spoken of
    openly: a weasel group, or unnamed people in the plural with no mark of anonymity."""
    if flag.tier != "query" or flag.in_quote or flag.source is None or flag.cue is None:
        return None
    if flag.sourcing not in ("weasel", "anonymous_source"):
        return None
    words = _tokens(sent, flag.source.start, flag.source.end)
    if not words or any(t.like_num for t in words):
        return None
    if any(t.lower_ in _OFF_RECORD for t in sent) or "not authori" in sent.text.lower():
        return None
    nouns = [t for t in words if t.pos_ in ("NOUN", "PROPN")]
    if not nouns or not any(t.tag_ in ("NNS", "NNPS") or t.lower_ in _PARTY for t in nouns):
        return None  # 'a pilot said', 'a campaign aide': one unnamed person stays a query
    return words


def _speaker_words(flag: SentenceFlag, sent: SpacySpan) -> list[Token]:
    """The named speaker and what hangs on the name: an apposition, a 'who' clause, a
    prepositional phrase ('Ines Varga, a pilot for twenty years', 'Ruiz of the ferry union',
    'Sen. Ardel (R-Wendle)')."""
    assert flag.source is not None
    src = _tokens(sent, flag.source.start, flag.source.end)
    if not src:
        return []
    head = min(src, key=lambda t: len(list(t.ancestors)))
    out = {t.i: t for t in src}
    for child in head.children:
        if child.dep_ in ("appos", "prep", "relcl", "acl", "compound", "amod", "npadvmod"):
            out.update({t.i: t for t in child.subtree})
    # a job or party set off after the name: 'said Ines Varga, a harbour pilot'
    nxt = head.i + 1
    if nxt < sent.end and sent.doc[nxt].text in (",", "("):
        for t in sent.doc[nxt + 1 : sent.end]:
            if t.text in (",", ")", ".", ";") and t.i > nxt + 1:
                break
            out[t.i] = t
    return [out[k] for k in sorted(out)]


def _roles(speaker: list[Token], head: Token) -> set[str]:
    """What the speaker is, not what the words about them mention: the titles on the name
    ('Senator', 'Defence Minister'), an apposition's head ('a professor of law', 'chief
    economist at ...') and the head of a phrase set off after the name. 'President Ardel's
    budget director' is a director; 'who took aim at Senator Ruiz' makes no one a senator."""
    ids = {t.i for t in speaker}
    out = {t.lower_ for t in head.children if t.dep_ == "compound" and t.i in ids}
    for t in speaker:
        if t.i == head.i or t.pos_ not in ("NOUN", "PROPN"):
            continue
        if t.dep_ == "appos" and t.head.i == head.i:
            out.add(t.lemma_.lower())
            out.update(c.lower_ for c in t.children if c.dep_ == "compound")
        elif t.head.i not in ids and t.i > head.i:
            out.add(t.lemma_.lower())  # the root of a phrase set off after the name
    if head.i > 0 and (prev := head.doc[head.i - 1]).i in ids and prev.dep_ == "compound":
        out.add(prev.lower_)
    return out


def _member(group: list[Token], flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The next sentence's named speaker, when it is one of the group."""
    if (
        flag.sourcing != "named_source"
        or flag.in_quote
        or flag.source is None
        or flag.cue is None
        or (flag.rule or "").startswith("sourcing.carry")
    ):
        return None
    src = _tokens(sent, flag.source.start, flag.source.end)
    head = min(src, key=lambda t: len(list(t.ancestors))) if src else None
    if head is None or not (head.pos_ == "PROPN" or head.ent_type_ in ("PERSON", "ORG")):
        return None  # a named person or body speaks, not 'the popularity of Ardel'
    speaker = _speaker_words(flag, sent)
    kinds = _member_words(group)
    said = _words(speaker) | _party_tags(speaker)
    if kinds & said or _kinds(kinds) & _kinds(_roles(speaker, head)):
        return " ".join(t.text for t in speaker)
    return None


def _same_claim(claim: SpacySpan, member: SpacySpan, group: list[Token]) -> bool:
    """Evidence that the member gives the group's claim, not another point of their own:
    the two sentences share a noun of substance beyond the group's own words ('the levy' in
    both). 'Corran councillors say the tram line will cost 2.4 billion.' then 'Councillor
    Ruiz said she would vote for it if fares were frozen' is a member making another point,
    and the cost stays a query. A quotation alone is no such evidence: on the held-out set
    three groups' claims were followed by a member quoted on another point ('Some analysts
    doubt X can carry the debt.' then '"A higher offer is likely," said ...'), and each was
    a query."""
    own = {t.lemma_.lower() for t in group}
    return bool((_content_nouns(claim) & _content_nouns(member)) - own)


def group_named_next(flags: list[SentenceFlag], sents: list[SpacySpan]) -> None:
    """Make routine each query flag of a group's claim whose next sentence (or the one after
    a continuation) quotes a named member of the group."""
    for i, f in enumerate(flags):
        group = _is_group(f, sents[i])
        if group is None:
            continue
        for j in (i + 1, i + 2):
            if j >= len(flags):
                break
            who = _member(group, flags[j], sents[j])
            if who is not None and _same_claim(sents[i], sents[j], group):
                f.tier = "routine"
                f.reason = (
                    f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: one of them is"
                    f" named in the next sentence, '{who}' ({GROUP_NAMED_NEXT})"
                )
                break
            same = flags[j].source is not None and flags[j].source.text == f.source.text
            if not (flags[j].in_quote or same):
                break  # only a quotation or the same group's next line is passed over
