"""What event linking adds to a build: its seconds against the whole ``kg build``.

Generates articles with ``bench_build.write_corpus`` and builds them as ``kg build`` does
(``compile_facts`` + ``write_dataset``, ``--jobs`` workers), in a child process per size,
timing inside that same build run:

- ``link``: :func:`kg.events.link_reports` (the clustering);
- ``graph``: :func:`kg.events.events_graph` and its N-Triples lines;
- ``check``: the SHACL check of the events graph and of the review file's decisions;
- ``reports``: :func:`kg.events.reports_of` over every article, run again sequentially
  after the build on the already loaded facts (in a build it runs in the workers, beside
  loading and mapping, so its share of the build is at most this over ``--jobs``).

The share printed is (link + graph + check + reports / jobs) / build seconds: the ratio
within one run, so a busy machine slows both sides alike. Figures only, no assertion.

How representative the generator is: every article has one deployment (one of 4
alliances to one of 8 countries, on one of 1,500 days) and one protest (in one of 97
cities, same dates, all with the same cause), so a block key is shared by about 1/4 of the
deployments and 1/97 of the protests: far fewer distinct actors and places than real news,
which makes the candidate search harder than on a real corpus, while events stay small
(most reports have no partner within the date slack).

    python bench/bench_linking.py --articles 1000 10000 [--jobs 2] [--timeout 3600]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_build import write_corpus


def child(folder: str, out: str, jobs: int) -> dict[str, Any]:
    """Build ``folder`` into ``out`` with the linking steps timed; the figures."""
    import kg.build as build
    from kg.build.dataset import write_dataset
    from kg.events import Resolver, reports_of
    from kg.facts import load_facts
    from kg.rdf.iris import Iris

    spent = {"link": 0.0, "graph": 0.0, "link_events": 0.0}

    def timed(name: str, function: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start

        return run

    build.link_reports = timed("link", build.link_reports)  # type: ignore[attr-defined]
    build.events_graph = timed("graph", build.events_graph)  # type: ignore[attr-defined]
    build._link_events = timed("link_events", build._link_events)
    paths = build.facts_files([Path(folder)])
    start = time.perf_counter()
    compiled = build.compile_facts(paths, jobs=jobs)
    assert compiled.report.conforms, compiled.report.to_text()[:2000]
    manifest = write_dataset(compiled, Path(out), base="https://example.org/kg/")
    seconds = time.perf_counter() - start
    facts = [load_facts(p) for p in paths]
    iris, resolver = Iris(), Resolver()
    start = time.perf_counter()
    reports = sum(len(reports_of(f, iris, resolver)) for f in facts)
    reports_seconds = time.perf_counter() - start
    return {
        "articles": len(paths),
        "reports": reports,
        "events": compiled.event_count,
        "triples": manifest["triples"],
        "build": seconds,
        "link": spent["link"],
        "graph": spent["graph"],
        "check": spent["link_events"] - spent["link"] - spent["graph"],
        "reports_seq": reports_seconds,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=None, help="seconds per build")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        folder, out, jobs = options.child
        print(json.dumps(child(folder, out, int(jobs))))
        return
    print(
        f"{'articles':>8} {'reports':>7} {'events':>6} {'build s':>8} {'link s':>7} "
        f"{'graph s':>7} {'check s':>7} {'reports s':>9} {'share':>6}"
    )
    with tempfile.TemporaryDirectory(prefix="kg-bench-linking-") as tmp:
        for count in options.articles:
            folder = Path(tmp) / f"corpus-{count}"
            write_corpus(folder, count)
            try:
                proc = subprocess.run(
                    [sys.executable, __file__, "--child", str(folder), f"{tmp}/out-{count}",
                     str(options.jobs)],
                    capture_output=True, text=True, check=False, timeout=options.timeout,
                )  # fmt: skip
            except subprocess.TimeoutExpired:
                print(f"{count:>8}  build did not finish in {options.timeout:.0f} s", flush=True)
                continue
            if proc.returncode != 0:
                raise SystemExit(proc.stderr)
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            linking = r["link"] + r["graph"] + r["check"] + r["reports_seq"] / options.jobs
            print(
                f"{count:>8} {r['reports']:>7} {r['events']:>6} {r['build']:>8.1f} "
                f"{r['link']:>7.2f} {r['graph']:>7.2f} {r['check']:>7.2f} "
                f"{r['reports_seq']:>9.2f} {linking / r['build']:>6.1%}",
                flush=True,
            )


if __name__ == "__main__":
    main()
