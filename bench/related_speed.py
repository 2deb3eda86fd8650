"""Speed of fetching related coverage: is fetch_many as fast as politeness allows?

Serves PAGES pages across HOSTS local virtual hosts (`siteN.test`, routed to 127.0.0.1
with connect_to), each response delayed by LATENCY seconds, fetches them all with
`Fetcher.fetch_many`, and compares the wall time with the politeness lower bound:
the busiest host's requests (robots.txt included) x max(min_delay, latency), since one
host is fetched one request at a time, starts at least min_delay apart.

    .venv/bin/python bench/related_speed.py [--min-delay 1.0] [--latency 0.2] [--workers 8]

Target: ratio <= 1.3. Offline: nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from _site import start_site  # bench/ is on sys.path when this script runs

from scraper.fetch import FetchConfig, Fetcher


def run(pages: int, hosts: int, latency: float, min_delay: float, workers: int) -> float:
    server, log = start_site(latency)
    port = server.server_address[1]
    config = FetchConfig(
        min_delay=min_delay,
        allow_hosts=(f"127.0.0.1:{port}",),
        connect_to={"*.test": f"127.0.0.1:{port}"},
    )
    # Interleave hosts the way related coverage arrives: mixed, not grouped.
    urls = [f"http://site{i % hosts}.test/story/{i}" for i in range(pages)]
    start = time.monotonic()
    with Fetcher(config) as fetcher:
        results = list(fetcher.fetch_many(urls, max_workers=workers))
    wall = time.monotonic() - start
    server.shutdown()
    server.server_close()

    failed = [r for r in results if not r.ok]
    per_host = Counter(host for _, host in log)
    busiest = max(per_host.values())
    bound = busiest * max(min_delay, latency)
    # With fewer workers than hosts, the workers themselves bound the time too.
    bound = max(bound, len(log) * latency / workers)
    ratio = wall / bound
    # Stricter: the last request to the busiest host can start no earlier than
    # (n - 1) spacings in, and still takes one latency to answer.
    tight = max((busiest - 1) * max(min_delay, latency) + latency, len(log) * latency / workers)
    print(
        f"pages={pages} hosts={hosts} latency={latency:g}s min_delay={min_delay:g}s "
        f"workers={workers}: requests={len(log)} (busiest host {busiest}), "
        f"wall={wall:.2f}s, lower bound={bound:.2f}s, ratio={ratio:.2f} "
        f"(vs strict bound {tight:.2f}s: {wall / tight:.2f}), failed={len(failed)}"
    )
    for r in failed[:3]:
        print("  failed:", r.error)
    return ratio


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=40)
    ap.add_argument("--hosts", type=int, default=8)
    ap.add_argument("--latency", type=float, default=0.2)
    ap.add_argument("--min-delay", type=float, default=None, help="default: run 1.0 and 0.1")
    ap.add_argument("--workers", type=int, default=8)
    args = ap.parse_args()
    delays = [args.min_delay] if args.min_delay is not None else [1.0, 0.1]
    ratios = [run(args.pages, args.hosts, args.latency, d, args.workers) for d in delays]
    worst = max(ratios)
    print(f"worst ratio {worst:.2f} (target <= 1.3): {'OK' if worst <= 1.3 else 'SLOW'}")
    raise SystemExit(0 if worst <= 1.3 else 1)


if __name__ == "__main__":
    main()
