"""FusekiStore's failures: each one a kg error of one line that names the endpoint.

Down, unknown dataset, bad query and timeout are provoked on a real Fuseki; 401 is in
test_push.py (a real Fuseki with basic auth). Status codes Fuseki will not produce on
demand (403, 500, 503) are checked at the unit level with httpx.MockTransport.
"""

from __future__ import annotations

import httpx
import pytest

from kg.errors import EndpointError, QueryError, UsageError
from kg.store import FusekiStore, Term
from kg.store.binding import bind_values

GRAPH = "https://example.org/kg/graph/a"


def _one_line(error: BaseException, endpoint: str) -> str:
    text = str(error)
    assert "\n" not in text
    assert text.startswith(endpoint)
    return text


def test_endpoint_down() -> None:
    store = FusekiStore("http://127.0.0.1:9/kg", timeout=5)
    with pytest.raises(EndpointError) as caught:
        store.ask("ASK {}")
    text = _one_line(caught.value, "http://127.0.0.1:9/kg")
    assert "connection refused" in text and "scripts/fuseki start" in text
    assert caught.value.transient is True


def test_not_a_url() -> None:
    with pytest.raises(UsageError, match=r"http://127\.0\.0\.1:3030/kg"):
        FusekiStore("localhost:3030/kg")


def test_service_suffix_is_dropped() -> None:
    assert FusekiStore("http://h:3030/kg/sparql").endpoint == "http://h:3030/kg"
    assert FusekiStore("http://h:3030/kg/").endpoint == "http://h:3030/kg"


@pytest.mark.fuseki
def test_unknown_dataset(fuseki_url: str) -> None:
    url = fuseki_url.rsplit("/", 1)[0] + "/nothing-here"
    with pytest.raises(EndpointError) as caught:
        FusekiStore(url).select("SELECT * WHERE { ?s ?p ?o }")
    assert "check the dataset name" in _one_line(caught.value, url)
    assert caught.value.transient is False


@pytest.mark.fuseki
def test_bad_query(fuseki_url: str) -> None:
    with pytest.raises(QueryError) as caught:
        FusekiStore(fuseki_url).select("SELECT ?s WHERE { ?s ?p }")
    text = _one_line(caught.value, fuseki_url)
    assert "HTTP 400" in text and "line 1" in text


@pytest.mark.fuseki
def test_timeout(fuseki_url: str) -> None:
    values = " ".join(str(i) for i in range(150))
    slow = (
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} "
        f"VALUES ?c {{ {values} }} FILTER(?a + ?b > ?c) }}"
    )
    with pytest.raises(EndpointError) as caught:
        FusekiStore(fuseki_url, timeout=0.2).select(slow)
    assert "no answer within 0.2 s (timeout)" in _one_line(caught.value, fuseki_url)


def _mock(status: int, body: str = "") -> FusekiStore:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, text=body)

    return FusekiStore("http://fuseki.test/kg", transport=httpx.MockTransport(handler))


@pytest.mark.parametrize(
    ("status", "error", "words", "transient"),
    [
        (400, QueryError, "HTTP 400", None),
        (401, EndpointError, "HTTP 401", False),
        (403, EndpointError, "HTTP 403", False),
        (404, EndpointError, "HTTP 404", False),
        (500, EndpointError, "HTTP 500", True),
        (502, EndpointError, "HTTP 502", True),
        (503, EndpointError, "HTTP 503", True),
    ],
)
def test_gsp_status_mapping(
    status: int, error: type[Exception], words: str, transient: bool | None
) -> None:
    with pytest.raises(error) as caught:
        _mock(status, "first line\nsecond line").replace_graph(GRAPH, "")
    text = _one_line(caught.value, "http://fuseki.test/kg")
    assert f"PUT <{GRAPH}>" in text and words in text
    if transient is not None:
        assert caught.value.transient is transient


def test_gsp_timeout_is_transient() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out", request=request)

    store = FusekiStore("http://fuseki.test/kg", timeout=3, transport=httpx.MockTransport(handler))
    with pytest.raises(EndpointError, match=r"no answer within 3 s \(timeout\)") as caught:
        store.delete_graph(GRAPH)
    assert caught.value.transient is True


def test_delete_missing_graph_is_not_an_error() -> None:
    _mock(404, "No such graph").delete_graph(GRAPH)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "PREFIX x: <http://x/a#> SELECT * WHERE { ?s x:p '}{' , ?o }",
            "PREFIX x: <http://x/a#> SELECT * WHERE { VALUES (?o) { (1) } ?s x:p '}{' , ?o }",
        ),
        (
            "CONSTRUCT { ?s <p> '{' } WHERE { ?s ?p ?o } # {",
            "CONSTRUCT { ?s <p> '{' } WHERE { VALUES (?o) { (1) } ?s ?p ?o } # {",
        ),
        (
            "# a { comment\nASK { ?s ?p ?o FILTER(?o < 3 && ?o > 0) }",
            "# a { comment\nASK { VALUES (?o) { (1) } ?s ?p ?o FILTER(?o < 3 && ?o > 0) }",
        ),
    ],
)
def test_bind_values_finds_the_where_group(query: str, expected: str) -> None:
    one = Term.literal("1", datatype="http://www.w3.org/2001/XMLSchema#integer")
    assert (
        bind_values(query, {"o": one}).replace(
            '"1"^^<http://www.w3.org/2001/XMLSchema#integer>', "1"
        )
        == expected
    )


def test_bind_values_rejects_bad_names() -> None:
    with pytest.raises(QueryError):
        bind_values("SELECT * WHERE { ?s ?p ?o }", {"o) } DROP ALL": Term.literal("x")})
