"""Re-running extraction keeps reviewed work."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kg.extract.batch import run_batch
from kg.facts.dump import dump_facts
from kg.facts.load import load_facts
from kg.facts.model import Review, ReviewStatus

ARTICLE = "title: T\npublished: 2021-06-10\nlanguage: en\n---\nCanada sent 200 troops to Haiti on Monday.\n"


def test_reviewed_file_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    run_batch([tmp_path / "a.txt"], out)
    target = out / "a.yaml"
    facts = load_facts(target)
    reviewed = replace(
        facts, review=Review(status=ReviewStatus.REVIEWED, by="me"), roles=(), deployments=()
    )
    target.write_text(dump_facts(reviewed))
    before = target.read_text()
    report = run_batch([tmp_path / "a.txt"], out)
    assert target.read_text() == before
    assert any("would add deployment" in c for c in report.skipped[target])


def test_draft_keeps_reviewed_facts(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    run_batch([tmp_path / "a.txt"], out)
    target = out / "a.yaml"
    facts = load_facts(target)
    (dep,) = facts.deployments
    edited = replace(dep, id="my_deployment", troops=None, reviewed=True)
    target.write_text(dump_facts(replace(facts, deployments=(edited,))))
    run_batch([tmp_path / "a.txt"], out)
    again = load_facts(target)
    kept = [d for d in again.deployments if d.id == "my_deployment"]
    assert kept and kept[0].reviewed and kept[0].troops is None


def test_a_reviewed_file_hears_each_field_that_would_change(tmp_path: Path) -> None:
    """Re-extraction of a reviewed file names each changed field, old -> new, with the
    singular name of the fact ("entity", not "entitie")."""
    (tmp_path / "a.txt").write_text(ARTICLE)
    out = tmp_path / "out"
    run_batch([tmp_path / "a.txt"], out)
    target = out / "a.yaml"
    facts = load_facts(target)
    (dep,) = facts.deployments
    corrected = replace(dep, troops=None)
    haiti = next(e for e in facts.entities if e.names == ("Haiti",))
    renamed = replace(haiti, names=("Republic of Haiti",))
    reviewed = replace(
        facts,
        review=Review(status=ReviewStatus.REVIEWED, by="me"),
        deployments=(corrected,),
        entities=tuple(renamed if e is haiti else e for e in facts.entities),
    )
    target.write_text(dump_facts(reviewed))
    report = run_batch([tmp_path / "a.txt"], out)
    changes = report.skipped[target]
    assert f"would change deployment {dep.id} (troops: - -> 200 (200))" in changes
    assert any(
        c.startswith(f"would change entity {haiti.id} (names: Republic of Haiti -> Haiti")
        for c in changes
    )


def test_entities_that_would_be_one_node_are_merged_and_facts_follow() -> None:
    from kg.extract.pipeline import _one_entity_per_node, _renamed
    from kg.facts.model import Entity, EntityType, Evidence, Role

    first = Entity("jatim", EntityType.LOCATION, ("Jatim",), None, None, (Evidence(0, 5, "Jatim"),))
    second = Entity(
        "jatim_2",
        EntityType.LOCATION,
        ("Jatim", "Jawa Timur"),
        None,
        None,
        (Evidence(9, 14, "Jatim"),),
    )
    person = Entity("x", EntityType.PERSON, ("X",), None, None, (Evidence(20, 21, "X"),))
    entities, same = _one_entity_per_node((first, second, person))
    assert [e.id for e in entities] == ["jatim", "x"]
    assert entities[0].names == ("Jatim", "Jawa Timur") and len(entities[0].evidence) == 2
    role = Role("r1", "x", "Governor", "jatim_2", (Evidence(20, 21, "X"),))
    assert _renamed(role, same).of == "jatim"
