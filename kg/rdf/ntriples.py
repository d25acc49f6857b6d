"""N-Triples and N-Quads, read with pyoxigraph, and the content hash of a graph.

The hash is what ``kg build`` records for each named graph in ``manifest.json`` and what
``kg push --only-changed`` compares with the hash it recorded on the server, so both take
it from :func:`graph_hash`. It is computed over a canonical form of the triples (the
N-Triples pyoxigraph writes), so it does not depend on which serialiser wrote them:
rdflib's ``"1"^^xsd:string`` and ``"x"@ID`` hash as ``"1"`` and ``"x"@id``.

>>> graph_hash(['<http://x/b> <http://x/p> "x" .', '<http://x/a> <http://x/p> "y"@EN .'])[:12]
'e7c9e66e272f'
>>> graph_hash(['<http://x/a> <http://x/p> "y"@en .', '<http://x/b> <http://x/p> "x" .'])[:12]
'e7c9e66e272f'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from kg.errors import DataError, InputError

__all__ = ["NQuads", "Written", "canonical_lines", "graph_hash", "read_nquads", "write_triples"]

#: What rdflib's writers refuse in an IRI.
_NOT_IN_IRI = re.compile(r'[<>" {}|\\^`]')
#: What pyoxigraph writes otherwise than rdflib in a literal: control characters other than
#: the line breaks both escape, DEL, and the noncharacters U+FFFE and U+FFFF.
_ESCAPED_OTHERWISE = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_LANGUAGE_TAG = re.compile(r"[a-z]+(?:-[a-z0-9]+)*")


def canonical_lines(statements: Iterable[str]) -> list[str]:
    """N-Triples statements (one a line, any serialiser's form) as pyoxigraph writes them,
    sorted, each once.

    >>> xsd_string = "<http://www.w3.org/2001/XMLSchema#string>"
    >>> canonical_lines([f'<http://x/a> <http://x/p> "1"^^{xsd_string} .'])
    ['<http://x/a> <http://x/p> "1" .']

    Raises:
        DataError: a statement is not N-Triples.
    """
    text = "\n".join(statements) + "\n"
    try:
        triples = ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        return sorted({f"{triple} ." for triple in triples})
    except SyntaxError as exc:
        raise DataError(f"not N-Triples: {exc.msg}") from None


def graph_hash(statements: Iterable[str]) -> str:
    """The content hash of a graph: SHA-256 of its :func:`canonical_lines`, each ending in a
    newline."""
    digest = hashlib.sha256()
    for line in canonical_lines(statements):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


@dataclass(frozen=True)
class Written:
    """A graph's triples as N-Triples lines, with the graph's content hash."""

    lines: list[str]
    """One a triple, in the triples' order, without a newline, as rdflib's N-Triples
    writer gives them."""
    sha256: str
    """:func:`graph_hash` of the lines."""


def write_triples(triples: Iterable[tuple[Node, Node, Node]]) -> Written:
    """rdflib triples as N-Triples lines and their graph's content hash, in one pass.

    The lines are rdflib's (the bytes of earlier builds). The hash needs each line in the
    form pyoxigraph writes; that form is the same line except for a literal with a control
    character, an upper-case language tag or the datatype ``xsd:string``, which is written
    by pyoxigraph here, and each IRI is checked as pyoxigraph's parser would check it, so
    the hash is :func:`graph_hash`'s without parsing the lines again.

    >>> from rdflib import URIRef, Literal
    >>> a, p = URIRef("http://x/a"), URIRef("http://x/p")
    >>> written = write_triples([(a, p, Literal("y", lang="EN")), (a, p, Literal("x"))])
    >>> written.lines
    ['<http://x/a> <http://x/p> "y"@EN .', '<http://x/a> <http://x/p> "x" .']
    >>> written.sha256 == graph_hash(written.lines)
    True

    Raises:
        DataError: an IRI is not one, or a term is not an IRI, a blank node or a literal.
    """
    lines: list[str] = []
    canonical: set[str] = set()
    iris: dict[str, str] = {}

    def iri(term: str) -> str:
        text = iris.get(term)
        if text is None:
            try:
                if _NOT_IN_IRI.search(term) is not None:
                    raise ValueError("a character IRIs cannot hold")
                ox.NamedNode(term)
            except ValueError as exc:
                raise DataError(f"not an IRI: <{term}> ({exc})") from None
            text = iris[term] = f"<{term}>"
        return text

    def node(term: Node) -> str:
        if type(term) is URIRef:
            return iri(term)
        if type(term) is BNode:
            return f"_:{term}"
        raise DataError(f"not an RDF subject or object: {term!r}")

    for s, p, o in triples:
        head = f"{node(s)} {iri(p)}" if type(p) is URIRef else f"{node(s)} {node(p)}"
        if type(o) is Literal:
            value = str(o)
            quoted = _quoted(value)
            language, datatype = o.language, o.datatype
            if language:
                line = f"{head} {quoted}@{language} ."
            elif datatype:
                line = f"{head} {quoted}^^{iri(datatype)} ."
            else:
                line = f"{head} {quoted} ."
            if (
                _ESCAPED_OTHERWISE.search(value) is not None
                or (language and _LANGUAGE_TAG.fullmatch(language) is None)
                or datatype == XSD.string
            ):
                canonical.add(f"{head} {_oxigraph_literal(value, language, datatype)} .")
            else:
                canonical.add(line)
        else:
            line = f"{head} {node(o)} ."
            canonical.add(line)
        lines.append(line)
    digest = hashlib.sha256()
    for line in sorted(canonical):
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return Written(lines, digest.hexdigest())


def _quoted(value: str) -> str:
    """A literal's text quoted as rdflib's N-Triples writer quotes it."""
    escaped = value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')
    return '"' + escaped.replace("\r", "\\r") + '"'


def _oxigraph_literal(value: str, language: str | None, datatype: str | None) -> str:
    """A literal as pyoxigraph writes it."""
    try:
        if language:
            return str(ox.Literal(value, language=language))
        return str(ox.Literal(value, datatype=ox.NamedNode(datatype) if datatype else None))
    except ValueError as exc:
        raise DataError(f"not an RDF literal: {value!r} ({exc})") from None


@dataclass(frozen=True)
class NQuads:
    """The named graphs of an N-Quads file, each as its canonical N-Triples lines."""

    graphs: dict[str, list[str]]
    """Graph IRI to its triples (sorted, each once, as :func:`canonical_lines` gives)."""
    default_triples: int
    """Statements in the default graph (kg's datasets have none)."""


def read_nquads(path: Path) -> NQuads:
    """Read an N-Quads file, one statement at a time, grouped by named graph.

    Raises:
        InputError: the file cannot be read, or a line is not N-Quads (file, line, column).
        DataError: a blank node names a graph.
    """
    graphs: dict[str, set[str]] = {}
    default = 0
    try:
        for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
            name = quad.graph_name
            if isinstance(name, ox.DefaultGraph):
                default += 1
            elif isinstance(name, ox.NamedNode):
                graphs.setdefault(name.value, set()).add(f"{quad.triple} .")
            else:
                raise DataError(f"{path}: a blank node names a graph ({name}); IRIs are needed")
    except SyntaxError as exc:
        raise InputError(
            f"not an N-Quads statement ({exc.msg.split(': ', 1)[-1]}); "
            "rebuild the dataset with 'kg build'",
            path=path,
            line=exc.lineno,
            column=exc.offset,
        ) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    return NQuads({iri: sorted(lines) for iri, lines in graphs.items()}, default)
