"""The query worker: a process that opens the store read-only and answers jobs from a pipe.

pyoxigraph cannot stop a running query, so each query runs in a worker process that the
pool (:mod:`kg.serve.pool`) kills when the query exceeds its time. Jobs and replies are
small picklable dataclasses; results are serialised here, so only bytes cross the pipe.
"""

from __future__ import annotations

import signal
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.formats import RdfFormat
from kg.serve.results import ResultFormat, serialize_ask, serialize_select
from kg.store.base import SelectResult, Term
from kg.store.embedded import EmbeddedStore

__all__ = ["JobError", "QueryJob", "Reply", "SelectsJob", "handle", "main"]


@dataclass(frozen=True)
class QueryJob:
    """Run one query and serialise its answer.

    ``result_format`` is used for SELECT/ASK and ``rdf_format`` for CONSTRUCT/DESCRIBE;
    None means the client accepts no format for that kind of answer (HTTP 406).
    """

    query: str
    bindings: dict[str, Term] = field(default_factory=dict)
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    result_format: ResultFormat | None = ResultFormat.JSON
    rdf_format: RdfFormat | None = RdfFormat.TURTLE
    max_rows: int | None = None
    prefixes: dict[str, str] | None = None


@dataclass(frozen=True)
class SelectsJob:
    """Run several SELECT queries (on the union default graph) and return their solutions."""

    queries: tuple[tuple[str, dict[str, Term]], ...]
    max_rows: int | None = None


@dataclass(frozen=True)
class Reply:
    """A successful answer: serialised bytes, or the solutions of a :class:`SelectsJob`."""

    media_type: str = ""
    body: bytes = b""
    truncated: bool = False
    results: tuple[SelectResult, ...] = ()


@dataclass(frozen=True)
class JobError:
    """A failed job with the HTTP status it deserves (400 bad query, 406, 500)."""

    status: int
    message: str


def _query(store: EmbeddedStore, job: QueryJob) -> Reply | JobError:
    rdf = job.rdf_format or RdfFormat.NTRIPLES
    answer = store.answer(
        job.query,
        bindings=job.bindings,
        default_graphs=job.default_graphs,
        named_graphs=job.named_graphs,
        max_rows=job.max_rows,
        rdf_format=rdf,
        prefixes=job.prefixes,
    )
    if answer.rdf is not None:
        if job.rdf_format is None:
            return JobError(
                406,
                "a CONSTRUCT or DESCRIBE answer is RDF: accept text/turtle, "
                "application/n-triples, application/ld+json or application/rdf+xml",
            )
        return Reply(job.rdf_format.media_type, answer.rdf, answer.truncated)
    if job.result_format is None:
        return JobError(
            406,
            "SELECT and ASK answers are SPARQL results: accept "
            "application/sparql-results+json or +xml, text/csv or text/tab-separated-values",
        )
    if answer.select is not None:
        body = serialize_select(answer.select, job.result_format, truncated=answer.truncated)
    else:
        body = serialize_ask(bool(answer.boolean), job.result_format)
    return Reply(job.result_format.media_type, body, answer.truncated)


def handle(store: EmbeddedStore, job: QueryJob | SelectsJob) -> Reply | JobError:
    """Run one job; errors become :class:`JobError` values, never exceptions."""
    try:
        if isinstance(job, QueryJob):
            return _query(store, job)
        results = []
        for text, bindings in job.queries:
            answer = store.answer(text, bindings=bindings, max_rows=job.max_rows)
            results.append(answer.select or SelectResult([]))
        return Reply(results=tuple(results))
    except QueryError as exc:
        return JobError(400, str(exc))
    except KgError as exc:
        return JobError(500, str(exc))


def main(conn: Connection, path: str) -> None:
    """The worker loop: receive ``(store path, job)``, reply, until ``None`` or EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    current, store = path, EmbeddedStore(Path(path), read_only=True)
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        target, job = message
        if target != current:  # the server published a new checkpoint after an update
            store.close()
            current, store = target, EmbeddedStore(Path(target), read_only=True)
        conn.send(handle(store, job))
