"""The development corpus: scorer thresholds, and facts files that load."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract.batch import OutputFormat, run_batch
from kg.facts.load import load_facts

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"


def _articles() -> list[Path]:
    articles = sorted((CORPUS / "articles").glob("*.txt"))
    assert articles, f"the development corpus is expected at {CORPUS} (CI has it)"
    return articles


@pytest.mark.slow
def test_dev_corpus_score(tmp_path: Path) -> None:
    report = run_batch(_articles(), tmp_path, fmt=OutputFormat.JSON, jobs=2)
    assert not report.errors
    result = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(CORPUS / "gold"), str(tmp_path), "--json"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    overall = json.loads(result.stdout.splitlines()[0])["overall"]
    assert overall["f1"] >= 0.85, overall
    assert overall["p"] >= 0.90, overall


def test_dev_corpus_facts_files_load(tmp_path: Path) -> None:
    report = run_batch(_articles(), tmp_path)
    assert not report.errors and len(report.written) == len(_articles())
    for path in report.written:
        facts = load_facts(path)  # checks every evidence span against the article
        assert facts.review.tool and facts.review.tool.startswith("kg-extract")


def test_dev_corpus_facts_files_build(tmp_path: Path) -> None:
    from kg.build import compile_facts

    report = run_batch(_articles(), tmp_path)
    assert not report.errors
    compiled = compile_facts(sorted(report.written), jobs=1)
    assert len(compiled.articles) == len(_articles())
    assert compiled.report.conforms, compiled.report


def test_facts_of_heads_who_send_troops_load(tmp_path: Path) -> None:
    """A head's title ("Kapolri X menerjunkan", "kata Kapolres Kota Baru X") gives the body
    he leads as the sender: the facts file kg writes is one its own loader accepts (a
    sender is never a person)."""
    bodies = [
        "Kapolri Jenderal Budi Santoso menerjunkan 1.500 personel ke Kota Baru, Senin "
        "(7/6/2021).\n",
        "Sebanyak 700 personel gabungan dikerahkan ke Kota Baru, Senin (7/6/2021). "
        '"Kami melibatkan 700 personel," kata Kapolres Kota Baru Kombes Ari Wibowo.\n',
    ]
    articles = []
    for i, body in enumerate(bodies):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"title: T\npublished: 2021-06-08\nlanguage: id\n---\n{body}", "utf-8")
        articles.append(path)
    report = run_batch(articles, tmp_path / "out")
    assert not report.errors and len(report.written) == 2
    for path in report.written:
        facts = load_facts(path)
        (d,) = facts.deployments
        assert facts.entity(d.by).type.value == "Organization"
