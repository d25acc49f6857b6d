"""Contingents: the parts of a collective deployment that the text counts apart.

"The alliance sent about 2,000 troops to X. Greenland contributed 1,500 of them and Port
Land 500" is one collective deployment and two contingents; so is "900 personel gabungan
... terdiri dari 600 personel Polda Sumsel dan 300 personel Brimob". The codebook records
each counted part as a row of its own whose ``part_of`` names the collective row's sender.
Rule ``counted-part``, in the sentence of a collective deployment or the two after it,
where a composition cue or a contribution verb says that parts follow:

- "<count> <troops> (from) <X>": "500 troops from Belarus", "850 personel Satgas BGC";
- "<X> <contributed> <count>", "<X> sebanyak <count>", and the next items of its list:
  "and Port Land 500";
- after a composition cue, "<X> <count> <troops>": "terdiri atas Brimob Polda Jabar 200
  orang, Brimob Polda Banten 120 orang";
- troops another force adds: "mengerahkan 2.076 personel, ditambah 1.031 personel dari
  Polresta Kendari".

A part that is the deployment's destination, a civil administration (its staff are no
armed force), or a count that is the collective deployment's own is no contingent; the
collective sender is a part of its own force only with a count smaller than the whole's.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.entities import LOC, ORG, Draft, Entities
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.numbers import Count, find_counts
from kg.extract.text import Kind, Layout, Sentence
from kg.facts.model import Quantity

__all__ = [
    "Part",
    "contingent_cues",
    "find_named_contingents",
    "find_parts",
    "find_place_shares",
    "is_collective",
    "shares_count",
]


@dataclass(frozen=True)
class Part:
    """A counted part of a collective deployment, and the text that counts it."""

    by: Draft
    troops: Quantity | None  # None for a contributor named without its count
    sentence: int
    start: int
    end: int
    rules: tuple[str, ...] = ()  # the named rules besides counted-part that made it


def find_parts(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    sentence: int,
    collective: Draft,
    to: Draft,
    own: Quantity | None,
    *,
    until: int | None = None,
) -> list[Part]:
    """The counted parts of the deployment of ``collective`` to ``to`` told from sentence
    ``sentence`` on (that sentence and the two after it, and not from sentence ``until``
    on, where another deployment is told)."""
    text = lay.clean
    cues = lang.pattern("composition_cues")
    verbs = lang.pattern("contribution_verbs")
    added = lang.pattern("added_cues")  # "2.076 personel, ditambah 1.031 personel dari X"
    troops = lang.pattern("troop_nouns").pattern
    sources = lang.pattern("source_preps").pattern
    joins = lang.pattern("coordinators").pattern
    # "terdiri dari 90 anggota Polres Waropen": members counted as a force's part
    people = phrase_pattern([*lang.words("person_nouns"), *lang.words("member_nouns")]).pattern
    unit_words = lang.pattern("unit_words").pattern
    aid = lang.pattern("aid_words").pattern
    owner_after = re.compile(
        rf"\s+(?:{troops}|{people})\s+(?:(?:{aid})\s+)?(?:(?:{sources})\s+)?"
        rf"(?:(?:{unit_words})\s+(?=(?-i:[A-Z])))?",
        re.IGNORECASE,
    )  # "850 personel Polri", "100 orang dari TNI", "700 personel Satgas Batalyon Mekanis",
    # "150 personel BKO Polda Jatim", "100 personel BKO dari Polda Riau"
    counted = lang.pattern("count_cues").pattern
    people_after = re.compile(rf"\s+(?:{troops}|{people})(?!\w)", re.IGNORECASE)
    civil = lang.pattern("civil_bodies")
    units = re.compile(
        rf"\s+(?:[a-z]+\s+){{0,2}}?(?:{lang.pattern('unit_count_nouns').pattern})", re.IGNORECASE
    )
    unit_after = re.compile(
        rf"\s+(?:{lang.pattern('unit_count_nouns').pattern})(?!\w)", re.IGNORECASE
    )  # "satu peleton Brimob": a count of units right after the number
    articles = lang.pattern("definite_before").pattern
    elliptic = re.compile(rf"\s+(?:{sources})\s+(?:(?:{articles})\s+)?", re.IGNORECASE)
    from_before = re.compile(rf"(?<![\w-])(?:{sources})\s+$", re.IGNORECASE)
    uncounted = re.compile(rf"\s+(?:(?:{troops})\s+)?(?:{sources})\s+", re.IGNORECASE)
    # "Kenya contributed 1,500", "South Africa is contributing 2,900", "Polres Jakarta Pusat
    # sebanyak 230 personel"
    auxiliaries = lang.pattern("sender_auxiliaries").pattern or "(?!x)x"
    contributed = re.compile(
        rf"\s+(?:(?:{auxiliaries})\s+)?(?:{verbs.pattern}|{counted})\s+$", re.IGNORECASE
    )
    listed = re.compile(rf"(?:,\s*|\s+)(?:(?:{joins})\s+)?$|\s+$", re.IGNORECASE)
    counted_gap = re.compile(rf"\s+(?:{counted})\s+", re.IGNORECASE)
    # "serangan ... yang menewaskan dua anggota TNI": those killed, no force's share
    victims = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('death_verbs').pattern})\s+(?:[\w-]+\s+)?$", re.IGNORECASE
    )
    out: list[Part] = []
    seen: set[int] = set()
    stop = until if until is not None else len(lay.sentences)
    last = min(sentence + 3, len(lay.sentences), stop)
    told_again = _total_told_again(lay, lang, own, last, stop)
    for index in [*range(sentence, last), *told_again]:
        s = lay.sentences[index]
        if s.kind is not Kind.STORY:
            continue
        counts = find_counts(text, lang, s.start, s.end)
        if index > sentence and _another_total(text, cues, people_after, s, counts, own):
            break
        # "20 additional CAPF companies, 15 from the CRPF and five from the BSF": a list of
        # counts each from a body says the parts itself
        from_list = [
            c
            for c in counts
            if (m := elliptic.match(text, c.end, s.end)) is not None
            and ents.starting_at(m.end(), s.end) is not None
        ]
        # "Untuk Brimob sebanyak 150 personel, Polres Poso sebanyak 100 personel": a list
        # of bodies each with its count says the parts itself too
        each_counted = [
            c
            for c in counts
            if (body := _mention_before(ents, s, c.start)) is not None
            and body[0].type is ORG
            and counted_gap.fullmatch(text, body[1], c.start)
        ]
        # "Polresta Padang 533 personel, ... dan Brimob 200 personel": a list of bodies each
        # right before its count of troops says so too
        each_named = [
            c
            for c in counts
            if (body := _mention_before(ents, s, c.start)) is not None
            and body[0].type is ORG
            and text[body[1] : c.start].strip() in ("", ")")
            and people_after.match(text, c.end, s.end)
        ]
        named_list = len(each_named) > 1
        # "sebanyak 3.318 personel Polri, 690 personel TNI, dan 208 personel Pemprov": a
        # list of counts each of a body's troops says so too
        each_owned = [
            c
            for c in counts
            if (after := owner_after.match(text, c.end, s.end)) is not None
            and (owner := ents.starting_at(after.end(), s.end)) is not None
            and owner[1].type is ORG
        ]
        if not (
            cues.search(text, s.start, s.end)
            or verbs.search(text, s.start, s.end)
            or added.search(text, s.start, s.end)
            or len(from_list) > 1
            or len(each_counted) > 1
            or named_list
            or len(each_owned) > 1
            # "A Nigerian battalion of about 800 troops withdrew": a country's unit counted
            or any(_demonym_s_unit_before(text, lang, ents, s, c) for c in counts)
        ):
            continue
        by_verb = False  # the sentence's list is of "X contributed N, Y M" items
        by_troops = len(from_list) > 1  # ... of "N troops from X, M from Y" items
        # "two battalions from Uganda, two from Burundi": counts of units, not of troops
        of_units = by_troops and any(units.match(text, c.end, s.end) for c in counts)
        for count in counts:
            quantity = count.quantity
            if victims.search(text, max(s.start, count.start - 30), count.start):
                continue  # rule victims-are-no-part: "yang menewaskan dua anggota TNI"
            if from_before.search(text, max(s.start, count.start - 12), count.start) and not (
                cues.search(text, max(s.start, count.start - 25), count.start)
            ):
                # "troops from 29 NATO and partner countries": a count of origins (not
                # "terdiri dari 840 personel ...", a part's count)
                continue
            # rule a-part-counted-in-units: "satu peleton Brimob, kemudian satu peleton
            # Sabhara", "two companies of X": a part counted in units has no count of troops
            in_units = bool(unit_after.match(text, count.end, s.end))
            if quantity.value is None or (
                # a part is smaller than the whole it is counted in
                not in_units
                and own is not None
                and own.value is not None
                and quantity.value >= own.value
            ):
                continue
            after = owner_after.match(text, count.end, s.end)
            if after is not None:
                by_troops = True
            elif by_troops:
                after = elliptic.match(text, count.end, s.end)  # "..., 2,500 from Ethiopia"
            elif cues.search(text, s.start, count.start):
                # "terdiri dari 1.824 Polri dan 101 TNI": a body right after the count;
                # "including 2,900 from South Africa": a country or body after "from"
                bare = re.compile(r"\s+").match(text, count.end, s.end)
                named = ents.starting_at(bare.end(), s.end) if bare else None
                after = bare if named is not None and named[1].type is ORG else None
                if after is None and (whence := elliptic.match(text, count.end, s.end)):
                    after = whence
            at = ents.starting_at(after.end(), s.end) if after else None
            if at is not None and shares_count(text, lang, ents, at[0].end, s.end):
                continue  # "900 personel Yonif 411 dan Yonif 412": the whole's count
            part = at[1] if at is not None else None
            if part is None and cues.search(text, s.start, count.start):
                # rule a-part-by-its-demonym: "The reinforcements include a contingent of
                # about 800 Sudanese soldiers": the country whose troops they are
                owned = next(
                    (
                        (ds, de, entry)
                        for ds, de, entry in ents.demonyms_in(count.end, min(s.end, count.end + 30))
                        if not text[count.end : ds].strip()
                    ),
                    None,
                )
                if owned is not None and people_after.match(text, owned[1], s.end):
                    part = ents.country(owned[2], owned[0], owned[1])
            if part is None and (unit_s := _demonym_s_unit_before(text, lang, ents, s, count)):
                # rule a-part-by-its-demonym, before its unit: "A Nigerian battalion of
                # about 800 troops withdrew in February": Nigeria's
                part = unit_s
            if part is None:
                before = _mention_before(ents, s, count.start)
                if before is not None:
                    gap = text[before[1] : count.start]
                    if contributed.match(" " + gap):
                        by_verb = True
                        part = before[0]
                    elif by_verb and listed.match(gap):
                        part = before[0]  # "... and Port Land 500"
                    elif (
                        gap.strip() in ("", ")")  # "Polres Tanah Merah (Tamer) 80 personel"
                        and people_after.match(text, count.end, s.end)
                        and (named_list or cues.search(text, s.start, count.start))
                    ):
                        part = before[0]  # "terdiri atas Brimob Polda Jabar 200 orang"
            if part is None or part is to or id(part) in seen:
                continue
            if part is collective and (quantity.value is None or own is None):
                # rule the-sender-s-own-share: "2.554 personel gabungan ... terdiri atas
                # Polda Metro Jaya 1.913 personel, Polres ... 230": the collective sender's
                # own counted share is a part too; named without a count it is the whole
                continue
            if part.type is not ORG and not (part.entry and part.entry.kind == "country"):
                continue  # a part is a body or a country, not a town ("Pemprov Jakarta")
            if civil.match(part.names[0]):
                continue  # nor a civil administration ("208 personel Pemprov DKI")
            seen.add(id(part))
            out.append(
                Part(
                    part,
                    None if of_units or in_units else quantity,
                    index,
                    s.start,
                    s.end,
                    ("a-part-counted-in-units",) if in_units else (),
                )
            )
        for cue in cues.finditer(text, s.start, s.end):
            # rule named-contributors: "The force includes troops from the Czech Republic,
            # Portugal and Norway": each is a part, whose count the text does not give
            head = uncounted.match(text, cue.end(), s.end)
            if head is None:
                continue
            for part in _listed(text, ents, joins, articles, head.end(), s.end):
                if part in (collective, to) or id(part) in seen:
                    continue
                if part.type is not ORG and not (part.entry and part.entry.kind == "country"):
                    continue
                seen.add(id(part))
                out.append(Part(part, None, index, s.start, s.end))
    return out


def _demonym_s_unit_before(
    text: str, lang: LangResources, ents: Entities, s: Sentence, count: Count
) -> Draft | None:
    """The country whose demonym stands before a unit's word and a link right before
    ``count`` ("A Nigerian battalion of about 800 troops"), or None."""
    links = lang.pattern("place_noun_links").pattern if lang.words("place_noun_links") else None
    if links is None or not lang.words("unit_words"):
        return None
    unit = re.compile(
        rf"\s+(?:{lang.pattern('unit_words').pattern})\s+(?:{links})\s+", re.IGNORECASE
    )
    for ds, de, entry in reversed(ents.demonyms_in(max(s.start, count.start - 40), count.start)):
        if entry.kind == "country" and unit.fullmatch(text, de, count.start):
            return ents.country(entry, ds, de)
    return None


def _total_told_again(
    lay: Layout, lang: LangResources, own: Quantity | None, start: int, stop: int
) -> list[int]:
    """Rule the-total-told-again: a later sentence (from ``start``, before ``stop``) that
    counts the whole's troops again ("Operasi itu melibatkan 3.762 personel gabungan.
    Rinciannya, 2.060 prajurit dari Kodam ...") reopens the search for its parts there
    and in the next sentence: the indices of both."""
    if own is None or own.value is None:
        return []
    troops = re.compile(rf"\s+(?:{lang.pattern('troop_nouns').pattern})(?!\w)", re.IGNORECASE)
    for index in range(start, stop):
        s = lay.sentences[index]
        if s.kind is Kind.STORY and any(
            c.quantity.value == own.value and troops.match(lay.clean, c.end, s.end)
            for c in find_counts(lay.clean, lang, s.start, s.end)
        ):
            return list(range(index, min(index + 2, stop)))
    return []


def _another_total(
    text: str,
    cues: re.Pattern[str],
    troops_after: re.Pattern[str],
    s: Sentence,
    counts: list[Count],
    own: Quantity | None,
) -> bool:
    """Rule another-total-ends-the-parts: a later sentence that counts troops and then
    tells what they consist of ("Untuk pengamanan VIP, 5.000 personel yang terdiri dari
    3.000 dari TNI ...") tells of another whole: its parts are not this deployment's. The
    whole's own count told again is none."""
    for c in counts:
        if c.quantity.value is None or (own is not None and c.quantity.value == own.value):
            continue
        if troops_after.match(text, c.end, s.end) and cues.search(text, c.end, s.end):
            return True
    return False


def find_place_shares(
    lay: Layout, lang: LangResources, ents: Entities, s: Sentence
) -> list[tuple[Draft, Quantity, int, int]]:
    """Rule a-place-s-share: the places a count of troops is shared out to, when ``s``
    lists two or more, each with its own count: "Rinciannya, 500 personel ke Sulawesi
    Barat, 400 personel ke Maluku Utara ...", "Untuk Sulawesi Barat 500 personel, Maluku
    Utara 400 personel ...". Each is (place, count, start, end of the item)."""
    text = lay.clean
    place_after, place_gap, troops_after = _share_patterns(lang)
    out: list[tuple[Draft, Quantity, int, int]] = []
    for count in find_counts(text, lang, s.start, s.end):
        if count.quantity.value is None:
            continue
        after = place_after.match(text, count.end, s.end)
        named = ents.starting_at(after.end(), s.end) if after is not None else None
        if named is not None and named[1].type is LOC:
            out.append((named[1], count.quantity, count.start, named[0].end))
            continue
        before = _mention_before(ents, s, count.start)
        if (
            before is not None
            and before[0].type is LOC
            and place_gap.fullmatch(text, before[1], count.start)
            and troops_after.match(text, count.end, s.end)
        ):
            start = next(
                m.start for m, _ in ents.mentions_in(s.start, before[1]) if m.end == before[1]
            )
            out.append((before[0], count.quantity, start, count.end))
    places = {id(d) for d, *_ in out}
    return out if len(places) == len(out) and len(out) > 1 else []


def shares_count(text: str, lang: LangResources, ents: Entities, end: int, limit: int) -> bool:
    """The body named before ``end`` shares its count with a body listed right after it
    that has none of its own ("900 personel Yonif 411 dan Yonif 412")."""
    link = _list_link(lang).match(text, end, limit)
    if link is None:
        return False
    nxt = ents.starting_at(link.end(), limit)
    if nxt is None or nxt[1].type is not ORG:
        return False
    return _LIST_ENDS.match(text, nxt[0].end, limit) is not None and not find_counts(
        text, lang, nxt[0].end, min(limit, nxt[0].end + 30)
    )


_LIST_ENDS = re.compile(r"\s*(?:[,.;]|$)")


@functools.cache
def _share_patterns(lang: LangResources) -> tuple[re.Pattern[str], ...]:
    """The patterns of :func:`find_place_shares`, compiled once per language: a count's
    troops and where they go ("500 personel ke Sulawesi Barat"; the troops may be left out
    after the first: "400 troops to Niger and 300 to Libya"), the gap between a place and
    its count ("Sulawesi Barat sebanyak 500 personel"), and troops right after a count."""
    troops = lang.pattern("troop_nouns").pattern
    preps = lang.pattern("destination_preps").pattern
    counted = lang.pattern("count_cues").pattern
    return (
        re.compile(rf"\s+(?:(?:{troops})\s+)?(?:{preps})\s+", re.IGNORECASE),
        re.compile(rf"\s+(?:(?:{counted})\s+)?$", re.IGNORECASE),
        re.compile(rf"\s+(?:{troops})(?!\w)", re.IGNORECASE),
    )


@functools.cache
def _list_link(lang: LangResources) -> re.Pattern[str]:
    """The link to the next item of a list: a comma or a coordinator ("dan", "and")."""
    return re.compile(rf"\s*,?\s*(?:{lang.pattern('coordinators').pattern})\s+", re.IGNORECASE)


def is_collective(lang: LangResources, force: Draft) -> bool:
    """A force of several states: a known alliance, or a body whose name says it is one
    ("SADC Mission in Mozambique")."""
    if force.type is not ORG:
        return False
    if force.entry is not None and force.entry.kind == "alliance":
        return True
    missions = lang.pattern("collective_nouns")
    return any(missions.search(name) for name in force.names)


def contingent_cues(lay: Layout, lang: LangResources) -> list[tuple[int, re.Match[str]]]:
    """The cues of contingents listed (``contingent_list_cues``) in the story sentences, with
    each one's sentence: found once per article for :func:`find_named_contingents`."""
    cues = lang.pattern("contingent_list_cues")
    return [
        (index, cue)
        for index, s in enumerate(lay.sentences)
        if s.kind is Kind.STORY
        for cue in cues.finditer(lay.clean, s.start, s.end)
    ]


def find_named_contingents(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    collective: Draft,
    to: Draft,
    cues: list[tuple[int, re.Match[str]]],
) -> list[Part]:
    """Rule named-contingents: the countries the article names, anywhere, as the contingents
    of a collective force, each a part whose count the text does not give: "SAMIDRC's three
    contingents, South Africa, Malawi, and Tanzania", "contingents from Kenya and Jamaica",
    "Angola and Namibia are the latest troop contributing countries", "the Angolan and
    Namibian contingents". The country of the place the force is sent to is its host, no
    part of it. ``cues``: the article's :func:`contingent_cues`."""
    text = lay.clean
    joins = lang.pattern("coordinators").pattern
    articles = lang.pattern("definite_before").pattern
    sources = lang.pattern("source_preps").pattern
    copulas = lang.pattern("copulas").pattern
    after = re.compile(rf"\s*,\s*|\s+(?:{sources})\s+|\s+", re.IGNORECASE)
    named_before = re.compile(
        rf"\s+(?:{copulas})\s+(?:(?:{articles})\s+)?(?:[\w-]+\s+){{0,2}}$|\s+$", re.IGNORECASE
    )
    link = re.compile(rf"\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+", re.IGNORECASE)
    host = ents.country_of_town(to)
    out: list[Part] = []
    seen: set[str] = set()
    for index, cue in cues:
        s = lay.sentences[index]
        found: list[Draft] = []
        head = after.match(text, cue.end(), s.end)
        if head is not None:
            found += _listed(text, ents, joins, articles, head.end(), s.end)
        lead = named_before.search(text, s.start, cue.start())
        if lead is not None:
            found += _listed_back(text, ents, link, s.start, lead.start())
            # "the Angolan and Namibian contingents": the demonyms' countries
            at = lead.start()
            for ds, de, entry in reversed(ents.demonyms_in(s.start, at)):
                if de != at and not link.fullmatch(text, de, at):
                    break
                found.append(ents.country(entry, ds, de))
                at = ds
        for part in found:
            if part is collective or part is to or part is host:
                continue
            if not (part.entry and part.entry.kind == "country") or part.id in seen:
                continue
            seen.add(part.id)
            out.append(Part(part, None, index, s.start, s.end))
    return out


def _listed_back(
    text: str, ents: Entities, link: re.Pattern[str], start: int, end: int
) -> list[Draft]:
    """The names listed up to ``end``, read backwards: "Angola and Namibia"."""
    out: list[Draft] = []
    at = end
    for mention, draft in reversed(list(ents.mentions_in(start, end, longest=True))):
        if mention.end > at:
            continue
        gap = text[mention.end : at]
        if (out and not link.fullmatch(gap)) or (not out and gap.strip()):
            break
        out.append(draft)
        at = mention.start
    return out


def _listed(
    text: str, ents: Entities, joins: str, articles: str, start: int, end: int
) -> list[Draft]:
    """The names listed from ``start``: "the Czech Republic, Portugal and Norway"."""
    link = re.compile(
        rf"\s*,\s*(?:(?:{joins})\s+)?(?:(?:{articles})\s+)?|\s+(?:{joins})\s+(?:(?:{articles})\s+)?",
        re.IGNORECASE,
    )
    lead = re.compile(rf"\s*(?:(?:{articles})\s+)?", re.IGNORECASE)
    out: list[Draft] = []
    at = start
    for mention, draft in ents.mentions_in(start, end, longest=True):
        gap = text[at : mention.start]
        if out and not link.fullmatch(gap):
            break
        if not out and not lead.fullmatch(gap):
            break
        out.append(draft)
        at = mention.end
    return out


def _mention_before(ents: Entities, s: Sentence, position: int) -> tuple[Draft, int] | None:
    """The last mention of the sentence that ends before ``position``, and its end."""
    found = [(d, m.end) for m, d in ents.mentions_in(s.start, position, longest=True)]
    found = [(d, e) for d, e in found if e <= position]
    return found[-1] if found else None
