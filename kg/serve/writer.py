"""The writer: the one process that opens the store read-write, for updates and Graph Store
writes, and that the server kills when a write overruns the timeout.

pyoxigraph can no more stop a running update than a running query, and an update whose
WHERE clause explodes would hold the server's write lock and grow its memory for ever.
Each write runs in one pyoxigraph transaction, which also keeps the default graph (the merge
of the named graphs) true, so killing the writer mid-write loses that write and nothing
else: the store reopens as it was before it (RocksDB never applies an uncommitted
transaction). An update that would write the default graph is refused (400).

After each write the writer publishes a checkpoint of the store (hard links, milliseconds)
where the query workers read from then on.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from kg.errors import KgError, QueryError, StoreError
from kg.rdf.formats import RdfFormat
from kg.serve.pool import died_of_memory, spawn
from kg.serve.worker import JobError, limit_memory
from kg.store.embedded import EmbeddedStore

__all__ = [
    "Checkpoint",
    "DeleteGraph",
    "PutGraph",
    "Update",
    "WriteTimeout",
    "Writer",
    "Written",
]


@dataclass(frozen=True)
class Update:
    """A SPARQL Update; relative IRIs in it resolve against ``base_iri``; its WHERE clauses
    read ``using_graphs`` and ``using_named_graphs`` when given (the protocol's
    ``using-graph-uri`` and ``using-named-graph-uri``)."""

    text: str
    base_iri: str | None = None
    using_graphs: tuple[str, ...] = ()
    using_named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class PutGraph:
    """Replace (``replace``) or add to a named graph with the triples of ``parts``, each
    ``(text, format)`` (several from a ``multipart/form-data`` POST)."""

    graph: str
    parts: tuple[tuple[str, RdfFormat], ...]
    replace: bool


@dataclass(frozen=True)
class DeleteGraph:
    """Delete a named graph."""

    graph: str


@dataclass(frozen=True)
class Checkpoint:
    """Change nothing; only publish a checkpoint (the first one, for the query workers)."""


WriteJob = Update | PutGraph | DeleteGraph | Checkpoint


@dataclass(frozen=True)
class Written:
    """A write that was applied: whether its graph existed before, and the new checkpoint."""

    existed: bool
    checkpoint: str


class WriteTimeout(StoreError):
    """A write ran longer than the timeout; it was abandoned and nothing was changed."""


def _apply(store: EmbeddedStore, job: WriteJob) -> bool:
    if isinstance(job, Checkpoint):
        return True
    if isinstance(job, Update):
        store.update(
            job.text,
            base_iri=job.base_iri,
            using_graphs=job.using_graphs,
            using_named_graphs=job.using_named_graphs,
        )
        return True
    existed = job.graph in store.graph_names()
    if isinstance(job, DeleteGraph):
        store.delete_graph(job.graph)
        return existed
    if len(job.parts) == 1:
        text, fmt = job.parts[0]
    else:
        text, fmt = store.ntriples(job.graph, job.parts), RdfFormat.NTRIPLES
    if job.replace:
        store.replace_graph(job.graph, text, fmt=fmt)
    else:
        store.add_to_graph(job.graph, text, fmt=fmt)
    return existed


def main(conn: Connection, path: str, memory_mb: int) -> None:
    """The writer loop: receive ``(job, checkpoint path)``, write, publish, reply."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server shuts the writer down itself
    limit_memory(memory_mb)
    store = EmbeddedStore(Path(path))
    conn.send("ready")
    while True:
        try:
            message = conn.recv()
        except EOFError:
            break
        if message is None:
            break
        job, checkpoint = message
        reply: Written | JobError
        try:
            existed = _apply(store, job)
            store.native.backup(checkpoint)
            reply = Written(existed, checkpoint)
        except QueryError as exc:
            reply = JobError(400, str(exc))
        except StoreError as exc:
            reply = JobError(400 if isinstance(job, PutGraph) else 500, str(exc))
        except KgError as exc:
            reply = JobError(500, str(exc))
        except Exception as exc:  # the writer stays alive
            reply = JobError(500, f"the write failed: {type(exc).__name__}: {exc}")
        conn.send(reply)
    store.close()


class Writer:
    """The writer process of one server, restarted when a write overruns ``timeout``."""

    def __init__(self, path: str, *, timeout: float, memory_mb: int) -> None:
        self.path = path
        self.timeout = timeout
        self.memory_mb = memory_mb
        self._conn: Connection | None = None
        self._process: BaseProcess | None = None

    def start(self) -> None:
        """Start the writer and wait until it has opened the store (blocking)."""
        self._process, self._conn = spawn(main, self.path, "kg-writer", self.memory_mb)

    def kill(self) -> None:
        """Stop the writer at once (an unfinished write is lost, never half applied)."""
        if self._process is not None:
            self._process.kill()
            self._process.join(10)
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def stop(self) -> None:
        """Ask the writer to close the store and end; kill it if it does not."""
        if self._conn is not None and self._process is not None:
            with contextlib.suppress(OSError):
                self._conn.send(None)
            self._process.join(10)
        self.kill()

    async def write(self, job: WriteJob, checkpoint: str) -> Written | JobError:
        """Apply ``job`` and publish ``checkpoint``; one call at a time.

        Raises:
            WriteTimeout: the write took longer than the timeout; the writer was restarted.
        """
        if self._conn is None:
            await asyncio.to_thread(self.start)
        conn = self._conn
        assert conn is not None
        loop = asyncio.get_running_loop()
        ready = loop.create_future()

        def wake() -> None:
            if not ready.done():
                ready.set_result(None)

        try:
            conn.send((job, checkpoint))
            fd = conn.fileno()
            loop.add_reader(fd, wake)
            try:
                await asyncio.wait_for(ready, self.timeout)
            except TimeoutError:
                loop.remove_reader(fd)
                await asyncio.to_thread(self._restart)
                raise WriteTimeout(
                    f"the update was stopped after {self.timeout:g} s and nothing was changed: "
                    "it takes longer than this server's timeout; narrow it down or ask the "
                    "operator to raise kg serve --timeout"
                ) from None
            loop.remove_reader(fd)
            reply: Written | JobError = await asyncio.to_thread(conn.recv)
        except (EOFError, OSError):
            process = self._process
            memory = None
            if process is not None:
                memory = await asyncio.to_thread(died_of_memory, process, self.memory_mb)
            await asyncio.to_thread(self._restart)
            if memory is not None:
                return JobError(503, memory.replace("query", "update", 1))
            return JobError(500, "the writer died while writing; nothing was changed")
        return reply

    def _restart(self) -> None:
        self.kill()
        self.start()
