"""VoID (kg/build/void.py): its counts, brought up to date from the statements a rebuild
adds and removes, are what the queries over the whole store give; its Turtle, written
without rdflib, is rdflib's byte for byte."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import XSD

from kg.build import Compiled, compile_facts, facts_files
from kg.build.void import (
    Counts,
    CountsUpdate,
    Lit,
    Statement,
    _plain_turtle,
    query_counts,
    void_graph,
    void_statements,
    void_turtle,
)
from kg.rdf.iris import Iris
from kg.rdf.vocab import KG
from kg.store.embedded import EmbeddedStore

TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
# Few terms, so that graphs share subjects, properties and typed instances.
SUBJECTS = [f"<http://x/s{i}>" for i in range(5)]
PROPERTIES = [f"<http://x/p{i}>" for i in range(3)]
CLASSES = [f"<{KG.Organization}>", f"<{KG.Person}>", f"<{KG.Location}>", f"<{KG.Event}>"]
CLASSES.append("<http://x/Other>")
GRAPHS = [f"http://x/g{i}" for i in range(4)]

statements = st.one_of(
    st.builds(
        lambda s, p, o: f"{s} {p} {o} .",
        st.sampled_from(SUBJECTS),
        st.sampled_from(PROPERTIES),
        st.sampled_from([*SUBJECTS, '"a"', '"b"@en']),
    ),
    st.builds(
        lambda s, c: f"{s} {TYPE} {c} .", st.sampled_from(SUBJECTS), st.sampled_from(CLASSES)
    ),
)
graphs = st.dictionaries(st.sampled_from(GRAPHS), st.sets(statements, max_size=6), max_size=4)


def fill(store: EmbeddedStore, content: dict[str, set[str]]) -> None:
    for graph, triples in content.items():
        if triples:
            store.replace_graph(graph, "\n".join(sorted(triples)))


@settings(max_examples=150, deadline=None)
@given(graphs, graphs)
def test_counts_updated_from_what_changed_are_the_queried_counts(
    old: dict[str, set[str]], new: dict[str, set[str]]
) -> None:
    """Whatever the graphs were and become, sharing subjects, properties and instances."""
    store = EmbeddedStore()
    fill(store, old)
    update = CountsUpdate(query_counts(store))
    changes = []
    for graph in GRAPHS:
        before, after = old.get(graph, set()), new.get(graph, set())
        if before != after:
            assert update.note(before - after, added=False)
            assert update.note(after - before, added=True)
            changes.append((graph, after))
    update.before(store)
    for graph, after in changes:
        if after:
            store.replace_graph(graph, "\n".join(sorted(after)))
        else:
            store.delete_graph(graph)
    update.after(store)
    assert update.counts() == query_counts(store)


def test_a_blank_node_or_a_literal_class_asks_for_the_queries() -> None:
    update = CountsUpdate(Counts(0, 0, 0, 0, []))
    assert not update.note(["_:b <http://x/p> <http://x/o> ."], added=True)
    assert not update.note([f'<http://x/s> {TYPE} "C" .'], added=True)
    assert update.note(['<http://x/s> <http://x/p> "a b ." .'], added=True)
    assert update.triples == 1 and update.lookups == 2


REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compiled() -> Compiled:
    """The examples, and many more article graphs named after them (some sorting before)."""
    compiled = compile_facts(facts_files([REPO / "examples" / "facts"]), jobs=1)
    first = compiled.articles[0]
    compiled.articles += [
        replace(first, graph=f"{first.graph[:-3]}{n}", triples=n) for n in range(0, 300, 7)
    ]
    return compiled


COUNTS = Counts(
    1234,
    567,
    89,
    10,
    [
        (str(KG.Article), 4),
        (str(KG.Person), 3),
        ("http://www.w3.org/ns/prov#Entity", 4),
        (str(KG.Quantity), 0),
    ],
)
FILES = {"dataset.nq": 10, "dataset.trig": 0, "dataset.ttl": 123456789, "dataset.jsonld": 5}


@pytest.mark.parametrize(
    "base",
    [
        "https://example.org/kg/",
        "http://localhost:7878/kg/",
        "https://data.example.id/berita/kg/",
        "https://example.org/",
        "http://purl.org/dc/terms/",  # in namespaces void.ttl has a prefix for
        "http://rdfs.org/ns/void#x/",
        "https://example.org/kg/a%20b/",
    ],
)
def test_void_turtle_is_rdflibs_byte_for_byte(compiled: Compiled, base: str) -> None:
    statements = void_statements(COUNTS, compiled, Iris(base), FILES)
    expected = void_graph(statements).serialize(format="turtle")
    assert void_turtle(statements) == expected
    if "purl" not in base and "void" not in base:
        assert _plain_turtle(statements) is not None, "written without rdflib"


# Mostly terms written plainly, some that rdflib writes otherwise (prefixed, escaped, refused).
PLAIN_IRIS = ["http://x/a", "http://x/b", "https://x/C", "http://x/ü"]
PLAIN_IRIS += ["http://rdfs.org/ns/void#Dataset", "http://www.w3.org/ns/dcat#Distribution"]
ODD_IRIS = [
    "http://rdfs.org/ns/void#x/y",
    "http://www.w3.org/2000/01/rdf-schema#Class",
    "http://www.w3.org/2001/XMLSchema#integer",
    "http://x/with space",
]
iris = st.sampled_from(PLAIN_IRIS * 6 + ODD_IRIS)
properties = st.sampled_from(
    [
        TYPE[1:-1],
        "http://rdfs.org/ns/void#triples",
        "http://rdfs.org/ns/void#subset",
        "http://www.w3.org/ns/dcat#byteSize",
        "http://purl.org/dc/terms/title",
    ]
    * 3
    + ["http://www.w3.org/2000/01/rdf-schema#label", "http://x/p"]
)
plain_text = st.text(st.characters(blacklist_characters='"\\\n\r'), max_size=8)
literals = st.one_of(
    st.builds(lambda n: Lit(str(n), str(XSD.integer)), st.integers(-5, 10**12)),
    st.builds(Lit, plain_text),
    st.builds(lambda t: Lit(t, lang="en"), plain_text),
    st.builds(lambda t: Lit(t, lang="id"), st.text(max_size=4)),
    st.builds(lambda t: Lit(t, str(XSD.decimal)), st.sampled_from(["1.5", "2"])),
)
void_like = st.lists(st.tuples(iris, properties, st.one_of(iris, literals)), max_size=25)


@settings(max_examples=300, deadline=None)
@given(void_like)
def test_turtle_written_without_rdflib_is_rdflibs(statements: list[Statement]) -> None:
    """Any statements: written directly they are rdflib's bytes, or rdflib writes them."""
    plain = _plain_turtle(statements)
    if plain is not None:
        assert plain == void_graph(statements).serialize(format="turtle")


def test_subjects_come_least_referenced_first_then_by_iri() -> None:
    p = "http://rdfs.org/ns/void#subset"
    statements: list[Statement] = [
        ("http://x/a", p, "http://x/b"),
        ("http://x/b", p, Lit("1", str(XSD.integer))),
        ("http://x/c", p, "http://x/a"),
        ("http://x/d", p, "http://x/a"),
    ]
    plain = _plain_turtle(statements)
    assert plain is not None and plain == void_graph(statements).serialize(format="turtle")
    assert [line.split(" ")[0] for line in plain.split("\n") if line.startswith("<")] == [
        "<http://x/c>",
        "<http://x/d>",
        "<http://x/b>",
        "<http://x/a>",
    ]
