"""The VoID/DCAT description of a dataset (``void.ttl``) and the counts it states.

The counts are the store's: the quads of the named graphs, and in the default graph (the
merge of the named graphs) the distinct subjects, properties, entities (instances of
``kgo:Organization``, ``kgo:Person`` or ``kgo:Location``) and the instances of each class.
A full build queries them (:func:`query_counts`). A rebuild that updates the previous store
graph by graph (:mod:`kg.build.dataset`) knows every statement it adds to a graph or
removes from one, and only the terms of those statements can change a figure: their
subjects, their properties, and the subject and class of a type statement among them.
:class:`CountsUpdate` asks the merge about each of these terms (one index lookup each)
before the update and after it, and adds the differences to the previous build's counts,
which the build cache keeps. So the counts stay exact without keeping a count of anything
per term: a subject that another graph also states is still in the merge after its own
graph dropped it, and is not counted twice when a graph adds it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, VOID

from kg import __version__
from kg.build.compile import Compiled
from kg.rdf.formats import RdfFormat
from kg.rdf.iris import Iris
from kg.rdf.namespaces import PREFIXES
from kg.rdf.vocab import KG
from kg.store.embedded import EmbeddedStore

__all__ = [
    "ENTITY_CLASSES",
    "Counts",
    "CountsUpdate",
    "Lit",
    "query_counts",
    "void_graph",
    "void_statements",
    "void_turtle",
]

_TYPE = str(RDF.type)
ENTITY_CLASSES = (str(KG.Organization), str(KG.Person), str(KG.Location))
"""The classes whose instances VoID counts as entities."""


@dataclass(frozen=True)
class Counts:
    """What VoID states about the store's data."""

    triples: int
    subjects: int
    properties: int
    entities: int
    classes: list[tuple[str, int]]  # every class with its number of instances, sorted

    def to_json(self) -> dict[str, Any]:
        """The counts as the build cache keeps them."""
        return {
            "triples": self.triples,
            "subjects": self.subjects,
            "properties": self.properties,
            "entities": self.entities,
            "classes": [list(c) for c in self.classes],
        }

    @classmethod
    def from_json(cls, data: object) -> Counts | None:
        """Counts from :meth:`to_json`'s JSON; None if it is not that.

        >>> Counts.from_json(Counts(3, 2, 1, 0, [("http://x/C", 1)]).to_json())
        Counts(triples=3, subjects=2, properties=1, entities=0, classes=[('http://x/C', 1)])
        >>> Counts.from_json({"triples": "3"}) is None
        True
        """
        if not isinstance(data, Mapping):
            return None
        found = [data.get(name) for name in ("triples", "subjects", "properties", "entities")]
        numbers = [n for n in found if type(n) is int]
        classes = data.get("classes")
        if len(numbers) != len(found) or not isinstance(classes, list):
            return None
        if any(
            not (isinstance(c, list) and len(c) == 2)
            or not isinstance(c[0], str)
            or type(c[1]) is not int
            for c in classes
        ):
            return None
        triples, subjects, properties, entities = numbers
        return cls(triples, subjects, properties, entities, [(c, n) for c, n in classes])


def query_counts(store: EmbeddedStore) -> Counts:
    """VoID's counts, queried from the store (pyoxigraph lets other threads run)."""

    def count(query: str) -> int:
        rows = store.select(query).rows
        return int(rows[0]["n"].value) if rows and "n" in rows[0] else 0

    classes = store.select(
        "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c"
    )
    return Counts(
        triples=store.count_triples(),
        subjects=count("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }"),
        properties=count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }"),
        entities=count(
            f"PREFIX kgo: <{KG._NS}> SELECT (COUNT(DISTINCT ?s) AS ?n) "
            "WHERE { VALUES ?c { kgo:Organization kgo:Person kgo:Location } ?s a ?c }"
        ),
        classes=[(row["c"].value, int(row["n"].value)) for row in classes.rows],
    )


def _iri(term: str) -> str | None:
    """The IRI of an N-Triples term as pyoxigraph writes it (``<iri>``); None for a blank
    node, a literal or anything else."""
    if len(term) > 2 and term[0] == "<" and term[-1] == ">" and "<" not in term[1:-1]:
        return term[1:-1]
    return None


@dataclass
class CountsUpdate:
    """The previous build's counts, brought up to date with the statements a rebuild adds
    to or removes from the store's graphs.

    Give it every such statement (:meth:`note`), look the terms up in the store before
    the update (:meth:`before`) and after it (:meth:`after`); :meth:`counts` is then what
    :func:`query_counts` would find.

    >>> store = EmbeddedStore()
    >>> store.replace_graph("http://x/g", "<http://x/a> <http://x/p> <http://x/b> .")
    >>> old = query_counts(store)
    >>> update = CountsUpdate(old)
    >>> new = "<http://x/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://x/C> ."
    >>> update.note([new], added=True)
    True
    >>> update.before(store)
    >>> store.add_to_graph("http://x/h", new)
    >>> update.after(store)
    >>> update.counts() == query_counts(store)
    True
    """

    previous: Counts
    triples: int = 0  # quads added less quads removed
    _subjects: set[str] = field(default_factory=set)
    _properties: set[str] = field(default_factory=set)
    _typed: set[tuple[str, str]] = field(default_factory=set)
    _before: dict[str, Any] | None = None
    _delta: dict[str, Any] | None = None

    @property
    def lookups(self) -> int:
        """How many lookups each of :meth:`before` and :meth:`after` makes."""
        entities = {s for s, c in self._typed if c in ENTITY_CLASSES}
        return len(self._subjects) + len(self._properties) + len(self._typed) + len(entities)

    def note(self, statements: Iterable[str], *, added: bool) -> bool:
        """Statements (N-Triples, as pyoxigraph writes them) added to a graph or removed
        from it; False, and nothing noted, when one has a subject or a class that is not an
        IRI (a blank node cannot be looked up by its label): then query the counts."""
        subjects, properties, typed = set(), set(), set()
        count = 0
        for statement in statements:
            parts = statement.split(" ", 2)
            if len(parts) != 3 or not parts[2].endswith(" ."):
                return False
            subject, predicate = _iri(parts[0]), _iri(parts[1])
            if subject is None or predicate is None:
                return False
            subjects.add(subject)
            properties.add(predicate)
            if predicate == _TYPE:
                cls = _iri(parts[2][:-2])
                if cls is None:
                    return False
                typed.add((subject, cls))
            count += 1
        self._subjects |= subjects
        self._properties |= properties
        self._typed |= typed
        self.triples += count if added else -count
        return True

    def _look(self, store: EmbeddedStore) -> dict[str, Any]:
        entities = {s for s, c in self._typed if c in ENTITY_CLASSES}
        return {
            "subjects": {s: store.in_merge(s) for s in self._subjects},
            "properties": {p: store.in_merge(predicate=p) for p in self._properties},
            "typed": {t: store.in_merge(t[0], _TYPE, t[1]) for t in self._typed},
            "entities": {
                s: any(store.in_merge(s, _TYPE, c) for c in ENTITY_CLASSES) for s in entities
            },
        }

    def before(self, store: EmbeddedStore) -> None:
        """Look the noted terms up in the store before it is updated."""
        self._before = self._look(store)

    def after(self, store: EmbeddedStore) -> None:
        """Look them up again once it is."""
        if self._before is None:
            raise RuntimeError("CountsUpdate.after before CountsUpdate.before")
        now, then = self._look(store), self._before
        self._delta = {
            name: {key: int(now[name][key]) - int(then[name][key]) for key in now[name]}
            for name in now
        }

    def counts(self) -> Counts:
        """The counts after the update."""
        if self._delta is None:
            raise RuntimeError("CountsUpdate.counts before CountsUpdate.after")
        delta, old = self._delta, self.previous
        classes = dict(old.classes)
        for (_, cls), change in delta["typed"].items():
            classes[cls] = classes.get(cls, 0) + change
        return Counts(
            triples=old.triples + self.triples,
            subjects=old.subjects + sum(delta["subjects"].values()),
            properties=old.properties + sum(delta["properties"].values()),
            entities=old.entities + sum(delta["entities"].values()),
            classes=sorted((c, n) for c, n in classes.items() if n),
        )


@dataclass(frozen=True)
class Lit:
    """A literal of the description: its text, and a datatype or a language."""

    text: str
    datatype: str | None = None
    lang: str | None = None


Statement = tuple[str, str, "str | Lit"]
"""A triple of the description: subject and property IRIs, and an IRI or a literal."""

_INTEGER = str(XSD.integer)


def void_statements(
    counts: Counts, compiled: Compiled, iris: Iris, files: dict[str, int]
) -> list[Statement]:
    """The VoID/DCAT description of a dataset with these counts and files (name: size)."""

    def number(value: int) -> Lit:
        return Lit(str(value), _INTEGER)

    dataset = str(iris.dataset())
    void, dcat, dcterms = str(VOID), str(DCAT), str(DCTERMS)
    found: list[Statement] = [
        (dataset, _TYPE, void + "Dataset"),
        (dataset, _TYPE, dcat + "Dataset"),
        (dataset, dcterms + "title", Lit("kg knowledge graph of news events", lang="en")),
        (dataset, dcterms + "description", Lit(f"Built by kg {__version__}.", lang="en")),
        (dataset, void + "uriSpace", Lit(iris.base)),
    ]
    for vocabulary in (KG._NS, PREFIXES["schema"], PREFIXES["prov"], PREFIXES["oa"]):
        found.append((dataset, void + "vocabulary", str(vocabulary)))
    found += [
        (dataset, void + "triples", number(counts.triples)),
        (dataset, void + "distinctSubjects", number(counts.subjects)),
        (dataset, void + "properties", number(counts.properties)),
        (dataset, void + "entities", number(counts.entities)),
        (dataset, void + "classes", number(len(counts.classes))),
    ]
    for cls, instances in counts.classes:
        if not cls.startswith(str(KG._NS)):
            continue
        part = str(Iris.child(iris.dataset(), "class", cls.rsplit("#", 1)[-1]))
        found.append((dataset, void + "classPartition", part))
        found.append((part, void + "class", cls))
        found.append((part, void + "entities", number(instances)))
    for article in compiled.articles:
        found.append((dataset, void + "subset", article.graph))
        found.append((article.graph, _TYPE, void + "Dataset"))
        found.append((article.graph, void + "triples", number(article.triples)))
    for name, size in sorted(files.items()):
        fmt = FILES[name]
        dist = str(Iris.child(iris.dataset(), "distribution", fmt.label))
        dump = str(URIRef(name, base=iris.base + "dumps/"))
        found.append((dataset, dcat + "distribution", dist))
        found.append((dataset, void + "dataDump", dump))
        found.append((dist, _TYPE, dcat + "Distribution"))
        found.append((dist, dcat + "mediaType", Lit(fmt.media_type)))
        found.append((dist, dcat + "downloadURL", dump))
        found.append((dist, dcat + "byteSize", number(size)))
    return found


_PREFIXES = {"void": str(VOID), "dcat": str(DCAT), "dcterms": str(DCTERMS), "xsd": str(XSD)}


def void_graph(statements: Iterable[Statement]) -> Graph:
    """The description as an rdflib graph, with the prefixes ``void.ttl`` uses."""
    g = Graph(bind_namespaces="none")
    for prefix, uri in _PREFIXES.items():
        g.bind(prefix, uri)
    for s, p, o in statements:
        if isinstance(o, Lit):
            dt = URIRef(o.datatype) if o.datatype else None
            obj: URIRef | Literal = Literal(o.text, lang=o.lang, datatype=dt)
        else:
            obj = URIRef(o)
        g.add((URIRef(s), URIRef(p), obj))
    return g


def void_turtle(statements: Iterable[Statement]) -> str:
    """The description in Turtle: rdflib's serialisation of :func:`void_graph`, byte for
    byte, written directly (rdflib took 2-3 s for the 30,000 triples of 10,000 articles)
    when every term is of the kinds rdflib writes plainly; else rdflib's."""
    listed = list(statements)
    text = _plain_turtle(listed)
    if text is None:
        text = void_graph(listed).serialize(format="turtle")
    return text


_LOCAL_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*")
# lone surrogates too: rdflib writes them as "?" (they cannot be encoded)
_UNSAFE_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\\ud800-\udfff]')
_UNSAFE_TEXT = re.compile(r'["\\\n\r\ud800-\udfff]')
# Every namespace an rdflib graph may know a prefix for: an IRI in one is written by rdflib
# as a prefixed name, which only the prefixes of _PREFIXES, and simple local names, are here.
_BOUND = (*_PREFIXES.values(), str(RDF), str(RDFS), "http://www.w3.org/2002/07/owl#")
_BOUND += ("http://www.w3.org/XML/1998/namespace",)


def _plain_turtle(statements: list[Statement]) -> str | None:
    """What rdflib's Turtle serialiser (7.x) writes for these statements, when every subject
    and property is an IRI that rdflib writes as ``<iri>`` or as a prefixed name of
    :data:`_PREFIXES`, every literal is an integer or a string (with a language or not) with
    nothing to escape, and only IRIs are the objects of a property that has several; None
    otherwise. rdflib lists the subjects by how often they are objects, then by IRI; a
    subject's properties ``rdf:type`` first, then by IRI; and the objects of each by IRI."""
    used: set[str] = set()
    labels: dict[str, str | None] = {}

    def label(iri: str) -> str | None:
        found = labels.get(iri, "")
        if found != "":
            return found
        found = None
        if not _UNSAFE_IRI.search(iri):
            bound = [ns for ns in _BOUND if iri.startswith(ns)]
            if not bound:
                found = f"<{iri}>"
            else:
                for prefix, ns in _PREFIXES.items():
                    if bound == [ns] and _LOCAL_NAME.fullmatch(iri, len(ns)):
                        used.add(prefix)
                        found = f"{prefix}:{iri[len(ns) :]}"
        labels[iri] = found
        return found

    subjects: dict[str, dict[str, list[str | Lit]]] = {}
    references: dict[str, int] = {}
    for s, p, o in dict.fromkeys(statements):  # each once, as in a graph
        subjects.setdefault(s, {}).setdefault(p, []).append(o)
        if not isinstance(o, Lit):
            references[o] = references.get(o, 0) + 1
        elif o.datatype == _INTEGER:
            used.add("xsd")
    out: list[str] = []
    for subject in sorted(subjects, key=lambda s: (references.get(s, 0), s)):
        properties = subjects[subject]
        if str(RDFS.Class) in properties.get(_TYPE, ()):
            return None  # rdflib lists the classes first
        written = label(subject)
        if written is None:
            return None
        out.append("\n" + written)
        first = [p for p in (_TYPE, str(RDFS.label)) if p in properties]
        for number, prop in enumerate(first + sorted(p for p in properties if p not in first)):
            verb = "a" if prop == _TYPE else label(prop)
            if verb is None or (verb.startswith("<") and prop != _TYPE):
                return None  # rdflib would make up a prefix for it
            out.append((" ;\n    " if number else " ") + verb)
            objects = properties[prop]
            if len(objects) > 1:
                if any(isinstance(o, Lit) for o in objects):
                    return None  # rdflib orders literals by value
                objects = sorted(objects, key=str)
            for index, obj in enumerate(objects):
                text = _literal(obj) if isinstance(obj, Lit) else label(obj)
                if text is None:
                    return None
                out.append((",\n        " if index else " ") + text)
        out.append(" .\n")
    header = [f"@prefix {prefix}: <{_PREFIXES[prefix]}> .\n" for prefix in sorted(used)]
    return "".join(header) + "".join(out) + "\n"


def _literal(literal: Lit) -> str | None:
    """A literal as rdflib writes it, if it is an integer or a string with nothing to escape."""
    if literal.datatype == _INTEGER:
        return literal.text if re.fullmatch(r"-?[0-9]+", literal.text) else None
    if literal.datatype is not None or _UNSAFE_TEXT.search(literal.text):
        return None
    if literal.lang is not None:
        return f'"{literal.text}"@{literal.lang}'
    return f'"{literal.text}"'


FILES = {
    "dataset.nq": RdfFormat.NQUADS,
    "dataset.trig": RdfFormat.TRIG,
    "dataset.ttl": RdfFormat.TURTLE,
    "dataset.jsonld": RdfFormat.JSONLD,
}
"""The dataset's RDF files, which VoID lists as downloads."""
