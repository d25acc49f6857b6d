"""The namespaces: written once in kg/rdf/namespaces.py, the same as the ontology's and the
published JSON-LD context's."""

from __future__ import annotations

import ast
import json
from pathlib import Path

from rdflib import OWL, RDF, Graph, URIRef

from kg.rdf.jsonld import jsonld_context
from kg.rdf.namespaces import DEFAULT_BASE, KGO, ONTOLOGY, PREFIXES

REPO = Path(__file__).resolve().parents[2]
OWNER = REPO / "kg" / "rdf" / "namespaces.py"


def test_the_ontology_declares_the_same_namespaces() -> None:
    ontology = Graph().parse(REPO / "ontology" / "kg.ttl")
    assert (URIRef(ONTOLOGY), RDF.type, OWL.Ontology) in ontology
    declared = {prefix: str(namespace) for prefix, namespace in ontology.namespaces()}
    assert declared["kgo"] == KGO
    for prefix, namespace in PREFIXES.items():
        if prefix in declared:
            assert declared[prefix] == namespace, prefix


def test_every_prefix_ends_where_a_local_name_starts() -> None:
    """A JSON-LD processor expands a compact IRI only under a prefix ending in / or #."""
    assert all(namespace.endswith(("/", "#")) for namespace in PREFIXES.values())


def test_the_published_context_is_the_prefixes_and_the_base(example_dataset: Path) -> None:
    written = json.loads((example_dataset / "context.jsonld").read_text(encoding="utf-8"))
    assert written == jsonld_context(DEFAULT_BASE)
    assert written["@context"] == {"kg": DEFAULT_BASE, **PREFIXES}


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module outside its docstrings (where examples may name IRIs)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_the_ontology_namespace_and_the_default_base_are_written_once() -> None:
    """Only kg/rdf/namespaces.py spells them; everything else imports them."""
    found = [
        f"{path.relative_to(REPO)}:{line}"
        for path in sorted((REPO / "kg").rglob("*.py"))
        if path != OWNER
        for line, text in _string_constants(path)
        if ONTOLOGY in text or text == DEFAULT_BASE
    ]
    assert found == []
