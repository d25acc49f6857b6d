"""Dates as the text gives them, resolved against the publication date.

Own rules first (fast and they know Indonesian relative phrases dateparser misses);
every result has a precision and earliest/latest bounds.

>>> import datetime as dt
>>> from kg.extract.lang import resources
>>> pub = dt.date(2022, 1, 13)
>>> [d.value.iso for d in find_dates("pada hari Selasa", resources("id"), pub)]
['2022-01-11']
>>> d = find_dates("pekan lalu", resources("id"), pub)[0].value
>>> d.iso, d.earliest.isoformat(), d.latest.isoformat()
('2022-01-06', '2022-01-03', '2022-01-09')
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass

from kg.extract.lang import LangResources, phrase_pattern
from kg.facts.model import DateValue, Precision
from kg.facts.rules import date_bounds

__all__ = [
    "DateMatch",
    "Duration",
    "began_before",
    "find_dates",
    "find_durations",
    "weekday_anchor",
]


@dataclass(frozen=True)
class DateMatch:
    """A date phrase at ``start:end`` and the date it means."""

    start: int
    end: int
    value: DateValue


@dataclass(frozen=True)
class _Patterns:
    full: re.Pattern[str]


@functools.cache
def _numbered_document(lang: LangResources) -> re.Pattern[str]:
    """The number of a law or decree, right before the year that closes it ("Nomor 6
    Tahun 2023", "No. 6 of 2023")."""
    cues = lang.pattern("document_numbers").pattern
    years = lang.pattern("document_years").pattern
    return re.compile(rf"(?:{cues})\s*\d+[\w/.-]*\s+(?:{years})\s+(?=\d)", re.IGNORECASE)


@functools.cache
def _patterns(lang: LangResources) -> re.Pattern[str]:
    month = phrase_pattern(list(lang.months)).pattern
    month = month.replace("(?![\\w-])", r"\.?(?![\w-])")
    weekday = phrase_pattern(list(lang.weekdays)).pattern
    rel = {
        k: phrase_pattern(list(lang.table(k))).pattern
        for k in ("relative_days", "relative_weeks", "relative_months", "relative_years")
    }
    past = phrase_pattern(lang.words("past_markers")).pattern
    day_parts = phrase_pattern(lang.words("day_parts")).pattern
    future = phrase_pattern(lang.words("future_markers")).pattern
    month_preps = phrase_pattern(lang.words("month_preps")).pattern
    month_parts = phrase_pattern(lang.words("month_parts")).pattern
    ranges = phrase_pattern(lang.words("date_range_words")).pattern + r"|[-–—]"
    day = r"(?:[12]\d|3[01]|0?[1-9])"
    year = r"(?:1[89]\d\d|20\d\d)"
    parts = [
        # (13/1/2022), Senin (18/5), 06/11/2023
        # "Sabtu dini hari (31/8)": a part of the day between; "Senin besok (1/9/2025)"
        # (the spaces after the weekday go with it: a match never starts in a run of spaces,
        # which would be tried at every one of its spaces, as long as blanked credits are)
        rf"(?:(?P<wd1>{weekday}),?\s*)?(?:(?:{day_parts})\s*)?(?:(?:{past}|(?P<fut1>{future}))\s*)?"
        rf"(?:{rel['relative_weeks']}\s*)?"
        r"\(?(?P<n1>\d{1,2})/(?P<n2>\d{1,2})(?:/(?P<ny>\d{4}|\d{2}))?\)?",
        # 13 Januari 2022, 20 Oct 2019; "antara 8 dan 13 Oktober" begins on the 8th
        rf"(?:(?P<wd2>{weekday})(?:\s+\w+)?,?\s+)?(?:(?P<d0>{day})(?:\s*,\s*{day}(?!\d))*\s*(?:,\s*)?(?:{ranges}|,)\s*)?(?P<d1>{day})\s+(?P<m1>{month})(?:\s+(?P<y1>{year}))?(?:\s+(?P<past1>{past}))?",
        # March 23, 2023 / Jan. 11; "June 26, 27, and 28, 2025", "June 26-28": the first day
        rf"(?:(?P<wd3>{weekday}),?\s+)?(?P<m2>{month})\s+(?P<d2>{day})(?!\d)"
        rf"(?:(?:\s*,\s*{day}(?!\d))*\s*,?\s*(?:{ranges})\s*(?P<d3>{day})(?!\d))?"
        rf"(?:,?\s+(?P<y2>{year}))?",
        # Januari 2022
        rf"(?:(?:{month_parts})\s+)?(?P<m3>{month})\s+(?P<y3>{year})",
        # in October, sejak Maret: a month alone only after a word that makes it a time
        rf"(?<![\w-])(?P<mp>{month_preps})\s+(?P<m4>{month})(?!\.?\s*,?\s*\d)",
        rf"(?P<rel_d>{rel['relative_days']})",
        rf"(?P<rel_w>{rel['relative_weeks']})",
        rf"(?P<rel_m>{rel['relative_months']})",
        rf"(?P<rel_y>{rel['relative_years']})",
        # Selasa lalu, last Thursday, hari Kamis, on Friday, Thursday's
        # "Senin pekan depan", "Friday next week": that weekday of the week told
        rf"(?P<wd5>{weekday})\s+(?P<wk>{rel['relative_weeks']})",
        rf"(?:(?P<pre>{past}|{future})\s+)?(?P<wd4>{weekday})(?:\s+(?P<post>{past}|{future}))?",
        rf"(?<=\s)(?P<y4>{year})(?![\d/])",
    ]
    return re.compile("|".join(f"(?:{p})" for p in parts), re.IGNORECASE)


def _value(day: dt.date, precision: Precision, text: str, **kw: object) -> DateValue:
    if precision is Precision.DAY:
        value = day
    elif precision is Precision.MONTH:
        value = day.replace(day=1)
    else:
        value = dt.date(day.year, 1, 1)
    earliest, latest = date_bounds(value, precision)
    lo = kw.get("earliest", earliest)
    hi = kw.get("latest", latest)
    assert isinstance(lo, dt.date) and isinstance(hi, dt.date)
    return DateValue(value, precision, lo, hi, bool(kw.get("approximate", False)), text)


def _weekday(target: int, published: dt.date, future: bool) -> dt.date:
    delta = (published.weekday() - target) % 7
    if future:
        return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
    return published - dt.timedelta(days=delta)


def _year_for(month: int, day: int, published: dt.date, past: bool) -> int:
    year = published.year
    try:
        candidate = dt.date(year, month, day)
    except ValueError:
        return year
    if candidate > published + dt.timedelta(days=0 if past else 60):
        return year - 1
    return year


def _weekday_year(day: int, month: int, weekday: int, published: dt.date) -> int | None:
    """Of the publication's year and the years around it, the one nearest the publication
    whose ``day``/``month`` falls on ``weekday``, or None."""
    fits = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            fits.append((abs((candidate - published).days), year))
    return min(fits)[1] if fits else None


def _day_month(g: dict[str, str | None], lang: LangResources) -> tuple[int, int]:
    """The day and month of a match of the numeric (13/1), day-month (13 Januari) or
    month-day (January 13) pattern."""
    if g["n1"] and g["n2"]:
        day, month = int(g["n1"]), int(g["n2"])
        return (day, month) if lang.decimal_comma else (month, day)  # English: month/day
    if g["d1"] and g["m1"]:
        return int(g["d1"]), lang.months[g["m1"].lower().rstrip(".")]
    if g["d2"] and g["m2"]:
        return int(g["d2"]), lang.months[g["m2"].lower().rstrip(".")]
    raise ValueError("no day and month in the match")


def _resolve(m: re.Match[str], lang: LangResources, published: dt.date) -> DateValue | None:
    g = m.groupdict()
    text = m.group()
    low = text.lower()
    try:
        if g["n1"]:
            day, month = _day_month(g, lang)
            ahead = bool(g["fut1"])  # "besok (14/8)": the date to come
            year = int(g["ny"]) if g["ny"] else _year_for(month, day, published, not ahead)
            if not g["ny"] and g["wd1"]:
                # "Senin (24/3)": the year, next to the publication's, whose 24 March is a
                # Monday (a date a few days after the publication is this year's)
                target = lang.weekdays[g["wd1"].lower()]
                year = _weekday_year(day, month, target, published) or year
            year = year + 2000 if year < 100 else year
            return _value(dt.date(year, month, day), Precision.DAY, text)
        if g["d1"]:
            day, month = _day_month(g, lang)
            year = int(g["y1"]) if g["y1"] else _year_for(month, day, published, bool(g["past1"]))
            if g["d0"] and int(g["d0"]) < day:  # a range of days: it begins on the first
                last = dt.date(year, month, day)
                first = last.replace(day=int(g["d0"]))
                return _value(first, Precision.DAY, text, latest=last)
            return _value(dt.date(year, month, day), Precision.DAY, text)
        if g["m2"]:
            day, month = _day_month(g, lang)
            year = int(g["y2"]) if g["y2"] else _year_for(month, day, published, False)
            if g["d3"] and int(g["d3"]) > day:  # a range of days: it begins on the first
                first = dt.date(year, month, day)
                return _value(first, Precision.DAY, text, latest=first.replace(day=int(g["d3"])))
            return _value(dt.date(year, month, day), Precision.DAY, text)
        if g["m3"]:
            month = lang.months[g["m3"].lower().rstrip(".")]
            return _value(dt.date(int(g["y3"]), month, 1), Precision.MONTH, text)
        if g["m4"]:
            month = lang.months[g["m4"].lower().rstrip(".")]
            year = _year_for(month, 1, published, False)
            if month > published.month and " ".join(g["mp"].lower().split()) in {
                w.lower() for w in lang.words("end_preps")
            }:
                # "to be completed by July", "hingga Juli": an end still ahead this year
                year = published.year
            return _value(dt.date(year, month, 1), Precision.MONTH, g["m4"])
    except ValueError:
        return None
    if g["rel_d"]:
        shift = lang.table("relative_days")[" ".join(low.split())]
        return _value(published + dt.timedelta(days=int(shift)), Precision.DAY, text)
    if g["rel_w"]:
        shift = int(lang.table("relative_weeks")[" ".join(low.split())])
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        sunday = monday + dt.timedelta(days=6)
        value = published + dt.timedelta(weeks=shift)
        if shift == 0:
            value, sunday = min(value, published), max(published, monday)
        return _value(value, Precision.DAY, text, earliest=monday, latest=sunday, approximate=True)
    if g["rel_m"]:
        shift = int(lang.table("relative_months")[" ".join(low.split())])
        month_index = published.year * 12 + published.month - 1 + shift
        first = dt.date(month_index // 12, month_index % 12 + 1, 1)
        return _value(first, Precision.MONTH, text)
    if g["rel_y"]:
        shift = int(lang.table("relative_years")[" ".join(low.split())])
        return _value(dt.date(published.year + shift, 1, 1), Precision.YEAR, text)
    if g["wd5"]:
        target = lang.weekdays[g["wd5"].lower()]
        shift = int(lang.table("relative_weeks")[" ".join(g["wk"].lower().split())])
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=shift)
        return _value(monday + dt.timedelta(days=target), Precision.DAY, text)
    if g["wd4"]:
        target = lang.weekdays[g["wd4"].lower()]
        markers = {(g["pre"] or "").lower(), (g["post"] or "").lower()}
        future = bool(markers & {w.lower() for w in lang.words("future_markers")})
        return _value(_weekday(target, published, future), Precision.DAY, text)
    if g["y4"]:
        return _value(dt.date(int(g["y4"]), 1, 1), Precision.YEAR, text)
    return None


def find_dates(
    text: str,
    lang: LangResources,
    published: dt.date | None,
    start: int = 0,
    end: int | None = None,
) -> list[DateMatch]:
    """Every date phrase in ``text[start:end]``, resolved against ``published``.

    Without a publication date only phrases that state their year are dates: "pekan lalu"
    or "6 Januari" cannot be placed, and are left out rather than guessed.
    """
    out: list[DateMatch] = []
    base = published or dt.date.today()
    numbered = _numbered_document(lang)
    for m in _patterns(lang).finditer(text, start, len(text) if end is None else end):
        if published is None and not re.search(r"\d{4}", m.group()):
            continue
        if numbered.search(text, max(0, m.start() - 30), m.start() + 1):
            continue  # rule a-document-s-number: "UU Nomor 6 Tahun 2023" names a law
        value = _resolve(m, lang, base)
        if value is not None and _plausible(value, base):
            begin = m.start("m4") if m.group("m4") else m.start()  # not "in" of "in October"
            out.append(DateMatch(begin, m.end(), value))
    return out


def weekday_anchor(text: str, lang: LangResources) -> dt.date | None:
    """Without a publication date, a date to resolve the others against: a day and month
    the text gives with its weekday ("Jumat (27/12)", "Friday, December 27"), in the one
    year next to a year the text states where that day falls on that weekday.

    None when the text states no year, or no such phrase fits exactly one year.

    >>> from kg.extract.lang import resources
    >>> weekday_anchor("Aksi digelar Jumat (27/12). Mereka bertahan hingga 1 Januari 2025.",
    ...                resources("id"))
    datetime.date(2024, 12, 27)
    """
    # "since the end of the 1990s", "era 1990-an": a decade, no year
    decade = "|".join(re.escape(w) for w in lang.words("decade_suffixes")) or "(?!x)x"
    years = {int(y) for y in re.findall(rf"(?<!\d)(?:19|20)\d\d(?!\d|(?:{decade})(?![\w-]))", text)}
    candidates = sorted({y + k for y in years for k in (-1, 0, 1)})
    for m in _patterns(lang).finditer(text):
        g = m.groupdict()
        weekday = g["wd1"] or g["wd2"] or g["wd3"]
        if not weekday or g["ny"] or re.search(r"\d{4}", m.group()):
            continue
        if not (g["n1"] or (g["d1"] and not g["d0"]) or g["m2"]):
            continue  # a day and month, not a range of days
        day, month = _day_month(g, lang)
        target = lang.weekdays[weekday.lower()]
        fits = []
        for year in candidates:
            try:
                if dt.date(year, month, day).weekday() == target:
                    fits.append(dt.date(year, month, day))
            except ValueError:
                continue
        if len(fits) == 1:
            return fits[0]
    return None


@dataclass(frozen=True)
class Duration:
    """A phrase at ``start:end`` saying something has gone on for ``days`` days."""

    start: int
    end: int
    days: int


@functools.cache
def _duration_pattern(lang: LangResources) -> re.Pattern[str]:
    words = [*lang.number_words, *lang.table("ordinal_words")]
    suffixes = "|".join(map(re.escape, lang.words("ordinal_suffixes"))) or "(?!x)x"
    number = rf"(?P<n>\d+(?:{suffixes})?|{phrase_pattern(words).pattern})"
    phrases = "|".join(f"(?:{p.replace('{n}', number, 1)})" for p in lang.words("protest_duration"))
    if not phrases:
        return re.compile(r"(?!x)x")
    # each phrase has its own group for the number: name them apart
    count = iter(range(1000))
    phrases = re.sub(r"\(\?P<n>", lambda _: f"(?P<n{next(count)}>", phrases)
    return re.compile(rf"(?<![\w-])(?:{phrases})(?![\w-])", re.IGNORECASE)


def find_durations(
    text: str, lang: LangResources, start: int = 0, end: int | None = None
) -> list[Duration]:
    """How long something has lasted, in days ("selama empat hari", "for a fourth day",
    "twelve consecutive days"), in ``text[start:end]``."""
    ordinals = {str(k).lower(): int(v) for k, v in lang.table("ordinal_words").items()}
    out = []
    for m in _duration_pattern(lang).finditer(text, start, len(text) if end is None else end):
        raw = next(v for k, v in m.groupdict().items() if v is not None).lower()
        digits = re.match(r"\d+", raw)  # "4", "4th": the number's other form is a word
        days = int(digits.group()) if digits else ordinals.get(raw, lang.number_words.get(raw))
        if days is not None and 1 <= int(days) <= 366:
            out.append(Duration(m.start(), m.end(), int(days)))
    return out


def began_before(told: dt.date, days: int, text: str) -> DateValue:
    """The day something that is on its ``days``-th day on ``told`` began (day one is the
    first): an approximate day, since "for four days" may count the first day or not."""
    first = told - dt.timedelta(days=days - 1)
    return _value(first, Precision.DAY, text, approximate=True)


def _plausible(value: DateValue, published: dt.date) -> bool:
    return value.earliest <= published + dt.timedelta(days=3650) and value.value.year >= 1800


_ = calendar  # month lengths come from kg.facts.rules
