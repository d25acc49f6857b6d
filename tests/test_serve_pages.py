"""Linked-data pages, VoID, dumps and the query page of a real ``kg serve``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, URIRef
from serve_fixtures import Server

from kg.queries import find_query, run_select
from kg.store.embedded import EmbeddedStore

pytestmark = pytest.mark.slow

CSTO = "https://example.org/kg/id/organization/csto"
BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def test_entity_content_negotiation(server: Server) -> None:
    url = server.url + "id/organization/csto"
    html = httpx.get(url, headers={"Accept": BROWSER, "Accept-Language": "en-GB,en;q=0.9"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert "<h1>Collective Security Treaty Organization</h1>" in html.text
    turtle = httpx.get(url, headers={"Accept": "text/turtle"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    g = Graph().parse(data=turtle.text, format="turtle")
    assert (URIRef(CSTO), URIRef("https://example.org/kg/ontology#authorityKey"), None) in g
    jsonld = httpx.get(url, headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    assert CSTO in json.dumps(jsonld.json())
    assert len(Graph().parse(data=jsonld.text, format="json-ld")) == len(g)
    assert (
        httpx.get(url, params={"format": "turtle"})
        .headers["content-type"]
        .startswith("text/turtle")
    )
    assert httpx.get(url, headers={"Accept": "image/png"}).status_code == 406


def test_labels_follow_accept_language(server: Server) -> None:
    url = server.url + "id/organization/csto"
    page = httpx.get(url, headers={"Accept": BROWSER, "Accept-Language": "id"}).text
    assert "<h1>Organisasi Perjanjian Keamanan Kolektif</h1>" in page
    assert '<html lang="id">' in page and ">Organisasi</a>" in page, "ontology labels in Indonesian"


def test_event_page_links_evidence_and_provenance(server: Server) -> None:
    url = server.url + "article/id-csto-kazakhstan-2022/deployment/csto_kazakhstan"
    page = httpx.get(url, headers={"Accept": BROWSER}).text
    assert 'href="/id/organization/csto"' in page and 'href="/id/location/kazakhstan"' in page
    assert "CSTO mengirim sekitar 2.500 personel" in page
    assert "Pasukan CSTO Mulai Ditarik dari Kazakhstan" in page, "the quote's article headline"
    assert "Warta Nusantara, characters 632–769" in page
    assert "<h2>Provenance</h2>" in page and "Ayu Lestari" in page
    hrefs = set(re.findall(r'href="(/[^"#?]*)"', page))
    for href in sorted(hrefs)[:40]:
        assert httpx.get(server.url.rstrip("/") + href).status_code == 200, href


def test_unknown_iri_is_404(server: Server) -> None:
    assert httpx.get(server.url + "id/organization/no-such-thing").status_code == 404


def test_html_escaping(evil_server: Server) -> None:
    page = httpx.get(evil_server.url + "id/organization/script-alert-x-script-evil-co").text
    assert "<script>alert" not in page and "<img" not in page
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &quot;Evil&quot; &amp; &#x27;Co&#x27;"
        in page
    )
    event = httpx.get(evil_server.url + "article/evil-test/deployment/evil_nowhere").text
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


def test_void_dumps_and_ontology(server: Server) -> None:
    void = httpx.get(server.url + ".well-known/void", headers={"Accept": "text/turtle"})
    assert void.status_code == 200 and "void:Dataset" in void.text
    dump = httpx.get(server.url + "dumps/dataset.nq")
    assert dump.status_code == 200 and dump.headers["content-type"].startswith(
        "application/n-quads"
    )
    assert dump.text.count("\n") == len((server.dataset / "dataset.nq").read_text().splitlines())
    assert httpx.get(server.url + "dumps/..%2Fmanifest.json").status_code == 404
    assert httpx.get(server.url + "dumps/store").status_code == 404
    onto = httpx.get(server.url + "ontology")
    assert onto.status_code == 200 and "kgo:Deployment a owl:Class" in onto.text


def test_query_page_has_no_inline_script(server: Server) -> None:
    page = httpx.get(server.url, headers={"Accept": BROWSER})
    assert page.status_code == 200
    assert '<script src="/static/query.js" defer></script>' in page.text
    assert re.search(r"<script>", page.text) is None and " on" + "click=" not in page.text
    assert '<option value="disagreements"' in page.text
    js = httpx.get(server.url + "static/query.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"]
