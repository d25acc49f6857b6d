"""The SPARQL 1.1 Protocol at ``/sparql`` and the named queries at ``/queries/NAME``.

Queries by GET and POST (form or ``application/sparql-query``), ``default-graph-uri`` and
``named-graph-uri``, answers by ``Accept`` or a ``format`` parameter. Updates only by POST
and only with the update token; ``using-graph-uri`` and ``using-named-graph-uri`` are the
dataset of their WHERE clauses (400 with an update that names its own: WITH, USING).
Protocol errors: 400 (bad query, with the parser's message), 405 (update by GET), 406,
413, 415, 503 (timeout).
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg.errors import KgError
from kg.queries import library
from kg.rdf.iris import is_absolute_iri
from kg.rdf.namespaces import PREFIXES
from kg.serve.backend import Backend
from kg.serve.describe import service_description
from kg.serve.guard import fetches_urls, nesting_problem, uses_service
from kg.serve.http import BodyTooLarge, check_token, problem, read_body, too_large
from kg.serve.namedpage import named_query_page
from kg.serve.negotiation import query_formats, wants_html
from kg.serve.pool import QueryTimeout
from kg.serve.worker import JobError, QueryJob
from kg.serve.writer import Update
from kg.store.base import Term

__all__ = ["answer", "endpoint", "named_query", "query_library"]

_FORM = "application/x-www-form-urlencoded"
_DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")
_UPDATE_DATASET_PARAMS = ("using-graph-uri", "using-named-graph-uri")


async def answer(backend: Backend, job: QueryJob, *, client: bool = False) -> Response:
    """Run ``job`` and turn its reply into an HTTP answer (``client``: the client's own
    SPARQL, see :meth:`Backend.query`)."""
    if job.result_format is None and job.rdf_format is None:
        return problem(
            406,
            "none of the accepted media types is offered: SPARQL results as "
            "application/sparql-results+json, application/sparql-results+xml, text/csv, "
            "text/tab-separated-values; RDF as text/turtle, application/n-triples, "
            "application/ld+json, application/rdf+xml (or give format=json|xml|csv|tsv|turtle|...)",
        )
    try:
        reply = await backend.query(job, client=client)
    except QueryTimeout as exc:
        return problem(503, str(exc), {"Retry-After": str(exc.retry_after)})
    if isinstance(reply, JobError):
        return problem(reply.status, reply.message)
    headers = {"Vary": "Accept"}
    if reply.truncated:
        headers["X-KG-Truncated"] = "true"
        headers["X-KG-Max-Rows"] = str(backend.settings.max_rows)
    return Response(reply.body, media_type=reply.media_type, headers=headers)


def _one(values: dict[str, list[str]], name: str) -> str | None:
    found = values.get(name)
    return found[0] if found else None


def _service_iri(request: Request) -> str:
    """The endpoint's own IRI: the base that relative IRIs in queries resolve against."""
    return str(request.url.replace(query="", fragment=""))


def _request_problem(values: dict[str, list[str]]) -> str | None:
    """What makes the parameters of a query or update request invalid, or None."""
    for name in ("query", "update"):
        if len(values.get(name, [])) > 1:
            return f"give the '{name}' parameter once, not {len(values[name])} times"
    for name in _DATASET_PARAMS + _UPDATE_DATASET_PARAMS:
        for value in values.get(name, []):
            if not is_absolute_iri(value):
                return f"{name} must be an absolute IRI, got {value!r}"
    for name in ("query", "update"):
        text = _one(values, name)
        if text is not None:
            nested = nesting_problem(text)
            if nested is not None:
                return nested
    return None


async def _parameters(request: Request, limit: int) -> dict[str, list[str]] | Response:
    """Every protocol parameter of the request (URL and body), or the error answer.

    A body sent as ``application/sparql-query`` or ``-update`` becomes that parameter.
    """
    if len(request.url.query) > limit:
        return too_large(limit)
    try:
        values = parse_qs(request.url.query, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        return problem(400, "the query string is not valid UTF-8 once percent-decoded")
    if request.method != "POST":
        return values
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in (_FORM, "application/sparql-query", "application/sparql-update"):
        return problem(
            415,
            "POST a form (application/x-www-form-urlencoded), application/sparql-query "
            "or application/sparql-update",
        )
    try:
        body = await read_body(request, limit)
    except BodyTooLarge:
        return too_large(limit)
    try:
        text = body.decode("utf-8")
        if media == _FORM:
            form = parse_qs(text, keep_blank_values=True, errors="strict")
        else:
            form = {"query" if media.endswith("query") else "update": [text]}
    except UnicodeDecodeError as exc:
        return problem(400, f"the request body is not valid UTF-8 (byte {exc.start})")
    # By POST the operation is the body's: a 'query' or 'update' in the URL is ignored.
    values.pop("query", None)
    values.pop("update", None)
    for key, items in form.items():
        values.setdefault(key, []).extend(items)
    return values


async def endpoint(request: Request) -> Response:
    """``/sparql``: a query, an update, or (GET without either) the service description."""
    backend: Backend = request.app.state.backend
    values = await _parameters(request, backend.settings.max_request_bytes)
    if isinstance(values, Response):
        return values
    if request.method != "POST":
        if "update" in values:
            return problem(405, "send SPARQL updates by POST, never by GET", {"Allow": "POST"})
        if "query" not in values:
            return service_description(request, backend)
    wrong = _request_problem(values)
    if wrong is not None:
        return problem(400, wrong)
    query, update = _one(values, "query"), _one(values, "update")
    if query is not None and update is not None:
        return problem(400, "give either a query or an update, not both")
    if update is not None:
        return await _update(request, backend, update, values)
    if query is None or not query.strip():
        return problem(400, "no query: give the SPARQL query in the 'query' parameter")
    if uses_service(query):
        return problem(
            400,
            "SERVICE (federated query) is disabled on this server: it would make the server "
            "fetch other URLs; run federated queries from your own client",
        )
    results, rdf = query_formats(request.headers.get("accept"), _one(values, "format"))
    default = values.get("default-graph-uri")
    named = values.get("named-graph-uri")
    job = QueryJob(
        query,
        default_graphs=tuple(default) if default is not None else None,
        named_graphs=tuple(named) if named is not None else None,
        result_format=results,
        rdf_format=rdf,
        max_rows=backend.settings.max_rows,
        prefixes=PREFIXES,
        base_iri=_service_iri(request),
    )
    return await answer(backend, job, client=True)


async def _update(
    request: Request, backend: Backend, update: str, values: dict[str, list[str]]
) -> Response:
    denied = check_token(request, backend.settings)
    if denied is not None:
        return denied
    if fetches_urls(update) and not backend.settings.allow_load:
        return problem(
            400,
            "LOAD and SERVICE are disabled in updates on this server: they would make it "
            "fetch URLs; send the data itself (INSERT DATA, or a Graph Store PUT), or ask the "
            "operator to start kg serve with --allow-load true",
        )
    # An update that would write the default graph (the merge of the named graphs, which
    # the store derives) is refused with 400 by the store itself (kg.store.updates), in
    # the writer process: its text is read there, off this event loop, before it runs.
    job = Update(
        update,
        base_iri=_service_iri(request),
        using_graphs=tuple(values.get("using-graph-uri", ())),
        using_named_graphs=tuple(values.get("using-named-graph-uri", ())),
    )
    written = await backend.write(job)
    if isinstance(written, JobError):
        return problem(written.status, written.message)
    return Response(status_code=204)


async def named_query(request: Request) -> Response:
    """``/queries/NAME?param=value&format=csv``: a query of the library, parameters bound;
    a page (:mod:`kg.serve.namedpage`) for a browser."""
    backend: Backend = request.app.state.backend
    name = request.path_params["name"]
    queries = {q.name: q for q in library()}
    if name not in queries:
        return problem(404, f"no named query '{name}'; see /queries.json for the library")
    query = queries[name]
    # An empty value is a parameter left out, as an HTML form sends it.
    params = {k: v for k, v in request.query_params.items() if k != "format" and v.strip()}
    accept, format_param = request.headers.get("accept"), request.query_params.get("format")
    if wants_html(accept, format_param):
        return await named_query_page(request, query, params)
    try:
        bindings: dict[str, Term] = query.bind(params)
    except KgError as exc:
        return problem(400, str(exc))
    results, rdf = query_formats(accept, format_param)
    job = QueryJob(
        query.text,
        bindings=bindings,
        result_format=results,
        rdf_format=rdf,
        max_rows=backend.settings.max_rows,
        prefixes=PREFIXES,
    )
    return await answer(backend, job)


async def query_library(request: Request) -> Response:
    """``/queries.json``: the named queries with their parameters and text."""
    return JSONResponse(
        [
            {
                "name": q.name,
                "description": q.description,
                "params": [
                    {
                        "name": p.name,
                        "type": p.type.value,
                        "description": p.description,
                        "required": p.required and p.default is None,
                        "default": p.default,
                    }
                    for p in q.params
                ],
                "text": q.text,
            }
            for q in library()
        ]
    )
