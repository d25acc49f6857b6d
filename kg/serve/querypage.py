"""The query page at ``/``: a SPARQL editor with the named queries, results as a table.

Plain HTML from here plus ``/static/query.js`` (no inline script, no CDN: it works offline
and under the strict Content-Security-Policy the app sends).
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.queries import library
from kg.serve.html import esc, page

__all__ = ["EXAMPLE", "query_page"]

EXAMPLE = """PREFIX kgo: <https://example.org/kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>

SELECT ?event ?label WHERE {
  ?event a kgo:Deployment ; rdfs:label ?label .
}
ORDER BY ?event
LIMIT 100
"""


async def query_page(request: Request) -> Response:
    """The editor, the named queries as a select, a run button and the results area.

    The results area carries the dataset's base (``data-base``): the script links every
    IRI under it to its page on this server.
    """
    base: str = request.app.state.backend.base
    options = "".join(
        f'<option value="{esc(q.name)}" title="{esc(q.description)}">{esc(q.name)}</option>'
        for q in library()
    )
    body = (
        "<h1>Query the knowledge graph</h1>"
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
        f'<div id="results" class="results" data-base="{esc(base)}"></div>'
        '<p class="help">SPARQL endpoint: <code>/sparql</code> (GET or POST, results as JSON, '
        "XML, CSV, TSV). The default graph is the union of the article graphs; use "
        "<code>GRAPH ?g</code> to see which article states a fact. Named queries with their "
        "parameters: <code>/queries/NAME?param=value&amp;format=csv</code>.</p>"
        '<script src="/static/query.js" defer></script>'
    )
    return HTMLResponse(page("Query", body))
