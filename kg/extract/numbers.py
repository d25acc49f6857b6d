"""Counts as the text states them: digits in both conventions, number words, hedges.

>>> from kg.extract.lang import resources
>>> q = find_counts("sekitar 2.500 tentara", resources("id"))[0]
>>> (q.quantity.value, q.quantity.qualifier.value, q.quantity.text)
(2500, 'approximately', 'sekitar 2.500')
>>> q = find_counts("dozens of people", resources("en"))[0]
>>> (q.quantity.value, q.quantity.min, q.quantity.max)
(None, 24, 99)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract.lang import LangResources, phrase_pattern
from kg.facts.model import Qualifier, Quantity
from kg.facts.rules import default_bounds

__all__ = ["Count", "find_counts", "parse_number"]


@dataclass(frozen=True)
class Count:
    """A count found in text, with the offsets of its phrase (hedge included)."""

    start: int
    end: int
    quantity: Quantity


@functools.cache
def _pattern(lang: LangResources) -> re.Pattern[str]:
    hedges = phrase_pattern(list(lang.qualifiers)).pattern
    words = phrase_pattern(list(lang.number_words)).pattern
    mult = phrase_pattern(list(lang.multipliers)).pattern
    vague = phrase_pattern(list(lang.vague_counts)).pattern
    units = "|".join(re.escape(u) for u in lang.words("duration_units")) or "(?!x)x"
    # "12 000", "25\u00a0000": thousands set apart by a space, as some outlets write them
    digits = (
        r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d.,])"
        r"|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
    )
    if not lang.decimal_comma:
        # "11, 000 men": a house style that spaces the thousands; not "July 20, 2024"
        digits = rf"\d{{1,3}}(?:, \d{{3}})+(?!\d)|{digits}"
    return re.compile(
        # not a piece of a date or a code ("2024-07-20", "14/2"): no digit and dash before
        rf"(?<!\d[-/])(?<![\w.,])(?:(?P<hedge>{hedges})\s+)?"
        rf"(?:(?P<vague>{vague})|(?P<num>{digits}|{words})(?:\s*(?P<mult>{mult}))?)"
        r"(?![\w/%])"
        # "a 24-hour strike", "three-day protest": a length of time, no count
        rf"(?!-(?:{units})(?!\w))",
        re.IGNORECASE,
    )


def parse_number(text: str, lang: LangResources) -> int | None:
    """A whole number from digits in the language's convention or a number word.

    >>> from kg.extract.lang import resources
    >>> parse_number("2.500", resources("id")), parse_number("2,500", resources("en"))
    (2500, 2500)
    """
    low = text.lower()
    if low in lang.number_words:
        return lang.number_words[low]
    group, decimal = (".", ",") if lang.decimal_comma else (",", ".")
    if re.fullmatch(rf"\d{{1,3}}(?:{re.escape(group)} ?\d{{3}})+", text):
        return int(text.replace(group, "").replace(" ", ""))
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+", text):
        return int(re.sub(r"\s", "", text))
    if re.fullmatch(rf"\d+(?:{re.escape(decimal)}\d+)?", text):
        return round(float(text.replace(decimal, ".")))
    return None


def _scaled(text: str, multiplier: str | None, lang: LangResources) -> int | None:
    factor = lang.multipliers.get(multiplier.lower(), 1) if multiplier else 1
    if factor > 1:
        decimal = "," if lang.decimal_comma else "."
        if re.fullmatch(rf"\d+{re.escape(decimal)}\d+", text):
            return round(float(text.replace(decimal, ".")) * factor)
    value = parse_number(text, lang)
    return None if value is None else value * factor


@functools.cache
def _one_of(lang: LangResources) -> re.Pattern[str] | None:
    """The words right before a number that make it "one of" ("salah satu")."""
    words = lang.words("not_count_before")
    if not words:
        return None
    return re.compile(rf"(?<![\w-])(?:{phrase_pattern(words).pattern})\s+$", re.IGNORECASE)


@functools.cache
def _ages(lang: LangResources) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """Patterns for the words right after and right before a number that make it an age."""
    words = lang.words("age_words")
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return (
        re.compile(rf"\s?(?:{alternatives})(?!\w)", re.IGNORECASE),
        # "aged between 15 and 60": the second number too
        re.compile(rf"(?<!\w)(?:{alternatives})\s+(?:\d+\s+\w{{1,4}}\s+)?$", re.IGNORECASE),
    )


@functools.cache
def _shares(lang: LangResources) -> re.Pattern[str] | None:
    """The words right after a number that make it no count: a share of a whole, or a
    negation ("satu pun": not even one)."""
    words = lang.words("not_count_after")
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s?(?:{alternatives})(?!\w)", re.IGNORECASE)


@functools.cache
def _numbered(lang: LangResources) -> re.Pattern[str] | None:
    """The words a number names a unit after, right before the number."""
    words = lang.words("numbered_heads")
    if not words:
        return None
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})\.?\s+$", re.IGNORECASE)


# the minutes of a time of day ("12:30 pm", "pukul 10.30 WIB"); "pm" or a zone after them
# is not read, since only whether the number is a time matters
_CLOCK = re.compile(r"[:.]\d{2}(?![.,]?\d)")
_CLOCK_BEFORE = re.compile(r"\d:$")


@functools.cache
def _months(lang: LangResources) -> re.Pattern[str]:
    return phrase_pattern(list(lang.months))


def _a_day(text: str, lang: LangResources, m: re.Match[str]) -> bool:
    """The number at ``m`` is a day written with its month's name ("May 18", "18 Mei")."""
    months = _months(lang)
    before = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, m.start() - 14) : m.start()])
    after = re.match(r"\s+([A-Za-z]+)", text[m.end() : m.end() + 14])
    return any(w is not None and months.fullmatch(w.group(1)) for w in (before, after))


def find_counts(
    text: str, lang: LangResources, start: int = 0, end: int | None = None
) -> list[Count]:
    """Every count in ``text[start:end]``, with offsets into ``text``."""
    found: list[Count] = []
    ages = _ages(lang)
    for m in _pattern(lang).finditer(text, start, len(text) if end is None else end):
        hedge = (m.group("hedge") or "").lower()
        kind = Qualifier(lang.qualifiers[" ".join(hedge.split())]) if hedge else Qualifier.EXACT
        phrase = m.group()
        if m.group("vague"):
            low, high = lang.vague_counts[" ".join(m.group("vague").lower().split())]
            quantity = Quantity(Qualifier.VAGUE, None, low, high, phrase)
        else:
            raw = m.group("num")
            if raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100 and not m.group("mult"):
                continue  # a year
            if ages is not None and (
                ages[0].match(text, m.end())
                or ages[1].search(text, max(0, m.start() - 30), m.start())
            ):
                continue  # an age: "the 24-year-old", "berusia 24 tahun"
            one_of = _one_of(lang)
            if one_of is not None and one_of.search(text, max(0, m.start() - 12), m.start()):
                continue  # "salah satu kontributor pasukan": one of them, no count
            shares = _shares(lang)
            if shares is not None and shares.match(text, m.end()):
                continue  # no count: "dua pertiga pasukannya", "40 percent", "satu pun"
            heads = _numbered(lang)
            if (
                heads is not None
                and not hedge
                and heads.search(text, max(0, m.start() - 15), m.start())
            ):
                continue  # a unit's number: "Kodim 0426", "Battalion 3"
            if _CLOCK.match(text, m.end()) or _CLOCK_BEFORE.search(
                text, max(0, m.start() - 3), m.start()
            ):
                continue  # a time of day: "around 12:30 pm"
            if (
                not m.group("mult")
                and raw.isdigit()
                and 1 <= int(raw) <= 31
                and _a_day(text, lang, m)
            ):
                continue  # a day of a month: "on Tuesday May 18", "20 Juni"
            value = _scaled(raw, m.group("mult"), lang)
            if value is None:
                continue
            lo, hi = default_bounds(kind, value, None, None)
            quantity = Quantity(kind, value, lo, hi, phrase)
        found.append(Count(m.start(), m.end(), quantity))
    return found
