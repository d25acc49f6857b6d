"""Describing the service: SPARQL 1.1 Service Description, VoID, the ontology, the dumps.

Each is RDF for clients and a page for browsers (``Accept`` naming ``text/html`` first, or
``format=html``): the service description says how to query and lists the named queries;
the ontology page has a section per term (``/ontology#Deployment`` lands on it) with its
label and definition in the reader's language and its alignments; the VoID page, and the
page of each node of the VoID description under the base (``{base}dataset``, its class
partitions), show their statements.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS, VOID
from rdflib.term import Node
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response

from kg.queries import library
from kg.rdf.formats import RdfFormat, ResultFormat
from kg.serve.html import (
    esc,
    iri_link,
    iri_name,
    link,
    page,
    pick_label,
    preferred_languages,
)
from kg.serve.http import problem
from kg.serve.negotiation import RDF_MEDIA, resource_format, wants_html

__all__ = [
    "DUMPS",
    "ONTOLOGY",
    "dump",
    "ontology",
    "service_description",
    "void",
    "void_resource",
]

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
    formats = _formats(path)
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


def _statements(graph: Graph, base: str, subject: Node | None = None) -> str:
    """The triples of ``graph`` (of ``subject`` only, if given) as a table, blank nodes
    last, IRIs as links."""
    show = _shower(graph, base)
    triples = sorted(
        graph.triples((subject, None, None)),
        key=lambda t: (isinstance(t[0], BNode), str(t[0]), str(t[1]), str(t[2])),
    )
    rows = "".join(
        f"<tr><td>{show(s)}</td><td>{show(p)}</td><td>{show(o)}</td></tr>" for s, p, o in triples
    )
    return (
        "<table><thead><tr><th>subject</th><th>property</th><th>value</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )


def _shower(graph: Graph, base: str) -> Callable[[Node], str]:
    """How a term of ``graph`` is shown: IRIs as links named by the graph's prefixes,
    language-tagged literals with their tag."""
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

    return show


def _void_graph(request: Request) -> Graph | None:
    path = request.app.state.backend.dataset / "void.ttl"
    if not path.is_file():
        return None
    g = Graph(bind_namespaces="none")
    g.parse(path, format="turtle")
    return g


async def void(request: Request) -> Response:
    """The VoID description written by ``kg build`` (``/.well-known/void``)."""
    g = _void_graph(request)
    if g is None:
        return problem(404, "this dataset has no void.ttl; rebuild it with kg build")
    if wants_html(request.headers.get("accept"), request.query_params.get("format")):
        base = request.app.state.backend.base
        titles = [str(t) for t in g.objects(None, URIRef("http://purl.org/dc/terms/title"))]
        title = titles[0] if titles else "The dataset"
        body = (
            f"<h1>{esc(title)}</h1>"
            '<p class="alt">The VoID description of this dataset; as data: '
            f"{_formats(request.url.path)}"
            f". Its dumps: {link('/dumps/dataset.trig', 'TriG')} · "
            f"{link('/dumps/dataset.nq', 'N-Quads')}.</p>{_statements(g, base)}"
        )
        return HTMLResponse(page(title, body, head=_ALTERNATE), headers={"Vary": "Accept"})
    return _send(g, request)


async def void_resource(request: Request, iri: str) -> Response | None:
    """The page (or RDF) of a node of the VoID description (``{base}dataset``, a class or
    property partition), or None when the description does not state it."""
    g = _void_graph(request)
    node = URIRef(iri)
    if g is None or (node, None, None) not in g:
        return None
    if wants_html(request.headers.get("accept"), request.query_params.get("format")):
        base = request.app.state.backend.base
        body = (
            f"<h1>{esc(iri_name(iri, base))}</h1>"
            f'<p class="iri">{esc(iri)}</p>'
            f'<p class="alt">Part of the {link("/.well-known/void", "VoID description")}; as '
            f"data: {_formats(request.url.path)}.</p>{_statements(g, base, node)}"
        )
        return HTMLResponse(page(iri, body, head=_ALTERNATE), headers={"Vary": "Accept"})
    part = Graph(bind_namespaces="none")
    for prefix, namespace in g.namespaces():
        part.bind(prefix, namespace)
    for triple in g.triples((node, None, None)):
        part.add(triple)
    return _send(part, request)


_ALTERNATE = '<link rel="alternate" type="text/turtle" href="?format=turtle">'


def _formats(path: str) -> str:
    """Links to the RDF formats of the page at ``path``."""
    return " · ".join(
        link(f"{path}?format={name}", label)
        for name, label in (
            ("turtle", "Turtle"),
            ("jsonld", "JSON-LD"),
            ("ntriples", "N-Triples"),
            ("rdfxml", "RDF/XML"),
        )
    )


@lru_cache(maxsize=1)
def _ontology_graph() -> Graph:
    g = Graph()
    g.parse(ONTOLOGY, format="turtle")
    return g


_KINDS = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Data properties"),
    (OWL.NamedIndividual, "Individuals"),
)


async def ontology(request: Request) -> Response:
    """``/ontology``: the kg ontology, so its terms under the base resolve here: Turtle (or
    another RDF format) for clients, a page with a section per term for browsers."""
    if not ONTOLOGY.is_file():
        return problem(404, "the ontology file is not installed with this copy of kg")
    accept, asked = request.headers.get("accept"), request.query_params.get("format")
    if not wants_html(accept, asked):
        media = resource_format(accept, asked)
        if media in (None, "text/html", RdfFormat.TURTLE.media_type):
            return FileResponse(ONTOLOGY, media_type=RdfFormat.TURTLE.media_type)
        return _send(_ontology_graph(), request)
    g = _ontology_graph()
    base = request.app.state.backend.base
    namespace = base + "ontology#"
    langs = preferred_languages(request.headers.get("accept-language"))
    lang = langs[0].split("-")[0] if langs else "en"

    def text(term: Node, *props: URIRef) -> str | None:
        found = [
            (str(o), o.language)
            for p in props
            for o in g.objects(term, p)
            if isinstance(o, Literal)
        ]
        return pick_label(found, langs)

    show = _shower(g, base)
    sections, contents = [], []
    for kind, heading in _KINDS:
        terms = sorted(
            (t for t in g.subjects(RDF.type, kind) if str(t).startswith(namespace)), key=str
        )
        if not terms:
            continue
        items = []
        for term in terms:
            local = str(term)[len(namespace) :]
            label = text(term, RDFS.label) or local
            definition = text(term, SKOS.definition, RDFS.comment)
            rows = "".join(
                f"<tr><td>{show(p)}</td><td>{show(o)}</td></tr>"
                for p, o in sorted(g.predicate_objects(term), key=lambda x: (str(x[0]), str(x[1])))
                if p not in (RDFS.label, SKOS.definition, RDFS.comment)
            )
            items.append(
                f'<section id="{esc(local)}"><h3>{esc(label)}</h3>'
                f'<p class="iri">{esc(str(term))}</p>'
                + (f"<p>{esc(definition)}</p>" if definition else "")
                + f"<table><tbody>{rows}</tbody></table></section>"
            )
        contents.append(link(f"#{_anchor(heading)}", heading))
        sections.append(f'<h2 id="{_anchor(heading)}">{esc(heading)}</h2>{"".join(items)}')
    title = text(URIRef(base + "ontology"), RDFS.label, URIRef("http://purl.org/dc/terms/title"))
    title = title or "The kg ontology"
    body = (
        f"<h1>{esc(title)}</h1>"
        f'<p class="iri">{esc(namespace)}</p>'
        f'<p class="alt">As data: {_formats(request.url.path)}. {" · ".join(contents)}</p>'
        + "".join(sections)
    )
    return HTMLResponse(
        page(title, body, lang=lang, head=_ALTERNATE),
        headers={"Vary": "Accept, Accept-Language"},
    )


def _anchor(heading: str) -> str:
    return heading.lower().replace(" ", "-")


async def dump(request: Request) -> Response:
    """``/dumps/NAME``: a file of the dataset (N-Quads, TriG, Turtle, JSON-LD, VoID)."""
    name = request.path_params["name"]
    if name not in DUMPS:
        return problem(404, f"no dump named '{name}'; the dumps are {', '.join(DUMPS)}")
    path = request.app.state.backend.dataset / name
    if not path.is_file():
        return problem(404, f"{name} was not written by kg build for this dataset")
    return FileResponse(path, media_type=DUMPS[name], filename=name)
