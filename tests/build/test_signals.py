"""SIGINT and SIGTERM held during a block take effect when it ends."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from types import FrameType

import pytest

from kg.signals import held_signals


class Stop(BaseException):
    pass


def _stop(_signum: int, _frame: FrameType | None) -> None:
    raise Stop


@pytest.fixture
def sigterm_raises() -> Iterator[None]:
    previous = signal.signal(signal.SIGTERM, _stop)
    yield
    signal.signal(signal.SIGTERM, previous)


@pytest.mark.usefixtures("sigterm_raises")
def test_a_signal_in_the_block_is_delivered_when_it_ends() -> None:
    done = []
    with pytest.raises(Stop):
        with held_signals() as received:
            os.kill(os.getpid(), signal.SIGTERM)
            done.append("the rest of the block")
            assert received == [signal.SIGTERM]
        done.append("after the block")
    assert done == ["the rest of the block"]
    assert signal.getsignal(signal.SIGTERM) is _stop


@pytest.mark.usefixtures("sigterm_raises")
def test_held_blocks_nest() -> None:
    with pytest.raises(Stop), held_signals() as outer:
        with held_signals() as inner:
            os.kill(os.getpid(), signal.SIGTERM)
        assert (inner, outer) == ([signal.SIGTERM], [signal.SIGTERM])
    assert signal.getsignal(signal.SIGTERM) is _stop


def test_an_ignored_signal_stays_ignored() -> None:
    previous = signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        with held_signals() as received:
            os.kill(os.getpid(), signal.SIGTERM)
        assert received == []
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGTERM, previous)


def test_outside_the_main_thread_nothing_is_held() -> None:
    seen: list[object] = []

    def run() -> None:
        with held_signals() as received:
            seen.append(signal.getsignal(signal.SIGINT))
            seen.append(list(received))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [signal.default_int_handler, []]
