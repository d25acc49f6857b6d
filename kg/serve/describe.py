"""Describing the service: SPARQL 1.1 Service Description, VoID, and the dataset dumps."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import VOID
from starlette.requests import Request
from starlette.responses import FileResponse, Response

from kg.formats import RdfFormat
from kg.serve.http import problem
from kg.serve.negotiation import RDF_MEDIA, resource_format
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
    """The SPARQL 1.1 Service Description of ``/sparql`` (Turtle by default)."""
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
    return _send(g, request)


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
