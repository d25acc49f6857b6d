"""The facts format is declared once (the dataclass fields' metadata in kg/facts/model.py);
the loader's keys, the dumper's order, merging, the JSON Schema and the docs derive from it."""

from __future__ import annotations

import dataclasses
import importlib

import pytest

from kg.errors import FactsError
from kg.facts import model, schema
from kg.facts.dump import facts_to_data
from kg.facts.load import parse_facts

CLASSES = [
    model.Facts,
    model.Article,
    model.Review,
    model.Entity,
    model.Deployment,
    model.Protest,
    model.Role,
    model.Membership,
    model.DateValue,
    model.Quantity,
    model.Evidence,
]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_field_declares_its_kind_and_meaning(cls: type) -> None:
    for f in dataclasses.fields(cls):
        assert f.metadata.get("kind") in (*schema.KINDS, "enum"), f.name
        assert f.metadata["description"].endswith("."), f.name
        required = f.metadata["required"]
        has_default = f.default is not dataclasses.MISSING or (
            f.default_factory is not dataclasses.MISSING
        )
        assert not (required and has_default), f"{cls.__name__}.{f.name}: required with a default"


def test_sections_and_top_keys_follow_the_facts_dataclass() -> None:
    assert schema.SECTIONS == ("entities", "deployments", "protests", "roles", "memberships")
    assert schema.TOP_KEYS[:3] == ("format", "article", "review")
    assert importlib.import_module("kg.extract.merge")._SECTIONS == schema.SECTIONS


def test_file_order_is_the_dump_order() -> None:
    text = """\
article: {id: a1, title: T, language: en, publisher: P, published: '2022-01-13'}
entities:
- {id: csto, type: Organization, names: [CSTO], reviewed: true}
- {id: kz, type: Location, names: [Kazakhstan]}
deployments:
- {id: d1, by: csto, to: kz, part_of: csto, troops: 5, requested_by: kz, reviewed: true,
   start: '2022-01', evidence: [{start: 0, end: 1, text: x}]}
"""
    data = facts_to_data(parse_facts(text))
    assert list(data) == list(schema.TOP_KEYS)
    assert list(data["article"]) == ["id", "title", "publisher", "published", "language"]
    deployment = list(data["deployments"][0])
    assert deployment == [k for k in schema.yaml_keys(model.Deployment) if k in deployment]


def test_an_unknown_key_names_the_declared_keys() -> None:
    with pytest.raises(FactsError) as info:
        parse_facts(
            "article: {id: a1, title: T, language: en}\nentities:\n- {id: x, typ: Person}\n"
        )
    message = str(info.value)
    assert (
        "unknown key 'typ'; expected one of: " + ", ".join(schema.yaml_keys(model.Entity))
        in message
    )


def test_a_field_without_metadata_is_refused() -> None:
    @dataclasses.dataclass(frozen=True)
    class Bare:
        x: int

    with pytest.raises(TypeError, match=r"Bare\.x has no facts-file metadata"):
        schema.keys(Bare)
