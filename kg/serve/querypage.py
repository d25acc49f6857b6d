"""The query page at ``/``: a SPARQL editor with the named queries, results as a table.

Plain HTML from here plus ``/static/query.js`` and ``/static/columns.js`` (no inline
script, no CDN: it works offline and under the strict Content-Security-Policy the app
sends). The script shows the results as :mod:`kg.serve.table` does on a named query's
page: labels instead of IRIs, counts and dates as text, and a column picker.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.queries import library
from kg.rdf.namespaces import PREFIXES, sparql_prefixes
from kg.serve.html import esc, page

__all__ = ["EXAMPLE", "query_page"]

EXAMPLE = (
    sparql_prefixes("kgo", "rdfs")
    + """
SELECT ?eventLabel ?event WHERE {
  ?event a kgo:Deployment ; rdfs:label ?eventLabel .
}
ORDER BY ?event
LIMIT 100
"""
)


async def query_page(request: Request) -> Response:
    """The editor, the named queries as a select, a run button and the results area.

    The results area carries the dataset's base (``data-base``): the script links every
    IRI under it to its page on this server; and kg's prefixes (``data-prefixes``), with
    which it shortens vocabulary IRIs as the server's pages do (``kgo:Deployment``).
    """
    base: str = request.app.state.backend.base
    options = "".join(
        f'<option value="{esc(q.name)}" title="{esc(q.description)}">{esc(q.name)}</option>'
        for q in library()
    )
    body = (
        "<h1>Query the knowledge graph</h1>"
        '<p class="help">See the deployments and protests on a '
        '<a href="/events" id="events-link">timeline and map</a>.</p>'
        '<form id="query-form" class="query" action="/sparql" method="post">'
        '<div class="row"><label for="named">Named query</label> '
        f'<select id="named" name="named"><option value="">(write your own)</option>{options}'
        '</select> <span id="description" class="description"></span></div>'
        '<div id="params" class="params"></div>'
        '<label for="query" class="visually-hidden">SPARQL query</label>'
        f'<textarea id="query" name="query" rows="14" spellcheck="false">{esc(EXAMPLE)}</textarea>'
        '<div class="row"><button id="run" type="submit">Run</button> '
        '<a id="csv" href="#" download="results.csv">Download CSV</a> '
        '<span id="status" role="status"></span></div></form>'
        f'<div id="results" class="results" data-base="{esc(base)}" '
        f'data-prefixes="{esc(json.dumps(PREFIXES))}"></div>'
        '<p class="help">SPARQL endpoint: <code>/sparql</code> (GET or POST, results as JSON, '
        "XML, CSV, TSV). The default graph is the union of the article graphs; use "
        "<code>GRAPH ?g</code> to see which article states a fact. Named queries with their "
        "parameters: <code>/queries/NAME?param=value&amp;format=csv</code>. A column "
        "<code>?xLabel</code> beside <code>?x</code> shows the label as the link to "
        "<code>x</code>; other IRIs show their label where the data has one.</p>"
        '<script src="/static/columns.js" defer></script>'
        '<script src="/static/query.js" defer></script>'
    )
    return HTMLResponse(page("Query", body))
