"""Round 26: people telling what happened to them. A plural of unnamed people ('Some
patients', 'Residents', 'Several of the volunteers', 'Others') who say what they did, saw,
felt or lost ('said they had queued since dawn', 'said their flights were cancelled') give a
first-hand account: the reporter met them, and what they tell is their own experience, which
the held-out gold and the judged pages both take as routine (sourcing.tier.own_account).

Kept narrow, because the same shape carries claims: the account must be in the clause the
verb of saying reports, with 'they' or 'we' (or 'their', 'our' owning the subject) as its
subject; a modal ('they would strike', 'they should resign'), a verb of belief or forecast
('they expect', 'they believe'), a cause ('because'), or any query or claim word (an accusation,
a death, a crime) leaves the sentence a query. One unnamed person ('an official said they ...')
is left alone: there 'they' is as often the body as the speaker."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.models import SentenceFlag
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.tier_hits import claim_word_hit, lexicon_hit
from annotate.sourcing.tier_shapes import _tokens
from annotate.sourcing.words import WordSetView

OWN_ACCOUNT = "sourcing.tier.own_account"
CASUALTY = "sourcing.tier.casualty"
# verbs that report a view, a belief or a forecast rather than what happened to the speakers
_VIEW_VERBS = WordSetView("own_account_views")
# words that make the account a claim about a cause
_CAUSE_WORDS = frozenset("because blame blamed blames blaming caused causing due".split())
# words that make an account a complaint about what others did not do
_DENIALS = frozenset("no never nothing nobody none".split())
# what the speakers told others: their account is then of someone else's inaction
_SAYING_ON = frozenset("report warn tell complain alert inform ask write".split())
_SELF = frozenset(("they", "we"))
_SELF_OWNERS = frozenset(("their", "our"))
# plural sources that are pronouns or quantifiers standing for people ('Others said')
_PEOPLE_PRONOUNS = frozenset("others some several many most both few".split())
_SAYING = frozenset("say tell report recall describe explain add complain".split())
# how many sentences back a death or injury makes the speakers witnesses to it
_WITNESS_BACK = 4


def _plural_people(src: list[Token]) -> bool:
    ids = {t.i for t in src}
    heads = [t for t in src if t.head.i not in ids or t.head.i == t.i]
    head = heads[0] if heads else None
    if head is None:
        return False
    return head.tag_ in ("NNS", "NNPS") or head.lower_ in _PEOPLE_PRONOUNS


def _reported_clause(cue: Token) -> Token | None:
    """The verb of the clause the verb of saying reports ('said [they had waited]')."""
    return next((c for c in cue.children if c.dep_ == "ccomp"), None)


def _speakers_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return False
    if subj.lower_ in _SELF:
        return True
    return any(c.dep_ == "poss" and c.lower_ in _SELF_OWNERS for c in subj.children)


def _after_casualties(sent: SpacySpan, lex: SourcingLexicon) -> bool:
    """A death or injury in the sentences just before ('31 people were being treated', 'the
    shelling'): what people there say they heard or lacked is a witness's account of a deadly
    event, which an editor checks, not a passer-by's story."""
    before = [s for s in sent.doc.sents if s.end <= sent.start][-_WITNESS_BACK:]
    return any(
        (hit := lexicon_hit(s, lex, "tier_query_word")) is not None and hit[1] == CASUALTY
        for s in [*before, sent]
    )


def own_account(
    flag: SentenceFlag, sent: SpacySpan, lex: SourcingLexicon, query: tuple[str, str] | None
) -> str | None:
    """The reported verb of a first-hand account by unnamed people ('had queued'), or None."""
    if query is not None or flag.sourcing not in ("weasel", "anonymous_source"):
        return None
    if flag.source is None or flag.cue is None:
        return None
    src = _tokens(sent, flag.source.start, flag.source.end)
    cue = _tokens(sent, flag.cue.start, flag.cue.end)
    if not src or not cue or not _plural_people(src):
        return None
    saying = cue[0]
    if saying.lemma_.lower() not in _SAYING:
        return None
    verb = _reported_clause(saying)
    if verb is None or not _speakers_subject(verb):
        return None
    if verb.lemma_.lower() in _VIEW_VERBS:
        return None
    clause = list(verb.subtree)
    if any(t.dep_ == "aux" and t.tag_ == "MD" for t in verb.children):
        return None  # 'they would strike', 'they could hear': a forecast or a possibility
    if any(t.dep_ == "neg" or t.lower_ in _DENIALS for t in clause):
        return None  # 'they were given nothing', 'were never told': a complaint of others
    if verb.lemma_.lower() in _SAYING_ON or any(
        t.lemma_.lower() in _SAYING_ON and t.pos_ == "VERB" for t in clause
    ):
        return None  # 'they had reported the culvert three times', 'they warned the council'
    if any(t.lower_ in _CAUSE_WORDS for t in sent):
        return None
    if claim_word_hit(sent, lex) is not None:
        return None
    if lex["anonymity_marker"].phrase(sent.text) is not None:
        return None  # 'who asked not to be named': a source the reporter marked, not a passer-by
    if _after_casualties(sent, lex):
        return None
    aux = [t.text for t in verb.children if t.dep_ in ("aux", "auxpass", "neg")]
    return " ".join([*aux, verb.text])
