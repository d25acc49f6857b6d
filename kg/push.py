"""Push a built dataset to a store (Fuseki), one named graph at a time.

Each graph is sent whole with the Graph Store Protocol (``PUT``), so a re-run replaces and
never duplicates. Transient failures (connection refused, timeout, 5xx) are retried with
exponential back-off. After each batch of ``PUT``s the content hash of every graph sent is
recorded on the server in a metadata graph (``{base}graph/kg-push-meta``), which is what
``only_changed`` compares against: an interrupted push converges on the next run. At the
end the triple count of every graph on the server is checked against the local one.

Graphs that an earlier push recorded but that are no longer in the dataset (an article
removed, or renamed) are reported, and deleted with ``prune``. Graphs on the server that kg
never pushed are left alone: a Fuseki dataset may hold other people's data.

The dataset is a folder written by ``kg build``: ``dataset.nq`` (all quads) and
``manifest.json`` (``{"base": ..., "graphs": [{"iri", "triples", "sha256"}, ...]}``); the
manifest is computed from ``dataset.nq`` when it is missing. ``dataset.nq`` is parsed with
pyoxigraph (:func:`kg.rdf.ntriples.read_nquads`), and the hashes are those of
:func:`kg.rdf.ntriples.graph_hash`, the function ``kg build`` writes them with.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Literal, TypeVar

from kg.errors import DataError, EndpointError, InputError, StoreError, UsageError
from kg.rdf.namespaces import DEFAULT_BASE, XSD_INTEGER
from kg.rdf.ntriples import graph_hash, read_nquads
from kg.store.base import Store, Term

__all__ = [
    "DEFAULT_BATCH_SIZE",
    "DEFAULT_RETRIES",
    "META_SHA256",
    "META_TRIPLES",
    "Dataset",
    "GraphEntry",
    "PushProgress",
    "PushReport",
    "meta_graph",
    "push",
    "read_dataset",
]

DEFAULT_BATCH_SIZE = 25
DEFAULT_RETRIES = 4
META_SHA256 = "urn:kg:push:sha256"
"""Predicate of ``<graph> META_SHA256 "hex"`` in the metadata graph."""
META_TRIPLES = "urn:kg:push:triples"
"""Predicate of ``<graph> META_TRIPLES n`` in the metadata graph."""
T = TypeVar("T")


def meta_graph(base: str) -> str:
    """The IRI of the graph holding push metadata for a dataset minted under ``base``.

    >>> meta_graph("https://example.org/kg/")
    'https://example.org/kg/graph/kg-push-meta'
    """
    return f"{base if base.endswith(('/', '#')) else base + '/'}graph/kg-push-meta"


@dataclass(frozen=True)
class GraphEntry:
    """One named graph of the dataset: IRI, triple count and content hash."""

    iri: str
    triples: int
    sha256: str


@dataclass(frozen=True)
class Dataset:
    """A built dataset: its base, its graphs and their N-Triples lines (sorted, unique)."""

    base: str
    graphs: list[GraphEntry]
    lines: dict[str, list[str]]
    default_graph_triples: int = 0

    def ntriples(self, iri: str) -> str:
        """The graph as an N-Triples document."""
        lines = self.lines.get(iri, [])
        return "\n".join(lines) + "\n" if lines else ""


def read_dataset(dataset_dir: Path) -> Dataset:
    """Read ``dataset.nq`` and ``manifest.json`` (computed if missing) from ``dataset_dir``.

    Raises:
        UsageError: the folder or its ``dataset.nq`` is missing.
        InputError: a line of ``dataset.nq`` or the manifest cannot be parsed.
        DataError: the manifest and ``dataset.nq`` disagree.
    """
    if not dataset_dir.is_dir():
        raise UsageError(f"{dataset_dir}: no such dataset folder; run 'kg build' to make one")
    nquads = dataset_dir / "dataset.nq"
    if not nquads.is_file():
        raise UsageError(f"{dataset_dir}: no dataset.nq in this folder; run 'kg build' first")
    quads = read_nquads(nquads)
    lines, default = quads.graphs, quads.default_triples
    manifest_path = dataset_dir / "manifest.json"
    if not manifest_path.is_file():
        graphs = [GraphEntry(iri, len(lines[iri]), graph_hash(lines[iri])) for iri in sorted(lines)]
        return Dataset(DEFAULT_BASE, graphs, lines, default)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        base = str(manifest.get("base") or DEFAULT_BASE)
        graphs = [
            GraphEntry(str(g["iri"]), int(g["triples"]), str(g["sha256"]))
            for g in manifest["graphs"]
        ]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"not a kg manifest ({type(exc).__name__}: {exc}); rebuild with 'kg build'",
            path=manifest_path,
        ) from None
    listed = {g.iri for g in graphs}
    for entry in graphs:
        found = len(lines.get(entry.iri, []))
        if found != entry.triples:
            raise DataError(
                f"{manifest_path}: <{entry.iri}> has {entry.triples} triples in the manifest "
                f"but {found} in dataset.nq; rebuild with 'kg build'"
            )
    unlisted = sorted(set(lines) - listed)
    if unlisted:
        raise DataError(
            f"{manifest_path}: {len(unlisted)} graph(s) of dataset.nq are not in the manifest, "
            f"e.g. <{unlisted[0]}>; rebuild with 'kg build'"
        )
    return Dataset(base, graphs, lines, default)


@dataclass(frozen=True)
class PushProgress:
    """One step of a push, for progress bars: ``done`` of ``total`` graphs to send."""

    action: Literal["put", "skip"]
    graph: str
    triples: int
    done: int
    total: int


@dataclass
class PushReport:
    """What a push did."""

    endpoint: str
    graphs: int = 0
    pushed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    triples_pushed: int = 0
    retries: int = 0
    seconds: float = 0.0
    default_graph_triples: int = 0
    stale: list[str] = field(default_factory=list)
    """Graphs an earlier push recorded that are not in the dataset (deleted if pruned)."""
    pruned: bool = False
    extra_graphs: list[str] = field(default_factory=list)
    """Graphs on the server that kg did not push; never touched."""

    def summary(self) -> str:
        """One line for people."""
        text = (
            f"pushed {len(self.pushed)} of {self.graphs} graphs ({self.triples_pushed} triples) "
            f"to {self.endpoint} in {self.seconds:.1f} s"
        )
        if self.unchanged:
            text += f"; {len(self.unchanged)} unchanged"
        if self.retries:
            text += f"; {self.retries} retries"
        text += "; triple counts verified"
        if self.stale and self.pruned:
            text += f"; deleted {len(self.stale)} graph(s) no longer in the dataset"
        elif self.stale:
            text += (
                f"; {len(self.stale)} graph(s) pushed earlier are no longer in the dataset "
                "(--prune deletes them)"
            )
        if self.default_graph_triples:
            text += f"; ignored {self.default_graph_triples} default-graph triples"
        return text


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _Retrier:
    """Calls a function, retrying transient endpoint errors with exponential back-off."""

    def __init__(self, retries: int, backoff: float, sleep: Callable[[float], None]) -> None:
        self.retries = retries
        self.backoff = backoff
        self.sleep = sleep
        self.count = 0

    def __call__(self, action: Callable[[], T]) -> T:
        attempt = 0
        while True:
            try:
                return action()
            except EndpointError as exc:
                if not exc.transient or attempt >= self.retries:
                    if attempt:
                        raise type(exc)(f"{exc} (gave up after {attempt + 1} tries)") from None
                    raise
                self.sleep(min(self.backoff * 2**attempt, 30.0))
                attempt += 1
                self.count += 1


def _remote_state(store: Store, meta: str) -> tuple[dict[str, str], dict[str, int]]:
    hashes = store.select(
        f"SELECT ?g ?h WHERE {{ GRAPH ?meta {{ ?g {Term.iri(META_SHA256).n3()} ?h }} }}",
        bindings={"meta": Term.iri(meta)},
    )
    return {row["g"].value: row["h"].value for row in hashes.rows}, _counts(store)


def _counts(store: Store) -> dict[str, int]:
    result = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in result.rows}


def _forget(meta: str, graphs: Iterable[str]) -> str:
    """The update that deletes what the metadata graph says about ``graphs``."""
    graph = Term.iri(meta).n3()
    values = " ".join(Term.iri(iri).n3() for iri in graphs)
    return (
        f"DELETE {{ GRAPH {graph} {{ ?g ?p ?o }} }} "
        f"WHERE {{ VALUES ?g {{ {values} }} GRAPH {graph} {{ ?g ?p ?o }} }}"
    )


def _record(store: Store, meta: str, entries: Sequence[GraphEntry]) -> None:
    graph = Term.iri(meta).n3()
    sha, triples = Term.iri(META_SHA256).n3(), Term.iri(META_TRIPLES).n3()
    facts = " ".join(
        f"{Term.iri(e.iri).n3()} {sha} {Term.literal(e.sha256).n3()} ; "
        f"{triples} {Term.literal(str(e.triples), datatype=XSD_INTEGER).n3()} ."
        for e in entries
    )
    forget = _forget(meta, (e.iri for e in entries))
    store.update(f"{forget} ;\nINSERT DATA {{ GRAPH {graph} {{ {facts} }} }}")


def _prune(store: Store, meta: str, stale: Sequence[str], retry: _Retrier) -> None:
    """Delete the stale graphs, then what the metadata graph says about them (in that
    order, so an interrupted prune is finished by the next one)."""
    for batch in _batches(stale, DEFAULT_BATCH_SIZE):
        for iri in batch:
            retry(partial(store.delete_graph, iri))
        retry(partial(store.update, _forget(meta, batch)))


def push(
    dataset_dir: Path,
    store: Store,
    *,
    only_changed: bool = False,
    prune: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    retries: int = DEFAULT_RETRIES,
    backoff: float = 0.5,
    progress: Callable[[PushProgress], None] | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushReport:
    """Push the dataset in ``dataset_dir`` to ``store``, one ``PUT`` per named graph.

    Args:
        dataset_dir: a folder written by ``kg build``.
        store: where to push (a :class:`~kg.store.fuseki.FusekiStore`, or any Store).
        only_changed: send only graphs whose hash recorded on the server differs (or whose
            triple count there differs).
        prune: delete the graphs an earlier push recorded that are not in the dataset.
        batch_size: graphs sent between two writes of the metadata graph.
        retries: tries after the first on a transient endpoint error.
        backoff: seconds before the first retry; doubled for each next one.
        progress: called after each graph sent or skipped.
        sleep: how to wait between retries (for tests).

    Raises:
        StoreError: the server failed (after retries) or holds other counts at the end.
    """
    if batch_size < 1:
        raise UsageError("batch size must be at least 1")
    started = time.monotonic()
    dataset = read_dataset(dataset_dir)
    meta = meta_graph(dataset.base)
    retry = _Retrier(retries, backoff, sleep)
    report = PushReport(
        endpoint=str(getattr(store, "endpoint", type(store).__name__)),
        graphs=len(dataset.graphs),
        default_graph_triples=dataset.default_graph_triples,
    )
    todo = list(dataset.graphs)
    hashes, counts = retry(lambda: _remote_state(store, meta))
    local = {e.iri for e in dataset.graphs}
    report.stale = sorted(set(hashes) - local)
    if only_changed:
        todo = [
            e
            for e in dataset.graphs
            if hashes.get(e.iri) != e.sha256 or counts.get(e.iri, 0) != e.triples
        ]
        sending = {e.iri for e in todo}
        report.unchanged = [e.iri for e in dataset.graphs if e.iri not in sending]
    total = len(todo)
    if progress is not None:
        for iri in report.unchanged:
            progress(PushProgress("skip", iri, 0, 0, total))
    done = 0
    for batch in _batches(todo, batch_size):
        for entry in batch:
            text = dataset.ntriples(entry.iri)
            retry(partial(store.replace_graph, entry.iri, text))
            done += 1
            report.pushed.append(entry.iri)
            report.triples_pushed += entry.triples
            if progress is not None:
                progress(PushProgress("put", entry.iri, entry.triples, done, total))
        retry(partial(_record, store, meta, batch))
    if prune and report.stale:
        _prune(store, meta, report.stale, retry)
        report.pruned = True
    counts = retry(lambda: _counts(store))
    wrong = [
        (e.iri, e.triples, counts.get(e.iri, 0))
        for e in dataset.graphs
        if counts.get(e.iri, 0) != e.triples
    ]
    if wrong:
        first = "; ".join(f"<{iri}> local {here} server {there}" for iri, here, there in wrong[:3])
        raise StoreError(
            f"{report.endpoint}: after the push {len(wrong)} graph(s) hold other triple counts "
            f"than the dataset ({first}); run 'kg push' again without --only-changed"
        )
    report.extra_graphs = sorted(set(counts) - local - {meta} - set(report.stale))
    report.retries = retry.count
    report.seconds = time.monotonic() - started
    return report
