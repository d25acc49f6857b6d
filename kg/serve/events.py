"""``GET /events.json``: deployments and protests with their dates, actors, places and
coordinates, for the timeline and the map (:mod:`kg.serve.eventspage`).

Filters, each optional, each bound as a typed RDF term (never written into the query):

- ``actor``: an IRI; events it takes part in as sender, destination, requester, location
  or further place (a country's deployments and protests).
- ``place``: an IRI; events that happen there (destination, location or further place).
- ``type``: ``deployment`` or ``protest``.
- ``from`` and ``to``: a period, each ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; events whose
  start (its earliest to latest day; the article's date when none is stated) overlaps it.
- ``limit``: the most events listed, 1 to :data:`MAX_EVENTS` (the default).

The answer lists at most ``limit`` events in date order, with ``total`` (all that match),
``shown`` and, when cut, ``truncated: true`` and a ``note``. A place has coordinates from
:mod:`kg.places` (data shipped with kg) or ``null``.

>>> period_bounds("2022")
('2022-01-01', '2022-12-31')
>>> period_bounds("2024-02")
('2024-02-01', '2024-02-29')
>>> period_bounds("22")
Traceback (most recent call last):
...
ValueError: write a year, a month or a day: 2022, 2022-01 or 2022-01-13
"""

from __future__ import annotations

import asyncio
import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg.places import where
from kg.rdf.iris import is_absolute_iri
from kg.rdf.namespaces import KGO, XSD, sparql_prefixes
from kg.serve.backend import Backend
from kg.serve.html import iri_name, local_path, preferred_languages
from kg.serve.http import problem
from kg.serve.labels import find_labels
from kg.serve.pool import QueryTimeout
from kg.serve.worker import JobError, QueryJob
from kg.store.base import SelectResult, Term

__all__ = [
    "ACTOR_PROPERTIES",
    "MAX_EVENTS",
    "ROLES",
    "EventFilters",
    "collect",
    "events_json",
    "period_bounds",
]

MAX_EVENTS = 2000
"""Most events one answer lists; the rest are counted in ``total``."""
ROLES = ("sender", "destination", "requestedBy", "location", "places")
"""The places and actors of an event in the answer, as kg's properties name them."""

ACTOR_PROPERTIES = ("sender", "destination", "requestedBy", "location", "place")
"""The properties by which an event names an actor or a place: what the ``actor`` filter
follows, and what makes an entity's page link to its timeline."""
XSD_DATE = XSD + "date"
TYPES = {"deployment": KGO + "Deployment", "protest": KGO + "Protest"}
_PARAMS = ("actor", "place", "type", "from", "to", "limit")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

_PREFIXES = sparql_prefixes("kgo", "schema", "time")
_MATCH = f"""
  ?event a ?class ; kgo:reportedIn ?article .
  FILTER(?class = kgo:Deployment || ?class = kgo:Protest)
  OPTIONAL {{
    ?event kgo:startDate ?d .
    ?d kgo:date ?date ; kgo:earliest ?earliest ; kgo:latest ?latest .
    OPTIONAL {{ ?d kgo:precision ?precision }}
    OPTIONAL {{ ?d kgo:approximate ?approximate }}
  }}
  OPTIONAL {{ ?article schema:datePublished ?published }}
  BIND(COALESCE(?earliest, ?published) AS ?start)
  BIND(COALESCE(?latest, ?published) AS ?end)
  FILTER(!BOUND(?actor) || EXISTS {{
    ?event {"|".join("kgo:" + p for p in ACTOR_PROPERTIES)} ?actor }})
  FILTER(!BOUND(?place) || EXISTS {{ ?event kgo:destination|kgo:location|kgo:place ?place }})
  FILTER(!BOUND(?from) || ?end >= ?from)
  FILTER(!BOUND(?to) || ?start <= ?to)
"""
EVENTS_QUERY = (
    _PREFIXES + "SELECT DISTINCT ?event ?class ?date ?precision ?earliest ?latest ?approximate "
    "?published ?status ?article ?start\nWHERE {" + _MATCH + "  "
    "OPTIONAL { ?event kgo:status ?status }\n}\nORDER BY ?start STR(?event)\n"
    f"LIMIT {MAX_EVENTS}\n"
)
"""The events matching the filters (bound to ?actor ?place ?class ?from ?to), by date."""
COUNT_QUERY = _PREFIXES + "SELECT (COUNT(DISTINCT ?event) AS ?total)\nWHERE {" + _MATCH + "}\n"
"""How many events match the filters."""


def period_bounds(text: str) -> tuple[str, str]:
    """The first and last day of a year, month or day written ``YYYY[-MM[-DD]]``."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise ValueError("write a year, a month or a day: 2022, 2022-01 or 2022-01-13")
    year, month, day = match.groups()
    try:
        if day:
            first = last = dt.date(int(year), int(month), int(day))
        elif month:
            first = dt.date(int(year), int(month), 1)
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        else:
            first, last = dt.date(int(year), 1, 1), dt.date(int(year), 12, 31)
    except ValueError as exc:
        raise ValueError(f"{text!r} is no date: {exc}") from None
    return first.isoformat(), last.isoformat()


@dataclass(frozen=True)
class EventFilters:
    """The filters of a request, checked; :meth:`bindings` gives them as typed terms."""

    actor: str | None = None
    place: str | None = None
    type: str | None = None
    start: str | None = None  # the first day of ``from``
    end: str | None = None  # the last day of ``to``
    limit: int = MAX_EVENTS
    given: dict[str, str] = field(default_factory=dict)

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> EventFilters:
        """The filters of a query string (see the module docstring).

        Raises:
            ValueError: an unknown parameter or a value that does not fit, with the fix.
        """
        for name in params:
            if name not in _PARAMS:
                raise ValueError(f"unknown parameter '{name}'; the filters: {', '.join(_PARAMS)}")
        given = {k: v.strip() for k, v in params.items() if v.strip()}
        for name in ("actor", "place"):
            if name in given and not is_absolute_iri(given[name]):
                raise ValueError(
                    f"{name} must be an absolute IRI such as "
                    f"https://example.org/kg/id/location/kazakhstan, got {given[name]!r}"
                )
        kind = given.get("type")
        if kind is not None and kind.lower() not in TYPES:
            raise ValueError(f"type must be deployment or protest, got {kind!r}")
        start = end = None
        try:
            if "from" in given:
                start = period_bounds(given["from"])[0]
            if "to" in given:
                end = period_bounds(given["to"])[1]
        except ValueError as exc:
            raise ValueError(f"from and to: {exc}") from None
        if start and end and start > end:
            raise ValueError(f"the period ends ({end}) before it starts ({start})")
        limit = MAX_EVENTS
        if "limit" in given:
            if not given["limit"].isdigit() or not 1 <= int(given["limit"]) <= MAX_EVENTS:
                raise ValueError(f"limit must be a whole number from 1 to {MAX_EVENTS}")
            limit = int(given["limit"])
        return cls(
            actor=given.get("actor"),
            place=given.get("place"),
            type=kind.lower() if kind else None,
            start=start,
            end=end,
            limit=limit,
            given=given,
        )

    def bindings(self) -> dict[str, Term]:
        """The filters as the typed terms the queries are run with."""
        out: dict[str, Term] = {}
        if self.actor:
            out["actor"] = Term.iri(self.actor)
        if self.place:
            out["place"] = Term.iri(self.place)
        if self.type:
            out["class"] = Term.iri(TYPES[self.type])
        if self.start:
            out["from"] = Term.literal(self.start, datatype=XSD_DATE)
        if self.end:
            out["to"] = Term.literal(self.end, datatype=XSD_DATE)
        return out


async def _select(
    backend: Backend, query: str, bindings: dict[str, Term], rows: int
) -> SelectResult:
    reply = await backend.query(QueryJob(query, bindings, max_rows=rows, solutions=True))
    if isinstance(reply, JobError):
        raise RuntimeError(reply.message)
    return reply.results[0] if reply.results else SelectResult([], [])


def _participants_query(events: list[str]) -> str:
    """The actors and places of ``events`` (IRIs read from the store, written as terms)."""
    values = " ".join(Term.iri(iri).n3() for iri in events)
    unions = " UNION ".join(
        f'{{ ?event kgo:{prop} ?x BIND("{role}" AS ?role) }}'
        for prop, role in (
            ("sender", "sender"),
            ("destination", "destination"),
            ("requestedBy", "requestedBy"),
            ("location", "location"),
            ("place", "places"),
        )
    )
    return (
        _PREFIXES + "SELECT ?event ?role ?x ?key ?same ?name ?isLocation WHERE {\n"
        f"  VALUES ?event {{ {values} }}\n  {unions}\n"
        "  OPTIONAL { ?x kgo:authorityKey ?key }\n  OPTIONAL { ?x schema:sameAs ?same }\n"
        "  OPTIONAL { ?x a kgo:Location BIND(true AS ?isLocation) }\n"
        "  OPTIONAL { ?x schema:name ?name }\n}"
    )


def _snake(iri: str) -> str:
    """``kgo:OnStandby`` -> ``on_standby``, as the query library writes statuses."""
    name = iri.rsplit("#", 1)[-1]
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


@dataclass
class _Entity:
    key: str | None = None
    wikidata: str | None = None
    location: bool = False
    names: list[str] = field(default_factory=list)


def _locate(entities: dict[str, _Entity]) -> dict[str, tuple[float, float] | None]:
    return {
        iri: where(key=e.key, wikidata=e.wikidata, names=e.names, location=e.location)
        for iri, e in entities.items()
    }


async def collect(
    backend: Backend, filters: EventFilters, *, languages: list[str]
) -> dict[str, Any]:
    """The answer of ``/events.json`` for ``filters`` (see the module docstring).

    Raises:
        QueryTimeout: a query ran out of the server's time.
    """
    bindings = filters.bindings()
    found = await _select(backend, EVENTS_QUERY, bindings, MAX_EVENTS)
    counted = await _select(backend, COUNT_QUERY, bindings, 1)
    total = int(counted.rows[0]["total"].value) if counted.rows else 0
    rows: dict[str, dict[str, Term]] = {}
    for row in found.rows:
        rows.setdefault(row["event"].value, row)
    shown = list(rows)[: filters.limit]
    entities: dict[str, _Entity] = {}
    roles: dict[str, dict[str, list[str]]] = {iri: {r: [] for r in ROLES} for iri in shown}
    if shown:
        parts = await _select(backend, _participants_query(shown), {}, 100 * len(shown))
        for row in parts.rows:
            event, role, x = row["event"].value, row["role"].value, row["x"].value
            entity = entities.setdefault(x, _Entity())
            if x not in roles[event][role]:
                roles[event][role].append(x)
            if "key" in row:
                entity.key = row["key"].value
            if "same" in row and "wikidata.org/entity/" in row["same"].value:
                entity.wikidata = row["same"].value.rsplit("/", 1)[-1]
            entity.location = entity.location or "isLocation" in row
            if "name" in row and row["name"].value not in entity.names:
                entity.names.append(row["name"].value)
    coordinates = await asyncio.to_thread(_locate, entities)
    labels = await find_labels(backend, [*shown, *entities], languages=languages)
    base = backend.base

    def ref(iri: str) -> dict[str, Any]:
        place = coordinates.get(iri)
        return {
            "iri": iri,
            "href": local_path(iri, base) or iri,
            "label": labels.get(iri) or iri_name(iri, base),
            "lat": place[0] if place else None,
            "lon": place[1] if place else None,
        }

    events = []
    for iri in shown:
        row = rows[iri]
        date = None
        if "date" in row:
            date = {
                "value": row["date"].value,
                "precision": _snake(row["precision"].value).removeprefix("unit_")
                if "precision" in row
                else None,
                "earliest": row["earliest"].value,
                "latest": row["latest"].value,
                "approximate": row["approximate"].value == "true" if "approximate" in row else None,
            }
        events.append(
            {
                "iri": iri,
                "href": local_path(iri, base) or iri,
                "type": row["class"].value.rsplit("#", 1)[-1],
                "label": labels.get(iri) or iri_name(iri, base),
                "status": _snake(row["status"].value) if "status" in row else None,
                "date": date,
                "published": row["published"].value if "published" in row else None,
                "article": row["article"].value,
                **{role: [ref(x) for x in roles[iri][role]] for role in ROLES},
            }
        )
    truncated = total > len(events)
    note = None
    if truncated:
        note = (
            f"{len(events)} of {total} events are listed, the earliest first; "
            "narrow the filters (actor, place, type, from, to) to see the others"
        )
    return {
        "events": events,
        "total": total,
        "shown": len(events),
        "truncated": truncated,
        "note": note,
        "filters": filters.given,
    }


async def events_json(request: Request) -> Response:
    """``GET /events.json``: the events matching the request's filters, as JSON."""
    try:
        filters = EventFilters.parse(request.query_params)
    except ValueError as exc:
        return problem(400, f"/events.json: {exc}")
    languages = preferred_languages(request.headers.get("accept-language"))
    try:
        answer = await collect(request.app.state.backend, filters, languages=languages)
    except QueryTimeout as exc:
        return problem(503, str(exc))
    except RuntimeError as exc:
        return problem(500, f"/events.json: {exc}")
    return JSONResponse(answer, headers={"Vary": "Accept-Language"})
