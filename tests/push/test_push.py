"""kg push: reading a dataset, pushing it (embedded and real Fuseki), re-pushing, pushing
only what changed, converging after Fuseki dies mid-push, and the CLI's errors."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from fuseki_fixture import FusekiServer, start_fuseki, stop_fuseki

from kg.cli import main
from kg.errors import DataError, EndpointError, InputError, UsageError
from kg.push import PushProgress, meta_graph, push, read_dataset
from kg.rdf.ntriples import graph_hash
from kg.store import EmbeddedStore, FusekiStore, Store

EX = "https://example.org/kg/"
ARTICLES = [f"{EX}graph/article-{n}" for n in (1, 2, 3)]
ENTITIES = f"{EX}graph/entities"
SCHEMA = "http://schema.org/"


def _article(n: int, headline: str = "") -> list[str]:
    g = f"<{ARTICLES[n - 1]}>"
    a = f"<{EX}article/{n}>"
    e = f"<{EX}event/{n}/deployment-1>"
    return [
        f"{a} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{SCHEMA}NewsArticle> {g} .",
        f'{a} <{SCHEMA}headline> "{headline or f"Article {n}"}"@en {g} .',
        f"{e} <https://example.org/kg/ontology#sender> <{EX}id/organization/csto> {g} .",
        f'{e} <https://example.org/kg/ontology#troops> "{n}000"'
        f"^^<http://www.w3.org/2001/XMLSchema#integer> {g} .",
        f'{e} <https://example.org/kg/ontology#note> "quote \\" and }} ; DROP ALL ; #" {g} .',
    ]


LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ENTITY_LINES = [
    f'<{EX}id/organization/csto> {LABEL} "CSTO"@en <{ENTITIES}> .',
    f'<{EX}id/organization/csto> {LABEL} "ODKB"@id <{ENTITIES}> .',
]


def write_dataset(
    folder: Path,
    *,
    changed: int | None = None,
    manifest: bool = False,
    articles: tuple[int, ...] = (1, 2, 3),
) -> Path:
    """A dataset folder with (by default 3) article graphs and the entity graph (N-Quads)."""
    folder.mkdir(parents=True, exist_ok=True)
    lines: list[str] = []
    for n in articles:
        lines += _article(n, "Changed headline" if n == changed else "")
    lines += ENTITY_LINES
    (folder / "dataset.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    if manifest:
        data = read_dataset(folder)
        graphs = [{"iri": g.iri, "triples": g.triples, "sha256": g.sha256} for g in data.graphs]
        (folder / "manifest.json").write_text(json.dumps({"base": EX, "graphs": graphs}))
    return folder


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write_dataset(tmp_path / "dataset")


def _counts(store: Store) -> dict[str, int]:
    result = store.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in result.rows}


EXPECTED = {ARTICLES[0]: 5, ARTICLES[1]: 5, ARTICLES[2]: 5, ENTITIES: 2}


# --- reading a dataset -------------------------------------------------------------------


def test_read_dataset_computes_the_manifest(dataset: Path) -> None:
    data = read_dataset(dataset)
    assert {g.iri: g.triples for g in data.graphs} == EXPECTED
    entry = next(g for g in data.graphs if g.iri == ENTITIES)
    assert entry.sha256 == graph_hash(line.rsplit(" <", 1)[0] + " ." for line in ENTITY_LINES)
    assert data.ntriples(ENTITIES).count("\n") == 2


def test_read_dataset_uses_the_manifest(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path / "d", manifest=True)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["graphs"][0]["sha256"] = "0" * 64
    (folder / "manifest.json").write_text(json.dumps(manifest))
    assert read_dataset(folder).graphs[0].sha256 == "0" * 64


def test_manifest_that_disagrees_is_a_data_error(tmp_path: Path) -> None:
    folder = write_dataset(tmp_path / "d", manifest=True)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["graphs"][0]["triples"] = 99
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(DataError, match=r"99 triples in the manifest but 5 in dataset\.nq"):
        read_dataset(folder)


def test_bad_nquads_line_names_file_and_line(dataset: Path) -> None:
    with (dataset / "dataset.nq").open("a") as out:
        out.write("<a> <b> oops .\n")
    with pytest.raises(InputError, match=r"dataset.nq:18:1: not an N-Quads statement \(No scheme"):
        read_dataset(dataset)


def test_missing_dataset_says_to_build(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="kg build"):
        read_dataset(tmp_path)


def test_default_graph_triples_are_counted_not_pushed(dataset: Path) -> None:
    with (dataset / "dataset.nq").open("a") as out:
        out.write(f"<{EX}dataset> <http://rdfs.org/ns/void#triples> <{EX}x> .\n")
    store = EmbeddedStore()
    report = push(dataset, store)
    assert report.default_graph_triples == 1
    assert store.count_triples() == 17 + 8  # data + metadata (2 per graph)


# --- pushing to the embedded store (fast) ----------------------------------------------------


def test_push_and_repush_embedded(dataset: Path) -> None:
    store = EmbeddedStore()
    first = push(dataset, store)
    assert sorted(first.pushed) == sorted(EXPECTED)
    push(dataset, store)
    counts = _counts(store)
    assert {g: counts[g] for g in EXPECTED} == EXPECTED
    assert store.graph_names() == sorted([*EXPECTED, meta_graph(EX)])


def test_graphs_no_longer_in_the_dataset_are_reported_then_pruned(
    dataset: Path, tmp_path: Path
) -> None:
    store = EmbeddedStore()
    push(dataset, store)
    foreign = f"{EX}graph/someone-else"
    store.replace_graph(foreign, f'<{EX}x> <{EX}p> "kept" .\n')
    smaller = write_dataset(tmp_path / "smaller", articles=(1, 2))
    report = push(smaller, store)
    assert report.stale == [ARTICLES[2]] and not report.pruned
    assert "1 graph(s) pushed earlier are no longer in the dataset (--prune" in report.summary()
    assert report.extra_graphs == [foreign]
    assert _counts(store)[ARTICLES[2]] == 5, "reported, not deleted"
    pruned = push(smaller, store, only_changed=True, prune=True)
    assert pruned.pushed == [] and pruned.stale == [ARTICLES[2]] and pruned.pruned
    assert "deleted 1 graph(s) no longer in the dataset" in pruned.summary()
    assert ARTICLES[2] not in _counts(store)
    assert _counts(store)[foreign] == 1, "a graph kg never pushed is left alone"
    recorded = store.select(f"SELECT ?g WHERE {{ GRAPH <{meta_graph(EX)}> {{ ?g ?p ?o }} }}")
    assert ARTICLES[2] not in {row["g"].value for row in recorded.rows}
    assert push(smaller, store, prune=True).stale == []


def test_retries_transient_errors_with_backoff(dataset: Path) -> None:
    class Flaky(EmbeddedStore):
        failures = 2

        def replace_graph(self, graph: str, data: str, **kwargs: object) -> None:
            if self.failures:
                self.failures -= 1
                raise EndpointError("http://x/kg: PUT failed: connection refused", transient=True)
            super().replace_graph(graph, data)

    waits: list[float] = []
    report = push(dataset, Flaky(), backoff=0.5, sleep=waits.append)
    assert waits == [0.5, 1.0]
    assert report.retries == 2
    assert len(report.pushed) == 4


# --- against a real Fuseki --------------------------------------------------------------------


@pytest.fixture
def fuseki(fuseki_url: str) -> Iterator[FusekiStore]:
    store = FusekiStore(fuseki_url, timeout=30)
    store.update("DROP ALL")
    yield store
    store.update("DROP ALL")
    store.close()


@pytest.mark.fuseki
def test_push_repush_no_duplicates(fuseki: FusekiStore, dataset: Path) -> None:
    report = push(dataset, fuseki)
    assert report.triples_pushed == 17
    assert {g: fuseki.graph_counts()[g] for g in EXPECTED} == EXPECTED
    again = push(dataset, fuseki)
    assert len(again.pushed) == 4
    assert {g: fuseki.graph_counts()[g] for g in EXPECTED} == EXPECTED
    assert fuseki.count_triples() == 17 + 8


@pytest.mark.fuseki
def test_only_changed_pushes_only_the_changed_graph(
    fuseki: FusekiStore, dataset: Path, tmp_path: Path
) -> None:
    push(dataset, fuseki, only_changed=True)
    unchanged = push(dataset, fuseki, only_changed=True)
    assert unchanged.pushed == []
    assert len(unchanged.unchanged) == 4
    changed = write_dataset(tmp_path / "changed", changed=2)
    puts: list[PushProgress] = []
    report = push(changed, fuseki, only_changed=True, progress=puts.append)
    assert report.pushed == [ARTICLES[1]]
    assert [p.graph for p in puts if p.action == "put"] == [ARTICLES[1]]
    assert '"Changed headline"@en' in fuseki.get_graph(ARTICLES[1])
    assert fuseki.count_triples(ARTICLES[1]) == 5


@pytest.mark.fuseki
def test_only_changed_repairs_a_graph_changed_behind_its_back(
    fuseki: FusekiStore, dataset: Path
) -> None:
    push(dataset, fuseki)
    fuseki.update(f"DELETE WHERE {{ GRAPH <{ARTICLES[0]}> {{ ?s <{SCHEMA}headline> ?o }} }}")
    report = push(dataset, fuseki, only_changed=True)
    assert report.pushed == [ARTICLES[0]]
    assert fuseki.count_triples(ARTICLES[0]) == 5


@pytest.mark.fuseki
@pytest.mark.slow
def test_push_converges_after_fuseki_dies_mid_push(dataset: Path, tmp_path: Path) -> None:
    """Fuseki (TDB2 on disk) is killed after the 2nd PUT; restarted, a re-run completes."""
    data_dir = tmp_path / "tdb2"
    server = start_fuseki("--port", "0", "--data", str(data_dir))
    try:
        store = FusekiStore(server.url, timeout=10)

        def kill_after_second_put(event: PushProgress) -> None:
            if event.action == "put" and event.done == 2:
                os.kill(server.pid, signal.SIGKILL)

        with pytest.raises(EndpointError, match="connection refused"):
            push(
                dataset,
                store,
                batch_size=1,
                retries=1,
                backoff=0.01,
                progress=kill_after_second_put,
            )
        stop_fuseki(server.port)
        restarted = start_fuseki("--port", str(server.port), "--data", str(data_dir))
        assert restarted.url == server.url
        counts = store.graph_counts()
        assert counts[ARTICLES[0]] == 5  # committed before the kill
        report = push(dataset, store, only_changed=True, batch_size=1)
        assert ARTICLES[0] in report.unchanged  # its hash was recorded after its PUT
        assert sorted(report.pushed) == sorted(set(EXPECTED) - {ARTICLES[0]})
        counts = store.graph_counts()
        assert {g: counts[g] for g in EXPECTED} == EXPECTED
        assert push(dataset, store, only_changed=True).pushed == []
        store.close()
    finally:
        stop_fuseki(server.port)


# --- the CLI: exit code 2 and one clear line ---------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["push", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_endpoint_down(dataset: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = "http://127.0.0.1:9/kg"
    code, _out, err = _run(capsys, str(dataset), "--endpoint", url, "--retries", "0")
    assert code == 2
    assert err.count("\n") == 1
    assert err.startswith(f"kg: error: {url}: ")
    assert "connection refused" in err


def test_cli_missing_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _run(capsys, str(tmp_path / "nope"), "--endpoint", "http://127.0.0.1:9/kg")
    assert code == 2
    assert "run 'kg build'" in err


@pytest.mark.fuseki
def test_cli_push(
    fuseki: FusekiStore, dataset: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = _run(capsys, str(dataset), "--endpoint", fuseki.endpoint)
    assert code == 0
    assert out.startswith("pushed 4 of 4 graphs (17 triples)")
    code, out, _err = _run(capsys, str(dataset), "--endpoint", fuseki.endpoint, "--only-changed")
    assert code == 0
    assert "pushed 0 of 4 graphs" in out and "4 unchanged" in out
    smaller = write_dataset(tmp_path / "smaller", articles=(2, 3))
    code, out, _err = _run(capsys, str(smaller), "--endpoint", fuseki.endpoint, "--prune")
    assert code == 0
    assert "pushed 3 of 3 graphs" in out and "deleted 1 graph(s)" in out
    assert ARTICLES[0] not in fuseki.graph_counts()


@pytest.mark.fuseki
@pytest.mark.slow
def test_cli_401_and_basic_auth(
    secured_fuseki: FusekiServer, dataset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = secured_fuseki.url
    code, _out, err = _run(capsys, str(dataset), "--endpoint", url)
    assert code == 2
    assert err.count("\n") == 1
    assert "HTTP 401" in err and url in err and "--user" in err
    code, _out, err = _run(
        capsys, str(dataset), "--endpoint", url, "--user", "kg", "--password", "no"
    )
    assert code == 2 and "HTTP 401" in err
    code, out, _err = _run(
        capsys, str(dataset), "--endpoint", url, "--user", "kg", "--password", "s3cret"
    )
    assert code == 0, _err
    assert out.startswith("pushed 4 of 4 graphs")
    store = FusekiStore(url, user="kg", password="s3cret")
    assert store.ask("ASK { ?s ?p ?o }")
    store.close()
