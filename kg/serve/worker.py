"""The query worker: a process that opens the store read-only and answers jobs from a pipe.

pyoxigraph cannot stop a running query, so each query runs in a worker process that the
pool (:mod:`kg.serve.pool`) kills when the query exceeds its time. Jobs and replies are
small picklable dataclasses; results are serialised here, so only bytes cross the pipe.
"""

from __future__ import annotations

import resource
import signal
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection
from pathlib import Path

from kg.errors import KgError, QueryError
from kg.rdf.formats import RdfFormat, ResultFormat
from kg.rdf.jsonld import compact_bytes
from kg.rdf.results import serialize_ask, serialize_select
from kg.serve import nodequeries as q
from kg.serve.pagedata import Gathered, Queries, counts, gather, rdf_totals
from kg.serve.paging import ListName, Want
from kg.store.base import SelectResult, Term
from kg.store.embedded import EmbeddedStore

__all__ = [
    "Job",
    "JobError",
    "PageJob",
    "QueryJob",
    "RdfPageJob",
    "Reply",
    "SelectsJob",
    "handle",
    "limit_memory",
    "main",
    "memory_message",
]

_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


@dataclass(frozen=True)
class QueryJob:
    """Run one query and serialise its answer.

    ``result_format`` is used for SELECT/ASK and ``rdf_format`` for CONSTRUCT/DESCRIBE;
    None means the client accepts no format for that kind of answer (HTTP 406). With
    ``solutions`` a SELECT or ASK answer comes back unserialised, as the one
    :class:`SelectResult` of :attr:`Reply.results` (ASK: one row, ``_askResult``), for
    a page that renders it. With ``jsonld_context`` (prefix → namespace) a JSON-LD answer
    is compacted with it (:mod:`kg.rdf.jsonld`) instead of expanded.
    """

    query: str
    bindings: dict[str, Term] = field(default_factory=dict)
    default_graphs: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None
    result_format: ResultFormat | None = ResultFormat.JSON
    rdf_format: RdfFormat | None = RdfFormat.TURTLE
    max_rows: int | None = None
    prefixes: dict[str, str] | None = None
    base_iri: str | None = None
    solutions: bool = False
    jsonld_context: dict[str, str] | None = None


@dataclass(frozen=True)
class SelectsJob:
    """Run several SELECT queries (on the union default graph) and return their solutions."""

    queries: tuple[tuple[str, dict[str, Term]], ...]
    max_rows: int | None = None


@dataclass(frozen=True)
class PageJob:
    """Gather what the page of ``node`` shows (:func:`kg.serve.pagedata.gather`): its
    queries' three rounds in one job."""

    node: Term
    want: Want
    max_rows: int | None = None


@dataclass(frozen=True)
class RdfPageJob:
    """The statements of ``node`` as RDF, at most a page of each property's values (or
    the page of the list ``want`` names): its counts, then a CONSTRUCT, in one job.
    ``jsonld_context`` compacts a JSON-LD answer, as for :class:`QueryJob`."""

    node: Term
    want: Want
    rdf_format: RdfFormat
    prefixes: dict[str, str] | None = None
    jsonld_context: dict[str, str] | None = None


@dataclass(frozen=True)
class Reply:
    """A successful answer: serialised bytes, the solutions of a :class:`SelectsJob`, or
    what a page shows (a :class:`PageJob`; None when the store knows nothing of its node).
    ``totals`` (of an :class:`RdfPageJob`): the properties of the answer with their totals,
    None when the store knows nothing of the node."""

    media_type: str = ""
    body: bytes = b""
    truncated: bool = False
    results: tuple[SelectResult, ...] = ()
    page: Gathered | None = None
    totals: dict[str, int] | None = None


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
        base_iri=job.base_iri,
    )
    if answer.rdf is not None:
        if job.rdf_format is None:
            return JobError(
                406,
                "a CONSTRUCT or DESCRIBE answer is RDF: accept text/turtle, "
                "application/n-triples, application/ld+json or application/rdf+xml",
            )
        body = answer.rdf
        if job.rdf_format is RdfFormat.JSONLD and job.jsonld_context is not None:
            body = compact_bytes(body, job.jsonld_context)
        return Reply(job.rdf_format.media_type, body, answer.truncated)
    if job.solutions:
        select = answer.select
        if select is None:
            word = "true" if answer.boolean else "false"
            select = SelectResult(
                ["_askResult"], [{"_askResult": Term.literal(word, datatype=_BOOLEAN)}]
            )
        return Reply(results=(select,), truncated=answer.truncated)
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


def _selects(
    store: EmbeddedStore, queries: Queries, max_rows: int | None
) -> dict[str, SelectResult]:
    """The solutions of SELECT queries by name."""
    found = {}
    for name, (text, bindings) in queries.items():
        answer = store.answer(text, bindings=bindings, max_rows=max_rows)
        found[name] = answer.select or SelectResult([])
    return found


def _rdf_page(store: EmbeddedStore, job: RdfPageJob) -> Reply | JobError:
    node, want = job.node, job.want
    found = _selects(
        store, {"out": (q.OUT_COUNTS, {"s": node}), "in": (q.IN_COUNTS, {"o": node})}, None
    )
    totals = rdf_totals(counts(found["out"]), counts(found["in"]), want)
    if totals is None:
        return Reply()
    query = q.construct(
        node,
        {Term.iri(p): n for p, n in totals.items()},
        offset=want.offset,
        size=want.size,
        incoming=want.name is ListName.REFERENCES,
    )
    reply = _query(
        store,
        QueryJob(
            query,
            result_format=None,
            rdf_format=job.rdf_format,
            prefixes=job.prefixes,
            jsonld_context=job.jsonld_context,
        ),
    )
    return replace(reply, totals=totals) if isinstance(reply, Reply) else reply


Job = QueryJob | SelectsJob | PageJob | RdfPageJob
"""Every kind of job a worker runs."""


def handle(store: EmbeddedStore, job: Job) -> Reply | JobError:
    """Run one job; errors become :class:`JobError` values, never exceptions."""
    try:
        if isinstance(job, QueryJob):
            return _query(store, job)
        if isinstance(job, RdfPageJob):
            return _rdf_page(store, job)
        if isinstance(job, PageJob):
            size = job.max_rows

            def run(queries: Queries) -> dict[str, SelectResult]:
                return _selects(store, queries, size)

            return Reply(page=gather(run, job.node, job.want))
        named = {str(n): query for n, query in enumerate(job.queries)}
        results = _selects(store, named, job.max_rows)
        return Reply(results=tuple(results[str(n)] for n in range(len(job.queries))))
    except QueryError as exc:
        return JobError(400, str(exc))
    except KgError as exc:
        return JobError(500, str(exc))
    except MemoryError:
        return JobError(503, memory_message())
    except Exception as exc:  # a worker answers every job and stays alive
        return JobError(500, f"the query failed: {type(exc).__name__}: {exc}")


def memory_message() -> str:
    """The client's message for a job stopped at the process's memory limit."""
    return (
        "the query was stopped: it needed more memory than this server allows; narrow it "
        "down (LIMIT, fewer joins) or ask the operator to raise kg serve --max-query-memory"
    )


def limit_memory(memory_mb: int) -> None:
    """Cap this process's heap at ``memory_mb`` MB (RLIMIT_DATA: mapped store files are
    not counted). Past it an allocation fails and the process aborts, which the server
    reports to the client; the store itself is never damaged by a reader's death."""
    size = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (size, size))


def main(conn: Connection, path: str, memory_mb: int) -> None:
    """The worker loop: receive ``(store path, generation, job)``, reply, until ``None``.

    A new path or generation (a checkpoint after an update, a rebuilt dataset) makes the
    worker reopen the store before it runs the job.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts workers down itself
    limit_memory(memory_mb)
    try:
        current, store = (path, 0), EmbeddedStore(Path(path), read_only=True)
    except KgError as exc:  # e.g. a checkpoint removed while this worker started
        conn.send(str(exc))  # not "ready": the pool says it could not start (no traceback)
        return
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except EOFError:
            return
        if message is None:
            return
        target, generation, job = message
        if (target, generation) != current:
            store.close()
            current, store = (target, generation), EmbeddedStore(Path(target), read_only=True)
        conn.send(handle(store, job))
