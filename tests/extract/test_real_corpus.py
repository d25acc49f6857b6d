"""The real-news corpus kept in eval/real: consistent, split by story, and free of the text.

The texts themselves are other people's and are not in the repository, so these tests
check what is: every article of the manifest has gold, every story is on exactly one side
of the split, and the gold holds offsets where evidence was quoted.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from script_loader import load_script

ROOT = Path(__file__).resolve().parents[2]


real = load_script(ROOT / "eval" / "real_corpus.py")


def test_every_article_has_gold_and_one_side_of_the_split() -> None:
    entries = real.read_manifest()
    split = json.loads(real.SPLIT.read_text(encoding="utf-8"))
    assert not set(split["dev"]) & set(split["sealed"])
    stories = set(split["dev"]) | set(split["sealed"])
    assert {e["story"] for e in entries} == stories
    for entry in entries:
        assert (real.GOLD / f"{entry['id']}.json").is_file(), entry["id"]
        assert len(entry["sha256"]) == 64 and entry["language"] in ("en", "id")
        assert entry["url"].startswith("http") and entry["search_words"]


def test_the_corpus_is_as_large_and_varied_as_asked() -> None:
    entries = real.read_manifest()
    by_language = {lang: [e for e in entries if e["language"] == lang] for lang in ("en", "id")}
    assert len(by_language["en"]) >= 25 and len(by_language["id"]) >= 25
    assert len({e["outlet"] for e in entries}) >= 15
    stories: dict[str, set[str]] = {}
    for e in entries:
        stories.setdefault(e["story"], set()).add(e["outlet"])
    assert len(stories) >= 25
    assert sum(1 for outlets in stories.values() if len(outlets) >= 3) >= 8
    sealed = set(json.loads(real.SPLIT.read_text(encoding="utf-8"))["sealed"])
    share = sum(1 for e in entries if e["story"] in sealed) / len(entries)
    assert 0.25 <= share <= 0.4


@pytest.mark.parametrize("path", sorted(real.GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_gold_evidence_is_offsets_never_quoted_text(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    for section in ("deployments", "protests", "roles"):
        for fact in gold[section]:
            for key, value in fact.items():
                if real.quoted(key):
                    assert isinstance(value, list), (path.stem, key)
                    assert all(set(span) == {"start", "end"} for span in value), (path.stem, key)
                assert not key.endswith("_text"), (path.stem, key)


def test_quotes_become_offsets_and_a_wrong_quote_names_the_article() -> None:
    body = "Chad sent 300 soldiers to Niger on Monday."
    gold = {
        "entities": [],
        "deployments": [{"by": "chad", "evidence": "sent 300 soldiers", "troops_text": "300"}],
        "protests": [],
        "roles": [],
    }
    out = real.to_offsets(gold, body, "chad-niger")
    (dep,) = out["deployments"]
    assert dep["evidence"] == [{"start": 5, "end": 22}] and dep["troops_span"] == {
        "start": 10,
        "end": 13,
    }
    gold["deployments"][0]["evidence"] = "sent 400 soldiers"
    with pytest.raises(real.CorpusError, match="chad-niger: the evidence is not in the text"):
        real.to_offsets(gold, body, "chad-niger")


def test_check_reports_a_changed_text(tmp_path: Path) -> None:
    entries = real.read_manifest()[:1]
    aid = entries[0]["id"]
    (tmp_path / f"{aid}.txt").write_text("title: x\n---\nnot the article\n", encoding="utf-8")
    problems = real.check(tmp_path)
    assert any(p.startswith(f"{aid}: the local text differs") for p in problems)


def test_restore_writes_only_the_text_annotated(tmp_path: Path, monkeypatch) -> None:
    excerpt = 'Chad sent "300" soldiers to Niger.\n\nMore follows.'
    entry = {
        "id": "chad-niger",
        "language": "en",
        "outlet": "Example Wire",
        "published": "2024-05-06",
        "title": "Chad sends troops",
        "url": "https://example.org/chad",
        "sha256": real.digest(excerpt + "\n"),
    }
    monkeypatch.setattr(real, "read_manifest", lambda: [entry])
    saved = tmp_path / "excerpt.txt"
    # as a tool's JSON output shows it: still escaped, on one line
    saved.write_text(json.dumps(excerpt)[1:-1] + "\n", encoding="utf-8")
    path = real.restore("chad-niger", saved, tmp_path / "texts", escaped=True)
    assert real.body_of(path) == excerpt + "\n"
    assert "published: 2024-05-06\n" in path.read_text(encoding="utf-8")
    saved.write_text(excerpt.replace("300", "400"), encoding="utf-8")
    with pytest.raises(real.CorpusError, match="not the text annotated for chad-niger"):
        real.restore("chad-niger", saved, tmp_path / "other", escaped=False)
    assert not (tmp_path / "other" / "chad-niger.txt").exists()


def test_scoring_a_batch_that_is_not_there_names_the_prefix(tmp_path: Path) -> None:
    with pytest.raises(real.CorpusError, match="no article of the dev part starts with zz"):
        real.score("dev", tmp_path, verbose=False, as_json=False, only=("zz",))


def test_the_sealed_part_is_shown_as_totals_only() -> None:
    """The sealed part's score prints one line per category, never an article's."""
    c = {"p": 0.5, "r": 0.25, "f1": 0.3333}
    totals = {
        "n_files": 2,
        "overall": c,
        "categories": {"entities": c, "deployments": {**c, "items": {"gold": 4, "paired": 1}}},
    }
    table = real._totals_table(totals)
    assert table.splitlines() == [
        "2 articles",
        "overall      P 0.500  R 0.250  F1 0.3333",
        "entities     P 0.500  R 0.250  F1 0.3333",
        "deployments  P 0.500  R 0.250  F1 0.3333  rows: {'gold': 4, 'paired': 1}",
    ]


def test_diff_reads_the_error_lines_of_the_scorer_s_listing() -> None:
    """Only the lines naming one error of one article count, each as often as it is told."""
    listing = (
        "entities                     10     2     3   0.833  0.769  0.800\n"
        "  a1  MISS  entities.Person: 'Ana Ruiz' [ana]\n"
        "  a1  MISS  entities.Person: 'Ana Ruiz' [ana]\n"
        "  a2  FP    roles.role: Ana Ruiz [ana] | Spokesperson | null\n"
        "  a2  WRONG deployments.troops: X -> Y  gold=30  pred=3\n"
        "Per file (F1 per category)\n"
    )
    lines = real.error_lines(listing)
    assert lines == {
        "a1  MISS  entities.Person: 'Ana Ruiz' [ana]": 2,
        "a2  FP    roles.role: Ana Ruiz [ana] | Spokesperson | null": 1,
        "a2  WRONG deployments.troops: X -> Y  gold=30  pred=3": 1,
    }


def test_diff_takes_only_development_articles(tmp_path: Path) -> None:
    """A list of ids that names a sealed article (or none of the corpus) is refused."""
    sealed = real.part_ids("sealed")[0]
    ids = tmp_path / "ids.txt"
    ids.write_text(f"{real.part_ids('dev')[0]}\n{sealed}\n", encoding="utf-8")
    with pytest.raises(real.CorpusError, match=f"not articles of the dev part: {sealed}"):
        real.diff("HEAD", tmp_path, ids_file=ids)


def test_diff_names_a_base_that_is_neither_a_checkout_nor_a_revision(tmp_path: Path) -> None:
    with pytest.raises(real.CorpusError, match="'no-such-rev' is neither a checkout"):
        real._checkout("no-such-rev", tmp_path)


def test_the_sealed_part_cannot_be_diffed() -> None:
    with pytest.raises(SystemExit):
        real.main(["diff", "HEAD", "--part", "sealed"])
