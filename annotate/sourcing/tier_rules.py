"""Tier rules of the fourth round that read more than the flag's own words (see tiers.py):
a cause given for a move, a body named by its proper name, words heard on a recording, an
ordinal as the only number, and a named source's data in force a few sentences away."""

from __future__ import annotations

import re

from spacy.attrs import IS_ALPHA, IS_STOP, ORTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from annotate.models import SentenceFlag
from annotate.nlp import doc_sents, doc_text, span_ents
from annotate.sourcing.lexicon import SourcingLexicon
from annotate.sourcing.tier_next import named_next
from annotate.sourcing.words import WordSetView

_OFF_RECORD = WordSetView("off_record_markers")
_RECORDINGS = WordSetView("recordings")
_MOVE_CAUSES = WordSetView("move_causes")
_OWN_NEWS = WordSetView("own_news_verbs")
_FIGURE_LABELS = ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def _mentions(text: str, words: WordSetView, skip: frozenset[str] = frozenset()) -> str | None:
    """The first word or phrase of the set, bar those in `skip`, found in `text` (lower
    case), at word bounds: the one that starts earliest in the text, the longer on a tie.
    (Why by position: the set is a frozenset, whose order changes with the hash seed, so
    taking the first one iterated made a reason quote 'the jury heard' in one process and
    'presented at trial' in the next for the same sentence.)"""
    best: tuple[int, int, str] | None = None
    for w in words:
        if w not in skip and w in text and (m := re.search(rf"\b{re.escape(w)}\b", text)):
            key = (m.start(), -len(w), w)
            if best is None or key < best:
                best = key
    return best[2] if best is not None else None


def _cause_of_move(sent: SpacySpan, lex: SourcingLexicon) -> str | None:
    """'shares fell after the company cut its forecast', 'turnout fell because voters stayed
    at home', 'the pound slid as traders bet on a cut', 'oil rose on fears of a shortage',
    'stocks slipped amid the protests': a change with a cause the story gives for it. The move
    may be market data; the cause is somebody's reading of it."""
    for verb in sent:
        if not lex["trend_verb"].token(verb):
            continue
        for c in verb.children:
            if c.dep_ == "advcl" and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                mark = next((g for g in c.children if g.dep_ == "mark"), None)
                if mark is not None and mark.lower_ in ("because", "as", "after", "since"):
                    return f"{mark.text} ... {c.text}"
            if c.dep_ == "prep" and c.lower_ in ("on", "amid", "amidst"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and (c.lower_ != "on" or obj.lemma_.lower() in _MOVE_CAUSES):
                    return f"{c.text} {obj.text}"
    return None


def foreign_prose(doc: Doc, least: int = 20, share: float = 0.1) -> float | None:
    """The share of English function words among the article's words when it is too low for
    English prose (rule "sourcing.tier.not_english"): Korean, Russian, Italian or Indonesian
    pages have almost none, English prose about two in five. The rules read English, so what
    they flag on such a page is not worth an editor's first look. Cached on the Doc."""
    key = "newsprov_foreign_prose"
    if key not in doc.user_data:
        # read from the Doc's arrays: making a Token for every word of every article was
        # a twentieth of the annotator's time (bench/annotate_speed.py profile)
        arr = doc.to_array([IS_ALPHA, IS_STOP, ORTH])
        alpha = arr[:, 0] == 1
        n_words = int(alpha.sum())
        strings = doc.vocab.strings
        letters = "".join(strings[int(h)] for h in arr[alpha, 2])
        latin = sum(1 for ch in letters if ch.isascii())
        ratio = int(arr[alpha, 1].sum()) / n_words if n_words else 1.0
        foreign = (n_words >= least and ratio < share) or (
            bool(letters) and latin < len(letters) / 2
        )
        doc.user_data[key] = ratio if foreign else None
    return doc.user_data[key]


def after_own_news(sent: SpacySpan, lex: SourcingLexicon) -> str | None:
    """'Shares in Corran fell 9 percent after the company cut its forecast', 'the stock slid
    after it reported a loss': a move right after the company's own published act (rule
    "sourcing.tier.own_news"). Both are public record in a sequence the desk can check on the
    wire; nobody's reading of why is added. 'as traders bet on ...', 'on fears of ...' and
    'after regulators fined it' are a reading, or someone else's act, and stay queries."""
    for verb in sent:
        if not lex["trend_verb"].token(verb):
            continue
        for c in verb.children:
            if c.dep_ != "advcl" or c.lemma_.lower() not in _OWN_NEWS:
                continue
            mark = next((g for g in c.children if g.dep_ == "mark"), None)
            subj = next((g for g in c.children if g.dep_ == "nsubj"), None)
            if mark is None or mark.lower_ != "after" or subj is None:
                continue
            own = (
                subj.lower_ == "it"
                or subj.ent_type_ == "ORG"
                or (
                    subj.tag_ == "NN"
                    and any(d.dep_ == "det" and d.lower_ == "the" for d in subj.children)
                )
            )
            if own:
                return f"{mark.text} {subj.text} {c.text}"
    return None


def _body_named(flag: SentenceFlag, sent: SpacySpan) -> bool:
    """The official's body is named by its proper name ('Berrien County Health Department
    officials', 'officials of the Ardley Water Board'), not only described ('state health
    officials')."""
    src = flag.source
    assert src is not None
    return any(
        t.pos_ == "PROPN" and t.ent_type_ != "GPE" for t in sent if src.start <= t.idx < src.end
    )


def _on_recording(flag: SentenceFlag, sent: SpacySpan) -> str | None:
    """'officers shouted on their radios', 'a dispatcher can be heard on the 911 call': the
    unnamed speakers' words are on a recording the story quotes, which the desk can hear
    for itself. For a quotation continuing an earlier one, the speaker's own sentence."""
    src = flag.source
    if src is None:
        return None
    doc = sent.doc
    home = next((x for x in doc_sents(doc) if x.start_char <= src.start < x.end_char), sent)
    if _mentions(doc_text(doc)[src.start : src.end].lower(), _OFF_RECORD):
        return None  # 'two officials said on a call': off the record, recorded or not
    for t in home:
        if t.dep_ == "prep" and t.lower_ in ("on", "over", "in"):
            for obj in t.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in _RECORDINGS:
                    return f"{t.text} {obj.text}"
    return None


def _in_quotes(sent: SpacySpan, idx: int) -> bool:
    """The character at doc offset `idx` lies between quotation marks of the sentence."""
    text = sent.text
    a = idx - sent.start_char
    return sum(text.count(q, 0, a) for q in '"“”') % 2 == 1


_ORDINAL_WORD = re.compile(
    r"(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|\w+teenth|\w+tieth|\d+(st|nd|rd|th))$"
)


def _ordinal(t: Token) -> bool:
    """An ordinal, tagged as one or inside a date ('its third year' is a DATE entity)."""
    return t.ent_type_ == "ORDINAL" or bool(_ORDINAL_WORD.match(t.lower_))


def _only_ordinal(sent: SpacySpan) -> bool:
    """The sentence's only number is an ordinal ('the third extension of the licence', 'its
    second defeat', 'in its third year'): which one in a series, which the record gives, not
    a quantity. A number inside quotation marks is part of a title ('the "Starts with one"
    campaign')."""
    if not any(_ordinal(t) for t in sent if t.like_num or t.ent_type_ == "ORDINAL"):
        return False
    if any(e.label_ in _FIGURE_LABELS and not _in_quotes(sent, e[0].idx) for e in span_ents(sent)):
        return False
    doc = sent.doc
    for t in sent:
        if t.like_num and not _ordinal(t) and not _in_quotes(sent, t.idx):
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is None or nxt.text != "-":  # '90-day' names a period, not a count
                return False
    return True


def data_in_force(
    flags: list[SentenceFlag],
    sents: list[SpacySpan],
    quoted: list[list[bool]] | None = None,
    window: int = 3,
) -> None:
    """A bare figure flagged a query only for being a figure (`sourcing.tier.figure`) among
    the figures of a named source ('..., according to the Registry'; 'the agency expects 16
    million') a few sentences away: the story is reading out that source's data (a results
    statement, then its figures), so the figure is routine
    (rule "sourcing.tier.data_in_force"). A query word or a prediction decided the tier
    before this and is left alone. Data are written in digits on both sides ('one user',
    'three cases' are counts in the story's own words). `quoted`: each sentence's quote
    mask; a figure inside a quotation is nobody's data."""
    kinds = [
        {
            e.label_
            for e in span_ents(s)
            if e.label_ in _FIGURE_LABELS
            and any(ch.isdigit() for ch in e.text)  # data: '30,154', '5.7%', not 'one user'
            and not (quoted is not None and quoted[n][e.start - s.start])
        }
        for n, s in enumerate(sents)
    ]
    repeats(flags, sents)  # the one doc-level tier pass besides this one (see its docstring)
    for i, f in enumerate(flags):
        if f.tier != "query" or not (f.reason or "").endswith("(sourcing.tier.figure)"):
            continue
        if not kinds[i]:
            continue
        lo, hi = max(0, i - window), min(len(flags), i + window + 1)
        near = next(
            (
                g
                for j, g in enumerate(flags[lo:hi], start=lo)
                if j != i
                and g.sourcing == "named_source"
                and not g.in_quote
                and g.source is not None
                and kinds[j]
            ),
            None,
        )
        if near is None or near.source is None:
            continue
        f.tier = "routine"
        f.reason = (
            f"{f.reason.rsplit('; query:', 1)[0]}; routine: figures of "
            f"'{near.source.text}' in force (sourcing.tier.data_in_force)"
        )


def _content_words(sent: SpacySpan) -> frozenset[str]:
    return frozenset(t.lower_ for t in sent if t.is_alpha and not t.is_stop)


def repeats(flags: list[SentenceFlag], sents: list[SpacySpan], least: int = 6) -> None:
    """A query flag whose sentence says again what an earlier query flag of the article said
    (a photo caption repeating the lede, a summary box repeating a paragraph: at least
    `least` content words, four in five of them shared) is routine (rule
    "sourcing.tier.repeat"): the editor already sees the claim once. Called from
    `data_in_force`, which the classifier runs once per article after the tiers."""
    seen: list[tuple[int, frozenset[str]]] = []
    for i, f in enumerate(flags):
        if f.tier != "query":
            continue
        words = _content_words(sents[i])
        if len(words) < least:
            continue
        first = next((j for j, w in seen if len(words & w) >= 0.8 * max(len(words), len(w))), None)
        if first is None:
            seen.append((i, words))
            continue
        f.tier = "routine"
        f.reason = (
            f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: repeats sentence {first + 1}"
            " (sourcing.tier.repeat)"
        )


def lede_sourced_next(flags: list[SentenceFlag], sents: list[SpacySpan]) -> None:
    """The lede (the article's first sentence that is not a heading) flagged a query in the
    writer's voice, and the very next sentence gives a named source on the same topic (a
    shared noun): the lede sums up what that source says, the usual shape of a news story
    ('Corran has dropped its inquiry into the mill fire. "The evidence was too weak," said
    chief prosecutor Ana Ruiz.'). The flag stays, routine (rule
    "sourcing.tier.lede_sourced_next"); further down the story the rule does not apply.
    A next sentence that points back to the lede ('The decision was confirmed by ...') has
    already lent it its source in pass 2 (carry_next.py), so the lede is no longer flagged;
    this rule is the weaker link, a shared noun, which keeps the flag but makes it routine."""
    lede = next((i for i, f in enumerate(flags) if f.rule != "sourcing.headline"), None)
    if lede is None or lede + 1 >= len(flags):
        return
    f, nxt = flags[lede], flags[lede + 1]
    if not named_next(f, nxt):
        return
    shared = _content_words(sents[lede]) & _content_words(sents[lede + 1])
    nouns = {t.lower_ for t in sents[lede] if t.pos_ in ("NOUN", "PROPN")} & shared
    if not nouns:
        return
    f.tier = "routine"
    f.reason = (
        f"{(f.reason or '').rsplit('; query:', 1)[0]}; routine: the lede, sourced next by"
        f" '{nxt.source.text}' (sourcing.tier.lede_sourced_next)"
    )
