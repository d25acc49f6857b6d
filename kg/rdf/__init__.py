"""RDF for kg: the one owner of vocabulary, IRIs, prefixes, formats and result serialisation.

Build, serve, query and push all take these from here:

- :mod:`kg.rdf.namespaces`: the namespace IRIs as strings (the ontology namespace, the
  default base IRI, the prefixes that every serialisation, page and query uses);
- :mod:`kg.rdf.vocab`: the closed namespace of kg's terms, mirrored from ``ontology/kg.ttl``;
- :mod:`kg.rdf.iris`: deterministic IRIs minted from a base;
- :mod:`kg.rdf.formats`: RDF formats and SPARQL result formats, one table each;
- :mod:`kg.rdf.results`: SPARQL query results serialised (JSON, XML, CSV, TSV);
- :mod:`kg.rdf.jsonld`: compact JSON-LD and the published ``@context``;
- :mod:`kg.rdf.ntriples`: reading N-Triples and N-Quads (pyoxigraph) and the content hash
  of a graph that ``kg build`` records and ``kg push --only-changed`` compares.

Importing this package imports none of its modules, so ``kg --help`` loads no RDF library:
:mod:`~kg.rdf.namespaces` and :mod:`~kg.rdf.formats` import nothing heavy, :mod:`~kg.rdf.vocab`
and :mod:`~kg.rdf.iris` import rdflib, :mod:`~kg.rdf.ntriples` pyoxigraph.
"""
