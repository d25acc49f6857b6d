"""Shared fixtures: paths, the example dataset built once per session, golden updates."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.build import compile_facts, facts_files
from kg.build.dataset import write_dataset
from kg.rdf.namespaces import DEFAULT_BASE

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"

pytest_plugins = ["fuseki_fixture", "serve_fixtures"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files (tests/*/golden/) from the current output.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    corpus = SHARED / "corpus"
    assert corpus.is_dir(), f"the development corpus is expected at {corpus}"
    return corpus


@pytest.fixture(scope="session")
def example_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example facts built into a dataset directory, once per test session."""
    out = tmp_path_factory.mktemp("example") / "kg"
    compiled = compile_facts(facts_files([EXAMPLES / "facts"]), base=DEFAULT_BASE, jobs=1)
    assert compiled.report.conforms, compiled.report.to_text()
    write_dataset(compiled, out, base=DEFAULT_BASE)
    return out
