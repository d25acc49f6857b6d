"""One contract for every Store: the embedded pyoxigraph store and a real Fuseki.

Run only the embedded half with ``pytest -m "not fuseki"``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import QueryError
from kg.rdf.formats import RdfFormat
from kg.store import EmbeddedStore, FusekiStore, Store, Term

EX = "https://example.org/kg/"
ARTICLE = f"{EX}article/kompas-2022-01-13"
OTHER = f"{EX}article/antara-2022-01-14"
ENTITIES = f"{EX}graph/entities"
XSD = "http://www.w3.org/2001/XMLSchema#"
INJECTION = '"} ; DROP ALL ; #'
INJECTION_TTL = Term.literal(INJECTION).n3()

ARTICLE_TTL = f"""
@prefix kg: <https://example.org/kg/ontology#> .
@prefix schema: <http://schema.org/> .
@prefix xsd: <{XSD}> .
<{ARTICLE}> a schema:NewsArticle ;
    schema:headline "Rusia kirim pasukan ke Kazakhstan"@id ;
    schema:datePublished "2022-01-13"^^xsd:date .
<{EX}event/kompas-2022-01-13/deployment-1> a kg:Deployment ;
    kg:troops 2500 ;
    kg:note {INJECTION_TTL} ;
    kg:source <{ARTICLE}> .
"""

ARTICLE_NT_V2 = f"""\
<{ARTICLE}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle> .
<{ARTICLE}> <http://schema.org/headline> "Russia sends troops"@en .
"""

OTHER_NT = f"""\
<{OTHER}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/NewsArticle> .
<{OTHER}> <http://schema.org/about> <{EX}id/organization/csto> .
"""

ENTITIES_NT = f"""\
<{EX}id/organization/csto> <http://www.w3.org/2000/01/rdf-schema#label> "CSTO"@en .
<{EX}id/organization/csto> <http://www.w3.org/2000/01/rdf-schema#label> "ODKB"@id .
"""


@pytest.fixture(params=["embedded", pytest.param("fuseki", marks=pytest.mark.fuseki)])
def store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """An empty store of each kind."""
    if request.param == "embedded":
        embedded = EmbeddedStore()
        yield embedded
        embedded.close()
        return
    fuseki = FusekiStore(request.getfixturevalue("fuseki_url"), timeout=30)
    fuseki.update("DROP ALL")
    yield fuseki
    fuseki.update("DROP ALL")
    fuseki.close()


@pytest.fixture
def loaded(store: Store) -> Store:
    """The store holding an article graph, another article and the entity graph."""
    store.replace_graph(ARTICLE, ARTICLE_TTL, fmt=RdfFormat.TURTLE)
    store.replace_graph(OTHER, OTHER_NT)
    store.replace_graph(ENTITIES, ENTITIES_NT)
    return store


def _lines(ntriples: str) -> set[str]:
    return {line.strip() for line in ntriples.splitlines() if line.strip()}


def test_is_a_store(store: Store) -> None:
    assert isinstance(store, Store)


def test_empty_store(store: Store) -> None:
    assert store.graph_names() == []
    assert store.count_triples() == 0
    assert store.count_triples(ARTICLE) == 0


def test_load_article_graph(loaded: Store) -> None:
    assert loaded.graph_names() == sorted([ARTICLE, OTHER, ENTITIES])
    assert loaded.count_triples(ARTICLE) == 7
    assert loaded.count_triples(OTHER) == 2
    assert loaded.count_triples() == 11


def test_replace_graph_replaces_and_never_duplicates(loaded: Store) -> None:
    loaded.replace_graph(ARTICLE, ARTICLE_NT_V2)
    loaded.replace_graph(ARTICLE, ARTICLE_NT_V2)
    assert loaded.count_triples(ARTICLE) == 2
    assert loaded.count_triples(OTHER) == 2
    headline = loaded.select(
        "SELECT ?g ?h WHERE { GRAPH ?g { ?a <http://schema.org/headline> ?h } }",
        bindings={"g": Term.iri(ARTICLE)},
    )
    assert headline.values() == [(ARTICLE, "Russia sends troops")]


def test_delete_graph(loaded: Store) -> None:
    loaded.delete_graph(ARTICLE)
    assert loaded.graph_names() == sorted([OTHER, ENTITIES])
    assert loaded.count_triples(ARTICLE) == 0
    loaded.delete_graph(ARTICLE)  # deleting a missing graph is not an error
    assert loaded.count_triples() == 4


def test_default_graph_is_the_union(loaded: Store) -> None:
    result = loaded.select(
        "SELECT ?label WHERE { ?a <http://schema.org/about> ?org . ?org ?p ?label } ORDER BY ?label"
    )
    assert result.variables == ["label"]
    assert result.values() == [("CSTO",), ("ODKB",)]


def test_select_terms_round_trip(loaded: Store) -> None:
    result = loaded.select(
        """PREFIX schema: <http://schema.org/>
        SELECT ?h ?d ?t ?missing WHERE {
          ?a schema:headline ?h ; schema:datePublished ?d .
          ?e <https://example.org/kg/ontology#troops> ?t .
          OPTIONAL { ?a schema:nothing ?missing }
        }"""
    )
    assert result.variables == ["h", "d", "t", "missing"]
    assert result.rows == [
        {
            "h": Term.literal("Rusia kirim pasukan ke Kazakhstan", language="id"),
            "d": Term.literal("2022-01-13", datatype=f"{XSD}date"),
            "t": Term.literal("2500", datatype=f"{XSD}integer"),
        }
    ]
    assert result.values() == [("Rusia kirim pasukan ke Kazakhstan", "2022-01-13", "2500", None)]


def test_select_named_graphs(loaded: Store) -> None:
    result = loaded.select(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    )
    assert result.values() == sorted([(ARTICLE, "7"), (OTHER, "2"), (ENTITIES, "2")])


def test_ask(loaded: Store) -> None:
    assert loaded.ask("ASK { ?s a <http://schema.org/NewsArticle> }")
    assert not loaded.ask("ASK { ?s a <http://schema.org/Person> }")


def test_construct(loaded: Store) -> None:
    out = loaded.construct(
        "CONSTRUCT { ?org <http://www.w3.org/2004/02/skos/core#altLabel> ?l } "
        "WHERE { GRAPH ?g { ?org <http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
    )
    csto = f"<{EX}id/organization/csto> <http://www.w3.org/2004/02/skos/core#altLabel>"
    assert _lines(out) == {f'{csto} "CSTO"@en .', f'{csto} "ODKB"@id .'}


def test_construct_with_bindings(loaded: Store) -> None:
    out = loaded.construct(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
        bindings={"g": Term.iri(OTHER)},
    )
    assert _lines(out) == _lines(OTHER_NT)


def test_bound_parameters(loaded: Store) -> None:
    query = "SELECT ?org ?label WHERE { ?org <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    found = loaded.select(query, bindings={"label": Term.literal("ODKB", language="id")})
    assert found.rows == [
        {"org": Term.iri(f"{EX}id/organization/csto"), "label": Term.literal("ODKB", language="id")}
    ]
    assert loaded.select(query, bindings={"label": Term.literal("ODKB")}).rows == []
    typed = loaded.ask(
        "ASK { ?e <https://example.org/kg/ontology#troops> ?n }",
        bindings={"n": Term.literal("2500", datatype=f"{XSD}integer")},
    )
    assert typed


def test_bound_value_is_only_ever_a_literal(loaded: Store) -> None:
    query = "SELECT ?e ?note WHERE { ?e <https://example.org/kg/ontology#note> ?note }"
    hit = loaded.select(query, bindings={"note": Term.literal(INJECTION)})
    assert hit.values() == [(f"{EX}event/kompas-2022-01-13/deployment-1", INJECTION)]
    label_query = "SELECT * WHERE { ?s ?p ?label }"
    assert loaded.select(label_query, bindings={"label": Term.literal(INJECTION + "x")}).rows == []
    assert loaded.count_triples() == 11
    assert loaded.graph_names() == sorted([ARTICLE, OTHER, ENTITIES])


def test_bind_a_variable_that_is_not_projected(store: Store) -> None:
    store.replace_graph(ENTITIES, ENTITIES_NT)
    query = "SELECT ?org WHERE { ?org <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    found = store.select(query, bindings={"label": Term.literal("CSTO", language="en")})
    assert found.values() == [(f"{EX}id/organization/csto",)]


def test_bindings_in_construct_with_template(loaded: Store) -> None:
    out = loaded.construct(
        "CONSTRUCT { ?org <https://example.org/p> ?label } WHERE { ?org ?x ?label }",
        bindings={"label": Term.literal("CSTO", language="en")},
    )
    assert _lines(out) == {f'<{EX}id/organization/csto> <https://example.org/p> "CSTO"@en .'}


def test_update(loaded: Store) -> None:
    loaded.update(f'INSERT DATA {{ GRAPH <{OTHER}> {{ <{OTHER}> <http://schema.org/name> "x" }} }}')
    assert loaded.count_triples(OTHER) == 3
    loaded.update(f"DROP GRAPH <{OTHER}>")
    assert loaded.graph_names() == sorted([ARTICLE, ENTITIES])


@pytest.mark.parametrize(
    "query",
    ["SELEC ?s WHERE { ?s ?p ?o }", "SELECT ?s WHERE { ?s ?p ?o ", "ASK { ?s <bad iri> ?o }"],
)
def test_syntax_errors_are_query_errors(loaded: Store, query: str) -> None:
    with pytest.raises(QueryError):
        loaded.select(query)


def test_wrong_query_form_is_a_query_error(loaded: Store) -> None:
    with pytest.raises(QueryError):
        loaded.select("ASK { ?s ?p ?o }")
    with pytest.raises(QueryError):
        loaded.ask("SELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(QueryError):
        loaded.construct("SELECT * WHERE { ?s ?p ?o }")


def test_bad_update_is_a_query_error(loaded: Store) -> None:
    with pytest.raises(QueryError):
        loaded.update("DROP GRAF <https://example.org/g>")
    assert loaded.count_triples() == 11


# --- the default graph is the merge of the named graphs: each triple once ----------------

SHARED = f"{EX}article/shared"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
NEWS = "<http://schema.org/NewsArticle>"
CSTO = f"<{EX}id/organization/csto>"
SHARED_NT = f"""\
{CSTO} {RDFS_LABEL} "CSTO"@en .
<{OTHER}> {RDF_TYPE} {NEWS} .
{CSTO} <http://schema.org/url> <https://en.wikipedia.org/wiki/CSTO> .
"""
"""Two triples that other graphs state too (a label of the entity graph, a type of OTHER)
and one of its own."""

COUNTING = [
    ("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", [("12",)]),
    ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", [("14",)]),
    (f"SELECT (COUNT(?a) AS ?n) WHERE {{ ?a a {NEWS} }}", [("2",)]),
    (f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?a a {NEWS} }} }}", [("3",)]),
    (
        f"SELECT ?label (COUNT(?org) AS ?n) WHERE {{ ?org {RDFS_LABEL} ?label }} "
        "GROUP BY ?label ORDER BY ?label",
        [("CSTO", "1"), ("ODKB", "1")],
    ),
    ("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }", [("4",)]),
    (
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }",
        [("0",)],
    ),
    (f"SELECT (COUNT(*) AS ?n) FROM <{ARTICLE}> WHERE {{ ?s ?p ?o }}", [("7",)]),
    ("SELECT (COUNT(*) AS ?n) FROM <urn:kg:nothing> WHERE { ?s ?p ?o }", [("0",)]),
    # several FROM graphs: their merge, a triple that two of them state once
    (f"SELECT (COUNT(*) AS ?n) FROM <{SHARED}> FROM <{ENTITIES}> WHERE {{ ?s ?p ?o }}", None),
    (
        f"PREFIX g: <{EX}graph/> SELECT (COUNT(*) AS ?n) FROM <{SHARED}> FROM g:entities "
        "WHERE { ?s ?p ?o }",
        None,
    ),
]
"""Counting queries and their answers: the same on every store."""


@pytest.fixture
def overlapping(loaded: Store) -> Store:
    """``loaded`` plus a graph stating two triples that other graphs state too."""
    loaded.replace_graph(SHARED, SHARED_NT)
    return loaded


def _count(store: Store, where: str) -> int:
    return int(store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}").rows[0]["n"].value)


@pytest.mark.parametrize("query, expected", COUNTING, ids=range(len(COUNTING)))
def test_counting_queries_count_each_triple_once(
    overlapping: Store, query: str, expected: list[tuple[str, ...]] | None
) -> None:
    if expected is None:  # the merge of SHARED and ENTITIES, counted here by hand
        triples = {
            row
            for graph in (SHARED, ENTITIES)
            for row in overlapping.select(
                f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
            ).values()
        }
        stated = _count(overlapping, f"GRAPH <{SHARED}> {{ ?s ?p ?o }}") + _count(
            overlapping, f"GRAPH <{ENTITIES}> {{ ?s ?p ?o }}"
        )
        assert len(triples) < stated, "the two graphs share a triple"
        expected = [(str(len(triples)),)]
    assert overlapping.select(query).values() == expected
    assert overlapping.count_triples() == 14, "count_triples counts the named graphs' quads"


def test_construct_on_the_default_graph_gives_each_triple_once(overlapping: Store) -> None:
    lines = overlapping.construct("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").splitlines()
    assert len(lines) == len(set(lines)) == 12


def test_replacing_a_graph_keeps_the_merge(overlapping: Store) -> None:
    founded = f'{CSTO} <http://schema.org/foundingDate> "2002" .'
    overlapping.replace_graph(SHARED, f"<{OTHER}> {RDF_TYPE} {NEWS} .\n{founded}\n")
    assert _count(overlapping, f'{CSTO} {RDFS_LABEL} "CSTO"@en') == 1, "the entity graph has it"
    assert not overlapping.ask(f"ASK {{ {CSTO} <http://schema.org/url> ?u }}"), "only SHARED had it"
    assert _count(overlapping, founded.rstrip(" .")) == 1
    assert _count(overlapping, f"?a a {NEWS}") == 2
    assert _count(overlapping, "?s ?p ?o") == 12


def test_deleting_a_graph_keeps_what_other_graphs_state(overlapping: Store) -> None:
    overlapping.delete_graph(ENTITIES)
    labels = overlapping.select(f"SELECT ?l WHERE {{ {CSTO} {RDFS_LABEL} ?l }}")
    assert labels.values() == [("CSTO",)], "SHARED still states the English label"
    overlapping.delete_graph(SHARED)
    assert not overlapping.ask(f"ASK {{ {CSTO} {RDFS_LABEL} ?l }}")
    assert _count(overlapping, f"?a a {NEWS}") == 2
    assert _count(overlapping, "?s ?p ?o") == 9


def test_update_where_clauses_see_the_merge(overlapping: Store) -> None:
    overlapping.update(f"DELETE WHERE {{ GRAPH ?g {{ ?a a {NEWS} }} }}")
    assert _count(overlapping, f"?a a {NEWS}") == 0
    assert _count(overlapping, f"GRAPH ?g {{ ?a a {NEWS} }}") == 0
    overlapping.update(
        f"INSERT {{ GRAPH <{EX}graph/copy> {{ ?org <http://schema.org/name> ?l }} }} "
        f'WHERE {{ ?org {RDFS_LABEL} ?l FILTER (lang(?l) = "en") }}'
    )
    assert overlapping.count_triples(f"{EX}graph/copy") == 1
    assert _count(overlapping, "?s ?p ?o") == 12 - 2 + 1


def test_each_operation_sees_the_merge_left_by_the_ones_before(overlapping: Store) -> None:
    seen = f"{EX}graph/seen"
    overlapping.update(
        f'DELETE DATA {{ GRAPH <{ENTITIES}> {{ {CSTO} {RDFS_LABEL} "ODKB"@id }} }} ;\n'
        f'INSERT DATA {{ GRAPH <{OTHER}> {{ {CSTO} {RDFS_LABEL} "OKB"@ru }} }} ;\n'
        f"INSERT {{ GRAPH <{seen}> {{ ?org <http://schema.org/name> ?l }} }} "
        f"WHERE {{ ?org {RDFS_LABEL} ?l }}"
    )
    names = overlapping.select(
        f"SELECT ?l WHERE {{ GRAPH <{seen}> {{ ?org <http://schema.org/name> ?l }} }} ORDER BY ?l"
    )
    assert names.values() == [("CSTO",), ("OKB",)]
    assert _count(overlapping, f"?org {RDFS_LABEL} ?l") == 2


# --- the embedded store only: Fuseki writes its hidden default graph instead ----------------

DEFAULT_GRAPH_WRITES = [
    f"INSERT DATA {{ {CSTO} {RDFS_LABEL} 'x' }}",
    f"DELETE DATA {{ {CSTO} {RDFS_LABEL} 'CSTO'@en }}",
    f"DELETE WHERE {{ ?a a {NEWS} }}",
    f"DELETE {{ ?a ?p ?o }} WHERE {{ GRAPH ?g {{ ?a a {NEWS} ; ?p ?o }} }}",
    f"INSERT {{ GRAPH ?g {{ ?a a {NEWS} }} ?a a {NEWS} }} WHERE {{ GRAPH ?g {{ ?a ?p ?o }} }}",
    "LOAD <file:///nothing.ttl>",
    "CLEAR DEFAULT",
    "DROP SILENT DEFAULT",
    f"ADD <{OTHER}> TO DEFAULT",
    f"COPY GRAPH <{OTHER}> TO DEFAULT",
    f"MOVE DEFAULT TO <{EX}graph/moved>",
    f"INSERT DATA {{ GRAPH <{OTHER}> {{ {CSTO} {RDFS_LABEL} 'y' }} }} ; CLEAR DEFAULT",
]


@pytest.mark.parametrize("update", DEFAULT_GRAPH_WRITES)
def test_an_update_that_writes_the_default_graph_is_refused(store: Store, update: str) -> None:
    store.replace_graph(OTHER, OTHER_NT)
    store.replace_graph(SHARED, SHARED_NT)
    with pytest.raises(QueryError, match=r"would write the default graph .* GRAPH <g>"):
        store.update(update)
    assert store.count_triples() == 5 and _count(store, "?s ?p ?o") == 4, "nothing changed"
    assert store.graph_names() == sorted([OTHER, SHARED])


@pytest.mark.parametrize(
    "update",
    [
        f"WITH <{OTHER}> DELETE {{ ?a a {NEWS} }} WHERE {{ ?a a {NEWS} }}",
        f"ADD DEFAULT TO <{EX}graph/all>",
        f"COPY DEFAULT TO <{EX}graph/all>",
        "CLEAR ALL",
        "DROP NAMED",
        f"LOAD SILENT <file:///nothing.ttl> INTO GRAPH <{EX}graph/loaded>",
    ],
)
def test_updates_that_write_named_graphs_keep_the_merge(update: str) -> None:
    store = EmbeddedStore()
    store.replace_graph(OTHER, OTHER_NT)
    store.replace_graph(SHARED, SHARED_NT)
    store.update(update)
    merged = store.select("SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
    default = store.select("SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    assert sorted(default.values()) == sorted(merged.values())


def test_dumps_hold_the_named_graphs_only() -> None:
    store = EmbeddedStore()
    store.replace_graph(OTHER, OTHER_NT)
    store.replace_graph(SHARED, SHARED_NT)
    for fmt in (RdfFormat.NQUADS, RdfFormat.TRIG):
        again = EmbeddedStore()
        again.load(store.dump(fmt=fmt), fmt=fmt)
        assert again.count_triples() == 5 and again.graph_names() == sorted([OTHER, SHARED])
    lines = store.dump(fmt=RdfFormat.NQUADS).decode().splitlines()
    assert len(lines) == 5 and all(
        line.endswith(f"<{OTHER}> .") or SHARED in line for line in lines
    )
    assert len(store.union(fmt=RdfFormat.NTRIPLES).decode().splitlines()) == 4
    assert sum(1 for _ in store.quads()) == 5


def test_bulk_loads_compute_the_default_graph() -> None:
    store = EmbeddedStore()
    store.load(f'{CSTO} {RDFS_LABEL} "x" .\n', fmt=RdfFormat.NTRIPLES, graph=OTHER)
    quads = f'{CSTO} {RDFS_LABEL} "x" <{SHARED}> .\n{CSTO} {RDFS_LABEL} "y" .\n'

    store.load(quads, fmt=RdfFormat.NQUADS)
    assert store.select(f"SELECT ?l WHERE {{ {CSTO} {RDFS_LABEL} ?l }}").values() == [("x",)]


@pytest.mark.parametrize("blank", [False, True])
def test_a_build_s_quads_load_their_merge_as_a_copy_would(tmp_path: Path, blank: bool) -> None:
    """``load_build`` reads the default graph natively from the build's lines; with blank
    nodes it copies them quad by quad instead. Either way: the merge, each triple once."""
    subject = "_:b1" if blank else CSTO
    lines = (
        f'{subject} {RDFS_LABEL} "x" <{SHARED}> .\n'
        f'{subject} {RDFS_LABEL} "x" <{OTHER}> .\n'
        f'{CSTO} {RDFS_LABEL} "y" <{OTHER}> .\n'
    )
    path = tmp_path / "dataset.nq"
    path.write_text(lines, encoding="utf-8")
    built, copied = EmbeddedStore(tmp_path / "built"), EmbeddedStore(tmp_path / "copied")
    built.load_build(path)
    copied.load_file(path)
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert built.select(count).values() == copied.select(count).values() == [("2",)]
    assert sorted(built.select("SELECT ?o WHERE { ?s ?p ?o }").values()) == [("x",), ("y",)]
    assert not list(tmp_path.glob("*.merge.nt")), "the triples file is removed"
