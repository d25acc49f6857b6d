"""The page a browser gets at ``/queries/NAME``: a named query, run, as HTML.

It shows what the query answers, its parameters as a form that runs it again, a link that
opens it on the query page, the results as a table (with links to download them) and the
SPARQL text. The table reads as the query page's does (:mod:`kg.serve.table`): labels
instead of IRIs, in the reader's language where the data has one (:mod:`kg.serve.labels`),
counts and dates as text, the columns they fold in hidden until the reader picks them.
Every IRI under the dataset's base links to its page on this server, with the full IRI as
the link's title. Other clients get the results as data (:func:`kg.serve.sparql.named_query`).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.errors import KgError
from kg.queries import NamedQuery
from kg.rdf.formats import RdfFormat
from kg.rdf.namespaces import PREFIXES
from kg.serve.backend import Backend
from kg.serve.html import esc, link, page, preferred_languages
from kg.serve.labels import find_labels
from kg.serve.pool import QueryTimeout
from kg.serve.table import plan, table_html, to_look_up
from kg.serve.worker import JobError, QueryJob
from kg.store.base import SelectResult

__all__ = ["named_query_page"]

_DOWNLOADS = (
    ("csv", "CSV"),
    ("spreadsheet", "CSV for a spreadsheet"),
    ("json", "JSON"),
    ("xml", "XML"),
    ("tsv", "TSV"),
)


async def named_query_page(request: Request, query: NamedQuery, params: dict[str, str]) -> Response:
    """The page of ``query`` run with ``params`` (strings as given in the URL).

    Wrong parameters (400), a query that fails and one that runs out of time (503) are
    pages too, with the message where the results would be and the form to correct it.
    """
    languages = preferred_languages(request.headers.get("accept-language"))
    status, results = await _results(request.app.state.backend, query, params, languages)
    body = (
        f"<h1>{esc(query.name)}</h1>"
        f'<p class="description">{esc(query.description)}</p>'
        f"{_form(query, params)}"
        f'<h2>Results</h2><div class="results">{results}</div>'
        f'<h2>SPARQL</h2><pre class="sparql">{esc(query.text)}</pre>'
        '<script src="/static/columns.js" defer></script>'
    )
    return HTMLResponse(
        page(query.name, body),
        status_code=status,
        headers={"Vary": "Accept, Accept-Language"},
    )


async def _results(
    backend: Backend, query: NamedQuery, params: dict[str, str], languages: list[str]
) -> tuple[int, str]:
    """The HTTP status and the results area: the table, or what went wrong."""
    try:
        bindings = query.bind(params)
    except KgError as exc:
        return 400, _error(str(exc))
    job = QueryJob(
        query.text,
        bindings=bindings,
        rdf_format=RdfFormat.TURTLE,
        max_rows=backend.settings.max_rows,
        prefixes=PREFIXES,
        solutions=True,
    )
    try:
        reply = await backend.query(job)
    except QueryTimeout as exc:
        return 503, _error(str(exc))
    if isinstance(reply, JobError):
        return reply.status, _error(reply.message)
    count = _count(reply.results, reply.truncated, backend.settings.max_rows)
    if reply.results:
        result = reply.results[0]
        try:
            labels = await find_labels(
                backend, to_look_up(result, plan(result.variables)), languages=languages
            )
        except QueryTimeout:
            labels = {}  # the table without the labels it would have looked up
        table = table_html(result, base=backend.base, labels=labels)
    else:  # CONSTRUCT or DESCRIBE: the triples as Turtle
        table = f'<pre class="rdf">{esc(reply.body.decode("utf-8"))}</pre>'
    return 200, f'<p class="count">{count} {_downloads(query, params)}</p>{table}'


def _error(message: str) -> str:
    return f'<pre class="error">{esc(message)}</pre>'


def _count(results: tuple[SelectResult, ...], truncated: bool, max_rows: int) -> str:
    if results:
        rows = len(results[0].rows)
        text = f"{rows} row" + ("" if rows == 1 else "s")
    else:
        text = "RDF answer"
    if truncated:
        text += f" (cut at this server's limit of {max_rows})"
    return esc(text)


def _downloads(query: NamedQuery, params: dict[str, str]) -> str:
    here = "/queries/" + quote(query.name, safe="")
    links = [link(f"{here}?{urlencode({**params, 'format': f})}", text) for f, text in _DOWNLOADS]
    return '<span class="downloads">Download: ' + " · ".join(links) + "</span>"


def _form(query: NamedQuery, params: dict[str, str]) -> str:
    """The parameters as a form that runs the query again, and the query page's link."""
    shared = "/?" + urlencode({"named": query.name, **params})
    elsewhere = f'<p class="help">{link(shared, "Open it on the query page")} to change it.</p>'
    if not query.params:
        return '<p class="help">This query has no parameters.</p>' + elsewhere
    rows = []
    for p in query.params:
        hint = p.default if p.default is not None else ("required" if p.required else "optional")
        rows.append(
            f'<div class="row"><label for="param-{esc(p.name)}">{esc(p.name)} '
            f"({esc(p.type.value)})</label> "
            f'<input id="param-{esc(p.name)}" name="{esc(p.name)}" '
            f'value="{esc(params.get(p.name, ""))}" placeholder="{esc(hint)}"> '
            f'<span class="description">{esc(p.description)}</span></div>'
        )
    action = "/queries/" + quote(query.name, safe="")
    return (
        f'<form class="query" method="get" action="{esc(action)}">{"".join(rows)}'
        '<div class="row"><button type="submit">Run</button></div></form>' + elsewhere
    )
