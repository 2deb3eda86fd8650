"""End to end through the `newsprov` command line: real local HTTP, real SQLite, real
Datasette. The sample web (newsprov/sample) is served by the test server under its own
`*.test` host names."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsprov.cli import main
from newsprov.demo import manifest

PAGES = {p["role"]: p["url"] for p in manifest()}
SEED = PAGES["seed"]
TABLES = ("fetches", "outlets", "articles", "links", "related", "sentences", "framing", "claims")


def counts(db_path) -> dict[str, int]:
    conn = sqlite3.connect(db_path)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # noqa: S608
    finally:
        conn.close()


def net_args(site) -> list[str]:
    return [
        "--allow-host",
        site.allow,
        "--connect-to",
        f"*.test=127.0.0.1:{site.port}",
        "--delay",
        "0.02",
    ]


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def scraped(tmp_path_factory, site):
    """The seed story scraped once with its related coverage (shared by several tests)."""
    db_path = str(tmp_path_factory.mktemp("e2e") / "desk.db")
    others = [u for role, u in PAGES.items() if role != "seed"]
    args = ["scrape", SEED, "--db", db_path, "--json", "--no-gdelt", *net_args(site)]
    for u in others:
        args += ["--related-url", u]
    result = run(*args)
    return db_path, result, args


def test_scrape_stores_seed_with_related_coverage(scraped):
    db_path, result, _ = scraped
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip().splitlines()[-1])
    assert line["status"] == "ok" and line["error"] is None and line["url"] == SEED
    conn = sqlite3.connect(db_path)
    conn.row_factory = sqlite3.Row
    art = conn.execute(
        "SELECT * FROM articles WHERE article_id = ?", (line["article_id"],)
    ).fetchone()
    assert art["outlet_id"] == "nationpress.test"
    assert "Pakistan's Continued Concealment" in art["title"]
    assert "Internal documents reveal" in art["text"]
    assert "Click to start listening" not in art["text"]
    assert art["is_seed"] == 1
    # The command closed its database: no write-ahead log is left pending, so the .db
    # file alone (copied, mailed, opened by another tool) holds every row.
    wal = Path(db_path + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    # Sentences are stored with offsets that cut the article text exactly.
    bad = conn.execute(
        "SELECT count(*) FROM sentences s JOIN articles a USING (article_id) "
        "WHERE substr(a.text, s.start + 1, s.end - s.start) != s.text"
    ).fetchone()[0]
    assert bad == 0
    internal = conn.execute(
        "SELECT sourcing, unsourced FROM sentences WHERE article_id = ? AND text LIKE 'Internal documents reveal%'",
        (art["article_id"],),
    ).fetchone()
    assert internal["sourcing"] == "vague_document" and internal["unsourced"] == 1
    phrases = {
        r[0].lower()
        for r in conn.execute("SELECT text FROM framing WHERE article_id = ?", (art["article_id"],))
    }
    assert "staggering" in phrases
    # The related pages were fetched, stored as articles of their own outlets and paired.
    outlets = {
        r[0]
        for r in conn.execute(
            "SELECT b.outlet_id FROM related r JOIN articles b ON b.article_id = r.other_article_id WHERE r.article_id = ?",
            (art["article_id"],),
        )
    }
    assert {
        "iccs.test",
        "frontierherald.test",
        "dailymeridian.test",
        "coastaltimes.test",
    } <= outlets
    assert (
        conn.execute(
            "SELECT count(*) FROM links WHERE article_id = ?", (art["article_id"],)
        ).fetchone()[0]
        > 0
    )
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_scrape_again_adds_no_rows(scraped):
    db_path, _, args = scraped
    before = counts(db_path)
    again = run(*args)
    assert again.exit_code == 0, again.output
    assert counts(db_path) == before


def test_export_csv_is_excel_safe_and_has_seed_flags(scraped, tmp_path):
    db_path, _, _ = scraped
    out = tmp_path / "flags.csv"
    result = run("export", "--csv", str(out), "--db", db_path)
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    seed_rows = [r for r in rows if r["article_url"] == SEED]
    assert any(r["flag_type"] == "unsourced" and r["label"] == "vague_document" for r in seed_rows)
    assert any(
        r["flag_type"] == "framing" and r["cue_or_phrase"].lower() == "staggering"
        for r in seed_rows
    )
    assert all(r[c][:1] not in "=+-@" for r in rows for c in r if r[c])


async def test_datasette_reader_page_shows_highlighted_seed(scraped):
    from db.plugin.app import make_datasette

    db_path, result, _ = scraped
    article_id = json.loads(result.stdout.strip().splitlines()[-1])["article_id"]
    ds = make_datasette(db_path)
    page = await ds.client.get(f"/-/article/{article_id}")
    assert page.status_code == 200
    html = page.text
    assert "Concealment of Soldier Casualties" in html
    assert "<mark" in html and "staggering" in html


def test_refused_without_allow_host_and_db_unchanged(site, tmp_path):
    db_path = str(tmp_path / "x.db")
    result = run("scrape", site.url("/article.html"), "--db", db_path, "--no-related")
    assert result.exit_code == 1
    err = result.stderr.strip().splitlines()
    assert len(err) == 1 and "--allow-host" in err[0] and "127.0.0.1" in err[0]
    assert counts(db_path)["articles"] == 0


@pytest.mark.parametrize(
    "target", ["http://127.0.0.1/", "http://169.254.169.254/latest/meta-data/"]
)
def test_redirect_to_internal_address_refused(site, tmp_path, target):
    db_path = str(tmp_path / "x.db")
    url = f"http://nationpress.test/_redirect?to={target}"
    result = run("scrape", url, "--db", db_path, "--no-related", *net_args(site))
    assert result.exit_code == 1
    assert target.split("/")[2] in result.stderr


def test_batch_carries_on_past_bad_inputs(site, tmp_path):
    db_path = str(tmp_path / "batch.db")
    bad = {
        "404": "http://nationpress.test/_status/404",
        "500": "http://nationpress.test/_status/500",
        "pdf": site.url("/doc.pdf"),
        "huge": "http://nationpress.test/_huge?mb=12",
        "file": "file:///etc/passwd",
        "creds": "http://user:s3cr3t@nationpress.test/",
    }
    good = SEED
    result = run(
        "scrape", *bad.values(), good, "--db", db_path, "--json", "--no-related", *net_args(site)
    )
    assert result.exit_code == 1
    lines = [json.loads(x) for x in result.stdout.strip().splitlines()]
    by_url = {x["url"]: x for x in lines}
    # The password is never echoed or stored.
    bad["creds"] = "http://***@nationpress.test/"
    assert "s3cr3t" not in result.output
    conn = sqlite3.connect(db_path)
    stored = " ".join(str(r) for r in conn.execute("SELECT url, final_url, error FROM fetches"))
    stored += " ".join(str(r) for r in conn.execute("SELECT options, summary FROM runs"))
    assert "s3cr3t" not in stored
    assert by_url[good]["status"] == "ok"
    for name, url in bad.items():
        assert by_url[url]["status"] == "error", name
        msg = by_url[url]["error"]
        assert msg and "\n" not in msg, name
    assert "pdf" in by_url[bad["pdf"]]["error"].lower()
    assert "6 of 7 inputs failed" in result.stderr
    c = counts(db_path)
    assert c["articles"] == 1 and c["sentences"] > 0


def test_import_saved_page_then_reannotate_replaces(tmp_path):
    from importlib import resources

    page = resources.files("newsprov.sample").joinpath(SEED.removeprefix("http://"))
    saved = tmp_path / "saved.html"
    saved.write_bytes(page.read_bytes())
    db_path = str(tmp_path / "imp.db")
    first = run("import", str(saved), "--url", SEED, "--db", db_path)
    assert first.exit_code == 0, first.output
    before = counts(db_path)
    again = run("annotate", "--all", "--db", db_path)
    assert again.exit_code == 0 and "annotated 1 article" in again.output
    assert counts(db_path) == before
    assert run("import", str(saved), "--url", SEED, "--db", db_path).exit_code == 0
    assert counts(db_path) == before


def test_annotate_unknown_id_is_one_line_error(scraped):
    result = run("annotate", "99", "--db", scraped[0])
    assert result.exit_code == 1
    assert "no article with id 99" in result.stderr


def test_annotate_text_json_offsets_index_the_file(tmp_path):
    text = "😀 Officials said on Monday the bridge would reopen.\r\nInternal documents reveal a staggering 40% rise in costs.\n"
    f = tmp_path / "story.txt"
    f.write_bytes(text.encode("utf-8"))
    result = run("annotate-text", str(f), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"sentences", "spans"}
    for s in data["sentences"]:
        assert text[s["start"] : s["end"]] == s["text"]
        assert set(s) == {
            "start",
            "end",
            "text",
            "sourcing",
            "unsourced",
            "source",
            "cue",
            "in_quote",
            "reason",
            "tier",
            "attributions",
        }
        for a in s["attributions"]:  # every attribution the sentence states, main first
            for part in ("source", "cue"):
                if a[part] is not None:
                    assert text[a[part]["start"] : a[part]["end"]] == a[part]["text"]
        # every unsourced sentence has a tier (DESIGN.md "Labels"); other sentences none
        assert s["tier"] in (("query", "routine") if s["unsourced"] else (None,))
    for sp in data["spans"]:
        assert text[sp["start"] : sp["end"]] == sp["text"] and sp["kind"] == "framing"

    said = [s for s in data["sentences"] if "Officials said" in s["text"]][0]
    assert said["attributions"][0]["source"]["text"].endswith("Officials")
    assert said["attributions"][0]["cue"]["text"] == "said"
    flagged = [s for s in data["sentences"] if s["text"].startswith("Internal documents")]
    assert flagged and flagged[0]["sourcing"] == "vague_document" and flagged[0]["unsourced"]
    assert any(sp["text"].lower() == "staggering" for sp in data["spans"])


def test_annotate_text_rejects_non_utf8(tmp_path):
    f = tmp_path / "latin.txt"
    f.write_bytes("Caf\xe9 owners said prices rose.".encode("latin-1"))
    result = run("annotate-text", str(f))
    assert result.exit_code == 1 and "not UTF-8" in result.stderr


def test_demo_builds_the_sample_database_offline(tmp_path):
    db_path = str(tmp_path / "demo.db")
    result = run("demo", "--db", db_path, "--no-serve", "-q")
    assert result.exit_code == 0, result.output + result.stderr
    c = counts(db_path)
    assert c["articles"] == len(PAGES)
    assert c["related"] >= len(PAGES) - 1
    assert run("demo", "--db", db_path, "--no-serve", "-q").exit_code == 0
    assert counts(db_path) == c


def test_version_and_help_examples():
    assert "newsprov" in run("--version").output
    for cmd in ("scrape", "import", "annotate", "annotate-text", "serve", "export", "demo"):
        assert "Example" in run(cmd, "--help").output, cmd


def test_read_commands_refuse_a_missing_database_without_creating_it(tmp_path):
    typo = tmp_path / "typo.db"
    for args in (["trace", "1"], ["related", "1"], ["export", "--csv", str(tmp_path / "o.csv")],
                 ["annotate", "--all"], ["open", "1"]):  # fmt: skip
        result = run(*args, "--db", str(typo))
        assert result.exit_code == 1, args
        assert result.stderr.count("\n") == 1 and "no database at" in result.stderr, args
    assert not typo.exists()


def test_another_applications_database_is_left_untouched(tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    result = run("export", "--csv", str(tmp_path / "o.csv"), "--db", str(other))
    assert result.exit_code == 1 and "another application" in result.stderr
    assert other.read_bytes() == before and not (tmp_path / "other.db-wal").exists()


def test_usage_mistakes_are_one_line(scraped, tmp_path):
    db_path = scraped[0]
    for args in (
        ["export", "--csv", str(tmp_path / "o.csv"), "--since", "2025-02-27garbage"],
        ["export", "--csv", str(tmp_path / "o.csv"), "--flags", "bogus"],
        ["annotate", "--all", "--processes", "0"],
        ["serve", "--port", "99999"],
        ["scrape", "http://x.test/", "--delay", "-5"],
        ["export", "--csv", str(tmp_path / "missing" / "o.csv")],
    ):
        result = run(*args, "--db", db_path)
        assert result.exit_code in (1, 2), args
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, (
            args,
            result.stderr,
        )
    assert not list(tmp_path.glob("*.part")) and not list(tmp_path.glob(".*.part"))


def test_export_writes_through_a_symlink_and_to_stdout(scraped, tmp_path):
    db_path = scraped[0]
    target = tmp_path / "real.csv"
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert run("export", "--csv", str(link), "--db", db_path).exit_code == 0
    assert link.is_symlink() and target.read_bytes().startswith(b"\xef\xbb\xbf")
    out = run("export", "--csv", "-", "--db", db_path, "--flags", "framing")
    assert out.exit_code == 0 and out.stdout_bytes.startswith(b"\xef\xbb\xbf")
    assert b",unsourced," not in out.stdout_bytes


def test_broken_user_lexicon_is_a_one_line_error(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("Officials said the bridge would reopen on Monday.\n", encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text("[[entry]]\nid = 'x'\ncategory = \n", encoding="utf-8")
    result = run("annotate-text", str(story), "--lexicon", str(bad))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "bad.toml" in result.stderr


def test_reimport_without_related_keeps_the_trail_tables_unchanged(scraped, tmp_path):
    """Re-annotating an article replaces its claims; the story's matches are rebuilt."""
    import shutil
    from importlib import resources

    db_path = str(tmp_path / "copy.db")
    shutil.copy(scraped[0], db_path)
    conn = sqlite3.connect(db_path)
    before = conn.execute("SELECT count(*) FROM claim_matches").fetchone()[0]
    conn.close()
    assert before > 0
    page = resources.files("newsprov.sample").joinpath(SEED.removeprefix("http://"))
    saved = tmp_path / "saved.html"
    saved.write_bytes(page.read_bytes())
    assert run("import", str(saved), "--url", SEED, "--db", db_path).exit_code == 0
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM claim_matches").fetchone()[0] == before


async def test_canned_conflicts_list_each_disagreement_once(scraped):

    from db.plugin.app import make_datasette

    db_path = scraped[0]
    ds = make_datasette(db_path)
    name = Path(db_path).stem
    got = await ds.client.get(f"/{name}/conflicting_figures.json?_shape=array")
    assert got.status_code == 200, got.text
    rows = got.json()
    pairs = [
        (
            r["quantity"],
            *sorted([(r["outlet"], r["figure_here"]), (r["other_outlet"], r["figure_there"])]),
        )
        for r in rows
    ]
    assert len(pairs) == len(set(pairs))
    assert any({r["figure_here"], r["figure_there"]} == {"685", "702"} for r in rows)
    orphans = await ds.client.get(f"/{name}/claims_without_named_origin.json?_shape=array")
    assert orphans.status_code == 200
    # The 685 figure has a named origin elsewhere (the think tank), so it is not an orphan.
    assert not any("685" in r["sentence"] and r["article_id"] == 1 for r in orphans.json())
