"""Updates and the Graph Store Protocol: refused without the token, accepted with it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from serve_fixtures import TOKEN, Server, start_writable_copy
from SPARQLWrapper import JSON, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import Unauthorized

pytestmark = pytest.mark.slow

G = "https://example.org/kg/graph/team-notes"
INSERT = (
    f'INSERT DATA {{ GRAPH <{G}> {{ <https://example.org/kg/id/x> <https://example.org/p> "v" }} }}'
)
ASK = f"ASK {{ GRAPH <{G}> {{ ?s ?p ?o }} }}"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def ask(server: Server) -> bool:
    return bool(httpx.get(server.url + "sparql", params={"query": ASK}).json()["boolean"])


def test_read_only_server_refuses_updates(server: Server) -> None:
    r = httpx.post(server.url + "sparql", data={"update": INSERT}, headers=AUTH)
    assert r.status_code == 403 and "read-only" in r.text
    r = httpx.put(f"{server.url}rdf-graph-store", params={"graph": G}, content="", headers=AUTH)
    assert r.status_code == 403


def test_update_needs_the_token(writable_server: Server) -> None:
    url = writable_server.url + "sparql"
    assert "(read-write" in writable_server.banner and TOKEN not in writable_server.banner
    r = httpx.post(url, data={"update": INSERT})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    r = httpx.post(url, data={"update": INSERT}, headers={"Authorization": "Bearer wrong-token"})
    assert r.status_code == 403 and TOKEN not in r.text
    assert httpx.get(url, params={"update": INSERT}).status_code == 405
    assert not ask(writable_server)
    r = httpx.post(
        url, content=INSERT, headers={**AUTH, "Content-Type": "application/sparql-update"}
    )
    assert r.status_code == 204
    assert ask(writable_server), "queries see the update (new checkpoint)"
    bad = httpx.post(url, data={"update": "INSERT DATA { oops"}, headers=AUTH)
    assert bad.status_code == 400
    r = httpx.post(url, data={"update": f"DROP GRAPH <{G}>"}, headers=AUTH)
    assert r.status_code == 204 and not ask(writable_server)


def test_sparqlwrapper_update_refused_without_credentials(writable_server: Server) -> None:
    sparql = SPARQLWrapper(
        writable_server.url + "sparql", updateEndpoint=writable_server.url + "sparql"
    )
    sparql.setMethod(POST)
    sparql.setReturnFormat(JSON)
    sparql.setQuery(INSERT)
    with pytest.raises(Unauthorized):
        sparql.query()


def test_graph_store_put_get_delete(writable_server: Server) -> None:
    gsp = writable_server.url + "rdf-graph-store"
    turtle = '<https://example.org/kg/id/a> <https://example.org/p> "one" , "two" .\n'
    assert (
        httpx.put(
            gsp, params={"graph": G}, content=turtle, headers={"Content-Type": "text/turtle"}
        ).status_code
        == 401
    )
    r = httpx.put(
        gsp, params={"graph": G}, content=turtle, headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 201
    got = httpx.get(gsp, params={"graph": G}, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and got.text.count("\n") == 2
    more = '<https://example.org/kg/id/a> <https://example.org/p> "three" .'
    r = httpx.post(
        gsp,
        params={"graph": G},
        content=more,
        headers={**AUTH, "Content-Type": "application/n-triples"},
    )
    assert r.status_code == 204
    assert (
        httpx.get(gsp, params={"graph": G}, headers={"Accept": "application/n-triples"}).text.count(
            "\n"
        )
        == 3
    )
    r = httpx.put(
        gsp, params={"graph": G}, content=turtle, headers={**AUTH, "Content-Type": "text/turtle"}
    )
    assert r.status_code == 204, "replacing an existing graph"
    assert (
        httpx.get(gsp, params={"graph": G}, headers={"Accept": "application/n-triples"}).text.count(
            "\n"
        )
        == 2
    )
    assert httpx.delete(gsp, params={"graph": G}).status_code == 401
    assert httpx.delete(gsp, params={"graph": G}, headers=AUTH).status_code == 204
    assert httpx.get(gsp, params={"graph": G}).status_code == 404
    assert httpx.delete(gsp, params={"graph": G}, headers=AUTH).status_code == 404


def test_graph_store_reads_article_graphs(server: Server) -> None:
    gsp = server.url + "sparql-graph"
    r = httpx.get(gsp, params={"graph": "https://example.org/kg/graph/id-demo-jakarta-fiktif"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert '"Aliansi Mahasiswa Nusantara Bergerak"@id' not in r.text, (
        "labels live in the entity graph"
    )
    assert "sekitar 3.000 mahasiswa" in r.text
    assert httpx.get(gsp).status_code == 400
    assert httpx.head(gsp, params={"default": ""}).status_code == 200


@pytest.fixture(scope="module")
def impatient_writable_server(
    example_dataset: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A copy of the example dataset, writable, with a 2 s timeout."""
    s = start_writable_copy(example_dataset, tmp_path_factory, "--timeout", "2")
    yield s
    s.stop()


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
