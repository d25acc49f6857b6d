"""The probe of eval/gold_names.py: sentences of our own around the development gold's
names, never the sealed part's, scored against gold made from the same names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]

probe = load_script(ROOT / "eval" / "gold_names.py")


def test_only_development_articles_are_probed() -> None:
    split = json.loads((ROOT / "eval" / "real" / "split.json").read_text(encoding="utf-8"))
    sealed = set(split["sealed"])
    seen = {entry["story"] for entry, _ in probe.development()}
    assert seen and not seen & sealed


@pytest.mark.parametrize("kind", ["deployments", "protests", "roles"])
def test_each_probe_is_a_template_sentence_with_its_gold_row(kind: str) -> None:
    rows = list(probe.probes(kind))
    assert rows
    for ident, lang, text, facts in rows[:50]:
        assert lang in ("en", "id") and "--" in ident
        names = [e["names"][0] for e in facts["entities"]]
        assert all(name in text for name in names)  # the gold's names, as written
        assert len(facts[kind]) == 1
    if kind == "roles":
        assert {lang for _, lang, _, _ in rows} == {"en"}


def test_a_run_prints_the_scorer_s_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert probe.main(["roles"]) == 0
    out = capsys.readouterr().out
    assert "OVERALL (micro)" in out and "sentences of our own" in out
