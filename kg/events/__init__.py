"""Real-world events: the reports of one event, from many articles, linked at build time.

An article's deployment or protest is a *report* of a real-world event; reports that the
rules of :mod:`kg.events.linking` find compatible, or that a person put together in the
review file (:mod:`kg.events.review`), point to one event node in the events graph
(:mod:`kg.events.rdf`), with what its reports say together and where they disagree
(:mod:`kg.events.figures`). See ``docs/event-linking.md``.
"""

from kg.events.linking import Event, Link, Match, compare, link_reports
from kg.events.rdf import event_label, events_graph, events_triples
from kg.events.reports import Place, Report, Resolver, reports_of
from kg.events.review import REVIEW_FILE, Decision, Decisions, load_decisions, stale

__all__ = [
    "REVIEW_FILE",
    "Decision",
    "Decisions",
    "Event",
    "Link",
    "Match",
    "Place",
    "Report",
    "Resolver",
    "compare",
    "event_label",
    "events_graph",
    "events_triples",
    "link_reports",
    "load_decisions",
    "reports_of",
    "stale",
]
