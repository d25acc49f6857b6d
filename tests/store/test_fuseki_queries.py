"""The example dataset pushed to a real Fuseki answers every named query exactly as the
embedded store does, and ``kg query --endpoint`` reports failures as one line, exit 2."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuseki_fixture import SECURED_PASSWORD, SECURED_USER, FusekiServer

from kg.cli import main
from kg.push import push
from kg.queries import NamedQuery, library, query_form
from kg.rdf.formats import RdfFormat
from kg.store import EmbeddedStore, FusekiStore, Store, Term

REPO = Path(__file__).resolve().parents[2]
QUERIES = library(REPO / "queries")
EXAMPLE_IRI = re.compile(r"e\.g\. (https?://\S+)")

pytestmark = pytest.mark.fuseki


@pytest.fixture(scope="module")
def example_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "dataset"
    code = main(["build", str(REPO / "examples" / "facts"), "-o", str(out), "--no-store"])
    assert code == 0, "kg build of examples/facts failed"
    return out


@pytest.fixture(scope="module")
def both(example_dataset: Path, fuseki_url: str) -> Iterator[tuple[EmbeddedStore, FusekiStore]]:
    remote = FusekiStore(fuseki_url, timeout=60)
    remote.update("DROP ALL")
    push(example_dataset, remote)
    local = EmbeddedStore()
    local.load_file(example_dataset / "dataset.nq", fmt=RdfFormat.NQUADS)
    yield local, remote
    remote.update("DROP ALL")
    remote.close()


def _bindings(query: NamedQuery) -> list[dict[str, Term]]:
    """No parameters (defaults only), and each IRI parameter set to its documented example."""
    runs = [query.bind({})]
    for param in query.params:
        example = EXAMPLE_IRI.search(param.description)
        if example:
            runs.append(query.bind({param.name: example.group(1)}))
    return runs


XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGER_TYPES = {f"{XSD}{t}" for t in ("nonNegativeInteger", "positiveInteger", "int", "long")}


def _normal(term: Term | None) -> Term | None:
    """Differences that SPARQL allows between two correct stores, made equal.

    - pyoxigraph 0.5 answers xsd:integer for an ``xsd:nonNegativeInteger`` value that Jena
      returns with the datatype it was stored with;
    - GROUP_CONCAT's order is undefined in SPARQL 1.1 (the queries join with "; ").
    """
    if term is None or term.kind != "literal":
        return term
    if term.datatype in INTEGER_TYPES:
        return Term.literal(term.value, datatype=f"{XSD}integer")
    if "; " in term.value and term.language is None:
        return Term.literal("; ".join(sorted(term.value.split("; "))), datatype=term.datatype)
    return term


def _answer(store: Store, query: NamedQuery, bindings: dict[str, Term]) -> object:
    form = query_form(query.text)
    if form == "ASK":
        return store.ask(query.text, bindings=bindings)
    if form in ("CONSTRUCT", "DESCRIBE"):
        return sorted(store.construct(query.text, bindings=bindings).splitlines())
    result = store.select(query.text, bindings=bindings)
    rows = [tuple(_normal(row.get(v)) for v in result.variables) for row in result.rows]
    return result.variables, sorted(rows, key=repr)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_named_query_same_on_fuseki(
    both: tuple[EmbeddedStore, FusekiStore], query: NamedQuery
) -> None:
    local, remote = both
    for bindings in _bindings(query):
        assert _answer(remote, query, bindings) == _answer(local, query, bindings), bindings


def test_example_dataset_counts(both: tuple[EmbeddedStore, FusekiStore]) -> None:
    local, remote = both
    counts = remote.graph_counts()
    for graph in local.graph_names():
        assert counts[graph] == local.count_triples(graph)


# --- kg query --endpoint: exit code 2 and one clear line -----------------------------------


def _query(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["query", *args])
    err = capsys.readouterr().err
    return code, err


def _one_clear_line(err: str, url: str) -> str:
    assert err.count("\n") == 1, err
    assert err.startswith(f"kg: error: {url}")
    return err


def test_kg_query_endpoint_down(capsys: pytest.CaptureFixture[str]) -> None:
    url = "http://127.0.0.1:9/kg"
    code, err = _query(capsys, "deployments", "--endpoint", url)
    assert code == 2
    assert "connection refused" in _one_clear_line(err, url)


def test_kg_query_bad_query(
    both: tuple[EmbeddedStore, FusekiStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?s WHERE { ?s ?p }\n")
    code, err = _query(capsys, str(bad), "--endpoint", both[1].endpoint)
    assert code == 2
    assert "HTTP 400" in _one_clear_line(err, both[1].endpoint)


def test_kg_query_timeout(
    both: tuple[EmbeddedStore, FusekiStore], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = " ".join(str(i) for i in range(150))
    slow = tmp_path / "slow.rq"
    slow.write_text(
        f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?a {{ {values} }} VALUES ?b {{ {values} }} "
        f"VALUES ?c {{ {values} }} FILTER(?a + ?b > ?c) }}\n"
    )
    code, err = _query(capsys, str(slow), "--endpoint", both[1].endpoint, "--timeout", "0.2")
    assert code == 2
    assert "(timeout)" in _one_clear_line(err, both[1].endpoint)


@pytest.mark.slow
def test_kg_query_401(secured_fuseki: FusekiServer, capsys: pytest.CaptureFixture[str]) -> None:
    url = secured_fuseki.url
    code, err = _query(capsys, "deployments", "--endpoint", url)
    assert code == 2
    assert "HTTP 401" in _one_clear_line(err, url)
    code = main(
        [
            "query",
            "deployments",
            "--endpoint",
            url,
            "--user",
            SECURED_USER,
            "--password",
            SECURED_PASSWORD,
            "--format",
            "json",
        ]
    )
    assert code == 0
