"""The store interface every backend implements, and the values it returns.

Queries run against a dataset whose default graph is the RDF merge of all named graphs
(each triple once, as Fuseki's ``tdb2:unionDefaultGraph`` gives), so the named queries
and counts are the same on the embedded store and on Fuseki. Writes go to named graphs.
Parameters are bound as RDF terms (``bindings``), never pasted into the query text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Protocol, runtime_checkable

from kg.rdf.formats import RdfFormat
from kg.rdf.namespaces import RDF_LANG_STRING, XSD_STRING

__all__ = ["SelectResult", "Store", "Term"]


_ESCAPES = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\b": "\\b",
    "\f": "\\f",
}


@dataclass(frozen=True)
class Term:
    """An RDF term as a backend-neutral value.

    >>> Term.literal('say "hi"').n3()
    '"say \\\\"hi\\\\""'
    >>> Term.iri("https://example.org/a").n3()
    '<https://example.org/a>'
    """

    kind: Literal["iri", "literal", "bnode"]
    value: str
    datatype: str | None = None
    language: str | None = None

    @classmethod
    def iri(cls, value: str) -> Term:
        """A named node."""
        return cls("iri", value)

    @classmethod
    def literal(
        cls, value: str, *, datatype: str | None = None, language: str | None = None
    ) -> Term:
        """A literal, plain, typed or language-tagged."""
        if language is not None:
            return cls("literal", value, RDF_LANG_STRING, language)
        return cls("literal", value, datatype or XSD_STRING, None)

    def n3(self) -> str:
        """The term in N-Triples/SPARQL syntax, with every special character escaped."""
        if self.kind == "iri":
            if any(c in self.value for c in '<>"{}|^`\\ \n'):
                raise ValueError(f"not a valid IRI: {self.value!r}")
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        body = "".join(_ESCAPES.get(c, c) for c in self.value)
        if self.language:
            return f'"{body}"@{self.language}'
        if self.datatype and self.datatype != XSD_STRING:
            return f'"{body}"^^<{self.datatype}>'
        return f'"{body}"'

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class SelectResult:
    """The solutions of a SELECT query: variables in order, rows as variable -> term."""

    variables: list[str]
    rows: list[dict[str, Term]] = field(default_factory=list)

    def values(self) -> list[tuple[str | None, ...]]:
        """The rows as tuples of plain strings (None where unbound), for comparisons."""
        return [
            tuple(row[v].value if v in row else None for v in self.variables) for row in self.rows
        ]


@runtime_checkable
class Store(Protocol):
    """A quad store holding one graph per article plus the shared entity graph."""

    def replace_graph(self, graph: str, data: str, *, fmt: RdfFormat = RdfFormat.NTRIPLES) -> None:
        """Make ``graph`` hold exactly the triples in ``data`` (idempotent)."""

    def delete_graph(self, graph: str) -> None:
        """Remove ``graph`` and all its triples; no error if it does not exist."""

    def graph_names(self) -> list[str]:
        """The IRIs of all named graphs, sorted."""

    def count_triples(self, graph: str | None = None) -> int:
        """Triples in ``graph``, or quads in all named graphs when None (not the merge)."""

    def select(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> SelectResult:
        """Run a SELECT query."""

    def ask(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""

    def construct(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> str:
        """Run a CONSTRUCT or DESCRIBE query; the result as N-Triples."""

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update."""

    def close(self) -> None:
        """Release the store."""
