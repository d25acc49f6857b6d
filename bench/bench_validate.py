"""SHACL validation: the compiled engine (kg's default) against pyshacl, on the same articles.

Generates N articles with ``bench/bench_build.py``'s generator, maps them, and validates
them in batches as ``kg build`` does (``--batch-size`` articles per call, one process),
once with each engine, each engine in its own process so peak memory is measured apart.
Only the validation calls are timed (wall and CPU); mapping is not.

    python bench/bench_validate.py --articles 300 4500 [--batch-size 25]
        [--skip-pyshacl-above N]

Prints, per N and engine: seconds of wall and CPU time, articles/s, peak RSS (MB) of the
process (mapping one batch included), violations found, and the ratio pyshacl/compiled.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time

from bench_build import synthetic_facts

from kg.mapping import map_facts
from kg.validate import ArticleGraphs, validate_batch


def article_graphs(n: int, rng: random.Random) -> ArticleGraphs:
    mapped = map_facts(synthetic_facts(n, rng))
    nodes = {str(s) for g in (mapped.facts, mapped.entities) for s in g.subjects()}
    return ArticleGraphs(mapped.key, mapped.facts, mapped.entities, frozenset(nodes))


def run(engine: str, articles: int, batch_size: int) -> dict[str, float]:
    """Validate ``articles`` generated articles, ``batch_size`` per call; time the calls."""
    rng = random.Random(7)
    wall = cpu = 0.0
    violations = triples = 0
    for start in range(0, articles, batch_size):
        batch = [article_graphs(n, rng) for n in range(start, min(start + batch_size, articles))]
        triples += sum(len(b.facts) + len(b.entities) for b in batch)
        wall0, cpu0 = time.perf_counter(), time.process_time()
        report = validate_batch(batch, engine=engine)
        wall += time.perf_counter() - wall0
        cpu += time.process_time() - cpu0
        violations += len(report.violations)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "wall": wall,
        "cpu": cpu,
        "peak_mb": peak,
        "violations": violations,
        "triples": triples,
    }


def measure(engine: str, articles: int, batch_size: int) -> dict[str, float]:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", engine, str(articles), str(batch_size)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[300])
    parser.add_argument("--batch-size", type=int, default=25)
    parser.add_argument(
        "--skip-pyshacl-above", type=int, default=10**9, help="run pyshacl up to N articles"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        engine, articles, batch_size = options.child
        print(json.dumps(run(engine, int(articles), int(batch_size))))
        return
    header = f"{'articles':>8} {'triples':>9} {'engine':>9} {'wall s':>8} {'cpu s':>8}"
    print(header + f" {'art/s':>8} {'peak MB':>8} {'violations':>10}")
    for articles in options.articles:
        figures: dict[str, dict[str, float]] = {}
        for engine in ("compiled", "pyshacl"):
            if engine == "pyshacl" and articles > options.skip_pyshacl_above:
                continue
            f = figures[engine] = measure(engine, articles, options.batch_size)
            print(
                f"{articles:>8} {int(f['triples']):>9} {engine:>9} {f['wall']:>8.2f} "
                f"{f['cpu']:>8.2f} {articles / f['wall']:>8.0f} {f['peak_mb']:>8.0f} "
                f"{int(f['violations']):>10}"
            )
        if "pyshacl" in figures:
            fast, ref = figures["compiled"], figures["pyshacl"]
            print(
                f"{articles:>8} pyshacl/compiled: wall {ref['wall'] / fast['wall']:.1f}x, "
                f"cpu {ref['cpu'] / fast['cpu']:.1f}x, "
                f"peak memory {ref['peak_mb'] / fast['peak_mb']:.2f}x"
            )


if __name__ == "__main__":
    main()
