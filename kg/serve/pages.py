"""Linked data: every IRI under the base dereferences on this server.

Browsers get an HTML page: labels in the user's language (Accept-Language) where the data
or the ontology has them, every IRI value a link, counts and dates as text
(:mod:`kg.serve.values`) with a small link to their node, the evidence quotes with their
article, and the provenance of the graphs stating the node's statements; a statement is
one row however many graphs state it. Machines get Turtle, JSON-LD (compacted with the
context ``kg build`` publishes), N-Triples or RDF/XML by ``Accept`` (or ``?format=``).
All text from data is HTML-escaped.

A page stays small whatever the node's size (:mod:`kg.serve.paging`): its statements are
grouped by property with their count, and each list (the values of one property, the
statements of one property that refer to the node, the evidence quotes, the graphs)
shows at most ``PAGE_SIZE`` items with its total, a link to its next page and a link that
opens the list's SPARQL query on the query page (:mod:`kg.serve.nodehtml`). An RDF answer
holds at most ``PAGE_SIZE`` values of each property and says in its headers (and, in
Turtle and N-Triples, in a comment) where the others are.

Every query starts from the node (:mod:`kg.serve.nodequeries`), in three rounds on one
worker each: counts per property and the keys of the first lists, then the items of each
list in the store's own order with LIMIT and OFFSET, then the labels of what the page
shows. A page costs its items plus counting the node's statements, never a scan of the
store.
"""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.errors import UsageError
from kg.rdf.formats import RdfFormat
from kg.rdf.iris import is_absolute_iri
from kg.rdf.jsonld import jsonld_context
from kg.rdf.namespaces import PREFIXES
from kg.serve import nodequeries as q
from kg.serve.backend import Backend
from kg.serve.describe import void_resource
from kg.serve.html import page, preferred_languages
from kg.serve.http import problem
from kg.serve.negotiation import RDF_MEDIA, resource_format
from kg.serve.nodehtml import Content, View, render
from kg.serve.paging import PAGE_SIZE, TITLES, ListName, Want
from kg.serve.pool import QueryTimeout
from kg.serve.worker import JobError, RdfPageJob
from kg.store.base import Term

__all__ = ["resource"]


async def resource(request: Request) -> Response:
    """The page (or RDF) of the IRI ``base + path``; 404 if the store knows nothing of it."""
    backend: Backend = request.app.state.backend
    iri = backend.base + request.url.path.lstrip("/")
    if not is_absolute_iri(iri):
        return problem(404, "not an IRI of this dataset")
    if iri == backend.base + "dataset" or iri.startswith(backend.base + "dataset/"):
        described = await void_resource(request, iri)  # the VoID description's own nodes
        if described is not None:
            return described
    media = resource_format(request.headers.get("accept"), request.query_params.get("format"))
    if media is None:
        return problem(
            406,
            "this resource is available as text/html, text/turtle, "
            "application/ld+json, application/n-triples and application/rdf+xml",
        )
    try:
        want = Want.parse(request.query_params, size=min(PAGE_SIZE, backend.settings.max_rows))
    except UsageError as exc:
        return problem(400, str(exc))
    try:
        if media == "text/html":
            return await _html(request, backend, Term.iri(iri), want)
        return await _rdf(request, backend, Term.iri(iri), want, RDF_MEDIA[media])
    except QueryTimeout as exc:
        return problem(503, str(exc), {"Retry-After": "60"})


def _missing(iri: str) -> Response:
    return problem(404, f"nothing is known about <{iri}> in this dataset")


def _past_end(want: Want, total: int) -> Response | None:
    """404 for a page after the list's last (page 1 of an empty list is a page)."""
    last = max(1, -(-total // want.size))
    if want.page <= last:
        return None
    return problem(
        404, f"page {want.page} of this list does not exist: it has {total} items, {last} pages"
    )


async def _gather(request: Request, backend: Backend, node: Term, want: Want) -> Content | None:
    """What the page shows (gathered on a worker) and how to name it for this reader; None
    when the store knows nothing of ``node``."""
    found = await backend.page(node, want)
    if found is None:
        return None
    langs = preferred_languages(request.headers.get("accept-language"))
    return Content(
        out=found.out,
        incoming=found.incoming,
        evidence=found.evidence,
        evidence_total=found.evidence_total,
        graphs=found.graphs,
        graph_total=found.graph_total,
        provenance=found.provenance,
        stated_in=found.stated_in,
        view=View(backend.base, found.labels, langs, found.values),
        reports=found.reports,
        reports_total=found.reports_total,
    )


async def _html(request: Request, backend: Backend, node: Term, want: Want) -> Response:
    content = await _gather(request, backend, node, want)
    if content is None:
        return _missing(node.value)
    if want.name is not None:
        total = {
            ListName.STATEMENTS: sum(g.total for g in content.out),
            ListName.REFERENCES: sum(g.total for g in content.incoming),
            ListName.EVIDENCE: content.evidence_total,
            ListName.PROVENANCE: content.graph_total,
        }[want.name]
        past = _past_end(want, total)
        if past is not None:
            return past
    view = content.view
    title = view.name(node.value)
    body = render(content, node, want, path=request.url.path, title=title)
    head = "".join(
        f'<link rel="alternate" type="{m}" href="?format={f}">'
        for m, f in (("text/turtle", "turtle"), ("application/ld+json", "jsonld"))
    )
    if want.name is not None:
        title = f"{title}: {TITLES[want.name]}"
        if want.prop is not None:
            title += f", {view.name(want.prop)}"
    return HTMLResponse(
        page(title, body, lang=view.lang, head=head), headers={"Vary": "Accept, Accept-Language"}
    )


async def _rdf(
    request: Request, backend: Backend, node: Term, want: Want, fmt: RdfFormat
) -> Response:
    """The node's statements as RDF: at most a page of each property's values (or one
    page of one property's values, or of the statements of one property naming the node)."""
    if want.name in (ListName.EVIDENCE, ListName.PROVENANCE):
        return problem(
            406,
            f"list={want.name} is a page for browsers (text/html); as data, run its query "
            "on /sparql (the page links it)",
        )
    job = RdfPageJob(
        node,
        want,
        fmt,
        prefixes=PREFIXES,
        # JSON-LD compacted with the context the build publishes (context.jsonld).
        jsonld_context=jsonld_context(backend.base)["@context"]
        if fmt is RdfFormat.JSONLD
        else None,
    )
    reply = await backend.query(job)
    if isinstance(reply, JobError):
        return problem(reply.status, reply.message)
    totals = reply.totals
    if totals is None:
        return _missing(node.value)
    if want.prop is not None:
        past = _past_end(want, totals[want.prop])
        if past is not None:
            return past
    headers, notes = _rdf_notes(want, totals, request.url.path, node)
    body = reply.body
    if notes and fmt in (RdfFormat.TURTLE, RdfFormat.NTRIPLES):
        body = "".join(f"# {line}\n" for line in notes).encode() + body
    return Response(body, media_type=reply.media_type, headers={"Vary": "Accept", **headers})


def _rdf_notes(
    want: Want, totals: dict[str, int], path: str, node: Term
) -> tuple[dict[str, str], list[str]]:
    """What an RDF answer that leaves statements out says about them: headers (the
    answer is cut, the page size, links to the next and previous pages and to a CONSTRUCT
    of every statement) and the same as comment lines; nothing for a whole answer."""
    links, lines = [], []
    for prop, total in sorted(totals.items()):
        this = replace(want, name=want.name or ListName.STATEMENTS, prop=prop)
        if total <= this.size:
            continue
        last = min(total, this.offset + this.size)
        line = f"<{prop}>: {total} statements, this answer holds {this.offset + 1} to {last}"
        if last < total:
            href = this.href(path, this.page + 1)
            links.append(f'<{href}>; rel="next"; title="{prop}"')
            line += f"; next: {href}"
        if this.page > 1:
            href = this.href(path, this.page - 1)
            links.append(f'<{href}>; rel="prev"; title="{prop}"')
            line += f"; previous: {href}"
        lines.append(line)
    if not lines:
        return {}, []
    everything = q.everything(
        node, Term.iri(want.prop) if want.prop else None, incoming=want.name is ListName.REFERENCES
    )
    every = "/sparql?" + urlencode({"query": everything})
    links.append(f'<{every}>; rel="related"; title="every statement (CONSTRUCT)"')
    headers = {
        "X-KG-Truncated": "true",
        "X-KG-Page-Size": str(want.size),
        "Link": ", ".join(links),
    }
    return headers, [
        f"kg serve gives at most {want.size} values of each property in one answer.",
        *lines,
        f"Every statement: GET {every} (a CONSTRUCT), or the dump /dumps/dataset.nq",
    ]
