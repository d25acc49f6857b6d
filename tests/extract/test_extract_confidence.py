"""The learned confidence of each fact (kg/extract/confidence.py), on articles of our own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.articles import ArticleText
from kg.cli import cli
from kg.extract import extract
from kg.extract.confidence import (
    CATEGORIES,
    ConfidenceModel,
    fact_features,
    filter_facts,
    referenced,
)
from kg.extract.pipeline import load_authority
from kg.extract.trace import Trace
from kg.facts.model import Facts

BODY = (
    "The AU sent 900 troops to Goma on Monday, 600 from Kenya and 300 from Uganda. "
    "Protesters marched in Kisumu on Tuesday against the rising price of fuel, and police "
    "arrested 40 people. Kenyan President Amara Odhiambo said the troops would stay. "
    "The Velmor Institute, a think tank in Nairobi, called the mission overdue.\n"
)

#: What a feature may say: the shape of a fact, never a word of its article.
FEATURE = re.compile(
    r"(lang|rows|steps|at|lead|status|troops|start|end|requested|part_of|same_place|repeated|"
    r"deaths|arrests|causes|places|role\.words|type|names|words|caps|wikidata)=[\w:>.-]*"
    r"|(by|to|location|person|of|self)(\.kind=[A-Za-z]+:[\w-]+|\.mentions=[\w>]+|\.top|=none|=dangling)"
)


def _extract(min_confidence: float | None = 0.0, body: str = BODY) -> tuple[Facts, Trace]:
    trace = Trace()
    meta = {"title": "T", "published": "2021-06-10", "language": "en"}
    facts = extract(ArticleText(meta, body), trace=trace, min_confidence=min_confidence)
    return facts, trace


def _keys(facts: Facts) -> set[str]:
    used = referenced(facts)
    return (
        {f"deployments/{d.id}" for d in facts.deployments}
        | {f"protests/{p.id}" for p in facts.protests}
        | {f"roles/{r.id}" for r in facts.roles}
        | {f"entities/{e.id}" for e in facts.entities if e.id not in used}
    )


def test_every_fact_it_scores_gets_a_probability_and_zero_keeps_them_all() -> None:
    facts, trace = _extract(0.0)
    assert len(facts.deployments) == 3 and facts.protests and facts.roles
    assert set(trace.confidence) == _keys(facts)
    assert all(0.0 < p < 1.0 for p in trace.confidence.values())
    assert not trace.left_out


def test_a_minimum_of_one_leaves_out_every_scored_fact_and_no_entity_a_fact_names() -> None:
    everything, _ = _extract(0.0)
    facts, trace = _extract(1.0)
    assert not facts.deployments and not facts.protests and not facts.roles
    # the entities the facts named stay (a reviewer may still want Kenya); the others go
    assert {e.id for e in facts.entities} == referenced(everything)
    assert set(trace.left_out) == _keys(everything)
    assert "deployments/" in " ".join(trace.left_out)


def test_a_part_whose_whole_is_left_out_still_names_the_whole_s_sender() -> None:
    facts, trace = _extract(0.0)
    authority = load_authority()
    # a model that doubts every deployment counted as no part of another
    doubt_wholes = ConfidenceModel(
        {"deployments": {"bias": 3.0, "threshold": 0.5, "weights": {"part_of=False": -6.0}}}
    )
    kept, probability, left_out = filter_facts(facts, trace, BODY, authority, model=doubt_wholes)
    assert [kept.entity(d.by).names[0] for d in kept.deployments] == ["Kenya", "Uganda"]
    assert [kept.entity(d.part_of).names[0] for d in kept.deployments if d.part_of] == [
        "AU",
        "AU",
    ]
    assert left_out == {"deployments/" + facts.deployments[0].id}
    # a category the model does not name keeps every fact
    assert kept.protests == facts.protests and kept.roles == facts.roles
    assert probability[f"protests/{facts.protests[0].id}"] == 1.0


def test_features_describe_the_fact_s_shape_not_the_article_s_words() -> None:
    facts, trace = _extract(0.0)
    steps = {key: len(v) for key, v in trace.steps.items()}
    scored = list(fact_features(facts, steps, BODY, load_authority()))
    assert {s.category for s in scored} == set(CATEGORIES)
    for s in scored:
        bad = [f for f in s.features if not FEATURE.fullmatch(f)]
        assert not bad, (s.category, s.id, bad)
    whole = next(s for s in scored if s.category == "deployments")
    assert {"troops=True", "part_of=False", "to.kind=Location:unknown"} <= set(whole.features)
    assert "by.kind=Organization:alliance" in whole.features  # the AU, from the authority file


def test_the_shipped_model_scores_every_category_by_shapes_only() -> None:
    model = ConfidenceModel.shipped()
    assert set(model.weights) == set(CATEGORIES)
    assert all(0.0 <= t < 1.0 for t in model.threshold.values())
    for category, weights in model.weights.items():
        assert weights, category
        bad = [f for f in weights if not FEATURE.fullmatch(f)]
        assert not bad, (category, bad)


def test_explain_gives_each_fact_s_confidence_and_the_facts_left_out(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"title: T\npublished: 2021-06-10\nlanguage: en\n---\n{BODY}")
    out = tmp_path / "o"
    result = CliRunner().invoke(
        cli, ["extract", str(article), "--out", str(out), "--explain", "--min-confidence", "1"]
    )
    assert result.exit_code == 0, result.output
    kept, left = result.output.split("left out, their confidence below the threshold:")
    assert "deployments/" not in kept and "deployments/deployment_1: AU -> Goma" in left
    assert re.search(r"protests/\S+: at Kisumu.*\(confidence 0\.\d\d\)", left)
    assert "deployments: []" in (out / "a.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("value", ["1.5", "-0.1", "sure"])
def test_a_minimum_outside_zero_to_one_is_a_usage_error(tmp_path: Path, value: str) -> None:
    article = tmp_path / "a.txt"
    article.write_text(f"title: T\npublished: 2021-06-10\nlanguage: en\n---\n{BODY}")
    result = CliRunner().invoke(
        cli, ["extract", str(article), "--out", str(tmp_path / "o"), "--min-confidence", value]
    )
    assert result.exit_code == 2 and "--min-confidence" in result.output
    assert not (tmp_path / "o").exists()
