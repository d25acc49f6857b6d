"""The dataset writer's fast paths write the same bytes as the plain ways they replace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import dataset as dataset_module
from kg.build.dataset import (
    _graph_nodes,
    _splice_trig,
    _splice_union,
    _trig_blocks,
    _write_jsonld,
)
from kg.rdf.formats import RdfFormat
from kg.rdf.namespaces import DEFAULT_BASE, PREFIXES
from kg.store import EmbeddedStore, embedded


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
    graphs = store.graph_names()

    def dump(graph: str) -> bytes:
        return store.dump(fmt=RdfFormat.JSONLD, graph=graph)

    places = _write_jsonld(graphs, dump, one_dump, DEFAULT_BASE, lambda graph: None, dumped)
    _write_jsonld(graphs, dump, by_graph, DEFAULT_BASE, lambda graph: None)
    assert one_dump.read_bytes() == by_graph.read_bytes()
    assert one_dump.read_bytes() == (example_dataset / "dataset.jsonld").read_bytes()
    assert set(places) == set(store.graph_names())


def test_graph_nodes_refuses_text_it_does_not_know() -> None:
    assert _graph_nodes(b'[{"@id":"http://x/a","http://x/p":[{"@value":"x"}]}]') is None
    assert _graph_nodes(b"[]") is None
    text = '[{"@id":"http://x/g","@graph":[{"@id":"http://x/a","http://x/p":[{"@value":"]},{\\"@id\\":\\"x\\",\\"@graph\\":["}]}]}]'
    assert json.loads(_graph_nodes(text.encode())["http://x/g"])[0]["@id"] == "http://x/a"  # type: ignore[index]


def test_trig_spliced_from_the_previous_build_equals_the_dump(
    example_dataset: Path, tmp_path: Path
) -> None:
    """A rebuild copies the TriG blocks of unchanged graphs and serialises the others: the
    bytes of the store's whole dump, whichever graphs changed."""
    store = EmbeddedStore(tmp_path / "store")
    store.load_build(example_dataset / "dataset.nq")
    graphs = store.graph_order()
    changed = graphs[len(graphs) // 2]
    store.replace_graph(changed, '<https://example.org/kg/x> <https://example.org/kg/p> "new" .\n')
    expected = store.dump(fmt=RdfFormat.TRIG, prefixes=PREFIXES)
    old = example_dataset / "dataset.trig"
    for unchanged in (set(graphs) - {changed}, set(), {changed}):
        spliced = tmp_path / "spliced.trig"
        assert _splice_trig(store, old, unchanged, spliced)
        if changed in unchanged:  # the old block is copied: the change is not seen
            assert spliced.read_bytes() != expected
        else:
            assert spliced.read_bytes() == expected
    blocks = _trig_blocks(old.read_bytes())
    assert blocks is not None and set(blocks[1]) == set(graphs)


def test_trig_not_laid_out_as_pyoxigraph_writes_it_is_not_spliced(
    example_dataset: Path, tmp_path: Path
) -> None:
    store = EmbeddedStore(tmp_path / "store")
    store.load_build(example_dataset / "dataset.nq")
    old = tmp_path / "old.trig"
    old.write_bytes((example_dataset / "dataset.trig").read_bytes().replace(b"\n}\n", b"\n} \n", 1))
    assert not _splice_trig(store, old, set(store.graph_order()), tmp_path / "out.trig")
    assert _trig_blocks(b"<http://x/a> <http://x/b> <http://x/c> .\n") is None


def test_a_store_loaded_in_parts_holds_the_same_quads(
    example_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = EmbeddedStore(tmp_path / "whole")
    whole.load_build(example_dataset / "dataset.nq")
    size = (example_dataset / "dataset.nq").stat().st_size
    monkeypatch.setattr(embedded, "LOAD_CHUNK", size // 5)  # parts, cut at line ends
    parts = EmbeddedStore(tmp_path / "parts")
    middle = parts_start(example_dataset, size // 2)
    parts.load_named(example_dataset / "dataset.nq", end=middle)
    parts.load_named(example_dataset / "dataset.nq", start=middle)
    parts.merge_build(example_dataset / "dataset.nq")
    assert parts.dump(fmt=RdfFormat.NQUADS) == whole.dump(fmt=RdfFormat.NQUADS)
    assert parts.union(fmt=RdfFormat.NTRIPLES) == whole.union(fmt=RdfFormat.NTRIPLES)


def parts_start(dataset: Path, middle: int) -> int:
    """Where the line after byte ``middle`` starts: a build hands lines to the loader."""
    data = (dataset / "dataset.nq").read_bytes()
    return data.index(b"\n", middle) + 1


def test_union_spliced_from_the_previous_build_equals_the_dump(
    example_dataset: Path, tmp_path: Path
) -> None:
    """A rebuild writes anew only the statements about subjects whose triples changed; the
    rest of the union in Turtle is copied: the bytes of the store's whole dump."""
    store = EmbeddedStore(tmp_path / "store")
    store.load_build(example_dataset / "dataset.nq")
    old = example_dataset / "dataset.ttl"
    assert old.read_bytes() == store.union(fmt=RdfFormat.TURTLE, prefixes=PREFIXES)
    graph = store.graph_order()[0]
    statements = sorted(store.graph_statements(graph))
    subject = statements[0].split(" ", 1)[0][1:-1]
    kept = [s for s in statements if not s.startswith(f"<{subject}> ")]
    kept.append(f'<{subject}> <https://example.org/kg/p> "new" .')
    store.replace_graph(graph, "\n".join(kept) + "\n")
    expected = store.union(fmt=RdfFormat.TURTLE, prefixes=PREFIXES)
    spliced = tmp_path / "spliced.ttl"
    assert _splice_union(store, old, {subject}, spliced)
    assert spliced.read_bytes() == expected != old.read_bytes()
    # a subject the old union does not state anything about cannot be placed
    assert not _splice_union(store, old, {"https://example.org/kg/nowhere"}, spliced)


def test_splicing_copies_without_copy_file_range_too(
    example_dataset: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where the kernel cannot copy between the two files (another file system), the old
    blocks are read and written: the same bytes."""

    def refuse(*args: object) -> int:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(dataset_module.os, "copy_file_range", refuse)
    store = EmbeddedStore(tmp_path / "store")
    store.load_build(example_dataset / "dataset.nq")
    spliced = tmp_path / "spliced.trig"
    assert _splice_trig(store, example_dataset / "dataset.trig", set(store.graph_order()), spliced)
    assert spliced.read_bytes() == (example_dataset / "dataset.trig").read_bytes()
