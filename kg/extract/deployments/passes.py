"""Passes over the rows once every sentence is read: returns home, places of duty and
starts told on, regions of an operation, and withdrawals."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import replace

from kg.extract.contingents import (
    contingent_cues,
    find_named_contingents,
    find_parts,
    is_collective,
)
from kg.extract.dates import DateMatch
from kg.extract.deployments.cues import Cues, cues
from kg.extract.deployments.places import departed_for, direction_region
from kg.extract.deployments.rows import DepDraft, is_country, move_to, names_within, within
from kg.extract.deployments.status import left_when
from kg.extract.deployments.triggers import points_back, told_back_pattern
from kg.extract.entities import LOC, ORG, Draft, Entities, Mention
from kg.extract.frames import area_of_body, is_site, withdrawal_verbs
from kg.extract.lang import LangResources
from kg.extract.missions import find_missions
from kg.extract.story import country_of_town, event_dates, in_country, region_of
from kg.extract.text import Kind, Layout
from kg.extract.trace import Step
from kg.facts.model import DateValue, DeploymentStatus, Precision, Quantity


def the_operation_s_region(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """Rule the-operation-s-region: "the IDF crossed the border into Lebanon ... The IDF
    launched an operation against targets in southern Lebanon": the next sentences that
    name the sender place it in a region of the country it went to, the most specific
    place the text gives."""
    text = lay.clean
    preps = {w.lower() for w in lang.words("place_preps")}
    for dep in deps:
        entry = dep.to.entry
        if dep.left or entry is None or entry.kind != "country":
            continue
        region: Draft | None = None
        for index in range(dep.sentence + 1, min(dep.sentence + 3, len(lay.sentences))):
            s = lay.sentences[index]
            if s.kind is not Kind.STORY:
                continue
            found = ents.mentions_in(s.start, s.end)
            named = [m.start for m, d in found if d is dep.by]
            for m, d in found:
                if not named or min(named) > m.start:
                    continue
                if region_of(d, ents) is dep.to:
                    at = m.start  # "Lebanon selatan": the region is one name
                elif d is dep.to and not lang.head_first:
                    before = re.search(r"([\w-]+)[ \t]+([\w-]+)[ \t]+$", text[s.start : m.start])
                    if before is None or before.group(2).lower() not in lang.table(
                        "direction_words"
                    ):
                        continue
                    at = s.start + before.start(2)
                else:
                    continue
                word = re.search(r"([\w-]+)[ \t]+$", text[s.start : at])
                if word is None or word.group(1).lower() not in preps:
                    continue
                region = d if d is not dep.to else direction_region(lay, lang, m, ents)
                break
            if region is not None:
                break
        if region is None or (id(dep.by), id(region)) in pairs:
            continue
        move_to(dep, region, pairs)
        dep.evidence.append(s.span)
        dep.why.append(Step("destination:the-operation-s-region", *s.span))


def withdrawals(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    deps: list[DepDraft],
) -> None:
    """When the troops leave: a withdrawal verb followed by a date in one sentence.

    The deployment is the one whose sender or destination the sentence names, or the only
    one of the article when the sentence names neither. Only a date after the verb counts
    ("akan mulai menarik diri pada hari Kamis"); one before it is when somebody spoke.
    """
    text = lay.clean
    verbs, sent = withdrawal_verbs(lang), lang.pattern("deploy_verbs")
    lp = cues(lang)
    served = lang.pattern("served_in")
    starting = lang.pattern("protest_start_cues")  # "began", "dimulai": they say when
    first: dict[str, int] = {}  # an entity id -> the first deployment from or to it
    for i, dep in reversed(list(enumerate(deps))):
        first[dep.by.id] = first[dep.to.id] = i
    for s in lay.sentences:
        if s.kind is not Kind.STORY or not deps:
            continue
        # rule each-verb-of-withdrawing-its-dates: "began leaving Abyei in March, and the
        # last are expected to depart by Dec. 31": each verb with the dates after it
        found = list(verbs.finditer(text, s.start, s.end))
        for verb, following in itertools.zip_longest(found, found[1:]):
            # the first verb reads the whole sentence ("left ..., completing a withdrawal
            # that began in October": the start is stated), a later one up to the next
            clause = (
                s if verb is found[0] or following is None else replace(s, end=following.start())
            )
            going = sent.match(text, verb.start())
            if going is not None and going.end() > verb.end():
                continue  # "left for Somalia": a verb of going there, no withdrawal
            if departed_for(text, lang, ents, verb, s) is not None:
                continue  # "left Accra on Monday for Juba": a departure (a-departure-for-a-place)
            after = [
                d
                for d in event_dates(text, lang, published, clause)
                # "the withdrawal of the troops, which had been deployed there from December":
                # a date after another deployment verb is when they came
                # ("kembali dari Lebanon setelah bertugas di sana sejak 23 September 2017")
                if d.start >= verb.end()
                and not sent.search(text, verb.end(), d.start)
                and not served.search(text, verb.end(), d.start)
            ]
            if not after:
                # rule a-date-just-before-the-withdrawal: "The alliance will today start
                # withdrawing", "on Thursday began withdrawing": a date up to two words before
                # the verb, with no comma between
                after = [
                    d
                    for d in event_dates(text, lang, published, s)
                    if d.end <= verb.start()
                    and re.fullmatch(r"\s+(?:[\w-]+\s+){0,2}", text[d.end : verb.start()])
                ][-1:]
            if not after:
                continue
            # "completing a withdrawal that began in October": the start is stated
            began = [
                d for d in after if starting.search(text, max(verb.end(), d.start - 25), d.start)
            ]
            after = began or after
            named = {d.id for _, d in ents.mentions_in(s.start, s.end)}
            hits = [first[ident] for ident in named if ident in first]
            targets = [deps[min(hits)]] if hits else []
            wholes = [d for d in deps if d.part_of is None]
            if not targets and len(wholes) == 1:
                targets = wholes  # its parts leave with it
            began_on, ended, steps = left_when(text, lang, lp, verb, after[0], s, published)
            for dep in targets[:1]:
                if ended is not None and dep.end is None:
                    # rule withdrawal-completed: "completed their withdrawal ... on Wednesday",
                    # "pasukan terakhir meninggalkan X pada ...": when the last troops left
                    dep.end = ended
                elif began_on is not None and ended is None and dep.withdrawal is None:
                    dep.withdrawal = began_on
                else:
                    continue
                dep.why.extend(steps)
                dep.evidence.append((s.start, s.end))


def ends_of_a_range(lay: Layout, published: dt.date | None, deps: list[DepDraft]) -> None:
    """Rule the-last-day-of-a-range: "Polri akan mengerahkan 500 personel untuk mengamankan
    KTT pada 8-11 Mei", told before the 11th: troops whose start is the first day of a run
    of days still to come stay until its last day (the codebook's announced completion
    date), unless the text tells when they left. A run of days already past is when they
    came ("moved 500 troops there from 8-13 May")."""
    for dep in deps:
        start = dep.start
        if start is None or dep.end is not None or dep.withdrawal is not None:
            continue
        if published is None or start.latest <= published:
            continue
        if start.precision is not Precision.DAY or start.approximate:
            continue
        if start.latest <= start.value:
            continue  # one day, not a range
        day = start.latest
        dep.end = DateValue(day, Precision.DAY, day, day, False, start.text)
        told = next(
            (
                (a + at, a + at + len(start.text))
                for a, b in dep.evidence
                if start.text and (at := lay.clean.find(start.text, a, b) - a) >= 0
            ),
            dep.evidence[0],
        )
        dep.why.append(Step("end:the-last-day-of-a-range", *told))


def the_period_told_apart(
    lay: Layout,
    lang: LangResources,
    published: dt.date | None,
    deps: list[DepDraft],
) -> None:
    """Rule the-operation-s-period: "Operasi itu akan berlangsung mulai 14 Juni hingga 20
    Juni", "They will stay on duty from 14-20 June": a sentence that names no troops and
    gives a period still running when told dates the story's deployments that have no
    other: from its first day (unless they began within it) until its last, the codebook's
    announced completion date."""
    if published is None or not deps:
        return
    text, lp = lay.clean, cues(lang)
    troops = lang.pattern("troop_nouns")
    for s in lay.sentences:
        if s.kind is not Kind.STORY or troops.search(text, s.start, s.end):
            continue
        period = _period(text, lp, event_dates(text, lang, published, s), s.start)
        if period is None or period[1].latest <= published:
            continue
        first, last = period
        for dep in deps:
            if dep.end is not None or dep.withdrawal is not None or dep.left:
                continue
            if dep.status is DeploymentStatus.DENIED:
                continue
            if dep.start is not None and not first.value <= dep.start.value <= last.latest:
                continue
            dep.start = dep.start or first
            day = last.latest
            dep.end = DateValue(day, Precision.DAY, day, day, False, last.text)
            dep.why.append(Step("dates:the-operation-s-period", *s.span))
        return


def _period(
    text: str, lp: Cues, dates: list[DateMatch], begin: int
) -> tuple[DateValue, DateValue] | None:
    """The first and last day of a period the dates give: one after a word of since and one
    after a word of until ("mulai 14 Juni hingga 20 Juni"), or a range of days after a
    word of since ("from 14-20 June")."""
    for i, d in enumerate(dates):
        if not lp.since_before.search(text, max(begin, d.start - 15), d.start):
            continue
        if d.value.precision is not Precision.DAY or d.value.approximate:
            return None
        if d.value.latest > d.value.value:
            return d.value, d.value
        until = next(
            (
                e
                for e in dates[i + 1 :]
                if lp.ends_before.search(text, max(begin, e.start - 15), e.start)
                and e.value.precision is Precision.DAY
            ),
            None,
        )
        return (d.value, until.value) if until is not None else None
    return None


def returns_home(lay: Layout, lang: LangResources, ents: Entities, deps: list[DepDraft]) -> None:
    """Rule the-arrival-home-ends-the-tour: "100 personel Brimob Polda NTT yang dikirim ke
    Papua ... kembali ke Kupang. Mereka tiba di Kupang, Selasa (25/1)": troops that arrive
    in the area their force serves, after the article sent them elsewhere, came home; no
    deployment of their own, and their day of arrival ends the tour."""
    text = lay.clean
    arrivals = lang.pattern("arrival_verbs")
    home = {
        id(d) for span in lay.dateline_places if (d := ents.by_mention.get(span)) is not None
    }  # the town the story was written in, which a force's home can be
    for dep in list(deps):
        trigger = dep.why[0] if dep.why and dep.why[0].rule == "trigger" else None
        if trigger is None or not arrivals.fullmatch(text, trigger.start, trigger.end):
            continue
        area = area_of_body(lang, ents, dep.by)
        if area is None or not (within(dep.to, area) or id(dep.to) in home):
            continue
        away = next(
            (
                d
                for d in deps
                if d is not dep
                and d.by is dep.by
                and d.to is not dep.to
                and not within(d.to, area)
                and d.sentence <= dep.sentence
            ),
            None,
        )
        if away is None:
            continue
        deps.remove(dep)
        if away.end is None and dep.start is not None:
            away.end = dep.start
            away.evidence.append(dep.evidence[0])
            away.why.append(Step("end:the-arrival-home", trigger.start, trigger.end))


def duty_places_told_on(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    deps: list[DepDraft],
) -> None:
    """Rule the-duty-place-told-on: "TNI mengirim 300 prajurit ke Papua. Mereka akan
    bertugas di Kabupaten Maybrat": the post of troops just told of, named in one of the
    next two sentences after a word that points back to them, is where they went (the
    codebook's most specific place), unless they went to a town already."""
    text = lay.clean
    backs, duty = lang.pattern("troop_back_references"), lang.pattern("duty_verbs")
    arrivals = lang.pattern("arrival_verbs")
    starts = [s.start for s in lay.sentences]
    for dep in deps:
        if dep.left:
            continue
        # from the sentence that told of them: the next one may be merged into it already
        last = bisect.bisect_right(starts, dep.evidence[0][0]) - 1
        trigger = dep.why[0] if dep.why and dep.why[0].rule == "trigger" else None
        if trigger is not None and arrivals.fullmatch(text, trigger.start, trigger.end):
            told = sorted({bisect.bisect_right(starts, e[0]) - 1 for e in dep.evidence})
            joined = next(
                (j for n in told if (j := _joined_force_s_place(lay, lang, ents, dep, n))),
                None,
            )
            if joined is not None:
                # rule the-force-they-join: "tiba di Kota Palu. Kedatangan pasukan itu untuk
                # bergabung dengan Satgas Tinombala di Poso": the town they arrived in was
                # on their way
                dep.to = joined[1]
                dep.why.append(Step("destination:the-force-they-join", *joined[0].span))
                continue
        if dep.to.entry is not None and dep.to.entry.kind in ("town", None):
            continue  # troops that went to a town already
        for s in lay.sentences[last + 1 : last + 3]:
            back = backs.search(text, s.start, s.end) if s.kind is Kind.STORY else None
            verb = duty.search(text, back.end(), s.end) if back is not None else None
            if back is None or verb is None or len(text[back.end() : verb.start()].split()) > 4:
                continue
            place = next(
                (
                    # "ditempatkan di wilayah Polres Mimika": the area that force serves
                    (m, d if d.type is LOC else area)
                    for m, d in ents.mentions_in(verb.end(), s.end, longest=True)
                    # "ditempatkan di X", "deployed in the provincial capital Ambon"
                    if (
                        len(text[verb.end() : m.start].split()) <= 1
                        or re.fullmatch(r"(?:\s+[a-z]+){2,3},?\s+", text[verb.end() : m.start])
                        # "bertugas selama 14 hari di Hatay": how long, then where
                        or re.fullmatch(r"\s+\d+(?:\s+[a-z]+){1,2}\s+", text[verb.end() : m.start])
                    )
                    and (
                        d.type is LOC
                        or (d.type is ORG and (area := area_of_body(lang, ents, d)) is not None)
                    )
                ),
                None,
            )
            post = place[1] if place is not None else None
            if place is None or post is None or post in (dep.to, dep.by) or is_country(post):
                continue
            if is_site(lang, place[0].text):
                # "Mereka ditempatkan di sejumlah titik sekitar Gedung DPR RI": a building
                # is where they stand (codebook: place), not where they were sent
                continue
            ents.adopt_later(post)
            dep.to = post
            dep.evidence.append(s.span)
            dep.why.append(Step("destination:the-duty-place-told-on", *place[0].span))
            dates = event_dates(text, lang, published, s)
            if dep.start is None and dates:
                dep.start = dates[0].value  # "the troops were sent to X on Saturday"
            break


def _joined_force_s_place(
    lay: Layout, lang: LangResources, ents: Entities, dep: DepDraft, index: int
) -> tuple[Mention, Draft] | None:
    """The place, other than where troops arrived, of the force they join, told after that
    place in sentence ``index`` (one that tells of them) or in the next one about them
    ("untuk bergabung dengan Satgas Tinombala di Poso"), or None."""
    text = lay.clean
    join = lang.pattern("join_phrases")
    link = re.compile(rf"(?:{lang.pattern('presence_preps').pattern})\s+$", re.IGNORECASE)
    for n in (index, index + 1):
        if n >= len(lay.sentences) or lay.sentences[n].kind is not Kind.STORY:
            continue
        s = lay.sentences[n]
        if n > index and not points_back(text, lang, s):
            continue
        start = s.start
        if n == index:  # after the place they arrived in
            start = next((m.end for m, d in ents.mentions_in(s.start, s.end) if d is dep.to), s.end)
        found = join.search(text, start, s.end)
        if found is None:
            continue
        for m, d in ents.mentions_in(found.end(), s.end, longest=True):
            gap = text[found.end() : m.start]
            if len(gap.split()) > 6:
                break
            if d.type is LOC and d is not dep.to and link.search(gap) and not is_country(d):
                return m, d
    return None


def starts_told_on(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    deps: list[DepDraft],
) -> None:
    """Rule start-told-on: when a deployment began, said by a later sentence of the next
    three that names the deployment but no troops, or the troops told of ("... deployment
    begins on Friday", "Pengiriman dilakukan pada Sabtu (31/8)", "personel tambahan
    tersebut sudah diberangkatkan pada Sabtu"), when its own sentences gave no date; or by
    the sentence right before, of the same force's troops sent but nowhere named."""
    text = lay.clean
    verbs, troops = lang.pattern("deploy_verbs"), lang.pattern("troop_nouns")
    send_off = lang.pattern("send_off_verbs")
    told_back = told_back_pattern(lang, r"(?:\s+[a-z]+)?")  # "personel tambahan tersebut"
    starts = [s.start for s in lay.sentences]
    for dep in deps:
        if dep.start is not None or dep.status is DeploymentStatus.DENIED or dep.left:
            continue
        first = bisect.bisect_right(starts, dep.evidence[0][0]) - 1
        last = bisect.bisect_right(starts, dep.evidence[-1][0]) - 1
        own = {bisect.bisect_right(starts, a) - 1 for a, _ in dep.evidence}
        # rule start-told-between-its-sentences: "252 personel ... diberangkatkan ke
        # Papua. Pengiriman pasukan ini ... Proses pemberangkatan ini dilakukan ...,
        # Sabtu (31/8/2019). ... pengiriman personel ini dilakukan guna ...": a sentence
        # among those merged into the row, not one of them but right after one, tells
        # its day too
        between = [n for n in range(first + 1, last) if n not in own and n - 1 in own]
        for n in [*between, *range(last + 1, min(last + 4, len(lay.sentences)))]:
            s = lay.sentences[n]
            troop = troops.search(text, s.start, s.end)
            if s.kind is not Kind.STORY or (
                # "personel tambahan tersebut sudah diberangkatkan pada Sabtu": the same
                troop is not None and not told_back.match(text, troop.end())
            ):
                continue
            # "Upacara pelepasan digelar pada Selasa, 9 Mei 2023": the send-off's day
            verb = verbs.search(text, s.start, s.end) or send_off.search(text, s.start, s.end)
            if verb is not None and any(
                d is not dep.by and d is not dep.to and d.type in (LOC, ORG)
                for _, d in ents.mentions_in(s.start, verb.start())
            ):
                # rule another-sender-s-day: "Sementara itu, Inggris mengirim senjata ke
                # Ukraina pekan ini": what another sends, on its own day
                continue
            dates = [
                d for d in event_dates(text, lang, published, s) if verb and d.start > verb.start()
            ]
            if dates:
                dep.start = dates[0].value
                rule = "told-between-its-sentences" if n < last else "told-on-in-a-later-sentence"
                dep.why.append(Step(f"start:{rule}", *s.span))
                if (
                    dep.status is DeploymentStatus.HAPPENED
                    and published is not None
                    and dep.start.earliest > published
                ):
                    # rule a-later-date-is-a-plan, told later: "1.200 personel dikirim ke
                    # X ... akan diberangkatkan mulai Senin (12/4)", told on a Saturday
                    dep.status = DeploymentStatus.PLANNED
                    dep.why.append(Step("status:a-date-after-the-publication", *s.span))
                break
    told = {bisect.bisect_right(starts, a) - 1 for dep in deps for a, _ in dep.evidence}
    for dep in deps:
        first = bisect.bisect_right(starts, dep.evidence[0][0]) - 1
        if dep.start is not None or dep.status is DeploymentStatus.DENIED or dep.left:
            continue
        if first < 1 or first - 1 in told:
            continue
        s = lay.sentences[first - 1]
        verb = verbs.search(text, s.start, s.end)
        if s.kind is not Kind.STORY or verb is None or not troops.search(text, verb.end(), s.end):
            continue
        named = [d for _, d in ents.mentions_in(s.start, s.end)]
        if not any(names_within(d, dep.by) for d in named):
            continue  # other troops: "The standby force was expected ... Rwanda has deployed"
        # rule start-told-before: "Polri bersama TNI mengerahkan ribuan personel ... pada
        # hari ini, Senin (1/5). Ribuan personel gabungan TNI-Polri dikerahkan di ... DKI
        # Jakarta": the sentence before, of troops sent nowhere named, dates them
        dates = [d for d in event_dates(text, lang, published, s) if d.start > verb.start()]
        if dates:
            dep.start = dates[0].value
            dep.why.append(Step("start:told-in-the-sentence-before", *s.span))


def left_rows_merged(ents: Entities, deps: list[DepDraft]) -> None:
    """Rows known only from troops leaving a place merge into the row that sends troops
    there: the one of the same sender, else the first (an alliance's, told by its leader,
    becomes the alliance's); another state's withdrawal stays its own."""
    for dep in [d for d in deps if d.left]:
        # the troops that leave are those another sentence sends there, by its sender
        # (not the row of the force it is a part of: "withdraw its soldiers from the UN
        # mission in Mali" ends the country's part, not the mission)
        sent_there = [
            d
            for d in deps
            if not d.left
            and (d.to is dep.to or region_of(d.to, ents) is dep.to)
            and (dep.part_of is None or d.by is not dep.part_of)
        ]
        other = next(
            (d for d in sent_there if d.by is dep.by), sent_there[0] if sent_there else None
        )
        if (
            other is not None
            and other.by is not dep.by
            and is_country(other.by)
            and is_country(dep.by)
            and dep.leader is None
        ):
            # rule another-state-s-withdrawal: "Jerman telah merampungkan penarikan
            # pasukannya dari Afghanistan", beside "pasukan Amerika Serikat" there: Germany
            # left, the United States' deployment does not end with it
            other = None
        if other is not None:
            other.withdrawal = other.withdrawal or dep.withdrawal
            other.evidence.extend(dep.evidence)
            if dep.leader is not None and other.by is dep.leader:
                # "2.000 tentara pimpinan Rusia mulai menarik diri dari Kazakhstan ...
                # pasukan Rusia dikerahkan": the alliance's deployment, told by its leader
                other.by, other.troops = dep.by, other.troops or dep.troops
                other.why.append(Step("sender:led-is-not-the-sender", *dep.evidence[0]))
            deps.remove(dep)


def mission_rows(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """A mission is the sender of its owner's rows to its place ("the UN's mission in
    Mali": the mission, not the UN), and a mission told to be in a place is a row of its
    own unless the story's own deployment there serves it."""
    frames = find_missions(lay, lang, ents)
    for frame in frames:
        if frame.owner is None or frame.owner is frame.by:
            continue
        for dep in deps:
            if dep.by is frame.owner and dep.to is frame.to:
                dep.by = frame.by
                dep.why.append(Step("sender:the-mission-not-its-owner", frame.start, frame.end))
                pairs.setdefault((id(dep.by), id(dep.to)), dep)
    told_places = {id(d.to) for d in deps}
    for frame in frames:
        if (id(frame.by), id(frame.to)) in pairs:
            continue
        within = region_of(frame.to, ents) or country_of_town(frame.to, ents)
        if frame.rule == "mission-in-a-place" and (
            id(frame.to) in told_places or (within is not None and id(within) in told_places)
        ):
            # a mission the story's own deployment there serves ("Satgas ... TNI ke
            # Republik Afrika Tengah ... Misi Stabilisasi PBB di Republik Afrika Tengah",
            # "prajurit yang bertugas sebagai pasukan penjaga perdamaian PBB di Sudan
            # Selatan", "Satgas KONGA MTF ... unit tugas dalam pasukan perdamaian PBB di
            # Lebanon (UNIFIL)"), or in a part of its place ("misi perdamaian PBB di
            # Lebanon selatan"): the context of that deployment, not another one
            continue
        s = lay.sentences[frame.sentence]
        dep = DepDraft(
            frame.by, frame.to, DeploymentStatus.HAPPENED, None, None, frame.sentence, s.para
        )
        dep.evidence.append(s.span)
        dep.why = [Step(f"presence:{frame.rule}", frame.start, frame.end)]
        deps.append(dep)
        pairs[(id(frame.by), id(frame.to))] = dep


def contingent_rows(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """The parts of each force's deployment that the text counts separately (national
    contingents, units inside a larger force) are rows ``part_of`` that force."""
    listed_cues = contingent_cues(lay, lang)  # once an article, not once a deployment
    for dep in list(deps):
        if dep.by.type is not ORG or dep.status is DeploymentStatus.DENIED:
            continue
        # not past another deployment's sentence: its parts are its own
        told_later = [d.sentence for d in deps if d.sentence > dep.sentence and d.to is not dep.to]
        pieces = find_parts(
            lay,
            lang,
            ents,
            dep.sentence,
            dep.by,
            dep.to,
            dep.troops,
            until=min(told_later) if told_later else None,
        )
        if is_collective(lang, dep.by) and dep.part_of is None:
            counted_parts = {id(p.by) for p in pieces}
            pieces += [
                p
                for p in find_named_contingents(lay, lang, ents, dep.by, dep.to, listed_cues)
                if id(p.by) not in counted_parts
            ]
        for piece in pieces:
            # the sender's own share is a part only in a list of others' shares
            own_share = piece.by is dep.by
            if own_share and not any(
                p.by is not dep.by and p.sentence == piece.sentence for p in pieces
            ):
                continue
            same = pairs.get((id(piece.by), id(dep.to)))
            if (
                same is not None
                and not own_share
                and not _another_count(same.troops, piece.troops, same.start, dep.start)
            ):
                continue  # the part told as a row of its own already
            # a part of the force went when the force went
            row = DepDraft(
                piece.by, dep.to, dep.status, piece.troops, dep.start, piece.sentence, dep.para
            )
            row.evidence.append((piece.start, piece.end))
            row.part_of = dep.by
            row.why = [Step("contingent:counted-part", piece.start, piece.end)]
            row.why += [Step(f"contingent:{rule}", piece.start, piece.end) for rule in piece.rules]
            deps.append(row)
            if not own_share:
                pairs[(id(piece.by), id(dep.to))] = row


def _another_count(
    told: Quantity | None, counted: Quantity | None, told_on: DateValue | None, on: DateValue | None
) -> bool:
    """Rule a-part-beside-its-own-earlier-row: "terdiri dari ... 400 prajurit TNI" beside
    "TNI telah mengirim 300 prajurit ... pada Maret lalu": a row of the same sender and
    place with another count and another start is another deployment, not the part told
    again."""
    return (
        told is not None and counted is not None and told.value != counted.value and told_on != on
    )


#: How many sentences after a bloc's row a member's counted row is still one of its parts.
_MEMBER_REACH = 2


def members_counted_after_their_bloc(lang: LangResources, deps: list[DepDraft]) -> None:
    """Rule a-member-counted-after-its-bloc: a country's counted row to the place a bloc's
    counted row goes, told in that sentence or the next two with the same status and
    fewer troops, is the bloc's national contingent ("The CSTO sent about 2,500 troops to
    Kazakhstan. Russia sent about 1,700, Belarus 500 and Armenia 100"): ``part_of`` the
    bloc, as the codebook records contingents counted separately."""
    blocs = [
        (d, d.troops.value)
        for d in deps
        if d.part_of is None
        and d.troops is not None
        and d.troops.value is not None
        and not d.left
        and is_collective(lang, d.by)
    ]
    for bloc, total in blocs:
        for row in deps:
            if (
                row is bloc
                or row.part_of is not None
                or row.to is not bloc.to
                or row.status is not bloc.status
                or not is_country(row.by)
                or row.troops is None
                or row.troops.value is None
                or row.troops.value >= total
                or not bloc.sentence <= row.sentence <= bloc.sentence + _MEMBER_REACH
            ):
                continue
            row.part_of = bloc.by
            row.why.append(Step("contingent:a-member-counted-after-its-bloc", *row.evidence[0]))


def parts_follow_their_force(deps: list[DepDraft]) -> None:
    """A part of a force went, and leaves, when the force does."""
    for row in deps:  # a part of a force went, and leaves, when the force does
        went = next((d for d in deps if d.by is row.part_of and d.to is row.to), None)
        if row.part_of is None or went is None:
            continue
        if row.start is None:
            row.start = went.start
        if row.end is None and row.withdrawal is None:
            row.end, row.withdrawal = went.end, went.withdrawal


def a_town_of_the_country(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """Rule a-town-of-the-country: "Germany began the deployment of a brigade in Lithuania,
    with an advance contingent arriving in Vilnius": a row sent to a country whose own
    sentences name one town of that country after a preposition toward it or a verb of
    arriving went there, the most specific place the text names (the codebook's). Two
    towns, or none, leave the country; a town the troops are only "in" ("based in
    Bangui", "the embassy in Colombo") is none."""
    lp = cues(lang)
    text = lay.clean
    for dep in deps:
        if dep.left or not is_country(dep.to) or dep.part_of is not None:
            continue
        towns: dict[int, tuple[Draft, Mention]] = {}
        for start, end in dep.evidence:
            for m, d in ents.mentions_in(start, end, longest=True):
                if (
                    d.type is LOC
                    and d is not dep.to
                    and in_country(d, dep.to)
                    and not is_site(lang, d.names[0])
                    and _sent_toward(text, lp, max(start, m.start - 30), m.start)
                ):
                    towns.setdefault(id(d), (d, m))
        if len(towns) != 1:
            continue
        ((town, m),) = towns.values()
        if (id(dep.by), id(town)) in pairs:
            continue
        move_to(dep, town, pairs)
        dep.why.append(Step("destination:a-town-of-the-country", m.start, m.end))


def _sent_toward(text: str, lp: Cues, start: int, end: int) -> bool:
    """``text[start:end]``, right before a place, ends with a preposition toward it ("to",
    "ke") or a verb of arriving and its preposition ("arriving in", "tiba di")."""
    if lp.toward_before.search(text, start, end):
        return True
    arrived = list(lp.arrivals.finditer(text, start, end))
    if not arrived:
        return False
    return lp.dest_before.fullmatch(text[arrived[-1].end() : end].lstrip()) is not None
