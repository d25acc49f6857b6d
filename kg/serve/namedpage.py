"""The page a browser gets at ``/queries/NAME``: a named query, run, as HTML.

It shows what the query answers, its parameters as a form that runs it again, a link that
opens it on the query page, the results as a table (with links to download them) and the
SPARQL text. Every IRI under the dataset's base links to its page on this server, with the
full IRI as the link's title. Other clients get the results as data
(:func:`kg.serve.sparql.named_query`).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from kg.dataset import PREFIXES
from kg.errors import KgError
from kg.formats import RdfFormat
from kg.queries import NamedQuery
from kg.serve.backend import Backend
from kg.serve.html import esc, iri_link, iri_name, link, page
from kg.serve.pool import QueryTimeout
from kg.serve.worker import JobError, QueryJob
from kg.store.base import SelectResult, Term

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
    status, results = await _results(request.app.state.backend, query, params)
    body = (
        f"<h1>{esc(query.name)}</h1>"
        f'<p class="description">{esc(query.description)}</p>'
        f"{_form(query, params)}"
        f'<h2>Results</h2><div class="results">{results}</div>'
        f'<h2>SPARQL</h2><pre class="sparql">{esc(query.text)}</pre>'
    )
    return HTMLResponse(page(query.name, body), status_code=status, headers={"Vary": "Accept"})


async def _results(backend: Backend, query: NamedQuery, params: dict[str, str]) -> tuple[int, str]:
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
        table = _table(reply.results[0], backend.base)
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


def _table(result: SelectResult, base: str) -> str:
    head = "".join(f"<th>{esc(v)}</th>" for v in result.variables)
    body = "".join(
        "<tr>" + "".join(f"<td>{_cell(row.get(v), base)}</td>" for v in result.variables) + "</tr>"
        for row in result.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(term: Term | None, base: str) -> str:
    if term is None:
        return ""
    if term.kind == "iri":
        return iri_link(term.value, base=base, text=_short(term.value, base))
    if term.kind == "bnode":
        return esc(f"_:{term.value}")
    tag = f' <span class="tag">@{esc(term.language)}</span>' if term.language else ""
    return esc(term.value) + tag


def _short(iri: str, base: str) -> str:
    """A result IRI as the query page's script shows it: a prefixed name, or the last two
    segments of a long IRI (the link's title holds the full IRI).

    >>> _short("https://example.org/kg/id/location/kazakhstan", "https://example.org/kg/")
    '…/location/kazakhstan'
    >>> _short("https://example.org/kg/ontology#Deployment", "https://example.org/kg/")
    'kgo:Deployment'
    """
    name = iri_name(iri, base)
    if name.startswith("/") or name == iri:
        parts = iri.split("/")
        return "…/" + "/".join(parts[-2:]) if len(parts) > 5 else iri
    return name
