"""Reports: what the linker knows of one article's deployment or protest.

A :class:`Report` is a small, picklable summary of a fact, made where the facts are loaded
(a build's worker processes) and compared in the parent. Actors and places are reduced to
*identity tokens*, so that "CSTO" in an English article and "Organisasi Perjanjian Keamanan
Kolektif" in an Indonesian one compare equal: the authority key (``key:csto``), the
Wikidata id (``wd:Q...``) and, for entities no authority knows, the case-folded names
(``name:polda kepri``). A place also knows the country it lies in: a country is its own,
a capital or town of the authority file or of the gazetteer (GeoNames) gives its country.

>>> resolver = Resolver()
>>> sorted(resolver.tokens(names=("Organisasi Perjanjian Keamanan Kolektif",)))
['key:csto', 'name:organisasi perjanjian keamanan kolektif']
>>> resolver.place(names=("Almaty",)).country, resolver.place(names=("Rusia",)).country
('kazakhstan', 'russia')
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from kg.authority import Authority, AuthorityEntry
from kg.facts.model import DateValue, Entity, Facts
from kg.iris import Iris

__all__ = ["Place", "Report", "Resolver", "Span", "reports_of"]

Span = tuple[dt.date, dt.date]
"""A period as a report states it: its earliest and latest day."""


@dataclass(frozen=True)
class Place:
    """A place as a report names it.

    Attributes:
        tokens: its identity tokens.
        country: the authority key of the country it is (or lies in), when known.
        is_country: whether the place is a country.
        name: its first name, for explanations.
    """

    tokens: frozenset[str]
    country: str | None = None
    is_country: bool = False
    name: str = "?"


@dataclass(frozen=True)
class Report:
    """One article's deployment or protest, as the linker compares it.

    Attributes:
        ref: the report's id in the review file: ``article key/kind/fact id``.
        iri: the report's IRI (the fact node in the article graph).
        kind: ``deployment`` or ``protest``.
        article: the article key.
        published: the article's publication date, if known.
        actor: the sender's identity tokens (deployments).
        actor_name: the sender's first name.
        part_of: identity tokens of the collective deployment a contingent belongs to.
        place: the destination (deployments) or location (protests).
        places: further places of a protest.
        status: ``happened``, ``planned`` or ``denied``.
        start: when it started (or starts), as stated.
        end: when it ended, or the withdrawal began, as stated.
        causes: a protest's causes (normalised English phrases).
    """

    ref: str
    iri: str
    kind: str
    article: str
    published: dt.date | None = None
    actor: frozenset[str] = frozenset()
    actor_name: str = "?"
    part_of: frozenset[str] = frozenset()
    place: Place | None = None
    places: tuple[Place, ...] = ()
    status: str = "happened"
    start: Span | None = None
    end: Span | None = None
    causes: tuple[str, ...] = ()

    @property
    def order(self) -> tuple[str, str]:
        """The stable order of reports: by publication date (undated last), then IRI."""
        return (self.published.isoformat() if self.published else "9999", self.iri)


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


class Resolver:
    """Identity tokens and countries from the authority file and the gazetteer."""

    def __init__(self, authority: Authority | None = None) -> None:
        self.authority = authority or _default_authority()

    def _entries(self, key: str | None, names: Iterable[str]) -> list[AuthorityEntry]:
        found = []
        if key and key in self.authority.entries:
            found.append(self.authority.entries[key])
        for name in names:
            entry = self.authority.lookup(name)
            if entry is not None and entry not in found:
                found.append(entry)
        return found

    def tokens(
        self, *, key: str | None = None, wikidata: str | None = None, names: Iterable[str] = ()
    ) -> frozenset[str]:
        """An entity's identity tokens: authority keys, Wikidata ids and folded names."""
        names = tuple(names)
        out = {f"name:{_fold(n)}" for n in names if n.strip()}
        if key:
            out.add(f"key:{key}")
        if wikidata:
            out.add(f"wd:{wikidata}")
        for entry in self._entries(key, names):
            out.add(f"key:{entry.key}")
            if entry.wikidata:
                out.add(f"wd:{entry.wikidata}")
        return frozenset(out)

    def place(
        self, *, key: str | None = None, wikidata: str | None = None, names: Iterable[str] = ()
    ) -> Place:
        """A place with its tokens and, when known, its country."""
        names = tuple(names)
        tokens = self.tokens(key=key, wikidata=wikidata, names=names)
        country: str | None = None
        is_country = False
        for entry in self._entries(key, names):
            if entry.kind == "country":
                country, is_country = entry.key, True
            else:
                country = entry.capital_of or entry.country
            if country:
                break
        if country is None:
            country = _town_country(self.authority, names)
        return Place(tokens, country, is_country, names[0] if names else "?")

    def entity_tokens(self, entity: Entity) -> frozenset[str]:
        """The identity tokens of a facts file's entity."""
        return self.tokens(key=entity.authority, wikidata=entity.wikidata, names=entity.names)

    def entity_place(self, entity: Entity) -> Place:
        """A facts file's entity as a place."""
        return self.place(key=entity.authority, wikidata=entity.wikidata, names=entity.names)


@functools.cache
def _default_authority() -> Authority:
    return Authority.load()


def _countries(authority: Authority) -> Authority:
    """The authority with every country of the gazetteer (added once)."""
    if authority.country_by_iso("FR") is None:
        from kg.gazetteer import country_names

        authority.add_countries(country_names(("en", "id")))
    return authority


def _town_country(authority: Authority, names: tuple[str, ...]) -> str | None:
    """The country of a town the gazetteer knows by one of ``names``, as an authority key."""
    from kg.gazetteer import cities

    towns = cities()
    for name in names:
        town = towns.get(_fold(name))
        if town is not None:
            entry = _countries(authority).country_by_iso(town.country)
            if entry is not None:
                return entry.key
    return None


def _span(value: DateValue | None) -> Span | None:
    return (value.earliest, value.latest) if value is not None else None


def reports_of(facts: Facts, iris: Iris, resolver: Resolver | None = None) -> tuple[Report, ...]:
    """The reports of one article: each deployment and protest, as the linker sees it."""
    resolver = resolver or Resolver()
    key, published = facts.article.key, facts.article.published
    by_id = {e.id: e for e in facts.entities}

    def place(entity_id: str | None) -> Place | None:
        return resolver.entity_place(by_id[entity_id]) if entity_id else None

    out: list[Report] = []
    for d in facts.deployments:
        sender = by_id[d.by]
        out.append(
            Report(
                ref=f"{key}/deployment/{d.id}",
                iri=str(iris.fact(key, "deployment", d.id)),
                kind="deployment",
                article=key,
                published=published,
                actor=resolver.entity_tokens(sender),
                actor_name=sender.names[0],
                part_of=resolver.entity_tokens(by_id[d.part_of]) if d.part_of else frozenset(),
                place=place(d.to),
                status=d.status.value,
                start=_span(d.start),
                end=_span(d.withdrawal) or _span(d.end),
            )
        )
    for p in facts.protests:
        out.append(
            Report(
                ref=f"{key}/protest/{p.id}",
                iri=str(iris.fact(key, "protest", p.id)),
                kind="protest",
                article=key,
                published=published,
                place=place(p.location),
                places=tuple(resolver.entity_place(by_id[x]) for x in p.places),
                start=_span(p.start),
                end=_span(p.end),
                causes=p.causes,
            )
        )
    return tuple(out)
