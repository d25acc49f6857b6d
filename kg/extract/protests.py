"""Protests, sentence by sentence: a protest word with a place and a start (a date, or
"since"/"sejak"/"began"). Causes, and the counts of :mod:`kg.extract.protest_counts`
(deaths, injuries, arrests, participants), go to the protest the sentence names, or else
the one stated last before it."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass, field, replace

from kg.extract.abbreviations import abbreviates_words
from kg.extract.dates import began_before, find_dates, find_durations
from kg.extract.entities import LOC, ORG, PER, Draft, Entities, Mention
from kg.extract.frames import (
    area_named,
    area_of_body,
    coordinated_places,
    is_site,
    is_town,
    region_describes,
    settlement_for_site,
    topic_place,
    town_of_a_provincial_office,
    withdrawal_verbs,
    written_abroad,
)
from kg.extract.lang import LangResources
from kg.extract.numbers import find_counts
from kg.extract.protest_counts import read_counts
from kg.extract.story import (
    capital_of_country,
    country_of,
    country_of_town,
    event_dates,
    in_country,
    main_country,
    nationwide_in,
    word_before,
)
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step, Trace
from kg.facts.model import (
    DateValue,
    Deployment,
    DeploymentStatus,
    Evidence,
    Precision,
    Protest,
    Qualifier,
    Quantity,
)
from kg.gazetteer import cities, plain_name, region_names

__all__ = ["find_protests", "protests_they_guard"]


@dataclass
class _Protest:
    location: Draft
    start: DateValue | None
    position: int
    causes: list[str] = field(default_factory=list)
    deaths: Quantity | None = None
    injuries: Quantity | None = None
    arrests: Quantity | None = None
    participants: Quantity | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    cued: bool = False  # the start comes from "began on ..." / "dimulai pada ..."
    spans: set[tuple[int, int]] = field(default_factory=set)  # the evidence, to look up
    why: list[Step] = field(default_factory=list)  # for kg extract --explain

    def __post_init__(self) -> None:
        self.spans.update(self.evidence)

    def add(self, span: tuple[int, int]) -> None:
        """Add a sentence to the evidence."""
        self.evidence.append(span)
        self.spans.add(span)


def find_protests(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    trace: Trace | None = None,
) -> list[Protest]:
    """Protests with a place and a start, and the deaths, arrests and causes near them;
    ``trace`` gets the rules behind each."""
    text = lay.clean
    nouns = lang.pattern("protest_nouns")
    cues = lang.pattern("protest_start_cues")
    nationwide = lang.pattern("nationwide")
    comparisons = lang.pattern("comparison_words")
    back = lang.pattern("back_references")
    far_back = lang.pattern("near_back_references")
    other_event = re.compile(
        rf",\s+(?:{lang.pattern('relative_pronouns').pattern})\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{lang.pattern('death_verbs').pattern})\s+(?:[\w-]+\s+){{0,2}}$",
        re.IGNORECASE,
    )
    to_come = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('protest_to_come').pattern})(?:\s+[\w-]+){{0,2}}\s+$",
        re.IGNORECASE,
    )
    near_back = re.compile(
        rf"(?:\s+(?:{nouns.pattern}))*\s+(?:{lang.pattern('near_back_references').pattern})(?![\w-])",
        re.IGNORECASE,
    )
    others_cue = lang.pattern("other_place_cues")
    free_cues = lang.pattern("free_cause_cues")
    crowd_back = re.compile(
        rf"\s*(?:{lang.pattern('crowd_back_references').pattern})\s+(?:[\w-]+\s+)?",
        re.IGNORECASE,
    )
    agents = re.compile(rf"\s+(?:{lang.pattern('agent_preps').pattern})\s+", re.IGNORECASE)
    home = main_country(ents)
    dateline = next(
        (ents.by_mention.get(span) for span in lay.dateline_places if span in ents.by_mention),
        None,
    )
    protests: list[_Protest] = []
    story = [(i, s) for i, s in enumerate(lay.sentences) if s.kind is Kind.STORY]
    likened = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('likened_cues').pattern})\s+(?:[\w-]+\s+){{0,3}}$",
        re.IGNORECASE,
    )
    # A place named with a protest but no date ("clashes with protesters in the town of
    # Z."), kept for a next sentence that dates a protest without naming a place ("The
    # protesters gathered on Monday outside the town hall").
    pending: tuple[Draft, tuple[int, int], int] | None = None
    # the day of a protest told without a place, for the next sentence that places it
    dated: tuple[DateValue, tuple[int, int], int] | None = None
    first_pending = pending
    first_dated = dated  # the first protest dated without a place
    told: list[tuple[int, int]] = []  # the sentences that tell of a protest
    for n, (_, s) in enumerate(story):
        noun = _protest_noun(text, lang, s.start, s.end)
        if noun is None:
            continue
        if likened.search(text, max(s.start, noun.start() - 50), noun.start()):
            # rule protests-it-is-likened-to: "inspired by similar youth-led protests in Asia",
            # "terinspirasi oleh aksi di Nepal": other protests, not the article's
            continue
        told.append((s.start, s.end))
        location, rule = _protest_place(text, s, noun, ents, lang, home, dateline)
        if rule == "location:the-story-country-abroad" and protests:
            location, rule = None, ""  # more of a protest told already, not a wave
        if (
            rule == "location:the-dateline-town"
            and protests
            and all(p.location is not dateline for p in protests)
            and (
                back.search(text, noun.end(), min(s.end, noun.end() + 80))
                or far_back.search(text, noun.end(), min(s.end, noun.end() + 40))
                or text[s.start : s.start + 1] in "\"“”'"  # a quote: what a witness says of it
                # a sentence that opens with the protest and gives it no day of its own
                # ("Aksi mulai memanas saat ...", "The protest turned violent when ...")
                or (
                    len(text[s.start : noun.start()].split()) <= 1
                    and not lang.pattern("participant_nouns").match(text, noun.start())
                    and not event_dates(text, lang, published, s)
                    and all(
                        d is dateline or d.type is not LOC
                        for _, d in ents.mentions_in(s.start, s.end)
                    )
                )
            )
        ):
            # rule more-of-the-protest-told: a sentence that names no place but points
            # back to a protest placed elsewhere tells more of it ("Aksi demonstrasi
            # menolak tambang di Kabupaten Bengkulu Selatan ... Manajer Kampanye Jatam
            # menuturkan aksi demo penolakan tambang ini ...", or quotes a witness on it,
            # or goes on with it: "Aksi mulai memanas ..."), not of one in the dateline's
            # town
            location, rule = None, ""
        if location is None:
            for ds, de, entry in ents.demonyms_in(max(s.start, noun.start() - 30), noun.start()):
                if len(text[de : noun.start()].split()) <= 1:
                    # rule the-protesters-country: "Panamanian protesters broke into a
                    # port": a protest of that country's people, in it
                    location, rule = ents.country(entry, ds, de), "location:the-protesters-country"
        for named in nouns.finditer(text, noun.start(), s.end) if location is None else ():
            by_whom = agents.match(text, named.end())
            found = by_whom and next(
                (d for d in ents.demonyms_in(by_whom.end(), s.end) if d[0] == by_whom.end()), None
            )
            if by_whom and found:
                # "the shutdown protest by Kenyans over higher taxes": theirs, in their country
                ds, de, entry = found
                location, rule = ents.country(entry, ds, de), "location:the-protesters-country"
                break
        if location is None:
            office = _office_area(text, lang, s, noun, ents)
            if office is not None:
                location, rule = office, "location:the-area-of-the-office"
                ents.adopt_later(office)
        if (
            location is not None
            and _is_country(location)
            and lang.pattern("state_sites").search(text, s.start, s.end)
            and (capital := capital_of_country(location, ents)) is not location
        ):
            # rule a-state-s-seat-is-in-its-capital: "demonstran di Kenya menyerbu gedung
            # parlemen" in an article that names Nairobi
            location, rule = capital, "location:a-state-s-seat-is-in-its-capital"
        in_town = _town_of_the_province(text, lang, s, ents, location)
        if in_town is not None:
            location, rule = in_town, "location:the-town-of-its-province"
        in_town = _town_of_the_site(lang, s, ents, location)
        if in_town is not None:
            location, rule = in_town, "location:the-town-told-before-the-site"
        in_town = town_of_a_provincial_office(text, lang, s, ents, location, dateline)
        if in_town is not None:
            location, rule = in_town, "location:the-town-of-a-provincial-office"
        cue, compared = _start_cue(text, cues, comparisons, s)
        dates = [
            d
            for d in event_dates(text, lang, published, s)
            if not any(a <= d.start < b for a, b in compared)
            # "against the council headed by the son of the late President, who was killed
            # last week": a death told in a clause about someone is not the protest's day
            and not other_event.search(text, max(noun.end(), d.start - 60), d.start)
            and not _dates_another_event(text, nouns, d.end)
        ]
        earlier: list[tuple[int, int]] = []
        opens = len(text[s.start : noun.start()].split()) <= 2  # "Aksi yang semula damai ..."
        for _, before in story[max(0, n - 1) : n] if not dates and opens else []:
            # rule the-crowd-told-before: "Ribuan mahasiswa ... memadati Jalan Gatot Subroto,
            # Selasa (24/9/2019). ... Aksi yang semula damai berakhir ricuh": the day the
            # crowd gathered, in the sentence before if it tells of no protest
            if nouns.search(text, before.start, before.end):
                break
            if lang.pattern("crowd_nouns").search(text, before.start, before.end):
                dates = event_dates(text, lang, published, before)[:1]
                if dates:
                    earlier = [(before.start, before.end)]
                    break
        after_cue = [d for d in dates if cue is not None and d.start >= cue.end()]
        # rule a-day-with-no-date-to-tell-it-by: "opened fire yesterday" in an article
        # whose publication date is unknown tells of an event all the same, on a day kg
        # cannot give
        unplaced_day = published is None and bool(
            find_dates(text, lang, dt.date.today(), s.start, s.end)
        )
        if (
            location is None
            and pending is not None
            and (dates or unplaced_day)
            and n - pending[2] <= 2
        ):
            location, earlier = pending[0], [pending[1]]
        wide = nationwide_in(nationwide, text, ents, s.start, s.end)
        spread = lang.pattern("spread_verbs").search(text, s.start, s.end)
        if wide is not None and spread is not None and home is not None:
            # rule a-wave-across-the-country, told later: "The protests ... spread to more
            # than 30 of the country's 47 counties": the towns' protests told before were
            # the wave's
            towns = [p for p in protests if p.location is home or in_country(p.location, home)]
            if towns and any(p.location is not home for p in towns):
                wave = towns[0]
                wave.location = home
                wave.add((s.start, s.end))
                wave.why.append(Step("location:a-wave-across-the-country", *wide.span()))
                for other in towns[1:]:
                    wave.start = _earlier(wave.start, other.start)
                    for span in other.evidence:
                        if span not in wave.spans:
                            wave.add(span)
                    wave.causes += [c for c in other.causes if c not in wave.causes]
                    protests.remove(other)
        if location is None:
            if after_cue and protests and _restates(protests[-1], after_cue[0].value):
                # "since the protests began last Sunday": when the protest told of began
                protests[-1].start, protests[-1].cued = after_cue[0].value, True
                protests[-1].add((s.start, s.end))
            elif dates:
                dated = (dates[0].value, (s.start, s.end), n)
                first_dated = first_dated or dated
            continue
        start = (after_cue or dates)[0].value if dates else None  # "dimulai pada 2 Januari"
        if start is None and dated is not None and n - dated[2] <= 2:
            # rule a-protest-placed-after-its-day: "10 people were killed during Saba Saba
            # protests on Monday ... Police fired tear gas at protesters in Nairobi"
            start, earlier = dated[0], [*earlier, dated[1]]
        dated = None
        if start is not None and published is not None and start.earliest > published:
            continue  # rule called-not-held: "aksi pekan depan akan digelar" has not happened
        if start is None and to_come.search(text, max(s.start, noun.start() - 40), noun.start()):
            # rule threatened-not-held: "jika tuntutan ... tidak dipenuhi, buruh akan
            # menggelar aksi lanjutan": a protest still to come, on no day
            continue
        country = country_of(location, ents)
        elsewhere = others_cue.search(text, s.start, s.end) is not None
        same = next((p for p in protests if p.location in (location, country)), None)
        if elsewhere and same is not None and same.location is not location:
            same = None  # rule another-place-another-protest: "Di tempat berbeda, ..."
        # "The 2011 strike in Zhanaozen ...": a protest of another year is no part of a wave
        other_year = published is not None and any(
            int(y) != published.year
            for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text[s.start : s.end])
        )
        if same is None and not elsewhere:
            same = _wave(
                protests, location, start, other_year, across=_across(text, lang, s, location)
            )
            if same is not None and same.location is not location and _is_country(location):
                same.location = location  # the town's protest was one of a wave
                same.why.append(Step("location:a-wave-across-the-country", *s.span))
        if (
            same is None
            and not elsewhere
            and protests
            and (
                back.search(text, noun.end(), min(s.end, noun.end() + 80))
                or near_back.match(text, noun.end())
                # rule the-crowd-told-of-protests-on: "Mereka turun ke jalan guna memprotes
                # penganiayaan ... di Kota Tidore": the crowd of the protest told before
                or crowd_back.fullmatch(text, s.start, noun.start())
                # "Aksi dimulai dari kantor bupati ... melewati Bundaran Gadingrejo": an
                # undated stop on the route of the protest told before
                or (start is None and is_site(lang, location.names[0]))
                # "demonstrators broke police cordons to enter restricted areas at
                # Ratnapark, Bhotahity ..." after the rally in Kathmandu: an undated place
                # no gazetteer knows is a part of the town told before
                or (
                    start is None
                    and location.entry is None
                    and protests[-1].location is not None
                    and is_town(protests[-1].location)
                    # "There were also protests in Huye": another town's
                    and lang.pattern("also_words").search(text, s.start, s.end) is None
                )
            )
        ):
            same = protests[-1]  # "Aksi yang diikuti ... itu dimulai ...": the one told of
        if same is not None:
            if after_cue and _restates(same, after_cue[0].value):
                same.start, same.cued = after_cue[0].value, True  # stated beats incidental
                same.why.append(Step("start:after-a-start-cue", *s.span))
            cause_first = free_cues.search(text, noun.end(), s.end)
            if not (
                dates
                and cause_first is not None
                and dates[0].start > cause_first.start()
                and crowd_back.fullmatch(text, s.start, noun.start())
            ):
                # not "Mereka turun ke jalan ... terkait insiden ... pada 16 Agustus": the
                # day of what they protest
                same.start = same.start or start
            same.add((s.start, s.end))
            same.why.append(Step("merge:same-place-or-told-before", *s.span))
            if (
                rule == "location:the-streets-of-a-town"
                and in_country(location, same.location)
                and [w.rule for w in same.why if w.rule.startswith("location:")]
                == ["location:the-one-place-of-the-sentence"]
            ):
                # rule the-town-whose-streets-it-filled: "Security forces in Niger killed two
                # people during a protest ... supporters flooded Niamey's streets": Niamey
                same.location = location
                same.why.append(Step(rule, *s.span))
            continue
        topic = topic_place(text, lang, ents, s)
        if topic is not None and (
            location is None
            or location is topic[1]
            or _is_country(location)
            or rule
            in (
                "location:the-area-of-the-office",
                "location:the-dateline-town",
                "location:a-site-is-in-the-dateline-town",
                "location:a-site-is-in-the-town-named-next",
            )
        ):
            # rule the-town-the-sentence-opens-with: "Di Palembang, buruh berunjuk rasa di
            # depan kantor DPRD Sumatera Selatan": the town the sentence is about
            location, rule = topic[1], "location:the-town-the-sentence-opens-with"
        also = lang.pattern("also_words").search(text, s.start, s.end)
        if (
            start is None
            and (also is not None or rule == "location:the-town-the-sentence-opens-with")
            and protests
            and protests[-1].start is not None
            # a town the sentence names
            and rule
            in ("location:after-the-protest-noun", "location:the-town-the-sentence-opens-with")
            and not _is_country(location)
            and not in_country(location, protests[-1].location)
            and not in_country(protests[-1].location, location)
        ):
            # rule also-in-another-town: "Thousands rallied in Kigali on Friday ... There
            # were also protests in Huye": another town's protest, on the day told before
            start = protests[-1].start
            rule = "location:also-in-another-town"
        if (
            start is None
            and cue is None
            and not unplaced_day
            and not nationwide_in(nationwide, text, ents, s.start, s.end)
            # a crowd counted as it protests is an event even without a date
            and "participants" not in read_counts(text, lang, s.start, s.end)
        ):
            pending = (location, (s.start, s.end), n)
            first_pending = first_pending or pending
            continue
        evidence = [*earlier, (s.start, s.end)]
        protests.append(
            _Protest(location, start, evidence[0][0], evidence=evidence, cued=bool(after_cue))
        )
        protests[-1].why += [
            Step("trigger", *noun.span()),
            Step(rule or "location:carried", *s.span),
        ]
        if start is not None:
            cue_rule = "start:after-a-start-cue" if after_cue else "start:first-date"
            protests[-1].why.append(Step(cue_rule, *s.span))
    if (
        first_pending is not None
        and len(protests) == 1
        and protests[0].start is None
        and _is_country(protests[0].location)
        and is_town(first_pending[0])
        and in_country(first_pending[0], protests[0].location)
    ):
        # rule the-town-before-the-country: "Clashes broke out ... in the suburbs of
        # Conakry" and later "the epicenter of all the protests ... in Guinea": the one
        # undated protest the article places is the town's, told first
        town, span, _ = first_pending
        protests[0].location = town
        protests[0].add(span)
        protests[0].why.append(Step("location:the-town-told-first", *span))
    if not protests and first_pending is not None:
        # rule an-undated-protest: the article tells of a protest at a place but never
        # dates it ("kerusuhan besar di Kazakhstan", "amid protests in Yerevan"): the first
        # such place is its protest (the gold files record such protests, undated)
        place, span, _ = first_pending
        protests.append(_Protest(place, None, span[0], evidence=[span]))
        protests[-1].why.append(Step("location:an-undated-protest", *span))
    if (
        not protests
        and first_dated is not None
        and home is not None
        and _home_alone(ents, home)
        and _named_not_as_troops(text, lang, home)
    ):
        # rule a-dated-protest-in-the-story-country: "Para pengunjuk rasa ... menyerbu
        # melalui barikade ... pada Kamis (31/3/2022) malam" in a story of Sri Lanka that
        # names no town and no other country: a protest there
        day, span, _ = first_dated
        # a year or a month alone ("In 2019, he became ...") may be another event's
        start = day if day.precision is Precision.DAY else None
        protests.append(_Protest(home, start, span[0], evidence=[span]))
        protests[-1].why.append(Step("location:a-dated-protest-in-the-story-country", *span))
    story_towns = [
        d for d in ents.drafts if is_town(d) and any(m.kind is Kind.STORY for m in d.mentions)
    ]
    crowds = lang.pattern("crowd_nouns")
    if (
        not protests
        and len(told) > 1
        and len(story_towns) == 1
        # named where the protest or its crowd is told of, not only where a spokesman
        # spoke or as a distance ("berjarak 247 km dari Kota Gorontalo")
        and any(
            any(a <= m.start < b for a, b in told)
            or any(
                crowds.search(text, s.start, s.end) for _, s in story if s.start <= m.start < s.end
            )
            for m in story_towns[0].mentions
            if m.kind is Kind.STORY
        )
    ):
        # rule the-one-town-of-a-protest-told-on: "Riot police used force to disperse tens of
        # thousands of protestors", then "Crowds ... moving to Rustaveli Avenue, Tbilisi's
        # main thoroughfare": protests told in several sentences, none placed, in a story
        # of one town are that town's
        protests.append(_Protest(story_towns[0], None, told[0][0], evidence=told[:1]))
        protests[-1].why.append(Step("location:the-one-town-of-a-protest-told-on", *told[0]))
    return _finished(lay, lang, ents, published, protests, trace)


def _past_protest(text: str, nouns: re.Pattern[str], cue: re.Match[str]) -> bool:
    """A cue of a past event (``past_event_cues``) tells of a past protest: it names one
    ("earlier protests") or one follows it ("Last month's protests"), not another event
    ("against last week's military coup")."""
    after = _words_after(text, cue.end())
    return nouns.search(cue.group()) is not None or (
        after is not None and nouns.search(after) is not None
    )


def _dates_another_event(text: str, nouns: re.Pattern[str], end: int) -> bool:
    """Rule a-date-owned-by-another-event: "demonstrations ... against last week's military
    coup", "Sunday's election": a date made a possessive dates the noun after it, which is
    no protest."""
    owned = _words_after(text, end, "['’]s")
    return owned is not None and nouns.search(owned) is None


def _words_after(text: str, end: int, lead: str = "") -> str | None:
    """The up to three words after ``end`` (and after ``lead``, a pattern), or None."""
    m = re.match(rf"{lead}\s+((?:[\w-]+\s+){{0,2}}[\w-]+)", text[end : end + 60])
    return m.group(1) if m else None


def _named_not_as_troops(text: str, lang: LangResources, home: Draft) -> bool:
    """``home`` is named once at least other than as the owner of troops ("Pasukan Rusia",
    "Russian troops" name whose troops, not where the story is)."""
    troops = lang.pattern("troop_nouns")
    for m in home.mentions:
        if m.kind is not Kind.STORY:
            continue
        before = re.search(r"([\w-]+)\s+$", text[max(0, m.start - 30) : m.start])
        if before is not None and troops.fullmatch(before.group(1)):
            continue
        if m.cue == "demonym" or troops.match(text, m.end + 1):
            continue
        return True
    return False


def _home_alone(ents: Entities, home: Draft) -> bool:
    """The story names ``home`` and no other country, and no town."""
    return not any(
        d is not home
        and d.type is LOC
        and d.entry is not None
        and d.entry.kind in ("country", "town", "city")
        for d in ents.drafts
    )


def protests_they_guard(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    deployments: list[Deployment],
    trace: Trace | None = None,
) -> list[Protest]:
    """Rule the-protest-they-guard-is-where-they-go: an article that tells of no protest
    but of forces sent "untuk mengamankan jalannya unjuk rasa ... hari ini" to a place
    tells of a protest there, on the day they went; the first such deployment's. Not one
    still to come, nor one they only guard against ("mengantisipasi unjuk rasa")."""
    text = lay.clean
    guards = lang.pattern("guard_verbs")
    for dep in deployments:
        if dep.status is DeploymentStatus.DENIED or dep.start is None or dep.to is None:
            continue
        if published is not None and dep.start.earliest > published:
            continue
        place = ents.by_id(dep.to)
        for ev in dep.evidence:
            guard = guards.search(text, ev.start, ev.end)
            noun = _protest_noun(text, lang, guard.end(), ev.end) if guard else None
            if place is None or guard is None or noun is None:
                continue
            protest = _Protest(place, dep.start, ev.start, evidence=[(ev.start, ev.end)])
            protest.why += [
                Step("trigger", *noun.span()),
                Step("location:the-protest-they-guard-is-where-they-go", *guard.span()),
                Step("start:the-day-they-went", ev.start, ev.end),
            ]
            return _finished(lay, lang, ents, published, [protest], trace)
    return []


def _protest_noun(text: str, lang: LangResources, start: int, end: int) -> re.Match[str] | None:
    """The first word of a protest in ``text[start:end]`` that tells of one held."""
    other_act, negated, diplomatic, troops_act, armed = _noun_filters(lang)
    return next(
        (
            hit
            for hit in lang.pattern("protest_nouns").finditer(text, start, end)
            # rule another-act: "aksi kelompok bersenjata", "aksi teror" are no protest
            if not other_act.match(text, hit.end())
            # rule a-month-is-no-march: "in March 2007"
            and not (hit.group()[:1].isupper() and hit.group().lower() in lang.months)
            # rule no-protest: "There has been no groundswell of protest in Kenya"
            and not negated.search(text, max(start, hit.start() - 30), hit.start())
            # rule a-government-s-complaint: "melayangkan nota protes", "lodged a protest"
            and not diplomatic.search(text, max(start, hit.start() - 30), hit.start())
            # rule troops-act: "pasukan akan segera melakukan aksi": an act of troops
            and not troops_act.search(text, max(start, hit.start() - 40), hit.start())
            # rule an-armed-uprising: "a jihadist uprising", "an armed revolt"
            and not armed.search(text, max(start, hit.start() - 30), hit.start())
        ),
        None,
    )


@functools.cache
def _noun_filters(lang: LangResources) -> tuple[re.Pattern[str], ...]:
    """The words after a protest noun that make it another act, and before it that deny it
    or make it a government's complaint; compiled once per language."""
    return (
        re.compile(rf"\s+(?:{lang.pattern('not_protest_after').pattern})", re.IGNORECASE),
        re.compile(
            rf"(?<![\w-])(?:{lang.pattern('protest_negations').pattern})(?:\s+[\w-]+){{0,2}}\s+$",
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w-])(?:{lang.pattern('diplomatic_protests').pattern})\s+$", re.IGNORECASE
        ),
        re.compile(
            rf"(?<![\w-])(?:{lang.pattern('troop_nouns').pattern})(?:\s+[\w-]+){{0,3}}?\s+"
            rf"(?:{lang.pattern('acting_verbs').pattern})\s+$",
            re.IGNORECASE,
        ),
        re.compile(rf"(?<![\w-])(?:{lang.pattern('armed_before').pattern})\s+$", re.IGNORECASE),
    )


def _another_year_s(sentence: str, nouns: re.Pattern[str], published: dt.date | None) -> bool:
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


def _finished(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    protests: list[_Protest],
    trace: Trace | None,
) -> list[Protest]:
    """The protests found, with how long they lasted, their counts and causes, as facts."""
    if not protests:
        return []
    text = lay.clean
    nouns = lang.pattern("protest_nouns")
    story = [(i, s) for i, s in enumerate(lay.sentences) if s.kind is Kind.STORY]
    _lasted(text, lang, ents, published, story, protests)
    for _, s in story:
        target = _nearest(protests, s.start)
        past = list(lang.pattern("past_event_cues").finditer(text, s.start, s.end))
        if not past:
            _counts(text, lang, s, _named(protests, ents, s) or target)
        elif not any(_past_protest(text, nouns, cue) for cue in past):
            # rule counts-before-another-past-event: "three protesters were killed ...
            # against last week's military coup": the counts before it are the protest's,
            # not those after ("last year's deadly roof collapse ... killed 16 people")
            before = replace(s, end=past[0].start())
            _counts(text, lang, before, _named(protests, ents, before) or target)
        # not "Last month's protests ... killed 150 people": another event's toll
        sentence = text[s.start : s.end]
        if (
            nouns.search(sentence)
            or lang.pattern("cause_cues").search(sentence)
            or lang.pattern("crowd_nouns").search(sentence)
        ) and not _another_year_s(sentence, nouns, published):
            for pattern, label in lang.causes:
                hit = pattern.search(sentence)
                if hit and _in_a_body(ents, s.start + hit.start(), s.start + hit.end()):
                    hit = None  # "Komisi Pemberantasan Korupsi": a body's name, no cause
                if hit and _counted_people(text, lang, s.start, s.start + hit.start()):
                    hit = None  # "delapan pelajar dan empat pengangguran": people counted
                if hit:
                    sentence = (
                        sentence[: hit.start()] + " " * len(hit.group()) + sentence[hit.end() :]
                    )
                named = next((g for g in hit.groups() if g), None) if hit else None
                if named is not None and lang.pattern("unit_count_nouns").fullmatch(named):
                    # "Turunnya dua SSK dari Batalyon 733": troops brought in, no one resigns
                    continue
                if named is not None:
                    label = label.format(" ".join(named.split()))  # "release of {}"
                folded = _folded(label)
                if hit and not any(
                    folded in _folded(c) or _folded(c) in folded for c in target.causes
                ):
                    target.causes.append(label)
                    where = s.start + hit.start(), s.start + hit.end()
                    target.why.append(Step(f"cause:{label}", *where))
            if not target.causes:
                written = _written_cause(text, lang, s)
                if written is not None:
                    target.causes.append(written[0])
                    target.why.append(Step("cause:written-out", *written[1]))
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


_CLAUSE_END = re.compile(r"[,;:.]")


def _lasted(
    text: str,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    story: list[tuple[int, Sentence]],
    protests: list[_Protest],
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
        ]
        if not lasted:
            continue
        target = _named(protests, ents, s) or _nearest(protests, s.start)
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


def _folded(text: str) -> str:
    """Text without case and diacritics, to tell two spellings of one cause apart
    ("İmamoğlu", "Imamoglu")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


def _start_cue(
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


def _nearest(protests: list[_Protest], position: int) -> _Protest:
    """The protest told last before ``position``: the one whose evidence has the latest
    sentence there (a wave told of again after a town's rally is the one meant)."""
    told = [
        (max(a for a, _ in p.evidence if a <= position), i)
        for i, p in enumerate(protests)
        if any(a <= position for a, _ in p.evidence)
    ]
    return protests[max(told)[1]] if told else protests[0]


def _office_area(
    text: str, lang: LangResources, s: Sentence, noun: re.Match[str], ents: Entities
) -> Draft | None:
    """Rule the-area-of-the-office: a rally "di depan Kantor DPRD Kota Bitung" that names
    no place apart is in the area of the council or force whose office it is."""
    preps = "|".join(re.escape(w) for w in lang.words("place_preps")) or "(?!x)x"
    at = re.compile(rf"(?<![\w-])(?:{preps})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)
    for m, d in ents.mentions_in(noun.end(), s.end):
        if at.search(text, max(s.start, m.start - 30), m.start):
            area = area_of_body(lang, ents, d, civil=True)
            if area is not None:
                return area
    return None


def _town_of_the_site(
    lang: LangResources, s: Sentence, ents: Entities, place: Draft | None
) -> Draft | None:
    """Rule the-town-told-before-the-site: a rally "di depan Gedung Negara Grahadi" with no
    town named with the building is in the last town the article named before it (codebook:
    sites go into places)."""
    if place is None or not is_site(lang, place.names[0]):
        return None
    for _, d in reversed(ents.mentions_in(0, s.end)):
        if d is not place and is_town(d) and not is_site(lang, d.names[0]):
            return d
    # "di depan gedung DPRD Sumsel": the area of the council whose building it is
    for m in (m for m, d in ents.mentions_in(s.start, s.end) if d is place):
        area = area_named(lang, ents, m, civil=True)
        if area is not None:
            ents.adopt_later(area)
            return area
    return None


def _story_town(lang: LangResources, ents: Entities) -> Draft | None:
    """The town the story names more often than any other, and at least twice (captions
    not counted), or None."""
    counts = sorted(
        (
            (sum(1 for m in d.mentions if m.kind is not Kind.CAPTION), i)
            for i, d in enumerate(ents.drafts)
            if is_town(d) and not is_site(lang, d.names[0])
        ),
        reverse=True,
    )
    if not counts or counts[0][0] < 2 or (len(counts) > 1 and counts[1][0] == counts[0][0]):
        return None
    return ents.drafts[counts[0][1]]


def _a_known_town(place: Draft, lang: LangResources) -> bool:
    """A town of the authority or the gazetteer, also named with "Kota" after it
    ("Manado", "Jayapura Kota")."""
    name = place.names[0]
    town, _, suffix = name.rpartition(" ")
    if town and lang.pattern("town_prefixes").fullmatch(suffix):
        name = town
    return is_town(place) or plain_name(name) in cities()


def _town_of_the_province(
    text: str, lang: LangResources, s: Sentence, ents: Entities, place: Draft | None
) -> Draft | None:
    """Rule the-town-of-its-province: "buruh di Palangka Raya, Kalimantan Tengah, berdemo
    di depan Kantor DPRD Kalteng": the town the sentence places in that province holds the
    protest, not the province its building is named after."""
    if place is None or place.entry is None or place.entry.kind != "region":
        return None
    mentions = ents.mentions_in(s.start, s.end)
    regions = {w.lower() for w in lang.words("region_heads")}
    for (m, d), (n, e) in itertools.pairwise(mentions):
        if (
            e is place
            and d is not place
            and d.type is LOC
            and (d.entry is None or d.entry.kind not in ("region", "country"))
            and re.fullmatch(r",\s*", text[m.end : n.start])
        ):
            # "ke Wamena Kabupaten Jayawijaya, Papua Pegunungan": the town before its regency
            at = mentions.index((m, d))
            while at > 0 and d.names[0].split()[0].lower() in regions:
                before, town = mentions[at - 1]
                if town.type is not LOC or not re.fullmatch(r"[\s,]*", text[before.end : m.start]):
                    break
                at, m, d = at - 1, before, town
            return d
    return None


def _protest_place(
    text: str,
    s: Sentence,
    noun: re.Match[str],
    ents: Entities,
    lang: LangResources,
    home: Draft | None,
    dateline: Draft | None,
) -> tuple[Draft | None, str]:
    """Where a protest is, and the rule that says so."""
    # "JAKARTA - ... di depan istana presiden" in a story of Kenya: a dateline in another
    # country than the story's tells where it was written, not where the protest was
    home_key = home.entry.key if home is not None and home.entry is not None else None
    foreign = (
        dateline is not None
        and home_key is not None
        and _is_country(home)
        and dateline.entry is not None
        and (dateline.entry.country or dateline.entry.capital_of) is not None
        and home_key not in (dateline.entry.key, dateline.entry.country, dateline.entry.capital_of)
    )
    nationwide, capital = lang.pattern("nationwide"), lang.pattern("capital_words")
    target_preps = lang.pattern("protest_target_preps")
    nouns = lang.pattern("capital_nouns").pattern
    capital_of = re.compile(rf"['’]s\s+{nouns}", re.IGNORECASE)
    # "near Serbia's parliament building": a state's building stands in its capital
    state_site = re.compile(
        rf"['’]s\s+(?:[a-z]+\s+){{0,2}}(?:{lang.pattern('site_words').pattern})", re.IGNORECASE
    )
    # "di ibu kota X", "the capital of X"
    capital_before = re.compile(
        rf"(?:{nouns})\s+(?:(?:{lang.pattern('place_noun_links').pattern})\s+)?$", re.IGNORECASE
    )
    preps = {w.lower() for w in lang.words("place_preps")}
    mentions = [
        (m, d)
        for m, d in ents.mentions_in(s.start, s.end)
        # rule a-name-made-an-adjective: "Iran-backed militias", "Russian-led": no place
        if not (d.type is LOC and re.match(r"-[a-z]", text[m.end : m.end + 2]))
    ]
    title_ends = {t.end for t in ents.titles_in(s.start, s.end)}
    after = [
        (m, d)
        for m, d in mentions
        if m.start >= noun.end()
        and d.type is LOC
        # nor the country of a title ("pemerintahan ... Wakil Presiden Indonesia")
        and not (_is_country(d) and any(0 <= m.start - t <= 2 for t in title_ends))
    ]
    wave = lang.pattern("wave_cues")
    wide = wave.match(text, noun.end() + 1, after[0][0].start if after else s.end)
    if wide is not None and home is not None and not _is_country(after[0][1] if after else None):
        # "protes menyebar ke seluruh negeri, Tokayev mengumumkan keadaan darurat di kota
        # Almaty": the wave, not the town named after it
        return home, "location:nationwide-is-the-story-country"
    # not a place the protest is for or against ("aksi solidaritas untuk Palestina"), nor
    # the place of a title ("protesting the arrest of Istanbul Mayor Ekrem Imamoglu")
    titled = {t.start for t in ents.titles_in(s.start, s.end)}
    # nor the town of a body's branch ("HMI Cabang Jakarta Raya", "the party's Lagos branch")
    branch = lang.pattern("branch_words")
    # "protest against the government of Brazil at ...": whom they protest, not where
    target_of = re.compile(
        rf"(?<![\w-])(?:{target_preps.pattern})\s+(?:\S+\s+){{0,3}}"
        rf"(?:{lang.pattern('place_noun_links').pattern})\s+$",
        re.IGNORECASE,
    )
    after = [
        (m, d)
        for m, d in after
        if not target_of.search(text, max(s.start, m.start - 50), m.start)
        and not target_preps.fullmatch(word_before(text, s, m))
        and not branch.fullmatch(word_before(text, s, m))
        and not branch.match(text, m.end + 1)
        and not any(m.end < t <= m.end + 2 for t in titled)
    ]
    # "to demand the withdrawal of UN peacekeepers from the Central African Republic": the
    # place troops are to leave, part of the demand
    withdrawn = withdrawal_verbs(lang)
    from_before = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('source_preps').pattern})\s+(?:the\s+)?$", re.IGNORECASE
    )
    causing = lang.pattern("cause_cues")
    leaving = [
        (m, d)
        for m, d in after
        if from_before.search(text, max(s.start, m.start - 12), m.start)
        and (
            withdrawn.search(text, noun.end(), m.start)
            # "broke out over ... quotas for the families of those who fought for
            # independence from Pakistan": a place the cause names
            or causing.search(text, noun.end(), m.start)
        )
    ]
    if leaving:
        after = [a for a in after if a not in leaving]
    # rule a-place-inside-the-cause: "a rally to protest the war in Afghanistan", "against
    # U.S. policy in the Middle East": what they protest, not where, when the text names
    # where otherwise (a dateline town, or another place)
    inside_cause = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('cause_cues').pattern})\s+(?:\S+\s+){{1,4}}"
        rf"(?:{lang.pattern('presence_preps').pattern})\s+"
        rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?$",
        re.IGNORECASE,
    )
    # "Unjuk rasa menuntut pemilu dini berlanjut di Peru": the protest went on there
    going_on = lang.pattern("protest_go_on_verbs")
    told = [
        (m, d)
        for m, d in after
        if d.entry is not None
        and d.entry.kind in ("country", "region")
        and (cause := inside_cause.search(text, max(noun.start(), m.start - 60), m.start))
        and going_on.search(text, cause.start(), m.start) is None
    ]
    elsewhere = [a for a in after if a not in told and not _is_country(a[1])]
    if told and (elsewhere or (dateline is not None and not _is_country(dateline))):
        after = [a for a in after if a not in told]
    # "Africa's last absolute monarchy", "Asia's youngest nation": a description, no place
    after = [(m, d) for m, d in after if not region_describes(text, m, d)]
    sites = lang.pattern("site_words")
    if (
        len(after) > 1
        and _is_country(after[0][1])
        and (
            sites.fullmatch(word_before(text, s, after[0][0]))
            or sites.match(text, after[0][0].end + 1) is not None
        )
    ):
        # rule a-building-s-owner: "di depan konsulat Iran di Karbala", "outside the US
        # embassy in Nairobi": whose building, not where it stands
        after = after[1:]
    nouns_of = lang.pattern("place_nouns").pattern
    if len(after) > 1 and re.fullmatch(
        rf"\s+(?:{nouns_of})\s+(?:{lang.pattern('place_noun_links').pattern})\s+",
        text[after[0][0].end : after[1][0].start],
        re.IGNORECASE,
    ):
        after = after[1:]  # "the West Bank city of Hebron": the town it names
    crowd = lang.pattern("crowd_nouns")
    from_home = re.compile(
        rf"(?:{crowd.pattern})\s+(?:{lang.pattern('source_preps').pattern})\s+$", re.IGNORECASE
    )
    for m, d in list(after):
        if from_home.search(text, max(s.start, m.start - 40), m.start):
            # rule where-protesters-come-from, after "dari": "sekitar 2.000 buruh dari
            # Bekasi, Tangerang, dan Bogor berpartisipasi": their homes, no protest place
            home_towns = [d, *coordinated_places(text, lang, m, after)]
            after = [(mm, dd) for mm, dd in after if dd not in home_towns]
    if lang.words("membership_words"):
        at_place = lang.pattern("place_preps").pattern
        members = re.compile(
            rf"(?<![\w-])(?!(?i:{at_place})\s)[\w-]+\s+"
            rf"(?i:{lang.pattern('membership_words').pattern})"
            r"(?:\s+|-)$"
        )
        # rule members-from-all-over: "mahasiswa seluruh Indonesia", "BEM se-Indonesia":
        # where the members come from, not where they rally ("di seluruh Indonesia" is)
        after = [
            (m, d)
            for m, d in after
            if not members.search(text, max(s.start, m.start - 40), m.start)
        ]
    # rule whose-act-is-protested: "gathered in Kowloon to protest China's crackdown": the
    # owner of what they protest, right after the protest word, is no place of theirs
    after = [
        (m, d)
        for m, d in after
        if not (
            re.match(r"['’]s?\s", text[m.end : m.end + 3])
            and re.fullmatch(r"\s+(?:[A-Z][\w-]*\s+)?", text[noun.end() : m.start])
        )
    ]
    said = re.compile(
        rf"(?:{lang.pattern('speech_place_cues').pattern})\s+(?:[\w-]+,?\s+){{0,3}}$",
        re.IGNORECASE,
    )
    # rule where-it-was-said: "... ucapnya di kantor Walhi, Jakarta": not the protest's
    after = [(m, d) for m, d in after if not said.search(text, max(s.start, m.start - 50), m.start)]
    narrowing = lang.pattern("narrowing_words")
    if (
        len(after) > 1
        and _is_country(after[0][1])
        and narrowing.search(text, after[0][0].end, after[1][0].start)
    ):
        after = after[1:]  # rule the-place-narrowed: "di Indonesia tepatnya di Kota Makassar"
    if (
        len(after) > 1
        # a group named by lower-case words before its place: the head-first languages'
        and lang.head_first
        and word_before(text, s, after[0][0]).lower() not in preps
        and word_before(text, s, after[0][0])[:1].islower()
        and word_before(text, s, after[1][0]).lower() in preps
        and not _is_country(after[1][1])
    ):
        # rule a-place-in-the-group-s-name: "aliansi pemuda peduli tanah adat Papua di
        # Abepura": the place of the group's name, then where it rallied
        after = after[1:]
    if len(after) > 1 and crowd.fullmatch(word_before(text, s, after[0][0])):
        # rule where-protesters-come-from: "Aksi unjuk rasa mahasiswa Papua di Kupang":
        # the students' home, not where they rally
        after = after[1:]
    streets = lang.pattern("street_phrases")
    others = re.compile(rf"\s*(?:{lang.pattern('other_towns').pattern})", re.IGNORECASE)
    for m, d in mentions:
        # rule the-streets-of-a-town: "took to the streets of the capital, Tbilisi, on April
        # 9, to protest against a bill that Georgia's ruling party ...": the town whose
        # streets they filled, before the protest noun or after it
        if d.type is LOC and not _is_country(d) and not others.match(text, m.end):
            lead = (
                re.search(
                    rf"(?:{streets.pattern})\s+(?:[\w-]+\s+){{0,2}}(?:[\w-]+,\s+)?$",
                    text[max(s.start, m.start - 60) : m.start],
                    re.IGNORECASE,
                )
                or re.match(  # "flooded Niamey's streets"
                    rf"['’]s\s+(?:{lang.pattern('street_nouns').pattern})", text[m.end : m.end + 20]
                )
            )
            if lead is not None:
                whole = _listed_wave(text, lang, ents, m, d, mentions)
                if whole is not None:
                    # "took to the streets of Nairobi, Mombasa and Kisumu": a wave
                    return whole, "location:towns-listed-are-a-wave"
                return d, "location:the-streets-of-a-town"
    capital_then = re.compile(rf"(?:{capital.pattern}),?\s+$", re.IGNORECASE)
    one_of = re.compile(
        rf"(?:{lang.pattern('inclusion_words').pattern})\s+(?:\w+\s+){{0,2}}$", re.IGNORECASE
    )
    if (
        len(after) > 1
        and _is_country(after[0][1])
        # "di berbagai kota besar Kenya, termasuk ibu kota Nairobi": a wave
        and not lang.pattern("vague_places").search(text, s.start, s.end)
    ):
        named = next(
            (
                dd
                for mm, dd in after[1:]
                if capital_then.search(text, max(s.start, mm.start - 25), mm.start)
                and not one_of.search(text, max(s.start, mm.start - 40), mm.start)
                and in_country(dd, after[0][1])
            ),
            None,
        )
        if named is not None:
            # rule the-capital-named-after-its-country: "Demonstrators in Kenya stormed
            # government buildings in the capital Nairobi": the town
            return named, "location:the-capital-named-after-its-country"
    plural = lang.pattern("town_plurals")
    for ds, de, entry in ents.demonyms_in(s.start, s.end):
        if entry.kind == "country" and plural.match(text, de + 1) and text[de : de + 1] == " ":
            # rule the-towns-of-a-demonym-s-country: "marched in several Kenyan cities": a
            # wave across Kenya
            return ents.country(entry, ds, de), "location:the-towns-of-a-demonym-s-country"
    if after:
        m, d = after[0]
        wider = country_of_town(d, ents) or home
        if not _is_country(d) and wider is not None and others.match(text, m.end):
            # "filled the streets of Lima and other cities": a wave across the country
            return wider, "location:a-town-and-other-towns-is-a-wave"
        spread = lang.pattern("spread_verbs").search(text, s.start, s.end) is not None
        holding = _listed_wave(text, lang, ents, m, d, after, spread=spread)
        if holding is not None:
            return holding, "location:towns-listed-are-a-wave"
        if _is_country(d) and (
            capital_before.search(text, s.start, m.start) or capital_of.match(text, m.end)
        ):  # "di ibu kota X", "rallied in Georgia's capital"
            return capital_of_country(d, ents), "location:the-capital-of-a-country"
        if _is_country(d) and state_site.match(text, m.end):
            return capital_of_country(d, ents), "location:a-state-building-is-in-its-capital"
        shorter = [
            dd for mm, dd in mentions if mm.start == m.start and mm.end < m.end and dd.type is LOC
        ]
        if shorter:
            return shorter[0], "location:after-the-protest-noun"
        # a rally at a palace or a square is in the town named with it (codebook: sites
        # go into places); the same rule as a deployment's destination; else in the
        # dateline's town, where the story was written
        place = settlement_for_site(text, lang, m, d, after)
        if place is d and is_site(lang, m.text) and foreign and home is not None:
            # "JAKARTA - ... di depan istana presiden" in a story of Kenya: in Kenya
            return home, "location:a-site-abroad-is-in-the-story-country"
        if place is d and is_site(lang, m.text) and dateline is not None:
            return dateline, "location:a-site-is-in-the-dateline-town"
        if place is d and is_site(lang, m.text):
            # "berdemo di depan Gedung Sate ... Mapolrestabes Bandung di pusat Kota Bandung":
            # a site is no location; the town the text names next holds it
            town = next((dd for _, dd in ents.mentions_in(m.end, m.end + 400) if is_town(dd)), None)
            if town is not None:
                return town, "location:a-site-is-in-the-town-named-next"
            towns = {id(dd): dd for dd in ents.drafts if is_town(dd) and dd.mentions}
            if len(towns) == 1:
                # "berencana menggelar demo di Istana Negara" in an article whose only town
                # is Jakarta: there
                return next(iter(towns.values())), "location:a-site-is-in-the-story-s-one-town"
            town = _story_town(lang, ents)
            if town is not None:
                # "At a protest ... on Carter Road" in a story that names Mumbai twice and
                # Delhi once: in Mumbai
                return town, "location:a-site-is-in-the-story-s-town"
        if place is not d:
            return place, "location:site-is-no-location"
        town = _town_holding(text, lang, m, d, after)
        if town is not None:
            return town, "location:the-town-that-holds-it"
        return d, "location:after-the-protest-noun"
    if nationwide_in(nationwide, text, ents, s.start, s.end) and home is not None:
        return home, "location:nationwide-is-the-story-country"
    for m, d in mentions:  # "in Indonesia's capital"
        if _is_country(d) and capital_of.match(text, m.end):
            return capital_of_country(d, ents), "location:the-capital-of-a-country"
    named_capital = capital.search(text, s.start, s.end)
    distance = re.compile(
        rf"\d[\d.,]*\s*(?:{lang.pattern('distance_units').pattern})\s+"
        rf"(?:[a-z]+\s+){{0,2}}(?:{lang.pattern('source_preps').pattern})\s+(?:[a-z]+\s+){{0,2}}$",
        re.IGNORECASE,
    )
    if named_capital is not None and distance.search(
        text, max(s.start, named_capital.start() - 40), named_capital.start()
    ):
        # "in Mollendo, 1,000 km from the capital Lima": the capital measures the way there
        named_capital = None
    if named_capital is not None:
        # rule the-capital-named-before: "When Nukus, the capital of the autonomous republic
        # of Karakalpakstan, ...": the town the apposition describes
        named_before = next(
            (
                d
                for m, d in mentions
                if m.end <= named_capital.start()
                and d.type is LOC
                and not _is_country(d)
                and re.fullmatch(r",\s*", text[m.end : named_capital.start()])
            ),
            None,
        )
        if named_before is not None:
            return named_before, "location:the-capital-named-before"
    if named_capital is not None and home is not None:  # "in the capital"
        # "the capital city of Antananarivo", "ibu kota, Jakarta": the capital named
        for m, d in mentions:
            gap = text[named_capital.end() : m.start]
            if (
                m.start >= named_capital.end()
                and d.type is LOC
                and re.fullmatch(r"[\s,]*(?:\w+\s+){0,2}", gap)
            ):
                if len(gap) <= 15 and _is_country(d):
                    # "the capital of Togo was rocked by a wave of protests": its capital
                    return capital_of_country(d, ents), "location:the-capital-of-a-country"
                if len(gap) <= 15:
                    return d, "location:the-capital-named"
                break
        return capital_of_country(home, ents), "location:the-capital"
    troops = lang.pattern("troop_nouns")
    said_at = re.compile(
        rf"(?<![\w-])(?i:{lang.pattern('speech_verbs').pattern})(?:\s+[A-Z][\w.()/-]*){{1,12}}\s+"
        rf"(?i:{lang.pattern('place_preps').pattern})\s+$"
    )
    before = [
        (m, d)
        for m, d in mentions
        if m.end <= noun.start()
        and d.type is LOC
        and not distance.search(text, max(s.start, m.start - 40), m.start)
        # rule where-it-was-said: '"...," kata Kabid Humas Polda Metro Jaya Kombes X di
        # Jakarta, Senin, mengenai dua peserta unjuk rasa': where the speaker spoke
        and not said_at.search(text, max(s.start, m.start - 120), m.start)
        # "pasukan Rusia dikerahkan untuk mengatasi protes", "Russian troops sent to quell
        # protests": whose troops, not where the protest is
        and not (
            _is_country(d)
            and (
                troops.fullmatch(word_before(text, s, m))
                or (m.cue == "demonym" and troops.match(text, m.end + 1))
            )
        )
    ]
    if before and len(text[before[-1][0].end : noun.start()].split()) <= 5:
        m, d = before[-1]
        if (
            _is_country(d)
            and len(before) > 1
            and re.fullmatch(r",\s*", text[before[-2][0].end : m.start])
            and in_country(before[-2][1], d)
        ):
            # rule a-town-and-its-country: "warga Madrid, Spanyol, turun ke jalan": the town
            m, d = before[-2]
        if (
            dateline is not None
            and not foreign
            and crowd.fullmatch(word_before(text, s, m))
            and (
                sites.search(text, noun.end(), s.end)
                or lang.pattern("site_fronts").search(text, noun.end(), s.end)
            )
        ):
            # rule where-protesters-come-from, before the protest: "petani Kabupaten
            # Langkat menggelar demonstrasi di depan Polda Sumatra Utara": their home; the
            # site they rally at is in the dateline's town
            return dateline, "location:a-site-is-in-the-dateline-town"
        return d, "location:named-before-the-protest-noun"
    places = {
        id(d): d
        for m, d in before
        if word_before(text, s, m).lower() in preps and d.entry is not None  # a known place
    }
    if len(places) == 1 and not after:
        # rule the-one-place-of-the-sentence: "Police in Bangladesh arrested more than
        # 2,500 people after days of deadly protests": the only place the sentence is in
        return next(iter(places.values())), "location:the-one-place-of-the-sentence"
    vague = lang.pattern("vague_places").search(text, s.start, s.end)
    if (
        dateline is not None
        and vague is None  # "masih digelar hari ini di sejumlah wilayah": not only there
        and not any(d.type is LOC and d is not dateline for _, d in mentions)
    ):
        # a protest in a sentence that names no place is where the story was written
        # ("JAKARTA - ... demo ojek online hari ini"), in a story about the dateline's own
        # country (not "MOSCOW - ... protests in the west of the country")
        home_key = home.entry.key if home is not None and home.entry is not None else None
        own = dateline.entry is not None and home_key in (
            dateline.entry.country,
            dateline.entry.capital_of,
        )
        if (home is None or own) and not written_abroad(dateline, ents):
            for m, d in mentions:
                area = area_named(lang, ents, m, civil=False) if d.type is ORG else None
                if (
                    area is not None
                    and area is not dateline
                    and _a_known_town(area, lang)  # a town's force, not a province's
                ):
                    # rule the-town-of-the-local-force: "... diwarnai kericuhan, kata
                    # Kapolresta Manado" in a story datelined JAKARTA: the town whose
                    # police speak of it
                    ents.adopt_later(area)
                    return area, "location:the-town-of-the-local-force"
            return dateline, "location:the-dateline-town"
    if (
        foreign
        and home is not None
        and all(d is dateline or d is home for _, d in mentions if d.type is LOC)
    ):
        # rule the-story-country-abroad: "JAKARTA - Polisi Peru menembakkan gas air mata ke
        # arah ratusan pengunjuk rasa": news from abroad names no town; the story's country
        return home, "location:the-story-country-abroad"
    return None, ""


def _listed_wave(
    text: str,
    lang: LangResources,
    ents: Entities,
    m: Mention,
    d: Draft,
    after: list[tuple[Mention, Draft]],
    *,
    spread: bool = False,
) -> Draft | None:
    """Rule towns-listed-are-a-wave: "protests in Jakarta, Bandung and Surabaya" are a wave
    across the country that holds them (codebook: the towns are places); so are the towns a
    protest spread to ("spread from Maputo to Beira and Nampula"). Towns, not provinces:
    "di Papua dan Papua Barat" is no wave of the country."""
    towns = [dd for _, dd in after] if spread else [d, *coordinated_places(text, lang, m, after)]
    keys = {
        t.entry.country or t.entry.capital_of if t.entry and t.entry.kind != "region" else None
        for t in towns
    }
    if len(towns) > 1 and len(keys) == 1 and None not in keys:
        return ents.country_of_town(d)
    return None


def _counted_people(text: str, lang: LangResources, start: int, at: int) -> bool:
    """A count stands right before ``at``: the words there count people ("empat
    pengangguran", four unemployed), they name no cause."""
    counts = find_counts(text, lang, max(start, at - 30), at)
    return bool(counts) and not text[counts[-1].end : at].strip()


def _in_a_body(ents: Entities, start: int, end: int) -> bool:
    """``start:end`` lies inside the name of a body or a building the article names."""
    return any(
        d.type is not PER and m.start <= start and end <= m.end and m.end - m.start > end - start
        for m, d in ents.mentions_in(max(0, start - 60), end)
    )


def _written_cause(
    text: str, lang: LangResources, s: Sentence
) -> tuple[str, tuple[int, int]] | None:
    """Rule a-cause-written-out: "thousands rallied against a proposed tax increase": the
    phrase after a cause cue, up to a stop word, a comma or a day's name, of one to five
    words, when no listed cause matched; its articles and possessives dropped, and put in
    English by the language's gloss (rule a-cause-glossed: "menolak kenaikan harga BBM":
    fuel price rise). The first cue whose phrase can be written gives it."""
    for cue in lang.pattern("free_cause_cues").finditer(text, s.start, s.end):
        found = _cause_after(text, lang, s, cue)
        if found is not None:
            return found
    return None


def _cause_after(
    text: str, lang: LangResources, s: Sentence, cue: re.Match[str]
) -> tuple[str, tuple[int, int]] | None:
    """The cause written after one cue (see :func:`_written_cause`), or None."""
    stops, heads, leading = _cause_words(lang)
    words: list[str] = []
    end = cue.end()
    for m in re.finditer(r"[\w'’-]+|[^\w\s]", text[cue.end() : s.end]):
        token = m.group()
        content = [w for w in words if w.lower() not in leading]
        if (
            token.lower() in stops
            and len(content) == 1
            and content[0].lower() in heads
            and token.lower() not in leading
        ):
            words.append(token)  # "a law on illicit profits": the law's subject with it
            continue
        if not re.match(r"[\w'’-]", token) or token.lower() in stops:
            break
        words.append(token)
        end = cue.end() + m.end()
    while words and words[0].lower() in leading:
        words.pop(0)  # "a proposed tax increase", "their land"
    endings = tuple(lang.words("participle_endings"))
    while len(words) > 1 and endings and words[-1].lower().endswith(endings):
        # "Protests against the president continued in ...": the sentence's verb, no
        # word of the cause
        words.pop()
        end = cue.end() + text[cue.end() : end].rfind(" ")
    if not 1 <= len(words) <= 5 or any(w[:1].isdigit() for w in words):
        return None
    if lang.pattern("crowd_nouns").fullmatch(words[0]) or lang.pattern("generic_forces").fullmatch(
        words[0]
    ):
        return None  # "protesting residents", "clashed against police": who, not what
    words = _shortened(text, end, words)
    phrase = _glossed(words, lang)
    return None if phrase is None else (phrase, (cue.start(), end))


@functools.cache
def _cause_words(lang: LangResources) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The words that end a written-out cause (stop words, and the names of days and
    months: "... on Monday"), the heads that keep what follows them, and the articles and
    possessives dropped before it; once per language."""
    stops = {w.lower() for w in lang.words("free_cause_stops")}
    stops |= {w.lower() for w in (*lang.weekdays, *lang.months)}
    heads = {w.lower() for w in lang.words("complemented_heads")}
    leading = {w.lower() for w in (*lang.words("title_articles"), *lang.words("its_words"))}
    return frozenset(stops), frozenset(heads), frozenset(leading)


@functools.cache
def _cause_gloss(lang: LangResources) -> tuple[dict[str, str], int]:
    """The language's cause gloss by case-folded phrase, and its longest phrase's words."""
    gloss = {str(k).casefold(): str(v) for k, v in lang.table("cause_gloss").items()}
    return gloss, max((len(k.split()) for k in gloss), default=0)


def _shortened(text: str, end: int, words: list[str]) -> list[str]:
    """Rule a-cause-s-acronym: "revisi Undang-Undang Tentara Nasional Indonesia (UU TNI)":
    the acronym in brackets after the phrase stands for the capitalised words that end it."""
    bracket = re.match(r"\s*\(((?:[A-Z][\w-]*\s*){1,3})\)", text[end : end + 40])
    if bracket is None:
        return words
    acronym = bracket.group(1).split()
    tail = len(words)
    while tail > 0 and words[tail - 1][:1].isupper():
        tail -= 1
    long = [piece for w in words[tail:] for piece in w.split("-") if piece]
    if len(long) > 1 and abbreviates_words("".join(acronym).lower(), long):
        return [*words[:tail], *acronym]
    return words


def _glossed(words: list[str], lang: LangResources) -> str | None:
    """``words`` in English by the language's cause gloss, longest phrase first; a run of
    capitalised words it lacks is a name and stays; a head-first language's units are
    turned round ("revisi UU TNI": TNI law revision). None when a lower-case word has no
    gloss; the words as they stand when the language has no gloss."""
    gloss, longest = _cause_gloss(lang)
    if not gloss:
        return " ".join(words)
    units: list[str] = []
    glossed = False
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            english = gloss.get(" ".join(words[i : i + size]).casefold())
            if english is not None:
                units.append(english)
                glossed = True
                i += size
                break
        else:
            if not words[i][:1].isupper():
                return None
            name = [words[i]]
            i += 1
            while i < len(words) and words[i][:1].isupper() and words[i].casefold() not in gloss:
                name.append(words[i])
                i += 1
            units.append(" ".join(name))
    if not glossed and len(words) == 1:
        return None  # "Tolak Dibubarkan" in a headline: a capital is no name there
    if lang.head_first:
        units.reverse()
    return " ".join(units)


@functools.cache
def _across_patterns(lang: LangResources) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that spread an event over a country, and the words of where others came
    from ("police officers from across Armenia"), each right before a name."""
    across = re.compile(rf"(?<![\w-])(?:{lang.pattern('across_words').pattern})\s+$", re.I)
    source = re.compile(rf"(?<![\w-])(?:{lang.pattern('source_preps').pattern})\s+$", re.I)
    return across, source


def _across(text: str, lang: LangResources, s: Sentence, place: Draft) -> bool:
    """``place`` is a country that sentence ``s`` spreads its event over ("di seluruh
    Portugal", "across Chile")."""
    if not _is_country(place):
        return False
    across, source = _across_patterns(lang)
    for m in place.mentions:
        if not s.start <= m.start < s.end:
            continue
        found = across.search(text, max(s.start, m.start - 20), m.start)
        if found is not None and not source.search(
            text, max(s.start, found.start() - 10), found.start()
        ):
            return True
    return False


def _wave(
    protests: list[_Protest],
    place: Draft,
    start: DateValue | None,
    other_year: bool = False,
    *,
    across: bool = False,
) -> _Protest | None:
    """Rule a-wave-across-the-country: a protest told of in a country, and one told of in a
    town of that country (the gazetteer's or its capital), are one wave across the country
    when the text gives both the same start, or none ("protests in Almaty ... the unrest in
    Kazakhstan"); so are a town's protest and an undated one told ``across`` the country
    ("masih berpusat di Lisbon ... berdemonstrasi di seluruh Portugal")."""
    for p in protests:
        # an undated protest in a town of the country whose wave was told is part of it
        # ("workers in Bangladesh walked off the job on Monday ... 10,000 staged protests
        # in Gazipur")
        undated_wave = start is None and (_is_country(p.location) or across) and not other_year
        if start != p.start and not undated_wave:
            continue
        if in_country(p.location, place) or in_country(place, p.location):
            return p
    return None


def _town_holding(
    text: str, lang: LangResources, m: Mention, d: Draft, mentions: list[tuple[Mention, Draft]]
) -> Draft | None:
    """Rule the-town-that-holds-it: "at the Lekki toll gate in Lagos", "di Abepura, Kota
    Jayapura": a place named right after the first one with "in"/"di" or a comma, that is
    a town (of the gazetteer, or a capital) while the first is no country, holds it; so
    does any place below a country after an area a site word names ("di kawasan Kebon
    Sirih, Jakarta Pusat")."""
    if _is_country(d):
        return None
    preps = lang.pattern("place_preps").pattern
    link = re.compile(rf"(?:\s+[a-z][\w-]*){{0,3}}\s+(?:{preps})\s+|\s*,\s*", re.IGNORECASE)
    sites = {w.lower() for w in lang.words("site_words")}
    for other, draft in mentions:
        if other.start < m.end or draft is d:
            continue
        if not link.fullmatch(text, m.end, other.start):
            return None
        entry = draft.entry
        town = entry is not None and (
            entry.kind in ("town", "city") or entry.capital_of is not None
        )
        before = re.search(r"([\w-]+)\s+$", text[max(0, m.start - 20) : m.start])
        sited = before is not None and before.group(1).lower() in sites
        if sited and draft.type is LOC and not _is_country(draft):
            # "di kawasan Kebon Sirih, Jakarta Pusat": an area of the place after it
            return draft
        if (
            town
            and d.entry is not None
            and d.entry.kind == "town"
            and other.text.casefold() in region_names()
        ):
            return None  # "Rochester, New York": the state the town is in
        return draft if town else None
    return None


def _is_country(d: Draft | None) -> bool:
    return d is not None and d.type is LOC and d.entry is not None and d.entry.kind == "country"


def _restates(protest: _Protest, cued: DateValue) -> bool:
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


def _earlier(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The earlier of two starts, or the one known."""
    if a is None or b is None:
        return a or b
    return a if a.earliest <= b.earliest else b


def _named(protests: list[_Protest], ents: Entities, s: Sentence) -> _Protest | None:
    """The one protest whose place (or the country of its capital) a sentence names."""
    named = {country_of(d, ents).id for _, d in ents.mentions_in(s.start, s.end)}
    named |= {d.id for _, d in ents.mentions_in(s.start, s.end)}
    hits = [p for p in protests if p.location.id in named]
    return hits[0] if len(hits) == 1 else None


def _counts(text: str, lang: LangResources, s: Sentence, target: _Protest) -> None:
    """Fill the protest's empty count slots from one sentence (its first count wins, but a
    number beats a vague count told before: "scores were killed ... has killed at least
    115 people")."""
    for slot, count in read_counts(text, lang, s.start, s.end).items():
        known = getattr(target, slot)
        new = count.quantity
        finer = (
            known is not None
            and known.value is not None
            and new.value is not None
            and known.qualifier is Qualifier.MORE_THAN
            and new.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST)
            and known.value < new.value <= known.value * 1.2
        )  # "more than 70 killed ... at least 72 people": the figure the text settles on
        if known is None or finer or (known.value is None and new.value is not None):
            setattr(target, slot, count.quantity)
            if (s.start, s.end) not in target.spans:
                target.add((s.start, s.end))
