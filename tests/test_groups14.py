"""Round 14: eyewitnesses are a vague group like witnesses (a fresh page's eyewitness account
was read as an unsourced harm claim). Sentence written for this test."""

from __future__ import annotations

from sourcing_data import flag_of

from annotate.annotator import Annotator


def test_eyewitnesses_are_a_vague_group_named_as_the_source(annotator: Annotator) -> None:
    text = "Eyewitnesses said the bus left the road at speed before it overturned near Corran."
    f = flag_of(annotator, text, text[:10])
    assert (f.sourcing, f.source.text if f.source else None) == ("weasel", "Eyewitnesses")
