"""Runs the W3C protocol cases of :mod:`w3c_cases` against a server over real HTTP.

One runner for every server: a :class:`Target` says where its query, update and Graph
Store endpoints are and which headers a write needs. Before each case the runner empties
the store (``DROP ALL``) and loads the case's data graphs, as each W3C test expects a
store of its own.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from xml.etree import ElementTree

import httpx
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from w3c_cases import CASES, Case, Step, data_graph

__all__ = ["Outcome", "Target", "run_all", "run_case"]

_RESULTS = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {
        "application/rdf+xml",
        "text/turtle",
        "application/n-triples",
        "text/plain",
        "text/html",
        "application/xhtml+xml",
    },
}
_PARSERS = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/rdf+xml": "xml",
    "application/ld+json": "json-ld",
}


@dataclass(frozen=True)
class Target:
    """A server under test: its endpoints' URLs and the headers that authorise writes."""

    name: str
    query: str
    update: str
    gsp: str
    auth: dict[str, str] = field(default_factory=dict)

    def url(self, step: Step, location: str | None) -> str:
        path = step.path
        if location is not None:
            path = path.replace("$LOCATION$", location)
        return {"query": self.query, "update": self.update, "gsp": self.gsp}[step.endpoint] + path


@dataclass(frozen=True)
class Outcome:
    """A case's result on one target: passed, or the first check that failed."""

    case: Case
    failure: str | None = None

    @property
    def passed(self) -> bool:
        return self.failure is None


def _media(value: str | None) -> tuple[str, str | None]:
    """(media type, charset) of a Content-Type, lower case."""
    if not value:
        return "", None
    parts = [p.strip() for p in value.lower().split(";")]
    charset = next(
        (p.split("=", 1)[1].strip('"') for p in parts[1:] if p.startswith("charset=")), None
    )
    return parts[0], charset


def _status_ok(status: int, expected: tuple[int | str, ...]) -> bool:
    return any(status == e if isinstance(e, int) else str(status)[0] == e[0] for e in expected)


def _boolean(response: httpx.Response) -> bool | None:
    media, _ = _media(response.headers.get("content-type"))
    try:
        if media.endswith("json"):
            value = json.loads(response.text).get("boolean")
            return value if isinstance(value, bool) else None
        if media.endswith("xml"):
            root = ElementTree.fromstring(response.content)
            found = root.find("{http://www.w3.org/2005/sparql-results#}boolean")
            return None if found is None else (found.text or "").strip() == "true"
    except (ValueError, ElementTree.ParseError):
        return None
    return None


def _graph_problem(response: httpx.Response, expected: str) -> str | None:
    media, _ = _media(response.headers.get("content-type"))
    parser = _PARSERS.get(media)
    if parser is None:
        return f"cannot compare a graph sent as {media or 'no media type'}"
    got, want = Graph(), Graph()
    try:
        got.parse(data=response.text, format=parser)
    except Exception as exc:  # rdflib raises many kinds
        return f"the response is not valid {media}: {exc}"
    want.parse(data=expected, format="turtle")
    if isomorphic(got, want):
        return None
    _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
    return (
        "the graph differs from the expected one; unexpected:\n"
        + only_got.serialize(format="nt")
        + "missing:\n"
        + only_want.serialize(format="nt")
    )


def _check(step: Step, response: httpx.Response) -> str | None:
    """What is wrong with ``response`` to ``step``, or None."""
    said = f"{step.method} {step.endpoint}{step.path[:80]} gave {response.status_code}"
    if not _status_ok(response.status_code, step.status):
        text = re.sub(r"\s+", " ", response.text[:300]) if step.method != "HEAD" else ""
        return f"{said}, expected {'/'.join(map(str, step.status))}: {text}"
    media, charset = _media(response.headers.get("content-type"))
    if step.result is not None and media not in _RESULTS[step.result]:
        return f"{said} as {media!r}, not a {step.result} result format"
    if step.boolean is not None and _boolean(response) is not step.boolean:
        return f"{said} with {response.text[:200]!r}, expected the boolean {step.boolean}"
    if step.media is not None:
        want, want_charset = _media(step.media)
        if media != want or (charset and want_charset and charset != want_charset):
            return f"{said} as {response.headers.get('content-type')!r}, expected {step.media!r}"
    if step.graph is not None:
        wrong = _graph_problem(response, step.graph)
        if wrong is not None:
            return f"{said}: {wrong}"
    if step.location and not response.headers.get("location"):
        return f"{said} without a Location header"
    return None


def _reset(target: Target, case: Case, client: httpx.Client) -> str | None:
    """Empty the store and load the case's data graphs; a message if that fails."""
    r = client.post(
        target.update,
        content="DROP ALL",
        headers={**target.auth, "Content-Type": "application/sparql-update"},
    )
    if r.status_code not in (200, 204):
        return (
            f"cannot empty the store before the case: DROP ALL gave {r.status_code}: {r.text[:200]}"
        )
    for number in case.graphs:
        iri, triples = data_graph(number)
        r = client.put(
            target.gsp,
            params={"graph": iri},
            content=triples,
            headers={**target.auth, "Content-Type": "application/n-triples"},
        )
        if r.status_code not in (200, 201, 204):
            return f"cannot load data{number}.nt before the case: PUT gave {r.status_code}"
    return None


def run_case(case: Case, target: Target, client: httpx.Client) -> Outcome:
    """Run ``case``'s requests in order against ``target``."""
    wrong = _reset(target, case, client)
    if wrong is not None:
        return Outcome(case, wrong)
    location: str | None = None
    for step in case.steps:
        headers = dict(target.auth)
        if step.content_type is not None:
            headers["Content-Type"] = step.content_type
        if step.accept is not None:
            headers["Accept"] = step.accept
        body = step.body
        if body is not None and location is not None:
            body = body.replace("$LOCATION$", location)
        try:
            response = client.request(
                step.method,
                target.url(step, location),
                content=None if body is None else body.encode(step.encoding),
                headers=headers,
            )
        except httpx.HTTPError as exc:
            return Outcome(case, f"{step.method} {step.endpoint}{step.path}: {exc!r}")
        wrong = _check(step, response)
        if wrong is not None:
            return Outcome(case, wrong)
        if step.location:
            location = response.headers["location"]
    return Outcome(case, None)


def run_all(target: Target, cases: tuple[Case, ...] = CASES) -> list[Outcome]:
    """Every case against ``target``, in order."""
    with httpx.Client(timeout=30) as client:
        return [run_case(case, target, client) for case in cases]
