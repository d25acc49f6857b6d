"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/rdf-graph-store`` (and ``/sparql-graph``).

``?graph=IRI`` names a graph, ``?default`` the default graph (read-only here: it is the
merge of the named graphs, each triple once). GET and HEAD for everyone; PUT (replace),
POST (merge) and DELETE only with the update token, so a team can keep one article graph
current; each write keeps the default graph true in the same transaction.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from kg.dataset import PREFIXES
from kg.formats import RdfFormat
from kg.iris import is_absolute_iri
from kg.serve.backend import Backend
from kg.serve.http import BodyTooLarge, check_token, problem, read_body, too_large
from kg.serve.negotiation import RDF_MEDIA, resource_format
from kg.serve.sparql import answer
from kg.serve.worker import JobError, QueryJob
from kg.serve.writer import DeleteGraph, PutGraph

__all__ = ["graph_store"]

_ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
_EXISTS = "ASK { GRAPH ?g { ?s ?p ?o } }"


async def graph_store(request: Request) -> Response:
    """One graph of the store: read it, replace it, add to it or delete it."""
    backend: Backend = request.app.state.backend
    params = request.query_params
    graph = params.get("graph")
    if (graph is None) == ("default" not in params):
        return problem(400, "name exactly one graph: ?graph=IRI or ?default")
    if graph is not None and not is_absolute_iri(graph):
        return problem(400, f"graph must be an absolute IRI, got {graph!r}")
    if request.method in ("GET", "HEAD"):
        return await _get(request, backend, graph)
    denied = check_token(request, backend.settings)
    if denied is not None:
        return denied
    if graph is None:
        return problem(
            405,
            "the default graph is the merge of the named graphs and read-only: write a named "
            "graph instead (?graph=IRI)",
        )
    if request.method == "DELETE":
        written = await backend.write(DeleteGraph(graph))
        if isinstance(written, JobError):
            return problem(written.status, written.message)
        return Response(status_code=204) if written.existed else problem(404, f"no graph <{graph}>")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = RDF_MEDIA.get(media)
    if fmt is None or fmt.supports_datasets:
        return problem(
            415, "send the graph as text/turtle, application/n-triples or application/rdf+xml"
        )
    try:
        body = await read_body(request, backend.settings.max_request_bytes)
    except BodyTooLarge:
        return too_large(backend.settings.max_request_bytes)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return problem(400, f"the request body is not valid UTF-8 (byte {exc.start})")
    written = await backend.write(PutGraph(graph, text, fmt, replace=request.method == "PUT"))
    if isinstance(written, JobError):
        return problem(written.status, written.message)
    return Response(status_code=204 if written.existed else 201)


async def _get(request: Request, backend: Backend, graph: str | None) -> Response:
    media = resource_format(request.headers.get("accept"), request.query_params.get("format"))
    fmt = RDF_MEDIA.get(media or "", RdfFormat.TURTLE)
    if graph is not None:
        exists = await backend.query(QueryJob(_EXISTS, named_graphs=(graph,)))
        if isinstance(exists, JobError):
            return problem(exists.status, exists.message)
        if b"true" not in exists.body:
            return problem(404, f"no graph <{graph}> in this store")
    job = QueryJob(
        _ALL,
        default_graphs=(graph,) if graph else None,
        result_format=None,
        rdf_format=fmt,
        prefixes=PREFIXES,
    )
    response = await answer(backend, job)
    if request.method == "HEAD":
        return Response(status_code=response.status_code, headers=dict(response.headers))
    return response
