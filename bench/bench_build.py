"""Build throughput: kg build (batched, parallel, streamed) against the naive way.

The naive way maps every article into one rdflib dataset, validates it with one pyshacl
call and writes the same four formats with rdflib's serialisers. Each variant runs in its
own process so peak memory is measured separately.

    python bench/bench_build.py --articles 1000 10000 [--jobs 2] [--batch-sizes 1 10 25 50]

Prints articles/s, triples/s and peak memory (MB) per variant, and the ratio naive/kg.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def run_kg(folder: str, out: str, jobs: int, batch: int) -> dict[str, float]:
    from kg.build import compile_facts, facts_files
    from kg.dataset import write_dataset

    start = time.perf_counter()
    compiled = compile_facts(facts_files([Path(folder)]), jobs=jobs, batch_size=batch)
    assert compiled.report.conforms, compiled.report.to_text()[:2000]
    manifest = write_dataset(compiled, Path(out), base="https://example.org/kg/")
    return {"seconds": time.perf_counter() - start, "triples": manifest["triples"]}


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
    if kind == "naive":
        result = run_naive(args[1], args[2])
    else:
        result = run_kg(args[1], args[2], int(args[3]), int(args[4]))
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    result["peak_mb"] = peak / 1024
    print(json.dumps(result))


def measure(*args: str, timeout: float | None = None) -> dict[str, float] | None:
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
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        child(options.child)
        return
    print(
        f"{'variant':<28}{'articles':>9}{'seconds':>10}{'art/s':>9}{'triples/s':>11}{'peak MB':>9}"
    )
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        for count in options.articles:
            folder = Path(tmp) / f"corpus-{count}"
            write_corpus(folder, count)
            rows: list[tuple[str, dict[str, float]]] = []
            for batch in options.batch_sizes:
                result = measure(
                    "kg",
                    str(folder),
                    str(Path(tmp) / f"out-{count}-{batch}"),
                    str(options.jobs),
                    str(batch),
                )
                assert result is not None
                rows.append((f"kg build j{options.jobs} batch {batch}", result))
            for name, r in rows:
                print_row(name, count, r)
            if count > options.skip_naive_above:
                continue
            naive_out = str(Path(tmp) / f"naive-{count}")
            naive = measure("naive", str(folder), naive_out, timeout=options.naive_timeout)
            best = min(r["seconds"] for _, r in rows)
            if naive is None:
                print(
                    f"{'naive (1 graph, 1 pyshacl)':<28}{count:>9}  did not finish in "
                    f"{options.naive_timeout:.0f} s"
                )
                print(f"{'':<28}naive / best kg time > {options.naive_timeout / best:.1f}x")
                continue
            print_row("naive (1 graph, 1 pyshacl)", count, naive)
            print(f"{'':<28}naive / best kg time = {naive['seconds'] / best:.1f}x")


def print_row(name: str, count: int, r: dict[str, float]) -> None:
    print(
        f"{name:<28}{count:>9}{r['seconds']:>10.1f}{count / r['seconds']:>9.1f}"
        f"{r['triples'] / r['seconds']:>11.0f}{r['peak_mb']:>9.0f}",
        flush=True,
    )


if __name__ == "__main__":
    main()
