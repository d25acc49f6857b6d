"""Loading facts files: every problem reported at once, as path:line:column: message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.errors import FactsError, InputError
from kg.facts import (
    DeploymentStatus,
    Qualifier,
    dump_facts,
    load_facts,
    parse_facts,
)

ARTICLE = """title: Test
published: 2022-01-13
language: id
---
CSTO mengirim sekitar 2.500 tentara ke Kazakhstan pekan lalu.
"""

GOOD = """\
format: kg-facts/1
article:
  id: test-article
  title: Test
  published: 2022-01-13
  language: id
  source: article.txt
entities:
  - id: csto
    type: Organization
    names: [CSTO]
    evidence:
      - {start: 0, end: 4, text: CSTO}
  - id: kazakhstan
    type: Location
    names: [Kazakhstan]
    wikidata: Q232
deployments:
  - id: d1
    by: csto
    to: kazakhstan
    troops: {value: 2500, qualifier: approximately, text: sekitar 2.500 tentara}
    start: {date: 2022-01, earliest: 2022-01-03, latest: 2022-01-09, approximate: true, text: pekan lalu}
    evidence:
      - {start: 0, end: 61, text: CSTO mengirim sekitar 2.500 tentara ke Kazakhstan pekan lalu.}
"""


def write(tmp_path: Path, facts: str, article: str = ARTICLE) -> Path:
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    path = tmp_path / "facts.yaml"
    path.write_text(facts, encoding="utf-8")
    return path


def problems(tmp_path: Path, facts: str) -> list[str]:
    with pytest.raises(FactsError) as info:
        load_facts(write(tmp_path, facts))
    return [str(p) for p in info.value.problems]


def test_a_good_file_loads_with_its_uncertainty(tmp_path: Path) -> None:
    facts = load_facts(write(tmp_path, GOOD))
    deployment = facts.deployments[0]
    assert deployment.status is DeploymentStatus.HAPPENED
    assert deployment.troops is not None
    assert deployment.troops.qualifier is Qualifier.APPROXIMATELY
    assert deployment.troops.value == 2500
    assert deployment.start is not None
    assert deployment.start.iso == "2022-01"
    assert (deployment.start.earliest, deployment.start.latest) == (
        dt.date(2022, 1, 3),
        dt.date(2022, 1, 9),
    )
    assert facts.entity("kazakhstan").wikidata == "Q232"


def test_dump_then_load_gives_the_same_facts(tmp_path: Path) -> None:
    facts = load_facts(write(tmp_path, GOOD))
    again = parse_facts(dump_facts(facts), path=tmp_path / "facts.yaml")
    assert again == facts


def test_all_problems_are_reported_at_once_with_line_and_column(tmp_path: Path) -> None:
    bad = (
        GOOD.replace("type: Organization", "type: Org")
        .replace("value: 2500, qualifier", "value: 2.5k, qualifier")
        .replace("to: kazakhstan", "to: nowhere")
    )
    found = problems(tmp_path, bad)
    path = str(tmp_path / "facts.yaml")
    assert found == [
        f"{path}:10:11: entity type must be one of Organization, Person, Location; got 'Org'",
        f"{path}:21:9: to: unknown entity 'nowhere'; add it under entities (known: kazakhstan)",
        f"{path}:22:21: troops.value must be a whole number, got '2.5k'; write digits only "
        "(2500, not '2.500' or '2.5k') and give the hedge as qualifier",
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("published: 2022-01-13", "published: 2022-02-31"), "is not a real date"),
        (("date: 2022-01,", "date: 0000-01,"), "is not a real date"),
        (("  - id: kazakhstan", "  - id: csto"), "duplicate id 'csto'"),
        (("to: kazakhstan", "to: csto"), "'csto' is a Organization, but to must be a Location"),
        (("value: 2500", "value: -5"), "must not be negative"),
        (("value: 2500", "value: 999999999999"), "implausibly large"),
        (
            ("{start: 0, end: 4, text: CSTO}", "{start: 1, end: 5, text: CSTO}"),
            "not the quoted text",
        ),
        (
            ("{start: 0, end: 4, text: CSTO}", "{start: 900, end: 904, text: CSTO}"),
            "outside the article",
        ),
        (("qualifier: approximately", "qualifier: vague"), "a vague count has no value"),
        (("wikidata: Q232", "wikidata: 232"), "must be a Wikidata item id"),
        (("    by: csto\n", "    by: csto\n    by: csto\n"), "duplicate key 'by'"),
        (("language: id\n", "language: id\n  colour: red\n"), "unknown key 'colour'"),
        (("earliest: 2022-01-03", "earliest: 2022-01-20"), "is after latest"),
    ],
)
def test_each_kind_of_problem(tmp_path: Path, change: tuple[str, str], message: str) -> None:
    assert change[0] in GOOD
    found = problems(tmp_path, GOOD.replace(*change, 1))
    assert any(message in p for p in found), found
    assert all(p.startswith(str(tmp_path / "facts.yaml") + ":") for p in found)


def test_aliases_are_refused_so_no_billion_laughs(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    found = problems(tmp_path, bomb)
    assert any("anchors and aliases" in p for p in found)


def test_python_tags_are_refused(tmp_path: Path) -> None:
    found = problems(tmp_path, "article: !!python/object/apply:os.system ['true']\n")
    assert found == [
        f"{tmp_path / 'facts.yaml'}:1:10: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed in a facts file"
    ]


def test_malformed_yaml_names_the_line(tmp_path: Path) -> None:
    found = problems(tmp_path, "article:\n  title: [unclosed\n")
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'facts.yaml'}:3:1: invalid YAML")


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "facts.yaml"
    path.write_bytes(GOOD.encode("cp1252") + b"\nnote: caf\xe9\n")
    with pytest.raises(InputError, match="must be UTF-8"):
        load_facts(path)


def test_more_than_excludes_the_stated_number(tmp_path: Path) -> None:
    facts = load_facts(
        write(tmp_path, GOOD.replace("qualifier: approximately", "qualifier: more_than"))
    )
    troops = facts.deployments[0].troops
    assert troops is not None
    assert (troops.value, troops.min, troops.max) == (2500, 2501, None)


def test_vague_counts_keep_their_bounds(tmp_path: Path) -> None:
    vague = GOOD.replace(
        "{value: 2500, qualifier: approximately, text: sekitar 2.500 tentara}",
        "{qualifier: vague, min: 1000, max: 9999, text: ribuan tentara}",
    )
    troops = load_facts(write(tmp_path, vague)).deployments[0].troops
    assert troops is not None
    assert (troops.value, troops.min, troops.max) == (None, 1000, 9999)


def test_a_contingent_names_the_collective_sender(tmp_path: Path) -> None:
    """``part_of``: a contingent row points at the sender of the collective deployment; it
    survives a dump and a load, and must name an Organization or a Location."""
    contingent = (
        GOOD
        + """\
  - id: d2
    by: kazakhstan
    to: kazakhstan
    part_of: csto
    evidence:
      - {start: 0, end: 61, text: CSTO mengirim sekitar 2.500 tentara ke Kazakhstan pekan lalu.}
"""
    )
    facts = load_facts(write(tmp_path, contingent))
    assert [d.part_of for d in facts.deployments] == [None, "csto"]
    assert parse_facts(dump_facts(facts), path=tmp_path / "facts.yaml") == facts
    wrong = contingent.replace("part_of: csto", "part_of: d1")
    assert any("part_of" in p for p in problems(tmp_path, wrong))


def test_an_id_has_a_length_limit(tmp_path: Path) -> None:
    """An id becomes part of IRIs and file names: 200 characters at most, reported with
    the file and line, the id cut short in the message."""
    long_id = "d" * 201
    found = problems(tmp_path, GOOD.replace("  - id: d1", f"  - id: {long_id}"))
    assert any("at most 200" in p and "facts.yaml:" in p and long_id not in p for p in found)
    assert load_facts(write(tmp_path, GOOD.replace("  - id: d1", "  - id: " + "d" * 200)))


@pytest.mark.parametrize(
    "change",
    [
        ("url: https://news.example/x", 'url: "https://news.example/x\\u0001y"'),
        ("url: https://news.example/x", 'url: "https://news.example/x%zz"'),
        ("url: https://news.example/x", 'url: "https://news.example/{x}"'),
        ("wikidata: Q232", 'wikidata: "Q232\\n"'),
        ("  - id: d1", '  - id: "d1\\n"'),
    ],
)
def test_a_value_that_becomes_an_iri_is_checked_when_loaded(
    tmp_path: Path, change: tuple[str, str]
) -> None:
    """What kg build would turn into a bad IRI is refused by kg validate already, with the
    file and line: control characters, bad %-escapes, braces, a trailing newline."""
    facts = GOOD.replace(
        "  source: article.txt", "  source: article.txt\n  url: https://news.example/x"
    )
    assert load_facts(write(tmp_path, facts))  # the unchanged file loads
    found = problems(tmp_path, facts.replace(*change))
    assert found and all("facts.yaml:" in p for p in found)


def test_quoting_decides_a_scalar_s_type_however_often_the_text_recurs(tmp_path: Path) -> None:
    """The loader remembers the tags of scalars it has read: ``null`` and ``'null'`` are
    the same text, one nothing and one a string, whichever comes first."""
    line = "    troops: {value: 2500, qualifier: approximately, text: sekitar 2.500 tentara}"
    assert line in GOOD
    plain, quoted = GOOD.replace(line, "    troops: null"), GOOD.replace(line, "    troops: 'null'")
    for _ in range(2):
        assert load_facts(write(tmp_path, plain)).deployments[0].troops is None
        found = problems(tmp_path, quoted)
        assert found and all(":22:13: troops must be a whole number" in p for p in found), found
