"""The events graph: real-world events, their reports, and why each report was linked.

::

    <event> a kgo:DeploymentEvent ; rdfs:label "..." ; kgo:firstReport <report> .
    <report> kgo:reportOf <event> .
    <report>/event-link a kgo:ReportLink ; kgo:linkedReport <report> ; kgo:linkedEvent <event> ;
        kgo:linkRule "same-actor" , "same-place" ... ; kgo:linkReason "sender key:csto; ..." ;
        kgo:comparedWith <first report> ; kgo:reviewedIn "facts/events.yaml:4" .
"""

from __future__ import annotations

from collections.abc import Sequence

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import PROV

from kg.events.linking import Event
from kg.mapping import new_graph
from kg.rdf.iris import Iris
from kg.rdf.vocab import KG

__all__ = ["event_label", "events_graph"]

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
    return g
