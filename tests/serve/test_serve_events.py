"""``GET /events.json`` and ``/events`` (the app in-process): the events of the example dataset with
dates, actors, places and coordinates; filters by actor, place, type and period bound as
typed terms; bounds; bad parameters answered 400 with the fix (``kg/serve/events.py``)."""

from __future__ import annotations

import html
from typing import Any

import httpx
import pytest
from serve_fixtures import App, Server

from kg.serve.events import COUNT_QUERY, EVENTS_QUERY, MAX_EVENTS, EventFilters
from kg.store.base import Term

BASE = "https://example.org/kg/"
KAZAKHSTAN = BASE + "id/location/kazakhstan"
JAKARTA = BASE + "id/location/jakarta"
CSTO = BASE + "id/organization/csto"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"


def _events(server: Server, **params: str) -> httpx.Response:
    return server.get("events.json", params=params, timeout=30)


def _data(server: Server, **params: str) -> dict[str, Any]:
    answer = _events(server, **params)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    data: dict[str, Any] = answer.json()
    return data


def test_all_events_with_dates_places_and_coordinates(server: App) -> None:
    data = _data(server)
    assert data["total"] == data["shown"] == len(data["events"]) == 11
    assert not data["truncated"] and data["note"] is None
    types = [e["type"] for e in data["events"]]
    assert types.count("Deployment") == 7 and types.count("Protest") == 4
    starts = [(e["date"] or {}).get("earliest") or e["published"] for e in data["events"]]
    assert starts == sorted(starts), "in date order"
    csto = next(
        e
        for e in data["events"]
        if e["iri"].endswith("en-csto-kazakhstan-2022/deployment/csto_kazakhstan")
    )
    assert csto["date"] == {
        "value": "2022-01",
        "precision": "month",
        "earliest": "2022-01-03",
        "latest": "2022-01-09",
        "approximate": False,
    }
    assert csto["status"] == "happened" and csto["href"].startswith("/article/")
    assert csto["sender"] == [
        {
            "iri": CSTO,
            "href": "/id/organization/csto",
            "label": "Collective Security Treaty Organization",
            "lat": None,
            "lon": None,
        }
    ], "an organization has no place"
    (kazakhstan,) = csto["destination"]
    assert kazakhstan["label"] == "Kazakhstan"
    assert (kazakhstan["lat"], kazakhstan["lon"]) == pytest.approx((51.18, 71.45), abs=0.01)
    protest = next(e for e in data["events"] if e["iri"].endswith("dpr_fuel_protest"))
    assert protest["location"][0]["iri"] == JAKARTA
    assert (protest["location"][0]["lat"], protest["location"][0]["lon"]) == pytest.approx(
        (-6.21, 106.85), abs=0.01
    )
    meridia = next(e for e in data["events"] if e["iri"].endswith("meridia_election_protests"))
    assert meridia["date"]["precision"] == "month" and meridia["date"]["approximate"] is True
    assert all(p["lat"] is None for p in meridia["location"] + meridia["places"]), "invented"
    undated = [e for e in data["events"] if e["date"] is None]
    assert undated and all(e["published"] for e in undated)


def test_filter_by_actor_place_type_and_period(server: App) -> None:
    kazakhstan = _data(server, actor=KAZAKHSTAN)["events"]
    assert len(kazakhstan) == 4
    assert all(
        KAZAKHSTAN in {r["iri"] for role in ("destination", "location") for r in e[role]}
        for e in kazakhstan
    )
    by_csto = _data(server, actor=CSTO)["events"]
    assert {e["type"] for e in by_csto} == {"Deployment"} and len(by_csto) == 2
    assert _data(server, place=CSTO)["total"] == 0, "an organization is no place"
    in_jakarta = _data(server, place=JAKARTA)["events"]
    assert len(in_jakarta) == 3
    protests = _data(server, type="protest")["events"]
    assert {e["type"] for e in protests} == {"Protest"} and len(protests) == 4
    year_2024 = _data(server, **{"from": "2024", "to": "2024"})["events"]
    assert len(year_2024) == 4 and all(
        "2024" in (e["date"] or {}).get("value", e["published"]) for e in year_2024
    )
    january = _data(server, **{"from": "2022-01-05", "to": "2022-01"})["events"]
    assert len(january) == 2, "deployments from 3 to 9 January overlap; protests of the 2nd do not"
    both = _data(server, actor=KAZAKHSTAN, type="Deployment", **{"from": "2022-01-01"})
    assert both["total"] == 2 and both["filters"] == {
        "actor": KAZAKHSTAN,
        "type": "Deployment",
        "from": "2022-01-01",
    }
    assert _data(server, actor=BASE + "id/nobody")["total"] == 0


def test_the_answer_is_bounded(server: App) -> None:
    data = _data(server, limit="3")
    assert data["total"] == 11 and data["shown"] == len(data["events"]) == 3
    assert data["truncated"] is True and "3 of 11 events" in data["note"]
    assert _events(server, limit=str(MAX_EVENTS + 1)).status_code == 400


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"actor": "kazakhstan"}, "actor must be an absolute IRI"),
        ({"actor": KAZAKHSTAN + "> } ; DROP ALL ; #"}, "actor must be an absolute IRI"),
        ({"place": "<" + JAKARTA + ">"}, "place must be an absolute IRI"),
        ({"type": "riot"}, "type must be deployment or protest"),
        ({"from": "January 2022"}, "write a year, a month or a day"),
        ({"to": "2022-02-30"}, "is no date"),
        ({"from": "2023", "to": "2022"}, "the period ends (2022-12-31) before it starts"),
        ({"limit": "many"}, "limit must be a whole number"),
        ({"actors": KAZAKHSTAN}, "unknown parameter 'actors'; the filters: actor, place"),
    ],
)
def test_bad_parameters_are_refused_with_the_fix(
    server: Server, params: dict[str, str], message: str
) -> None:
    answer = _events(server, **params)
    assert answer.status_code == 400 and answer.headers["content-type"].startswith("text/plain")
    assert message in answer.text
    page = server.get("events", params=params, timeout=30)
    assert page.status_code == 400 and html.escape(message.split("(")[0]) in page.text


def test_filters_are_typed_terms_never_query_text() -> None:
    filters = EventFilters.parse(
        {"actor": KAZAKHSTAN, "type": "protest", "from": "2022-01", "to": "2022"}
    )
    assert filters.bindings() == {
        "actor": Term.iri(KAZAKHSTAN),
        "class": Term.iri("https://example.org/kg/ontology#Protest"),
        "from": Term.literal("2022-01-01", datatype=XSD_DATE),
        "to": Term.literal("2022-12-31", datatype=XSD_DATE),
    }
    for query in (EVENTS_QUERY, COUNT_QUERY):
        assert "kazakhstan" not in query and "2022" not in query


def test_the_page_links_from_the_query_page_and_keeps_its_filters(server: App) -> None:
    home = server.get(server.url, timeout=30)
    assert 'href="/events"' in home.text
    page = server.get("events", params={"actor": KAZAKHSTAN, "from": "2022"}, timeout=30)
    assert page.status_code == 200
    assert "<h1>Events of Kazakhstan: timeline and map</h1>" in page.text
    assert f'name="actor" value="{KAZAKHSTAN}"' in page.text and 'value="2022"' in page.text
    assert '<script src="/static/events.js" defer></script>' in page.text
    for static in ("events.js", "events.css", "world-110m.json"):
        assert server.get("static/" + static, timeout=30).status_code == 200


def test_an_entity_page_links_to_its_timeline(server: App) -> None:
    """The page of an actor or place of events links to /events filtered on it, and the
    link's answer holds its events; a node that no event names has no such link."""
    browser = {"Accept": "text/html"}
    page = server.get("id/organization/csto", headers=browser).text
    href = "/events?actor=https%3A%2F%2Fexample.org%2Fkg%2Fid%2Forganization%2Fcsto"
    assert f'href="{href}"' in page
    assert "Timeline and map of its deployments and protests" in page
    events = _data(server, actor=CSTO)
    assert events["events"], "the timeline the link opens is not empty"
    article = server.get("article/id-csto-kazakhstan-2022", headers=browser).text
    assert "/events?actor=" not in article
