"""Progress of the stages of long commands, their costs, and --time-limit."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from kg.cli import main
from kg.cli.options import ProgressPrinter
from kg.errors import TimeLimitError
from kg.progress import Costs, Stage

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


def test_costs_add_up_per_stage() -> None:
    costs, worker = Costs(), Costs()
    with costs.measure(Stage.STORE):
        _ = [0] * 1_000_000
    with worker.measure(Stage.STORE, peak=False):
        pass
    costs.merge(worker)
    store = costs.stages[Stage.STORE]
    assert store.calls == 2
    assert store.wall > 0 and store.cpu >= 0
    assert store.peak_mb > 5  # the list of a million references was resident


def test_a_log_gets_a_line_when_a_stage_ends_and_not_on_every_step() -> None:
    stream = io.StringIO()
    printer = ProgressPrinter("kg build", stream)
    for done in range(1, 101):
        printer(Stage.LOAD, done, 100)
    printer(Stage.STORE, 0, 1)
    printer(Stage.STORE, 1, 1)
    printer.close()
    lines = stream.getvalue().splitlines()
    assert [line.split("  (")[0] for line in lines] == [
        "kg build: load 1/100",  # the first step shows the command started
        "kg build: load 100/100",
        "kg build: load 100/100  store 1/1",
    ]


def test_build_time_limit_exits_124_and_leaves_the_dataset(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    facts = tmp_path / "examples" / "facts"
    out = tmp_path / "kg"
    assert main(["build", str(facts), "--out", str(out), "-j", "1"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    code = main(
        ["build", str(facts), "--out", str(out), "-j", "2", "--full", "--time-limit", "0.001"]
    )
    assert code == TimeLimitError.exit_code == 124
    err = capsys.readouterr().err
    assert "kg build did not finish within --time-limit 0.001 s" in err
    assert f"{out} stays as it was" in err
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["examples", "kg"]  # no temporary left


def test_push_progress_counts_the_graphs_sent() -> None:
    from kg.cli.push import _progress
    from kg.push import PushProgress

    stream = io.StringIO()
    printer = ProgressPrinter("kg push", stream)
    update = _progress(printer)
    assert update is not None and _progress(None) is None
    update(PushProgress("skip", "urn:g0", 0, 0, 2))
    update(PushProgress("put", "urn:g1", 10, 1, 2))
    update(PushProgress("put", "urn:g2", 10, 2, 2))
    assert [line.split("  (")[0] for line in stream.getvalue().splitlines()] == [
        "kg push: push 1/2",
        "kg push: push 2/2",
    ]
