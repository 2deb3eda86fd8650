"""Framing spans as an editor sees them: which words are flagged, why, and whether they are
the outlet's words or a quoted speaker's.

Options (the open-vocabulary signal, extra and disabled entries), density and gold scores
are tested in test_framing_options.py; the shared helpers are in framing_spans.py."""

from __future__ import annotations

import pytest
from framing_spans import spans, texts

from annotate.framing import FramingMatcher
from annotate.models import FRAMING_CATEGORIES


@pytest.mark.parametrize("form", ["reveal", "reveals", "revealed", "revealing"])
def test_find_matches_lemma_inflections(matcher, nlp, form: str) -> None:
    found = spans(matcher, nlp, f"Internal documents {form} that the army hid its losses.")
    assert [s.entry for s in found if s.category == "presupposition"] == [
        "framing.presupposition.reveal"
    ]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("It perpetuates a culture of deception in the ranks.", "culture of deception"),
        ("The audit lays bare the failures of the ministry.", "lays bare"),
        ("The report laid bare the failures of the ministry.", "laid bare"),
        ("The so-called peace plan was published.", "so-called"),
        ("Pakistan remains in a state of denial about its losses.", "state of denial"),
    ],
)
def test_find_multiword_pattern_is_one_span(matcher, nlp, text: str, phrase: str) -> None:
    assert phrase in texts(spans(matcher, nlp, text))


def test_find_presupposition_only_when_a_claim_follows(matcher, nlp) -> None:
    assert texts(spans(matcher, nlp, "The coach revealed the new kit on Monday.")) == []
    assert texts(spans(matcher, nlp, "The minister unveiled a spending plan.")) == []
    assert texts(
        spans(matcher, nlp, "The files revealed that officials knew."), "presupposition"
    ) == ["revealed"]
    assert texts(
        spans(matcher, nlp, "Recent reports have begun to unveil Pakistan's deception."),
        "presupposition",
    ) == ["unveil"]


def test_find_claimed_is_doubt_only_as_reporting_verb(matcher, nlp) -> None:
    found = spans(matcher, nlp, "The minister claimed the figures were accurate.")
    assert [(s.text, s.category) for s in found] == [("claimed", "doubt")]
    assert spans(matcher, nlp, "The blast claimed 12 lives.") == []
    assert spans(matcher, nlp, "The group claimed responsibility for the attack.") == []


def test_find_intensifier_covers_what_it_modifies(matcher, nlp) -> None:
    found = spans(matcher, nlp, "The casualty figures were grossly understated in reports.")
    assert [(s.text, s.category) for s in found] == [("grossly understated", "intensifier")]


def test_find_certainty_adverb_not_manner_adverb(matcher, nlp) -> None:
    assert texts(spans(matcher, nlp, "The plan is clearly flawed.")) == ["clearly flawed"]
    assert spans(matcher, nlp, "She spoke clearly to the court.") == []


def test_find_scare_quotes_are_doubt_in_outlet_voice(matcher, nlp) -> None:
    text = 'The government\'s "reforms" have left schools short of teachers.'
    found = spans(matcher, nlp, text)
    assert [(s.text, s.category, s.entry, s.in_quote) for s in found] == [
        ('"reforms"', "doubt", None, False)
    ]
    assert "Scare quotes" in found[0].reason


def test_find_single_scare_quotes_but_not_apostrophes(matcher, nlp) -> None:
    text = "The government's 'reforms' have left the soldiers' families worse off."
    assert [(s.text, s.category) for s in spans(matcher, nlp, text)] == [("'reforms'", "doubt")]
    assert spans(matcher, nlp, "Fans of rock 'n' roll met at the soldiers' club.") == []


def test_find_short_reported_speech_is_not_scare_quote(matcher, nlp) -> None:
    text = 'The department said waiting lists were "starting to stabilise".'
    assert spans(matcher, nlp, text) == []
    text = 'Opposition spokesman Mark Delaney called the statement "reckless".'
    found = spans(matcher, nlp, text)
    assert [(s.text, s.in_quote) for s in found] == [("reckless", True)]


def test_find_marks_spans_inside_quotes(matcher, nlp) -> None:
    text = '"This is a shameful betrayal of our farmers," the minister said. The plan is draconian.'
    found = spans(matcher, nlp, text)
    assert [(s.text, s.in_quote) for s in found] == [
        ("shameful betrayal", True),
        ("draconian", False),
    ]


def test_find_every_span_has_reason_entry_and_exact_offsets(matcher, nlp) -> None:
    text = (
        "Pakistan's deceptive narrative hides a staggering toll. The regime's mouthpiece "
        "insisted the figures were true."
    )
    found = spans(matcher, nlp, text)
    assert len(found) >= 4
    assert [s.start for s in found] == sorted(s.start for s in found)
    for s in found:
        assert text[s.start : s.end] == s.text
        assert s.reason and s.entry and s.entry.startswith("framing.")
        assert s.category in FRAMING_CATEGORIES


def test_find_crime_hedge_alleged_is_not_doubt(matcher, nlp) -> None:
    assert spans(matcher, nlp, "The alleged attacker appeared in court on Monday.") == []
    assert texts(spans(matcher, nlp, "State media celebrated the alleged victory.")) == ["alleged"]


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said it cannot prove that the payments were made.",
        "The audit did not reveal that officials knew.",
        "Prosecutors failed to prove that he was there.",
        "Investigators were unable to prove that the money was stolen.",
        "The files may reveal that officials knew.",
        "The report never showed that the scheme worked.",
    ],
)
def test_find_negated_or_hedged_factive_is_not_presupposition(matcher, nlp, text: str) -> None:
    assert texts(spans(matcher, nlp, text), "presupposition") == []


ORDINARY = [
    "The storm claimed at least 12 lives, officials said.",
    "Rebels claimed responsibility for the bombing.",
    "The company unveiled its new smartphone on Tuesday.",
    "Police said the alleged gunman was arrested at his home.",
    "The government tightened the sanctions regime on Monday.",
    "A blast at the factory injured four workers.",
    "Doctors recommended that patients wear a mask.",
    "The disaster management agency said 300 homes were damaged.",
    "Forecasters warned of catastrophic flooding in the south.",
    "He scored a hat-trick in the second half.",
    "The index hit a new low on Monday.",
    "He was exposed to radiation during the test.",
    "The journey proved difficult.",
    "The study demonstrated a link between sleep and memory.",
    "Students demonstrated outside parliament.",
    'The film "Dune" topped the box office.',
    'The word "sustainable" appears 40 times in the report.',
    'The president described the talks as "productive".',
    "Farmers harvest wheat in August.",
    "The attack on the convoy killed three soldiers.",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_find_leaves_ordinary_wire_usage_alone(matcher, nlp, text: str) -> None:
    assert spans(matcher, nlp, text) == []


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Ministers dragged their feet on the inquiry.", "dragged their feet"),
        ("The ministry is dragging its feet.", "dragging its feet"),
        ("His army of highly paid lobbyists blocked the bill.", "army of highly paid lobbyists"),
        ("Town hall bosses splashed 40,000 pounds on furniture.", "splashed"),
        ("The bill is an assault on free speech.", "assault on free speech"),
    ],
)
def test_find_phrase_variants_and_context_patterns(matcher, nlp, text: str, phrase: str) -> None:
    assert phrase in texts(spans(matcher, nlp, text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Ministers have waged a war on nurses.", "waged a war on"),
        ("Council housing budgets have been slashed year after year.", "slashed"),
        ("Ministers quietly axed the promised rent cap.", "axed"),
        ("The housing market is in free fall.", "in free fall"),
        ("Young workers are teetering on the brink.", "teetering on the brink"),
        ("Car makers face an avalanche of new paperwork.", "avalanche"),
        ("Hospitals are haemorrhaging experienced nurses.", "haemorrhaging"),
        ("Corruption is a cancer on society.", "cancer"),
        ("Dairy exports have collapsed.", "collapsed"),
        ("Eviction notices are raining down on tenants.", "raining down"),
        ("Developers treat the city as a piggy bank.", "piggy bank"),
        ("The hearing turned into a circus.", "circus"),
    ],
)
def test_find_metaphor_families_flag_figurative_use(matcher, nlp, text: str, phrase: str) -> None:
    found = spans(matcher, nlp, text)
    assert any(phrase in s.text for s in found), texts(found)
    assert any(s.entry.startswith("framing.loaded.metaphor.") for s in found)


@pytest.mark.parametrize(
    "text",
    [
        "The army's war in the north has displaced 2 million people.",
        "The company cut 300 jobs in March.",
        "Prices fell 2 percent in the year to June.",
        "The bridge collapsed in a storm, killing two people.",
        "Talks between the union and management collapsed on Friday.",
        "Rebels launched an attack on the town, the army said.",
        "Rockets were raining down on the city overnight.",
        "Soldiers fired back at the gunmen.",
        "An avalanche of snow buried the road.",
        "Doctors said he suffered a brain haemorrhage.",
        "The parties agreed a fragile ceasefire.",
        "The team scored an own goal in the 89th minute.",
        "Children receive pocket money from their parents.",
        "Police raided the offices of the company.",
        "A boy was caught in the crossfire of a gunfight.",
        "Residents fled the fighting.",
    ],
)
def test_find_metaphor_families_leave_literal_wire_usage(matcher, nlp, text: str) -> None:
    found = [s for s in spans(matcher, nlp, text) if s.entry.startswith("framing.loaded.metaphor.")]
    assert found == [], texts(found)


def voice(matcher: FramingMatcher, nlp, text: str) -> list[tuple[str, bool]]:
    return [(s.text, s.in_quote) for s in spans(matcher, nlp, text)]


def test_find_words_inside_anothers_charge_or_denial_are_reported_speech(matcher, nlp) -> None:
    # The contractor's accusers chose "reckless", not the outlet.
    assert voice(matcher, nlp, "The contractor rejected charges of reckless cost-cutting.") == [
        ("reckless", True)
    ]
    # The loaded verb of saying is the outlet's; what the landlords called it is theirs.
    assert voice(matcher, nlp, "Landlords slammed the rent cap as a war on small owners.") == [
        ("slammed", False),
        ("war on", True),
    ]
    # The same words in the outlet's own sentence stay in its voice.
    assert voice(matcher, nlp, "The reckless cuts put patients at risk.") == [("reckless", False)]


@pytest.mark.parametrize(
    "text",
    [
        'The council leader promised a "firm response" once the water had gone down.',
        'The statement said the barrier "met every standard" in the contract.',
        'Her aides called the plan "balanced" on Monday.',
        "\"We will not accept any 'temporary' fix,\" the mayor said.",
        'The car has a front trunk, or "frunk", for small bags.',
    ],
)
def test_find_quotation_of_someones_words_is_not_a_scare_quote(matcher, nlp, text: str) -> None:
    assert [s for s in spans(matcher, nlp, text) if s.entry is None] == []


def test_find_distancing_quote_is_flagged_but_only_mild(matcher, nlp) -> None:
    # Flagged, but mild: strong scare quotes were right 0/29 times on the labelled sets.
    found = spans(matcher, nlp, 'The "transitional" council has now ruled for six years.')
    assert [(s.text, s.category, s.tier) for s in found] == [('"transitional"', "doubt", "mild")]
    found = spans(matcher, nlp, 'The firm sells "green energy" bonds to savers.')
    assert [(s.text, s.tier) for s in found] == [('"green energy"', "mild")]
    # Someone speaks in the paragraph: the word may be theirs, so it is only worth a look.
    text = 'Ms Reyes said the plan was fair. The "balanced" budget won support.'
    assert [(s.text, s.tier) for s in spans(matcher, nlp, text)] == [('"balanced"', "mild")]


def test_find_topic_nouns_and_legal_alleged_are_neutral(matcher, nlp) -> None:
    wire = (
        "The flood disaster forced 400 families from their homes. "
        "Aid agencies said the disaster had cut off three villages."
    )
    assert spans(matcher, nlp, wire) == []
    assert spans(matcher, nlp, "Prosecutors say the alleged scheme ran for three years.") == []
    assert texts(spans(matcher, nlp, "The plan has been a disaster for renters.")) == ["disaster"]


def test_find_capitalised_hit_inside_a_name_is_the_name(matcher, nlp) -> None:
    assert spans(matcher, nlp, "Cornerback Greedy Williams made six tackles.") == []
    assert texts(spans(matcher, nlp, "Greedy landlords raised rents again.")) == ["Greedy"]


def test_find_spans_carry_a_tier(matcher, nlp) -> None:
    def tiers(text: str) -> list[tuple[str, str]]:
        return [(s.text, s.tier) for s in spans(matcher, nlp, text)]

    # A judgement an editor would change is strong; a certainty adverb is worth a look.
    assert tiers("Officials have clearly failed the residents.") == [("clearly failed", "mild")]
    # The intensifier's phrase is as strong as the loaded word it covers; "so-called" was
    # right 3 times in 34 on BASIL and SemEval train, so it is worth a look, not a rewrite.
    assert tiers("The so-called reform is absolutely draconian.") == [
        ("so-called", "mild"),
        ("absolutely draconian", "strong"),
    ]
