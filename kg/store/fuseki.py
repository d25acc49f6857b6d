"""The Fuseki store: Apache Jena Fuseki (or any SPARQL 1.1 server) over HTTP.

Queries and updates go through SPARQLWrapper (JSON results), the only module importing it;
graphs are loaded, replaced and deleted with the Graph Store Protocol (httpx). Every
failure becomes a :class:`~kg.errors.EndpointError` (down, timeout, 401/403, 404, 5xx)
or a :class:`~kg.errors.QueryError` (a query the server rejected), with one line naming
the endpoint; its ``transient`` is True when trying again later may help (connection
refused, timeout, 5xx).

The server's dataset must use the union of its named graphs as the default graph (TDB2
``tdb2:unionDefaultGraph true``, as ``scripts/fuseki`` sets up), like the embedded store.
"""

from __future__ import annotations

import ast
import json
import re
import socket
import urllib.error
import warnings
from collections.abc import Mapping
from typing import Any

import httpx
from SPARQLWrapper import JSON, N3, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import (
    EndPointInternalError,
    EndPointNotFound,
    QueryBadFormed,
    SPARQLWrapperException,
    Unauthorized,
    URITooLong,
)

from kg.errors import EndpointError, QueryError, StoreError, UsageError
from kg.rdf.formats import RdfFormat
from kg.store.base import SelectResult, Term
from kg.store.binding import bind_values, scan
from kg.store.updates import default_graph_problem, read_update

__all__ = ["DEFAULT_TIMEOUT", "FusekiStore"]

DEFAULT_TIMEOUT = 60.0
_SERVICE_SUFFIXES = ("sparql", "query", "update", "data", "get")
_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
_GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
_COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


def _first_line(body: bytes | str | None, limit: int = 200) -> str:
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else (body or "")
    for line in text.splitlines():
        line = line.strip()
        if line:
            return line[:limit]
    return ""


def _endpoint_error(message: str, *, transient: bool) -> EndpointError:
    return EndpointError(message, transient=transient)


def _to_term(value: Mapping[str, str]) -> Term:
    kind = value.get("type")
    if kind == "uri":
        return Term.iri(value["value"])
    if kind == "bnode":
        return Term("bnode", value["value"])
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in value:
            return Term.literal(value["value"], language=value["xml:lang"])
        return Term.literal(value["value"], datatype=value.get("datatype"))
    raise StoreError(f"unsupported term in SPARQL JSON results: {dict(value)!r}")


class FusekiStore:
    """A dataset on a Fuseki server, e.g. ``FusekiStore("http://127.0.0.1:3030/kg")``.

    Args:
        endpoint: the dataset URL (a trailing ``/sparql``, ``/query``, ``/update``,
            ``/data`` or ``/get`` is dropped: all operations use the dataset URL).
        user: HTTP basic auth user.
        password: HTTP basic auth password.
        timeout: seconds to wait for the server on each request.
        transport: the httpx transport of the Graph Store Protocol requests (tests use
            ``httpx.MockTransport``).
    """

    def __init__(
        self,
        endpoint: str,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        url = endpoint.rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise UsageError(
                f"not an HTTP endpoint URL: {endpoint!r}; give one like http://127.0.0.1:3030/kg"
            )
        head, _, last = url.rpartition("/")
        if last in _SERVICE_SUFFIXES and head.count("/") > 2:
            url = head
        self.endpoint = url
        self.timeout = timeout
        self._user = user
        self._password = password
        auth = httpx.BasicAuth(user, password or "") if user is not None else None
        self._client = httpx.Client(auth=auth, timeout=timeout, transport=transport)

    def __repr__(self) -> str:
        return f"FusekiStore({self.endpoint!r})"

    # --- errors -------------------------------------------------------------------

    def _status_error(self, status: int, body: bytes | str | None, action: str) -> StoreError:
        detail = _first_line(body)
        where = f"{self.endpoint}: {action} failed"
        if status == 400:
            return QueryError(f"{where}: the server rejected it (HTTP 400): {detail}")
        if status == 414:
            return QueryError(f"{where}: the request is too long (HTTP 414)")
        if status == 401:
            return _endpoint_error(
                f"{where}: authentication required or wrong credentials (HTTP 401); "
                "give --user and --password",
                transient=False,
            )
        if status == 403:
            return _endpoint_error(
                f"{where}: forbidden (HTTP 403); this user may not do that here", transient=False
            )
        if status in (404, 405):
            return _endpoint_error(
                f"{where}: no such dataset (HTTP {status}); check the dataset name in the URL",
                transient=False,
            )
        if status == 503 and "timed out" in detail.lower():
            return _endpoint_error(
                f"{where}: the server's query time limit was reached (HTTP 503): {detail}",
                transient=False,
            )
        return _endpoint_error(
            f"{where}: HTTP {status}: {detail}".rstrip(": "),
            transient=status >= 500 or status == 429,
        )

    def _network_error(self, exc: BaseException, action: str) -> EndpointError:
        where = f"{self.endpoint}: {action} failed"
        reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
        if isinstance(reason, TimeoutError | socket.timeout | httpx.TimeoutException):
            return _endpoint_error(
                f"{where}: no answer within {self.timeout:g} s (timeout)", transient=True
            )
        if isinstance(reason, ConnectionRefusedError) or (
            isinstance(exc, httpx.ConnectError) and "refused" in str(exc).lower()
        ):
            return _endpoint_error(
                f"{where}: connection refused; is Fuseki running there? (scripts/fuseki start)",
                transient=True,
            )
        text = str(reason) or type(reason).__name__
        return _endpoint_error(f"{where}: cannot reach the server: {text}", transient=True)

    # --- SPARQL (SPARQLWrapper) -------------------------------------------------------

    def _wrapper(self, text: str, *, fmt: str) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.endpoint, updateEndpoint=self.endpoint)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(fmt)
        wrapper.setOnlyConneg(True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # its query-type guesses
            wrapper.setQuery(text)
        wrapper.timeout = self.timeout  # type: ignore[assignment]  # setTimeout() rounds down
        if self._user is not None:
            wrapper.setCredentials(self._user, self._password or "")
        return wrapper

    def _send(self, wrapper: SPARQLWrapper, action: str) -> bytes:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # its query-type guesses
                response = wrapper.query().response
            try:
                return bytes(response.read())
            finally:
                response.close()
        except (QueryBadFormed, URITooLong) as exc:
            status = 400 if isinstance(exc, QueryBadFormed) else 414
            raise self._status_error(status, _body(exc), action) from None
        except Unauthorized as exc:
            raise self._status_error(401, _body(exc), action) from None
        except EndPointNotFound as exc:
            raise self._status_error(404, _body(exc), action) from None
        except EndPointInternalError as exc:
            raise self._status_error(500, _body(exc), action) from None
        except urllib.error.HTTPError as exc:
            raise self._status_error(exc.code, _read(exc), action) from None
        except SPARQLWrapperException as exc:
            raise _endpoint_error(
                f"{self.endpoint}: {action} failed: {exc}", transient=False
            ) from None
        except (OSError, TimeoutError) as exc:
            raise self._network_error(exc, action) from None

    def _json(self, query: str, bindings: Mapping[str, Term] | None, form: str) -> dict[str, Any]:
        found = _FORM.search(_strip_prologue(query))
        if found is not None and found.group(1).upper() != form:
            raise QueryError(f"expected {'an' if form == 'ASK' else 'a'} {form} query")
        text = bind_values(query, bindings)
        body = self._send(self._wrapper(text, fmt=JSON), "query")
        try:
            data = json.loads(body)
        except ValueError:
            raise StoreError(
                f"{self.endpoint}: query answer is not SPARQL JSON results: {_first_line(body)}"
            ) from None
        if not isinstance(data, dict):
            raise StoreError(f"{self.endpoint}: unexpected query answer")
        return data

    def select(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> SelectResult:
        """Run a SELECT query."""
        data = self._json(query, bindings, "SELECT")
        if "results" not in data:
            raise QueryError("expected a SELECT query")
        variables = list(data.get("head", {}).get("vars", []))
        rows = [
            {name: _to_term(value) for name, value in solution.items()}
            for solution in data["results"].get("bindings", [])
        ]
        return SelectResult(variables, rows)

    def ask(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        data = self._json(query, bindings, "ASK")
        if "boolean" not in data:
            raise QueryError("expected an ASK query")
        return bool(data["boolean"])

    def construct(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> str:
        """Run a CONSTRUCT or DESCRIBE query; the result as N-Triples."""
        if (form := _FORM.search(_strip_prologue(query))) is None or form.group(1).upper() not in (
            "CONSTRUCT",
            "DESCRIBE",
        ):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        wrapper = self._wrapper(bind_values(query, bindings), fmt=N3)
        wrapper.addCustomHttpHeader("Accept", RdfFormat.NTRIPLES.media_type)
        return self._send(wrapper, "query").decode("utf-8")

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update.

        As on the embedded store, the default graph is the merge of the named graphs (the
        dataset is served with ``unionDefaultGraph``): an update that would write it is
        refused before it is sent, since Fuseki would put those triples in a graph its
        queries never read.

        Raises:
            QueryError: an update that writes the default graph, or one Fuseki refuses.
        """
        problem = default_graph_problem(read_update(update) or [])
        if problem is not None:
            raise QueryError(problem)
        self._send(self._wrapper(update, fmt=JSON), "update")

    # --- Graph Store Protocol (httpx) -------------------------------------------------

    def _http(self, method: str, action: str, **kwargs: Any) -> httpx.Response:
        try:
            return self._client.request(method, self.endpoint, **kwargs)
        except httpx.HTTPError as exc:
            raise self._network_error(exc, action) from None

    def replace_graph(self, graph: str, data: str, *, fmt: RdfFormat = RdfFormat.NTRIPLES) -> None:
        """Make ``graph`` hold exactly the triples in ``data`` (one GSP ``PUT``)."""
        if fmt.supports_datasets:
            raise UsageError(f"replace_graph needs a triples format, not {fmt.label}")
        action = f"PUT <{graph}>"
        response = self._http(
            "PUT",
            action,
            params={"graph": graph},
            content=data.encode("utf-8"),
            headers={"Content-Type": f"{fmt.media_type}; charset=utf-8"},
        )
        if response.status_code >= 400:
            raise self._status_error(response.status_code, response.content, action)

    def load(self, data: bytes | str, *, fmt: RdfFormat = RdfFormat.NQUADS) -> None:
        """Add quads (TriG/N-Quads) to the dataset with one GSP ``POST``."""
        if not fmt.supports_datasets:
            raise UsageError(f"load needs a dataset format (nquads, trig), not {fmt.label}")
        body = data.encode("utf-8") if isinstance(data, str) else data
        response = self._http(
            "POST", "load", content=body, headers={"Content-Type": fmt.media_type}
        )
        if response.status_code >= 400:
            raise self._status_error(response.status_code, response.content, "load")

    def get_graph(self, graph: str) -> str:
        """The triples of ``graph`` as N-Triples (empty if it does not exist)."""
        action = f"GET <{graph}>"
        response = self._http(
            "GET",
            action,
            params={"graph": graph},
            headers={"Accept": RdfFormat.NTRIPLES.media_type},
        )
        if response.status_code == 404:
            return ""
        if response.status_code >= 400:
            raise self._status_error(response.status_code, response.content, action)
        return response.text

    def delete_graph(self, graph: str) -> None:
        """Remove ``graph`` (one GSP ``DELETE``); no error if it does not exist."""
        action = f"DELETE <{graph}>"
        response = self._http("DELETE", action, params={"graph": graph})
        if response.status_code >= 400 and response.status_code != 404:
            raise self._status_error(response.status_code, response.content, action)

    # --- dataset statistics -------------------------------------------------------------

    def graph_names(self) -> list[str]:
        """The IRIs of all named graphs (that hold triples), sorted."""
        rows = self.select(_GRAPHS).rows
        return sorted(row["g"].value for row in rows if row["g"].kind == "iri")

    def count_triples(self, graph: str | None = None) -> int:
        """Triples in ``graph``, or quads in all named graphs when None."""
        if graph is None:
            result = self.select(_COUNT)
        else:
            result = self.select(_COUNT, bindings={"g": Term.iri(graph)})
        return int(result.rows[0]["n"].value) if result.rows else 0

    def graph_counts(self) -> dict[str, int]:
        """Triples per named graph, in one query."""
        return {row["g"].value: int(row["n"].value) for row in self.select(_COUNTS).rows}

    def close(self) -> None:
        """Close the HTTP connections."""
        self._client.close()


def _strip_prologue(query: str) -> str:
    """The query without comments, strings and IRIs (for finding its form)."""
    return " ".join(t for _, t in scan(query) if len(t) > 1)


def _body(exc: SPARQLWrapperException) -> bytes | str:
    """The server's answer, which SPARQLWrapper keeps only inside its message."""
    text = str(exc)
    marker = "Response:\n"
    if marker not in text:
        return ""
    raw = text.split(marker, 1)[1]
    try:
        value = ast.literal_eval(raw)
    except (ValueError, SyntaxError):
        return raw
    return value if isinstance(value, bytes | str) else raw


def _read(exc: urllib.error.HTTPError) -> bytes:
    try:
        return bytes(exc.read())
    except OSError:
        return b""
