"""OWL consistency check: the ontology plus the data, reasoned over by HermiT (owlready2).

The only module importing owlready2, for the HermiT it ships. HermiT rejects ``xsd:date``,
``xsd:gYear`` and ``rdf:langString``, so the reasoner gets a copy of the data in which dates
are ``xsd:dateTime``, partial dates plain strings and language ranges ``rdf:PlainLiteral``.
When HermiT finds the whole inconsistent, the culprits are named by checking the asserted
and domain/range-implied types against the ontology's disjoint classes.

HermiT is asked for consistency only (its ``-k``): owlready2's ``sync_reasoner`` also
classifies the ontology and realises every individual, which took 89 s here on 72k triples
against 12 s for the consistency check alone.

**Parts.** A dataset directory (``dataset.nq`` with its ``manifest.json``) is checked in
parts: the article graphs are cut into parts of about ``part_size`` triples, and each part
is reasoned over with the ontology and the shared graphs (the entity graph, the events
graph), several parts at once. This finds every contradiction of kg's data, because every
node an article shares with another is an entity or an event, typed in the shared graphs: a
contradiction between an article and the shared graphs is in that article's part. What it
would miss is a contradiction that needs two articles' graphs and no shared triple, which
kg's mapping cannot produce. Triples whose property (or, for ``rdf:type``, whose class) the
ontology says nothing about are left out of the parts (the Web Annotation selectors, for
instance: a third of the triples): no axiom can make them contradict anything. Other RDF
files are checked whole, read with rdflib.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import ReasonerError
from kg.rdf.formats import RdfFormat

__all__ = [
    "DEFAULT_PART_TRIPLES",
    "ONTOLOGY_PATH",
    "OwlReport",
    "check_consistency",
    "reasoning_copy",
]

DEFAULT_PART_TRIPLES = 100_000
"""Triples of article graphs per part of a dataset checked in parts."""

ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
_PLAIN = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral")


@dataclass
class OwlReport:
    """The outcome of an OWL consistency check."""

    consistent: bool
    triples: int
    explanations: list[str] = field(default_factory=list)
    parts: int = 1
    how: str = ""
    """How the data was cut into parts, when it was."""

    def to_text(self) -> str:
        """A human-readable report."""
        how = f"\n{self.how}" if self.how else ""
        if self.consistent:
            return f"consistent: HermiT found no contradiction in {self.triples} triples{how}"
        lines = [f"inconsistent: HermiT found a contradiction{how}"]
        lines.extend(f"  {e}" for e in self.explanations or ["(no single individual to blame)"])
        return "\n".join(lines)


def _literal_for_reasoner(value: Literal) -> Literal:
    if value.datatype == XSD.date:
        return Literal(f"{value}T00:00:00", datatype=XSD.dateTime)
    if value.datatype in (XSD.gYear, XSD.gYearMonth):
        return Literal(str(value))
    return value


def reasoning_copy(data: Graph, ontology: Graph) -> Graph:
    """Ontology plus data, rewritten into datatypes HermiT accepts."""
    out = Graph()
    for s, p, o in (*ontology, *data):
        if isinstance(o, Literal):
            o = _literal_for_reasoner(o)
        elif o == XSD.date:
            o = XSD.dateTime
        elif o == RDF.langString:
            o = _PLAIN
        out.add((s, p, o))
    return out


def _disjoint_pairs(ontology: Graph) -> set[frozenset[Node]]:
    pairs: set[frozenset[Node]] = set()
    for a, b in ontology.subject_objects(OWL.disjointWith):
        pairs.add(frozenset((a, b)))
    for group in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        head = ontology.value(group, OWL.members)
        members = list(ontology.items(head)) if head is not None else []
        pairs.update(frozenset((x, y)) for i, x in enumerate(members) for y in members[i + 1 :])
    return pairs


def _superclasses(ontology: Graph, cls: Node) -> set[Node]:
    found = {cls}
    frontier = [cls]
    while frontier:
        for parent in ontology.objects(frontier.pop(), RDFS.subClassOf):
            if isinstance(parent, URIRef) and parent not in found:
                found.add(parent)
                frontier.append(parent)
    return found


def explain(data: Graph, ontology: Graph) -> list[str]:
    """Individuals whose asserted or domain/range-implied classes are disjoint."""
    implied: dict[Node, dict[Node, str]] = {}

    def note(node: Node, cls: Node, why: str) -> None:
        for c in _superclasses(ontology, cls):
            implied.setdefault(node, {}).setdefault(c, why)

    def short(term: Node) -> str:
        return ontology.namespace_manager.normalizeUri(str(term))

    for s, o in data.subject_objects(RDF.type):
        note(s, o, f"asserted a {short(o)}")
    for prop, dom in ontology.subject_objects(RDFS.domain):
        if isinstance(dom, URIRef):
            for s in data.subjects(prop, None):
                note(s, dom, f"subject of {short(prop)}")
    messages = []
    pairs = _disjoint_pairs(ontology)
    for prop, rng in ontology.subject_objects(RDFS.range):
        if isinstance(rng, URIRef) and (rng, RDF.type, OWL.Class) in ontology:
            for o in data.objects(None, prop):
                note(o, rng, f"value of {short(prop)}")
        elif (rng, OWL.unionOf, None) in ontology:
            head = ontology.value(rng, OWL.unionOf)
            options = list(ontology.items(head)) if head is not None else []
            wanted = " or ".join(short(c) for c in options)
            for o in data.objects(None, prop):
                for cls, why in implied.get(o, {}).items():
                    if all(frozenset((cls, option)) in pairs for option in options):
                        messages.append(
                            f"<{o}> is a {short(cls)} ({why}) but, as a value of {short(prop)}, "
                            f"must be a {wanted}"
                        )
                        break
    for node, classes in implied.items():
        for pair in pairs:
            a, b = sorted(pair, key=str)
            if a in classes and b in classes:
                na, nb = short(a), short(b)
                messages.append(
                    f"<{node}> is both {na} ({classes[a]}) and {nb} ({classes[b]}), "
                    "which are disjoint"
                )
    return sorted(set(messages))


def _java() -> str:
    java = shutil.which("java")
    if java is None:
        raise ReasonerError(
            "Java was not found on PATH; the HermiT reasoner needs Java 11 or newer "
            "(install OpenJDK 17, e.g. apt-get install openjdk-17-jre-headless)"
        )
    try:
        subprocess.run([java, "-version"], capture_output=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ReasonerError(f"Java at {java} does not run: {exc}") from None
    return java


def _hermit_command(java: str, path: Path) -> list[str]:
    from owlready2 import reasoning

    return [
        java,
        f"-Xmx{reasoning.JAVA_MEMORY}M",
        "-XX:TieredStopAtLevel=1",  # no C2 compiler: half the CPU time on a part
        "-cp",
        reasoning._HERMIT_CLASSPATH,
        "org.semanticweb.HermiT.cli.CommandLine",
        "-k",
        path.as_uri(),
    ]


def _verdict(returncode: int, output: str) -> bool:
    """True: consistent; False: inconsistent; else ReasonerError."""
    if returncode == 0 and "#Thing is satisfiable" in output:
        return True
    if "InconsistentOntologyException" in output:
        return False
    lines = [line for line in output.strip().splitlines() if "Exception" in line] or [
        output.strip()
    ]
    raise ReasonerError(f"HermiT failed: {lines[0][:500]}")


@contextmanager
def _processes() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Reasoner processes, killed if the check stops early (an error, a time limit)."""
    running: list[subprocess.Popen[bytes]] = []
    try:
        yield running
    finally:
        for process in running:
            if process.poll() is None:
                process.kill()
            process.wait()


def _reason(
    java: str,
    files: list[Path],
    jobs: int,
    progress: Callable[[str, int, int], None] | None,
) -> list[bool]:
    """Run HermiT on each file, ``jobs`` at once; whether each is consistent."""
    results: dict[int, bool] = {}
    queue = list(enumerate(files))
    if progress:
        progress("reason", 0, len(files))
    with _processes() as running, tempfile.TemporaryDirectory(prefix="kg-owl-") as tmp:
        active: dict[int, tuple[subprocess.Popen[bytes], Path]] = {}
        while queue or active:
            while queue and len(active) < jobs:
                number, path = queue.pop(0)
                log = Path(tmp) / f"{number}.log"
                with log.open("wb") as out:
                    process = subprocess.Popen(
                        _hermit_command(java, path), stdout=out, stderr=subprocess.STDOUT
                    )
                running.append(process)
                active[number] = (process, log)
            for number, (process, log) in list(active.items()):
                code = process.poll()
                if code is None:
                    continue
                del active[number]
                output = log.read_text(encoding="utf-8", errors="replace")
                results[number] = _verdict(code, output)
                if progress:
                    progress("reason", len(results), len(files))
            if active:
                time.sleep(0.05)
    return [results[n] for n in range(len(files))]


def _load(paths: Iterable[Path]) -> Graph:
    data = Graph()
    for path in paths:
        fmt = RdfFormat.from_extension(path)
        try:
            if fmt.supports_datasets:
                dataset = Dataset()
                dataset.parse(path, format=fmt.rdflib_name)
                for s, p, o, _ in dataset.quads((None, None, None, None)):
                    data.add((s, p, o))
            else:
                data.parse(path, format=fmt.rdflib_name)
        except (OSError, SyntaxError, ValueError) as exc:
            raise ReasonerError(f"{path}: cannot read RDF: {exc}") from None
    return data


_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE_END = f'"^^<{_XSD}date>'
_PARTIAL_ENDS = (f'"^^<{_XSD}gYear>', f'"^^<{_XSD}gYearMonth>')


def _triple_for_reasoner(body: str) -> str:
    """An N-Triples line (without its final ``.``), rewritten as :func:`reasoning_copy` does."""
    if body.endswith(_DATE_END):
        return body[: -len(_DATE_END)] + f'T00:00:00"^^<{_XSD}dateTime>'
    for end in _PARTIAL_ENDS:
        if body.endswith(end):
            return body[: -len(end) + 1]
    return body


class _NotAKgDataset(Exception):
    pass


_RDF_TYPE = f"<{RDF.type}>"
_KEPT_NAMESPACES = (f"<{OWL}", f"<{RDFS}")


def _relevant(terms: set[str]) -> Callable[[str], bool]:
    """Whether a triple (an N-Triples line) can take part in a contradiction: its property,
    or for ``rdf:type`` its class, is one the ontology says something about (or an OWL or
    RDFS term). The others have no axiom to contradict."""

    def relevant(triple: str) -> bool:
        _, predicate, rest = triple.split(" ", 2)
        if predicate == _RDF_TYPE:
            return rest.startswith("<") and rest[1 : rest.index(">")] in terms
        return predicate[1:-1] in terms or predicate.startswith(_KEPT_NAMESPACES)

    return relevant


def _dataset_parts(
    nquads: Path, part_size: int, folder: Path, relevant: Callable[[str], bool]
) -> tuple[list[Path], Path, int, int, int]:
    """Cut a kg dataset's N-Quads into part files of article graphs and one of the shared
    graphs, leaving out the triples ``relevant`` rejects. Returns (parts, shared, triples,
    article triples kept, shared triples kept).

    Raises:
        _NotAKgDataset: no manifest beside it, or a line in a graph the manifest lacks.
    """
    try:
        manifest = json.loads((nquads.parent / "manifest.json").read_text(encoding="utf-8"))
        kinds = {g["iri"]: g.get("article") is None for g in manifest["graphs"]}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _NotAKgDataset(str(exc)) from None
    parts: list[Path] = []
    shared_path = folder / "shared.nt"
    shared_count = article_count = total = 0
    current: list[str] = []
    current_graph = ""
    with shared_path.open("w", encoding="utf-8") as shared, nquads.open(encoding="utf-8") as src:

        def flush() -> None:
            path = folder / f"part-{len(parts):04d}.nt"
            path.write_text("".join(current), encoding="utf-8")
            parts.append(path)
            current.clear()

        for line in src:
            body = line.rstrip()
            if not body:
                continue
            if not body.endswith(" .") or " <" not in body:
                raise _NotAKgDataset(f"not a kg N-Quads line: {body[:80]}")
            body = body[:-2].rstrip()
            cut = body.rindex(" <")
            graph = body[cut + 2 : -1]
            if graph not in kinds:
                raise _NotAKgDataset(f"graph <{graph}> is not in the manifest")
            triple = _triple_for_reasoner(body[:cut]) + " .\n"
            total += 1
            if not relevant(triple):
                continue
            if kinds[graph]:
                shared.write(triple)
                shared_count += 1
                continue
            if graph != current_graph and len(current) >= part_size:
                flush()
            current_graph = graph
            current.append(triple)
            article_count += 1
        if current or not parts:
            flush()
    return parts, shared_path, total, article_count, shared_count


def _ontology_nt(ontology: Graph) -> str:
    copy = reasoning_copy(Graph(), ontology)
    return str(copy.serialize(format="nt"))


def check_consistency(
    paths: Iterable[Path],
    *,
    ontology_path: Path = ONTOLOGY_PATH,
    part_size: int = DEFAULT_PART_TRIPLES,
    jobs: int | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> OwlReport:
    """Reason over the ontology and the RDF files with HermiT.

    Args:
        paths: RDF files (a dataset's ``dataset.nq``, or any Turtle/TriG/N-Quads).
        ontology_path: the ontology.
        part_size: triples of article graphs per part, when one path is a kg dataset's
            ``dataset.nq`` (0: the whole dataset in one part).
        jobs: reasoners run at once (default: the number of CPUs).
        progress: called with ("reason", parts done, parts).

    Raises:
        ReasonerError: Java is missing, HermiT failed, or a file cannot be read.
    """
    java = _java()
    paths = list(paths)
    ontology = Graph().parse(ontology_path, format="turtle")
    jobs = jobs or os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="kg-owl-") as tmp:
        folder = Path(tmp)
        parts: list[Path] = []  # what HermiT reads: the ontology and data
        explain_data: list[list[Path] | Graph] = []  # the data of each, to blame individuals
        how = ""
        if len(paths) == 1 and paths[0].suffix == ".nq":
            try:
                terms = {str(t) for triple in ontology for t in triple if isinstance(t, URIRef)}
                cut, shared, triples, article_triples, shared_triples = _dataset_parts(
                    paths[0], part_size or 10**12, folder, _relevant(terms)
                )
            except _NotAKgDataset:
                cut = []
            except (OSError, UnicodeDecodeError) as exc:
                raise ReasonerError(f"{paths[0]}: cannot read: {exc}") from None
            if cut:
                head = _ontology_nt(ontology) + shared.read_text(encoding="utf-8")
                for part in cut:
                    full = part.with_suffix(".full.nt")
                    full.write_text(head + part.read_text(encoding="utf-8"), encoding="utf-8")
                    parts.append(full)
                    explain_data.append([part, shared])
                kept = article_triples + shared_triples
                how = (
                    f"reasoned over the {kept} of {triples} triples whose property or class "
                    "the ontology constrains"
                )
                if len(parts) > 1:
                    how += (
                        f", in {len(parts)} parts of about {part_size} triples of article "
                        f"graphs, each with the ontology and the {shared_triples} triples of the "
                        "shared entity and event graphs (--part-size 0 checks it whole)"
                    )
        if not parts:
            data = _load(paths)
            triples = len(data)
            whole = folder / "whole.nt"
            reasoning_copy(data, ontology).serialize(whole, format="nt", encoding="utf-8")
            parts = [whole]
            explain_data = [data]
        verdicts = _reason(java, parts, min(jobs, len(parts)), progress)
        explanations: list[str] = []
        for source, consistent in zip(explain_data, verdicts, strict=True):
            if consistent:
                continue
            if isinstance(source, Graph):
                data = source
            else:
                data = Graph()
                for path in source:
                    data.parse(path, format="nt")
            explanations.extend(explain(data, ontology))
    return OwlReport(all(verdicts), triples, sorted(set(explanations)), len(parts), how)
