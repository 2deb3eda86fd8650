"""Context the framing detectors share: whether a noun names the story being reported, an
adjective judges, a word is part of a name or an offence in law. Whose words a phrase is
lives in framing_voice.

Real copy taught these (issue 10): most false alarms on straight news were not wrong words
but words in the wrong voice. A word inside someone else's charge, denial or belief
("rejected charges of negligence", "accused the board of burying bad news") is that
person's framing reported by the outlet; a noun such as "fraud" in a fraud trial story
names what happened; "alleged" beside a charge is the legal hedge.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from annotate.nlp import doc_text

# Words in a sentence that place "alleged" in a legal or police account, where it is the
# hedge the law requires rather than the outlet's doubt.
LEGAL_WORDS = frozenset(
    """court trial charge charged accuse accused prosecutor prosecution police officer arrest
    arrested indictment indict lawsuit sue suit jury judge plaintiff defendant victim crime
    criminal investigation investigator offence offense abuse assault fraud murder rape
    sex trafficking trafficker theft bribery misconduct wrongdoing attack attacker
    plead pleaded conviction convict sentence sentenced custody bail case""".split()
)


def extend_to_head(span: Span) -> Span:
    """Intensifiers are read with what they intensify: "grossly understated" is one span."""
    last = span[-1]
    head = last.head
    doc = span.doc
    if (
        head.i == span.end
        and head.pos_ in ("ADJ", "VERB", "ADV", "AUX")
        and last.dep_ in ("advmod", "amod", "npadvmod")
    ):
        return doc[span.start : head.i + 1]
    return span


def legal_context(span: Span) -> bool:
    """The sentence reads as a legal or police account ("alleged fraud", "the alleged
    victim", "prosecutors say the alleged scheme ...")."""
    root = span.root
    if root.dep_ != "amod" and any(c.dep_ == "auxpass" for c in root.children):
        # 'The driver is alleged to have ...', 'it is alleged that ...': the passive is the
        # evidential of a charge (sourcing reads it as agentless), not a sneer at an event
        return True
    sent = span.sent
    return any(
        t.lemma_.lower() in LEGAL_WORDS or t.lower_ in LEGAL_WORDS
        for t in sent
        if not (span.start <= t.i < span.end)
    )


def names_topic(span: Span) -> bool:
    """A noun names what is being reported rather than judging it: it recurs in the text
    (the flood story's "disaster", the trial's "fraud"), it is classified by another noun
    ("flood disaster", "benefit fraud"), or it is what someone is charged with, convicted
    of or investigated for."""
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = span.doc
    lemma = root.lemma_.lower()
    if sum(1 for t in doc if t.lemma_.lower() == lemma and t.pos_ in ("NOUN", "PROPN")) >= 2:
        return True
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in root.children):
        return True
    if lemma in EVENT_NOUNS and _definite_reference(root):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in ("of", "with", "for") and head.head.i != head.i:
        verb = head.head.lemma_.lower()
        if verb in ("charge", "convict", "accuse", "suspect", "investigate", "arrest", "jail"):
            return True
    return False


# Nouns for a calamity that straight news uses to name the event it reports once the event
# has been described: "the disaster killed 12", "relatives of those lost in the tragedy".
# Said of a policy ("the tax has been a disaster") they are a verdict.
EVENT_NOUNS = frozenset("disaster tragedy catastrophe calamity".split())
_DEFINITE = frozenset("the this that".split())


def _definite_reference(root: Token) -> bool:
    """ "the disaster", "this tragedy" as a subject or an object, unmodified: a name for the
    event already told. A predicate ("was a disaster", "called it a tragedy"), an indefinite
    or an evaluative modifier ("the utter disaster") is the outlet's verdict."""
    if root.dep_ in ("attr", "oprd", "appos", "acomp", "ROOT"):
        return False
    dets = [c for c in root.children if c.dep_ == "det"]
    if not dets or dets[0].lower_ not in _DEFINITE:
        return False
    return not any(c.dep_ in ("amod", "advmod") for c in root.children)


# What an adjective of judgement judges (context "judgement"): plans, words, conduct,
# institutions and people. "A toxic debate", "the promise rang hollow", "his critics are
# twisted" are verdicts; "toxic fumes", "a hollow tree", "a twisted ankle" describe things.
JUDGED_NOUNS = frozenset(
    """plan policy proposal decision idea argument claim remark comment statement speech
    rhetoric language tone word response reaction behaviour behavior conduct attitude
    approach strategy tactic campaign move attack criticism debate discourse culture politics
    agenda ideology system regime government administration leadership party movement media
    press coverage narrative record legacy promise pledge deal scheme law bill measure ruling
    verdict investigation probe inquiry process election logic reasoning excuse lie joke
    mindset mentality society nation country leader politician official minister president
    senator lawmaker critic supporter opponent establishment elite victory apology gesture
    rule reform budget councillor councilor mayor governor candidate chairman boss executive
    director chief member manager landlord banker lobbyist activist campaigner columnist
    commentator pundit host cleric bishop priest pope cardinal king prince man woman person
    people group organisation organization company club""".split()
)
_JUDGED_PRONOUNS = frozenset("he she they him her them you we i who".split())


def judges(span: Span) -> bool:
    """The adjective passes a verdict on a plan, words, conduct, an institution or a person,
    attributively ("a toxic debate") or as a predicate ("the plan is toxic", "found the
    offer hollow"), rather than describing a physical thing ("toxic fumes")."""
    tok = span.root
    for _ in range(3):  # "cruel and twisted": the conjunct reads its first conjunct's noun
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.dep_ == "amod":
        return _judged(tok.head)
    if tok.dep_ in ("acomp", "attr", "oprd"):
        verb = tok.head
        # "found the offer hollow": the object; "the plan is hollow": the subject
        kids = [c for c in verb.children if c.dep_ == "dobj" and c.i < tok.i]
        kids += [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return bool(kids) and _judged(kids[0])
    return False


def _judged(noun: Token) -> bool:
    if noun.lower_ in _JUDGED_PRONOUNS or noun.ent_type_ in ("PERSON", "NORP"):
        return True
    return noun.lemma_.lower() in JUDGED_NOUNS or noun.lower_ in JUDGED_NOUNS


_NAME_TYPES = frozenset("PERSON ORG WORK_OF_ART PRODUCT EVENT FAC LAW LANGUAGE".split())
# Nouns that announce a title: "the film Gaslight", "the novel Leviathan".
WORK_NOUNS = frozenset(
    """film movie novel book play series show album song opera musical poem documentary
    treatise painting sculpture game""".split()
)
# Verbs whose capitalised object is a work's title: "Hobbes published Leviathan".
WORK_VERBS = frozenset("publish write direct film stage screen release record".split())
# What a court or the police charge someone with: "charged with criminal mischief",
# "pleaded guilty to two counts of extortion". The noun names the offence in law.
OFFENCE_HEADS = frozenset(
    """charge convict indict acquit arrest jail sentence prosecute guilty count""".split()
)


def _titled(t: Token) -> bool:
    return t.is_alpha and t.text[:1].isupper() and not t.is_sent_start


def _name_start(t: Token) -> bool:
    """A sentence's first word that opens a longer name ("Rosy Mensah, a nurse, said"):
    the first word is capitalised anyway, so only the entity tagger can tell."""
    doc = t.doc
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    return (
        t.is_sent_start
        and t.is_alpha
        and t.text[:1].isupper()
        and t.ent_iob_ == "B"
        and t.ent_type_ in _NAME_TYPES
        and nxt is not None
        and nxt.ent_iob_ == "I"
        and _titled(nxt)
    )


def _names_a_work(t: Token) -> bool:
    """A capitalised word that is a title or a coined name: explained by an appositive
    ("Gaslight, the 1944 film"), announced by a noun ("the film Gaslight") or what was
    published ("Hobbes published Leviathan")."""
    if not (t.is_alpha and t.text[:1].isupper()):
        return False
    prev = t.doc[t.i - 1] if t.i > 0 else None
    if prev is not None and prev.lemma_.lower() in WORK_NOUNS:
        return True
    if t.dep_ == "dobj" and t.head.lemma_.lower() in WORK_VERBS and not t.is_sent_start:
        return True
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in t.children)


# Offences in law: a loaded word listed among them is one more offence's name ("bribery,
# extortion and money laundering"), not the outlet's verdict on a price.
OFFENCE_NOUNS = frozenset(
    """bribery fraud laundering racketeering kickback embezzlement theft corruption forgery
    blackmail perjury trafficking smuggling evasion""".split()
)


def charged_offence(span: Span) -> bool:
    """The noun is the offence someone is charged with, convicted of or pleads guilty to:
    the name of a crime in law ("charged with extortion"), or one in a list of offences
    ("bribery, extortion and money laundering"), not the outlet's word for it."""
    tok = span.root
    if tok.pos_ not in ("NOUN", "PROPN"):
        return False
    first = tok
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    listed = [first, *[c for c in first.subtree if c.dep_ == "conj"]]
    if any(c is not tok and c.lemma_.lower() in OFFENCE_NOUNS for c in listed):
        return True
    for _ in range(3):  # "charged with two counts of extortion": two prepositions up
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("with", "of", "to", "for"):
            return False
        head = prep.head
        if head.lemma_.lower() in OFFENCE_HEADS:
            return True
        tok = head
    return False


def part_of_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised hit inside a longer name is the name, not a judgement: "Greedy
    Williams" (a player), "Final Fantasy", "the Royal Astronomical Society". A name the
    pattern spans whole ("Big Tech") is still a label, unless it is a work's title
    ("the film Gaslight")."""
    span = doc[start:end]
    if _title_case_line(doc, span):
        return False
    if len(span) == 1 and (_name_start(span[0]) or _names_a_work(span[0])):
        return True
    if len(span) == 1 and _surname_named(span[0]):
        return True
    if not all(_titled(t) for t in span):
        return False
    if any(t.ent_type_ in _NAME_TYPES for t in span):
        return True
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return any(t is not None and _titled(t) for t in (before, after))


def _surname_named(t: Token) -> bool:
    """Round 14: a capitalised word that the article also prints as the last word of a full
    name ('Mara Crank ... Crank said'): the person's surname, not a label."""
    if not (t.is_alpha and t.text[:1].isupper()):
        return False
    doc = t.doc
    for o in doc:
        if o.i == t.i or o.text != t.text or o.i == 0:
            continue
        prev = doc[o.i - 1]
        if o.ent_type_ == "PERSON" or (
            prev.is_alpha and prev.text[:1].isupper() and prev.pos_ == "PROPN"
        ):
            return True
    return False


def _title_case_line(doc: Doc, span: Span) -> bool:
    """A headline in Title Case capitalises every word, names or not."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    words = [w for w in text[start : end if end >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)


def plain_phrase(span: Span, entry: str) -> bool:
    """Forms of a listed word that carry none of its charge (round 27, read on judged real
    pages): 'deeper states of calm' is not the 'deep state' of a conspiracy (a comparative
    'deep'); 'a deceptively simple habit' says a thing is more than it looks, not that anyone
    deceives (the adverb on an adjective)."""
    if entry == "framing.labeling.deep_state":
        return any(t.lower_.startswith("deep") and t.tag_ == "JJR" for t in span)
    if entry == "framing.loaded.deceptive":
        t = span[0]
        return t.lower_ == "deceptively" and t.head.pos_ == "ADJ" and t.dep_ == "advmod"
    return False
