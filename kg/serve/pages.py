"""Linked data: every IRI under the base dereferences on this server.

Browsers get an HTML page: labels in the user's language (Accept-Language) where the data
or the ontology has them, every IRI value a link, counts and dates as text
(:mod:`kg.serve.values`) with a small link to their node, the evidence quotes with their
article, and the provenance of the graphs stating each fact; a statement is one row
however many graphs state it. Machines get Turtle, JSON-LD (compacted with the context
``kg build`` publishes), N-Triples or RDF/XML by ``Accept`` (or ``?format=``). All text
from data is HTML-escaped. Every query is joined from the node, so its cost follows the
node's own statements, not the size of the store.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from rdflib import RDFS, Graph, Literal
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.dataset import PREFIXES, jsonld_context
from kg.formats import RdfFormat
from kg.iris import is_absolute_iri
from kg.serve.backend import Backend
from kg.serve.describe import ONTOLOGY
from kg.serve.html import (
    esc,
    iri_link,
    iri_name,
    link,
    local_path,
    page,
    pick_label,
    preferred_languages,
)
from kg.serve.http import problem
from kg.serve.negotiation import RDF_MEDIA, resource_format
from kg.serve.pool import QueryTimeout
from kg.serve.sparql import answer
from kg.serve.values import VALUE_PROPERTIES, Statements, value_html
from kg.serve.worker import QueryJob
from kg.store.base import SelectResult, Term

__all__ = ["resource"]

_P = (
    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX oa: <http://www.w3.org/ns/oa#>\n"
    "PREFIX schema: <https://schema.org/> PREFIX prov: <http://www.w3.org/ns/prov#>\n"
    "PREFIX kgo: <https://example.org/kg/ontology#>\n"
)
# Each triple once per page: statements of several graphs are one row with every graph
# that states them; the other queries read the default graph (the merge, each triple once).
OUT = _P + (
    'SELECT ?p ?o (GROUP_CONCAT(STR(?g); separator=" ") AS ?graphs) '
    "WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p ?o ORDER BY ?p ?o"
)
LABELS = _P + (
    "SELECT DISTINCT ?x ?label WHERE { { ?s ?q ?x } UNION { ?x ?q ?s } "
    "?x rdfs:label|schema:headline|schema:name ?label }"
)
IN = _P + "SELECT ?x ?p WHERE { ?x ?p ?o } ORDER BY ?p ?x LIMIT 200"
# The statements of the node's counts and dates, to show them as text (a few lookups,
# however many statements the node has).
_VALUE_LINKS = "|".join(Term.iri(str(p)).n3() for p in VALUE_PROPERTIES)
VALUES = _P + "SELECT ?o ?p ?v WHERE { ?s " + _VALUE_LINKS + " ?o . ?o ?p ?v }"
EVIDENCE = _P + (
    "SELECT ?o ?quote ?start ?end ?article ?headline ?publisher WHERE { GRAPH ?g { "
    "?note oa:hasBody ?o ; oa:hasTarget ?t . ?t oa:hasSource ?article ; oa:hasSelector ?qs , ?ps . "
    "?qs oa:exact ?quote . ?ps oa:start ?start ; oa:end ?end . "
    "OPTIONAL { ?article schema:headline ?headline } "
    "OPTIONAL { ?article schema:publisher/schema:name ?publisher } } } "
    "ORDER BY ?article ?start ?end"
)
# One row a graph, its activity's agents gathered into ?agents (one a line). Every pattern
# is joined from the node's graphs: a sub-SELECT of them, or OPTIONALs inside GRAPH ?g, got
# the whole store evaluated first (half a second for any node of 190,000 triples).
PROVENANCE = _P + (
    "SELECT ?g ?article ?kind ?tool ?ended "
    '(GROUP_CONCAT(DISTINCT ?agent; separator="\\n") AS ?agents) WHERE { '
    "GRAPH ?g { ?s ?p ?o } "
    "GRAPH ?g { ?g prov:wasDerivedFrom ?article ; prov:wasGeneratedBy ?act . ?act a ?kind } "
    "FILTER(?kind != prov:Activity) "
    "OPTIONAL { GRAPH ?g { ?act kgo:toolVersion ?tool } } "
    "OPTIONAL { GRAPH ?g { ?act prov:endedAtTime ?ended } } "
    "OPTIONAL { GRAPH ?g { ?act prov:wasAssociatedWith ?who . ?who rdfs:label ?agent } } } "
    "GROUP BY ?g ?article ?kind ?tool ?ended ORDER BY ?g ?kind"
)
DESCRIBE = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


@lru_cache(maxsize=1)
def ontology_labels() -> dict[str, list[tuple[str, str | None]]]:
    """Labels of the ontology's terms (English and Indonesian), by IRI."""
    labels: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    if ONTOLOGY.is_file():
        g = Graph()
        g.parse(ONTOLOGY, format="turtle")
        for s, o in g.subject_objects(RDFS.label):
            if isinstance(o, Literal):
                labels[str(s)].append((str(o), o.language))
    return dict(labels)


class _View:
    """What one page needs to render values: labels, languages, the base, and the
    statements of the counts and dates the page shows as text."""

    def __init__(
        self,
        backend: Backend,
        labels: dict[str, list[tuple[str, str | None]]],
        langs: list[str],
        values: dict[str, Statements],
    ) -> None:
        self.backend = backend
        self.labels = labels
        self.langs = langs
        self.lang = langs[0].split("-")[0] if langs else "en"
        self.values = values

    def name(self, iri: str) -> str:
        found = pick_label(self.labels.get(iri, []) + ontology_labels().get(iri, []), self.langs)
        return found or iri_name(iri, self.backend.base)

    def iri(self, iri: str, text: str | None = None) -> str:
        """A link to the IRI's page here (under the base) or elsewhere; the IRI as title."""
        return iri_link(iri, base=self.backend.base, text=self.name(iri) if text is None else text)

    def text(self, props: Statements) -> str | None:
        """A count or a date as text (see :mod:`kg.serve.values`), or None."""
        return value_html(props, name=self.name, lang=self.lang)

    def value(self, term: Term) -> str:
        if term.kind == "iri":
            shown = self.text(self.values.get(term.value, {}))
            if shown is not None:
                node = link(
                    local_path(term.value, self.backend.base) or term.value,
                    "node",
                    css="node",
                    title=term.value,
                )
                return f'<span class="value">{shown}</span> {node}'
            return self.iri(term.value)
        if term.kind == "bnode":
            return esc(f"_:{term.value}")
        note = ""
        if term.language:
            note = f' <span class="tag">@{esc(term.language)}</span>'
        elif term.datatype and not term.datatype.endswith("#string"):
            note = f' <span class="tag">{esc(self.name(term.datatype))}</span>'
        return f"{esc(term.value)}{note}"


async def resource(request: Request) -> Response:
    """The page (or RDF) of the IRI ``base + path``; 404 if the store knows nothing of it."""
    backend: Backend = request.app.state.backend
    iri = backend.base + request.url.path.lstrip("/")
    if not is_absolute_iri(iri):
        return problem(404, "not an IRI of this dataset")
    media = resource_format(request.headers.get("accept"), request.query_params.get("format"))
    subject = {"s": Term.iri(iri)}
    if media is None:
        return problem(
            406,
            "this resource is available as text/html, text/turtle, "
            "application/ld+json, application/n-triples and application/rdf+xml",
        )
    try:
        out, labels, incoming, values, evidence, provenance = await backend.selects(
            (OUT, subject),
            (LABELS, subject),
            (IN, {"o": Term.iri(iri)}),
            (VALUES, subject),
            (EVIDENCE, {"o": Term.iri(iri)}),
            (PROVENANCE, subject),
        )
    except QueryTimeout as exc:
        return problem(503, str(exc))
    if not out.rows and not incoming.rows:
        return problem(404, f"nothing is known about <{iri}> in this dataset")
    if media != "text/html":
        rdf = RDF_MEDIA[media]
        job = QueryJob(
            DESCRIBE,
            bindings=subject,
            result_format=None,
            rdf_format=rdf,
            prefixes=PREFIXES,
            # JSON-LD compacted with the context the build publishes (context.jsonld).
            jsonld_context=jsonld_context(backend.base)["@context"]
            if rdf is RdfFormat.JSONLD
            else None,
        )
        return await answer(backend, job)
    by_iri: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for row in labels.rows:
        by_iri[row["x"].value].append((row["label"].value, row["label"].language))
    own: dict[str, list[Term]] = defaultdict(list)
    for row in out.rows:
        own[row["p"].value].append(row["o"])
    for label in own.get(str(RDFS.label), []):
        by_iri[iri].append((label.value, label.language))
    nodes: dict[str, dict[str, list[Term]]] = defaultdict(lambda: defaultdict(list))
    for row in values.rows:
        nodes[row["o"].value][row["p"].value].append(row["v"])
    langs = preferred_languages(request.headers.get("accept-language"))
    view = _View(backend, dict(by_iri), langs, {k: dict(v) for k, v in nodes.items()})
    title = view.name(iri)
    body = _render(view, iri, title, out, incoming, evidence, provenance, own=view.text(own))
    head = "".join(
        f'<link rel="alternate" type="{m}" href="?format={f}">'
        for m, f in (("text/turtle", "turtle"), ("application/ld+json", "jsonld"))
    )
    return HTMLResponse(
        page(title, body, lang=view.lang, head=head), headers={"Vary": "Accept, Accept-Language"}
    )


def _render(
    view: _View,
    iri: str,
    title: str,
    out: SelectResult,
    incoming: SelectResult,
    evidence: SelectResult,
    provenance: SelectResult,
    *,
    own: str | None,
) -> str:
    parts = [
        f"<h1>{esc(title)}</h1>",
        f'<p class="iri">{esc(iri)}</p>',
    ]
    if own is not None:
        parts.append(f'<p class="value">{own}</p>')
    parts.append(
        '<p class="alt">Also as <a href="?format=turtle">Turtle</a> · '
        '<a href="?format=jsonld">JSON-LD</a> · <a href="?format=ntriples">N-Triples</a></p>'
    )
    if out.rows:
        parts.append(
            "<h2>Statements</h2><table><thead><tr><th>property</th><th>value</th>"
            "<th>stated in</th></tr></thead><tbody>"
        )
        for row in out.rows:
            graphs = ", ".join(view.iri(g) for g in sorted(row["graphs"].value.split()))
            parts.append(
                f"<tr><td>{view.iri(row['p'].value)}</td><td>{view.value(row['o'])}</td>"
                f"<td>{graphs}</td></tr>"
            )
        parts.append("</tbody></table>")
    if evidence.rows:
        parts.append("<h2>Evidence</h2>")
        for row in evidence.rows:
            article = row["article"].value
            headline = row["headline"].value if "headline" in row else view.name(article)
            publisher = f", {esc(row['publisher'].value)}" if "publisher" in row else ""
            parts.append(
                f'<figure class="evidence"><blockquote>{esc(row["quote"].value)}</blockquote>'
                f"<figcaption>{view.iri(article, headline)}"
                f"{publisher}, characters {esc(row['start'].value)}–{esc(row['end'].value)}"
                "</figcaption></figure>"
            )
    if provenance.rows:
        parts.append(
            "<h2>Provenance</h2><table><thead><tr><th>graph</th><th>derived from</th>"
            "<th>activity</th><th>tool</th><th>by</th><th>ended</th></tr></thead><tbody>"
        )
        for row in provenance.rows:
            agents = (
                sorted(a for a in row["agents"].value.split("\n") if a) if "agents" in row else []
            )
            cells = [
                view.iri(row["g"].value),
                view.iri(row["article"].value),
                view.iri(row["kind"].value),
                view.value(row["tool"]) if "tool" in row else "",
                esc(", ".join(agents)),
                view.value(row["ended"]) if "ended" in row else "",
            ]
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        parts.append("</tbody></table>")
    if incoming.rows:
        parts.append("<h2>Referenced by</h2><ul>")
        for row in incoming.rows:
            parts.append(f"<li>{view.iri(row['x'].value)} — {view.iri(row['p'].value)}</li>")
        parts.append("</ul>")
    return "".join(parts)
