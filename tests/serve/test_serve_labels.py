"""``POST /labels``: the labels of a result table's IRIs, in the reader's language, in one
bounded lookup (``kg/serve/labels.py``)."""

from __future__ import annotations

import httpx
from serve_fixtures import App, Server

from kg.serve.labels import MAX_IRIS

BASE = "https://example.org/kg/"
CSTO = BASE + "id/organization/csto"
ARTICLE = BASE + "article/en-csto-kazakhstan-2022"


def _labels(server: Server, iris: object, language: str | None = None) -> httpx.Response:
    headers = {"Accept-Language": language} if language else {}
    return server.post("labels", json=iris, headers=headers, timeout=30)


def test_labels_in_the_readers_language(server: App) -> None:
    english = _labels(server, [CSTO, ARTICLE, BASE + "id/nothing-here"])
    assert english.status_code == 200 and english.headers["content-type"] == "application/json"
    assert english.json() == {
        CSTO: "Collective Security Treaty Organization",
        ARTICLE: "Russia-led bloc starts pulling troops out of Kazakhstan",
    }, "an entity's name, an article's headline; nothing for an IRI without a label"
    indonesian = _labels(server, [CSTO], "id-ID,id;q=0.9,en;q=0.5")
    assert indonesian.json() == {CSTO: "Organisasi Perjanjian Keamanan Kolektif"}
    assert "Accept-Language" in indonesian.headers["vary"]


def test_the_lookup_is_bounded(server: App) -> None:
    """At most MAX_IRIS distinct IRIs are looked up; the rest keep their short form."""
    filler = [f"{BASE}id/none/{n}" for n in range(MAX_IRIS)]
    assert _labels(server, [*filler, CSTO]).json() == {}
    assert _labels(server, [CSTO, *filler]).json() == {
        CSTO: "Collective Security Treaty Organization"
    }
    # Repeats count once; what is not an absolute IRI is skipped, never put in the query.
    repeated = [CSTO] * (MAX_IRIS + 5) + ["not an iri", "urn:x> } DROP ALL {", ARTICLE]
    assert set(_labels(server, repeated).json()) == {CSTO, ARTICLE}


def test_anything_but_a_list_of_iris_is_400(server: App) -> None:
    for body in ({"iris": [CSTO]}, [CSTO, 3], "x"):
        r = _labels(server, body)
        assert r.status_code == 400 and "JSON list of IRIs" in r.text, body
    bad = server.post("labels", content=b"[", timeout=30)
    assert bad.status_code == 400
