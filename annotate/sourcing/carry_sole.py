"""The only voice quoted in the piece (round 14, issue 9): `sourcing.carry.sole_speaker`.

An interview story often prints a run of quoted paragraphs and tags only some of them
('..., Vell said.'), with the reporter's questions or a line of narrative in between. A
quotation with no tag near it is then flagged "quotation with no speaker named"
(`sourcing.quote_speaker`, a query) although the piece quotes nobody else. On the round-14
development pages whole interviews were flagged that way.

When every quotation that names its speaker names the same one (at least two of them, by
surname), no quotation names anyone else or an unnamed voice, and the untagged quotation comes
after the first tagged one, the untagged quotation is that speaker's: named_source, with the
speaker as its source and a reason that says so. A piece with two voices is left alone: there
the reader cannot tell whose the untagged words are.
"""

from __future__ import annotations

from annotate.models import SentenceFlag

RULE = "sourcing.carry.sole_speaker"
_UNTAGGED = "sourcing.quote_speaker"
_VOICES = ("named_source", "anonymous_source", "weasel")
# marks that open or close a quotation (quotes.py); a curly single quotation (British style)
# is known by its opening mark only, as its closing mark is also the apostrophe ("Vell's")
_MARKS = ('"', "\u201c", "\u201d", "''", "``", "\u2018")


def _key(flag: SentenceFlag) -> str | None:
    if flag.source is None or not flag.source.text.strip():
        return None
    return flag.source.text.split()[-1].strip(".,'\u2019").lower()


def sole_speaker(flags: list[SentenceFlag]) -> None:
    """Give untagged quotations the piece's only quoted speaker (see the module docstring)."""
    # sentences with a quotation and its speaker: tagged ('"...," Vell said'), or carried
    # from a tag ("words of Vell")
    tagged = [
        (i, f)
        for i, f in enumerate(flags)
        if (f.in_quote or any(q in f.text for q in _MARKS))
        and f.sourcing in _VOICES
        and f.source is not None
    ]
    if len(tagged) < 2 or any(f.sourcing != "named_source" for _, f in tagged):
        return
    keys = {_key(f) for _, f in tagged}
    if len(keys) != 1 or None in keys:
        return
    first, speaker = tagged[0]
    reason = f"a quotation in a piece that quotes only '{speaker.source.text}': their words"
    for i, f in enumerate(flags):
        if (
            i <= first
            or f.rule != _UNTAGGED
            or not f.in_quote
            or f.sourcing != "unattributed_claim"
        ):
            continue
        f.sourcing, f.source, f.tier, f.rule = "named_source", speaker.source, None, RULE
        f.reason = reason
