"""The Starlette application of ``kg serve``.

Routes::

    /                       query page (GET); a SPARQL request when it carries query/update
    /sparql                 SPARQL 1.1 Protocol; the service description without a query
    /queries.json           the named queries;  /queries/NAME  one of them, parameters bound
                            (browsers get pages for these two, other clients data)
    /labels                 labels of a result table's IRIs (POST, a JSON list of IRIs)
    /events                 timeline and map of the events;  /events.json  their data
    /rdf-graph-store        Graph Store HTTP Protocol (alias /sparql-graph); /rdf-graph-store/PATH
                            the graph {base}rdf-graph-store/PATH (direct identification)
    /.well-known/void       VoID;  /dumps/FILE  the dataset's files;  /ontology  kg.ttl
    /static/FILE            the page's script and stylesheet
    /anything/else          linked data: the IRI base + path
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.serve.backend import Backend
from kg.serve.caching import ConditionalGet
from kg.serve.describe import dump, ontology, void
from kg.serve.events import events_json
from kg.serve.eventspage import events_page
from kg.serve.gsp import graph_store
from kg.serve.labels import labels
from kg.serve.pages import resource
from kg.serve.querypage import query_page
from kg.serve.schedule import CLIENT
from kg.serve.settings import Settings
from kg.serve.sparql import endpoint, named_query, query_library

__all__ = ["SECURITY_HEADERS", "create_app"]

STATIC = Path(__file__).resolve().parent.parent / "static"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        "frame-ancestors 'none'"
    ),
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.lower().encode() not in present:
                        headers.append((name.lower().encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ClientAddress:
    """Makes the client's address known to the worker pool's fair shares
    (:data:`kg.serve.schedule.CLIENT`) for the whole request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        token = CLIENT.set(client[0] if client else "")
        try:
            await self.app(scope, receive, send)
        finally:
            CLIENT.reset(token)


async def _home(request: Request) -> Response:
    """The query page, unless the request is a SPARQL request addressed to the root."""
    if (
        request.method == "POST"
        or "query" in request.query_params
        or "update" in request.query_params
    ):
        return await endpoint(request)
    return await query_page(request)


def create_app(settings: Settings) -> Starlette:
    """The application serving ``settings.dataset``; workers start with the app's lifespan."""
    backend = Backend(settings)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await backend.start()
        try:
            yield
        finally:
            await backend.close()

    write = ["GET", "HEAD", "PUT", "POST", "DELETE"]
    routes = [
        Route("/", _home, methods=["GET", "HEAD", "POST"]),
        Route("/sparql", endpoint, methods=["GET", "HEAD", "POST"]),
        Route("/queries.json", query_library, methods=["GET", "HEAD"]),
        Route("/queries/{name}", named_query, methods=["GET", "HEAD"]),
        Route("/labels", labels, methods=["POST"]),
        Route("/events", events_page, methods=["GET", "HEAD"]),
        Route("/events.json", events_json, methods=["GET", "HEAD"]),
        Route("/rdf-graph-store", graph_store, methods=write),
        Route("/rdf-graph-store/{path:path}", graph_store, methods=write),
        Route("/sparql-graph", graph_store, methods=write),
        Route("/.well-known/void", void, methods=["GET", "HEAD"]),
        Route("/dumps/{name}", dump, methods=["GET", "HEAD"]),
        Route("/ontology", ontology, methods=["GET", "HEAD"]),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
        Route("/{path:path}", resource, methods=["GET", "HEAD"]),
    ]
    middleware = [
        Middleware(ClientAddress),
        Middleware(SecurityHeaders),
        Middleware(ConditionalGet, backend=backend),
    ]
    if settings.origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.origins,
                allow_methods=["GET", "POST", "PUT", "DELETE", "HEAD"],
                allow_headers=["Authorization", "Content-Type", "Accept"],
                expose_headers=[
                    "X-KG-Truncated",
                    "X-KG-Max-Rows",
                    "X-KG-Page-Size",
                    "Link",
                    "ETag",
                ],
                max_age=600,
            )
        )
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.backend = backend
    return app
