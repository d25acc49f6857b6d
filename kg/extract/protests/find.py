"""Protests, sentence by sentence: a protest word (``triggers``) with a place (``places``)
and a start (``dates``: a date, or "since"/"sejak"/"began"). Causes (``causes``), and the
counts of :mod:`kg.extract.protests.counts` (deaths, injuries, arrests, participants), go
to the protest the sentence names, or else the one stated last before it (``rows``);
``facts`` turns the rows into facts."""

from __future__ import annotations

import datetime as dt
import re

from kg.extract.dates import find_dates
from kg.extract.entities import LOC, Draft, Entities
from kg.extract.frames import (
    inner_place,
    is_site,
    is_town,
    topic_place,
    town_of_a_provincial_office,
)
from kg.extract.lang import LangResources
from kg.extract.protests.counts import read_counts
from kg.extract.protests.dates import (
    another_event_s_year,
    dates_another_event,
    earlier_start,
    restates,
    start_cue,
)
from kg.extract.protests.facts import finished
from kg.extract.protests.places import (
    home_alone,
    listed_towns,
    named_not_as_troops,
    office_area,
    protest_place,
    spread_across,
    town_of_its_part,
    town_of_the_province,
    town_of_the_site,
    triggering_clauses,
    wave_across,
)
from kg.extract.protests.rows import ProtestDraft, is_country
from kg.extract.protests.triggers import protest_noun
from kg.extract.story import (
    capital_of_country,
    country_of,
    event_dates,
    in_country,
    main_country,
    nationwide_in,
)
from kg.extract.text import Kind, Layout
from kg.extract.trace import Step, Trace
from kg.facts.model import DateValue, Precision, Protest

__all__ = ["find_protests"]


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
    # rule the-day-of-what-is-protested: "against the jobs law, which parliament passed on
    # Monday", "menolak UU Cipta Kerja yang disahkan DPR pada Senin": the law's day, as
    # "the son of the late President, who was killed last week" is his death's
    # a clause between commas that opens with a relative pronoun, up to the protest noun
    relative = re.compile(
        rf",\s*(?:{lang.pattern('relative_pronouns').pattern})\s+[^,.;]*$", re.IGNORECASE
    )
    other_event = re.compile(
        rf"(?:,\s+|\s)(?:{lang.pattern('relative_pronouns').pattern})\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{lang.pattern('death_verbs').pattern}|{lang.pattern('decision_verbs').pattern})"
        rf"\s+(?:[\w-]+\s+){{0,3}}$",
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
    protests: list[ProtestDraft] = []
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
        noun = protest_noun(text, lang, s.start, s.end)
        if noun is None:
            continue
        if likened.search(text, max(s.start, noun.start() - 50), noun.start()):
            # rule protests-it-is-likened-to: "inspired by similar youth-led protests in Asia",
            # "terinspirasi oleh aksi di Nepal": other protests, not the article's
            continue
        told.append((s.start, s.end))
        location, rule = protest_place(text, s, noun, ents, lang, home, dateline)
        told_at = (
            next((m for m in location.mentions if s.start <= m.start < s.end), None)
            if location
            else None
        )
        inner = (
            inner_place(
                text, told_at, location, ents.mentions_in(s.start, s.end, longest=True), lang
            )
            if told_at is not None and location is not None
            else None
        )
        if (
            inner is not None
            and inner is not location
            and not is_country(inner)
            and not is_site(lang, inner.names[0])
        ):
            # rule the-place-inside-the-one-named: "were killed in West Bengal's Malda
            # district following ... protests": the district, not its state
            location, rule = inner, "location:the-place-inside-the-one-named"
        if rule == "location:the-story-country-abroad" and protests:
            location, rule = None, ""  # more of a protest told already, not a wave
        district = next(
            (
                p.location
                for p in reversed(protests)
                if rule == "location:the-dateline-town"
                and dateline is not None
                and p.location is not None
                and p.location is not dateline
                and _part_of_town(p.location, dateline)
            ),
            None,
        )
        if district is not None:
            # rule a-part-of-the-dateline-town: "JAKARTA - ... di depan Gedung DPR, Jakarta
            # Pusat ... Polisi menangkap 351 orang dalam kericuhan": the dateline's town is
            # where the protest told already stood, in a part of it
            location, rule = district, "location:a-part-of-the-dateline-town"
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
            office = office_area(text, lang, s, noun, ents)
            if office is not None:
                location, rule = office, "location:the-area-of-the-office"
                ents.adopt_later(office)
        seat = lang.pattern("state_sites").search(text, s.start, s.end)
        if (
            location is not None
            and is_country(location)
            and seat is not None
            # not "spread across Indonesia" (a wave) nor "the law, which parliament
            # passed": a seat named in a clause about something else
            and not nationwide_in(nationwide, text, ents, s.start, s.end)
            and not re.search(
                rf"(?<![\w-])(?:{lang.pattern('relative_pronouns').pattern})\s+(?:[\w-]+\s+){{0,2}}$",
                text[max(s.start, seat.start() - 30) : seat.start()],
                re.IGNORECASE,
            )
            and (capital := capital_of_country(location, ents)) is not location
        ):
            # rule a-state-s-seat-is-in-its-capital: "demonstran di Kenya menyerbu gedung
            # parlemen" in an article that names Nairobi
            location, rule = capital, "location:a-state-s-seat-is-in-its-capital"
        in_town = town_of_its_part(text, lang, ents, location)
        if in_town is not None:
            location, rule = in_town, "location:the-town-of-its-suburb"
        in_town = town_of_the_province(text, lang, s, ents, location)
        if in_town is not None:
            location, rule = in_town, "location:the-town-of-its-province"
        in_town = town_of_the_site(lang, s, ents, location)
        if in_town is not None:
            location, rule = in_town, "location:the-town-told-before-the-site"
        in_town = town_of_a_provincial_office(text, lang, s, ents, location, dateline)
        if in_town is not None:
            location, rule = in_town, "location:the-town-of-a-provincial-office"
        cue, compared = start_cue(text, cues, comparisons, s)
        set_off = triggering_clauses(text, lang, s)
        dates = [
            d
            for d in event_dates(text, lang, published, s)
            if not any(a <= d.start < b for a, b in compared)
            # "against the council headed by the son of the late President, who was killed
            # last week": a death told in a clause about someone is not the protest's day
            and not other_event.search(text, max(noun.end(), d.start - 60), d.start)
            and not dates_another_event(text, lang, nouns, d.end)
            and not another_event_s_year(text, nouns, s, d, published)
            and not any(a <= d.start < b for a, b in set_off)
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
                    wave.start = earlier_start(wave.start, other.start)
                    for span in other.evidence:
                        if span not in wave.spans:
                            wave.add(span)
                    wave.causes += [c for c in other.causes if c not in wave.causes]
                    protests.remove(other)
        if location is None:
            if after_cue and protests and restates(protests[-1], after_cue[0].value):
                # "since the protests began last Sunday": when the protest told of began
                protests[-1].start, protests[-1].cued = after_cue[0].value, True
                protests[-1].add((s.start, s.end))
            elif dates and opens and protests and protests[-1].start is None:
                # rule its-day-told-without-a-place, for a protest told already, by a
                # sentence that opens with the protest: "aksi unjuk rasa di kantor Arema FC
                # ... Kota Malang", then "Aksi unjuk rasa ... terjadi pada Minggu 29 Januari
                # 2023" (not "said the curfew was imposed after protests spilled over into
                # looting on Friday": a day of the protest, not its start)
                protests[-1].start = dates[0].value
                protests[-1].add((s.start, s.end))
                protests[-1].why.append(Step("start:its-day-told-without-a-place", *s.span))
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
        also = lang.pattern("also_words").search(text, s.start, s.end)
        also_towns = (
            listed_towns(text, lang, ents, s, noun)
            if protests
            and (start is not None or protests[-1].start is not None)
            and (also is not None or lang.pattern("similar_words").search(text, s.start, s.end))
            else []
        )
        if len(also_towns) > 1 and (
            rule == "location:towns-listed-are-a-wave" or location is also_towns[0]
        ):
            # rule also-in-other-towns: "Aksi serupa juga terjadi di Makassar, Surabaya, dan
            # Medan", "Similar protests took place in Paris and Madrid last week": each
            # town's own protest, on its day or the day told before (as
            # also-in-another-town)
            day = start if start is not None else protests[-1].start
            wave = protests[-1]
            if (
                is_country(wave.location)
                and day == wave.start
                and all(in_country(t, wave.location) for t in also_towns)
            ):
                # rule the-wave-s-other-towns: "protests across Argentina ... Similar
                # rallies were held in Cordoba, Rosario and Mendoza": the towns of the wave
                # told that day are the wave's, not protests of their own
                wave.add((s.start, s.end))
                wave.why.append(Step("location:the-wave-s-other-towns", *s.span))
                continue
            placed = [p.location for p in protests]
            for town in (t for t in also_towns if not any(t is at for at in placed)):
                protests.append(ProtestDraft(town, day, s.start, evidence=[(s.start, s.end)]))
                protests[-1].why += [
                    Step("trigger", *noun.span()),
                    Step("location:also-in-other-towns", *s.span),
                ]
            continue
        country = country_of(location, ents)
        elsewhere = others_cue.search(text, s.start, s.end) is not None
        same = next((p for p in protests if p.location in (location, country)), None)
        if same is None and protests and relative.search(text, s.start, noun.start()):
            # rule a-protest-told-in-a-relative-clause: "Bandara kota itu, yang sempat
            # diduduki pengunjuk rasa, kembali beroperasi pada Kamis": the protest told
            # before, named in a clause about something else, on that thing's day
            same, start = protests[-1], None
            same.why.append(Step("merge:a-protest-told-in-a-relative-clause", *noun.span()))
        if elsewhere and same is not None and same.location is not location:
            same = None  # rule another-place-another-protest: "Di tempat berbeda, ..."
        # "The 2011 strike in Zhanaozen ...": a protest of another year is no part of a wave
        other_year = published is not None and any(
            int(y) != published.year
            for y in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text[s.start : s.end])
        )
        if same is None and not elsewhere:
            same = wave_across(
                protests, location, start, other_year, across=spread_across(text, lang, s, location)
            )
            if same is not None and same.location is not location and is_country(location):
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
                    and also is None
                )
            )
        ):
            same = protests[-1]  # "Aksi yang diikuti ... itu dimulai ...": the one told of
        if same is not None:
            if after_cue and restates(same, after_cue[0].value):
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
            or is_country(location)
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
        if (
            start is None
            and (also is not None or rule == "location:the-town-the-sentence-opens-with")
            and protests
            and protests[-1].start is not None
            # a town the sentence names
            and rule
            in ("location:after-the-protest-noun", "location:the-town-the-sentence-opens-with")
            and not is_country(location)
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
            ProtestDraft(location, start, evidence[0][0], evidence=evidence, cued=bool(after_cue))
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
        and is_country(protests[0].location)
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
    if (
        first_pending is not None
        and len(protests) == 1
        and protests[0].location is not None
        and protests[0].location.type is LOC
        and protests[0].location.entry is None
        and first_pending[0] is not None
        and first_pending[0].entry is not None
        and not is_country(first_pending[0])
        and first_pending[1][0] < protests[0].evidence[0][0]
    ):
        # rule the-known-town-told-first: "rioters ... torched buildings in the capital
        # Honiara for a second day" and then "set fire to ... shops in the Chinatown
        # district on Wednesday": the one protest is in the town told first, the place
        # no gazetteer knows is a part of it
        town, span, _ = first_pending
        protests[0].location = town
        protests[0].add(span)
        protests[0].why.append(Step("location:the-known-town-told-first", *span))
    if not protests and first_pending is not None:
        # rule an-undated-protest: the article tells of a protest at a place but never
        # dates it ("kerusuhan besar di Kazakhstan", "amid protests in Yerevan"): the first
        # such place is its protest (the gold files record such protests, undated)
        place, span, _ = first_pending
        protests.append(ProtestDraft(place, None, span[0], evidence=[span]))
        protests[-1].why.append(Step("location:an-undated-protest", *span))
        if first_dated is not None and first_dated[0].precision is Precision.DAY:
            # rule its-day-told-without-a-place: "Kerusuhan di Wamena ..." then "Kerusuhan
            # berawal pada Kamis (23/2)": the one protest placed is the one dated
            protests[-1].start = first_dated[0]
            protests[-1].add(first_dated[1])
            protests[-1].why.append(Step("start:its-day-told-without-a-place", *first_dated[1]))
    if (
        not protests
        and first_dated is not None
        and home is not None
        and home_alone(ents, home)
        and named_not_as_troops(text, lang, home)
    ):
        # rule a-dated-protest-in-the-story-country: "Para pengunjuk rasa ... menyerbu
        # melalui barikade ... pada Kamis (31/3/2022) malam" in a story of Sri Lanka that
        # names no town and no other country: a protest there
        day, span, _ = first_dated
        # a year or a month alone ("In 2019, he became ...") may be another event's
        start = day if day.precision is Precision.DAY else None
        protests.append(ProtestDraft(home, start, span[0], evidence=[span]))
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
        protests.append(ProtestDraft(story_towns[0], None, told[0][0], evidence=told[:1]))
        protests[-1].why.append(Step("location:the-one-town-of-a-protest-told-on", *told[0]))
    return finished(lay, lang, ents, published, protests, trace)


def _part_of_town(place: Draft, town: Draft) -> bool:
    """``place`` names a part of ``town``: the town's name is a word group of its name
    ("Jakarta Pusat", "Central Jakarta" in Jakarta)."""
    words = [n.casefold().split() for n in place.names]
    return any(
        len(w) > len(t) and any(w[i : i + len(t)] == t for i in range(len(w) - len(t) + 1))
        for t in (n.casefold().split() for n in town.names)
        for w in words
    )
