"""What the endpoints run on: the worker pool for reads and, with a token, the writable store.

Read-only server: the workers open ``DATASET/store`` read-only; nothing else opens it,
except the server once at start, to refuse a store written by an older kg (no default
graph; :class:`~kg.errors.OutdatedStoreError`). A writable server opens such a store
read-write once at start, which computes its default graph (one transaction, under no
time limit: about 50 s at a million triples), before it starts the writer.

With an update token: the writer process (:mod:`kg.serve.writer`) opens ``DATASET/store``
read-write and the workers read a checkpoint of it (a RocksDB checkpoint: hard links, a few
milliseconds), because opening a store read-only while another process writes it is
undefined behaviour. After every write the writer takes a new checkpoint and later queries
read it; older ones are removed. Writes run one at a time, under the same timeout as
queries.

A rebuild (``kg build --out DATASET`` while the server runs) swaps in a new directory. The
server notices it before the next request and switches every worker at once: no job starts
on the old store after that. A writable server records in ``DATASET/.serve-updates.json``
how many writes it applied; ``kg build`` refuses to replace a dataset that a running
server changed unless told ``--discard-server-updates``, so those writes are never lost
without a word.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import shutil
from pathlib import Path

from kg.build.dataset import SERVER_UPDATES
from kg.errors import StoreError, UsageError
from kg.rdf.namespaces import DEFAULT_BASE
from kg.serve.pagedata import Gathered
from kg.serve.paging import Want
from kg.serve.pool import WorkerPool
from kg.serve.settings import Settings
from kg.serve.worker import JobError, PageJob, QueryJob, RdfPageJob, Reply, SelectsJob
from kg.serve.writer import Checkpoint, WriteJob, Writer, WriteTimeout, Written
from kg.store.base import SelectResult, Term
from kg.store.embedded import EmbeddedStore

__all__ = ["Backend"]

_KEEP = 3
_log = logging.getLogger("kg.serve")


def _identity(dataset: Path) -> tuple[int, int] | None:
    """What changes when a build swaps a new directory in (None while it is missing)."""
    try:
        stat = (dataset / "manifest.json").stat()
    except OSError:
        return None
    return (os.stat(dataset).st_ino, stat.st_mtime_ns)


class Backend:
    """The store behind one server (see the module docstring)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.dataset = settings.dataset
        store = self.dataset / "store"
        if not store.is_dir():
            raise UsageError(
                f"no dataset store in {store}: run 'kg build FACTS --out {self.dataset}' first"
            )
        manifest = self.dataset / "manifest.json"
        recorded = json.loads(manifest.read_text())["base"] if manifest.is_file() else None
        self.base: str = settings.base or recorded or DEFAULT_BASE
        self.writable = settings.token is not None
        # A store of an older kg: a clear error, or (writable) its default graph computed.
        EmbeddedStore(store, read_only=not self.writable).close()
        self._writer: Writer | None = None
        self._checkpoints = self.dataset / ".serve-checkpoints"
        self._generation = 0
        self._lock = asyncio.Lock()
        self._identity = _identity(self.dataset)
        self._writes = 0
        self.pool = WorkerPool(
            str(store),
            size=settings.workers,
            timeout=settings.timeout,
            memory_mb=settings.max_query_memory,
            extra=settings.extra_workers,
            preempt_after=settings.preempt_after,
            refuse_for=settings.refuse_repeats_for,
        )

    @property
    def version(self) -> str:
        """What an answer's ETag hangs on: the dataset directory a build swapped in and the
        number of writes the server applied to it since."""
        return f"{self._identity}:{self._writes}"

    async def start(self) -> None:
        """Start the writer (with a token) and the workers."""
        if self.writable:
            await self._open_writable()
        await self.pool.start()

    async def _open_writable(self) -> None:
        shutil.rmtree(self._checkpoints, ignore_errors=True)
        self._checkpoints.mkdir()
        self._writer = Writer(
            str(self.dataset / "store"),
            timeout=self.settings.timeout,
            memory_mb=self.settings.max_query_memory,
        )
        await asyncio.to_thread(self._writer.start)
        first = await self._writer.write(Checkpoint(), self._next_checkpoint())
        if isinstance(first, JobError):
            raise StoreError(f"cannot publish the store in {self.dataset}: {first.message}")
        self.pool.use(first.checkpoint)
        self._writes = 0
        self._record_writes()

    def _record_writes(self) -> None:
        record = {"pid": os.getpid(), "writes": self._writes}
        path = self.dataset / SERVER_UPDATES
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(json.dumps(record))
        tmp.replace(path)

    async def close(self) -> None:
        """Stop the workers and the writer, remove the checkpoints."""
        await self.pool.close()
        if self._writer is not None:
            await asyncio.to_thread(self._writer.stop)
            self._writer = None
            shutil.rmtree(self._checkpoints, ignore_errors=True)
            (self.dataset / SERVER_UPDATES).unlink(missing_ok=True)

    async def follow_rebuild(self) -> None:
        """Switch to a dataset that a build swapped in since the last request, if any."""
        current = _identity(self.dataset)
        if current is None or current == self._identity:
            return
        async with self._lock:
            if _identity(self.dataset) == self._identity:
                return
            self._identity = _identity(self.dataset)
            if self._writer is None:
                self.pool.reload(str(self.dataset / "store"))
                _log.warning("kg serve: %s was rebuilt; now serving the new dataset", self.dataset)
                return
            # Killed, never closed: closing flushes files by path, and the path now names
            # the new store. Its writes were published (flushed) when they were made.
            await asyncio.to_thread(self._writer.kill)
            lost = self._writes
            self.pool.reload(self.pool.path)  # fresh workers; the new checkpoint follows
            await self._open_writable()
            _log.warning(
                "kg serve: %s was rebuilt; now serving the new dataset (%d write(s) made "
                "through this server before the rebuild are not in it)",
                self.dataset,
                lost,
            )

    def _next_checkpoint(self) -> str:
        self._generation += 1
        for old in self._checkpoints.iterdir():
            if old.name.isdigit() and int(old.name) <= self._generation - _KEEP:
                shutil.rmtree(old, ignore_errors=True)
        return str(self._checkpoints / str(self._generation))

    async def query(self, job: QueryJob | RdfPageJob, *, client: bool = False) -> Reply | JobError:
        """Run a query job on a worker (raises QueryTimeout); ``client``: a client's own
        SPARQL, which gives way to waiting requests when it runs long."""
        await self.follow_rebuild()
        return await self.pool.run(job, client=client)

    async def selects(self, *queries: tuple[str, dict[str, Term]]) -> list[SelectResult]:
        """Run several SELECT queries on one worker; the solutions of each."""
        await self.follow_rebuild()
        reply = await self.pool.run(SelectsJob(tuple(queries), self.settings.max_rows))
        if isinstance(reply, JobError):
            raise RuntimeError(reply.message)
        return list(reply.results)

    async def page(self, node: Term, want: Want) -> Gathered | None:
        """What the page of ``node`` shows (one job on one worker); None when the store
        knows nothing of it."""
        await self.follow_rebuild()
        reply = await self.pool.run(PageJob(node, want, self.settings.max_rows))
        if isinstance(reply, JobError):
            raise RuntimeError(reply.message)
        return reply.page

    async def write(self, job: WriteJob) -> Written | JobError:
        """Apply ``job`` in the writer (one at a time), then answer from its checkpoint.

        A write that overruns the timeout is abandoned and answered 503; nothing changes.

        Raises:
            UsageError: the server is read-only.
        """
        if self._writer is None:
            raise UsageError("this server is read-only")
        await self.follow_rebuild()
        async with self._lock:
            try:
                reply = await self._writer.write(job, self._next_checkpoint())
            except WriteTimeout as exc:
                return JobError(503, str(exc))
            if isinstance(reply, Written):
                self.pool.use(reply.checkpoint)
                self._writes += 1
                await asyncio.to_thread(self._record_writes)
        return reply
