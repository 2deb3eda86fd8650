"""Round 29, framing: words of wonder aimed at a place, a dish, a product or a spectacle are the
writer's taste (no span); aimed at an event, an amount, a plan or a person they stay starred.
All sentences and names are invented."""

from __future__ import annotations

import pytest

from annotate.annotator import Annotator


def tiers(annotator: Annotator, text: str) -> dict[str, str]:
    return {s.text.lower(): s.tier for s in annotator.annotate(text).spans if not s.in_quote}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Our room at the Larkwell Inn had stunning views across the estuary.", "stunning"),
        ("The road winds up between majestic pines to the old quarry.", "majestic"),
        ("The roof terrace is magnificent at dusk.", "magnificent"),
        ("The tasting menu ends with a glorious plum dessert.", "glorious"),
        ("Cyclists face an ominous slope on the final hill.", "ominous"),
        (
            "The festival closed with a breathtaking fireworks show over the harbour.",
            "breathtaking",
        ),
        ("The camera is superb in low light.", "superb"),
        ("We finished with a glorious apple pie.", "glorious"),
    ],
)
def test_wonder_at_a_thing_is_not_framing(annotator: Annotator, text: str, word: str) -> None:
    got = tiers(annotator, text)
    assert word not in got, got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an outcome, an amount, a plan: the outlet's verdict on the news
        ("The mayor's party suffered a stunning defeat in the by-election.", "stunning"),
        ("The scheme has cost a staggering sum since it began.", "staggering"),
        ("The minister unveiled a stunning plan to close six depots.", "stunning"),
        # blame of a thing stays a charge ('dodgy' is not a word of wonder)
        ("The fire started in a dodgy boiler fitted the week before.", "dodgy"),
    ],
)
def test_wonder_at_events_and_blame_of_things_stay_starred(
    annotator: Annotator, text: str, word: str
) -> None:
    got = tiers(annotator, text)
    assert got.get(word) == "strong", got


def test_a_word_of_wonder_on_a_minister_stays(annotator: Annotator) -> None:
    # the same word, on a person: the outlet's verdict
    got = tiers(annotator, "The minister gave a stunning display of arrogance at the hearing.")
    assert got.get("stunning") == "strong", got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The rocket cleared the tower, blasting upward through low cloud.", "blasting"),
        ("Engineers rigged the mast with wind sensors before the trial.", "rigged"),
        ("Tiny worms were wriggling in the wet soil of the allotment.", "wriggling"),
        ("Its fabrication in the workshop takes three weeks of welding.", "fabrication"),
        ("The update ended up degrading performance on older phones.", "degrading"),
    ],
)
def test_a_plain_or_technical_sense_is_not_framing(
    annotator: Annotator, text: str, word: str
) -> None:
    got = tiers(annotator, text)
    assert word not in got, got


def test_the_charged_sense_stays(annotator: Annotator) -> None:
    got = tiers(annotator, "Ministers tried to wriggle out of the pledge on rail fares.")
    assert got.get("wriggle") == "strong", got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Snowflakes drifted across the floodlights as the winter match restarted.", "snowflakes"),
        ("A green scum of algae covered the pond by August.", "scum"),
        ("The painting shows a clown in a red costume.", "clown"),
        ("By noon the lake was completely still.", "completely still"),
    ],
)
def test_the_plain_sense_of_a_label_is_not_framing(
    annotator: Annotator, text: str, word: str
) -> None:
    got = tiers(annotator, text)
    assert word not in got, got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Those snowflakes at the university cannot take a joke.", "snowflakes"),
        ("The minister is a clown.", "clown"),
        ("The council's reply was totally unacceptable.", "totally unacceptable"),
    ],
)
def test_the_label_aimed_at_people_stays(annotator: Annotator, text: str, word: str) -> None:
    got = tiers(annotator, text)
    assert got.get(word) == "strong", got


@pytest.mark.parametrize(
    "text",
    ["The leftist president of Varnia won a second term in May.", "She was born in fascist Italy."],
)
def test_a_descriptor_of_an_office_or_a_regime_is_not_framing(
    annotator: Annotator, text: str
) -> None:
    assert tiers(annotator, text) == {}


def test_the_label_on_people_stays_strong(annotator: Annotator) -> None:
    got = tiers(annotator, "Leftist agitators blocked the entrance to the depot.")
    assert got.get("leftist agitators") == "strong" or got.get("leftist") == "strong", got


def test_troubles_that_dog_an_effort_are_not_framing(annotator: Annotator) -> None:
    assert tiers(annotator, "The tram extension has been plagued by delays and faults.") == {}
    got = tiers(annotator, "Bribery scandals have plagued the port authority for years.")
    assert got.get("plagued") == "strong", got


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Building costs ballooned to 3 billion pounds.", "ballooned"),
        ("The council began a weekend blitz on potholes.", "blitz"),
        ("Retailers face a perfect storm this winter.", "perfect storm"),
        ("The union threw a curveball on Friday.", "curveball"),
    ],
)
def test_a_cliche_of_everyday_copy_is_mild(annotator: Annotator, text: str, word: str) -> None:
    got = tiers(annotator, text)
    assert got.get(word) == "mild", got


def test_a_loaded_metaphor_on_a_group_stays_strong(annotator: Annotator) -> None:
    got = tiers(annotator, "The council is waging war on drivers.")
    assert "strong" in got.values(), got
    # 'fragile' stays strong: the writer's alarm, above all when intensified
    got = tiers(annotator, "After the strike the ferry timetable looks dangerously fragile.")
    assert "strong" in got.values(), got


def test_fragile_looking_is_a_persons_frame(annotator: Annotator) -> None:
    assert tiers(annotator, "A fragile looking child held her mother's hand.") == {}


def test_a_charge_hung_on_the_accused_is_the_accusers(annotator: Annotator) -> None:
    # the parser hangs 'of ...' on 'the paper'; the charge is still the minister's
    spans = annotator.annotate("The minister accused the paper of degrading public debate.").spans
    assert spans and all(s.in_quote for s in spans), spans
    # 'of' inside the object is not a charge: the words after it are the writer's
    own = annotator.annotate(
        "Unions blame a decade of cuts that have left the depots dangerously fragile."
    ).spans
    assert any(not s.in_quote for s in own), own
