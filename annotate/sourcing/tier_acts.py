"""Round 13: the police or a court doing its own job is its own source (bench/aeb_reading_r13.md).

DESIGN.md: the actor reporting its own act or figure is its own source. On the development
pages, crime and casualty words made queries of police and court procedure told plainly:
'Police investigators are trying to unravel the death of a hunter', 'She was charged with the
offence by a detective of the homicide bureau', 'Agents took custody of three men and the
contraband'. Each is what an officer or court did, on the record, not a claim that needs a
source: routine (rule "sourcing.tier.official_act"). What the officers are said to have done
to someone ('Police beat the protesters', 'Officers shot a man') is a harm and stays a query,
as does a crime asserted in a clause of its own ('Police arrested a man who stole ...').

In the same way, unnamed people speaking at a public meeting ('said one person during public
comment', 'residents who spoke at Tuesday night's meeting') are on the public record, as words
on a recording are (sourcing.tier.recording): the minutes and the video name them. Routine
(rule "sourcing.tier.public_meeting"), unless anything marks them off the record or the
meeting as closed.

Entries, with invented examples: annotate/lexicons/sourcing_tiers_doc.toml.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.nlp import doc_sents, doc_text
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.tier_rules import _mentions
from annotate.sourcing.tier_topic import _PEOPLE, _counted, _person_ending
from annotate.sourcing.words import WordSetView

OFFICIAL_ACT = "sourcing.tier.official_act"
PUBLIC_MEETING = "sourcing.tier.public_meeting"
INSTRUCTION = "sourcing.tier.instruction"
_MEETINGS = WordSetView("public_meetings")
# what a speaker does at a meeting: the cue must be one ('companies could propose ...' in a
# story that names a hearing is no speaker at it)
_MEETING_SPEECH = WordSetView("meeting_speech")
_OFF_RECORD = WordSetView("off_record_markers")
# off-record markers that only count people ('two residents', 'some speakers', 'another man')
_COUNTING = frozenset("several some many few two three four both other former".split())
# a meeting is public unless its own words say otherwise
_SHUT = frozenset(("private", "closed", "closed-door", "secret", "confidential", "informal"))
# the speaker's sentence and the few before it: 'At the hearing, ... "...," said another man.'
MEETING_WINDOW = 3
_LAW_OFFICERS = WordSetView("law_officers")
# what officers and courts do on the record; a verb outside the list ('beat', 'shot') is a
# claim about them, not their procedure
_PROCEDURE = WordSetView("procedure_verbs")
# the query words an officer's act may carry: the charge, the arrest, the death investigated
_PROCEDURE_TIERS = ("sourcing.tier.crime", "sourcing.tier.casualty")
# clauses that assert something of their own: a crime said there is not the officers' act
_OWN_CLAUSES = ("relcl", "advcl", "ccomp", "conj", "parataxis")


def _actor(root: Token) -> Token | None:
    """The doer of the root verb: its subject, or the object of a passive's 'by'."""
    for c in root.children:
        if c.dep_ == "nsubj":
            return c
        if c.dep_ == "agent":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    return None


def _in_own_clause(t: Token, root: Token) -> bool:
    cur = t
    while cur.i != root.i and cur.head.i != cur.i:
        if cur.dep_ in _OWN_CLAUSES and cur.pos_ in ("VERB", "AUX"):
            return True
        cur = cur.head
    return False


def _counts_people(sent: SpacySpan) -> bool:
    """A number in the sentence counts people ('14 people', 'three men', 'two suspects')."""
    for t in sent:
        if not (t.like_num or t.ent_type_ == "CARDINAL") or t.ent_type_ in ("DATE", "TIME"):
            continue
        noun = _counted(t)
        if noun is None or noun.ent_type_ in ("PERSON", "NORP") or _person_ending(noun):
            return True  # a number whose noun the parse does not give: the safe side
        if noun.lemma_.lower() in _PEOPLE or noun.lower_ in _PEOPLE:
            return True
    return False


def official_act(
    flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon, query: tuple[str, str] | None
) -> str | None:
    """'<officer> <verb>' when the sentence tells what the police or a court did on the
    record (rule "sourcing.tier.official_act"), else None. `query` is the tier query word
    found in the sentence (only a crime or casualty word may stand in such a sentence)."""
    if flag.in_quote or (flag.rule or "").startswith("sourcing.check.accusation"):
        return None
    if query is not None and query[1] not in _PROCEDURE_TIERS:
        return None
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    # the act: the main verb, or the one it reaches for ('are trying to unravel the death')
    acts = [root, *(c for c in root.children if c.dep_ == "xcomp" and c.pos_ == "VERB")]
    if not any(v.lemma_.lower() in _PROCEDURE for v in acts):
        return None  # 'Police beat the protesters': what officers did to someone is a claim
    if any(c.dep_ == "conj" and c.pos_ == "VERB" for c in root.children):
        return None  # 'searched the garage but missed the boy': a detail of the case
    if _counts_people(sent):
        return None  # 'Police arrested 14 people': a crime figure, a query in any voice
    actor = _actor(root)
    if actor is None or not any(
        t.lemma_.lower() in _LAW_OFFICERS or t.lower_ in _LAW_OFFICERS for t in actor.subtree
    ):
        return None
    for t in sent:
        hit = lex["tier_query_word"].token(t) in _PROCEDURE_TIERS
        if (hit or lex["harm"].token(t)) and t.i != root.i and _in_own_clause(t, root):
            return None  # 'arrested a man who stole ...': the crime is asserted apart
    return f"{actor.text} {root.text}"


def _meeting_in(sent: SpacySpan) -> str | None:
    """'at Tuesday night's meeting', 'during public comment': a public meeting the sentence
    places its speakers at (a preposition of place or time on a meeting noun)."""
    for t in sent:
        if t.dep_ == "prep" and t.lower_ in ("at", "during"):
            for obj in t.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _MEETINGS:
                    if any(c.lower_ in _SHUT for c in obj.children):
                        return None  # 'at a closed-door meeting'
                    return f"{t.text} {obj.text}"
    return None


def public_meeting(
    flag: SentenceFlag, sent: SpacySpan, query: tuple[str, str] | None
) -> str | None:
    """The meeting phrase when an unnamed speaker or group spoke at a public meeting named in
    the speaker's sentence or the `MEETING_WINDOW` before it (rule
    "sourcing.tier.public_meeting"), else None. Off-record markers ('asked not to be named')
    and a query word of what happened behind closed doors keep the flag a query."""
    src = flag.source
    if src is None or flag.sourcing not in ("anonymous_source", "weasel"):
        return None
    if query is not None and query[1] == "sourcing.tier.closed_door":
        return None
    cue = flag.cue
    if cue is None or not any(
        cue.start <= t.idx < cue.end and t.lemma_.lower() in _MEETING_SPEECH for t in sent.doc
    ):
        return None
    doc = sent.doc
    sents = doc_sents(doc)
    home = next((k for k, x in enumerate(sents) if x.start_char <= src.start < x.end_char), None)
    if home is None:
        return None
    text = doc_text(doc)
    span = text[sents[max(0, home - MEETING_WINDOW)].start_char : sents[home].end_char].lower()
    if _mentions(span, _OFF_RECORD, skip=_COUNTING):
        return None  # 'a trustee who asked not to be named said after the hearing'
    for x in reversed(sents[max(0, home - MEETING_WINDOW) : home + 1]):
        if hit := _meeting_in(x):
            return hit
    return None


def instruction(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """The verb of a sentence that tells the reader what to do, a base-form main verb with
    no subject ('Call 0800 555 0199 for details', 'Where the line is shut, call 111'): its number is a phone number or a
    time, not a figure anyone claims (rule "sourcing.tier.instruction"). Only a bare figure;
    money or a share in an order ('Pay the £40 fine by Friday') keeps its tier."""
    if flag.rule != "sourcing.check.figure" or flag.in_quote:
        return None
    if any(e.label_ in ("MONEY", "PERCENT") for e in sent.ents):
        return None
    root = sent.root
    if root.tag_ != "VB" or root.pos_ != "VERB" or sent.text.rstrip().endswith("?"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in root.children):
        return None  # 'They call ...', 'Will you call ...'
    return root.text


# round 15: the record of a named person's arrest or charge
NAMED_CHARGE = "sourcing.tier.named_charge"
_RECORD_VERBS = frozenset(
    "arrest charge indict convict sentence jail acquit book cite ticket remand bail".split()
)


def named_charge(flag: SentenceFlag, sent: SpacySpan, query: tuple[str, str] | None) -> str | None:
    """'Mara Crank, 27, was arrested for retail theft', 'Dele Okafor had been charged with
    fraud': a named person's arrest, charge or sentence, told in the passive as the
    police blotter and the court list tell it (rule "sourcing.tier.named_charge"). The
    arrest of people unnamed or counted ('three men were arrested') and the crime said apart
    from the charge stay queries."""
    if flag.in_quote or query is None or query[1] != "sourcing.tier.crime":
        return None
    root = sent.root
    if root.lemma_.lower() not in _RECORD_VERBS or not any(
        c.dep_ == "auxpass" for c in root.children
    ):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubjpass"), None)
    if subj is None or subj.ent_type_ != "PERSON" or subj.tag_ not in ("NNP", "NNPS"):
        return None
    if any(c.dep_ == "conj" and c.pos_ == "VERB" for c in root.children):
        return None  # 'was arrested and beat an officer': a detail of the case
    return f"{subj.text} {root.text}"
