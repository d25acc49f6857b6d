"""A deployment while it is being found (its draft row), and the small tests on drafts the
rules share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TypeVar

from kg.extract.entities import LOC, ORG, Draft, Entities, Mention
from kg.extract.story import country_of
from kg.extract.text import Layout
from kg.extract.trace import Step
from kg.facts.model import DateValue, Deployment, DeploymentStatus, Evidence, Quantity

T = TypeVar("T")


@dataclass
class DepDraft:
    by: Draft
    to: Draft
    status: DeploymentStatus
    troops: Quantity | None
    start: DateValue | None
    sentence: int
    para: int
    evidence: list[tuple[int, int]] = field(default_factory=list)
    requested_by: Draft | None = None
    withdrawal: DateValue | None = None
    end: DateValue | None = None  # when the last troops left
    left: bool = False  # known only from troops leaving the place
    part_of: Draft | None = None  # the collective sender of a counted contingent
    leader: Draft | None = None  # the member that leads the sender ("pimpinan Rusia")
    shared: Quantity | None = None  # the count the senders named together share
    why: list[Step] = field(default_factory=list)  # for kg extract --explain


def move_to(dep: DepDraft, place: Draft, pairs: dict[tuple[int, int], DepDraft]) -> None:
    """``dep`` goes to ``place`` instead; ``pairs``, the first row of each (sender,
    destination) by identity, follows it."""
    pairs.pop((id(dep.by), id(dep.to)), None)
    dep.to = place
    pairs[(id(dep.by), id(place))] = dep


def better_count(told: Quantity | None, more: Quantity | None) -> Quantity | None:
    """The count a deployment told again keeps: the first, unless it was vague and the
    new one is exact ("ribuan tentara ... 3.000 tentara")."""
    if told is None or (told.value is None and more is not None and more.value is not None):
        return more or told
    return told


def a_pledge_only(
    dep: DepDraft, status: DeploymentStatus, count: Quantity | None, pledged: bool
) -> bool:
    """Rule a-pledge-counts-no-arrival: a pledge (``pledged``: its clause has a verb of
    promising) told of troops that came, with a count the row lacks ("Kenyan police
    arrived in Haiti ... Kenya has pledged 1,000 officers"), counts the troops promised,
    not those who came: the row keeps no count from it ("15 personnel would deploy first"
    counts them)."""
    return (
        pledged
        and dep.status is DeploymentStatus.HAPPENED
        and status is DeploymentStatus.PLANNED
        and dep.troops is None
        and count is not None
    )


def a_state_s_force(a: Draft, b: Draft | None) -> bool:
    """One of ``a`` and ``b`` is a country and the other a force named after it ("South
    Africa" and "South African National Defence Force")."""
    if b is None:
        return False
    for state, force in ((a, b), (b, a)):
        entry = state.entry
        if entry is None or entry.kind != "country" or force.type is not ORG:
            continue
        name = force.names[0].casefold()
        if any(name.startswith(f"{n.casefold()} ") for n in (*entry.names, *entry.demonyms)):
            return True
    return False


def within(place: Draft, area: Draft) -> bool:
    """``place`` is ``area`` or is named after it ("Kabupaten Sleman" in Sleman, "Jakarta
    Pusat" in Jakarta)."""
    if place is area:
        return True
    name = area.names[0].casefold()
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", n.casefold()) is not None for n in place.names
    )


def rest_in_order(chosen: list[T | None], pool: list[T]) -> list[T]:
    """``chosen`` with each gap filled by the next of ``pool`` not chosen: parts whose
    owner the text names go to it, the others to the rest in the order they are named.

    >>> rest_in_order([None, "b", None], ["a", "b", "c"])
    ['a', 'b', 'c']
    """
    rest = [p for p in pool if all(p is not c for c in chosen)]
    return [c if c is not None else rest.pop(0) for c in chosen]


def a_town(place: Draft) -> bool:
    """``place`` is a town or city that stands for no state (not a capital)."""
    entry = place.entry
    return (
        place.type is LOC
        and entry is not None
        and entry.kind in ("town", "city")
        and not entry.capital_of
    )


def names_within(owner: Draft, body: Draft) -> bool:
    """``owner`` is the body or is named inside its name ("TNI" in "Markas Besar TNI")."""
    if owner is body:
        return True
    return any(
        re.search(rf"(?<!\w){re.escape(o)}(?!\w)", name) for o in owner.names for name in body.names
    )


def leads(mentions: list[tuple[Mention, Draft]], by: Draft, ents: Entities) -> bool:
    """``by`` is the first organization or place the sentence names (its subject, in news
    style: "South Africa denied ...")."""
    first = next((d for _, d in mentions if d.type in (LOC, ORG)), None)
    return first is not None and country_of(first, ents) is by


def is_country(d: Draft) -> bool:
    return d.entry is not None and d.entry.kind == "country"


def to_deployment(lay: Layout, i: int, d: DepDraft) -> Deployment:
    return Deployment(
        id=f"deployment_{i}",
        by=d.by.id,
        to=d.to.id,
        status=d.status,
        troops=d.troops,
        requested_by=d.requested_by.id if d.requested_by else None,
        part_of=d.part_of.id if d.part_of else None,
        start=d.start,
        withdrawal=d.withdrawal,
        end=d.end,
        evidence=tuple(Evidence(a, b, lay.body[a:b]) for a, b in d.evidence[:3]),
    )
