"""The named query library: headers, binding, and every query's answers on the example graph."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.errors import UsageError
from kg.queries import ParamType, find_query, library, parse_query, query_form, run_select
from kg.store.base import SelectResult, Term
from kg.store.embedded import EmbeddedStore

BASE = "https://example.org/kg/"
EN, ID = "en-csto-kazakhstan-2022", "id-csto-kazakhstan-2022"
PEACE, JAKARTA = "en-peacekeepers-fictional", "id-demo-jakarta-fiktif"


@pytest.fixture(scope="module")
def store(example_dataset: Path) -> Iterator[EmbeddedStore]:
    s = EmbeddedStore(example_dataset / "store", read_only=True)
    yield s
    s.close()


def run(store: EmbeddedStore, name: str, **params: str) -> list[dict[str, str]]:
    result: SelectResult = run_select(store, find_query(name), params)
    return [{k: v.value for k, v in row.items()} for row in result.rows]


def test_library_headers_are_complete() -> None:
    queries = library()
    names = [q.name for q in queries]
    assert len(names) == len(set(names)) >= 11
    for q in queries:
        assert q.path is not None and q.path.stem == q.name, "file name = query name"
        assert q.description, q.name
        assert query_form(q.text) == "SELECT"
        assert "ORDER BY" in q.text, f"{q.name}: give every SELECT a total ORDER BY"
        for p in q.params:
            assert f"?{p.name}" in q.text.split("WHERE", 1)[0], f"{q.name}: project ?{p.name}"


def test_every_query_runs(store: EmbeddedStore) -> None:
    for q in library():
        assert run_select(store, q).variables, q.name


def test_bind_types_and_errors() -> None:
    q = parse_query(
        "# name: t\n# param: a (iri) x\n# param: n (integer, default 3) y\n"
        "# param: d (date, optional) z\n# param: s (string, optional) w\nSELECT ?a ?n ?d ?s {}"
    )
    assert q.bind({"a": "https://x.org/a", "d": "2022-01-02", "s": 'x" } DROP ALL'}) == {
        "a": Term.iri("https://x.org/a"),
        "n": Term.literal("3", datatype="http://www.w3.org/2001/XMLSchema#integer"),
        "d": Term.literal("2022-01-02", datatype="http://www.w3.org/2001/XMLSchema#date"),
        "s": Term.literal('x" } DROP ALL'),
    }
    with pytest.raises(UsageError, match="needs --param a="):
        q.bind({})
    with pytest.raises(UsageError, match="no parameter 'b'"):
        q.bind({"a": "https://x.org/a", "b": "1"})
    with pytest.raises(UsageError, match="absolute IRI"):
        q.bind({"a": "> } DROP ALL"})
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        q.bind({"a": "https://x.org/a", "d": "13/1/2022"})
    assert ParamType.STRING.to_term("x").kind == "literal"


def test_find_query_by_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("ASK { ?s ?p ?o }")
    q = find_query(str(path))
    assert q.name == "mine" and query_form(q.text) == "ASK"
    with pytest.raises(UsageError, match="the library has: deployments"):
        find_query("no-such-query")


def test_deployments(store: EmbeddedStore) -> None:
    rows = run(store, "deployments")
    assert len(rows) == 7
    by = {r["deployment"].removeprefix(BASE + "article/"): r for r in rows}
    en = by[f"{EN}/deployment/csto_kazakhstan"]
    assert (en["senderLabel"], en["destinationLabel"], en["status"]) == (
        "Collective Security Treaty Organization",
        "Kazakhstan",
        "happened",
    )
    assert (en["troops"], en["troopsMin"], en["qualifier"]) == ("2000", "2001", "more_than")
    assert en["troopsText"] == "More than 2,000 troops"
    assert (en["start"], en["startEarliest"], en["startLatest"]) == (
        "2022-01",
        "2022-01-03",
        "2022-01-09",
    )
    assert en["withdrawal"] == "2022-01-13" and en["publisherName"] == "Harbour Wire"
    assert by[f"{ID}/deployment/csto_kazakhstan"]["troops"] == "2500"
    assert by[f"{ID}/deployment/csto_kazakhstan"]["qualifier"] == "approximately"
    assert by[f"{PEACE}/deployment/dravonia_drummel_denied"]["status"] == "denied"
    assert "troops" not in by[f"{PEACE}/deployment/dravonia_drummel_denied"]
    assert by[f"{PEACE}/deployment/csu_meridia"]["end"] == "2024-11"
    assert {
        by[f"{JAKARTA}/deployment/{k}"]["status"]
        for k in ("polda_metro_jaya_planned", "kodam_jaya_standby")
    } == {"planned"}
    # ordered by earliest start: the three without a start first, Jakarta (2025) last
    assert rows[-1]["deployment"].endswith("polda_metro_jaya_planned")
    assert [r.get("startEarliest") for r in rows[:3]] == [None, None, None]


def test_timeline_all_and_by_actor(store: EmbeddedStore) -> None:
    rows = run(store, "timeline")
    assert len(rows) == 29
    assert rows[-1]["earliest"] == "2025-03-24"
    csto = run(store, "timeline", actor=BASE + "id/organization/csto")
    assert [(r["role"], r["article"].rsplit("/", 1)[1]) for r in csto] == [
        ("sender", EN),
        ("sender", ID),
    ]
    assert {r["actorLabel"] for r in csto} == {"Collective Security Treaty Organization"}
    almaty = run(store, "timeline", actor=BASE + "id/location/almaty")
    assert {(r["role"], r["type"], r["actorLabel"]) for r in almaty} == {
        ("place", "Protest", "Almaty")
    }


def test_protests(store: EmbeddedStore) -> None:
    rows = run(store, "protests")
    assert [r["locationLabel"] for r in rows] == ["Kazakhstan", "Kazakhstan", "Meridia", "Jakarta"]
    kz = rows[0]
    assert set(kz["places"].split("; ")) == {"Almaty", "the oil-producing west of the country"}
    assert kz["causes"] == "fuel price increase" and kz["start"] == "2022-01-02"
    assert (kz["deathsMin"], kz["deathsMax"], kz["deathsQualifier"]) == ("20", "99", "vague")
    assert "deaths" not in kz, "a vague count never gets an invented value"
    assert (kz["arrests"], kz["arrestsMax"], kz["arrestsQualifier"]) == ("2000", "2000", "nearly")
    meridia = rows[2]
    assert set(meridia["causes"].split("; ")) == {"disputed election", "alleged vote rigging"}
    assert (meridia["deaths"], meridia["deathsQualifier"]) == ("40", "at_least")
    jakarta = rows[3]
    assert (jakarta["participants"], jakarta["participantsQualifier"]) == ("3000", "approximately")
    assert (jakarta["injuries"], jakarta["arrestsMin"], jakarta["arrestsMax"]) == ("17", "20", "99")
    assert set(jakarta["places"].split("; ")) == {"Gedung DPR", "Senayan"}


def test_disagreements(store: EmbeddedStore) -> None:
    rows = run(store, "disagreements")
    assert len(rows) == 1, "deaths (both vague 20..99) and arrests (both nearly 2000) agree"
    r = rows[0]
    assert (r["measure"], r["subjectLabel"], r["objectLabel"]) == (
        "troops",
        "Collective Security Treaty Organization",
        "Kazakhstan",
    )
    assert {
        (r["value1"], r["qualifier1"], r["publisher1"]),
        (r["value2"], r["qualifier2"], r["publisher2"]),
    } == {
        ("2000", "more_than", "Harbour Wire"),
        ("2500", "approximately", "Warta Nusantara"),
    }


def test_evidence(store: EmbeddedStore) -> None:
    rows = run(store, "evidence", fact=f"{BASE}article/{ID}/deployment/csto_kazakhstan")
    assert [(r["start"], r["end"]) for r in rows] == [("26", "133"), ("632", "769")]
    assert rows[1]["quote"].startswith("CSTO mengirim sekitar 2.500 personel")
    assert rows[1]["publisherName"] == "Warta Nusantara" and rows[1]["published"] == "2022-01-13"
    assert rows[1]["graph"] == f"{BASE}graph/{ID}"
    tokayev = run(store, "evidence", fact=BASE + "id/person/tokayev")
    assert {r["article"].rsplit("/", 1)[1] for r in tokayev} == {EN, ID}
    assert len(run(store, "evidence")) > 80


def test_requests(store: EmbeddedStore) -> None:
    rows = run(store, "requests")
    assert [(r["requesterLabel"], r["senderLabel"], r["destinationLabel"]) for r in rows] == [
        ("Kassym-Jomart Tokayev", "Collective Security Treaty Organization", "Kazakhstan"),
        ("Kassym-Jomart Tokayev", "Collective Security Treaty Organization", "Kazakhstan"),
        ("Lucas Varenne", "Coastal States Union", "Meridia"),
    ]


def test_roles(store: EmbeddedStore) -> None:
    rows = run(store, "roles")
    assert len(rows) == 11
    assert ("Petra Lindqvist", "Defence Minister", "Dravonia") in {
        (r["personLabel"], r["role"], r["inLabel"]) for r in rows
    }
    tokayev = run(store, "roles", person=BASE + "id/person/tokayev")
    assert [(r["role"], r["inLabel"], r["publisherName"]) for r in tokayev] == [
        ("President", "Kazakhstan", "Harbour Wire"),
        ("President", "Kazakhstan", "Warta Nusantara"),
    ]


def test_deployments_after_protests(store: EmbeddedStore) -> None:
    rows = run(store, "deployments-after-protests")
    assert [(r["gap"], r["placeLabel"]) for r in rows] == [("1", "Kazakhstan")] * 4 + [
        ("5", "Jakarta")
    ]
    assert rows[0]["days"] == "30"
    wider = run(store, "deployments-after-protests", days="60")
    assert [(r["gap"], r["senderLabel"]) for r in wider][-1] == ("54", "Coastal States Union")
    assert run(store, "deployments-after-protests", days="0") == []


def test_single_outlet(store: EmbeddedStore) -> None:
    rows = run(store, "single-outlet")
    assert len(rows) == 7
    assert not any(
        "csto_kazakhstan" in r["event"] or "kazakhstan_unrest" in r["event"] for r in rows
    )
    assert {r["publisherName"] for r in rows} == {"Harbour Wire", "Warta Nusantara"}


def test_quality_checks(store: EmbeddedStore) -> None:
    assert run(store, "quality-events-without-place") == []
    rows = run(store, "quality-unlinked-locations")
    assert rows[0] == {
        "location": BASE + "id/location/western_kazakhstan",
        "label": "the oil-producing west of the country",
        "articles": "2",
    }
    assert {r["label"] for r in rows[1:]} == {
        "Gedung DPR",
        "Dravonia",
        "Drummel",
        "Kestria",
        "Meridia",
        "Port Alder",
        "Senayan",
    }


CSTO_EVENT = f"{BASE}event/deployment/{ID}/csto_kazakhstan"


def test_events(store: EmbeddedStore) -> None:
    rows = run(store, "events")
    assert len(rows) == 9, "11 reports; the CSTO deployment and the unrest each reported twice"
    csto = rows[0]
    assert csto["event"] == CSTO_EVENT
    assert (csto["reports"], csto["outlets"]) == ("2", "2")
    assert (csto["firstReport"], csto["lastReport"]) == ("2022-01-13", "2022-01-14")
    assert (csto["troopsMin"], csto["troopsMax"]) == ("2001", "2500")  # more than 2,000; ~2,500
    assert (csto["startEarliest"], csto["startLatest"]) == ("2022-01-03", "2022-01-09")
    assert rows[1]["event"] == f"{BASE}event/protest/{ID}/kazakhstan_unrest"
    assert [r["reports"] for r in rows[2:]] == ["1"] * 7
    protests = run(store, "events", type="protest")
    assert {r["type"] for r in protests} == {"protest"} and len(protests) == 3


def test_event_reports_side_by_side(store: EmbeddedStore) -> None:
    rows = run(store, "event-reports", event=CSTO_EVENT)
    assert [(r["publisherName"], r["published"], r["troops"], r["troopsText"]) for r in rows] == [
        ("Warta Nusantara", "2022-01-13", "2500", "sekitar 2.500 personel"),
        ("Harbour Wire", "2022-01-14", "2000", "More than 2,000 troops"),
    ]
    assert rows[0]["rules"] == "first-report"
    assert set(rows[1]["rules"].split(", ")) == {
        "same-actor",
        "same-place",
        "status-fits",
        "dates-overlap",
    }
    assert rows[1]["reason"].startswith("sender key:csto; destination key:kazakhstan")
    assert len(run(store, "event-reports")) == 11


def test_disagreements_are_per_event(store: EmbeddedStore) -> None:
    (row,) = run(store, "disagreements")
    assert row["realEvent"] == CSTO_EVENT
