"""Round 7 of framing on real news (issue 10): insults and verdict adjectives in the outlet's
voice are shown by default, and their literal, legal or clinical senses stay unflagged."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.quotes import quote_regions


def strong_words(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    found = matcher.find(nlp(text), quote_regions(text))
    return [s.text.lower() for s in found if not s.in_quote and s.tier == "strong"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Closing the only bridge in August was a stupid decision.", "stupid"),
        ("The cuts are a cruel blow to carers who already work for nothing.", "cruel"),
        ("One brave councillor stood up to the developers.", "brave"),
        ("The party is led by a psychopath, and everyone knows it.", "psychopath"),
        ("A handful of internet freaks have taken over the school board meetings.", "freaks"),
        ("The mayor threw a tantrum after losing the vote.", "tantrum"),
        ("The new parking rules are an abomination.", "abomination"),
        ("The booking system failed miserably on launch day.", "miserably"),
        ("He spent the evening repeating outlandish theories about the mayor.", "outlandish"),
        ("The councillor is a kook who thinks the water is poisoned.", "kook"),
        ("Her cunning plan kept the vote off the agenda.", "cunning"),
        ("The report has a glaring omission on page two.", "glaring"),
        ("The group ran a manipulative advertising campaign aimed at teenagers.", "manipulative"),
        ("The festival turned into an orgy of drinking.", "orgy of"),
        ("The rail union has become the government's bogeyman.", "bogeyman"),
        ("The mayor's plan for the bus lanes is complete nonsense.", "complete nonsense"),
        ("The new stadium roof is a total waste of money.", "total waste"),
        ("The chairman gave a disdainful shrug when asked about the fines.", "disdainful"),
        ("The senator vigorously denied taking the money.", "vigorously"),
        ("The briefing turned testy after the second question.", "testy"),
        ("The leak was fed to reporters by the spooks at headquarters.", "spooks"),
        ("The governor arrived with his usual sidekick, the party treasurer.", "sidekick"),
        ("The guards inflicted unspeakable cruelty on the prisoners.", "unspeakable"),
        ("The editorial called the senator's remarks slanderous nonsense.", "slanderous"),
        ("Her dishonesty over the expenses has cost her the seat.", "dishonesty"),
    ],
)
def test_an_insult_or_verdict_in_the_outlets_voice_is_shown_by_default(
    matcher, nlp, text: str, word: str
) -> None:
    assert any(word in w for w in strong_words(matcher, nlp, text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Lawyers argued that the sentence was cruel and unusual punishment.",
        "Thousands braved the cold to see the fireworks.",
        "A freak accident on the ring road left two drivers injured.",
        "Freak weather cancelled the regatta.",
        "Toddler tantrums usually fade by the age of four, the nurse said.",
        "The film follows a team hunting the abominable snowman in Nepal.",
        "The bishop described a case of demonic possession reported in 1928.",
        "The court heard he had been diagnosed psychopathic as a teenager.",
        "The physiotherapist uses manipulative treatment on the lower back.",
        "She was convicted of three offences of dishonesty in 2015.",
        "After the merger the bank has complete control of the payments network.",
        "Rising bond yields spooked investors on Tuesday.",
    ],
)
def test_literal_legal_and_clinical_senses_stay_unflagged(matcher, nlp, text: str) -> None:
    assert strong_words(matcher, nlp, text) == [], text
