"""Do slow queries hold the others back? Simple queries and pages while slow ones run.

Builds the example dataset into a temporary directory, serves it with ``kg serve`` (2
workers), starts as many slow queries as there are workers (a cartesian count that runs
until the query timeout), and times simple queries and pages sent one after another
meanwhile, with and without spare workers (``--extra-workers``).

    python bench/bench_fairness.py [--requests 10] [--timeout 30]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
SIMPLE = "ASK { ?s ?p ?o }"
PAGE = "id/location/kazakhstan"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(dataset: Path, extra: int, requests: int, timeout: float) -> list[float]:
    """Seconds each simple request took while two slow queries held both workers."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "serve",
            str(dataset),
            "--port",
            str(port),
            "--timeout",
            str(timeout),
            "--extra-workers",
            str(extra),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):
            try:
                if httpx.get(base + "sparql", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        slow = [
            threading.Thread(
                target=lambda: httpx.get(base + "sparql", params={"query": SLOW}, timeout=None)
            )
            for _ in range(2)
        ]
        for t in slow:
            t.start()
        time.sleep(0.5)  # the slow queries take both workers
        took = []
        for i in range(requests):
            started = time.perf_counter()
            if i % 2:
                httpx.get(base + PAGE, headers={"Accept": "text/html"}, timeout=None)
            else:
                httpx.get(base + "sparql", params={"query": SIMPLE}, timeout=None)
            took.append(time.perf_counter() - started)
        for t in slow:
            t.join()
        return took
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=30.0)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dataset = Path(tmp) / "kg"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "kg",
                "build",
                str(ROOT / "examples" / "facts"),
                "--out",
                str(dataset),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(
            f"{args.requests} simple queries and pages, one after another, while 2 slow "
            f"queries (stopped at {args.timeout:g} s) hold both workers:"
        )
        for extra in (2, 0):
            took = run(dataset, extra, args.requests, args.timeout)
            print(
                f"  --extra-workers {extra}: first {took[0]:.2f} s, median "
                f"{statistics.median(took):.2f} s, max {max(took):.2f} s"
            )


if __name__ == "__main__":
    main()
