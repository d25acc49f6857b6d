"""The events graph (kg/events/rdf.py): golden cases, and what a build makes of it.

Each folder of tests/events/golden holds ``input`` (a facts directory, relative to the
repository), an optional review file ``events.yaml`` and ``expected.trig``, compared by
graph isomorphism; ``--update-golden`` rewrites them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from rdf_compare import assert_isomorphic_datasets
from rdflib import Dataset, URIRef

from kg.api import build_dataset, validate_facts
from kg.build import facts_files, review_files
from kg.events import events_graph, link_reports, load_decisions, reports_of
from kg.facts import load_facts
from kg.mapping import new_graph
from kg.rdf.iris import Iris
from kg.rdf.vocab import KG

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "events" / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())


def linked_dataset(case: Path) -> Dataset:
    facts_dir = REPO / (case / "input").read_text().strip()
    reports = [r for p in facts_files([facts_dir]) for r in reports_of(load_facts(p), Iris())]
    decisions = load_decisions([case / "events.yaml"])
    graph = events_graph(link_reports(reports, decisions=decisions), Iris())
    dataset = Dataset()
    for prefix, namespace in new_graph().namespaces():
        dataset.bind(prefix, namespace)
    context = dataset.graph(Iris().events_graph())
    for triple in graph:
        context.add(triple)
    return dataset


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_golden_events_graph(
    case: Path, update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)  # review files are named relative to the repository
    actual = linked_dataset(case.relative_to(REPO))
    expected_path = case / "expected.trig"
    if update_golden or not expected_path.exists():
        expected_path.write_text(actual.serialize(format="trig"), encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{expected_path} did not exist; written now: review it and commit it")
    expected = Dataset()
    expected.parse(expected_path, format="trig")
    assert_isomorphic_datasets(expected, actual)


def test_a_build_writes_the_events_graph(example_dataset: Path) -> None:
    manifest = json.loads((example_dataset / "manifest.json").read_text())
    events = [g for g in manifest["graphs"] if g["iri"] == str(Iris().events_graph())]
    assert len(events) == 1 and events[0]["triples"] > 0
    assert manifest["events"] == 9
    dataset = Dataset()
    dataset.parse(example_dataset / "dataset.nq", format="nquads")
    graph = dataset.graph(Iris().events_graph())
    csto = URIRef("https://example.org/kg/event/deployment/id-csto-kazakhstan-2022/csto_kazakhstan")
    assert (csto, KG.firstReport, None) in graph
    assert len(list(graph.subjects(KG.reportOf, csto))) == 2


def copy_examples(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "examples" / "facts", tmp_path / "facts")
    shutil.copytree(REPO / "examples" / "articles", tmp_path / "articles")
    return tmp_path / "facts"


def test_the_review_file_is_no_facts_file_and_is_found_beside_them(tmp_path: Path) -> None:
    facts = copy_examples(tmp_path)
    (facts / "events.yaml").write_text("format: kg-events/1\nevents: []\n")
    assert all(p.name != "events.yaml" for p in facts_files([facts]))
    assert review_files([facts]) == [facts / "events.yaml"]
    assert validate_facts(facts, jobs=1).conforms


def test_validate_reports_a_decision_that_matches_no_report(tmp_path: Path) -> None:
    facts = copy_examples(tmp_path)
    review = facts / "events.yaml"
    review.write_text(
        "format: kg-events/1\nevents:\n  - same:\n"
        "      - en-csto-kazakhstan-2022/deployment/csto_kazakhstan\n"
        "      - id-csto-kazakhstan-2022/deployment/csto_kazakstan\n"
    )
    report = validate_facts(facts, jobs=1)
    assert not report.conforms
    (violation,) = report.violations
    assert violation.source == f"{review}:5"
    assert violation.component == "ReviewedDecision"
    assert "id-csto-kazakhstan-2022/deployment/csto_kazakstan" in str(violation)


def test_the_next_build_keeps_a_reviewed_split(tmp_path: Path) -> None:
    facts = copy_examples(tmp_path)
    (facts / "events.yaml").write_text(
        "format: kg-events/1\nevents:\n  - different:\n"
        "      - en-csto-kazakhstan-2022/deployment/csto_kazakhstan\n"
        "      - id-csto-kazakhstan-2022/deployment/csto_kazakhstan\n"
    )
    built = build_dataset(facts, out=tmp_path / "kg", jobs=1, store=False)
    manifest = json.loads((built.out / "manifest.json").read_text())
    assert manifest["events"] == 10
