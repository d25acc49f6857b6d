"""Entities the facts did not need but the article names, added after the facts.

Some names are places or bodies of the article that no deployment, protest or role is
about: "southern Senegal" where troops went to Senegal, "the 98th division" that only
fought, "Goma airport" where troops landed in Goma. Found with the other entities, they
would be candidates for the frames of the later stages and move senders and
destinations (a first try of each did: a site became a destination, a division a sender);
found here, after the facts, they are entities of the article and nothing else.
"""

from __future__ import annotations

import functools
import re

from kg.extract.deployments.places import direction_region
from kg.extract.entities import Entities
from kg.extract.lang import LangResources
from kg.extract.text import Layout
from kg.facts.model import EntityType

__all__ = ["add_late_entities"]


def add_late_entities(lay: Layout, lang: LangResources, ents: Entities) -> None:
    """Add the article's parts of countries, numbered units and sites named by a noun."""
    country_parts(lay, lang, ents)
    numbered_units(lay, lang, ents)
    sites_by_their_noun(lay, lang, ents)


def country_parts(lay: Layout, lang: LangResources, ents: Entities) -> None:
    """Rule a-country-s-part: "southern Senegal", "east Congo": a part of a country that a
    direction names is a place of the article, wherever it stands; added after the facts,
    which take it only where they need it."""
    for mention, draft in list(ents.mentions_in(0, len(lay.body))):
        if (
            draft.type is EntityType.LOCATION
            and mention.entry is not None
            and mention.entry.kind == "country"
        ):
            direction_region(lay, lang, mention, ents)


def numbered_units(lay: Layout, lang: LangResources, ents: Entities) -> None:
    """Rule a-unit-by-its-number: "divisi ke-36 dikirim ke utara", "the 36th division
    moved in": a unit's head word with its number names that unit, an organization of the
    article, though written in lower case and with no other name; added after the facts,
    which find their senders by their own rules. The same head and number again
    ("Divisi komando ke-98", then "Divisi ke-98") is the same unit, no new one."""
    pattern = numbered_unit_pattern(lang)
    if pattern is None:
        return
    troops = {w.lower() for w in lang.words("troop_nouns")}
    seen: set[tuple[str, str]] = set()
    for hit in pattern.finditer(lay.body):
        start, end = hit.span()
        near = ents.mentions_in(max(0, start - 60), end + 60)
        if any(m.start < end and start < m.end for m, _ in near):
            continue  # "Brigade Artileri ke-213": a name found already
        after = re.match(r"[ \t]+(\w+)", lay.body[end : end + 30])
        if after is not None and after.group(1).lower() in troops:
            continue  # "kompi 100 personel": a count of troops, no unit's number
        words = hit.group().lower().split()
        if (words[0], words[-1]) not in seen:
            seen.add((words[0], words[-1]))
            ents.adopt_later(ents.named_force(start, end, hit.group()))


def sites_by_their_noun(lay: Layout, lang: LangResources, ents: Entities) -> None:
    """Rule a-site-by-its-noun: a place the article names, with a lower-case site noun
    after it ("Corvo airport", "Lamira base"), names a site; added after the facts."""
    after = site_heads_after(lang)
    if after is None:
        return
    for mention, draft in list(ents.mentions_in(0, len(lay.body))):
        head = after.match(lay.clean, mention.end)
        if draft.type is EntityType.LOCATION and head is not None:
            text = lay.body[mention.start : head.end()]
            ents.site_by_its_noun(mention, draft, head.end(), text)


@functools.cache
def numbered_unit_pattern(lang: LangResources) -> re.Pattern[str] | None:
    """A unit's head word with its number, in the language's order: "divisi ke-98",
    "divisi 162" (the head first), "98th division" (the number first); None when the
    language lists no such heads."""
    heads = "|".join(map(re.escape, lang.words("numbered_unit_heads")))
    if not heads:
        return None
    prefixes = "|".join(map(re.escape, lang.words("ordinal_prefixes"))) or "(?!x)x"
    suffixes = "|".join(map(re.escape, lang.words("ordinal_suffixes"))) or "(?!x)x"
    if lang.head_first:
        number = rf"(?:(?:{prefixes})\d+|\d{{2,}})(?![.,]?\d)"
        body = rf"(?:{heads})(?:[ \t]+[a-z]+)?[ \t]+{number}"
    else:
        body = rf"\d+(?:{suffixes})[ \t]+(?:[A-Za-z]+[ \t]+)?(?:{heads})"
    return re.compile(rf"(?<![\w-])(?i:{body})(?![\w-])")


def site_heads_after(lang: LangResources) -> re.Pattern[str] | None:
    """The site nouns written after a name ("airport", "police station"), right after
    the name and not before a link ("the Lamira suburb of X" names X); None where the
    language writes none."""
    if not lang.words("site_heads_after"):
        return None
    nouns = lang.pattern("site_heads_after").pattern
    links = lang.pattern("place_noun_links").pattern
    return re.compile(rf"[ \t]+(?:{nouns})(?![ \t]+(?:{links}))")
