"""HTTP caching (issue 15, item 2): ETags tied to the dataset, 304 for a client that has the
answer, a new tag after a write; answers kept by the server for the same request."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import httpx
import pytest
from serve_fixtures import TOKEN, App, start_server

PAGE = "id/location/kazakhstan"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
G = "https://example.org/kg/graph/caching-notes"
INSERT = (
    f'INSERT DATA {{ GRAPH <{G}> {{ <https://example.org/kg/id/y> <https://example.org/p> "v" }} }}'
)


def test_a_read_carries_an_etag_and_a_client_that_has_it_gets_304(server: App) -> None:
    first = server.get(PAGE, headers={"Accept": "text/html"})
    assert first.status_code == 200
    tag = first.headers["etag"]
    assert tag.startswith('W/"') and first.headers["cache-control"] == "no-cache"
    again = server.get(PAGE, headers={"Accept": "text/html", "If-None-Match": tag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == tag
    # the same resource in another format is another answer, with another tag
    turtle = server.get(PAGE, headers={"Accept": "text/turtle", "If-None-Match": tag})
    assert turtle.status_code == 200 and turtle.headers["etag"] != tag


def test_a_query_by_get_is_tagged_and_revalidated(server: App) -> None:
    url = server.url + "sparql"
    first = server.get(url, params={"query": COUNT})
    assert first.status_code == 200
    tag = first.headers["etag"]
    assert (
        server.get(url, params={"query": COUNT}, headers={"If-None-Match": tag}).status_code == 304
    )
    other = server.get(url, params={"query": COUNT + " LIMIT 1"}, headers={"If-None-Match": tag})
    assert other.status_code == 200


def test_errors_and_writes_are_not_tagged(server: App) -> None:
    missing = server.get("id/nothing/here")
    assert missing.status_code == 404 and "etag" not in missing.headers
    post = server.post("sparql", data={"query": COUNT})
    assert post.status_code == 200 and "etag" not in post.headers


def test_a_write_gives_every_answer_a_new_tag(writable_server: App) -> None:
    before = writable_server.get("sparql", params={"query": COUNT})
    tag = before.headers["etag"]
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert writable_server.post("sparql", data={"update": INSERT}, headers=auth).status_code == 204
    after = writable_server.get("sparql", params={"query": COUNT}, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["etag"] != tag
    assert after.json() != before.json()


@pytest.mark.slow
def test_an_answer_asked_again_comes_from_memory_while_the_worker_is_busy(
    example_dataset: Path,
) -> None:
    """With the one worker held by a long query, a page asked before is answered from memory:
    the query is still running when the answer comes (without the cache the page would wait
    for the worker, and the query would be stopped to let it run)."""
    srv = start_server(
        example_dataset,
        *("--workers", "1", "--extra-workers", "0", "--timeout", "20", "--preempt-after", "60"),
    )
    try:
        page = srv.url + PAGE
        first = httpx.get(page, headers={"Accept": "text/turtle"})
        assert first.status_code == 200
        cartesian = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        holder = threading.Thread(
            target=httpx.get,
            args=(srv.url + "sparql",),
            kwargs={"params": {"query": cartesian}, "timeout": 60},
        )
        holder.start()
        time.sleep(0.5)  # the query holds the only worker
        again = httpx.get(page, headers={"Accept": "text/turtle"}, timeout=60)
        assert holder.is_alive(), "the page waited for the worker: not answered from memory"
        assert again.status_code == 200 and again.content == first.content
        assert again.headers["etag"] == first.headers["etag"]
        holder.join()
    finally:
        srv.stop()


def test_client_queries_are_never_answered_from_memory(server: App) -> None:
    """A query may ask for NOW() or RAND(): each GET of it runs it again."""
    query = "SELECT (STRUUID() AS ?u) WHERE {}"
    answers = {
        server.get("sparql", params={"query": query}).json()["results"]["bindings"][0]["u"]["value"]
        for _ in range(2)
    }
    assert len(answers) == 2
