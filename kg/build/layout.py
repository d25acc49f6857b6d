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

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from rdflib import RDF

from kg.build.void import ENTITY_CLASSES, Counts
from kg.store.order import term_keys, written

__all__ = ["Layout", "lay_out"]

_BITS = 20  # a term's rank in a packed quad: graph, subject, predicate, object
_MASK = (1 << _BITS) - 1
_TRIPLE = (1 << 3 * _BITS) - 1
_TYPE = f"<{RDF.type}>"


@dataclass(frozen=True)
class Layout:
    """Where :func:`lay_out` wrote the named graphs and their merge, and VoID's counts
    (None when a class is not an IRI: the store is queried then)."""

    named: Path
    merge: Path
    counts: Counts | None


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
    triples = sorted({q & _TRIPLE for q in ranked})
    del ranked
    with merge.open("w", encoding="utf-8") as out:
        out.writelines(
            f"{terms[t >> 2 * _BITS]} {terms[(t >> _BITS) & _MASK]} {terms[t & _MASK]} .\n"
            for t in triples
        )
    return Layout(named, merge, _counts(terms, triples, count))


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
