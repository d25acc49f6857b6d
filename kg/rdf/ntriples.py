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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import DataError, InputError

__all__ = ["NQuads", "canonical_lines", "graph_hash", "read_nquads"]


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
