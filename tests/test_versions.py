"""Sentence-level diffs between article versions (db/versions.py), on plain snapshots."""

from __future__ import annotations

from db.versions import diff_sentences


def snap(*items: tuple[str, str | None, str | None]) -> list[dict]:
    return [
        {"idx": i, "text": t, "sourcing": label, "source": source}
        for i, (t, label, source) in enumerate(items, 1)
    ]


def test_versions_diff_pairs_an_edited_sentence_and_labels_it():
    old = snap(
        ("The mayor opened the new library on Monday morning.", None, None),
        ("Police Chief Dana Cole said 14 people were arrested.", "named_source", "Dana Cole"),
    )
    new = snap(
        ("The mayor opened the new library on Monday morning.", None, None),
        ("Police sources said 19 people were arrested.", "anonymous_source", "Police sources"),
    )
    [change] = diff_sentences(old, new)
    assert change["kind"] == "changed" and (change["old_idx"], change["new_idx"]) == (2, 2)
    assert change["telling"] == ["named_to_anonymous", "figure_changed"]
    # Anonymous people are still an attribution: nothing was removed, it was made anonymous.
    assert "source_removed" not in change["telling"]


def test_versions_diff_added_removed_and_whitespace():
    old = snap(
        ("Rents rose 8 percent last year, the statistics office said.", "named_source", "office"),
        ("The  council   meets on Thursday.", None, None),
    )
    new = snap(
        ("The council meets on Thursday.", None, None),
        ("Many economists say the rise will slow.", "weasel", "Many economists"),
    )
    changes = diff_sentences(old, new)
    kinds = [(c["kind"], c["telling"]) for c in changes]
    assert ("removed", ["source_removed", "figure_removed"]) in kinds
    assert ("added", ["source_added"]) in kinds
    assert len(changes) == 2  # whitespace alone is not a change


def test_versions_diff_a_different_named_source():
    old = snap(
        ("Health Minister Ravi Patel said the ward will close.", "named_source", "Ravi Patel")
    )
    new = snap(("Hospital director Ana Lund said the ward will close.", "named_source", "Ana Lund"))
    [change] = diff_sentences(old, new)
    assert change["kind"] == "changed" and change["telling"] == ["source_changed"]
