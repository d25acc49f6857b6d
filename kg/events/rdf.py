"""The events graph: real-world events, their reports, and why each report was linked.

::

    <event> a kgo:DeploymentEvent ; rdfs:label "..." ; kgo:firstReport <report> ;
        kgo:reportCount 2 ; kgo:outletCount 2 ; kgo:firstPublished "2022-01-13"^^xsd:date ;
        kgo:lastPublished ... ; kgo:troopsMin 2001 ; kgo:troopsMax 2500 ;
        kgo:startEarliest "2022-01-03"^^xsd:date ; kgo:startLatest ... .
    <report> kgo:reportOf <event> .
    <report>/event-link a kgo:ReportLink ; kgo:linkedReport <report> ; kgo:linkedEvent <event> ;
        kgo:linkRule "same-actor" , "same-place" ... ; kgo:linkReason "sender key:csto; ..." ;
        kgo:comparedWith <first report> ; kgo:reviewedIn "facts/events.yaml:4" .
    <report>/disagreement/troops/{other report's ref} a kgo:Disagreement ;
        kgo:disagreementIn <event> ; kgo:disputedMeasure "troops" ;
        kgo:oneReport <report> ; kgo:otherReport <other report> ;
        kgo:oneOutlet "Harbour Wire" ; kgo:otherOutlet "Warta Nusantara" .

The event's figures and its disagreements are worked out by :mod:`kg.events.figures`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.events.figures import disagreements, summary
from kg.events.linking import Event
from kg.mapping import Triple, new_graph
from kg.rdf.iris import Iris
from kg.rdf.vocab import KG

__all__ = ["event_label", "events_graph", "events_triples"]

_CLASS = {"deployment": KG.DeploymentEvent, "protest": KG.ProtestEvent}


def event_label(event: Event) -> str:
    """A short English label from the event's first report.

    >>> from kg.events.reports import Place, Report
    >>> from kg.events.linking import Link
    >>> r = Report("a/protest/p", "https://x/a/protest/p", "protest", "a",
    ...            place=Place(frozenset(), name="Almaty"))
    >>> event_label(Event("https://x/e", "protest", (Link(r, ("first-report",), ""),)))
    'Protest in Almaty (1 report)'
    """
    first = event.reports[0]
    where = first.place.name if first.place is not None else "?"
    count = len(event.links)
    reports = f"{count} report" + ("s" if count != 1 else "")
    if event.kind == "deployment":
        return f"Deployment of {first.actor_name} to {where} ({reports})"
    return f"Protest in {where} ({reports})"


def events_graph(events: Sequence[Event], iris: Iris) -> Graph:
    """The events graph of linked reports."""
    g = new_graph(iris.events_graph())
    for triple in events_triples(events, iris):
        g.add(triple)
    return g


class _Triples:
    """Triples in the order first added, each once: a build writes and validates the events
    graph's triples without the cost of an rdflib graph's indexes."""

    def __init__(self) -> None:
        self.triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        self.triples[triple] = None


def events_triples(events: Sequence[Event], iris: Iris) -> list[Triple]:
    """The triples of :func:`events_graph`, each once."""
    g = _Triples()
    g.add((iris.events_graph(), RDF.type, PROV.Entity))
    g.add((iris.events_graph(), PROV.wasAttributedTo, iris.agent()))
    for event in events:
        node = URIRef(event.iri)
        g.add((node, RDF.type, _CLASS[event.kind]))
        g.add((node, RDFS.label, Literal(event_label(event), lang="en")))
        g.add((node, KG.firstReport, URIRef(event.reports[0].iri)))
        for link in event.links:
            report = URIRef(link.report.iri)
            note = Iris.child(report, "event-link")
            g.add((report, KG.reportOf, node))
            g.add((note, RDF.type, KG.ReportLink))
            g.add((note, KG.linkedReport, report))
            g.add((note, KG.linkedEvent, node))
            for rule in link.rules:
                g.add((note, KG.linkRule, Literal(rule)))
            g.add((note, KG.linkReason, Literal(link.reason, lang="en")))
            if link.compared_with is not None:
                g.add((note, KG.comparedWith, URIRef(link.compared_with.iri)))
            if link.reviewed is not None:
                g.add((note, KG.reviewedIn, Literal(link.reviewed)))
        _add_figures(g, node, event, iris)
    return list(g.triples)


def _add_figures(g: _Triples, node: URIRef, event: Event, iris: Iris) -> None:
    """The event's summary, and a node for each pair of its reports that disagree."""
    s = summary(event)
    for prop, value, datatype in (
        (KG.reportCount, s.reports, XSD.integer),
        (KG.outletCount, s.outlets, XSD.integer),
        (KG.firstPublished, s.first_published, XSD.date),
        (KG.lastPublished, s.last_published, XSD.date),
        (KG.troopsMin, s.troops_min, XSD.integer),
        (KG.troopsMax, s.troops_max, XSD.integer),
        (KG.startEarliest, s.start_earliest, XSD.date),
        (KG.startLatest, s.start_latest, XSD.date),
    ):
        if value is not None:
            g.add((node, prop, Literal(value, datatype=datatype)))
    for d in disagreements(event, iris):
        one, other = URIRef(d.one.iri), URIRef(d.other.iri)
        pair = Iris.child(one, "disagreement", d.measure, d.other.ref)
        g.add((pair, RDF.type, KG.Disagreement))
        g.add((pair, KG.disagreementIn, node))
        g.add((pair, KG.disputedMeasure, Literal(d.measure)))
        g.add((pair, KG.oneReport, one))
        g.add((pair, KG.otherReport, other))
        for prop, report in ((KG.oneOutlet, d.one), (KG.otherOutlet, d.other)):
            if report.outlet is not None:
                g.add((pair, prop, Literal(report.outlet)))
