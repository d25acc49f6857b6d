"""Build throughput: kg build per stage, a rebuild after one edit, pyoxigraph's bulk load
and the naive way, in one run.

For each corpus size, in separate processes (so peak memory is measured apart):

1. ``kg build`` (``kg.build_dataset``, as the CLI runs it) from scratch: wall time, CPU time
   and peak memory of each stage (load, map, validate, link, store, write). Load, map and
   validate run in the worker processes: their wall and CPU seconds are summed over the
   workers and their peak is the largest worker's; the elapsed time of that parallel phase
   is shown too. The parent's threads overlap stages (the store loads while articles are
   written and events linked; the union and VoID's counts are read from the store while
   JSON-LD is compacted): a stage's CPU seconds are the whole process's while it ran, and
   the articles' store load is counted in the stage it overlaps.
2. pyoxigraph bulk-loading the same ``dataset.nq`` into an in-memory store (the physical
   anchor) and into an on-disk store (the kind kg build writes), and kg build's time as a
   multiple of each.
3. With ``--check``, ``kg check`` (HermiT, in parts) on the dataset.
4. The rebuild after editing one facts file (its title): what it reused, its stages, and
   its time as a share of the full build.
5. The naive way: every article mapped into one rdflib dataset, validated with one pyshacl
   call, the same four formats written with rdflib's serialisers; and naive / kg.

    python bench/bench_build.py --articles 1000 10000 [--jobs 2] [--batch-sizes 25]
        [--check] [--skip-naive-above N] [--naive-timeout SECONDS]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from kg.facts import (
    Article,
    DateValue,
    Deployment,
    DeploymentStatus,
    Entity,
    EntityType,
    Evidence,
    Facts,
    Precision,
    Protest,
    Qualifier,
    Quantity,
    Review,
    ReviewStatus,
    Role,
    dump_facts,
)

COUNTRIES = ["Arland", "Borovia", "Caldera", "Dunmar", "Esteria", "Fenwick", "Galdor", "Harlan"]
ALLIANCES = ["Northern Pact", "Southern League", "Coastal Union", "Mountain Accord"]
PERSONS = ["Ana Lima", "Budi Santoso", "Carla Reyes", "Dmitri Volkov", "Eka Putri", "Farid Khan"]


def span(text: str) -> tuple[Evidence, ...]:
    return (Evidence(0, len(text), text),)


def synthetic_facts(n: int, rng: random.Random) -> Facts:
    """One article's facts: 6 entities, a deployment, a protest and two roles."""
    sender, to = rng.sample(COUNTRIES, 2)
    alliance, person = rng.choice(ALLIANCES), rng.choice(PERSONS)
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(1500))
    date = DateValue(day, Precision.DAY, day, day, text="on Tuesday")
    entities = (
        Entity(
            "s", EntityType.LOCATION, (sender,), authority=sender.lower(), evidence=span(sender)
        ),
        Entity("t", EntityType.LOCATION, (to,), authority=to.lower(), evidence=span(to)),
        Entity("a", EntityType.ORGANIZATION, (alliance,), evidence=span(alliance)),
        Entity("p", EntityType.PERSON, (person,), evidence=span(person)),
        Entity("c", EntityType.LOCATION, (f"City {n % 97}",), evidence=span("City")),
        Entity("m", EntityType.ORGANIZATION, (f"Ministry {n % 31}",), evidence=span("Ministry")),
    )
    troops = rng.randrange(100, 5000)
    sentence = f"{alliance} sent about {troops} troops to {to}."
    deployment = Deployment(
        "d1", "a", "t", DeploymentStatus.HAPPENED,
        Quantity(Qualifier.APPROXIMATELY, troops, text=f"about {troops} troops"),
        requested_by="p", start=date, evidence=span(sentence),
    )  # fmt: skip
    protest = Protest(
        "p1", "c", start=date, causes=("fuel price rise",),
        deaths=Quantity(Qualifier.VAGUE, None, 20, 99, "dozens"),
        arrests=Quantity(Qualifier.AT_LEAST, 50, 50, None, "at least 50"),
        evidence=span("Protesters gathered in the city."),
    )  # fmt: skip
    roles = (
        Role("r1", "p", "President", "s", span(f"President {person}")),
        Role("r2", "p", "Commander", "a", span(f"Commander {person}")),
    )
    article = Article(
        f"synthetic-{n:06d}", f"Report {n}", day, "en", publisher="Bench Wire",
        url=f"https://news.example/{n}",
    )  # fmt: skip
    review = Review(ReviewStatus.DRAFT, tool="bench")
    return Facts(article, review, entities, (deployment,), (protest,), roles)


def write_corpus(folder: Path, count: int) -> list[Path]:
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"a{n:06d}.yaml"
        path.write_text(dump_facts(synthetic_facts(n, rng)), encoding="utf-8")
        paths.append(path)
    return paths


def run_kg(folder: str, out: str, jobs: int, batch: int, full: bool) -> dict[str, object]:
    from kg.api import build_dataset

    start, cpu = time.perf_counter(), _cpu()
    built = build_dataset(Path(folder), out=Path(out), jobs=jobs, batch_size=batch, full=full)
    assert built.costs is not None
    stages = {
        stage.value: {"wall": c.wall, "cpu": c.cpu, "peak_mb": c.peak_mb}
        for stage, c in built.costs.stages.items()
    }
    return {
        "seconds": time.perf_counter() - start,
        "cpu": _cpu() - cpu,
        "triples": built.triples,
        "reused": built.reused,
        "full_reason": built.full_reason,
        "stages": stages,
    }


def run_oxigraph(nquads: str, directory: str | None = None) -> dict[str, object]:
    """pyoxigraph bulk-loading kg's N-Quads into an in-memory store, or an on-disk one (the
    kind kg build writes) when a directory is given."""
    import pyoxigraph

    start, cpu = time.perf_counter(), _cpu()
    store = pyoxigraph.Store(directory)
    store.bulk_load(path=nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    return {"seconds": seconds, "cpu": cpu, "triples": len(store)}


def run_check(nquads: str, jobs: int) -> dict[str, object]:
    """kg check (HermiT, in parts) on the dataset."""
    from kg.owlcheck import check_consistency

    start, cpu = time.perf_counter(), _cpu()
    report = check_consistency([Path(nquads)], jobs=jobs)
    return {
        "seconds": time.perf_counter() - start,
        "cpu": _cpu() - cpu,
        "consistent": report.consistent,
        "parts": report.parts,
        "triples": report.triples,
    }


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def run_naive(folder: str, out: str) -> dict[str, float]:
    """The naive build: one rdflib dataset, one pyshacl call, rdflib's serialisers."""
    import pyshacl
    from rdflib import Dataset, Graph

    from kg.facts import load_facts
    from kg.mapping import map_facts
    from kg.rdf.iris import Iris
    from kg.validate import SHAPES_PATH

    start = time.perf_counter()
    dataset = Dataset()
    union = Graph()
    entities = dataset.graph(Iris().entities_graph())
    for path in sorted(Path(folder).glob("*.yaml")):
        mapped = map_facts(load_facts(path))
        graph = dataset.graph(mapped.graph_iri)
        for triple in mapped.facts:
            graph.add(triple)
            union.add(triple)
        for triple in mapped.entities:
            entities.add(triple)
            union.add(triple)
    conforms, _, _ = pyshacl.validate(union, shacl_graph=Graph().parse(SHAPES_PATH))
    assert conforms
    target = Path(out)
    target.mkdir(parents=True, exist_ok=True)
    dataset.serialize(target / "dataset.nq", format="nquads")
    dataset.serialize(target / "dataset.trig", format="trig")
    union.serialize(target / "dataset.ttl", format="turtle")
    dataset.serialize(target / "dataset.jsonld", format="json-ld")
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    return {"seconds": time.perf_counter() - start, "triples": quads}


def child(args: list[str]) -> None:
    kind = args[0]
    result: dict[str, object]
    if kind == "naive":
        result = dict(run_naive(args[1], args[2]))
    elif kind == "oxigraph":
        result = run_oxigraph(args[1], args[2] if len(args) > 2 else None)
    elif kind == "check":
        result = run_check(args[1], int(args[2]))
    else:
        result = run_kg(args[1], args[2], int(args[3]), int(args[4]), kind == "kg-full")
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    # A build resets the kernel's peak at each stage (to measure the stage's own): the run's
    # peak is the largest of the stages' and of what the process saw since.
    stages: Any = result.get("stages", {})
    result["peak_mb"] = max([peak / 1024, *(c["peak_mb"] for c in stages.values())])
    print(json.dumps(result))


def measure(*args: str, timeout: float | None = None) -> dict[str, Any] | None:
    """One variant in its own process; None when it did not finish within ``timeout``."""
    try:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", *args],
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return None
    if proc.returncode != 0:
        raise SystemExit(proc.stderr)
    return dict(json.loads(proc.stdout.strip().splitlines()[-1]))


def edit_one(folder: Path) -> Path:
    """Correct the title of the middle facts file, as a reviewer would."""
    files = sorted(folder.glob("*.yaml"))
    path = files[len(files) // 2]
    text = path.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.strip().startswith("title:"))
    path.write_text(text.replace(title, title + " (corrected)", 1), encoding="utf-8")
    return path


def print_stages(name: str, r: dict[str, Any]) -> None:
    print(f"  {name}: {r['seconds']:.1f} s wall, {r['cpu']:.1f} s CPU, peak {r['peak_mb']:.0f} MB")
    print(f"    {'stage':<10}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}")
    for stage in ("load", "map", "validate", "link", "store", "write"):
        c = r["stages"].get(stage)
        if c is None:
            continue
        note = "  (summed over workers)" if stage in ("load", "map", "validate") else ""
        print(f"    {stage:<10}{c['wall']:>9.1f}{c['cpu']:>9.1f}{c['peak_mb']:>9.0f}{note}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--batch-sizes", type=int, nargs="+", default=[25])
    parser.add_argument(
        "--skip-naive-above", type=int, default=10**9, help="skip the naive run above N articles"
    )
    parser.add_argument(
        "--naive-timeout",
        type=float,
        default=None,
        help="stop the naive run after this many seconds and report a lower bound",
    )
    parser.add_argument(
        "--check", action="store_true", help="also time kg check (HermiT, in parts) on it"
    )
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child)
        return
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for count in options.articles:
            folder = Path(tmp) / f"corpus-{count}"
            write_corpus(folder, count)
            for batch in options.batch_sizes:
                out = Path(tmp) / f"out-{count}-{batch}"
                full = measure("kg-full", str(folder), str(out), str(options.jobs), str(batch))
                assert full is not None
                print(
                    f"kg build: {count} articles, {full['triples']} triples, "
                    f"jobs {options.jobs}, batch {batch}"
                )
                print_stages("full build", full)
                ox = measure("oxigraph", str(out / "dataset.nq"))
                on_disk = measure("oxigraph", str(out / "dataset.nq"), str(Path(tmp) / "ox"))
                assert ox is not None and on_disk is not None
                shutil.rmtree(Path(tmp) / "ox")
                for where, loaded in (("in memory", ox), ("on disk", on_disk)):
                    print(
                        f"  pyoxigraph bulk load of dataset.nq {where}: "
                        f"{loaded['seconds']:.1f} s wall, {loaded['cpu']:.1f} s CPU, "
                        f"peak {loaded['peak_mb']:.0f} MB; kg build / bulk load = "
                        f"{full['seconds'] / loaded['seconds']:.1f}x"
                    )
                if options.check:
                    checked = measure("check", str(out / "dataset.nq"), str(options.jobs))
                    assert checked is not None and checked["consistent"], checked
                    print(
                        f"  kg check: {checked['seconds']:.1f} s wall, {checked['cpu']:.1f} s "
                        f"CPU (Java included), peak {checked['peak_mb']:.0f} MB, "
                        f"{checked['parts']} parts"
                    )
                edited = edit_one(folder)
                again = measure("kg", str(folder), str(out), str(options.jobs), str(batch))
                assert again is not None and again["reused"] == count - 1, again
                print_stages(
                    f"rebuild after editing {edited.name} ({again['reused']} reused)", again
                )
                print(f"  rebuild / full build = {100 * again['seconds'] / full['seconds']:.1f} %")
                shutil.rmtree(out)
            if count > options.skip_naive_above:
                continue
            naive_out = str(Path(tmp) / f"naive-{count}")
            naive = measure("naive", str(folder), naive_out, timeout=options.naive_timeout)
            if naive is None:
                print(
                    f"  naive (1 graph, 1 pyshacl): did not finish in "
                    f"{options.naive_timeout:.0f} s; naive / kg build > "
                    f"{options.naive_timeout / full['seconds']:.1f}x"
                )
                continue
            print(
                f"  naive (1 graph, 1 pyshacl): {naive['seconds']:.1f} s wall, peak "
                f"{naive['peak_mb']:.0f} MB; naive / kg build = "
                f"{naive['seconds'] / full['seconds']:.1f}x",
                flush=True,
            )
            shutil.rmtree(naive_out, ignore_errors=True)


if __name__ == "__main__":
    main()
