"""The counts of a protest: deaths, injuries, arrests and participants, sentence by sentence.

A count belongs to the trigger nearest to it in its clause: a death verb ("tewas",
"killed"), an injury word ("luka-luka", "injured") or an arrest verb ("ditangkap",
"detained"). Each count is read once: the one a death verb takes is never also an
injury or an arrest, and a count of troops or police is never one of arrests ("4.500
personel ... untuk mengamankan aksi" secure the protest, they are not detained).
Participants are what is left: a count of protesters ("ribuan demonstran", "hundreds of
protesters"), or a count of people or a crowd noun that a participation verb follows
("sekitar 3.000 mahasiswa berunjuk rasa", "tens of thousands marched"). Troops are
never participants: a troop noun is no crowd noun.

>>> from kg.extract.lang import resources
>>> text = "Sedikitnya 17 orang luka-luka dan dua orang tewas."
>>> found = read_counts(text, resources("id"), 0, len(text))
>>> {slot: c.quantity.text for slot, c in found.items()}
{'deaths': 'dua', 'injuries': 'Sedikitnya 17'}
"""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.numbers import Count, find_counts
from kg.facts.model import Qualifier, Quantity
from kg.facts.rules import default_bounds

__all__ = ["SLOTS", "read_counts"]

#: The count slots of a protest, with the language-file key of their trigger words. The
#: order is the order in which they take counts.
SLOTS = (("deaths", "death_verbs"), ("injuries", "injury_words"), ("arrests", "arrest_verbs"))
_MAX_DISTANCE = 45


@functools.cache
def _clause_break(lang: LangResources) -> re.Pattern[str]:
    """What ends the clause of a count: a semicolon, a colon, a comma, a bracket or a word
    of ``clause_breaks`` ("dan", "but") in the case the file writes it (once per language)."""
    words = phrase_pattern(lang.words("clause_breaks"), case=True).pattern
    return re.compile(rf"[;:,()]|{words}")


@functools.cache
def _counted_nouns(lang: LangResources) -> tuple[tuple[re.Pattern[str], re.Pattern[str]], ...]:
    """The nouns a count of people may count (protesters, crowds, people, troops), each
    with the pattern of that noun right after a count: a link word ("thousands of
    protesters", "ratusan para demonstran") and one more word may come between."""
    link = lang.pattern("count_links").pattern
    nouns = [lang.pattern(k) for k in ("participant_nouns", "crowd_nouns", "person_nouns")]
    return tuple(
        (noun, re.compile(rf"\s+(?:(?:{link})\s+)?(?:\w+\s+)?(?:{noun.pattern})", re.I))
        for noun in (*nouns, lang.pattern("troop_nouns"))
    )


def _nearest(
    text: str,
    lang: LangResources,
    verb: re.Match[str],
    counts: list[Count],
    taken: set[int],
    bound: set[int] | None = None,
    aside: re.Pattern[str] | None = None,
    joined: re.Pattern[str] | None = None,
) -> Count | None:
    """The count closest to a trigger, in the same clause, that no other slot has taken.

    A clause ends at a comma, a colon or a word of ``clause_breaks`` ("3 orang tewas, 25
    orang terluka": the deaths are 3, not 25; "dan", but not "and", which joins nouns:
    "police and gendarmes").
    A relative clause between commas (``aside``) is left out of the gap: "200 demonstran,
    yang sebagian besar masih muda, telah ditangkap" are 200 arrested. A count after the
    trigger that is the subject of another trigger ("killed and hundreds were arrested":
    ``bound``) is that one's, and so is one that a coordinator opens right after the
    trigger (``joined``; rule a-count-after-and-is-another-s: "four people were killed and
    nearly 100, including police, were injured": the 100 are the injured, whatever the
    words between).
    """
    best: Count | None = None
    best_distance = _MAX_DISTANCE + 1
    for c in counts:
        if c.start in taken or (bound and c.start >= verb.end() and c.start in bound):
            continue
        if c.end > verb.start() and c.start < verb.end():
            continue
        gap = text[min(c.end, verb.end()) : max(c.start, verb.start())]
        if joined is not None and c.start >= verb.end() and joined.match(gap):
            continue
        if aside is not None and c.end <= verb.start():
            gap = aside.sub(" ", gap)
        distance = len(gap)
        if distance > _MAX_DISTANCE or _clause_break(lang).search(gap):
            continue
        if distance < best_distance:
            best, best_distance = c, distance
    return best


def _participants(
    text: str, lang: LangResources, counts: list[Count], taken: set[int], end: int
) -> Count | None:
    """The first untaken count of protesters, or of people who take part in a protest."""
    nouns = _counted_nouns(lang)
    protesters, troops = nouns[0][0], nouns[-1][0]
    verbs = lang.pattern("participant_verbs")
    others = [lang.pattern(key) for _, key in SLOTS]
    drew = re.compile(rf"(?:{lang.pattern('participant_verbs_before').pattern})\s+$", re.I)
    for c in counts:
        if c.start in taken:
            continue
        if drew.search(text, max(0, c.start - 30), c.start):
            return c  # "aksi yang diikuti sekitar 1.500 mahasiswa", "a rally attended by 5,000"
        window_end = min(end, c.end + 80)
        noun = None
        for pattern, after_count in nouns:
            m = after_count.match(text, c.end, window_end)
            if m and (noun is None or m.end() < noun[0].end()):
                noun = (m, pattern)
        if noun is not None and noun[1] is troops:
            continue  # "3.000 polisi", "2,000 troops"
        after = noun[0].end() if noun is not None else c.end
        clause = re.match(r"[^;:.]*", text[after:window_end])
        rest = clause.group() if clause else ""
        if any(p.search(rest[:40]) for p in others):
            continue  # "ratusan demonstran ... ditangkap": taken by a stricter slot
        verb = verbs.search(rest)
        if noun is not None and noun[1] is protesters:
            return c
        if verb is None or len(rest[: verb.start()].split()) > (8 if noun else 2):
            continue
        return c
    return None


def _subjects(text: str, lang: LangResources, counts: list[Count], key: str) -> set[int]:
    """The counts that are the subject of another slot's trigger right after them, with
    no coordinator or clause break between ("hundreds were arrested", "25 orang
    ditangkap"): the starts of those counts."""
    others = "|".join(lang.pattern(k).pattern for _, k in SLOTS if k != key)
    joins = lang.pattern("coordinators").pattern
    follows = re.compile(rf"(?:(?!{joins})[^\W\d][\w'-]*\s+){{0,3}}(?:{others})", re.I)
    out = set()
    for c in counts:
        gap = re.match(r"\s+", text[c.end : c.end + 2])
        if gap is None:
            continue
        m = follows.match(text, c.end + gap.end())
        if m is not None and not _clause_break(lang).search(m.group()):
            out.add(c.start)
    return out


def _listed_before(
    text: str, lang: LangResources, counts: list[Count], count: Count, taken: set[int]
) -> Count | None:
    """A count listed right before ``count`` with one noun and a coordinator between ("28
    polisi dan 16 demonstran"): both groups are counted by the same trigger."""
    joins = lang.pattern("coordinators").pattern
    triggers = [lang.pattern(key) for _, key in SLOTS]
    for c in counts:
        if c.start in taken or c.end > count.start or c.quantity.value is None:
            continue
        if not re.fullmatch(rf"\s+[^\W\d][\w-]*\s+(?:{joins})\s+", text[c.end : count.start], re.I):
            continue
        if any(t.search(text, max(0, c.start - 30), c.start) for t in triggers):
            continue  # "menangkap 120 orang dan empat demonstran tewas": another slot's
        return c
    return None


def _sum(text: str, first: Count, second: Count) -> Count:
    """Two counts of one list as one ("28 polisi dan 16 demonstran": 44), with the hedge
    of the first ("sedikitnya 28 polisi dan 16 demonstran")."""
    a, b = first.quantity, second.quantity
    assert a.value is not None and b.value is not None
    total = a.value + b.value
    low, high = default_bounds(a.qualifier, total, None, None)
    quantity = replace(a, value=total, min=low, max=high, text=text[first.start : second.end])
    return Count(first.start, second.end, quantity)


@functools.cache
def _one_person_pattern(lang: LangResources) -> re.Pattern[str] | None:
    """An indefinite article, up to two words and a noun of one person ("a protester", "an
    unarmed student"), once per language; None when the language has none."""
    if not lang.words("indefinite_articles") or not lang.words("one_person_nouns"):
        return None
    articles = lang.pattern("indefinite_articles").pattern
    nouns = lang.pattern("one_person_nouns").pattern
    return re.compile(
        rf"(?<![\w-])(?i:{articles})\s+(?:[a-z][\w-]*\s+){{0,2}}?(?i:{nouns})(?![\w-])"
    )


def _one_person(text: str, lang: LangResources, start: int, end: int) -> list[Count]:
    """Rule a-person-counts-one: "A protester was killed", "an unarmed student was
    arrested": one person, as "seorang" is in Indonesian; the article is the count."""
    pattern = _one_person_pattern(lang)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text, start, end):
        word = m.group().split()[0]
        out.append(
            Count(m.start(), m.start() + len(word), Quantity(Qualifier.EXACT, 1, 1, 1, word))
        )
    return out


def read_counts(text: str, lang: LangResources, start: int, end: int) -> dict[str, Count]:
    """The counts one sentence states, by slot (deaths, injuries, arrests, participants)."""
    # "selama tiga hari", "11 years old", "sejak 1 Februari": a count of time or a day of a
    # month is no count of people
    units = [*lang.words("time_units"), *lang.months]
    time = re.compile(rf"\s+(?:{phrase_pattern(units).pattern})", re.IGNORECASE)
    counts = [c for c in find_counts(text, lang, start, end) if not time.match(text, c.end)]
    counts = sorted([*counts, *_one_person(text, lang, start, end)], key=lambda c: c.start)
    pronouns = lang.pattern("relative_pronouns").pattern
    ages = lang.pattern("age_words").pattern
    inclusion = lang.pattern("inclusion_words").pattern
    # a relative clause between commas, or the people's ages ("148 people aged between 13
    # and 63 years old were arrested"); rule some-of-them-between-commas: "20 demonstrators,
    # including three rally leaders, were arrested" (inclusion_words)
    aside = re.compile(
        rf",\s+(?:[^\W\d][\w-]*\s+){{0,3}}?(?:{pronouns})[^,;:]*,"
        rf"|,\s+(?:{inclusion})\s[^,;:]*,"
        # rule a-name-between-commas: "Seorang pengemudi ojek online, Affan Kurniawan
        # (21), tewas", "a driver, Affan Kurniawan, 21, was killed": who the one counted is
        rf"|,\s+(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]*(?:\s*\(\d{{1,3}}\)|,\s+\d{{1,3}})?,"
        rf"|(?<!\w)(?:{ages})\s+(?:\d+\s+\w{{1,4}}\s+)?\d+(?:\s*(?:{ages}))?",
        re.I,
    )
    taken: set[int] = set()
    found: dict[str, Count] = {}
    troops = re.compile(rf"\s+(?:\w+\s+)?(?:{lang.pattern('troop_nouns').pattern})", re.I)
    not_arrested = {c.start for c in counts if troops.match(text, c.end)}
    causes = re.compile(
        rf"(?:{lang.pattern('disaster_nouns').pattern})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
    )
    # "untuk mengamankan aksi", "to secure the rally": the protest is guarded, not arrested
    the = lang.pattern("definite_before").pattern
    nouns = lang.pattern("protest_nouns").pattern
    guarded = re.compile(rf"\s+(?:(?:{the})\s+)?(?:{nouns})", re.IGNORECASE)
    running = re.compile(
        rf"\s+(?:{lang.pattern('toll_since').pattern})\s+(?:\w+\s+){{0,2}}?(?:19|20)\d\d(?!\d)",
        re.IGNORECASE,
    )
    joins = lang.pattern("coordinators").pattern
    joined = re.compile(rf"\s*(?:{joins})\s", re.IGNORECASE)
    # "demanding accountability for the deaths of 15 people": the deaths they protest
    cued = "|".join(
        p
        for p in (lang.pattern("cause_cues").pattern, lang.pattern("free_cause_cues").pattern)
        if p
    )
    heads = {w.lower() for w in lang.words("complemented_heads")}
    protested = re.compile(rf"(?<![\w-])(?:{cued})\s+(?:[\w-]+\s+){{0,4}}$", re.IGNORECASE)
    for slot, key in SLOTS:
        skip = taken | not_arrested if slot == "arrests" else taken
        bound = _subjects(text, lang, counts, key)
        for verb in lang.pattern(key).finditer(text, start, end):
            if slot == "arrests" and guarded.match(text, verb.end()):
                continue
            if slot == "deaths" and causes.search(
                text, max(start, verb.start() - 30), verb.start()
            ):
                continue  # "a tragedy that killed 16 people": what the protest is about
            if (
                slot == "deaths"
                # a noun of death, whose complement says whose: "the deaths of", not "killed"
                and heads & set(verb.group().lower().split())
                and protested.search(text, max(start, verb.start() - 60), verb.start())
            ):
                continue  # rule deaths-they-protest: a cause, not the protest's deaths
            if slot == "deaths" and running.match(text, verb.end()):
                continue  # "has claimed more than 6,000 lives since 1983": a war's toll
            best = _nearest(text, lang, verb, counts, skip, bound, aside, joined)
            if best is not None:
                taken.add(best.start)
                # a vague count is not summed: "30 orang dan ratusan orang terluka"
                vague = best.quantity.value is None
                more = None if vague else _listed_before(text, lang, counts, best, skip)
                if more is not None:  # "28 polisi dan 16 demonstran tewas": 44 dead
                    taken.add(more.start)
                    best = _sum(text, more, best)
                found.setdefault(slot, best)
                break
    participants = _participants(text, lang, counts, taken, end)
    if participants is not None:
        found["participants"] = participants
    return found
