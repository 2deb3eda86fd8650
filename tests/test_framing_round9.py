"""Round 9 of framing on real news (issue 10): the strong tier on straight reports. Sports
and markets copy use some strong words as the genre's plain vocabulary ("squandered a
lead", "a brutal week for shares"), which drop to mild there; literal senses ("the most
virulent strain", "a blistering pace") and plain quantities ("an avalanche of new
vehicles") are not flagged by default; a label pinned on a person with "call" is the
speaker's. Every sentence here is our own."""

from __future__ import annotations

import pytest

from annotate.framing import FramingMatcher
from annotate.framing_genre import sports_copy
from annotate.quotes import quote_regions

MATCH_REPORT = (
    "Harbour City squandered a two-goal lead and lost 3-2 at Riverside on Saturday. The "
    "coach blamed an awful start to the second half, when the striker missed a penalty and "
    "the goalkeeper was beaten twice at the near post. The referee added six minutes. The "
    "defeat leaves them fourth in the league, two points off the playoff places."
)


def found(matcher: FramingMatcher, nlp, text: str) -> list[tuple[str, str, bool]]:
    return [(s.text, s.tier, s.in_quote) for s in matcher.find(nlp(text), quote_regions(text))]


def strong(matcher: FramingMatcher, nlp, text: str) -> list[str]:
    return [t for t, tier, q in found(matcher, nlp, text) if tier == "strong" and not q]


def test_a_match_report_is_sports_copy_and_a_policy_story_is_not(nlp) -> None:
    assert sports_copy(nlp(MATCH_REPORT))
    assert not sports_copy(
        nlp(
            "The council squandered the grant on consultants, and the awful plan left "
            "residents with nothing. The coach company lost the contract."
        )
    )


def test_the_genres_words_are_mild_in_a_match_report(matcher, nlp) -> None:
    spans = found(matcher, nlp, MATCH_REPORT)
    words = {t: tier for t, tier, _ in spans}
    assert words.get("squandered") == "mild" and words.get("awful") == "mild", spans
    assert strong(matcher, nlp, MATCH_REPORT) == []


def test_the_same_words_about_a_policy_stay_strong(matcher, nlp) -> None:
    text = "The council squandered the grant on consultants, and the awful plan left residents with nothing."
    assert strong(matcher, nlp, text) == ["squandered", "awful"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Shares in Norland Mining had a brutal week as investors sold out.", "brutal"),
        ("The index had an awful start to the year, and traders expect more losses.", "awful"),
    ],
)
def test_a_price_move_in_markets_copy_is_mild(matcher, nlp, text: str, word: str) -> None:
    assert (word, "mild", False) in found(matcher, nlp, text)


def test_a_brutal_cut_outside_markets_copy_stays_strong(matcher, nlp) -> None:
    assert strong(matcher, nlp, "The minister's brutal cuts hit carers hardest.") == ["brutal"]


@pytest.mark.parametrize(
    "text",
    [
        "Of the two strains found on the ward, the second is the more virulent, doctors said.",
        "The leader set a blistering pace over the first ten laps.",
        "Car makers will show an avalanche of battery-powered vehicles at the fair.",
        "The streaming service has been a game changer for the studio, analysts said.",
        "The trick is learning when to roll away from the second attack.",
        "The guide is written for gadget-fiends who want every figure.",
        "The studio's legendary founder opened the new building on Monday.",
    ],
)
def test_literal_senses_and_trade_phrases_are_not_strong(matcher, nlp, text: str) -> None:
    assert strong(matcher, nlp, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The virulent campaign against the refugees went on all summer.", "virulent"),
        ("Critics warned of a tsunami of misery for renters.", "tsunami"),
        ("The singer received a torrent of vile online abuse.", "torrent"),
        ("The report is a blistering attack on the police.", "blistering"),
    ],
)
def test_the_loaded_senses_stay_strong(matcher, nlp, text: str, word: str) -> None:
    assert word in strong(matcher, nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The senator made enemies by calling the majority leader a liar.", "liar"),
        (
            "Asked about Trump's calling Hillary Clinton a bigot, the governor said nothing.",
            "bigot",
        ),
        ("He called her a traitor on Monday.", "traitor"),
    ],
)
def test_a_label_pinned_on_a_person_with_call_is_the_speakers(matcher, nlp, text, word) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, text)}
    assert spans.get(word) is True, spans


def test_the_writers_own_call_stays_in_the_writers_voice(matcher, nlp) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, "I call him a liar, and I stand by it.")}
    assert spans.get("liar") is False, spans


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Senator Ruiz said the cuts would be devastating for older voters.", "devastating"),
        ("The bishop argued that the minister was intolerant of dissent.", "intolerant"),
        ("Gun groups warned that the bill was misguided.", "misguided"),
    ],
)
def test_a_named_speakers_clause_is_the_speakers_words(matcher, nlp, text, word) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, text)}
    assert spans.get(word) is True, spans


def test_a_vague_group_saying_it_leaves_the_framing_in_the_outlets_voice(matcher, nlp) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, "Critics say the cuts are devastating.")}
    assert spans.get("devastating") is False, spans


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "The new adviser is just another swamp creature from the lobbying firms.",
            "swamp creature",
        ),
        ("The council made a futile attempt to save the library.", "futile"),
        ("The tower is a hideous slab of glass on the seafront.", "hideous"),
        ("The new rules are a perversion of everything the charter stood for.", "perversion"),
    ],
)
def test_round9_recall_entries_flag_the_outlets_judgement(matcher, nlp, text, word) -> None:
    assert word in strong(matcher, nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "The heron nests in the swamp north of the river.",
        "The campaign plans to swamp its rival with volunteers in March.",
        "He was charged with perversion of the course of justice after the crash.",
        "The senator wants Congress to declare war on the group that holds the port.",
        "The new film is a Hollywood fantasy shot in Malta.",
    ],
)
def test_round9_literal_and_legal_senses_stay_unflagged(matcher, nlp, text) -> None:
    assert strong(matcher, nlp, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The officials think the general's actions were more egregious.", "egregious"),
        ("She delivered a sweeping indictment of a feckless ruling class.", "feckless"),
    ],
)
def test_a_belief_or_an_indictment_holds_the_speakers_words(matcher, nlp, text, word) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, text)}
    assert spans.get(word) is True, spans


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("If you think the plan is absurd, wait for the budget.", "absurd"),
        ("I'm beginning to think the whole inquiry is a charade.", "charade"),
    ],
)
def test_the_writers_own_thinking_stays_in_the_writers_voice(matcher, nlp, text, word) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, text)}
    assert spans.get(word) is False, spans


@pytest.mark.parametrize(
    "text",
    [
        "The virus can cause devastating birth defects in newborns.",
        "The storm left catastrophic damage along the coast.",
    ],
)
def test_physical_harm_is_the_plain_sense(matcher, nlp, text) -> None:
    assert strong(matcher, nlp, text) == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Democrats were incensed that the offer left out the housing fund.", "incensed"),
        ("Local officials were furious about the closure of the clinic.", "furious"),
        ("Tenants were enraged by the second rent rise in a year.", "enraged"),
    ],
)
def test_anger_reported_of_others_is_mild(matcher, nlp, text: str, word: str) -> None:
    assert (word, "mild", False) in found(matcher, nlp, text)


def test_the_writer_telling_readers_to_be_angry_stays_strong(matcher, nlp) -> None:
    text = "Every parent in the county should be furious about the closure."
    assert "furious" in strong(matcher, nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Residents have every right to be outraged by the council's silence.", "outraged"),
        ("Why would the inspectors be outraged by a report they wrote themselves?", "outraged"),
        ("Voters will soon think the whole inquiry is a charade.", "charade"),
    ],
)
def test_supposed_or_prescribed_views_stay_in_the_writers_voice(matcher, nlp, text, word) -> None:
    assert word in strong(matcher, nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Never Trumpers in the party have gone quiet since the primary.", "Never Trumpers"),
        ("A handful of wingnuts on the school board blocked the library budget.", "wingnuts"),
        ("The tree huggers have won again, and the bypass is dead.", "tree huggers"),
    ],
)
def test_partisan_slurs_of_either_side_are_strong_labels(matcher, nlp, text, word) -> None:
    assert word in strong(matcher, nlp, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (
            "The senator opposes the treaty and calls the Valdorian government tyrannical.",
            "tyrannical",
        ),
        ("Cruz has called the mogul an obvious phony.", "phony"),
    ],
)
def test_a_verdict_pinned_on_a_person_or_government_with_call_is_theirs(
    matcher, nlp, text, word
) -> None:
    spans = {t: q for t, _, q in found(matcher, nlp, text)}
    assert spans.get(word) is True, spans
