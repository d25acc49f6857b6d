"""HTTP helpers shared by the endpoints: error answers, bounded bodies, the update token."""

from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from kg.serve.settings import Settings

__all__ = ["BodyTooLarge", "check_token", "problem", "read_body"]


class BodyTooLarge(Exception):
    """The request body is larger than the configured limit."""


def problem(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """An error answer: one line of plain text saying what went wrong and what to do."""
    return PlainTextResponse(message.rstrip() + "\n", status_code=status, headers=headers)


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refusing (before reading it all) one larger than ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def too_large(limit: int) -> Response:
    """The 413 answer."""
    return problem(413, f"the request is larger than this server's limit of {limit} bytes")


def check_token(request: Request, settings: Settings) -> Response | None:
    """None when the request carries the update token; else the 401/403 answer.

    The comparison takes constant time; the token is never logged or echoed.
    """
    if settings.token is None:
        return problem(
            403,
            "this server is read-only: start kg serve with --update-token-env NAME to accept "
            "updates from clients that send the token",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        return problem(
            401,
            "updates need the server's token: send Authorization: Bearer TOKEN",
            {"WWW-Authenticate": 'Bearer realm="kg"'},
        )
    if not hmac.compare_digest(given.strip().encode(), settings.token.encode()):
        return problem(403, "wrong update token")
    return None
