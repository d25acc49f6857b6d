"""The stages of a long command, their progress and what each costs.

A build goes through :class:`Stage` s: worker processes *load*, *map* and *validate* batches
of facts files, the parent *links* the reports into events, bulk-loads the N-Quads into the
*store* and *writes* the other formats. Library functions report progress as
``progress(stage, done, total)`` and never print; the CLI draws it on stderr.

:class:`Costs` adds up the wall time, CPU time and peak memory of each stage, in the parent
and in the workers (whose figures travel back with their results), for
``bench/bench_build.py``. Peak memory is the highest resident size a process reached while
in the stage: on Linux the kernel's high-water mark is reset when a stage starts
(``/proc/self/clear_refs``); elsewhere it is the process's peak so far.

>>> costs = Costs()
>>> with costs.measure(Stage.MAP):
...     _ = sum(range(1000))
>>> costs.stages[Stage.MAP].calls
1
"""

from __future__ import annotations

import contextlib
import resource
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

__all__ = ["Costs", "Progress", "Stage", "StageCost"]


class Stage(StrEnum):
    """A stage of ``kg build``, in the order it runs."""

    LOAD = "load"
    MAP = "map"
    VALIDATE = "validate"
    LINK = "link"
    STORE = "store"
    WRITE = "write"


Progress = Callable[[Stage, int, int], None]
"""Called with (stage, done, total) as a stage advances."""

_STATUS = Path("/proc/self/status")
_CLEAR_REFS = Path("/proc/self/clear_refs")


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        _CLEAR_REFS.write_text("5")  # reset VmHWM, the peak resident size


def _peak_mb() -> float:
    try:
        for line in _STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass
class StageCost:
    """What a stage cost: wall and CPU seconds (summed over processes) and peak MB."""

    wall: float = 0.0
    cpu: float = 0.0
    peak_mb: float = 0.0
    calls: int = 0

    def add(self, other: StageCost) -> None:
        """Add another process's (or call's) cost of the same stage."""
        self.wall += other.wall
        self.cpu += other.cpu
        self.peak_mb = max(self.peak_mb, other.peak_mb)
        self.calls += other.calls


@dataclass
class Costs:
    """The cost of each stage of a run, gathered from the parent and its workers."""

    stages: dict[Stage, StageCost] = field(default_factory=dict)

    @contextmanager
    def measure(self, stage: Stage, *, peak: bool = True) -> Iterator[None]:
        """Count the block's wall and CPU time (and, with ``peak``, its peak memory)."""
        if peak:
            _reset_peak()
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            cost = StageCost(time.perf_counter() - wall, time.process_time() - cpu, 0.0, 1)
            if peak:
                cost.peak_mb = _peak_mb()
            self.stages.setdefault(stage, StageCost()).add(cost)

    def note_peak(self, *stages: Stage) -> None:
        """Record the peak memory since the last reset (a stage measured with ``peak=False``,
        or several interleaved ones) as these stages' peak."""
        peak = _peak_mb()
        for stage in stages:
            cost = self.stages.setdefault(stage, StageCost())
            cost.peak_mb = max(cost.peak_mb, peak)

    def reset_peak(self) -> None:
        """Start measuring peak memory anew (see :meth:`note_peak`)."""
        _reset_peak()

    def merge(self, other: Costs) -> None:
        """Add the costs of another process (a worker's batch)."""
        for stage, cost in other.stages.items():
            self.stages.setdefault(stage, StageCost()).add(cost)
