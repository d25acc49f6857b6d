"""Security of ``kg serve`` under abuse, against real servers on 127.0.0.1.

- No data changes without the update token, by any route: ``GET ?update=``, updates hidden
  in query forms or bodies, Graph Store Protocol PUT/POST/DELETE, wrong methods, wrong tokens
  (same length, prefix, in the URL, as Basic auth). The comparison is ``hmac.compare_digest``.
- The token never shows in the server's output.
- SERVICE is refused: it would make the server fetch any URL (internal ones too) for anyone.
- Data shown in HTML is escaped; pages carry security headers.
- Named-query parameters are bound as terms, never pasted into the query.
- Oversized requests get 4xx, slow clients do not hold up others, runaway queries (cartesian
  products, property paths) are stopped by the timeout while other clients are answered.
"""

from __future__ import annotations

import http.server
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from serve_fixtures import TOKEN, Server, start_server

from kg.errors import UsageError
from kg.queries import parse_query
from kg.serve import http as serve_http
from kg.serve.settings import Settings
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.slow

G = "https://example.org/kg/graph/intruder"
INSERT = (
    f'INSERT DATA {{ GRAPH <{G}> {{ <https://example.org/kg/id/x> <https://example.org/p> "v" }} }}'
)
DROP_ALL = "DROP ALL"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
PATH = "SELECT (COUNT(*) AS ?n) WHERE { ?a (!<urn:x:p>|^!<urn:x:p>)* ?b }"
DEPLOYMENTS = (
    "PREFIX kgo: <https://example.org/kg/ontology#> SELECT ?d WHERE { ?d a kgo:Deployment }"
)
INJECTION = '"} ; DROP ALL ; #'


def triples(server: Server) -> int:
    r = server.get("sparql", params={"query": COUNT}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def guarded(live_writable_server: Server) -> Iterator[Server]:
    """The writable server; the test fails if any request below changed its data."""
    before = triples(live_writable_server)
    yield live_writable_server
    assert triples(live_writable_server) == before, "the data changed without the token"


# -- no change without the token --------------------------------------------------------------

SPARQL_TRICKS: list[tuple[str, dict[str, Any], set[int]]] = [
    ("GET", {"params": {"update": INSERT}}, {405}),
    ("GET", {"params": {"update": DROP_ALL, "query": "ASK {}"}}, {405}),
    ("POST", {"data": {"update": INSERT}}, {401}),
    ("POST", {"data": {"update": DROP_ALL}, "headers": {"Authorization": "Bearer"}}, {401}),
    ("POST", {"data": {"query": INSERT}}, {400}),
    ("POST", {"data": {"query": DROP_ALL}}, {400}),
    ("POST", {"data": {"query": "ASK {}", "update": DROP_ALL}}, {400, 401}),
    ("POST", {"params": {"update": DROP_ALL}, "data": {"query": "ASK {}"}}, {200}),
    (
        "POST",
        {"content": DROP_ALL, "headers": {"Content-Type": "application/sparql-query"}},
        {400},
    ),
    (
        "POST",
        {"content": DROP_ALL, "headers": {"Content-Type": "Application/SPARQL-Update"}},
        {401},
    ),
    (
        "POST",
        {
            "content": f"update={DROP_ALL}",
            "headers": {"Content-Type": "application/x-www-form-urlencoded; charset=latin-1"},
        },
        {401},
    ),
    ("POST", {"files": {"update": ("u.rq", DROP_ALL.encode())}}, {415}),
    ("POST", {"content": DROP_ALL, "headers": {"Content-Type": "text/plain"}}, {415}),
    ("PUT", {"content": DROP_ALL}, {405}),
    ("DELETE", {}, {405}),
    ("PATCH", {"content": DROP_ALL}, {405}),
]


@pytest.mark.parametrize("path", ["sparql", ""])
@pytest.mark.parametrize(
    ("method", "kwargs", "statuses"), SPARQL_TRICKS, ids=[str(i) for i in range(len(SPARQL_TRICKS))]
)
def test_no_update_without_the_token(
    guarded: Server, path: str, method: str, kwargs: dict[str, Any], statuses: set[int]
) -> None:
    r = guarded.request(method, path, timeout=30, **kwargs)
    assert r.status_code in statuses, (r.status_code, r.text)
    assert TOKEN not in r.text


WRONG_TOKENS = {
    "same-length": {"Authorization": "Bearer " + "x" * len(TOKEN)},
    "prefix": {"Authorization": "Bearer " + TOKEN[:-1]},
    "longer": {"Authorization": "Bearer " + TOKEN + "0"},
    "case": {"Authorization": "Bearer " + TOKEN.upper()},
    "basic-auth": {"Authorization": "Basic " + TOKEN},
    "no-scheme": {"Authorization": TOKEN},
    "other-header": {"X-Update-Token": TOKEN},
    "cookie": {"Cookie": f"token={TOKEN}"},
}


@pytest.mark.parametrize("name", list(WRONG_TOKENS))
def test_wrong_tokens_are_refused(guarded: Server, name: str) -> None:
    headers = WRONG_TOKENS[name]
    r = guarded.post("sparql", data={"update": INSERT}, headers=headers)
    assert r.status_code in (401, 403), r.text
    gsp = guarded.url + "rdf-graph-store"
    for method in ("PUT", "POST"):
        r = httpx.request(
            method,
            gsp,
            params={"graph": G},
            content="<urn:a> <urn:b> <urn:c> .",
            headers={**headers, "Content-Type": "text/turtle"},
        )
        assert r.status_code in (401, 403)
    graph = "https://example.org/kg/graph/en-peacekeepers-fictional"
    r = httpx.delete(gsp, params={"graph": graph}, headers=headers)
    assert r.status_code in (401, 403)


def test_the_token_in_the_url_is_not_a_token(guarded: Server) -> None:
    for key in ("token", "access_token", "update_token"):
        r = guarded.post("sparql", params={key: TOKEN}, data={"update": INSERT})
        assert r.status_code == 401


def test_graph_store_writes_need_the_token(guarded: Server) -> None:
    gsp = guarded.url + "rdf-graph-store"
    graph = "https://example.org/kg/graph/en-peacekeepers-fictional"
    body = "<urn:a> <urn:b> <urn:c> ."
    for method in ("PUT", "POST"):
        for params in ({"graph": graph}, {"graph": G}, {"default": ""}):
            r = httpx.request(
                method, gsp, params=params, content=body, headers={"Content-Type": "text/turtle"}
            )
            assert r.status_code == 401, (method, params, r.status_code)
    assert httpx.delete(gsp, params={"graph": graph}).status_code == 401
    assert httpx.delete(gsp, params={"default": ""}).status_code == 401
    assert httpx.request("PATCH", gsp, params={"graph": graph}, content=body).status_code == 405
    assert httpx.get(gsp, params={"graph": graph}).status_code == 200, "reading stays open"


def test_read_only_server_has_no_token_to_guess(live_server: Server) -> None:
    before = triples(live_server)
    for headers in ({}, AUTH, WRONG_TOKENS["same-length"]):
        r = httpx.post(live_server.url + "sparql", data={"update": DROP_ALL}, headers=headers)
        assert r.status_code == 403
        r = httpx.delete(
            live_server.url + "rdf-graph-store",
            params={"graph": "https://example.org/kg/graph/en-peacekeepers-fictional"},
            headers=headers,
        )
        assert r.status_code == 403
    assert triples(live_server) == before


# -- constant-time comparison -----------------------------------------------------------------


def test_token_comparison_uses_hmac_compare_digest(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Review of kg/serve/http.py: check_token compares with hmac.compare_digest, on bytes,
    and never with ``==`` (which returns at the first differing character)."""
    calls: list[tuple[bytes, bytes]] = []
    real = serve_http.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(serve_http.hmac, "compare_digest", spy)
    monkeypatch.setenv("KG_SECURITY_TOKEN", TOKEN)
    settings = Settings.create(tmp_path, update_token_env="KG_SECURITY_TOKEN")

    class Request:
        def __init__(self, header: str) -> None:
            self.headers = {"authorization": header}

    assert serve_http.check_token(Request(f"Bearer {TOKEN}"), settings) is None  # type: ignore[arg-type]
    wrong = serve_http.check_token(Request("Bearer " + "y" * len(TOKEN)), settings)  # type: ignore[arg-type]
    assert wrong is not None and wrong.status_code == 403
    assert calls == [(TOKEN.encode(), TOKEN.encode()), (b"y" * len(TOKEN), TOKEN.encode())]
    source = Path(serve_http.__file__).read_text(encoding="utf-8")
    assert not re.search(r"token\s*[!=]=|[!=]=\s*settings\.token", source)


# -- the token is never logged ----------------------------------------------------------------


def test_the_token_never_appears_in_the_output(example_dataset: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "kg"
    shutil.copytree(example_dataset, copy)
    s = start_server(
        copy,
        "--update-token-env",
        "KG_LOG_TOKEN",
        "--timeout",
        "2",
        env={"KG_LOG_TOKEN": TOKEN},
    )
    try:
        url = s.url + "sparql"
        httpx.post(url, data={"update": INSERT}, headers=AUTH)
        httpx.post(url, data={"update": "INSERT DATA { oops"}, headers=AUTH)  # 400
        httpx.post(url, data={"update": INSERT}, headers={"Authorization": f"Bearer {TOKEN}x"})
        httpx.get(url, params={"query": CARTESIAN}, headers=AUTH, timeout=30)  # 503
        httpx.put(
            s.url + "rdf-graph-store",
            params={"graph": G},
            content="not turtle <<<",
            headers={**AUTH, "Content-Type": "text/turtle"},
        )
        httpx.get(s.url + "no/such/page", headers=AUTH)
    finally:
        s.stop()
    assert s.process.stdout is not None
    output = s.banner + s.process.stdout.read()
    assert TOKEN not in output
    assert TOKEN[:12] not in output


# -- SERVICE would let anyone make the server fetch URLs --------------------------------------


@pytest.fixture
def internal_service() -> Iterator[tuple[str, list[str]]]:
    """An HTTP server standing in for a service that only the host can reach."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[]}}')

        do_POST = do_GET

        def log_message(self, *args: Any) -> None:
            pass

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/internal", hits
    httpd.shutdown()


def test_service_is_refused(live_server: Server, internal_service: tuple[str, list[str]]) -> None:
    target, hits = internal_service
    for query in (
        f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"select * {{ service silent <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{target}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND(<{target}> AS ?u) SERVICE ?u {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ #comment\nSERVICE<{target}>{{?s ?p ?o}} }}",
        f"ASK {{ SERVICE <{target}> {{ }} }}",
    ):
        r = httpx.get(live_server.url + "sparql", params={"query": query}, timeout=30)
        assert r.status_code == 400 and "SERVICE" in r.text, (query, r.text)
    r = httpx.post(
        live_server.url + "sparql",
        content=f"SELECT * {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert r.status_code == 400
    assert hits == [], "the live_server fetched the URL"
    ok = httpx.get(
        live_server.url + "sparql",
        params={"query": 'SELECT ?service WHERE { BIND("SERVICE" AS ?service) } # SERVICE <x>'},
    )
    assert ok.status_code == 200, "the word in a variable, string or comment is fine"


# -- HTML escaping and security headers -------------------------------------------------------


def _pages(server: Server) -> list[str]:
    r = server.get(
        "sparql",
        params={"query": "SELECT DISTINCT ?s WHERE { ?s ?p ?o FILTER(isIRI(?s)) }"},
    )
    base = "https://example.org/kg/"
    return [
        b["s"]["value"][len(base) :]
        for b in r.json()["results"]["bindings"]
        if b["s"]["value"].startswith(base)
    ]


def test_every_page_escapes_markup(evil_server: Server) -> None:
    paths = _pages(evil_server)
    assert any(p.startswith("id/") for p in paths) and any("deployment" in p for p in paths)
    for path in paths:
        r = evil_server.get(path, headers={"Accept": "text/html"})
        assert r.status_code == 200, path
        body = r.text
        assert "<script" not in body.lower(), path
        assert "<img" not in body.lower() and "<i>" not in body and "<b>" not in body, path
        assert "onerror=1" not in body.replace("&lt;img src=x onerror=1&gt;", ""), path
        for attr in re.findall(r'(?:href|title|class|lang)="([^"]*)"', body):
            assert "<" not in attr and ">" not in attr, (path, attr)
    page = evil_server.get("id/organization/" + paths[0].split("/")[-1])
    assert page.status_code in (200, 404)


def test_evidence_and_names_are_shown_escaped(evil_server: Server) -> None:
    deployment = "article/evil-test/deployment/evil_nowhere"
    body = evil_server.get(deployment, headers={"Accept": "text/html"}).text
    assert "&lt;img src=x onerror=1&gt;!" in body
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body
    assert "&#x27;Co&#x27;" in body or "&#39;Co&#39;" in body


SECURITY_PATHS = [
    "",
    "sparql",
    "queries.json",
    "id/location/meridia",
    "no/such/thing",
    "static/kg.css",
]


@pytest.mark.parametrize("path", SECURITY_PATHS)
def test_security_headers(live_server: Server, path: str) -> None:
    r = live_server.get(path, headers={"Accept": "text/html"})
    assert r.headers["x-content-type-options"] == "nosniff"
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp


def test_the_query_page_works_under_its_policy(live_server: Server) -> None:
    """Its scripts and styles are files of this live_server, allowed by 'self'."""
    page = httpx.get(live_server.url).text
    assert "<script>" not in page and " onclick=" not in page and "style=" not in page
    for src in re.findall(r'<script[^>]*src="([^"]+)"', page):
        assert src.startswith("/static/"), src
        assert httpx.get(live_server.url + src.lstrip("/")).status_code == 200


# -- named queries bind their parameters ------------------------------------------------------


def test_named_query_parameters_cannot_inject(guarded: Server) -> None:
    before = triples(guarded)
    for name, param in (
        ("timeline", "actor"),
        ("evidence", "fact"),
        ("roles", "person"),
        ("deployments-after-protests", "days"),
    ):
        for value in (
            INJECTION,
            f"https://example.org/kg/id/x> }} ; {DROP_ALL} ; #",
            f'https://example.org/kg/id/x"}};{DROP_ALL};#',
        ):
            r = guarded.get(f"queries/{name}", params={param: value})
            assert r.status_code in (200, 400), (name, value, r.status_code, r.text)
            if r.status_code == 200:
                assert r.json()["results"]["bindings"] == []
    r = guarded.get("queries/deployments", params={"x": INJECTION})
    assert r.status_code == 400 and "no parameter 'x'" in r.text
    assert triples(guarded) == before


def test_a_string_parameter_is_a_literal(tmp_path: Path) -> None:
    """Library level: the value is substituted as one RDF term, never as query text."""
    query = parse_query(
        "# name: by-name\n# param: name (string) a name\n"
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "SELECT ?s WHERE { ?s rdfs:label ?name }\n"
    )
    store = EmbeddedStore()
    store.update(
        "INSERT DATA { GRAPH <urn:g> { <urn:a> <http://www.w3.org/2000/01/rdf-schema#label> "
        f'{_literal(INJECTION)} , "Alpha" }} }}'
    )
    rows = store.select(query.text, bindings=query.bind({"name": INJECTION})).rows
    assert [r["s"].value for r in rows] == ["urn:a"]
    assert store.select(query.text, bindings=query.bind({"name": "Alpha"})).rows
    assert store.count_triples() == 2, "nothing was dropped"


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# -- limits under abuse -----------------------------------------------------------------------


def _raw(server: Server, data: bytes, *, read: bool = True) -> bytes:
    host, port = server.url.split("//")[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(data)
        if not read:
            return b""
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def _status(response: bytes) -> int:
    match = re.match(rb"HTTP/1\.[01] (\d{3})", response)
    assert match, response[:200]
    return int(match.group(1))


def test_oversized_requests_are_refused(guarded: Server) -> None:
    big = "x" * 1_100_000
    long_url = (
        b"GET /sparql?query="
        + b"A" * 200_000
        + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    assert 400 <= _status(_raw(guarded, long_url)) < 500
    huge_header = (
        b"GET /sparql HTTP/1.1\r\nHost: x\r\nX-Big: "
        + b"h" * 200_000
        + b"\r\nConnection: close\r\n\r\n"
    )
    response = _raw(guarded, huge_header)
    assert not response or 400 <= _status(response) < 500
    r = guarded.post("sparql", data={"query": "ASK {} #" + big})
    assert r.status_code == 413
    r = guarded.post("sparql", data={"update": "#" + big}, headers=AUTH)
    assert r.status_code == 413

    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"#" + b"y" * 50_000

    r = guarded.post(
        "sparql",
        content=chunks(),
        headers={"Content-Type": "application/sparql-query"},
    )
    assert r.status_code == 413, "a chunked body without Content-Length is counted too"
    r = guarded.put(
        "rdf-graph-store",
        params={"graph": G},
        content=b"#" + big.encode(),
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    assert r.status_code == 413
    lie = b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
    lie += b"Content-Length: 99999999999\r\nConnection: close\r\n\r\nASK {}"
    assert _status(_raw(guarded, lie)) == 413
    assert guarded.get("sparql", params={"query": "ASK {}"}).status_code == 200


def _quick(server: Server) -> float:
    started = time.monotonic()
    r = server.get("sparql", params={"query": DEPLOYMENTS}, timeout=30)
    assert r.status_code == 200
    return time.monotonic() - started


def test_slow_clients_do_not_block_others(live_server: Server) -> None:
    host, port = live_server.url.split("//")[1].rstrip("/").split(":")
    request = b"GET /sparql?query=ASK%20%7B%7D HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    stop = threading.Event()
    answers: list[bytes] = []

    def dribble() -> None:  # one byte every 20 ms: about 1.5 s for the request
        with socket.create_connection((host, int(port)), timeout=30) as sock:
            for byte in request:
                if stop.is_set():
                    return
                sock.send(bytes([byte]))
                time.sleep(0.02)
            answers.append(sock.recv(65536))

    idle = []
    for _ in range(50):  # connections that send half a request line and wait
        sock = socket.create_connection((host, int(port)), timeout=30)
        sock.send(b"GET /sparql?query=")
        idle.append(sock)
    slow = [threading.Thread(target=dribble) for _ in range(4)]
    for thread in slow:
        thread.start()
    try:
        times = [_quick(live_server) for _ in range(10)]
        assert max(times) < 1.5, times
    finally:
        stop.set()
        for thread in slow:
            thread.join(30)
        for sock in idle:
            sock.close()
    slow_body = (
        b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
        b"Content-Length: 6\r\nConnection: close\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(slow_body + b"AS")  # the rest of the body never comes in time
        assert _quick(live_server) < 1.5
    assert _quick(live_server) < 1.5


def test_held_connections_cannot_exhaust_the_server(example_dataset: Path) -> None:
    limited = start_server(example_dataset, "--max-connections", "8")
    host, port = limited.url.split("//")[1].rstrip("/").split(":")
    held = []
    try:
        for _ in range(8):  # connections that send half a request line and wait
            sock = socket.create_connection((host, int(port)), timeout=30)
            sock.send(b"GET /sparql?query=")
            held.append(sock)
        time.sleep(0.3)
        refused = httpx.get(limited.url + "sparql", params={"query": "ASK {}"}, timeout=30)
        assert refused.status_code == 503
        for sock in held:
            sock.close()
        time.sleep(0.3)
        answered = httpx.get(limited.url + "sparql", params={"query": "ASK {}"}, timeout=30)
        assert answered.status_code == 200
    finally:
        for sock in held:
            sock.close()
        limited.stop()


def test_too_few_connections_for_the_workers_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="--max-connections must be more than --workers"):
        Settings.create(tmp_path, workers=4, max_connections=4)


@pytest.mark.parametrize("runaway", [CARTESIAN, PATH], ids=["cartesian", "property-path"])
def test_runaway_queries_are_cut_while_others_are_answered(
    live_server: Server, runaway: str
) -> None:
    outcome: dict[str, Any] = {}

    def run() -> None:
        started = time.monotonic()
        outcome["response"] = httpx.get(
            live_server.url + "sparql", params={"query": runaway}, timeout=60
        )
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.3)
    quick = [_quick(live_server) for _ in range(3)]
    thread.join(60)
    response = outcome["response"]
    assert response.status_code == 503 and "stopped after 2 s" in response.text
    assert outcome["seconds"] < 6
    assert max(quick) < 1.5, quick
    assert _quick(live_server) < 1.5, "the killed worker was replaced"
