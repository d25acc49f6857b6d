"""Options shared by several commands, declared once."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO, Any, TypeVar

import click

from kg.errors import TimeLimitError
from kg.rdf.namespaces import DEFAULT_BASE
from kg.workers import DEFAULT_BATCH_SIZE

F = TypeVar("F", bound=Callable[..., Any])

facts_arguments = click.argument(
    "facts", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False)
)
base_option = click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    envvar="KG_BASE",
    help="IRI base under which entities, articles and events are minted (env KG_BASE).",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: CPUs).",
)
batch_option = click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Articles validated per SHACL engine call.",
)
engine_option = click.option(
    "--engine",
    type=click.Choice(["compiled", "pyshacl"]),
    default="compiled",
    show_default=True,
    help="SHACL engine: compiled (the shapes compiled to fast checks) or pyshacl (the "
    "reference engine, about ten times slower); both report the same violations.",
)
progress_option = click.option(
    "--progress/--no-progress",
    default=None,
    help="Show the progress of each stage on stderr (default: when stderr is a terminal).",
)
time_limit_option = click.option(
    "--time-limit",
    "limit",
    type=click.FloatRange(min=0, min_open=True),
    default=None,
    metavar="SECONDS",
    help="Stop with exit code 124 when the command runs longer (outputs stay as they were).",
)


class ProgressPrinter:
    """Draws ``(stage, done, total)`` progress on stderr.

    On a terminal one line is redrawn in place, at most ten times a second; elsewhere (a
    log, with ``--progress``) a line is printed when a stage ends, and at most every ten
    seconds while one runs.
    """

    def __init__(self, label: str, stream: IO[str] | None = None) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.state: dict[str, tuple[int, int]] = {}
        self.start = time.monotonic()
        self.shown = 0.0
        self.drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        name = str(getattr(stage, "value", stage))
        ended = done >= total and self.state.get(name, (-1, 0))[0] < total
        self.state[name] = (done, total)
        now = time.monotonic()
        if not ended and now - self.shown < (0.1 if self.tty else 10.0):
            return
        self.shown = now
        parts = "  ".join(f"{k} {d}/{t}" for k, (d, t) in self.state.items())
        text = f"{self.label}: {parts}  ({now - self.start:.0f} s)"
        if self.tty:
            self.stream.write("\r" + text + "\x1b[K")
            self.drawn = True
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def close(self) -> None:
        """End the redrawn line."""
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()
            self.drawn = False


@contextmanager
def progress_printer(label: str, enabled: bool | None) -> Iterator[ProgressPrinter | None]:
    """A :class:`ProgressPrinter` when ``enabled`` (None: when stderr is a terminal)."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield None
        return
    printer = ProgressPrinter(label)
    try:
        yield printer
    finally:
        printer.close()


class _TimeUp(BaseException):
    """The time limit, raised where the command happens to be (no pool was open)."""


@contextmanager
def time_limit(seconds: float | None, what: str, then: str) -> Iterator[None]:
    """Stop the block after ``seconds`` with :class:`~kg.errors.TimeLimitError`, whose
    message says that ``what`` was stopped and ``then`` what to do.

    When the time is up the command is stopped as SIGTERM stops it (worker processes and
    a reasoner's Java are ended, temporary output removed, held while a dataset is swapped
    in), and the error says which limit was reached instead of "terminated".
    """
    if not seconds:
        yield
        return
    expired = False

    def alarm(_signum: int, _frame: FrameType | None) -> None:
        nonlocal expired
        expired = True
        if signal.getsignal(signal.SIGTERM) in (signal.SIG_DFL, signal.SIG_IGN, None):
            raise _TimeUp
        os.kill(os.getpid(), signal.SIGTERM)

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except BaseException:
        if expired:
            raise TimeLimitError(
                f"{what} did not finish within --time-limit {seconds:g} s and was stopped; {then}"
            ) from None
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
