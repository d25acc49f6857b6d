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
from collections import Counter
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from kg.errors import StoreError
from kg.serve import worker
from kg.serve.schedule import CLIENT, Lane, Overuse, Repeats, Running, Waiters, query_key, victim
from kg.serve.worker import Job, JobError, QueryJob, Reply

__all__ = ["QueryTimeout", "WorkerPool", "spawn"]

_START_TIMEOUT = 60.0


class QueryTimeout(StoreError):
    """A query was stopped (timeout, or giving way to others) or refused before it ran.

    ``retry_after`` is the seconds the client should wait before sending it again.
    """

    def __init__(self, message: str, retry_after: int = 60) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class _GiveWay(Exception):
    """Raised into a running job that a waiting one stopped (:mod:`kg.serve.schedule`)."""


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
    try:
        ready = conn.poll(_START_TIMEOUT) and conn.recv() == "ready"
    except (EOFError, OSError):  # it died before it said anything
        ready = False
    if not ready:
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


STANDBY = 1
"""Worker processes kept started ahead to replace stopped ones at once. Two did worse than
one under 8 clients sending runaway queries on 2 cores: starting processes costs CPU too."""


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

    Slow queries cannot hold the others back for long (the policy is
    :mod:`kg.serve.schedule`'s): ``extra`` spare workers, started with the others, take only
    jobs that found no regular worker free within ``patience`` seconds; a job that waited
    that long may also stop a client's query that has run ``preempt_after`` seconds. Memory
    stays bounded by ``size + extra`` workers of ``memory_mb`` each, plus ``STANDBY`` idle
    processes started ahead, so that a worker stopped to give way is replaced at once, not
    after the second or so a new process takes to start.

    Args:
        path: the store directory (opened read-only by every worker).
        size: the number of workers, i.e. of queries running at once.
        timeout: seconds a job may take, waiting for a free worker included.
        memory_mb: the memory a worker may use; a query that needs more is stopped.
        extra: the most extra workers running at once (0: a job waits for a free worker).
        patience: seconds a job waits for a free worker before it takes a spare one or
            stops a long client query.
        preempt_after: seconds a client's query runs before it gives way to waiting jobs.
        refuse_for: seconds a client's query that overran the timeout or the memory limit
            is refused when sent again unchanged (0: never).
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
        preempt_after: float = 0.5,
        refuse_for: float = 60.0,
    ) -> None:
        self.path = path
        self.size = size
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.extra = extra
        self.patience = patience
        self.preempt_after = preempt_after
        self.generation = 0
        self.epoch = 0
        self._idle: list[_Worker] = []
        self._spare: list[_Worker] = []
        self._waiters = Waiters()
        self._served: dict[int, asyncio.Future[_Worker]] = {}
        self._running: dict[_Worker, tuple[Running, asyncio.Future[None]]] = {}
        self._freeing = 0  # workers stopped to give way, not yet replaced
        self._repeats = Repeats(refuse_for)
        self._overuse = Overuse()
        self._overran = Overuse()  # only the worker seconds of queries that overran the limits
        self._holding: Counter[str] = Counter()  # workers each client holds, handed out
        self._all: set[_Worker] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._standby: list[_Worker] = []  # started ahead, ready to replace a stopped worker
        self._standby_coming = 0

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
            (self._spare if w.extra else self._idle).append(w)
        self._refill_standby()

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

    async def run(self, job: Job, *, client: bool = False) -> Reply | JobError:
        """Run ``job`` on a free worker; ``client``: it is a client's own query, which
        gives way to waiting jobs once it has run long and is refused for a while after
        it overran the limits.

        Raises:
            QueryTimeout: the job took longer than the timeout (its worker was replaced),
                gave way to others, or is a repeat of a query that overran.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.timeout
        lane, key = Lane.PAGE, None
        if client and isinstance(job, QueryJob):
            key = query_key(job.query, job.default_graphs, job.named_graphs, job.bindings)
            self._refuse_repeat(key, loop.time())
            lane = Lane.SUSPECT if self._repeats.suspect(key, now=loop.time()) else Lane.QUERY
        who = CLIENT.get()
        w = await self._free_worker(deadline, lane, who)
        try:
            return await self._run_on(w, job, lane, key, who, deadline)
        finally:
            self._holding[who] -= 1
            if self._holding[who] <= 0:
                del self._holding[who]
            self._dispatch()  # a waiter of this client may take a free worker now

    async def _run_on(
        self, w: _Worker, job: Job, lane: Lane, key: str | None, who: str, deadline: float
    ) -> Reply | JobError:
        """Run ``job`` on the worker ``w`` it was handed."""
        loop = asyncio.get_running_loop()
        if w.epoch != self.epoch:
            self._all.discard(w)
            await asyncio.to_thread(w.kill)
            w = await asyncio.to_thread(
                _Worker, self.path, self.memory_mb, self.epoch, extra=w.extra
            )
            self._all.add(w)
        running = Running(lane, loop.time(), key, who)
        try:
            w.conn.send((self.path, self.generation, job))
            ready: asyncio.Future[None] = loop.create_future()
            self._running[w] = (running, ready)

            def wake() -> None:
                if not ready.done():
                    ready.set_result(None)

            loop.add_reader(w.conn.fileno(), wake)
            try:
                await asyncio.wait_for(ready, max(0.0, deadline - loop.time()))
            except (TimeoutError, _GiveWay) as exc:
                loop.remove_reader(w.conn.fileno())
                gave_way = isinstance(exc, _GiveWay)
                self._replace(w, freeing=gave_way)
                self._overuse.add(who, loop.time() - running.started, now=loop.time())
                if not gave_way:
                    self._overran.add(who, loop.time() - running.started, now=loop.time())
                if key is not None:
                    self._repeats.stopped(key, now=loop.time(), overran=not gave_way)
                if gave_way:
                    raise QueryTimeout(self._gave_way(loop.time() - running.started), 10) from None
                raise QueryTimeout(self._message("running the query")) from None
            loop.remove_reader(w.conn.fileno())
            reply: Reply | JobError = await asyncio.to_thread(w.conn.recv)
        except (EOFError, OSError):
            self._replace(w)
            memory = died_of_memory(w.process, self.memory_mb)
            if memory is not None:
                self._overuse.add(who, loop.time() - running.started, now=loop.time())
                self._overran.add(who, loop.time() - running.started, now=loop.time())
                if key is not None:
                    self._repeats.stopped(key, now=loop.time(), overran=True)
                return JobError(503, memory)
            return JobError(500, "the query worker died while answering; please report it")
        self._running.pop(w, None)
        self._release(w)
        return reply

    def _refuse_repeat(self, key: str, now: float) -> None:
        """Raise QueryTimeout if the query ``key`` overran lately and is still refused."""
        left = self._repeats.refused(key, now=now)
        if left is not None:
            raise QueryTimeout(
                "this query overran this server's limits a moment ago (time or memory); "
                f"the same query is refused for another {left:.0f} s: narrow it down (LIMIT, "
                "more specific patterns, no cartesian products) or ask the operator to raise "
                "kg serve --timeout or --max-query-memory",
                max(1, round(left)),
            )

    async def _free_worker(self, deadline: float, lane: Lane, client: str) -> _Worker:
        """A free worker for a job of ``lane``: a regular one; after ``patience`` seconds a
        spare one too, or one freed by stopping a long client query.

        Raises:
            QueryTimeout: none came free before ``deadline``.
        """
        loop = asyncio.get_running_loop()
        rank = self._overuse.rank(client, now=loop.time())
        capped = self._overran.of(client, now=loop.time()) > 2 * self.timeout
        if self._idle and not len(self._waiters) and not (capped and client in self._busy()):
            self._holding[client] += 1
            return self._idle.pop()
        waiter = self._waiters.add(lane, loop.time(), client, rank, capped=capped)
        served: asyncio.Future[_Worker] = loop.create_future()
        self._served[waiter.seq] = served
        try:
            while not served.done():
                now = loop.time()
                if now >= deadline:
                    raise QueryTimeout(self._message("waiting for a free query worker"))
                if not waiter.hungry and now - waiter.since >= self.patience:
                    waiter.hungry = True
                    self._dispatch()
                if waiter.hungry:
                    self._give_way(now)
                    wake = min(deadline, self._next_give_way(now))
                else:
                    wake = min(deadline, waiter.since + self.patience)
                await asyncio.wait({served}, timeout=max(0.01, wake - now))
        except BaseException:  # gave up (timeout, client gone): a worker handed over goes on
            if served.done() and not served.cancelled():
                self._holding[client] -= 1
                self._release(served.result())
            served.cancel()
            raise
        finally:
            self._waiters.remove(waiter)
            self._served.pop(waiter.seq, None)
        return served.result()

    def _busy(self) -> frozenset[str]:
        """The clients that hold a worker (from the moment it is handed to them)."""
        return frozenset(c for c, n in self._holding.items() if n > 0)

    def _dispatch(self) -> None:
        """Hand free workers to the waiters that come first."""
        while True:
            busy = self._busy()
            if self._idle:
                waiter, pool = self._waiters.first(spare=False, busy=busy), self._idle
            elif self._spare:
                waiter, pool = self._waiters.first(spare=True, busy=busy), self._spare
            else:
                return
            if waiter is None:
                return
            self._waiters.remove(waiter)
            self._holding[waiter.client] += 1
            self._served[waiter.seq].set_result(pool.pop())

    def _give_way(self, now: float) -> None:
        """Stop long client queries for the hungry waiters that no replacement will serve."""
        running = [r for r, _ in self._running.values()]
        pending = self._freeing + sum(r.stopped for r in running)
        busy = self._busy()  # a client that overran and holds a worker gets no second one
        hungry = [w for w in self._waiters.hungry() if not (w.capped and w.client in busy)]
        for waiter in hungry[pending:]:
            chosen = victim(running, waiter, now, self.preempt_after, self._overuse)
            if chosen is None:
                return
            chosen.stopped = True
            for r, ready in self._running.values():
                if r is chosen and not ready.done():
                    ready.set_exception(_GiveWay())

    def _next_give_way(self, now: float) -> float:
        """When the next running client query may be stopped for its time (far off when
        none); one of a busier client may be stopped at once."""
        times = [
            r.started + self.preempt_after
            for r, _ in self._running.values()
            if r.lane != Lane.PAGE and not r.stopped
        ]
        return max(now + 0.01, min(times, default=now + self.timeout))

    def _release(self, w: _Worker) -> None:
        """Give ``w`` back after a job, to the spares if it is one."""
        self._running.pop(w, None)
        (self._spare if w.extra else self._idle).append(w)
        self._dispatch()

    def _gave_way(self, seconds: float) -> str:
        return (
            f"the query was stopped after {seconds:.1f} s to let waiting requests run: this "
            f"server is busy, and while others wait a query may run {self.preempt_after:g} s "
            "(kg serve --preempt-after); send it again later, or narrow it down"
        )

    def _message(self, doing: str) -> str:
        return (
            f"the query was stopped after {self.timeout:g} s ({doing}): it takes longer than "
            "this server's query timeout; narrow it down (LIMIT, more specific patterns) "
            "or ask the operator to raise kg serve --timeout"
        )

    def _replace(self, w: _Worker, *, freeing: bool = False) -> None:
        """Kill ``w`` now; start its successor in the background (``freeing``: it was
        stopped to give way, and its successor goes to the waiters)."""
        self._all.discard(w)
        self._running.pop(w, None)
        w.kill()
        for stale in [r for r in self._standby if r.epoch != self.epoch]:
            self._standby.remove(stale)  # opened before a rebuild
            stale.kill()
        if self._standby:
            ready = self._standby.pop()
            ready.extra = w.extra
            self._all.add(ready)
            self._release(ready)
            self._refill_standby()
            return
        self._refill_standby()
        self._freeing += freeing

        async def respawn() -> None:
            try:
                fresh = await asyncio.to_thread(
                    _Worker, self.path, self.memory_mb, self.epoch, extra=w.extra
                )
            finally:
                self._freeing -= freeing
            self._all.add(fresh)
            self._release(fresh)

        task = asyncio.get_running_loop().create_task(respawn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _refill_standby(self) -> None:
        """Start standbys in the background until ``STANDBY`` are ready or coming."""
        for _ in range(STANDBY - len(self._standby) - self._standby_coming):
            self._standby_coming += 1

            async def start() -> None:
                try:
                    fresh = await asyncio.to_thread(_Worker, self.path, self.memory_mb, self.epoch)
                except StoreError:
                    return  # the store is being replaced; the next replacement tries again
                finally:
                    self._standby_coming -= 1
                if fresh.epoch == self.epoch and len(self._standby) < STANDBY:
                    self._standby.append(fresh)
                else:
                    await asyncio.to_thread(fresh.kill)

            task = asyncio.get_running_loop().create_task(start())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def close(self) -> None:
        """Stop every worker."""
        for ready in self._standby:
            ready.kill()
        self._standby.clear()
        for w in list(self._all):
            with contextlib.suppress(OSError):
                w.conn.send(None)
        for w in list(self._all):
            await asyncio.to_thread(w.process.join, 2)
            w.kill()
        self._all.clear()
