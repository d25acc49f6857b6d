"""Benchmark the named query library: embedded store, kg serve over HTTP, and rdflib.

Generates a synthetic, facts-like dataset with kg's real vocabulary (one named graph per
article plus the shared entity graph; deployments, protests and roles with quantities,
dates, evidence and provenance shaped as kg.mapping writes them), then runs every named
query with its default parameters:

  (a) directly on the embedded pyoxigraph store (EmbeddedStore.select),
  (b) over HTTP against ``kg serve`` on the same store (GET /queries/NAME, SPARQL JSON),
  (c) with rdflib's own SPARQL engine, on the same data (``--rdflib-triples`` equal to
      ``--triples``, the default) or on a prefix of it, compared with the embedded store on
      that same data; each rdflib query is stopped after ``--rdflib-cap`` seconds.

Prints the median latency per query and the ratios::

    python bench/bench_query.py --triples 1000000 --repeat 3 --rdflib-cap 120
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx

from kg.queries import NamedQuery, library, run_select
from kg.rdf.vocab import KG, OA
from kg.store.embedded import EmbeddedStore

BASE = "https://example.org/kg/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
S = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
XSD = "http://www.w3.org/2001/XMLSchema#"
TIME = "http://www.w3.org/2006/time#"
STATUS = [KG.Happened, KG.Planned, KG.Denied]
QUALIFIERS = [KG.Exact, KG.Approximately, KG.AtLeast, KG.MoreThan, KG.Nearly, KG.Vague]


def lit(value: object, datatype: str | None = None, lang: str | None = None) -> str:
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{text}"@{lang}'
    return f'"{text}"^^<{datatype}>' if datatype else f'"{text}"'


class Generator:
    """Writes N-Quads of synthetic articles, deterministically from a seed."""

    def __init__(self, seed: int = 7) -> None:
        self.rnd = random.Random(seed)
        self.orgs = [f"{BASE}id/organization/org{i}" for i in range(300)]
        self.locations = [f"{BASE}id/location/loc{i}" for i in range(500)]
        self.people = [f"{BASE}id/person/p{i}" for i in range(400)]
        self.publishers = [f"{BASE}id/publisher/pub{i}" for i in range(20)]

    def entities(self) -> Iterator[str]:
        g = f"<{BASE}graph/entities>"
        for kind, pool in (
            (KG.Organization, self.orgs),
            (KG.Location, self.locations),
            (KG.Person, self.people),
        ):
            for i, iri in enumerate(pool):
                yield f"<{iri}> <{RDF_TYPE}> <{kind}> {g} .\n"
                yield f"<{iri}> <{LABEL}> {lit(f'Name {i} of {kind[-6:]}', lang='en')} {g} .\n"
                yield f"<{iri}> <{LABEL}> {lit(f'Nama {i}', lang='id')} {g} .\n"
                yield f"<{iri}> <{S}name> {lit(f'Name {i} of {kind[-6:]}', lang='en')} {g} .\n"
                yield f"<{iri}> <{KG.authorityKey}> {lit(iri.rsplit('/', 1)[1])} {g} .\n"
                if kind == KG.Location and i % 2 == 0:
                    yield f"<{iri}> <{S}sameAs> <http://www.wikidata.org/entity/Q{1000 + i}> {g} .\n"

    def article(self, n: int) -> Iterator[str]:
        r = self.rnd
        key = f"a{n}"
        art, graph = f"{BASE}article/{key}", f"{BASE}graph/{key}"
        g = f"<{graph}>"
        day = f"20{20 + n % 6}-{1 + n % 12:02d}-{1 + n % 28:02d}"

        def t(s: str, p: str, o: str) -> str:
            return f"<{s}> <{p}> {o} {g} .\n"

        def evidence(fact: str, parent: str, number: int) -> Iterator[str]:
            note = f"{parent}/evidence/{number}"
            start = r.randrange(0, 3000)
            yield t(fact, KG.evidence, f"<{note}>")
            yield t(note, RDF_TYPE, f"<{KG.Evidence}>")
            yield t(note, RDF_TYPE, f"<{OA.Annotation}>")
            yield t(note, OA.hasBody, f"<{fact}>")
            yield t(note, OA.hasTarget, f"<{note}/target>")
            yield t(f"{note}/target", RDF_TYPE, f"<{OA.SpecificResource}>")
            yield t(f"{note}/target", OA.hasSource, f"<{art}>")
            yield t(f"{note}/target", OA.hasSelector, f"<{note}/quote>")
            yield t(f"{note}/target", OA.hasSelector, f"<{note}/position>")
            yield t(f"{note}/quote", RDF_TYPE, f"<{OA.TextQuoteSelector}>")
            yield t(f"{note}/quote", OA.exact, lit(f"quoted words {n} {number} of {fact[-12:]}"))
            yield t(f"{note}/position", RDF_TYPE, f"<{OA.TextPositionSelector}>")
            yield t(f"{note}/position", OA.start, lit(start, XSD + "integer"))
            yield t(f"{note}/position", OA.end, lit(start + 40, XSD + "integer"))

        def quantity(fact: str, prop: str, name: str) -> Iterator[str]:
            q = f"{fact}/{name}"
            value = r.choice([12, 40, 300, 450, 1000, 1200, 2000, 2500, 4500])
            yield t(fact, prop, f"<{q}>")
            yield t(q, RDF_TYPE, f"<{KG.Quantity}>")
            yield t(q, KG.qualifier, f"<{r.choice(QUALIFIERS)}>")
            yield t(q, S + "value", lit(value, XSD + "integer"))
            yield t(q, KG.verbatim, lit(f"about {value}", lang="en"))

        def date(fact: str, prop: str) -> Iterator[str]:
            d = f"{fact}/start"
            when = f"20{20 + n % 6}-{1 + (n + r.randrange(3)) % 12:02d}-{1 + r.randrange(28):02d}"
            yield t(fact, prop, f"<{d}>")
            yield t(d, RDF_TYPE, f"<{KG.DateInterval}>")
            yield t(d, KG.date, lit(when, XSD + "date"))
            yield t(d, KG.precision, f"<{TIME}unitDay>")
            yield t(d, KG.earliest, lit(when, XSD + "date"))
            yield t(d, KG.latest, lit(when, XSD + "date"))
            yield t(d, KG.approximate, lit("false", XSD + "boolean"))

        publisher = r.choice(self.publishers)
        yield t(art, RDF_TYPE, f"<{KG.Article}>")
        yield t(art, RDF_TYPE, f"<{S}NewsArticle>")
        yield t(art, S + "headline", lit(f"Headline of article {n}", lang="en"))
        yield t(art, S + "datePublished", lit(day, XSD + "date"))
        yield t(art, S + "inLanguage", lit("en"))
        yield t(art, S + "url", f"<https://news.example/{key}>")
        yield t(art, S + "publisher", f"<{publisher}>")
        yield t(publisher, RDF_TYPE, f"<{S}Organization>")
        yield t(publisher, S + "name", lit(f"Outlet {publisher[-2:]}"))
        activity = f"{graph}/activity"
        for p, o in (
            (RDF_TYPE, f"<{KG.ArticleGraph}>"),
            (RDF_TYPE, f"<{PROV}Entity>"),
            (PROV + "wasDerivedFrom", f"<{art}>"),
            (PROV + "wasGeneratedBy", f"<{activity}>"),
        ):
            yield t(graph, p, o)
        for p, o in (
            (RDF_TYPE, f"<{KG.Review}>"),
            (RDF_TYPE, f"<{PROV}Activity>"),
            (PROV + "used", f"<{art}>"),
            (PROV + "wasAssociatedWith", f"<{BASE}agent/kg>"),
            (KG.toolVersion, lit("kg 0.1.0")),
        ):
            yield t(activity, p, o)
        yield t(f"{BASE}agent/kg", RDF_TYPE, f"<{PROV}SoftwareAgent>")
        yield t(f"{BASE}agent/kg", LABEL, lit("kg"))
        mentioned = r.sample(self.orgs, 3) + r.sample(self.locations, 3) + r.sample(self.people, 2)
        for i, e in enumerate(mentioned):
            yield t(e, KG.mentionedIn, f"<{art}>")
            yield from evidence(e, f"{art}/mention/e{i}", 1)
        for i in range(2):
            d = f"{art}/deployment/d{i}"
            yield t(d, RDF_TYPE, f"<{KG.Deployment}>")
            yield t(d, KG.reportedIn, f"<{art}>")
            yield t(d, LABEL, lit(f"Deployment {n}.{i}", lang="en"))
            yield t(d, KG.sender, f"<{r.choice(self.orgs[:60])}>")
            yield t(d, KG.destination, f"<{r.choice(self.locations[:100])}>")
            yield t(d, KG.status, f"<{r.choice(STATUS)}>")
            if r.random() < 0.5:
                yield t(d, KG.requestedBy, f"<{r.choice(self.people)}>")
            yield from quantity(d, KG.troops, "troops")
            yield from date(d, KG.startDate)
            yield from evidence(d, d, 1)
            yield from evidence(d, d, 2)
        p = f"{art}/protest/p0"
        yield t(p, RDF_TYPE, f"<{KG.Protest}>")
        yield t(p, KG.reportedIn, f"<{art}>")
        yield t(p, LABEL, lit(f"Protest {n}", lang="en"))
        yield t(p, KG.location, f"<{r.choice(self.locations[:100])}>")
        for place in r.sample(self.locations[100:], 2):
            yield t(p, KG.place, f"<{place}>")
        yield t(p, KG.cause, lit(r.choice(["fuel prices", "election", "wages"]), lang="en"))
        yield from date(p, KG.startDate)
        yield from quantity(p, KG.deaths, "deaths")
        yield from quantity(p, KG.arrests, "arrests")
        yield from evidence(p, p, 1)
        yield from evidence(p, p, 2)
        role = f"{art}/role/r0"
        yield t(role, RDF_TYPE, f"<{KG.RoleAssignment}>")
        yield t(role, KG.reportedIn, f"<{art}>")
        yield t(role, LABEL, lit(f"Role {n}", lang="en"))
        yield t(role, KG.holder, f"<{r.choice(self.people)}>")
        yield t(role, KG.roleName, lit(r.choice(["President", "Commander"]), lang="en"))
        yield t(role, KG.roleIn, f"<{r.choice(self.orgs)}>")
        yield from evidence(role, role, 1)


def generate(
    path: Path, triples: int, *, prefix: Path | None = None, prefix_triples: int = 0
) -> int:
    """Write about ``triples`` quads to ``path`` (and the first ``prefix_triples`` to ``prefix``)."""
    gen, written = Generator(), 0
    with path.open("w") as out:
        small = prefix.open("w") if prefix else None
        for line in gen.entities():
            out.write(line)
            if small:
                small.write(line)
            written += 1
        n = 0
        while written < triples:
            lines = list(gen.article(n))
            out.writelines(lines)
            if small and written < prefix_triples:
                small.writelines(lines)
            written += len(lines)
            n += 1
        if small:
            small.close()
    return written


def median_ms(run: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs, in milliseconds (after one warm-up run)."""
    run()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def build_store(nquads: Path, folder: Path) -> EmbeddedStore:
    folder.mkdir(parents=True, exist_ok=True)
    store = EmbeddedStore(folder / "store")
    store.load_file(nquads)
    store.flush()
    return store


class _OverCap(BaseException):
    """Raised by the alarm in the middle of an rdflib query (a BaseException, so that no
    ``except Exception`` inside rdflib swallows it)."""


def _over_cap(_signum: int, _frame: object) -> None:
    raise _OverCap


def _rdflib_worker(
    nquads: str,
    queries: list[tuple[str, str, dict[str, str]]],
    repeat: int,
    cap: float,
    out: multiprocessing.Queue,
) -> None:  # type: ignore[type-arg]
    from rdflib import Dataset, Literal, URIRef

    ds = Dataset(default_union=True)
    started = time.perf_counter()
    ds.parse(nquads, format="nquads")
    out.put(("__parse__", (time.perf_counter() - started) * 1000))
    signal.signal(signal.SIGALRM, _over_cap)
    for name, text, params in queries:
        bindings = {
            k: (URIRef(v) if v.startswith("http") else Literal(int(v))) for k, v in params.items()
        }
        times: list[float] = []
        signal.setitimer(signal.ITIMER_REAL, cap)  # for all runs of this query together
        try:
            for _ in range(repeat):
                t0 = time.perf_counter()
                list(ds.query(text, initBindings=bindings))
                times.append((time.perf_counter() - t0) * 1000)
        except _OverCap:
            pass
        except Exception as exc:  # rdflib fails on some standard queries: report, go on
            signal.setitimer(signal.ITIMER_REAL, 0)
            out.put((name, f"{type(exc).__name__}"))
            continue
        signal.setitimer(signal.ITIMER_REAL, 0)
        out.put((name, statistics.median(times) if times else None))


def run_rdflib(
    nquads: Path, queries: list[NamedQuery], repeat: int, cap: float
) -> dict[str, float | None]:
    """Median ms per query with rdflib in a child process; None where its first run did not
    finish within ``cap`` seconds, the exception's name where rdflib failed."""
    specs = [(q.name, q.text, {p.name: p.default for p in q.params if p.default}) for q in queries]
    results: dict[str, float | str | None] = {q.name: None for q in queries}
    context = multiprocessing.get_context("spawn")
    out = context.Queue()
    proc = context.Process(target=_rdflib_worker, args=(str(nquads), specs, repeat, cap, out))
    proc.start()
    received = 0
    while received < len(queries) + 1:
        try:  # parsing 1M quads takes rdflib minutes; a query at most ``cap``
            name, ms = out.get(timeout=cap + (3600 if received == 0 else 60))
        except Exception:
            break
        received += 1
        results[name] = ms
    proc.kill()
    proc.join()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument(
        "--rdflib-triples",
        type=int,
        default=None,
        help="query with rdflib on a prefix of this size (default: all the data)",
    )
    parser.add_argument("--rdflib-cap", type=float, default=120.0, help="seconds per rdflib query")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    full = work / "full.nq"
    same = args.rdflib_triples is None or args.rdflib_triples >= args.triples
    small = full if same else work / "small.nq"
    started = time.perf_counter()
    if same:
        n = generate(full, args.triples)
    else:
        n = generate(full, args.triples, prefix=small, prefix_triples=args.rdflib_triples)
    n_small = n if same else sum(1 for _ in small.open())
    print(
        f"generated {n} quads ({n_small} in the rdflib prefix) in {time.perf_counter() - started:.1f} s"
    )
    queries = library()
    defaults = {q.name: {p.name: p.default for p in q.params if p.default} for q in queries}

    shutil.rmtree(work / "full", ignore_errors=True)
    started = time.perf_counter()
    store = build_store(full, work / "full")
    print(f"loaded the embedded store in {time.perf_counter() - started:.1f} s")
    embedded = {
        q.name: median_ms(lambda q=q: run_select(store, q, defaults[q.name]), args.repeat)
        for q in queries
    }
    rows = {q.name: len(run_select(store, q, defaults[q.name]).rows) for q in queries}
    store.close()

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg",
            "serve",
            str(work / "full"),
            "--port",
            "0",
            "--timeout",
            "600",
            "--max-rows",
            "10000000",
            "--workers",
            "1",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    line = server.stdout.readline()
    url = line.split(" on ", 1)[1].split()[0]
    with httpx.Client(timeout=600) as client:
        while client.get(url + "sparql").status_code != 200:
            time.sleep(0.1)
        http = {
            q.name: median_ms(
                lambda q=q: client.get(
                    url + f"queries/{q.name}", params={"format": "json"}
                ).raise_for_status(),
                args.repeat,
            )
            for q in queries
        }
    server.terminate()
    server.wait(30)

    if same:
        embedded_small = embedded
    else:
        shutil.rmtree(work / "small", ignore_errors=True)
        small_store = build_store(small, work / "small")
        embedded_small = {
            q.name: median_ms(lambda q=q: run_select(small_store, q, defaults[q.name]), args.repeat)
            for q in queries
        }
        small_store.close()
    rdflib_ms = run_rdflib(small, queries, min(args.repeat, 3), args.rdflib_cap)

    print(
        f"\nmedian latency in ms over {args.repeat} runs; {n} quads (embedded, HTTP), "
        f"{n_small} quads (embedded vs rdflib {rdflib_ms.pop('__parse__', None) or 0:.0f} ms to parse)"
    )
    head = f"{'query':30} {'rows':>7} {'embedded':>9} {'HTTP':>9} {'HTTP/emb':>8} | {'emb (r)':>9} {'rdflib':>10} {'rdflib/emb':>10}"
    print(head)
    print("-" * len(head))
    for q in queries:
        e, h, es, rl = embedded[q.name], http[q.name], embedded_small[q.name], rdflib_ms.get(q.name)
        if isinstance(rl, str):  # rdflib raised: the exception's name
            rl_text, ratio = f"{rl:>10}", f"{'-':>10}"
        elif rl is None:
            rl_text, ratio = f"{'>' + str(int(args.rdflib_cap)) + 's':>10}", f"{'-':>10}"
        else:
            rl_text = f"{rl:10.1f}"
            ratio = f"{rl / es:10.0f}" if es > 0 else f"{'-':>10}"
        print(
            f"{q.name:30} {rows[q.name]:7d} {e:9.1f} {h:9.1f} {h / e:8.2f} | {es:9.1f} {rl_text} {ratio}"
        )
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
