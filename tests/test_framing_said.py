"""Round 14 (issue 10): a loaded word in what a third party said, felt or complained of is
their view, reported: it stays in the outlet's voice but is mild, not shown by default. The
outlet's own clause, an agentless 'it is said', a vague group ('Critics said') and the writer's
own 'I said' stay strong.
Sentences written for these tests."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def _span(annotator: Annotator, text: str, word: str):
    ann = annotator.annotate(text)
    return next(s for s in ann.spans if s.text == word)


@pytest.mark.parametrize(
    ("text", "word", "who"),
    [
        ("Corran striker Mara Vale complained that the pitch was a disgrace.", "disgrace", "Vale"),
        ("The Corran coach's lawyer said his arrogance was a myth.", "arrogance", "lawyer"),
    ],
)
def test_a_loaded_word_in_a_third_party_s_reported_clause_is_mild_and_says_whose(
    annotator: Annotator, text: str, word: str, who: str
) -> None:
    s = _span(annotator, text, word)
    assert (s.tier, s.in_quote) == ("mild", False)
    assert f"Reported as the view of '{who}'" in s.reason, s.reason


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The council's plan is a disgrace.", "disgrace"),
        ("It is said that the coach's arrogance cost the team the title.", "arrogance"),
        ("Critics said the coach's arrogance had cost the team the title.", "arrogance"),
        # a vague group with a determiner or a pronoun of nobody in particular
        ("Some analysts said the coach's arrogance had cost the team the title.", "arrogance"),
        ("A critic said the coach's arrogance had cost the team the title.", "arrogance"),
        ("Everyone says the coach's arrogance cost the team the title.", "arrogance"),
        ("I said at the time that the plan was a disgrace.", "disgrace"),
    ],
)
def test_the_outlet_s_own_words_stay_strong(annotator: Annotator, text: str, word: str) -> None:
    assert _span(annotator, text, word).tier == "strong"


def test_a_surname_that_is_also_a_label_is_the_person_s_name(annotator: Annotator) -> None:
    ann = annotator.annotate(
        "Lawyers for the family, led by Mara Crank, asked the court to block the book.\n\n"
        "Crank said the family would appeal.\n\n"
        "Bigots and cranks filled the hall on Monday.\n"
    )
    texts = [s.text for s in ann.spans]
    assert "Crank" not in texts, texts
    assert "cranks" in texts and "Bigots" in texts, texts


def test_a_loaded_word_in_what_someone_chided_others_for_is_their_charge(
    annotator: Annotator,
) -> None:
    said = _span(
        annotator, "Okafor berated the Corran council for its shoddy changing rooms.", "shoddy"
    )
    own = _span(annotator, "The Corran council built shoddy changing rooms.", "shoddy")
    assert said.in_quote and not own.in_quote


def test_a_loaded_word_in_an_account_given_according_to_someone_is_mild(
    annotator: Annotator,
) -> None:
    """Round 16: 'according to' a speaker the reader can place passes on that speaker's
    account, as 'Ortega said' does; through a vague group it stays the outlet's word."""
    s = _span(annotator, "According to Ortega, the draconian plan would hurt renters.", "draconian")
    assert (s.tier, s.in_quote) == ("mild", False)
    assert "Reported as the account of 'Ortega' ('according to')" in s.reason, s.reason
    vague = "According to critics, the draconian plan would hurt renters."
    assert _span(annotator, vague, "draconian").tier == "strong"
