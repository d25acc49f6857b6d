"""The benchmark shape read by ``shared/eval/score.py``: one JSON object per article."""

from __future__ import annotations

from typing import Any

from kg.facts.model import DateValue, Facts, Quantity

__all__ = ["to_bench"]


def _date(d: DateValue | None) -> str | None:
    return d.iso if d is not None else None


def _num(q: Quantity | None) -> int | None:
    return q.value if q is not None else None


def _approx(q: Quantity | None) -> bool:
    return q is not None and q.qualifier.value not in ("exact",)


def to_bench(facts: Facts) -> dict[str, Any]:
    """The facts in the benchmark shape (ids, names, slots; no evidence offsets)."""
    a = facts.article
    return {
        "article": a.source,
        "published": a.published.isoformat() if a.published else None,
        "entities": [
            {"id": e.id, "type": e.type.value, "names": list(e.names), "wikidata": e.wikidata}
            for e in facts.entities
        ],
        "deployments": [
            {
                "by": d.by,
                "to": d.to,
                "troops": _num(d.troops),
                "troops_approx": _approx(d.troops),
                "troops_text": d.troops.text if d.troops else None,
                "requested_by": d.requested_by,
                "part_of": d.part_of,
                "start": _date(d.start),
                "end": _date(d.end),
                "withdrawal_start": _date(d.withdrawal),
                "status": d.status.value,
                "evidence": d.evidence[0].text if d.evidence else None,
            }
            for d in facts.deployments
        ],
        "protests": [
            {
                "location": p.location,
                "places": list(p.places),
                "start": _date(p.start),
                "causes": list(p.causes),
                "deaths": _num(p.deaths),
                "deaths_text": p.deaths.text if p.deaths else None,
                "arrests": _num(p.arrests),
                "arrests_approx": _approx(p.arrests),
                "injuries": _num(p.injuries),
                "injuries_text": p.injuries.text if p.injuries else None,
                "participants": _num(p.participants),
                "participants_text": p.participants.text if p.participants else None,
                "evidence": p.evidence[0].text if p.evidence else None,
            }
            for p in facts.protests
        ],
        "roles": [
            {
                "person": r.person,
                "role": r.role,
                "of": r.of,
                "evidence": r.evidence[0].text if r.evidence else None,
            }
            for r in facts.roles
        ],
    }
