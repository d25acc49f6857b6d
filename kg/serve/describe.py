"""Describing the service: SPARQL 1.1 Service Description, VoID, and the dataset dumps.

The service description is RDF for clients and a page for browsers (``Accept`` naming
``text/html`` first, or ``format=html``): how to query, the named queries, and the same
statements as a table.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import VOID
from rdflib.term import Node
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from kg.formats import RdfFormat
from kg.queries import library
from kg.serve.html import esc, iri_link, link, page
from kg.serve.http import problem
from kg.serve.negotiation import RDF_MEDIA, resource_format, wants_html
from kg.serve.results import ResultFormat

__all__ = ["DUMPS", "ONTOLOGY", "dump", "ontology", "service_description", "void"]

ONTOLOGY = Path(__file__).resolve().parent.parent.parent / "ontology" / "kg.ttl"
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
DUMPS = {
    "dataset.nq": RdfFormat.NQUADS.media_type,
    "dataset.trig": RdfFormat.TRIG.media_type,
    "dataset.ttl": RdfFormat.TURTLE.media_type,
    "dataset.jsonld": RdfFormat.JSONLD.media_type,
    "context.jsonld": "application/ld+json",
    "void.ttl": RdfFormat.TURTLE.media_type,
    "manifest.json": "application/json",
}
_RESULT_IRIS = {
    ResultFormat.JSON: "SPARQL_Results_JSON",
    ResultFormat.XML: "SPARQL_Results_XML",
    ResultFormat.CSV: "SPARQL_Results_CSV",
    ResultFormat.TSV: "SPARQL_Results_TSV",
}
_RDF_IRIS = {
    RdfFormat.TURTLE: "Turtle",
    RdfFormat.NTRIPLES: "N-Triples",
    RdfFormat.JSONLD: "JSON-LD",
    RdfFormat.RDFXML: "RDF_XML",
}


def _send(graph: Graph, request: Request) -> Response:
    media = resource_format(request.headers.get("accept"), request.query_params.get("format"))
    fmt = RDF_MEDIA.get(media or "", RdfFormat.TURTLE) if media != "text/html" else RdfFormat.TURTLE
    if fmt not in _RDF_IRIS:
        fmt = RdfFormat.TURTLE
    body = graph.serialize(format=fmt.rdflib_name, encoding="utf-8")
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept"})


def service_description(request: Request, backend: object) -> Response:
    """The SPARQL 1.1 Service Description of ``/sparql`` (Turtle by default, a page for a
    browser)."""
    writable = bool(getattr(backend, "writable", False))
    endpoint = URIRef(str(request.url.replace(query="")))
    g = Graph(bind_namespaces="none")
    g.bind("sd", SD)
    g.bind("formats", FORMATS)
    g.bind("void", VOID)
    g.bind("rdfs", RDFS)
    g.add((endpoint, RDF.type, SD.Service))
    g.add((endpoint, SD.endpoint, endpoint))
    g.add((endpoint, SD.supportedLanguage, SD.SPARQL11Query))
    if writable:
        g.add((endpoint, SD.supportedLanguage, SD.SPARQL11Update))
    g.add((endpoint, SD.feature, SD.UnionDefaultGraph))
    for name in [*_RESULT_IRIS.values(), *_RDF_IRIS.values()]:
        g.add((endpoint, SD.resultFormat, FORMATS[name]))
    dataset, default = BNode("dataset"), BNode("default")
    g.add((endpoint, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    merge = "The merge of all named graphs, each triple once; read-only."
    g.add((default, RDFS.comment, Literal(merge, lang="en")))
    g.add(
        (
            endpoint,
            RDFS.seeAlso,
            URIRef(str(request.url.replace(path="/.well-known/void", query=""))),
        )
    )
    if wants_html(request.headers.get("accept"), request.query_params.get("format")):
        base = str(getattr(backend, "base", ""))
        return _service_page(g, str(endpoint), path=request.url.path, base=base)
    return _send(g, request)


def _service_page(graph: Graph, endpoint: str, *, path: str, base: str) -> Response:
    """The service description as a page: how to query, the named queries, the statements."""
    writable = (URIRef(endpoint), SD.supportedLanguage, SD.SPARQL11Update) in graph
    formats = " · ".join(
        link(f"{path}?format={name}", label)
        for name, label in (
            ("turtle", "Turtle"),
            ("jsonld", "JSON-LD"),
            ("ntriples", "N-Triples"),
            ("rdfxml", "RDF/XML"),
        )
    )
    updates = (
        "Updates (SPARQL 1.1 Update by POST, <code>update=</code>) and the Graph Store "
        "Protocol's writes need this server's token: <code>Authorization: Bearer TOKEN</code>."
        if writable
        else "This server is read-only."
    )
    queries = "".join(
        f"<li>{link('/queries/' + quote(q.name, safe=''), q.name)}: {esc(q.description)}</li>"
        for q in library()
    )
    body = (
        "<h1>SPARQL endpoint</h1>"
        f'<p class="iri">{esc(endpoint)}</p>'
        f'<p class="alt">This description as data: {formats}</p>'
        "<p>Send SPARQL 1.1 queries by GET (<code>?query=</code>) or POST (a form, or the "
        "query as <code>application/sparql-query</code>). Answers come as SPARQL results "
        "(JSON, XML, CSV, TSV) or RDF (Turtle, N-Triples, JSON-LD, RDF/XML), chosen by "
        "<code>Accept</code> or a <code>format</code> parameter. The default graph is the "
        "merge of all named graphs, one per article; <code>GRAPH ?g</code> tells which "
        f"article states a fact. Write and run queries on the {link('/', 'query page')}. "
        f"{updates}</p>"
        f"<h2>Named queries</h2><ul>{queries}</ul>"
        f"<h2>Description</h2>{_statements(graph, base)}"
    )
    head = '<link rel="alternate" type="text/turtle" href="?format=turtle">'
    return HTMLResponse(page("SPARQL endpoint", body, head=head), headers={"Vary": "Accept"})


def _statements(graph: Graph, base: str) -> str:
    """The triples of ``graph`` as a table, blank nodes last, IRIs as links."""
    prefixes = [(str(p), str(ns)) for p, ns in graph.namespaces()]

    def show(term: Node) -> str:
        if isinstance(term, URIRef):
            iri = str(term)
            for prefix, namespace in prefixes:
                if iri.startswith(namespace) and len(iri) > len(namespace):
                    return iri_link(iri, base=base, text=f"{prefix}:{iri[len(namespace) :]}")
            return iri_link(iri, base=base)
        if isinstance(term, Literal) and term.language:
            return f'{esc(str(term))} <span class="tag">@{esc(term.language)}</span>'
        if isinstance(term, BNode):
            return esc(f"_:{term}")
        return esc(str(term))

    triples = sorted(
        graph, key=lambda t: (isinstance(t[0], BNode), str(t[0]), str(t[1]), str(t[2]))
    )
    rows = "".join(
        f"<tr><td>{show(s)}</td><td>{show(p)}</td><td>{show(o)}</td></tr>" for s, p, o in triples
    )
    return (
        "<table><thead><tr><th>subject</th><th>property</th><th>value</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


async def void(request: Request) -> Response:
    """The VoID description written by ``kg build`` (``/.well-known/void``)."""
    path = request.app.state.backend.dataset / "void.ttl"
    if not path.is_file():
        return problem(404, "this dataset has no void.ttl; rebuild it with kg build")
    g = Graph(bind_namespaces="none")
    g.parse(path, format="turtle")
    return _send(g, request)


async def ontology(request: Request) -> Response:
    """``/ontology``: the kg ontology (Turtle), so its terms under the base resolve here."""
    if not ONTOLOGY.is_file():
        return problem(404, "the ontology file is not installed with this copy of kg")
    return FileResponse(ONTOLOGY, media_type=RdfFormat.TURTLE.media_type)


async def dump(request: Request) -> Response:
    """``/dumps/NAME``: a file of the dataset (N-Quads, TriG, Turtle, JSON-LD, VoID)."""
    name = request.path_params["name"]
    if name not in DUMPS:
        return problem(404, f"no dump named '{name}'; the dumps are {', '.join(DUMPS)}")
    path = request.app.state.backend.dataset / name
    if not path.is_file():
        return problem(404, f"{name} was not written by kg build for this dataset")
    return FileResponse(path, media_type=DUMPS[name], filename=name)
