"""Interrupted and failed builds leave the previous dataset and its store as they were.

A build of a few hundred synthetic articles (bench/bench_build.py's corpus) is stopped by
SIGINT (exit 130) or SIGTERM (exit 143) while it maps and while it writes the formats and
the store, sent to the process or to its whole process group (as Ctrl-C does). Afterwards
the previous dataset is byte for byte the same and can be queried, no temporary directory
and no worker process is left, and the next build succeeds. Failures half way (disk full,
a rename that fails during the swap, SIGKILL) are checked too.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from process_group import alive_in_group

from kg.build.dataset import DatasetWriter
from kg.cli import EXIT_INTERRUPTED, EXIT_TERMINATED, main
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store.embedded import EmbeddedStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_build import write_corpus

pytestmark = pytest.mark.slow

ARTICLES = 300
DEPLOYMENTS = (
    "PREFIX kgo: <https://example.org/kg/ontology#> "
    "SELECT (COUNT(?d) AS ?n) WHERE { ?d a kgo:Deployment }"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "facts"
    write_corpus(folder, ARTICLES)
    return folder


@pytest.fixture(scope="module")
def previous(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset of the first 100 articles: what a later build of all 300 would replace."""
    small = tmp_path_factory.mktemp("small")
    for path in sorted(corpus.iterdir())[:100]:
        shutil.copy(path, small / path.name)
    out = tmp_path_factory.mktemp("previous") / "kg"
    assert main(["build", str(small), "--out", str(out), "-j", "2"]) == 0
    return out


@pytest.fixture
def out(previous: Path, tmp_path: Path) -> Path:
    target = tmp_path / "site" / "kg"
    shutil.copytree(previous, target)
    return target


def snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def deployments(folder: Path) -> int:
    store = EmbeddedStore(folder / "store", read_only=True)
    try:
        return int(store.select(DEPLOYMENTS).rows[0]["n"].value)
    finally:
        store.close()


def leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


def start_build(corpus: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-j", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, like a shell job
    )


def wait_for(check: Callable[[], bool], process: subprocess.Popen[str], what: str) -> None:
    deadline = time.monotonic() + 120
    while not check():
        assert process.poll() is None, f"the build ended before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)


def _tmp(out: Path) -> list[Path]:
    return list(out.parent.glob(f".{out.name}.tmp-*"))


def mapping(out: Path) -> bool:
    """Articles are being mapped and streamed into the temporary dataset.nq."""
    return any(
        (t / "dataset.nq").is_file() and (t / "dataset.nq").stat().st_size for t in _tmp(out)
    )


def writing(out: Path) -> bool:
    """Mapping is over: the store and the other formats are being written."""
    return any((t / "store").exists() for t in _tmp(out))


MOMENTS = {"mapping": mapping, "writing": writing}
SIGNALS = {
    "SIGINT": (signal.SIGINT, EXIT_INTERRUPTED),
    "SIGTERM": (signal.SIGTERM, EXIT_TERMINATED),
}


@pytest.mark.parametrize("to_group", [False, True], ids=["process", "group"])
@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("name", list(SIGNALS))
def test_signal_leaves_the_previous_dataset(
    corpus: Path, out: Path, name: str, moment: str, to_group: bool
) -> None:
    before = snapshot(out)
    number, code = SIGNALS[name]
    process = start_build(corpus, out)
    wait_for(lambda: MOMENTS[moment](out), process, moment)
    if to_group:
        os.killpg(process.pid, number)
    else:
        process.send_signal(number)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == code, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().endswith("interrupted" if number == signal.SIGINT else "terminated")
    assert snapshot(out) == before, "the previous dataset is unchanged"
    assert deployments(out) == 100, "and its store answers queries"
    assert leftovers(out) == [], "no temporary directory is left"
    time.sleep(0.5)
    assert alive_in_group(process.pid) == [], "no worker process is left"


def test_a_second_run_after_an_interrupt_succeeds(corpus: Path, out: Path) -> None:
    process = start_build(corpus, out)
    wait_for(lambda: mapping(out), process, "mapping")
    process.send_signal(signal.SIGINT)
    assert process.wait(60) == EXIT_INTERRUPTED
    assert main(["build", str(corpus), "--out", str(out), "-j", "2"]) == 0
    assert deployments(out) == ARTICLES
    assert leftovers(out) == []


def test_after_sigkill_the_next_build_succeeds_and_clears_the_debris(
    corpus: Path, out: Path
) -> None:
    before = snapshot(out)
    process = start_build(corpus, out)
    wait_for(lambda: mapping(out), process, "mapping")
    os.killpg(process.pid, signal.SIGKILL)  # no chance to clean up
    process.wait(30)
    assert snapshot(out) == before and deployments(out) == 100
    assert len(_tmp(out)) == 1, "a killed build leaves its temporary directory..."
    assert main(["build", str(corpus), "--out", str(out), "-j", "2"]) == 0
    assert leftovers(out) == [], "...which the next build removes"
    assert deployments(out) == ARTICLES


def _dead_pid() -> int:
    finished = subprocess.Popen(["true"])
    finished.wait()
    return finished.pid


def test_a_build_killed_during_the_swap_is_repaired_by_the_next(corpus: Path, out: Path) -> None:
    before = snapshot(out)
    pid = _dead_pid()
    # Killed between the two renames: the previous dataset aside, the new one not yet in.
    old = out.parent / f".{out.name}.old-{pid}"
    out.rename(old)
    (out.parent / f".{out.name}.tmp-{pid}").mkdir()
    with DatasetWriter(out, base=DEFAULT_BASE):
        pass  # the next build, stopped before it writes anything
    assert snapshot(out) == before, "the previous dataset is back"
    assert leftovers(out) == []
    # Killed after the swap, before the previous dataset was removed.
    shutil.copytree(out, old)
    assert main(["build", str(corpus), "--out", str(out), "-j", "2"]) == 0
    assert leftovers(out) == []
    assert deployments(out) == ARTICLES


def _fail_with(exc: BaseException) -> Callable[..., object]:
    def fail(*_args: object, **_kwargs: object) -> object:
        raise exc

    return fail


@pytest.mark.parametrize(
    ("target", "exc", "code"),
    [
        ("kg.build.dataset._write_jsonld", OSError(28, "No space left on device"), 2),
        ("kg.store.embedded.EmbeddedStore.load_named", OSError(5, "Input/output error"), 2),
        ("kg.build.dataset.void_statements", KeyboardInterrupt(), EXIT_INTERRUPTED),
    ],
    ids=["disk-full", "io-error", "interrupt-in-void"],
)
def test_a_failure_half_way_leaves_the_previous_dataset(
    corpus: Path,
    out: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    target: str,
    exc: BaseException,
    code: int,
) -> None:
    before = snapshot(out)
    monkeypatch.setattr(target, _fail_with(exc))
    assert main(["build", str(corpus), "--out", str(out), "-j", "2"]) == code
    err = capsys.readouterr().err
    if code == 2:
        assert f"cannot write the dataset to {out}" in err or "cannot load" in err, err
    assert snapshot(out) == before
    assert deployments(out) == 100
    assert leftovers(out) == []


def test_a_failed_swap_puts_the_previous_dataset_back(
    corpus: Path, out: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The old dataset is moved aside, then the new one fails to move in: roll back."""
    before = snapshot(out)
    real_rename = Path.rename

    def rename(self: Path, target: str | Path) -> Path:
        if ".tmp-" in self.name and Path(target) == out:
            raise OSError(18, "Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    assert main(["build", str(corpus), "--out", str(out), "-j", "2"]) == 2
    assert "Invalid cross-device link" in capsys.readouterr().err
    assert snapshot(out) == before
    assert deployments(out) == 100
    assert leftovers(out) == []
