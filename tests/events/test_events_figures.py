"""What the build works out of each event's reports (kg/events/figures.py), checked against
the article graphs.

``tests/events/reference/`` keeps ``events.rq``, ``disagreements.rq`` and ``event-reports.rq``
as they were when they computed everything from the reports' article graphs at query time;
the library's queries now read the figures and the pairs that the build states in the events
graph (and sort on keys they make). On
every golden case of ``tests/events/golden`` (and, in the slow test, on a generated corpus
with thousands of linked reports) both must give the same rows, term for term and in the
same order.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from kg.build import compile_facts, facts_files
from kg.build.dataset import write_dataset
from kg.events.figures import disagreements, summary
from kg.events.linking import Event, Link
from kg.events.reports import Figure, Report
from kg.queries import find_query, parse_query, run_select
from kg.rdf.iris import Iris
from kg.rdf.namespaces import DEFAULT_BASE
from kg.store.base import Term
from kg.store.embedded import EmbeddedStore

REPO = Path(__file__).resolve().parents[2]
GOLDEN = REPO / "tests" / "events" / "golden"
REFERENCE = REPO / "tests" / "events" / "reference"

sys.path.insert(0, str(REPO / "bench"))
from bench_build import write_corpus  # noqa: E402


def built(tmp: Path, sources: list[Path]) -> EmbeddedStore:
    compiled = compile_facts(facts_files(sources), base=DEFAULT_BASE, jobs=1)
    assert compiled.report.conforms, compiled.report.to_text()
    write_dataset(compiled, tmp / "kg", base=DEFAULT_BASE)
    return EmbeddedStore(tmp / "kg" / "store", read_only=True)


def rows(store: EmbeddedStore, name: str, **params: str) -> list[dict[str, Term]]:
    query = parse_query((REFERENCE / f"{name}.rq").read_text(encoding="utf-8"))
    reference = run_select(store, query, params)
    library = run_select(store, find_query(name), params)
    assert library.variables == reference.variables, name
    assert library.rows == reference.rows, name
    return library.rows


@pytest.fixture(params=sorted(p.name for p in GOLDEN.iterdir() if p.is_dir()))
def golden_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[EmbeddedStore]:
    case = GOLDEN / request.param
    sources = [REPO / (case / "input").read_text().strip()]
    if (case / "events.yaml").exists():
        sources.append(case / "events.yaml")
    store = built(tmp_path, sources)
    yield store
    store.close()


def test_the_queries_answer_as_the_article_graphs_do(golden_store: EmbeddedStore) -> None:
    events = rows(golden_store, "events")
    assert len(events) == 9 and events[0]["reports"].value == "2"
    assert len(rows(golden_store, "events", type="protest")) == 3
    (disagreement,) = rows(golden_store, "disagreements")
    assert disagreement["measure"].value == "troops"
    assert len(rows(golden_store, "event-reports")) == 11
    event = disagreement["realEvent"].value
    assert [r["report"] for r in rows(golden_store, "event-reports", event=event)] == [
        disagreement["event2"],
        disagreement["event1"],
    ], "the Indonesian report (published first) first"


def test_a_publisher_named_two_ways_keeps_each_article_s_name(tmp_path: Path) -> None:
    """Names with one slug make one publisher IRI with two names in the merged graph; each
    article's row still shows the name its own graph states."""
    facts = tmp_path / "facts"
    shutil.copytree(REPO / "examples" / "facts", facts)
    shutil.copytree(REPO / "examples" / "articles", tmp_path / "articles")
    english = facts / "en-csto-kazakhstan-2022.yaml"
    english.write_text(
        english.read_text().replace("publisher: Harbour Wire", "publisher: WARTA NUSANTARA")
    )
    store = built(tmp_path, [facts])
    try:
        (row,) = rows(store, "disagreements")
        assert {row["publisher1"].value, row["publisher2"].value} == {
            "WARTA NUSANTARA",
            "Warta Nusantara",
        }
        assert rows(store, "events")[0]["outlets"].value == "1"
        assert len(rows(store, "event-reports")) == 11
    finally:
        store.close()


@pytest.mark.slow
def test_the_queries_answer_as_the_article_graphs_do_on_many_reports(tmp_path: Path) -> None:
    write_corpus(tmp_path / "facts", 300)
    store = built(tmp_path, [tmp_path / "facts"])
    try:
        events = rows(store, "events")
        assert len(events) > 100 and events[0]["reports"].value == "2"
        assert len(rows(store, "events", type="deployment")) < len(events)
        assert len(rows(store, "disagreements")) >= 10
        assert len(rows(store, "event-reports")) == 600
    finally:
        store.close()


def report(article: str, published: int | None, publisher: str | None, **figures: Figure) -> Report:
    return Report(
        ref=f"{article}/protest/p",
        iri=f"{DEFAULT_BASE}article/{article}/protest/p",
        kind="protest",
        article=article,
        published=dt.date(2024, 5, published) if published else None,
        publisher=publisher,
        figures=tuple(figures.items()),
        start=(dt.date(2024, 5, 1), dt.date(2024, 5, 31)) if published == 2 else None,
    )


def event(*reports: Report) -> Event:
    return Event("https://x/e", reports[0].kind, tuple(Link(r, (), "") for r in reports))


def test_summary_counts_outlets_once_and_leaves_out_what_no_report_states() -> None:
    s = summary(
        event(
            report("c", 3, "pub/a", deaths=Figure("exact", 3)),
            report("a", 2, "pub/a"),
            report("b", None, None),
        )
    )
    assert (s.reports, s.outlets) == (3, 1)
    assert (s.first_published, s.last_published) == (dt.date(2024, 5, 2), dt.date(2024, 5, 3))
    assert (s.start_earliest, s.start_latest) == (dt.date(2024, 5, 1), dt.date(2024, 5, 31))
    assert (s.troops_min, s.troops_max) == (None, None), "a protest states no troops"


def test_disagreements_pair_different_claims_once_first_graph_first() -> None:
    about = Figure("approximately", 40)
    pairs = disagreements(
        event(
            report("b", 1, None, deaths=about, arrests=Figure("exact", 5)),
            report("a", 2, None, deaths=Figure("at_least", 40, min=40), arrests=Figure("exact", 5)),
            report("c", 3, None, deaths=about),
            report("d", 4, None),
        ),
        Iris(),
    )
    found = [(d.measure, d.one.article, d.other.article) for d in pairs]
    assert found == [("deaths", "a", "b"), ("deaths", "a", "c")], "b and c agree; arrests agree"


def test_reports_of_one_article_never_disagree() -> None:
    one = report("a", 1, None, deaths=Figure("exact", 1))
    other = replace(
        one, ref="a/protest/q", iri=one.iri + "q", figures=(("deaths", Figure("exact", 2)),)
    )
    assert list(disagreements(event(one, other), Iris())) == []
