"""The facts-file schema, derived from the field metadata on the dataclasses in
:mod:`kg.facts.model` (the one declaration of the format).

From it come the keys the loader accepts and requires, the order the dumper writes, the
sections merging walks, the entity types each reference may point to, the JSON Schema that
editors check facts files with (``kg/resources/facts.schema.json``) and the format's
documentation (``docs/facts-format.md``). Regenerate both files after changing a field::

    python -m kg.facts --write

and ``python -m kg.facts --check`` (run by the tests) fails while they are stale.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import types
import typing
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Any

from kg.facts.model import (
    FORMAT,
    Article,
    DateValue,
    EntityType,
    Evidence,
    Facts,
    Quantity,
    Review,
)

__all__ = [
    "DOC_PATH",
    "KINDS",
    "MAX_COUNT",
    "MAX_ID",
    "REFERENCES",
    "SCHEMA_PATH",
    "SECTIONS",
    "SECTION_TYPES",
    "TOP_KEYS",
    "Key",
    "json_schema",
    "keys",
    "markdown",
    "required_keys",
    "yaml_keys",
]

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "resources" / "facts.schema.json"
DOC_PATH = Path(__file__).resolve().parents[2] / "docs" / "facts-format.md"
#: The largest count a facts file may state.
MAX_COUNT = 100_000_000
#: The longest id (an id becomes part of IRIs and file names).
MAX_ID = 200
ID_PATTERN = rf"^[a-z0-9][a-z0-9_.-]{{0,{MAX_ID - 1}}}$"
QID_PATTERN = r"^Q[1-9][0-9]*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

_ID = {"type": "string", "pattern": ID_PATTERN}
_TEXT = {"type": "string", "pattern": r"\S"}
_COUNT = {"type": "integer", "minimum": 0, "maximum": MAX_COUNT}
_DATE_TEXT = {"type": ["string", "integer"], "pattern": DATE_PATTERN, "minimum": 1000}

#: How a value of each kind is written: (JSON Schema, words for the documentation).
KINDS: dict[str, tuple[dict[str, Any], str]] = {
    "id": (_ID, "id"),
    "key": (_ID, "id"),
    "ref": (_ID, "entity id"),
    "refs": ({"type": "array", "items": _ID}, "list of entity ids"),
    "text": (_TEXT, "text"),
    "texts": ({"type": "array", "items": _TEXT}, "list of texts"),
    "enum": ({}, "one of"),
    "bool": ({"type": "boolean"}, "true or false"),
    "offset": (_COUNT, "whole number"),
    "count": (_COUNT, "whole number"),
    "day": ({"type": "string", "pattern": DAY_PATTERN}, "YYYY-MM-DD"),
    "datetext": (_DATE_TEXT, "YYYY, YYYY-MM or YYYY-MM-DD"),
    "date": (
        {"anyOf": [_DATE_TEXT, {"$ref": "#/$defs/date"}]},
        "[date](#dates): YYYY, YYYY-MM, YYYY-MM-DD or a mapping",
    ),
    "quantity": (
        {"anyOf": [_COUNT, {"$ref": "#/$defs/count"}]},
        "[count](#counts): a whole number or a mapping",
    ),
    "evidence": (
        {"type": "array", "items": {"$ref": "#/$defs/evidence"}},
        "list of [evidence](#evidence)",
    ),
    "qid": ({"type": "string", "pattern": QID_PATTERN}, "Wikidata id (Q…)"),
    "language": ({"type": "string", "pattern": LANGUAGE_PATTERN}, "language code"),
    "url": ({"type": "string", "pattern": r"^https?://[^\s<>\"{}|^`\\]+$"}, "http(s) URL"),
    "object": ({}, "mapping"),
    "facts": ({}, "list"),
}


@dataclass(frozen=True)
class Key:
    """One key of a facts-file mapping, as declared on a dataclass field."""

    name: str  # the YAML key
    attr: str  # the dataclass field
    kind: str
    description: str
    required: bool
    example: object = None
    refers: tuple[EntityType, ...] = ()
    enum: type[StrEnum] | None = None
    item: type | None = None  # the dataclass of an "object" or of each item of "facts"


def _unwrap(hint: Any) -> Any:
    """``X | None`` -> X; ``tuple[X, ...]`` -> X."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        (hint,) = [a for a in typing.get_args(hint) if a is not type(None)]
    if typing.get_origin(hint) is tuple:
        hint = typing.get_args(hint)[0]
    return hint


@cache
def keys(cls: type) -> tuple[Key, ...]:
    """The keys of ``cls``'s mapping in a facts file, in the order files are written."""
    hints = typing.get_type_hints(cls)
    found: list[Key] = []
    for f in dataclasses.fields(cls):
        m = f.metadata
        if "kind" not in m:
            raise TypeError(f"{cls.__name__}.{f.name} has no facts-file metadata")
        inner = _unwrap(hints[f.name])
        found.append(
            Key(
                name=m.get("yaml", f.name),
                attr=f.name,
                kind=m["kind"],
                description=m["description"],
                required=m["required"],
                example=m.get("example"),
                refers=m.get("refers", ()),
                enum=inner if m["kind"] == "enum" else None,
                item=inner if m["kind"] in ("object", "facts") else None,
            )
        )
    for f in dataclasses.fields(cls):  # a key written before another one
        if (before := f.metadata.get("before")) is not None:
            moved = next(k for k in found if k.attr == f.name)
            found.remove(moved)
            found.insert(next(i for i, k in enumerate(found) if k.name == before), moved)
    return tuple(found)


@cache
def yaml_keys(cls: type) -> tuple[str, ...]:
    """The keys a mapping of ``cls`` may have, in file order."""
    return tuple(k.name for k in keys(cls))


@cache
def required_keys(cls: type) -> tuple[str, ...]:
    """The keys a mapping of ``cls`` must have (with a value other than null)."""
    return tuple(k.name for k in keys(cls) if k.required)


#: The top-level keys of a facts file.
TOP_KEYS = ("format", *yaml_keys(Facts))
#: The lists of facts (entities first), and the type of each item.
SECTION_TYPES: dict[str, type] = {
    k.attr: k.item for k in keys(Facts) if k.kind == "facts" and k.item is not None
}
SECTIONS = tuple(SECTION_TYPES)
#: For each section, the entity types each of its references may point to.
REFERENCES: dict[str, dict[str, frozenset[EntityType]]] = {
    section: {k.name: frozenset(k.refers) for k in keys(cls) if k.refers}
    for section, cls in SECTION_TYPES.items()
    if any(k.refers for k in keys(cls))
}
# The value types, written as a mapping (or a shorthand scalar) wherever a field has them.
_VALUE_TYPES: dict[str, type] = {"date": DateValue, "count": Quantity, "evidence": Evidence}


# -- JSON Schema ------------------------------------------------------------------------------
def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional key's value: null (an empty value) means the key is absent."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    if isinstance(schema.get("type"), str):
        return {**schema, "type": [schema["type"], "null"]}
    if isinstance(schema.get("type"), list):
        return {**schema, "type": [*schema["type"], "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


def _value_schema(key: Key) -> dict[str, Any]:
    if key.kind == "enum":
        assert key.enum is not None
        return {"enum": [m.value for m in key.enum]}
    if key.kind in ("object", "facts"):
        assert key.item is not None
        ref = {"$ref": f"#/$defs/{_def_name(key.item)}"}
        return ref if key.kind == "object" else {"type": "array", "items": ref}
    if key.kind not in KINDS:
        raise ValueError(f"unknown facts-file kind {key.kind!r} (see kg.facts.schema.KINDS)")
    return dict(KINDS[key.kind][0])


def _def_name(cls: type) -> str:
    names = {v: k for k, v in _VALUE_TYPES.items()}
    return names.get(cls, cls.__name__.lower())


def _description(key: Key) -> str:
    text = key.description
    if key.refers:
        text += f" An entity id: {' or '.join(t.value for t in key.refers)}."
    return text


def _object_schema(cls: type) -> dict[str, Any]:
    properties: dict[str, Any] = {}
    for key in keys(cls):
        value = _value_schema(key)
        if key.kind == "texts" and key.required:
            value["minItems"] = 1
        if not key.required:
            value = _nullable(value)
        prop: dict[str, Any] = {"description": _description(key), **value}
        if key.example is not None:
            prop["examples"] = [key.example]
        properties[key.name] = prop
    schema: dict[str, Any] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().splitlines()[0],
        "properties": properties,
        "additionalProperties": False,
    }
    if required := list(required_keys(cls)):
        schema["required"] = required
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a facts file."""
    top = _object_schema(Facts)
    top["properties"] = {
        "format": {"description": "The format of the file.", "const": FORMAT},
        **top["properties"],
    }
    defs = {
        _def_name(cls): _object_schema(cls)
        for cls in (Article, Review, *SECTION_TYPES.values(), DateValue, Quantity, Evidence)
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"kg facts file ({FORMAT})",
        "description": (
            "The facts one news article states, for review by people. Generated from "
            "kg/facts/model.py by python -m kg.facts --write; kg validate checks "
            "what a schema cannot (references, evidence offsets, bounds)."
        ),
        **{k: v for k, v in top.items() if k != "description"},
        "$defs": defs,
    }


def schema_text() -> str:
    """The JSON Schema as written to :data:`SCHEMA_PATH`."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


# -- documentation ----------------------------------------------------------------------------
def _flow(value: object) -> str:
    """A value as YAML flow text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    text = str(value)
    if isinstance(value, str) and (text[:1] in "{[&*!|>'\"%@`#-?:," or ": " in text):
        return json.dumps(text, ensure_ascii=False)
    return text


def _words(key: Key) -> str:
    if key.kind == "enum":
        assert key.enum is not None
        return "one of " + ", ".join(f"`{m.value}`" for m in key.enum)
    if key.kind == "object":
        assert key.item is not None
        return f"[mapping](#{_def_name(key.item)})"
    if key.kind == "facts":
        assert key.item is not None
        return f"list of [{_def_name(key.item)}](#{key.name})"
    words = KINDS[key.kind][1]
    if key.refers:
        words += " (" + " or ".join(t.value for t in key.refers) + ")"
    return words


def _table(cls: type) -> list[str]:
    rows = ["| key | value | required | meaning | example |", "|---|---|---|---|---|"]
    for key in keys(cls):
        example = f"`{_flow(key.example)}`" if key.example is not None else ""
        required = "**yes**" if key.required else "no"
        meaning = key.description.replace("|", "\\|")
        rows.append(f"| `{key.name}` | {_words(key)} | {required} | {meaning} | {example} |")
    return rows


_INTRO = f"""\
# The facts file format (`{FORMAT}`)

<!-- Generated from kg/facts/model.py by `python -m kg.facts --write`: do not edit;
     change the dataclass fields and their metadata, then regenerate. -->

A facts file is one YAML file per article: the facts kg extracts from it, which people
review and correct by hand. `kg build` maps it to RDF, `kg validate` checks it. Every
problem in a file is reported at once with its line and column.

The format is declared once, as the dataclasses of `kg/facts/model.py` with their field
metadata; the loader, the dumper, merging, this page and the JSON Schema
[`kg/resources/facts.schema.json`](../kg/resources/facts.schema.json) are derived from it.

## Checking facts files while you type

Editors that use the YAML language server (VS Code with the Red Hat YAML extension, Neovim,
Helix, JetBrains IDEs, ...) check a facts file against the JSON Schema as you type: unknown
or misspelt keys, missing required keys, values of the wrong shape and enum values, with
the meaning of each key on hover. Either name the schema in the file's first line (the path
is relative to the file; this one is for a file in `examples/facts/`):

```yaml
# yaml-language-server: $schema=../../kg/resources/facts.schema.json
```

or map it to your facts folders once, in `.vscode/settings.json`:

```json
{{
  "yaml.schemas": {{
    "./kg/resources/facts.schema.json": ["examples/facts/*.yaml", "facts/**/*.yaml"]
  }}
}}
```

The schema checks keys and the shape of values; `kg validate` also checks what a schema
cannot: that references name entities of the right type, that evidence quotes the article
at its offsets, that count and date bounds are consistent, and that ids are unique.

Optional keys may be left out or left empty (`key:` with no value); both mean "not stated".
Keys are written in the order of the tables below.

## Changing the format

A new optional field on deployments, roles or memberships is one dataclass field in
`kg/facts/model.py` with its metadata, e.g.
`note: str | None = field(default=None, metadata=meta("text", "A note.", example="..."))`:
the loader reads and checks it by its kind, the dumper writes it (in field order, or
`before=` another key), merging compares it, and the schema and this page describe it
once they are regenerated with `python -m kg.facts --write` (the tests fail until then).
If the field maps to RDF, `kg/mapping.py` (and the ontology and shapes) say how; if the
extraction benchmark should score it, `kg/extract/bench.py` and `kg/facts/benchmark.py`.
Entities, protests, the article and the review have readers of their own in
`kg/facts/load.py` (their messages name the value, e.g. `a place`): a new field there is
also read there, and a test lists their keys so that it is not forgotten.
"""

_SECTION_TEXT = {
    "top": "## The file\n\nThe top level of a facts file.",
    "article": "## `article`",
    "review": "## `review`",
    "date": (
        "## Dates\n\nA date is `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the precision), or a mapping "
        "that adds bounds for a relative phrase resolved against the publication date "
        "(`pekan lalu`), `approximate` and the verbatim `text`."
    ),
    "count": (
        "## Counts\n\nA count is a whole number (an exact count) or a mapping with the "
        'hedge as `qualifier`. Bounds follow from the qualifier ("hampir 2.000" is at most '
        '2000, "more than 300" at least 301); a `vague` count ("puluhan", "dozens") has '
        "`min`/`max` and never a made-up `value`."
    ),
    "evidence": (
        "## Evidence\n\nA span of the article body (the text after the header's `---` line), "
        "written on one line: `{start: 40, end: 44, text: CSTO}`."
    ),
}


def markdown() -> str:
    """``docs/facts-format.md``: the format, key by key."""
    lines = [_INTRO]
    top = [
        "| key | value | required | meaning | example |",
        "|---|---|---|---|---|",
        f"| `format` | `{FORMAT}` | no | The format of the file. | `{FORMAT}` |",
        *_table(Facts)[2:],
    ]
    lines += [_SECTION_TEXT["top"], "", *top, ""]
    mappings: tuple[tuple[str, type], ...] = (("article", Article), ("review", Review))
    for name, cls in mappings:
        lines += [_SECTION_TEXT[name], "", (cls.__doc__ or "").strip(), "", *_table(cls), ""]
    for section, item in SECTION_TYPES.items():
        doc = (item.__doc__ or "").strip()
        lines += [f"## `{section}`", "", f"Each item: {doc[0].lower()}{doc[1:]}", ""]
        lines += [*_table(item), ""]
    for name, value_type in _VALUE_TYPES.items():
        lines += [_SECTION_TEXT[name], "", *_table(value_type), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


# -- command line -----------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    """Print or write the JSON Schema and the documentation; --check: are they current?"""
    parser = argparse.ArgumentParser(prog="python -m kg.facts", description=main.__doc__ or "")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--json", action="store_true", help="print the JSON Schema")
    group.add_argument("--markdown", action="store_true", help="print docs/facts-format.md")
    group.add_argument("--write", action="store_true", help="write both files")
    group.add_argument("--check", action="store_true", help="exit 1 if a file is stale")
    args = parser.parse_args(argv)
    outputs = {SCHEMA_PATH: schema_text(), DOC_PATH: markdown()}
    if args.json:
        sys.stdout.write(outputs[SCHEMA_PATH])
    elif args.markdown:
        sys.stdout.write(outputs[DOC_PATH])
    elif args.write:
        for path, text in outputs.items():
            path.write_text(text, encoding="utf-8")
    else:
        stale = [p for p, t in outputs.items() if not p.exists() or p.read_text("utf-8") != t]
        for path in stale:
            print(f"{path} is stale: run python -m kg.facts --write", file=sys.stderr)
        return 1 if stale else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
