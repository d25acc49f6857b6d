"""Labels for the IRIs of a result table, looked up in one bounded query.

A result table shows a label where one exists instead of the IRI. A query of the library
names its own labels (``?senderLabel`` next to ``?sender``: :mod:`kg.serve.table`); the
IRIs left without one are looked up here, all at once: the first :data:`MAX_IRIS`
distinct IRIs of the table in one ``VALUES`` query of their ``rdfs:label``,
``schema:name`` and ``schema:headline``. The label shown is the one the IRI's own page
takes as its title (:func:`~kg.serve.html.pick_label`): in the reader's language
(``Accept-Language``) where there is one, else English, else any.

The named query's page calls :func:`find_labels` itself; the query page's script asks
``POST /labels`` with the IRIs of its table (a JSON list) and gets ``{IRI: label}`` back.

>>> print(lookup_query(["https://example.org/kg/id/russia"]))  # doctest: +NORMALIZE_WHITESPACE
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <https://schema.org/>
SELECT ?x ?label WHERE { VALUES ?x { <https://example.org/kg/id/russia> }
?x rdfs:label|schema:name|schema:headline ?label }
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg.rdf.iris import is_absolute_iri
from kg.serve.backend import Backend
from kg.serve.html import pick_label, preferred_languages
from kg.serve.http import BodyTooLarge, problem, read_body, too_large
from kg.serve.pool import QueryTimeout
from kg.serve.worker import JobError, QueryJob
from kg.store.base import Term

__all__ = ["MAX_IRIS", "MAX_LABEL_ROWS", "find_labels", "labels", "lookup_query"]

MAX_IRIS = 1000
"""Most IRIs looked up for one table; the rest keep their short form."""
MAX_LABEL_ROWS = 50 * MAX_IRIS
"""Most labels read for them (an entity has every name the articles use)."""


def _lookable(iris: Iterable[str]) -> list[str]:
    """The distinct IRIs that can be looked up, in order, at most :data:`MAX_IRIS`."""
    out: dict[str, None] = {}
    for iri in iris:
        if len(out) == MAX_IRIS:
            break
        if iri not in out and is_absolute_iri(iri):
            out[iri] = None
    return list(out)


def lookup_query(iris: Iterable[str]) -> str:
    """The query of the labels of ``iris`` (absolute IRIs; written as SPARQL terms)."""
    values = " ".join(Term.iri(iri).n3() for iri in iris)
    return (
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX schema: <https://schema.org/>\n"
        f"SELECT ?x ?label WHERE {{ VALUES ?x {{ {values} }}\n"
        "?x rdfs:label|schema:name|schema:headline ?label }"
    )


async def find_labels(
    backend: Backend, iris: Iterable[str], *, languages: list[str]
) -> dict[str, str]:
    """The label to show for each of ``iris`` that has one (see the module docstring).

    Raises:
        QueryTimeout: the lookup ran out of the server's time.
    """
    wanted = _lookable(iris)
    if not wanted:
        return {}
    job = QueryJob(lookup_query(wanted), max_rows=MAX_LABEL_ROWS, solutions=True)
    reply = await backend.query(job)
    if isinstance(reply, JobError) or not reply.results:
        return {}
    found: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for row in reply.results[0].rows:
        if "x" in row and "label" in row:
            found[row["x"].value].append((row["label"].value, row["label"].language))
    out = {}
    for iri, candidates in found.items():
        label = pick_label(candidates, languages)
        if label:
            out[iri] = label
    return out


async def labels(request: Request) -> Response:
    """``POST /labels``: a JSON list of IRIs in, ``{IRI: label}`` out (IRIs with a label)."""
    limit = request.app.state.backend.settings.max_request_bytes
    try:
        body = await read_body(request, limit)
    except BodyTooLarge:
        return too_large(limit)
    try:
        iris = json.loads(body)
    except ValueError:
        iris = None
    if not isinstance(iris, list) or not all(isinstance(i, str) for i in iris):
        return problem(400, 'send a JSON list of IRIs, e.g. ["https://example.org/kg/id/russia"]')
    languages = preferred_languages(request.headers.get("accept-language"))
    try:
        found = await find_labels(request.app.state.backend, iris, languages=languages)
    except QueryTimeout as exc:
        return problem(503, str(exc))
    return JSONResponse(found, headers={"Vary": "Accept-Language"})
