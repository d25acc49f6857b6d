"""Writing :class:`~kg.facts.model.Facts` as a facts file (YAML), the inverse of loading.

Only fields that carry information are written, in a fixed order, so that files diff well.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import yaml

from kg.facts import schema
from kg.facts.model import FORMAT, DateValue, Evidence, Facts, Quantity
from kg.facts.rules import date_bounds, default_bounds

__all__ = ["dump_facts", "facts_to_data"]


def _evidence(items: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"start": e.start, "end": e.end, "text": e.text} for e in items]


def _quantity(q: Quantity | None) -> dict[str, Any] | None:
    if q is None:
        return None
    data: dict[str, Any] = {"value": q.value, "qualifier": q.qualifier.value}
    implied = default_bounds(q.qualifier, q.value, None, None)
    if q.min is not None and q.min != implied[0]:
        data["min"] = q.min
    if q.max is not None and q.max != implied[1]:
        data["max"] = q.max
    data["text"] = q.text
    return _compact(data)


def _date(d: DateValue | None) -> dict[str, Any] | None:
    if d is None:
        return None
    data: dict[str, Any] = {"date": d.iso}
    implied = date_bounds(d.value, d.precision)
    if (d.earliest, d.latest) != implied:
        data["earliest"] = d.earliest.isoformat()
        data["latest"] = d.latest.isoformat()
    if d.approximate:
        data["approximate"] = True
    data["text"] = d.text
    return _compact(data)


def _compact(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v is not None and v != [] and v is not False}


def _value(key: schema.Key, v: Any) -> Any:
    """A field's value as facts-file data, by its kind."""
    if key.kind == "date":
        return _date(v)
    if key.kind == "quantity":
        return _quantity(v)
    if key.kind == "evidence":
        return _evidence(v)
    if key.kind in ("object", "facts"):
        return _mapping(v) if key.kind == "object" else [_mapping(item) for item in v]
    if isinstance(v, tuple):
        return list(v)
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _mapping(obj: Any) -> dict[str, Any]:
    """A fact, entity, article or review as a mapping: its keys in file order, those that
    carry information (the keys and their order come from the dataclass fields' metadata)."""
    return _compact({k.name: _value(k, getattr(obj, k.attr)) for k in schema.keys(obj.__class__)})


def facts_to_data(facts: Facts) -> dict[str, Any]:
    """The facts as plain data (dicts, lists, strings, numbers) in facts-file order."""
    data: dict[str, Any] = {"format": FORMAT}
    for key in schema.keys(Facts):
        data[key.name] = _value(key, getattr(facts, key.attr))
    return data


_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Dumper(_BaseDumper):  # type: ignore[valid-type,misc]
    """Block style, but evidence spans on one line; libyaml's emitter when available."""


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flow = set(data) == {"start", "end", "text"}
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


_Dumper.add_representer(dict, _represent_dict)


def dump_facts(facts: Facts) -> str:
    """The YAML text of a facts file.

    >>> from kg.facts.model import Article
    >>> print(dump_facts(Facts(Article("a1", "T", dt.date(2022, 1, 13), "id"))).splitlines()[0])
    format: kg-facts/1
    """
    return yaml.dump(
        facts_to_data(facts),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )
