"""The W3C SPARQL 1.1 Protocol and Graph Store Protocol tests, encoded as data.

Each :class:`Case` is one test of w3c/rdf-tests (``sparql/sparql11/protocol/manifest.ttl``
and ``sparql/sparql11/graph-store-protocol/manifest-{direct,indirect}.ttl``, all entries,
in their order): the requests it makes in order and what each response must be. The
manifests describe the requests in prose (``ht:Request``); this is kg's own encoding of
them, run by :mod:`w3c_runner` against ``kg serve`` and against Fuseki. A request names
the endpoint it is for (``query``, ``update`` or ``gsp``: the manifests write ``/sparql/``
and ``/gsp``, which a runner maps onto the server under test) and the rest of its path.

>>> len(CASES), len({c.name for c in CASES})
(47, 47)
>>> sorted({c.manifest for c in CASES})
['graph-store-protocol', 'protocol']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote, urlencode

__all__ = ["CASES", "GSP", "PROTOCOL", "Case", "Step", "data_graph"]

PROTOCOL = "protocol"
GSP = "graph-store-protocol"
_IRI = {
    PROTOCOL: "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest#",
    GSP: "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/http-rdf-update/manifest#",
}
OK = ("2xx", "3xx")
"""The protocol manifest's usual expectation: a success or a redirection."""
BAD = ("4xx",)


@dataclass(frozen=True)
class Step:
    """One request and the checks on its response.

    Attributes:
        method: the HTTP method.
        endpoint: ``query``, ``update`` or ``gsp``: which of the server's endpoints.
        path: what follows the endpoint: ``?query=...`` or ``/person/1.ttl``, sent as is
            (percent-escapes included). ``$LOCATION$`` is replaced by an earlier
            response's ``Location``.
        content_type: the request's Content-Type, if any.
        body: the request body, encoded with ``encoding``.
        accept: the request's Accept, if any.
        status: acceptable statuses: codes (201) or classes ("2xx").
        boolean: the ASK result the response must hold.
        result: the kind of answer: ``boolean``, ``tabular`` or ``RDF``.
        media: the response's Content-Type (media type; charset when both give one).
        graph: Turtle the response body must be isomorphic to.
        location: the response must have a ``Location``, kept for later steps.
    """

    method: str
    endpoint: str
    path: str = ""
    content_type: str | None = None
    body: str | None = None
    encoding: str = "utf-8"
    accept: str | None = None
    status: tuple[int | str, ...] = OK
    boolean: bool | None = None
    result: str | None = None
    media: str | None = None
    graph: str | None = None
    location: bool = False


@dataclass(frozen=True)
class Case:
    """One W3C test: its manifest, name, the graphs it loads first and its requests."""

    manifest: str
    name: str
    steps: tuple[Step, ...]
    graphs: tuple[int, ...] = field(default=())
    """Numbers of the manifest's data files (``dataN.nt``) loaded first, each into its graph."""

    @property
    def iri(self) -> str:
        """The test's IRI in its manifest."""
        return _IRI[self.manifest] + self.name


KASEI = "http://kasei.us/2009/09/sparql/data/"


def data_graph(number: int) -> tuple[str, str]:
    """The graph IRI and N-Triples of the protocol manifest's ``dataN.nt``."""
    iri = f"{KASEI}data{number}.rdf"
    return (
        iri,
        f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Document> .\n",
    )


def _q(*pairs: tuple[str, str]) -> str:
    """A query string as the manifests write them (spaces as %20)."""
    return "?" + urlencode(pairs, quote_via=quote, safe="")


def _d(n: int) -> str:
    return data_graph(n)[0]


SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"
FORM = "application/x-www-form-urlencoded"
TURTLE = "text/turtle; charset=utf-8"


def _query(
    path: str = "", body: str | None = None, *, result: str, boolean: bool | None = None
) -> Step:
    """A query by GET (no body) or by POST of ``application/sparql-query``."""
    if body is None:
        return Step("GET", "query", path, boolean=boolean, result=result)
    return Step("POST", "query", path, SPARQL_QUERY, body, boolean=boolean, result=result)


def _ask_true(path: str = "", body: str | None = None) -> Step:
    return _query(path, body, boolean=True, result="boolean")


def _update(path: str, body: str) -> Step:
    return Step("POST", "update", path, SPARQL_UPDATE, body)


ASK_BOTH_DEFAULT = f"ASK {{ <{_d(1)}> a ?type . <{_d(2)}> a ?type . }}"
ASK_BOTH_NAMED = f"ASK {{ GRAPH ?g1 {{ <{_d(1)}> a ?type }} GRAPH ?g2 {{ <{_d(2)}> a ?type }} }}"
DATA0 = ("default-graph-uri", f"{KASEI}data0.rdf")
PREFIXES = "PREFIX dc: <http://purl.org/dc/terms/>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
THREE_DOCUMENTS = (
    "DROP ALL ;\nINSERT DATA {\n"
    + "".join(f"  GRAPH <{_d(n)}> {{ <{_d(n)}> a foaf:Document }}\n" for n in (1, 2, 3))
    + "} ;\n"
)


def _bibliographic(graph: str) -> str:
    """ASK: ``graph`` says data1 and data2 are bibliographic resources, not data3."""
    return (
        f"ASK {{ GRAPH <{graph}> {{ <{_d(1)}> a <http://purl.org/dc/terms/BibliographicResource> . "
        f"<{_d(2)}> a <http://purl.org/dc/terms/BibliographicResource> . }} "
        f"FILTER NOT EXISTS {{ GRAPH <{graph}> {{ <{_d(3)}> a "
        "<http://purl.org/dc/terms/BibliographicResource> } } }"
    )


def _p(name: str, *steps: Step, graphs: tuple[int, ...] = ()) -> Case:
    return Case(PROTOCOL, name, steps, graphs)


PROTOCOL_CASES = (
    _p(
        "query_post_form",
        Step(
            "POST", "query", _q(DATA0), FORM, "query=ASK%20%7B%7D", boolean=True, result="boolean"
        ),
    ),
    _p(
        "query_dataset_default_graphs_get",
        _ask_true(
            _q(
                ("query", ASK_BOTH_DEFAULT),
                ("default-graph-uri", _d(1)),
                ("default-graph-uri", _d(2)),
            )
        ),
        graphs=(1, 2),
    ),
    _p(
        "query_dataset_default_graphs_post",
        _ask_true(_q(("default-graph-uri", _d(1)), ("default-graph-uri", _d(2))), ASK_BOTH_DEFAULT),
        graphs=(1, 2),
    ),
    _p(
        "query_dataset_named_graphs_post",
        _ask_true(_q(("named-graph-uri", _d(1)), ("named-graph-uri", _d(2))), ASK_BOTH_NAMED),
        graphs=(1, 2),
    ),
    _p(
        "query_dataset_named_graphs_get",
        _ask_true(
            _q(("query", ASK_BOTH_NAMED), ("named-graph-uri", _d(1)), ("named-graph-uri", _d(2)))
        ),
        graphs=(1, 2),
    ),
    _p(
        "query_dataset_full",
        _ask_true(
            _q(
                ("default-graph-uri", _d(3)),
                ("named-graph-uri", _d(1)),
                ("named-graph-uri", _d(2)),
            ),
            f"ASK {{\n  <{_d(3)}> a ?type\n  GRAPH ?g1 {{ <{_d(1)}> a ?type }}\n"
            f"  GRAPH ?g2 {{ <{_d(2)}> a ?type }}\n}}",
        ),
        graphs=(1, 2, 3),
    ),
    _p(
        "query_multiple_dataset",
        _ask_true(
            _q(("named-graph-uri", _d(1)), ("named-graph-uri", _d(2))),
            f"ASK FROM <{_d(3)}> {{ GRAPH ?g1 {{ <{_d(1)}> a ?type }} "
            f"GRAPH ?g2 {{ <{_d(2)}> a ?type }} }}",
        ),
        graphs=(1, 2, 3),
    ),
    _p("query_get", _ask_true(_q(("query", "ASK {}"), DATA0))),
    _p(
        "query_content_type_select",
        _query(_q(DATA0), "SELECT (1 AS ?value) {}", result="tabular"),
    ),
    _p("query_content_type_ask", _query(_q(DATA0), "ASK {}", result="boolean")),
    _p(
        "query_content_type_describe",
        _query(_q(DATA0), "DESCRIBE <http://example.org/>", result="RDF"),
    ),
    _p(
        "query_content_type_construct",
        _query(_q(DATA0), "CONSTRUCT { <s> <p> 1 } WHERE {}", result="RDF"),
    ),
    _p(
        "update_dataset_default_graph",
        _update(
            _q(("using-graph-uri", _d(1))),
            PREFIXES
            + f"CLEAR ALL ;\nINSERT DATA {{ GRAPH <{_d(1)}> {{ <{_d(1)}> a foaf:Document }} }} ;\n"
            "INSERT { GRAPH <http://example.org/protocol-update-dataset-test/> "
            "{ ?s a dc:BibliographicResource } }\nWHERE { ?s a foaf:Document }",
        ),
        _ask_true(
            body="ASK { GRAPH <http://example.org/protocol-update-dataset-test/> "
            f"{{ <{_d(1)}> a <http://purl.org/dc/terms/BibliographicResource> }} }}"
        ),
    ),
    _p(
        "update_dataset_default_graphs",
        _update(
            _q(("using-graph-uri", _d(1)), ("using-graph-uri", _d(2))),
            PREFIXES
            + THREE_DOCUMENTS
            + "INSERT { GRAPH <http://example.org/protocol-update-dataset-graphs-test/> "
            "{ ?s a dc:BibliographicResource } }\nWHERE { ?s a foaf:Document }",
        ),
        _ask_true(body=_bibliographic("http://example.org/protocol-update-dataset-graphs-test/")),
    ),
    _p(
        "update_dataset_named_graphs",
        _update(
            _q(("using-named-graph-uri", _d(1)), ("using-named-graph-uri", _d(2))),
            PREFIXES
            + THREE_DOCUMENTS
            + "INSERT { GRAPH <http://example.org/protocol-update-dataset-named-graphs-test/> "
            "{ ?s a dc:BibliographicResource } }\nWHERE { GRAPH ?g { ?s a foaf:Document } }",
        ),
        _ask_true(
            body=_bibliographic("http://example.org/protocol-update-dataset-named-graphs-test/")
        ),
    ),
    _p(
        "update_dataset_full",
        _update(
            _q(("using-graph-uri", _d(1)), ("using-named-graph-uri", _d(2))),
            PREFIXES
            + THREE_DOCUMENTS
            + "INSERT { GRAPH <http://example.org/protocol-update-dataset-full-test/> "
            "{ ?s <http://example.org/in> ?in } }\n"
            "WHERE { { GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in) }\n"
            '  UNION { ?s a foaf:Document . BIND("default" AS ?in) } }',
        ),
        _ask_true(
            body="ASK { GRAPH <http://example.org/protocol-update-dataset-full-test/> {\n"
            f'  <{_d(1)}> <http://example.org/in> "default" .\n'
            f"  <{_d(2)}> <http://example.org/in> <{_d(2)}> . }}\n"
            "  FILTER NOT EXISTS { GRAPH <http://example.org/protocol-update-dataset-full-test/> "
            f"{{ <{_d(3)}> ?p ?o }} }} }}"
        ),
    ),
    _p("update_post_form", Step("POST", "update", "", FORM, "update=CLEAR+ALL")),
    _p("update_post_direct", _update("", "CLEAR ALL")),
    _p(
        "update_base_uri",
        _update(
            "",
            "CLEAR SILENT GRAPH <http://example.org/protocol-base-test/> ;\n"
            "INSERT DATA { GRAPH <http://example.org/protocol-base-test/> "
            "{ <http://example.org/s> <http://example.org/p> <test> } }",
        ),
        _ask_true(
            body="ASK { GRAPH <http://example.org/protocol-base-test/> "
            '{ <http://example.org/s> <http://example.org/p> ?o FILTER (isIRI(?o) && STR(?o) != "test") } }'
        ),
    ),
    _p("query_post_direct", _ask_true(body="ASK {}")),
    _p(
        "bad_query_method",
        Step("PUT", "query", _q(("query", "ASK {}"), DATA0), FORM, status=BAD),
    ),
    _p(
        "bad_multiple_queries",
        Step("GET", "query", _q(("query", "ASK {}"), ("query", "SELECT * {}")), status=BAD),
    ),
    _p("bad_query_wrong_media_type", Step("POST", "query", "", "text/plain", "ASK {}", status=BAD)),
    _p(
        "bad_query_missing_form_type",
        Step("POST", "query", "", None, "query=ASK%20%7B%7D", status=BAD),
    ),
    _p("bad_query_missing_direct_type", Step("POST", "query", "", None, "ASK {}", status=BAD)),
    _p(
        "bad_query_non_utf8",
        Step(
            "POST",
            "query",
            "",
            f"{SPARQL_QUERY}; charset=UTF-16",
            "ASK {}",
            encoding="utf-16",
            status=BAD,
        ),
    ),
    _p("bad_query_syntax", Step("GET", "query", _q(("query", "ASK {")), status=BAD)),
    _p("bad_update_get", Step("GET", "update", _q(("update", "CLEAR ALL")), status=BAD)),
    _p(
        "bad_multiple_updates",
        Step("POST", "update", "", FORM, "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT", status=BAD),
    ),
    _p(
        "bad_update_wrong_media_type",
        Step("POST", "update", "", "text/plain", "CLEAR NAMED", status=BAD),
    ),
    _p(
        "bad_update_missing_form_type",
        Step("POST", "update", "", None, "update=CLEAR%20NAMED", status=BAD),
    ),
    _p(
        "bad_update_non_utf8",
        Step(
            "POST",
            "update",
            "",
            f"{SPARQL_UPDATE}; charset=UTF-16",
            "CLEAR NAMED",
            encoding="utf-16",
            status=BAD,
        ),
    ),
    _p(
        "bad_update_syntax",
        Step("POST", "update", "", FORM, "update=CLEAR%20XYZ", status=BAD),
    ),
    _p(
        "bad_update_dataset_conflict",
        Step(
            "POST",
            "update",
            _q(("using-named-graph-uri", "http://example/people")),
            SPARQL_UPDATE,
            "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\nWITH <http://example/addresses>\n"
            "DELETE { ?person foaf:givenName 'Bill' }\nINSERT { ?person foaf:givenName 'William' }\n"
            "WHERE { ?person foaf:givenName 'Bill' }",
            status=BAD,
        ),
    ),
)

_PREFIXES_TTL = "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n@prefix v: <http://www.w3.org/2006/vcard/ns#> .\n"
JOHN = _PREFIXES_TTL + (
    "<http://www.example/gsp/person/1> a foaf:Person ;\n"
    '  foaf:businessCard [ a v:VCard ; v:fn "John Doe" ] .\n'
)
JANE = JOHN.replace("John", "Jane")
JANE_2 = JANE.replace("person/1", "person/2")
JANE_NAMED = _PREFIXES_TTL + (
    "<http://www.example/gsp/person/1> a foaf:Person ;\n"
    '  foaf:givenName "Jane" ; foaf:familyName "Doe" ;\n'
    '  foaf:businessCard [ a v:VCard ; v:fn "Jane Doe" ] .\n'
)
ALICE = (
    _PREFIXES_TTL + '[] a foaf:Person ; foaf:businessCard [ a v:VCard ; v:given-name "Alice" ] .\n'
)
_BOUNDARY = "a6fe4cd636164618814be9f8d3d1a0de"
MULTIPART = (
    "".join(
        f"--{_BOUNDARY}\r\n"
        f'Content-Disposition: form-data; name="{name}.ttl"; filename="{name}.ttl"\r\n'
        f"Content-Type: {TURTLE}\r\n\r\n"
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\r\n"
        f'<http://www.example/gsp/person/1> foaf:{name} "{value}" .\r\n\r\n'
        for name, value in (("familyName", "Doe"), ("givenName", "Jane"))
    )
    + f"--{_BOUNDARY}--\r\n"
)
_MULTIPART = f"multipart/form-data; boundary={_BOUNDARY}"


def _put(path: str, body: str, *status: int | str) -> Step:
    return Step("PUT", "gsp", path, TURTLE, body, status=status)


def _post(path: str, body: str, *status: int | str, content_type: str = TURTLE) -> Step:
    return Step("POST", "gsp", path, content_type, body, status=status)


def _get(path: str, graph: str) -> Step:
    return Step("GET", "gsp", path, accept="text/turtle", status=(200,), media=TURTLE, graph=graph)


def _head(path: str, *status: int) -> Step:
    media = TURTLE if status == (200,) else None
    return Step("HEAD", "gsp", path, accept=TURTLE, status=status, media=media)


def _delete(path: str, *status: int) -> Step:
    return Step("DELETE", "gsp", path, status=status)


def _g(name: str, *steps: Step) -> Case:
    return Case(GSP, name, steps)


def _indirect(number: int | str) -> str:
    return _q(("graph", f"http://www.example/gsp/person/{number}.ttl"))


DIRECT_1, DIRECT_2, INDIRECT_1, INDIRECT_2 = (
    "/person/1.ttl",
    "/person/2.ttl",
    _indirect(1),
    _indirect(2),
)
GSP_CASES = (
    _g(
        "put_get_repeat_direct",
        _put(DIRECT_1, JOHN, 201),
        _get(DIRECT_1, JOHN),
        _put(DIRECT_1, JANE, 200, 204),
        _get(DIRECT_1, JANE),
    ),
    _g(
        "put_delete_get_delete_direct",
        _put(DIRECT_2, ALICE, 201, 200, 204),
        _delete(DIRECT_2, 200, 204),
        Step("GET", "gsp", DIRECT_2, status=(404,)),
        _delete(DIRECT_2, 404, 200, 204),
    ),
    _g(
        "post_get_post_get_direct",
        _post(DIRECT_1, JANE, 200, 201, 204),
        _get(DIRECT_1, JANE),
        _post(DIRECT_1, MULTIPART, 200, 204, content_type=_MULTIPART),
        _get(DIRECT_1, JANE_NAMED),
    ),
    _g("head_existing_direct", _put(DIRECT_1, JOHN, 200, 201, 204), _head(DIRECT_1, 200)),
    _g(
        "put_get_repeat_indirect",
        _put(INDIRECT_1, JOHN, 201),
        _get(INDIRECT_1, JOHN),
        _put(INDIRECT_1, JANE, 200, 204),
        _get(INDIRECT_1, JANE),
    ),
    _g("put_get_default", _put("?default", ALICE, 200, 201, 204), _get("?default", ALICE)),
    _g(
        "put_delete_get_delete_indirect",
        _put(INDIRECT_2, ALICE, 201, 200, 204),
        _delete(INDIRECT_2, 200, 204),
        Step("GET", "gsp", INDIRECT_2, status=(404,)),
        _delete(INDIRECT_2, 404, 200, 204),
    ),
    _g(
        "post_get_post_get_indirect",
        _post(INDIRECT_1, JANE, 200, 201, 204),
        _get(INDIRECT_1, JANE),
        _post(INDIRECT_1, MULTIPART, 200, 204, content_type=_MULTIPART),
        _get(INDIRECT_1, JANE_NAMED),
    ),
    _g(
        "post_get_new_graph",
        Step("POST", "gsp", "", TURTLE, ALICE, status=(201,), location=True),
        _get("?graph=$LOCATION$", ALICE),
    ),
    _g("head_existing_indirect", _put(INDIRECT_1, JOHN, 200, 201, 204), _head(INDIRECT_1, 200)),
    _g("head_non_existing_indirect", _head(_indirect(4), 404)),
    _g(
        "put_get_uri_pct_encoded_indirect",
        _put(INDIRECT_1, JOHN, 201),
        _get("?graph=http://www.example/gsp/person/1.ttl", JOHN),
    ),
    _g(
        "put_get_uri_pct_encoded_twice",
        _put("?graph=http://www.example/gsp/person/%31.ttl", JOHN, 201),
        _put("?graph=http://www.example/gsp/person/%2531.ttl", JANE_2, 201),
        _get("?graph=http://www.example/gsp/person/%31.ttl", JOHN),
        _get("?graph=http://www.example/gsp/person/%2531.ttl", JANE_2),
    ),
)

CASES: tuple[Case, ...] = PROTOCOL_CASES + GSP_CASES
"""Every test of both manifests, in manifest order (the Graph Store Protocol's direct
manifest before its indirect one)."""
