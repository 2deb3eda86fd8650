"""Round 12 (issue 9, PolNeAR spans): speakers the parse places badly. Every sentence here
was written for these tests; none comes from a labelled data set."""

from __future__ import annotations

from sourcing_data import flag_of, pairs

from annotate.annotator import Annotator


# -- sourcing.several.colon_quote ---------------------------------------------------------
def test_colon_before_a_quotation_gives_the_speaker(annotator: Annotator) -> None:
    f = flag_of(annotator, 'The minister was blunt: "We will not pay the fine."', "The")
    assert f.sourcing == "named_source" and f.rule == "sourcing.several.colon_quote"
    assert f.source is not None and f.source.text == "The minister"
    assert f.cue is not None and f.cue.text == "was blunt:"


def test_colon_speaker_is_listed_beside_a_later_tag(annotator: Annotator) -> None:
    text = 'Ana Ortega fired back: "The depot will stay open," she wrote, "and so will the pool."'
    assert ("Ana Ortega", "fired back:") in pairs(flag_of(annotator, text, "Ana"))


def test_colon_after_a_subject_that_speaks_for_nobody(annotator: Annotator) -> None:
    f = flag_of(annotator, 'The answer was simple: "No."', "The")
    assert f.rule != "sourcing.several.colon_quote"
    assert all(not (c or "").endswith(":") for _, c in pairs(f))


def test_colon_inside_another_speakers_report(annotator: Annotator) -> None:
    f = flag_of(annotator, 'Lena Ruiz said the mayor was blunt: "We will not pay."', "Lena")
    assert f.source is not None and f.source.text == "Lena Ruiz"
    assert ("the mayor", "was blunt:") not in pairs(f)


# -- sourcing.set_off_verb ------------------------------------------------------------------
def test_set_off_verb_takes_the_speaker_after_it(annotator: Annotator) -> None:
    text = (
        "Any honest reading of the budget, said Tom Baird, an economist at the bank, shows a gap."
    )
    f = flag_of(annotator, text, "Any")
    assert f.sourcing == "named_source"
    assert f.source is not None and f.source.text == "Tom Baird"
    assert ("Any honest reading of the budget", "said") not in pairs(f)


def test_set_off_verb_with_unnamed_speakers(annotator: Annotator) -> None:
    text = "The budget talks have stalled, said officials familiar with the talks."
    f = flag_of(annotator, text, "The")
    assert f.sourcing == "anonymous_source"
    assert f.source is not None and f.source.text.startswith("officials")


def test_a_named_subject_before_the_verb_stays(annotator: Annotator) -> None:
    f = flag_of(
        annotator, "The Ledger, in a long report on Sunday, described a city in trouble.", "The"
    )
    assert f.source is not None and f.source.text == "The Ledger"
    f = flag_of(annotator, "Mike Baird, a strategist, said the vote was a sign.", "Mike")
    assert f.source is not None and f.source.text == "Mike Baird"


# -- sourcing.source.one_more ---------------------------------------------------------------
def test_another_is_one_more_unnamed_person(annotator: Annotator) -> None:
    text = "The tenants spoke at the meeting on Monday. Another said the landlord had ignored them."
    f = flag_of(annotator, text, "Another")
    assert f.sourcing == "anonymous_source" and f.rule == "sourcing.source.one_more"
    assert f.source is not None and f.source.text == "Another"


def test_another_after_the_quotation(annotator: Annotator) -> None:
    f = flag_of(annotator, '"The rent is a scandal," tweeted another.', '"The')
    assert f.sourcing == "anonymous_source"
    assert f.source is not None and f.source.text == "another"


def test_impersonal_one_is_no_source(annotator: Annotator) -> None:
    f = flag_of(annotator, "One might think the landlord ignored them.", "One")
    assert f.rule != "sourcing.source.one_more" and f.source is None


# -- groups whose capital only opens the sentence, a person's camp --------------------------
def test_capital_that_opens_the_sentence_is_no_body(annotator: Annotator) -> None:
    text = "Digital experts say the site was hacked. The digital team left in May."
    f = flag_of(annotator, text, "Digital")
    assert f.sourcing == "weasel"


def test_a_body_that_opens_the_sentence_stays_named(annotator: Annotator) -> None:
    f = flag_of(annotator, "Harrow Mills engineers said the bridge was safe.", "Harrow")
    assert f.sourcing == "anonymous_source" and f.source is not None
    assert "Harrow Mills" in f.reason


def test_a_named_persons_fans_are_a_vague_group(annotator: Annotator) -> None:
    text = "Trump fans insist that the vote was rigged. Donald Trump spoke later."
    assert flag_of(annotator, text, "Trump fans").sourcing == "weasel"


# -- a parenthetical whose subject the parser hung on the verb ------------------------------
def test_many_argue_between_commas(annotator: Annotator) -> None:
    text = "That attitude, many argue, could carry constitutional risks if Ortega becomes mayor."
    f = flag_of(annotator, text, "That")
    assert f.sourcing == "weasel" and f.source is not None and f.source.text == "many"


def test_a_plural_people_noun_opening_the_sentence_is_no_name(annotator: Annotator) -> None:
    # the tagger reads 'Aides' here as a person's name
    text = (
        "Mayor Ortega spoke on Monday.\n\nAides said Ms. Ortega's plan would be narrowly defined."
    )
    f = flag_of(annotator, text, "Aides")
    assert f.sourcing == "anonymous_source"
    assert f.source is not None and f.source.text == "Aides"


def test_a_surname_opening_the_sentence_stays_a_name(annotator: Annotator) -> None:
    f = flag_of(annotator, "Sanders said the rent is too high.", "Sanders")
    assert f.sourcing == "named_source"


# -- a dateline the parse ran into the subject (sourcing.set_off_verb) ------------------------
def test_dateline_is_not_the_speaker(annotator: Annotator) -> None:
    text = "KESTOVO, July 19 (UPI) — Former minister Tom Baird told delegates that the budget was a disgrace."
    f = flag_of(annotator, text, "KESTOVO")
    assert f.sourcing == "named_source"
    assert f.source is not None and f.source.text == "Former minister Tom Baird"


def test_dateline_cut_from_the_source_phrase(annotator: Annotator) -> None:
    f = flag_of(annotator, "LONDON (Reuters) - Ana Ortega said she was unlikely to win.", "LONDON")
    assert f.source is not None and f.source.text == "Ana Ortega"


def test_dashes_around_an_aside_keep_the_name(annotator: Annotator) -> None:
    text = "In an interview, Lena Ruiz - Baird's partner on his radio show - told The Ledger that rents rose."
    f = flag_of(annotator, text, "In")
    assert f.source is not None and f.source.text.startswith("Lena Ruiz")


# -- sourcing.source.those_who --------------------------------------------------------------
def test_those_who_back_her_rivals_are_a_vague_group(annotator: Annotator) -> None:
    text = "But those who back her rivals say the coverage has damaged her brand."
    f = flag_of(annotator, text, "But")
    assert f.sourcing == "weasel" and f.rule == "sourcing.source.those_who"
    assert f.source is not None and f.source.text == "those who back her rivals"


def test_those_surveyed_speak_through_the_named_poll(annotator: Annotator) -> None:
    text = "A Ledger poll found Ortega ahead. Again, those surveyed said Ortega was best able to handle the budget."
    f = flag_of(annotator, text, "Again")
    assert f.sourcing == "named_source" and f.rule == "sourcing.source.those_who"


def test_a_poll_subgroup_is_no_source(annotator: Annotator) -> None:
    f = flag_of(
        annotator, "Among those who said the rent was too high, most backed the mayor.", "Among"
    )
    assert f.rule != "sourcing.source.those_who"
