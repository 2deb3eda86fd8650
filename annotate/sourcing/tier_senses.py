"""Word senses of the tier cues (round 9, from the blind editor's reading after round 8): a
query word of `tier_query_word` counts only in the sense that makes a claim a query.

- 'charge' is a crime only in its legal sense ('was charged with', 'faces two charges of',
  'pleaded guilty to charges'); a price ('charges 5 dollars a month', 'start charging
  fees') or a battery ('per charge', 'wireless charging') is not
  ("sourcing.tier.sense_charge");
- a casualty word inside a title or a name ('Death Stranding', 'The Walking Dead', 'Black
  Death Tours') names a work, not a death; 'dead' said of a thing ('the deal is all but
  dead') is a figure of speech; 'hurt' with a thing as object ('could hurt sales') is a
  loss, not an injury; and a casualty word in an 'if' clause is a condition, not a count
  ("sourcing.tier.sense_casualty");
- an estimate word as an adjective before a noun with no number on it ('the expected
  line-up', 'better-than-expected results', 'their projected route') describes the noun;
  'an estimated 300 people' still estimates ("sourcing.tier.sense_estimate").

Entries, with invented examples: annotate/lexicons/sourcing_tiers_senses.toml."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from annotate.sourcing.tier_play import play_sense

# verbs and nouns of the legal sense around 'charge'
_LEGAL_HEADS = frozenset(
    "face file bring press drop deny plead lay dismiss level add reduce admit clear acquit"
    " convict arraign".split()
)
_LEGAL_PREPS = frozenset(("of", "against", "over", "for", "in", "with", "related"))
_LEGAL_MODS = frozenset(
    "criminal murder felony misdemeanor misdemeanour federal state fraud assault terrorism"
    " corruption manslaughter no".split()
)
_PRICE_WORDS = frozenset(
    "fee fees price prices rate rates dollar dollars cent cents pound pounds euro euros"
    " interest premium commission tariff toll customers users subscribers".split()
)
_NAME_ENTS = frozenset(("WORK_OF_ART", "ORG", "PRODUCT", "EVENT", "LAW", "FAC"))
_PERSON_PRONOUNS = frozenset("he she they we i you him her them us who".split())
_CONDITION_MARKS = frozenset(("if", "unless", "whether"))
_ESTIMATE_ADJ = frozenset(("expected", "projected", "estimated", "predicted", "forecast"))


def _legal_charge(t: Token) -> bool:
    """'charged with theft', 'was charged', 'faces charges of', 'pleaded guilty to charges',
    'no charges were brought'; not 'charges 5 dollars', 'per charge', 'charging fees'."""
    lower = t.lower_
    if t.pos_ == "VERB" or lower in ("charged", "charging"):
        kids = list(t.children)
        if any(c.dep_ == "auxpass" for c in kids):
            return True  # 'was charged', 'has been charged'
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in kids):
            return True  # 'prosecutors charged him with fraud'
        if t.dep_ in ("amod", "acl") and t.head.ent_type_ == "PERSON":
            return True  # 'the charged officer'
        return False  # 'charges 5 dollars a month', 'start charging fees', 'while charging'
    # the noun: its head, its modifiers and its prepositions tell the sense
    kids = list(t.children)
    if any(
        c.dep_ in ("amod", "compound", "det", "nummod") and c.lower_ in _LEGAL_MODS for c in kids
    ):
        return True
    if any(c.dep_ == "prep" and c.lower_ in _LEGAL_PREPS for c in kids):
        # 'charges of fraud', 'charges against him'; a battery's 'charge of 80 percent' has
        # a figure after 'of'
        of = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is None or not any(g.like_num for g in of.subtree):
            return True
    head = t.head
    if t.dep_ in ("dobj", "nsubjpass", "pobj") and head.lemma_.lower() in _LEGAL_HEADS:
        return True
    if t.dep_ == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() in _LEGAL_HEADS:
        return True  # 'pleaded guilty to charges'
    if t.dep_ == "nsubjpass" and head.lemma_.lower() in ("bring", "drop", "file", "lay"):
        return True
    if any(c.lower_ in _PRICE_WORDS for c in kids) or head.lower_ in ("per", "on"):
        return False
    # plural 'charges' with no price or battery sign reads as the legal sense
    return lower == "charges" and not any(g.like_num or g.ent_type_ == "MONEY" for g in kids)


def _in_title(t: Token) -> bool:
    """A capitalised word inside a name or a title ('Death Stranding', 'Red Dead Redemption
    2', 'the Killing Fields Museum'), not the first word of the sentence."""
    if t.i == t.sent.start or not t.text[:1].isupper():
        return False
    if t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS:
        return True
    # 'Dawn of the Dead Kings': a capitalised word in a run of capitalised words
    doc = t.doc
    near = [doc[j] for j in (t.i - 1, t.i + 1) if t.sent.start < j < t.sent.end]
    return any(n.text[:1].isupper() and n.is_alpha for n in near)


def _person_like(t: Token) -> bool:
    return (
        t.ent_type_ in ("PERSON", "NORP")
        or t.lower_ in _PERSON_PRONOUNS
        or t.like_num
        or t.lemma_.lower() in ("people", "person", "man", "woman", "child", "passenger")
        or any(c.like_num for c in t.children)
    )


def _in_condition(t: Token) -> bool:
    """The word sits in a clause opened by 'if', 'unless' or 'whether'."""
    node = t
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in node.children):
            return True
        if node.dep_ in ("ROOT",) or node.head.i == node.i:
            return False
        node = node.head
    return False


def _casualty_sense(t: Token) -> bool:
    if _in_title(t) or _in_condition(t):
        return False
    if _dead_thing(t):
        return False  # 'the keyboard is all but dead', 'the deal is dead'
    if t.lemma_.lower() == "hurt" and t.pos_ == "VERB":
        obj = next((c for c in t.children if c.dep_ == "dobj"), None)
        if obj is not None and not _person_like(obj):
            return False  # 'could hurt sales', 'hurting its chances'
    return True


def _dead_thing(t: Token) -> bool:
    """'dead' said through a copula of a subject that is not a person: a figure of speech."""
    if t.lower_ == "dead" and t.dep_ in ("acomp", "advmod", "conj", "attr"):
        subj, node = None, t.head
        for _ in range(3):  # 'is all but dead': 'dead' hangs on 'all', 'all' on 'is'
            subj = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None or node.head.i == node.i:
                break
            node = node.head
        copula = node.lemma_.lower() in ("be", "seem", "look", "become", "remain")
        return copula and subj is not None and not _person_like(subj)
    return False


def _estimate_sense(t: Token) -> bool:
    doc = t.doc
    if t.lower_ == "expected" and t.i > 0 and doc[t.i - 1].lower_ == "as":
        # round 16: 'As expected, markets rallied', 'as expected by most': what happened
        # matched a forecast; the sentence reports the event, it estimates nothing
        return False
    if t.lower_ not in _ESTIMATE_ADJ:
        return True
    # 'better-than-expected results': a compound adjective describing the noun
    if t.i > 0 and doc[t.i - 1].text == "-":
        return False
    if t.dep_ != "amod":
        return True
    noun = t.head
    if any(c.dep_ in ("nummod", "quantmod") or c.like_num for c in noun.children):
        return True  # 'an estimated 300 people'
    return noun.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY", "PERCENT")


# round 14: 'shooting' of a film, 'assault' on a summit or a title. Only words that name
# filming itself: crime copy is full of 'scene', 'video', 'footage', 'photo', 'location',
# 'series' and 'set off' ('police at the scene of the shooting', 'video of the shooting')
_FILMED = frozenset(
    "film movie episode episodes sequel album documentary advert studio studios".split()
)
# 'record', 'lead' and 'top' are left out: 'a record of assault', 'assault on the lead singer'
_CLIMBED = frozenset("summit peak mountain everest title championship crown climb ascent".split())


def _crime_sense(t: Token) -> bool:
    """'Shooting' and 'assault' are crime words only when nothing in the sentence makes them
    filming ('shooting on the sequel starts in May', 'a film studio's shooting schedule') or
    an attempt on a summit or a title ('a second assault on the summit', 'their title
    assault'). Other crime words keep their sense."""
    lemma = t.lemma_.lower()
    if lemma not in ("shoot", "shooting", "assault"):
        return True
    if lemma in ("shoot", "shooting"):
        # a noun of filming, not the word itself (a verb 'shooting' has the lemma 'shoot')
        near = {w.lemma_.lower() for w in t.sent if w.i != t.i and w.pos_ in ("NOUN", "PROPN")}
        return not (near & _FILMED)
    # 'title assault' just before it, or 'assault on the summit' (the parse may hang 'on' on
    # the verb, so the words are read in order)
    doc = t.doc
    before = {w.lemma_.lower() for w in doc[max(t.sent.start, t.i - 2) : t.i]}
    after: set[str] = set()
    if t.i + 1 < t.sent.end and doc[t.i + 1].lower_ == "on":
        after = {w.lemma_.lower() for w in doc[t.i + 2 : min(t.sent.end, t.i + 6)]}
    return not ((before | after) & _CLIMBED)


def query_sense(t: Token, eid: str) -> bool:
    """Whether the query word `t` (entry `eid` of `tier_query_word`) is used in the sense
    that makes the claim a query."""
    if eid in ("sourcing.tier.crime", "sourcing.tier.casualty") and play_sense(t):
        return False  # 'six steals', 'wound up third', 'took charge of' (round 15)
    if eid == "sourcing.tier.crime" and t.lemma_.lower() == "charge":
        return _legal_charge(t)
    if eid == "sourcing.tier.crime":
        return _crime_sense(t)
    if eid == "sourcing.tier.casualty":
        return _casualty_sense(t)
    if eid == "sourcing.tier.estimate":
        return _estimate_sense(t)
    return True


# round 14: game idioms that hold a harm word and name no harm ('injury time', 'went on the
# attack', 'a counter-attack', 'sudden death' of a play-off); sourcing.tier.sense_game
_GAME_IDIOMS = (
    ("injury", "time"),
    ("on", "the", "attack"),
    ("in", "attack"),
    ("counter", "-", "attack"),
    ("sudden", "death"),
    ("dead", "heat"),
    ("dead", "ball"),
    ("killer", "pass"),
)


def _game_idiom(t: Token) -> bool:
    doc, word = t.doc, t.lower_
    for idiom in _GAME_IDIOMS:
        for at, part in enumerate(idiom):
            if part != word:
                continue
            lo = t.i - at
            if lo < 0 or lo + len(idiom) > len(doc):
                continue
            if all(doc[lo + k].lower_ == idiom[k] for k in range(len(idiom))):
                return not _someones_death(doc, lo, lo + len(idiom))
    return False


def _someones_death(doc: Doc, start: int, end: int) -> bool:
    """'the sudden death of a patient', 'his sudden death': a person's death, not a play-off
    decided by the next score ('went to sudden death', 'a sudden-death play-off')."""
    if doc[end - 1].lower_ != "death":
        return False
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1] if start > 0 else None
    owner = before is not None and (before.tag_ == "PRP$" or before.lower_ in ("'s", "\u2019s"))
    return after == "of" or owner


def harm_sense(t: Token) -> bool:
    """The harm word of a claim (sourcing.check.harm) in its literal sense: not inside a
    title or a name, not 'dead' said of a thing, and not in a game idiom ('injury time',
    'went on the attack'). A thing 'hurt' ('the scandal hurt his campaign') or harm in a
    condition is still a claim of damage that needs a source: only its tier is not a
    casualty's."""
    return not _in_title(t) and not _dead_thing(t) and not _game_idiom(t)
