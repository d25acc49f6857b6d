"""A protest while it is being found (its draft row), the one a sentence names or told
last, its counts and causes, and the facts it becomes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.extract.entities import LOC, Draft, Entities
from kg.extract.story import country_of
from kg.extract.text import Sentence
from kg.extract.trace import Step
from kg.facts.model import DateValue, Quantity


@dataclass
class ProtestDraft:
    location: Draft
    start: DateValue | None
    position: int
    causes: list[str] = field(default_factory=list)
    deaths: Quantity | None = None
    injuries: Quantity | None = None
    arrests: Quantity | None = None
    participants: Quantity | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    cued: bool = False  # the start comes from "began on ..." / "dimulai pada ..."
    spans: set[tuple[int, int]] = field(default_factory=set)  # the evidence, to look up
    why: list[Step] = field(default_factory=list)  # for kg extract --explain

    def __post_init__(self) -> None:
        self.spans.update(self.evidence)

    def add(self, span: tuple[int, int]) -> None:
        """Add a sentence to the evidence."""
        self.evidence.append(span)
        self.spans.add(span)


def words_after(text: str, end: int, lead: str = "") -> str | None:
    """The up to three words after ``end`` (and after ``lead``, a pattern), or None."""
    m = re.match(rf"{lead}\s+((?:[\w-]+\s+){{0,2}}[\w-]+)", text[end : end + 60])
    return m.group(1) if m else None


def nearest(protests: list[ProtestDraft], position: int) -> ProtestDraft:
    """The protest told last before ``position``: the one whose evidence has the latest
    sentence there (a wave told of again after a town's rally is the one meant)."""
    told = [
        (max(a for a, _ in p.evidence if a <= position), i)
        for i, p in enumerate(protests)
        if any(a <= position for a, _ in p.evidence)
    ]
    return protests[max(told)[1]] if told else protests[0]


def is_country(d: Draft | None) -> bool:
    return d is not None and d.type is LOC and d.entry is not None and d.entry.kind == "country"


def protest_named(protests: list[ProtestDraft], ents: Entities, s: Sentence) -> ProtestDraft | None:
    """The one protest whose place (or the country of its capital) a sentence names."""
    named = {country_of(d, ents).id for _, d in ents.mentions_in(s.start, s.end)}
    named |= {d.id for _, d in ents.mentions_in(s.start, s.end)}
    hits = [p for p in protests if p.location.id in named]
    return hits[0] if len(hits) == 1 else None
