"""Namespace IRIs, as plain strings: each written here once.

Nothing here imports an RDF library, so the command line can name the default base
without loading one.

>>> KGO
'https://example.org/kg/ontology#'
>>> PREFIXES["kgo"] == KGO
True
"""

from __future__ import annotations

__all__ = [
    "DEFAULT_BASE",
    "KGO",
    "ONTOLOGY",
    "PREFIXES",
    "RDF",
    "RDF_LANG_STRING",
    "RDF_TYPE",
    "SCHEMA",
    "XSD",
    "XSD_INTEGER",
    "XSD_STRING",
    "sparql_prefixes",
]

DEFAULT_BASE = "https://example.org/kg/"
"""The base IRI of a dataset unless ``--base`` (or ``KG_BASE``) gives another."""
ONTOLOGY = "https://example.org/kg/ontology"
"""The IRI of the kg ontology (``ontology/kg.ttl``)."""
KGO = ONTOLOGY + "#"
"""The namespace of the ontology's terms (prefix ``kgo:``)."""

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE = RDF + "type"
RDF_LANG_STRING = RDF + "langString"
SCHEMA = "https://schema.org/"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_INTEGER = XSD + "integer"
XSD_STRING = XSD + "string"

PREFIXES: dict[str, str] = {
    "kgo": KGO,
    "schema": SCHEMA,
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "time": "http://www.w3.org/2006/time#",
    "rdf": RDF,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
    "wd": "http://www.wikidata.org/entity/",
}
"""The prefixes of every serialisation, page, query and the published JSON-LD context."""


def sparql_prefixes(*names: str) -> str:
    """``PREFIX`` lines for the named prefixes of :data:`PREFIXES` (all of them by default).

    >>> print(sparql_prefixes("kgo", "schema"), end="")
    PREFIX kgo: <https://example.org/kg/ontology#>
    PREFIX schema: <https://schema.org/>
    """
    return "".join(f"PREFIX {name}: <{PREFIXES[name]}>\n" for name in names or PREFIXES)
