"""Starting query workers (kg/serve/pool.py): a worker that cannot open its store says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import StoreError
from kg.serve import worker
from kg.serve.pool import spawn


def test_a_worker_that_cannot_open_the_store_is_reported_without_a_traceback(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    """A checkpoint removed while a standby worker starts: the pool gets a StoreError it
    handles, and the worker leaves no traceback in the server's log."""
    missing = tmp_path / "gone"
    with pytest.raises(StoreError, match=r"could not open the store in .*gone"):
        spawn(worker.main, str(missing), "kg-query-worker", 512)
    assert "Traceback" not in capfd.readouterr().err


def test_a_worker_opens_the_store_and_says_it_is_ready(example_dataset: Path) -> None:
    process, conn = spawn(worker.main, str(example_dataset / "store"), "kg-query-worker", 512)
    try:
        assert process.is_alive()
    finally:
        conn.send(None)
        process.join(10)
    assert process.exitcode == 0
