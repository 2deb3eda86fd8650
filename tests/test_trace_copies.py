"""A story of syndicated copies in a real SQLite file: claims stored once per group of
copies (claim_copies) give every article the trail that storing every pair gives, with
fewer rows, and a copy's trail still lists every outlet that carried the claim."""

from __future__ import annotations

import hashlib

from annotate.copies import match_story
from annotate.models import Annotation, Claim, Figure, SentenceFlag, Span
from annotate.trace import match_claims
from db import store
from db.schema import open_db
from db.trace import rebuild_matches
from db.trail import trail
from scraper.models import Extracted, Fetched

WIRE = [
    ("Militants killed 702 security personnel in 2024, the ICCS report said.", 702,
     "security personnel", "named_source", "the ICCS report"),
    ("Attacks rose to 444 across the province.", 444, "attacks", "unattributed_claim", None),
]  # fmt: skip
OTHER = [
    ("Officials said 685 security personnel were killed in 2024.", 685, "security personnel",
     "anonymous_source", "Officials"),
]  # fmt: skip


def annotation_of(sentences: list[tuple]) -> Annotation:
    text, flags, claims = "", [], []
    # an optional sixth item is the claim's statement, when copies should share one
    for i, (s, value, unit, sourcing, source, *statement) in enumerate(sentences):
        start = len(text)
        text += s + " "
        at_src = start + s.index(source) if source else 0
        src = Span(at_src, at_src + len(source), source) if source else None
        flags.append(SentenceFlag(start, start + len(s), s, sourcing, src,
                                  tier="query" if sourcing != "named_source" else None))  # fmt: skip
        at = s.index(str(value))
        fig = Figure(str(value), start + at, start + at + len(str(value)), float(value), unit)
        words = (statement and statement[0]) or " ".join(
            w.strip(".,").lower() for w in s.split() if not w[0].isdigit()
        )
        claims.append(Claim(i, start, start + len(s), words, [fig], ["ICCS"] if source else []))
    return Annotation(text=text.strip(), sentences=flags, spans=[], claims=claims)


def save_story_article(
    db, run_id: int, n: int, domain: str, day: int, sentences: list[tuple]
) -> int:
    url = f"http://{domain}/news/story-{n}.html"
    body = url.encode()
    fetched = Fetched(url, url, 200, "text/html", {}, "2025-02-26T07:00:00Z", body,
                      hashlib.sha256(body).hexdigest())  # fmt: skip
    ann = annotation_of(sentences)
    ext = Extracted(url, None, domain, None, f"Story {n}", [], f"2025-02-{day:02d}T08:00:00Z",
                    "en", ann.text, len(ann.text.split()), "newspaper")  # fmt: skip
    aid = store.save_article(db, ext, store.save_fetch(db, fetched, run_id), url, is_seed=n == 0)
    store.save_annotation(db, aid, ann, run_id)
    return aid


def test_copies_stored_once_give_every_article_the_all_pairs_trail(tmp_path):
    db = open_db(str(tmp_path / "copies.db"))
    run_id = store.start_run(db, "test", {})
    seed = save_story_article(db, run_id, 0, "wire.test", 10, WIRE)
    ids = [seed]
    for n in range(1, 9):  # eight outlets carry the wire text, some before the seed's page
        ids.append(save_story_article(db, run_id, n, f"outlet{n}.test", 5 + n, WIRE))
    for n in range(9, 12):  # three report their own, conflicting figure
        ids.append(save_story_article(db, run_id, n, f"own{n}.test", 12, OTHER))
    for other in ids[1:]:
        store.save_related(db, seed, other, "test", 0.5, True)
    rebuild_matches(db, [seed], match_claims, story_fn=match_story)
    grouped_rows = db["claim_matches"].count
    # each wire copy's two claims point at the seed's; two of the three own reports too
    assert db["claim_copies"].count == 8 * 2 + 2
    grouped = {a: trail(db, a) for a in ids}
    rebuild_matches(db, [seed], match_claims)
    db.conn.execute("DELETE FROM claim_copies")
    db.conn.commit()
    assert db["claim_matches"].count > grouped_rows
    assert {a: trail(db, a) for a in ids} == grouped
    # From the last copy: every other outlet that carried the figure, earliest first; the
    # three conflicting figures once each.
    item = grouped[ids[8]][0]
    carried = [m["url"] for m in item["matches"]] + [c["url"] for c in item["copies"]]
    assert len(carried) == 8  # the seed and the seven other copies
    dates = [m["published"] for m in item["matches"]]
    assert dates == sorted(dates)
    assert {c["theirs"] for c in item["conflicts"]} == {"685"} and len(item["conflicts"]) == 3
