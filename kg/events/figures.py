"""What the reports of one event say together, worked out at build time.

The event-level queries (``queries/events.rq``, ``queries/disagreements.rq``) used to
compute these from every report's article graph, which took seconds at a million triples;
the events graph now states them (:mod:`kg.events.rdf`), so the queries read them:

- a :class:`Summary` of each event: how many reports and outlets, the first and last
  publication date, the lowest and highest troop figure and the earliest and latest start
  that its reports state;
- each :class:`Disagreement`: two reports of one event, in different articles, that state
  one count (troops, deaths, injuries, arrests, participants) differently, in value,
  bounds or qualifier. The values stay in the reports' article graphs.

>>> from kg.events.linking import Event, Link
>>> from kg.events.reports import Figure, Report
>>> def report(article: str, troops: Figure) -> Report:
...     return Report(f"{article}/deployment/d", f"https://x/article/{article}/deployment/d",
...                   "deployment", article, figures=(("troops", troops),))
>>> a = report("b", Figure("approximately", 2500))
>>> b = report("a", Figure("more_than", 2000, min=2001))
>>> event = Event("https://x/e", "deployment", (Link(a, ("first-report",), ""), Link(b, (), "")))
>>> summary(event).troops_min, summary(event).troops_max
(2001, 2500)
>>> [(d.measure, d.one.article, d.other.article) for d in disagreements(event, Iris("https://x/"))]
[('troops', 'a', 'b')]
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from kg.events.linking import Event
from kg.events.reports import MEASURES, Report
from kg.rdf.iris import Iris

__all__ = ["Disagreement", "Summary", "disagreements", "summary"]


@dataclass(frozen=True)
class Summary:
    """What an event's reports say together.

    Attributes:
        reports: how many reports it has.
        outlets: how many publishers published them (articles without one not counted).
        first_published: the earliest publication date of its reports' articles.
        last_published: the latest.
        troops_min: the lowest troop figure stated (a bound, else the value).
        troops_max: the highest.
        start_earliest: the earliest day on which a report says it may have started.
        start_latest: the latest such day.
    """

    reports: int
    outlets: int
    first_published: dt.date | None = None
    last_published: dt.date | None = None
    troops_min: int | None = None
    troops_max: int | None = None
    start_earliest: dt.date | None = None
    start_latest: dt.date | None = None


@dataclass(frozen=True)
class Disagreement:
    """Two reports of one event that state one count differently.

    Attributes:
        measure: the count (``troops``, ``deaths``, ``injuries``, ``arrests``,
            ``participants``), the local name of its property in the article graph.
        one: the report whose article graph's IRI sorts first.
        other: the other report.
    """

    measure: str
    one: Report
    other: Report


def summary(event: Event) -> Summary:
    """What the reports of ``event`` say together."""
    reports = event.reports
    published = [r.published for r in reports if r.published is not None]
    troops = [f for r in reports for m, f in r.figures if m == "troops"]
    low = [n for n in (f.low for f in troops) if n is not None]
    high = [n for n in (f.high for f in troops) if n is not None]
    starts = [r.start for r in reports if r.start is not None]
    return Summary(
        reports=len(reports),
        outlets=len({r.publisher for r in reports if r.publisher is not None}),
        first_published=min(published, default=None),
        last_published=max(published, default=None),
        troops_min=min(low, default=None),
        troops_max=max(high, default=None),
        start_earliest=min((s[0] for s in starts), default=None),
        start_latest=max((s[1] for s in starts), default=None),
    )


def disagreements(event: Event, iris: Iris) -> Iterator[Disagreement]:
    """Each pair of ``event``'s reports in different articles that state a count
    differently, once per count, the report of the first article graph (by IRI) first."""
    graph = {r.article: str(iris.graph(r.article)) for r in event.reports}
    ordered = sorted(event.reports, key=lambda r: (graph[r.article], r.iri))
    for measure in MEASURES[event.kind]:
        stating = [(r, dict(r.figures)[measure]) for r in ordered if measure in dict(r.figures)]
        for (one, a), (other, b) in itertools.combinations(stating, 2):
            if graph[one.article] < graph[other.article] and a != b:
                yield Disagreement(measure, one, other)
