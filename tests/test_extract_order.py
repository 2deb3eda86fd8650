"""Round 20 (evidence integrity): the same saved bytes give the same article text on every run.

newspaper4k gathered its candidate nodes in sets of lxml elements, which iterate in memory
order, so a page whose candidates tie could lose or keep its lead paragraphs from one run to
the next (scraper/newspaper_order.py). The page here is written for the test: eight article
blocks whose order in a set would almost never be the page's order.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lxml import html as lxml_html

from scraper.extract import extract_article

PLACES = ["Corran", "Ardley", "Wendle", "Teswick", "Greyholm", "Sealwater", "Quenby", "Orvan"]


def _page() -> str:
    blocks = "".join(
        f'<div class="article-body"><p>The depot at {p} closed on Tuesday, and the council'
        f" said that it would not open again until the spring because of the cost of the"
        f" repairs to its roof and to the road that leads to it.</p></div>"
        for p in PLACES
    )
    return (
        f"<html><head><title>Depots close</title></head><body><main>{blocks}</main></body></html>"
    )


def test_newspapers_candidates_come_in_page_order() -> None:
    extract_article(_page().encode(), "https://example.org/depots")  # applies the wrapper
    from newspaper import Config
    from newspaper.extractors.articlebody_extractor import ArticleBodyExtractor

    doc = lxml_html.fromstring(_page())
    order = {el: i for i, el in enumerate(doc.iter())}
    finder = ArticleBodyExtractor(Config())
    nodes = finder.nodes_to_check(doc)
    assert [order[n] for n in nodes] == sorted(order[n] for n in nodes)
    finder.parse(doc)  # scores the nodes as an extraction does
    parents = finder.compute_gravity_scores([n for n in nodes if n.tag == "p"])
    assert [order[n] for n in parents] == sorted(order[n] for n in parents)


def test_the_same_bytes_give_the_same_text_in_separate_runs(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(_page(), encoding="utf-8")
    code = (
        "import sys; from scraper.extract import extract_article;"
        " a = extract_article(open(sys.argv[1], 'rb').read(), 'https://example.org/depots');"
        " print(a.text)"
    )
    root = Path(__file__).resolve().parent.parent
    texts = {
        subprocess.run(
            [sys.executable, "-c", code, str(page)],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
        ).stdout
        for _ in range(3)
    }
    assert len(texts) == 1
    assert "Corran" in texts.pop()


def test_bench_extract_repeat_reports_unstable_pages(tmp_path: Path) -> None:
    import gzip

    root = Path(__file__).resolve().parent.parent
    script = [sys.executable, str(root / "bench" / "extract_repeat.py")]
    env = {k: v for k, v in __import__("os").environ.items() if k != "NEWSPROV_PAGES"}
    skipped = subprocess.run(script, capture_output=True, text=True, check=True, env=env)
    assert skipped.stdout.startswith("extract_repeat: no page folders given")
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "depots.html.gz").write_bytes(gzip.compress(_page().encode()))
    ran = subprocess.run(
        [*script, "--runs", "2", str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert "1 pages, 2 runs each: 0 gave different text" in ran.stdout
