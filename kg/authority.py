"""The authority file: known entities with multilingual aliases and Wikidata ids.

An entry names an entity once (``key``), gives its type, every alias in every language,
and optionally a Wikidata QID, demonyms ("French") and, for a capital, its country.

>>> auth = Authority.load()
>>> auth.lookup("Rusia").key, auth.lookup("Russia").wikidata
('russia', 'Q159')
>>> auth.lookup("Nowhere") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from kg.errors import InputError
from kg.facts.model import EntityType

__all__ = ["DEFAULT_AUTHORITY", "Authority", "AuthorityEntry"]

DEFAULT_AUTHORITY = Path(__file__).parent / "resources" / "authority.yaml"
_KEY = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass(frozen=True)
class AuthorityEntry:
    """One known entity."""

    key: str
    type: EntityType
    names: tuple[str, ...]
    wikidata: str | None = None
    kind: str | None = None
    demonyms: tuple[str, ...] = ()
    capital_of: str | None = None
    country: str | None = None  # for a town of the gazetteer: the key of its country
    leader_of: str | None = None  # for a person: the country whose state offices they hold
    # names this entry shares with others ("Congo"): its own only in an article that also
    # names it in full
    short_names: tuple[str, ...] = ()


def _written_out(name: str) -> str:
    """Rule a-country-as-the-news-writes-it: CLDR's typography for a country's name as the
    authority file and the news write it ("Congo - Kinshasa": "Congo-Kinshasa", "Bosnia &
    Herzegovina": "Bosnia and Herzegovina", "Côte d’Ivoire": "Côte d'Ivoire"), so that the
    gazetteer's country is the authority's and not a second entry of its own."""
    return name.replace(" - ", "-").replace(" & ", " and ").replace("’", "'")


def _fold(name: str) -> str:
    return " ".join(name.replace("\u00a0", " ").split()).casefold()


@dataclass
class Authority:
    """Known entities, looked up by any alias (exact case first, then case-folded)."""

    entries: dict[str, AuthorityEntry] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)
    _folded: dict[str, str] = field(default_factory=dict)
    _demonyms: dict[str, str] = field(default_factory=dict)
    _iso: dict[str, str] = field(default_factory=dict)  # ISO 3166 code -> country key
    _short: dict[str, list[str]] = field(default_factory=dict)  # short name -> keys
    _firsts: dict[str, str] = field(default_factory=dict)  # a person's first word -> key

    @classmethod
    def load(cls, path: Path | None = None, *, extra: Iterable[Path] = ()) -> Authority:
        """Read the shipped authority file (or ``path``) and any extra files.

        Entries of later files replace earlier entries with the same key.

        Raises:
            InputError: a file cannot be read or an entry is malformed.
        """
        auth = cls()
        for source in (path or DEFAULT_AUTHORITY, *extra):
            for entry in _read(source):
                auth.add(entry)
        return auth

    def add(self, entry: AuthorityEntry) -> None:
        """Add (or replace) an entry and index its aliases."""
        self.entries[entry.key] = entry
        for name in entry.names:
            self._exact[name] = entry.key
            # All-caps acronyms only match in capitals ("AS", not "as").
            if not (name.isupper() and len(name) <= 4):
                self._folded.setdefault(_fold(name), entry.key)
        for demonym in entry.demonyms:
            self._demonyms[demonym] = entry.key
        for short in entry.short_names:
            keys = self._short.setdefault(short, [])
            if entry.key not in keys:
                keys.append(entry.key)
        if entry.type is EntityType.PERSON:
            for name in entry.names:
                if " " in name:
                    self._firsts[name.split()[0].casefold()] = entry.key

    def by_short_name(self, name: str, text: str) -> AuthorityEntry | None:
        """The entry a shared short name ("Congo") stands for in ``text``: the one entry
        with that short name whose full name the text also writes, else None."""
        found = [
            self.entries[k]
            for k in self._short.get(name, ())
            if any(
                re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)
                for n in self.entries[k].names
            )
        ]
        return found[0] if len(found) == 1 else None

    def add_countries(self, names: dict[str, tuple[str, ...]]) -> None:
        """Know every country of ``names`` (ISO code -> its names, from the gazetteer).

        A country the file already has gains the names it lacks; any other becomes an entry
        of its own, keyed by its first name (``maldives``).
        """
        for iso, country_names in names.items():
            # "Myanmar (Burma)" is Myanmar, also called Burma
            forms = [f.strip() for n in country_names for f in re.split(r"[()]", n) if f.strip()]
            forms += [_written_out(f) for f in forms]
            known = next((e for n in forms if (e := self.lookup(n)) is not None), None)
            if known is not None:
                if known.type is not EntityType.LOCATION or known.kind not in (None, "country"):
                    continue  # "Georgia" the state of the USA is no entry here; never retype
                self._iso[iso] = known.key
                extra = tuple(n for n in country_names if self.lookup(n) is None)
                if extra:
                    self.add(replace(known, names=known.names + extra))
                continue
            key = re.sub(r"[^a-z0-9]+", "_", country_names[0].casefold()).strip("_") or iso.lower()
            if key in self.entries:
                key = f"{key}_{iso.lower()}"
            self.add(AuthorityEntry(key, EntityType.LOCATION, country_names, kind="country"))
            self._iso[iso] = key

    def add_regions(
        self, names: Iterable[str], iso: str, *, accept: Callable[[str], bool] = lambda _: True
    ) -> None:
        """Know each of ``names`` that ``accept`` takes as a region of the country with ISO
        code ``iso``, also without its diacritics ("Mahārāshtra", "Maharashtra"); a name
        another entry has ("Georgia" the country) stays that entry's."""
        country = self._iso.get(iso)
        for name in names:
            if self.lookup(name) is not None or not accept(name):
                continue
            key = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")
            if key in self.entries:
                continue
            # "Mahārāshtra" (ISO 3166-2) is written "Maharashtra" in the news
            plain = "".join(
                c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c)
            )
            known = plain == name or self.lookup(plain) is not None or not accept(plain)
            names = (name,) if known else (name, plain)
            self.add(
                AuthorityEntry(key, EntityType.LOCATION, names, kind="region", country=country)
            )

    def add_town_countries(self, country_of: Callable[[str], str | None]) -> None:
        """Give each town or city the file lists without its country ("Almaty") the country
        whose ISO 3166 code ``country_of`` gives for one of its names (the gazetteer's
        biggest town of that name), so that a town is known to lie in its country."""
        for key, entry in list(self.entries.items()):
            if entry.kind not in ("city", "town") or entry.country or entry.capital_of:
                continue
            iso = next((c for n in entry.names if (c := country_of(n)) is not None), None)
            country = self._iso.get(iso) if iso is not None else None
            if country is not None:
                self.entries[key] = replace(entry, country=country)

    def person_by_first_word(self, word: str) -> AuthorityEntry | None:
        """The person whose name (of more than one word) begins with ``word`` ("Prabowo"
        of "Prabowo Subianto"), or None."""
        key = self._firsts.get(word.casefold())
        return self.entries.get(key) if key is not None else None

    def country_by_iso(self, iso: str) -> AuthorityEntry | None:
        """The country with this ISO 3166 code, once :meth:`add_countries` has run."""
        key = self._iso.get(iso)
        return self.entries.get(key) if key is not None else None

    def lookup(self, name: str) -> AuthorityEntry | None:
        """The entry with this alias, or None."""
        key = self._exact.get(name)
        if key is None:
            key = self._folded.get(_fold(name))
        return self.entries[key] if key is not None else None

    def by_demonym(self, word: str) -> AuthorityEntry | None:
        """The country of a demonym ("French" -> France), or None."""
        key = self._demonyms.get(word)
        return self.entries[key] if key is not None else None

    def demonyms(self) -> Iterator[str]:
        """Every demonym known."""
        return iter(self._demonyms)

    def aliases(self) -> Iterator[str]:
        """Every alias known, in its written case."""
        return iter(self._exact)


def _read(path: Path) -> Iterator[AuthorityEntry]:
    try:
        data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"cannot read authority file: {exc.strerror}", path=path) from None
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML in authority file: {exc}", path=path) from None
    items = data.get("entities") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InputError("an authority file needs a list 'entities:'", path=path)
    seen: dict[str, int] = {}
    for index, item in enumerate(items, 1):
        entry = _entry(item, path, index)
        if entry.key in seen:
            raise InputError(
                f"entity #{index}: key {entry.key!r} is also entity #{seen[entry.key]}'s",
                path=path,
            )
        seen[entry.key] = index
        yield entry


def _entry(item: Any, path: Path, index: int) -> AuthorityEntry:
    where = f"entity #{index}"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be a mapping with key, type and names", path=path)
    key = item.get("key")
    if not isinstance(key, str) or not _KEY.fullmatch(key):
        raise InputError(f"{where}: key {key!r} must be lower-case letters, digits, '_'", path=path)
    try:
        kind = EntityType(str(item.get("type")))
    except ValueError:
        options = ", ".join(t.value for t in EntityType)
        raise InputError(f"{where} ({key}): type must be one of {options}", path=path) from None
    names = item.get("names")
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise InputError(f"{where} ({key}): names must be a non-empty list of text", path=path)
    wikidata = item.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q[1-9][0-9]*", str(wikidata)):
        raise InputError(f"{where} ({key}): wikidata must look like Q159", path=path)
    return AuthorityEntry(
        key=key,
        type=kind,
        names=tuple(names),
        wikidata=wikidata,
        kind=item.get("kind"),
        demonyms=tuple(item.get("demonyms") or ()),
        capital_of=item.get("capital_of"),
        country=item.get("country"),
        leader_of=item.get("leader_of"),
        short_names=tuple(item.get("short_names") or ()),
    )
