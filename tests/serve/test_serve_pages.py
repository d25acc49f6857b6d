"""Linked-data pages, VoID, dumps and the query page of ``kg serve`` (the app in-process)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pyoxigraph as ox
import pytest
from rdflib import OWL, RDF, VOID, Graph, Namespace, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from serve_fixtures import App, Server

from kg.queries import find_query, run_select
from kg.serve.worker import QueryJob, Reply, handle
from kg.store.embedded import EmbeddedStore

BASE = "https://example.org/kg/"
CSTO = "https://example.org/kg/id/organization/csto"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
CHROMIUM = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
    "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)
JSON_RESULTS = "application/sparql-results+json"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
LINK = re.compile(r'<a href="([^"]*)" title="([^"]*)">')


def test_entity_content_negotiation(server: App) -> None:
    url = server.url + "id/organization/csto"
    html = server.get(url, headers={"Accept": BROWSER, "Accept-Language": "en-GB,en;q=0.9"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<h1>Collective Security Treaty Organization</h1>" in html.text
    turtle = server.get(url, headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(CSTO), URIRef("https://example.org/kg/ontology#authorityKey"), None) in g
    jsonld = server.get(url, headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert jsonld.json()["@graph"][0]["@id"] == "kg:id/organization/csto", "compacted"
    assert len(_jsonld_graph(jsonld.text)) == len(g)
    assert (
        server.get(url, params={"format": "turtle"})
        .headers["content-type"]
        .startswith("text/turtle")
    )
    assert server.get(url, headers={"Accept": "image/png"}).status_code == 406


def test_labels_follow_accept_language(server: App) -> None:
    url = server.url + "id/organization/csto"
    page = server.get(url, headers={"Accept": BROWSER, "Accept-Language": "id"}).text
    assert "<h1>Organisasi Perjanjian Keamanan Kolektif</h1>" in page
    assert '<html lang="id">' in page and ">Organisasi</a>" in page, "ontology labels in Indonesian"


def test_event_page_links_evidence_and_provenance(server: App) -> None:
    url = server.url + "article/id-csto-kazakhstan-2022/deployment/csto_kazakhstan"
    page = server.get(url, headers={"Accept": BROWSER}).text
    assert 'href="/id/organization/csto"' in page and 'href="/id/location/kazakhstan"' in page
    assert "CSTO mengirim sekitar 2.500 personel" in page
    assert "Pasukan CSTO Mulai Ditarik dari Kazakhstan" in page, "the quote's article headline"
    assert "Warta Nusantara, characters 632–769" in page
    assert "<h2>Provenance" in page and "Ayu Lestari" in page
    hrefs = set(re.findall(r'href="(/[^"#?]*)"', page))
    for href in sorted(hrefs)[:40]:
        assert server.get(server.url.rstrip("/") + href).status_code == 200, href


def test_unknown_iri_is_404(server: App) -> None:
    assert server.get("id/organization/no-such-thing").status_code == 404


def test_html_escaping(evil_server: App) -> None:
    page = evil_server.get("id/organization/script-alert-x-script-evil-co").text
    assert "<script>alert" not in page and "<img" not in page
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;Evil&quot; &amp; &#x27;Co&#x27;"
        in page
    )
    event = evil_server.get("article/evil-test/deployment/evil_nowhere").text
    assert "&lt;img src=x onerror=1&gt;!" in event and "<img" not in event
    assert "&lt;b&gt;&quot;Evil&quot; &amp; Co&lt;/b&gt;" in event, "the article's headline"
    assert "<script" not in event.replace('<script src="/static/query.js"', "")


def test_quality_query_finds_the_placeless_protest(evil_dataset: Path) -> None:
    store = EmbeddedStore(evil_dataset / "store", read_only=True)
    rows = run_select(store, find_query("quality-events-without-place")).values()
    store.close()
    assert rows == [
        (
            "https://example.org/kg/article/evil-test/protest/placeless",
            "Protest",
            "Protest",
            "https://example.org/kg/article/evil-test",
        )
    ]


def test_void_dumps_and_ontology(server: App) -> None:
    void = server.get(".well-known/void", headers={"Accept": "text/turtle"})
    assert void.status_code == 200 and "void:Dataset" in void.text
    dump = server.get("dumps/dataset.nq")
    assert dump.status_code == 200 and dump.headers["content-type"].startswith(
        "application/n-quads"
    )
    assert dump.text.count("\n") == len((server.dataset / "dataset.nq").read_text().splitlines())
    assert server.get("dumps/..%2Fmanifest.json").status_code == 404
    assert server.get("dumps/store").status_code == 404
    onto = server.get("ontology")
    assert onto.status_code == 200 and "kgo:Deployment a owl:Class" in onto.text


def test_ontology_and_void_are_pages_for_a_browser(server: App) -> None:
    """Issue 14: the ontology and VoID IRIs that pages link to open as pages, in the
    reader's language; clients still get RDF."""
    onto = server.get("ontology", headers={"Accept": BROWSER, "Accept-Language": "id"})
    assert onto.status_code == 200 and onto.headers["content-type"].startswith("text/html")
    person = onto.text.split('<section id="Person">', 1)[1].split("</section>", 1)[0]
    assert "<h3>Orang</h3>" in person and "Manusia yang disebut namanya" in person
    assert '<section id="Deployment">' in onto.text and '<section id="Happened">' in onto.text
    as_jsonld = server.get("ontology", params={"format": "jsonld"})
    graph = _jsonld_graph(as_jsonld.text)
    assert (URIRef(BASE + "ontology#Deployment"), RDF.type, OWL.Class) in graph
    void = server.get(".well-known/void", headers={"Accept": BROWSER})
    assert void.headers["content-type"].startswith("text/html") and "void:Dataset" in void.text
    hrefs = sorted(set(re.findall(r'href="(/dataset[^"#?]*)"', void.text)))
    assert "/dataset" in hrefs and any(h.startswith("/dataset/class/") for h in hrefs)
    for href in hrefs[:30]:
        answer = server.get(server.url.rstrip("/") + href, headers={"Accept": BROWSER})
        assert answer.status_code == 200 and "<h1>" in answer.text, href
    turtle = server.get("dataset", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    described = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(BASE + "dataset"), RDF.type, VOID.Dataset) in described


def test_query_page_has_no_inline_script(server: App) -> None:
    page = server.get(server.url, headers={"Accept": BROWSER})
    assert page.status_code == 200
    assert '<script src="/static/query.js" defer></script>' in page.text
    assert re.search(r"<script>", page.text) is None and " on" + "click=" not in page.text
    assert '<option value="disagreements"' in page.text
    js = server.get("static/query.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]


def _results(page: str) -> str:
    """The results area of a named query's page."""
    return page.split("<h2>Results</h2>", 1)[1].split("<h2>SPARQL</h2>", 1)[0]


def _bindings(server: Server, name: str, **params: str) -> list[dict[str, object]]:
    r = server.get(f"queries/{name}", params=params, headers={"Accept": JSON_RESULTS})
    assert r.status_code == 200 and r.headers["content-type"].startswith(JSON_RESULTS)
    rows: list[dict[str, object]] = r.json()["results"]["bindings"]
    return rows


def test_a_named_query_is_a_page_for_a_browser_and_data_for_a_client(server: App) -> None:
    query = find_query("deployments")
    rows = _bindings(server, "deployments")
    r = server.get("queries/deployments", headers={"Accept": CHROMIUM})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "Accept" in r.headers["vary"]
    assert "<h1>deployments</h1>" in r.text and html.escape(query.description) in r.text
    assert f'<pre class="sparql">{html.escape(query.text)}</pre>' in r.text
    results = _results(r.text)
    assert results.count("<tr>") == len(rows) + 1 == 8, "a header row and one row a deployment"
    assert f"{len(rows)} rows" in results and "Harbour Wire" in results and "450 troops" in results
    assert 'href="/?named=deployments"' in r.text, "it opens on the query page"
    assert 'href="/queries/deployments?format=csv"' in r.text
    # Clients get data as before: curl (*/*), or a browser that asks for a format.
    assert server.get("queries/deployments").json()["results"]["bindings"] == rows
    csv = server.get("queries/deployments", params={"format": "csv"}, headers={"Accept": CHROMIUM})
    assert csv.headers["content-type"].startswith("text/csv") and csv.text.count("\n") == 8
    xml = server.get("queries/deployments", headers={"Accept": "application/sparql-results+xml"})
    assert xml.headers["content-type"].startswith("application/sparql-results+xml")


def test_result_iris_under_the_base_link_to_their_pages_here(server: App) -> None:
    page = server.get("queries/deployments", headers={"Accept": CHROMIUM}).text
    links = LINK.findall(_results(page))
    local = {href: iri for href, iri in links if href.startswith("/")}
    assert local["/id/location/kazakhstan"] == BASE + "id/location/kazakhstan"
    assert len(local) > 15 and 'href="https://example.org' not in page
    for href, iri in local.items():
        assert iri == BASE + href[1:], "the full IRI is the link's title"
        answer = server.get(href[1:], headers={"Accept": CHROMIUM})
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(
            "text/html"
        ), href
    assert all(href == iri for href, iri in links if not href.startswith("/"))
    # An IRI outside the base is its own link.
    entity = server.get("id/location/kazakhstan", headers={"Accept": BROWSER}).text
    assert (
        '<a href="http://www.wikidata.org/entity/Q232" title="http://www.wikidata.org/entity/Q232">'
        in entity
    )
    assert '<a href="/id/organization/csto" title="' + CSTO + '">' in entity


def test_a_named_query_page_runs_with_its_parameters(server: App) -> None:
    url = server.url + "queries/timeline"
    page = server.get(url, params={"actor": CSTO}, headers={"Accept": CHROMIUM}).text
    assert f'<input id="param-actor" name="actor" value="{CSTO}"' in page
    assert html.escape("/?" + urlencode({"named": "timeline", "actor": CSTO})) in page
    narrowed = _bindings(server, "timeline", actor=CSTO)
    assert 0 < len(narrowed) < len(_bindings(server, "timeline"))
    assert _results(page).count("<tr>") == len(narrowed) + 1
    # The form sends an empty field for a parameter left out.
    empty = server.get(url, params={"actor": ""}, headers={"Accept": CHROMIUM})
    assert _results(empty.text).count("<tr>") == len(_bindings(server, "timeline")) + 1
    bad = server.get(url, params={"actor": "not an iri"}, headers={"Accept": CHROMIUM})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("text/html")
    assert "must be an absolute IRI" in bad.text and 'value="not an iri"' in bad.text
    cut = server.get("queries/evidence", headers={"Accept": JSON_RESULTS})
    assert cut.headers.get("x-kg-truncated") == "true"
    page = server.get("queries/evidence", headers={"Accept": CHROMIUM}).text
    assert "50 rows (cut at this server&#x27;s limit of 50)" in page


def test_service_description_for_a_browser_and_for_rdf_clients(server: App) -> None:
    page = server.get("sparql", headers={"Accept": CHROMIUM})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<h1>SPARQL endpoint</h1>" in page.text and ">sd:UnionDefaultGraph</a>" in page.text
    assert '<a href="/queries/deployments">deployments</a>' in page.text
    assert '<a href="/sparql?format=turtle">Turtle</a>' in page.text
    for accept in ("text/turtle", "*/*"):
        r = server.get("sparql", headers={"Accept": accept})
        assert r.headers["content-type"].startswith("text/turtle"), accept
        g = Graph().parse(data=r.text, format="turtle")
        assert (URIRef(server.url + "sparql"), RDF.type, SD.Service) in g
    turtle = server.get("sparql?format=turtle", headers={"Accept": CHROMIUM})
    assert turtle.headers["content-type"].startswith("text/turtle")
    for href in set(re.findall(r'href="(/[^"#]*)"', page.text)):
        assert server.get(href[1:], headers={"Accept": CHROMIUM}).status_code == 200


def test_the_query_page_knows_the_base(server: App) -> None:
    """Its script links result IRIs under the base to this server (test_query_page.py)."""
    page = server.get(server.url, headers={"Accept": BROWSER}).text
    assert f'<div id="results" class="results" data-base="{BASE}" data-prefixes="' in page
    assert html.escape('"kgo": "https://example.org/kg/ontology#"') in page


def test_named_query_page_escapes_markup(evil_server: App) -> None:
    page = evil_server.get("queries/deployments", headers={"Accept": CHROMIUM}).text
    page = page.replace('<script src="/static/columns.js" defer></script>', "", 1)
    assert "<script" not in page and "<img" not in page, "the page's own script only"
    assert "&lt;script&gt;alert(&quot;pub&quot;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;Evil&quot;" in page


def test_a_page_gets_the_solutions_of_any_query_form() -> None:
    """What the named query's page renders: SELECT and ASK as a table, CONSTRUCT as RDF."""
    store = EmbeddedStore()
    store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> 1 } }")
    select = handle(store, QueryJob("SELECT ?s { ?s ?p ?o }", solutions=True))
    ask = handle(store, QueryJob("ASK { ?s ?p 2 }", solutions=True))
    construct = handle(store, QueryJob("CONSTRUCT WHERE { ?s ?p ?o }", solutions=True))
    store.close()
    assert isinstance(select, Reply) and select.results[0].values() == [("urn:a",)]
    assert isinstance(ask, Reply) and ask.results[0].values() == [("false",)]
    assert isinstance(construct, Reply) and not construct.results
    assert construct.media_type == "text/turtle" and b"<urn:a>" in construct.body


DEPLOYMENT = "article/id-csto-kazakhstan-2022/deployment/csto_kazakhstan"
PROTEST = "article/id-demo-jakarta-fiktif/protest/dpr_fuel_protest"


def _text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, entities decoded, spaces joined."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _statement(page: str, prop: str) -> str:
    """The value cell of the statements row whose property link reads ``prop``."""
    cells = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>.*?</td></tr>", page)
    found = [value for name, value in cells if _text(name) == prop]
    assert len(found) == 1, f"{prop}: {len(found)} rows"
    return found[0]


def test_deployment_page_shows_troops_and_dates_as_values(server: App) -> None:
    url = server.url + DEPLOYMENT
    page = server.get(url, headers={"Accept": BROWSER, "Accept-Language": "en"}).text
    troops = _statement(page, "troop strength")
    assert _text(troops) == "approximately 2,500 (sekitar 2.500 personel) node"
    assert '<span class="verbatim" lang="id">sekitar 2.500 personel</span>' in troops
    node = f'<a href="/{DEPLOYMENT}/troops" class="node" title="{BASE}{DEPLOYMENT}/troops">node</a>'
    assert troops.endswith(node), "the count's node stays one click away"
    assert _text(_statement(page, "start date")) == (
        "2022-01 (month; between 2022-01-03 and 2022-01-09; pekan lalu) node"
    )
    assert _text(_statement(page, "withdrawal date")) == "2022-01-13 (day; Kamis (13/1/2022)) node"
    assert _text(_statement(page, "status")) == "happened"
    assert "/troops</a>" not in page and "/start</a>" not in page, "no bare links for values"
    # In Indonesian: the qualifier's Indonesian label, the digits grouped the Indonesian way.
    page = server.get(url, headers={"Accept": BROWSER, "Accept-Language": "id"}).text
    assert _text(_statement(page, "jumlah pasukan")).startswith("sekitar 2.500 (sekitar")
    assert _text(_statement(page, "status")) == "terjadi"
    # The node's own page shows the same value under its IRI.
    troops_page = server.get(url + "/troops", headers={"Accept": BROWSER}).text
    assert '<p class="value">approximately 2,500 (<span class="verbatim" lang="id">' in troops_page


def test_protest_page_shows_its_counts_and_dates(server: App) -> None:
    page = server.get(PROTEST, headers={"Accept": BROWSER}).text
    assert (
        _text(_statement(page, "participants"))
        == "approximately 3,000 (sekitar 3.000 mahasiswa) node"
    )
    assert _text(_statement(page, "injuries")) == "at least 17 (sedikitnya 17 orang) node"
    assert _text(_statement(page, "arrests")) == "vague 20–99 (puluhan mahasiswa) node"
    assert _text(_statement(page, "start date")) == "2025-03-19 (day; Rabu (19/3/2025)) node"
    assert _text(_statement(page, "end date")) == "2025-03-19 (day; menjelang tengah malam) node"
    other = server.get(
        "article/en-peacekeepers-fictional/protest/meridia_election_protests",
        headers={"Accept": BROWSER},
    ).text
    assert _text(_statement(other, "start date")) == (
        "2024-03 (month; between 2024-03-21 and 2024-03-31; approximate; late March) node"
    )
    assert _text(_statement(other, "deaths")) == "at least 40 (At least 40 people) node"


def _rows(page: str) -> list[str]:
    """Every table row and list item of a page's main part, as text."""
    main = page.split("<main>", 1)[-1]
    return [_text(m.group(1)) for m in re.finditer(r"<(?:tr|li)>(.*?)</(?:tr|li)>", main)]


def test_pages_list_nothing_twice(server: App) -> None:
    """A triple that two article graphs state is one row (with both graphs); a graph whose
    activity has two agents is one provenance row naming both."""
    for path in (DEPLOYMENT, PROTEST, "id/organization/csto", "id/location/russia"):
        page = server.get(path, headers={"Accept": BROWSER}).text
        rows = _rows(page)
        repeated = sorted({row for row in rows if rows.count(row) > 1})
        assert not repeated, f"{path}: {repeated}"
    deployment = server.get(DEPLOYMENT, headers={"Accept": BROWSER}).text
    provenance = deployment.split("<h2>Provenance", 1)[1].split("</table>", 1)[0]
    graphs = re.findall(r'<tr><td><a href="(/graph/[^"]+)"', provenance)
    assert graphs == ["/graph/events", "/graph/id-csto-kazakhstan-2022"], (
        "one row for the article's graph, one for the events graph that links the report"
    )
    assert "<td>Ayu Lestari, kg</td>" in provenance
    csto = server.get("id/organization/csto", headers={"Accept": BROWSER}).text
    referenced = csto.split("<h2>Referenced by</h2>", 1)[1]
    cells = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td></tr>", referenced)
    assert [(_text(p), _text(x)) for p, x in cells].count(("leads", "Russia")) == 1
    russia = server.get("id/location/russia", headers={"Accept": BROWSER}).text
    leads = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td><td>(.*?)</td></tr>", russia)
    stated = [graphs for prop, _, graphs in leads if _text(prop) == "leads"]
    assert len(stated) == 1 and _text(stated[0]) == (
        "/graph/en-csto-kazakhstan-2022, /graph/id-csto-kazakhstan-2022"
    )


def _jsonld_graph(text: str) -> Graph:
    """A JSON-LD answer as an rdflib graph, read by pyoxigraph's JSON-LD 1.1 parser."""
    triples = ox.parse(text.encode(), format=ox.RdfFormat.JSON_LD)
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=nt.decode(), format="nt")


def test_jsonld_is_compacted_with_the_published_context(server: App) -> None:
    context = json.loads((server.dataset / "context.jsonld").read_text())["@context"]
    for path in (DEPLOYMENT, DEPLOYMENT + "/troops", PROTEST, "id/organization/csto"):
        url = server.url + path
        answer = server.get(url, headers={"Accept": "application/ld+json"})
        assert answer.headers["content-type"].startswith("application/ld+json")
        document = answer.json()
        assert document["@context"] == context, "the context that context.jsonld publishes"
        (node,) = [n for n in document["@graph"] if n["@id"] == "kg:" + path]
        keys = {k for k in node if not k.startswith("@")}
        assert keys and all(k.split(":", 1)[0] in context for k in keys), keys
        turtle = server.get(url, headers={"Accept": "text/turtle"}).text
        expected = Graph().parse(data=turtle, format="turtle")
        actual = _jsonld_graph(answer.text)
        if to_isomorphic(expected) != to_isomorphic(actual):
            _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
            pytest.fail(
                f"{path}: JSON-LD differs from Turtle\n- {missing.serialize(format='nt')}"
                f"\n+ {extra.serialize(format='nt')}"
            )
        assert len(actual) > 3
    deployment = server.get(DEPLOYMENT, params={"format": "jsonld"}).json()
    (node,) = [n for n in deployment["@graph"] if n["@id"] == "kg:" + DEPLOYMENT]
    assert node["@type"] == ["kgo:Deployment"]
    assert node["kgo:sender"] == [{"@id": "kg:id/organization/csto"}]
    assert node["kgo:troops"] == [{"@id": f"kg:{DEPLOYMENT}/troops"}]


def test_an_event_page_shows_its_reports_side_by_side(server: App) -> None:
    """Issue 13: each source's own claim, in one table on the real-world event's page."""
    event = "event/deployment/id-csto-kazakhstan-2022/csto_kazakhstan"
    page = server.get(event, headers={"Accept": BROWSER}).text
    table = page.split("<h2>Reports", 1)[1].split("</table>", 1)[0]
    rows = re.findall(r"<tr><td>(.*?)</td></tr>", table)
    assert len(rows) == 2, "one row a report"
    cells = [_text(row) for row in rows]
    assert "Warta Nusantara" in cells[0] and "2022-01-13" in cells[0]
    assert "approximately 2,500 (sekitar 2.500 personel)" in cells[0]
    assert "Harbour Wire" in cells[1] and "more than 2,000" in cells[1]
    assert "CSTO mengirim sekitar 2.500 personel" in cells[0], "the report's quote"
