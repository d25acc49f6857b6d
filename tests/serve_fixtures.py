"""Real ``kg serve`` servers for the tests, each a subprocess on 127.0.0.1 on a free port.

- ``server``: the example dataset, read-only, 2 s query timeout, at most 50 rows.
- ``writable_server``: a copy of the example dataset with an update token.
- ``evil_server``: a tiny dataset whose names contain markup (HTML-escaping tests).
- ``hub_server``: an organization named in more articles than a page lists (paging tests).
- ``outdated_copy``: a copy of a dataset as an older kg wrote it (no default graph).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyoxigraph
import pytest

from kg.cli import main as kg_main
from kg.serve.pages import PAGE_SIZE

__all__ = [
    "EVIL_FACTS",
    "HUB",
    "HUB_ARTICLES",
    "HUB_FACTS",
    "TOKEN",
    "Server",
    "evil_server",
    "hub_dataset",
    "hub_server",
    "outdated_copy",
    "server",
    "start_server",
    "start_writable_copy",
    "writable_server",
]

TOKEN = "test-token-0123456789abcdef"
EVIL_FACTS = """\
format: kg-facts/1
article:
  id: evil-test
  title: 'Crowd gathers as <b>"Evil" & Co</b> arrives'
  publisher: <script>alert("pub")</script>
  published: '2024-02-03'
  language: en
  url: https://news.example/evil
entities:
- id: evil
  type: Organization
  names:
  - <script>alert("x")</script> "Evil" & 'Co'
- id: nowhere
  type: Location
  names:
  - Nowhere
deployments:
- id: evil_nowhere
  by: evil
  to: nowhere
  status: planned
  evidence:
  - {start: 0, end: 22, text: '<img src=x onerror=1>!'}
protests:
- id: placeless
  causes:
  - <i>unknown</i>
  evidence:
  - {start: 30, end: 40, text: 'a protest!'}
"""

HUB = "https://example.org/kg/id/organization/hub-alliance"
HUB_ARTICLES = PAGE_SIZE + 13
"""Articles naming the hub: a page of its lists and part of a second."""
HUB_FACTS = """\
format: kg-facts/1
article:
  id: hub-{n:03d}
  title: Report {n} on the Hub Alliance
  publisher: Hub Wire
  published: '2024-02-03'
  language: en
  url: https://news.example/hub/{n}
entities:
- id: hub
  type: Organization
  names:
  - Hub Alliance
  evidence:
  - {{start: 0, end: 12, text: 'Hub Alliance'}}
- id: place
  type: Location
  names:
  - Place {n}
deployments:
- id: mission
  by: hub
  to: place
  status: planned
  evidence:
  - {{start: 20, end: 28, text: 'sent {n:03d}'}}
"""


@dataclass
class Server:
    """A running ``kg serve``: its URL, dataset and process."""

    url: str
    dataset: Path
    process: subprocess.Popen[str]
    banner: str

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


def start_server(dataset: Path, *args: str, env: dict[str, str] | None = None) -> Server:
    """``python -m kg serve DATASET --port 0 ARGS`` and wait until it answers."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(dataset), "--port", "0", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})},
    )
    assert process.stdout is not None
    lines: list[str] = []
    while True:
        ready, _, _ = select.select([process.stdout], [], [], 60)
        line = process.stdout.readline() if ready else ""
        if not line:
            process.kill()
            pytest.fail(f"kg serve did not start:\n{''.join(lines)}", pytrace=False)
        lines.append(line)
        if " on http://" in line:
            break
    url = line.split(" on ", 1)[1].split()[0]
    for _ in range(200):
        try:
            if httpx.get(url + "sparql", timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            pytest.fail(f"kg serve exited:\n{''.join(lines)}{process.stdout.read()}")
        select.select([], [], [], 0.1)
    return Server(url, dataset, process, "".join(lines))


@pytest.fixture(scope="session")
def server(example_dataset: Path) -> Iterator[Server]:
    """The example dataset served read-only with a 2 s timeout and at most 50 rows."""
    s = start_server(example_dataset, "--timeout", "2", "--max-rows", "50", "--workers", "2")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def writable_server(
    example_dataset: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """A copy of the example dataset served with an update token."""
    s = start_writable_copy(example_dataset, tmp_path_factory)
    yield s
    s.stop()


def start_writable_copy(
    dataset: Path, tmp_path_factory: pytest.TempPathFactory, *args: str
) -> Server:
    """Serve a copy of ``dataset`` with the update token ``TOKEN`` (and options ``args``)."""
    copy = tmp_path_factory.mktemp("writable") / "kg"
    shutil.copytree(dataset, copy)
    return start_server(
        copy, "--update-token-env", "KG_TEST_TOKEN", *args, env={"KG_TEST_TOKEN": TOKEN}
    )


def outdated_copy(dataset: Path, folder: Path) -> Path:
    """A copy of ``dataset`` in ``folder/kg`` whose store has named graphs but an empty
    default graph, as kg wrote stores before the default graph was materialised."""
    copy = folder / "kg"
    shutil.copytree(dataset, copy)
    store = pyoxigraph.Store(str(copy / "store"))
    store.clear_graph(pyoxigraph.DefaultGraph())
    store.flush()
    del store
    return copy


@pytest.fixture(scope="session")
def evil_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A one-article dataset whose names, title and publisher contain markup and quotes."""
    folder = tmp_path_factory.mktemp("evil")
    (folder / "facts").mkdir()
    (folder / "facts" / "evil.yaml").write_text(EVIL_FACTS, encoding="utf-8")
    assert kg_main(["build", str(folder / "facts"), "--out", str(folder / "kg")]) == 0
    return folder / "kg"


@pytest.fixture(scope="session")
def evil_server(evil_dataset: Path) -> Iterator[Server]:
    """The markup dataset served read-only."""
    s = start_server(evil_dataset)
    yield s
    s.stop()


@pytest.fixture(scope="session")
def hub_dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An organization, the hub, named in :data:`HUB_ARTICLES` articles, each sending it
    on a deployment: more mentions, evidence, deployments and graphs than a page lists."""
    folder = tmp_path_factory.mktemp("hub")
    (folder / "facts").mkdir()
    for n in range(HUB_ARTICLES):
        path = folder / "facts" / f"hub-{n:03d}.yaml"
        path.write_text(HUB_FACTS.format(n=n), encoding="utf-8")
    assert kg_main(["build", str(folder / "facts"), "--out", str(folder / "kg"), "-j", "1"]) == 0
    return folder / "kg"


@pytest.fixture(scope="session")
def hub_server(hub_dataset: Path) -> Iterator[Server]:
    """The hub dataset served read-only."""
    s = start_server(hub_dataset)
    yield s
    s.stop()
