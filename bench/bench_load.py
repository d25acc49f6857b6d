"""Load test of ``kg serve`` on 127.0.0.1: concurrent clients, a mixed workload, abuse.

Builds the example dataset (``kg build examples/facts``), starts ``kg serve`` on it as a
subprocess and lets N client threads (httpx, keep-alive) send requests for D seconds, at
most M requests in all, then stops by itself. The mix:

- ``page``: an entity or event page as HTML; ``rdf``: the same as Turtle;
- ``select``: a small SELECT on /sparql;
- ``named``: a named query of queries/*.rq through /queries/NAME;
- ``runaway``: a cartesian product that must be stopped by the server's timeout (at most one
  in flight, one every ``--runaway-every`` seconds, so the others keep a free worker);
- ``hostile`` (with ``--hostile N``: N more clients that send nothing else): runaway
  sorts (a new text each time), queries nested 10,000 deep, a query past the memory limit,
  relative dataset IRIs, repeated parameters, invalid UTF-8, LOAD; each must get a 4xx or
  a 503. They connect from ``--hostile-address`` (default 127.0.0.2, another machine as
  far as the server's fair shares go; ``same`` for the address of the other clients).

Reports throughput, p50/p99 latency and errors per kind, and the server's RSS (main
process, and with its query workers) at the start (after a warm-up) and at the end.
Targets: no failed simple request, RSS growth of the main process under 20%, every runaway
answered 503 with the timeout message. Exit status 0 when every target is met, else 1.

    python bench/bench_load.py --clients 16 --duration 60 --max-requests 200000
    python bench/bench_load.py --clients 8 --hostile 8 --duration 60   # the hostile mix
"""

from __future__ import annotations

import argparse
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

import httpx

REPO = Path(__file__).resolve().parent.parent
KGO = "PREFIX kgo: <https://example.org/kg/ontology#>\n"
BASE = "https://example.org/kg/"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SELECTS = [
    KGO + "SELECT ?d WHERE { ?d a kgo:Deployment } ORDER BY ?d",
    KGO + "SELECT ?p (COUNT(*) AS ?n) WHERE { ?p a kgo:Protest ; ?x ?y } GROUP BY ?p",
    "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "ASK { ?s ?p ?o }",
]
SIMPLE = ("page", "rdf", "select", "named")
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
    process = subprocess.Popen(
        [
            sys.executable, "-m", "kg", "serve", str(dataset), "--port", "0",
            "--timeout", str(args.timeout), "--workers", str(args.workers),
            "--max-query-memory", str(args.max_query_memory),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
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


def targets(url: str) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
    """The pages to fetch (paths under the server) and the named queries with parameters."""
    query = "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?s a ?c } }"
    rows = httpx.get(url + "sparql", params={"query": query}, timeout=30).json()
    pages = [
        b["s"]["value"][len(BASE) :]
        for b in rows["results"]["bindings"]
        if b["s"]["value"].startswith(BASE)
    ]
    named = []
    for q in httpx.get(url + "queries.json", timeout=30).json():
        named.append((q["name"], {}))
        for p in q["params"]:
            if p["type"] == "iri" and pages:
                named.append((q["name"], {p["name"]: BASE + pages[0]}))
    return pages, named


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


def client(
    number: int,
    url: str,
    pages: list[str],
    named: list[tuple[str, dict[str, str]]],
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
            kind = "runaway" if runaways.take() else rng.choice(SIMPLE)
            started = time.perf_counter()
            error: str | None = None
            try:
                if kind == "page":
                    r = http.get(rng.choice(pages), headers={"Accept": "text/html"})
                elif kind == "rdf":
                    r = http.get(rng.choice(pages), headers={"Accept": "text/turtle"})
                elif kind == "select":
                    r = http.get("/sparql", params={"query": rng.choice(SELECTS)})
                elif kind == "named":
                    name, params = rng.choice(named)
                    r = http.get(f"/queries/{name}", params=params)
                else:  # a new text each time: the refusal of repeats is not what answers
                    r = http.get(
                        "/sparql", params={"query": f"{CARTESIAN} # {number}.{stats.sent}"}
                    )
                if kind == "runaway":
                    if r.status_code != 503 or "stopped after" not in r.text:
                        error = f"not the timeout error: {r.status_code}"
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
            pages, named = targets(url)
            with httpx.Client(base_url=url, timeout=30) as http:  # warm-up: every page once
                for path in pages:
                    http.get(path, headers={"Accept": "text/html"})
                for name, params in named:
                    http.get(f"/queries/{name}", params=params)
            start_memory = memory(process.pid)
            stats = Stats()
            runaways = Runaways(args.runaway_every)
            started = time.monotonic()
            deadline = started + args.duration
            threads = [
                threading.Thread(
                    target=client,
                    args=(n, url, pages, named, stats, deadline, args, runaways),
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
            while any(t.is_alive() for t in threads):
                time.sleep(1)
                now = memory(process.pid)
                peak = (max(peak[0], now[0]), max(peak[1], now[1]))
            elapsed = time.monotonic() - started
            end_memory = memory(process.pid)
        finally:
            process.terminate()
            try:
                process.wait(30)
            except subprocess.TimeoutExpired:
                process.kill()

    total = sum(len(v) for v in stats.latencies.values())
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
    print(f"{'kind':<8} {'count':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  errors")
    for kind in (*SIMPLE, "runaway", "hostile"):
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
            f"{kind:<8} {len(values):>7} {p50:>8.1f} {p99:>8.1f} {max(values) * 1000:>8.1f}  "
            f"{errors or '-'}"
        )
    growth = (end_memory[0] - start_memory[0]) / start_memory[0] if start_memory[0] else 0.0
    print(
        f"server RSS: {start_memory[0] / 1024:.0f} MB at start, {peak[0] / 1024:.0f} MB peak, "
        f"{end_memory[0] / 1024:.0f} MB at end ({growth:+.1%}); with workers "
        f"{start_memory[1] / 1024:.0f} -> {end_memory[1] / 1024:.0f} MB"
    )
    simple_errors = sum(sum(stats.errors.get(k, Counter()).values()) for k in SIMPLE)
    runaway_count = len(stats.latencies.get("runaway", []))
    runaway_errors = sum(stats.errors.get("runaway", Counter()).values())
    checks = {
        "no failed simple request": simple_errors == 0,
        "RSS growth under 20%": growth < 0.20,
        "every runaway answered with the timeout error": runaway_count > 0 and runaway_errors == 0,
    }
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
