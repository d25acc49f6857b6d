"""The SPARQL behind a resource's page (:mod:`kg.serve.pages`), each query bounded to the
node it shows.

Simple queries take the node as a bound parameter (``?s`` for the node as subject, ``?o``
as object). A list's items come a page at a time in the store's own order (LIMIT and
OFFSET, no ORDER BY: sorting would read every item of a long list), so a page of a hub
reads what it shows, plus counting. Queries over a set of terms (the items of a page) or
with a sub-SELECT write their terms in a VALUES block with :meth:`Term.n3`, which escapes
them, as :func:`kg.store.binding.bind_values` does for parameters: the bound parameters
would not reach inside a sub-SELECT, and a sub-SELECT without them reads the whole store.

The ``*_sparql`` functions give the same lists as readable queries (every item, sorted)
for the query page.

>>> node = Term.iri("https://example.org/kg/id/organization/csto")
>>> print(statements_sparql(node, Term.iri("https://example.org/kg/ontology#mentionedIn")))
PREFIX kgo: <https://example.org/kg/ontology#>
<BLANKLINE>
SELECT ?value ?graph WHERE {
  GRAPH ?graph { <https://example.org/kg/id/organization/csto> kgo:mentionedIn ?value }
}
ORDER BY ?value ?graph
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from kg.rdf.namespaces import PREFIXES, sparql_prefixes
from kg.serve.values import VALUE_PROPERTIES
from kg.store.base import Term

__all__ = [
    "GRAPHS",
    "GRAPH_COUNT",
    "IN_COUNTS",
    "NOTES",
    "OUT_COUNTS",
    "REFERENCES",
    "VALUE_NODES",
    "construct",
    "everything",
    "evidence",
    "evidence_sparql",
    "first_quotes",
    "labels",
    "page",
    "provenance",
    "provenance_sparql",
    "references_sparql",
    "reports",
    "stated_in",
    "stated_in_sparql",
    "statements",
    "statements_sparql",
    "value_statements",
]

_P = sparql_prefixes("rdfs", "oa", "schema", "prov", "kgo")

OUT_COUNTS = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p"
"""How many values the node (``?s``) has of each property (the merge: each triple once)."""
IN_COUNTS = "SELECT ?p (COUNT(*) AS ?n) WHERE { ?x ?p ?o } GROUP BY ?p"
"""How many statements of each property name the node (``?o``)."""
GRAPH_COUNT = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
"""How many graphs state something of the node (``?s``)."""
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
"""Those graphs (add :func:`page`)."""
NOTES = _P + "SELECT ?note WHERE { ?note oa:hasBody ?o }"
"""The evidence annotations whose body is the node, ``?o`` (add :func:`page`)."""
REFERENCES = "SELECT ?x WHERE { ?x ?p ?o }"
"""The subjects of the statements of one property (``?p``) naming the node (``?o``)."""
_VALUE_LINKS = "|".join(Term.iri(str(p)).n3() for p in VALUE_PROPERTIES)
VALUE_NODES = "SELECT ?o ?p ?v WHERE { ?s " + _VALUE_LINKS + " ?o . ?o ?p ?v }"
"""The statements of the node's counts and dates, to show them as text."""


def page(offset: int, size: int) -> str:
    """The solution modifier of one page of a list.

    >>> page(100, 50)
    ' LIMIT 50 OFFSET 100'
    """
    return f" LIMIT {int(size)} OFFSET {int(offset)}"


def _values(names: str, rows: Iterable[Sequence[Term]]) -> str:
    """A VALUES block, every term escaped by :meth:`Term.n3`.

    >>> _values("s p", [(Term.iri("urn:a"), Term.literal('x" }'))])
    'VALUES (?s ?p) { (<urn:a> "x\\\\" }") }'
    """
    head = " ".join(f"?{name}" for name in names.split())
    body = " ".join("(" + " ".join(term.n3() for term in row) + ")" for row in rows)
    return f"VALUES ({head}) {{ {body} }}"


def statements(node: Term, prop: Term, offset: int, size: int) -> str:
    """One page of the node's values of ``prop``: each value with the number of graphs
    that state it (``?graphs``) and one of them (``?graph``)."""
    return (
        "SELECT ?o (COUNT(?g) AS ?graphs) (SAMPLE(?g) AS ?graph) WHERE { "
        f"{{ SELECT ?s ?p ?o WHERE {{ {_values('s p', [(node, prop)])} ?s ?p ?o }}"
        f"{page(offset, size)} }} OPTIONAL {{ GRAPH ?g {{ ?s ?p ?o }} }} }} GROUP BY ?o"
    )


def stated_in(statements: Iterable[tuple[Term, Term, Term]]) -> str:
    """Every graph that states each of ``statements`` (subject, property, value)."""
    return f"SELECT ?p ?o ?g WHERE {{ {_values('s p o', statements)} GRAPH ?g {{ ?s ?p ?o }} }}"


def evidence(notes: Iterable[Term]) -> str:
    """The quote, position and article of each evidence annotation in ``notes``."""
    return _P + (
        "SELECT ?note ?quote ?start ?end ?article ?headline ?publisher WHERE { "
        f"{_values('note', ([n] for n in notes))} "
        "?note oa:hasTarget ?t . ?t oa:hasSource ?article ; oa:hasSelector ?qs , ?ps . "
        "?qs oa:exact ?quote . ?ps oa:start ?start ; oa:end ?end . "
        "OPTIONAL { ?article schema:headline ?headline } "
        "OPTIONAL { ?article schema:publisher/schema:name ?publisher } }"
    )


def reports(event: Term, offset: int, size: int) -> str:
    """One page of the reports of a real-world event, one row each: its article (headline,
    outlet, publication date), status, figures and dates, to show side by side (their
    quotes: :func:`first_quotes`)."""
    return _P + (
        "SELECT ?report (SAMPLE(?a) AS ?article) (SAMPLE(?h) AS ?headline) "
        "(SAMPLE(?pub) AS ?publisher) (SAMPLE(?day) AS ?published) (SAMPLE(?st) AS ?status) "
        "(SAMPLE(?n) AS ?troops) (SAMPLE(?part) AS ?participants) (SAMPLE(?b) AS ?start) "
        "(SAMPLE(?e) AS ?end) WHERE { "
        f"{{ SELECT ?report WHERE {{ ?report kgo:reportOf {event.n3()} }}{page(offset, size)} }} "
        "OPTIONAL { ?report kgo:reportedIn ?a "
        "OPTIONAL { ?a schema:headline ?h } OPTIONAL { ?a schema:publisher/schema:name ?pub } "
        "OPTIONAL { ?a schema:datePublished ?day } } "
        "OPTIONAL { ?report kgo:status ?st } OPTIONAL { ?report kgo:troops ?n } "
        "OPTIONAL { ?report kgo:participants ?part } OPTIONAL { ?report kgo:startDate ?b } "
        "OPTIONAL { ?report kgo:endDate|kgo:withdrawalDate ?e } "
        "} GROUP BY ?report ORDER BY ?published ?report"
    )


def first_quotes(facts: Iterable[Term]) -> str:
    """The first quote (in code-point order) of each of ``facts``. The facts come first
    (VALUES): inside an OPTIONAL the store would walk every quote of the dataset."""
    return _P + (
        f"SELECT ?report (MIN(?q) AS ?quote) WHERE {{ {_values('report', ([f] for f in facts))} "
        "?report kgo:evidence ?note . ?note oa:hasTarget/oa:hasSelector/oa:exact ?q } "
        "GROUP BY ?report"
    )


def value_statements(nodes: Iterable[Term]) -> str:
    """The statements of count and date nodes, to show them as text."""
    return f"SELECT ?o ?p ?v WHERE {{ {_values('o', ([n] for n in nodes))} ?o ?p ?v }}"


def provenance(graphs: Iterable[Term]) -> str:
    """One row per graph of ``graphs`` and kind of activity, its agents gathered in
    ``?agents`` (one a line). The OPTIONALs sit outside the GRAPH pattern: inside it they
    made the store evaluate the whole GRAPH pattern first."""
    return _P + (
        "SELECT ?g ?article ?kind ?tool ?ended "
        '(GROUP_CONCAT(DISTINCT ?agent; separator="\\n") AS ?agents) WHERE { '
        f"{_values('g', ([g] for g in graphs))} "
        "GRAPH ?g { ?g prov:wasDerivedFrom ?article ; prov:wasGeneratedBy ?act . ?act a ?kind } "
        "FILTER(?kind != prov:Activity) "
        "OPTIONAL { GRAPH ?g { ?act kgo:toolVersion ?tool } } "
        "OPTIONAL { GRAPH ?g { ?act prov:endedAtTime ?ended } } "
        "OPTIONAL { GRAPH ?g { ?act prov:wasAssociatedWith ?who . ?who rdfs:label ?agent } } } "
        "GROUP BY ?g ?article ?kind ?tool ?ended"
    )


def labels(iris: Iterable[Term]) -> str:
    """The labels, headlines and names of ``iris``."""
    return _P + (
        f"SELECT ?x ?label WHERE {{ {_values('x', ([i] for i in iris))} "
        "?x rdfs:label|schema:headline|schema:name ?label }"
    )


def construct(
    node: Term, totals: Mapping[Term, int], *, offset: int, size: int, incoming: bool = False
) -> str:
    """The node's statements of the properties in ``totals`` (property → how many): all of
    a property's that fit on one page, else the page at ``offset``. With ``incoming``,
    the statements of those properties that name the node."""
    whole = [(node, p) for p, n in totals.items() if n <= size and offset == 0]
    paged = [(node, p) for p, n in totals.items() if (node, p) not in whole]
    triple = "?x ?p ?n" if incoming else "?n ?p ?x"
    branches = [f"{{ {_values('n p', whole)} {triple} }}"] if whole else []
    branches += [
        f"{{ SELECT ?n ?p ?x WHERE {{ {_values('n p', [row])} {triple} }}{page(offset, size)} }}"
        for row in paged
    ]
    if not branches:  # no statements: an empty answer
        branches = ["{ FILTER(false) }"]
    return f"CONSTRUCT {{ {triple} }} WHERE {{ {' UNION '.join(branches)} }}"


def everything(node: Term, prop: Term | None, *, incoming: bool = False) -> str:
    """The CONSTRUCT of every statement of the node (of ``prop`` only, if given; naming
    the node, with ``incoming``), for ``/sparql``."""
    p = prop.n3() if prop is not None else "?p"
    triple = f"?s {p} {node.n3()}" if incoming else f"{node.n3()} {p} ?o"
    return f"CONSTRUCT {{ {triple} }} WHERE {{ {triple} }}"


# -- the same lists as queries for the query page ---------------------------------------

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def _readable(body: str, terms: Sequence[Term], *, prefixes: Iterable[str] = ()) -> str:
    """``body`` with ``{0}``, ``{1}``... replaced by ``terms``, written as prefixed names
    where kg's prefixes allow, and the PREFIX lines it needs."""
    used = dict.fromkeys(prefixes)
    shown = []
    for term in terms:
        text = term.n3()
        if term.kind == "iri":
            for prefix, namespace in PREFIXES.items():
                rest = term.value[len(namespace) :]
                if term.value.startswith(namespace) and _LOCAL.fullmatch(rest):
                    text, used[prefix] = f"{prefix}:{rest}", None
                    break
        shown.append(text)
    head = sparql_prefixes(*used) if used else ""
    return head + ("\n" if head else "") + body.format(*shown)


def statements_sparql(node: Term, prop: Term) -> str:
    """Every value of ``prop`` of the node, with the graphs that state it."""
    return _readable(
        "SELECT ?value ?graph WHERE {{\n  GRAPH ?graph {{ {0} {1} ?value }}\n}}\n"
        "ORDER BY ?value ?graph",
        [node, prop],
    )


def references_sparql(node: Term, prop: Term) -> str:
    """Every statement of ``prop`` naming the node, with the graphs that state it."""
    return _readable(
        "SELECT ?subject ?graph WHERE {{\n  GRAPH ?graph {{ ?subject {1} {0} }}\n}}\n"
        "ORDER BY ?subject ?graph",
        [node, prop],
    )


def stated_in_sparql(node: Term, prop: Term, value: Term) -> str:
    """Every graph that states one statement of the node."""
    return _readable(
        "SELECT ?graph WHERE {{\n  GRAPH ?graph {{ {0} {1} {2} }}\n}}\nORDER BY ?graph",
        [node, prop, value],
    )


def evidence_sparql(node: Term) -> str:
    """Every quote supporting the node, with its article and position."""
    return _readable(
        "SELECT ?quote ?article ?headline ?start ?end WHERE {{\n"
        "  ?note oa:hasBody {0} ; oa:hasTarget ?target .\n"
        "  ?target oa:hasSource ?article ; oa:hasSelector ?quoted , ?position .\n"
        "  ?quoted oa:exact ?quote .\n"
        "  ?position oa:start ?start ; oa:end ?end .\n"
        "  OPTIONAL {{ ?article schema:headline ?headline }}\n"
        "}}\nORDER BY ?article ?start ?end",
        [node],
        prefixes=("oa", "schema"),
    )


def provenance_sparql(node: Term) -> str:
    """Every graph that states something of the node, with its article and activity."""
    return _readable(
        "SELECT DISTINCT ?graph ?article ?activity WHERE {{\n"
        "  GRAPH ?graph {{ {0} ?p ?o }}\n"
        "  OPTIONAL {{ GRAPH ?graph {{ ?graph prov:wasDerivedFrom ?article ; "
        "prov:wasGeneratedBy ?activity }} }}\n"
        "}}\nORDER BY ?graph",
        [node],
        prefixes=("prov",),
    )
