"""Who gets a query worker next, which running query gives way, and which is refused.

The policy of :class:`kg.serve.pool.WorkerPool`, kept apart from its processes so that it
can be read and tested on its own:

- **Lanes.** Pages, named queries and label lookups (queries this server wrote, bounded to
  one node or reviewed in the library) go in the ``PAGE`` lane; clients' own SPARQL in the
  ``QUERY`` lane; a client query that was recently stopped for overrunning in the
  ``SUSPECT`` lane. A free worker goes to a waiter of the best lane.
- **Fair shares.** Within a lane, the jobs of clients (by address) whose queries were
  stopped less lately go first, then the earliest: the worker seconds each client's
  stopped queries used are summed with a half-life of a minute (:class:`Overuse`), in
  whole seconds. So a client that keeps sending queries that overrun waits behind the
  others without being refused; clients that send many small queries are not held back.
- **One worker for a client that overran.** A client whose queries ran into the timeout
  or the memory limit for more than two timeouts' worth of worker seconds lately (decayed
  like the fair shares; queries stopped to let others run do not count) gets no second
  worker while one of its jobs runs: however many connections it opens, it keeps at most
  one worker busy, and the others stay free for everyone else instead of being freed by
  stopping its queries.
- **Giving way.** A job that has waited ``patience`` seconds may stop a running job of the
  ``QUERY`` or ``SUSPECT`` lane: at once one of a worse lane than its own or of another
  client of a higher rank (counting the seconds the running job has taken), otherwise one
  that has run ``preempt_after`` seconds. So long queries run only while nobody waits, a
  page or a small query waits about ``patience + preempt_after`` at most whatever other
  clients send, and about ``patience`` when those clients are the ones whose queries
  overrun (clients that share one address share one account). Pages are never stopped
  this way.
- **Repeats.** A client query that ran into the timeout or the memory limit is refused,
  unchanged, for ``refuse_for`` seconds (its stop cost a worker; a client that resends it
  would only cost another). One that was stopped to let others run is only suspect: it
  waits behind every other query for a while.
"""

from __future__ import annotations

import hashlib
import math
from collections import OrderedDict
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import IntEnum

__all__ = ["CLIENT", "Lane", "Overuse", "Repeats", "Running", "Waiters", "query_key", "victim"]

SUSPECT_FOR = 600.0
"""Seconds a query that was stopped to let others run stays in the ``SUSPECT`` lane."""

_REMEMBERED = 10_000
"""Most stopped queries (and clients) remembered (the oldest are forgotten first)."""

HALF_LIFE = 60.0
"""Seconds after which a client's use of the workers counts half."""

CLIENT: ContextVar[str] = ContextVar("CLIENT", default="")
"""The address of the client whose request is being answered (set by the app)."""


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


class Overuse:
    """Worker seconds each client's stopped queries used lately, decayed with
    :data:`HALF_LIFE`.

    >>> overuse = Overuse()
    >>> overuse.add("a", 4.0, now=0.0)
    >>> overuse.of("a", now=60.0), overuse.of("b", now=60.0)
    (2.0, 0.0)
    """

    def __init__(self) -> None:
        self._used: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def of(self, client: str, *, now: float) -> float:
        """The decayed seconds ``client`` used."""
        seconds, when = self._used.get(client, (0.0, now))
        return seconds * math.exp2(-(now - when) / HALF_LIFE)

    def rank(self, client: str, *, now: float) -> int:
        """The whole seconds of ``client``: waiters of a lower rank go first."""
        return int(self.of(client, now=now))

    def add(self, client: str, seconds: float, *, now: float) -> None:
        """Count ``seconds`` of a worker's time that a stopped query of ``client`` took."""
        self._used[client] = (self.of(client, now=now) + seconds, now)
        self._used.move_to_end(client)
        while len(self._used) > _REMEMBERED:
            self._used.popitem(last=False)


@dataclass
class Waiter:
    """A job waiting for a worker; it takes a spare one too once it is ``hungry``."""

    lane: Lane
    rank: int
    seq: int
    since: float
    client: str = ""
    hungry: bool = False
    capped: bool = False  # its client overran lately: one worker at a time


class Waiters:
    """Jobs waiting for a worker, best lane first, then in order of arrival."""

    def __init__(self) -> None:
        self._waiting: list[Waiter] = []
        self._seq = 0

    def __len__(self) -> int:
        return len(self._waiting)

    def add(
        self, lane: Lane, now: float, client: str = "", rank: int = 0, *, capped: bool = False
    ) -> Waiter:
        """A new waiter, queued behind those of its lane and rank; ``capped``: its client
        gets no second worker while one of its jobs runs."""
        self._seq += 1
        waiter = Waiter(lane, rank, self._seq, now, client, capped=capped)
        self._waiting.append(waiter)
        self._waiting.sort(key=lambda w: (w.lane, w.rank, w.seq))
        return waiter

    def remove(self, waiter: Waiter) -> None:
        """Forget ``waiter`` (served, or given up)."""
        if waiter in self._waiting:
            self._waiting.remove(waiter)

    def first(self, *, spare: bool, busy: frozenset[str] = frozenset()) -> Waiter | None:
        """The waiter that a free worker goes to (only hungry ones take a ``spare``); a
        ``capped`` waiter's client gets no second worker while one of its jobs runs
        (``busy``: the clients that hold a worker).

        >>> queue: Waiters = Waiters()
        >>> query, page = queue.add(Lane.QUERY, 0.0), queue.add(Lane.PAGE, 1.0)
        >>> queue.first(spare=False) is page, queue.first(spare=True)
        (True, None)
        >>> busy = queue.add(Lane.QUERY, 2.0, "a", 5, capped=True)
        >>> other = queue.add(Lane.QUERY, 3.0, "b")
        >>> queue.remove(page); queue.remove(query); queue.first(spare=False) is other
        True
        >>> queue.remove(other); queue.first(spare=False, busy=frozenset({"a"}))
        >>> queue.first(spare=False) is busy
        True
        """
        for waiter in self._waiting:
            if waiter.capped and waiter.client in busy:
                continue
            if waiter.hungry or not spare:
                return waiter
        return None

    def hungry(self) -> list[Waiter]:
        """The waiters that have waited past the patience, best first."""
        return [w for w in self._waiting if w.hungry]


@dataclass
class Running:
    """A job on a worker: its lane and client, when it started, whether it was stopped."""

    lane: Lane
    started: float
    key: str | None = None
    client: str = ""
    stopped: bool = field(default=False)

    def gives_way_to(self, waiter: Waiter, rank: int, now: float, preempt_after: float) -> bool:
        """Whether the hungry ``waiter`` may stop this job now; ``rank`` is this job's
        client's (:meth:`Overuse.rank`), with the seconds this job has run added.

        >>> page, query = Waiter(Lane.PAGE, 0, 1, 0.0), Waiter(Lane.QUERY, 0, 2, 0.0)
        >>> Running(Lane.QUERY, 0.0).gives_way_to(page, 0, 0.5, 1.0)
        False
        >>> Running(Lane.QUERY, 0.0).gives_way_to(page, 0, 1.5, 1.0)
        True
        >>> Running(Lane.QUERY, 0.0, client="b").gives_way_to(query, 3, 0.1, 1.0)  # overused
        True
        >>> Running(Lane.QUERY, 0.0).gives_way_to(query, 3, 0.1, 1.0)  # the waiter's own client
        False
        >>> Running(Lane.SUSPECT, 0.0).gives_way_to(query, 0, 0.1, 1.0)
        True
        >>> Running(Lane.PAGE, 0.0).gives_way_to(page, 9, 99.0, 1.0)
        False
        """
        if self.stopped or self.lane == Lane.PAGE:
            return False
        if self.lane > max(waiter.lane, Lane.QUERY):
            return True
        if rank > waiter.rank and self.client != waiter.client:
            return True
        return now - self.started >= preempt_after


def victim(
    running: list[Running], waiter: Waiter, now: float, preempt_after: float, overuse: Overuse
) -> Running | None:
    """The running job the hungry ``waiter`` stops: the worst lane, then the busiest
    client, then the oldest.

    >>> old, new = Running(Lane.QUERY, 0.0), Running(Lane.QUERY, 1.0)
    >>> waiter = Waiter(Lane.QUERY, 0, 1, 0.0)
    >>> victim([new, old], waiter, 2.5, 1.0, Overuse()) is old
    True
    >>> victim([new, old], waiter, 0.5, 1.0, Overuse()) is None
    True
    """
    # A running job's rank counts the time it has taken: one that holds a worker long is
    # as suspect as one that was stopped.
    ranked = [(r, int(overuse.of(r.client, now=now) + now - r.started)) for r in running]
    candidates = [
        (r.lane, rank, now - r.started, r)
        for r, rank in ranked
        if r.gives_way_to(waiter, rank, now, preempt_after)
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[:3])[3]


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
