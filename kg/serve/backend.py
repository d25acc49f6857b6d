"""What the endpoints run on: the worker pool for reads and, with a token, the writable store.

Read-only server: the workers open ``DATASET/store`` read-only; nothing else opens it.

With an update token: the writer process (:mod:`kg.serve.writer`) opens ``DATASET/store``
read-write and the workers read a checkpoint of it (a RocksDB checkpoint: hard links, a few
milliseconds), because opening a store read-only while another process writes it is
undefined behaviour. After every write the writer takes a new checkpoint and later queries
read it; older ones are removed. Writes run one at a time, under the same timeout as
queries.
"""

from __future__ import annotations

import asyncio
import json
import shutil

from kg.errors import UsageError
from kg.serve.pool import WorkerPool
from kg.serve.settings import Settings
from kg.serve.worker import JobError, QueryJob, Reply, SelectsJob
from kg.serve.writer import WriteJob, Writer, WriteTimeout, Written
from kg.store.base import SelectResult, Term
from kg.store.embedded import EmbeddedStore

__all__ = ["Backend"]

_KEEP = 3


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
        self.base: str = settings.base or recorded or "https://example.org/kg/"
        self.writable = settings.token is not None
        self._writer: Writer | None = None
        self._checkpoints = self.dataset / ".serve-checkpoints"
        self._generation = 0
        self._lock = asyncio.Lock()
        self.pool = WorkerPool(str(store), size=settings.workers, timeout=settings.timeout)

    async def start(self) -> None:
        """Start the writer (with a token) and the workers."""
        if self.writable:
            shutil.rmtree(self._checkpoints, ignore_errors=True)
            self._checkpoints.mkdir()
            first = self._next_checkpoint()
            await asyncio.to_thread(self._first_checkpoint, first)
            self.pool.use(first)
            self._writer = Writer(str(self.dataset / "store"), timeout=self.settings.timeout)
            await asyncio.to_thread(self._writer.start)
        await self.pool.start()

    async def close(self) -> None:
        """Stop the workers and the writer, remove the checkpoints."""
        await self.pool.close()
        if self._writer is not None:
            await asyncio.to_thread(self._writer.stop)
            self._writer = None
            shutil.rmtree(self._checkpoints, ignore_errors=True)

    def _next_checkpoint(self) -> str:
        self._generation += 1
        for old in self._checkpoints.iterdir():
            if old.name.isdigit() and int(old.name) <= self._generation - _KEEP:
                shutil.rmtree(old, ignore_errors=True)
        return str(self._checkpoints / str(self._generation))

    def _first_checkpoint(self, target: str) -> None:
        store = EmbeddedStore(self.dataset / "store")
        try:
            store.native.backup(target)
        finally:
            store.close()

    async def query(self, job: QueryJob) -> Reply | JobError:
        """Run a query job on a worker (raises QueryTimeout)."""
        return await self.pool.run(job)

    async def selects(self, *queries: tuple[str, dict[str, Term]]) -> list[SelectResult]:
        """Run several SELECT queries on one worker; the solutions of each."""
        reply = await self.pool.run(SelectsJob(tuple(queries), self.settings.max_rows))
        if isinstance(reply, JobError):
            raise RuntimeError(reply.message)
        return list(reply.results)

    async def write(self, job: WriteJob) -> Written | JobError:
        """Apply ``job`` in the writer (one at a time), then answer from its checkpoint.

        A write that overruns the timeout is abandoned and answered 503; nothing changes.

        Raises:
            UsageError: the server is read-only.
        """
        if self._writer is None:
            raise UsageError("this server is read-only")
        async with self._lock:
            try:
                reply = await self._writer.write(job, self._next_checkpoint())
            except WriteTimeout as exc:
                return JobError(503, str(exc))
            if isinstance(reply, Written):
                self.pool.use(reply.checkpoint)
        return reply

    def local_path(self, iri: str) -> str | None:
        """The path on this server of an IRI under the base, else None."""
        if iri.startswith(self.base):
            return "/" + iri[len(self.base) :]
        return None
