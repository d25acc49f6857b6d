"""The Python API (kg.api, exported by the kg package), and the walk-through in
docs/python-api.md, whose code blocks run here in order."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pandas
import pytest

import kg
from kg import api
from kg.errors import FactsError, KgError, UsageError
from kg.facts.model import Facts

REPO = Path(__file__).resolve().parent.parent
FACTS = REPO / "examples" / "facts"


def _isort_order(names: list[str]) -> list[str]:
    """Constants first, then the rest in order (ruff's order for ``__all__``)."""
    return sorted(names, key=lambda n: (not n.isupper(), n))


def test_the_exported_names() -> None:
    assert kg.__all__ == _isort_order(kg.__all__)
    assert api.__all__ == _isort_order(api.__all__)
    for name in kg.__all__:
        assert getattr(kg, name) is not None
    assert kg.open is api.open_dataset and kg.build_dataset is api.build_dataset
    assert kg.KgError is KgError
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        kg.nothing  # noqa: B018


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> api.Built:
    return kg.build_dataset(FACTS, out=tmp_path_factory.mktemp("api") / "kg", jobs=1)


def test_build_says_what_it_wrote(built: api.Built) -> None:
    assert built.articles == 4 and built.graphs >= 5 and built.triples > 100
    assert (built.out / "store").is_dir() and (built.out / "manifest.json").is_file()
    assert isinstance(built.drafts, tuple)


def test_a_violation_stops_the_build_and_writes_nothing(tmp_path: Path) -> None:
    strict = tmp_path / "strict.ttl"
    strict.write_text(
        (REPO / "shapes" / "kg-shapes.ttl").read_text(encoding="utf-8")
        + "\nkgsh:Strict a sh:NodeShape ; sh:targetClass kgo:Deployment ;"
        ' sh:property [ sh:path kgo:endDate ; sh:minCount 1 ; sh:message "needs an end" ] .\n',
        encoding="utf-8",
    )
    report = kg.validate_facts(FACTS, jobs=1, shapes=strict)
    assert not report.conforms and {v.message for v in report.violations} == {"needs an end"}
    with pytest.raises(api.ValidationFailed) as failed:
        kg.build_dataset(FACTS, out=tmp_path / "out", jobs=1, shapes=strict)
    assert failed.value.report.violations and failed.value.exit_code == 1
    assert ".yaml:" in failed.value.report.to_text()  # each names its facts file and line
    assert not (tmp_path / "out").exists()


def test_drafts_can_be_refused(tmp_path: Path) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    draft = tmp_path / "examples" / "facts"
    path = draft / "en-peacekeepers-fictional.yaml"
    text = path.read_text(encoding="utf-8")
    reviewed = re.sub(r"status: reviewed", "status: draft", text)
    assert reviewed != text
    path.write_text(reviewed, encoding="utf-8")
    with pytest.raises(api.DraftsRefused) as refused:
        kg.build_dataset(draft, out=tmp_path / "out", jobs=1, reviewed_only=True)
    assert refused.value.drafts == (str(path),) and not (tmp_path / "out").exists()
    assert kg.build_dataset(draft, out=tmp_path / "out", jobs=1).drafts == (str(path),)


def test_queries_give_typed_rows(built: api.Built) -> None:
    with kg.open(built.out) as dataset:
        rows = dataset.query("deployments")
        assert isinstance(rows, api.Rows) and len(rows) >= 3
        assert rows.variables[:3] == ["deployment", "senderLabel", "destinationLabel"]
        troops = [r["troops"] for r in rows if r["troops"] is not None]
        assert troops and all(isinstance(t, int) for t in troops)
        starts = [r["start"] for r in rows if r["start"] is not None]
        assert starts and all(isinstance(s, str | dt.date) for s in starts)
        frame = rows.to_dataframe()
        assert isinstance(frame, pandas.DataFrame)
        assert list(frame.columns) == rows.variables and len(frame) == len(rows)
        n = dataset.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(n, api.Rows) and n.scalar() == built.triples
        assert dataset.query("ASK { ?s ?p ?o }") is True
        turtle = dataset.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 3")
        assert isinstance(turtle, str) and turtle.strip()


def test_named_query_parameters_are_bound(built: api.Built) -> None:
    with kg.open(built.out) as dataset:
        everything = dataset.query("timeline")
        csto = dataset.query("timeline", actor="https://example.org/kg/id/organization/csto")
        assert isinstance(everything, api.Rows) and isinstance(csto, api.Rows)
        assert 0 < len(csto) < len(everything)


def test_mistakes_are_usage_errors(built: api.Built, tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no dataset store"):
        kg.open(tmp_path)
    dataset = kg.open(built.out)
    with pytest.raises(UsageError, match="no query named 'nope'"):
        dataset.query("nope")
    with pytest.raises(UsageError, match="parameters are for named queries"):
        dataset.query("SELECT * WHERE { ?s ?p ?o }", limit=3)
    with pytest.raises(UsageError, match="not a single value"):
        dataset.query("SELECT ?s ?p WHERE { ?s ?p ?o } LIMIT 2").scalar()  # type: ignore[union-attr]
    dataset.close()
    with pytest.raises(UsageError, match="closed"):
        dataset.query("ASK {}")


def test_extract_and_unreadable_input(tmp_path: Path) -> None:
    facts = kg.extract_facts(REPO / "examples" / "articles" / "en-csto-kazakhstan-2022.txt")
    assert isinstance(facts, Facts) and facts.deployments
    sure = kg.extract_facts(
        REPO / "examples" / "articles" / "en-csto-kazakhstan-2022.txt", min_confidence=1.0
    )
    assert not sure.deployments and not sure.roles and len(sure.entities) < len(facts.entities)
    with pytest.raises(UsageError, match="between 0 and 1"):
        kg.extract_facts(tmp_path / "missing.txt", min_confidence=2.0)
    with pytest.raises(UsageError, match="no such article file"):
        kg.extract_facts(tmp_path / "missing.txt")
    broken = tmp_path / "facts.yaml"
    broken.write_text("format: kg-facts/1\narticle: [\n", encoding="utf-8")
    with pytest.raises(FactsError):
        kg.validate_facts(broken, jobs=1)


def _blocks() -> list[str]:
    text = (REPO / "docs" / "python-api.md").read_text(encoding="utf-8")
    return re.findall(r"```python\n(.*?)```", text, re.DOTALL)


def test_the_walk_through_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = _blocks()
    assert len(blocks) >= 4
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "docs/python-api.md", "exec"), namespace)
    out = capsys.readouterr().out
    assert "FactsError" in out and "en-peacekeepers-fictional.yaml:" in out
    assert "4 articles" in out and "senderLabel" in out


def test_kg_help_imports_no_heavy_library_and_lists_every_command() -> None:
    """``kg --help`` imports a command's module only when it runs; the lines it shows are
    each command's own first help line."""
    import subprocess
    import sys

    probe = (
        "import sys\n"
        "from kg.cli import main\n"
        "main(['--help'])\n"
        "print(sorted(m for m in ('rdflib', 'pyshacl', 'pyoxigraph', 'owlready2', 'kg.build')"
        " if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"
    from kg.cli import COMMANDS, cli

    for name, line in COMMANDS.items():
        assert name in done.stdout
        command = cli.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None and command.get_short_help_str(limit=500) == line


def test_extract_reads_text_without_a_header_and_refuses_many_articles(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(
        "Rusia mengirim 2.000 tentara ke Kazakhstan pada Kamis, kata pejabat di Moskow.\n",
        encoding="utf-8",
    )
    facts = kg.extract_facts(plain)
    assert facts.article.language == "id" and facts.deployments
    many = tmp_path / "many.jsonl"
    many.write_text('{"text": "One."}\n{"text": "Two."}\n', encoding="utf-8")
    with pytest.raises(UsageError, match="2 articles"):
        kg.extract_facts(many)
