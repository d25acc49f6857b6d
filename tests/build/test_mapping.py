"""Golden cases for the mapping: facts file -> TriG, compared by graph isomorphism.

One folder per case in tests/build/golden/: either ``facts.yaml`` (with its ``article.txt``) or
``input`` naming a facts file of the repository, and ``expected.trig``. After a reviewed
change, regenerate with ``pytest tests/build/test_mapping.py --update-golden``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdf_compare import assert_isomorphic_datasets
from rdflib import BNode, Dataset, Literal, URIRef

from kg.facts import load_facts
from kg.mapping import map_facts, map_triples, new_graph
from kg.rdf.iris import Iris
from kg.rdf.ntriples import graph_hash, write_triples
from kg.rdf.vocab import KG

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "build" / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())


def facts_path(case: Path) -> Path:
    if (case / "facts.yaml").exists():
        return case / "facts.yaml"
    return REPO / (case / "input").read_text().strip()


def mapped_dataset(case: Path) -> Dataset:
    mapped = map_facts(load_facts(facts_path(case)))
    dataset = Dataset()
    for prefix, namespace in new_graph().namespaces():
        dataset.bind(prefix, namespace)
    for graph, triples in (
        (mapped.graph_iri, mapped.facts),
        (Iris().entities_graph(), mapped.entities),
    ):
        context = dataset.graph(graph)
        for triple in triples:
            context.add(triple)
    return dataset


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_case(case: Path, update_golden: bool) -> None:
    actual = mapped_dataset(case)
    expected_path = case / "expected.trig"
    if update_golden or not expected_path.exists():
        expected_path.write_text(actual.serialize(format="trig"), encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{expected_path} did not exist; written now: review it and commit it")
    expected = Dataset()
    expected.parse(expected_path, format="trig")
    assert_isomorphic_datasets(expected, actual)


def test_mapping_is_deterministic() -> None:
    case = GOLDEN / "minimal-deployment-id"
    first = mapped_dataset(case).serialize(format="nquads")
    second = mapped_dataset(case).serialize(format="nquads")
    assert sorted(first.splitlines()) == sorted(second.splitlines())


def test_no_blank_nodes_in_published_data() -> None:
    for case in CASES:
        for quad in mapped_dataset(case).quads((None, None, None, None)):
            assert not any(isinstance(t, BNode) for t in quad[:3]), quad


def test_a_different_base_mints_every_iri_under_it() -> None:
    facts = load_facts(GOLDEN / "minimal-deployment-id" / "facts.yaml")
    mapped = map_facts(facts, iris=Iris("https://data.example.net/news/"))
    subjects = {str(s) for s in mapped.facts.subjects()} | {
        str(s) for s in mapped.entities.subjects()
    }
    assert subjects
    assert all(s.startswith("https://data.example.net/news/") for s in subjects), subjects


def test_nearly_becomes_an_upper_bound() -> None:
    mapped = map_facts(load_facts(GOLDEN / "minimal-deployment-id" / "facts.yaml"))
    troops = URIRef("https://example.org/kg/article/minimal-deployment-id/deployment/d1/troops")
    g = mapped.facts
    assert g.value(troops, KG.qualifier) == KG.Nearly
    assert g.value(troops, URIRef("https://schema.org/maxValue")) == Literal(800)
    assert g.value(troops, URIRef("https://schema.org/minValue")) is None


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_build_lines_are_rdflibs_ntriples_of_the_mapped_graphs(case: Path) -> None:
    """A build writes the mapped triples itself, without rdflib graphs: the same lines as
    rdflib's N-Triples of :func:`map_facts`' graphs, each once."""
    facts = load_facts(facts_path(case))
    triples = map_triples(facts)
    graphs = map_facts(facts)
    for listed, graph in ((triples.facts, graphs.facts), (triples.entities, graphs.entities)):
        written = write_triples(listed)
        lines = written.lines
        assert written.sha256 == graph_hash(lines)
        assert len(lines) == len(set(lines)) == len(graph)
        expected = {line for line in graph.serialize(format="nt").splitlines() if line}
        assert set(lines) == expected
