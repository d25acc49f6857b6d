"""The build's statements laid out in the store's order give the store's own dumps."""

from __future__ import annotations

from pathlib import Path

from kg.build.dataset import _write_jsonld
from kg.build.layout import lay_out
from kg.build.void import query_counts
from kg.rdf.formats import RdfFormat
from kg.rdf.jsonld import Compactor
from kg.rdf.namespaces import DEFAULT_BASE, PREFIXES
from kg.store import EmbeddedStore
from kg.store.embedded import reserialize


def test_layout_gives_the_bytes_of_the_store_dumps(example_dataset: Path, tmp_path: Path) -> None:
    """TriG and JSON-LD of the named graphs, the union in Turtle and VoID's counts, from
    the computed order, are what a store on disk loaded with the same N-Quads gives."""
    nq = example_dataset / "dataset.nq"
    layout = lay_out(nq, tmp_path / "named.nq", tmp_path / "merge.nt")
    assert layout is not None
    store = EmbeddedStore(tmp_path / "store")
    store.load_named(nq)
    named_trig = store.dump(fmt=RdfFormat.TRIG, prefixes=PREFIXES)
    named_jsonld = store.dump(fmt=RdfFormat.JSONLD)
    store.merge_build(nq)
    assert reserialize(layout.named, None, fmt=RdfFormat.TRIG, prefixes=PREFIXES) == named_trig
    assert reserialize(layout.named, None, fmt=RdfFormat.JSONLD) == named_jsonld
    union = reserialize(layout.merge, None, fmt=RdfFormat.TURTLE, prefixes=PREFIXES)
    assert union == store.union(fmt=RdfFormat.TURTLE, prefixes=PREFIXES)
    assert layout.counts == query_counts(store)
    assert layout.counts.triples > 100


def test_layout_loads_the_same_default_graph(example_dataset: Path, tmp_path: Path) -> None:
    """The merge written by the layout, loaded as the default graph, is the merge the
    store computes from the named graphs."""
    nq = example_dataset / "dataset.nq"
    layout = lay_out(nq, tmp_path / "named.nq", tmp_path / "merge.nt")
    assert layout is not None
    ours, theirs = EmbeddedStore(tmp_path / "ours"), EmbeddedStore(tmp_path / "theirs")
    for store in (ours, theirs):
        store.load_named(nq)
    ours.load_merge(layout.merge)
    theirs.merge_build(nq)
    assert ours.union(fmt=RdfFormat.NTRIPLES) == theirs.union(fmt=RdfFormat.NTRIPLES)
    assert query_counts(ours) == query_counts(theirs)


def test_no_layout_for_blank_nodes_or_unknown_lines(tmp_path: Path) -> None:
    """A blank node's key is the store's secret, and a line kg did not write is not
    read: the build then reads the order from the store."""
    source = tmp_path / "in.nq"
    source.write_text("_:b0 <http://x/p> <http://x/o> <http://x/g> .\n", encoding="utf-8")
    assert lay_out(source, tmp_path / "named.nq", tmp_path / "merge.nt") is None
    source.write_text("<http://x/s> <http://x/p> <http://x/o> .\n", encoding="utf-8")
    assert lay_out(source, tmp_path / "named.nq", tmp_path / "merge.nt") is None
    assert not (tmp_path / "named.nq").exists()


def test_classes_that_are_not_iris_leave_the_counts_to_the_store(tmp_path: Path) -> None:
    source = tmp_path / "in.nq"
    rdf_type = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
    source.write_text(
        f'<http://x/s> {rdf_type} "a class?" <http://x/g> .\n'
        f"<http://x/s> {rdf_type} <http://x/C> <http://x/g> .\n",
        encoding="utf-8",
    )
    layout = lay_out(source, tmp_path / "named.nq", tmp_path / "merge.nt")
    assert layout is not None and layout.counts is None


RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
XSD = "http://www.w3.org/2001/XMLSchema#"
VARIED = [
    f"<https://example.org/kg/s> {RDF_TYPE} <https://schema.org/Thing>",
    f"<https://example.org/kg/s> {RDF_TYPE} <https://example.org/kg/ontology#Event>",
    '<https://example.org/kg/s> <http://x/p> "plain"',
    '<https://example.org/kg/s> <http://x/p> "Hi"@EN-GB',
    '<https://example.org/kg/s> <http://x/p> "a \\"quoted\\" caf\\u00E9\\nline"',
    f'<https://example.org/kg/s> <http://x/p> "5"^^<{XSD}integer>',
    f'<https://example.org/kg/s> <http://x/p> "2020-01-02T03:04:05+00:00"^^<{XSD}dateTime>',
    '<https://example.org/kg/s> <http://x/p> "typed"^^<https://example.org/kg/dt>',
    "<https://example.org/kg/s> <https://schema.org/about> <https://example.org/kg/o>",
    '<https://example.org/kg/o> <https://schema.org/name> "o"',
    f"<http://other.example/t> {RDF_TYPE} <http://other.example/C>",
]


def _jsonld_both_ways(nq: Path, tmp_path: Path) -> tuple[bytes, bytes]:
    """JSON-LD compacted from the store's dumps, and from the layout."""
    layout = lay_out(nq, tmp_path / "named.nq", tmp_path / "merge.nt")
    assert layout is not None
    store = EmbeddedStore(tmp_path / "store")
    store.load_build(nq)
    graphs = store.graph_names()
    assert graphs == layout.graphs

    def dump(graph: str) -> bytes:
        return store.dump(fmt=RdfFormat.JSONLD, graph=graph)

    def none(graph: str) -> None:
        return None

    dumped, laid = tmp_path / "dumped.jsonld", tmp_path / "laid.jsonld"
    places = _write_jsonld(graphs, dump, dumped, DEFAULT_BASE, none)
    assert _write_jsonld(graphs, dump, laid, DEFAULT_BASE, none, None, layout.jsonld) == places
    return dumped.read_bytes(), laid.read_bytes()


def test_layout_jsonld_is_the_store_jsonld_compacted(example_dataset: Path, tmp_path: Path) -> None:
    dumped, laid = _jsonld_both_ways(example_dataset / "dataset.nq", tmp_path)
    assert laid == dumped


def test_layout_jsonld_of_every_kind_of_value(tmp_path: Path) -> None:
    """Types after other properties, language tags in capitals, escapes, a time zone the
    store writes Z, datatypes compacted or not."""
    nq = tmp_path / "in.nq"
    graphs = ["<https://example.org/kg/graph/a>", "<http://other.example/g>"]
    nq.write_text("".join(f"{t} {g} .\n" for g in graphs for t in VARIED), encoding="utf-8")
    dumped, laid = _jsonld_both_ways(nq, tmp_path)
    assert laid == dumped
    assert b'"@type": ["schema:Thing", "kgo:Event"]' in laid or b'"@type": ["kgo:Event"' in laid


def test_no_layout_jsonld_when_a_class_is_a_literal(tmp_path: Path) -> None:
    nq = tmp_path / "in.nq"
    nq.write_text(f'<http://x/s> {RDF_TYPE} "C" <http://x/g> .\n', encoding="utf-8")
    layout = lay_out(nq, tmp_path / "named.nq", tmp_path / "merge.nt")
    assert layout is not None
    assert layout.jsonld("http://x/g", Compactor({})) is None
