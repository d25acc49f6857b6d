"""Re-running extraction never overwrites a person's work.

- No facts file yet: the new draft is written.
- The existing file has ``review.status: reviewed``: it is left untouched; the result says
  what the new extraction would add or change, so a person can look.
- The existing file is a draft: every fact marked ``reviewed: true`` is kept as it is
  (with the entities it refers to); all other facts are replaced by the new extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from kg.facts.model import Facts, ReviewStatus

__all__ = ["MergeResult", "merge"]

_SECTIONS = ("entities", "deployments", "protests", "roles", "memberships")


@dataclass(frozen=True)
class MergeResult:
    """What to write (None: leave the file alone) and what changed."""

    facts: Facts | None
    kept: int = 0
    changes: list[str] = field(default_factory=list)


def _signature(fact: object) -> tuple[object, ...]:
    values = {k: v for k, v in vars(fact).items() if k not in ("id", "evidence", "reviewed")}
    return tuple(sorted((k, repr(v)) for k, v in values.items()))


def _diff(old: Facts, new: Facts) -> list[str]:
    changes = []
    for section in _SECTIONS:
        before = {_signature(f) for f in getattr(old, section)}
        old_ids = {f.id for f in getattr(old, section)}
        for fact in getattr(new, section):
            if _signature(fact) not in before:
                verb = "change" if fact.id in old_ids else "add"
                changes.append(f"would {verb} {section[:-1]} {fact.id}")
    return changes


def merge(existing: Facts | None, new: Facts) -> MergeResult:
    """Combine a new extraction with an existing facts file (see the module docstring)."""
    if existing is None:
        return MergeResult(new)
    if existing.review.status is ReviewStatus.REVIEWED:
        return MergeResult(None, 0, _diff(existing, new))
    kept = {s: [f for f in getattr(existing, s) if f.reviewed] for s in _SECTIONS}
    kept_ids = {f.id for facts in kept.values() for f in facts}
    needed: set[str] = set()
    for section in _SECTIONS[1:]:
        for fact in kept[section]:
            needed.update(v for v in vars(fact).values() if isinstance(v, str))
    kept["entities"] += [e for e in existing.entities if e.id in needed and e.id not in kept_ids]
    kept_ids = {f.id for facts in kept.values() for f in facts}
    merged: dict[str, tuple[Any, ...]] = {}
    for section in _SECTIONS:
        fresh = [f for f in getattr(new, section) if f.id not in kept_ids]
        merged[section] = tuple(kept[section]) + tuple(fresh)
    count = sum(1 for facts in kept.values() for f in facts if f.reviewed)
    changes = [f"kept {count} reviewed fact(s)"] if count else []
    facts = replace(
        new,
        entities=merged["entities"],
        deployments=merged["deployments"],
        protests=merged["protests"],
        roles=merged["roles"],
        memberships=merged["memberships"],
    )
    return MergeResult(facts, count, changes)
