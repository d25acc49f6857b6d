"""One contract for every Store: the embedded pyoxigraph store and a real Fuseki.

Run only the embedded half with ``pytest -m "not fuseki"``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kg.errors import QueryError
from kg.formats import RdfFormat
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
