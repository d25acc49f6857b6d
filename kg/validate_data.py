"""The data side of the compiled SHACL engine: an index of the data graphs, and how SHACL
Core compares and classifies their terms, as pyshacl (the reference engine) does it.

Terms stay rdflib terms, so equality, datatypes and ill-typed literals mean what they mean
to pyshacl; only the index is kg's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date, datetime, time
from decimal import Decimal

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = ["Data", "Values", "as_string", "class_key", "compare", "datatype_matches", "less"]

Values = AbstractSet[Node]  # never changed once made: the index's own sets are handed out
_EMPTY: Values = frozenset()
# Predicates key the index as plain strings: a lookup then never calls rdflib's __eq__
_TYPE = str(RDF.type)
_SUBCLASS = str(RDFS.subClassOf)


def class_key(cls: Node) -> object:
    """How the index compares classes: an IRI as a plain string (no rdflib ``__eq__`` per
    test), any other term as itself (rdflib hashes it apart from every string).

    >>> class_key(URIRef("https://example.org/kg/ontology#Person"))
    'https://example.org/kg/ontology#Person'
    """
    return str(cls) if type(cls) is URIRef else cls


class Data:
    """The data graphs, indexed for the checks: objects by subject and predicate,
    subjects by object for the predicates that inverse paths and targets need."""

    def __init__(self, graphs: Iterable[Graph], inverse: frozenset[str]) -> None:
        spo: dict[Node, dict[str, set[Node]]] = {}
        ops: dict[str, dict[Node, set[Node]]] = {p: {} for p in inverse}
        for graph in graphs:
            for s, predicate, o in graph:
                p = str(predicate)
                by_p = spo.get(s)
                if by_p is None:
                    by_p = spo[s] = {}
                objects = by_p.get(p)
                if objects is None:
                    by_p[p] = {o}
                else:
                    objects.add(o)
                back = ops.get(p)
                if back is not None:
                    subjects = back.get(o)
                    if subjects is None:
                        back[o] = {s}
                    else:
                        subjects.add(s)
        self.spo = spo
        self.ops = ops
        self._supers: dict[Node, frozenset[object]] = {}
        self._by_type: dict[Node, set[Node]] | None = None
        self._classes: dict[Node, frozenset[object]] = {}

    def objects(self, s: Node, p: str) -> Values:
        by_p = self.spo.get(s)
        if by_p is None:
            return _EMPTY
        return by_p.get(p, _EMPTY)

    def subjects(self, p: str, o: Node) -> Values:
        return self.ops[p].get(o, _EMPTY)

    def superclasses(self, cls: Node) -> frozenset[object]:
        """The keys (:func:`class_key`) of ``cls`` and every class it is a subclass of
        (``rdfs:subClassOf*``)."""
        found = self._supers.get(cls)
        if found is None:
            seen = {cls}
            todo = [cls]
            while todo:
                for parent in self.objects(todo.pop(), _SUBCLASS):
                    if parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            found = self._supers[cls] = frozenset(class_key(c) for c in seen)
        return found

    def is_instance(self, node: Node, cls: object) -> bool:
        """``node rdf:type/rdfs:subClassOf* cls``; ``cls`` is a :func:`class_key`."""
        classes = self._classes.get(node)
        if classes is None:
            classes = frozenset(c for t in self.objects(node, _TYPE) for c in self.superclasses(t))
            self._classes[node] = classes
        return cls in classes

    def instances(self, cls: object) -> set[Node]:
        """Every node whose type is ``cls`` (a :func:`class_key`) or one of its subclasses."""
        if self._by_type is None:
            self._by_type = {}
            for s, by_p in self.spo.items():
                for t in by_p.get(_TYPE, ()):
                    self._by_type.setdefault(t, set()).add(s)
        found: set[Node] = set()
        for t, members in self._by_type.items():
            if cls in self.superclasses(t):
                found.update(members)
        return found

    def subjects_of(self, p: str) -> set[Node]:
        return {s for s, by_p in self.spo.items() if by_p.get(p)}

    def objects_of(self, p: str) -> set[Node]:
        found: set[Node] = set()
        for by_p in self.spo.values():
            found.update(by_p.get(p, ()))
        return found


_PYTHON_TYPES: dict[Node, type | tuple[type, ...]] = {
    XSD.string: (str, bytes),
    RDF.langString: (str, bytes),
    XSD.integer: int,
    XSD.float: float,
    XSD.decimal: Decimal,
    XSD.boolean: bool,
    XSD.date: date,
    XSD.time: time,
    XSD.dateTime: datetime,
}


def compare(left: Literal, right: Literal) -> int:
    """Order two literals as pyshacl's ``compare_literal`` does (may raise TypeError)."""
    if left.eq(right):
        return 0
    if isinstance(left.value, (datetime, time)):
        if left.value == right.value:
            return 0
        if left.value > right.value:
            return 1
    elif left > right:
        return 1
    return -1


def as_string(node: Node) -> str:
    if (
        isinstance(node, Literal)
        and node.value is not None
        and node.datatype in (None, RDF.langString, XSD.string)
    ):
        return str(node.value)
    return str(node)


def datatype_matches(node: Node, datatype: Node) -> bool:
    if not isinstance(node, Literal):
        return False
    if node.datatype == datatype:
        if node.ill_typed is True:
            return False
    elif datatype == RDFS.Literal or (datatype == RDFS.Datatype and node.datatype):
        return True
    elif not (
        (node.datatype is None and node.language is None and datatype == XSD.string)
        or (datatype == RDF.langString and node.language)
    ):
        return False
    python = _PYTHON_TYPES.get(datatype)
    return python is None or isinstance(node.value, python)


def _comparable(node: Node) -> tuple[bool, object]:
    """Whether pyshacl's sh:lessThan compares ``node`` as a string, and what it compares."""
    if isinstance(node, URIRef):
        return True, str(node)
    if isinstance(node, Literal) and isinstance(node.value, str):
        return True, node.value
    return False, node


def less(value: Node, other: Node, or_equal: bool) -> bool:
    """``value < other`` (or ``<=``) as pyshacl's sh:lessThan(OrEquals) decides it."""
    if isinstance(value, BNode) or isinstance(other, BNode):
        return False
    left_string, left = _comparable(value)
    right_string, right = _comparable(other)
    if left_string != right_string:
        return False
    try:
        return bool(left <= right if or_equal else left < right)  # type: ignore[operator]
    except TypeError:
        return False
