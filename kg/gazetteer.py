"""Country names from a maintained data package (Unicode CLDR, through babel).

The authority file lists the countries news names most, with demonyms, capitals and
Wikidata ids; CLDR adds every other country and territory, in every language kg extracts,
so "Maladewa" and "Maldives" are one place although nobody wrote them down.

>>> names = country_names(("en", "id"))
>>> names["MV"]
('Maldives', 'Maladewa')
"""

from __future__ import annotations

import functools

from babel import Locale, UnknownLocaleError

__all__ = ["country_names"]

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
