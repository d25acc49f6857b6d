"""Every SHACL shape has a valid fixture (the base article) and invalid fixtures with exact violations.

The base graph is tests/validate/shapes/base.yaml mapped to RDF; each invalid fixture in
tests/validate/shapes/cases.yaml is a SPARQL update that breaks it, with the violations it must cause.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH

from kg.events import events_graph, link_reports, reports_of
from kg.facts import load_facts
from kg.mapping import map_facts
from kg.rdf.iris import Iris
from kg.validate import SHAPES_PATH, ArticleGraphs, load_shapes, validate_batch

HERE = Path(__file__).resolve().parent / "shapes"
BASE = "https://example.org/kg/"
CASES: dict[str, list[dict[str, Any]]] = yaml.safe_load((HERE / "cases.yaml").read_text())
PREFIXES = """
BASE <https://example.org/kg/>
PREFIX kgo: <https://example.org/kg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def base_graph() -> Graph:
    """The base article's graph, its entities and its events graph (each report an event)."""
    facts = load_facts(HERE / "base.yaml")
    mapped = map_facts(facts)
    events = events_graph(link_reports(reports_of(facts, Iris())), Iris())
    graph = Graph()
    for triple in (*mapped.facts, *mapped.entities, *events):
        graph.add(triple)
    return graph


def violations(graph: Graph) -> list[tuple[str, str | None, str]]:
    report = validate_batch([ArticleGraphs("shapes-base", graph, Graph())])
    return sorted((v.component, v.path, v.focus.removeprefix(BASE)) for v in report.violations)


def named_shapes() -> list[str]:
    shapes = load_shapes(SHAPES_PATH)
    return sorted(
        str(s).rsplit("#", 1)[-1]
        for s in shapes.subjects(RDF.type, SH.NodeShape)
        if isinstance(s, URIRef)
    )


def test_every_shape_has_invalid_fixtures() -> None:
    assert sorted(CASES) == named_shapes()


def test_the_base_fixture_is_valid_and_targets_every_shape() -> None:
    graph = base_graph()
    assert violations(graph) == []
    shapes = load_shapes(SHAPES_PATH)
    for shape in shapes.subjects(RDF.type, SH.NodeShape):
        classes = list(shapes.objects(shape, SH.targetClass))
        objects_of = list(shapes.objects(shape, SH.targetObjectsOf))
        subjects_of = list(shapes.objects(shape, SH.targetSubjectsOf))
        assert classes or objects_of or subjects_of, f"{shape} has no target"
        focus = any((None, RDF.type, c) in graph for c in classes) or any(
            (None, p, None) in graph for p in (*objects_of, *subjects_of)
        )
        assert focus, f"no focus node for {shape}"


@pytest.mark.parametrize(
    ("shape", "case"),
    [(shape, case) for shape, cases in CASES.items() for case in cases],
    ids=[f"{shape}-{n}" for shape, cases in CASES.items() for n, _ in enumerate(cases, 1)],
)
def test_invalid_fixture_gives_the_exact_violation(shape: str, case: dict[str, Any]) -> None:
    graph = base_graph()
    graph.update(PREFIXES + case["update"])
    expected = sorted((c, p, f) for c, p, f in case["expect"])
    assert violations(graph) == expected
