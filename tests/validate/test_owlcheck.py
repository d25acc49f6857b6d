"""kg check: HermiT finds contradictions between data and ontology and names the culprits."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef

from kg.cli import main
from kg.errors import ReasonerError
from kg.owlcheck import _verdict, check_consistency, reasoning_copy

pytestmark = pytest.mark.slow

HEADER = "@prefix kgo: <https://example.org/kg/ontology#> .\n@prefix ex: <https://example.org/kg/id/> .\n"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "data.ttl"
    path.write_text(HEADER + body)
    return path


def test_the_example_dataset_is_consistent(
    example_dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", str(example_dataset)]) == 0
    assert "consistent" in capsys.readouterr().out


def test_a_node_both_person_and_organization(tmp_path: Path) -> None:
    report = check_consistency([write(tmp_path, "ex:x a kgo:Person , kgo:Organization .\n")])
    assert not report.consistent
    assert report.explanations == [
        "<https://example.org/kg/id/x> is both kgo:Organization (asserted a kgo:Organization) "
        "and kgo:Person (asserted a kgo:Person), which are disjoint"
    ]


def test_a_deployment_sent_by_a_protest(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, "ex:d a kgo:Deployment ; kgo:sender ex:p .\nex:p a kgo:Protest .\n")
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert (
        "<https://example.org/kg/id/p> is a kgo:Event (asserted a kgo:Protest) but, as a value of kgo:sender, must be a kgo:Organization or kgo:Location"
        in out
    )


def test_dates_are_rewritten_for_hermit() -> None:
    data = Graph()
    data.add(
        (URIRef("https://e/x"), URIRef("https://e/p"), Literal("2022-01-13", datatype=XSD.date))
    )
    copy = reasoning_copy(data, Graph())
    assert {o for _, _, o in copy} == {Literal("2022-01-13T00:00:00", datatype=XSD.dateTime)}


def test_missing_java_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ReasonerError, match="Java was not found on PATH"):
        check_consistency([write(tmp_path, "ex:x a kgo:Person .\n")])


def test_a_dataset_is_checked_in_parts_and_a_contradiction_found_in_its_part(
    example_dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dataset = tmp_path / "kg"
    shutil.copytree(example_dataset, dataset, ignore=shutil.ignore_patterns("store"))
    report = check_consistency([dataset / "dataset.nq"], part_size=100, jobs=2)
    assert report.consistent
    assert (
        report.parts == 4
    )  # one article a part: each has over 100 triples the ontology constrains
    assert "in 4 parts" in report.how
    # An article graph that makes an organisation of the shared entity graph a person.
    manifest = json.loads((dataset / "manifest.json").read_text())
    graph = manifest["graphs"][0]["iri"]  # the first in dataset.nq
    csto = "https://example.org/kg/id/organization/csto"
    nq = dataset / "dataset.nq"
    line = f"<{csto}> <{RDF.type}> <https://example.org/kg/ontology#Person> <{graph}> .\n"
    nq.write_text(line + nq.read_text())
    assert main(["check", str(dataset), "--part-size", "100"]) == 1
    out = capsys.readouterr().out
    assert "in 4 parts" in out
    assert f"<{csto}> is both kgo:Organization" in out


def test_only_hermits_own_word_means_consistent() -> None:
    assert _verdict(0, "http://www.w3.org/2002/07/owl#Thing is satisfiable.\n")
    assert not _verdict(1, "org.semanticweb.owlapi.reasoner.InconsistentOntologyException")
    with pytest.raises(ReasonerError, match="HermiT failed"):
        _verdict(0, "invalid option -- X\nUsage: hermit [OPTION]... IRI...")
