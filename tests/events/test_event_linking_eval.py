"""The event-linking scorer (eval/event_linking.py) and its gold groupings."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return load_script(ROOT / "eval" / "event_linking.py")


def test_pairwise_and_bcubed_scores(scorer: ModuleType) -> None:
    refs = ["a", "b", "c", "d"]
    s = scorer.score(refs, gold=[["a", "b", "c"]], found=[["a", "b"], ["c", "d"]])
    assert (s.gold_links, s.links, s.correct) == (3, 2, 1)
    assert (s.precision, round(s.recall, 3)) == (0.5, 0.333)
    assert round(s.bcubed_p, 3) == 0.75 and round(s.bcubed_r, 3) == 0.667
    perfect = scorer.score(refs, gold=[["a", "b"]], found=[["b", "a"]])
    assert (perfect.f1, perfect.bcubed_f1) == (1.0, 1.0)


def test_the_real_gold_grouping_names_existing_rows_of_listed_stories() -> None:
    grouping = yaml.safe_load((ROOT / "eval" / "real" / "events.gold.yaml").read_text())
    manifest = [json.loads(x) for x in (ROOT / "eval" / "real" / "manifest.jsonl").open()]
    story = {r["id"]: r.get("story") for r in manifest}
    outlets: dict[str, set[str]] = {}
    for r in manifest:
        outlets.setdefault(r.get("story") or "", set()).add(r["outlet"])
    assert len(grouping["stories"]) >= 8
    assert all(len(outlets[s]) >= 3 for s in grouping["stories"])
    seen: set[str] = set()
    for event in grouping["events"]:
        for ref in event:
            article, kind, number = ref.split("/")
            assert story[article] in grouping["stories"], ref
            gold = json.loads((ROOT / "eval" / "real" / "gold" / f"{article}.json").read_text())
            assert int(number) < len(gold["deployments" if kind == "deployment" else "protests"])
            assert ref not in seen, f"{ref} is in two events"
            seen.add(ref)


def test_linking_the_shared_corpus_and_examples_is_exact(
    scorer: ModuleType, shared_corpus: Path
) -> None:
    reports, gold = scorer.shared_corpus(scorer.Resolver())
    found = [[r.ref for r in e.reports] for e in scorer.link_reports(reports)]
    s = scorer.score([r.ref for r in reports], gold, found)
    assert (s.precision, s.recall) == (1.0, 1.0)


def test_linking_the_real_corpus_links_nothing_wrongly(scorer: ModuleType) -> None:
    reports, gold = scorer.real_corpus(scorer.Resolver())
    found = [[r.ref for r in e.reports] for e in scorer.link_reports(reports)]
    s = scorer.score([r.ref for r in reports], gold, found)
    assert s.reports == 128
    assert s.precision >= 0.97 and s.recall >= 0.9


def test_extracted_reports_align_one_to_one_by_kind_and_normalised_names(
    scorer: ModuleType,
) -> None:
    named, day = scorer.Named, scorer.span
    gold = [
        named("a/deployment/0", "a", "deployment", ("CSTO",), ("Kazakhstan",), day("2022-01-06")),
        named("a/deployment/1", "a", "deployment", ("Russia",), ("Kazakhstan",)),
        named("a/protest/0", "a", "protest", place=("Almaty",), start=day("2022-01-04")),
        named("a/protest/1", "a", "protest", place=("Almaty",), start=day("2022-01-08")),
        named("b/protest/0", "b", "protest", place=("Almaty",)),
    ]
    extracted = [
        # name forms as score.py normalises them: case, diacritics, a parenthesised acronym
        named("a/deployment/d1", "a", "deployment",
              ("Collective Security Treaty Organization (CSTO)",), ("KAZAKHSTAN",),
              day("2022-01-06")),
        named("a/deployment/d2", "a", "deployment", ("the CSTO",), ("Kazakhstan",)),
        named("a/deployment/d3", "a", "deployment", ("Russia",), ("Almaty",)),  # place differs
        # the start decides between two gold protests at one place
        named("a/protest/p1", "a", "protest", place=("almaty",), start=day("2022-01-08")),
        named("a/protest/p2", "a", "protest", place=("Álmaty",), start=day("2022-01-04")),
        named("a/protest/p3", "a", "protest", place=("Almaty",)),  # no gold row left
        named("a/deployment/d4", "a", "protest", place=("Kazakhstan",)),  # no protest there
    ]  # fmt: skip
    assert scorer.align(gold, extracted) == {
        "a/deployment/d1": "a/deployment/0",
        "a/protest/p1": "a/protest/1",
        "a/protest/p2": "a/protest/0",
    }
    # d2 would meet deployment/0 too, but it is taken: one-to-one, overlapping starts first
    flipped = scorer.align(gold, list(reversed(extracted)))
    assert flipped["a/deployment/d1"] == "a/deployment/0"


def test_unaligned_extracted_reports_can_only_add_wrong_links(scorer: ModuleType) -> None:
    # gold: a~b; extraction found a, and an x that aligned to nothing, linked with a
    refs = ["a", "b", "x"]
    s = scorer.score(refs, gold=[["a", "b"]], found=[["a", "x"]])
    assert (s.gold_links, s.links, s.correct) == (1, 1, 0)
