"""Re-running extraction never overwrites a person's work.

- No facts file yet: the new draft is written.
- The existing file has ``review.status: reviewed``: it is left untouched; the result says
  what the new extraction would add or change, so a person can look.
- The existing file is a draft: every fact marked ``reviewed: true`` is kept as it is
  (with the entities it refers to); all other facts are replaced by the new extraction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

from kg.facts.model import Facts, ReviewStatus
from kg.facts.schema import SECTION_TYPES, SECTIONS

__all__ = ["MergeResult", "merge"]

_SECTIONS = SECTIONS  # entities first; derived from the Facts dataclass


@dataclass(frozen=True)
class MergeResult:
    """What to write (None: leave the file alone) and what changed."""

    facts: Facts | None
    kept: int = 0
    changes: list[str] = field(default_factory=list)


def _signature(fact: object) -> tuple[object, ...]:
    values = {k: v for k, v in vars(fact).items() if k not in ("id", "evidence", "reviewed")}
    return tuple(sorted((k, repr(v)) for k, v in values.items()))


_SINGULAR = {section: cls.__name__.lower() for section, cls in SECTION_TYPES.items()}
_NOT_COMPARED = ("id", "evidence", "reviewed")


def _show(value: object) -> str:
    """A field's value as a reviewer reads it."""
    if value is None or value == ():
        return "-"
    if isinstance(value, tuple):
        return ", ".join(_show(v) for v in value)
    if isinstance(value, Enum):
        return str(value.value)
    iso = getattr(value, "iso", None)  # a date: at its precision
    if isinstance(iso, str):
        return iso
    text = getattr(value, "text", None)  # a count: as the article wrote it
    count = getattr(value, "value", None)
    if text is not None or count is not None:
        return f"{count if count is not None else '?'} ({text})" if text else str(count)
    return str(value)


def _diff(old: Facts, new: Facts) -> list[str]:
    """What a new extraction would add or change in a reviewed file, each changed field
    as old -> new."""
    changes = []
    for section in _SECTIONS:
        olds = {f.id: f for f in getattr(old, section)}
        before = {_signature(f) for f in olds.values()}
        name = _SINGULAR[section]
        for fact in getattr(new, section):
            if _signature(fact) in before:
                continue
            prior = olds.get(fact.id)
            if prior is None:
                changes.append(f"would add {name} {fact.id}")
                continue
            fields = [
                f"{key}: {_show(getattr(prior, key))} -> {_show(value)}"
                for key, value in vars(fact).items()
                if key not in _NOT_COMPARED and getattr(prior, key) != value
            ]
            changes.append(f"would change {name} {fact.id} ({'; '.join(fields)})")
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
    facts = replace(new, **merged)  # type: ignore[arg-type]
    return MergeResult(facts, count, changes)
