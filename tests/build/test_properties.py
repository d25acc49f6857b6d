"""Property-based tests (hypothesis) of the facts loader, the build and the mapping.

1. Any facts file (structure mostly right, values drawn from valid and invalid ones, names and
   quotes with markup, quotes, newlines and any Unicode) is either accepted, and then builds
   into conforming RDF, or refused with an error of :mod:`kg.errors`, never another exception.
2. Facts -> RDF (:func:`kg.mapping.map_facts`) -> SPARQL on an :class:`EmbeddedStore` gives
   back what went in: troop values and qualifiers, dates, role names, evidence quotes.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from kg.build import compile_facts
from kg.errors import KgError
from kg.facts import (
    Article,
    DateValue,
    Deployment,
    DeploymentStatus,
    Entity,
    EntityType,
    Evidence,
    Facts,
    Precision,
    Qualifier,
    Quantity,
    Role,
    load_facts,
)
from kg.facts.rules import date_bounds, default_bounds
from kg.mapping import map_facts
from kg.rdf.iris import Iris
from kg.store.base import Term
from kg.store.embedded import EmbeddedStore

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NASTY = ["<script>alert('x')</script>", "\"quoted\" & 'single'", "line\nbreak", "\\", "{}", "#"]
# Any Unicode but surrogates; markup and quote characters made frequent.
names = st.one_of(
    st.text(min_size=1, max_size=30),
    st.sampled_from(NASTY),
    st.builds(lambda a, b: f"{a}{b}", st.text(max_size=10), st.sampled_from(NASTY)),
)
ids = st.one_of(st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), st.sampled_from(["", "A"]))


PUBLISHED = dt.date(2024, 1, 2)
KINDS = [t.value for t in EntityType]
# Names a valid file may hold: not blank, and no CR or NUL (an article's CR ends a line and
# moves offsets; a NUL makes it binary).
valid_names = names.filter(lambda s: bool(s.strip()) and "\r" not in s and "\x00" not in s)
valid_dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(2033, 12, 31)).map(
    lambda d: d.isoformat()
)
INVALID_VALUES = st.one_of(
    st.integers(max_value=-1),
    st.integers(min_value=10**8 + 1),
    st.floats(allow_nan=True),
    st.text(max_size=6),
    st.none(),
    st.lists(st.integers(), max_size=2),
    st.sampled_from(
        ["2022-02-31", "0000-01-01", "2022-13", "9999-12-31", "Thing", "nobody", "Q0", "1e3"]
    ),
)


@st.composite
def valid_quantities(draw: st.DrawFn) -> Any:
    shape = draw(st.integers(0, 2))
    if shape == 0:
        return draw(st.integers(0, 10**8))
    if shape == 1:
        qualifiers = [q.value for q in Qualifier if q is not Qualifier.VAGUE]
        value = draw(st.integers(0, 10**8 - 1))
        return {
            "qualifier": draw(st.sampled_from(qualifiers)),
            "value": value,
            "text": draw(valid_names),
        }
    low = draw(st.integers(0, 10**6))
    return {"qualifier": "vague", "min": low, "max": draw(st.integers(low, 10**6 + 10))}


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value in nested dicts and lists."""
    out: list[tuple[Any, ...]] = [prefix] if prefix else []
    items = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else []
    )
    for key, value in items:
        out.extend(_paths(value, (*prefix, key)))
    return out


@st.composite
def facts_files(draw: st.DrawFn) -> tuple[dict[str, Any], str]:
    """A valid facts file (as data) and its article's body; in a third of the cases, one to three
    values replaced by wrong ones (wrong type, out of range, unknown reference...)."""
    words = draw(st.lists(valid_names, min_size=3, max_size=8))
    filler = draw(st.sampled_from([" ", " sent troops to ", ", said ", "\n"]))
    body = filler.join(words) + "."
    spans: list[dict[str, Any]] = []
    position = 0
    for word in words:
        spans.append({"start": position, "end": position + len(word), "text": word})
        position += len(word) + len(filler)

    def evidence() -> list[dict[str, Any]]:
        return [dict(draw(st.sampled_from(spans)))]

    entity_ids = draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True),
            min_size=3,
            max_size=5,
            unique=True,
        )
    )
    kinds = ["Person", "Location", "Organization"] + [
        draw(st.sampled_from(KINDS)) for _ in entity_ids[3:]
    ]
    entities = [
        {
            "id": i,
            "type": k,
            "names": draw(st.lists(valid_names, min_size=1, max_size=3)),
            "evidence": evidence(),
        }
        for i, k in zip(entity_ids, kinds, strict=True)
    ]
    if draw(st.booleans()):
        entities[1]["wikidata"] = "Q232"
    of_kind = {
        kind: [i for i, k in zip(entity_ids, kinds, strict=True) if k == kind] for kind in KINDS
    }
    agents = of_kind["Organization"] + of_kind["Location"]
    deployment: dict[str, Any] = {
        "id": "d1",
        "by": draw(st.sampled_from(agents)),
        "to": draw(st.sampled_from(of_kind["Location"])),
        "status": draw(st.sampled_from([s.value for s in DeploymentStatus])),
        "troops": draw(valid_quantities()),
        "start": draw(valid_dates),
        "evidence": evidence(),
    }
    if draw(st.booleans()):
        deployment["end"] = {"date": draw(valid_dates), "text": draw(valid_names)}
    role = {
        "id": "r1",
        "person": draw(st.sampled_from(of_kind["Person"])),
        "role": draw(valid_names),
        "of": draw(st.sampled_from(agents)),
        "evidence": evidence(),
    }
    protest: dict[str, Any] = {
        "id": "p1",
        "location": draw(st.sampled_from(of_kind["Location"])),
        "causes": [draw(valid_names.map(lambda s: f"{s} prices"))],
        "deaths": draw(valid_quantities()),
        "evidence": evidence(),
    }
    data = {
        "format": "kg-facts/1",
        "article": {
            "id": "generated",
            "title": draw(valid_names),
            "published": PUBLISHED.isoformat(),
            "language": draw(st.sampled_from(["en", "id", "xx", "en-GB"])),
            "source": "article.txt",
        },
        "entities": entities,
        "deployments": [deployment],
        "protests": [protest],
        "roles": [role],
    }
    if draw(st.integers(0, 2)) == 0:
        paths = _paths(data)
        for _ in range(draw(st.integers(1, 3))):
            path = draw(st.sampled_from(paths))
            value = draw(INVALID_VALUES)
            with contextlib.suppress(KeyError, IndexError, TypeError):  # path gone
                parent = data
                for key in path[:-1]:
                    parent = parent[key]
                parent[path[-1]] = value
    return data, body


ARTICLE_HEADER = "title: Generated\npublished: 2024-01-02\nlanguage: en\n---\n"


@SETTINGS
@given(facts_files())
def test_loader_refuses_or_the_build_conforms_or_reports_placed_violations(
    case: tuple[dict[str, Any], str],
) -> None:
    data, body = case
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.yaml"
        (Path(folder) / "article.txt").write_text(ARTICLE_HEADER + body, encoding="utf-8")
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            load_facts(path)
        except KgError as exc:
            assert str(path) in str(exc)
            event("refused")
            return
        compiled = compile_facts([path], jobs=1)
        if compiled.report.conforms:
            event("accepted")
            return
        # what the loader leaves to the shapes (a fact without evidence) is a violation that
        # points at the file and the fact's line, never a crash or an unplaced report
        event("violations")
        for v in compiled.report.violations:
            assert v.source is not None and v.source.startswith(f"{path}:"), v


# -- round trip ------------------------------------------------------------------------------

BASE = "https://example.org/kg/"
P = (
    "PREFIX kgo: <https://example.org/kg/ontology#> PREFIX schema: <https://schema.org/>\n"
    "PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
)
TROOPS = P + (
    "SELECT ?d ?qualifier ?value ?min ?max ?verbatim WHERE { ?d a kgo:Deployment ; "
    "kgo:troops ?q . ?q kgo:qualifier ?qualifier . OPTIONAL { ?q schema:value ?value } "
    "OPTIONAL { ?q schema:minValue ?min } OPTIONAL { ?q schema:maxValue ?max } "
    "OPTIONAL { ?q kgo:verbatim ?verbatim } } ORDER BY ?d"
)
DATES = P + (
    "SELECT ?d ?date ?earliest ?latest ?verbatim WHERE { ?d a kgo:Deployment ; "
    "kgo:startDate ?s . ?s kgo:date ?date ; kgo:earliest ?earliest ; kgo:latest ?latest . "
    "OPTIONAL { ?s kgo:verbatim ?verbatim } } ORDER BY ?d"
)
ROLES = P + (
    "SELECT ?role ?holder WHERE { ?r a kgo:RoleAssignment ; kgo:roleName ?role ; "
    "kgo:holder ?holder }"
)
QUOTES = P + (
    "SELECT ?fact ?quote ?start ?end WHERE { ?fact kgo:evidence ?note . "
    "?note oa:hasTarget ?t . ?t oa:hasSelector ?qs , ?ps . ?qs oa:exact ?quote . "
    "?ps oa:start ?start ; oa:end ?end }"
)
FACT_NAME = P + "SELECT ?name WHERE { ?e rdfs:label ?name }"


@st.composite
def quantity_values(draw: st.DrawFn) -> Quantity:
    qualifier = draw(st.sampled_from(list(Qualifier)))
    text = draw(st.none() | names)
    if qualifier is Qualifier.VAGUE:
        low = draw(st.integers(0, 10**6))
        high = draw(st.integers(low, 10**6 + 10))
        return Quantity(qualifier, None, low, high, text)
    value = draw(st.integers(0, 10**8 - 1))
    low, high = default_bounds(qualifier, value, None, None)
    return Quantity(qualifier, value, low, high, text)


@st.composite
def date_values(draw: st.DrawFn) -> DateValue:
    precision = draw(st.sampled_from(list(Precision)))
    day = draw(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
    if precision is Precision.YEAR:
        day = day.replace(month=1, day=1)
    elif precision is Precision.MONTH:
        day = day.replace(day=1)
    earliest, latest = date_bounds(day, precision)
    return DateValue(day, precision, earliest, latest, draw(st.booleans()), draw(st.none() | names))


@st.composite
def mapped_facts(draw: st.DrawFn) -> Facts:
    quote_texts = draw(st.lists(names, min_size=1, max_size=4))
    evidence = tuple(
        Evidence(n * 1000, n * 1000 + len(text), text) for n, text in enumerate(quote_texts)
    )
    people = [
        Entity(f"p{n}", EntityType.PERSON, (draw(names),), evidence=evidence[:1])
        for n in range(draw(st.integers(1, 3)))
    ]
    places = [
        Entity(f"l{n}", EntityType.LOCATION, (draw(names),), evidence=evidence[:1])
        for n in range(2)
    ]
    deployments = tuple(
        Deployment(
            f"d{n}",
            by="l0",
            to="l1",
            status=draw(st.sampled_from(list(DeploymentStatus))),
            troops=draw(quantity_values()),
            start=draw(date_values()),
            evidence=evidence,
        )
        for n in range(draw(st.integers(1, 3)))
    )
    roles = tuple(
        Role(f"r{n}", person.id, draw(names), "l0", evidence=evidence[-1:])
        for n, person in enumerate(people)
    )
    article = Article("generated", draw(names), dt.date(2024, 1, 2), "en")
    return Facts(
        article,
        entities=(*people, *places),
        deployments=deployments,
        roles=roles,
    )


def _store(facts: Facts) -> EmbeddedStore:
    mapped = map_facts(facts, iris=Iris(BASE))
    store = EmbeddedStore()
    store.replace_graph(str(mapped.graph_iri), mapped.facts.serialize(format="nt"))
    store.replace_graph(BASE + "graph/entities", mapped.entities.serialize(format="nt"))
    return store


def _value(row: dict[str, Term], name: str) -> str | None:
    term = row.get(name)
    return term.value if term is not None else None


@SETTINGS
@given(mapped_facts())
def test_round_trip_facts_rdf_sparql(facts: Facts) -> None:
    store = _store(facts)
    iris = Iris(BASE)
    by_iri = {str(iris.fact(facts.article.key, "deployment", d.id)): d for d in facts.deployments}

    troops = store.select(TROOPS).rows
    assert len(troops) == len(facts.deployments)
    for row in troops:
        q = by_iri[row["d"].value].troops
        assert q is not None
        assert row["qualifier"].value.endswith("#" + _camel(q.qualifier.value))
        for name, expected in (("value", q.value), ("min", q.min), ("max", q.max)):
            assert _value(row, name) == (str(expected) if expected is not None else None), name
        assert _value(row, "verbatim") == q.text

    dates = store.select(DATES).rows
    assert len(dates) == len(facts.deployments)
    for row in dates:
        d = by_iri[row["d"].value].start
        assert d is not None
        assert row["date"].value == d.iso
        assert row["earliest"].value == d.earliest.isoformat()
        assert row["latest"].value == d.latest.isoformat()
        assert _value(row, "verbatim") == d.text

    roles = sorted(row["role"].value for row in store.select(ROLES).rows)
    assert roles == sorted(r.role for r in facts.roles)

    quotes = {
        (r["quote"].value, int(r["start"].value), int(r["end"].value))
        for r in store.select(QUOTES).rows
    }
    expected = {(e.text, e.start, e.end) for d in facts.deployments for e in d.evidence}
    expected |= {(e.text, e.start, e.end) for r in facts.roles for e in r.evidence}
    assert expected <= quotes

    names_out = {row["name"].value for row in store.select(FACT_NAME).rows}
    assert {e.names[0] for e in facts.entities} <= names_out


def _camel(value: str) -> str:
    return "".join(part.capitalize() for part in value.split("_"))


def _iri_of(facts: Facts) -> dict[str, str]:  # pragma: no cover - helper for debugging
    iris = Iris(BASE)
    return {d.id: str(iris.fact(facts.article.key, "deployment", d.id)) for d in facts.deployments}
