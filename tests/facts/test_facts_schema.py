"""The facts format is declared once (the dataclass fields' metadata in kg/facts/model.py);
the loader's keys, the dumper's order, merging, the JSON Schema and the docs derive from it."""

from __future__ import annotations

import dataclasses
import importlib
import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

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


# -- the JSON Schema editors check facts files with -------------------------------------------
REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((REPO / "examples" / "facts").glob("*.yaml"))
GOLDEN = sorted((REPO / "tests" / "build" / "golden").glob("*/facts.yaml"))
#: The keywords the generated schema uses, all of which _errors below understands.
KEYWORDS = {
    "$schema", "title", "description", "examples", "$defs", "$ref", "type", "enum", "const",
    "pattern", "minimum", "maximum", "minItems", "properties", "required",
    "additionalProperties", "items", "anyOf",
}  # fmt: skip


def test_the_published_schema_is_the_generated_one() -> None:
    committed = schema.SCHEMA_PATH.read_text(encoding="utf-8")
    assert committed == schema.schema_text(), "stale: run python -m kg.facts --write"
    assert schema.SCHEMA_PATH == REPO / "kg" / "resources" / "facts.schema.json"


def as_editors_read(text: str) -> Any:
    """YAML as the YAML language server reads it (YAML 1.2: dates stay strings)."""

    def convert(node: yaml.Node) -> Any:
        if isinstance(node, yaml.MappingNode):
            return {convert(k): convert(v) for k, v in node.value}
        if isinstance(node, yaml.SequenceNode):
            return [convert(v) for v in node.value]
        kind = node.tag.rsplit(":", 1)[-1]
        if kind == "int":
            return int(node.value.replace("_", ""))
        if kind == "bool":
            return node.value.lower() == "true"
        if kind == "null":
            return None
        if kind == "float":
            return float(node.value)
        return node.value

    return convert(yaml.compose(text, Loader=yaml.SafeLoader))


def _errors(value: Any, s: dict[str, Any], root: dict[str, Any], at: str = "") -> list[str]:
    """A validator for the keywords in KEYWORDS (jsonschema is not a dependency)."""
    if "$ref" in s:
        name = s["$ref"].removeprefix("#/$defs/")
        found = _errors(value, root["$defs"][name], root, at)
        if found:
            return found
    if "anyOf" in s and all(_errors(value, option, root, at) for option in s["anyOf"]):
        return [f"{at}: matches none of anyOf"]
    problems: list[str] = []
    checks = {
        "object": lambda v: isinstance(v, dict),
        "array": lambda v: isinstance(v, list),
        "string": lambda v: isinstance(v, str),
        "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
        "boolean": lambda v: isinstance(v, bool),
        "null": lambda v: v is None,
    }
    if "type" in s:
        kinds = [s["type"]] if isinstance(s["type"], str) else s["type"]
        if not any(checks[k](value) for k in kinds):
            return [f"{at}: {value!r} is not of type {kinds}"]
    if "enum" in s and value not in s["enum"]:
        problems.append(f"{at}: {value!r} is not one of {s['enum']}")
    if "const" in s and value != s["const"]:
        problems.append(f"{at}: {value!r} is not {s['const']!r}")
    if isinstance(value, str) and "pattern" in s and not re.search(s["pattern"], value):
        problems.append(f"{at}: {value!r} does not match {s['pattern']}")
    low, high = s.get("minimum"), s.get("maximum")
    if checks["integer"](value) and not (value if low is None else low) <= value <= (
        value if high is None else high
    ):
        problems.append(f"{at}: {value} is out of range")
    if isinstance(value, list):
        if len(value) < s.get("minItems", 0):
            problems.append(f"{at}: too few items")
        for n, item in enumerate(value):
            problems += _errors(item, s.get("items", {}), root, f"{at}/{n}")
    if isinstance(value, dict):
        properties = s.get("properties", {})
        for key in s.get("required", []):
            if key not in value:
                problems.append(f"{at}: '{key}' is required")
        for key, item in value.items():
            if key in properties:
                problems += _errors(item, properties[key], root, f"{at}/{key}")
            elif s.get("additionalProperties") is False:
                problems.append(f"{at}: unknown key '{key}'")
    return problems


def validate(data: Any) -> list[str]:
    published = json.loads(schema.SCHEMA_PATH.read_text(encoding="utf-8"))
    return _errors(data, published, published)


def test_the_schema_uses_only_keywords_the_test_validator_knows() -> None:
    def walk(node: Any, in_properties: bool = False) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if not in_properties:
                    assert key in KEYWORDS, key
                if key != "examples":
                    walk(value, key in ("properties", "$defs") and not in_properties)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(schema.json_schema())


@pytest.mark.parametrize("path", EXAMPLES + GOLDEN, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_facts_file_validates_against_the_schema(path: Path) -> None:
    assert validate(as_editors_read(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (("deployments", 0, "troop", 5), "unknown key 'troop'"),
        (("deployments", 0, "status", "done"), "is not one of"),
        (("entities", 0, "type", "Country"), "is not one of"),
        (("deployments", 0, "by", "Not An Id"), "does not match"),
        (("deployments", 0, "troops", {"value": 5}), "matches none of anyOf"),
        (("deployments", 0, "start", "13-01-2022"), "matches none of anyOf"),
        (("article", None, "language", None), "'language' is required"),
    ],
)
def test_the_schema_catches_mistakes_while_people_type(
    change: tuple[str, int | None, str, Any], problem: str
) -> None:
    data = as_editors_read(EXAMPLES[0].read_text(encoding="utf-8"))
    section, index, key, value = change
    target = data[section] if index is None else data[section][index]
    if value is None:
        del target[key]
    else:
        target[key] = value
    found = validate(data)
    assert any(problem in p for p in found), found


def test_the_schema_is_valid_draft_2020_12_and_every_facts_file_passes_it() -> None:
    published = json.loads(schema.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(published)
    validator = jsonschema.Draft202012Validator(published)
    for path in EXAMPLES + GOLDEN:
        data = as_editors_read(path.read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], path


def test_a_new_optional_deployment_field_needs_only_its_declaration() -> None:
    """Loading, dumping, merging and the schema pick a new field up from its metadata."""
    from kg.facts import dump, load

    @dataclasses.dataclass(frozen=True)
    class Extended(model.Deployment):
        note: str | None = dataclasses.field(
            default=None, metadata=model.meta("text", "A note.", before="reviewed")
        )

    node = yaml.compose("{id: d1, by: a, to: b, note: seen at the border, reviewed: true}")
    reader = load._Reader(None)
    entries = reader.mapping(node, "deployment", allowed=schema.yaml_keys(Extended))
    fact = Extended(**load._declared_fields(reader, entries, Extended, None, None))
    assert reader.problems == []
    assert fact.note == "seen at the border" and fact.reviewed
    assert list(dump._mapping(fact)) == ["id", "by", "to", "status", "note", "reviewed"]
    assert schema._object_schema(Extended)["properties"]["note"]["description"] == "A note."
    bad = yaml.compose("{id: d1, by: a, to: b, note: ''}")
    entries = reader.mapping(bad, "deployment", allowed=schema.yaml_keys(Extended))
    assert "note" not in load._declared_fields(reader, entries, Extended, None, None)
    assert [p.message for p in reader.problems] == ["note must not be empty"]


#: The mappings load.py reads with readers of their own (not by declared kind): a field added
#: to one of these must also be read there; then add its key here.
HAND_READ = {
    model.Article: "id title publisher published language url authors source sha256",
    model.Review: "status by date tool",
    model.Entity: "id type names authority wikidata reviewed evidence",
    model.Protest: (
        "id location places start end causes deaths injuries arrests participants reviewed evidence"
    ),
    model.DateValue: "date precision earliest latest approximate text",
    model.Quantity: "value qualifier min max text",
    model.Evidence: "start end text",
}


@pytest.mark.parametrize("cls", list(HAND_READ), ids=lambda c: c.__name__)
def test_a_field_on_a_hand_read_mapping_is_also_read_in_load_py(cls: type) -> None:
    assert " ".join(schema.yaml_keys(cls)) == HAND_READ[cls], (
        f"a new {cls.__name__} field: read it in kg/facts/load.py, then list it in HAND_READ"
    )


def test_the_documentation_is_the_generated_one() -> None:
    committed = schema.DOC_PATH.read_text(encoding="utf-8")
    assert committed == schema.markdown(), "stale: run python -m kg.facts --write"
    assert schema.DOC_PATH == REPO / "docs" / "facts-format.md"
    assert "yaml-language-server: $schema=../../kg/resources/facts.schema.json" in committed
    for cls in CLASSES[1:]:
        for key in schema.keys(cls):
            assert f"| `{key.name}` |" in committed


def test_the_check_command_reports_a_stale_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert schema.main(["--check"]) == 0
    stale = tmp_path / "facts.schema.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(schema, "SCHEMA_PATH", stale)
    assert schema.main(["--check"]) == 1
    assert "is stale: run python -m kg.facts --write" in capsys.readouterr().err


def test_the_readme_names_the_schema_and_the_format_page() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "kg/resources/facts.schema.json" in readme
    assert "docs/facts-format.md" in readme
