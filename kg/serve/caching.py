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

The server keeps recent answers itself (:class:`AnswerCache`, ``kg serve
--answer-cache-mb``), under the same tag: a ``GET`` (but a SPARQL query, which may ask
for ``NOW()`` or ``RAND()``) asked again on the same dataset is
answered from memory without a query or a rendering, so the pages everyone asks for (a
hub named in thousands of articles) cost their queries once per dataset version. The
tag changes with the dataset, so a kept answer is never served for another version.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from kg.serve.backend import Backend

__all__ = ["CACHE_CONTROL", "AnswerCache", "ConditionalGet", "entity_tag"]

CACHE_CONTROL = "no-cache"
_VARY_ON = ("accept", "accept-language", "host")
_LARGEST = 1 << 20
"""Largest answer :class:`AnswerCache` keeps, in bytes (dumps and long results are not)."""

RawHeaders = list[tuple[bytes, bytes]]


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


class AnswerCache:
    """The latest answers (headers and body) by key, at most ``max_bytes`` of bodies in
    all, each at most ``largest`` bytes; the least recently used go first.

    >>> cache = AnswerCache(max_bytes=10)
    >>> cache.put("a", [], b"12345"); cache.put("b", [], b"123456")
    >>> cache.get("a") is None, cache.get("b")
    (True, ([], b'123456'))
    """

    def __init__(self, max_bytes: int, *, largest: int = _LARGEST) -> None:
        self.max_bytes = max_bytes
        self.largest = min(largest, max_bytes)
        self.size = 0
        self._answers: OrderedDict[str, tuple[RawHeaders, bytes]] = OrderedDict()

    def get(self, key: str) -> tuple[RawHeaders, bytes] | None:
        """The answer kept under ``key``, if any."""
        found = self._answers.get(key)
        if found is not None:
            self._answers.move_to_end(key)
        return found

    def put(self, key: str, headers: RawHeaders, body: bytes) -> None:
        """Keep an answer (unless it is larger than ``largest``)."""
        if len(body) > self.largest or key in self._answers:
            return
        self._answers[key] = (headers, body)
        self.size += len(body)
        while self.size > self.max_bytes:
            _, (_, dropped) = self._answers.popitem(last=False)
            self.size -= len(dropped)


class ConditionalGet:
    """ETags and ``304 Not Modified`` for the reads of :func:`kg.serve.app.create_app`, and
    answers to a ``GET`` from the server's :class:`AnswerCache` when it has them."""

    def __init__(self, app: ASGIApp, backend: Backend) -> None:
        self.app = app
        self.backend = backend
        megabytes = backend.settings.answer_cache_mb
        self.cache = AnswerCache(megabytes << 20) if megabytes else None

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

        # Client queries may ask for NOW(), RAND() or fresh blank nodes: never kept.
        keep = scope["method"] == "GET" and scope.get("path") != "/sparql"
        cache = self.cache if keep else None
        # CORS headers (inside this middleware) depend on the Origin: part of the key.
        key = f"{tag}\x1f{Headers(scope=scope).get('origin', '')}"
        kept = cache.get(key) if cache is not None else None
        if kept is not None:
            await send({"type": "http.response.start", "status": 200, "headers": kept[0]})
            await send({"type": "http.response.body", "body": kept[1]})
            return
        answer: tuple[RawHeaders, list[bytes]] | None = None

        async def send_with_tag(message: Message) -> None:
            nonlocal answer
            if message["type"] == "http.response.start" and message["status"] == 200:
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                if b"etag" not in present:
                    headers.append((b"etag", tag.encode()))
                if b"cache-control" not in present:
                    headers.append((b"cache-control", CACHE_CONTROL.encode()))
                message["headers"] = headers
                answer = (headers, [])
            elif message["type"] == "http.response.body" and answer is not None and cache:
                answer[1].append(message.get("body", b""))
                if sum(map(len, answer[1])) > cache.largest:
                    answer = None
                elif not message.get("more_body", False):
                    cache.put(key, answer[0], b"".join(answer[1]))
            await send(message)

        await self.app(scope, receive, send_with_tag)
