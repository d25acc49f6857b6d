"""Paged lists on the page of a hub (``kg serve``'s app in-process, on the hub dataset).

The hub is an organization named in ``HUB_ARTICLES`` articles (more than a page lists),
each sending it on a deployment: its mentions, evidence, deployments and graphs are long
lists; the publisher's name is stated in every article's graph.
"""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import httpx
import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, URIRef
from serve_fixtures import HUB, HUB_ARTICLES, App, Server

from kg.serve.paging import PAGE_SIZE

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
KGO = Namespace("https://example.org/kg/ontology#")
HUB_PATH = HUB.removeprefix("https://example.org/kg/")
NEXT = re.compile(r'<a href="([^"]*)" rel="next">next page</a>')
PREV = re.compile(r'<a href="([^"]*)" rel="prev">previous page</a>')
QUERY = re.compile(r'<a href="(/\?text=[^"]*)">open the query</a>')


def _get(server: Server, href: str, accept: str = BROWSER) -> httpx.Response:
    answer = server.get(html.unescape(href).lstrip("/"), headers={"Accept": accept})
    assert answer.status_code == 200, (href, answer.text)
    return answer


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _group(page: str, prop: str) -> str:
    """The table body of one property's statements (or references) on a page."""
    bodies = re.findall(r"<tbody>(.*?)</tbody>", page)
    found = [b for b in bodies if _text(re.findall(r"<td>(.*?)</td>", b)[0]).startswith(prop)]
    assert len(found) == 1, f"{prop}: {len(found)} groups"
    return found[0]


def _values(group: str) -> list[str]:
    """The second cell of each row of a group: the values (or the referring nodes)."""
    return [_text(cells) for cells in re.findall(r"<tr><td>.*?</td><td>(.*?)</td>", group)]


def _section(page: str, heading: str) -> str:
    """The part of a page from an ``<h2>`` to the next one."""
    return re.split(r"<h2>", page.split(f"<h2>{heading}", 1)[1])[0]


def _select(server: Server, query: str) -> list[dict[str, str]]:
    answer = server.get("sparql", params={"query": query})
    answer.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in answer.json()["results"]["bindings"]]


def _pages(server: Server, first: str, pick: str) -> list[list[str]]:
    """The items of a list on the hub's page and on every next page after it, page by
    page; ``pick`` is what to read from each page: a property's group (``group:NAME``)
    or a section (``section:HEADING``)."""
    kind, name = pick.split(":", 1)
    pages, page = [], first
    while True:
        part = _group(page, name) if kind == "group" else _section(page, name)
        if kind == "group":
            pages.append(_values(part))
        elif name.startswith("Evidence"):
            pages.append([_text(f) for f in re.findall(r"<figcaption>(.*?)</figcaption>", part)])
        else:
            pages.append([_text(r) for r in re.findall(r"<tr><td>(.*?)</td>", part)])
        found = NEXT.search(part)
        if found is None:
            assert len(pages) > 1 or len(pages[0]) < PAGE_SIZE
            return pages
        page = _get(server, found.group(1)).text
        assert PREV.search(page), "a next page links back"


def test_hub_page_shows_a_page_of_each_long_list(hub_server: App) -> None:
    page = _get(hub_server, HUB_PATH).text
    mentions = _group(page, "mentioned in")
    assert _text(re.findall(r"<td>(.*?)</td>", mentions)[0]) == f"mentioned in ({HUB_ARTICLES})"
    assert len(_values(mentions)) == PAGE_SIZE
    assert f"1–{PAGE_SIZE} of {HUB_ARTICLES}" in _text(mentions)
    assert NEXT.search(mentions) and QUERY.search(mentions)
    evidence = _section(page, "Evidence")
    assert evidence.startswith(f' <span class="count">({HUB_ARTICLES})</span></h2>')
    assert evidence.count('<figure class="evidence">') == PAGE_SIZE
    provenance = _section(page, "Provenance")
    assert f"({HUB_ARTICLES + 1})" in provenance, "the article graphs and the entity graph"
    assert provenance.count("<tr><td>") == PAGE_SIZE
    references = _group(_section(page, "Referenced by"), "sender")
    assert len(_values(references)) == PAGE_SIZE
    assert f"1–{PAGE_SIZE} of {HUB_ARTICLES}" in _text(references)
    assert len(page) < 150_000, "small, whatever the hub's size"


@pytest.mark.parametrize(
    "pick", ["group:mentioned in", "group:evidence", "section:Evidence", "section:Provenance"]
)
def test_next_pages_show_the_next_items(hub_server: Server, pick: str) -> None:
    first = _get(hub_server, HUB_PATH).text
    pages = _pages(hub_server, first, pick)
    items = [item for page in pages for item in page]
    total = HUB_ARTICLES + (1 if pick == "section:Provenance" else 0)
    assert [len(p) for p in pages] == [PAGE_SIZE, total - PAGE_SIZE]
    assert len(set(items)) == len(items) == total, "every item once"


def test_next_page_of_references(hub_server: App) -> None:
    first = _section(_get(hub_server, HUB_PATH).text, "Referenced by")
    pages = _pages(hub_server, first, "group:sender")
    items = [item for page in pages for item in page]
    assert [len(p) for p in pages] == [PAGE_SIZE, HUB_ARTICLES - PAGE_SIZE]
    assert len(set(items)) == HUB_ARTICLES
    assert all(item.startswith("Hub Alliance to Place ") for item in items)


def _query(fragment: str) -> tuple[str, str]:
    """The first "open the query" link of a page fragment and the query it opens."""
    found = QUERY.search(fragment)
    assert found is not None, "a link to the query page"
    href = html.unescape(found.group(1))
    (text,) = parse_qs(urlsplit(href).query)["text"]
    return href, text


def test_query_page_link_opens_the_whole_list(hub_server: App) -> None:
    page = _get(hub_server, HUB_PATH).text
    href, text = _query(_group(page, "mentioned in"))
    assert f"<{HUB}> kgo:mentionedIn ?value" in text
    rows = _select(hub_server, text)
    assert len({row["value"] for row in rows}) == HUB_ARTICLES
    assert 'id="query"' in _get(hub_server, href).text, "the query page opens"
    _, text = _query(_section(page, "Evidence"))
    assert len(_select(hub_server, text)) == HUB_ARTICLES
    _, text = _query(_section(page, "Provenance"))
    assert len({row["graph"] for row in _select(hub_server, text)}) == HUB_ARTICLES + 1
    _, text = _query(_section(page, "Referenced by"))
    assert len(_select(hub_server, text)) == HUB_ARTICLES


def test_a_statement_stated_in_many_graphs_names_a_few(hub_server: App) -> None:
    name = _group(_get(hub_server, "id/publisher/hub-wire").text, "schema:name")
    cell = re.findall(r"<tr><td>.*?</td><td>.*?</td><td>(.*?)</td></tr>", name)[0]
    assert re.fullmatch(rf"/graph/hub-\d+ and {HUB_ARTICLES - 1} more", _text(cell)), cell
    found = re.search(r'<a href="(/\?text=[^"]*)">', cell)
    assert found is not None
    (text,) = parse_qs(urlsplit(html.unescape(found.group(1))).query)["text"]
    assert len(_select(hub_server, text)) == HUB_ARTICLES


def _turtle(answer: httpx.Response) -> Graph:
    return Graph().parse(data=answer.text, format="turtle")


def _links(answer: httpx.Response) -> dict[str, list[str]]:
    links: dict[str, list[str]] = {}
    for target, rel in re.findall(r'<([^>]*)>; rel="(\w+)"', answer.headers.get("link", "")):
        links.setdefault(rel, []).append(target)
    return links


def test_rdf_answers_hold_a_page_of_each_property(hub_server: App) -> None:
    turtle = _get(hub_server, HUB_PATH, "text/turtle")
    graph = _turtle(turtle)
    first = set(graph.objects(URIRef(HUB), KGO.mentionedIn))
    assert len(first) == PAGE_SIZE
    assert turtle.headers["x-kg-truncated"] == "true"
    assert turtle.headers["x-kg-page-size"] == str(PAGE_SIZE)
    assert turtle.text.startswith("# kg serve gives at most 50 values of each property")
    links = _links(turtle)
    (mentions,) = [href for href in links["next"] if "mentionedIn" in href]
    rest = set(
        _turtle(_get(hub_server, mentions, "text/turtle")).objects(URIRef(HUB), KGO.mentionedIn)
    )
    assert len(rest) == HUB_ARTICLES - PAGE_SIZE and not rest & first
    (everything,) = links["related"]
    whole = _turtle(_get(hub_server, everything, "text/turtle"))
    assert set(whole.objects(URIRef(HUB), KGO.mentionedIn)) == first | rest
    jsonld = _get(hub_server, HUB_PATH, "application/ld+json")
    assert jsonld.headers["x-kg-truncated"] == "true" and _links(jsonld) == links
    triples = ox.parse(jsonld.content, format=ox.RdfFormat.JSON_LD)
    mentioned = {t.object for t in triples if t.predicate == ox.NamedNode(str(KGO.mentionedIn))}
    assert len(mentioned) == PAGE_SIZE


def test_small_answers_are_whole(hub_server: App) -> None:
    place = _get(hub_server, "id/location/place-7", "text/turtle")
    assert "x-kg-truncated" not in place.headers and not place.text.startswith("#")
    page = _get(hub_server, "id/location/place-7").text
    assert not NEXT.search(page) and not QUERY.search(page)


def test_page_parameters_are_checked(hub_server: App) -> None:
    url = hub_server.url + HUB_PATH
    for params in (
        {"page": "2"},
        {"list": "everything"},
        {"list": "statements"},
        {"list": "evidence", "page": "0"},
        {"list": "evidence", "page": "two"},
        {"list": "evidence", "property": str(KGO.sender)},
    ):
        answer = hub_server.get(url, params=params, headers={"Accept": BROWSER})
        assert answer.status_code == 400, params
    past = hub_server.get(
        url, params={"list": "evidence", "page": "3"}, headers={"Accept": BROWSER}
    )
    assert past.status_code == 404 and "2 pages" in past.text
    rdf = hub_server.get(url, params={"list": "evidence"}, headers={"Accept": "text/turtle"})
    assert rdf.status_code == 406
