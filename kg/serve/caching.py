"""HTTP caching: every read answer carries an ETag tied to the dataset, and a client that
already has it gets ``304 Not Modified`` without the server running a query.

An answer of ``kg serve`` is a function of the dataset and of the request: its path and
query string, the media types and languages it accepts and the host it was sent to. The
dataset's version changes when a build swaps a new directory in and after every write the
server applies (:attr:`kg.serve.backend.Backend.version`). So the tag is a hash of those,
known before the answer is computed: a conditional ``GET`` or ``HEAD`` whose
``If-None-Match`` holds it is answered at once. Answers are marked ``Cache-Control:
no-cache`` (a cache may keep them, but must ask again each time) since the dataset can
change under a writable server. Writes, SPARQL requests sent by ``POST``, the page's static
files (which have their own validators) and answers other than 200 are left alone.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.serve.backend import Backend

__all__ = ["CACHE_CONTROL", "ConditionalGet", "entity_tag"]

CACHE_CONTROL = "no-cache"
_VARY_ON = ("accept", "accept-language", "host")


def entity_tag(version: str, scope: Scope) -> str:
    """The weak ETag of the answer to a read request on a dataset ``version``."""
    headers = Headers(scope=scope)
    parts = [
        version,
        scope.get("path", ""),
        scope.get("query_string", b"").decode("latin-1"),
        *(headers.get(name, "") for name in _VARY_ON),
    ]
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def _matches(if_none_match: str, tag: str) -> bool:
    """``If-None-Match`` holds ``tag`` (weak comparison) or is ``*``."""
    wanted = tag.removeprefix("W/")
    for item in if_none_match.split(","):
        item = item.strip()
        if item == "*" or item.removeprefix("W/") == wanted:
            return True
    return False


class ConditionalGet:
    """ETags and ``304 Not Modified`` for the reads of :func:`kg.serve.app.create_app`."""

    def __init__(self, app: ASGIApp, backend: Backend) -> None:
        self.app = app
        self.backend = backend

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] not in ("GET", "HEAD")
            or scope.get("path", "").startswith("/static/")
        ):
            await self.app(scope, receive, send)
            return
        await self.backend.follow_rebuild()
        tag = entity_tag(self.backend.version, scope)
        asked = Headers(scope=scope).get("if-none-match")
        if asked is not None and _matches(asked, tag):
            headers = [
                (b"etag", tag.encode()),
                (b"cache-control", CACHE_CONTROL.encode()),
                (b"vary", b"Accept, Accept-Language"),
            ]
            await send({"type": "http.response.start", "status": 304, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return

        async def send_with_tag(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                if b"etag" not in present:
                    headers.append((b"etag", tag.encode()))
                if b"cache-control" not in present:
                    headers.append((b"cache-control", CACHE_CONTROL.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_tag)
