"""Compact JSON-LD (kg/rdf/jsonld.py): the same triples as the expanded document."""

from __future__ import annotations

import json

import pyoxigraph as ox
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.rdf.jsonld import RDF_TYPE, Compactor, compact

CONTEXT = {
    "kg": "https://example.org/kg/",
    "kgo": "https://example.org/kg/ontology#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
KGO = "https://example.org/kg/ontology#"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
EXPANDED = [
    {
        "@id": "https://example.org/kg/article/a/deployment/d",
        RDF_TYPE: [{"@id": KGO + "Deployment"}],
        KGO + "troops": [{"@id": "https://example.org/kg/article/a/deployment/d/troops"}],
        KGO + "odd": [{"@id": "https://example.org/kg///three-slashes"}],
        KGO + "label": [{"@value": "https://example.org/kg/not-an-iri"}],
    },
    {
        "@id": "https://example.org/kg/article/a/deployment/d/troops",
        RDF_TYPE: [{"@id": "_:class"}],
        "https://schema.org/value": [{"@value": "2500", "@type": XSD_INTEGER}],
        KGO + "verbatim": [{"@value": "sekitar 2.500", "@language": "id"}],
    },
]


def jsonld_graph(document: object) -> Graph:
    """A JSON-LD document as an rdflib graph, read by pyoxigraph's JSON-LD 1.1 parser."""
    triples = ox.parse(json.dumps(document).encode(), format=ox.RdfFormat.JSON_LD)
    nt = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
    return Graph().parse(data=nt.decode(), format="nt")


def test_compacted_means_the_same_triples() -> None:
    document = compact(EXPANDED, CONTEXT)
    expanded, compacted = jsonld_graph(EXPANDED), jsonld_graph(document)
    assert len(expanded) == 7 and isomorphic(expanded, compacted)
    assert document["@context"] == CONTEXT
    deployment, troops = document["@graph"]
    assert deployment["@id"] == "kg:article/a/deployment/d"
    assert deployment["@type"] == ["kgo:Deployment"] and RDF_TYPE not in deployment
    assert deployment["kgo:troops"] == [{"@id": "kg:article/a/deployment/d/troops"}]
    assert deployment["kgo:odd"] == [{"@id": "https://example.org/kg///three-slashes"}]
    assert deployment["kgo:label"] == [{"@value": "https://example.org/kg/not-an-iri"}]
    assert troops[RDF_TYPE] == [{"@id": "_:class"}] and "@type" not in troops, "a blank class"
    assert troops["https://schema.org/value"] == [{"@value": "2500", "@type": "xsd:integer"}]
    assert troops["kgo:verbatim"] == [{"@value": "sekitar 2.500", "@language": "id"}]


def test_a_rest_starting_with_two_slashes_stays_whole() -> None:
    """``kg://x`` would be read as an absolute IRI with the scheme ``kg``."""
    compactor = Compactor(CONTEXT)
    assert compactor.iri("https://example.org/kg///x") == "https://example.org/kg///x"
    assert compactor.iri("https://example.org/kg/") == "https://example.org/kg/"
    assert compactor.iri("https://example.org/kg/ontology#x") == "kgo:x", "the longest wins"
