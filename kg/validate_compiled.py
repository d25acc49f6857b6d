"""A SHACL Core engine compiled from the shapes graph: kg's default validator.

:func:`compile_shapes` reads a shapes graph once and turns every shape into a plan of
checks (Python closures over rdflib terms); :meth:`CompiledShapes.validate` indexes the
data graphs once (:class:`kg.validate_data.Data`) and runs the plan.
Each check follows the definition of its constraint component in the SHACL spec as
pyshacl (the reference engine, ``--engine pyshacl``) implements it, on the same rdflib
terms, so both report the same results; ``tests/test_validate_engines.py`` holds them to
that. A shapes graph using a construct outside the supported set is refused with
:class:`~kg.errors.InputError` naming the shape and the construct, never validated
half-way.

Supported: targets (``sh:targetClass``, ``sh:targetNode``, ``sh:targetSubjectsOf``,
``sh:targetObjectsOf``, shapes that are classes), paths (predicates, sequences,
``sh:alternativePath``, ``sh:inversePath`` of a predicate, ``sh:zeroOrMorePath``,
``sh:oneOrMorePath``, ``sh:zeroOrOnePath``), and the components in :data:`SUPPORTED`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, SH
from rdflib.term import Node

from kg.errors import InputError
from kg.validate_data import (
    Data,
    Values,
    as_string,
    class_key,
    compare,
    datatype_matches,
    less,
)

__all__ = ["SUPPORTED", "CompiledShapes", "Result", "compile_shapes"]


@dataclass(frozen=True)
class Result:
    """One validation result, as SHACL's report describes it."""

    focus: Node
    path: Node | None  # the sh:path node in the shapes graph, for property shapes
    value: Node | None
    component: str  # e.g. "MinCountConstraintComponent"
    shape: Node
    severity: str  # Violation, Warning or Info
    message: str


PathFn = Callable[[Data, Node], Values]
# A check: (data, focus node, its value nodes) -> the value nodes that fail it, or one None
# for a failure of the focus node as a whole (sh:minCount, sh:hasValue)
Check = Callable[[Data, Node, Values], Iterator[Node | None]]

# Parameters that declare or describe rather than constrain
_NON_VALIDATING = frozenset(
    SH[name]
    for name in [
        "name",
        "description",
        "order",
        "group",
        "defaultValue",
        "message",
        "severity",
        "deactivated",
        "path",
        "property",
        "flags",
        "targetClass",
        "targetNode",
        "targetSubjectsOf",
        "targetObjectsOf",
    ]
)
# The constraint parameters the compiler turns into checks
SUPPORTED = frozenset(
    SH[name]
    for name in [
        "class",
        "datatype",
        "nodeKind",
        "minCount",
        "maxCount",
        "minInclusive",
        "minExclusive",
        "maxInclusive",
        "maxExclusive",
        "minLength",
        "maxLength",
        "pattern",
        "in",
        "hasValue",
        "equals",
        "disjoint",
        "lessThan",
        "lessThanOrEquals",
        "not",
        "and",
        "or",
        "xone",
        "node",
    ]
)
_SEVERITIES: dict[Node, str] = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_NODE_KINDS: dict[Node, tuple[type, ...]] = {
    SH.IRI: (URIRef,),
    SH.BlankNode: (BNode,),
    SH.Literal: (Literal,),
    SH.BlankNodeOrIRI: (BNode, URIRef),
    SH.BlankNodeOrLiteral: (BNode, Literal),
    SH.IRIOrLiteral: (URIRef, Literal),
}


class _Refused(Exception):
    """A construct the compiler does not support (turned into InputError with the file)."""

    def __init__(self, message: str, construct: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.construct = construct  # the term to look for in the shapes file
        self.shape: Node | None = None  # the innermost shape being compiled


def _owner(shapes: Graph, node: Node) -> Node:
    """The named shape that holds ``node`` (a property or member shape), else ``node``."""
    seen = {node}
    while isinstance(node, BNode):
        parent = shapes.value(None, SH.property, node)
        cell = shapes.value(None, RDF.first, node)
        if parent is None and cell is not None:  # a member of sh:or ( ... ) and the like
            while (None, RDF.rest, cell) in shapes:
                cell = shapes.value(None, RDF.rest, cell)
            parent = next((s for s, _ in shapes.subject_predicates(cell)), None)
        if parent is None or parent in seen:
            break
        seen.add(parent)
        node = parent
    return node


def _name(shapes: Graph, node: Node) -> str:
    owner = _owner(shapes, node)
    if not isinstance(owner, URIRef):
        return "a blank-node shape"
    name = shapes.namespace_manager.normalizeUri(owner)
    if owner == node:
        return f"shape {name}"
    path = shapes.value(node, SH.path)
    on = f" on {shapes.namespace_manager.normalizeUri(path)}" if isinstance(path, URIRef) else ""
    return f"a shape inside {name}{on}"


def _line(source: Path | str, shapes: Graph, refused: _Refused) -> int | None:
    """The line of the refused construct in a Turtle shapes file: the first mention of the
    construct from the line that starts the shape holding it."""
    owner = _owner(shapes, refused.shape) if refused.shape is not None else None
    try:
        lines = Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    start = 0
    if isinstance(owner, URIRef):
        name = shapes.namespace_manager.normalizeUri(owner)
        starts = [n for n, text in enumerate(lines) if text.startswith((name, f"<{owner}>"))]
        if not starts:
            return None
        start = starts[0]
    if refused.construct:
        for n in range(start, len(lines)):
            if refused.construct in lines[n].split("#", 1)[0]:
                return n + 1
    return start + 1 if isinstance(owner, URIRef) else None


def _list(shapes: Graph, node: Node, what: str) -> list[Node]:
    if node != RDF.nil and (node, RDF.first, None) not in shapes:
        raise _Refused(f"the value of {what} is not an RDF list")
    return list(Collection(shapes, node))


def _one(shapes: Graph, shape: Node, predicate: URIRef) -> Node:
    values = list(shapes.objects(shape, predicate))
    if len(values) != 1:
        term = shapes.namespace_manager.normalizeUri(str(predicate))
        raise _Refused(f"{len(values)} values of {term}; give exactly one", term)
    return values[0]


def _compile_path(shapes: Graph, path: Node, inverse: set[str]) -> PathFn:
    if isinstance(path, URIRef):
        key = str(path)
        return lambda data, focus: data.objects(focus, key)
    if (path, RDF.first, None) in shapes:
        steps = [_compile_path(shapes, step, inverse) for step in _list(shapes, path, "sh:path")]

        def sequence(data: Data, focus: Node) -> Values:
            current: Values = frozenset((focus,))
            for step in steps:
                current = frozenset(v for node in current for v in step(data, node))
            return current

        return sequence
    kinds = {p for p in shapes.predicates(path) if p != RDF.type}
    if kinds == {SH.alternativePath}:
        items = _list(shapes, _one(shapes, path, SH.alternativePath), "sh:alternativePath")
        options = [_compile_path(shapes, item, inverse) for item in items]
        return lambda data, focus: frozenset(v for fn in options for v in fn(data, focus))
    if kinds == {SH.inversePath}:
        predicate = _one(shapes, path, SH.inversePath)
        if not isinstance(predicate, URIRef):
            raise _Refused(
                "sh:inversePath of a path other than a predicate is not supported",
                "sh:inversePath",
            )
        back = str(predicate)
        inverse.add(back)
        return lambda data, focus: data.subjects(back, focus)
    for modifier, zero, many in (
        (SH.zeroOrMorePath, True, True),
        (SH.oneOrMorePath, False, True),
        (SH.zeroOrOnePath, True, False),
    ):
        if kinds == {modifier}:
            return _repeat(_compile_path(shapes, _one(shapes, path, modifier), inverse), zero, many)
    raise _Refused(f"the path {path!r} is not a SHACL path the compiler supports")


def _repeat(inner: PathFn, zero: bool, many: bool) -> PathFn:
    def repeat(data: Data, focus: Node) -> Values:
        found: set[Node] = {focus} if zero else set()
        frontier = {focus}
        while frontier:
            step = {v for node in frontier for v in inner(data, node)}
            new = step - found
            found.update(step)
            frontier = new if many else set()
        return frozenset(found)

    return repeat


def _order(node: Node) -> tuple[str, str]:
    return type(node).__name__, str(node)


@dataclass
class _Shape:
    node: Node
    path: Node | None
    values: PathFn | None
    severity: str
    message: str | None
    checks: list[tuple[str, Check, str]] = field(default_factory=list)  # with a message
    properties: list[_Shape] = field(default_factory=list)


class _Compiler:
    def __init__(self, shapes: Graph) -> None:
        self.shapes = shapes
        self.inverse: set[str] = set()
        self.compiled: dict[Node, _Shape] = {}
        self.active: set[Node] = set()  # the shapes being compiled, to refuse recursion

    def shape(self, node: Node) -> _Shape:
        if node in self.active:
            raise _Refused(
                "the shape refers back to itself (through sh:node, sh:property, sh:or, ...); "
                "recursive shapes are not supported"
            )
        self.active.add(node)
        try:
            return self._shape(node)
        except _Refused as refused:
            if refused.shape is None:
                refused.shape = node
            raise
        finally:
            self.active.discard(node)

    def _shape(self, node: Node) -> _Shape:
        found = self.compiled.get(node)
        if found is not None:
            return found
        g = self.shapes
        for predicate in set(g.predicates(node)):
            if str(predicate).startswith(str(SH)) and predicate not in SUPPORTED | _NON_VALIDATING:
                term = g.namespace_manager.normalizeUri(str(predicate))
                raise _Refused(f"{term} is not supported by the compiled engine", term)
        path = g.value(node, SH.path)
        severity_node = g.value(node, SH.severity) or SH.Violation
        if severity_node not in _SEVERITIES:
            raise _Refused(f"unknown sh:severity {severity_node}", "sh:severity")
        message = g.value(node, SH.message)
        shape = _Shape(
            node,
            path,
            _compile_path(g, path, self.inverse) if path is not None else None,
            _SEVERITIES[severity_node],
            str(message) if message is not None else None,
        )
        self.compiled[node] = shape
        if (node, SH.deactivated, Literal(True)) in g:
            return shape
        for predicate, value in sorted(
            g.predicate_objects(node), key=lambda po: (_order(po[0]), _order(po[1]))
        ):
            if predicate in SUPPORTED:
                component, check = self.check(predicate, value, node)
                shape.checks.append((component, check, self.default_message(predicate, value)))
        shape.properties = [self.shape(p) for p in sorted(g.objects(node, SH.property), key=_order)]
        return shape

    def members(self, value: Node, what: str) -> list[_Shape]:
        return [self.shape(m) for m in _list(self.shapes, value, what)]

    def default_message(self, predicate: Node, value: Node) -> str:
        """The message of a shape without sh:message: the constraint, e.g. ``sh:minCount 1``."""
        ns = self.shapes.namespace_manager
        shown = ns.normalizeUri(value) if isinstance(value, URIRef) else str(value)
        if (value, RDF.first, None) in self.shapes:
            shown = "(...)"
        return f"does not satisfy {ns.normalizeUri(str(predicate))} {shown}"

    def check(self, predicate: Node, value: Node, shape: Node) -> tuple[str, Check]:
        """The check of one constraint parameter: a generator of failing value nodes."""
        name = str(predicate).rsplit("#", 1)[-1]
        component = name[0].upper() + name[1:] + "ConstraintComponent"
        g = self.shapes
        if predicate == SH["class"]:
            cls = class_key(value)
            return component, lambda d, f, vs: (
                v for v in vs if isinstance(v, Literal) or not d.is_instance(v, cls)
            )
        if predicate == SH.datatype:
            return component, lambda d, f, vs: (v for v in vs if not datatype_matches(v, value))
        if predicate == SH.nodeKind:
            kinds = _NODE_KINDS.get(value)
            if kinds is None:
                raise _Refused(f"unknown sh:nodeKind {value}", "sh:nodeKind")
            return component, lambda d, f, vs: (v for v in vs if not isinstance(v, kinds))
        if predicate in (SH.minCount, SH.maxCount):
            bound = value.value if isinstance(value, Literal) else None
            if not isinstance(bound, int):
                raise _Refused(f"sh:{name} must be an integer", f"sh:{name}")
            if predicate == SH.minCount:
                return component, lambda d, f, vs: iter((None,) if len(vs) < bound else ())
            return component, lambda d, f, vs: iter((None,) if len(vs) > bound else ())
        if predicate in (SH.minInclusive, SH.minExclusive, SH.maxInclusive, SH.maxExclusive):
            return component, self.range_check(predicate, value, shape)
        if predicate in (SH.minLength, SH.maxLength):
            length = value.value if isinstance(value, Literal) else None
            if not isinstance(length, int) or length < 0:
                raise _Refused(f"sh:{name} must be a whole number", f"sh:{name}")
            if predicate == SH.minLength:
                return component, lambda d, f, vs: (
                    v for v in vs if length and (isinstance(v, BNode) or len(as_string(v)) < length)
                )
            return component, lambda d, f, vs: (
                v for v in vs if isinstance(v, BNode) or len(as_string(v)) > length
            )
        if predicate == SH.pattern:
            return component, self.pattern_check(value, shape)
        if predicate == SH["in"]:
            allowed = frozenset(_list(g, value, "sh:in"))
            return component, lambda d, f, vs: (v for v in vs if v not in allowed)
        if predicate == SH.hasValue:
            return component, lambda d, f, vs: iter(() if value in vs else (None,))
        if predicate in (SH.equals, SH.disjoint, SH.lessThan, SH.lessThanOrEquals):
            if not isinstance(value, URIRef):
                raise _Refused(f"sh:{name} must be a property IRI", f"sh:{name}")
            return component, self.pair_check(predicate, value)
        if predicate == SH["not"]:
            negated = self.shape(value)
            return component, lambda d, f, vs: (v for v in vs if self.conforms(negated, d, v))
        if predicate == SH.node:
            other = self.shape(value)
            return component, lambda d, f, vs: (v for v in vs if not self.conforms(other, d, v))
        members = self.members(value, f"sh:{name}")
        if predicate == SH["and"]:
            return component, lambda d, f, vs: (
                v for v in vs if not all(self.conforms(m, d, v) for m in members)
            )
        if predicate == SH["or"]:
            return component, lambda d, f, vs: (
                v for v in vs if not any(self.conforms(m, d, v) for m in members)
            )
        return component, lambda d, f, vs: (
            v for v in vs if sum(self.conforms(m, d, v) for m in members) != 1
        )

    def range_check(self, predicate: Node, bound: Node, shape: Node) -> Check:
        if not isinstance(bound, Literal):
            raise _Refused("a range bound must be a literal")
        bound_string = isinstance(bound.value, str)
        tests: dict[Node, Callable[[int], bool]] = {
            SH.minInclusive: lambda c: c >= 0,
            SH.minExclusive: lambda c: c > 0,
            SH.maxInclusive: lambda c: c <= 0,
            SH.maxExclusive: lambda c: c < 0,
        }
        passes = tests[predicate]

        def ok(v: Node) -> bool:
            if not isinstance(v, Literal) or isinstance(v.value, str) != bound_string:
                return False
            try:
                return passes(compare(v, bound))
            except (TypeError, NotImplementedError):
                return False

        return lambda d, f, vs: (v for v in vs if not ok(v))

    def pattern_check(self, pattern: Node, shape: Node) -> Check:
        if not isinstance(pattern, Literal):
            raise _Refused("sh:pattern must be a literal", "sh:pattern")
        flags_node = self.shapes.value(shape, SH.flags)
        flags = str(flags_node).lower() if flags_node is not None else ""
        text = str(pattern.value) if pattern.value is not None and len(pattern.value) > 1 else ""
        regex = re.compile(
            text or str(pattern), (re.I if "i" in flags else 0) | (re.M if "m" in flags else 0)
        )
        return lambda d, f, vs: (
            v for v in vs if isinstance(v, BNode) or not regex.search(as_string(v))
        )

    @staticmethod
    def pair_check(predicate: Node, iri: URIRef) -> Check:
        other = str(iri)
        if predicate == SH.equals:
            return lambda d, f, vs: iter(vs ^ d.objects(f, other))
        if predicate == SH.disjoint:
            return lambda d, f, vs: iter(vs & d.objects(f, other))
        or_equal = predicate == SH.lessThanOrEquals
        return lambda d, f, vs: (
            v for v in vs for o in d.objects(f, other) if not less(v, o, or_equal)
        )

    def conforms(self, shape: _Shape, data: Data, node: Node) -> bool:
        """Whether ``node`` conforms to ``shape`` (any result, of any severity, fails)."""
        return next(_results(shape, data, node), None) is None


def _results(shape: _Shape, data: Data, focus: Node) -> Iterator[Result]:
    values = shape.values(data, focus) if shape.values else frozenset((focus,))
    message = shape.message
    for component, check, default in shape.checks:
        for value in check(data, focus, values):
            yield Result(
                focus,
                shape.path,
                value,
                component,
                shape.node,
                shape.severity,
                message or default,
            )
    for prop in shape.properties:
        yield from _results(prop, data, focus)


@dataclass(frozen=True)
class _Target:
    shape: _Shape
    classes: tuple[Node, ...]
    nodes: tuple[Node, ...]
    subjects_of: tuple[str, ...]
    objects_of: tuple[str, ...]

    def focus_nodes(self, data: Data) -> set[Node]:
        found = set(self.nodes)
        for cls in self.classes:
            found.update(data.instances(class_key(cls)))
        for p in self.subjects_of:
            found.update(data.subjects_of(p))
        for p in self.objects_of:
            found.update(data.objects_of(p))
        return found


@dataclass(frozen=True)
class CompiledShapes:
    """A shapes graph compiled to checks; :meth:`validate` runs them over data graphs."""

    targets: tuple[_Target, ...]
    inverse: frozenset[str]

    def validate(self, graphs: Iterable[Graph]) -> list[Result]:
        """Every result of validating the union of ``graphs``."""
        data = Data(graphs, self.inverse)
        results: list[Result] = []
        for target in self.targets:
            for focus in target.focus_nodes(data):
                results.extend(_results(target.shape, data, focus))
        return results


def compile_shapes(shapes: Graph, *, source: Path | str = "shapes") -> CompiledShapes:
    """Compile every shape with a target.

    Raises:
        InputError: the shapes use a construct the compiler does not support; the message
            names ``source``, the shape and the construct.
    """
    compiler = _Compiler(shapes)
    g = shapes
    declared = {
        s
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
        for s in g.subjects(p, None)
    }
    implicit = {
        s
        for kind in (SH.NodeShape, SH.PropertyShape)
        for s in g.subjects(RDF.type, kind)
        if (s, RDF.type, RDFS.Class) in g or (s, RDF.type, OWL.Class) in g
    }
    targets = []
    try:
        kinds = (SH.NodeShape, SH.PropertyShape)
        for node in sorted({s for k in kinds for s in g.subjects(RDF.type, k)}, key=_order):
            compiler.shape(node)  # refuse what the compiler cannot run, targeted or not
        for node in sorted(declared | implicit, key=_order):
            if (node, SH.deactivated, Literal(True)) in g:
                continue
            classes = tuple(sorted(g.objects(node, SH.targetClass), key=_order))
            targets.append(
                _Target(
                    compiler.shape(node),
                    classes + ((node,) if node in implicit else ()),
                    tuple(sorted(g.objects(node, SH.targetNode), key=_order)),
                    tuple(sorted(str(p) for p in g.objects(node, SH.targetSubjectsOf))),
                    tuple(sorted(str(p) for p in g.objects(node, SH.targetObjectsOf))),
                )
            )
    except _Refused as refused:
        where = f"{_name(g, refused.shape)}: " if refused.shape is not None else ""
        raise InputError(
            f"{where}{refused.message}; the compiled SHACL engine supports SHACL Core without "
            "sh:closed, sh:qualifiedValueShape, sh:languageIn, sh:uniqueLang and SPARQL: change "
            "the shapes or validate with --engine pyshacl",
            path=source,
            line=_line(source, g, refused),
        ) from None
    return CompiledShapes(tuple(targets), frozenset(compiler.inverse))
