"""What keeping the default graph (the merge of the named graphs) costs the embedded store.

Generates facts-like N-Quads (the generator of ``bench_query.py``: one graph per article
plus the entity graph), loads them into an on-disk store and times, per size:

- ``load_file``: the bulk load, which also computes the default graph (quad by quad);
- ``load_build``: what ``kg build`` does, the default graph loaded natively from the same
  lines without their graph names;
- the recompute that ends every SPARQL Update (:data:`kg.store.updates.MERGE`, one
  transaction, nothing to change), and a small ``INSERT DATA`` into one graph with it;
- the incremental Graph Store writes: replace, add to and delete one article graph;
- computing the default graph of a store that has none (an older kg's store opened
  writable: one transaction), with the growth of the process's peak memory;
- the TriG dump, which leaves the default graph out;

with, as a baseline, what the bulk load and the TriG dump took without a default graph.

    python bench/bench_merge.py --triples 200000 1000000 [--repeat 3]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph
from bench_query import BASE, generate

from kg.rdf.formats import RdfFormat
from kg.store.embedded import EmbeddedStore

ARTICLE = f"{BASE}graph/a7"
ARTICLE_NT = (
    f'<{BASE}article/a7> <https://schema.org/headline> "A corrected headline"@en .\n'
    f"<{BASE}article/a7> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<https://schema.org/NewsArticle> .\n"
)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def seconds(run: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def child(nquads: Path, work: Path, repeat: int) -> None:
    """One size, in a process of its own (peak memory is per process)."""
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    bare = pyoxigraph.Store(str(work / "bare"))  # what kg did before: named graphs only
    started = time.perf_counter()
    bare.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    bare_load = time.perf_counter() - started
    started = time.perf_counter()
    bare.dump(format=pyoxigraph.RdfFormat.TRIG)
    bare_trig = time.perf_counter() - started
    del bare
    copied = EmbeddedStore(work / "copied")
    started = time.perf_counter()
    copied.load_file(nquads)
    load = time.perf_counter() - started
    copied.close()
    store = EmbeddedStore(work / "store")
    started = time.perf_counter()
    store.load_build(nquads)
    build_load = time.perf_counter() - started
    quads = store.count_triples()
    merge = int(store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"].value)
    article = store.dump(fmt=RdfFormat.NTRIPLES, graph=ARTICLE).decode()
    insert = (
        f"INSERT DATA {{ GRAPH <{BASE}graph/notes> "
        f'{{ <{BASE}id/x> <https://schema.org/name> "x" }} }}'
    )
    rows = [
        ("baseline: pyoxigraph bulk load alone", bare_load),
        ("load_file (bulk load + default graph copied)", load),
        ("load_build (bulk load + default graph loaded)", build_load),
        ("recompute the merge (ends every update)", seconds(store.refresh_default_graph, repeat)),
        ("SPARQL INSERT DATA, one triple, + merge", seconds(lambda: store.update(insert), repeat)),
        (
            "GSP PUT: replace one article graph",
            seconds(lambda: store.replace_graph(ARTICLE, ARTICLE_NT), repeat),
        ),
        (
            "GSP POST: add 2 triples to it",
            seconds(lambda: store.add_to_graph(ARTICLE, ARTICLE_NT), repeat),
        ),
        (
            "GSP DELETE + PUT back the article graph",
            seconds(
                lambda: (store.delete_graph(ARTICLE), store.replace_graph(ARTICLE, article)),
                repeat,
            ),
        ),
        ("baseline: native TriG dump, no default graph", bare_trig),
        ("dump TriG (named graphs only)", seconds(lambda: store.dump(fmt=RdfFormat.TRIG), 1)),
    ]
    store.native.clear_graph(pyoxigraph.DefaultGraph())  # as an older kg left its stores
    before = peak_mb()
    rows.append(("compute a missing default graph (1 tx)", seconds(store.refresh_default_graph, 1)))
    rows.append(("  peak memory growth of that (MB)", peak_mb() - before))
    store.close()
    print(f"{quads} quads, {merge} triples in the merge")
    for name, value in rows:
        print(f"  {name:44} {value:8.2f}")
    shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, nargs="+", default=[200_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]), int(args.child[2]))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-merge-"))
    work.mkdir(parents=True, exist_ok=True)
    for size in args.triples:
        nquads = work / f"{size}.nq"
        if not nquads.exists():
            generate(nquads, size)
        print(f"\n== about {size} triples (seconds, median of {args.repeat})")
        subprocess.run(
            [sys.executable, __file__, "--child", str(nquads), str(work / "run"), str(args.repeat)],
            check=True,
        )


if __name__ == "__main__":
    main()
