"""Round 28: 'There are reports of ...' (rule sourcing.agentless.reports_exist).

A live blog or a wire story passes on what it has heard with an existential sentence: "There
are reports of a lorry overturned on the ring road", "There were unconfirmed reports that the
night ferry had turned back". No one is given for the reports, and the writer does not vouch for them: the claim
is passed on with its source removed, like "is said to" (agentless). The round-28 blind
writer marked such a sentence agentless, query; the tool had no cue in it and left it
unflagged. Left alone: reports with their source ("reports from the coastguard", "reports by
the inspectorate"), and a question or a negation ("There are no reports of injuries": an
absence the writer states).

Words: sourcing.words.hearsay_nouns (annotate/lexicons/sourcing_round28.toml).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.words import WordSetView

REPORTS_EXIST = "sourcing.agentless.reports_exist"
_NOUNS = WordSetView("hearsay_nouns")
# a preposition that gives the reports a source: 'reports from residents', 'by the agency'
_SOURCED_BY = frozenset(("from", "by"))


def reports_exist(s: SpacySpan, mask: list[bool]) -> Token | None:
    """The hearsay noun of 'There are/were (unconfirmed) reports of/that ...' outside quotes,
    if the sentence is one."""
    for tok in s:
        if tok.lower_ != "there" or tok.dep_ != "expl" or mask[tok.i - s.start]:
            continue
        verb = tok.head
        if verb.lemma_.lower() != "be" or any(c.dep_ == "neg" for c in verb.children):
            continue
        if verb.i < tok.i or s.text.rstrip().endswith("?"):
            continue  # 'Are there any reports of damage?': a question
        if verb.dep_ not in ("ROOT", "conj"):
            continue  # 'The coastguard said there were reports ...': the coastguard's words
        noun = next((c for c in verb.children if c.dep_ == "attr"), None)
        if noun is None or noun.lemma_.lower() not in _NOUNS or noun.tag_ != "NNS":
            continue
        if any(c.lower_ in ("no", "few") for c in noun.children):
            continue  # 'There are no reports of injuries': the writer's own statement
        if any(c.dep_ == "prep" and c.lower_ in _SOURCED_BY for c in noun.children):
            continue
        return noun
    return None
