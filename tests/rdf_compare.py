"""Comparing RDF datasets by graph isomorphism, with a readable diff on failure."""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic


def graphs_of(dataset: Dataset) -> dict[str, Graph]:
    """The non-empty named graphs of a dataset, by IRI."""
    found: dict[str, Graph] = {}
    for context in dataset.graphs():
        if isinstance(context.identifier, URIRef) and len(context):
            graph = Graph()
            for triple in context:
                graph.add(triple)
            found[str(context.identifier)] = graph
    return found


def _lines(graph: Graph) -> list[str]:
    return sorted(line for line in graph.serialize(format="nt").splitlines() if line)


def assert_isomorphic_datasets(expected: Dataset, actual: Dataset) -> None:
    """Fail with the triples only in one side, per graph, if the datasets differ."""
    want, got = graphs_of(expected), graphs_of(actual)
    problems = []
    for name in sorted(set(want) | set(got)):
        if name not in got:
            problems.append(f"graph <{name}> is missing")
            continue
        if name not in want:
            problems.append(f"graph <{name}> is unexpected")
            continue
        if to_isomorphic(want[name]) == to_isomorphic(got[name]):
            continue
        _, only_expected, only_actual = graph_diff(
            to_isomorphic(want[name]), to_isomorphic(got[name])
        )
        diff = [f"- {line}" for line in _lines(only_expected)] + [
            f"+ {line}" for line in _lines(only_actual)
        ]
        problems.append(f"graph <{name}> differs (- expected, + actual):\n" + "\n".join(diff))
    assert not problems, "\n".join(problems)
