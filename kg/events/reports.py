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
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from kg.authority import Authority, AuthorityEntry
from kg.facts.model import DateValue, Entity, EntityType, Facts, Quantity
from kg.rdf.iris import Iris

__all__ = ["MEASURES", "Figure", "Place", "Report", "Resolver", "Span", "reports_of"]

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
        within: the identity tokens of a known place that its name names, when the
            authority does not know the place itself ("Jakarta Pusat" lies in Jakarta).
        region: ``{key}:{direction}`` when its name is a known place and compass words
            only ("Rusia timur" and "Russia's Far East" are both ``russia:east``).
    """

    tokens: frozenset[str]
    country: str | None = None
    is_country: bool = False
    name: str = "?"
    within: frozenset[str] = frozenset()
    region: str | None = None


@dataclass(frozen=True)
class Figure:
    """A count as a report states it (its troops, deaths ...): what the article graph says
    of its quantity node, which two reports must state alike to agree.

    >>> more = Figure("more_than", 2000, min=2001)
    >>> (more.low, more.high), more == Figure("more_than", 2000, min=2001)
    ((2001, 2000), True)
    """

    qualifier: str
    value: int | None = None
    min: int | None = None
    max: int | None = None

    @property
    def low(self) -> int | None:
        """The lowest number it allows: its lower bound, else its value, else its upper."""
        return next((n for n in (self.min, self.value, self.max) if n is not None), None)

    @property
    def high(self) -> int | None:
        """The highest number it allows: its upper bound, else its value, else its lower."""
        return next((n for n in (self.max, self.value, self.min) if n is not None), None)


#: The counts of each kind of report that sources may state differently, in the order of
#: the article graph's properties (``kgo:troops``, ``kgo:deaths`` ...).
MEASURES = {
    "deployment": ("troops",),
    "protest": ("deaths", "injuries", "arrests", "participants"),
}


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
        publisher: the IRI of the article's publisher, if it names one.
        outlet: the publisher's name as the article gives it.
        figures: the counts it states, by measure (:data:`MEASURES`).
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
    publisher: str | None = None
    outlet: str | None = None
    figures: tuple[tuple[str, Figure], ...] = ()

    @property
    def order(self) -> tuple[str, str]:
        """The stable order of reports: by publication date (undated last), then IRI."""
        return (self.published.isoformat() if self.published else "9999", self.iri)


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


#: Compass and region words (English, Indonesian) and the direction they name.
_COMPASS = {
    "east": "east", "eastern": "east", "timur": "east",
    "west": "west", "western": "west", "barat": "west",
    "north": "north", "northern": "north", "utara": "north",
    "south": "south", "southern": "south", "selatan": "south",
    "central": "central", "tengah": "central", "pusat": "central",
}  # fmt: skip
_REGION_WORDS = frozenset({"far", "region", "of", "the", "part", "wilayah", "bagian", "kawasan"})
_WORDS = re.compile(r"[^\W_]+")
#: Indonesian police units: the unit's level, then the area it is named after.
_POLICE = re.compile(
    r"^(?:ma)?(polda|polres|polresta|polrestabes|polrestro|polsek|polsekta"
    r"|kepolisian (?:daerah|resor|resort|sektor))(?: kota besar| kota| metro)? (.+)$"
)
_POLICE_LEVEL = {"polda": "daerah", "polsek": "sektor", "polsekta": "sektor"}
#: Words that name an armed or police force (English, Indonesian).
_FORCE = frozenset(
    {"army", "military", "troops", "soldiers", "forces", "force", "armed", "police", "navy",
     "tentara", "militer", "pasukan", "polisi", "angkatan", "bersenjata", "darat", "the",
     "security", "national"}
)  # fmt: skip
_GENERIC_ONLY = _FORCE - {"the", "security", "national", "armed", "darat", "angkatan"}


def _words(name: str) -> list[str]:
    return _WORDS.findall(_fold(name).replace("\u2019s", "").replace("'s", ""))


def police_unit(name: str) -> str | None:
    """The token of an Indonesian police unit, its level and area, however it is written.

    >>> police_unit("Polres Metro Jakarta Pusat"), police_unit("Polres Jakarta Pusat")
    ('police:resor:jakarta pusat', 'police:resor:jakarta pusat')
    >>> police_unit("Kepolisian Resor Kota Pati"), police_unit("Polresta Pati")
    ('police:resor:pati', 'police:resor:pati')
    >>> police_unit("Polda Metro Jaya"), police_unit("Polri")
    ('police:daerah:jaya', None)
    """
    match = _POLICE.match(" ".join(_words(name)))
    if match is None:
        return None
    unit = match.group(1).split()[-1]
    level = _POLICE_LEVEL.get(unit, "daerah" if unit == "daerah" else None)
    if level is None:
        level = "sektor" if unit == "sektor" else "resor"
    return f"police:{level}:{match.group(2)}"


class Resolver:
    """Identity tokens and countries from the authority file and the gazetteer."""

    def __init__(
        self, authority: Authority | None = None, towns: Mapping[str, str | None] | None = None
    ) -> None:
        """``towns``: the countries of towns an earlier resolver found (its :attr:`used`,
        which a build keeps in its cache), so that the gazetteer (half a second to load)
        loads only for names not seen before."""
        self.authority = authority or _default_authority()
        self.towns: dict[str, str | None] = dict(towns or {})
        self.used: dict[str, str | None] = {}  # the towns looked up, known or found

    def _town_country(self, names: tuple[str, ...]) -> str | None:
        key = "\n".join(_fold(n) for n in names)
        if key not in self.towns:
            self.towns[key] = _town_country(self.authority, names)
        self.used[key] = self.towns[key]
        return self.towns[key]

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
            if entry.kind == "country":
                out.add(f"state:{entry.key}")
        for name in names:
            unit = police_unit(name)
            if unit is not None:
                out.add(unit)
            force = self._force_of(name)
            if force is not None:
                out.add(f"force:{force}")
        return frozenset(out)

    def _force_of(self, name: str) -> str | None:
        """The country whose force a name names ("Pakistan Army", "Indian troops"), ``?``
        for a force named without its country ("the army"), else None."""
        words = _words(name)
        if not words or not set(words) & _GENERIC_ONLY:
            return None
        rest = [w for w in words if w not in _FORCE]
        if not rest:
            return "?"
        entry = self.authority.lookup(" ".join(rest))
        if entry is None and len(rest) == 1:
            entry = self.authority.by_demonym(rest[0].capitalize())
        return entry.key if entry is not None and entry.kind == "country" else None

    def _enclosing(self, names: tuple[str, ...]) -> tuple[AuthorityEntry, str | None] | None:
        """A known place that a place's name names, and the compass direction when the
        rest of the name is compass words only."""
        for name in names:
            words = _words(name)
            for n in range(len(words) - 1, 0, -1):
                for i in range(len(words) - n + 1):
                    entry = self.authority.lookup(" ".join(words[i : i + n]))
                    if entry is None or entry.type is not EntityType.LOCATION:
                        continue
                    rest = words[:i] + words[i + n :]
                    directions = sorted({_COMPASS[w] for w in rest if w in _COMPASS})
                    regional = all(w in _COMPASS or w in _REGION_WORDS for w in rest)
                    return entry, ("-".join(directions) if directions and regional else None)
        return None

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
        within: frozenset[str] = frozenset()
        region = None
        known = list(self._entries(key, names))
        enclosing = None if known else self._enclosing(names)
        if known and known[0].kind == "town":
            # a district the authority knows that its name places in a city ("Jakarta
            # Pusat" in Jakarta)
            found = self._enclosing(names)
            if found is not None and found[0].kind in ("city", "town"):
                enclosing = found[0], None
        if enclosing is not None:
            entry, direction = enclosing
            within = self.tokens(key=entry.key)
            region = f"{entry.key}:{direction}" if direction else None
            if country is None and entry.kind == "country":
                country = entry.key
            elif country is None:
                country = entry.capital_of or entry.country
                country = country or self._town_country(entry.names)
        if country is None:
            country = self._town_country(names)
        return Place(tokens, country, is_country, names[0] if names else "?", within, region)

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
        from kg.languages import available

        authority.add_countries(country_names(available()))
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


def _figures(**counts: Quantity | None) -> tuple[tuple[str, Figure], ...]:
    return tuple(
        (measure, Figure(q.qualifier.value, q.value, q.min, q.max))
        for measure, q in counts.items()
        if q is not None
    )


def reports_of(facts: Facts, iris: Iris, resolver: Resolver | None = None) -> tuple[Report, ...]:
    """The reports of one article: each deployment and protest, as the linker sees it."""
    resolver = resolver or Resolver()
    key, published = facts.article.key, facts.article.published
    publisher = str(iris.publisher(facts.article.publisher)) if facts.article.publisher else None
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
                publisher=publisher,
                outlet=facts.article.publisher or None,
                figures=_figures(troops=d.troops),
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
                publisher=publisher,
                outlet=facts.article.publisher or None,
                figures=_figures(
                    deaths=p.deaths,
                    injuries=p.injuries,
                    arrests=p.arrests,
                    participants=p.participants,
                ),
            )
        )
    return tuple(out)
