"""The dataset writer's fast paths write the same bytes as the plain ways they replace."""

from __future__ import annotations

import json
from pathlib import Path

from kg.build.dataset import _graph_nodes, _write_jsonld
from kg.rdf.formats import RdfFormat
from kg.rdf.namespaces import DEFAULT_BASE, PREFIXES
from kg.store import EmbeddedStore


def test_trig_written_before_the_merge_is_the_named_graphs_quad_by_quad(
    example_dataset: Path, tmp_path: Path
) -> None:
    """The build dumps TriG natively before the default graph is loaded; the store it
    leaves (default graph loaded) dumps the named graphs quad by quad, as builds did."""
    store = EmbeddedStore(tmp_path / "store")
    store.load_build(example_dataset / "dataset.nq")
    assert store.count_triples() > 0
    quad_by_quad = store.dump(fmt=RdfFormat.TRIG, prefixes=PREFIXES)
    assert (example_dataset / "dataset.trig").read_bytes() == quad_by_quad


def test_jsonld_from_one_dump_equals_jsonld_graph_by_graph(
    example_dataset: Path, tmp_path: Path
) -> None:
    """JSON-LD compacted from one dump of every named graph has the bytes of JSON-LD
    dumped graph by graph from the finished store."""
    store = EmbeddedStore(tmp_path / "store")
    store.load_named(example_dataset / "dataset.nq")
    dumped = _graph_nodes(store.dump(fmt=RdfFormat.JSONLD))
    assert dumped is not None
    assert set(dumped) == set(store.graph_names())
    store.merge_build(example_dataset / "dataset.nq")
    one_dump = tmp_path / "one.jsonld"
    by_graph = tmp_path / "by-graph.jsonld"
    places = _write_jsonld(store, one_dump, DEFAULT_BASE, lambda graph: None, dumped)
    _write_jsonld(store, by_graph, DEFAULT_BASE, lambda graph: None)
    assert one_dump.read_bytes() == by_graph.read_bytes()
    assert one_dump.read_bytes() == (example_dataset / "dataset.jsonld").read_bytes()
    assert set(places) == set(store.graph_names())


def test_graph_nodes_refuses_text_it_does_not_know() -> None:
    assert _graph_nodes(b'[{"@id":"http://x/a","http://x/p":[{"@value":"x"}]}]') is None
    assert _graph_nodes(b"[]") is None
    text = '[{"@id":"http://x/g","@graph":[{"@id":"http://x/a","http://x/p":[{"@value":"]},{\\"@id\\":\\"x\\",\\"@graph\\":["}]}]}]'
    assert json.loads(_graph_nodes(text.encode())["http://x/g"])[0]["@id"] == "http://x/a"  # type: ignore[index]
