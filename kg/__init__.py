"""kg: knowledge graphs of news events, from articles to a SPARQL endpoint.

The pipeline, one module per stage::

    kg.extract  articles -> facts           kg.facts     facts files (YAML)
    kg.mapping  facts -> RDF                kg.validate  SHACL      kg.owlcheck  OWL (HermiT)
    kg.build    map + validate + write      kg.store     embedded / Fuseki
    kg.serve    SPARQL endpoint, pages      kg.queries   the named query library
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
