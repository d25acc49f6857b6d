"""Warm latency of the event-level queries, before and after a change, in one run.

Runs ``events``, ``event-reports`` and ``disagreements`` two ways:

- ``pyoxigraph``: on the dataset's store opened read-only with pyoxigraph, reading every
  row into Python (wall-clock seconds, and the seconds of CPU of this process, which a
  machine busy with other work inflates less);
- ``kg query``: ``kg query FILE.rq --dataset DIR --format csv`` as a process of its own
  (start-up, opening the store and writing the rows included).

The *before* side runs the queries of git revision ``--before-rev`` on ``--before`` (a
dataset that revision built), the *after* side the working tree's ``queries/`` on
``--after`` (a dataset the working tree built). Each query runs once on each side to warm
up, then ``--repeat`` times, before and after alternating, so that a machine busy with other
work weighs on both alike. Prints the median, min and max in seconds, and whether both
sides gave the same rows in the same order. A dataset that does not exist yet is built
first, by the kg that runs this script, from ``--articles`` articles of
``bench/bench_build.py``'s generator (4,500 make about a million triples): run it in a
checkout of the old revision to build ``--before``::

    python bench/bench_event_queries.py --before /tmp/kg-1m --after /tmp/kg-1m-events \\
        --before-rev main --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from bench_pages import build

REPO = Path(__file__).resolve().parent.parent
QUERIES = ("events", "event-reports", "disagreements")

Rows = list[tuple[str | None, ...]]


def read(store: ox.Store, text: str) -> list[tuple[object, ...]]:
    """Every row of a SELECT, each value read into Python (as pyoxigraph's terms)."""
    result = store.query(text)
    if not isinstance(result, ox.QuerySolutions):
        raise SystemExit("expected a SELECT query")
    names = list(result.variables)
    return [tuple(s[v] for v in names) for s in result]


def select(store: ox.Store, text: str) -> Rows:
    """Every row of a SELECT, each term as N-Triples (None when unbound), to compare."""
    return [tuple(None if t is None else str(t) for t in row) for row in read(store, text)]


def kg_query(path: Path, dataset: Path) -> Callable[[], object]:
    """A run of ``kg query`` on ``dataset``."""
    command = [sys.executable, "-m", "kg", "query", str(path), "--dataset", str(dataset)]
    command += ["--format", "csv"]
    return lambda: subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=REPO)


def timed(run: Callable[..., object], *args: object) -> float:
    started = time.perf_counter()
    run(*args)
    return time.perf_counter() - started


def cpu(run: Callable[..., object], *args: object) -> float:
    started = time.process_time()
    run(*args)
    return time.process_time() - started


def figures(times: list[float]) -> str:
    return f"{statistics.median(times):6.2f} ({min(times):.2f}-{max(times):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--before", type=Path, required=True, help="dataset built before")
    parser.add_argument("--after", type=Path, required=True, help="dataset built after")
    parser.add_argument("--before-rev", default="main", help="git revision of the old queries")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--queries", nargs="+", default=list(QUERIES), choices=QUERIES)
    parser.add_argument("--articles", type=int, default=4500, help="to build a missing dataset")
    args = parser.parse_args()
    for dataset in (args.before, args.after):
        if not dataset.exists():
            build(dataset, args.articles)

    with tempfile.TemporaryDirectory(prefix="kg-event-queries-") as tmp:
        old_dir = Path(tmp)
        stores = {
            "before": ox.Store.read_only(str(args.before / "store")),
            "after": ox.Store.read_only(str(args.after / "store")),
        }
        print(
            f"{'query':<14} {'side':<7} {'pyoxigraph s':>22} {'pyoxigraph CPU s':>22}"
            f" {'kg query s':>22}  rows"
        )
        for name in args.queries:
            old = subprocess.run(
                ["git", "show", f"{args.before_rev}:queries/{name}.rq"],
                cwd=REPO,
                check=True,
                capture_output=True,
                text=True,
            ).stdout
            (old_dir / f"{name}.rq").write_text(old, encoding="utf-8")
            paths = {"before": old_dir / f"{name}.rq", "after": REPO / "queries" / f"{name}.rq"}
            datasets = {"before": args.before, "after": args.after}
            texts = {side: paths[side].read_text(encoding="utf-8") for side in paths}
            answers = {side: select(stores[side], texts[side]) for side in texts}  # warm-up
            for side in paths:
                kg_query(paths[side], datasets[side])()  # warm-up
            direct: dict[str, list[float]] = {"before": [], "after": []}
            direct_cpu: dict[str, list[float]] = {"before": [], "after": []}
            cli: dict[str, list[float]] = {"before": [], "after": []}
            for _ in range(args.repeat):
                for side in ("before", "after"):
                    direct[side].append(timed(read, stores[side], texts[side]))
                    direct_cpu[side].append(cpu(read, stores[side], texts[side]))
                    cli[side].append(timed(kg_query(paths[side], datasets[side])))
            same = "same rows" if answers["before"] == answers["after"] else "ROWS DIFFER"
            for side in ("before", "after"):
                print(
                    f"{name:<14} {side:<7} {figures(direct[side]):>22}"
                    f" {figures(direct_cpu[side]):>22} {figures(cli[side]):>22}"
                    f"  {len(answers[side])}" + (f" ({same})" if side == "after" else ""),
                    flush=True,
                )


if __name__ == "__main__":
    main()
