"""Check-worthiness: whether a sentence with no source claims something that needs one (a
figure, a superlative, a cause, accusation, harm or judgement, a comparison, a trend, a
dated past event). The numbers that are not figures are in numbers.py, the claim words and
the borrowed framing spans in judgements.py."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from annotate.nlp import doc_text, span_ents
from annotate.sourcing.absences import ABSENCE, absence
from annotate.sourcing.analysis import consequence
from annotate.sourcing.attribution import Attribution
from annotate.sourcing.clauses import Clauses
from annotate.sourcing.inner_states import INNER_STATE, inner_state
from annotate.sourcing.judgements import ClaimWords
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.nonclaims import _fragment, _imperative, _list_intro
from annotate.sourcing.numbers import _is_age, _known_set, _not_a_quantity, _past_date
from annotate.sourcing.people_acts import PEOPLE_ACT, people_act
from annotate.sourcing.syntax import _clause_tokens, _subject
from annotate.sourcing.voice import case_event, vague_concern, voice_word
from annotate.sourcing.words import (
    _CLAIM_KINDS,
    _COMPARATIVE_EXCLUDE,
    _COVERT,
    _DEGREE,
    _FIGURE_ENTS,
    _OBLIGATION,
    _TERMINAL,
    _TREND_LINKS,
    WordSetView,
)


def _prescription(s: SpacySpan) -> bool:
    """A call to act in the outlet's voice ('Our government must respond decisively',
    'Regulators should stop dithering', 'It is time to scrap this policy'): an opinion about
    what ought to happen, which no source could stand behind, so not a claim of fact."""
    root = s.root
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION for c in root.children):
        return True
    return (
        root.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in root.children)
        and any(
            c.dep_ == "attr"
            and c.lower_ == "time"
            and any(d.dep_ in ("acl", "relcl") for d in c.children)
            for c in root.children
        )
    )


def _ends_a_title_line(s: SpacySpan, max_words: int = 20) -> bool:
    """The last sentence of a short line that ends with no closing punctuation (rule
    "sourcing.check.title_line"): a related-story link or headline that the splitter cut
    after a quoted tagline ('"Fares. Sorted.": Council spends 2m on bus campaign'). A whole
    line with no closing punctuation is already a headline (sourcing.headline)."""
    text = doc_text(s.doc)
    end = text.find("\n", s.end_char)
    end = len(text) if end < 0 else end
    if text[s.end_char : end].strip():
        return False
    tail = text[s.start_char : end].rstrip()
    if not tail or tail[-1] in _TERMINAL or tail[-1] == ":":
        return False
    start = text.rfind("\n", 0, s.start_char) + 1
    return start < s.start_char and len(text[start:end].split()) <= max_words


_EDITORIAL_VERBS = WordSetView("editorial_verbs")
_CONCERN_NOUNS = WordSetView("concern_nouns")
_CASE_CONTEXT = WordSetView("case_context")
# what the accused did about the charge, told as fact: a confession or an escape
_ADMISSIONS = frozenset(("confess", "flee", "escape", "abscond"))


def _concern_left_as_root(s: SpacySpan) -> str | None:
    """'And there are growing concerns that ...' when the parser makes 'concerns' the root
    and 'are' its auxiliary (the shape sourcing.check.vague_concern reads is 'there' + 'be'
    + the noun as attribute): unease stated as fact, with no one holding it."""
    root = s.root
    if root.lemma_.lower() not in _CONCERN_NOUNS or root.pos_ != "NOUN":
        return None
    # 'there' may hang on 'are' or on the adjective ('there are growing concerns')
    if not any(t.dep_ == "expl" and t.lower_ == "there" and t.i < root.i for t in s):
        return None
    if any(c.dep_ == "poss" or c.pos_ == "PROPN" for c in root.children):
        return None  # 'there are the mayor's concerns'
    return f"there are {root.text}"


def _reason_why(s: SpacySpan) -> str | None:
    """'That's why two governors are moving into the race', 'This is the reason the plant
    shut': the writer gives the reason for someone's act as fact (rule
    "sourcing.check.causal_why"); whose reading of the motive it is, the reader is not told."""
    root = s.root
    if root.lemma_ != "be" and root.lower_ not in ("'s", "\u2019s"):  # 'That’s': curly
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in ("that", "this"):
        return None
    for c in root.children:
        if c.dep_ == "attr" and c.lemma_.lower() == "reason":
            return f"{subj.text} {root.text} the reason"
        if c.lower_ == "why" or (
            c.dep_ in ("ccomp", "advcl") and any(g.lower_ == "why" for g in c.children)
        ):
            return f"{subj.text} {root.text} why"
    return None


def _hedged_clause(s: SpacySpan, mask: list[bool]) -> str | None:
    """'a trial, which is increasingly likely', 'another billionaire likely to join the field':
    a forecast hedged with 'likely' in a clause of the sentence, outside quotes, in the
    writer's voice (rule "sourcing.check.prediction_clause"). The main verb's forecasts are
    read by sourcing.check.prediction; a writer speaking of themselves or to the reader, or a
    condition ('if it is likely to rain'), is left alone."""
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("i", "we", "you") for t in s):
        return None
    for t, quoted in zip(s, mask, strict=True):
        if quoted or t.lower_ not in ("likely", "unlikely") or t.pos_ != "ADJ":
            continue
        if any(a.lower_ in ("if", "unless") for a in t.head.children):
            continue
        if (t.dep_ == "acomp" and t.head.lemma_ == "be") or any(
            c.dep_ == "xcomp" for c in t.children
        ):
            return t.text
    return None


def _admission(s: SpacySpan, least: int = 2) -> str | None:
    """'Webb confessed to the crime', 'the suspect fled to Mexico': in a story about a case
    (`least` words of sourcing.words.case_context), what the accused did about the charge,
    told in the past as fact. A confession is in the court record or a police account; the
    reader is not told which (rule "sourcing.check.case_event"). A named person is
    included here, unlike the other case verbs: confessing is not an act one is asked about
    by name but one the record states."""
    root = s.root
    if root.lemma_.lower() not in _ADMISSIONS or root.tag_ != "VBD":
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in ("i", "we"):
        return None
    if sum(1 for t in s.doc if t.lemma_.lower() in _CASE_CONTEXT) < least:
        return None
    return root.text


_VAGUE = "sourcing.check.vague_concern"
_CONSEQUENCE = "sourcing.check.prediction_consequence"
_MOTIVE = "sourcing.check.motive"
_CASE = "sourcing.check.case_event"
_EDITED_THINGS = WordSetView("edited_things")


def _outlet_note(sent: SpacySpan) -> bool:
    """The outlet's note on its own handling of the material (rule
    "sourcing.check.outlet_note"): 'We have pixelated the clip to shield the injured child',
    'Names have been changed', 'This article has been updated'. The outlet is its own source
    and the note claims nothing about the story. 'We have learned that ...' reports news.
    The outlet may call itself by name, with the perfect of the note and the material as
    object ('NBC 5 has edited the video to exclude graphic content'); 'The council edited
    the minutes' names neither."""
    root = sent.root
    if root.lemma_.lower() not in _EDITORIAL_VERBS:
        return False
    perfect = any(a.dep_ == "aux" and a.lemma_ == "have" for a in root.children)
    for c in root.children:
        if c.dep_ == "nsubj" and c.lower_ == "we":
            return True
        if c.dep_ == "nsubj" and c.pos_ in ("PROPN", "NUM") and perfect:
            obj = next((d for d in root.children if d.dep_ == "dobj"), None)
            if obj is not None and obj.lemma_.lower() in _EDITED_THINGS:
                return True
        if c.dep_ == "nsubjpass" and c.lemma_.lower() in _EDITED_THINGS:
            # the note's present perfect ('Names have been changed'); 'The clip was later
            # removed' tells of an event
            return any(a.dep_ == "aux" and a.lemma_ == "have" for a in root.children)
    return False


class CheckWorthy(ClaimWords, Clauses):
    """Whether an unattributed sentence claims something that needs a source."""

    lex: SourcingLexicon

    # -- check-worthiness ---------------------------------------------------------------
    def _figure(self, s: SpacySpan) -> Token | SpacySpan | None:
        for ent in span_ents(s):
            if (
                ent.label_ in _FIGURE_ENTS
                and not _is_age(ent)
                and not _known_set(ent)
                and not _not_a_quantity(ent)
                and not (len(ent) == 1 and self._idiom(s, ent[0]))
            ):
                return ent
        for tok in s:
            if tok.like_num and not tok.ent_type_:
                if _not_a_quantity(s.doc[tok.i : tok.i + 1]) or self._idiom(s, tok):
                    continue
                # numbers NER missed count when they quantify something ("around 900 workers")
                if tok.dep_ in ("nummod", "quantmod", "dobj", "pobj", "nsubj", "attr"):
                    return tok
                continue
            if (tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == "-") or (
                tok.i > 0 and tok.doc[tok.i - 1].text == "-"
            ):
                continue  # "half-year results", "third-quarter": a name for a period
            if (
                tok.dep_ == "advmod"
                and self.lex["figure_word"].token(tok)
                and self.lex["result_verb"].token(tok.head)
            ):
                continue  # "scored twice": a match result, reported like a fixture
            if self.lex["figure_word"].token(tok) or self.lex["quantity_verb"].token(tok):
                if self._idiom(s, tok) or (tok.dep_ == "compound" and tok.pos_ == "NOUN"):
                    continue  # 'the doubles title': a name for an event, not a change
                return tok
        return None

    def _idiom(self, s: SpacySpan, tok: Token) -> bool:
        """'doubled down on', 'zero in on', 'a double standard': a figure word in an idiom
        (`figure_exclude`) measures nothing."""
        a = tok.idx - s.start_char
        return self.lex["figure_exclude"].covers(s.text.lower(), a, a + len(tok.text))

    def _check_worthy(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        lex = self.lex
        doc = s.doc
        outside = self._outside_text(s, mask)

        def flag(reason: str, rule: str) -> Attribution:
            return Attribution("unattributed_claim", "unattributed", reason, rule)

        if outside.rstrip().endswith("?") or _imperative(s):
            return None  # a question or an instruction to the reader asserts nothing
        if not any(t.is_alpha for t in s) or _list_intro(s) or _outlet_note(s):
            return None  # '4.': a list number; 'Here are 12 ways ...'; 'We have blurred ...'
        if _ends_a_title_line(s) or _fragment(s):
            return None  # a headline cut short; '12 issues for 11.99 pounds.', '1 sack, 2 QH.'
        if (fig := self._figure(s)) is not None:
            return flag(f"figure with no source: '{fig.text}'", "sourcing.check.figure")
        if hit := lex["figure_word"].phrase(outside):
            return flag(f"figure with no source: '{hit[2]}'", hit[3])
        toks = list(s)  # iterating a Span builds Token objects each time: do it once
        for tok in toks:
            if tok.tag_ in ("JJS", "RBS") and not lex["superlative_exclude"].token(tok):
                return flag(
                    f"superlative with no source: '{tok.text}'", "sourcing.check.superlative"
                )
            if (
                tok.lower_ == "least"
                and tok.dep_ == "advmod"
                and tok.head.tag_ in ("JJ", "VBN")
                and not (tok.i > 0 and doc[tok.i - 1].lower_ == "at")
            ):  # 'one of the least explored places' (but not 'at least')
                words = doc[tok.i : tok.head.i + 1].text
                return flag(f"superlative with no source: '{words}'", "sourcing.check.superlative")
            if tok.lower_ == "most" and tok.head.pos_ in ("ADJ", "ADV") and tok.dep_ == "advmod":
                words = doc[tok.i : tok.head.i + 1].text
                return flag(f"superlative with no source: '{words}'", "sourcing.check.superlative")
        if _prescription(s):
            return None  # "the government must act decisively": a call, not a claim of fact
        if (hit := self._claim_word(s, mask, _CLAIM_KINDS, outside, toks)) is not None:
            return flag(f"{hit[0]} with no source: '{hit[1]}'", hit[2])
        if (words := voice_word(s, mask, outside, lex)) is not None:
            return flag(
                f"motive, prediction or private dealings with no source: '{words}'", _MOTIVE
            )
        if (verb := inner_state(s, mask, lex)) is not None:  # round 27
            return flag(f"a grudge or feeling told as fact, with no source: '{verb}'", INNER_STATE)
        if (words := absence(s, mask)) is not None:  # round 27
            return flag(f"something not yet done, told as fact: '{words}'", ABSENCE)
        if (words := vague_concern(s, mask) or _concern_left_as_root(s)) is not None:
            return flag(f"unease or evidence stated as fact: '{words}'", _VAGUE)
        if (words := case_event(s, mask) or _admission(s)) is not None:
            return flag(f"a detail of the case with no source: '{words}'", _CASE)
        for tok in toks:
            if tok.tag_ in ("JJR", "RBR") and tok.lower_ not in _COMPARATIVE_EXCLUDE:
                return flag(
                    f"comparison with no source: '{tok.text}'", "sourcing.check.comparative"
                )
        if (words := _reason_why(s)) is not None:
            return flag(f"a reason given with no source: '{words}'", "sourcing.check.causal_why")
        found = (
            self._hidden_act(s, mask)
            or self._prediction(s, mask)
            or self._breach(s, mask)
            or self._change_or_event(s, mask)
        )
        if found is None and (word := _hedged_clause(s, mask)) is not None:
            return flag(f"a forecast with no source: '{word}'", "sourcing.check.prediction_clause")
        if found is None and (words := consequence(s, mask)) is not None:
            return flag(f"what an event will bring, with no source: '{words}'", _CONSEQUENCE)
        if found is None and (verb := people_act(s, mask, lex)) is not None:  # round 26
            return flag(f"an act of unnamed people with no source: '{verb}'", PEOPLE_ACT)
        return found

    def _change_or_event(self, s: SpacySpan, mask: list[bool]) -> Attribution | None:
        """A claim with no figure and no judgement word, read from the main verb's structure:
        a trend ('yields fell slightly on Tuesday', 'have risen every year since 2020', 'rose
        after the lender raised its forecast'): a change-of-state verb anchored in time, by a
        degree or by a cause; or a specific past event ('was built in 1962', 'unravelled in
        2022', 'shelved the project last spring'): a past-tense action dated to a year, month,
        season or 'last ...'. Present-tense schedules ('resumes on Monday'), modal or future
        verbs, states ('had convictions') and the day's news ('on Monday') are left alone."""
        lex = self.lex
        root = s.root
        verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        for verb in verbs:
            if not s.start <= verb.i < s.end or mask[verb.i - s.start]:
                continue
            if verb.pos_ not in ("VERB", "AUX") or lex["stative_verb"].token(verb):
                continue
            if lex["cue_verb"].token(verb):
                continue
            kids = list(verb.children)
            if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids):
                continue  # "could rise", "will close": a forecast or a possibility
            if any(c.dep_ == "neg" for c in kids):
                continue
            subj = _subject(verb)
            if subj is not None and subj.lower_ in ("i", "we", "you"):
                continue
            words = _clause_tokens(verb)
            if eid := lex["trend_verb"].token(verb):
                if any(c.dep_ == "xcomp" for c in kids):
                    continue  # 'declined to say', 'rose to speak': an act, not a change of level
                anchor = next(
                    (
                        t
                        for t in words
                        if t.ent_type_ in ("DATE", "TIME")
                        or (t.lower_ in _TREND_LINKS and t.dep_ in ("prep", "mark"))
                        or (t.dep_ == "advmod" and t.head.i == verb.i and t.lower_ in _DEGREE)
                    ),
                    None,
                )
                done = verb.tag_ == "VBD" or any(
                    c.dep_ == "aux" and c.lemma_ == "have" for c in kids
                )
                if anchor is None and done and subj is not None and subj.pos_ != "PRON":
                    anchor = verb  # "prices fell at wholesale markets": a change that happened
                if anchor is not None:
                    return Attribution(
                        "unattributed_claim",
                        "unattributed",
                        f"trend with no source: '{verb.text}' ({anchor.text})",
                        eid,
                    )
                continue
            past = verb.tag_ == "VBD" or (
                verb.tag_ == "VBN"
                and any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in kids)
                and not any(c.dep_ == "aux" for c in kids)
            )
            if not past:
                continue
            # the date may hang on the verb's object ("shelved plans to raise the wall in 2019")
            covert = next((c for c in kids if c.dep_ == "advmod" and c.lower_ in _COVERT), None)
            if covert is not None and subj is not None and subj.pos_ != "PRON":
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"specific past event with no source: '{covert.text} {verb.text}' (a hidden act)",
                    "sourcing.check.past_event",
                )
            when = next(
                (
                    t
                    for t in _clause_tokens(verb, deep=True)
                    if t.ent_type_ == "DATE" and _past_date(t)
                ),
                None,
            )
            if when is not None:
                return Attribution(
                    "unattributed_claim",
                    "unattributed",
                    f"specific past event with no source: '{verb.text}' ({when.text})",
                    "sourcing.check.past_event",
                )
        return None
