"""Page latency of ``kg serve`` on a generated dataset with hubs: one client, one request at
a time, so the figures are the cost of one page, not of a queue.

Writes ``--articles`` synthetic articles with ``bench/bench_build.py``'s generator (every
article names one of its four alliances, so each is a hub named in about a quarter of
the articles; ``Ministry N`` is named in one article of 31), builds them with
``kg build`` (4,500 articles make about a million triples), serves the dataset and times:

- ``hub``: the page of the organization named in the most articles, as HTML, Turtle and
  JSON-LD, and the next page of its first long list (the page's first ``rel="next"``
  link, where the server pages long lists);
- ``mid``: an organization named in about 1/31 of the articles;
- ``event``: an ordinary event page (one deployment);
- ``publisher``: the publisher of every article (its name is stated in every graph);
- ``404``: an IRI under the base that the dataset does not know.

Each request is sent ``--repeat`` times after one warm-up; prints the median, min and max
in ms and the size of the answer.

    python bench/bench_pages.py --articles 4500 --dataset /tmp/kg-1m   # built once, then reused
"""

from __future__ import annotations

import argparse
import html
import http.client
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from bench_build import write_corpus
from bench_load import start_server

BASE = "https://example.org/kg/"
HUBS = """PREFIX kgo: <https://example.org/kg/ontology#>
SELECT ?e (COUNT(*) AS ?n) WHERE { ?e a kgo:Organization ; kgo:mentionedIn ?article }
GROUP BY ?e ORDER BY DESC(?n)"""
PUBLISHER = """PREFIX schema: <https://schema.org/>
SELECT ?p WHERE { ?a schema:publisher ?p } LIMIT 1"""
NEXT = re.compile(r'<a href="([^"]+)" rel="next">')
EVENT = """PREFIX kgo: <https://example.org/kg/ontology#>
SELECT ?d WHERE { ?d a kgo:Deployment } LIMIT 1"""


def build(dataset: Path, articles: int) -> None:
    """Generate ``articles`` facts files and ``kg build`` them into ``dataset``."""
    with tempfile.TemporaryDirectory(prefix="kg-pages-") as tmp:
        facts = Path(tmp) / "facts"
        started = time.perf_counter()
        write_corpus(facts, articles)
        print(f"wrote {articles} articles in {time.perf_counter() - started:.0f} s", flush=True)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "kg", "build", str(facts), "--out", str(dataset)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    manifest = json.loads((dataset / "manifest.json").read_text())
    print(
        f"built {manifest['triples']} triples in {time.perf_counter() - started:.0f} s",
        flush=True,
    )


def select(url: str, query: str) -> list[dict[str, str]]:
    """The rows of a SELECT (values only)."""
    answer = httpx.get(url + "sparql", params={"query": query}, timeout=600)
    answer.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in answer.json()["results"]["bindings"]]


def time_get(url: str, accept: str, repeat: int) -> tuple[int, int, list[float]]:
    """Status, bytes and the seconds of ``repeat`` requests (after one warm-up).

    Each request opens its own connection: on a kept-alive one, kg serve's listening
    socket (bound before uvicorn starts) leaves Nagle's algorithm on, and every request
    after the first waits about 40 ms for the client's delayed ACK, whatever the page.
    """
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")

    def get() -> tuple[int, bytes]:
        connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=600)
        try:
            connection.request("GET", target, headers={"Accept": accept})
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()

    status, body = get()
    seconds = []
    for _ in range(repeat):
        started = time.perf_counter()
        get()
        seconds.append(time.perf_counter() - started)
    return status, len(body), seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=4500, help="articles to generate")
    parser.add_argument(
        "--dataset", type=Path, help="dataset directory: built there if it has no store, reused"
    )
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per target")
    parser.add_argument("--timeout", type=float, default=120, help="kg serve --timeout")
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument(
        "--answer-cache-mb",
        type=int,
        default=0,
        help="kg serve --answer-cache-mb (default 0: every request runs its queries)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-pages-") as folder:
        dataset = args.dataset or Path(folder) / "kg"
        if not (dataset / "store").is_dir():
            build(dataset, args.articles)
        triples = json.loads((dataset / "manifest.json").read_text())["triples"]
        process, url = start_server(dataset, args)
        try:
            hubs = select(url, HUBS)
            hub, mid = hubs[0], next(h for h in hubs if "ministry" in h["e"])
            event = select(url, EVENT)[0]["d"]
            publisher = select(url, PUBLISHER)[0]["p"]
            print(f"dataset: {dataset} ({triples} triples)")
            print(f"hub: {hub['e']} (named in {hub['n']} articles)")
            print(f"mid: {mid['e']} (named in {mid['n']} articles)")
            print(f"event: {event}")
            path = {
                "hub": hub["e"][len(BASE) :],
                "mid": mid["e"][len(BASE) :],
                "event": event[len(BASE) :],
                "publisher": publisher[len(BASE) :],
            }
            hub_page = httpx.get(url + path["hub"], headers={"Accept": "text/html"}, timeout=600)
            found = NEXT.search(hub_page.text)
            # Before pages were paged: the same page again, for comparison.
            second = html.unescape(found.group(1))[1:] if found else path["hub"]
            print(f"hub next page: /{second}")
            targets = [
                ("hub html", path["hub"], "text/html"),
                ("hub html next", second, "text/html"),
                ("hub turtle", path["hub"], "text/turtle"),
                ("hub jsonld", path["hub"], "application/ld+json"),
                ("mid html", path["mid"], "text/html"),
                ("mid turtle", path["mid"], "text/turtle"),
                ("event html", path["event"], "text/html"),
                ("event turtle", path["event"], "text/turtle"),
                ("publisher html", path["publisher"], "text/html"),
                ("publisher turtle", path["publisher"], "text/turtle"),
                ("404 html", "id/organization/no-such-thing", "text/html"),
            ]
            figures: dict[str, dict[str, float]] = {}
            print(
                f"{'target':<18}{'status':>7}{'KB':>9}{'median ms':>11}{'min ms':>9}{'max ms':>9}"
            )
            for name, target, accept in targets:
                status, size, seconds = time_get(url + target, accept, args.repeat)
                ms = [s * 1000 for s in seconds]
                figures[name] = {
                    "status": status,
                    "kb": round(size / 1024, 1),
                    "median_ms": round(statistics.median(ms), 1),
                    "min_ms": round(min(ms), 1),
                    "max_ms": round(max(ms), 1),
                }
                print(
                    f"{name:<18}{status:>7}{size / 1024:>9.1f}{statistics.median(ms):>11.1f}"
                    f"{min(ms):>9.1f}{max(ms):>9.1f}",
                    flush=True,
                )
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()
    if args.json:
        report = {"triples": triples, "hub": hub, "mid": mid, "event": event}
        report["figures"] = figures
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
