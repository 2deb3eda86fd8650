"""The reader page in a real headless Chromium: the marks are in the DOM on the right
characters, no scraped script ran, and a screenshot is written for a human to look at."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from browser_env import CHROMIUM, CHROMIUM_FLAGS
from plugin_data import build_db, flag_with, parse_marks

from db.plugin.app import make_datasette
from db.plugin.palette import FRAMING, SOURCING, SOURCING_BY_LABEL

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        shutil.which(CHROMIUM) is None,
        reason="Debian chromium is not installed at /usr/bin/chromium (apt-get install -y chromium)",
    ),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """Datasette over uvicorn on 127.0.0.1, in a thread, for the whole module."""
    tmp = tmp_path_factory.mktemp("browser")
    path = tmp / "newsprov.db"
    build_db(path)
    port = _free_port()
    config = uvicorn.Config(
        make_datasette(path).app(), host="127.0.0.1", port=port, log_level="warning"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start within 15 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}", tmp
    server.should_exit = True
    thread.join(timeout=10)


def chromium(tmp: Path, *args: str) -> str:
    profile = tmp / f"profile-{time.monotonic_ns()}"
    cmd = [
        CHROMIUM,
        *CHROMIUM_FLAGS,
        f"--user-data-dir={profile}",
        # Give any injected script time to run before the DOM is read.
        "--virtual-time-budget=3000",
        *args,
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_browser_reader_dom_has_marks_and_no_script_ran(served):
    base, tmp = served
    dom = chromium(tmp, "--dump-dom", f"{base}/-/article/1")
    assert "<title>PWNED</title>" not in dom
    assert "Budget &lt;script&gt;" in dom  # the title, shown as text
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    marks = parse_marks(dom)
    assert marks.text[flag_with(marks, "Emotive word")] == "staggering"
    assert marks.text[flag_with(marks, "Overlap test")] == "budget is stagger"
    assert marks.text[flag_with(marks, "Crossing test")] == "staggering. It is"
    assert marks.text[flag_with(marks, "Scare marker")] == "so-called"
    # No element was made out of the scraped markup.
    assert not any(tag in ("script", "img", "svg") and "onerror" in a for tag, a in marks.tags)
    assert not any(tag == "b" for tag, _ in marks.tags)


@pytest.mark.parametrize(
    "path", ["/newsprov/articles", "/newsprov/sentences", "/newsprov/unsourced_assertions"]
)
def test_browser_datasette_pages_run_no_scraped_script(served, path):
    # These pages allow inline scripts (Datasette needs them): only escaping protects them.
    base, tmp = served
    dom = chromium(tmp, "--dump-dom", base + path)
    assert "<title>PWNED</title>" not in dom
    body_tag = dom.split("<body", 1)[1].split(">", 1)[0]
    assert "data-pwned" not in body_tag
    assert '<img src="x"' not in dom


def test_browser_dashboards_draw_charts_under_the_security_policy(served):
    # Vega needs 'unsafe-eval' on dashboard pages only; without it no chart is drawn.
    base, tmp = served
    dom = chromium(tmp, "--dump-dom", f"{base}/-/dashboards/newsprov-overview")
    assert dom.count('class="marks"') >= 3  # flags over time, sourcing mix, framing mix
    assert "<title>PWNED</title>" not in dom


def test_browser_reader_screenshot(served):
    base, tmp = served
    shot = tmp / "reader.png"
    chromium(tmp, f"--screenshot={shot}", "--window-size=1280,900", f"{base}/-/article/1")
    assert shot.exists() and shot.stat().st_size > 10_000
    print(f"reader screenshot: {shot}")


def _colours(png: Path) -> dict[str, int]:
    image = pytest.importorskip("PIL.Image").open(png).convert("RGB")
    counts: dict[str, int] = {}
    for n, (r, g, b) in image.getcolors(maxcolors=1 << 24):
        key = f"#{r:02X}{g:02X}{b:02X}"
        counts[key] = counts.get(key, 0) + n
    return counts


def test_browser_reader_legend_and_colour_cues(served):
    base, tmp = served
    dom = chromium(tmp, "--dump-dom", f"{base}/-/article/1")
    legend = dom[dom.index('class="np-legend"') : dom.index('id="np-text"')]
    for p in SOURCING:
        assert f'data-label="{p.label}"' in legend, p.label
        assert f'content: "{p.code}"' in dom  # the code in front of each sentence
    for f in FRAMING:
        assert f'data-label="{f.category}"' in legend, f.category
    shot = tmp / "reader-colours.png"
    chromium(tmp, f"--screenshot={shot}", "--window-size=1280,900", f"{base}/-/article/1")
    seen = _colours(shot)
    # Every sourcing tint is on screen (the legend shows all six; the text uses four).
    missing = [p.label for p in SOURCING if seen.get(p.tint, 0) < 50]
    assert not missing, missing
    # The code chips are drawn in the strong colours the dashboards use.
    for label in ("named_source", "anonymous_source"):
        assert seen.get(SOURCING_BY_LABEL[label].strong, 0) >= 20, label


def test_browser_dashboard_bars_use_the_reader_palette(served):
    base, tmp = served
    shot = tmp / "dashboard.png"
    chromium(
        tmp,
        f"--screenshot={shot}",
        "--window-size=1280,1400",
        f"{base}/-/dashboards/newsprov-overview",
    )
    seen = _colours(shot)
    # The fixture's outlets use these four labels: their bars carry the reader's colours.
    for label in ("named_source", "anonymous_source", "agentless", "weasel"):
        assert seen.get(SOURCING_BY_LABEL[label].strong, 0) >= 100, label
