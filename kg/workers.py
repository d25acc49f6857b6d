"""Worker process pools that stop promptly, and quietly, on SIGINT and SIGTERM.

Ctrl-C sends SIGINT to the whole process group; service managers send SIGTERM to the group
or to the command alone. Whichever way the signal comes:

- The command is never interrupted inside the pool's own machinery. An exception raised by a
  signal handler just after the main thread took one of the locks of
  :mod:`concurrent.futures` (a future's condition, say) leaves that lock taken, and shutting
  the pool down then waits forever. So while a pool is open the command's handlers are held
  (:func:`kg.signals.held_signals`), and the pool looks at the signals received whenever it
  waits for a result, at least ten times a second.
- Stopping is prompt: the workers are terminated, queued work is cancelled, and once the
  pool is down the held signal reaches the command's own handler (KeyboardInterrupt, the
  CLI's termination), which unwinds as it would have without a pool.

A worker dies without a traceback when it gets either signal, from its group or from the
pool: workers keep the default action of both signals, which the kernel carries out even
while the worker waits on a lock (a Python handler would run only once the wait ends, and a
signal that arrives just before the wait is noticed too late); a signal the command ignores
(``nohup``, a background job of a script) the workers ignore too. Workers are forked with
both signals blocked and unblock them only while they work on a chunk, so a signal never
cuts a worker in the middle of writing a result (half a message in the result pipe would
hang the pool's manager thread, and with it the command, for ever: measured here once in
about twenty interrupted builds before); a signal that arrives between chunks takes effect
when the next one starts, and an idle worker is killed by the pool. Work that must not be
cut in a worker (replacing an output file) holds the signals there
(:func:`kg.signals.held_signals`); a worker still alive a second after it was told to stop
is killed.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import islice
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from typing import TypeVar

from kg.errors import KgError
from kg.signals import STOP_SIGNALS, held_signals

__all__ = ["DEFAULT_BATCH_SIZE", "POLL_SECONDS", "STOP_SECONDS", "WorkerPool", "worker_pool"]

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_BATCH_SIZE = 25
"""Articles a worker takes at a time (loaded, mapped and validated in one SHACL call)."""

POLL_SECONDS = 0.1
"""How long the command waits for a result before it looks at the signals received."""

STOP_SECONDS = 1.0
"""How long a worker has to end after SIGTERM before it is killed (one waiting for work has
the signal blocked, and is killed: it is between two messages, so nothing is cut)."""


class _Stopping(BaseException):
    """A held signal asks the pool to stop (raised only where the pool waits)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _worker_started() -> None:
    # The signals stay blocked outside the work itself (see _apply): a worker killed while
    # it writes a result would leave half a message in the result pipe, and the pool's
    # manager thread would wait for the rest of it for ever.
    for number in STOP_SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:  # as the command: nohup, `cmd &`
            signal.signal(number, signal.SIG_DFL)


def _nothing() -> None:
    return None


def _apply(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """Run ``fn`` on a chunk with SIGINT and SIGTERM deliverable: a signal that came while
    the worker read its task or wrote a result takes effect here, between two messages."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)
    try:
        return [fn(item) for item in chunk]
    finally:
        signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)


class WorkerPool:
    """Worker processes that apply a function to items, for :func:`worker_pool`."""

    def __init__(
        self,
        executor: ProcessPoolExecutor,
        workers: int,
        received: list[int],
        others: set[BaseProcess],
    ) -> None:
        self._executor = executor
        self._workers = workers
        self._received = received
        self._others = others  # child processes that are not this pool's workers

    def map(self, fn: Callable[[T], R], items: Iterable[T], *, chunksize: int = 1) -> Iterator[R]:
        """``fn`` applied to every item in the workers; the results in the order of items.

        Items go to the workers ``chunksize`` at a time (``fn`` and the items must pickle),
        with at most two chunks per worker in flight, so that results do not pile up and a
        stop has little to cancel.

        Raises:
            KgError: a worker process died (killed, out of memory).
        """
        pending: deque[Future[list[R]]] = deque()
        left = iter(items)
        while chunk := list(islice(left, max(1, chunksize))):
            self._check()
            pending.append(self._executor.submit(_apply, fn, chunk))
            if len(pending) >= 2 * self._workers:
                yield from self._result(pending.popleft())
        while pending:
            yield from self._result(pending.popleft())

    def _check(self) -> None:
        if self._received:
            raise _Stopping(self._received[0])

    def _result(self, future: Future[list[R]]) -> list[R]:
        while True:
            self._check()
            try:
                return future.result(timeout=POLL_SECONDS)
            except TimeoutError:
                continue
            except BrokenProcessPool:
                # Workers signalled with their group die at once; the command's held
                # signal may be noted a moment later.
                time.sleep(POLL_SECONDS)
                self._check()
                raise KgError(
                    "a worker process stopped unexpectedly (killed, or out of memory?)"
                ) from None

    def stop(self) -> None:
        """Terminate the workers, cancel what is queued, and wait until all are gone."""
        workers = set(multiprocessing.active_children()) - self._others
        for worker in workers:
            worker.terminate()
        deadline = time.monotonic() + STOP_SECONDS
        running = {worker.sentinel: worker for worker in workers}
        while running and (left := deadline - time.monotonic()) > 0:
            ended = set(wait(list(running), timeout=left))
            running = {fd: worker for fd, worker in running.items() if fd not in ended}
        for worker in running.values():
            worker.kill()
        self._executor.shutdown(wait=True, cancel_futures=True)


@contextmanager
def worker_pool(workers: int) -> Iterator[WorkerPool]:
    """A pool of ``workers`` processes, stopped on leaving the block.

    SIGINT and SIGTERM are held while the block runs and take effect at the pool's next wait
    for a result (or when the block ends): the pool is stopped, then the command's handler
    runs. If the block raises, the workers are terminated rather than waited for.
    """
    try:
        with held_signals() as received:
            others = set(multiprocessing.active_children())
            executor = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)
            blocked = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
            try:
                # With the fork start method the first submission forks every worker: they
                # inherit the blocked signals and unblock them in the initializer.
                executor.submit(_nothing)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
            pool = WorkerPool(executor, workers, received, others)
            try:
                yield pool
            except BaseException:
                pool.stop()
                raise
            executor.shutdown(wait=True)
    except _Stopping as stopping:
        # The held signal was delivered as the block ended and its handler returned: the
        # program goes on, but the pool's work was not finished.
        raise SystemExit(128 + stopping.signum) from None
