"""The blind validation part kept in eval/val: consistent, free of the text, and scored
row by row as its docstring says."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]


val = load_script(ROOT / "eval" / "blind_val.py")


def test_every_article_has_gold_rows_and_no_text() -> None:
    entries = val.manifest()
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids)) == 60
    assert Counter(e["set"] for e in entries) == {f"v{k}": 12 for k in range(1, 6)}
    assert {e["language"] for e in entries} == {"en", "id"}
    gold_files = {p.stem for p in (ROOT / "eval" / "val" / "gold").glob("*.json")}
    assert gold_files == set(ids)
    for aid in ids:
        rows = val.gold(aid)
        assert set(rows) == {"protests", "deployments"}
        assert all(set(p) <= {"location", "aliases", "start"} for p in rows["protests"])
        assert all(len(e["sha256"]) == 64 and e["url"].startswith("http") for e in entries)


def test_rows_are_right_by_any_name_of_the_place_and_each_kg_row_counts_once() -> None:
    rows = {
        "protests": [{"location": "Kota Medan", "aliases": ["Medan"]}],
        "deployments": [
            {"by": "Polrestabes Medan", "to": "Medan"},
            {"by": None, "to": "Medan"},
        ],
    }
    facts = {
        "entities": [
            {"id": "medan", "names": ["MEDAN", "Medan"]},
            {"id": "polres", "names": ["Polrestabes Medan"]},
            {"id": "sumut", "names": ["Sumatera Utara"]},
        ],
        "protests": [{"location": "medan"}, {"location": "sumut"}],
        "deployments": [{"by": "polres", "to": "medan"}, {"by": "polres", "to": "sumut"}],
    }
    c = val._rows_right(rows, facts)
    assert (c["protests_right"], c["protests_gold"], c["protests_kg"]) == (1, 1, 2)
    assert (c["deployments_right"], c["deployments_gold"], c["deployments_kg"]) == (1, 2, 2)
    facts["deployments"].append({"by": None, "to": "medan"})
    assert val._rows_right(rows, facts)["deployments_right"] == 2  # nobody sends in both
