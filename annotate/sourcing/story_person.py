"""A post held by the person the story is about (round 15, rule sourcing.source.story_person).

Sports and political copy names its subject, then calls them by the post they hold: "Okafor
will face Corran on Saturday, and the new manager confirmed he would start his strongest
side". The role was never given beside the name
(so `references._role_named_before` cannot link it), yet no reader takes "the new manager" for
an unnamed informant: the story has one manager, and he is the man it is about. On round-15
development pages this one reading made a sentence and the four that carried its speaker on
(a pronoun, a run of quotation) into anonymous-source queries.

The link is made only when all of these hold, each against a way it could go wrong:
- the noun is a post a story's subject holds (`sourcing.words.post_roles`: manager, coach,
  minister ...), not a role that hides a source ('the official', 'the source', 'the aide');
- it is definite ('the', 'this', 'that'), so it points back, and the article never introduced
  an unnamed holder of that post ('a manager at the depot', 'one minister');
- one person leads the article's mentions so far (named at least twice, more often than
  anyone else), and is named in this sentence or the one before, so the post is theirs.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.sourcing.words import WordSetView

STORY_PERSON = "sourcing.source.story_person"
_POSTS = WordSetView("post_roles")
_BACK = WordSetView("role_reference_dets")
_INTRODUCING = frozenset(("a", "an", "another", "one", "some", "any"))


def _surname(ent: SpacySpan) -> str:
    last = ent[-1]
    if last.tag_ == "POS" and len(ent) > 1:
        last = ent[-2]
    return last.text


def story_person(head: Token, sent: SpacySpan) -> SpacySpan | None:
    """The named person a definite post noun ('the new manager') stands for, when the story
    is about them; None otherwise (see the module docstring for the conditions)."""
    if head.tag_ != "NN" or head.lemma_.lower() not in _POSTS:
        return None
    dets = [c for c in head.children if c.dep_ in ("det", "poss")]
    if not dets or any(c.dep_ != "det" or c.lower_ not in _BACK for c in dets):
        return None
    doc = head.doc
    role = head.lemma_.lower()
    for tok in doc[: head.i]:
        if tok.lemma_.lower() == role and any(
            c.lower_ in _INTRODUCING for c in tok.children if c.dep_ in ("det", "nummod")
        ):
            return None  # 'a manager at the depot' came first: that unnamed person
    # surnames of the people named so far, counted wherever they recur (the parser tags a
    # bare 'Okafor' a person only sometimes)
    people: dict[str, SpacySpan] = {}
    for ent in doc.ents:
        if ent.label_ == "PERSON" and ent.start < sent.end:
            people.setdefault(_surname(ent), ent)
    mentions = Counter(t.text for t in doc[: sent.end] if t.text in people)
    ranked = mentions.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    name = ranked[0][0]
    before = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    if not any(t.text == name for t in doc[before : sent.end]):
        return None
    return people[name]
