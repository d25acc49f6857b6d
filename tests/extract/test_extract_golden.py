"""End to end: kg extract on the project's own example articles, against golden files.

One folder per article in ``tests/extract/golden/``; ``expected.json`` is the benchmark
shape of the draft facts (what ``kg extract --format json`` writes). After a reviewed change
to the extractor, ``pytest tests/extract/test_extract_golden.py --update-golden`` rewrites them, and
the diff of the golden files shows every fact the change added, lost or altered.
"""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import pytest

from kg.articles import read_article
from kg.extract import extract
from kg.extract.bench import to_bench

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = sorted((ROOT / "examples" / "articles").glob("*.txt"))
GOLDEN = Path(__file__).parent / "golden"


def _render(article: Path) -> str:
    facts = extract(read_article(article), source=f"examples/articles/{article.name}")
    data = to_bench(facts)
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


@pytest.mark.parametrize("article", ARTICLES, ids=lambda p: p.stem)
def test_extraction_matches_its_golden_file(article: Path, update_golden: bool) -> None:
    expected = GOLDEN / article.stem / "expected.json"
    actual = _render(article)
    if update_golden:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(actual, encoding="utf-8")
    assert expected.exists(), f"no golden file {expected}: run pytest --update-golden"
    wanted = expected.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            wanted.splitlines(keepends=True), actual.splitlines(keepends=True), "golden", "now"
        )
    )
    assert not diff, f"the extraction of {article.name} changed:\n{diff}"


def test_every_golden_folder_has_its_article() -> None:
    assert {p.name for p in GOLDEN.iterdir()} == {a.stem for a in ARTICLES}
