"""What a SPARQL Update writes, read from its text, and how the store keeps its default graph.

The embedded store's default graph is the RDF merge of its named graphs (each triple once),
kept materialised and read-only: an update must write named graphs. :func:`read_update`
splits an update into its operations and tells, for each, whether it would write the
default graph (refused by :func:`default_graph_problem`) and whether it may read it;
:func:`with_merge` adds :data:`MERGE`, which brings the default graph back to the merge,
after the operations (and before any that reads the default graph after an earlier write),
so the whole request stays one transaction.

:func:`dataset_clause` reads a query's ``FROM``/``FROM NAMED`` clauses, so that the store
can answer a query over several ``FROM`` graphs on their merge.

The text is read as the SPARQL grammar's tokens (strings, IRIs and comments are opaque),
which is enough to find operations, graph names and templates without a full parser:
rdflib's takes minutes on a 1 MB ``INSERT DATA`` and fails on 50 nested groups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "MERGE",
    "Operation",
    "dataset_clause",
    "default_graph_problem",
    "read_update",
    "several_from",
    "with_merge",
    "with_using",
]

MERGE = (
    "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o MINUS { GRAPH ?g { ?s ?p ?o } } } ;\n"
    "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } MINUS { ?s ?p ?o } }"
)
"""Two operations that make the default graph the merge of the named graphs again: remove
the triples no named graph states any more, add those missing (only the difference is
written)."""

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|\#[^\r\n]*)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
      |"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*')
  | (?P<iri><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*>)
  | (?P<var>[?$]\w*)
  | (?P<bracket>[{}()\[\]])
  | (?P<word>[^\s{}()\[\];,.<>"'\#?$]+(?:\.[^\s{}()\[\];,.<>"'\#?$]+)*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_CLOSING = {"{": "}", "(": ")", "[": "]"}
_PROLOGUE = {"PREFIX": 3, "BASE": 2, "VERSION": 2}


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    kind: str
    text: str

    @property
    def word(self) -> str:
        """The token as a keyword (upper case), or "" when it is not a bare word."""
        return self.text.upper() if self.kind == "word" else ""


@dataclass(frozen=True)
class Operation:
    """One operation of an update.

    Attributes:
        start: offset of its first token in the update text (its prologue included).
        end: offset just after its last token.
        form: what it is: ``INSERT DATA``, ``DELETE WHERE``, ``MODIFY`` (DELETE/INSERT
            with a WHERE clause), ``LOAD``, ``CLEAR``, ``ADD``, ..., or ``?`` when the
            text is no operation kg knows (the store's parser will say what is wrong).
        writes_default: how it would write the default graph, or None when it does not.
        reads_default: whether its WHERE clause (or source graph) may read the default graph.
        where: offset of its ``WHERE`` keyword (``DELETE WHERE`` and DELETE/INSERT), else None.
        names_dataset: whether it names its own dataset (``WITH``, ``USING``, ``USING NAMED``).
    """

    start: int
    end: int
    form: str
    writes_default: str | None = None
    reads_default: bool = False
    where: int | None = None
    names_dataset: bool = False


def _tokens(text: str) -> list[_Token]:
    return [
        _Token(m.start(), m.end(), kind, m.group())
        for m in _TOKEN.finditer(text)
        if (kind := m.lastgroup or "other") != "space"
    ]


def _close(tokens: list[_Token], at: int) -> int:
    """The index of the bracket closing the one at ``at`` (brackets are balanced)."""
    depth = 0
    for index in range(at, len(tokens)):
        if tokens[index].kind == "bracket":
            depth += 1 if tokens[index].text in _CLOSING else -1
            if depth == 0:
                return index
    return len(tokens) - 1


def _outside_graph(tokens: list[_Token], at: int) -> bool:
    """Whether the template or quad data opened by the ``{`` at ``at`` has triples outside
    ``GRAPH g { ... }`` blocks, i.e. for the default graph."""
    end = _close(tokens, at)
    index = at + 1
    while index < end:
        token = tokens[index]
        if token.word == "GRAPH" and index + 2 < end and tokens[index + 2].text == "{":
            index = _close(tokens, index + 2) + 1
        elif token.text == ".":
            index += 1
        else:
            return True
    return False


def _first_group(tokens: list[_Token], start: int) -> int | None:
    return next((i for i in range(start, len(tokens)) if tokens[i].text == "{"), None)


def _graph_operation(form: str, body: list[_Token]) -> tuple[str | None, bool]:
    """LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY: (how it writes the default graph, reads it)."""
    words = [t.word for t in body[1:] if t.word != "SILENT"]
    if form == "LOAD":
        return (None if "INTO" in words else "LOAD without INTO GRAPH"), False
    if form in ("CLEAR", "DROP"):
        return (f"{form} DEFAULT" if words[:1] == ["DEFAULT"] else None), False
    if form in ("ADD", "MOVE", "COPY") and "TO" in words:
        source, target = words[: words.index("TO")], words[words.index("TO") + 1 :]
        if "DEFAULT" in target:
            return f"{form} ... TO DEFAULT", "DEFAULT" in source
        if form == "MOVE" and "DEFAULT" in source:
            return "MOVE DEFAULT (which empties the default graph)", True
        return None, "DEFAULT" in source
    return None, False


def _operation(tokens: list[_Token]) -> Operation | None:
    """The operation of one ``;``-separated part, or None when it is only a prologue."""
    index = 0
    while index < len(tokens) and tokens[index].word in _PROLOGUE:
        index += _PROLOGUE[tokens[index].word]
    body = tokens[index:]
    if not body:
        return None
    start, end = tokens[0].start, tokens[-1].end
    first = body[0].word
    second = body[1].word if len(body) > 1 else ""
    if first in ("INSERT", "DELETE") and second in ("DATA", "WHERE"):
        form = f"{first} {second}"
        group = _first_group(body, 2)
        outside = group is not None and _outside_graph(body, group)
        writes = f"{form} with triples outside GRAPH" if outside else None
        where = body[1].start if second == "WHERE" else None
        return Operation(start, end, form, writes, where=where)
    if first in ("INSERT", "DELETE", "WITH"):
        return _modify(start, end, body)
    if first in ("LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY"):
        writes, reads = _graph_operation(first, body)
        return Operation(start, end, first, writes, reads)
    return Operation(start, end, "?", None, True)


def _modify(start: int, end: int, body: list[_Token]) -> Operation:
    """``WITH? DELETE {..}? INSERT {..}? USING* WHERE {..}``."""
    with_graph = body[0].word == "WITH"
    using = False
    writes: str | None = None
    index = 0
    while index < len(body) and body[index].word != "WHERE":
        word = body[index].word
        using = using or word == "USING"
        if word in ("DELETE", "INSERT") and index + 1 < len(body) and body[index + 1].text == "{":
            if not with_graph and writes is None and _outside_graph(body, index + 1):
                writes = f"{word} template with triples outside GRAPH and no WITH"
            index = _close(body, index + 1) + 1
        else:
            index += 1
    where = body[index].start if index < len(body) else None
    named = with_graph or using
    return Operation(start, end, "MODIFY", writes, not named, where, named)


def read_update(text: str) -> list[Operation] | None:
    """The operations of a SPARQL Update, or None when it cannot be valid SPARQL (brackets
    that do not balance, a ``;`` with no operation before it).

    >>> [op.form for op in read_update("PREFIX ex: <urn:x#> CLEAR GRAPH ex:g ; LOAD <urn:u>")]
    ['CLEAR', 'LOAD']
    >>> [op.writes_default for op in read_update('INSERT DATA { <urn:a> <urn:b> "}" }')]
    ['INSERT DATA with triples outside GRAPH']
    >>> read_update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> }") is None
    True
    """
    tokens = _tokens(text)
    parts: list[list[_Token]] = [[]]
    open_brackets: list[str] = []
    for token in tokens:
        if token.kind == "bracket":
            if token.text in _CLOSING:
                open_brackets.append(_CLOSING[token.text])
            elif not open_brackets or open_brackets.pop() != token.text:
                return None
        elif token.text == ";" and not open_brackets:
            parts.append([])
            continue
        parts[-1].append(token)
    if open_brackets:
        return None
    operations = [_operation(part) for part in parts]
    if any(operation is None for operation in operations[:-1]):
        return None  # a ';' with no operation before it
    return [operation for operation in operations if operation is not None]


def default_graph_problem(operations: list[Operation]) -> str | None:
    """The message for an update that would write the default graph, or None.

    >>> default_graph_problem(read_update("DELETE WHERE { ?d a <urn:Deployment> }"))[:50]
    'this update would write the default graph (DELETE '
    >>> default_graph_problem(read_update("DELETE WHERE { GRAPH ?g { ?d a <urn:D> } }")) is None
    True
    """
    for operation in operations:
        if operation.writes_default is not None:
            return (
                f"this update would write the default graph ({operation.writes_default}), "
                "but the default graph is the merge of the named graphs (each triple once) and "
                "is read-only: write to a named graph instead, with GRAPH <g> { ... } in the "
                "template or data, WITH <g>, LOAD ... INTO GRAPH <g>, or ADD/COPY ... TO <g>; "
                "nothing was changed"
            )
    return None


def with_merge(text: str, operations: list[Operation]) -> str:
    """``text`` with :data:`MERGE` after its last operation, and before each later one that
    may read the default graph, so that every operation sees the merge of the named graphs
    as they are at that point.

    >>> with_merge("CLEAR GRAPH <urn:g>", read_update("CLEAR GRAPH <urn:g>")) == (
    ...     "CLEAR GRAPH <urn:g>\\n;\\n" + MERGE + "\\n"
    ... )
    True
    """
    if not operations:
        return text
    out = [text[: operations[0].start]]
    for number, operation in enumerate(operations):
        if number and operation.reads_default:
            out.append(f"\n{MERGE} ;\n")
        out.append(text[operation.start : operation.end])
        if number + 1 < len(operations):
            out.append(text[operation.end : operations[number + 1].start])
    out.append(f"\n;\n{MERGE}\n")
    out.append(text[operations[-1].end :])
    return "".join(out)


def with_using(
    text: str, operations: list[Operation], graphs: Sequence[str], named: Sequence[str]
) -> str:
    """``text`` with the protocol's ``using-graph-uri`` (``graphs``) and
    ``using-named-graph-uri`` (``named``) as ``USING`` and ``USING NAMED`` clauses of every
    operation with a WHERE clause (``DELETE WHERE { P }`` becomes ``DELETE { P } USING ...
    WHERE { P }``); the other operations read no dataset.

    >>> with_using("INSERT { GRAPH <urn:n> { ?s a 1 } } WHERE { ?s a 2 }",
    ...     read_update("INSERT { GRAPH <urn:n> { ?s a 1 } } WHERE { ?s a 2 }"), ["urn:g"], [])
    'INSERT { GRAPH <urn:n> { ?s a 1 } } USING <urn:g> WHERE { ?s a 2 }'
    >>> with_using("DELETE WHERE { GRAPH ?g { ?s ?p 1 } }",
    ...     read_update("DELETE WHERE { GRAPH ?g { ?s ?p 1 } }"), [], ["urn:n"])
    'DELETE { GRAPH ?g { ?s ?p 1 } } USING NAMED <urn:n> WHERE { GRAPH ?g { ?s ?p 1 } }'

    Raises:
        ValueError: an operation names its own dataset (``WITH``, ``USING``), which the
            SPARQL 1.1 Protocol (2.2.3) forbids together with the parameters.
    """
    clauses = "".join(f"USING <{g}> " for g in graphs) + "".join(
        f"USING NAMED <{g}> " for g in named
    )
    out, done = [], 0
    for operation in operations:
        if operation.names_dataset:
            raise ValueError(
                "using-graph-uri and using-named-graph-uri cannot be combined with an update "
                "that names its own dataset (WITH, USING or USING NAMED; SPARQL 1.1 Protocol "
                "2.2.3): give the graphs in one place only"
            )
        if operation.where is None:
            continue
        out.append(text[done : operation.where])
        if operation.form == "DELETE WHERE":
            pattern = text[operation.where + len("WHERE") : operation.end].strip()
            out.append(f"{pattern} {clauses}WHERE {pattern}")
        else:
            out.append(f"{clauses}{text[operation.where : operation.end]}")
        done = operation.end
    out.append(text[done:])
    return "".join(out)


def _head(text: str) -> list[_Token]:
    """The tokens before a query's first ``{``: its prologue, form and dataset clause."""
    tokens = _tokens(text)
    end = next((i for i, t in enumerate(tokens) if t.text == "{"), len(tokens))
    return tokens[:end]


def several_from(query: str) -> bool:
    """Whether a query names more than one ``FROM`` graph (``FROM NAMED`` aside).

    >>> several_from('SELECT * FROM <urn:a> FROM NAMED <urn:b> { ?s ?p "FROM <x>" }')
    False
    >>> several_from("PREFIX g: <urn:g:> SELECT * FROM g:a FROM g:b { ?s ?p ?o }")
    True
    """
    head = _head(query)
    return (
        sum(
            1
            for i, t in enumerate(head)
            if t.word == "FROM" and (i + 1 == len(head) or head[i + 1].word != "NAMED")
        )
        > 1
    )


def dataset_clause(query: str, base: str | None = None) -> tuple[list[str], list[str]]:
    """The IRIs of a query's ``FROM`` and ``FROM NAMED`` graphs, prefixed names and
    relative IRIs resolved (against ``BASE``, else ``base``).

    >>> dataset_clause("PREFIX g: <urn:g:> SELECT * FROM g:a FROM <b> FROM NAMED g:c "
    ...     "WHERE { ?s ?p ?o }", "http://x/")
    (['urn:g:a', 'http://x/b'], ['urn:g:c'])
    """
    from urllib.parse import urljoin

    head = _head(query)
    prefixes: dict[str, str] = {}
    defaults: list[str] = []
    named: list[str] = []

    def iri(token: _Token) -> str:
        if token.kind == "iri":
            return urljoin(base or "", token.text[1:-1])
        prefix, _, local = token.text.partition(":")
        return prefixes.get(prefix, "") + local

    for i, token in enumerate(head):
        if token.word == "BASE" and i + 1 < len(head):
            base = iri(head[i + 1])
        elif token.word == "PREFIX" and i + 2 < len(head):
            prefixes[head[i + 1].text.rstrip(":")] = iri(head[i + 2])
        elif token.word == "FROM" and i + 1 < len(head):
            if head[i + 1].word == "NAMED" and i + 2 < len(head):
                named.append(iri(head[i + 2]))
            elif head[i + 1].word != "NAMED":
                defaults.append(iri(head[i + 1]))
    return defaults, named
