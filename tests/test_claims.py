"""Claims: the figures an editor would check, normalised so outlets can be compared."""

from __future__ import annotations

from annotate.claims import extract_claims
from annotate.models import SentenceFlag, Span
from annotate.sentences import split_sentences


def _figures(nlp, text: str) -> list[tuple[str, float | None, str | None]]:
    doc = nlp(text)
    sents = split_sentences(doc)
    flags = [SentenceFlag(s.start_char, s.end_char, s.text, "unattributed_claim") for s in sents]
    return [(f.text, f.value, f.unit) for c in extract_claims(doc, sents, flags) for f in c.figures]


def test_figures_counted_noun_is_the_unit(nlp):
    got = _figures(
        nlp,
        "Investigations indicate that 685 Pakistani security personnel lost their lives in 2024.",
    )
    assert got == [("685", 685.0, "security personnel")]  # the year is not a figure


def test_figures_thousands_separators_and_totals(nlp):
    got = _figures(
        nlp,
        "Pakistan endured 2,546 fatalities. The overall casualties in 2024 reached a total of 4,813.",
    )
    assert ("2,546", 2546.0, "fatalities") in got
    assert ("4,813", 4813.0, "casualties") in got  # "a total of" counts the subject


def test_figures_words_fractions_and_ratios(nlp):
    got = _figures(
        nlp,
        "Attacks outnumbered operations by a ratio of nearly four to one. Nearly a third of voters stayed home.",
    )
    assert ("nearly four to one", 4.0, "ratio") in got
    assert ("Nearly a third", 0.3333, "fraction") in got


def test_figures_glued_by_a_dash_keep_their_noun(nlp):
    got = _figures(
        nlp, "The ratio was nearly four to one—909 terror attacks compared to 257 operations."
    )
    assert ("909", 909.0, "terror attacks") in got and ("257", 257.0, "operations") in got


def test_figures_percent_money_scale_and_word_numbers(nlp):
    got = _figures(
        nlp,
        "Exports rose 9 percent to $3 billion. Two hundred soldiers were deployed to 1.2 million homes.",
    )
    assert ("9 percent", 9.0, "%") in got
    assert ("$3 billion", 3e9, "dollars") in got  # same unit as "3 billion dollars"
    assert ("Two hundred", 200.0, "soldiers") in got
    assert ("1.2 million", 1.2e6, "homes") in got


def test_figures_dates_and_durations_are_not_figures(nlp):
    assert (
        _figures(nlp, "On Feb 26, 2025, the deadliest year in the last ten years was marked.") == []
    )


def test_claims_statement_leaves_out_the_attribution(nlp):
    text = "Investigations indicate that 685 security personnel died."
    doc = nlp(text)
    sents = split_sentences(doc)
    cue = Span(0, 25, "Investigations indicate")
    flags = [SentenceFlag(0, len(text), text, "vague_document", cue=cue)]
    (claim,) = extract_claims(doc, sents, flags)
    assert "investigation" not in claim.statement and "indicate" not in claim.statement
    assert "685" in claim.statement and "personnel" in claim.statement
    assert claim.predicate == "die"  # the reported clause's verb, not "indicate"


def test_claims_entities_without_figures_and_none_for_plain_sentences(nlp):
    text = "The Indus Centre for Conflict Studies (ICCS) blamed the Pakistani Army. The weather was fine."
    doc = nlp(text)
    sents = split_sentences(doc)
    flags = [
        SentenceFlag(sents[0].start_char, sents[0].end_char, sents[0].text, "unattributed_claim"),
        SentenceFlag(sents[1].start_char, sents[1].end_char, sents[1].text, None),
    ]
    claims = extract_claims(doc, sents, flags)
    assert len(claims) == 1 and claims[0].sentence_index == 0
    assert any("Conflict Studies" in e for e in claims[0].entities)
    assert all(e.count("(") == e.count(")") for e in claims[0].entities)


def test_figure_offsets_point_into_the_text(nlp):
    text = "Intro sentence here. At least 264 incidents went unreported."
    doc = nlp(text)
    sents = split_sentences(doc)
    flags = [SentenceFlag(s.start_char, s.end_char, s.text, "unattributed_claim") for s in sents]
    fig = next(f for c in extract_claims(doc, sents, flags) for f in c.figures)
    assert text[fig.start : fig.end] == "264"
