"""Writing a built dataset: N-Quads, TriG, Turtle (union), JSON-LD, VoID/DCAT and the store.

Everything is written into a temporary directory beside the target, which replaces the
previous dataset only once complete: a failed or interrupted build leaves it intact.

Layout of a dataset directory::

    dataset.nq  dataset.trig  dataset.ttl  dataset.jsonld  context.jsonld  void.ttl
    manifest.json   one entry per named graph: IRI, triples, SHA-256 of its content
                    (the article graphs, the entity graph and the events graph)
    build-cache.json  what the next build reuses (:mod:`kg.build.cache`)
    store/          the embedded pyoxigraph store (what ``kg serve`` opens)
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import re
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from kg import __version__
from kg.build.cache import CACHE_FILE, BuildCache, CacheRecorder
from kg.build.compile import ArticleResult, Compiled
from kg.build.layout import Layout, lay_out
from kg.build.void import (
    FILES,
    Counts,
    CountsUpdate,
    query_counts,
    void_statements,
    void_turtle,
)
from kg.errors import BuildError, DataError, StoreError, UsageError
from kg.progress import Costs, Progress, Stage
from kg.rdf.formats import RdfFormat
from kg.rdf.iris import Iris
from kg.rdf.jsonld import Compactor, jsonld_context
from kg.rdf.namespaces import PREFIXES
from kg.rdf.ntriples import canonical_lines, graph_hash
from kg.signals import held_signals
from kg.store.embedded import EmbeddedStore, reserialize

__all__ = ["CACHE_FILE", "MANIFEST", "DatasetWriter", "write_dataset"]

MANIFEST = "manifest.json"


def _write_jsonld(
    graphs: list[str],
    dump: Callable[[str], bytes],
    path: Path,
    base: str,
    reuse: Callable[[str], bytes | None],
    dumped: Mapping[str, bytes] | None = None,
    made: Callable[[str, Compactor], bytes | None] = lambda graph, compactor: None,
) -> dict[str, list[int]]:
    """JSON-LD of the whole dataset, one named graph at a time (memory per graph), the
    graphs (as the store names them, sorted) in this order.

    ``reuse(graph)`` gives the graph's text from the previous build when its content did not
    change; ``dumped`` the graphs' expanded JSON-LD already dumped (:func:`_graph_nodes`),
    else each graph is dumped from the store (``dump``); ``made`` gives a graph's text
    already compacted (a layout's, :meth:`kg.build.layout.Layout.jsonld`). Returns where
    each graph's text lies in the file (offset, length in bytes).
    """
    context = jsonld_context(base)["@context"]
    compactor = Compactor(context)
    places: dict[str, list[int]] = {}
    with path.open("wb") as out:
        offset = out.write(b'{"@context":' + json.dumps(context).encode() + b',"@graph":[')
        for number, graph in enumerate(graphs):
            text = reuse(graph)
            if text is None:
                text = made(graph, compactor)
            if text is None:
                data = dumped.get(graph) if dumped is not None else None
                if data is None:
                    data = dump(graph)
                named = {"@id": compactor.iri(graph), "@graph": compactor.node(json.loads(data))}
                text = json.dumps(named, ensure_ascii=False).encode("utf-8")
            if number:
                offset += out.write(b",")
            places[graph] = [offset, len(text)]
            offset += out.write(text)
        out.write(b"]}\n")
    return places


_GRAPH_KEY = b'","@graph":['
_ID_KEY = b'{"@id":"'


def _graph_places(data: bytes | mmap.mmap) -> dict[str, tuple[int, int]] | None:
    """Where the expanded JSON-LD of each named graph (its node array) lies in
    pyoxigraph's JSON-LD of a dataset without a default graph, keyed by graph IRI; None
    when the text is not laid out as expected (the caller then dumps graph by graph).

    Only a named graph has an ``@graph`` key, and inside a JSON string every quote is
    escaped, so ``","@graph":[`` marks the end of a graph's ``{"@id":"...`` and nothing else.
    """
    size = len(data)
    while size and data[size - 1 : size] in (b"\n", b" ", b"\r", b"\t"):
        size -= 1
    if data[: 1 + len(_ID_KEY)] != b"[" + _ID_KEY or data[size - 3 : size] != b"]}]":
        return None
    starts: list[tuple[str, int, int]] = []  # graph, where its object starts, its nodes
    at = data.find(_GRAPH_KEY)
    while 0 <= at < size:
        opening = data.rfind(_ID_KEY, 0, at)
        if opening < 0 or (opening != 1 and data[opening - 3 : opening] != b"]},"):
            return None
        name = json.loads(data[opening + len(_ID_KEY) - 1 : at + 1])
        starts.append((name, opening, at + len(_GRAPH_KEY) - 1))
        at = data.find(_GRAPH_KEY, at + len(_GRAPH_KEY))
    if not starts or starts[0][1] != 1:
        return None
    ends = [opening - 2 for _, opening, _ in starts[1:]] + [size - 2]
    return {name: (nodes, end) for (name, _, nodes), end in zip(starts, ends, strict=True)}


def _graph_nodes(data: bytes) -> dict[str, bytes] | None:
    """The expanded JSON-LD of each named graph, as :func:`_graph_places` finds it.

    >>> doc = b'[{"@id":"http://x/g","@graph":[{"@id":"http://x/a"}]},{"@id":"http://x/h","@graph":[]}]'
    >>> _graph_nodes(doc)
    {'http://x/g': b'[{"@id":"http://x/a"}]', 'http://x/h': b'[]'}
    """
    places = _graph_places(data)
    if places is None:
        return None
    return {name: data[start:end] for name, (start, end) in places.items()}


class _GraphTexts(Mapping[str, bytes]):
    """The node arrays of named graphs in a JSON-LD file, read when asked for (so that a
    build never holds the whole file)."""

    def __init__(self, handle: IO[bytes], places: dict[str, tuple[int, int]]) -> None:
        self._handle = handle
        self._places = places

    def __getitem__(self, graph: str) -> bytes:
        start, end = self._places[graph]
        self._handle.seek(start)
        return self._handle.read(end - start)

    def __iter__(self) -> Iterator[str]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)


_UNINDENTED = re.compile(rb"\n[^\t]")


def _trig_blocks(data: bytes | mmap.mmap) -> tuple[int, dict[str, tuple[int, int]]] | None:
    r"""Where the prefixes end in TriG as pyoxigraph writes it (``@prefix`` lines, then one
    ``<graph> {`` ... ``}`` block per named graph, statements indented, literals on one
    line) and where each graph's block lies (offset, end); None if it is not laid out so.

    >>> _trig_blocks(b"@prefix x: <http://x/> .\n<http://x/g> {\n\tx:a x:b x:c .\n}\n")
    (25, {'http://x/g': (25, 57)})
    """
    start = data.find(b"\n<") + 1 if data[:1] != b"<" else 0
    if start < 0 or any(not line.startswith(b"@prefix ") for line in data[:start].splitlines()):
        return None
    blocks: dict[str, tuple[int, int]] = {}
    at = start
    while at < len(data):
        eol = data.find(b"\n", at)
        end = data.find(b"\n}\n", at)
        header = data[at:eol]
        if eol < 0 or end < 0 or not (header.startswith(b"<") and header.endswith(b"> {")):
            return None
        if _UNINDENTED.search(data, eol, end):  # a statement outside a block
            return None
        blocks[header[1:-3].decode("utf-8")] = (at, end + 3)
        at = end + 3
    return start, blocks


class _Splicer:
    """Writes a file from ranges of another, copied by the kernel (adjacent ranges at
    once), and new text; a rebuild copies most of its TriG and Turtle this way."""

    def __init__(self, source: int, target: int) -> None:
        self._source = source
        self._target = target
        self._run: tuple[int, int] | None = None  # the range waiting to be copied
        self._kernel = hasattr(os, "copy_file_range")

    def copy(self, begin: int, end: int) -> None:
        """Copy bytes ``begin`` to ``end`` of the source."""
        if begin >= end:
            return
        if self._run is not None and self._run[1] == begin:
            self._run = (self._run[0], end)
            return
        self.flush()
        self._run = (begin, end)

    def write(self, data: bytes) -> None:
        """Write new text."""
        self.flush()
        view = memoryview(data)
        while view:
            view = view[os.write(self._target, view) :]

    def flush(self) -> None:
        """Copy the waiting range."""
        if self._run is None:
            return
        begin, end = self._run
        self._run = None
        while begin < end:
            done = 0
            if self._kernel:
                try:
                    done = os.copy_file_range(self._source, self._target, end - begin, begin)
                except OSError:  # not between these files (another file system, say)
                    self._kernel = False
            if not done:
                chunk = os.pread(self._source, min(end - begin, 1 << 24), begin)
                if not chunk:
                    raise OSError(f"the previous file ends before byte {end}")
                self.write(chunk)
                done = len(chunk)
            begin += done


def _splice_trig(store: EmbeddedStore, old: Path, unchanged: set[str], path: Path) -> bool:
    """Write the store's TriG into ``path`` from the previous build's (``old``): the blocks
    of ``unchanged`` graphs copied, the others serialised; False (nothing written) when
    ``old`` is not laid out as expected. The same bytes as :meth:`EmbeddedStore.dump`."""
    try:
        with (
            old.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            found = _trig_blocks(data)
            if found is None:
                return False
            start, blocks = found
            with path.open("wb", buffering=0) as out:
                splice = _Splicer(handle.fileno(), out.fileno())
                splice.copy(0, start)
                for graph in store.graph_order():
                    if graph in unchanged and graph in blocks:
                        splice.copy(*blocks[graph])
                        continue
                    text = store.graph_dump(graph, fmt=RdfFormat.TRIG, prefixes=PREFIXES)
                    if not text.startswith(data[:start]):
                        return False
                    splice.write(text[start:])
                splice.flush()
    except (OSError, ValueError):
        return False
    return True


_SUBJECT_LINE = re.compile(rb"\n(?=[^\t@])")


def _splice_union(store: EmbeddedStore, old: Path, subjects: set[str], path: Path) -> bool:
    """Write the store's union in Turtle into ``path`` from the previous build's (``old``):
    the statements about ``subjects`` (IRIs) serialised anew, the others copied; False
    (nothing written) when ``old`` is not laid out as pyoxigraph writes it (``@prefix``
    lines, then one statement a subject, its further lines indented) or does not state
    something about one of ``subjects`` already (where it goes is the store's secret).
    The same bytes as :meth:`EmbeddedStore.union`."""
    try:
        with (
            old.open("rb") as handle,
            mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data,
        ):
            starts = [match.end() for match in _SUBJECT_LINE.finditer(data)]
            if not starts or any(
                not line.startswith(b"@prefix ") for line in data[: starts[0]].splitlines()
            ):
                return False
            header = data[: starts[0]]
            wanted = {f"<{iri}> ".encode() for iri in subjects}
            places: dict[bytes, tuple[int, int]] = {}
            for start, end in zip(starts, [*starts[1:], len(data)], strict=True):
                if data[start : start + 1] == b"<":
                    token = data[start : data.find(b" ", start, end) + 1]
                    if token in wanted:
                        places[token] = (start, end)
            if len(places) != len(wanted):
                return False
            at = 0
            with path.open("wb", buffering=0) as out:
                splice = _Splicer(handle.fileno(), out.fileno())
                for token, (start, end) in sorted(places.items(), key=lambda item: item[1]):
                    splice.copy(at, start)
                    text = store.union_block(
                        token[1:-2].decode("utf-8"), fmt=RdfFormat.TURTLE, prefixes=PREFIXES
                    )
                    if not text.startswith(header):
                        return False
                    splice.write(text[len(header) :])
                    at = end
                splice.copy(at, len(data))
                splice.flush()
    except (OSError, ValueError):
        return False
    return True


def _check_target(out: Path) -> None:
    if out.exists() and (
        not out.is_dir() or (any(out.iterdir()) and not (out / MANIFEST).exists())
    ):
        raise UsageError(
            f"{out} exists and is not a kg dataset (no {MANIFEST}); "
            "choose an empty or new directory"
        )


def _recover(out: Path) -> None:
    """Clear what earlier builds of ``out`` left when they were killed (SIGKILL, power loss)
    before they could clean up, judged by their process being gone: temporary directories
    are removed; a previous dataset moved aside for the final swap is put back if the swap
    did not happen (``out`` is missing), and removed if it did."""
    for debris in out.parent.glob(f".{out.name}.*-*"):
        kind, _, pid = debris.name[len(out.name) + 2 :].rpartition("-")
        if not pid.isdigit() or int(pid) == os.getpid() or _alive(int(pid)):
            continue
        if kind == "old" and not out.exists():
            debris.rename(out)
        elif kind in ("tmp", "old"):
            shutil.rmtree(debris, ignore_errors=True)


SERVER_UPDATES = ".serve-updates.json"
"""The file in a dataset where a writable ``kg serve`` records its pid and number of writes."""


def _check_server_updates(out: Path) -> None:
    """Refuse to replace a dataset that a running ``kg serve`` has changed through updates."""
    try:
        record = json.loads((out / SERVER_UPDATES).read_text())
        pid, writes = int(record["pid"]), int(record["writes"])
    except (OSError, ValueError, KeyError, TypeError):
        return
    if writes > 0 and _alive(pid):
        raise UsageError(
            f"kg serve (pid {pid}) has applied {writes} update(s) to {out} that a rebuild "
            "would discard: export what you need first (a CONSTRUCT, or GET /rdf-graph-store?"
            "graph=...) and put it into the facts files, or rebuild with "
            "--discard-server-updates"
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class DatasetWriter:
    """Writes a dataset into a temporary directory and swaps it in when complete.

    Articles are streamed into ``dataset.nq`` as they are mapped (:meth:`add`), so a build
    never holds the whole corpus in memory; :meth:`finish` writes the other formats, the
    store and the manifest, then replaces ``out``. Leaving the ``with`` block without
    finishing (an error, an interrupt, violations) removes the temporary directory and
    leaves the previous dataset as it was.

    Args:
        out: the dataset directory.
        base: the IRI base.
        load_store: write the embedded store too.
        discard_server_updates: replace ``out`` although a running ``kg serve`` changed it.
        cache_key: write ``build-cache.json`` for the next build, with this key
            (:func:`kg.build.cache.cache_key`); None writes none.
        progress: called with (stage, done, total) for the store and the formats.
        costs: where the store and write stages add their cost.
        reuse: the previous build's cache: the JSON-LD of an article graph whose content
            did not change is copied from it.

    Raises:
        UsageError: ``out`` holds something that is not a kg dataset.
        BuildError: writing failed; the previous dataset is intact.
    """

    def __init__(
        self,
        out: Path,
        *,
        base: str,
        load_store: bool = True,
        discard_server_updates: bool = False,
        cache_key: dict[str, str] | None = None,
        progress: Progress | None = None,
        costs: Costs | None = None,
        reuse: BuildCache | None = None,
    ) -> None:
        _check_target(out)
        if not discard_server_updates:
            _check_server_updates(out)
        self.out = out
        self.iris = Iris(base)
        self.load_store = load_store
        self.progress = progress
        self.costs = costs if costs is not None else Costs()
        self._recorder = CacheRecorder(cache_key) if cache_key is not None else None
        self.reuse = reuse
        self._digest = hashlib.sha256()
        self._size = 0
        self._places: dict[str, tuple[int, int]] = {}  # article graph: offset, length in nq
        # A build with no previous store to update loads the articles into a new one in a
        # thread once the last is written, while events are linked. (Loading them while
        # they are mapped, in parts, was measured too: the workers keep both cores busy,
        # so it took from them what it saved later, and was no faster.)
        self._preloading = load_store and not (reuse is not None and (reuse.out / "store").is_dir())
        self._load_from = 0  # dataset.nq up to here is loaded, or queued
        self._jobs: list[Future[None]] = []
        self._store: EmbeddedStore | None = None
        self._touched: set[str] | None = None  # subjects a rebuild's store update touched
        self._counts: Counts | None = None  # VoID's counts, when a rebuild's update gave them
        self._threads: ThreadPoolExecutor | None = None
        self.tmp = out.parent / f".{out.name}.tmp-{os.getpid()}"
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            _recover(out)
            if self.tmp.exists():
                shutil.rmtree(self.tmp)
            self.tmp.mkdir()
            self._nq: IO[bytes] | None = (self.tmp / "dataset.nq").open("wb")
        except OSError as exc:
            raise BuildError(f"cannot write the dataset to {out}: {exc}") from None

    def __enter__(self) -> DatasetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.abort()

    def _write(self, data: bytes) -> None:
        assert self._nq is not None
        self._nq.write(data)
        self._digest.update(data)
        self._size += len(data)

    def add(self, article: ArticleResult) -> None:
        """Append one article's named graph."""
        if self._nq is None:
            raise BuildError("the dataset writer is closed")
        with self.costs.measure(Stage.WRITE, peak=False):
            data = article.nquads.encode("utf-8")
            offset = self._size
            try:
                self._write(data)
            except OSError as exc:
                raise BuildError(f"cannot write the dataset to {self.out}: {exc}") from None
            self._places[article.graph] = (offset, len(data))
            if self._recorder is not None:
                self._recorder.record(article, offset, len(data))

    def _preload(self) -> None:
        """Load what was appended to ``dataset.nq`` since the last call into the new store,
        in a thread (pyoxigraph lets others run), after what is already queued."""
        if self._nq is None or self._load_from >= self._size:
            return
        self._nq.flush()
        start, end = self._load_from, self._size
        self._load_from = end
        if self._threads is None:
            self._threads = ThreadPoolExecutor(1)

        def load() -> None:
            if self._store is None:
                self._store = EmbeddedStore(self.tmp / "store")
            self._store.load_named(self.tmp / "dataset.nq", start=start, end=end)

        self._jobs.append(self._threads.submit(load))

    def articles_written(self) -> None:
        """Every article is in: a build without a previous store to update loads them into
        a new store in a thread while events are linked; :meth:`finish` loads the entity
        and events graphs."""
        if self._preloading:
            self._preload()

    def _loaded(self) -> tuple[EmbeddedStore, int] | None:
        """The store loaded while articles were written and how much of ``dataset.nq`` it
        holds; None if none was begun."""
        if not self._jobs:
            return None
        jobs, self._jobs = self._jobs, []
        try:
            for job in jobs:
                job.result()
        finally:
            if self._threads is not None:
                self._threads.shutdown()
                self._threads = None
        store, self._store = self._store, None
        return (store, self._load_from) if store is not None else None

    def abort(self) -> None:
        """Discard what was written (no effect after :meth:`finish`)."""
        if self._nq is not None:
            self._nq.close()
            self._nq = None
        try:
            loaded = self._loaded()  # never remove a store a thread still writes
        except (StoreError, OSError):
            loaded = None
        store = loaded[0] if loaded is not None else self._store
        if store is not None:
            store.close()
        self._store = None
        shutil.rmtree(self.tmp, ignore_errors=True)

    def finish(self, compiled: Compiled) -> dict[str, Any]:
        """Write the entity graph, every other format and the store; swap the result in.

        Returns:
            The manifest (graphs with triple counts and content hashes).
        """
        if self._nq is None:
            raise BuildError("the dataset writer is closed")
        try:
            with self.costs.measure(Stage.WRITE, peak=False):
                entity_graph = f"<{self.iris.entities_graph()}>"
                lines = [f"{line[:-1]}{entity_graph} .\n" for line in sorted(compiled.entities)]
                self._write("".join(lines).encode("utf-8"))
                events_graph = f"<{self.iris.events_graph()}>"
                lines = [f"{line[:-1]}{events_graph} .\n" for line in sorted(compiled.events)]
                events = "".join(lines).encode("utf-8")
                events_nq = (self._size, len(events))
                self._write(events)
                self._nq.close()
                self._nq = None
            reuse = self.reuse

            def old_jsonld(graph: str, sha: str) -> bytes | None:
                return reuse.jsonld(graph, sha) if reuse is not None else None

            manifest, jsonld, counts = _write_all(
                compiled,
                self.tmp,
                self.iris,
                self.load_store,
                self.progress,
                self.costs,
                old_jsonld,
                lambda manifest: self._updated_store(manifest, compiled),
                self._spliced_trig,
                self._loaded,
                self._spliced_union,
                reuse.entities_hash if reuse is not None else lambda digest: None,
                lambda: self._counts,
                self._preloading,
                lambda: self._store,
            )
            if self._recorder is not None:
                with self.costs.measure(Stage.WRITE, peak=False):
                    self._recorder.write(
                        self.tmp / CACHE_FILE,
                        nq_size=self._size,
                        nq_sha256=self._digest.hexdigest(),
                        jsonld=jsonld,
                        events_sha256=compiled.events_sha256,
                        events_violations=compiled.events_violations,
                        events_digest=compiled.events_digest,
                        events_nq=events_nq,
                        event_count=compiled.event_count,
                        entities=(
                            _lines_digest(sorted(compiled.entities)),
                            manifest["graphs"][len(compiled.articles)]["sha256"],
                        ),
                        graphs=manifest["graphs"],
                        void=counts.to_json(),
                    )
            with held_signals():
                old = self.out.parent / f".{self.out.name}.old-{os.getpid()}"
                if self.out.exists():
                    self.out.rename(old)
                try:
                    self.tmp.rename(self.out)
                except OSError:
                    if old.exists():
                        old.rename(self.out)  # put the previous dataset back
                    raise
                if old.exists():
                    shutil.rmtree(old)
        except OSError as exc:
            raise BuildError(f"cannot write the dataset to {self.out}: {exc}") from None
        return manifest

    def _updated_store(self, manifest: dict[str, Any], compiled: Compiled) -> EmbeddedStore | None:
        """The previous build's store, copied and brought up to date graph by graph, when
        the graphs that changed hold few triples (else None: load the store anew)."""
        reuse = self.reuse
        if reuse is None or not reuse.graph_hashes:
            return None
        previous = reuse.out / "store"
        if not previous.is_dir() or (reuse.out / SERVER_UPDATES).exists():
            return None  # no store, or one a writable kg serve may have changed
        new = {g["iri"]: g for g in manifest["graphs"]}
        old = reuse.graph_hashes
        changed = [iri for iri, g in new.items() if old.get(iri, ("", 0))[0] != g["sha256"]]
        removed = [iri for iri in old if iri not in new]
        work = sum(new[i]["triples"] for i in changed) + sum(old[i][1] for i in removed)
        if work > manifest["triples"] * STORE_REUSE_SHARE:
            return None
        target = self.tmp / "store"
        touched: set[str] = set()  # the subjects of the statements added or removed
        # VoID's counts follow from the statements added and removed (kg.build.void)
        counts = CountsUpdate(reuse.void_counts) if reuse.void_counts is not None else None
        try:
            store = EmbeddedStore.copy_of(previous, target)
            updates: list[tuple[str, list[str]]] = []  # each graph's new lines
            for iri in [*removed, *changed]:
                lines = self._graph_lines(iri, compiled) if iri in new else []
                before = store.graph_statements(iri)
                after = set(canonical_lines(lines)) if lines else set()
                touched.update(_subjects(before.symmetric_difference(after)))
                if counts is not None and not (
                    counts.note(before - after, added=False)
                    and counts.note(after - before, added=True)
                ):
                    counts = None
                updates.append((iri, lines))
            limit = max(COUNTS_UPDATE_LOOKUPS, manifest["triples"] // COUNTS_TRIPLES_PER_LOOKUP)
            if counts is not None and counts.lookups > limit:
                counts = None  # so many that the queries cost less
            if counts is not None:
                counts.before(store)
            for iri, lines in updates:
                if lines:
                    store.replace_graph(iri, "".join(line + "\n" for line in lines))
                else:
                    store.delete_graph(iri)  # removed; or empty, and a load makes no empty graph
            if counts is not None:
                counts.after(store)
        except (StoreError, DataError):
            shutil.rmtree(target, ignore_errors=True)
            return None
        self._touched = touched
        self._counts = counts.counts() if counts is not None else None
        return store

    def _spliced_union(self, store: EmbeddedStore, path: Path) -> bool:
        """Write the union in Turtle of a rebuild that updated the previous store from the
        previous build's, when the cache vouches for it: only the statements about the
        subjects whose triples changed are written anew."""
        reuse = self.reuse
        if reuse is None or not reuse.ttl_ok or self._touched is None:
            return False
        if any(not s.startswith("<") for s in self._touched):
            return False  # a blank node: no IRI to look for
        subjects = {s[1:-1] for s in self._touched}
        return _splice_union(store, reuse.out / "dataset.ttl", subjects, path)

    def _spliced_trig(self, store: EmbeddedStore, manifest: dict[str, Any], path: Path) -> bool:
        """Write the TriG of a rebuild from the previous build's, when the cache vouches
        for it: the graphs whose content did not change keep their text."""
        reuse = self.reuse
        if reuse is None or not reuse.trig_ok:
            return False
        old = reuse.graph_hashes
        unchanged = {
            g["iri"] for g in manifest["graphs"] if old.get(g["iri"], ("", 0))[0] == g["sha256"]
        }
        return _splice_trig(store, reuse.out / "dataset.trig", unchanged, path)

    def _graph_lines(self, iri: str, compiled: Compiled) -> list[str]:
        """A graph of the new dataset as N-Triples lines."""
        if iri == str(self.iris.entities_graph()):
            return sorted(compiled.entities)
        if iri == str(self.iris.events_graph()):
            return sorted(compiled.events)
        offset, length = self._places[iri]
        with (self.tmp / "dataset.nq").open("rb") as nq:
            nq.seek(offset)
            text = nq.read(length).decode("utf-8")
        return [line[: line.rindex(" <")] + " ." for line in text.split("\n") if line]


STORE_REUSE_SHARE = 0.05
"""A rebuild copies the previous store and updates the graphs that changed when they hold
at most this share of the triples; otherwise it bulk-loads the store anew."""

COUNTS_UPDATE_LOOKUPS = 1_000
COUNTS_TRIPLES_PER_LOOKUP = 200
"""A rebuild that updates the store brings VoID's counts up to date by looking up the terms
of the statements it adds and removes, before and after, when that takes at most
``COUNTS_UPDATE_LOOKUPS`` lookups or one per ``COUNTS_TRIPLES_PER_LOOKUP`` triples of the
dataset; otherwise it queries them. Measured at 10,000 articles (2.6M triples): a lookup
in the copied store costs 100-150 µs cold and 16 µs warm, the queries 1.4 µs a triple
(3.6 s). An edited article takes a few lookups, an added or removed one about 100."""


def write_dataset(
    compiled: Compiled, out: Path, *, base: str, load_store: bool = True
) -> dict[str, Any]:
    """Write a compiled dataset (articles kept in memory) atomically; see :class:`DatasetWriter`."""
    with DatasetWriter(out, base=base, load_store=load_store) as writer:
        for article in compiled.articles:
            writer.add(article)
        return writer.finish(compiled)


def _write_all(
    compiled: Compiled,
    tmp: Path,
    iris: Iris,
    load_store: bool,
    progress: Progress | None,
    costs: Costs,
    old_jsonld: Callable[[str, str], bytes | None] = lambda graph, sha: None,
    old_store: Callable[[dict[str, Any]], EmbeddedStore | None] = lambda manifest: None,
    old_trig: Callable[[EmbeddedStore, dict[str, Any], Path], bool] = lambda *args: False,
    loaded: Callable[[], tuple[EmbeddedStore, int] | None] = lambda: None,
    old_union: Callable[[EmbeddedStore, Path], bool] = lambda *args: False,
    entities_hash: Callable[[str], str | None] = lambda digest: None,
    known_counts: Callable[[], Counts | None] = lambda: None,
    preloading: bool = False,
    started: Callable[[], EmbeddedStore | None] = lambda: None,
) -> tuple[dict[str, Any], dict[str, list[int]], Counts]:
    def step(stage: Stage, done: int, total: int) -> None:
        if progress is not None:
            progress(stage, done, total)

    entity_lines = sorted(compiled.entities)
    manifest = _manifest(compiled, iris, entity_lines, entities_hash)
    nq, trig, ttl = tmp / "dataset.nq", tmp / "dataset.trig", tmp / "dataset.ttl"
    dumped: Mapping[str, bytes] | None = None
    layout: Layout | None = None
    loader = ThreadPoolExecutor(2)
    storing: Future[EmbeddedStore] | None = None  # the store, being loaded in a thread
    merging: Future[None] | None = None  # its default graph, loaded in another
    store: EmbeddedStore | None = None
    ordered: Path | None = None
    step(Stage.STORE, 0, 1)
    try:
        with costs.measure(Stage.STORE):
            if load_store and preloading:
                # The store's order is computed while a thread loads the articles into it.
                layout = _lay_out(tmp)
            if layout is not None:
                # The formats are written from the layout while the rest of the store (the
                # entity and events graphs, the default graph) loads in threads: the
                # default graph beside the named graphs, into the store the articles
                # are loading into (two bulk loads at once took 13 s, one after the other
                # 20 s, on a busy machine).
                early = started()
                if early is not None:
                    merging = loader.submit(early.load_merge, layout.merge)
                merge = layout.merge if merging is None else None
                storing = loader.submit(_load_new, nq, tmp / "store", loaded, merge)
                fresh = True
            else:
                begun = loaded()
                store = old_store(manifest) if load_store and begun is None else None
                # A new store on disk lists quads in the same order graph by graph as all at
                # once; one in memory need not, so it is loaded whole and dumped graph by graph.
                fresh = store is None and load_store
                if begun is not None:
                    store, size = begun
                    store.load_named(nq, start=size)  # the entity and events graphs
                elif store is None:
                    store = EmbeddedStore(tmp / "store" if load_store else None)
                    if fresh:
                        store.load_named(nq)
                    else:
                        store.load_build(nq)
                if fresh and not preloading:
                    layout = _lay_out(tmp)
                    if layout is not None:  # the default graph loads while formats are written
                        storing = loader.submit(_load_merge, store, layout.merge)
    except BaseException:
        loader.shutdown()  # never leave a thread writing into a directory being removed
        raise
    if layout is not None:
        ordered = layout.named
    elif fresh:
        assert store is not None
        # Reading the store on disk is slow (about 8 s per million quads and format), so
        # it is read once: the named graphs as N-Quads in the store's own order, which
        # re-serialised give TriG and JSON-LD with the bytes of the store's dumps. The
        # dump reads a snapshot, so the default graph (the merge of the named graphs,
        # which queries such as VoID, kg serve and kg query read) is loaded meanwhile;
        # the dumps and counts hold the named graphs only.
        ordered = tmp / ".named.nq"
        with costs.measure(Stage.STORE), ThreadPoolExecutor(1) as threads:
            dumping = threads.submit(store.dump_file, ordered, fmt=RdfFormat.NQUADS)
            store.merge_build(nq)
            dumping.result()
        if _lines(ordered) != manifest["triples"]:
            ordered = None  # the dump saw the default graph too: dump anew below
    step(Stage.STORE, 1, 1)
    steps = 5
    step(Stage.WRITE, 0, steps)
    with (
        costs.measure(Stage.WRITE),
        loader,
        ThreadPoolExecutor(2) as threads,
        ExitStack() as stack,
    ):
        # The union in Turtle (re-serialised from the layout, or read from the store) and
        # VoID's counts (when queried) are written in two threads, where pyoxigraph lets
        # other threads run, while the other formats are written here.
        def built() -> EmbeddedStore:
            """The store, once loaded."""
            if merging is not None:
                merging.result()
            if storing is not None:
                return storing.result()
            assert store is not None
            return store

        def write_union() -> None:
            if layout is not None:
                reserialize(layout.merge, ttl, fmt=RdfFormat.TURTLE, prefixes=PREFIXES)
            elif fresh or not old_union(built(), ttl):
                built().union_file(ttl, fmt=RdfFormat.TURTLE, prefixes=PREFIXES)

        union = threads.submit(write_union)
        # a rebuild that updated the store brought them up to date; a layout counted them
        known = layout.counts if layout is not None else known_counts()

        def count() -> Counts:
            return query_counts(built())  # the merge's: once it is loaded

        counting = threads.submit(count) if known is None else None
        expanded = tmp / ".expanded.jsonld"
        if ordered is not None:
            reserialize(ordered, trig, fmt=RdfFormat.TRIG, prefixes=PREFIXES)
            if layout is None or layout.counts is None:  # else the layout gives JSON-LD
                reserialize(ordered, expanded, fmt=RdfFormat.JSONLD)
                opened = stack.enter_context(expanded.open("rb"))
                try:
                    with mmap.mmap(opened.fileno(), 0, access=mmap.ACCESS_READ) as text:
                        places = _graph_places(text)
                except ValueError:  # an empty file cannot be mapped
                    places = None
                dumped = _GraphTexts(opened, places) if places is not None else None
            ordered.unlink()
        elif not old_trig(built(), manifest, trig):
            trig.write_bytes(built().dump(fmt=RdfFormat.TRIG, prefixes=PREFIXES))
        step(Stage.WRITE, 1, steps)
        hashes = {g["iri"]: g["sha256"] for g in manifest["graphs"]}
        jsonld = _write_jsonld(
            layout.graphs if layout is not None else built().graph_names(),
            lambda graph: built().dump(fmt=RdfFormat.JSONLD, graph=graph),
            tmp / "dataset.jsonld",
            iris.base,
            lambda graph: old_jsonld(graph, hashes[graph]) if graph in hashes else None,
            dumped,
            layout.jsonld if layout is not None else lambda graph, compactor: None,
        )
        del dumped
        stack.close()
        expanded.unlink(missing_ok=True)
        (tmp / "context.jsonld").write_text(json.dumps(jsonld_context(iris.base), indent=2) + "\n")
        union.result()
        counts = counting.result() if counting is not None else known
        assert counts is not None
        with costs.measure(Stage.STORE, peak=False):
            store = built()  # what the store's thread has left to load
        if layout is not None:
            layout.merge.unlink()
        step(Stage.WRITE, 3, steps)
        files = {name: (tmp / name).stat().st_size for name in FILES}
        void = void_turtle(void_statements(counts, compiled, iris, files))
        (tmp / "void.ttl").write_text(void, encoding="utf-8")
        step(Stage.WRITE, 4, steps)
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
        store.close()
    step(Stage.WRITE, steps, steps)
    return manifest, jsonld, counts


def _load_new(
    nq: Path,
    target: Path,
    loaded: Callable[[], tuple[EmbeddedStore, int] | None],
    merge: Path | None,
) -> EmbeddedStore:
    """A new store from a build's N-Quads and the merge its layout computed: what a thread
    did not load yet (``loaded``) is loaded, then the default graph (unless ``merge`` is
    None: another thread loads it)."""
    begun = loaded()
    store = begun[0] if begun is not None else EmbeddedStore(target)
    try:
        store.load_named(nq, start=begun[1] if begun is not None else 0)
        if merge is not None:
            store.load_merge(merge)
    except BaseException:
        store.close()
        raise
    return store


def _load_merge(store: EmbeddedStore, merge: Path) -> EmbeddedStore:
    """The store, its default graph loaded from a layout's merge."""
    store.load_merge(merge)
    return store


def _lay_out(tmp: Path) -> Layout | None:
    """The build's statements in the store's order (:mod:`kg.build.layout`), written
    beside ``dataset.nq``; None when the store must give it."""
    return lay_out(tmp / "dataset.nq", tmp / ".named.nq", tmp / ".merge.nt")


def _subjects(statements: Iterable[str]) -> set[str]:
    """The subjects of N-Triples statements, as written (``<iri>`` or ``_:b``)."""
    return {statement.split(" ", 1)[0] for statement in statements}


def _lines(path: Path) -> int:
    """The number of lines of a file."""
    with path.open("rb") as handle:
        return sum(block.count(b"\n") for block in iter(lambda: handle.read(1 << 20), b""))


def _lines_digest(lines: list[str]) -> str:
    """A quick hash of N-Triples lines as written (not :func:`graph_hash`'s canonical form)."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _manifest(
    compiled: Compiled,
    iris: Iris,
    entity_lines: list[str],
    known: Callable[[str], str | None] = lambda digest: None,
) -> dict[str, Any]:
    """The manifest; ``known`` gives the content hash of the entity graph when the previous
    build had the same lines (by :func:`_lines_digest`), which spares parsing them."""
    graphs = [
        {
            "iri": a.graph,
            "article": a.key,
            "facts": a.path,
            "triples": a.triples,
            "sha256": a.sha256,
        }
        for a in compiled.articles
    ]
    graphs.append(
        {
            "iri": str(iris.entities_graph()),
            "article": None,
            "facts": None,
            "triples": len(entity_lines),
            "sha256": known(_lines_digest(entity_lines)) or graph_hash(entity_lines),
        }
    )
    if compiled.events:
        event_lines = sorted(compiled.events)
        graphs.append(
            {
                "iri": str(iris.events_graph()),
                "article": None,
                "facts": None,
                "triples": len(event_lines),
                "sha256": compiled.events_sha256 or graph_hash(event_lines),
            }
        )
    return {
        "kg": __version__,
        "base": iris.base,
        "articles": len(compiled.articles),
        "events": compiled.event_count,
        "triples": sum(g["triples"] for g in graphs),
        "graphs": graphs,
    }
