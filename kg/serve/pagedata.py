"""What a resource's page shows, gathered by its queries in one job on a query worker.

A page's queries (:mod:`kg.serve.nodequeries`) come in three rounds, each needing the one
before: the node's counts per property and the keys of its first lists, then the items of
each list, then the labels of what the page shows. :func:`gather` runs the rounds with a
``run`` function; the worker (:mod:`kg.serve.worker`) calls it with its store, so a page
costs one trip to a worker, not three (under load each trip waits for a free worker).
The answer, :class:`Gathered`, is what :mod:`kg.serve.pages` renders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from kg.rdf.vocab import KG, OA
from kg.serve import nodequeries as q
from kg.serve.paging import GRAPHS_SHOWN, ListName, Want
from kg.serve.values import Statements
from kg.store.base import SelectResult, Term

__all__ = ["Gathered", "Group", "Queries", "Run", "counts", "gather", "rdf_totals"]

_HAS_BODY = str(OA.hasBody)
_REPORT_OF = str(KG.reportOf)
_REPORT_VALUES = ("troops", "participants", "start", "end")
"""The columns of a report row whose values are count or date nodes."""

Queries = dict[str, tuple[str, dict[str, Term]]]
"""SELECT queries by name, each with its bound parameters."""
Run = Callable[[Queries], dict[str, SelectResult]]
"""Runs named SELECT queries; their solutions by name."""


@dataclass
class Group:
    """One page of one property's list: its total and its items."""

    prop: str
    total: int
    rows: list[dict[str, Term]]


@dataclass
class Gathered:
    """What a page shows: its lists (a page of each), their totals, the provenance of its
    graphs, the graphs stating each statement, the labels of the IRIs it shows and the
    statements of the counts and dates it shows as text."""

    out: list[Group]
    incoming: list[Group]
    evidence: list[dict[str, Term]]
    evidence_total: int
    graphs: list[str]
    graph_total: int
    provenance: dict[str, list[dict[str, Term]]]
    stated_in: dict[tuple[str, Term], list[str]]
    labels: dict[str, list[tuple[str, str | None]]]
    values: dict[str, Statements]
    reports: list[dict[str, Term]]
    reports_total: int


def counts(result: SelectResult) -> dict[str, int]:
    """The solutions of :data:`~kg.serve.nodequeries.OUT_COUNTS` or ``IN_COUNTS`` as
    property → count."""
    return {row["p"].value: int(row["n"].value) for row in result.rows}


def _total(result: SelectResult) -> int:
    return int(result.rows[0]["n"].value) if result.rows else 0


def rdf_totals(
    out_counts: dict[str, int], in_counts: dict[str, int], want: Want
) -> dict[str, int] | None:
    """The properties an RDF answer holds, each with its total: every property of the node,
    or the one of the list asked for (``list=statements`` or ``references``); None when
    the store knows nothing of the node.

    >>> p = "https://example.org/p"
    >>> rdf_totals({p: 60}, {}, Want())
    {'https://example.org/p': 60}
    >>> rdf_totals({}, {p: 3}, Want(ListName.REFERENCES, p, 2)), rdf_totals({}, {}, Want())
    ({'https://example.org/p': 3}, None)
    """
    if not out_counts and not in_counts:
        return None
    if want.prop is None:
        return out_counts
    incoming = want.name is ListName.REFERENCES
    return {want.prop: (in_counts if incoming else out_counts).get(want.prop, 0)}


def gather(run: Run, node: Term, want: Want) -> Gathered | None:
    """Run the page's queries in three rounds (counts and keys, items, labels); None when
    the store knows nothing of ``node``."""
    s, o, lists = {"s": node}, {"o": node}, want.lists()
    first: Queries = {
        "out": (q.OUT_COUNTS, s),
        "in": (q.IN_COUNTS, o),
        "values": (q.VALUE_NODES, s),
    }
    if ListName.EVIDENCE in lists:
        first["notes"] = (q.NOTES + q.page(want.offset, want.size), o)
    if ListName.PROVENANCE in lists:
        first["graphs"] = (q.GRAPHS + q.page(want.offset, want.size), s)
        first["graph count"] = (q.GRAPH_COUNT, s)
    one = run(first)
    out_counts, in_counts = counts(one["out"]), counts(one["in"])
    if not out_counts and not in_counts:
        return None

    def props(counts: dict[str, int], name: ListName) -> list[str]:
        if name not in lists:
            return []
        if want.name is name and want.prop is not None:
            return [want.prop]
        return sorted(p for p in counts if p != _HAS_BODY or name is ListName.STATEMENTS)

    out_props = props(out_counts, ListName.STATEMENTS)
    in_props = props(in_counts, ListName.REFERENCES)
    notes = [row["note"] for row in one["notes"].rows] if "notes" in one else []
    graphs = [row["g"].value for row in one["graphs"].rows] if "graphs" in one else []
    second: Queries = {}
    for p in out_props:
        second["out " + p] = (q.statements(node, Term.iri(p), want.offset, want.size), {})
    for p in in_props:
        query = q.REFERENCES + q.page(want.offset, want.size)
        second["in " + p] = (query, {"p": Term.iri(p), "o": node})
    if notes:
        second["evidence"] = (q.evidence(notes), {})
    if graphs:
        second["provenance"] = (q.provenance([Term.iri(g) for g in graphs]), {})
    reports_total = in_counts.get(_REPORT_OF, 0)
    if reports_total and want.name is None:
        second["reports"] = (q.reports(node, want.offset, want.size), {})
    two = run(second) if second else {}
    out = [Group(p, out_counts.get(p, 0), two["out " + p].rows) for p in out_props]
    incoming = [Group(p, in_counts.get(p, 0), two["in " + p].rows) for p in in_props]
    evidence = _first_per_note(two["evidence"].rows) if "evidence" in two else []
    provenance: dict[str, list[dict[str, Term]]] = defaultdict(list)
    for row in two["provenance"].rows if "provenance" in two else []:
        provenance[row["g"].value].append(row)

    reports = two["reports"].rows if "reports" in two else []
    shown = {node.value, *graphs}
    shown.update(r[k].value for r in reports for k in ("article", "status") if k in r)
    shown.update(row["x"].value for group in incoming for row in group.rows)
    shown.update(row["article"].value for row in evidence)
    shown.update(row["article"].value for rows in provenance.values() for row in rows)
    shown.update(row["o"].value for group in out for row in group.rows if row["o"].kind == "iri")
    several = [
        (node, Term.iri(group.prop), row["o"])
        for group in out
        for row in group.rows
        if row["o"].kind != "bnode" and 1 < int(row["graphs"].value) <= GRAPHS_SHOWN
    ]
    third: Queries = {"labels": (q.labels([Term.iri(i) for i in sorted(shown)]), {})}
    if several:
        third["stated in"] = (q.stated_in(several), {})
    told = {r[k] for r in reports for k in _REPORT_VALUES if k in r and r[k].kind == "iri"}
    if told:
        third["report values"] = (q.value_statements(sorted(told, key=lambda t: t.value)), {})
    if reports:
        third["quotes"] = (q.first_quotes([r["report"] for r in reports]), {})
    three = run(third)
    labels: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for row in three["labels"].rows:
        labels[row["x"].value].append((row["label"].value, row["label"].language))
    stated_in: dict[tuple[str, Term], list[str]] = defaultdict(list)
    for row in three["stated in"].rows if "stated in" in three else []:
        stated_in[(row["p"].value, row["o"])].append(row["g"].value)
    values: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for row in [*one["values"].rows, *(three["report values"].rows if told else [])]:
        values[row["o"].value][row["p"].value].append(row["v"])
    if reports:
        quotes = {row["report"].value: row["quote"] for row in three["quotes"].rows}
        reports = [
            {**r, "quote": quotes[r["report"].value]} if r["report"].value in quotes else r
            for r in reports
        ]
    return Gathered(
        out=out,
        incoming=incoming,
        evidence=evidence,
        evidence_total=in_counts.get(_HAS_BODY, 0),
        graphs=graphs,
        graph_total=_total(one["graph count"]) if "graph count" in one else 0,
        provenance=dict(provenance),
        stated_in=dict(stated_in),
        labels=dict(labels),
        values={k: dict(v) for k, v in values.items()},
        reports=reports,
        reports_total=reports_total,
    )


def _first_per_note(rows: list[dict[str, Term]]) -> list[dict[str, Term]]:
    """One row a quote (an article with two headlines would give two), in reading order."""
    seen: dict[str, dict[str, Term]] = {}
    for row in rows:
        seen.setdefault(row["note"].value, row)

    def order(row: dict[str, Term]) -> tuple[str, int, int]:
        def number(name: str) -> int:
            value = row[name].value
            return int(value) if value.isdigit() else 0

        return (row["article"].value, number("start"), number("end"))

    return sorted(seen.values(), key=order)
