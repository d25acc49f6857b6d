"""What the endpoints run on: the worker pool for reads and, with a token, the writable store.

Read-only server: the workers open ``DATASET/store`` read-only; nothing else opens it.

With an update token: this process opens ``DATASET/store`` read-write and the workers read a
checkpoint of it (a RocksDB checkpoint: hard links, a few milliseconds), because opening a
store read-only while another process writes it is undefined behaviour. After every write
a new checkpoint is taken and later queries read it; older ones are removed.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Callable
from typing import TypeVar

from kg.errors import UsageError
from kg.serve.pool import WorkerPool
from kg.serve.settings import Settings
from kg.serve.worker import JobError, QueryJob, Reply, SelectsJob
from kg.store.base import SelectResult, Term
from kg.store.embedded import EmbeddedStore

__all__ = ["Backend"]

T = TypeVar("T")
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
        self._store: EmbeddedStore | None = None
        self._checkpoints = self.dataset / ".serve-checkpoints"
        self._generation = 0
        self._lock = asyncio.Lock()
        self.pool = WorkerPool(str(store), size=settings.workers, timeout=settings.timeout)

    async def start(self) -> None:
        """Open the store (read-write with a token) and start the workers."""
        if self.writable:
            self._store = EmbeddedStore(self.dataset / "store")
            shutil.rmtree(self._checkpoints, ignore_errors=True)
            self._checkpoints.mkdir()
            self.pool.use(self._checkpoint())
        await self.pool.start()

    async def close(self) -> None:
        """Stop the workers, close the store, remove the checkpoints."""
        await self.pool.close()
        if self._store is not None:
            self._store.close()
            self._store = None
            shutil.rmtree(self._checkpoints, ignore_errors=True)

    def _checkpoint(self) -> str:
        assert self._store is not None
        self._generation += 1
        target = self._checkpoints / str(self._generation)
        self._store.native.backup(str(target))
        for old in self._checkpoints.iterdir():
            if old.name.isdigit() and int(old.name) <= self._generation - _KEEP:
                shutil.rmtree(old, ignore_errors=True)
        return str(target)

    async def query(self, job: QueryJob) -> Reply | JobError:
        """Run a query job on a worker (raises QueryTimeout)."""
        return await self.pool.run(job)

    async def selects(self, *queries: tuple[str, dict[str, Term]]) -> list[SelectResult]:
        """Run several SELECT queries on one worker; the solutions of each."""
        reply = await self.pool.run(SelectsJob(tuple(queries), self.settings.max_rows))
        if isinstance(reply, JobError):
            raise RuntimeError(reply.message)
        return list(reply.results)

    async def write(self, change: Callable[[EmbeddedStore], T]) -> T:
        """Apply ``change`` to the writable store (one at a time), then publish a checkpoint."""
        if self._store is None:
            raise UsageError("this server is read-only")
        store = self._store
        async with self._lock:
            result = await asyncio.to_thread(change, store)
            self.pool.use(await asyncio.to_thread(self._checkpoint))
        return result

    def local_path(self, iri: str) -> str | None:
        """The path on this server of an IRI under the base, else None."""
        if iri.startswith(self.base):
            return "/" + iri[len(self.base) :]
        return None
