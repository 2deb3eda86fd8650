"""Speed of the desk (issue 13), two figures, each against a baseline in the same run:

1. Pasted copy: the time from POSTing 1,000 words of copy to `/-/check.json` until the
   reader page has come back (a real Datasette over uvicorn, real HTTP on 127.0.0.1,
   median of --runs), against the bare annotator on the same texts (the floor: annotation
   has to happen). Each run pastes a different text, so nothing is cached.
2. Recheck: `Rechecker` on --articles stored, unchanged articles (answered 304 to the
   stored ETag) spread over --hosts local virtual hosts, against the politeness lower
   bound: (the busiest host's requests, robots.txt included, - 1) x max(--delay,
   latency) + latency, since one host is fetched one request at a time, starts at least
   --delay apart.

    .venv/bin/python bench/desk_speed.py [--runs 10] [--articles 100] [--hosts 4] [--delay 0.25]

Offline: nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import json
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _site import UNCHANGED, start_site  # noqa: E402 - bench/ is on sys.path

TOKEN = "bench-token-0123456789abcdef"

# Our own sentences (none from a labelled set): a mix of sourced, unsourced and plain.
SENTENCES = [
    "The regional council approved a budget of {n} million dollars for road repairs on {d}.",
    "Officials familiar with the plan said the work would take {k} months.",
    "Mayor Lena Ortiz told reporters that the first crews would start in the north district.",
    "Critics say the timetable is unrealistic and the costs will rise.",
    "It is understood that {k} contractors have already been approached.",
    "Internal documents show the estimate was revised {k} times last year.",
    "The council's transport committee will meet again in {m}.",
    "Residents have complained for years about potholes on the ring road.",
    "A spokesperson for the contractors' association declined to comment.",
    "Traffic on the ring road rose by {k} percent over the past decade, the council said.",
    "Several shop owners fear the closures will cost them customers during the works.",
    "The state audit office warned in its annual report that repair costs had doubled.",
]
MONTHS = "January February March April May June July August September October".split()


def copy_of(words: int, seed: int) -> str:
    rnd = random.Random(seed)
    out: list[str] = []
    count = 0
    while count < words:
        s = rnd.choice(SENTENCES).format(
            n=rnd.randint(2, 900), k=rnd.randint(2, 40), m=rnd.choice(MONTHS), d=rnd.choice(MONTHS)
        )
        out.append(s)
        count += len(s.split())
    paras = [" ".join(out[i : i + 4]) for i in range(0, len(out), 4)]
    return "\n\n".join(paras)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_datasette(db_path: str) -> tuple[str, object, object]:
    import uvicorn

    from db.plugin.app import make_datasette
    from db.plugin.check import attach
    from newsprov.desk import Desk, DeskOptions

    ds = make_datasette(db_path)
    desk = Desk(db_path, DeskOptions(related=False, gdelt=False))
    attach(ds, desk, TOKEN)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(ds.app(), host="127.0.0.1", port=port, log_level="warning")
    )
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server, desk


def post_and_read(base: str, text: str, title: str) -> float:
    started = time.perf_counter()
    body = json.dumps({"text": text, "title": title}).encode()
    req = urllib.request.Request(
        base + "/-/check.json",
        data=body,
        headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=120) as r:
        reply = json.loads(r.read())
    with urllib.request.urlopen(base + reply["reader_url"], timeout=120) as r:
        page = r.read()
    elapsed = time.perf_counter() - started
    assert b"pasted copy, not fetched" in page
    return elapsed


def bench_paste(runs: int, words: int) -> None:
    from annotate.annotator import Annotator
    from db.schema import open_db

    annotator = Annotator()
    annotator.annotate(copy_of(words, 10_001))  # loads the model
    texts = [copy_of(words, i) for i in range(runs)]
    times, base_times = [], []
    with tempfile.TemporaryDirectory() as tmp:
        db_path = str(Path(tmp) / "bench.db")
        open_db(db_path).close()
        base, server, desk = serve_datasette(db_path)
        post_and_read(base, copy_of(words, 10_000), "warm-up")  # the server loads its model
        # Interleaved, so load from other processes on the machine hits both alike.
        for i, t in enumerate(texts):
            started = time.perf_counter()
            annotator.annotate(t)
            base_times.append(time.perf_counter() - started)
            times.append(post_and_read(base, t, f"Bench {i}"))
        server.should_exit = True
        desk.stop()
    med, floor = statistics.median(times), statistics.median(base_times)
    n_words = statistics.median(len(t.split()) for t in texts)
    print(
        f"pasted copy ({n_words:.0f} words), POST /-/check.json to reader page received: "
        f"median {med * 1000:.0f} ms over {runs} runs (min {min(times) * 1000:.0f}, "
        f"max {max(times) * 1000:.0f}); bare annotator on the same texts: median "
        f"{floor * 1000:.0f} ms; ratio {med / floor:.2f}"
    )


def stored_articles(db, urls: list[str]) -> list[int]:
    """Articles as a first fetch left them: a fetch row with its ETag, the article text."""
    import hashlib

    from db import store
    from scraper.models import Extracted, Fetched

    ids = []
    for url in urls:
        host, path = url.split("/", 3)[2], "/" + url.split("/", 3)[3]
        body = UNCHANGED
        fetched = Fetched(
            url=url,
            final_url=url,
            status=200,
            content_type="text/html",
            headers={"etag": f'"{host}{path}"', "content-type": "text/html"},
            fetched_at=store.utcnow(),
            body=body,
            sha256=hashlib.sha256(body).hexdigest(),
        )
        fetch_id = store.save_fetch(db, fetched, None)
        text = f"The council met on Tuesday at {url}."
        extracted = Extracted(
            url=url,
            canonical_url=None,
            outlet_domain=host,
            outlet_name=None,
            title=url,
            authors=[],
            published=None,
            language="en",
            text=text,
            word_count=len(text.split()),
            extractor="trafilatura",
        )
        ids.append(store.save_article(db, extracted, fetch_id, url, is_seed=True))
    return ids


def bench_recheck(articles: int, hosts: int, delay: float, latency: float) -> None:
    from db.schema import open_db
    from newsprov.pipeline import Pipeline
    from newsprov.recheck import Rechecker
    from scraper.fetch import FetchConfig, Fetcher

    server, log = start_site(latency, conditional=True)
    port = server.server_address[1]
    urls = [f"http://site{i % hosts}.test/news/{i}.html" for i in range(articles)]
    with tempfile.TemporaryDirectory() as tmp:
        db = open_db(str(Path(tmp) / "bench.db"))
        ids = stored_articles(db, urls)
        config = FetchConfig(
            allow_hosts=(f"127.0.0.1:{port}",),
            connect_to={"*.test": f"127.0.0.1:{port}"},
            min_delay=delay,
        )
        before = {t: db[t].count for t in ("fetches", "article_versions", "runs")}
        with Fetcher(config) as fetcher:
            started = time.monotonic()
            results = Rechecker(Pipeline(db, fetcher)).recheck(ids)
            elapsed = time.monotonic() - started
        after = {t: db[t].count for t in ("fetches", "article_versions", "runs")}
        db.close()
    server.shutdown()
    assert all(r.result == "not_modified" and not r.changed for r in results), results[:3]
    assert before == after, (before, after)  # 304s store nothing new
    busiest = max(Counter(h for _, h in log).values())
    # Request starts on one host are at least `delay` apart; the last one still takes its
    # latency to answer.
    bound = (busiest - 1) * max(delay, latency) + latency
    print(
        f"recheck of {articles} unchanged articles on {hosts} hosts (delay {delay:g} s, "
        f"latency {latency * 1000:.0f} ms): {elapsed:.2f} s; politeness lower bound "
        f"{bound:.2f} s ({busiest} requests on the busiest host, robots.txt included); "
        f"ratio {elapsed / bound:.2f}; all 304, nothing stored"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--hosts", type=int, default=4)
    ap.add_argument("--delay", type=float, default=0.25)
    ap.add_argument("--latency", type=float, default=0.02)
    args = ap.parse_args()
    bench_recheck(args.articles, args.hosts, args.delay, args.latency)
    bench_paste(args.runs, args.words)


if __name__ == "__main__":
    main()
