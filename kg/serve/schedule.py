"""Who gets a query worker next, which running query gives way, and which is refused.

The policy of :class:`kg.serve.pool.WorkerPool`, kept apart from its processes so that it
can be read and tested on its own:

- **Lanes.** Pages, named queries and label lookups (queries this server wrote, bounded to
  one node or reviewed in the library) go in the ``PAGE`` lane; clients' own SPARQL in the
  ``QUERY`` lane; a client query that was recently stopped for overrunning in the
  ``SUSPECT`` lane. A free worker goes to the first waiter of the best lane, in order of
  arrival within a lane.
- **Giving way.** A job that has waited ``patience`` seconds may stop a running job of the
  ``QUERY`` or ``SUSPECT`` lane: one of a worse lane than its own at once, one of its own
  lane once that one has run ``preempt_after`` seconds. So long queries run only while
  nobody waits, and a page or a small query waits about ``patience + preempt_after`` at
  most, whatever other clients send. Pages are never stopped this way.
- **Repeats.** A client query that ran into the timeout or the memory limit is refused,
  unchanged, for ``refuse_for`` seconds (its stop cost a worker; a client that resends it
  would only cost another). One that was stopped to let others run is only suspect: it
  waits behind every other query for a while.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from enum import IntEnum

__all__ = ["Lane", "Repeats", "Running", "Waiters", "query_key"]

SUSPECT_FOR = 600.0
"""Seconds a query that was stopped to let others run stays in the ``SUSPECT`` lane."""

_REMEMBERED = 10_000
"""Most stopped queries remembered (the oldest are forgotten first)."""


class Lane(IntEnum):
    """A job's priority for a free worker (lower first)."""

    PAGE = 0
    QUERY = 1
    SUSPECT = 2


def query_key(*parts: object) -> str:
    """A short key for a client's query: its text with runs of white space made one, and
    the dataset it names.

    >>> query_key("ASK {  ?s ?p ?o }", None) == query_key("ASK {\\n?s ?p ?o }", None)
    True
    >>> query_key("ASK { ?s ?p ?o }", None) == query_key("ASK { ?s ?p ?o }", ("urn:g",))
    False
    """
    text = "\x00".join(" ".join(p.split()) if isinstance(p, str) else repr(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class Waiter:
    """A job waiting for a worker; it takes a spare one too once it is ``hungry``."""

    lane: Lane
    seq: int
    since: float
    hungry: bool = False


class Waiters:
    """Jobs waiting for a worker, best lane first, then in order of arrival."""

    def __init__(self) -> None:
        self._waiting: list[Waiter] = []
        self._seq = 0

    def __len__(self) -> int:
        return len(self._waiting)

    def add(self, lane: Lane, now: float) -> Waiter:
        """A new waiter, queued behind those of its lane."""
        self._seq += 1
        waiter: Waiter = Waiter(lane, self._seq, now)
        self._waiting.append(waiter)
        self._waiting.sort(key=lambda w: (w.lane, w.seq))
        return waiter

    def remove(self, waiter: Waiter) -> None:
        """Forget ``waiter`` (served, or given up)."""
        if waiter in self._waiting:
            self._waiting.remove(waiter)

    def first(self, *, spare: bool) -> Waiter | None:
        """The waiter that a free worker goes to (only hungry ones take a ``spare``).

        >>> queue: Waiters = Waiters()
        >>> query, page = queue.add(Lane.QUERY, 0.0), queue.add(Lane.PAGE, 1.0)
        >>> queue.first(spare=False) is page, queue.first(spare=True)
        (True, None)
        """
        for waiter in self._waiting:
            if waiter.hungry or not spare:
                return waiter
        return None

    def hungry(self) -> list[Waiter]:
        """The waiters that have waited past the patience, best first."""
        return [w for w in self._waiting if w.hungry]


@dataclass
class Running:
    """A job on a worker: when it started, its lane, and whether it was told to give way."""

    lane: Lane
    started: float
    key: str | None = None
    stopped: bool = field(default=False)

    def gives_way_to(self, lane: Lane, now: float, preempt_after: float) -> bool:
        """Whether a hungry waiter of ``lane`` may stop this job now.

        >>> Running(Lane.QUERY, 0.0).gives_way_to(Lane.PAGE, 0.5, 1.0)
        False
        >>> Running(Lane.QUERY, 0.0).gives_way_to(Lane.PAGE, 1.5, 1.0)
        True
        >>> Running(Lane.SUSPECT, 0.0).gives_way_to(Lane.QUERY, 0.1, 1.0)
        True
        >>> Running(Lane.PAGE, 0.0).gives_way_to(Lane.PAGE, 99.0, 1.0)
        False
        """
        if self.stopped or self.lane == Lane.PAGE:
            return False
        if self.lane > max(lane, Lane.QUERY):
            return True
        return now - self.started >= preempt_after


def victim(running: list[Running], lane: Lane, now: float, preempt_after: float) -> Running | None:
    """The running job a hungry waiter of ``lane`` stops: the worst lane, then the oldest.

    >>> old, new = Running(Lane.QUERY, 0.0), Running(Lane.QUERY, 1.0)
    >>> victim([new, old], Lane.QUERY, 2.5, 1.0) is old
    True
    >>> victim([new, old], Lane.QUERY, 0.5, 1.0) is None
    True
    """
    candidates = [r for r in running if r.gives_way_to(lane, now, preempt_after)]
    if not candidates:
        return None
    return max(candidates, key=lambda r: (r.lane, now - r.started))


class Repeats:
    """Client queries stopped lately, by :func:`query_key`: refused or suspect for a while.

    >>> repeats = Repeats(refuse_for=60.0)
    >>> repeats.stopped("k", now=0.0, overran=True)
    >>> repeats.refused("k", now=10.0), repeats.refused("k", now=61.0)
    (50.0, None)
    >>> repeats.stopped("j", now=0.0, overran=False)
    >>> repeats.refused("j", now=1.0), repeats.suspect("j", now=1.0)
    (None, True)
    """

    def __init__(self, refuse_for: float) -> None:
        self.refuse_for = refuse_for
        self._refused: OrderedDict[str, float] = OrderedDict()
        self._suspect: OrderedDict[str, float] = OrderedDict()

    def stopped(self, key: str, *, now: float, overran: bool) -> None:
        """Record that the query ``key`` was stopped: it ``overran`` the timeout or the
        memory limit, or it gave way to others."""
        self._remember(self._suspect, key, now + SUSPECT_FOR)
        if overran and self.refuse_for > 0:
            self._remember(self._refused, key, now + self.refuse_for)

    @staticmethod
    def _remember(table: OrderedDict[str, float], key: str, until: float) -> None:
        table[key] = until
        table.move_to_end(key)
        while len(table) > _REMEMBERED:
            table.popitem(last=False)

    def refused(self, key: str, *, now: float) -> float | None:
        """Seconds the query ``key`` is still refused for, or None."""
        until = self._refused.get(key)
        if until is None or until <= now:
            self._refused.pop(key, None)
            return None
        return until - now

    def suspect(self, key: str, *, now: float) -> bool:
        """Whether the query ``key`` was stopped lately (it then waits behind the others)."""
        until = self._suspect.get(key)
        if until is None or until <= now:
            self._suspect.pop(key, None)
            return False
        return True
