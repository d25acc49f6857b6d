"""Incremental builds: a rebuild reuses unchanged articles and writes the same bytes as a
clean build; anything that makes the cache untrustworthy gives a full build, and says why."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg import api
from kg.build import compile as compile_module
from kg.build import compile_facts, facts_files
from kg.build import dataset as dataset_module
from kg.build.cache import CACHE_FILE, decode_report, encode_report
from kg.cli import main
from kg.rdf.formats import RdfFormat
from kg.store import EmbeddedStore
from kg.validate import SHAPES_PATH

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
PEACEKEEPERS = "en-peacekeepers-fictional.yaml"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The examples, plus a renamed copy of each facts file (8 articles)."""
    root = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, root)
    facts = root / "facts"
    for path in sorted(facts.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        key = path.stem
        for copy in ("copy1",):
            (facts / f"{key}-{copy}.yaml").write_text(
                text.replace(f"id: {key}\n", f"id: {key}-{copy}\n"), encoding="utf-8"
            )
    return facts


def build(facts: Path, out: Path, jobs: int = 1, **options: object) -> api.Built:
    return api.build_dataset(facts, out=out, jobs=jobs, batch_size=3, **options)  # type: ignore[arg-type]


def store_content(path: Path) -> tuple[list[str], int]:
    store = EmbeddedStore(path, read_only=True)
    try:
        quads = sorted(store.dump(fmt=RdfFormat.NQUADS).decode().splitlines())
        return quads, store.count_triples()
    finally:
        store.close()


def assert_same_dataset(a: Path, b: Path) -> None:
    """Every file byte for byte; the store (a database, whose files hold its own
    bookkeeping) by its quads and its default graph."""
    files_a = sorted(
        p.relative_to(a) for p in a.rglob("*") if p.is_file() and "store" not in p.parts
    )
    files_b = sorted(
        p.relative_to(b) for p in b.rglob("*") if p.is_file() and "store" not in p.parts
    )
    assert files_a == files_b
    assert CACHE_FILE in {str(p) for p in files_a}
    for name in files_a:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs"
    assert store_content(a / "store") == store_content(b / "store")


@pytest.mark.parametrize("store_share", [0.0, 1.0], ids=["store-loaded", "store-updated"])
def test_rebuild_after_edits_additions_and_removals_equals_a_clean_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, store_share: float
) -> None:
    """With the store loaded anew, and with the previous store copied and updated graph by
    graph (what a rebuild does when few triples changed)."""
    monkeypatch.setattr("kg.build.dataset.STORE_REUSE_SHARE", store_share)
    copies: list[Path] = []
    copy_of = EmbeddedStore.copy_of

    def counted(source: Path, target: Path) -> EmbeddedStore:
        copies.append(source)
        return copy_of(source, target)

    monkeypatch.setattr(EmbeddedStore, "copy_of", counted)
    out = tmp_path / "kg"
    first = build(corpus, out, jobs=2)
    assert first.reused == 0 and "does not exist" in first.full_reason
    again = build(corpus, out, jobs=2)
    assert again.reused == 8
    # An edit, an article whose text changed (offsets still valid), an addition, a removal.
    edited = corpus / PEACEKEEPERS
    edited.write_text(
        edited.read_text().replace("title: Regional bloc sends", "title: Regional bloc dispatches")
    )
    source = corpus.parent / "articles" / "id-demo-jakarta-fiktif.txt"
    source.write_text(source.read_text() + "\n")
    added = corpus / "zz-added.yaml"
    added.write_text(
        (corpus / "en-csto-kazakhstan-2022.yaml")
        .read_text()
        .replace("id: en-csto-kazakhstan-2022\n", "id: zz-added\n")
    )
    (corpus / "id-csto-kazakhstan-2022-copy1.yaml").unlink()
    rebuilt = build(corpus, out, jobs=2)
    # Built anew: the edited file, the 2 that share the text of id-demo-jakarta-fiktif, the
    # added one; the removed one is gone.
    assert rebuilt.articles == 8
    assert rebuilt.reused == 8 - 1 - 2 - 1
    # The unchanged build copies the store; the rebuild too when its changes are allowed.
    assert len(copies) == (2 if store_share else 1)
    clean = build(corpus, tmp_path / "clean")
    assert clean.reused == 0
    assert_same_dataset(out, tmp_path / "clean")
    manifest = json.loads((out / "manifest.json").read_text())
    assert "zz-added" in {g["article"] for g in manifest["graphs"]}
    assert "id-csto-kazakhstan-2022-copy1" not in {g["article"] for g in manifest["graphs"]}


def void_figures(out: Path) -> dict[str, str]:
    """The dataset's figures in void.ttl (triples, subjects, entities...), by property."""
    text = (out / "void.ttl").read_text()
    return {
        name: text.split(f"void:{name} ", 1)[1].split(" ", 1)[0]
        for name in ("triples", "distinctSubjects", "properties", "entities", "classes")
    }


def count_queries(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list that gets an item each time a build queries the store for VoID's counts."""
    queried: list[int] = []
    query_counts = dataset_module.query_counts

    def counted(store: EmbeddedStore) -> object:
        queried.append(1)
        return query_counts(store)

    monkeypatch.setattr(dataset_module, "query_counts", counted)
    return queried


def test_a_rebuild_updates_the_void_counts_instead_of_querying_the_store(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A rebuild that updates the store graph by graph counts VoID's figures from the
    statements it added and removed: after removals (the last articles naming some
    entities), an edit and additions, void.ttl is a clean build's (which counts them from
    its layout), and the store was not queried for them."""
    monkeypatch.setattr("kg.build.dataset.STORE_REUSE_SHARE", 1.0)  # update the store
    queried = count_queries(monkeypatch)
    out = tmp_path / "kg"
    build(corpus, out)
    assert queried == []  # a clean build counts them from its layout (kg.build.layout)
    demo = "id-demo-jakarta-fiktif"
    kept = {name: (corpus / name).read_text() for name in (f"{demo}.yaml", f"{demo}-copy1.yaml")}
    figures = [void_figures(out)]
    for change in ("remove", "edit", "add"):
        if change == "remove":  # its persons and places are in no other article
            for name in kept:
                (corpus / name).unlink()
        elif change == "edit":
            edited = corpus / PEACEKEEPERS
            edited.write_text(
                edited.read_text().replace("title: Regional bloc sends", "title: Bloc sends")
            )
        else:
            for name, text in kept.items():
                (corpus / name).write_text(text)
        queried.clear()
        build(corpus, out)
        assert queried == [], f"{change}: the rebuild queried the counts"
        clean = tmp_path / f"clean-{change}"
        build(corpus, clean)
        assert queried == []
        assert_same_dataset(out, clean)
        figures.append(void_figures(out))
    assert figures[1] != figures[0] and figures[3] == figures[0], figures


def test_a_rebuild_with_too_many_lookups_queries_the_void_counts(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.build.dataset.STORE_REUSE_SHARE", 1.0)  # update the store
    monkeypatch.setattr("kg.build.dataset.COUNTS_UPDATE_LOOKUPS", 10)
    out = tmp_path / "kg"
    build(corpus, out)
    queried = count_queries(monkeypatch)
    (corpus / "id-demo-jakarta-fiktif-copy1.yaml").unlink()
    build(corpus, out)
    assert queried == [1]
    build(corpus, tmp_path / "clean")
    assert_same_dataset(out, tmp_path / "clean")


def test_the_cache_knows_the_facts_files_however_they_are_named(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder named by a relative path, then by an absolute one, then through a symbolic
    link: the same files, reused; the result is a clean build's named the same way (the
    manifest and the messages name the files as the build was given them)."""
    monkeypatch.chdir(tmp_path)
    relative = Path("corpus") / "facts"
    out = tmp_path / "kg"
    assert build(relative, out).reused == 0
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "corpus")
    for named in (corpus.resolve(), link / "facts", relative):
        rebuilt = build(named, out)
        assert rebuilt.reused == 8, f"{named}: {rebuilt.full_reason}"
        manifest = json.loads((out / "manifest.json").read_text())
        assert {g["facts"] for g in manifest["graphs"] if g["facts"]} == {
            str(named / p.name) for p in corpus.glob("*.yaml") if p.name != "events.yaml"
        }
        clean = tmp_path / "clean"
        shutil.rmtree(clean, ignore_errors=True)
        build(named, clean)
        assert_same_dataset(out, clean)


def test_a_rebuild_links_events_again_only_when_reports_change(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A title edit changes no report: the previous events graph, its JSON-LD and the
    union's other statements are kept, and the result is a clean build's. A changed troop
    count is linked again."""
    monkeypatch.setattr("kg.build.dataset.STORE_REUSE_SHARE", 1.0)  # update the store
    out = tmp_path / "kg"
    build(corpus, out)
    edited = corpus / PEACEKEEPERS
    edited.write_text(edited.read_text().replace("title: Regional bloc sends", "title: Bloc sends"))
    linked: list[int] = []
    link_reports = compile_module.link_reports

    def counted(*args: object, **kwargs: object) -> object:
        linked.append(1)
        return link_reports(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(compile_module, "link_reports", counted)
    assert build(corpus, out).reused == 7
    assert linked == []
    build(corpus, tmp_path / "clean")
    assert linked == [1]
    assert_same_dataset(out, tmp_path / "clean")
    text = edited.read_text()
    troops = next(line for line in text.splitlines() if line.strip().startswith("value:"))
    edited.write_text(text.replace(troops, troops.split(":")[0] + ": 1234", 1))
    assert build(corpus, out).reused == 7
    assert linked == [1, 1]
    shutil.rmtree(tmp_path / "clean")
    build(corpus, tmp_path / "clean")
    assert_same_dataset(out, tmp_path / "clean")


def test_editing_the_review_file_needs_no_full_build(corpus: Path, tmp_path: Path) -> None:
    """Event linking, and so the review file, is redone on every build."""
    out = tmp_path / "kg"
    build(corpus, out)
    before = (out / "dataset.nq").read_bytes()
    (corpus / "events.yaml").write_text(
        "format: kg-events/1\n"
        "events:\n"
        "  - different:\n"
        "      - en-csto-kazakhstan-2022/protest/kazakhstan_unrest\n"
        "      - id-csto-kazakhstan-2022/protest/kazakhstan_unrest\n"
    )
    assert build(corpus, out).reused == 8
    assert (out / "dataset.nq").read_bytes() != before  # the decision split an event
    build(corpus, tmp_path / "clean")
    assert_same_dataset(out, tmp_path / "clean")
    # The events graph is kept, and the decision's reports are found among the cached
    # articles' (else it would be a violation: a decision naming no report).
    edited = corpus / PEACEKEEPERS
    edited.write_text(edited.read_text().replace("title: Regional bloc sends", "title: Bloc sends"))
    assert build(corpus, out).reused == 7


@pytest.mark.slow
@pytest.mark.parametrize(
    ("spoil", "reason"),
    [
        (
            lambda out: (out / CACHE_FILE).write_text('{"format": "kg-build-cache/1", "key"'),
            "cannot be read",
        ),
        (lambda out: (out / CACHE_FILE).unlink(), "has no build-cache.json"),
        (
            lambda out: (out / "dataset.nq").write_bytes((out / "dataset.nq").read_bytes()[:-100]),
            "not the file",
        ),
        (
            lambda out: (out / CACHE_FILE).write_text(
                (out / CACHE_FILE).read_text().replace('"nq": [0, ', '"nq": ["x", ')
            ),
            "cannot be read",
        ),
    ],
    ids=["truncated-cache", "no-cache", "cut-dataset", "bad-entry"],
)
def test_an_untrustworthy_cache_gives_a_full_build(
    corpus: Path, tmp_path: Path, spoil: object, reason: str
) -> None:
    out = tmp_path / "kg"
    build(corpus, out)
    spoil(out)  # type: ignore[operator]
    rebuilt = build(corpus, out)
    assert rebuilt.reused == 0
    assert reason in rebuilt.full_reason
    build(corpus, tmp_path / "clean")
    assert_same_dataset(out, tmp_path / "clean")


@pytest.mark.slow
def test_another_kg_shapes_or_base_gives_a_full_build(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kg"
    build(corpus, out)
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(SHAPES_PATH.read_text() + "\n# edited\n")
    assert "the shapes changed" in build(corpus, out, shapes=shapes).full_reason
    assert build(corpus, out, shapes=shapes).reused == 8
    assert (
        "another IRI base"
        in build(corpus, out, shapes=shapes, base="https://x.example/").full_reason
    )
    monkeypatch.setattr("kg.build.cache.__version__", "99.0")
    assert (
        "another kg version"
        in build(corpus, out, shapes=shapes, base="https://x.example/").full_reason
    )
    assert (
        build(corpus, out, shapes=shapes, base="https://x.example/", full=True).full_reason
        == "--full was given"
    )


def test_reports_keep_every_field_through_the_cache(corpus: Path) -> None:
    compiled = compile_facts(facts_files([corpus]), jobs=1)
    reports = [r for a in compiled.articles for r in a.reports]
    assert reports and any(r.place is not None for r in reports)
    assert any(r.figures for r in reports), "a report with counts goes through the cache too"
    for report in reports:
        assert decode_report(json.loads(json.dumps(encode_report(report)))) == report


def test_cli_says_what_it_reused_and_why_it_built_everything(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "kg"
    assert main(["build", str(corpus), "--out", str(out), "-j", "1"]) == 0
    assert "kg: full build: " in capsys.readouterr().err
    assert main(["build", str(corpus), "--out", str(out), "-j", "1", "--progress"]) == 0
    err = capsys.readouterr().err
    assert "reused 8 unchanged article(s)" in err
    for stage in (
        "load 8/8",
        "map 8/8",
        "validate 8/8",
        "link 1/1",
        "store 1/1",
        "write 5/5",
    ):
        assert stage in err
    assert main(["build", str(corpus), "--out", str(out), "-j", "1", "--full"]) == 0
    assert "kg: full build: --full was given" in capsys.readouterr().err


def test_a_killed_build_leaves_a_cache_the_next_build_can_trust(
    corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "kg"
    build(corpus, out)
    edited = corpus / PEACEKEEPERS
    edited.write_text(edited.read_text().replace("title: Regional bloc sends", "title: Bloc sends"))
    command = [sys.executable, "-m", "kg", "build", str(corpus), "--out", str(out), "-j", "2"]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(REPO)})
    try:
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".kg.tmp-*")) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert list(tmp_path.glob(".kg.tmp-*")), "the build never started writing"
    finally:
        process.kill()  # SIGKILL: nothing is cleaned up
        process.wait()
    rebuilt = build(corpus, out)
    assert rebuilt.reused == 7
    build(corpus, tmp_path / "clean")
    assert_same_dataset(out, tmp_path / "clean")


def test_a_rebuild_looks_up_no_town_the_last_build_placed(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps, per article, the countries the gazetteer gave the towns its reports
    name: a rebuild after a title edit does not load the gazetteer (half a second), and
    its dataset is a clean build's."""
    from kg.events import reports as reports_module

    looked_up: list[tuple[str, ...]] = []
    town_country = reports_module._town_country

    def counted(authority: object, names: tuple[str, ...]) -> str | None:
        looked_up.append(names)
        return town_country(authority, names)  # type: ignore[arg-type]

    monkeypatch.setattr(reports_module, "_town_country", counted)
    out = tmp_path / "kg"
    build(corpus, out)
    assert looked_up  # the examples name towns the authority file does not know
    cached = json.loads((out / CACHE_FILE).read_text(encoding="utf-8"))
    assert any(entry["towns"] for entry in cached["articles"])
    looked_up.clear()
    edited = corpus / PEACEKEEPERS
    edited.write_text(edited.read_text().replace("title: Regional bloc sends", "title: Bloc sends"))
    assert build(corpus, out).reused == 7
    assert looked_up == []
    build(corpus, tmp_path / "clean")
    assert looked_up
    assert_same_dataset(out, tmp_path / "clean")
