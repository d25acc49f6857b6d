"""What a story is about, shared by the frames of deployments and protests: its main
country, the dates of a sentence that are event dates, the country a capital stands for,
and the word before a mention."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter

from kg.extract.dates import DateMatch, find_dates
from kg.extract.entities import LOC, Draft, Entities, Mention
from kg.extract.lang import LangResources
from kg.extract.text import Kind, Sentence
from kg.gazetteer import capitals, plain_name

__all__ = [
    "across_before",
    "capital_of_country",
    "country_of",
    "country_of_town",
    "event_dates",
    "in_country",
    "main_country",
    "nationwide_in",
    "region_of",
    "word_before",
]


def main_country(ents: Entities, *, told_otherwise: bool = True) -> Draft | None:
    """The country mentioned most often in story text. When several share the most
    mentions ("countries like Australia, Germany and France"), a country that its
    demonyms and its named towns and regions, together, name more often is the story's
    ("Colombian Defense Minister", "in the town of Buenaventura"), unless
    ``told_otherwise`` is false."""
    counts = Counter[str]()
    for d in ents.drafts:
        if d.entry is not None and d.entry.kind == "country":
            counts[d.id] = sum(1 for m in d.mentions if m.kind is Kind.STORY)
    if not counts:
        return None
    (best, most), *rest = counts.most_common()
    if told_otherwise and rest and rest[0][1] == most:
        tacit = _country_told_otherwise(ents, most)
        if tacit is not None:
            return tacit
    return next(d for d in ents.drafts if d.id == best)


def _country_told_otherwise(ents: Entities, than: int) -> Draft | None:
    """The country whose demonyms and named towns and regions outnumber ``than`` mentions
    and every other country's, or None."""
    told = Counter[str]()
    where: dict[str, tuple[int, int]] = {}
    for start, end, entry in ents.demonyms:
        if entry.kind == "country":
            told[entry.key] += 1
            where.setdefault(entry.key, (start, end))
    for d in ents.drafts:
        if d.entry is not None and d.entry.kind != "country" and d.entry.country is not None:
            told[d.entry.country] += sum(1 for m in d.mentions if m.kind is Kind.STORY)
    ranked = told.most_common(2)
    if not ranked or ranked[0][1] <= than or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    key = ranked[0][0]
    named = ents.by_key(key)
    if named is not None:
        return named
    if key not in where or ents.authority is None or key not in ents.authority.entries:
        return None
    return ents.country(ents.authority.entries[key], *where[key])


def event_dates(
    text: str, lang: LangResources, published: dt.date | None, s: Sentence
) -> list[DateMatch]:
    """Dates of a sentence, without those that only say when somebody spoke."""
    speech = lang.pattern("speech_verbs").pattern
    preps = lang.pattern("date_preps").pattern
    said_on = re.compile(rf"(?:{speech})\s+(?:(?:{preps})\s+)*$", re.IGNORECASE)
    # "Pentagon pada Rabu (3/2) mengatakan ...", "X, Sabtu, mengatakan": the date of saying
    said_after = re.compile(rf"[\s,]*(?:(?:{speech})(?!\w))", re.IGNORECASE)
    # "..., kata Badan Intelijen Nasional Korea Selatan (NIS), Jumat (18/10/2024)"
    # (not "menyatakan protes terhadap ..., Senin": a protest voiced, not a statement)
    voiced = lang.pattern("protest_nouns").pattern
    said_by = re.compile(
        rf"(?<!\w)(?:{speech})(?!\s+(?:{voiced})(?!\w))(?:\s+(?:[\w.'’-]+|\([^()]*\))){{1,8}},\s*$",
        re.IGNORECASE,
    )
    on_day = re.compile(rf"(?:{preps})\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
    year_before = re.compile(rf"(?:{lang.pattern('year_preps').pattern})\s+$", re.IGNORECASE)
    founded = re.compile(rf"(?:{lang.pattern('founding_cues').pattern})\s+$", re.IGNORECASE)
    reported = re.compile(
        rf"(?<!\w)(?:{lang.pattern('report_cues').pattern})(?:\s+(?:[\w.'’-]+|\([^()]*\))){{1,6}},\s*$",
        re.IGNORECASE,
    )
    out = []
    reports = []  # "Seperti dilansir AFP, Jumat (17/3/2023)": when it was reported
    for d in find_dates(text, lang, published, s.start, s.end):
        if reported.search(text, max(s.start, d.start - 80), d.start):
            reports.append(d)
            continue
        before = text[max(s.start, d.start - 25) : d.start]
        named = text[max(s.start, d.start - 120) : d.start]
        after = said_after.match(text, d.end, s.end)
        if (
            after is not None
            and "," in after.group()
            and on_day.search(before)
            and re.search(r"\w", text[s.start : max(s.start, d.start - 25)])
        ):
            # "tiba di Niger pada Rabu (10/4/2024), kata televisi X": the day of what is
            # told, which a trailing attribution only says who told
            after = None
        if said_on.search(before) or after is not None or said_by.search(named):
            continue
        if founded.search(before):
            continue  # "lembaga pers yang didirikan pada 2009": a body's founding
        if d.value.precision.value == "year" and not year_before.search(before):
            continue
        out.append(d)
    return out or reports


def capital_of_country(country: Draft, ents: Entities) -> Draft:
    """The capital of ``country`` if the article names it (the authority file or the
    gazetteer says which town it is), else the country."""
    key = country.entry.key if country.entry is not None else None
    if key is None:
        return country
    for d in ents.drafts:
        if d.entry is not None and d.entry.capital_of == key:
            return d
    # the gazetteer's capital, named in the article ("Paraguay's capital ... Asunción")
    named = {capitals().get(plain_name(n)) for n in country.names} - {None}
    for d in ents.drafts:
        if d.type is LOC and any(plain_name(n) in named for n in d.names):
            return d
    return country


def in_country(town: Draft, country: Draft) -> bool:
    """``town`` is a town of ``country``: its capital (the authority file) or a town of
    the gazetteer there."""
    if town.entry is None or country.entry is None or country.entry.kind != "country":
        return False
    return country.entry.key in (town.entry.capital_of, town.entry.country)


def country_of_town(town: Draft | None, ents: Entities) -> Draft | None:
    """The country of a capital or a town of the gazetteer, when the article names it."""
    if town is None or town.entry is None:
        return None
    key = town.entry.country or town.entry.capital_of
    return ents.by_key(key) if key else None


def region_of(region: Draft | None, ents: Entities) -> Draft | None:
    """The country a region named by a direction lies in ("Rusia timur", "eastern DRC",
    "Russia's Far East"): the country named inside its name."""
    if region is None or region.entry is not None:
        return None
    for m in region.mentions:
        if m.cue != "direction":
            continue
        for _, d in ents.mentions_in(m.start, m.end):
            if d is not region and d.entry is not None and d.entry.kind == "country":
                return d
    return None


def country_of(d: Draft, ents: Entities) -> Draft:
    """A capital stands for its country ("New Delhi says", "flown into Bamako")."""
    if d.entry is not None and d.entry.capital_of:
        return ents.by_key(d.entry.capital_of) or d
    return d


def word_before(text: str, s: Sentence, m: Mention) -> str:
    """The word before a mention, in its sentence."""
    words = re.findall(r"[\w-]+", text[max(s.start, m.start - 25) : m.start])
    return words[-1] if words else ""


@functools.cache
def across_before(lang: LangResources) -> re.Pattern[str]:
    """The words that spread an event over a place, right before its name ("across Chile",
    "throughout France", "di seluruh Portugal"), to search for ending there."""
    return re.compile(rf"(?<![\w-])(?:{lang.pattern('across_words').pattern})\s+$", re.IGNORECASE)


def nationwide_in(
    nationwide: re.Pattern[str], text: str, ents: Entities, start: int, end: int
) -> re.Match[str] | None:
    """Where ``start:end`` says an event covers the whole country ("nationwide", "secara
    nasional"), outside names ("Majelis Nasional", "Tentara Nasional Indonesia"), or None."""
    names = [m.span for m, _ in ents.mentions_in(start, end)]
    return next(
        (
            w
            for w in nationwide.finditer(text, start, end)
            if not any(a <= w.start() < b for a, b in names)
        ),
        None,
    )
