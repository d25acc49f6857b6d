"""A build's statements in the order of the store on disk, computed rather than read back.

The published files (TriG, the union in Turtle, JSON-LD) list statements in the store's
order, which is the byte order of their encoded terms (:mod:`kg.store.order`). Reading a
store on disk back costs about 8 s of CPU per million quads and format, so a full build
computes that order from ``dataset.nq`` instead: every term gets its rank among the
dataset's terms, the quads are sorted by graph, subject, predicate and object ranks (the
named graphs, as the store dumps them) and the distinct triples by subject, predicate and
object ranks (the default graph, their merge). Both are written as N-Quads, which
pyoxigraph re-serialises in the other formats in the same order, and from which the store
loads its default graph; VoID's counts come from the same ranks.

:func:`lay_out` answers None when a term is not one whose encoding is known here (a blank
node, say): the build then reads the order from the store.
"""

from __future__ import annotations

import bisect
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import RDF

from kg.build.void import ENTITY_CLASSES, Counts
from kg.rdf.jsonld import Compactor
from kg.store.order import term_keys, unescape, written

__all__ = ["Layout", "lay_out"]

_BITS = 20  # a term's rank in a packed quad: graph, subject, predicate, object
_MASK = (1 << _BITS) - 1
_TRIPLE = (1 << 3 * _BITS) - 1
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
    _quads: list[int] = field(repr=False)  # packed ranks, in the store's order
    _terms: list[str] = field(repr=False)  # by rank, as the store writes them
    _places: dict[str, tuple[int, int]] = field(repr=False)  # a graph's quads in _quads

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
        for q in self._quads[start:end]:
            s, p, o = (q >> 2 * _BITS) & _MASK, (q >> _BITS) & _MASK, q & _MASK
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
    quads: list[int] = []
    with nquads.open(encoding="utf-8") as lines:
        for line in lines:
            try:
                subject, predicate, rest = line.split(" ", 2)
                cut = rest.rindex(" <")
            except ValueError:  # not a statement as kg writes them
                return None
            packed = 0
            for term in (rest[cut + 1 : -3], subject, predicate, rest[:cut]):
                number = ids.get(term)
                if number is None:
                    number = ids[term] = len(texts)
                    texts.append(term)
                packed = (packed << _BITS) | number
            quads.append(packed)
    if len(texts) > _MASK:
        return None
    keys = term_keys(texts)
    if keys is None:
        return None
    del ids
    encoded = [keys[text] for text in texts]
    del keys
    order = sorted(range(len(texts)), key=encoded.__getitem__)
    del encoded
    rank = [0] * len(texts)
    for position, number in enumerate(order):
        rank[number] = position
    ranked = [
        (rank[q >> 3 * _BITS] << 3 * _BITS)
        | (rank[(q >> 2 * _BITS) & _MASK] << 2 * _BITS)
        | (rank[(q >> _BITS) & _MASK] << _BITS)
        | rank[q & _MASK]
        for q in quads
    ]
    del quads, rank
    ranked.sort()
    terms = [written(texts[number]) for number in order]
    del texts, order
    with named.open("w", encoding="utf-8") as out:
        out.writelines(
            f"{terms[(q >> 2 * _BITS) & _MASK]} {terms[(q >> _BITS) & _MASK]} "
            f"{terms[q & _MASK]} {terms[q >> 3 * _BITS]} .\n"
            for q in ranked
        )
    count = len(ranked)
    places: dict[str, tuple[int, int]] = {}
    start = 0
    while start < count:
        graph = ranked[start] >> 3 * _BITS
        end = bisect.bisect_left(ranked, (graph + 1) << 3 * _BITS, start)
        places[terms[graph][1:-1]] = (start, end)
        start = end
    triples = sorted({q & _TRIPLE for q in ranked})
    with merge.open("w", encoding="utf-8") as out:
        out.writelines(
            f"{terms[t >> 2 * _BITS]} {terms[(t >> _BITS) & _MASK]} {terms[t & _MASK]} .\n"
            for t in triples
        )
    counts = _counts(terms, triples, count)
    return Layout(named, merge, counts, sorted(places), ranked, terms, places)


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


def _counts(terms: list[str], triples: list[int], quads: int) -> Counts | None:
    """VoID's counts (:func:`kg.build.void.query_counts`) from the merge's triples, as
    ranks of ``terms``; None when a class is not an IRI."""
    subjects = {t >> 2 * _BITS for t in triples}
    properties = {(t >> _BITS) & _MASK for t in triples}
    try:
        kind = terms.index(_TYPE)
    except ValueError:
        kind = -1
    typed = [(t >> 2 * _BITS, t & _MASK) for t in triples if (t >> _BITS) & _MASK == kind]
    classes = Counter(terms[c] for _, c in typed)
    if any(not c.startswith("<") for c in classes):
        return None
    wanted = {f"<{c}>" for c in ENTITY_CLASSES}
    return Counts(
        triples=quads,
        subjects=len(subjects),
        properties=len(properties),
        entities=len({s for s, c in typed if terms[c] in wanted}),
        classes=sorted((c[1:-1], n) for c, n in classes.items()),
    )
