"""A small newsprov database with hostile scraped content, shared by the plugin tests and
the browser test. Plain inserts (not db.store) so spans can be deliberately odd:
overlapping, zero-length, crossing sentences, with an emoji before them."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from db.schema import open_db
from db.store import refresh_sourcing_counts

PWN_TITLE = "<script>document.title='PWNED'</script>"
PWN_IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
TEXT = (
    "😀 Officials said the " + PWN_TITLE + " budget is staggering. "
    "It is believed 685 <b>people</b> died. " + PWN_IMG + "\n\n"
    "Critics say the so-called plan failed. Minister Ana Ruiz said the plan worked."
)
TITLE = "Budget " + PWN_TITLE + PWN_IMG
HOSTILE_CATEGORY = 'x" onmouseover="alert(1)'


def at(text: str, phrase: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def build_db(path: Path) -> dict:
    """Write the fixture database; return the offsets each test expects."""
    db = open_db(str(path))
    now = "2026-11-28T00:00:00Z"
    conn = db.conn
    with conn:
        conn.execute(
            "INSERT INTO outlets VALUES (?, ?, ?)",
            ("nationpress.test", "<svg onload=alert(1)>Nation Press", "javascript:alert(2)"),
        )
        conn.execute("INSERT INTO outlets VALUES ('wire.test', 'Wire', 'http://wire.test/')")
        conn.execute(
            "INSERT INTO runs (run_id, command, started_at, tool_version) VALUES (1, 'test', ?, '0')",
            (now,),
        )
        art = (
            "INSERT INTO articles (article_id, url, outlet_id, title, authors, published, text,"
            " word_count, extractor, is_seed, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'newspaper', ?, ?, ?)"
        )
        conn.execute(
            art,
            (
                1,
                "javascript:alert(document.domain)//http://x",
                "nationpress.test",
                TITLE,
                json.dumps(["<b>Eve</b> Reporter", "Zoë 😀"]),
                "2026-11-20T10:00:00Z",
                TEXT,
                len(TEXT.split()),
                1,
                now,
                now,
            ),
        )
        other_text = "The ministry said 700 people died, according to Minister Ana Ruiz."
        conn.execute(
            art,
            (
                2,
                "https://wire.test/story?a=1&b=<x>",
                "wire.test",
                "Wire: 700 died",
                "[]",
                "2026-11-19T09:00:00Z",
                other_text,
                11,
                0,
                now,
                now,
            ),
        )
        conn.execute(
            art,
            (
                3,
                "http://copy.test/x",
                "wire.test",
                "Copy of wire",
                None,
                None,
                "Copy.",
                1,
                0,
                now,
                now,
            ),
        )

        s1 = (0, at(TEXT, "staggering.")[1])
        s2 = at(TEXT, "It is believed 685 <b>people</b> died.")
        s3 = at(TEXT, "Critics say the so-called plan failed.")
        s4 = at(TEXT, "Minister Ana Ruiz said the plan worked.")
        sent = (
            "INSERT INTO sentences (sentence_id, article_id, idx, start, end, text, sourcing,"
            " unsourced, source, cue, in_quote, reason, rule) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
        )
        rows = [
            (
                1,
                1,
                1,
                *s1,
                "anonymous_source",
                1,
                "Officials",
                "said",
                0,
                "Unnamed officials <i>said</i>",
                "sourcing.anon",
            ),
            (
                2,
                1,
                2,
                *s2,
                "agentless",
                1,
                None,
                "It is believed",
                0,
                "No agent",
                "sourcing.agentless",
            ),
            (3, 1, 3, *s3, "weasel", 1, "Critics", "say", 0, "Vague group", "sourcing.weasel"),
            (
                4,
                1,
                4,
                *s4,
                "named_source",
                0,
                "Minister Ana Ruiz",
                "said",
                0,
                "Named",
                "sourcing.named",
            ),
            (
                5,
                2,
                1,
                0,
                len(other_text),
                "named_source",
                0,
                "Minister Ana Ruiz",
                "said",
                0,
                "Named",
                "r",
            ),
        ]
        for r in rows:
            conn.execute(
                sent,
                (
                    r[0],
                    r[1],
                    r[2],
                    r[3],
                    r[4],
                    TEXT[r[3] : r[4]] if r[1] == 1 else other_text,
                    *r[5:],
                ),
            )

        stagger = at(TEXT, "staggering")
        overlap = at(TEXT, "budget is stagger")  # overlaps "staggering" partially
        crossing = at(TEXT, "staggering. It is")  # crosses the sentence boundary
        so_called = at(TEXT, "so-called")
        zero = (s3[0], s3[0])
        fr = (
            "INSERT INTO framing (framing_id, article_id, sentence_id, start, end, text, category,"
            " entry, reason, in_quote) VALUES (?,?,?,?,?,?,?,?,?,?)"
        )
        framing = [
            (1, 1, 1, *stagger, "loaded_language", "framing.loaded.staggering", "Emotive word", 0),
            (2, 1, 1, *overlap, "intensifier", None, "Overlap test <u>", 0),
            (3, 1, 1, *crossing, "presupposition", None, "Crossing test", 1),
            (4, 1, 3, *so_called, "doubt", "framing.doubt.so_called", "Scare marker", 0),
            (5, 1, 3, *zero, HOSTILE_CATEGORY, None, "Zero-length", 0),
        ]
        for f in framing:
            conn.execute(fr, (*f[:5], TEXT[f[3] : f[4]], *f[5:]))
        conn.execute(
            "INSERT INTO framing_density VALUES (1, 'loaded_language', 1, 0, 40.0),"
            " (1, 'intensifier', 1, 0, 40.0), (1, 'doubt', 1, 0, 40.0)"
        )
        conn.execute(
            "INSERT INTO related (article_id, other_article_id, method, score, same_story,"
            " syndicated_of, evidence, created_at) VALUES"
            " (1, 2, 'links', 0.82, 1, NULL, '{\"shared\": [\"<b>685</b>\"]}', ?),"
            " (3, 1, 'feed', 0.99, 1, 2, NULL, ?)",
            (now, now),
        )
        conn.execute(
            "INSERT INTO claims (claim_id, article_id, sentence_id, start, end, statement, figures)"
            " VALUES (1, 1, 2, ?, ?, 'believe 685 people die', ?),"
            " (2, 2, 5, 0, ?, 'ministry say 700 people die', '[]'),"
            " (3, 1, 3, ?, ?, 'critic say plan fail', '[]')",
            (
                *s2,
                json.dumps([{"text": "685", "value": 685, "unit": "people"}]),
                len(other_text),
                *s3,
            ),
        )
        conn.execute("UPDATE articles SET annotated_run_id = 1 WHERE article_id IN (1, 2)")
        # conflict as db/trace.py stores it: a list of {quantity, ours, theirs}.
        conn.execute(
            "INSERT INTO claim_matches (claim_id, other_claim_id, other_article_id, method, score,"
            " shared_figures, conflict) VALUES (1, 2, 2, 'paraphrase', 0.7, '[]', ?)",
            (json.dumps([{"quantity": "deaths <i>", "ours": "685", "theirs": "700"}]),),
        )
        # An edit seen by `newsprov recheck` (db/versions.py): article 2 lost an attribution.
        before = "Minister Ana Ruiz said <b>650</b> people died. The army confirmed it, a spokesman said."
        conn.execute(
            "INSERT INTO article_versions (article_id, version, fetch_id, seen_at, text_sha256,"
            " title, text, sentences) VALUES (2, 1, NULL, ?, 'a', 'Other', ?, '[]'),"
            " (2, 2, NULL, ?, 'b', 'Other', ?, '[]')",
            (now, before, "2026-11-29T00:00:00Z", other_text),
        )
        conn.execute(
            "INSERT INTO version_changes (article_id, to_version, position, kind, old_idx,"
            " new_idx, old_text, new_text, sourcing_before, sourcing_after, telling) VALUES"
            " (2, 2, 1, 'changed', 1, 1, ?, ?, 'named_source', 'named_source', 'figure_changed'),"
            " (2, 2, 2, 'removed', 2, NULL, 'The army confirmed it, a spokesman said.', NULL,"
            "  'anonymous_source', NULL, 'source_removed')",
            (before.split(" The army")[0], other_text),
        )
    # Sentences were inserted directly: count them as store.save_annotation would.
    refresh_sourcing_counts(db)
    db.conn.close()
    return {
        "f-1": TEXT[s1[0] : s1[1]],
        "stagger": TEXT[stagger[0] : stagger[1]],
        "overlap": TEXT[overlap[0] : overlap[1]],
        "crossing": TEXT[crossing[0] : crossing[1]],
        "so_called": "so-called",
    }


class MarkText(HTMLParser):
    """Collects, per flag (data-flag), the text inside it across all its pieces, plus the
    classes and attributes of each piece."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str | None] = []
        self.text: dict[str, str] = {}
        self.pieces: dict[str, list[dict]] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        flag = a.get("data-flag")
        if tag in ("img", "br", "meta", "link", "input"):
            return
        self.stack.append(flag)
        if flag:
            self.text.setdefault(flag, "")
            self.pieces.setdefault(flag, []).append(a)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("img", "br", "meta", "link", "input"):
            return
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for flag in set(f for f in self.stack if f):
            self.text[flag] += data


def article_body(html: str) -> str:
    """Just the highlighted text of a reader page (the page around it has void tags)."""
    start = html.index('id="np-text"')
    start = html.index(">", start) + 1
    return html[start : html.index("</article>", start)]


def parse_marks(html: str) -> MarkText:
    p = MarkText()
    p.feed(article_body(html))
    return p


def flag_with(marks: MarkText, tip_part: str) -> str:
    """The flag id whose tooltip contains `tip_part`, so tests need not assume numbering."""
    found = [f for f, pieces in marks.pieces.items() if tip_part in pieces[0].get("title", "")]
    assert len(found) == 1, (tip_part, found)
    return found[0]
