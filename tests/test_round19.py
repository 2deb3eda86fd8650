"""Round 19 (issue 9): a document called by its title is named even when a word of the title
would describe a secret paper (sourcing.document.titled, annotate/sourcing/documents.py).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from sourcing_data import flag_of

from annotate.annotator import Annotator


def test_a_titled_document_is_named(annotator: Annotator) -> None:
    text = "The National Intelligence Estimate found that Corran halted its programme in 2003.\n"
    f = flag_of(annotator, text, "The National")
    assert f.sourcing == "named_source" and not f.unsourced, f.reason


@pytest.mark.parametrize(
    "text",
    [
        "An intelligence report found that Corran halted its programme in 2003.",
        "A confidential memo shows that Corran halted its programme in 2003.",
    ],
)
def test_a_described_secret_document_stays_vague(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", text[:8])
    assert f.sourcing == "vague_document", f.reason


# -- a quotation over paragraphs is its closing tag's (sourcing.quote.tagged_at_close) -------
RUN = (
    "Ines Varga, a lawyer for the port authority, argued that the levy was lawful.\n\n"
    "However, dock unions have previously opposed the levy, saying it would cost jobs.\n\n"
    "\u201cNew fees will not bring ships back to Corran. They will drive them to Ardley.\n\n"
    "\u201cThe port needs investment, not taxes.\n\n"
    "\u201cWe encourage the council to look again at the plan,\u201d Varga said.\n"
)


@pytest.mark.parametrize("starts", ["\u201cNew fees", "They will drive", "\u201cThe port needs"])
def test_a_quotation_over_paragraphs_is_the_speaker_tagged_where_it_closes(
    annotator: Annotator, starts: str
) -> None:
    f = flag_of(annotator, RUN, starts)
    assert f.sourcing == "named_source" and not f.unsourced, f.reason
    assert "Varga" in (f.reason or "")


def test_a_closed_quotation_does_not_borrow_the_next_paragraphs_tag(
    annotator: Annotator,
) -> None:
    text = (
        "Dock unions have opposed the levy, saying it would cost jobs.\n\n"
        "\u201cNew fees will not bring ships back to Corran.\u201d\n\n"
        "\u201cWe encourage the council to look again at the plan,\u201d Varga said.\n"
    )
    f = flag_of(annotator, text, "\u201cNew fees")
    assert "Varga" not in (f.reason or ""), f.reason


def test_a_run_with_no_closing_tag_keeps_the_speaker_who_introduced_it(
    annotator: Annotator,
) -> None:
    text = (
        "Ines Varga, a lawyer for the port authority, said:\n\n"
        "\u201cNew fees will not bring ships back to Corran.\n\n"
        "\u201cThe port needs investment, not taxes.\u201d\n"
    )
    f = flag_of(annotator, text, "\u201cNew fees")
    assert f.sourcing == "named_source" and "Varga" in (f.reason or ""), f.reason


# -- routine words in their own sense (sourcing.tier.routine_sense) ---------------------
@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        (
            "Corran, which shares a 300-mile border with Ardley, joined the alliance in 2024.",
            "shares",
        ),
        ("Despite sharing 500 years of history, the two towns have little in common.", "sharing"),
        (
            "Few households keep a stock of tinned food, and 40 percent have no stored water.",
            "stock",
        ),
        ("Varga pointed to 500 million crowns for regional grants in the budget.", "pointed"),
        ("Of 1,100 members, 600 work at the depot, a focal point of the dispute.", "point"),
    ],
)
def test_a_routine_word_in_another_sense_is_not_the_reason(
    annotator: Annotator, text: str, wrong: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f"'{wrong}' (sourcing.tier." not in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Shares in Corran Bank rose 4 percent to 212 pence.", "Shares"),
        ("Okafor scored 31 points as Ardley beat Vale 99-91.", "scored"),
    ],
)
def test_market_and_sport_words_in_their_sense_still_count(
    annotator: Annotator, text: str, word: str
) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.tier == "routine" and f"'{word}' (sourcing.tier." in (f.reason or ""), f.reason


# -- a tag set off by commas inside the sentence it reports (framing_said) ---------------
@pytest.mark.parametrize(
    "text",
    [
        "At seventy, she said, the queues at the clinic are unbearable.",
        "The levy, Varga said, is a disgrace.",
    ],
)
def test_a_loaded_word_inside_a_parenthetical_tag_is_the_speakers(
    annotator: Annotator, text: str
) -> None:
    spans = [s for s in annotator.annotate(text).spans if not s.in_quote]
    assert spans and all(s.tier == "mild" for s in spans), [(s.text, s.reason) for s in spans]
    assert "Reported as the view of" in (spans[0].reason or "")


@pytest.mark.parametrize(
    "text", ["The council, critics say, is a disgrace.", "The levy is a disgrace."]
)
def test_a_vague_or_missing_speaker_leaves_the_word_strong(annotator: Annotator, text: str) -> None:
    spans = [s for s in annotator.annotate(text).spans if not s.in_quote]
    assert spans and spans[0].tier == "strong", [(s.text, s.reason) for s in spans]


# -- one person called by a group word (sourcing.source.epithet) ------------------------
VARGA = (
    "Travel agent Ines Varga has sold Corran holidays for 20 years.\n\n"
    '"Tuesdays are the cheapest day to book," Varga said.\n\n'
)


@pytest.mark.parametrize(
    "text",
    [
        "The expert said booking early could save families 400 crowns.",
        "According to the expert, most families pay 40 percent too much for parking.",
    ],
)
def test_the_expert_is_the_person_just_named(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, VARGA + text + "\n", text[:12])
    assert f.sourcing == "named_source" and not f.unsourced, f.reason
    assert "Varga" in (f.reason or "")


def test_the_doctor_with_nobody_named_is_one_unnamed_person(annotator: Annotator) -> None:
    f = flag_of(annotator, "The doctor said the boy had lost a lot of blood.\n", "The doctor")
    assert (f.sourcing, f.tier) == ("anonymous_source", "query"), f.reason
    assert "one person, not named" in (f.reason or "")


@pytest.mark.parametrize(
    "text",
    [
        "Experts said booking early could save families 400 crowns.",
        "An expert said booking early could save families 400 crowns.",
        "Some analysts said booking early could save families 400 crowns.",
    ],
)
def test_a_group_or_an_indefinite_expert_is_no_epithet(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, VARGA + text + "\n", text[:10])
    assert f.unsourced and f.rule != "sourcing.source.epithet", f.reason


# -- accusation words that accuse nobody (sourcing.check.accusation_sense) --------------
@pytest.mark.parametrize(
    "text",
    [
        "The pump failed after two days in the flood water.",
        "The storms forecast for Corran failed to materialise.",
        "The masts were rigged with cameras and a radio.",
        "Shoppers wore face masks in the market.",
    ],
)
def test_a_thing_that_fails_is_accused_of_nothing(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert "accusation" not in (f.reason or "") and "'failed'" not in (f.reason or ""), f.reason
    assert "'rigged'" not in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    "text",
    [
        "The ministry failed to disclose the true number of deaths.",
        "Officials masked the losses for three years.",
        "The council hid the report from residents.",
    ],
)
def test_someone_who_fails_or_hides_is_accused(annotator: Annotator, text: str) -> None:
    f = flag_of(annotator, text + "\n", text[:10])
    assert f.sourcing == "unattributed_claim" and "accusation" in (f.reason or ""), f.reason


def test_a_company_called_3m_is_no_figure(annotator: Annotator) -> None:
    text = "3M makes the tape at its plant in Corran.\n"
    f = flag_of(annotator, text, "3M makes")
    assert "figure" not in (f.reason or ""), f.reason


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A 3M policy allowed staff to spend Fridays on their own projects.\n", True),
        ("The app has 3M users in Corran.\n", False),
    ],
)
def test_3m_before_a_singular_noun_is_the_company(annotator: Annotator, text, name) -> None:
    f = flag_of(annotator, text, text[:8])
    assert ("figure with no source: '3'" not in (f.reason or "")) == name, f.reason
