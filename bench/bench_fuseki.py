"""Benchmark: load a synthetic dataset into Fuseki (kg push, and the TDB2 bulk loader) and
run the query library against Fuseki and the embedded store in the same run.

    /work/venv/bin/python bench/bench_fuseki.py                 # about 1,000,000 triples
    /work/venv/bin/python bench/bench_fuseki.py --triples 50000 --repeat 3

Fuseki is started with ``scripts/fuseki`` on a free port (in memory) and stopped at the
end. Prints push and bulk-load times, then the median latency of every query on each
store and the ratio embedded/Fuseki (below 1: the embedded store is faster). The embedded
store is queried in-process (no HTTP), Fuseki over HTTP (SPARQLWrapper, JSON results).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.errors import KgError  # noqa: E402
from kg.push import push  # noqa: E402
from kg.rdf.formats import RdfFormat  # noqa: E402
from kg.store import EmbeddedStore, FusekiStore, Store  # noqa: E402

BASE = "https://example.org/kg/"
KG = "https://example.org/kg/ontology#"
SCHEMA = "https://schema.org/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
SCRIPT = REPO / "scripts" / "fuseki"

PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX schema: <{SCHEMA}>
PREFIX oa: <{OA}>
PREFIX prov: <{PROV}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

# Used when queries/*.rq is empty: the kinds of question the named queries ask.
FALLBACK_QUERIES = {
    "deployments-by-sender": PREFIXES
    + """SELECT ?sender (COUNT(DISTINCT ?d) AS ?n) (SUM(?troops) AS ?total) WHERE {
  ?d a kg:Deployment ; kg:sender ?sender ; kg:troops ?q . ?q schema:value ?troops .
} GROUP BY ?sender ORDER BY DESC(?n) LIMIT 20""",
    "disagreeing-troop-counts": PREFIXES
    + """SELECT ?sender ?dest ?a ?b ?v1 ?v2 WHERE {
  GRAPH ?g1 { ?d1 a kg:Deployment ; kg:sender ?sender ; kg:destination ?dest ; kg:troops ?q1 .
              ?q1 schema:value ?v1 }
  GRAPH ?g2 { ?d2 a kg:Deployment ; kg:sender ?sender ; kg:destination ?dest ; kg:troops ?q2 .
              ?q2 schema:value ?v2 }
  ?d1 kg:reportedIn ?a . ?d2 kg:reportedIn ?b .
  FILTER(STR(?g1) < STR(?g2) && ?v1 != ?v2)
} LIMIT 100""",
    "evidence-of-one-event": PREFIXES
    + f"""SELECT ?exact ?start ?end WHERE {{
  <{BASE}article/a000007/deployment/d1> kg:evidence ?ev .
  ?ev oa:hasTarget ?t . ?t oa:hasSelector ?sel .
  OPTIONAL {{ ?sel oa:exact ?exact }} OPTIONAL {{ ?sel oa:start ?start ; oa:end ?end }}
}}""",
    "articles-mentioning-entity": PREFIXES
    + f"""SELECT ?article ?headline ?date WHERE {{
  <{BASE}id/organization/o3> kg:mentionedIn ?article .
  ?article schema:headline ?headline ; schema:datePublished ?date .
}} ORDER BY ?date LIMIT 50""",
    "protests-by-month": PREFIXES
    + """SELECT ?month (COUNT(*) AS ?n) WHERE {
  ?p a kg:Protest ; kg:startDate ?t . ?t kg:date ?date .
  BIND(SUBSTR(STR(?date), 1, 7) AS ?month)
} GROUP BY ?month ORDER BY ?month""",
    "headline-search": PREFIXES
    + """SELECT ?article ?headline WHERE {
  ?article a schema:NewsArticle ; schema:headline ?headline .
  FILTER(CONTAINS(LCASE(?headline), "kazakhstan"))
} LIMIT 100""",
    "entity-labels-any-language": PREFIXES
    + f"""SELECT ?label WHERE {{ <{BASE}id/location/l5> rdfs:label|schema:name ?label }}""",
    "ask-denied-deployment": PREFIXES + """ASK { ?d a kg:Deployment ; kg:status kg:denied }""",
}


# --- synthetic data ---------------------------------------------------------------------


def _iri(value: str) -> str:
    return f"<{value}>"


def _lit(value: str, datatype: str | None = None, lang: str | None = None) -> str:
    body = value.replace("\\", "\\\\").replace('"', '\\"')
    if lang:
        return f'"{body}"@{lang}'
    if datatype:
        return f'"{body}"^^<{datatype}>'
    return f'"{body}"'


ORGS, LOCATIONS, PEOPLE = 60, 200, 300
WORDS = ["troops", "sent", "to", "Kazakhstan", "after", "protests", "over", "fuel", "prices"]
WORDS += ["turned", "violent", "in", "Almaty", "bloc", "alliance", "leaders", "capital"]


def entity_quads(graph: str) -> Iterator[str]:
    """The shared entity graph: organizations, locations and people with labels."""
    g = _iri(graph)
    for kind, count, cls in (
        ("organization", ORGS, "Organization"),
        ("location", LOCATIONS, "Location"),
        ("person", PEOPLE, "Person"),
    ):
        for n in range(count):
            s = _iri(f"{BASE}id/{kind}/{kind[0]}{n}")
            yield f"{s} {_iri(RDF_TYPE)} {_iri(KG + cls)} {g} ."
            yield f"{s} {_iri(RDFS_LABEL)} {_lit(f'{cls} {n}', lang='en')} {g} ."
            yield f"{s} {_iri(RDFS_LABEL)} {_lit(f'{cls} {n} (id)', lang='id')} {g} ."
            yield f"{s} {_iri(SCHEMA + 'name')} {_lit(f'{cls} {n}', lang='en')} {g} ."
            yield f"{s} {_iri(SCHEMA + 'sameAs')} {_iri(f'http://www.wikidata.org/entity/Q{n + 1000}')} {g} ."


def article_quads(n: int, rng: random.Random) -> Iterator[str]:
    """One article graph of roughly 450 triples, shaped like kg build's output."""
    key = f"a{n:06d}"
    art = f"{BASE}article/{key}"
    g = _iri(f"{BASE}graph/{key}")
    a = _iri(art)

    def t(s: str, p: str, o: str) -> str:
        return f"{s} {_iri(p)} {o} {g} ."

    day = f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lang = rng.choice(["en", "id"])
    yield t(a, RDF_TYPE, _iri(SCHEMA + "NewsArticle"))
    yield t(a, SCHEMA + "headline", _lit(" ".join(rng.sample(WORDS, 6)), lang=lang))
    yield t(a, SCHEMA + "datePublished", _lit(day, XSD + "date"))
    yield t(a, SCHEMA + "inLanguage", _lit(lang))
    yield t(a, SCHEMA + "url", _iri(f"https://news.example.com/{key}"))
    yield t(a, SCHEMA + "publisher", _iri(f"{BASE}id/organization/o{rng.randrange(ORGS)}"))
    act = _iri(f"{art}/extraction")
    yield t(g, PROV + "wasDerivedFrom", a)
    yield t(g, PROV + "wasGeneratedBy", act)
    yield t(act, RDF_TYPE, _iri(PROV + "Activity"))
    yield t(act, KG + "toolVersion", _lit("0.1.0"))
    evidence_no = 0

    def evidence(node: str) -> Iterator[str]:
        nonlocal evidence_no
        evidence_no += 1
        ev = f"{node[1:-1]}/evidence/{evidence_no}"
        start = rng.randrange(5000)
        yield t(node, KG + "evidence", _iri(ev))
        yield t(_iri(ev), RDF_TYPE, _iri(OA + "Annotation"))
        yield t(_iri(ev), OA + "hasBody", node)
        yield t(_iri(ev), OA + "hasTarget", _iri(f"{ev}/target"))
        yield t(_iri(f"{ev}/target"), OA + "hasSource", a)
        yield t(_iri(f"{ev}/target"), OA + "hasSelector", _iri(f"{ev}/quote"))
        yield t(_iri(f"{ev}/target"), OA + "hasSelector", _iri(f"{ev}/position"))
        yield t(_iri(f"{ev}/quote"), RDF_TYPE, _iri(OA + "TextQuoteSelector"))
        yield t(_iri(f"{ev}/quote"), OA + "exact", _lit(" ".join(rng.sample(WORDS, 8))))
        yield t(_iri(f"{ev}/position"), RDF_TYPE, _iri(OA + "TextPositionSelector"))
        yield t(_iri(f"{ev}/position"), OA + "start", _lit(str(start), XSD + "integer"))
        yield t(_iri(f"{ev}/position"), OA + "end", _lit(str(start + 60), XSD + "integer"))

    for m in range(18):  # mentions of entities
        kind = rng.choice(["organization", "location", "person"])
        limit = {"organization": ORGS, "location": LOCATIONS, "person": PEOPLE}[kind]
        ent = _iri(f"{BASE}id/{kind}/{kind[0]}{rng.randrange(limit)}")
        mention = _iri(f"{art}/mention/m{m}")
        yield t(ent, KG + "mentionedIn", a)
        yield from evidence(mention)
        yield t(mention, RDF_TYPE, _iri(KG + "Mention"))
        yield t(mention, KG + "entity", ent)
    for d in range(1, 4):  # deployments with counts and dates
        dep = _iri(f"{art}/deployment/d{d}")
        q = _iri(f"{art}/deployment/d{d}/troops")
        when = _iri(f"{art}/deployment/d{d}/start")
        value = rng.choice([150, 500, 2000, 2500, 3000])
        yield t(dep, RDF_TYPE, _iri(KG + "Deployment"))
        yield t(dep, RDFS_LABEL, _lit(f"deployment {d} of {key}", lang="en"))
        yield t(dep, KG + "reportedIn", a)
        yield t(dep, KG + "requestedBy", _iri(f"{BASE}id/person/p{rng.randrange(PEOPLE)}"))
        yield t(dep, KG + "sender", _iri(f"{BASE}id/location/l{rng.randrange(20)}"))
        yield t(dep, KG + "destination", _iri(f"{BASE}id/location/l{rng.randrange(20)}"))
        yield t(dep, KG + "status", _iri(KG + rng.choice(["happened", "planned", "denied"])))
        yield t(dep, KG + "troops", q)
        yield t(q, RDF_TYPE, _iri(KG + "Quantity"))
        yield t(q, SCHEMA + "value", _lit(str(value), XSD + "integer"))
        yield t(q, SCHEMA + "minValue", _lit(str(value - 100), XSD + "integer"))
        yield t(q, KG + "qualifier", _iri(KG + rng.choice(["approximately", "exact", "atLeast"])))
        yield t(q, KG + "verbatim", _lit(f"sekitar {value} tentara", lang="id"))
        yield t(dep, KG + "startDate", when)
        yield t(when, KG + "date", _lit(day, XSD + "date"))
        yield t(when, KG + "precision", _iri(KG + "day"))
        yield t(when, KG + "earliest", _lit(day, XSD + "date"))
        yield t(when, KG + "latest", _lit(day, XSD + "date"))
        yield t(when, KG + "verbatim", _lit("pekan lalu", lang="id"))
        yield from evidence(dep)
    for p in range(1, 3):  # protests
        pro = _iri(f"{art}/protest/p{p}")
        when = _iri(f"{art}/protest/p{p}/start")
        yield t(pro, RDF_TYPE, _iri(KG + "Protest"))
        yield t(pro, RDFS_LABEL, _lit(f"protest {p} of {key}", lang="en"))
        yield t(pro, KG + "reportedIn", a)
        yield t(pro, KG + "location", _iri(f"{BASE}id/location/l{rng.randrange(20)}"))
        yield t(pro, KG + "cause", _lit("fuel prices", lang="en"))
        yield t(pro, KG + "startDate", when)
        yield t(when, KG + "date", _lit(day, XSD + "date"))
        yield t(when, KG + "earliest", _lit(day, XSD + "date"))
        yield t(when, KG + "latest", _lit(day, XSD + "date"))
        yield from evidence(pro)
    for r in range(1, 3):  # roles
        role = _iri(f"{art}/role/r{r}")
        yield t(role, RDF_TYPE, _iri(KG + "RoleAssignment"))
        yield t(role, KG + "holder", _iri(f"{BASE}id/person/p{rng.randrange(PEOPLE)}"))
        yield t(role, KG + "roleName", _lit(rng.choice(["commander", "president", "spokesman"])))
        yield t(role, KG + "roleIn", _iri(f"{BASE}id/organization/o{rng.randrange(ORGS)}"))
        yield t(role, KG + "reportedIn", a)
        yield from evidence(role)


def write_dataset(folder: Path, triples: int, seed: int = 7) -> tuple[int, int]:
    """Write ``folder/dataset.nq``; return (graphs, triples) written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    count, graphs = 0, 1
    with (folder / "dataset.nq").open("w", encoding="utf-8") as out:
        for line in entity_quads(f"{BASE}graph/entities"):
            out.write(line + "\n")
            count += 1
        n = 0
        while count < triples:
            for line in article_quads(n, rng):
                out.write(line + "\n")
                count += 1
            n += 1
            graphs += 1
    return graphs, count


# --- timing -------------------------------------------------------------------------------


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run_query(store: Store, text: str) -> int:
    """Run a query of any form; the number of rows, triples or 1/0."""
    head = " ".join(line for line in text.splitlines() if not line.upper().startswith("PREFIX"))
    form = head.lstrip().split(None, 1)[0].upper() if head.strip() else "SELECT"
    if form == "ASK":
        return int(store.ask(text))
    if form in ("CONSTRUCT", "DESCRIBE"):
        return len(store.construct(text).splitlines())
    return len(store.select(text).rows)


def measure(store: Store, text: str, repeat: int, slow: float) -> tuple[float, int]:
    """(median seconds, rows): a warm-up, then ``repeat`` runs (only the warm-up if it took
    longer than ``slow`` seconds); (nan, -1) if the query failed (e.g. timed out)."""
    started = time.perf_counter()
    try:
        rows = run_query(store, text)
    except KgError as exc:
        print(f"    {type(store).__name__}: {exc}", flush=True)
        return float("nan"), -1
    warm = time.perf_counter() - started
    if warm > slow:
        return warm, rows
    return statistics.median(timed(lambda: run_query(store, text)) for _ in range(repeat)), rows


def load_queries() -> dict[str, str]:
    files = sorted((REPO / "queries").glob("*.rq"))
    if files:
        return {f.stem: f.read_text(encoding="utf-8") for f in files}
    return FALLBACK_QUERIES


def fuseki(*args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"scripts/fuseki {' '.join(args)} failed:\n{proc.stderr}")
    return proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="dataset size")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query (after a warm-up)")
    parser.add_argument(
        "--slow", type=float, default=20.0, help="a query slower than this runs only once"
    )
    parser.add_argument(
        "--query-timeout", type=float, default=120.0, help="Fuseki aborts queries after this"
    )
    parser.add_argument("--batch-size", type=int, default=50, help="kg push batch size")
    parser.add_argument("--no-bulk", action="store_true", help="skip the TDB2 bulk loader")
    parser.add_argument("--keep", type=Path, help="write the dataset here and keep it")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    folder = args.keep or work / "dataset"
    try:
        seconds = timed(lambda: print_size(write_dataset(folder, args.triples)))
        print(f"generated in {seconds:.1f} s: {folder / 'dataset.nq'}")

        url = fuseki("start", "--port", "0", "--query-timeout", str(args.query_timeout))
        port = url.split(":")[2].split("/")[0]
        try:
            remote = FusekiStore(url, timeout=args.query_timeout + 30)
            report = push(folder, remote, batch_size=args.batch_size)
            print(
                f"kg push: {report.triples_pushed} triples in {len(report.pushed)} graphs "
                f"in {report.seconds:.1f} s "
                f"({report.triples_pushed / max(report.seconds, 1e-9):,.0f} triples/s)"
            )
            if not args.no_bulk:
                bulk_load(folder / "dataset.nq", work / "tdb2")

            local = EmbeddedStore()
            seconds = timed(lambda: local.load_file(folder / "dataset.nq", fmt=RdfFormat.NQUADS))
            print(f"embedded bulk load (pyoxigraph, in memory): {seconds:.1f} s")

            queries = load_queries()
            print(f"\n{len(queries)} queries, median of {args.repeat} runs after a warm-up")
            print(f"{'query':34} {'rows':>7} {'embedded ms':>12} {'fuseki ms':>10} {'ratio':>7}")
            for name, text in queries.items():
                t_local, rows_local = measure(local, text, args.repeat, args.slow)
                t_remote, rows_remote = measure(remote, text, args.repeat, args.slow)
                same = "" if rows_local == rows_remote else f"  (fuseki: {rows_remote} rows!)"
                print(
                    f"{name:34} {rows_local:>7} {t_local * 1000:>12.1f} {t_remote * 1000:>10.1f} "
                    f"{t_local / t_remote:>7.2f}{same}",
                    flush=True,
                )
            remote.close()
        finally:
            fuseki("stop", "--port", port)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
        else:
            shutil.rmtree(work / "tdb2", ignore_errors=True)
    return 0


def print_size(written: tuple[int, int]) -> None:
    print(f"synthetic dataset: {written[1]:,} triples in {written[0]:,} graphs")


def bulk_load(nquads: Path, location: Path) -> None:
    """Time Fuseki's own TDB2 bulk loader (tdb2.tdbloader, inside the Fuseki server jar)."""
    jar = fuseki("fetch")
    cmd = ["java", "-Xmx4g", "-cp", jar, "tdb2.tdbloader", "--loc", str(location), str(nquads)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        print(f"tdb2.tdbloader failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
        return
    print(f"tdb2.tdbloader (TDB2 on disk, JVM start included): {seconds:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
