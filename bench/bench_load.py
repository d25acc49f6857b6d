"""Load test of ``kg serve`` on 127.0.0.1: concurrent clients, a mixed workload, abuse.

Builds the example dataset (``kg build examples/facts``), or takes a built one
(``--dataset DIR``, such as a generated corpus of a million triples), starts ``kg serve``
on it as a subprocess and lets N client threads (httpx, keep-alive) send requests for D
seconds, at most M requests in all, then stops by itself. It picks the pages itself, by
bounded SPARQL on the served dataset (:func:`targets`): **hubs**, the ``--hubs`` entities
named in the most articles among those that a sample of mentions names (an alliance or a
country of a generated corpus, named in a quarter of its articles), and **ordinary
nodes**, every typed subject of ``--sample-graphs`` article graphs (an event, its counts
and dates, the article, its quotes) and the least named entities. The mix:

- ``html``, ``turtle``, ``jsonld``: the page of a hub or an ordinary node (``--hub-share``
  of them a hub), as HTML, Turtle or JSON-LD; ``html`` of a hub is, one time in four, a
  later page of its longest list (``?list=statements&property=...&page=N``);
- ``select``: a small SELECT on /sparql;
- ``named``: a named query of queries/*.rq through /queries/NAME (IRI parameters bound to
  ordinary nodes); ``--pages-only`` sends no ``select`` and no ``named``;
- ``runaway``: a cartesian product that must be stopped by the server's timeout (at most one
  in flight, one every ``--runaway-every`` seconds, so the others keep a free worker);
- ``hostile`` (with ``--hostile N``: N more clients that send nothing else): runaway
  sorts (a new text each time), queries nested 10,000 deep, a query past the memory limit,
  relative dataset IRIs, repeated parameters, invalid UTF-8, LOAD; each must get a 4xx or
  a 503. They connect from ``--hostile-address`` (default 127.0.0.2, another machine as
  far as the server's fair shares go; ``same`` for the address of the other clients).

The ordinary nodes are many (about 50 an article graph), so most of their requests find
no answer kept by the server (``kg serve --answer-cache-mb``), while the few hubs are
asked again and again, as on a real site; ``--answer-cache-mb 0`` measures every request
running its queries. Named queries that take longer than ``--named-budget`` seconds alone
(whole-dataset analyses on a large store) are left out of the mix, and listed.

Reports throughput, p50/p99 latency and errors per kind (pages of hubs and of ordinary
nodes apart), and the server's RSS (main process, and with its query workers) at the start
(after a warm-up that runs each named query once and fetches each page once, hubs in every
format, within ``--warmup`` seconds) and at the end. It always finishes: every request has
a deadline, and a client still waiting when its request's deadline has passed after the
end is counted as a failed request (``unfinished``). Targets: no failed simple request,
RSS growth of the main process under 20% beyond what its answer cache may hold
(``--answer-cache-mb``, 64 MB by default), every runaway answered 503 with the reason it
was stopped (the timeout; on a large store, sometimes the memory limit), and (without
``--hostile``) pages of hubs and of ordinary nodes in every format at p50 ≤ 50 ms and
p99 ≤ 300 ms. Exit status 0 when every target is met, else 1.

    python bench/bench_load.py --clients 16 --duration 60 --max-requests 200000
    python bench/bench_load.py --clients 8 --hostile 8 --duration 60   # the hostile mix
    python bench/bench_load.py --dataset /tmp/kg-1m --clients 16 --duration 60
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import select
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

import httpx

from kg.serve.paging import PAGE_SIZE

REPO = Path(__file__).resolve().parent.parent
KGO = "PREFIX kgo: <https://example.org/kg/ontology#>\n"
BASE = "https://example.org/kg/"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SELECTS = [  # small on a store of any size
    KGO + "SELECT ?d WHERE { ?d a kgo:Deployment } LIMIT 100",
    KGO + "SELECT ?p (COUNT(*) AS ?n) WHERE { { SELECT ?p WHERE { ?p a kgo:Protest } LIMIT 100 } "
    "?p ?x ?y } GROUP BY ?p",
    KGO + "SELECT ?g (COUNT(*) AS ?n) WHERE { { SELECT ?g WHERE { ?g a kgo:ArticleGraph } "
    "LIMIT 20 } GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "ASK { ?s ?p ?o }",
]
FORMATS = {"html": "text/html", "turtle": "text/turtle", "jsonld": "application/ld+json"}
PAGES = (*(f"{fmt} {who}" for who in ("hub", "node") for fmt in FORMATS), "list hub")
"""Pages by format and by node: a hub's or an ordinary node's; later pages of a hub's list."""
SIMPLE = (*PAGES, "select", "named")
# What a hostile client sends (issue 10): each must get a 4xx or 503 and kill no worker.
HOSTILE: list[tuple[str, dict[str, object]]] = [
    ("cartesian", {"params": {"query": CARTESIAN + " ORDER BY ?a"}}),
    ("nested", {"params": {"query": "ASK { " + "{" * 10_000 + "?s ?p ?o" + "}" * 10_000 + " }"}}),
    (
        "memory",
        {
            "params": {
                "query": 'SELECT (STRLEN(?y30) AS ?n) WHERE { BIND("ab" AS ?y0) '
                + " ".join(f"BIND(CONCAT(?y{i}, ?y{i}) AS ?y{i + 1})" for i in range(30))
                + " }"
            }
        },
    ),
    ("relative", {"params": {"query": "ASK {}", "default-graph-uri": "x"}}),
    ("repeated", {"params": [("query", "ASK {}"), ("query", "ASK {}")]}),
    ("bad-utf8", {"content": b"query=ASK%20%7B%7D%ff%fe", "method": "POST"}),
    ("load", {"data": {"update": "LOAD <http://127.0.0.1:1/x>"}, "method": "POST"}),
]


@dataclass
class Stats:
    """What the clients saw, per kind of request."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    lock: threading.Lock = field(default_factory=threading.Lock)
    sent: int = 0

    def record(self, kind: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[kind].append(seconds)
            if error is not None:
                self.errors[kind][error] += 1


def rss_kb(pid: int) -> int:
    """VmRSS of a process in kB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def children(pid: int) -> list[int]:
    """Direct child processes (the query workers)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def memory(pid: int) -> tuple[int, int]:
    """RSS of the server's main process and of it with its workers, in kB."""
    main = rss_kb(pid)
    return main, main + sum(rss_kb(c) for c in children(pid))


def start_server(dataset: Path, args: argparse.Namespace) -> tuple[subprocess.Popen[str], str]:
    """``kg serve`` with the options in ``args`` (those it has); its URL once it answers."""
    options = ["--timeout", str(args.timeout), "--workers", str(args.workers)]
    for name in ("max_query_memory", "answer_cache_mb"):
        if getattr(args, name, None) is not None:
            options += ["--" + name.replace("_", "-"), str(getattr(args, name))]
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(dataset), "--port", "0", *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert process.stdout is not None
    while True:
        ready, _, _ = select.select([process.stdout], [], [], 60)
        line = process.stdout.readline() if ready else ""
        if not line:
            process.kill()
            raise SystemExit("kg serve did not start")
        if " on http://" in line:
            url = line.split(" on ", 1)[1].split()[0]
            break
    for _ in range(300):
        try:
            if httpx.get(url + "sparql", timeout=5).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("kg serve does not answer")


MENTIONS = KGO + "SELECT ?e WHERE { ?e kgo:mentionedIn ?article } LIMIT 5000"
"""A sample of mentions (the first in the store's order: a few hundred articles)."""
ENTITIES = KGO + (
    "SELECT ?e WHERE { VALUES ?type { kgo:Organization kgo:Location kgo:Person } ?e a ?type } "
    "LIMIT 500"
)
"""Entities for a dataset without mentions."""
COUNT_MENTIONS = KGO + (
    "SELECT ?e (COUNT(?article) AS ?n) WHERE {{ VALUES ?e {{ {} }} "
    "OPTIONAL {{ ?e kgo:mentionedIn ?article }} }} GROUP BY ?e"
)
"""How many articles name each of a few entities (reads their mentions only)."""
GRAPH_COUNT = KGO + "SELECT (COUNT(*) AS ?n) WHERE { ?g a kgo:ArticleGraph }"
GRAPH_SAMPLE = KGO + "SELECT ?g WHERE {{ ?g a kgo:ArticleGraph }} LIMIT {} OFFSET {}"
SUBJECTS = "SELECT DISTINCT ?s WHERE {{ VALUES ?g {{ {} }} GRAPH ?g {{ ?s a ?type }} }} LIMIT 2000"
"""The typed subjects of a few article graphs: events, counts, dates, quotes, articles."""
MENTIONED_IN = "https://example.org/kg/ontology#mentionedIn"


@dataclass
class Targets:
    """What the clients ask for: paths of pages under the server, named queries."""

    hubs: list[str]
    nodes: list[str]
    lists: list[str]  # later pages of the hubs' longest list
    named: list[tuple[str, dict[str, str]]]
    about: list[str]  # what was chosen, to print


def _select(url: str, query: str, timeout: float) -> list[dict[str, str]]:
    """The rows of a SELECT on the server (values only)."""
    answer = httpx.get(url + "sparql", params={"query": query}, timeout=timeout)
    answer.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in answer.json()["results"]["bindings"]]


def _path(iri: str) -> str | None:
    """The page of ``iri`` on the server (None for IRIs outside the base, or with a
    fragment: the page of the IRI before it)."""
    return iri[len(BASE) :] if iri.startswith(BASE) and "#" not in iri else None


def targets(url: str, args: argparse.Namespace) -> Targets:
    """Pick hubs and ordinary nodes by bounded queries (each has a LIMIT or reads the
    statements of a few nodes only), and the named queries with their parameters."""
    timeout, rng = args.timeout + 30, random.Random(42)
    sample = Counter(row["e"] for row in _select(url, MENTIONS, timeout))
    if not sample:
        sample = Counter(row["e"] for row in _select(url, ENTITIES, timeout))
    entities = [e for e, _ in sample.most_common(200) if _path(e)]
    counts: dict[str, int] = {}
    if entities:
        values = " ".join(f"<{e}>" for e in entities)
        for row in _select(url, COUNT_MENTIONS.format(values), timeout):
            counts[row["e"]] = int(row["n"])
    ranked = sorted(entities, key=lambda e: (-counts.get(e, 0), e))
    hubs = ranked[: args.hubs]
    least = [e for e in reversed(ranked) if e not in hubs][: args.hubs]
    graphs = int(_select(url, GRAPH_COUNT, timeout)[0]["n"])
    chosen: list[str] = []
    for _ in range(args.sample_graphs):
        offset = rng.randrange(max(1, graphs))
        chosen += [r["g"] for r in _select(url, GRAPH_SAMPLE.format(1, offset), timeout)]
    nodes, found = list(least), set()
    for start in range(0, len(chosen), 10):
        values = " ".join(f"<{g}>" for g in chosen[start : start + 10])
        found.update(row["s"] for row in _select(url, SUBJECTS.format(values), timeout))
    nodes += sorted(s for s in found if _path(s) and s not in hubs)
    if not nodes:  # no article graphs: every entity is a page
        nodes = ranked[args.hubs :] or hubs
    lists = []
    for hub in hubs:  # a page of its mentions a third of the way down, and the last
        total = counts.get(hub, 0)
        last = -(-total // PAGE_SIZE)
        for page in sorted({2, max(2, last // 3), last}):
            if page <= last:
                query = urlencode({"list": "statements", "property": MENTIONED_IN, "page": page})
                lists.append(f"{_path(hub)}?{query}")
    named = []
    for q in httpx.get(url + "queries.json", timeout=timeout).json():
        named.append((q["name"], {}))
        for p in q["params"]:
            if p["type"] == "iri" and nodes:
                named.append((q["name"], {p["name"]: nodes[0]}))
    about = [
        f"dataset: {graphs} article graphs; sampled {len(sample)} entities from mentions",
        "hubs (articles naming them): "
        + ", ".join(f"{_path(h)} ({counts.get(h, 0)})" for h in hubs),
        f"ordinary nodes: {len(nodes)} (the {len(least)} least named entities, and every "
        f"typed subject of {len(chosen)} article graphs), e.g. "
        + ", ".join(str(_path(n)) for n in nodes[len(least) : len(least) + 3]),
        f"later pages of the hubs' mentions: {len(lists)}",
    ]
    return Targets(
        hubs=[p for h in hubs if (p := _path(h))],
        nodes=[p for n in nodes if (p := _path(n))],
        lists=lists,
        named=named,
        about=about,
    )


def warm_up(url: str, chosen: Targets, args: argparse.Namespace) -> list[str]:
    """Run each named query once, as the clients do, and leave out of the mix those that
    fail or take longer than ``--named-budget`` (whole-dataset analyses on a large store);
    then fetch each page once (hubs in every format), until ``--warmup`` seconds have
    passed. What was done, to print."""
    deadline = time.monotonic() + args.warmup
    slow, kept, sent = [], [], 0
    with httpx.Client(base_url=url, timeout=args.timeout + 30) as http:
        for name, params in chosen.named:
            started = time.perf_counter()
            try:
                ok = http.get(f"/queries/{name}", params=params).status_code == 200
            except httpx.HTTPError:
                ok = False
            took = time.perf_counter() - started
            if ok and took <= args.named_budget:
                kept.append((name, params))
            else:
                shown = "&".join(f"{k}=…" for k in params)
                slow.append(f"{name}{'?' + shown if shown else ''} ({took:.1f} s)")
        chosen.named[:] = kept
        requests = [(path, fmt) for path in chosen.hubs for fmt in FORMATS.values()]
        requests += [(path, "text/html") for path in [*chosen.lists, *chosen.nodes]]
        for path, accept in requests:
            if time.monotonic() >= deadline:
                break
            with contextlib.suppress(httpx.HTTPError):
                http.get(path, headers={"Accept": accept}, timeout=args.timeout + 5)
            sent += 1
    done = [f"warm-up: {sent} of {len(requests)} pages; {len(kept)} named queries in the mix"]
    if slow:
        done.append(f"named queries left out (over {args.named_budget:g} s): " + ", ".join(slow))
    return done


class Runaways:
    """Lets one runaway query out at a time, at most one every ``every`` seconds."""

    def __init__(self, every: float) -> None:
        self.every = every
        self.lock = threading.Lock()
        self.next = time.monotonic() + every

    def take(self) -> bool:
        with self.lock:
            now = time.monotonic()
            if now < self.next:
                return False
            self.next = float("inf")  # until the one in flight is answered
            return True

    def done(self) -> None:
        with self.lock:
            self.next = time.monotonic() + self.every


def pick(
    rng: random.Random, chosen: Targets, share: float, *, pages_only: bool = False
) -> tuple[str, str]:
    """The kind of the next simple request and what it asks for (a path, or a query)."""
    queries = () if pages_only else ("select", "named") if chosen.named else ("select",)
    kind = rng.choice((*FORMATS, *queries))  # no named query fits the budget on a huge store
    if kind not in FORMATS:
        return kind, ""
    hub = chosen.hubs and rng.random() < share
    if not hub:
        return f"{kind} node", rng.choice(chosen.nodes)
    if kind == "html" and chosen.lists and rng.random() < 0.25:
        return "list hub", rng.choice(chosen.lists)
    return f"{kind} hub", rng.choice(chosen.hubs)


def client(
    number: int,
    url: str,
    chosen: Targets,
    stats: Stats,
    deadline: float,
    args: argparse.Namespace,
    runaways: Runaways,
) -> None:
    rng = random.Random(number)
    timeout = httpx.Timeout(args.timeout * 4 + 30)
    with httpx.Client(base_url=url, timeout=timeout) as http:
        while time.monotonic() < deadline:
            with stats.lock:
                if stats.sent >= args.max_requests:
                    return
                stats.sent += 1
            kind, target = (
                ("runaway", "")
                if runaways.take()
                else pick(rng, chosen, args.hub_share, pages_only=args.pages_only)
            )
            started = time.perf_counter()
            error: str | None = None
            try:
                if kind in PAGES:
                    accept = FORMATS[kind.split()[0]] if kind != "list hub" else "text/html"
                    r = http.get(target, headers={"Accept": accept})
                elif kind == "select":
                    r = http.get("/sparql", params={"query": rng.choice(SELECTS)})
                elif kind == "named":
                    name, params = rng.choice(chosen.named)
                    r = http.get(f"/queries/{name}", params=params)
                else:  # a new text each time: the refusal of repeats is not what answers
                    r = http.get(
                        "/sparql", params={"query": f"{CARTESIAN} # {number}.{stats.sent}"}
                    )
                if kind == "runaway":
                    # stopped by the timeout, or (on a large store) by the memory limit
                    if r.status_code != 503 or "was stopped" not in r.text:
                        error = f"not stopped with its reason: {r.status_code}"
                elif r.status_code != 200:
                    error = f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                error = type(exc).__name__
            finally:
                if kind == "runaway":
                    runaways.done()
            stats.record(kind, time.perf_counter() - started, error)


def hostile_client(
    number: int, url: str, stats: Stats, deadline: float, args: argparse.Namespace
) -> None:
    """Send the requests of :data:`HOSTILE` in turn until the deadline; a 2xx, a 5xx
    other than 503 or a dropped connection is an error."""
    rng = random.Random(1000 + number)
    transport = (
        None
        if args.hostile_address == "same"
        else httpx.HTTPTransport(local_address=args.hostile_address)
    )
    timeout = httpx.Timeout(args.timeout * 4 + 30)
    with httpx.Client(base_url=url, timeout=timeout, transport=transport) as http:
        while time.monotonic() < deadline:
            name, request = rng.choice(HOSTILE)
            if name == "cartesian":  # a new text each time: the refusal of repeats does not help
                request = {"params": {"query": f"{CARTESIAN} ORDER BY ?a # {rng.random()}"}}
            started = time.perf_counter()
            error: str | None = None
            try:
                if request.get("method") == "POST":
                    r = http.post(
                        "/sparql",
                        content=request.get("content"),  # type: ignore[arg-type]
                        data=request.get("data"),  # type: ignore[arg-type]
                        headers={"Content-Type": "application/x-www-form-urlencoded"},
                    )
                else:
                    r = http.get("/sparql", params=request["params"])  # type: ignore[arg-type]
                if not (400 <= r.status_code < 500 or r.status_code == 503):
                    error = f"{name}: HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                error = f"{name}: {type(exc).__name__}"
            stats.record("hostile", time.perf_counter() - started, error)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients")
    parser.add_argument("--duration", type=float, default=60, help="seconds of load")
    parser.add_argument("--max-requests", type=int, default=200_000, help="requests in all")
    parser.add_argument("--timeout", type=float, default=3, help="kg serve --timeout")
    parser.add_argument("--workers", type=int, default=2, help="kg serve --workers")
    parser.add_argument(
        "--runaway-every", type=float, default=8, help="seconds between runaway queries"
    )
    parser.add_argument(
        "--hostile", type=int, default=0, help="more clients sending hostile requests only"
    )
    parser.add_argument(
        "--hostile-address",
        default="127.0.0.2",
        help="source address of the hostile clients ('same': that of the others)",
    )
    parser.add_argument(
        "--max-query-memory", type=int, default=512, help="kg serve --max-query-memory (MB)"
    )
    parser.add_argument("--dataset", type=Path, help="serve this dataset (default: examples)")
    parser.add_argument("--hubs", type=int, default=8, help="hubs to pick (most named entities)")
    parser.add_argument(
        "--sample-graphs", type=int, default=100, help="article graphs whose nodes are pages"
    )
    parser.add_argument(
        "--hub-share", type=float, default=0.5, help="share of page requests for a hub"
    )
    parser.add_argument(
        "--warmup", type=float, default=30, help="most seconds of warm-up (each page once)"
    )
    parser.add_argument(
        "--named-budget",
        type=float,
        default=0.25,
        help="named queries that take longer alone are left out of the mix (seconds)",
    )
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="send pages only (no SELECT, no named query; runaways still)",
    )
    parser.add_argument(
        "--answer-cache-mb", type=int, help="kg serve --answer-cache-mb (default: its own)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="kg-load-") as folder:
        dataset = args.dataset
        if dataset is None:
            dataset = Path(folder) / "kg"
            subprocess.run(
                [sys.executable, "-m", "kg", "build", str(REPO / "examples" / "facts"),
                 "--out", str(dataset), "-j", "1"],
                check=True,
                stdout=subprocess.DEVNULL,
            )  # fmt: skip
        process, url = start_server(dataset, args)
        try:
            chosen = targets(url, args)
            for line in chosen.about:
                print(line, flush=True)
            for line in warm_up(url, chosen, args):
                print(line, flush=True)
            start_memory = memory(process.pid)
            stats = Stats()
            runaways = Runaways(args.runaway_every)
            started = time.monotonic()
            deadline = started + args.duration
            threads = [
                threading.Thread(
                    target=client,
                    args=(n, url, chosen, stats, deadline, args, runaways),
                    daemon=True,
                )
                for n in range(args.clients)
            ]
            threads += [
                threading.Thread(
                    target=hostile_client, args=(n, url, stats, deadline, args), daemon=True
                )
                for n in range(args.hostile)
            ]
            for thread in threads:
                thread.start()
            peak = start_memory
            # A request sent just before the deadline gets the client's timeout, and a bit.
            given_up = deadline + args.timeout * 4 + 35
            while any(t.is_alive() for t in threads) and time.monotonic() < given_up:
                time.sleep(1)
                now = memory(process.pid)
                peak = (max(peak[0], now[0]), max(peak[1], now[1]))
            elapsed = min(time.monotonic(), deadline) - started
            stuck = sum(t.is_alive() for t in threads)
            for _ in range(stuck):
                stats.record("unfinished", 0.0, "no answer by the end")
            end_memory = memory(process.pid)
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()

    total = sum(len(v) for k, v in stats.latencies.items() if k != "unfinished")
    report: dict[str, object] = {
        "clients": args.clients,
        "seconds": round(elapsed, 1),
        "requests": total,
        "throughput_per_s": round(total / elapsed, 1),
        "rss_kb": {"start": start_memory[0], "peak": peak[0], "end": end_memory[0]},
        "rss_with_workers_kb": {
            "start": start_memory[1],
            "peak": peak[1],
            "end": end_memory[1],
        },
        "kinds": {},
    }
    print(f"kg serve load test: {args.clients} clients, {elapsed:.0f} s, {total} requests, "
          f"{total / elapsed:.1f} requests/s")  # fmt: skip
    print(f"{'kind':<12} {'count':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  errors")
    for kind in (*SIMPLE, "runaway", "hostile", "unfinished"):
        values = stats.latencies.get(kind, [])
        if not values:
            continue
        errors = dict(stats.errors.get(kind, {}))
        p50, p99 = percentile(values, 0.5) * 1000, percentile(values, 0.99) * 1000
        report["kinds"][kind] = {  # type: ignore[index]
            "count": len(values),
            "p50_ms": round(p50, 1),
            "p99_ms": round(p99, 1),
            "max_ms": round(max(values) * 1000, 1),
            "mean_ms": round(statistics.fmean(values) * 1000, 1),
            "errors": errors,
        }
        print(
            f"{kind:<12} {len(values):>7} {p50:>8.1f} {p99:>8.1f} {max(values) * 1000:>8.1f}  "
            f"{errors or '-'}"
        )
    growth = (end_memory[0] - start_memory[0]) / start_memory[0] if start_memory[0] else 0.0
    cache_kb = (64 if args.answer_cache_mb is None else args.answer_cache_mb) * 1024
    leak = max(0, end_memory[0] - start_memory[0] - cache_kb) / max(1, start_memory[0])
    print(
        f"server RSS: {start_memory[0] / 1024:.0f} MB at start, {peak[0] / 1024:.0f} MB peak, "
        f"{end_memory[0] / 1024:.0f} MB at end ({growth:+.1%}); with workers "
        f"{start_memory[1] / 1024:.0f} -> {end_memory[1] / 1024:.0f} MB"
    )
    simple_errors = sum(
        sum(stats.errors.get(k, Counter()).values()) for k in (*SIMPLE, "unfinished")
    )
    runaway_count = len(stats.latencies.get("runaway", []))
    runaway_errors = sum(stats.errors.get("runaway", Counter()).values())
    checks = {
        "no failed simple request": simple_errors == 0,
        "RSS growth beyond the answer cache under 20%": leak < 0.20,
        "every runaway stopped with 503 and its reason": runaway_count > 0 and runaway_errors == 0,
    }
    if not args.hostile:
        for who, name in (("hub", "hubs"), ("node", "ordinary nodes")):
            values = [v for k in PAGES if k.endswith(who) for v in stats.latencies.get(k, [])]
            if values:
                p50, p99 = percentile(values, 0.5), percentile(values, 0.99)
                print(f"pages of {name}: p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
                checks[f"pages of {name}: p50 under 50 ms"] = p50 <= 0.050
                checks[f"pages of {name}: p99 under 300 ms"] = p99 <= 0.300
    if args.hostile:
        simple = [v for k in SIMPLE for v in stats.latencies.get(k, [])]
        p99 = percentile(simple, 0.99) if simple else 0.0
        print(f"simple requests with {args.hostile} hostile clients: p99 {p99 * 1000:.0f} ms")
        checks["p99 of simple requests under 1 s"] = p99 <= 1.0
        checks["every hostile request refused (4xx or 503)"] = not stats.errors.get("hostile")
    report["targets"] = checks
    for name, ok in checks.items():
        print(f"{'PASS' if ok else 'FAIL'}: {name}")
    if args.json:
        args.json.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
