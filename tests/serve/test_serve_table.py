"""Result tables that read: the column rules of ``kg/serve/table.py`` on every query of the
library, and the named query's page as the server renders it (labels in place of IRIs,
counts with their qualifier and phrase, dates with their bounds, folded columns hidden).
The query page's script follows the same rules: ``test_query_page.py`` compares both."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from serve_fixtures import App

from kg.queries import find_query, library, run_select
from kg.serve.table import Column, plan, table_html
from kg.store.base import SelectResult, Term
from kg.store.embedded import EmbeddedStore

BASE = "https://example.org/kg/"
CSTO = BASE + "id/organization/csto"
KAZAKHSTAN = BASE + "id/location/kazakhstan"
ID_ARTICLE = BASE + "article/id-csto-kazakhstan-2022"
ID_DEPLOYMENT = ID_ARTICLE + "/deployment/csto_kazakhstan"
CHROMIUM = (
    "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,"
    "image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7"
)


@pytest.fixture(scope="module")
def store(example_dataset: Path) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(example_dataset / "store", read_only=True)
    yield s
    s.close()


def _columns(store: EmbeddedStore, name: str) -> dict[str, Column]:
    result = run_select(store, find_query(name), {})
    return {c.name: c for c in plan(result.variables)}


def test_every_label_column_of_the_library_shows_its_iri(store: EmbeddedStore) -> None:
    """A ?xLabel beside ?x is a link to x in every query; x is hidden, shown in xLabel."""
    pairs = 0
    for query in library():
        variables = run_select(store, query, {}).variables
        columns = {c.name: c for c in plan(variables)}
        for var in variables:
            if var.endswith("Label") and var[: -len("Label")] in variables:
                iri = var[: -len("Label")]
                assert columns[var].kind == "label" and columns[var].parts == {"iri": iri}
                assert columns[iri].kind == "part" and columns[iri].shown_in == var
                pairs += 1
    assert pairs >= 10


def test_counts_and_dates_of_the_library_fold_their_parts(store: EmbeddedStore) -> None:
    deployments = _columns(store, "deployments")
    assert deployments["troops"].kind == "count"
    assert deployments["troops"].parts == {
        "min": "troopsMin",
        "max": "troopsMax",
        "text": "troopsText",
        "qualifier": "qualifier",
    }
    assert deployments["start"].kind == "date"
    assert deployments["start"].parts == {"earliest": "startEarliest", "latest": "startLatest"}
    shown = [c.name for c in deployments.values() if c.kind != "part"]
    assert shown == [
        "deployment",
        "senderLabel",
        "destinationLabel",
        "status",
        "troops",
        "start",
        "end",
        "withdrawal",
        "article",
        "publisherName",
    ]
    disagreements = _columns(store, "disagreements")
    for n in "12":
        assert disagreements[f"value{n}"].parts == {
            "min": f"min{n}",
            "max": f"max{n}",
            "qualifier": f"qualifier{n}",
            "text": f"text{n}",
        }
    protests = _columns(store, "protests")
    for count in ("deaths", "injuries", "arrests", "participants"):
        assert protests[count].kind == "count"
        assert protests[count].parts == {
            "min": count + "Min",
            "max": count + "Max",
            "qualifier": count + "Qualifier",
        }
    assert protests["start"].kind == "plain", "a date without bounds is a plain value"
    timeline = _columns(store, "timeline")
    assert timeline["date"].kind == "date"
    assert timeline["date"].parts == {"earliest": "earliest", "latest": "latest"}


def test_a_lone_qualifier_needs_a_single_count() -> None:
    two = {c.name: c for c in plan(["a", "aMin", "b", "bMax", "qualifier"])}
    assert two["qualifier"].kind == "plain", "which count would it qualify?"
    assert {c.name: c.kind for c in plan(["note", "noteText"])} == {
        "note": "plain",
        "noteText": "plain",
    }, "a phrase alone does not make a count"


def _text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, entities decoded, spaces joined."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_a_count_reads_with_its_qualifier_and_phrase() -> None:
    literal = Term.literal
    rows = [
        {
            "troops": literal("2500", datatype="http://www.w3.org/2001/XMLSchema#integer"),
            "qualifier": literal("approximately"),
            "troopsText": literal("sekitar 2.500 personel", language="id"),
        },
        {"troopsMin": literal("20"), "troopsMax": literal("99"), "qualifier": literal("vague")},
        {
            "troops": literal("2000"),
            "troopsMin": literal("2001"),
            "qualifier": literal("more_than"),
        },
    ]
    result = SelectResult(["troops", "troopsMin", "troopsMax", "qualifier", "troopsText"], rows)
    page = table_html(result, base=BASE, labels={})
    cells = [re.findall(r"<td>(.*?)</td>", row)[0] for row in page.split("<tr>")[2:]]
    assert [_text(c) for c in cells] == [
        "approximately 2,500 (sekitar 2.500 personel)",
        "vague 20–99",
        "more than 2,000",
    ]
    assert '<span class="verbatim" lang="id">sekitar 2.500 personel</span>' in cells[0]


def _rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>(.*?)</tr>", body)


def _visible(row: str) -> list[str]:
    return [_text(c) for c in re.findall(r"<td(?: class=\"nowrap\")?>(.*?)</td>", row)]


def test_the_named_query_page_shows_labels_counts_and_dates(server: App) -> None:
    r = server.get("queries/deployments", headers={"Accept": CHROMIUM})
    assert r.status_code == 200 and "Accept-Language" in r.headers["vary"]
    heads = re.findall(r"<th[^>]*>([^<]*)</th>", r.text)
    assert len(heads) == 18
    hidden = re.findall(r'<th hidden data-shown-in="([^"]*)">([^<]*)</th>', r.text)
    assert ("senderLabel", "sender") in hidden and ("troops", "qualifier") in hidden
    assert ("start", "startEarliest") in hidden and len(hidden) == 8
    rows = _rows(r.text)
    assert len(rows) == 7
    (row,) = [row for row in rows if f'title="{ID_DEPLOYMENT}"' in row]
    # Sender and destination: their labels, linked to their pages here, the IRI as title.
    assert f'<a href="/id/organization/csto" title="{CSTO}">Collective Security Treaty ' in row
    assert f'<a href="/id/location/kazakhstan" title="{KAZAKHSTAN}">Kazakhstan</a>' in row
    cells = _visible(row)
    assert cells[1:5] == [
        "Collective Security Treaty Organization",
        "Kazakhstan",
        "happened",
        "approximately 2,500 (sekitar 2.500 personel)",
    ]
    assert cells[5] == "2022-01 (between 2022-01-03 and 2022-01-09)"
    # IRIs without a label column: looked up (the deployment's label, the headline).
    sparql = server.get(
        "sparql",
        params={"query": f"SELECT ?h WHERE {{ <{ID_ARTICLE}> <https://schema.org/headline> ?h }}"},
        headers={"Accept": "application/sparql-results+json"},
    )
    headline = sparql.json()["results"]["bindings"][0]["h"]["value"]
    assert cells[8] == headline
    assert cells[0].startswith("Pengerahan Organisasi Perjanjian Keamanan Kolektif")
    assert not any(c.startswith("…/") for c in cells), cells
    # The folded columns are still there (hidden): the downloads hold them too.
    assert re.search(r"<td hidden>2022-01-03</td>|<td hidden class=\"nowrap\">2022-01-03", row)
    assert '<script src="/static/columns.js" defer></script>' in r.text
