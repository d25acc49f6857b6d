"""Given names and surnames from a maintained data package: the first and last names of
Faker's person providers, every locale it has (about 31,000 given names from 86 locales:
Spanish, Catalan, Arabic, Indonesian, Russian, Chinese romanised ...; 28,000 surnames).

News names people from everywhere; the rules find a person by a cue (a title, a verb of
saying, an age), and a name no cue types used to be left out. A run of capitalised words
that opens with a given name is a person's name far more often than not, in any language
kg reads, so the lexicon is knowledge about names, not about any article.

A given name that is also a country or a big town ("Georgia", "Kenya", "Santiago", "Paris")
is no evidence of a person, so those are left out; one shared with a small town ("Ahmad",
"Carolina") is kept. Names that only Faker's locale-neutral English list gives are left
out too: that list holds words as well ("Green", "Judge").

>>> "meritxell" in given_names() or "jordi" in given_names()
True
>>> "santiago" in given_names()
False
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Iterable

import faker.providers.person

from kg.gazetteer import cities, country_names
from kg.languages import available

__all__ = ["given_names", "surnames"]

#: The locale-neutral English list also holds words given as names ("Green", "North",
#: "Judge"): a name only it gives is left out.
NOISY = "en"
#: Towns this big are named in news as often as the persons who share their name.
BIG_TOWN = 1_000_000
_FIRST = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
_LAST = ("last_names", "last_names_male", "last_names_female")


def _provider_names(attributes: tuple[str, ...]) -> Iterable[tuple[str, str]]:
    """(locale, name) for every name the ``attributes`` of every locale's person provider
    list (a tuple, or a dict of weights)."""
    package = faker.providers.person
    for module in pkgutil.iter_modules(package.__path__):
        if not module.ispkg:
            continue
        provider = importlib.import_module(f"{package.__name__}.{module.name}").Provider
        for attribute in attributes:
            names = getattr(provider, attribute, None)
            if isinstance(names, dict | tuple | list | set | frozenset):
                yield from ((module.name, n) for n in names)


@functools.cache
def given_names() -> frozenset[str]:
    """Case-folded given names of three letters or more that name no country and no town of
    a million people or more."""
    return _names(_FIRST)


@functools.cache
def surnames() -> frozenset[str]:
    """Case-folded surnames of three letters or more that name no country and no town of a
    million people or more ("lopes", "wagner").

    >>> "lopes" in surnames() and "kenya" not in surnames()
    True
    """
    return _names(_LAST)


def _names(attributes: tuple[str, ...]) -> frozenset[str]:
    places = {key for key, city in cities().items() if city.population >= BIG_TOWN}
    for names in country_names(available()).values():
        places.update(n.casefold() for n in names)
    locales: dict[str, set[str]] = {}
    for locale, name in _provider_names(attributes):
        if len(name) >= 3 and name.isalpha():
            locales.setdefault(name.casefold(), set()).add(locale)
    return frozenset(n for n, where in locales.items() if where != {NOISY} and n not in places)
