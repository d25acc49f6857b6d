"""``kg query``: named queries and files on a dataset, formats, parameters and errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from serve_fixtures import outdated_copy

from kg.cli import main
from kg.store.embedded import EmbeddedStore


def kg(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_names_and_params(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = kg(capsys, "query", "--list")
    assert code == 0
    assert "deployments-after-protests" in out and "--param days=<integer> (default 30)" in out
    assert "--param actor=<iri> (optional)" in out


def test_table_default(capsys: pytest.CaptureFixture[str], example_dataset: Path) -> None:
    code, out, _ = kg(capsys, "query", "requests", "--dataset", str(example_dataset))
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["requesterLabel", "senderLabel", "destinationLabel"]
    assert "Lucas Varenne" in out and out.rstrip().endswith("(3 rows)")


def test_csv_with_param(capsys: pytest.CaptureFixture[str], example_dataset: Path) -> None:
    code, out, _ = kg(
        capsys,
        "query",
        "deployments-after-protests",
        "-d",
        str(example_dataset),
        "--param",
        "days=60",
        "--format",
        "csv",
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["gap"] for r in rows] == ["1", "1", "1", "1", "5", "54"]


def test_json_and_tsv(capsys: pytest.CaptureFixture[str], example_dataset: Path) -> None:
    actor = "https://example.org/kg/id/organization/csto"
    code, out, _ = kg(
        capsys,
        "query",
        "timeline",
        "-d",
        str(example_dataset),
        "-p",
        f"actor={actor}",
        "-f",
        "json",
    )
    assert code == 0
    bindings = json.loads(out)["results"]["bindings"]
    assert [b["actor"]["value"] for b in bindings] == [actor, actor]
    code, out, _ = kg(capsys, "query", "roles", "-d", str(example_dataset), "-f", "tsv")
    assert out.startswith("?personLabel\t?role") and '"Defence Minister"' in out


def test_query_file_ask(
    capsys: pytest.CaptureFixture[str], example_dataset: Path, tmp_path: Path
) -> None:
    path = tmp_path / "any.rq"
    path.write_text("PREFIX kgo: <https://example.org/kg/ontology#>\nASK { ?d a kgo:Deployment }\n")
    code, out, _ = kg(capsys, "query", str(path), "-d", str(example_dataset))
    assert (code, out.strip()) == (0, "true")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nope"], "no query named 'nope'"),
        (["timeline", "-p", "actor=not an iri"], "absolute IRI"),
        (["timeline", "-p", "who=x"], "has no parameter 'who'"),
        (["timeline", "-p", "actor"], "--param NAME=VALUE"),
    ],
)
def test_errors_exit_2(
    capsys: pytest.CaptureFixture[str], example_dataset: Path, args: list[str], message: str
) -> None:
    code, _, err = kg(capsys, "query", *args, "-d", str(example_dataset))
    assert code == 2 and message in err


def test_missing_dataset_says_how_to_build(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = kg(capsys, "query", "roles", "-d", str(tmp_path / "none"))
    assert code == 2 and "kg build" in err


def test_a_wide_table_fits_the_terminal(
    capsys: pytest.CaptureFixture[str], example_dataset: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The 18 columns of `deployments` fit a 240-column terminal, values cut with "…"; the
    CSV keeps them whole."""
    monkeypatch.setenv("COLUMNS", "240")
    code, out, _ = kg(capsys, "query", "deployments", "--dataset", str(example_dataset))
    assert code == 0
    table = out.splitlines()
    assert max(len(line) for line in table) <= 240 and "…" in out
    code, whole, _ = kg(
        capsys, "query", "deployments", "--dataset", str(example_dataset), "--format", "csv"
    )
    assert code == 0 and "…" not in whole and max(len(line) for line in whole.splitlines()) > 240


def test_a_store_of_an_older_kg_is_refused_until_rebuilt_or_opened_writable(
    capsys: pytest.CaptureFixture[str], example_dataset: Path, tmp_path: Path
) -> None:
    """A store without its default graph would answer every query with nothing: kg query
    says so and how to fix it; opening it writable computes the default graph."""
    old = outdated_copy(example_dataset, tmp_path)
    code, out, err = kg(capsys, "query", "requests", "-d", str(old))
    assert code == 2 and out == ""
    assert f"{old / 'store'}: this store was written by an older kg" in err
    assert f"rebuild the dataset with 'kg build FACTS --out {old}'" in err
    EmbeddedStore(old / "store").close()
    code, out, _ = kg(capsys, "query", "requests", "-d", str(old))
    assert code == 0 and out.rstrip().endswith("(3 rows)")
