"""The embedded store: pyoxigraph, in memory or on disk. The only module importing pyoxigraph."""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.formats import RdfFormat
from kg.store.base import SelectResult, Term
from kg.store.binding import bind_values

__all__ = ["Answer", "EmbeddedStore", "to_term"]

_OX_FORMATS = {
    RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
    RdfFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    RdfFormat.TRIG: ox.RdfFormat.TRIG,
    RdfFormat.NQUADS: ox.RdfFormat.N_QUADS,
    RdfFormat.JSONLD: ox.RdfFormat.JSON_LD,
    RdfFormat.RDFXML: ox.RdfFormat.RDF_XML,
}


def to_term(term: Any) -> Term:
    """A pyoxigraph term as our :class:`Term`."""
    if isinstance(term, ox.NamedNode):
        return Term.iri(term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Term.literal(term.value, language=term.language)
        return Term.literal(term.value, datatype=term.datatype.value)
    raise StoreError(f"unsupported RDF term {term!r}")


def _bytes(data: bytes | None) -> bytes:
    """pyoxigraph returns bytes when no output file is given."""
    if data is None:
        raise StoreError("serialisation returned nothing")
    return data


@dataclass(frozen=True)
class Answer:
    """Any query's answer: solutions (SELECT), a boolean (ASK) or RDF (CONSTRUCT/DESCRIBE).

    Attributes:
        select: the solutions, at most ``max_rows`` of them.
        boolean: the ASK answer.
        rdf: the triples serialised in the requested format.
        truncated: True when there were more than ``max_rows`` solutions or triples.
    """

    select: SelectResult | None = None
    boolean: bool | None = None
    rdf: bytes | None = None
    truncated: bool = False


class EmbeddedStore:
    """A pyoxigraph store, in memory (``path=None``) or in a directory.

    >>> store = EmbeddedStore()
    >>> data = "<https://example.org/a> <https://example.org/p> 1 ."
    >>> store.replace_graph("https://example.org/g", data, fmt=RdfFormat.TURTLE)
    >>> store.count_triples("https://example.org/g")
    1
    >>> store.select("SELECT ?o WHERE { ?s ?p ?o }").values()
    [('1',)]
    """

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                self._store = ox.Store(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store in {path}: {exc}") from None

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store, for the modules that serve it."""
        return self._store

    def load(self, data: bytes | str, *, fmt: RdfFormat, graph: str | None = None) -> None:
        """Bulk-load RDF (quads for TriG/N-Quads, or triples into ``graph``)."""
        target = ox.NamedNode(graph) if graph else None
        try:
            self._store.bulk_load(
                io.BytesIO(data.encode() if isinstance(data, str) else data),
                format=_OX_FORMATS[fmt],
                to_graph=target,
            )
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"cannot load {fmt.label} data: {exc}") from None

    def load_file(self, path: Path, *, fmt: RdfFormat | None = None) -> None:
        """Bulk-load an RDF file; the format is guessed from the extension if not given."""
        fmt = fmt or RdfFormat.from_extension(path)
        try:
            self._store.bulk_load(path=str(path), format=_OX_FORMATS[fmt])
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"{path}: cannot load {fmt.label} data: {exc}") from None

    def replace_graph(self, graph: str, data: str, *, fmt: RdfFormat = RdfFormat.NTRIPLES) -> None:
        """Make ``graph`` hold exactly the triples in ``data``."""
        name = ox.NamedNode(graph)
        try:
            quads = [
                ox.Quad(q.subject, q.predicate, q.object, name)
                for q in ox.parse(data.encode(), format=_OX_FORMATS[fmt])
            ]
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"invalid {fmt.label} for graph <{graph}>: {exc}") from None
        # One SPARQL update is one transaction: a reader, or a crash, never sees the graph
        # dropped but not yet filled.
        triples = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.update(f"DROP SILENT GRAPH {name} ; INSERT DATA {{ GRAPH {name} {{ {triples} }} }}")
        if not quads:
            self._store.add_graph(name)

    def delete_graph(self, graph: str) -> None:
        """Remove a named graph."""
        name = ox.NamedNode(graph)
        if self._store.contains_named_graph(name):
            self._store.remove_graph(name)

    def graph_names(self) -> list[str]:
        """The named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def count_triples(self, graph: str | None = None) -> int:
        """Triples in one graph, or in all named graphs."""
        if graph is not None:
            name = ox.NamedNode(graph)
            return sum(1 for _ in self._store.quads_for_pattern(None, None, None, name))
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return int(rows[0]["n"].value)

    def _run(self, query: str, bindings: Mapping[str, Term] | None) -> Any:
        try:
            return self._store.query(bind_values(query, bindings), use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from None
        except OSError as exc:
            raise StoreError(f"query failed: {exc}") from None

    def answer(
        self,
        query: str,
        *,
        bindings: Mapping[str, Term] | None = None,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        max_rows: int | None = None,
        rdf_format: RdfFormat = RdfFormat.NTRIPLES,
        prefixes: dict[str, str] | None = None,
        base_iri: str | None = None,
    ) -> Answer:
        """Run any query, on the union default graph or on the given graphs (SPARQL protocol's
        ``default-graph-uri``/``named-graph-uri``), keeping at most ``max_rows`` results;
        relative IRIs in the query resolve against ``base_iri``."""
        dataset: dict[str, Any] = {"use_default_graph_as_union": True, "base_iri": base_iri}
        if default_graphs is not None or named_graphs is not None:
            dataset = {
                "base_iri": base_iri,
                "default_graph": [ox.NamedNode(g) for g in default_graphs or []],
            }
            if named_graphs is not None:
                dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        try:
            result = self._store.query(bind_values(query, bindings), **dataset)
            limit = max_rows if max_rows is not None else -1
            if isinstance(result, ox.QueryBoolean):
                return Answer(boolean=bool(result))
            if isinstance(result, ox.QuerySolutions):
                names = [v.value for v in result.variables]
                rows: list[dict[str, Term]] = []
                for solution in result:
                    if len(rows) == limit:
                        return Answer(select=SelectResult(names, rows), truncated=True)
                    rows.append({n: to_term(solution[n]) for n in names if solution[n] is not None})
                return Answer(select=SelectResult(names, rows))
            triples: list[ox.Triple] = []
            for triple in result:
                if len(triples) == limit:
                    break
                triples.append(triple)
            truncated = len(triples) == limit and next(iter(result), None) is not None
            data = ox.serialize(triples, format=_OX_FORMATS[rdf_format], prefixes=prefixes)
            return Answer(rdf=bytes(data or b""), truncated=truncated)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL: {exc}") from None
        except (OSError, RuntimeError) as exc:
            raise StoreError(f"query failed: {exc}") from None

    def select(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> SelectResult:
        """Run a SELECT query."""
        result = self._run(query, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = [v.value for v in result.variables]
        rows = [
            {name: to_term(solution[name]) for name in variables if solution[name] is not None}
            for solution in result
        ]
        return SelectResult(variables, rows)

    def ask(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> bool:
        """Run an ASK query."""
        result = self._run(query, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, query: str, *, bindings: Mapping[str, Term] | None = None) -> str:
        """Run a CONSTRUCT/DESCRIBE query; N-Triples out."""
        result = self._run(query, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return _bytes(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES)).decode()

    def update(self, update: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL Update; relative IRIs in it resolve against ``base_iri``."""
        try:
            self._store.update(update, base_iri=base_iri)
        except SyntaxError as exc:
            raise QueryError(f"invalid SPARQL Update: {exc}") from None
        except RuntimeError as exc:  # e.g. CLEAR of a missing graph without SILENT
            raise QueryError(f"the update cannot be applied: {exc}") from None
        except (OSError, ValueError) as exc:
            raise StoreError(f"update failed: {exc}") from None

    def dump(
        self,
        *,
        fmt: RdfFormat = RdfFormat.NQUADS,
        prefixes: dict[str, str] | None = None,
        graph: str | None = None,
    ) -> bytes:
        """The whole dataset serialised, or one graph's triples (``graph``; the default
        graph for formats without datasets)."""
        if graph is None and fmt.supports_datasets:
            return _bytes(self._store.dump(format=_OX_FORMATS[fmt], prefixes=prefixes))
        source = ox.NamedNode(graph) if graph is not None else ox.DefaultGraph()
        return _bytes(
            self._store.dump(format=_OX_FORMATS[fmt], from_graph=source, prefixes=prefixes)
        )

    def union(
        self, *, fmt: RdfFormat = RdfFormat.TURTLE, prefixes: dict[str, str] | None = None
    ) -> bytes:
        """The union of all named graphs as one graph, serialised (duplicates merged)."""
        triples = self._store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
        )
        if not isinstance(triples, ox.QueryTriples):
            raise StoreError("CONSTRUCT did not return triples")
        return _bytes(ox.serialize(triples, format=_OX_FORMATS[fmt], prefixes=prefixes))

    def quads(self) -> Iterable[ox.Quad]:
        """All quads (pyoxigraph objects)."""
        quads: Iterable[ox.Quad] = iter(self._store)
        return quads

    def flush(self) -> None:
        """Write pending changes to disk."""
        if self.path is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        """Flush and release the store."""
        self.flush()
        del self._store
