"""``kg serve`` for the tests: in this process (fast), or a real server (slow).

In-process, :class:`App` runs the very application ``kg serve`` runs, lifespan and query
worker processes included, through Starlette's TestClient (httpx, without a socket): one
query worker and no spare ones, so it starts two processes (the worker and the standby
that replaces a stopped one) instead of five. Only the HTTP server (uvicorn) and the
socket are left out; the real-server tests (:class:`Server`, marked slow) cover those.

Both are httpx clients whose paths are relative to the server (``server.get("sparql")``),
so a test reads the same against either:

- ``server``: the example dataset, read-only, 2 s query timeout, at most 50 rows.
- ``writable_server``: a copy of the example dataset with an update token.
- ``evil_server``: a tiny dataset whose names contain markup (HTML-escaping tests).
- ``hub_server``: an organization named in more articles than a page lists (paging tests).
- ``live_server``, ``live_writable_server``: the first two as real ``kg serve`` processes on
  127.0.0.1 (``start_server``, ``start_writable_copy``: others).
- ``outdated_copy``: a copy of a dataset as an older kg wrote it (no default graph).
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph
import pytest

from kg.cli import main as kg_main
from kg.serve.app import create_app
from kg.serve.pages import PAGE_SIZE
from kg.serve.settings import Settings

with warnings.catch_warnings():
    # Starlette asks to move its TestClient from httpx to the fork httpx2; kg uses httpx
    warnings.filterwarnings("ignore", "Using `httpx` with `starlette.testclient`")
    from starlette.testclient import TestClient

__all__ = [
    "EVIL_FACTS",
    "HUB",
    "HUB_ARTICLES",
    "HUB_FACTS",
    "TOKEN",
    "App",
    "Server",
    "evil_server",
    "hub_dataset",
    "hub_server",
    "live_server",
    "live_writable_server",
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


class Server(httpx.Client):
    """A running ``kg serve`` process, and an HTTP client of it (paths relative to its URL)."""

    def __init__(
        self, url: str, dataset: Path, process: subprocess.Popen[str], banner: str
    ) -> None:
        super().__init__(base_url=url)
        self.url = url
        self.dataset = dataset
        self.process = process
        self.banner = banner

    def stop(self) -> None:
        self.close()
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)


class App(TestClient):
    """``kg serve``'s application on ``dataset`` run in this process; use it in a ``with``
    block, which starts and stops its worker processes."""

    def __init__(self, dataset: Path, **settings: Any) -> None:
        values = {"workers": 1, "extra_workers": 0, **settings}
        super().__init__(
            create_app(Settings.create(dataset, **values)),
            base_url="http://testserver",
            follow_redirects=False,  # as httpx and the real server: a redirect is an answer
            raise_server_exceptions=False,  # as the real server: an error is a 500
        )
        self.url = "http://testserver/"
        self.dataset = dataset

    def request(self, *args: Any, **kwargs: Any) -> httpx.Response:  # type: ignore[override]
        """A request; a ``timeout`` is dropped: without a socket there is none to wait on."""
        kwargs.pop("timeout", None)
        return super().request(*args, **kwargs)


def writable_app(dataset: Path, tmp_path_factory: pytest.TempPathFactory, **settings: Any) -> App:
    """An :class:`App` on a copy of ``dataset`` with the update token ``TOKEN``."""
    copy = tmp_path_factory.mktemp("writable") / "kg"
    shutil.copytree(dataset, copy)
    with pytest.MonkeyPatch.context() as env:
        env.setenv("KG_TEST_TOKEN", TOKEN)
        return App(copy, update_token_env="KG_TEST_TOKEN", **settings)


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
def server(example_dataset: Path) -> Iterator[App]:
    """The example dataset served read-only with a 2 s timeout and at most 50 rows."""
    with App(example_dataset, timeout=2, max_rows=50) as app:
        yield app


@pytest.fixture(scope="session")
def live_server(example_dataset: Path) -> Iterator[Server]:
    """``server`` as a real ``kg serve`` process, with two workers."""
    s = start_server(example_dataset, "--timeout", "2", "--max-rows", "50", "--workers", "2")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def writable_server(
    example_dataset: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[App]:
    """A copy of the example dataset served with an update token."""
    with writable_app(example_dataset, tmp_path_factory) as app:
        yield app


@pytest.fixture(scope="module")
def live_writable_server(
    example_dataset: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """``writable_server`` as a real ``kg serve`` process."""
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
def evil_server(evil_dataset: Path) -> Iterator[App]:
    """The markup dataset served read-only."""
    with App(evil_dataset) as app:
        yield app


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
def hub_server(hub_dataset: Path) -> Iterator[App]:
    """The hub dataset served read-only."""
    with App(hub_dataset) as app:
        yield app
