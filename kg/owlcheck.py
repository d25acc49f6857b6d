"""OWL consistency check: the ontology plus the data, reasoned over by HermiT (owlready2).

The only module importing owlready2. owlready2 reads N-Triples but not Turtle, and HermiT
rejects ``xsd:date``, ``xsd:gYear`` and ``rdf:langString``, so the reasoner gets a copy of
the data in which dates are ``xsd:dateTime``, partial dates plain strings and language
ranges ``rdf:PlainLiteral``. When HermiT finds the whole inconsistent, the culprits are
named by checking the asserted and domain/range-implied types against the ontology's
disjoint classes.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import OWL, RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import ReasonerError
from kg.rdf.formats import RdfFormat

__all__ = ["ONTOLOGY_PATH", "OwlReport", "check_consistency", "reasoning_copy"]

ONTOLOGY_PATH = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
_PLAIN = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#PlainLiteral")


@dataclass
class OwlReport:
    """The outcome of an OWL consistency check."""

    consistent: bool
    triples: int
    explanations: list[str] = field(default_factory=list)

    def to_text(self) -> str:
        """A human-readable report."""
        if self.consistent:
            return f"consistent: HermiT found no contradiction in {self.triples} triples"
        lines = ["inconsistent: HermiT found a contradiction"]
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


def _hermit(graph: Graph, java: str) -> bool:
    import owlready2

    owlready2.JAVA_EXE = java
    with tempfile.TemporaryDirectory(prefix="kg-owl-") as tmp:
        path = Path(tmp) / "reasoning.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        try:
            onto = world.get_ontology(path.as_uri()).load(format="ntriples")
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False
        except (owlready2.OwlReadyJavaError, OSError) as exc:
            message = str(exc).strip().splitlines()
            raise ReasonerError(f"HermiT failed: {message[-1] if message else exc}") from None
        finally:
            world.close()
    return True


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


def check_consistency(paths: Iterable[Path], *, ontology_path: Path = ONTOLOGY_PATH) -> OwlReport:
    """Reason over the ontology and the RDF files with HermiT.

    Args:
        paths: RDF files (a dataset's ``dataset.nq``, or any Turtle/TriG/N-Quads).
        ontology_path: the ontology.

    Raises:
        ReasonerError: Java is missing or HermiT failed.
    """
    java = _java()
    data = _load(paths)
    ontology = Graph().parse(ontology_path, format="turtle")
    consistent = _hermit(reasoning_copy(data, ontology), java)
    explanations = [] if consistent else explain(data, ontology)
    return OwlReport(consistent, len(data), explanations)
