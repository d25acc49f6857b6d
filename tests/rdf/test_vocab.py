"""The ontology (ontology/kg.ttl) and its Python mirror (kg/rdf/vocab.py) stay in sync."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.rdf.vocab import KG, ONTOLOGY_IRI

REPO = Path(__file__).resolve().parents[2]
ONTOLOGY = Graph().parse(REPO / "ontology" / "kg.ttl")
NS = str(KG._NS)
DEFINED = {s for s in ONTOLOGY.subjects() if isinstance(s, URIRef) and str(s).startswith(NS)}
# Terms the mapping does not produce yet; kept in the ontology for facts files to come.
RESERVED: set[URIRef] = set()


def test_every_ontology_term_is_in_the_vocabulary_module() -> None:
    mirrored = {URIRef(NS + name) for name in KG.__annotations__}
    assert mirrored == DEFINED, (
        f"only in ontology: {sorted(DEFINED - mirrored)}; only in kg/rdf/vocab.py: {sorted(mirrored - DEFINED)}"
    )


def test_the_vocabulary_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = KG.NoSuchTerm


def test_ontology_header() -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONTOLOGY


@pytest.mark.parametrize("term", sorted(DEFINED), ids=lambda t: t.split("#")[-1])
def test_every_term_has_english_and_indonesian_label_and_definition(term: URIRef) -> None:
    labels = {lit.language for lit in ONTOLOGY.objects(term, RDFS.label)}
    definitions = {lit.language for lit in ONTOLOGY.objects(term, SKOS.definition)}
    assert {"en", "id"} <= labels, f"{term} labels: {labels}"
    assert {"en", "id"} <= definitions, f"{term} definitions: {definitions}"


@pytest.mark.parametrize(
    "cls",
    sorted(set(ONTOLOGY.subjects(RDF.type, OWL.Class)) & DEFINED),
    ids=lambda t: t.split("#")[-1],
)
def test_every_class_is_aligned_to_an_external_vocabulary(cls: URIRef) -> None:
    aligned = [
        o for p in (RDFS.subClassOf, SKOS.closeMatch, OWL.oneOf) for o in ONTOLOGY.objects(cls, p)
    ]
    assert aligned, f"{cls} has no subClassOf/closeMatch alignment"


def test_core_classes_are_pairwise_disjoint() -> None:
    group = next(ONTOLOGY.subjects(RDF.type, OWL.AllDisjointClasses))
    members = set(ONTOLOGY.items(ONTOLOGY.value(group, OWL.members)))
    assert {KG.Person, KG.Organization, KG.Location, KG.Event, KG.RealWorldEvent} <= members


def test_every_term_is_used_by_the_mapping_or_reserved() -> None:
    source = (REPO / "kg" / "mapping.py").read_text()
    source += (REPO / "kg" / "events" / "rdf.py").read_text()  # the events graph
    used = {URIRef(NS + m) for m in re.findall(r"\bKG\.([A-Za-z]+)\b", source)}
    # Classes and individuals reached through tables in the mapping count as used too.
    abstract = {KG.Event, KG.RealWorldEvent, KG.Status, KG.Qualifier}
    unused = DEFINED - used - RESERVED - abstract
    assert not unused, f"ontology terms neither mapped nor reserved: {sorted(unused)}"
