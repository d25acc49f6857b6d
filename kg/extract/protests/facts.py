"""The protests found, as facts: how long they lasted, their counts and causes."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from dataclasses import replace

from kg.extract.entities import LOC, PER, Draft, Entities
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.numbers import find_counts
from kg.extract.protests.causes import (
    complemented_at,
    listed_after,
    opens_a_noun_phrase,
    written_cause,
)
from kg.extract.protests.counts import read_counts
from kg.extract.protests.dates import another_year_s, lasted_since, past_protest
from kg.extract.protests.rows import ProtestDraft, nearest, protest_named
from kg.extract.story import in_country
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step, Trace
from kg.facts.model import Evidence, Protest, Qualifier


def finished(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    protests: list[ProtestDraft],
    trace: Trace | None,
) -> list[Protest]:
    """The protests found, with how long they lasted, their counts and causes, as facts."""
    if not protests:
        return []
    text = lay.clean
    nouns = lang.pattern("protest_nouns")
    story = [(i, s) for i, s in enumerate(lay.sentences) if s.kind is Kind.STORY]
    lasted_since(text, lang, ents, published, story, protests)
    for _, s in story:
        target = nearest(protests, s.start)
        if protest_named(protests, ents, s) is None and _elsewhere(text, lang, ents, s, target):
            # rule another-country-s-event: "India rushed 5,000 personnel to Manipur, where
            # clashes have killed more than 50 people" beside a rally in Nairobi: the
            # counts and causes of an event in another country are not the protest's
            continue
        past = list(lang.pattern("past_event_cues").finditer(text, s.start, s.end))
        if not past:
            _counts(text, lang, s, protest_named(protests, ents, s) or target)
        elif not any(past_protest(text, nouns, cue) for cue in past):
            # rule counts-before-another-past-event: "three protesters were killed ...
            # against last week's military coup": the counts before it are the protest's,
            # not those after ("last year's deadly roof collapse ... killed 16 people")
            before = replace(s, end=past[0].start())
            _counts(text, lang, before, protest_named(protests, ents, before) or target)
        # not "Last month's protests ... killed 150 people": another event's toll
        sentence = text[s.start : s.end]
        if (
            nouns.search(sentence)
            or lang.pattern("cause_cues").search(sentence)
            or lang.pattern("crowd_nouns").search(sentence)
        ) and not another_year_s(sentence, nouns, published):
            # causes whose head has its complement after it, to be written out with it
            # unless another cause of the sentence stops the writing out
            deferred: list[tuple[str, tuple[int, int]]] = []
            listed_from: list[tuple[int, int]] = []  # where the patterns' causes are
            for pattern, label in lang.causes:
                hit = pattern.search(sentence)
                if hit and _in_a_body(ents, s.start + hit.start(), s.start + hit.end()):
                    hit = None  # "Komisi Pemberantasan Korupsi": a body's name, no cause
                if hit and _counted_people(text, lang, s.start, s.start + hit.start()):
                    hit = None  # "delapan pelajar dan empat pengangguran": people counted
                if hit and complemented_at(text, lang, s.start + hit.end()):
                    # "corruption in flood control projects": written out whole
                    if not hit.groups() or not any(hit.groups()):
                        deferred.append((label, (s.start + hit.start(), s.start + hit.end())))
                    hit = None
                if hit:
                    sentence = (
                        sentence[: hit.start()] + " " * len(hit.group()) + sentence[hit.end() :]
                    )
                named = next((g for g in hit.groups() if g), None) if hit else None
                if hit and named is not None and _a_place(ents, lang, s.start, hit):
                    continue
                if named is not None and lang.pattern("unit_count_nouns").fullmatch(named):
                    # "Turunnya dua SSK dari Batalyon 733": troops brought in, no one resigns
                    continue
                if named is not None:
                    label = label.format(_title_in_english(named, lang))  # "release of {}"
                elif hit:
                    # "demanding his resignation": the resignation of the person named last
                    at = s.start + hit.start()
                    owner = _owner_named(text, lang, ents, at, s.start + hit.end())
                    label = label if owner is None else f"{label} of {owner}"
                folded = _folded(label)
                if hit and not any(
                    folded in _folded(c) or _folded(c) in folded for c in target.causes
                ):
                    target.causes.append(label)
                    where = s.start + hit.start(), s.start + hit.end()
                    target.why.append(Step(f"cause:{label}", *where))
                    listed_from.append(where)
            for _, end in listed_from:
                # rule a-list-after-a-known-cause: "demanding the resignation of Prime
                # Minister X and reforms to the monarchy": the list goes on after it, to
                # the next cause a pattern knows
                for phrase, where in listed_after(text, lang, s, end):
                    folded = _folded(phrase)
                    if any(b < where[1] and where[0] < e for b, e in listed_from):
                        break
                    if not opens_a_noun_phrase(text, lang, where[0]):
                        break  # "demanded Sogavare resign and set fire to a police station"
                    if not any(folded in _folded(c) or _folded(c) in folded for c in target.causes):
                        target.causes.append(phrase)
                        target.why.append(Step("cause:a-list-after-a-known-cause", *where))
            if not target.causes:
                for i, (phrase, where) in enumerate(written_cause(text, lang, s)):
                    words = phrase.split()
                    if len(words) > 1 and words[0].lower() in lang.words("person_possessives"):
                        # "demanding his return": return of the person named last
                        owner = _owner_named(text, lang, ents, *where, words[1])
                        if owner is not None:
                            phrase = " ".join([words[1], "of", owner, *words[2:]])
                    target.causes.append(phrase)
                    rule = "cause:written-out" if i == 0 else "cause:a-list-of-causes"
                    target.why.append(Step(rule, *where))
            else:
                # rule a-complemented-cause-beside-another: "demanding his resignation over
                # the economic crisis": the crisis is listed, so is the resignation
                for label, where in deferred:
                    if not any(_folded(label) in _folded(c) for c in target.causes):
                        target.causes.append(label)
                        target.why.append(Step(f"cause:{label}", *where))
    similar = lang.pattern("similar_words")
    for first, later in itertools.pairwise(protests):
        told = later.evidence[0]
        hit = similar.search(text, told[0], told[1]) if lang.words("similar_words") else None
        if not later.causes and first.causes and hit is not None:
            # rule a-similar-protest-shares-its-causes: "Aksi serupa juga berlangsung di
            # Gowa", "Similar protests were held in Kisumu": what the one before protests
            later.causes = list(first.causes)
            later.why.append(Step("cause:a-similar-protest-s", *hit.span()))
    for town in protests:
        wider = next(
            (
                w
                for w in protests
                if w.causes and w is not town and in_country(town.location, w.location)
            ),
            None,
        )
        if not town.causes and wider is not None:
            # rule a-town-s-protest-shares-the-wave-s-causes: the rally in Naypyidaw of a
            # wave across Myanmar protests what the wave protests
            town.causes = list(wider.causes)
            town.why.append(Step("cause:the-wave-s", *wider.evidence[0]))
    for p in protests:
        ents.adopt_later(p.location)  # a country that a list of its towns implies
        p.causes = _fullest(p.causes)
    out = [
        Protest(
            id=f"protest_{i}",
            location=p.location.id,
            start=p.start,
            causes=tuple(p.causes),
            deaths=p.deaths,
            injuries=p.injuries,
            arrests=p.arrests,
            participants=p.participants,
            evidence=tuple(Evidence(a, b, lay.body[a:b]) for a, b in p.evidence[:3]),
        )
        for i, p in enumerate(protests, 1)
    ]
    if trace is not None:
        for fact, protest in zip(out, protests, strict=True):
            trace.add(f"protests/{fact.id}", protest.why)
    return out


def _country_key(d: Draft) -> str | None:
    """The authority key of the country a place is, or lies in, if known."""
    if d.entry is None:
        return None
    if d.entry.kind == "country":
        return d.entry.key
    return d.entry.country or d.entry.capital_of or None


def _elsewhere(
    text: str, lang: LangResources, ents: Entities, s: Sentence, target: ProtestDraft
) -> bool:
    """Whether sentence ``s`` places what it tells, after a place preposition, in a
    country other than the protest's, and names no place of the protest's country."""
    home = _country_key(target.location)
    if home is None:
        return False
    preps = _place_prep_before(lang)
    foreign = False
    for m, d in ents.mentions_in(s.start, s.end, longest=True):
        if d.type is not LOC:
            continue
        key = _country_key(d)
        if key == home or d is target.location:
            return False
        if key is not None and preps.search(text, max(s.start, m.start - 12), m.start):
            foreign = True
    return foreign


@functools.cache
def _place_prep_before(lang: LangResources) -> re.Pattern[str]:
    """A place preposition right before a name, not one of where from ("independence from
    Pakistan" names no place the sentence happens in)."""
    source = {w.lower() for w in lang.words("source_preps")}
    preps = phrase_pattern([w for w in lang.words("place_preps") if w.lower() not in source])
    return re.compile(rf"(?<![\w-])(?i:{preps.pattern})\s+$")


def _fullest(causes: list[str]) -> list[str]:
    """The causes without one whose words another holds ("TNI law revision" beside
    "revision of the TNI law", "racism" beside "racism against Papuan students"); of two
    with the same words, the first."""
    words = [frozenset(_folded(c).split()) for c in causes]
    return [
        c
        for i, c in enumerate(causes)
        if not any(
            j != i and (words[i] < words[j] or (words[i] == words[j] and j < i))
            for j in range(len(causes))
        )
    ]


def _owner_named(
    text: str, lang: LangResources, ents: Entities, start: int, end: int, word: str | None = None
) -> str | None:
    """Rule a-cause-s-owner-named: "demanding his return", "calling for her release": a
    person's possessive before a cause's ``word`` (any word when None) in
    ``text[start:end]`` is the person the article named last before it; that person's
    name, or None."""
    if not lang.words("person_possessives"):
        return None
    owned = r"[\w-]+" if word is None else re.escape(word)
    pronoun = lang.pattern("person_possessives").pattern
    hit = re.search(rf"(?<![\w-])(?:{pronoun})\s+{owned}(?![\w-])", text[start:end], re.IGNORECASE)
    if hit is None:
        return None
    at = start + hit.start()
    person = next(
        (d for _, d in reversed(ents.mentions_in(max(0, at - 600), at)) if d.type is PER), None
    )
    return None if person is None else person.names[0]


def _title_in_english(name: str, lang: LangResources) -> str:
    """Rule a-named-cause-s-title-in-english: "menuntut pengunduran diri Perdana Menteri
    Budi Santoso": resignation of Prime Minister Budi Santoso; the title that opens the
    name a cause holds is written as the language's title label, the cause being English.
    A language with no cause gloss is English already: its title stays as written ("arrest
    of opposition leader X")."""
    if not lang.table("cause_gloss"):
        return name
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        label = lang.titles.get(" ".join(words[:size]).lower())
        if label is not None:
            return " ".join([label, *words[size:]])
    return " ".join(words)


def _folded(text: str) -> str:
    """Text without case and diacritics, to tell two spellings of one cause apart
    ("İmamoğlu", "Imamoglu")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def _counts(text: str, lang: LangResources, s: Sentence, target: ProtestDraft) -> None:
    """Fill the protest's empty count slots from one sentence (its first count wins, but a
    number beats a vague count told before: "scores were killed ... has killed at least
    115 people", and so does a running total)."""
    totals = lang.pattern("running_totals")
    for slot, count in read_counts(text, lang, s.start, s.end).items():
        known = getattr(target, slot)
        new = count.quantity
        # rule a-running-total: "12 more people were arrested. With this, 150 people have
        # been arrested so far": the total told after a count, and larger, is the count
        total = (
            totals.search(text, max(s.start, count.start - 40), min(s.end, count.end + 60))
            if known is not None
            and known.value is not None
            and new.value is not None
            and new.value > known.value
            else None
        )
        finer = (
            known is not None
            and known.value is not None
            and new.value is not None
            and known.qualifier is Qualifier.MORE_THAN
            and new.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST)
            and known.value < new.value <= known.value * 1.2
        )  # "more than 70 killed ... at least 72 people": the figure the text settles on
        if total is not None:
            target.why.append(Step(f"{slot}:a-running-total", total.start(), total.end()))
        if (
            known is None
            or finer
            or total is not None
            or (known.value is None and new.value is not None)
        ):
            setattr(target, slot, count.quantity)
            if (s.start, s.end) not in target.spans:
                target.add((s.start, s.end))


@functools.cache
def _possessive_end(lang: LangResources) -> re.Pattern[str]:
    """A possessive that ends a name ("Kenya's")."""
    return re.compile(rf"{lang.possessive}$")


def _a_place(ents: Entities, lang: LangResources, at: int, hit: re.Match[str]) -> bool:
    """Rule a-place-neither-resigns-nor-is-freed: "menuntut pengunduran diri pemimpin
    Hong Kong", "the removal of Kenya's governor": the name a cause holds is a place the
    article names, no person to resign or be freed; no cause of that kind."""
    group = next(i for i, g in enumerate(hit.groups(), 1) if g)
    start = at + hit.start(group)
    end = start + len(_possessive_end(lang).sub("", hit.group(group)))  # "Kenya's"
    return any(
        d.type is LOC and m.start <= start and end <= m.end for m, d in ents.mentions_in(start, end)
    )


def _in_a_body(ents: Entities, start: int, end: int) -> bool:
    """``start:end`` lies inside the name of a body or a building the article names."""
    return any(
        d.type is not PER and m.start <= start and end <= m.end and m.end - m.start > end - start
        for m, d in ents.mentions_in(max(0, start - 60), end)
    )


def _counted_people(text: str, lang: LangResources, start: int, at: int) -> bool:
    """A count stands right before ``at``: the words there count people ("empat
    pengangguran", four unemployed), they name no cause."""
    counts = find_counts(text, lang, max(start, at - 30), at)
    return bool(counts) and not text[counts[-1].end : at].strip()
