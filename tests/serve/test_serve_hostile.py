"""Requests meant to break the endpoint: each gets a clear 4xx or 503 and kills no worker.

Worker processes are the server's children; a test compares their pids before and after,
so a request that crashed a worker (and made the pool respawn it) fails the test even when
the client got an answer.
"""

from __future__ import annotations

import asyncio
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from serve_fixtures import TOKEN, Server, start_server, start_writable_copy

from kg.cli import main as kg_main
from kg.serve.pool import STANDBY, QueryTimeout, WorkerPool
from kg.serve.schedule import CLIENT
from kg.serve.worker import JobError, QueryJob, Reply

EXAMPLE_FACTS = Path(__file__).resolve().parents[2] / "examples" / "facts"

pytestmark = pytest.mark.slow

AUTH = {"Authorization": f"Bearer {TOKEN}"}
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def workers(server: Server) -> set[int]:
    """The pids of the server's child processes (query workers, writer)."""
    pid = server.process.pid
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return {int(c) for c in children}


def count(server: Server) -> int:
    r = server.get("sparql", params={"query": COUNT}, timeout=30)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def nested(open_: str, close: str, depth: int, inner: str = "?s ?p ?o") -> str:
    return "ASK { " + open_ * depth + inner + close * depth + " }"


HOSTILE_QUERIES = {
    "braces": nested("{", "}", 10_000),
    "parentheses": "ASK { FILTER(" + "(" * 10_000 + "true" + ")" * 10_000 + ") }",
    "negations": "ASK { FILTER(" + "!" * 10_000 + "true) }",
    "sub-selects": nested("{ SELECT * WHERE {", "} }", 3_000),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_QUERIES))
def test_deeply_nested_queries_are_refused(live_server: Server, name: str) -> None:
    before = workers(live_server)
    methods = ("GET", "POST") if len(HOSTILE_QUERIES[name]) < 20_000 else ("POST",)
    for method in methods:
        r = live_server.request(
            method,
            "sparql",
            params={"query": HOSTILE_QUERIES[name]} if method == "GET" else None,
            data={"query": HOSTILE_QUERIES[name]} if method == "POST" else None,
            timeout=30,
        )
        assert r.status_code == 400, r.text
        assert "flatten" in r.text or "simplify" in r.text
    assert workers(live_server) == before
    assert count(live_server) > 0


def test_nesting_within_the_limit_is_answered(live_server: Server) -> None:
    r = httpx.get(live_server.url + "sparql", params={"query": nested("{", "}", 150)})
    assert r.status_code == 200 and r.json()["boolean"] is True


@pytest.mark.parametrize(
    ("params", "word"),
    [
        ({"query": "ASK {}", "default-graph-uri": "x"}, "default-graph-uri"),
        ({"query": "ASK {}", "named-graph-uri": "a b"}, "named-graph-uri"),
        ({"query": "ASK {}", "default-graph-uri": "urn:x%zz"}, "default-graph-uri"),
    ],
)
def test_dataset_parameters_must_be_absolute_iris(
    live_server: Server, params: dict[str, str], word: str
) -> None:
    before = workers(live_server)
    r = live_server.get("sparql", params=params)
    assert r.status_code == 400 and word in r.text and "absolute IRI" in r.text
    assert workers(live_server) == before


def test_graph_store_refuses_a_relative_graph(live_server: Server) -> None:
    before = workers(live_server)
    r = httpx.get(live_server.url + "rdf-graph-store", params={"graph": "relative"})
    assert r.status_code == 400 and "absolute IRI" in r.text
    assert workers(live_server) == before


def test_a_repeated_query_parameter_is_refused(live_server: Server) -> None:
    r = httpx.get(live_server.url + "sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert r.status_code == 400 and "once" in r.text


def test_invalid_utf8_is_refused(live_server: Server) -> None:
    r = httpx.post(
        live_server.url + "sparql",
        content=b'SELECT * WHERE { ?s ?p "\xff\xfe" }',
        headers={"Content-Type": "application/sparql-query"},
    )
    assert r.status_code == 400 and "UTF-8" in r.text
    r = httpx.get(live_server.url + "sparql?query=ASK%7B%7D%ff")
    assert r.status_code == 400 and "UTF-8" in r.text


def test_relative_iris_resolve_against_the_endpoint(live_server: Server) -> None:
    r = httpx.get(
        live_server.url + "sparql",
        params={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"},
        headers={"Accept": "application/n-triples"},
    )
    assert r.status_code == 200, r.text
    assert f"<{live_server.url}s> <{live_server.url}p>" in r.text


def test_head_on_the_endpoint_is_answered(live_server: Server) -> None:
    assert httpx.head(live_server.url + "sparql").status_code == 200


@pytest.fixture(scope="module")
def small_memory_server(example_dataset: Path) -> Iterator[Server]:
    s = start_server(example_dataset, "--max-query-memory", "256", "--timeout", "60")
    yield s
    s.stop()


def test_a_query_past_the_memory_limit_is_stopped(small_memory_server: Server) -> None:
    binds = " ".join(f"BIND(CONCAT(?y{i}, ?y{i}) AS ?y{i + 1})" for i in range(40))
    query = f'SELECT (STRLEN(?y40) AS ?n) WHERE {{ BIND("ab" AS ?y0) {binds} }}'
    r = small_memory_server.get("sparql", params={"query": query}, timeout=90)
    assert r.status_code == 503, r.text
    assert "256 MB" in r.text and "--max-query-memory" in r.text
    assert count(small_memory_server) > 0  # its successor answers


def test_repeated_update_parameters_change_nothing(
    example_dataset: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    s = start_writable_copy(example_dataset, tmp_path_factory)
    try:
        before = count(s)
        r = httpx.post(
            s.url + "sparql",
            content=b"update=CLEAR%20NAMED&update=CLEAR%20DEFAULT",
            headers={**AUTH, "Content-Type": "application/x-www-form-urlencoded"},
        )
        assert r.status_code == 400 and "once" in r.text
        assert count(s) == before
        writers = workers(s)
        for update in ("CLEAR GRAPH <urn:kg:missing>", "DROP GRAPH <urn:kg:missing>"):
            r = httpx.post(s.url + "sparql", data={"update": update}, headers=AUTH)
            assert r.status_code == 400 and "does not exist" in r.text
        r = httpx.post(
            s.url + "sparql",
            data={"update": "INSERT DATA { GRAPH <urn:kg:g> { <urn:a> <urn:b> 1 } }"},
            headers=AUTH,
        )
        assert r.status_code == 204
        assert workers(s) == writers  # the writer survived the refused updates
        r = httpx.post(
            s.url + "sparql",
            data={
                "update": "WITH <urn:kg:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                "using-graph-uri": "urn:kg:g",
            },
            headers=AUTH,
        )
        assert r.status_code == 400 and "using-graph-uri" in r.text, "a dataset named twice"
        assert workers(s) == writers
    finally:
        s.stop()


def _rebuild(facts: Path, out: Path, *extra: str) -> int:
    return kg_main(["build", str(facts), "--out", str(out), *extra])


def test_a_rebuild_under_a_read_only_server_is_served_at_once(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_FACTS.parent, tmp_path / "examples")
    facts = tmp_path / "examples" / "facts"
    out = tmp_path / "kg"
    assert _rebuild(facts, out) == 0
    s = start_server(out)
    try:
        before = count(s)
        first = sorted(facts.glob("*.yaml"))[0]
        first.unlink()
        assert _rebuild(facts, out) == 0
        after = count(s)
        assert after < before
        assert {count(s) for _ in range(6)} == {after}  # every worker reads the new store
    finally:
        s.stop()


def test_a_rebuild_never_silently_drops_server_updates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    example_facts = EXAMPLE_FACTS
    out = tmp_path / "kg"
    assert _rebuild(example_facts, out) == 0
    s = start_server(out, "--update-token-env", "KG_TEST_TOKEN", env={"KG_TEST_TOKEN": TOKEN})
    try:
        assert _rebuild(example_facts, out) == 0  # no update yet: nothing to lose
        assert count(s) > 0
        insert = "INSERT DATA { GRAPH <urn:kg:notes> { <urn:a> <urn:b> 1 } }"
        r = httpx.post(s.url + "sparql", data={"update": insert}, headers=AUTH)
        assert r.status_code == 204
        capsys.readouterr()
        assert _rebuild(example_facts, out) == 2
        assert "--discard-server-updates" in capsys.readouterr().err
        ask = {"query": "ASK { GRAPH <urn:kg:notes> { ?s ?p ?o } }"}
        assert httpx.get(s.url + "sparql", params=ask).json()["boolean"] is True
        assert _rebuild(example_facts, out, "--discard-server-updates") == 0
        assert httpx.get(s.url + "sparql", params=ask).json()["boolean"] is False
        r = httpx.post(s.url + "sparql", data={"update": insert}, headers=AUTH)
        assert r.status_code == 204  # the writer follows the new dataset
        assert httpx.get(s.url + "sparql", params=ask).json()["boolean"] is True
    finally:
        s.stop()


@pytest.mark.parametrize(
    "update",
    [
        "LOAD <http://127.0.0.1:9/data.ttl> INTO GRAPH <urn:kg:g>",
        "LOAD <file:///etc/passwd>",
        "INSERT { GRAPH <urn:kg:g> { ?s ?p ?o } } WHERE { SERVICE <http://127.0.0.1:9/> "
        "{ ?s ?p ?o } }",
    ],
)
def test_updates_that_fetch_urls_are_refused(live_writable_server: Server, update: str) -> None:
    writers = workers(live_writable_server)
    r = live_writable_server.post("sparql", data={"update": update}, headers=AUTH)
    assert r.status_code == 400 and "--allow-load" in r.text
    assert workers(live_writable_server) == writers


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def one_worker_server(example_dataset: Path) -> Iterator[Server]:
    s = start_server(example_dataset, "--workers", "1", "--extra-workers", "1", "--timeout", "20")
    yield s
    s.stop()


def test_a_slow_query_does_not_hold_a_simple_one_back(one_worker_server: Server) -> None:
    """With the only worker busy on a slow query, a simple query gets the spare worker and
    is answered while the slow one still runs (order, not time, is asserted)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        slow = pool.submit(
            httpx.get, one_worker_server.url + "sparql", params={"query": SLOW}, timeout=60
        )
        time.sleep(0.5)  # let the slow query take the worker
        assert count(one_worker_server) > 0
        assert not slow.done(), "the simple query was answered after the slow one ended"
        assert slow.result().status_code == 503  # stopped at the 20 s timeout
    assert count(one_worker_server) > 0  # the pool still answers


@pytest.fixture(scope="module")
def busy_server(example_dataset: Path) -> Iterator[Server]:
    """One worker, no spare, a 20 s timeout, no answer cache: a waiting request can only get
    the worker by making a long client query give way."""
    s = start_server(
        example_dataset,
        *("--workers", "1", "--extra-workers", "0", "--timeout", "20", "--answer-cache-mb", "0"),
        *("--preempt-after", "0.5", "--refuse-repeats-for", "60"),
    )
    yield s
    s.stop()


def _slow_then(
    server: Server, slow_query: str, quick: str
) -> tuple[httpx.Response, httpx.Response]:
    """Send ``slow_query``; once it holds the worker, fetch ``quick``; both answers."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        slow = pool.submit(
            httpx.get, server.url + "sparql", params={"query": slow_query}, timeout=60
        )
        time.sleep(0.5)  # let the slow query take the worker
        answer = server.get(quick, timeout=60)
        assert not slow.done() or slow.result().status_code == 503
        return slow.result(), answer


def test_a_long_client_query_gives_way_to_a_waiting_page(busy_server: Server) -> None:
    page = "id/organization/csto"
    assert busy_server.get(page).status_code == 200, "a page of the examples"
    slow, answer = _slow_then(busy_server, SLOW + " # gives way to a page", page)
    assert answer.status_code == 200
    assert slow.status_code == 503, slow.text
    assert "to let waiting requests run" in slow.text and "--preempt-after" in slow.text
    assert slow.headers["Retry-After"] == "10"
    assert count(busy_server) > 0  # the stopped query's worker was replaced


def test_a_long_client_query_gives_way_to_a_waiting_query(busy_server: Server) -> None:
    slow, answer = _slow_then(
        busy_server, SLOW + " # gives way to a query", "sparql?query=ASK%20%7B%7D"
    )
    assert answer.status_code == 200 and answer.json()["boolean"] is True
    assert slow.status_code == 503 and "to let waiting requests run" in slow.text


def test_a_query_that_overran_is_refused_when_sent_again(busy_server: Server) -> None:
    runaway = SLOW + " # overruns alone"
    first = busy_server.get("sparql", params={"query": runaway}, timeout=60)
    assert first.status_code == 503 and "stopped after 20 s" in first.text
    started = time.monotonic()
    again = busy_server.get("sparql", params={"query": runaway}, timeout=60)
    assert again.status_code == 503 and "refused for another" in again.text
    assert time.monotonic() - started < 5, "refused without running"
    assert 1 <= int(again.headers["Retry-After"]) <= 60
    spaced = httpx.get(  # the same query with other white space is the same query
        busy_server.url + "sparql", params={"query": runaway.replace(" ", "\n  ")}, timeout=60
    )
    assert spaced.status_code == 503 and "refused for another" in spaced.text
    assert count(busy_server) > 0  # other queries run


@pytest.fixture(scope="module")
def fair_server(example_dataset: Path) -> Iterator[Server]:
    """One worker, no spare, and a long --preempt-after: only fair shares make a running
    query give way early."""
    s = start_server(
        example_dataset,
        *("--workers", "1", "--extra-workers", "0", "--timeout", "30"),
        *("--preempt-after", "20"),
    )
    yield s
    s.stop()


def test_the_busier_client_gives_way_at_once(fair_server: Server) -> None:
    """A client (127.0.0.2) that holds the only worker with a slow query gives way to
    another client's small query long before --preempt-after."""
    busy = httpx.Client(transport=httpx.HTTPTransport(local_address="127.0.0.2"), timeout=60)
    with busy, ThreadPoolExecutor(max_workers=1) as pool:
        started = time.monotonic()
        slow = pool.submit(busy.get, fair_server.url + "sparql", params={"query": SLOW + " # 2"})
        time.sleep(1.5)  # the slow query has held the worker for more than a second
        answer = httpx.get(fair_server.url + "sparql", params={"query": "ASK {}"}, timeout=60)
        stopped = slow.result()
    assert answer.status_code == 200
    assert stopped.status_code == 503 and "to let waiting requests run" in stopped.text
    assert time.monotonic() - started < 15, "it gave way before --preempt-after (20 s)"


def test_a_worker_stopped_to_give_way_is_replaced_by_a_standby(example_dataset: Path) -> None:
    """The pool keeps processes started ahead (``STANDBY``): the worker stopped for a waiting
    job is replaced by one of them, and another is started for the next time."""

    async def ready(pool: WorkerPool, before: set[int]) -> set[int]:
        for _ in range(300):  # standbys start in the background
            pids = {w.process.pid for w in pool._standby}
            if len(pids) == STANDBY and pids != before:
                return pids
            await asyncio.sleep(0.1)
        raise AssertionError(f"{len(pool._standby)} of {STANDBY} standbys started")

    async def scenario() -> tuple[set[int], set[int], set[int]]:
        pool = WorkerPool(
            str(example_dataset / "store"),
            size=1,
            timeout=30,
            memory_mb=2048,
            preempt_after=0.2,
        )
        await pool.start()
        try:
            standbys = await ready(pool, set())
            slow = asyncio.create_task(pool.run(QueryJob(SLOW, solutions=True), client=True))
            await asyncio.sleep(0.5)  # the slow query holds the only worker
            quick = await pool.run(QueryJob("ASK {}", solutions=True))
            assert isinstance(quick, Reply)
            with pytest.raises(QueryTimeout):
                await slow  # it gave way
            workers = {w.process.pid for w in pool._all}
            return standbys, workers, await ready(pool, standbys)
        finally:
            await pool.close()

    standbys, workers, after = asyncio.run(scenario())
    assert len(standbys & workers) == 1, "a standby took the stopped worker's place"
    assert len(after - standbys) == 1, "another standby was started"


def test_a_client_whose_queries_overran_holds_one_worker_at_most(example_dataset: Path) -> None:
    """A client whose queries were stopped lately gets no second worker while one of its
    queries runs: its second query waits, and another client's query takes the free worker
    without stopping anything."""

    async def scenario() -> tuple[int, int, bool, set[int | None], set[int | None]]:
        pool = WorkerPool(
            str(example_dataset / "store"), size=2, timeout=3, memory_mb=2048, preempt_after=30
        )
        await pool.start()
        try:
            loop = asyncio.get_running_loop()
            pool._overuse.add("10.0.0.1", 7.0, now=loop.time())  # its queries overran lately
            pool._overran.add("10.0.0.1", 7.0, now=loop.time())  # more than two timeouts

            async def as_client(client: str, query: str) -> Reply | JobError:
                CLIENT.set(client)
                return await pool.run(QueryJob(query, solutions=True), client=True)

            first = asyncio.create_task(as_client("10.0.0.1", SLOW + " # first"))
            await asyncio.sleep(0.5)
            second = asyncio.create_task(as_client("10.0.0.1", SLOW + " # second"))
            await asyncio.sleep(0.5)
            held = sum(r.client == "10.0.0.1" for r, _ in pool._running.values())
            idle = len(pool._idle)
            before = {w.process.pid for w in pool._all}
            other = await as_client("10.0.0.2", "ASK {}")
            after = {w.process.pid for w in pool._all}
            for task in (first, second):
                with pytest.raises(QueryTimeout):
                    await task
            return held, idle, isinstance(other, Reply), before, after
        finally:
            await pool.close()

    held, idle, answered, before, after = asyncio.run(scenario())
    assert held == 1, "the second query of the client that overran waited"
    assert idle == 1, "the other worker stayed free"
    assert answered and before == after, "another client's query ran, and nothing was stopped"
