"""Holding SIGINT and SIGTERM while work must not be cut short.

Python runs a signal handler in the main thread between two bytecodes, so an exception
raised by a handler (KeyboardInterrupt, or the CLI's termination) can surface anywhere: in
the middle of a rename that swaps two directories, or inside the locks of
:mod:`concurrent.futures`, whose state it can leave inconsistent. :func:`held_signals`
replaces the handlers of both signals by one that only records the signal; when the block
ends the original handlers are put back and each recorded signal is sent again, so it
takes effect then, exactly as if it had arrived at that moment.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

__all__ = ["STOP_SIGNALS", "held_signals"]

STOP_SIGNALS: tuple[int, ...] = (signal.SIGINT, signal.SIGTERM)


@contextmanager
def held_signals() -> Iterator[list[int]]:
    """Hold SIGINT and SIGTERM during the block; deliver them when it ends.

    Yields the list of signals received so far, so that long work can stop early at a
    point of its choosing. A signal whose handler is ``SIG_IGN`` stays ignored. Outside the
    main thread handlers cannot be changed, and nothing is held.
    """
    received: list[int] = []
    previous: dict[int, Any] = {}  # what signal.signal returns: a callable, SIG_DFL...

    def hold(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)

    try:
        for number in STOP_SIGNALS:
            handler = signal.getsignal(number)
            if handler is not signal.SIG_IGN:
                previous[number] = signal.signal(number, hold)
    except ValueError:  # not the main thread
        pass
    try:
        yield received
    finally:
        for number, handler in previous.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        for number in received:
            os.kill(os.getpid(), number)
