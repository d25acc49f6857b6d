"""When a protest began: its date, a start cue ("since", "sejak"), how long it lasted, and
the dates that belong to another event or another year."""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.dates import DateMatch, began_before, find_durations
from kg.extract.entities import Entities
from kg.extract.lang import LangResources
from kg.extract.protests.rows import ProtestDraft, nearest, protest_named, words_after
from kg.extract.story import event_dates
from kg.extract.text import Sentence
from kg.extract.trace import Step
from kg.facts.model import DateValue, Precision


def past_protest(text: str, nouns: re.Pattern[str], cue: re.Match[str]) -> bool:
    """A cue of a past event (``past_event_cues``) tells of a past protest: it names one
    ("earlier protests") or one follows it ("Last month's protests"), not another event
    ("against last week's military coup")."""
    after = words_after(text, cue.end())
    return nouns.search(cue.group()) is not None or (
        after is not None and nouns.search(after) is not None
    )


def dates_another_event(text: str, lang: LangResources, nouns: re.Pattern[str], end: int) -> bool:
    """Rule a-date-owned-by-another-event: "demonstrations ... against last week's military
    coup", "Sunday's election": a date made a possessive dates the noun after it, which is
    no protest."""
    owned = words_after(text, end, lang.possessive)
    return owned is not None and nouns.search(owned) is None


def another_year_s(sentence: str, nouns: re.Pattern[str], published: dt.date | None) -> bool:
    """The sentence's protest is of another year than the article's ("The unrest recalls the
    2017 protests against a fuel tax"): its causes are that protest's."""
    if published is None:
        return False
    return any(
        int(m.group(1)) != published.year
        and (
            nouns.match(sentence, m.end())
            or nouns.match(sentence, m.end() + len(m.group(2) or "")) is not None
        )
        for m in re.finditer(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s+(?=([\w-]+\s+)?)", sentence)
    )


def another_event_s_year(
    text: str, nouns: re.Pattern[str], s: Sentence, date: DateMatch, published: dt.date | None
) -> bool:
    """Rule a-past-year-far-from-the-protest: a year alone, before the article's, dates the
    protest only when told next to its noun ("the 2011 strike", "protests in 2021"); further
    off it is another event's ("Rallies are rare there since they were banned in 2019",
    "students protested a quota for veterans of the 1971 war")."""
    if published is None or date.value.precision is not Precision.YEAR:
        return False
    if date.value.value.year >= published.year:
        return False
    return not any(
        len(text[min(m.end(), date.end) : max(m.start(), date.start)].split()) <= _NEXT_TO
        for m in nouns.finditer(text, s.start, s.end)
    )


_NEXT_TO = 3  # words between a protest's noun and its year: "protests in March 2021"


_CLAUSE_END = re.compile(r"[,;:.]")
_WORD = re.compile(r"[\w-]+")
_SPACE = re.compile(r"\s+")


def day_of_the_protest(text: str, nouns: re.Pattern[str], end: int, stop: int) -> bool:
    """Rule the-nth-day-of-the-protest: the protest's noun follows the count of days within
    two words ("On the sixth day of the general strike", "a second night of rioting"): the
    protest is what lasted, as when its noun comes before."""
    at = end
    for _ in range(3):
        gap = _SPACE.match(text, at, stop)
        if gap is None:
            return False
        if nouns.match(text, gap.end(), stop) is not None:
            return True
        word = _WORD.match(text, gap.end(), stop)
        if word is None:
            return False
        at = word.end()
    return False


def lasted_since(
    text: str,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    story: list[tuple[int, Sentence]],
    protests: list[ProtestDraft],
) -> None:
    """Rule began-days-before: "Unjuk rasa ... telah berlangsung selama empat hari", "for a
    fourth straight day": a protest whose start no cue states began that many days before
    the day the text tells of (the latest date of the sentence or the three before it, else the
    publication date)."""
    nouns = lang.pattern("protest_nouns")
    for n, (_, s) in enumerate(story):
        lasted = [
            d
            for d in find_durations(text, lang, s.start, s.end)
            # the protest is what lasted: "Unjuk rasa ... telah berlangsung selama empat
            # hari", not "a lockdown for three days following the call to march"
            if nouns.search(text, max(s.start, d.start - 80), d.start) is not None
            or day_of_the_protest(text, nouns, d.end, s.end)
        ]
        if not lasted:
            continue
        target = protest_named(protests, ents, s) or nearest(protests, s.start)
        if target.cued:
            continue  # "dimulai pada 2 Januari": a start stated beats one counted back
        told = [
            d.value.value
            for _, before in story[max(0, n - 3) : n + 1]
            for d in event_dates(text, lang, published, before)
            if d.value.precision is Precision.DAY
            and (published is None or d.value.value <= published)
        ]
        day = max(told) if told else published
        if day is None:
            continue
        phrase = text[lasted[0].start : lasted[0].end]
        began = began_before(day, lasted[0].days, phrase)
        if target.start is not None and target.start.earliest <= began.value:
            continue  # a date of the protest told that is earlier still
        target.start, target.cued = began, True
        target.add((s.start, s.end))
        target.why.append(Step("start:began-days-before", lasted[0].start, lasted[0].end))


def start_cue(
    text: str, cues: re.Pattern[str], comparisons: re.Pattern[str], s: Sentence
) -> tuple[re.Match[str] | None, list[tuple[int, int]]]:
    """The first word in the sentence that says when a protest began ("dimulai", "since"),
    but not in a comparison ("the largest demonstration since 2019", "the most violent day
    since the movement began in January"); and the spans of those comparisons, from their
    cue to the end of its clause, whose dates are not the protest's."""
    compared: list[tuple[int, int]] = []
    for cue in cues.finditer(text, s.start, s.end):
        before = text[max(s.start, cue.start() - 40) : cue.start()]
        if comparisons.search(before):
            stop = _CLAUSE_END.search(text, cue.end(), s.end)
            compared.append((cue.start(), stop.start() if stop else s.end))
        elif not any(a <= cue.start() < b for a, b in compared):
            return cue, compared
    return None, compared


def restates(protest: ProtestDraft, cued: DateValue) -> bool:
    """A start told with a cue ("since", "began") replaces the protest's start unless it
    was cued already, or it is coarser than the day the protest was told on (rule
    the-movement-began-earlier: "marched in Madrid on Thursday ... The protests have drawn
    crowds since January": the day told stays the start)."""
    if protest.cued:
        return False
    told = protest.start
    return not (
        told is not None and told.precision is Precision.DAY and cued.precision is not Precision.DAY
    )


def earlier_start(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The earlier of two starts, or the one known."""
    if a is None or b is None:
        return a or b
    return a if a.earliest <= b.earliest else b
