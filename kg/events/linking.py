"""Linking reports of one real-world event: rules, clustering and the event's IRI.

Two reports are *compatible* when every rule of their kind holds (see
``docs/event-linking.md``):

- deployments: ``same-actor`` (the senders share an identity token, or one is a state and
  the other a force of it: "Bangladesh Army", "Indian troops", or "the army" deployed at
  home), ``contingent`` (two contingents of different collective deployments never link),
  ``same-place`` or ``place-in-country`` (the destinations are one place, a place named
  after and inside the other, one compass region of a country, or a town inside the
  country the other names), ``status-fits`` (planned, happened and withdrawal reports
  link; a denial never links with a report that it happened) and a date rule;
- protests: ``same-place`` or ``place-in-country`` (between the locations, or any place of
  one and any place of the other when their countries do not differ), a date rule and
  ``shared-cause`` (when both state causes, they share a word of three letters or more,
  plurals folded);
- date rules: ``dates-overlap`` (the stated starts overlap, each at its own precision, give
  or take a few days), ``ends-after-start`` (a withdrawal report links to a deployment that
  started, or was reported undated, before it ended), ``published-close`` (an undated
  report is placed in the days before its article's publication).

Reports of one article never link: the facts of an article already merge its mentions.

Clustering is deterministic and independent of file order: reports are taken in their
stable order (publication date, then IRI); each joins the first event, in order of
creation, with whose every report it is compatible, else starts an event; only events
that share a block key with it and whose first report's dates come near its own are
compared (:class:`_Index`), which finds what comparing with every event would. Reviewed
decisions (:mod:`kg.events.review`) come first: their events are made before any report
is linked automatically, and a ``different`` decision forbids a pair.

An event's IRI is named after its first report in the stable order
(``{base}event/deployment/{article}/{fact}``), or after the id a person gave it. Adding an
article renames an event only when the new report is earlier than all the event's reports
(or joins two events); removing an article renames only the events it reported first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.events.reports import Place, Report, Span
from kg.events.review import Decisions
from kg.rdf.iris import Iris

__all__ = ["Event", "Link", "Match", "compare", "link_reports"]

#: Days by which two stated dates may miss each other and still be one event's.
SLACK = {"deployment": 7, "protest": 2}
#: Days before its publication in which an undated report places its event.
UNDATED = {"deployment": 30, "protest": 14}
_WORD = re.compile(r"[a-z]{3,}")
_STOP = frozenset(
    {"against", "over", "with", "from", "that", "this", "their", "about", "the", "and", "for",
     "not", "its", "his", "her", "our", "all", "are", "was", "has", "new", "per", "who"}
)  # fmt: skip


@dataclass(frozen=True)
class Match:
    """Why two reports are one event's: the rules that held, and their values."""

    rules: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    """A report's link to its event, and why it was made.

    Attributes:
        report: the report.
        rules: rule names (``first-report``, ``reviewed``, ``same-actor`` ...).
        reason: the rules' values in words.
        compared_with: the report it was compared with (the event's first), if any.
        reviewed: ``path:line`` of the reviewed decision that made it, if any.
    """

    report: Report
    rules: tuple[str, ...]
    reason: str
    compared_with: Report | None = None
    reviewed: str | None = None


@dataclass(frozen=True)
class Event:
    """A real-world event and the links of its reports, first report first."""

    iri: str
    kind: str
    links: tuple[Link, ...]

    @property
    def reports(self) -> tuple[Report, ...]:
        """The event's reports in the stable order."""
        return tuple(link.report for link in self.links)


def _fmt(span: Span) -> str:
    a, b = span
    return a.isoformat() if a == b else f"{a.isoformat()}..{b.isoformat()}"


def _overlap(a: Span, b: Span, slack: int) -> bool:
    pad = dt.timedelta(days=slack)
    return a[0] <= b[1] + pad and b[0] <= a[1] + pad


def _token(shared: Iterable[str]) -> str:
    """The most telling of shared tokens: an authority key, a Wikidata id, then a name."""
    rank = {"key": 0, "wd": 1, "name": 2}
    return min(shared, key=lambda t: (rank.get(t.split(":", 1)[0], 3), t))


def _place_fits(a: Place, b: Place) -> tuple[str, str] | None:
    shared = a.tokens & b.tokens
    if shared:
        return "same-place", f"place {_token(shared)}"
    if a.is_country and b.country == a.country and not b.is_country:
        return "place-in-country", f"{b.name} in {a.name}"
    if b.is_country and a.country == b.country and not a.is_country:
        return "place-in-country", f"{a.name} in {b.name}"
    if a.within & b.tokens:
        return "same-place", f"{a.name} in {b.name}"
    if b.within & a.tokens:
        return "same-place", f"{b.name} in {a.name}"
    if a.region is not None and a.region == b.region:
        return "same-place", f"{a.name} ~ {b.name} ({a.region.replace(':', ' ')})"
    return None


def _window(r: Report) -> Span | None:
    if r.published is None:
        return None
    return (r.published - dt.timedelta(days=UNDATED[r.kind]), r.published)


def _dates_fit(a: Report, b: Report) -> tuple[str, str] | None:
    slack = SLACK[a.kind]
    if a.kind == "protest":
        sa = (a.start[0], (a.end or a.start)[1]) if a.start else None
        sb = (b.start[0], (b.end or b.start)[1]) if b.start else None
        ea = eb = None
    else:
        sa, sb, ea, eb = a.start, b.start, a.end, b.end
    if sa and sb:
        if _overlap(sa, sb, slack):
            return "dates-overlap", f"start {_fmt(sa)} ~ {_fmt(sb)}"
        return None
    for first, second, end in ((sa, sb, eb), (sb, sa, ea)):
        if first and second is None and end:
            if first[0] <= end[1] + dt.timedelta(days=slack):
                return "ends-after-start", f"start {_fmt(first)} before end {_fmt(end)}"
            return None
    for one, end in ((a, eb), (b, ea)):
        # an undated report of a deployment that a withdrawal report ends
        window = _window(one)
        if not (sa or sb) and one.end is None and end and window:
            if window[0] <= end[1] + dt.timedelta(days=slack):
                return "ends-after-start", f"undated: {_fmt(window)} before end {_fmt(end)}"
            return None
    if ea and eb:
        if _overlap(ea, eb, slack):
            return "dates-overlap", f"end {_fmt(ea)} ~ {_fmt(eb)}"
        return None
    wa = sa or ea or _window(a)
    wb = sb or eb or _window(b)
    if wa is None or wb is None:
        return "published-close", "undated, no publication date"
    if _overlap(wa, wb, slack):
        return "published-close", f"undated: {_fmt(wa)} ~ {_fmt(wb)}"
    return None


def _stem(word: str) -> str:
    """A word without its plural ending: ``hikes`` -> ``hike``, ``taxes`` -> ``tax``."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("xes", "ses", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _words(causes: Sequence[str]) -> set[str]:
    return {_stem(w) for c in causes for w in _WORD.findall(c.casefold()) if w not in _STOP}


def compare(a: Report, b: Report) -> Match | None:
    """Whether two reports are of one event, and why; None when a rule fails.

    Reports of one article, or of different kinds, never match.
    """
    if a.kind != b.kind or a.article == b.article:
        return None
    rules: list[str] = []
    reasons: list[str] = []
    if a.kind == "deployment":
        if a.place is None or b.place is None:
            return None
        sender = _same_actor(a, b)
        if sender is None:
            return None
        rules.append("same-actor")
        reasons.append(sender)
        if a.part_of and b.part_of and not _identity(a.part_of) & _identity(b.part_of):
            return None
        fits = _place_fits(a.place, b.place)
        if fits is None:
            return None
        rules.append(fits[0])
        reasons.append(f"destination {fits[1].removeprefix('place ')}")
        if {a.status, b.status} == {"denied", "happened"}:
            return None
        rules.append("status-fits")
        reasons.append(f"status {a.status}/{b.status}")
    else:
        fits = _protest_places(a, b)
        if fits is None:
            return None
        rules.append(fits[0])
        reasons.append(fits[1])
    dates = _dates_fit(a, b)
    if dates is None:
        return None
    rules.append(dates[0])
    reasons.append(dates[1])
    if a.kind == "protest" and a.causes and b.causes:
        common = _words(a.causes) & _words(b.causes)
        if not common:
            return None
        rules.append("shared-cause")
        reasons.append("cause " + ", ".join(sorted(common)))
    return Match(tuple(rules), tuple(reasons))


def _identity(tokens: frozenset[str]) -> frozenset[str]:
    """The tokens that say who an actor is (``force:`` tokens say whose force it is)."""
    return frozenset(t for t in tokens if not t.startswith("force:"))


def _same_actor(a: Report, b: Report) -> str | None:
    """Why two senders are one: a shared token, or a state and a force of it (a force
    named without its country is the force of the country it is deployed in)."""
    shared = _identity(a.actor) & _identity(b.actor)
    if shared:
        return f"sender {_token(shared)}"
    for state, force in ((a, b), (b, a)):
        for token in sorted(state.actor):
            if not token.startswith("state:"):
                continue
            country = token.removeprefix("state:")
            home = force.place is not None and force.place.country == country
            if f"force:{country}" in force.actor or ("force:?" in force.actor and home):
                return f"sender {force.actor_name}, a force of {state.actor_name}"
    return None


def _protest_places(a: Report, b: Report) -> tuple[str, str] | None:
    if a.place is not None and b.place is not None:
        fits = _place_fits(a.place, b.place)
        if fits is not None:
            return fits
        if a.place.country and b.place.country and a.place.country != b.place.country:
            return None
    for one in (a.place, *a.places):
        for other in (b.place, *b.places):
            if one is None or other is None or (one is a.place and other is b.place):
                continue
            shared = one.tokens & other.tokens
            if shared:
                return "same-place", f"place {_token(shared)}"
            if one.within & other.tokens or other.within & one.tokens:
                inner, outer = (one, other) if one.within & other.tokens else (other, one)
                return "same-place", f"{inner.name} in {outer.name}"
    return None


@dataclass
class _Cluster:
    number: int
    kind: str
    members: list[Report] = field(default_factory=list)
    links: dict[str, Link] = field(default_factory=dict)
    name: str | None = None
    buckets: range | None = None  # the time buckets of its first report's reach


#: Days per time bucket of the candidate index.
_BUCKET = 16


def _reach(r: Report) -> tuple[int | None, int | None]:
    """The days (ordinals) that any report whose dates fit ``r``'s must come near: when the
    date rules hold for two reports, their reaches overlap give or take ``SLACK`` days.
    ``None`` is an open end.

    A stated start reaches its span (a protest's to its end); a deployment stated only by
    its end reaches back without limit (``ends-after-start``); an undated report reaches its
    ``UNDATED`` window (``published-close``), and everywhere without a publication date.
    """
    if r.start is not None:
        last = (r.end or r.start)[1] if r.kind == "protest" else r.start[1]
        low, high = r.start[0].toordinal(), last.toordinal()
        return min(low, high), max(low, high)  # a protest may state an end before its start
    if r.kind == "deployment" and r.end is not None:
        return None, r.end[1].toordinal()
    window = _window(r)
    if window is None:
        return None, None
    return window[0].toordinal(), window[1].toordinal()


def _buckets(r: Report) -> range | None:
    """The time buckets of a report's reach padded by ``SLACK``; None when it is open."""
    low, high = _reach(r)
    if low is None or high is None:
        return None
    slack = SLACK[r.kind]
    return range((low - slack) // _BUCKET, (high + slack) // _BUCKET + 1)


class _Index:
    """Events by block key and time: the events a report may join share a block key with
    it, and their first report's reach overlaps the report's (every rule set needs a date
    rule, see :func:`_reach`), so only those are compared. Returns what comparing with
    every event of its block keys would find, without the all-pairs cost of a block that
    many reports share (one sender, one country)."""

    def __init__(self) -> None:
        self.by_key: dict[str, dict[int, _Cluster]] = {}
        self.open: dict[str, dict[int, _Cluster]] = {}
        self.timed: dict[tuple[str, int], dict[int, _Cluster]] = {}

    def add(self, key: str, cluster: _Cluster) -> None:
        self.by_key.setdefault(key, {})[cluster.number] = cluster
        if cluster.buckets is None:
            self.open.setdefault(key, {})[cluster.number] = cluster
            return
        for bucket in cluster.buckets:
            self.timed.setdefault((key, bucket), {})[cluster.number] = cluster

    def candidates(self, report: Report) -> list[_Cluster]:
        """The events that ``report`` may join, in order of creation."""
        found: dict[int, _Cluster] = {}
        buckets = _buckets(report)
        for key in _blocks(report):
            if buckets is None:
                found.update(self.by_key.get(key, {}))
                continue
            found.update(self.open.get(key, {}))
            for bucket in buckets:
                found.update(self.timed.get((key, bucket), {}))
        return [found[n] for n in sorted(found)]


def _blocks(r: Report) -> set[str]:
    """Keys under which a report's possible partners are found (all rules need one)."""
    if r.kind == "deployment":
        keys = {f"d|{t}" for t in _identity(r.actor)}
        for token in r.actor - _identity(r.actor):
            country = token.removeprefix("force:")
            if country == "?":
                country = (r.place.country if r.place else None) or ""
            if country:
                keys.add(f"d|state:{country}")
        return keys
    places = [p for p in (r.place, *r.places) if p is not None]
    keys = {f"p|{t}" for p in places for t in p.tokens | p.within}
    keys.update(f"p|country:{p.country}" for p in places if p.country)
    return keys


def link_reports(
    reports: Iterable[Report], *, iris: Iris | None = None, decisions: Decisions | None = None
) -> list[Event]:
    """Group reports into real-world events, deterministically.

    Args:
        reports: every report of the build, in any order.
        iris: the IRI minter.
        decisions: reviewed decisions (the review file), applied first.

    Returns:
        The events, sorted by IRI; each lists its reports first-report first.
    """
    iris = iris or Iris()
    decisions = decisions or Decisions()
    ordered = sorted({r.ref: r for r in reports}.values(), key=lambda r: r.order)
    by_ref = {r.ref: r for r in ordered}
    apart: set[frozenset[str]] = set()
    for decision in decisions.different:
        refs = [ref for ref, _ in decision.refs]
        apart.update(frozenset((x, y)) for i, x in enumerate(refs) for y in refs[i + 1 :])
    clusters: list[_Cluster] = []
    index = _Index()
    placed: dict[str, _Cluster] = {}

    def add(cluster: _Cluster, report: Report, link: Link) -> None:
        if not cluster.members:
            cluster.buckets = _buckets(report)
        cluster.members.append(report)
        cluster.links[report.ref] = link
        placed[report.ref] = cluster
        for key in _blocks(report):
            index.add(key, cluster)

    for decision in decisions.same:
        members = [by_ref[ref] for ref, _ in decision.refs if ref in by_ref]
        members = [m for m in members if m.ref not in placed]
        if not members:
            continue
        cluster = _Cluster(len(clusters), members[0].kind, name=decision.id)
        clusters.append(cluster)
        where = f"{decision.path}:{decision.line}"
        for member in sorted(members, key=lambda r: r.order):
            note = f"reviewed in {where}" + (f" by {decision.by}" if decision.by else "")
            add(cluster, member, Link(member, ("reviewed",), note, reviewed=where))

    for report in ordered:
        if report.ref in placed:
            continue
        joined = False
        for cluster in index.candidates(report):
            if cluster.kind != report.kind:
                continue
            if any(frozenset((report.ref, m.ref)) in apart for m in cluster.members):
                continue
            first = compare(report, cluster.members[0])
            if first is None or any(compare(report, m) is None for m in cluster.members[1:]):
                continue
            link = Link(report, first.rules, "; ".join(first.reasons), cluster.members[0])
            add(cluster, report, link)
            joined = True
            break
        if not joined:
            cluster = _Cluster(len(clusters), report.kind)
            clusters.append(cluster)
            add(cluster, report, Link(report, ("first-report",), "the event's first report"))

    events = []
    for cluster in clusters:
        members = sorted(cluster.members, key=lambda r: r.order)
        if cluster.name:
            iri = iris.event(cluster.name)
        else:
            article, kind, fact = members[0].ref.split("/")
            iri = iris.event(kind, article, fact)
        links = tuple(cluster.links[m.ref] for m in members)
        events.append(Event(str(iri), cluster.kind, links))
    return sorted(events, key=lambda e: e.iri)
