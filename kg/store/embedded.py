"""The embedded store: pyoxigraph, in memory or on disk. The only module importing pyoxigraph.

The dataset's default graph is the RDF merge of its named graphs, each triple once (as in
Fuseki with ``tdb2:unionDefaultGraph``): it is materialised in pyoxigraph's own default
graph, which queries read, and it is read-only. Every write keeps it true in the same
transaction: a graph replaced, added to or deleted changes it incrementally (a triple
leaves it only when no other named graph still states it), and a SPARQL Update is followed
by :data:`~kg.store.updates.MERGE`, after being refused if it would write the default graph
itself. Bulk loads (:meth:`EmbeddedStore.load_file`) are not transactions and compute it
afterwards. The outputs (dumps, counts, quads) hold the named graphs only.

A store written by an older kg has named graphs and an empty default graph: opened
read-only it raises :class:`~kg.errors.OutdatedStoreError` (rebuild it), opened writable it
gets its default graph computed then and there.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import OutdatedStoreError, QueryError, StoreError, UsageError
from kg.rdf.formats import RdfFormat
from kg.store.base import SelectResult, Term
from kg.store.binding import bind_values
from kg.store.updates import (
    MERGE,
    dataset_clause,
    default_graph_problem,
    read_update,
    several_from,
    with_merge,
    with_using,
)

__all__ = ["Answer", "EmbeddedStore", "reserialize", "to_term"]

_OX_FORMATS = {
    RdfFormat.TURTLE: ox.RdfFormat.TURTLE,
    RdfFormat.NTRIPLES: ox.RdfFormat.N_TRIPLES,
    RdfFormat.TRIG: ox.RdfFormat.TRIG,
    RdfFormat.NQUADS: ox.RdfFormat.N_QUADS,
    RdfFormat.JSONLD: ox.RdfFormat.JSON_LD,
    RdfFormat.RDFXML: ox.RdfFormat.RDF_XML,
}


_DEFAULT = ox.DefaultGraph()

LOAD_CHUNK = 32 << 20
"""Bytes of N-Quads or N-Triples a build bulk-loads at a time (see ``_load_lines``)."""

MERGE_CHUNK = 8 << 20
"""The same for the default graph that :meth:`EmbeddedStore.load_merge` loads, beside
another bulk load: a quarter of the memory (about 90 MB against 220 MB at a million
triples) for about 10 % more CPU."""


def _forget(name: ox.NamedNode) -> str:
    """The update that removes from the default graph the triples that only ``name`` states
    (run before ``name`` loses them)."""
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {name} {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {name}) }} }}"
    )


def reserialize(
    source: Path, target: Path | None, *, fmt: RdfFormat, prefixes: dict[str, str] | None = None
) -> bytes | None:
    """The statements of an N-Quads file written in another format, in the same order,
    into ``target`` (None returned) or returned. pyoxigraph streams them: a dump of the
    store in N-Quads re-serialised this way has the bytes of the store's own dump in
    ``fmt``, at a fraction of the cost of reading the store again.

    Raises:
        StoreError: the file cannot be read, parsed or written.
    """
    try:
        quads = ox.parse(path=str(source), format=ox.RdfFormat.N_QUADS)
        if target is None:
            return _bytes(ox.serialize(quads, format=_OX_FORMATS[fmt], prefixes=prefixes))
        ox.serialize(quads, str(target), format=_OX_FORMATS[fmt], prefixes=prefixes)
    except (SyntaxError, ValueError, OSError) as exc:
        raise StoreError(f"cannot write {source} as {fmt.label}: {exc}") from None
    return None


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
    """A pyoxigraph store, in memory (``path=None``) or in a directory; its default graph is
    the merge of its named graphs (see the module docstring).

    >>> store = EmbeddedStore()
    >>> data = "<https://example.org/a> <https://example.org/p> 1 ."
    >>> store.replace_graph("https://example.org/g", data, fmt=RdfFormat.TURTLE)
    >>> store.replace_graph("https://example.org/h", data, fmt=RdfFormat.TURTLE)
    >>> store.count_triples("https://example.org/g"), store.count_triples()
    (1, 2)
    >>> store.select("SELECT ?o WHERE { ?s ?p ?o }").values()
    [('1',)]

    Raises:
        StoreError: the store cannot be opened.
        OutdatedStoreError: opened read-only, a store written by an older kg.
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
        if path is not None and self._lacks_default_graph():
            if read_only:
                raise OutdatedStoreError(path)
            self.refresh_default_graph()

    @classmethod
    def copy_of(cls, source: Path, target: Path) -> EmbeddedStore:
        """A copy of the store in ``source``, made in ``target`` (which must not exist) and
        opened for writing; on the same file system its immutable files are hard links, so
        copying costs little whatever the size.

        Raises:
            StoreError: the store cannot be read or copied.
        """
        try:
            original = ox.Store.read_only(str(source))
            original.backup(str(target))
            del original
        except OSError as exc:
            raise StoreError(f"cannot copy the store in {source}: {exc}") from None
        return cls(target)

    def _default_graph_is_empty(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, _DEFAULT)), None) is None

    def _lacks_default_graph(self) -> bool:
        """Named graphs hold triples but the default graph is empty (an older kg's store)."""
        return self._default_graph_is_empty() and next(iter(self._store), None) is not None

    @property
    def native(self) -> ox.Store:
        """The pyoxigraph store, for the modules that serve it."""
        return self._store

    def load(self, data: bytes | str, *, fmt: RdfFormat, graph: str | None = None) -> None:
        """Bulk-load RDF: the quads of TriG/N-Quads into their named graphs, or triples into
        ``graph``; then bring the default graph up to date. Not one transaction: for
        loading, not for serving. Triples outside a named graph are not kept.

        Raises:
            UsageError: triples (no graph names) without ``graph``.
            StoreError: the data cannot be parsed.
        """
        if graph is None and not fmt.supports_datasets:
            raise UsageError(f"{fmt.label} has no graph names: say which graph to load it into")
        target = ox.NamedNode(graph) if graph else None
        fresh = self._default_graph_is_empty()
        try:
            self._store.bulk_load(
                io.BytesIO(data.encode() if isinstance(data, str) else data),
                format=_OX_FORMATS[fmt],
                to_graph=target,
            )
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"cannot load {fmt.label} data: {exc}") from None
        self._merge_loaded(target, fresh=fresh)

    def load_file(self, path: Path, *, fmt: RdfFormat | None = None, merge: bool = True) -> None:
        """Bulk-load a TriG or N-Quads file (the format guessed from the extension if not
        given), then bring the default graph up to date (unless ``merge`` is False: the
        caller does); see :meth:`load`."""
        fmt = fmt or RdfFormat.from_extension(path)
        if not fmt.supports_datasets:
            raise UsageError(f"{path}: {fmt.label} has no graph names: load TriG or N-Quads")
        fresh = self._default_graph_is_empty()
        try:
            self._store.bulk_load(path=str(path), format=_OX_FORMATS[fmt])
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"{path}: cannot load {fmt.label} data: {exc}") from None
        if merge:
            self._merge_loaded(None, fresh=fresh)

    def load_build(self, path: Path) -> None:
        """Bulk-load the N-Quads a build wrote into an empty store: every line a triple and
        the IRI of its named graph. The default graph is loaded from the same lines without
        their graph name, read natively (about three times faster than :meth:`load_file`'s
        copy quad by quad at a million triples); a file with blank nodes, whose identity
        two loads would not keep, is loaded as :meth:`load_file` does."""
        self.load_named(path)
        self.merge_build(path)

    def load_named(self, path: Path, *, start: int = 0, end: int | None = None) -> None:
        """The first half of :meth:`load_build`: the named graphs of a build's N-Quads, into
        an empty store; or of the bytes ``start`` to ``end`` of the file, whole lines (a
        build loads its articles while it links events, then the rest). Until
        :meth:`merge_build` runs, the default graph is empty, so :meth:`dump` and
        :meth:`dump_file` write the named graphs natively."""
        self._load_lines(path, ox.RdfFormat.N_QUADS, start=start, end=end)

    def _load_lines(
        self,
        path: Path,
        fmt: ox.RdfFormat,
        *,
        start: int = 0,
        end: int | None = None,
        to_graph: ox.DefaultGraph | None = None,
        chunk: int | None = None,
    ) -> None:
        """Bulk-load the lines of an N-Quads or N-Triples file from ``start`` to ``end``,
        ``chunk`` (:data:`LOAD_CHUNK`) bytes at a time: pyoxigraph's bulk loader holds
        what it is given in memory (1 GB for a million quads at once, half that in parts;
        as fast). Each
        part is given as bytes: read from a Python file, the loader would wait for the GIL
        at every read while another thread runs Python (a load took twice as long)."""
        try:
            with path.open("rb") as handle:
                end = path.stat().st_size if end is None else end
                while start < end:
                    handle.seek(min(start + (chunk or LOAD_CHUNK), end))
                    handle.readline()  # the chunk ends with a whole line
                    stop = min(handle.tell(), end)
                    handle.seek(start)
                    part = handle.read(stop - start)
                    self._store.bulk_load(part, format=fmt, to_graph=to_graph)
                    del part
                    start = stop
        except (SyntaxError, ValueError, OSError) as exc:
            raise StoreError(f"{path}: cannot load {fmt.name} data: {exc}") from None

    def merge_build(self, path: Path) -> None:
        """The second half of :meth:`load_build`: the default graph, the merge of the named
        graphs :meth:`load_named` loaded from ``path``."""
        if not self._load_merge_from(path):
            self._merge_loaded(None, fresh=True)

    def load_merge(self, triples: Path) -> None:
        """The default graph of a store whose named graphs :meth:`load_named` loaded, from
        an N-Triples file of their distinct triples (a build computes them, see
        :mod:`kg.build.layout`), into the empty default graph."""
        self._load_lines(triples, ox.RdfFormat.N_TRIPLES, to_graph=_DEFAULT, chunk=MERGE_CHUNK)

    def _load_merge_from(self, path: Path) -> bool:
        """Load the lines of a build's N-Quads, less their graph name, into the empty default
        graph; False, with nothing loaded, when a line has a blank node."""
        triples = path.with_name(path.name + ".merge.nt")
        try:
            with path.open(encoding="utf-8") as src, triples.open("w", encoding="utf-8") as out:
                for line in src:
                    body = line.rstrip()
                    if not body:
                        continue
                    if "_:" in body:
                        return False
                    out.write(body[: body.rindex(" <")] + " .\n")  # the graph is last
            self._load_lines(triples, ox.RdfFormat.N_TRIPLES, to_graph=_DEFAULT)
            return True
        except (SyntaxError, ValueError, OSError, StoreError):
            self._store.clear_graph(_DEFAULT)
            return False
        finally:
            triples.unlink(missing_ok=True)

    def _merge_loaded(self, graph: ox.NamedNode | None, *, fresh: bool) -> None:
        """Put what a bulk load added into the default graph: the loaded graph, or (into an
        empty default graph) every named graph, copied quad by quad with their blank nodes;
        otherwise the merge is brought up to date in one transaction."""
        if graph is None and not fresh:
            self.refresh_default_graph()
            return
        if graph is None:
            self._store.clear_graph(_DEFAULT)  # triples the data put outside any graph
        graphs = [graph] if graph is not None else list(self._store.named_graphs())
        try:
            self._store.bulk_extend(
                ox.Quad(q.subject, q.predicate, q.object, _DEFAULT)
                for name in graphs
                for q in self._store.quads_for_pattern(None, None, None, name)
            )
        except OSError as exc:
            raise StoreError(f"cannot write the default graph: {exc}") from None

    def refresh_default_graph(self) -> None:
        """Make the default graph the merge of the named graphs again, in one transaction
        that writes only the difference (see :data:`~kg.store.updates.MERGE`)."""
        self._write(MERGE)

    def _triples(self, graph: str, data: str, fmt: RdfFormat) -> str:
        """``data`` parsed and written back as N-Triples, one statement a line."""
        try:
            return "\n".join(
                f"{q.subject} {q.predicate} {q.object} ."
                for q in ox.parse(data.encode(), format=_OX_FORMATS[fmt])
            )
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"invalid {fmt.label} for graph <{graph}>: {exc}") from None

    def ntriples(self, graph: str, parts: Sequence[tuple[str, RdfFormat]]) -> str:
        """Several documents (``(data, format)``) for ``graph`` as one N-Triples document;
        their blank nodes stay apart.

        >>> EmbeddedStore().ntriples("urn:g", [("[] a <urn:A> .", RdfFormat.TURTLE)] * 2).count(
        ...     "_:")
        2

        Raises:
            StoreError: a document is not valid in its format.
        """
        return "".join(self._triples(graph, data, fmt) + "\n" for data, fmt in parts)

    def replace_graph(self, graph: str, data: str, *, fmt: RdfFormat = RdfFormat.NTRIPLES) -> None:
        """Make ``graph`` hold exactly the triples in ``data``; the default graph loses the
        triples only it stated and gains the new ones."""
        name = ox.NamedNode(graph)
        triples = self._triples(graph, data, fmt)
        # One SPARQL update is one transaction: a reader, or a crash, never sees the graph
        # dropped but not yet filled, nor the default graph out of step with it. Both copies
        # of the triples are in one INSERT DATA, so they share their blank nodes.
        fill = (
            f"INSERT DATA {{ GRAPH {name} {{ {triples} }} {triples} }}"
            if triples
            else f"CREATE GRAPH {name}"
        )
        self._write(f"{_forget(name)} ;\nDROP SILENT GRAPH {name} ;\n{fill}")

    def add_to_graph(self, graph: str, data: str, *, fmt: RdfFormat = RdfFormat.NTRIPLES) -> None:
        """Add the triples in ``data`` to ``graph`` (created if missing) and to the default
        graph, in one transaction."""
        name = ox.NamedNode(graph)
        triples = self._triples(graph, data, fmt)
        if triples:
            self._write(f"INSERT DATA {{ GRAPH {name} {{ {triples} }} {triples} }}")
        else:
            self._write(f"CREATE SILENT GRAPH {name}")

    def delete_graph(self, graph: str) -> None:
        """Remove a named graph, and from the default graph the triples only it stated."""
        name = ox.NamedNode(graph)
        if self._store.contains_named_graph(name):
            self._write(f"{_forget(name)} ;\nDROP GRAPH {name}")

    def graph_names(self) -> list[str]:
        """The named graphs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def count_triples(self, graph: str | None = None) -> int:
        """Triples in one graph, or quads in all named graphs (a triple that two graphs
        state counts twice; the default graph is not counted)."""
        if graph is not None:
            name = ox.NamedNode(graph)
            return sum(1 for _ in self._store.quads_for_pattern(None, None, None, name))
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return int(rows[0]["n"].value)

    def _run(self, query: str, bindings: Mapping[str, Term] | None) -> Any:
        text = bind_values(query, bindings)
        try:
            if several_from(query):
                store, dataset = self._dataset(text, *dataset_clause(text), None)
                return store.query(text, **dataset)
            return self._store.query(text)
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
        """Run any query, on the store's dataset (``FROM``/``FROM NAMED`` in the query are
        honoured) or on the given graphs (SPARQL protocol's ``default-graph-uri``/
        ``named-graph-uri``), keeping at most ``max_rows`` results; relative IRIs in the
        query resolve against ``base_iri``."""
        text = bind_values(query, bindings)
        if default_graphs is None and named_graphs is None and several_from(query):
            default_graphs, named_graphs = dataset_clause(text, base_iri)
        store, dataset = self._dataset(text, default_graphs, named_graphs, base_iri)
        try:
            result = store.query(text, **dataset)
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

    def _dataset(
        self,
        text: str,
        default_graphs: Sequence[str] | None,
        named_graphs: Sequence[str] | None,
        base_iri: str | None,
    ) -> tuple[ox.Store, dict[str, Any]]:
        """The store to ask and the dataset arguments of its query: with several default
        graphs, an in-memory store holding their merge (pyoxigraph would count a triple
        once per graph that states it; SPARQL's default graph is their RDF merge)."""
        dataset: dict[str, Any] = {"base_iri": base_iri}
        if default_graphs is None and named_graphs is None:
            return self._store, dataset
        dataset["default_graph"] = [ox.NamedNode(g) for g in default_graphs or []]
        if named_graphs is not None:
            dataset["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if default_graphs is not None and len(default_graphs) > 1:
            dataset["default_graph"] = ox.DefaultGraph()
            return self._merged(default_graphs, named_graphs), dataset
        return self._store, dataset

    def _merged(
        self, default_graphs: Sequence[str], named_graphs: Sequence[str] | None
    ) -> ox.Store:
        """An in-memory store whose default graph is the RDF merge of ``default_graphs``,
        with copies of ``named_graphs``."""
        merged = ox.Store()
        for graph in default_graphs:
            merged.extend(
                ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                for q in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
            )
        for graph in named_graphs or ():
            name = ox.NamedNode(graph)
            merged.extend(self._store.quads_for_pattern(None, None, None, name))
        return merged

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

    def update(
        self,
        update: str,
        *,
        base_iri: str | None = None,
        using_graphs: Sequence[str] = (),
        using_named_graphs: Sequence[str] = (),
    ) -> None:
        """Run a SPARQL Update, then bring the default graph up to date, in one transaction;
        relative IRIs in it resolve against ``base_iri``; ``using_graphs`` and
        ``using_named_graphs`` (the protocol's ``using-graph-uri`` and
        ``using-named-graph-uri``) are the dataset of every WHERE clause.

        An operation that follows a write and may read the default graph sees it brought up
        to date first. The default graph is derived: an update that would write it
        (triples outside ``GRAPH`` without ``WITH``, ``CLEAR DEFAULT``, ``LOAD`` without
        ``INTO``, ``ADD``/``COPY`` ``TO DEFAULT``, ``MOVE DEFAULT``) is refused.

        >>> store = EmbeddedStore()
        >>> store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> 1 } }")
        >>> store.ask("ASK { <urn:a> <urn:p> 1 }")
        True
        >>> store.update("DELETE WHERE { <urn:a> <urn:p> ?o }")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        kg.errors.QueryError: this update would write the default graph (DELETE WHERE ...

        Raises:
            QueryError: invalid SPARQL, an update that writes the default graph, one that
                names its own dataset besides ``using_graphs``, or one that cannot apply
                (CLEAR of a missing graph without SILENT); nothing was changed.
        """
        operations = read_update(update)
        if operations is None:  # not SPARQL: the parser says what is wrong
            self._write(update, base_iri=base_iri)
            self.refresh_default_graph()
            return
        if using_graphs or using_named_graphs:
            try:
                update = with_using(update, operations, using_graphs, using_named_graphs)
            except ValueError as exc:
                raise QueryError(str(exc)) from None
            operations = read_update(update) or []
        problem = default_graph_problem(operations)
        if problem is not None:
            raise QueryError(problem)
        self._write(with_merge(update, operations), base_iri=base_iri)

    def _write(self, update: str, *, base_iri: str | None = None) -> None:
        """Run an update as it is (one transaction)."""
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
        """The named graphs serialised (without the derived default graph), or one graph's
        triples (``graph``; the default graph, the merge, for formats without datasets)."""
        if graph is None and fmt.supports_datasets:
            if self._default_graph_is_empty():
                return _bytes(self._store.dump(format=_OX_FORMATS[fmt], prefixes=prefixes))
            return _bytes(ox.serialize(self.quads(), format=_OX_FORMATS[fmt], prefixes=prefixes))
        source = ox.NamedNode(graph) if graph is not None else _DEFAULT
        return _bytes(
            self._store.dump(format=_OX_FORMATS[fmt], from_graph=source, prefixes=prefixes)
        )

    def dump_file(
        self,
        path: Path,
        *,
        fmt: RdfFormat = RdfFormat.NQUADS,
        prefixes: dict[str, str] | None = None,
    ) -> None:
        """Write the named graphs (as :meth:`dump` gives them) into the file ``path``;
        natively, without holding the text, while the default graph is empty. pyoxigraph
        lets other threads run meanwhile."""
        if not (fmt.supports_datasets and self._default_graph_is_empty()):
            path.write_bytes(self.dump(fmt=fmt, prefixes=prefixes))
            return
        try:
            self._store.dump(str(path), format=_OX_FORMATS[fmt], prefixes=prefixes)
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc}") from None

    def graph_order(self) -> list[str]:
        """The named graphs in the order :meth:`dump` writes them (pyoxigraph's own)."""
        return [g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    def graph_dump(
        self, graph: str, *, fmt: RdfFormat = RdfFormat.TRIG, prefixes: dict[str, str] | None = None
    ) -> bytes:
        """One named graph serialised in a dataset format (TriG, N-Quads): the dataset
        :meth:`dump` gives, had it only this graph."""
        if not fmt.supports_datasets:
            raise UsageError(f"{fmt.label} has no graph names: use dump(graph=...)")
        quads = self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return _bytes(ox.serialize(quads, format=_OX_FORMATS[fmt], prefixes=prefixes))

    def graph_statements(self, graph: str) -> set[str]:
        """The triples of a named graph as N-Triples statements, as pyoxigraph writes them."""
        quads = self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        return {f"{quad.triple} ." for quad in quads}

    def in_merge(
        self, subject: str | None = None, predicate: str | None = None, obj: str | None = None
    ) -> bool:
        """Whether the default graph (the merge) has a triple with these IRIs (None: any
        term); one index lookup.

        >>> store = EmbeddedStore()
        >>> store.replace_graph("http://x/g", "<http://x/a> <http://x/p> <http://x/b> .")
        >>> store.in_merge("http://x/a"), store.in_merge(predicate="http://x/b")
        (True, False)
        """
        terms = [ox.NamedNode(t) if t is not None else None for t in (subject, predicate, obj)]
        found = self._store.quads_for_pattern(terms[0], terms[1], terms[2], _DEFAULT)
        return next(iter(found), None) is not None

    def union_block(
        self,
        subject: str,
        *,
        fmt: RdfFormat = RdfFormat.TURTLE,
        prefixes: dict[str, str] | None = None,
    ) -> bytes:
        """The triples of the merge (the default graph) about one subject (an IRI),
        serialised: the part of :meth:`union` about it, with the prefixes."""
        triples = (
            quad.triple
            for quad in self._store.quads_for_pattern(ox.NamedNode(subject), None, None, _DEFAULT)
        )
        return _bytes(ox.serialize(triples, format=_OX_FORMATS[fmt], prefixes=prefixes))

    def union_file(
        self,
        path: Path,
        *,
        fmt: RdfFormat = RdfFormat.TURTLE,
        prefixes: dict[str, str] | None = None,
    ) -> None:
        """Write :meth:`union` into the file ``path`` natively (other threads run meanwhile)."""
        try:
            self._store.dump(
                str(path), format=_OX_FORMATS[fmt], from_graph=_DEFAULT, prefixes=prefixes
            )
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc}") from None

    def union(
        self, *, fmt: RdfFormat = RdfFormat.TURTLE, prefixes: dict[str, str] | None = None
    ) -> bytes:
        """The merge of all named graphs (the default graph) as one graph, serialised."""
        return _bytes(
            self._store.dump(format=_OX_FORMATS[fmt], from_graph=_DEFAULT, prefixes=prefixes)
        )

    def quads(self) -> Iterable[ox.Quad]:
        """The quads of all named graphs (pyoxigraph objects), graph by graph."""
        return (
            quad
            for name in self._store.named_graphs()
            for quad in self._store.quads_for_pattern(None, None, None, name)
        )

    def flush(self) -> None:
        """Write pending changes to disk."""
        if self.path is not None and not self.read_only:
            self._store.flush()

    def close(self) -> None:
        """Flush and release the store."""
        self.flush()
        del self._store
