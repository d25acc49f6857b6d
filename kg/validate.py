"""SHACL validation of article graphs, in batches. The only module that imports pyshacl.

Each article graph is validated together with the descriptions of the entities it
references, so every violation belongs to an article. Two engines give the same results:
``compiled`` (the default; :mod:`kg.validate_compiled`, the shapes compiled once per
process to checks over an index of the batch) and ``pyshacl`` (the reference engine).
Articles are validated several per call, because each call has a fixed cost (see
``bench/bench_validate.py`` and ``bench/bench_build.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import Enum
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import pyshacl
from pyshacl.errors import ReportableRuntimeError
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.errors import DataError, UsageError
from kg.validate_compiled import CompiledShapes, Result, compile_shapes

__all__ = [
    "DEFAULT_ENGINE",
    "SHAPES_PATH",
    "ArticleGraphs",
    "Engine",
    "ValidationReport",
    "Violation",
    "compiled_shapes",
    "load_shapes",
    "validate_batch",
]

SHAPES_PATH = Path(__file__).resolve().parent.parent / "shapes" / "kg-shapes.ttl"


class Engine(Enum):
    """The SHACL engines; both report the same violations (``tests/test_validate_engines.py``)."""

    COMPILED = "compiled"  # the shapes compiled to checks over an index of the batch: fast
    PYSHACL = "pyshacl"  # the reference engine

    @classmethod
    def named(cls, name: Engine | str) -> Engine:
        """The engine called ``name``.

        >>> Engine.named("pyshacl")
        <Engine.PYSHACL: 'pyshacl'>

        Raises:
            UsageError: no engine has that name.
        """
        if isinstance(name, Engine):
            return name
        try:
            return cls(name)
        except ValueError:
            names = ", ".join(e.value for e in cls)
            raise UsageError(f"unknown SHACL engine '{name}'; choose one of {names}") from None


DEFAULT_ENGINE = Engine.COMPILED


@dataclass(frozen=True)
class Violation:
    """One SHACL result, attributed to the article whose graph it was found in.

    Attributes:
        article: the article key (its facts file stem or id).
        focus: the node that violates the shape.
        path: the property path (as text), if any.
        value: the offending value, if any.
        message: what is wrong.
        component: the SHACL constraint component (e.g. ``MinCountConstraintComponent``).
        shape: the shape, when it has an IRI.
        severity: Violation, Warning or Info.
        source: ``path:line`` of the fact in its facts file, when it can be located.
    """

    article: str
    focus: str
    path: str | None
    value: str | None
    message: str
    component: str
    shape: str | None = None
    severity: str = "Violation"
    source: str | None = None

    def __str__(self) -> str:
        where = self.source or self.article
        detail = (
            f" ({self.path}" + (f" = {self.value}" if self.value else "") + ")" if self.path else ""
        )
        severity = self.severity.lower()
        return f"{where}: {severity}: <{self.focus}>{detail}: {self.message} [{self.component}]"


@dataclass
class ValidationReport:
    """The outcome of validating a set of articles."""

    articles: int = 0
    violations: list[Violation] = field(default_factory=list)

    @property
    def conforms(self) -> bool:
        """True when no result has severity Violation."""
        return not any(v.severity == "Violation" for v in self.violations)

    def extend(self, other: ValidationReport) -> None:
        """Add another report's articles and violations."""
        self.articles += other.articles
        self.violations.extend(other.violations)

    def to_text(self) -> str:
        """A human-readable report."""
        if not self.violations:
            return f"{self.articles} article(s) conform to the shapes"
        lines = [str(v) for v in self.violations]
        lines.append(f"{len(self.violations)} violation(s) in {self.articles} article(s)")
        return "\n".join(lines)

    def to_json(self) -> str:
        """A JSON report for CI."""
        data = {
            "conforms": self.conforms,
            "articles": self.articles,
            "violations": [asdict(v) for v in self.violations],
        }
        return json.dumps(data, indent=2, ensure_ascii=False)

    def to_junit(self) -> str:
        """A JUnit XML report: one test case per article, failures for its violations."""
        by_article: dict[str, list[Violation]] = {}
        for violation in self.violations:
            by_article.setdefault(violation.article, []).append(violation)
        failures = len(by_article)
        cases = []
        for article in sorted(by_article):
            body = "".join(
                f"<failure message={quoteattr(v.message)} type={quoteattr(v.component)}>"
                f"{escape(str(v))}</failure>"
                for v in by_article[article]
            )
            cases.append(
                f'<testcase classname="kg.shacl" name={quoteattr(article)}>{body}</testcase>'
            )
        passed = self.articles - failures
        cases.extend(
            '<testcase classname="kg.shacl" name="conforming article"/>'
            for _ in range(max(passed, 0))
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuite name="kg validate" tests="{max(self.articles, failures)}" '
            f'failures="{failures}">' + "".join(cases) + "</testsuite>\n"
        )


@dataclass(frozen=True)
class ArticleGraphs:
    """What one article brings to validation: its graph, its entities, and its nodes."""

    key: str
    facts: Graph
    entities: Graph
    nodes: frozenset[str] = frozenset()


@lru_cache(maxsize=4)
def load_shapes(path: Path = SHAPES_PATH) -> Graph:
    """The shapes graph (parsed once per process)."""
    return Graph().parse(path, format="turtle")


@lru_cache(maxsize=4)
def compiled_shapes(path: Path = SHAPES_PATH) -> CompiledShapes:
    """The shapes compiled for the compiled engine (once per process).

    Raises:
        InputError: the shapes use a construct the compiled engine does not support.
    """
    return compile_shapes(load_shapes(path), source=path)


def _text(term: object) -> str | None:
    if term is None:
        return None
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def _path_text(graph: Graph, path: Node | None) -> str | None:
    """A SHACL property path in SPARQL syntax: ``kgo:evidence/oa:hasTarget``, ``(a|b)``."""
    if path is None:
        return None
    if isinstance(path, URIRef):
        return graph.namespace_manager.normalizeUri(path)
    if (path, RDF.first, None) in graph:
        return "/".join(_path_text(graph, item) or "?" for item in graph.items(path))
    alternatives = graph.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(_path_text(graph, i) or "?" for i in graph.items(alternatives)) + ")"
    for modifier, suffix in (
        (SH.zeroOrMorePath, "*"),
        (SH.oneOrMorePath, "+"),
        (SH.zeroOrOnePath, "?"),
    ):
        inner = graph.value(path, modifier)
        if inner is not None:
            return f"({_path_text(graph, inner)}){suffix}"
    inverse = graph.value(path, SH.inversePath)
    if inverse is not None:
        return f"^{_path_text(graph, inverse)}"
    return str(path)


def _pyshacl_results(batch: Sequence[ArticleGraphs], shapes: Graph) -> list[Result]:
    data = Graph()
    for item in batch:
        data += item.facts
        data += item.entities
    try:
        _, results, _ = pyshacl.validate(
            data,
            shacl_graph=shapes,
            inference="none",
            advanced=False,
            allow_warnings=True,
            inplace=True,
        )
    except (ReportableRuntimeError, TypeError) as exc:
        # e.g. sh:lessThan meeting a blank node, or a date and a number: values it cannot
        # order; the compiled engine reports them as violations of that constraint
        keys = ", ".join(item.key for item in batch)
        raise DataError(
            f"pyshacl could not validate article(s) {keys}: {exc}; "
            "validate with --engine compiled to see the violation"
        ) from None
    top = [
        r
        for rep in results.subjects(RDF.type, SH.ValidationReport)
        for r in results.objects(rep, SH.result)
    ]
    found = []
    for result in top:  # nested sh:detail results explain these, and are not repeated
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        found.append(
            Result(
                focus=results.value(result, SH.focusNode),
                path=results.value(result, SH.resultPath),
                value=results.value(result, SH.value),
                component=str(results.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[
                    -1
                ],
                shape=results.value(result, SH.sourceShape),
                severity=str(severity).rsplit("#", 1)[-1] if severity else "Violation",
                message=str(message) if message else "constraint violated",
            )
        )
    return found


def validate_batch(
    batch: Sequence[ArticleGraphs],
    *,
    shapes_path: Path = SHAPES_PATH,
    engine: Engine | str = DEFAULT_ENGINE,
) -> ValidationReport:
    """Validate several articles in one call of ``engine``; attribute each result to its
    article.

    Raises:
        UsageError: an unknown engine.
        DataError: pyshacl stopped on values it cannot compare.
        InputError: the compiled engine cannot run these shapes (see
            :func:`kg.validate_compiled.compile_shapes`).
    """
    chosen = Engine.named(engine)
    shapes = load_shapes(shapes_path)
    if chosen is Engine.PYSHACL:
        results = _pyshacl_results(batch, shapes)
    else:
        graphs = [g for item in batch for g in (item.facts, item.entities)]
        results = compiled_shapes(shapes_path).validate(graphs)
    owner: dict[str, set[str]] = {}
    for item in batch:
        for node in item.nodes:
            owner.setdefault(node, set()).add(item.key)
    report = ValidationReport(articles=len(batch))
    keys = [item.key for item in batch]
    for result in results:
        articles = owner.get(str(result.focus)) or set(keys)
        for article in sorted(articles):
            report.violations.append(
                Violation(
                    article=article,
                    focus=str(result.focus),
                    path=_path_text(shapes, result.path),
                    value=_text(result.value),
                    message=result.message,
                    component=result.component,
                    shape=str(result.shape) if isinstance(result.shape, URIRef) else None,
                    severity=result.severity,
                )
            )
    report.violations.sort(
        key=lambda v: (v.article, v.focus, v.path or "", v.message, v.component, v.value or "")
    )
    return report


def batches(items: Iterable[ArticleGraphs], size: int) -> Iterable[list[ArticleGraphs]]:
    """Group articles into batches of ``size``."""
    batch: list[ArticleGraphs] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
