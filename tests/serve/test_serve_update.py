"""Updates and the Graph Store Protocol: refused without the token, accepted with it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from serve_fixtures import TOKEN, App, Server, outdated_copy, start_server, start_writable_copy
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import Unauthorized

G = "https://example.org/kg/graph/team-notes"
INSERT = (
    f'INSERT DATA {{ GRAPH <{G}> {{ <https://example.org/kg/id/x> <https://example.org/p> "v" }} }}'
)
ASK = f"ASK {{ GRAPH <{G}> {{ ?s ?p ?o }} }}"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def ask(server: Server) -> bool:
    return bool(server.get("sparql", params={"query": ASK}).json()["boolean"])


def test_read_only_server_refuses_updates(server: App) -> None:
    r = server.post("sparql", data={"update": INSERT}, headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.text
    r = server.put(f"{server.url}rdf-graph-store", params={"graph": G}, content="", headers=AUTH)
    assert r.status_code == 403


@pytest.mark.slow
def test_update_needs_the_token(live_writable_server: Server) -> None:
    url = live_writable_server.url + "sparql"
    assert "(read-write" in live_writable_server.banner and TOKEN not in live_writable_server.banner
    r = httpx.post(url, data={"update": INSERT})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = httpx.post(url, data={"update": INSERT}, headers={"Authorization": "Bearer wrong-token"})
    assert r.status_code == 403 and TOKEN not in r.text
    assert httpx.get(url, params={"update": INSERT}).status_code == 405
    assert not ask(live_writable_server)
    r = httpx.post(
        url, content=INSERT, headers={**AUTH, "Content-Type": "application/sparql-update"}
    )
    assert r.status_code == 204
    assert ask(live_writable_server), "queries see the update (new checkpoint)"
    bad = httpx.post(url, data={"update": "INSERT DATA { oops"}, headers=AUTH)
    assert bad.status_code == 400
    r = httpx.post(url, data={"update": f"DROP GRAPH <{G}>"}, headers=AUTH)
    assert r.status_code == 204 and not ask(live_writable_server)


@pytest.mark.slow
def test_sparqlwrapper_update_refused_without_credentials(live_writable_server: Server) -> None:
    sparql = SPARQLWrapper(
        live_writable_server.url + "sparql", updateEndpoint=live_writable_server.url + "sparql"
    )
    sparql.setMethod(POST)
    sparql.setReturnFormat(JSON)
    sparql.setQuery(INSERT)
    with pytest.raises(Unauthorized):
        sparql.query()


def test_graph_store_put_get_delete(writable_server: App) -> None:
    gsp = writable_server.url + "rdf-graph-store"
    turtle = '<https://example.org/kg/id/a> <https://example.org/p> "one" , "two" .\n'
    assert (
        writable_server.put(
            gsp, params={"graph": G}, content=turtle, headers={"Content-Type": "text/turtle"}
        ).status_code
        == 401
    )
    r = writable_server.put(
        gsp, params={"graph": G}, content=turtle, headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 201
    got = writable_server.get(gsp, params={"graph": G}, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and got.text.count("\n") == 2
    more = '<https://example.org/kg/id/a> <https://example.org/p> "three" .'
    r = writable_server.post(
        gsp,
        params={"graph": G},
        content=more,
        headers={**AUTH, "Content-Type": "application/n-triples"},
    )
    assert r.status_code == 204
    assert (
        writable_server.get(
            gsp, params={"graph": G}, headers={"Accept": "application/n-triples"}
        ).text.count("\n")
        == 3
    )
    r = writable_server.put(
        gsp, params={"graph": G}, content=turtle, headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 204, "replacing an existing graph"
    assert (
        writable_server.get(
            gsp, params={"graph": G}, headers={"Accept": "application/n-triples"}
        ).text.count("\n")
        == 2
    )
    assert writable_server.delete(gsp, params={"graph": G}).status_code == 401
    assert writable_server.delete(gsp, params={"graph": G}, headers=AUTH).status_code == 204
    assert writable_server.get(gsp, params={"graph": G}).status_code == 404
    assert writable_server.delete(gsp, params={"graph": G}, headers=AUTH).status_code == 404


def test_graph_store_reads_article_graphs(server: App) -> None:
    gsp = server.url + "sparql-graph"
    r = server.get(gsp, params={"graph": "https://example.org/kg/graph/id-demo-jakarta-fiktif"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert '"Aliansi Mahasiswa Nusantara Bergerak"@id' not in r.text, (
        "labels live in the entity graph"
    )
    assert "sekitar 3.000 mahasiswa" in r.text
    assert server.get(gsp).status_code == 400
    assert server.head(gsp, params={"default": ""}).status_code == 200


@pytest.fixture(scope="module")
def impatient_writable_server(
    example_dataset: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A copy of the example dataset, writable, with a 2 s timeout."""
    s = start_writable_copy(example_dataset, tmp_path_factory, "--timeout", "2")
    yield s
    s.stop()


@pytest.mark.slow
def test_a_runaway_update_is_stopped_and_changes_nothing(
    impatient_writable_server: Server,
) -> None:
    url = impatient_writable_server.url + "sparql"
    runaway = (
        f"INSERT {{ GRAPH <{G}> {{ ?a ?b ?c }} }} "
        "WHERE { GRAPH ?w { ?a ?b ?c } GRAPH ?x { ?d ?e ?f } GRAPH ?y { ?g ?h ?i } }"
    )
    with ThreadPoolExecutor(1) as pool:
        pending = pool.submit(httpx.post, url, data={"update": runaway}, headers=AUTH, timeout=60)
        time.sleep(0.5)
        # Meanwhile readers are answered (from the last checkpoint) ...
        assert not ask(impatient_writable_server)
        response = pending.result()
    assert response.status_code == 503
    assert "stopped after 2 s and nothing was changed" in response.text
    assert not ask(impatient_writable_server), "the abandoned update left nothing behind"
    # ... and the next write goes through a fresh writer.
    assert httpx.post(url, data={"update": INSERT}, headers=AUTH).status_code == 204
    assert ask(impatient_writable_server)
    gsp = impatient_writable_server.url + "rdf-graph-store"
    assert httpx.delete(gsp, params={"graph": G}, headers=AUTH).status_code == 204
    assert not ask(impatient_writable_server)


# --- the default graph stays the merge of the named graphs ----------------------------------

MARKER = "https://example.org/kg/ontology#TestMarker"
AGENT_KG = (
    "<https://example.org/kg/agent/kg> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    "<http://www.w3.org/ns/prov#Agent>"
)
"""A triple the example dataset states in several graphs."""


def count(server: Server, where: str) -> int:
    r = server.get("sparql", params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def update(server: Server, text: str) -> httpx.Response:
    return server.post("sparql", data={"update": text}, headers=AUTH)


def test_delete_where_in_named_graphs_deletes(writable_server: App) -> None:
    one, two = (f"https://example.org/kg/graph/marker-{n}" for n in (1, 2))
    marked = "<https://example.org/kg/id/marked>"
    r = update(
        writable_server,
        f"INSERT DATA {{ GRAPH <{one}> {{ {marked} a <{MARKER}> }} "
        f"GRAPH <{two}> {{ {marked} a <{MARKER}> }} }}",
    )
    assert r.status_code == 204, r.text
    assert count(writable_server, f"?m a <{MARKER}>") == 1
    assert count(writable_server, f"GRAPH ?g {{ ?m a <{MARKER}> }}") == 2
    r = update(writable_server, f"DELETE WHERE {{ GRAPH ?g {{ ?m a <{MARKER}> }} }}")
    assert r.status_code == 204, r.text
    assert count(writable_server, f"?m a <{MARKER}>") == 0
    assert count(writable_server, f"GRAPH ?g {{ ?m a <{MARKER}> }}") == 0


def test_an_update_of_the_default_graph_is_refused(writable_server: App) -> None:
    deployments = count(writable_server, "?d a <https://example.org/kg/ontology#Deployment>")
    assert deployments > 0
    r = update(
        writable_server,
        "PREFIX kgo: <https://example.org/kg/ontology#>\nDELETE WHERE { ?d a kgo:Deployment }",
    )
    assert r.status_code == 400
    assert "would write the default graph (DELETE WHERE with triples outside GRAPH)" in r.text
    assert "write to a named graph instead, with GRAPH <g>" in r.text and "WITH <g>" in r.text
    assert count(writable_server, "?d a <https://example.org/kg/ontology#Deployment>") == (
        deployments
    )
    r = update(writable_server, f"INSERT DATA {{ <https://example.org/kg/id/x> a <{MARKER}> }}")
    assert r.status_code == 400 and "INSERT DATA with triples outside GRAPH" in r.text
    assert count(writable_server, f"?m a <{MARKER}>") == 0


def test_graph_store_writes_keep_the_default_graph_the_merge(writable_server: App) -> None:
    gsp = writable_server.url + "rdf-graph-store"
    graph = "https://example.org/kg/graph/gsp-merge"
    own = '<https://example.org/kg/id/gsp> <https://schema.org/name> "own" .'
    more = '<https://example.org/kg/id/gsp> <https://schema.org/name> "more" .'
    nt = {**AUTH, "Content-Type": "application/n-triples"}
    stated = count(writable_server, f"GRAPH ?g {{ {AGENT_KG} }}")
    assert stated > 1 and count(writable_server, AGENT_KG) == 1

    def write(method: str, *lines: str) -> int:
        body = "".join(line + "\n" for line in lines)
        return writable_server.request(
            method, gsp, params={"graph": graph}, content=body, headers=nt
        ).status_code

    assert write("PUT", f"{AGENT_KG} .", own) == 201
    assert count(writable_server, own[:-2]) == 1 and count(writable_server, AGENT_KG) == 1
    assert count(writable_server, f"GRAPH ?g {{ {AGENT_KG} }}") == stated + 1
    assert write("POST", own, more) == 204
    assert count(writable_server, own[:-2]) == 1 and count(writable_server, more[:-2]) == 1
    assert write("PUT", f"{AGENT_KG} .") == 204
    assert count(writable_server, "<https://example.org/kg/id/gsp> ?p ?o") == 0, "only it said so"
    assert count(writable_server, AGENT_KG) == 1
    assert writable_server.delete(gsp, params={"graph": graph}, headers=AUTH).status_code == 204
    assert count(writable_server, AGENT_KG) == 1, "other graphs still state it"
    assert count(writable_server, f"GRAPH ?g {{ {AGENT_KG} }}") == stated
    assert write("PUT", own) == 201
    assert writable_server.delete(gsp, params={"graph": graph}, headers=AUTH).status_code == 204
    assert count(writable_server, own[:-2]) == 0


@pytest.mark.slow
def test_a_writable_server_computes_the_default_graph_of_an_older_store(
    example_dataset: Path, tmp_path: Path
) -> None:
    old = outdated_copy(example_dataset, tmp_path)
    s = start_server(old, "--update-token-env", "KG_TEST_TOKEN", env={"KG_TEST_TOKEN": TOKEN})
    try:
        assert count(s, AGENT_KG) == 1
        assert count(s, "?d a <https://example.org/kg/ontology#Deployment>") > 0
    finally:
        s.stop()
