"""The Graph Store Protocol's less common requests, and the update dataset parameters.

Graphs named by their URL (direct identification), writes to the default graph (which
land in a graph of their own, the default graph staying the merge), ``multipart/form-data``
POSTs, new graphs made by a POST to the graph store itself, and ``using-graph-uri`` /
``using-named-graph-uri`` on updates; all against a writable ``kg serve`` app run in-process.
"""

from __future__ import annotations

import httpx
from rdflib import Graph
from rdflib.compare import isomorphic
from serve_fixtures import TOKEN, App, Server

from kg.rdf.namespaces import DEFAULT_BASE
from kg.serve.gsp import DEFAULT_WRITES

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TURTLE = {**AUTH, "Content-Type": "text/turtle"}
NOTE = '<https://example.org/kg/id/note> <https://schema.org/text> "{}" .\n'
ARTICLE = "https://example.org/kg/article/en-peacekeepers-fictional"


def gsp(server: Server) -> str:
    return server.url + "rdf-graph-store"


def ask(server: Server, pattern: str) -> bool:
    r = server.get("sparql", params={"query": f"ASK {{ {pattern} }}"})
    assert r.status_code == 200, r.text
    return bool(r.json()["boolean"])


def nt(response: httpx.Response) -> Graph:
    assert response.status_code == 200, response.text
    return Graph().parse(data=response.text, format="turtle")


def test_a_graph_named_by_its_url(writable_server: App) -> None:
    url = gsp(writable_server) + "/notes/1"
    iri = DEFAULT_BASE + "rdf-graph-store/notes/1"
    assert writable_server.put(url, content=NOTE.format("one"), headers=TURTLE).status_code == 201
    assert ask(writable_server, f'GRAPH <{iri}> {{ ?s ?p "one" }}')
    by_url, by_name = (
        writable_server.get(url),
        writable_server.get(gsp(writable_server), params={"graph": iri}),
    )
    assert isomorphic(nt(by_url), nt(by_name)) and len(nt(by_url)) == 1
    assert writable_server.head(url).status_code == 200
    assert writable_server.post(url, content=NOTE.format("two"), headers=TURTLE).status_code == 204
    assert len(nt(writable_server.get(url))) == 2
    r = writable_server.put(url, params={"graph": iri}, content=NOTE.format("x"), headers=TURTLE)
    assert r.status_code == 400 and "direct identification" in r.text
    assert writable_server.delete(url).status_code == 401, "writes need the token, whatever the URL"
    assert writable_server.delete(url, headers=AUTH).status_code == 204
    assert writable_server.get(url).status_code == 404
    assert writable_server.delete(url, headers=AUTH).status_code == 404


def test_default_graph_writes_land_in_their_own_graph(writable_server: App) -> None:
    default = {"default": ""}
    own = DEFAULT_BASE + DEFAULT_WRITES
    r = writable_server.put(
        gsp(writable_server), params=default, content=NOTE.format("a"), headers=TURTLE
    )
    assert r.status_code == 201
    assert ask(writable_server, f'GRAPH <{own}> {{ ?s ?p "a" }}')
    merged = nt(writable_server.get(gsp(writable_server), params=default))
    assert len(merged) > 1 and any(str(o) == "a" for o in merged.objects())
    assert ask(writable_server, f"<{ARTICLE}> ?p ?o"), "the default graph is still the merge"
    r = writable_server.put(
        gsp(writable_server), params=default, content=NOTE.format("b"), headers=TURTLE
    )
    assert r.status_code == 204
    assert not ask(writable_server, '?s ?p "a"') and ask(writable_server, '?s ?p "b"')
    r = writable_server.post(
        gsp(writable_server), params=default, content=NOTE.format("c"), headers=TURTLE
    )
    assert r.status_code == 204
    assert ask(writable_server, '?s ?p "b"') and ask(writable_server, '?s ?p "c"')
    assert writable_server.delete(gsp(writable_server), params=default).status_code == 401
    assert (
        writable_server.delete(gsp(writable_server), params=default, headers=AUTH).status_code
        == 204
    )
    assert not ask(writable_server, '?s ?p "c"') and not ask(writable_server, f"GRAPH <{own}> {{}}")
    assert ask(writable_server, f"<{ARTICLE}> ?p ?o"), "only the default graph's writes went"


def multipart(*parts: tuple[dict[str, str], str], boundary: str = "b0undary") -> bytes:
    out = ""
    for headers, body in parts:
        out += f"--{boundary}\r\n"
        out += "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        out += f"\r\n{body}\r\n"
    return (out + f"--{boundary}--\r\n").encode()


def test_multipart_post_adds_every_part(writable_server: App) -> None:
    graph = DEFAULT_BASE + "graph/multipart-notes"
    params = {"graph": graph}
    form = {**AUTH, "Content-Type": "multipart/form-data; boundary=b0undary"}
    body = multipart(
        (
            {"Content-Disposition": 'form-data; name="a"', "Content-Type": "text/turtle"},
            "[] a <urn:kg:A> .",
        ),
        (
            {"Content-Disposition": 'form-data; name="b"; filename="b.nt"'},
            "_:x <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <urn:kg:B> .",
        ),
    )
    r = writable_server.post(gsp(writable_server), params=params, content=body, headers=form)
    assert r.status_code == 201, r.text
    got = nt(writable_server.get(gsp(writable_server), params=params))
    assert len(got) == 2 and len(set(got.subjects())) == 2, "blank nodes of parts stay apart"
    html = multipart(({"Content-Type": "text/html"}, "<p>no</p>"))
    r = writable_server.post(gsp(writable_server), params=params, content=html, headers=form)
    assert r.status_code == 415 and "part 1" in r.text
    broken = multipart(({"Content-Type": "text/turtle"}, "<urn:kg:a> a ."))
    r = writable_server.post(gsp(writable_server), params=params, content=broken, headers=form)
    assert r.status_code == 400
    r = writable_server.put(gsp(writable_server), params=params, content=body, headers=form)
    assert r.status_code == 415 and "PUT one graph" in r.text
    no_boundary = {**AUTH, "Content-Type": "multipart/form-data"}
    r = writable_server.post(gsp(writable_server), params=params, content=body, headers=no_boundary)
    assert r.status_code == 400
    assert len(nt(writable_server.get(gsp(writable_server), params=params))) == 2, (
        "refusals change nothing"
    )


def test_post_to_the_graph_store_makes_a_new_graph(writable_server: App) -> None:
    body = '[] <https://schema.org/name> "new" .'
    assert (
        writable_server.post(
            gsp(writable_server), content=body, headers={"Content-Type": "text/turtle"}
        ).status_code
        == 401
    )
    first = writable_server.post(gsp(writable_server), content=body, headers=TURTLE)
    second = writable_server.post(gsp(writable_server), content=body, headers=TURTLE)
    assert first.status_code == second.status_code == 201
    iri = first.headers["location"]
    assert iri.startswith(DEFAULT_BASE + "rdf-graph-store/") and iri != second.headers["location"]
    got = nt(writable_server.get(gsp(writable_server), params={"graph": iri}))
    assert isomorphic(got, Graph().parse(data=body, format="turtle"))
    path = iri.removeprefix(DEFAULT_BASE)
    assert len(nt(writable_server.get(path))) == 1, "its IRI maps onto this server"
    r = writable_server.put(gsp(writable_server), content=body, headers=TURTLE)
    assert r.status_code == 400 and "POST to the graph store itself" in r.text
    r = writable_server.get(gsp(writable_server), params=[("graph", iri), ("graph", iri)])
    assert r.status_code == 400


def update(server: Server, text: str, **params: str | list[str]) -> httpx.Response:
    return server.post(
        "sparql",
        params=params,
        content=text,
        headers={**AUTH, "Content-Type": "application/sparql-update"},
    )


def test_using_graph_parameters_are_the_dataset_of_where_clauses(writable_server: App) -> None:
    one, two, out = (f"urn:kg:using-{n}" for n in ("one", "two", "out"))
    r = update(
        writable_server,
        f"INSERT DATA {{ GRAPH <{one}> {{ <urn:kg:a> a <urn:kg:Doc> }} "
        f"GRAPH <{two}> {{ <urn:kg:b> a <urn:kg:Doc> }} }}",
    )
    assert r.status_code == 204
    copy = f"INSERT {{ GRAPH <{out}> {{ ?s a <urn:kg:Copied> }} }} WHERE {{ ?s a <urn:kg:Doc> }}"
    assert update(writable_server, copy, **{"using-graph-uri": one}).status_code == 204
    assert ask(writable_server, f"GRAPH <{out}> {{ <urn:kg:a> a <urn:kg:Copied> }}")
    assert not ask(writable_server, "<urn:kg:b> a <urn:kg:Copied>"), "only the using graph"
    r = update(
        writable_server,
        "DELETE WHERE { GRAPH ?g { ?s a <urn:kg:Doc> } }",
        **{"using-named-graph-uri": two},
    )
    assert r.status_code == 204
    assert ask(writable_server, "<urn:kg:a> a <urn:kg:Doc>")
    assert not ask(writable_server, "<urn:kg:b> a <urn:kg:Doc>")
    for own in (f"WITH <{one}> ", ""):
        using = "" if own else f"USING <{one}> "
        text = f"{own}DELETE {{ GRAPH <{one}> {{ ?s ?p ?o }} }} {using}WHERE {{ ?s ?p ?o }}"
        r = update(writable_server, text, **{"using-graph-uri": one})
        assert r.status_code == 400 and "give the graphs in one place only" in r.text
    assert ask(writable_server, "<urn:kg:a> a <urn:kg:Doc>"), "refused updates change nothing"
