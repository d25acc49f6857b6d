"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/rdf-graph-store`` (and ``/sparql-graph``).

A request names its graph one of three ways:

- ``?graph=IRI`` (indirect identification): that named graph;
- a URL under ``/rdf-graph-store/`` (direct identification): the graph whose IRI is the
  IRI base plus the URL's path, as every other URL of the server maps onto the base
  (``/rdf-graph-store/notes/1`` names ``{base}rdf-graph-store/notes/1``);
- ``?default``: the default graph, the merge of the named graphs (each triple once).

GET and HEAD for everyone; PUT (replace), POST (merge, ``multipart/form-data`` too: every
part is added) and DELETE only with the update token; each write keeps the default graph
the merge in the same transaction. The default graph is derived, so PUT, POST and DELETE
on ``?default`` write the named graph :data:`DEFAULT_WRITES` (under the base): what was
written there stays in the default graph beside what the other graphs state. A POST to
the graph store itself creates a new graph ``{base}rdf-graph-store/ID`` and answers 201
with its IRI as ``Location``.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from starlette.requests import Request
from starlette.responses import Response

from kg.errors import UsageError
from kg.rdf.formats import RdfFormat
from kg.rdf.iris import is_absolute_iri
from kg.rdf.namespaces import PREFIXES
from kg.serve.backend import Backend
from kg.serve.http import BodyTooLarge, check_token, problem, read_body, too_large
from kg.serve.negotiation import RDF_MEDIA, resource_format
from kg.serve.sparql import answer
from kg.serve.worker import JobError, QueryJob
from kg.serve.writer import DeleteGraph, PutGraph

__all__ = ["DEFAULT_WRITES", "DIRECT", "graph_store"]

DEFAULT_WRITES = "graph/_default"
"""The graph (relative to the base) that PUT, POST and DELETE on ``?default`` write; no
article's graph can have this name (article keys begin with a letter or digit)."""
DIRECT = "rdf-graph-store/"
"""The path (and, under the base, the IRI prefix) of directly identified graphs."""

_ALL = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
_EXISTS = "ASK { GRAPH ?g { ?s ?p ?o } }"
_MULTIPART = "multipart/form-data"
_FORMATS = "text/turtle, application/n-triples or application/rdf+xml"


@dataclass(frozen=True)
class _Target:
    """What a request addresses: a named graph, the default graph (``graph`` None) or
    the graph store itself (``store``)."""

    graph: str | None
    store: bool = False


def _target(request: Request, base: str) -> _Target | Response:
    params = request.query_params
    graphs = params.getlist("graph")
    default = "default" in params
    if request.path_params.get("path"):
        if graphs or default:
            return problem(
                400,
                "a graph named by its URL (direct identification) takes no ?graph or ?default",
            )
        iri = base + request.url.path.lstrip("/")
        if not is_absolute_iri(iri):
            return problem(400, f"the URL does not make a valid graph IRI: {iri!r}")
        return _Target(iri)
    if len(graphs) + default > 1:
        return problem(400, "name one graph: ?graph=IRI once, or ?default")
    if graphs:
        if not is_absolute_iri(graphs[0]):
            return problem(400, f"graph must be an absolute IRI, got {graphs[0]!r}")
        return _Target(graphs[0])
    return _Target(None, store=not default)


async def graph_store(request: Request) -> Response:
    """One graph of the store: read it, replace it, add to it or delete it; or, by POST to
    the store itself, a new graph."""
    backend: Backend = request.app.state.backend
    target = _target(request, backend.base)
    if isinstance(target, Response):
        return target
    if request.method in ("GET", "HEAD"):
        if target.store:
            return problem(
                400, "name a graph: ?graph=IRI, ?default, or a URL under /rdf-graph-store/"
            )
        return await _get(request, backend, target.graph)
    denied = check_token(request, backend.settings)
    if denied is not None:
        return denied
    if target.store and request.method != "POST":
        return problem(
            400,
            f"{request.method} needs a graph: ?graph=IRI, ?default, or a URL under "
            "/rdf-graph-store/ (a POST to the graph store itself creates a new graph)",
        )
    if target.graph is not None:
        graph = target.graph
    elif target.store:
        graph = f"{backend.base}{DIRECT}{uuid.uuid4().hex}"
    else:
        graph = backend.base + DEFAULT_WRITES
    if request.method == "DELETE":
        deleted = await backend.write(DeleteGraph(graph))
        if isinstance(deleted, JobError):
            return problem(deleted.status, deleted.message)
        if deleted.existed or target.graph is None:
            return Response(status_code=204)
        return problem(404, f"no graph <{graph}>")
    parts = await _payload(request, backend.settings.max_request_bytes)
    if isinstance(parts, Response):
        return parts
    written = await backend.write(PutGraph(graph, parts, replace=request.method == "PUT"))
    if isinstance(written, JobError):
        return problem(written.status, written.message)
    if target.store:
        return Response(status_code=201, headers={"Location": graph})
    return Response(status_code=204 if written.existed else 201)


async def _payload(request: Request, limit: int) -> tuple[tuple[str, RdfFormat], ...] | Response:
    """The RDF documents of a PUT or POST: the body, or each part of a multipart body."""
    content_type = request.headers.get("content-type", "")
    media = content_type.split(";")[0].strip().lower()
    fmt = RDF_MEDIA.get(media)
    if media != _MULTIPART and (fmt is None or fmt.supports_datasets):
        return problem(415, f"send the graph as {_FORMATS} (or {_MULTIPART} to POST)")
    try:
        body = await read_body(request, limit)
    except BodyTooLarge:
        return too_large(limit)
    if media == _MULTIPART:
        if request.method != "POST":
            return problem(415, f"{_MULTIPART} is for POST; PUT one graph as {_FORMATS}")
        # Off the event loop: the parser is pure Python, and the body may be large.
        return await asyncio.to_thread(_parts, content_type, body)
    assert fmt is not None
    text = _text(body, "the request body")
    return text if isinstance(text, Response) else ((text, fmt),)


def _text(body: bytes, what: str) -> str | Response:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        return problem(400, f"{what} is not valid UTF-8 (byte {exc.start})")


def _parts(content_type: str, body: bytes) -> tuple[tuple[str, RdfFormat], ...] | Response:
    """The documents of a ``multipart/form-data`` body, each in the format its part's
    Content-Type (or, without one, its file name) gives."""
    header = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=policy.HTTP).parsebytes(header + body)
    if message.defects or not isinstance(message, EmailMessage):
        return problem(400, f"the {_MULTIPART} body cannot be read: {message.defects}")
    found: list[tuple[str, RdfFormat]] = []
    for number, part in enumerate(message.iter_parts(), 1):
        name = f"part {number} of the {_MULTIPART} body"
        if part.defects or part.is_multipart():
            return problem(400, f"{name} cannot be read")
        if part.get("content-type") is not None:
            fmt = RDF_MEDIA.get(part.get_content_type())
        else:
            try:
                fmt = RdfFormat.from_extension(part.get_filename() or "")
            except UsageError:
                fmt = None
        if fmt is None or fmt.supports_datasets:
            return problem(415, f"{name}: send it as {_FORMATS} (its Content-Type)")
        payload = part.get_payload(decode=True)
        text = _text(payload if isinstance(payload, bytes) else b"", name)
        if isinstance(text, Response):
            return text
        found.append((text, fmt))
    if not found:
        return problem(400, f"the {_MULTIPART} body has no parts")
    return tuple(found)


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
