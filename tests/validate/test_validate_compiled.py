"""The compiled SHACL engine beyond kg's own shapes: the constructs it supports agree with
pyshacl, the ones it does not are refused with the file and the shape named."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph

from kg.api import validate_facts
from kg.cli import main
from kg.errors import InputError, UsageError
from kg.validate import ArticleGraphs, Engine, validate_batch
from kg.validate_compiled import compile_shapes

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "build" / "golden"
PREFIXES = """
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix ex: <https://example.org/x#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

# Constructs kg-shapes.ttl does not use, each broken by the data below at least once.
SHAPES = (
    PREFIXES
    + """
ex:Thing a sh:NodeShape , rdfs:Class ;                      # an implicit class target
    sh:property [ sh:path ex:name ; sh:maxLength 5 ; sh:severity sh:Warning ] ;
    sh:property [ sh:path ex:size ; sh:maxInclusive 10 ; sh:minExclusive 0 ; sh:maxExclusive 9 ] ;
    sh:property [ sh:path ex:part ; sh:node ex:PartShape ] ;
    sh:property [ sh:path ex:name ; sh:disjoint ex:alias ] ;
    sh:property [ sh:path [ sh:zeroOrMorePath ex:parent ] ; sh:maxCount 2 ] ;
    sh:property [ sh:path [ sh:oneOrMorePath ex:parent ] ; sh:class ex:Thing ] ;
    sh:property [ sh:path [ sh:zeroOrOnePath ex:alias ] ; sh:nodeKind sh:IRIOrLiteral ] ;
    sh:not [ sh:path ex:banned ; sh:minCount 1 ] ;
    sh:and ( [ sh:path ex:size ; sh:minCount 1 ] [ sh:path ex:name ; sh:minCount 1 ] ) .
ex:PartShape a sh:NodeShape ;
    sh:property [ sh:path ex:weight ; sh:datatype xsd:decimal ; sh:severity sh:Info ] .
ex:Named a sh:NodeShape ; sh:targetSubjectsOf ex:name ;
    sh:property [ sh:path ex:name ; sh:pattern "^A" ; sh:flags "i" ] .
ex:One a sh:NodeShape ; sh:targetNode ex:lonely ; sh:property [ sh:path ex:name ; sh:minCount 1 ] .
ex:Off a sh:NodeShape ; sh:targetClass ex:Thing ; sh:deactivated true ;
    sh:property [ sh:path ex:never ; sh:minCount 1 ] .
"""
)
DATA = (
    PREFIXES
    + """
ex:Small rdfs:subClassOf ex:Thing .
ex:a a ex:Thing ; ex:name "abc" , "toolong" ; ex:alias "abc" ; ex:size 11 ; ex:part ex:p1 .
ex:b a ex:Small ; ex:name "apple" ; ex:size 0 , 4.5 ; ex:parent ex:a , ex:c ; ex:banned 1 .
ex:c ex:name "Bob" ; ex:part ex:p2 .
ex:d a ex:Thing ; ex:parent ex:c ; ex:alias _:x ; ex:part ex:p2 .
ex:p1 ex:weight 1.5 .
ex:p2 ex:weight "heavy" .
"""
)


def keys(engine: str, shapes: Path, data: Graph) -> set[tuple[str | None, ...]]:
    report = validate_batch([ArticleGraphs("x", data, Graph())], shapes_path=shapes, engine=engine)
    return {(v.focus, v.path, v.component, v.severity, v.value) for v in report.violations}


def test_supported_constructs_agree_with_pyshacl(tmp_path: Path) -> None:
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(SHAPES)
    data = Graph().parse(data=DATA, format="turtle")
    compiled = keys("compiled", shapes, data)
    assert compiled == keys("pyshacl", shapes, data)
    components = {k[2] for k in compiled}
    for name in ("MaxLength", "MaxInclusive", "MinExclusive", "Node", "Disjoint", "Not", "And"):
        assert f"{name}ConstraintComponent" in components
    # a nested shape's Info result still fails sh:node, reported at the outer severity
    assert {"Warning", "Violation"} == {k[3] for k in compiled}
    assert ("https://example.org/x#lonely", "ex:name", "MinCountConstraintComponent") in {
        k[:3] for k in compiled
    }


@pytest.mark.parametrize(
    ("construct", "named"),
    [
        ("sh:closed true", "sh:closed"),
        ("sh:sparql [ sh:select 'SELECT $this WHERE { }' ]", "sh:sparql"),
        ("sh:property [ sh:path ex:p ; sh:uniqueLang true ]", "sh:uniqueLang"),
        ("sh:property [ sh:path [ sh:inversePath ( ex:p ex:q ) ] ; sh:minCount 1 ]", "inversePath"),
        ("sh:nodeKind ex:Whatever", "sh:nodeKind"),
        ("sh:property [ sh:path ex:p ; sh:node ex:Strict ]", "refers back to itself"),
    ],
)
def test_unsupported_constructs_are_refused_with_the_shape_named(
    tmp_path: Path, construct: str, named: str
) -> None:
    shapes = tmp_path / "strict.ttl"
    shapes.write_text(PREFIXES + f"ex:Strict a sh:NodeShape ; sh:targetClass ex:T ; {construct} .")
    with pytest.raises(InputError) as refused:
        compile_shapes(Graph().parse(shapes), source=shapes)
    line = PREFIXES.count("\n") + 1  # the file and line of the shape
    message = str(refused.value)
    assert message.startswith(f"{shapes}:{line}: ")
    assert named in message and "ex:Strict" in message and "--engine pyshacl" in message


def test_a_refused_shapes_file_stops_validation_with_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shapes = tmp_path / "closed.ttl"
    shapes.write_text(PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:T ; sh:closed true .")
    data = Graph().parse(data=PREFIXES + "ex:t a ex:T ; ex:p 1 .", format="turtle")
    with pytest.raises(InputError):
        validate_batch([ArticleGraphs("x", data, Graph())], shapes_path=shapes)
    # pyshacl runs them
    report = validate_batch(
        [ArticleGraphs("x", data, Graph())], shapes_path=shapes, engine="pyshacl"
    )
    assert {v.component for v in report.violations} == {"ClosedConstraintComponent"}


def test_engine_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert Engine.named("compiled") is Engine.COMPILED
    with pytest.raises(UsageError, match="choose one of compiled, pyshacl"):
        Engine.named("fast")
    assert main(["validate", "nowhere.yaml", "--engine", "fast"]) == 2
    assert "'fast' is not one of 'compiled', 'pyshacl'" in capsys.readouterr().err


@pytest.mark.slow
def test_the_engine_reaches_the_worker_processes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Shapes only pyshacl runs: the compiled engine refuses them in the workers, pyshacl
    validates them there, and the CLI turns the refusal into exit code 2."""
    for name in ("contingents-en", "minimal-deployment-id"):
        shutil.copytree(GOLDEN / name, tmp_path / "facts" / name)
    shapes = tmp_path / "closed.ttl"
    shapes.write_text(
        (REPO / "shapes" / "kg-shapes.ttl").read_text()
        + "\nkgsh:Closed a sh:NodeShape ; sh:targetClass kgo:Protest ; sh:closed true .\n"
    )
    options: dict[str, Any] = {"jobs": 2, "batch_size": 1, "shapes": shapes}
    with pytest.raises(InputError, match="sh:closed"):
        validate_facts(tmp_path / "facts", engine="compiled", **options)
    report = validate_facts(tmp_path / "facts", engine="pyshacl", **options)
    assert report.articles == 2 and report.conforms  # neither article has a protest
    assert main(["validate", str(tmp_path / "facts"), "--engine", "pyshacl", "-j", "2"]) == 0
    capsys.readouterr()
