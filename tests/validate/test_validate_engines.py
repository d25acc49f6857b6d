"""The compiled SHACL engine and pyshacl report the same violations.

Compared as sets of (article, focus node, result path, constraint component, severity,
value) on every shapes fixture (tests/validate/shapes/) and on generated articles
(``bench/bench_build.py``'s generator, with their events graph) mutated where the shapes
constrain them: required values dropped, values duplicated, replaced by literals of other
datatypes, ill-typed or out-of-range values, nodes of the wrong class, blank nodes, types
removed or added. The mutations are seeded, so every run checks the same graphs.
"""

from __future__ import annotations

import random
import shutil
import sys
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH, XSD
from rdflib.term import Node
from test_shapes import CASES, PREFIXES, base_graph

from kg.api import validate_facts
from kg.errors import DataError
from kg.events import events_graph, link_reports, reports_of
from kg.mapping import map_facts
from kg.rdf.iris import Iris
from kg.validate import SHAPES_PATH, ArticleGraphs, ValidationReport, load_shapes, validate_batch

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_build import synthetic_facts

TESTS = Path(__file__).resolve().parent
# comparing values of different types, as sh:lessThan must, makes rdflib warn
pytestmark = pytest.mark.filterwarnings("ignore:NotImplemented should not be used")
Key = tuple[str, str, str | None, str, str, str | None]
LESS_THAN = {"LessThanConstraintComponent", "LessThanOrEqualsConstraintComponent"}


def keys(report: ValidationReport) -> set[Key]:
    return {
        (v.article, v.focus, v.path, v.component, v.severity, v.value) for v in report.violations
    }


def both(batch: Sequence[ArticleGraphs]) -> tuple[set[Key], set[Key]]:
    """The violations of the compiled engine and of pyshacl."""
    return keys(validate_batch(batch, engine="compiled")), keys(
        validate_batch(batch, engine="pyshacl")
    )


FIXTURES = [("base", "")] + [
    (f"{shape}-{n}", case["update"])
    for shape, cases in CASES.items()
    for n, case in enumerate(cases, 1)
]


@pytest.mark.parametrize(("name", "update"), FIXTURES, ids=[name for name, _ in FIXTURES])
def test_engines_agree_on_every_shapes_fixture(name: str, update: str) -> None:
    graph = base_graph()
    if update:
        graph.update(PREFIXES + update)
    compiled, reference = both([ArticleGraphs("shapes-base", graph, Graph())])
    assert compiled == reference
    assert bool(reference) == bool(update)  # the base conforms, every case breaks it


# ---------------------------------------------------------------------- mutated articles


@dataclass(frozen=True)
class Constrained:
    """A property the shapes constrain: its focus nodes' class (or the predicate whose
    objects they are), the predicate, and the values that break or meet its constraints."""

    focus_class: Node | None
    focus_object_of: Node | None
    predicate: URIRef
    values: tuple[Node, ...]


def _constraint_values(shapes: Graph, prop: Node) -> list[Node]:
    """Values aimed at the constraints of one property shape."""
    found: list[Node] = []
    for member in shapes.objects(prop, SH["in"]):
        items = list(Collection(shapes, member))
        found.extend(items[:2])
        found.append(URIRef(str(items[0]) + "Rumoured"))
    found.extend(shapes.objects(prop, SH.hasValue))
    if (prop, SH.nodeKind, None) in shapes:
        # not where sh:lessThan(OrEquals) compares: pyshacl stops there with an error
        found.extend([BNode("b0"), Literal("https://example.org/kg/article/x")])
    for bound in shapes.objects(prop, SH.minInclusive):
        found.extend([Literal(-1), Literal(int(bound) + 3)])
    if (prop, SH.pattern, None) in shapes:
        found.extend(
            [Literal("Not A Code"), Literal("en"), URIRef("http://www.wikidata.org/entity/Q42")]
        )
    if (prop, SH.minLength, None) in shapes:
        found.extend([Literal(""), Literal("", lang="en"), Literal("x", lang="en")])
    for datatype in shapes.objects(prop, SH.datatype):
        if datatype == XSD.integer:
            found.extend([Literal("many", datatype=XSD.integer), Literal("12"), Literal(2.5)])
        elif datatype == XSD.date:
            found.extend(
                [
                    Literal("10 May 2023", datatype=XSD.date),
                    Literal("2023-05", datatype=XSD.gYearMonth),
                ]
            )
        elif datatype == XSD.boolean:
            with warnings.catch_warnings():  # rdflib warns of the ill-typed value it makes
                warnings.simplefilter("ignore")
                found.extend([Literal("yes", datatype=XSD.boolean), Literal("true")])
    return found


GENERIC: tuple[Node, ...] = (
    Literal("text"),
    Literal("text", lang="id"),
    Literal("text", datatype=XSD.string),
    Literal(7),
    Literal(0),
    Literal(-3),
    Literal("2023-05-10", datatype=XSD.date),
    Literal("2024-01-01", datatype=XSD.date),
    Literal("2023", datatype=XSD.gYear),
    Literal("2023-05-10T08:00:00", datatype=XSD.dateTime),
    Literal(True),
    URIRef("https://example.org/kg/id/organization/nowhere"),
)


def constrained_properties() -> list[Constrained]:
    shapes = load_shapes(SHAPES_PATH)
    found = []
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        targets: list[tuple[Node | None, Node | None]] = [
            (c, None) for c in shapes.objects(shape, SH.targetClass)
        ]
        targets += [(None, p) for p in shapes.objects(shape, SH.targetObjectsOf)]
        for prop in shapes.objects(shape, SH.property):
            path = shapes.value(prop, SH.path)
            if not isinstance(path, URIRef):
                continue
            values = tuple(_constraint_values(shapes, prop))
            for focus_class, object_of in targets:
                found.append(Constrained(focus_class, object_of, path, values))
    return found


CONSTRAINED = constrained_properties()
TARGET_CLASSES = sorted({c.focus_class for c in CONSTRAINED if c.focus_class is not None})


def _focus_nodes(graph: Graph, target: Constrained) -> list[Node]:
    if target.focus_class is not None:
        return sorted(graph.subjects(RDF.type, target.focus_class))
    return sorted(set(graph.objects(None, target.focus_object_of)))


def mutate(graph: Graph, rng: random.Random) -> str:
    """Apply one mutation to ``graph``; say which (for the assertion message)."""
    kind = rng.choice(["drop", "add", "replace", "replace", "copy", "retype"])
    if kind == "retype":
        subjects = sorted(set(graph.subjects()))
        node = rng.choice(subjects)
        types = sorted(graph.objects(node, RDF.type))
        if types and rng.random() < 0.5:
            graph.remove((node, RDF.type, rng.choice(types)))
            return f"untyped {node}"
        cls = rng.choice(TARGET_CLASSES)
        graph.add((node, RDF.type, cls))
        return f"typed {node} {cls}"
    target = rng.choice(CONSTRAINED)
    focus = _focus_nodes(graph, target)
    if not focus:
        return "none"
    node = rng.choice(focus)
    current = sorted(graph.objects(node, target.predicate))
    pool = list(target.values) + list(GENERIC)
    pool += rng.sample(sorted(set(graph.subjects())), 2)  # nodes of other classes
    value = rng.choice(pool)
    if kind == "drop":
        graph.remove((node, target.predicate, None))
    elif kind == "add":
        graph.add((node, target.predicate, value))
    elif kind == "replace":
        if current:
            graph.remove((node, target.predicate, rng.choice(current)))
        graph.add((node, target.predicate, value))
    else:  # copy another focus node's value: duplicates, or values of the wrong owner
        other = rng.choice(focus)
        for o in graph.objects(other, target.predicate):
            graph.add((node, target.predicate, o))
    return f"{kind} {node} {target.predicate} {value if kind in ('add', 'replace') else ''}"


def mutated_articles(count: int, seed: int) -> list[tuple[ArticleGraphs, list[str]]]:
    """``count`` generated articles, each with its events graph; nine in ten mutated."""
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        facts = synthetic_facts(n, rng)
        mapped = map_facts(facts)
        graph = Graph()
        for triple in (
            *mapped.facts,
            *events_graph(link_reports(reports_of(facts, Iris())), Iris()),
        ):
            graph.add(triple)
        done = []
        if rng.random() < 0.9:
            done = [mutate(graph, rng) for _ in range(rng.randint(1, 3))]
        nodes = {str(s) for g in (graph, mapped.entities) for s in g.subjects()}
        articles.append((ArticleGraphs(mapped.key, graph, mapped.entities, frozenset(nodes)), done))
    return articles


def reference_or_none(article: ArticleGraphs) -> set[Key] | None:
    """pyshacl's violations of one article, or None where pyshacl stops with an error."""
    try:
        return keys(validate_batch([article], engine="pyshacl"))
    except DataError:
        return None


def check_mutated(count: int, seed: int) -> set[str]:
    """Compare the engines batch by batch; return the components the mutations broke.

    pyshacl stops with an error when sh:lessThan(OrEquals) meets values it cannot order
    (a date and a number, a blank node); there the compiled engine reports the value as
    a violation of that component, and the article is compared no further.
    """
    articles = mutated_articles(count, seed)
    components: set[str] = set()
    broken = stopped = 0
    for start in range(0, count, 25):
        part = articles[start : start + 25]
        mutations = {a.key: m for a, m in part}
        compiled = keys(validate_batch([a for a, _ in part], engine="compiled"))
        try:
            reference = keys(validate_batch([a for a, _ in part], engine="pyshacl"))
        except DataError:  # compare article by article, the one pyshacl stops on apart
            compiled, reference = set(), set()
            for article, _ in part:
                mine = keys(validate_batch([article], engine="compiled"))
                theirs = reference_or_none(article)
                if theirs is None:
                    stopped += 1
                    assert {k[3] for k in mine} & LESS_THAN, mutations[article.key]
                else:
                    compiled |= mine
                    reference |= theirs
        assert compiled == reference, (
            f"only compiled: {sorted(compiled - reference)[:10]}\n"
            f"only pyshacl: {sorted(reference - compiled)[:10]}\n"
            f"mutations: {mutations}"
        )
        components.update(k[3] for k in reference)
        broken += len({k[0] for k in reference})
    assert broken >= count // 2, "the mutations hardly broke anything: they test nothing"
    assert stopped <= count // 20, f"pyshacl stopped on {stopped} articles: compare more"
    return components


def test_engines_agree_on_mutated_articles() -> None:
    components = check_mutated(75, seed=1)
    assert {"MinCountConstraintComponent", "DatatypeConstraintComponent"} <= components


@pytest.mark.slow
def test_engines_agree_on_500_mutated_articles() -> None:
    components = check_mutated(525, seed=2)
    used = {
        str(p).rsplit("#", 1)[-1]
        for p in load_shapes(SHAPES_PATH).predicates()
        if str(p).startswith(str(SH))
    }
    names = "minCount maxCount datatype class in pattern nodeKind or minInclusive lessThan"
    names += " lessThanOrEquals equals hasValue xone minLength"
    expected = {
        name[0].upper() + name[1:] + "ConstraintComponent" for name in names.split() if name in used
    }
    assert expected <= components, f"never broken: {sorted(expected - components)}"


# ---------------------------------------------------------------------- located reports


def test_both_engines_point_at_the_facts_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "case"
    shutil.copytree(TESTS.parent / "build" / "golden" / "minimal-deployment-id", folder)
    facts = folder / "facts.yaml"
    text = facts.read_text()
    start = text.index("deployments:")
    section = text[start : text.index("roles:")]
    cut = "".join(
        line
        for line in section.splitlines(keepends=True)
        if "evidence:" not in line and "{start:" not in line
    )
    facts.write_text(text.replace(section, cut))

    def located(engine: str) -> set[tuple[Any, ...]]:
        report = validate_facts(facts, jobs=1, engine=engine)
        return {(v.source, v.focus, v.path, v.component, v.message) for v in report.violations}

    compiled = located("compiled")
    assert compiled == located("pyshacl")
    assert {source for source, *_ in compiled} == {f"{facts}:32"}
