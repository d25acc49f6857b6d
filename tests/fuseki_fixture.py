"""A real Apache Jena Fuseki for the tests: ``fuseki_url`` (session) and helpers.

If ``KG_FUSEKI_URL`` is set (``.ci/run`` starts Fuseki with ``scripts/fuseki start``), the
tests use that dataset and wipe it between tests; do not point it at data you want to
keep, nor share it between parallel test workers. Otherwise the session starts its own
Fuseki on a free port with ``scripts/fuseki`` and stops it at the end. If Fuseki cannot
be started the tests fail (never skip) with the script's message.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SCRIPT = REPO / "scripts" / "fuseki"

__all__ = [
    "SECURED_PASSWORD",
    "SECURED_USER",
    "FusekiServer",
    "fuseki_url",
    "secured_fuseki",
    "start_fuseki",
    "stop_fuseki",
]

SECURED_USER = "kg"
SECURED_PASSWORD = "s3cret"


@dataclass(frozen=True)
class FusekiServer:
    """A Fuseki started by ``scripts/fuseki``: its endpoint URL and port."""

    url: str

    @property
    def port(self) -> int:
        return int(self.url.split(":")[2].split("/")[0])

    @property
    def pid(self) -> int:
        home = Path(os.environ.get("KG_FUSEKI_HOME") or REPO / ".cache" / "fuseki")
        return int((home / "run" / str(self.port) / "fuseki.pid").read_text())


def start_fuseki(*args: str) -> FusekiServer:
    """``scripts/fuseki start ARGS``; fails the test with the script's message on error."""
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "start", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        pytest.fail(
            f"cannot start Fuseki with scripts/fuseki start {' '.join(args)} "
            f"(exit {proc.returncode}):\n{proc.stderr.strip()}",
            pytrace=False,
        )
    return FusekiServer(lines[-1])


def stop_fuseki(port: int) -> None:
    """``scripts/fuseki stop --port PORT``."""
    subprocess.run(
        [sys.executable, str(SCRIPT), "stop", "--port", str(port)],
        capture_output=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="session")
def fuseki_url() -> Iterator[str]:
    """The URL of an empty-at-start Fuseki dataset whose default graph is the union."""
    url = os.environ.get("KG_FUSEKI_URL")
    if url:
        yield url.rstrip("/")
        return
    server = start_fuseki("--port", "0")
    try:
        yield server.url
    finally:
        stop_fuseki(server.port)


@pytest.fixture(scope="session")
def secured_fuseki() -> Iterator[FusekiServer]:
    """A second real Fuseki that requires HTTP basic auth (SECURED_USER, SECURED_PASSWORD)."""
    server = start_fuseki("--port", "0", "--auth", f"{SECURED_USER}:{SECURED_PASSWORD}")
    try:
        yield server
    finally:
        stop_fuseki(server.port)
