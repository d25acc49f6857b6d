"""A pool of query worker processes with a deadline per job.

A job that exceeds the timeout is abandoned: its worker process is killed and a fresh one
started in the background, so the runaway query stops using CPU and the other workers keep
answering meanwhile. Killing is the only way to stop pyoxigraph mid-query; a thread could
not be stopped and would keep a core busy.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from kg.errors import StoreError
from kg.serve import worker
from kg.serve.worker import JobError, QueryJob, Reply, SelectsJob

__all__ = ["QueryTimeout", "WorkerPool", "spawn"]

_START_TIMEOUT = 60.0


class QueryTimeout(StoreError):
    """A query ran longer than the configured timeout and was stopped."""


def spawn(
    target: Callable[[Connection, str, int], None], path: str, name: str, memory_mb: int
) -> tuple[BaseProcess, Connection]:
    """Start ``target(conn, path, memory_mb)`` in a fresh process; wait until it is ready.

    Raises:
        StoreError: it did not open the store at ``path`` in time.
    """
    context = multiprocessing.get_context("spawn")
    conn, child = context.Pipe()
    process = context.Process(target=target, args=(child, path, memory_mb), daemon=True, name=name)
    process.start()
    child.close()
    if not conn.poll(_START_TIMEOUT) or conn.recv() != "ready":
        process.kill()
        process.join(5)
        conn.close()
        raise StoreError(f"the {name} process could not open the store in {path}")
    return process, conn


def died_of_memory(process: BaseProcess, memory_mb: int) -> str | None:
    """The client's message when ``process`` ended by passing its memory limit, else None.

    A Rust allocation that fails aborts the process (SIGABRT); that is how pyoxigraph
    stops at the limit that :func:`kg.serve.worker.limit_memory` set.
    """
    process.join(5)
    if process.exitcode != -signal.SIGABRT:
        return None
    return (
        f"the query was stopped: it needed more than this server's limit of {memory_mb} MB "
        "of memory; narrow it down (LIMIT, fewer joins, no cartesian products) or ask the "
        "operator to raise kg serve --max-query-memory"
    )


class _Worker:
    def __init__(self, path: str, memory_mb: int, epoch: int = 0, *, extra: bool = False) -> None:
        self.process, self.conn = spawn(worker.main, path, "kg-query-worker", memory_mb)
        self.epoch = epoch
        self.extra = extra  # started for one job while every worker was busy

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    """``size`` worker processes answering jobs on the store at ``path``.

    Slow queries cannot hold the others back for long: ``extra`` spare workers, started
    with the others, take only jobs that found no regular worker free within ``patience``
    seconds. So while slow queries hold every regular worker, a job waits about
    ``patience``, not for them; memory stays bounded by ``size + extra`` workers of
    ``memory_mb`` each.

    Args:
        path: the store directory (opened read-only by every worker).
        size: the number of workers, i.e. of queries running at once.
        timeout: seconds a job may take, waiting for a free worker included.
        memory_mb: the memory a worker may use; a query that needs more is stopped.
        extra: the most extra workers running at once (0: a job waits for a free worker).
        patience: seconds a job waits for a free worker before an extra one is started.
    """

    def __init__(
        self,
        path: str,
        *,
        size: int,
        timeout: float,
        memory_mb: int,
        extra: int = 0,
        patience: float = 0.3,
    ) -> None:
        self.path = path
        self.size = size
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.extra = extra
        self.patience = patience
        self._spare: asyncio.Queue[_Worker] = asyncio.Queue()
        self.generation = 0
        self.epoch = 0
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Start the workers (in parallel, off the event loop)."""
        workers = await asyncio.gather(
            *(asyncio.to_thread(_Worker, self.path, self.memory_mb) for _ in range(self.size)),
            *(
                asyncio.to_thread(_Worker, self.path, self.memory_mb, extra=True)
                for _ in range(self.extra)
            ),
        )
        for w in workers:
            self._all.add(w)
            (self._spare if w.extra else self._idle).put_nowait(w)

    def use(self, path: str) -> None:
        """Answer later jobs from the store at ``path``, reopened by every worker.

        Used for a new checkpoint after an update and for a rebuilt dataset (the same path,
        new files): a job never runs on the store that an earlier ``use`` replaced.
        """
        self.path = path
        self.generation += 1

    def reload(self, path: str) -> None:
        """Answer later jobs from fresh workers on the store at ``path``.

        For a dataset rebuilt in place: RocksDB caches table files by name within a
        process, so a store replaced under the same path is only safe to open in a new one.
        Each worker is replaced before it runs its next job.
        """
        self.use(path)
        self.epoch += 1

    async def run(self, job: QueryJob | SelectsJob) -> Reply | JobError:
        """Run ``job`` on a free worker.

        Raises:
            QueryTimeout: the job took longer than the timeout (its worker was replaced).
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        w = await self._free_worker(deadline)
        if w.epoch != self.epoch:
            self._all.discard(w)
            await asyncio.to_thread(w.kill)
            w = await asyncio.to_thread(
                _Worker, self.path, self.memory_mb, self.epoch, extra=w.extra
            )
            self._all.add(w)
        try:
            w.conn.send((self.path, self.generation, job))
            ready = loop.create_future()

            def wake() -> None:
                if not ready.done():
                    ready.set_result(None)

            loop.add_reader(w.conn.fileno(), wake)
            try:
                await asyncio.wait_for(ready, max(0.0, deadline - loop.time()))
            except TimeoutError:
                loop.remove_reader(w.conn.fileno())
                self._replace(w)
                raise QueryTimeout(self._message("running the query")) from None
            loop.remove_reader(w.conn.fileno())
            reply: Reply | JobError = await asyncio.to_thread(w.conn.recv)
        except (EOFError, OSError):
            self._replace(w)
            memory = died_of_memory(w.process, self.memory_mb)
            if memory is not None:
                return JobError(503, memory)
            return JobError(500, "the query worker died while answering; please report it")
        self._release(w)
        return reply

    async def _free_worker(self, deadline: float) -> _Worker:
        """A free worker; after ``patience`` seconds a spare one too, whichever comes first.

        Raises:
            QueryTimeout: none came free before ``deadline``.
        """
        loop = asyncio.get_running_loop()
        with contextlib.suppress(TimeoutError):
            return await asyncio.wait_for(
                self._idle.get(), max(0.0, min(self.patience, deadline - loop.time()))
            )
        gets = {asyncio.ensure_future(self._idle.get()), asyncio.ensure_future(self._spare.get())}
        _, pending = await asyncio.wait(
            gets, timeout=max(0.0, deadline - loop.time()), return_when=asyncio.FIRST_COMPLETED
        )
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        taken = [t.result() for t in gets if t.done() and not t.cancelled()]
        if not taken:
            raise QueryTimeout(self._message("waiting for a free query worker"))
        for w in taken[1:]:  # both came free at once: give one back
            self._release(w)
        return taken[0]

    def _release(self, w: _Worker) -> None:
        """Give ``w`` back after a job, to the spares if it is one."""
        (self._spare if w.extra else self._idle).put_nowait(w)

    def _message(self, doing: str) -> str:
        return (
            f"the query was stopped after {self.timeout:g} s ({doing}): it takes longer than "
            "this server's query timeout; narrow it down (LIMIT, more specific patterns) "
            "or ask the operator to raise kg serve --timeout"
        )

    def _replace(self, w: _Worker) -> None:
        """Kill ``w`` now; start its successor in the background (an extra worker has
        none)."""
        self._all.discard(w)
        w.kill()

        async def respawn() -> None:
            fresh = await asyncio.to_thread(
                _Worker, self.path, self.memory_mb, self.epoch, extra=w.extra
            )
            self._all.add(fresh)
            self._release(fresh)

        task = asyncio.get_running_loop().create_task(respawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        """Stop every worker."""
        for w in list(self._all):
            with contextlib.suppress(OSError):
                w.conn.send(None)
        for w in list(self._all):
            await asyncio.to_thread(w.process.join, 2)
            w.kill()
        self._all.clear()
