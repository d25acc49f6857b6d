"""The SPARQL 1.1 Protocol of ``kg serve``: clients, formats, errors, limits.

Most tests run the app in-process; those marked slow run a real ``kg serve`` on 127.0.0.1
and talk to it as its users do (SPARQLWrapper, ``kg query --endpoint``, a runaway query
beside a quick one): the proof that the real server works, socket and all.
"""

from __future__ import annotations

import csv
import io
import json
import threading
import time
from pathlib import Path
from xml.etree import ElementTree

import httpx
import pytest
from rdflib import RDF, Dataset, Namespace
from serve_fixtures import App, Server, outdated_copy
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from kg.cli import main

KGO = "PREFIX kgo: <https://example.org/kg/ontology#>\n"
DEPLOYMENTS = KGO + "SELECT ?d WHERE { ?d a kgo:Deployment } ORDER BY ?d"
CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
GRAPH = "https://example.org/kg/graph/"


def wrapper(server: Server, fmt: str) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.url + "sparql")
    sparql.setReturnFormat(fmt)
    return sparql


@pytest.mark.slow
def test_banner_prints_the_url(live_server: Server) -> None:
    assert live_server.banner.startswith(f"kg: serving {live_server.dataset} on http://127.0.0.1:")
    assert "(read-only)" in live_server.banner


@pytest.mark.slow
def test_sparqlwrapper_json(live_server: Server) -> None:
    sparql = wrapper(live_server, JSON)
    sparql.setQuery(DEPLOYMENTS)
    result = sparql.queryAndConvert()
    assert isinstance(result, dict)
    assert len(result["results"]["bindings"]) == 7


@pytest.mark.slow
def test_sparqlwrapper_xml_and_ask(live_server: Server) -> None:
    sparql = wrapper(live_server, XML)
    sparql.setQuery(DEPLOYMENTS)
    doc = sparql.queryAndConvert()
    uris = [node.firstChild.data for node in doc.getElementsByTagName("uri")]  # type: ignore[union-attr]
    assert len(uris) == 7 and uris == sorted(uris)
    sparql = wrapper(live_server, JSON)
    sparql.setQuery(KGO + "ASK { ?p a kgo:Protest }")
    assert sparql.queryAndConvert() == {"head": {}, "boolean": True}


@pytest.mark.slow
def test_sparqlwrapper_csv(live_server: Server) -> None:
    sparql = wrapper(live_server, CSV)
    sparql.setQuery(
        KGO + "SELECT ?d ?n WHERE { ?d kgo:troops/<https://schema.org/value> ?n } ORDER BY ?n"
    )
    raw = sparql.queryAndConvert()
    text = raw.decode() if isinstance(raw, bytes) else str(raw)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["n"] for r in rows] == ["450", "1000", "1200", "2000", "2500", "4500"]


def test_spreadsheet_csv_writes_formulas_as_text(server: App) -> None:
    """format=spreadsheet (the query page's download) keeps a spreadsheet from running a cell
    as a formula; format=csv stays the W3C format, values unchanged."""
    query = (
        "SELECT ?f ?n ?m WHERE { VALUES (?f ?n ?m) "
        '{ ("=HYPERLINK(\\"http://x\\")" -5 "@SUM(A1)") } }'
    )
    plain = server.get("sparql", params={"query": query, "format": "csv"})
    safe = server.get("sparql", params={"query": query, "format": "spreadsheet"})
    assert plain.status_code == 200 and safe.status_code == 200, safe.text
    assert safe.headers["content-type"].startswith("text/csv")
    (plain_row,) = csv.DictReader(io.StringIO(plain.text))
    (safe_row,) = csv.DictReader(io.StringIO(safe.text))
    assert plain_row == {"f": '=HYPERLINK("http://x")', "n": "-5", "m": "@SUM(A1)"}
    assert safe_row == {"f": '\'=HYPERLINK("http://x")', "n": "-5", "m": "'@SUM(A1)"}


def test_post_forms_and_direct(server: App) -> None:
    form = server.post("sparql", data={"query": DEPLOYMENTS}, headers={"Accept": "text/csv"})
    assert form.status_code == 200 and form.headers["content-type"].startswith("text/csv")
    assert len(form.text.strip().splitlines()) == 8
    direct = server.post(
        "sparql",
        content=DEPLOYMENTS.encode(),
        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
    )
    assert direct.status_code == 200 and direct.text.startswith("?d\n<https://")


def test_construct_formats(server: App) -> None:
    query = KGO + "CONSTRUCT { ?d a kgo:Deployment } WHERE { ?d a kgo:Deployment }"
    for accept, check in [
        ("text/turtle", lambda t: "kgo:Deployment" in t),
        ("application/n-triples", lambda t: t.count("\n") == 7),
        ("application/ld+json", lambda t: isinstance(json.loads(t), list | dict)),
        ("application/rdf+xml", lambda t: ElementTree.fromstring(t) is not None),
    ]:
        r = server.get("sparql", params={"query": query}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept), accept
        assert check(r.text), accept
    r = server.get("sparql", params={"query": query, "format": "ntriples"})
    assert r.headers["content-type"].startswith("application/n-triples")


def test_dataset_parameters(server: App) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    one = server.get(
        "sparql",
        params={"query": count, "default-graph-uri": GRAPH + "entities"},
    ).json()
    union = server.get("sparql", params={"query": count}).json()
    n_one = int(one["results"]["bindings"][0]["n"]["value"])
    assert 0 < n_one < int(union["results"]["bindings"][0]["n"]["value"])
    named = server.get(
        "sparql",
        params={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g",
            "named-graph-uri": [GRAPH + "entities", GRAPH + "id-demo-jakarta-fiktif"],
        },
    ).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [
        GRAPH + "entities",
        GRAPH + "id-demo-jakarta-fiktif",
    ]


def test_bad_query_is_400_with_parser_message(server: App) -> None:
    r = server.get("sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400 and "invalid SPARQL" in r.text and "1:" in r.text


def test_unacceptable_is_406(server: App) -> None:
    r = server.get("sparql", params={"query": DEPLOYMENTS}, headers={"Accept": "image/png"})
    assert r.status_code == 406 and "text/csv" in r.text
    construct = "CONSTRUCT WHERE { ?s ?p ?o }"
    r = server.get("sparql", params={"query": construct}, headers={"Accept": "text/csv"})
    assert r.status_code == 406


def test_oversized_is_413_and_wrong_type_415(server: App) -> None:
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 1_100_000
    r = server.post("sparql", content=big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413
    r = server.post("sparql", content="x", headers={"Content-Type": "text/plain"})
    assert r.status_code == 415


def test_max_rows_truncates_and_says_so(server: App) -> None:
    r = server.get("sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert r.headers["x-kg-truncated"] == "true" and r.headers["x-kg-max-rows"] == "50"
    assert len(r.json()["results"]["bindings"]) == 50
    assert "x-kg-truncated" not in server.get("sparql", params={"query": DEPLOYMENTS}).headers


@pytest.mark.slow
def test_timeout_while_another_client_is_answered(live_server: Server) -> None:
    outcome: dict[str, httpx.Response | float] = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["slow"] = httpx.get(
            live_server.url + "sparql", params={"query": CARTESIAN + " # sparql"}, timeout=60
        )
        outcome["slow_seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    quick = httpx.get(live_server.url + "sparql", params={"query": DEPLOYMENTS}, timeout=30)
    quick_seconds = time.monotonic() - started
    thread.join(60)
    slow = outcome["slow"]
    assert isinstance(slow, httpx.Response)
    assert quick.status_code == 200 and quick_seconds < 1.5, quick_seconds
    assert slow.status_code == 503 and "stopped after 2 s" in slow.text
    assert 1.9 < float(outcome["slow_seconds"]) < 6
    for _ in range(3):  # the killed worker is replaced
        assert (
            httpx.get(
                live_server.url + "sparql", params={"query": DEPLOYMENTS}, timeout=30
            ).status_code
            == 200
        )


def test_service_description_and_cors(server: App) -> None:
    r = server.get("sparql", headers={"Origin": "https://elsewhere.example"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert "sd:Service" in r.text and "sd:UnionDefaultGraph" in r.text
    assert "SPARQL11Update" not in r.text
    assert r.headers["access-control-allow-origin"] == "*"
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "script-src 'self'" in r.headers["content-security-policy"]
    pre = server.options(
        "sparql",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "POST"},
    )
    assert pre.status_code == 200


def test_named_query_endpoint(server: App) -> None:
    r = server.get("queries/deployments-after-protests", params={"days": "60", "format": "csv"})
    assert r.status_code == 200
    assert [row["gap"] for row in csv.DictReader(io.StringIO(r.text))] == [
        "1",
        "1",
        "1",
        "1",
        "5",
        "54",
    ]
    bad = server.get("queries/timeline", params={"actor": "not an iri"})
    assert bad.status_code == 400 and "absolute IRI" in bad.text
    assert server.get("queries/nope").status_code == 404
    names = [q["name"] for q in server.get("queries.json").json()]
    assert "disagreements" in names


@pytest.mark.slow
def test_kg_query_against_the_server(
    live_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["query", "requests", "--endpoint", live_server.url + "sparql", "-f", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["requesterLabel"] for r in rows] == ["Kassym-Jomart Tokayev"] * 2 + ["Lucas Varenne"]


# --- the default graph is the merge of the named graphs: each triple once -------------------

PROV = Namespace("http://www.w3.org/ns/prov#")
AGENTS = (
    "PREFIX prov: <http://www.w3.org/ns/prov#>\nSELECT (COUNT(?x) AS ?n) WHERE { ?x a prov:Agent }"
)


def _quads(dataset: Path) -> Dataset:
    quads = Dataset()
    quads.parse(dataset / "dataset.nq", format="nquads")
    return quads


@pytest.mark.slow
def test_a_triple_stated_in_several_graphs_counts_once(
    live_server: Server, example_dataset: Path
) -> None:
    quads = _quads(example_dataset)
    every = [(s, p, o) for s, p, o, _ in quads.quads((None, None, None, None))]
    agents = [s for s, p, o in every if p == RDF.type and o == PROV.Agent]
    assert len(set(agents)) < len(agents), "the example data states some agents in many graphs"
    sparql = wrapper(live_server, JSON)
    sparql.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    total = sparql.queryAndConvert()["results"]["bindings"][0]["n"]["value"]  # type: ignore[index,call-overload]
    assert int(total) == len(set(every)) < len(every)
    r = httpx.get(
        live_server.url + "sparql", params={"query": AGENTS}, headers={"Accept": "text/csv"}
    )
    assert r.status_code == 200 and r.text.split() == ["n", str(len(set(agents)))]
    gsp = httpx.get(
        live_server.url + "rdf-graph-store",
        params={"default": ""},
        headers={"Accept": "application/n-triples"},
    )
    assert len(gsp.text.splitlines()) == len(set(every))


@pytest.mark.slow
def test_kg_query_counts_each_triple_once(
    live_server: Server, example_dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agents = {s for s, _, _, _ in _quads(example_dataset).quads((None, RDF.type, PROV.Agent, None))}
    query = tmp_path / "agents.rq"
    query.write_text(AGENTS + "\n")
    for where in (["--dataset", str(example_dataset)], ["--endpoint", live_server.url + "sparql"]):
        assert main(["query", str(query), "-f", "csv", *where]) == 0
        assert capsys.readouterr().out.split() == ["n", str(len(agents))], where


def test_serving_a_store_of_an_older_kg_says_to_rebuild(
    example_dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = outdated_copy(example_dataset, tmp_path)
    assert main(["serve", str(old), "--port", "0"]) == 2
    err = capsys.readouterr().err
    assert f"{old / 'store'}: this store was written by an older kg" in err
    assert f"kg build FACTS --out {old}" in err
