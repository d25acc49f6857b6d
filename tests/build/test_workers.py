"""Worker pools stop promptly and quietly when the command or its process group is signalled.

A small program runs a pool the way ``kg build`` does (SIGTERM turned into an exception in
the main thread, SIGINT left as KeyboardInterrupt) and then gets the signal: the whole
group, as from Ctrl-C or a service manager, or the command alone.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from process_group import alive_in_group

from kg.errors import KgError
from kg.workers import worker_pool

PROGRAM = textwrap.dedent(
    """
    import signal, sys, time
    from kg.workers import worker_pool

    class Stop(BaseException):
        pass

    def stop(*_):
        raise Stop

    def work(seconds):
        time.sleep(seconds)
        return seconds

    signal.signal(signal.SIGTERM, stop)
    seconds, tasks = float(sys.argv[1]), int(sys.argv[2])
    if sys.argv[3:] == ["ignore-sigint"]:  # as a background job of a script is started
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with worker_pool(2) as pool:
            print("ready", flush=True)
            for _ in pool.map(work, [seconds] * tasks):
                pass
        print("finished", file=sys.stderr)
    except (Stop, KeyboardInterrupt) as exc:
        print(f"stopped by {type(exc).__name__}", file=sys.stderr)
        sys.exit(3)
    """
)

SIGNALS = pytest.mark.parametrize(
    ("number", "by"),
    [(signal.SIGINT, "KeyboardInterrupt"), (signal.SIGTERM, "Stop")],
    ids=["SIGINT", "SIGTERM"],
)


def start(seconds: float, tasks: int, *flags: str) -> subprocess.Popen[str]:
    """Run the program in its own process group, once its pool is up."""
    process = subprocess.Popen(
        [sys.executable, "-c", PROGRAM, str(seconds), str(tasks), *flags],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"
    return process


def stopped(process: subprocess.Popen[str], by: str) -> None:
    """The program stopped by ``by`` well before its work was done, leaving no process."""
    _, stderr = process.communicate(timeout=30)  # not the 60 s or more the work takes
    assert (process.returncode, stderr) == (3, f"stopped by {by}\n")
    time.sleep(0.3)
    assert alive_in_group(process.pid) == []


@pytest.mark.parametrize("tasks", [1, 5], ids=["one-worker-idle", "all-busy"])
@SIGNALS
def test_a_signalled_group_stops_quietly(tasks: int, number: int, by: str) -> None:
    process = start(60, tasks)
    time.sleep(0.3)  # the workers are waiting for work, or sleeping in it
    os.killpg(process.pid, number)
    stopped(process, by)


@SIGNALS
def test_a_signal_to_the_command_alone_terminates_the_workers(number: int, by: str) -> None:
    process = start(60, 5)
    time.sleep(0.3)
    process.send_signal(number)
    stopped(process, by)


def test_a_signal_the_command_ignores_is_ignored_by_its_workers() -> None:
    process = start(0.5, 6, "ignore-sigint")
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=30)
    assert (process.returncode, stderr) == (0, "finished\n")


@pytest.mark.slow
def test_a_signal_at_any_moment_stops_the_command() -> None:
    """Thousands of tiny tasks keep the command inside the pool's locks nearly all the time;
    a signal raised there used to leave a lock taken, and the command hung. Fifteen tries
    at random moments take about 12 s, hence slow; the other signal tests here are fast."""
    for _ in range(15):
        process = start(0, 100_000)
        time.sleep(random.uniform(0, 0.3))
        process.send_signal(signal.SIGTERM)
        stopped(process, "Stop")


def test_the_results_come_in_the_order_of_the_items() -> None:
    with worker_pool(2) as pool:
        assert list(pool.map(abs, range(-50, 0), chunksize=7)) == list(range(50, 0, -1))


def test_a_worker_that_dies_is_an_error_not_a_hang() -> None:
    with (
        pytest.raises(KgError, match="a worker process stopped unexpectedly"),
        worker_pool(2) as pool,
    ):
        list(pool.map(os._exit, [1]))
