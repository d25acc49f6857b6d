"""How many troops: counts in the sentence, counts told on in later sentences, and counts
shared out per sender or per place."""

from __future__ import annotations

import bisect
import functools
import itertools
import re

from kg.extract.contingents import shares_count
from kg.extract.deployments.rows import DepDraft, names_within, rest_in_order
from kg.extract.entities import LOC, ORG, Draft, Entities
from kg.extract.frames import is_site
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.numbers import Count, find_counts
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step
from kg.facts.model import Quantity


def subjects_split_the_count(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """Rule subjects-split-the-count: "Markas Besar TNI dan Mabes Polri mengerahkan total
    115 ribu personel yang terdiri atas 100 ribu prajurit TNI dan 15 ribu polisi": bodies
    named together as the subject each send their own part, so each is a deployment with
    its count. Only where the parts add up to the count and there is one part per body; a
    part's named owner ("prajurit TNI") decides which body it is, the order the rest."""
    text = lay.clean
    datelined = set(lay.dateline_places)
    verbs, makeup = lang.pattern("deploy_verbs"), lang.pattern("makeup_cues")
    joins = lang.pattern("coordinators").pattern
    troops = lang.pattern("troop_nouns").pattern
    sites = lang.pattern("site_words").pattern  # "dan Mabes Polri": the seat names the body
    joined = re.compile(rf"\s*(?:,\s*)?(?:(?:{joins})\s+)?(?:(?:{sites})\s+)?$", re.IGNORECASE)
    owner_after = re.compile(rf"\s+(?:{troops})\s+", re.IGNORECASE)
    for dep in list(deps):
        if dep.part_of is not None or dep.troops is None or dep.troops.value is None:
            continue
        s = lay.sentences[dep.sentence]
        verb = verbs.search(text, s.start, s.end)
        cue = makeup.search(text, verb.end(), s.end) if verb else None
        if verb is None or cue is None:
            continue
        subjects = [
            (m, d)
            for m, d in ents.mentions_in(s.start, verb.start(), longest=True)
            if m.span not in datelined
        ]
        if len(subjects) < 2 or any(d.type is not ORG for _, d in subjects):
            continue
        lead = text[s.start : subjects[0][0].start]
        for a, b in datelined:  # "MEDANG, Kabar Kota - Markas Besar TNI dan ..."
            if s.start <= a and b <= subjects[0][0].start:
                lead = lead[: a - s.start] + " " * (b - a) + lead[b - s.start :]
        if re.search(r"\w", lead) or text[subjects[-1][0].end : verb.start()].strip():
            continue  # the bodies are the whole subject, right before the verb
        if not all(
            joined.match(text[a.end : b.start]) for (a, _), (b, _) in itertools.pairwise(subjects)
        ):
            continue
        bodies: list[Draft] = []
        for _, d in subjects:
            if all(d is not b for b in bodies):
                bodies.append(d)
        counts = [c for c in find_counts(text, lang, cue.end(), s.end) if c.quantity.value]
        if (
            len(counts) != len(bodies)
            or sum(c.quantity.value or 0 for c in counts) != dep.troops.value
            or any((id(b), id(dep.to)) in pairs for b in bodies if b is not dep.by)
        ):
            continue
        owners: list[Draft | None] = []
        for c in counts:
            after = owner_after.match(text, c.end, s.end)
            at = ents.starting_at(after.end(), s.end) if after else None
            owners.append(at[1] if at is not None else None)
        chosen: list[Draft | None] = [None] * len(counts)
        for i, owner in enumerate(owners):
            match = next((b for b in bodies if owner is not None and names_within(owner, b)), None)
            if match is not None and all(match is not o for o in chosen):
                chosen[i] = match
        order = rest_in_order(chosen, bodies)
        step = Step("sender:subjects-split-the-count", s.start, s.end)
        pairs.pop((id(dep.by), id(dep.to)), None)
        dep.by, dep.troops = order[0], counts[0].quantity
        dep.why.append(step)
        pairs[(id(dep.by), id(dep.to))] = dep
        for body, c in zip(order[1:], counts[1:], strict=True):
            row = DepDraft(body, dep.to, dep.status, c.quantity, dep.start, dep.sentence, dep.para)
            row.evidence = list(dep.evidence)
            row.requested_by = dep.requested_by
            row.why = [*dep.why]
            deps.append(row)
            pairs[(id(body), id(dep.to))] = row


def counts_told_on(lay: Layout, lang: LangResources, ents: Entities, deps: list[DepDraft]) -> None:
    """Rule count-told-on: how many troops a deployment has, said in the sentence after it
    ("Tentara Rusia tiba di Kazakhstan ... Jumlahnya mencapai 2.500 orang", "They number
    about 2,000"), when its own sentences gave no count."""
    text = lay.clean
    cues = lang.pattern("count_cues")
    nouns = phrase_pattern([*lang.words("troop_nouns"), *lang.words("person_nouns")])
    units = lang.pattern("unit_count_nouns")
    starts = [s.start for s in lay.sentences]
    for dep in deps:
        exact = dep.troops is not None and dep.troops.value is not None
        if exact or dep.shared is not None:
            continue  # a count the senders share is split among them, not each one's
        first = bisect.bisect_right(starts, dep.evidence[0][0]) - 1
        last = bisect.bisect_right(starts, dep.evidence[-1][0]) - 1
        # the next sentence, or one merged into the deployment as told again, or the one
        # after the next when it names the destination again ("Jika ditotalkan, terdapat
        # 300 personel yang dikirim ke Papua Barat")
        following = [s for s in lay.sentences[first + 1 : last + 2] if s.kind is Kind.STORY]
        following += [
            s
            for s in lay.sentences[last + 2 : last + 3]
            if s.kind is Kind.STORY
            and any(d is dep.to for _, d in ents.mentions_in(s.start, s.end))
        ]
        for s in following:
            shared = _count_the_units_share(text, lang, ents, s)
            if shared is not None and dep.troops is None:
                # rule count-the-units-share: "Pasukan itu terdiri dari 900 personel Yonif 411
                # dan Yonif 412": the troops' count, which the units do not split
                dep.troops = shared
                dep.evidence.append(s.span)
                dep.why.append(Step("count:the-units-share", *s.span))
                break
            cue = cues.search(text, s.start, s.end)
            if cue is None:
                arrived = _counted_arrival_there(text, lang, ents, dep, s, nouns)
                if arrived is not None and dep.troops is None:
                    # rule counted-arrival-told-on: "Mexico ... sending in special forces
                    # to patrol the town. More than 400 soldiers turned up in Culiacan"
                    dep.troops = arrived
                    dep.evidence.append(s.span)
                    dep.why.append(Step("count:an-arrival-there-told-on", *s.span))
                    break
                continue
            for c in find_counts(text, lang, cue.end(), s.end):
                if units.match(text, c.end + 1):
                    continue  # "dua peleton Brimob itu": units counted, not troops
                if _a_toll(text, lang, c.end):
                    continue  # "Sebanyak 7 prajurit terluka": a toll (a-toll-is-no-strength)
                # "Total personel yang dikerahkan mencapai 1.320.": the troops counted,
                # named before the number that ends the sentence (an exact one beats the
                # vague "ribuan" told first)
                last_word = re.fullmatch(r"[\s.]*", text[c.end : s.end]) is not None
                if (
                    nouns.match(text, c.end + 1)
                    or nouns.match(text, c.end)
                    or (last_word and nouns.search(text, s.start, c.start))
                ) and (dep.troops is None or c.quantity.value is not None):
                    dep.troops = c.quantity
                    dep.evidence.append(s.span)
                    dep.why.append(Step("count:told-on-in-the-next-sentence", *s.span))
                    break


def _counted_arrival_there(
    text: str,
    lang: LangResources,
    ents: Entities,
    dep: DepDraft,
    s: Sentence,
    nouns: re.Pattern[str],
) -> Quantity | None:
    """The count of troops that sentence ``s`` opens with and says arrived in the place the
    deployment went to ("More than 400 soldiers turned up in Culiacan"), naming no sender."""
    counts = find_counts(text, lang, s.start, min(s.end, s.start + 30))
    if not counts or counts[0].quantity.value is None:
        return None
    c = counts[0]
    noun = nouns.match(text, c.end + 1)
    arrival = lang.pattern("arrival_verbs").match(text, noun.end() + 1) if noun else None
    if noun is None or arrival is None:
        return None
    named = ents.mentions_in(s.start, s.end, longest=True)
    if any(d.type is ORG for m, d in named if m.start < arrival.start()):
        return None  # a force of its own
    there = next((d for m, d in named if m.start >= arrival.end()), None)
    # "About 400 officers landed at Toussaint Louverture International Airport": a site
    # where they came, no other place named, is in the place the deployment went to
    sited = there is not None and there.type is LOC and is_site(lang, there.names[0])
    return c.quantity if there is dep.to or sited else None


@functools.cache
def _troop_noun_after(lang: LangResources) -> re.Pattern[str]:
    """A troop noun between spaces, right after a count ("900 personel Yonif 411")."""
    return re.compile(rf"\s+(?:{lang.pattern('troop_nouns').pattern})\s+", re.IGNORECASE)


def _count_the_units_share(
    text: str, lang: LangResources, ents: Entities, s: Sentence
) -> Quantity | None:
    """The count of troops after a composition cue that the listed units after it share
    ("terdiri dari 900 personel Yonif 411 dan Yonif 412"), or None."""
    cue = lang.pattern("composition_cues").search(text, s.start, s.end)
    if cue is None:
        return None
    noun_after = _troop_noun_after(lang)
    for c in find_counts(text, lang, cue.end(), s.end):
        noun = noun_after.match(text, c.end)
        at = ents.starting_at(noun.end(), s.end) if noun is not None else None
        if (
            at is not None
            and at[1].type is ORG
            and shares_count(text, lang, ents, at[0].end, s.end)
        ):
            return c.quantity
        return None
    return None


def counts_per_sender(
    lay: Layout, lang: LangResources, ents: Entities, deps: list[DepDraft]
) -> None:
    """Rule count-per-sender: "Sebanyak 6.000 personel dari TNI dan Polri dikerahkan ...
    dari 6.000 personel itu 4.000 personel di antaranya kepolisian dan 2.000 lainnya
    merupakan anggota TNI": the count the senders shared, split in that sentence or the
    two after it into one count per sender that add up to it. A count is the sender's that
    is named after it, before the next count; the others go to the rest in order."""
    text = lay.clean
    groups: dict[tuple[int, int], list[DepDraft]] = {}
    for dep in deps:
        if dep.shared is not None and dep.shared.value and dep.troops is None:
            groups.setdefault((dep.sentence, id(dep.to)), []).append(dep)
    starts = [s.start for s in lay.sentences]
    for (index, _), group in groups.items():
        total = group[0].shared.value if group[0].shared else None
        if len(group) < 2 or total is None:
            continue
        last = max(bisect.bisect_right(starts, e[0]) - 1 for g in group for e in g.evidence)
        for s in lay.sentences[index : last + 3]:
            counts = [
                c
                for c in find_counts(text, lang, s.start, s.end)
                if c.quantity.value and c.quantity.value != total
            ]
            if len(counts) != len(group) or sum(c.quantity.value or 0 for c in counts) != total:
                continue
            chosen: list[DepDraft | None] = []
            for i, c in enumerate(counts):
                stop = counts[i + 1].start if i + 1 < len(counts) else s.end
                named = {id(d) for _, d in ents.mentions_in(c.end, stop)}
                owner = next(
                    (g for g in group if id(g.by) in named and all(g is not o for o in chosen)),
                    None,
                )
                chosen.append(owner)
            for c, dep in zip(counts, rest_in_order(chosen, group), strict=True):
                dep.troops = c.quantity
                dep.evidence.append(s.span)
                dep.why.append(Step("count:per-sender", *s.span))
            break


def counts_per_place(lay: Layout, lang: LangResources, deps: list[DepDraft]) -> None:
    """Rule count-per-place: a force sent to several places at once ("dikerahkan di DKI
    Jakarta, Jawa Barat, Jawa Tengah, hingga Jawa Timur") is one deployment a place; a later
    sentence that names one of those places with a count of troops right after the name
    ("Di Jawa Tengah sebanyak 4.319 personel", "Polda Jawa Timur sebanyak 3.360 personel",
    "In Surabaya, 1,000 police") gives that deployment's count, when it has none."""
    text = lay.clean
    nouns = phrase_pattern([*lang.words("troop_nouns"), *lang.words("person_nouns")])
    joins = lang.pattern("coordinators")
    listed: dict[tuple[int, int], list[DepDraft]] = {}
    for dep in deps:
        if dep.part_of is None and not dep.left:
            listed.setdefault((id(dep.by), dep.sentence), []).append(dep)
    for siblings in listed.values():
        if len({id(d.to) for d in siblings}) < 2:
            continue
        names = {
            id(d.to): re.compile(
                r"(?<!\w)(?:" + "|".join(re.escape(n) for n in d.to.names) + r")(?!\w)",
                re.IGNORECASE,
            )
            for d in siblings
        }
        first = siblings[0].sentence
        for dep in siblings:
            if dep.troops is not None:
                continue
            for s in lay.sentences[first + 1 : first + 8]:
                if s.kind is not Kind.STORY:
                    continue
                found = _count_before_name(text, lang, s, names[id(dep.to)], nouns)
                found = found or _count_after_name(text, lang, s, names[id(dep.to)], nouns)
                if found is None:
                    continue
                name_end, count = found
                between = text[min(name_end, count.start) : max(name_end, count.start)]
                if any(p.search(between) for k, p in names.items() if k != id(dep.to)):
                    continue
                if joins.search(between):
                    continue  # "4 SST di Tual dan 2 SST di Ambon": the next place's count
                dep.troops = count.quantity
                dep.evidence.append(s.span)
                dep.why.append(Step("count:per-place-in-a-later-sentence", *s.span))
                # "Sementara untuk wilayah Polda Jawa Barat, ada 1.019 personel gabungan
                # yang diterjunkan": that sentence told of these troops, not of others
                # sent by the province's force or by the man who speaks
                told = lay.sentences.index(s)
                deps[:] = [
                    d
                    for d in deps
                    if d is dep
                    or not (
                        d.sentence == told
                        and d.troops is not None
                        and d.troops.value == count.quantity.value
                    )
                ]
                break


def _count_before_name(
    text: str, lang: LangResources, s: Sentence, name: re.Pattern[str], nouns: re.Pattern[str]
) -> tuple[int, Count] | None:
    """A count of troops right before a place preposition and ``name`` in sentence ``s``
    ("400 personel di Tual", "200 personel ke Polda Jawa Barat"), with where the name
    starts; or None."""
    preps = phrase_pattern([*lang.words("presence_preps"), *lang.words("destination_preps")])
    units = lang.pattern("unit_count_nouns")
    for m in name.finditer(text, s.start, s.end):
        for c in find_counts(text, lang, max(s.start, m.start() - 40), m.start()):
            # "400 personel di Tual", "200 personel ke Polda Jawa Barat"
            tail = re.fullmatch(
                rf"\s+(?:{nouns.pattern})\s+(?:[A-Z][\w-]*\s+)?(?:{preps.pattern})\s+"
                rf"(?:[A-Z][\w-]*\s+)?",
                text[c.end : m.start()],
                re.IGNORECASE,
            )
            if tail is not None and not units.match(text, c.end + 1):
                return m.start(), c  # not "4 SST di Tual": units counted, not troops
    return None


def _count_after_name(
    text: str, lang: LangResources, s: Sentence, name: re.Pattern[str], nouns: re.Pattern[str]
) -> tuple[int, Count] | None:
    """The first count of troops at most six words after ``name`` in sentence ``s``, and
    where the name ends."""
    for m in name.finditer(text, s.start, s.end):
        for c in find_counts(text, lang, m.end(), min(s.end, m.end() + 80)):
            if len(text[m.end() : c.start].split()) > 6:
                break
            if nouns.match(text, c.end + 1) or nouns.match(text, c.end):
                return m.end(), c
    return None


def strength_pattern(lang: LangResources) -> re.Pattern[str]:
    """A number joined by a hyphen to a strength word: "a 1,000-strong force", not "the
    16-member bloc" (its members are states)."""
    words = "|".join(re.escape(w) for w in lang.words("strength_words")) or "(?!x)x"
    members = lang.pattern("member_bodies").pattern or "(?!x)x"
    return re.compile(rf"(?<=\d)-(?:{words})\s+(?!(?:{members})(?!\w))\w+", re.IGNORECASE)


def reinforcement(text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str]) -> bool:
    """Whether ``s`` counts troops or units as a new wave ("20 additional CAPF companies",
    "an additional 50 companies", "500 personel tambahan")."""
    cues = {w.lower() for w in lang.words("reinforcement_cues")}
    units = lang.pattern("unit_count_nouns")
    for c in find_counts(text, lang, s.start, s.end):
        after = text[c.end : min(s.end, c.end + 50)]
        noun = troops_p.search(after) or units.search(after)
        if noun is None or len(after[: noun.start()].split()) > 2:
            continue
        near = [
            *text[max(s.start, c.start - 20) : c.start].split()[-2:],
            *after[: noun.start()].split(),
            *after[noun.end() :].split()[:1],
        ]
        if any(w.strip(",.;:()").lower() in cues for w in near):
            return True
    return False


def count_cut_from(
    text: str, lang: LangResources, s: Sentence, withdraw: re.Pattern[str]
) -> Quantity | None:
    """The strength a cut starts from: the first count of "dari 2.500 menjadi 2.000",
    "from 3,000 to 1,500" after a verb of withdrawing or cutting."""
    verb = withdraw.search(text, s.start, s.end)
    if verb is None:
        return None
    counts = find_counts(text, lang, verb.end(), s.end)
    froms, tos = lang.pattern("range_from"), lang.pattern("range_to")
    for first, second in itertools.pairwise(counts):
        before = text[max(verb.end(), first.start - 12) : first.start]
        between = text[first.end : second.start]
        if (
            re.search(rf"(?:{froms.pattern})\s+$", before, re.IGNORECASE)
            and tos.fullmatch(between.strip())
            and first.quantity.value is not None
        ):
            return first.quantity
    return None


# a count that ends its phrase: "diterjunkan sebanyak 430, BKO ..."
_BARE_COUNT_END = re.compile(r"\s*(?:[,;)]|\.(?!\d))")


def _units_of_a_named_force(after: str, units: re.Pattern[str]) -> bool:
    """The count is of units of a force named between ("50 additional Central Armed Police
    Forces (CAPF) companies"): up to two lower-case words, the force's name and acronym,
    then a unit noun."""
    m = re.match(r"\s+(?:[a-z]+\s+){0,2}(?:[A-Z][\w'’-]*\s+){1,6}(?:\([A-Z][\w-]*\)\s+)?", after)
    return m is not None and units.match(after, m.end()) is not None


def _a_toll(text: str, lang: LangResources, at: int) -> bool:
    """Rule a-toll-is-no-strength: "At least 40 soldiers were killed", "12 personel
    Brimob luka-luka": troops counted as dead or hurt, right after their noun, are a toll,
    not how many were sent."""
    toll = phrase_pattern([*lang.words("death_verbs"), *lang.words("injury_words")]).pattern
    return re.match(rf"[\s,]*(?:[\w-]+\s+){{0,2}}(?:{toll})", text[at : at + 40], re.I) is not None


def owned_count(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str], owner: int
) -> tuple[Quantity, int] | None:
    """The count of the troops whose owner's name starts at ``owner``, right before their
    noun ("300 personel Brimob"), and where it starts; None if none is so written."""
    for c in find_counts(text, lang, s.start, owner):
        noun = troops_p.match(text, c.end + 1, owner)
        if (
            c.quantity.value
            and text[c.end : c.end + 1].isspace()
            and noun is not None
            and not text[noun.end() : owner].strip()
        ):
            return c.quantity, c.start
    return None


def troop_count(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str]
) -> Quantity | None:
    units = lang.pattern("unit_count_nouns")
    strength = strength_pattern(lang)
    spans_time = re.compile(rf"[\s-]+(?:{lang.pattern('time_units').pattern})(?![\w-])", re.I)
    vague: Quantity | None = None  # "Ratusan personel, tepatnya 465 personel": the exact one
    for c in find_counts(text, lang, s.start, s.end):
        if c.quantity.value == 1:
            # rule one-is-a-person-not-a-force: "seorang pejabat AS mengatakan pasukan
            # ...", "one soldier said the troops ...": a count of one tells who spoke or
            # what befell one, never a deployment's strength
            continue
        if strength.match(text, c.end):
            return c.quantity  # rule the-strength-of-a-force: "a 1,000-strong force"
        after = text[c.end : c.end + 40]
        if spans_time.match(after):
            continue  # rule a-duration-is-no-count: "hampir 20 tahun pengerahan pasukan"
        unit = units.search(after)
        # searched in the text, so that a pattern may look back at the count
        found = troops_p.search(text, c.end, c.end + 40)
        at = found.start() - c.end if found is not None else None
        if (
            unit is not None
            and len(after[: unit.start()].split()) <= 2
            and (at is None or at >= unit.start())
        ):
            # "2 SSK", "two battalions", "50 CAPF companies": units counted, not troops;
            # "400 personel dari Batalyon ...": troops of a unit
            continue
        if _units_of_a_named_force(text[c.end : c.end + 90], units):
            continue  # "50 additional Central Armed Police Forces (CAPF) companies"
        between = after[:at].split() if at is not None else []
        if (
            at is not None
            # "100 Papua New Guinea security personnel": a name may stand between too
            and (
                len(between) <= 2
                or (len(between) <= 6 and sum(not w[:1].isupper() for w in between) <= 2)
            )
            # "Setelah berlayar 10 hari, 450 prajurit": another count comes between; nor
            # past the sentence ("the killing of 200 people. These units ...")
            and not re.search(r"[\d,;:]|[a-z]{2}\.\s", after[:at])
            and not _a_toll(text, lang, found.end() if found is not None else c.end)
        ):
            if c.quantity.value is not None:
                return c.quantity
            vague = vague or c.quantity
    if vague is not None:
        return vague
    people, cues = lang.pattern("person_nouns"), lang.pattern("count_cues")
    for c in find_counts(text, lang, s.start, s.end):
        # rule troops-counted-as-people: "personil TNI akan diterjunkan sebanyak 5.445
        # orang": a count of people, after a count cue and the troops of the clause; or a
        # count with no noun ("Personel Polres diterjunkan sebanyak 430, BKO ...")
        if (
            (people.match(text, c.end + 1) or _BARE_COUNT_END.match(text, c.end))
            and cues.search(text, max(s.start, c.start - 20), c.start)
            and troops_p.search(text, s.start, c.start)
        ):
            return c.quantity
    return None
