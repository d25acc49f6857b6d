"""Worker process pools that stop at once, and quietly, on SIGINT and SIGTERM.

Ctrl-C sends SIGINT to the whole process group, and service managers send SIGTERM to it,
so the workers of ``kg build`` and ``kg extract`` get the signal as well as the command.
Left to Python's defaults a worker that is waiting for work prints a traceback (or, having
inherited the command's SIGTERM handler, raises it). Here a worker simply exits with the
signal's conventional status; the command, which gets the same signal (or is the only one
to get it), unwinds, cancels the work not yet started and waits for the pool to end.

Workers are forked with the two signals blocked and unblock them only once their own
handlers are in place, so a signal that arrives while the pool starts is not lost and
does not run the parent's handler in a child.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from types import FrameType

__all__ = ["worker_pool"]

_STOP = {signal.SIGINT, signal.SIGTERM}


def _exit_quietly(signum: int, _frame: FrameType | None) -> None:
    os._exit(128 + signum)


def _worker_started() -> None:
    for number in _STOP:
        signal.signal(number, _exit_quietly)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP)


def _nothing() -> None:
    return None


@contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A :class:`ProcessPoolExecutor` of ``workers`` processes, shut down on leaving.

    If the block raises (an error, KeyboardInterrupt, termination), queued work is cancelled
    before the pool is waited for, so that the command stops promptly.
    """
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_worker_started)
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP)
    try:
        # With the fork start method the first submission forks every worker: they inherit
        # the blocked signals and unblock them in the initializer. (Workers started
        # otherwise do not inherit the command's handlers; the initializer sets theirs.)
        pool.submit(_nothing)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
