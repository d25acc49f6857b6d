"""``kg serve``: the SPARQL endpoint, linked-data pages and query page over the embedded store.

Modules, each owning one concept:

- :mod:`kg.serve.settings`: the limits and options, declared once as a table with help texts.
- :mod:`kg.serve.negotiation`: choosing a format from ``Accept`` or a ``format`` parameter.
- :mod:`kg.serve.worker` and :mod:`kg.serve.pool`: queries run in worker processes that are
  killed when they exceed the timeout, so a runaway query never blocks other clients.
- :mod:`kg.serve.sparql`, :mod:`kg.serve.gsp`, :mod:`kg.serve.pages`, :mod:`kg.serve.describe`:
  the SPARQL 1.1 Protocol, the Graph Store Protocol, linked-data pages, service description
  and VoID; :mod:`kg.serve.values`: counts and dates on the pages as text;
  :mod:`kg.serve.paging`, :mod:`kg.serve.nodequeries`, :mod:`kg.serve.nodehtml`: a
  resource's long lists a page at a time, the node-bounded queries and the page's HTML.
- :mod:`kg.serve.querypage`, :mod:`kg.serve.namedpage`, :mod:`kg.serve.html`: the query
  page, the page of a named query for a browser, and the HTML building blocks (links from
  IRIs under the base to their pages on this server); :mod:`kg.serve.table` and
  :mod:`kg.serve.labels`: result tables that read (labels for IRIs, counts and dates as text).
- :mod:`kg.serve.app`: the Starlette application tying them together.

Result formats and their serialisers, RDF formats, prefixes and IRIs are not the server's:
:mod:`kg.rdf` owns them, for ``kg query``, ``kg build`` and ``kg push`` as well.
"""
