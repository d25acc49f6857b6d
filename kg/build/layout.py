"""A build's statements in the order of the store on disk, computed rather than read back.

The published files (TriG, the union in Turtle, JSON-LD) list statements in the store's
order, which is the byte order of their encoded terms (:mod:`kg.store.order`). Reading a
store on disk back costs about 8 s of CPU per million quads and format, so a full build
computes that order from ``dataset.nq`` instead: every term gets its rank among the
dataset's terms, the quads are sorted by graph, subject, predicate and object ranks (the
named graphs, as the store dumps them) and the distinct triples by subject, predicate and
object ranks (the default graph, their merge), with numpy (a quad is two 64-bit numbers,
16 bytes: 40 MB at 2.6 million quads). Both are written as N-Quads, which
pyoxigraph re-serialises in the other formats in the same order, and from which the store
loads its default graph; VoID's counts come from the same ranks.

:func:`lay_out` answers None when a term is not one whose encoding is known here (a blank
node, say): the build then reads the order from the store.
"""

from __future__ import annotations

import itertools
import json
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rdflib import RDF

from kg.build.void import ENTITY_CLASSES, Counts
from kg.rdf.jsonld import Compactor
from kg.store.order import term_keys, unescape, written

__all__ = ["Layout", "lay_out"]

_HALF = 32  # a quad is two 64-bit numbers: graph and subject, predicate and object
_LOW = (1 << _HALF) - 1
_TYPE = f"<{RDF.type}>"


@dataclass(frozen=True)
class Layout:
    """Where :func:`lay_out` wrote the named graphs and their merge, VoID's counts (None
    when a class is not an IRI: the store is queried then), the named graphs' IRIs
    (sorted), and what :meth:`jsonld` reads."""

    named: Path
    merge: Path
    counts: Counts | None
    graphs: list[str]
    _graph_subject: np.ndarray = field(repr=False)  # ranks, in the store's order
    _predicate_object: np.ndarray = field(repr=False)
    _terms: list[str] = field(repr=False)  # by rank, as the store writes them
    _places: dict[str, tuple[int, int]] = field(repr=False)  # a graph's quads in the arrays

    def jsonld(self, graph: str, compactor: Compactor) -> bytes | None:
        """A named graph as compacted JSON-LD (``{"@id": graph, "@graph": nodes}``): the
        bytes :func:`kg.build.dataset._write_jsonld` writes for the store's JSON-LD of it,
        built from the layout rather than parsed back from pyoxigraph's.

        pyoxigraph writes a graph's quads in the store's order, one node object a
        subject, one array a property, each value ``{"@id": iri}``, ``{"@value": v}``,
        ``{"@language": l, "@value": v}`` or ``{"@type": datatype, "@value": v}``; the
        compactor shortens IRIs and makes ``rdf:type`` ``@type``, placed after ``@id``
        (None when a class is not an IRI: the compactor keeps ``rdf:type`` then).
        """
        if self.counts is None or graph not in self._places:
            return None
        start, end = self._places[graph]
        terms, iri, nodes = self._terms, compactor.iri, []
        node: dict[str, Any] = {}
        types: list[str] = []
        values: list[Any] = []
        subject = predicate = -1
        for gs, po in zip(
            self._graph_subject[start:end].tolist(),
            self._predicate_object[start:end].tolist(),
            strict=True,
        ):
            s, p, o = gs & _LOW, po >> _HALF, po & _LOW
            if s != subject:
                if not types:
                    node.pop("@type", None)
                types = []
                node = {"@id": iri(terms[s][1:-1]), "@type": types}
                nodes.append(node)
                subject, predicate = s, -1
            if p != predicate:
                predicate = p
                if terms[p] == _TYPE:
                    values = types
                else:
                    values = node[iri(terms[p][1:-1])] = []
            values.append(_value(terms[o], iri) if values is not types else iri(terms[o][1:-1]))
        if not types:
            node.pop("@type", None)
        text = json.dumps({"@id": iri(graph), "@graph": nodes}, ensure_ascii=False)
        return text.encode("utf-8")


def lay_out(nquads: Path, named: Path, merge: Path) -> Layout | None:
    """Write the quads of a build's N-Quads (one statement a line, ``S P O <graph> .``)
    into ``named`` in the order the store on disk dumps them, and the distinct triples
    into ``merge`` (N-Triples) in the order it dumps its default graph; None (nothing
    written) when a term's key is not known.

    Raises:
        OSError: a file cannot be read or written.
    """
    ids: dict[str, int] = {}
    texts: list[str] = []
    # each quad as two numbers of term numbers: graph and subject, predicate and object
    firsts, seconds = array("Q"), array("Q")
    with nquads.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                subject, predicate, rest = line.split(" ", 2)
                cut = rest.rindex(" <")
            except ValueError:  # not a statement as kg writes them
                return None
            numbers = []
            for term in (rest[cut + 1 : -3], subject, predicate, rest[:cut]):
                number = ids.get(term)
                if number is None:
                    number = ids[term] = len(texts)
                    texts.append(term)
                numbers.append(number)
            firsts.append(numbers[0] << _HALF | numbers[1])
            seconds.append(numbers[2] << _HALF | numbers[3])
    del ids
    keys = term_keys(texts)
    if keys is None:
        return None
    encoded = [keys[text] for text in texts]
    del keys
    order = sorted(range(len(texts)), key=encoded.__getitem__)
    del encoded
    rank = np.empty(len(texts), dtype=np.uint64)
    rank[np.array(order, dtype=np.int64)] = np.arange(len(texts), dtype=np.uint64)
    terms = [written(texts[number]) for number in order]
    del texts, order
    half, low = np.uint64(_HALF), np.uint64(_LOW)
    first = np.frombuffer(firsts, dtype=np.uint64)
    second = np.frombuffer(seconds, dtype=np.uint64)
    graph_subject = rank[first >> half] << half | rank[first & low]
    predicate_object = rank[second >> half] << half | rank[second & low]
    del first, second, firsts, seconds, rank
    by_quad = np.lexsort((predicate_object, graph_subject))
    graph_subject, predicate_object = graph_subject[by_quad], predicate_object[by_quad]
    del by_quad
    with named.open("w", encoding="utf-8") as out:
        for gs, po in zip(_parts(graph_subject), _parts(predicate_object), strict=True):
            out.writelines(
                f"{terms[a & _LOW]} {terms[b >> _HALF]} {terms[b & _LOW]} {terms[a >> _HALF]} .\n"
                for a, b in zip(gs, po, strict=True)
            )
    graphs = graph_subject >> half
    starts = np.flatnonzero(np.diff(graphs)) + 1
    bounds = [0, *starts.tolist(), len(graphs)]
    places = {
        terms[int(graphs[begin])][1:-1]: (begin, end)
        for begin, end in itertools.pairwise(bounds)
        if begin < end
    }
    del graphs, starts
    subjects = graph_subject & low
    by_triple = np.lexsort((predicate_object, subjects))
    subjects, objects = subjects[by_triple], predicate_object[by_triple]
    del by_triple
    distinct = np.ones(len(subjects), dtype=bool)
    distinct[1:] = (subjects[1:] != subjects[:-1]) | (objects[1:] != objects[:-1])
    subjects, objects = subjects[distinct], objects[distinct]
    del distinct
    with merge.open("w", encoding="utf-8") as out:
        for ss, po in zip(_parts(subjects), _parts(objects), strict=True):
            out.writelines(
                f"{terms[a]} {terms[b >> _HALF]} {terms[b & _LOW]} .\n"
                for a, b in zip(ss, po, strict=True)
            )
    counts = _counts(terms, subjects, objects, len(graph_subject))
    return Layout(
        named, merge, counts, sorted(places), graph_subject, predicate_object, terms, places
    )


def _parts(numbers: np.ndarray, size: int = 1 << 16) -> Iterator[list[int]]:
    """The numbers as Python integers, ``size`` at a time."""
    for start in range(0, len(numbers), size):
        yield numbers[start : start + size].tolist()


_XSD_STRING = "<http://www.w3.org/2001/XMLSchema#string>"


def _value(term: str, iri: Callable[[str], str]) -> dict[str, str]:
    """An object as a compacted JSON-LD value (see :meth:`Layout.jsonld`)."""
    if term[0] == "<":
        return {"@id": iri(term[1:-1])}
    close = term.rfind('"')
    value, rest = unescape(term[1:close]), term[close + 1 :]
    if not rest or rest == f"^^{_XSD_STRING}":
        return {"@value": value}
    if rest[0] == "@":
        return {"@language": rest[1:].lower(), "@value": value}
    return {"@type": iri(rest[3:-1]), "@value": value}


def _counts(
    terms: list[str], subjects: np.ndarray, objects: np.ndarray, quads: int
) -> Counts | None:
    """VoID's counts (:func:`kg.build.void.query_counts`) from the merge's triples (the
    ranks of ``terms``: subjects, predicates and objects two to a number); None when a
    class is not an IRI."""
    half = np.uint64(_HALF)
    predicates = objects >> half
    try:
        kind = terms.index(_TYPE)
    except ValueError:
        kind = -1
    typed = predicates == np.uint64(kind) if kind >= 0 else np.zeros(len(objects), dtype=bool)
    typed_subjects = subjects[typed]
    classes = objects[typed] & np.uint64(_LOW)
    found, numbers = np.unique(classes, return_counts=True)
    named = [terms[c] for c in found.tolist()]
    if any(not c.startswith("<") for c in named):
        return None
    wanted = np.array(
        [i for i, c in zip(found.tolist(), named, strict=True) if c[1:-1] in ENTITY_CLASSES],
        dtype=np.uint64,
    )
    return Counts(
        triples=quads,
        subjects=len(np.unique(subjects)),
        properties=len(np.unique(predicates)),
        entities=len(np.unique(typed_subjects[np.isin(classes, wanted)])),
        classes=sorted((c[1:-1], n) for c, n in zip(named, numbers.tolist(), strict=True)),
    )
