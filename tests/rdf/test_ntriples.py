"""N-Quads read with pyoxigraph, and the one graph hash that ``kg build`` writes and
``kg push --only-changed`` compares."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import XSD, BNode, Graph, Literal, URIRef
from rdflib.plugins.serializers.nt import _nt_row

from kg.errors import DataError, InputError
from kg.push import read_dataset
from kg.rdf.ntriples import canonical_lines, graph_hash, read_nquads, write_triples

A, P, G = "http://x/a", "http://x/p", "http://x/g"


def test_the_hash_does_not_depend_on_the_serialiser() -> None:
    """rdflib writes ``"1"^^xsd:string`` and keeps a tag's case; pyoxigraph writes ``"1"``
    and ``@id``; both are the same triples, so the same hash."""
    g = Graph()
    for obj in (
        Literal("1", datatype=XSD.string),
        Literal("Kota\u2028baru\x85", lang="ID"),
        Literal(5),
    ):
        g.add((URIRef(A), URIRef(P), obj))
    by_rdflib = [line for line in g.serialize(format="nt").split("\n") if line]
    by_pyoxigraph = [
        f'<{A}> <{P}> "1" .',
        f'<{A}> <{P}> "Kota\u2028baru\x85"@id .',
        f'<{A}> <{P}> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .',
    ]
    assert by_rdflib != sorted(by_pyoxigraph), "the two serialisers do write it differently"
    assert graph_hash(by_rdflib) == graph_hash(reversed(by_pyoxigraph))
    assert graph_hash(by_rdflib) != graph_hash(by_pyoxigraph[:2])


def test_written_triples_are_rdflib_s_lines_and_hash_as_graph_hash() -> None:
    """The build's own writer gives rdflib's bytes and the hash pyoxigraph's form gives,
    for every character the two serialisers write differently, tags in either case,
    ``xsd:string``, blank nodes and repeated triples."""
    a, p = URIRef(A), URIRef(P)
    objects: list[Literal | URIRef | BNode] = [
        Literal(f"a{chr(code)}b") for code in [*range(0x20), 0x7F, 0xFFFE, 0xFFFF, 0x85]
    ]
    objects += [
        Literal('quote " back \\ slash'),
        Literal("x", lang="EN"),
        Literal("x", lang="en-US"),
        Literal("x", lang="id"),
        Literal("1", datatype=XSD.string),
        Literal(5),
        Literal(True),
        URIRef("http://x/b"),
        BNode("b1"),
    ]
    triples = [(a, p, o) for o in objects] + [(BNode("b1"), p, a), (a, p, objects[0])]
    written = write_triples(triples)
    rdflib_lines = [_nt_row(t)[:-1] for t in triples]
    assert written.lines == rdflib_lines
    assert written.sha256 == graph_hash(rdflib_lines)
    assert written.sha256 != graph_hash(rdflib_lines[:1] + rdflib_lines[2:]), "one triple fewer"


@pytest.mark.parametrize("iri", ["http://x/a b", "relative/iri", "http://x/%zz", "http://x/{a}"])
def test_a_bad_iri_in_written_triples_is_a_data_error(iri: str) -> None:
    with pytest.raises(DataError, match="not an IRI"):
        write_triples([(URIRef(A), URIRef(P), URIRef(iri))])


def test_canonical_lines_are_sorted_and_each_once() -> None:
    lines = [f'<{A}> <{P}> "b" .', f'<{A}>  <{P}>  "a" .', f'<{A}> <{P}> "b" .']
    assert canonical_lines(lines) == [f'<{A}> <{P}> "a" .', f'<{A}> <{P}> "b" .']
    with pytest.raises(DataError, match="not N-Triples"):
        canonical_lines(["<a> <b> oops ."])


def test_read_nquads_groups_graphs_and_counts_the_default_graph(tmp_path: Path) -> None:
    path = tmp_path / "d.nq"
    path.write_text(
        f'<{A}> <{P}> "x"^^<http://www.w3.org/2001/XMLSchema#string> <{G}> .\n'
        f'<{A}> <{P}> "x" <{G}> .\n'  # the same quad again, as pyoxigraph writes it
        "# a comment\n\n"
        f'<{A}> <{P}> "default" .\n',
        encoding="utf-8",
    )
    quads = read_nquads(path)
    assert quads.graphs == {G: [f'<{A}> <{P}> "x" .']}
    assert quads.default_triples == 1


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        (
            f'<{A}> <{P}> "x" <{G}> .\n<{A}> <{P}> oops .\n',
            InputError,
            r"d\.nq:2:\d+: not an N-Quads",
        ),
        (f'<{A}> <{P}> "x" _:g .\n', DataError, "a blank node names a graph"),
        (b'<http://x/a> <http://x/p> "\xff" .\n', InputError, r"d\.nq:1:\d+: not an N-Quads"),
    ],
)
def test_bad_nquads_name_the_file_and_line(
    tmp_path: Path, text: str | bytes, error: type[Exception], message: str
) -> None:
    path = tmp_path / "d.nq"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(error, match=message):
        read_nquads(path)


def test_a_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"missing\.nq: cannot read"):
        read_nquads(tmp_path / "missing.nq")


def test_push_computes_the_hashes_the_build_wrote(example_dataset: Path, tmp_path: Path) -> None:
    """Without its manifest, ``kg push`` hashes what it reads from ``dataset.nq``: the hashes
    must be the build's, or ``--only-changed`` would send every graph again."""
    manifest = json.loads((example_dataset / "manifest.json").read_text(encoding="utf-8"))
    written = {g["iri"]: (g["triples"], g["sha256"]) for g in manifest["graphs"]}
    copy = tmp_path / "kg"
    copy.mkdir()
    shutil.copy(example_dataset / "dataset.nq", copy / "dataset.nq")
    computed = {g.iri: (g.triples, g.sha256) for g in read_dataset(copy).graphs}
    assert len(written) > 3
    assert computed == written
