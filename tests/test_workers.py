"""Worker pools stop at once and without a word when their process group is signalled.

A small program runs a pool the way ``kg build`` does (SIGTERM turned into an exception in
the main thread, SIGINT left as KeyboardInterrupt) with its workers idle or busy; the
whole group then gets the signal, as from Ctrl-C or a service manager.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from process_group import alive_in_group

PROGRAM = textwrap.dedent(
    """
    import signal, sys, time
    from kg.workers import worker_pool

    class Stop(BaseException):
        pass

    def stop(*_):
        raise Stop

    signal.signal(signal.SIGTERM, stop)
    try:
        with worker_pool(2) as pool:
            futures = [pool.submit(time.sleep, 60) for _ in range(int(sys.argv[1]))]
            print("ready", flush=True)
            time.sleep(60)
    except (Stop, KeyboardInterrupt) as exc:
        print(f"stopped by {type(exc).__name__}", file=sys.stderr)
        sys.exit(3)
    """
)


def start(program: str, tasks: int) -> subprocess.Popen[str]:
    """Run ``program`` with ``tasks`` tasks in its own process group, once its pool is up."""
    process = subprocess.Popen(
        [sys.executable, "-c", program, str(tasks)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "ready\n"
    return process


@pytest.mark.parametrize("tasks", [0, 5], ids=["idle", "busy"])
@pytest.mark.parametrize(
    ("number", "by"),
    [(signal.SIGINT, "KeyboardInterrupt"), (signal.SIGTERM, "Stop")],
    ids=["SIGINT", "SIGTERM"],
)
def test_a_signalled_group_stops_quietly(tasks: int, number: int, by: str) -> None:
    process = start(PROGRAM, tasks)
    time.sleep(0.3)  # the workers are waiting for work, or sleeping in it
    os.killpg(process.pid, number)
    _, stderr = process.communicate(timeout=30)  # not the 60 s the work would take
    assert (process.returncode, stderr) == (3, f"stopped by {by}\n")
    time.sleep(0.3)
    assert alive_in_group(process.pid) == []


def test_a_signal_to_the_command_alone_cancels_the_queued_work() -> None:
    process = start(PROGRAM.replace("time.sleep, 60", "time.sleep, 2"), 40)
    process.send_signal(signal.SIGTERM)
    # Running and already handed-over tasks finish; the other 35-odd (40 s of work) do not.
    _, stderr = process.communicate(timeout=20)
    assert (process.returncode, stderr) == (3, "stopped by Stop\n")
