"""Writing :class:`~kg.facts.model.Facts` as a facts file (YAML), the inverse of loading.

Only fields that carry information are written, in a fixed order, so that files diff well.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import yaml

from kg.facts.model import (
    FORMAT,
    DateValue,
    Deployment,
    Entity,
    Evidence,
    Facts,
    Membership,
    Protest,
    Quantity,
    Role,
)
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


def _value(v: Any) -> Any:
    if isinstance(v, Enum):
        return v.value
    if isinstance(v, dt.date):
        return v.isoformat()
    return v


def _entity(e: Entity) -> dict[str, Any]:
    return _compact(
        {
            "id": e.id,
            "type": e.type.value,
            "names": list(e.names),
            "authority": e.authority,
            "wikidata": e.wikidata,
            "reviewed": e.reviewed,
            "evidence": _evidence(e.evidence),
        }
    )


def _deployment(d: Deployment) -> dict[str, Any]:
    return _compact(
        {
            "id": d.id,
            "by": d.by,
            "to": d.to,
            "status": d.status.value,
            "troops": _quantity(d.troops),
            "requested_by": d.requested_by,
            "part_of": d.part_of,
            "start": _date(d.start),
            "end": _date(d.end),
            "withdrawal": _date(d.withdrawal),
            "reviewed": d.reviewed,
            "evidence": _evidence(d.evidence),
        }
    )


def _protest(p: Protest) -> dict[str, Any]:
    return _compact(
        {
            "id": p.id,
            "location": p.location,
            "places": list(p.places),
            "start": _date(p.start),
            "end": _date(p.end),
            "causes": list(p.causes),
            "deaths": _quantity(p.deaths),
            "injuries": _quantity(p.injuries),
            "arrests": _quantity(p.arrests),
            "participants": _quantity(p.participants),
            "reviewed": p.reviewed,
            "evidence": _evidence(p.evidence),
        }
    )


def _role(r: Role) -> dict[str, Any]:
    return _compact(
        {
            "id": r.id,
            "person": r.person,
            "role": r.role,
            "of": r.of,
            "reviewed": r.reviewed,
            "evidence": _evidence(r.evidence),
        }
    )


def _membership(m: Membership) -> dict[str, Any]:
    return _compact(
        {
            "id": m.id,
            "member": m.member,
            "organization": m.organization,
            "leads": m.leads,
            "reviewed": m.reviewed,
            "evidence": _evidence(m.evidence),
        }
    )


def facts_to_data(facts: Facts) -> dict[str, Any]:
    """The facts as plain data (dicts, lists, strings, numbers) in facts-file order."""
    a = facts.article
    article = _compact(
        {
            "id": a.key,
            "title": a.title,
            "publisher": a.publisher,
            "published": a.published.isoformat() if a.published else None,
            "language": a.language,
            "url": a.url,
            "authors": list(a.authors),
            "source": a.source,
            "sha256": a.sha256,
        }
    )
    review = _compact({k: _value(v) for k, v in vars(facts.review).items()})
    data: dict[str, Any] = {"format": FORMAT, "article": article, "review": review}
    data["entities"] = [_entity(e) for e in facts.entities]
    data["deployments"] = [_deployment(d) for d in facts.deployments]
    data["protests"] = [_protest(p) for p in facts.protests]
    data["roles"] = [_role(r) for r in facts.roles]
    data["memberships"] = [_membership(m) for m in facts.memberships]
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
