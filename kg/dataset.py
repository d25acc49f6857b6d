"""Writing a built dataset: N-Quads, TriG, Turtle (union), JSON-LD, VoID/DCAT and the store.

Everything is written into a temporary directory beside the target, which replaces the
previous dataset only once complete: a failed or interrupted build leaves it intact.

Layout of a dataset directory::

    dataset.nq  dataset.trig  dataset.ttl  dataset.jsonld  context.jsonld  void.ttl
    manifest.json   one entry per named graph: IRI, triples, SHA-256 of its content
    store/          the embedded pyoxigraph store (what ``kg serve`` opens)
"""

from __future__ import annotations

import json
import os
import shutil
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, VOID

from kg import __version__
from kg.build import Compiled, graph_hash
from kg.errors import BuildError, UsageError
from kg.formats import RdfFormat
from kg.iris import Iris
from kg.store.embedded import EmbeddedStore
from kg.vocab import KG

__all__ = ["MANIFEST", "PREFIXES", "jsonld_context", "write_dataset"]

MANIFEST = "manifest.json"
PREFIXES = {
    "kgo": str(KG._NS),
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "wd": "http://www.wikidata.org/entity/",
}
_FILES = {
    "dataset.nq": RdfFormat.NQUADS,
    "dataset.trig": RdfFormat.TRIG,
    "dataset.ttl": RdfFormat.TURTLE,
    "dataset.jsonld": RdfFormat.JSONLD,
}


def jsonld_context(base: str) -> dict[str, Any]:
    """The published JSON-LD context: kg's prefixes plus ``kg:`` for the data base."""
    return {"@context": {"kg": base, **PREFIXES}}


class _Compactor:
    """Shortens IRIs in expanded JSON-LD to compact IRIs (keys, ``@id``, ``@type``).

    Literal values are left alone, so a string that looks like an IRI stays as written.
    """

    def __init__(self, prefixes: dict[str, str]) -> None:
        self._prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self._cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        short = self._cache.get(iri)
        if short is None:
            short = iri
            for prefix, namespace in self._prefixes:
                if iri.startswith(namespace) and len(iri) > len(namespace):
                    short = f"{prefix}:{iri[len(namespace) :]}"
                    break
            self._cache[iri] = short
        return short

    def node(self, value: Any) -> Any:
        if isinstance(value, list):
            return [self.node(v) for v in value]
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "@id":
                out[key] = self.iri(item)
            elif key == "@type":
                out[key] = [self.iri(t) for t in item] if isinstance(item, list) else self.iri(item)
            elif key in ("@value", "@language"):
                out[key] = item
            elif key.startswith("@"):
                out[key] = self.node(item)
            else:
                out[self.iri(key)] = self.node(item)
        return out


def _write_jsonld(store: EmbeddedStore, path: Path, base: str) -> None:
    context = jsonld_context(base)["@context"]
    expanded = json.loads(store.dump(fmt=RdfFormat.JSONLD))
    document = {"@context": context, "@graph": _Compactor(context).node(expanded)}
    with path.open("w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, separators=(",", ":"))


def _void(store: EmbeddedStore, compiled: Compiled, iris: Iris, files: dict[str, int]) -> Graph:
    g = Graph(bind_namespaces="none")
    for prefix, uri in (("void", VOID), ("dcat", DCAT), ("dcterms", DCTERMS), ("xsd", XSD)):
        g.bind(prefix, str(uri))
    dataset = iris.dataset()
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, RDF.type, DCAT.Dataset))
    g.add((dataset, DCTERMS.title, Literal("kg knowledge graph of news events", lang="en")))
    g.add((dataset, DCTERMS.description, Literal(f"Built by kg {__version__}.", lang="en")))
    g.add((dataset, VOID.uriSpace, Literal(iris.base)))
    for vocabulary in (KG._NS, PREFIXES["schema"], PREFIXES["prov"], PREFIXES["oa"]):
        g.add((dataset, VOID.vocabulary, URIRef(str(vocabulary))))

    def count(query: str) -> int:
        rows = store.select(query).rows
        return int(rows[0]["n"].value) if rows and "n" in rows[0] else 0

    total = store.count_triples()
    g.add((dataset, VOID.triples, Literal(total, datatype=XSD.integer)))
    g.add(
        (
            dataset,
            VOID.distinctSubjects,
            Literal(
                count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"), datatype=XSD.integer
            ),
        )
    )
    g.add(
        (
            dataset,
            VOID.properties,
            Literal(
                count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"), datatype=XSD.integer
            ),
        )
    )
    entities = count(
        f"PREFIX kgo: <{KG._NS}> SELECT (COUNT(DISTINCT ?s) AS ?n) "
        "WHERE { VALUES ?c { kgo:Organization kgo:Person kgo:Location } ?s a ?c }"
    )
    g.add((dataset, VOID.entities, Literal(entities, datatype=XSD.integer)))
    classes = store.select(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"
    )
    g.add((dataset, VOID.classes, Literal(len(classes.rows), datatype=XSD.integer)))
    for row in classes.rows:
        cls = row["c"].value
        if not cls.startswith(str(KG._NS)):
            continue
        part = Iris.child(dataset, "class", cls.rsplit("#", 1)[-1])
        g.add((dataset, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(int(row["n"].value), datatype=XSD.integer)))
    for article in compiled.articles:
        graph = URIRef(article.graph)
        g.add((dataset, VOID.subset, graph))
        g.add((graph, RDF.type, VOID.Dataset))
        g.add((graph, VOID.triples, Literal(article.triples, datatype=XSD.integer)))
    for name, size in sorted(files.items()):
        fmt = _FILES[name]
        dist = Iris.child(dataset, "distribution", fmt.label)
        g.add((dataset, DCAT.distribution, dist))
        g.add((dataset, VOID.dataDump, URIRef(name, base=iris.base + "dumps/")))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCAT.mediaType, Literal(fmt.media_type)))
        g.add((dist, DCAT.downloadURL, URIRef(name, base=iris.base + "dumps/")))
        g.add((dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)))
    return g


def _check_target(out: Path) -> None:
    if out.exists() and (
        not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).exists())
    ):
        raise UsageError(
            f"{out} exists and is not a kg dataset (no {MANIFEST}); "
            "choose an empty or new directory"
        )


@contextmanager
def _deferred_signals() -> Iterator[None]:
    """Hold SIGINT/SIGTERM during the final swap of directories, so it is never half done."""
    received: list[int] = []
    previous: dict[signal.Signals, Any] = {}

    def hold(signum: int, _frame: object) -> None:
        received.append(signum)

    try:
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, hold)
    except ValueError:  # not the main thread: nothing to defer
        previous = {}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for number in received:
            os.kill(os.getpid(), number)


def write_dataset(
    compiled: Compiled, out: Path, *, base: str, load_store: bool = True
) -> dict[str, Any]:
    """Write every format, the VoID description, the manifest and the store, atomically.

    Returns:
        The manifest (graphs with triple counts and content hashes).

    Raises:
        UsageError: ``out`` holds something that is not a kg dataset.
        BuildError: writing failed; the previous dataset is intact.
    """
    _check_target(out)
    iris = Iris(base)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        manifest = _write_all(compiled, tmp, iris, load_store)
        with _deferred_signals():
            old = out.parent / f".{out.name}.old-{os.getpid()}"
            if out.exists():
                out.rename(old)
            tmp.rename(out)
            if old.exists():
                shutil.rmtree(old)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(f"cannot write the dataset to {out}: {exc}") from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return manifest


def _write_all(compiled: Compiled, tmp: Path, iris: Iris, load_store: bool) -> dict[str, Any]:
    entity_graph = f"<{iris.entities_graph()}>"
    entity_lines = sorted(compiled.entities)
    with (tmp / "dataset.nq").open("w", encoding="utf-8") as nq:
        for article in compiled.articles:
            nq.write(article.nquads)
        for line in entity_lines:
            nq.write(f"{line[:-1]}{entity_graph} .\n")
    store = EmbeddedStore(tmp / "store" if load_store else None)
    store.load_file(tmp / "dataset.nq")
    (tmp / "dataset.trig").write_bytes(store.dump(fmt=RdfFormat.TRIG, prefixes=PREFIXES))
    (tmp / "dataset.ttl").write_bytes(store.union(fmt=RdfFormat.TURTLE, prefixes=PREFIXES))
    _write_jsonld(store, tmp / "dataset.jsonld", iris.base)
    (tmp / "context.jsonld").write_text(json.dumps(jsonld_context(iris.base), indent=2) + "\n")
    files = {name: (tmp / name).stat().st_size for name in _FILES}
    void = _void(store, compiled, iris, files)
    (tmp / "void.ttl").write_text(void.serialize(format="turtle"), encoding="utf-8")
    graphs = [
        {
            "iri": a.graph,
            "article": a.key,
            "facts": a.path,
            "triples": a.triples,
            "sha256": a.sha256,
        }
        for a in compiled.articles
    ]
    graphs.append(
        {
            "iri": str(iris.entities_graph()),
            "article": None,
            "facts": None,
            "triples": len(entity_lines),
            "sha256": graph_hash(entity_lines),
        }
    )
    manifest = {
        "kg": __version__,
        "base": iris.base,
        "articles": len(compiled.articles),
        "triples": sum(g["triples"] for g in graphs),  # type: ignore[misc]
        "graphs": graphs,
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    store.close()
    return manifest
