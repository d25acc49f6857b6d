"""kg build and kg validate: every format written, atomic output, exit codes 0/1/2."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef

from kg.cli import main
from kg.store import EmbeddedStore

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples" / "facts"
GOLDEN = REPO / "tests" / "build" / "golden"


def copy_case(tmp_path: Path, name: str = "minimal-deployment-id") -> Path:
    folder = tmp_path / name
    shutil.copytree(GOLDEN / name, folder)
    return folder / "facts.yaml"


def test_build_writes_every_format_with_the_same_triples(example_dataset: Path) -> None:
    manifest = json.loads((example_dataset / "manifest.json").read_text())
    total = manifest["triples"]
    assert manifest["articles"] == len(list(EXAMPLES.glob("*.yaml")))
    quads = Dataset()
    quads.parse(example_dataset / "dataset.nq", format="nquads")
    trig = Dataset()
    trig.parse(example_dataset / "dataset.trig", format="trig")
    jsonld = Dataset()
    jsonld.parse(example_dataset / "dataset.jsonld", format="json-ld")

    def count(ds: Dataset) -> int:
        return sum(1 for _ in ds.quads((None, None, None, None)))

    assert count(quads) == count(trig) == count(jsonld) == total

    def quad_set(ds: Dataset) -> set[tuple[object, ...]]:
        return {(s, p, o, str(g)) for s, p, o, g in ds.quads((None, None, None, None))}

    assert quad_set(jsonld) == quad_set(quads) == quad_set(trig)
    union = Graph().parse(example_dataset / "dataset.ttl", format="turtle")
    assert len(union) == len({(s, p, o) for s, p, o, _ in quads.quads((None, None, None, None))})
    context = json.loads((example_dataset / "context.jsonld").read_text())
    assert context["@context"]["kgo"] == "https://example.org/kg/ontology#"
    per_graph = {g["iri"]: g["triples"] for g in manifest["graphs"]}
    for iri, count in per_graph.items():
        assert len(quads.graph(URIRef(iri))) == count


def test_dumps_hold_the_named_graphs_and_the_store_their_merge(example_dataset: Path) -> None:
    """The store's default graph is the merge of the named graphs (each triple once); it is
    derived, so no dump carries it."""
    quads: set[tuple[object, ...]] = set()
    for name, fmt in (
        ("dataset.nq", "nquads"),
        ("dataset.trig", "trig"),
        ("dataset.jsonld", "json-ld"),
    ):
        ds = Dataset()
        ds.parse(example_dataset / name, format=fmt)
        assert len(ds.default_graph) == 0, f"{name} has default-graph triples"
        quads |= {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}
    merge = {(s, p, o) for s, p, o, _ in quads}
    assert len(merge) < len(quads), "the example data states some triples in several graphs"
    store = EmbeddedStore(example_dataset / "store", read_only=True)
    found = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"].value
    assert int(found) == len(merge)
    assert store.count_triples() == len({(s, p, o, str(g)) for s, p, o, g in quads})
    assert len(Graph().parse(data=store.union(), format="turtle")) == len(merge)


def test_void_counts_match_the_data(example_dataset: Path) -> None:
    void = Graph().parse(example_dataset / "void.ttl")
    rows = list(
        void.query(
            "PREFIX void: <http://rdfs.org/ns/void#> "
            "SELECT ?t ?e WHERE { ?d void:triples ?t ; void:entities ?e ; void:subset ?s }"
        )
    )
    manifest = json.loads((example_dataset / "manifest.json").read_text())
    assert int(rows[0][0]) == manifest["triples"]  # type: ignore[index]
    assert int(rows[0][1]) > 10  # type: ignore[index]


def test_build_loads_the_embedded_store(example_dataset: Path) -> None:
    store = EmbeddedStore(example_dataset / "store", read_only=True)
    manifest = json.loads((example_dataset / "manifest.json").read_text())
    assert store.count_triples() == manifest["triples"]
    assert len(store.graph_names()) == len(manifest["graphs"])
    assert store.ask("ASK { ?d a <https://example.org/kg/ontology#Deployment> }")


def test_build_cli_exit_0_and_rebuild_replaces(tmp_path: Path) -> None:
    facts = copy_case(tmp_path)
    out = tmp_path / "out"
    assert main(["build", str(facts), "--out", str(out), "--jobs", "1"]) == 0
    first = (out / "dataset.nq").read_text()
    assert main(["build", str(facts), "--out", str(out), "--jobs", "1"]) == 0
    assert (out / "dataset.nq").read_text() == first
    assert not list(tmp_path.glob(".out.*")), "temporary directories left behind"


def test_violations_exit_1_and_leave_the_previous_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = copy_case(tmp_path)
    out = tmp_path / "out"
    assert main(["build", str(facts), "--out", str(out), "--jobs", "1"]) == 0
    before = (out / "dataset.nq").read_bytes()
    bad_shapes = tmp_path / "strict.ttl"
    bad_shapes.write_text(
        (REPO / "shapes" / "kg-shapes.ttl").read_text()
        + "\nkgsh:Strict a sh:NodeShape ; sh:targetClass kgo:Deployment ;"
        ' sh:property [ sh:path kgo:endDate ; sh:minCount 1 ; sh:message "needs an end" ] .\n'
    )
    from kg.build import compile_facts

    compiled = compile_facts([facts], shapes=bad_shapes, jobs=1)
    assert not compiled.report.conforms
    violation = compiled.report.violations[0]
    assert violation.message == "needs an end"
    assert violation.source == f"{facts}:32"  # the line of the deployment in the facts file
    # a build whose facts do not load: exit 2, nothing replaced
    facts.write_text(facts.read_text().replace("value: 800", "value: lots"))
    assert main(["build", str(facts), "--out", str(out)]) == 2
    assert "value must be a whole number" in capsys.readouterr().err
    assert (out / "dataset.nq").read_bytes() == before


def test_validate_conforming_and_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = copy_case(tmp_path)
    assert main(["validate", str(facts)]) == 0
    assert "1 article(s) conform" in capsys.readouterr().out
    assert main(["validate", str(facts), "--base", "not-an-iri"]) == 2
    assert "IRI base" in capsys.readouterr().err


def test_validate_exit_1_with_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    facts = copy_case(tmp_path)
    # Evidence of an event that quotes nothing: drop every evidence line of the deployment.
    text = facts.read_text()
    start = text.index("deployments:")
    section = text[start : text.index("roles:")]
    lines = section.splitlines(keepends=True)
    cut = "".join(line for line in lines if "evidence:" not in line and "{start:" not in line)
    facts.write_text(text.replace(section, cut))
    assert main(["validate", str(facts)]) == 1
    out = capsys.readouterr().out
    assert f"{facts}:32: violation:" in out
    assert "Every fact is supported by at least one evidence span." in out
    assert main(["validate", str(facts), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["conforms"] is False
    assert {v["component"] for v in report["violations"]} == {
        "MinCountConstraintComponent",
        "EqualsConstraintComponent",
    }
    junit = tmp_path / "report.xml"
    assert main(["validate", str(facts), "--format", "junit", "--output", str(junit)]) == 1
    import xml.etree.ElementTree as ET

    suite = ET.parse(junit).getroot()
    assert suite.get("failures") == "1"
    assert suite.find("testcase/failure") is not None


def test_malformed_yaml_exits_2_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("article:\n  title: [oops\n")
    proc = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(bad), "--out", str(tmp_path / "o")],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert f"{bad}:3:1: invalid YAML" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "o").exists()


def test_refuses_to_overwrite_a_directory_that_is_not_a_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = copy_case(tmp_path)
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "thesis.txt").write_text("do not delete")
    assert main(["build", str(facts), "--out", str(precious)]) == 2
    assert "not a kg dataset" in capsys.readouterr().err
    assert (precious / "thesis.txt").read_text() == "do not delete"


def test_duplicate_article_ids_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    facts = copy_case(tmp_path)
    twin = facts.parent / "twin.yaml"
    twin.write_text(facts.read_text())
    assert main(["build", str(facts), str(twin), "--out", str(tmp_path / "o"), "--jobs", "1"]) == 2
    assert "article id 'minimal-deployment-id' is also used" in capsys.readouterr().err


def test_parallel_build_equals_serial_build(tmp_path: Path) -> None:
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    args = [str(EXAMPLES), "--batch-size", "1"]
    assert main(["build", *args, "--out", str(serial), "--jobs", "1"]) == 0
    assert main(["build", *args, "--out", str(parallel), "--jobs", "2"]) == 0
    assert sorted((serial / "dataset.nq").read_text().splitlines()) == sorted(
        (parallel / "dataset.nq").read_text().splitlines()
    )


def test_build_examples_star_conforms(tmp_path: Path) -> None:
    everything = sorted((REPO / "examples").iterdir())  # what the shell makes of examples/*
    assert main(["build", *map(str, everything), "--out", str(tmp_path / "kg"), "--jobs", "1"]) == 0
    manifest = json.loads((tmp_path / "kg" / "manifest.json").read_text())
    assert manifest["articles"] == len(list(EXAMPLES.glob("*.yaml")))


def test_no_facts_files_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", str(tmp_path), "--out", str(tmp_path / "kg")]) == 2
    assert "no facts files (*.yaml)" in capsys.readouterr().err


def test_drafts_are_named_and_refused_with_reviewed_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """kg build says which facts files are drafts; --reviewed-only refuses them, writes
    nothing and exits 1."""
    reviewed = copy_case(tmp_path)  # marked reviewed
    draft = copy_case(tmp_path, "contingents-en")  # no review: a draft
    out = tmp_path / "out"
    assert main(["build", str(reviewed), str(draft), "--out", str(out), "--jobs", "1"]) == 0
    said = capsys.readouterr().out
    assert f"1 of them are drafts, not reviewed: {draft}" in said
    again = tmp_path / "again"
    args = ["build", str(reviewed), str(draft), "--out", str(again), "--reviewed-only"]
    assert main([*args, "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert f"{draft}: a draft" in err and "--reviewed-only" in err
    assert not again.exists() and not list(tmp_path.glob(".again*"))
    assert (
        main(["build", str(reviewed), "--out", str(again), "--reviewed-only", "--jobs", "1"]) == 0
    )
