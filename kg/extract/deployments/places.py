"""Where the troops went: the rules that find a deployment's destination in its sentence or
the story around it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.deployments.clause import Clause
from kg.extract.deployments.cues import Cues
from kg.extract.deployments.rows import DepDraft, is_country, names_within
from kg.extract.entities import LOC, ORG, Draft, Entities, Mention
from kg.extract.frames import (
    area_of_body,
    coordinated_places,
    inner_place,
    is_site,
    region_describes,
    settlement_for_site,
    topic_place,
)
from kg.extract.lang import LangResources
from kg.extract.story import capital_of_country, country_of, in_country, nationwide_in, word_before
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step
from kg.facts.model import Protest


def town_named_after(
    text: str,
    preps: list[str],
    speech: re.Pattern[str],
    s: Sentence,
    mention: Mention,
    country: Draft,
    mentions: list[tuple[Mention, Draft]],
) -> tuple[Mention, Draft] | None:
    """A town of ``country`` that the rest of the sentence names after a preposition of
    place, the most specific place of the deployment; not where somebody spoke."""
    if country.entry is None or country.entry.kind != "country":
        return None
    for m, d in mentions:
        if m.start <= mention.end or not in_country(d, country):
            continue
        words = re.findall(r"[\w']+", text[max(s.start, m.start - 12) : m.start].lower())
        if words and words[-1] in preps and not speech.match(text, m.end, min(s.end, m.end + 30)):
            return m, d
    return None


def direction_region(
    lay: Layout, lang: LangResources, mention: Mention, ents: Entities
) -> Draft | None:
    """The region a direction before a country or an unknown place names ("deployed in
    eastern DRC", "to eastern Congo"), in
    languages that put the direction first (the others name it as one entity: "Rusia
    timur")."""
    if lang.head_first or (
        mention.entry is not None and mention.entry.kind not in ("country", "region")
    ):
        return None  # a known town has no direction region; a province or an unknown place may
    if mention.entry is None and mention.type is not LOC:
        return None
    before = lay.clean[max(0, mention.start - 40) : mention.start]
    parts = lang.pattern("region_nouns").pattern
    word = re.search(
        rf"(?<![\w-])([A-Za-z-]+)[ \t]+(?:(?:{parts})[ \t]+)?$", before
    )  # "eastern DRC", "the eastern region of the Democratic Republic of Congo"
    if word is None or word.group(1).lower() not in lang.table("direction_words"):
        return None
    start = mention.start - len(word.group())
    country = mention.entry.key if mention.entry is not None else mention.text
    key = (lang.table("direction_words")[word.group(1).lower()], country)
    return ents.region(start, mention.end, lay.body[start : mention.end], key)


def country_described(
    text: str, lang: LangResources, ents: Entities, mention: Mention, place: Draft
) -> Draft | None:
    """The country the text named last before ``mention`` when ``mention`` names a region
    followed by a word for a country ("the Sahel nation": no region is a nation), or None."""
    entry = place.entry
    if entry is None or entry.kind != "region":
        return None
    nouns = lang.pattern("country_nouns_after")
    if not re.match(rf"\s+(?:{nouns.pattern})", text[mention.end : mention.end + 20], nouns.flags):
        return None
    named = [d for _, d in ents.mentions_in(0, mention.start) if is_country(d)]
    return named[-1] if named else None


def left_place(
    text: str,
    source_preps: re.Pattern[str],
    mentions: list[tuple[Mention, Draft]],
    verb: re.Match[str],
    leave_objects: re.Pattern[str],
    owners: re.Pattern[str] | None = None,
    stationed: re.Pattern[str] | None = None,
    relative: re.Pattern[str] | None = None,
    troops_before: re.Pattern[str] | None = None,
    joins: re.Pattern[str] | None = None,
    mission_in: re.Pattern[str] | None = None,
) -> Draft | None:
    """The place troops leave: the first place after the withdrawal verb that "dari"/"from"
    introduces ("menarik pasukan penjaga perdamaiannya dari wilayah X"), where the troops
    withdrawn are ("menarik dua pertiga pasukannya di sekitar Kota Kharkiv"), or right
    after a verb whose object is the place left ("leaving Syria", "meninggalkan Mali")."""
    for mention, draft in mentions:
        if mention.start < verb.end() or draft.type is not LOC:
            continue
        before = text[verb.end() : mention.start]
        prep = list(source_preps.finditer(before))
        # "menarik seluruh pasukannya yang berjumlah sekitar 1.000 orang dari Irak": a
        # clause about the troops may stand between
        room = 11 if relative is not None and relative.search(before) else 6
        if (
            joins is not None
            and (joined := joins.search(before)) is not None
            and re.search(r"\d", before[joined.end() :])
            and not re.search(r"[,.;]", before)
        ):
            room = 11  # "menarik 900 personel militer dan 12 pesawat tempur dari Mauritania"
        if (
            prep
            and troops_before is not None
            and troops_before.search(before, 0, prep[-1].start()) is not None
        ):
            # rule the-troops-end-the-object-left-from: "withdrawn the rest of its 300
            # soldiers from Gambia": the troops end the verb's object, however it opens
            room = max(room, 11)
        if prep and len(before[prep[-1].end() :].split()) <= 1 and len(before.split()) <= room:
            return draft
        if prep and mission_in is not None and mission_in.fullmatch(before, prep[-1].end()):
            # rule the-place-of-the-mission-left: "will withdraw its 220 soldiers from the
            # UN mission in Mali", "menarik pasukannya dari misi PBB di Mali"
            return draft
        if (
            stationed is not None
            and stationed.search(before)
            and len(before.split()) <= max(8, room)
        ):
            return draft
        if not before.strip() and leave_objects.fullmatch(verb.group()):
            return draft  # "began leaving Syria", "meninggalkan Mali": the place left
        if owners is not None and owners.match(text, mention.end):
            continue  # "the withdrawal of US troops from Niger": whose troops
        if troops_before is not None and troops_before.search(before) and len(before.split()) <= 2:
            continue  # "Penarikan pasukan Amerika Serikat dari Afghanistan": whose troops
        return None
    return None


def mission_left(
    text: str,
    lp: Cues,
    mentions: list[tuple[Mention, Draft]],
    leaving: re.Match[str],
    left: Mention | None,
) -> Draft | None:
    """The body whose mission the troops leave ("withdraw its soldiers from the African
    Union force in Somalia": the African Union), when the place left is the mission's."""
    if left is None:
        return None
    preps = list(lp.source_preps.finditer(text, leaving.end(), left.start))
    if not preps or not lp.mission_in.fullmatch(text, preps[-1].end(), left.start):
        return None
    return next(
        (d for m, d in mentions if preps[-1].end() <= m.start < left.start and d.type is ORG),
        None,
    )


def place_of_the_sentence(
    text: str,
    lang: LangResources,
    ents: Entities,
    s: Sentence,
    by: Draft,
    place_preps: set[str],
    not_dest: re.Pattern[str],
    background: re.Pattern[str] | None = None,
) -> tuple[Mention, Draft] | None:
    """The one town or region that sentence ``s`` names after a preposition of place
    ("di Jakarta", "in Belgrade"), when the sender is a body or a state; None when it names
    none or several. A site ("di Lapangan Prima") or a place after words that make it none
    ("apel gelar pasukan di Cikeas") is where a ceremony sends them off."""
    if not (by.type is ORG or is_country(by)):
        return None
    found = [
        (m, d)
        for m, d in ents.mentions_in(s.start, s.end, longest=True)
        if d.type is LOC
        and d is not by
        and not is_country(d)
        and not is_site(lang, m.text)
        and word_before(text, s, m).lower() in place_preps
        and not not_dest.search(text[max(s.start, m.start - 30) : m.start].lower())
        # "after violence erupted in Jiribam district": the place of the event before
        and not (background and background.search(text, max(s.start, m.start - 40), m.start))
    ]
    if len({id(d) for _, d in found}) != 1:
        return None
    return found[0]


def place_struck(
    text: str, lang: LangResources, ents: Entities, s: Sentence, by: Draft, after: int
) -> tuple[Mention, Draft] | None:
    """The place named right after a verb of a disaster striking it ("gempa yang melanda
    Myanmar", "the earthquake that struck Turkey") after the verb of sending, not the
    sender; None when there is none."""
    for hit in lang.pattern("struck_verbs").finditer(text, after, s.end):
        at = hit.end()
        while at < s.end and text[at].isspace():
            at += 1
        found = ents.starting_at(at, s.end)
        if found is not None and found[1].type is LOC and found[1] is not by:
            return found
    return None


def place_of_the_story(lang: LangResources, ents: Entities, by: Draft) -> Draft | None:
    """The place the story names more often than any other (headline and story text), and
    at least twice, not a site, the sender nor a place its name holds; a place below a
    country counts one more."""
    counts: dict[int, int] = {}
    drafts: dict[int, Draft] = {}
    for d in ents.drafts:
        if d.type is not LOC or d is by or names_within(d, by) or is_site(lang, d.names[0]):
            continue
        n = sum(1 for m in d.mentions if m.kind is not Kind.CAPTION)
        if n > 1:
            counts[id(d)] = n + (0 if is_country(d) else 1)
            drafts[id(d)] = d
    if not counts:
        return None
    ranked = sorted(counts, key=lambda k: -counts[k])
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return drafts[ranked[0]]


def place_told_before(
    lay: Layout, ents: Entities, index: int, protests: list[Protest]
) -> Draft | None:
    """The place "ke lokasi" points back to: the last protest's told before sentence
    ``index``, else the first place below a country named in the nearer of the two story
    sentences before that names one."""
    start = lay.sentences[index].start
    datelined = set(lay.dateline_places)
    told = [p.location for p in protests if p.evidence and p.evidence[0].start < start]
    if told and told[-1] is not None:
        return ents.by_id(told[-1])
    for j in range(index - 1, max(-1, index - 3), -1):
        prev = lay.sentences[j]
        if prev.kind is not Kind.STORY:
            continue
        # the first of an address ("di Pulau Seram, Maluku") is the most specific place;
        # the dateline's town ("JAKARTA - Gempa ... mengguncang Kabupaten Cianjur") is where
        # the story was written, not the place told
        for m, draft in ents.mentions_in(prev.start, prev.end, longest=True):
            if draft.type is LOC and not is_country(draft) and m.span not in datelined:
                return draft
    return None


def topic_country(lay: Layout, lp: Cues, ents: Entities, index: int, sender: Draft) -> Draft | None:
    """The country the story was last about before sentence ``index`` ("in the country").

    The last country, or capital standing for its country, named in the three story
    sentences before; the sender is never its own destination this way, and a country
    that only says whose an office is ("Botswana's Defence Minister") is not a topic.
    """
    title_starts = {t.start for t in ents.titles}
    for j in range(index - 1, max(-1, index - 4), -1):
        prev = lay.sentences[j]
        if prev.kind is not Kind.STORY:
            continue
        for mention, draft in reversed(ents.mentions_in(prev.start, prev.end, longest=True)):
            if mention.cue == "demonym":
                continue  # "Russian trainers": whose people, not what the story is about
            gap = lp.owner_end.match(lay.clean[mention.end : mention.end + 4])
            if gap is not None and mention.end + gap.end() in title_starts:
                continue
            country = country_of(draft, ents)
            entry = country.entry
            if entry is not None and entry.kind == "country" and country is not sender:
                return country
    return None


def host_before(
    text: str, mentions: list[tuple[Mention, Draft]], at: int
) -> tuple[Mention, Draft] | None:
    """The place or body right before a verb at ``at``, at most two words between ("Polres
    Sigi kembali menerima")."""
    for mention, draft in reversed(mentions):
        if mention.end > at:
            continue
        gap = text[mention.end : at]
        if draft.type in (LOC, ORG) and len(gap.split()) <= 2 and not re.search(r"[,;]", gap):
            return mention, draft
        return None
    return None


def mission_country(
    text: str,
    lang: LangResources,
    ents: Entities,
    mentions: list[tuple[Mention, Draft]],
    verb: re.Match[str],
    s: Sentence,
    dest_preps: list[str],
) -> tuple[Draft, Draft] | None:
    """The country a mission's name places it in, and the mission, when the troops are sent
    to the mission ("to the United Nations Mission in South Sudan"); None otherwise."""
    preps = lang.pattern("place_preps").pattern
    the = rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?"
    where = re.compile(rf"\s(?i:{preps})\s+{the}([A-Z][^()]*?)\s*(?:\(|$)")
    toward = re.compile(rf"(?<![\w-])(?i:{'|'.join(map(re.escape, dest_preps))})\s+{the}$")
    for mention, draft in mentions:
        if mention.start < verb.end() or draft.type is not ORG:
            continue
        if not toward.search(text, max(s.start, mention.start - 20), mention.start):
            continue
        name = text[mention.start : mention.end]
        place = where.search(name)
        entry = ents.authority.lookup(place.group(1)) if place and ents.authority else None
        if place is None or entry is None or entry.kind != "country":
            continue
        start = mention.start + place.start(1)
        return ents.country(entry, start, start + len(place.group(1))), draft
    return None


def served_country(lang: LangResources, ents: Entities, mission: Draft) -> Draft | None:
    """Rule a-mission-s-country: the country a mission serves in, by the authority file
    ("MINUSMA": Mali) or by its name ("the U.N. Mission in Liberia": Liberia), when the
    article names that country; else None."""
    if mission.type is not ORG:
        return None
    if mission.entry is not None and mission.entry.country:
        return ents.by_key(mission.entry.country)
    where = _mission_s_place(lang)
    for name in mission.names:
        place = where.search(name)
        entry = ents.authority.lookup(place.group(1)) if place and ents.authority else None
        if entry is not None and entry.kind == "country":
            return ents.by_key(entry.key)
    return None


@functools.cache
def _mission_s_place(lang: LangResources) -> re.Pattern[str]:
    """A mission's head word, up to four words, a preposition of place and the place a
    mission's name ends with ("Mission in Liberia", "Misi Stabilisasi PBB di Mali"); once
    per language (it is asked of every body before a verb)."""
    preps = lang.pattern("place_preps").pattern
    the = rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?"
    heads = lang.pattern("mission_nouns").pattern if lang.words("mission_nouns") else "(?!x)x"
    return re.compile(
        rf"(?<![\w-])(?i:{heads})(?:\s+\S+){{0,4}}?\s+(?i:{preps})\s+{the}([A-Z][^()]*?)\s*$"
    )


def locates_another(
    text: str, lp: Cues, mention: Mention, mentions: list[tuple[Mention, Draft]]
) -> bool:
    """Rule a-place-that-locates-another: "surrounded the city of Soyapango, on the
    outskirts of the capital San Salvador": a place after a comma and a word of where
    (locating_links) only tells where the place before the comma is; it is no
    destination."""
    link = lp.locating.search(text, max(0, mention.start - 50), mention.start)
    if link is None or not re.fullmatch(r"(?:\s+[a-z]+){0,2}\s+", text[link.end() : mention.start]):
        return False
    comma = re.search(r",\s*$", text[max(0, link.start() - 3) : link.start()])
    return comma is not None and any(
        d.type is LOC and 0 <= link.start() - m.end <= 3 for m, d in mentions
    )


@functools.cache
def _departure_bound(lang: LangResources) -> re.Pattern[str]:
    """A departure preposition, and "the", right before a place ("... for the")."""
    preps = lang.pattern("departure_preps").pattern or "(?!x)x"
    the = lang.pattern("definite_before").pattern or "(?!x)x"
    return re.compile(rf"(?<![\w-])(?:{preps})\s+(?:(?:{the})\s+)?$", re.IGNORECASE)


def departed_for(
    text: str, lang: LangResources, ents: Entities, verb: re.Match[str], s: Sentence
) -> tuple[Mention, Draft] | None:
    """The place a verb of leaving sets off for in its clause ("left Kathmandu on Sunday for
    Juba", "have left for the Central African Republic"), or None."""
    bound = _departure_bound(lang)
    for m, d in ents.mentions_in(verb.end(), s.end, longest=True):
        gap = text[verb.end() : m.start]
        if re.search(r"[,;:]", gap) or len(gap.split()) > 8:
            return None
        if d.type is LOC and bound.search(text, verb.start(), m.start):  # also "left for"
            return m, d
    return None


@dataclass
class Destination:
    """Where a clause sends its troops, and what the sender rules read of it."""

    to: Draft | None
    to_end: int | None  # where the destination's name ends, after the verb
    also: list[Draft]  # further destinations listed with it
    mission: Draft | None  # the mission whose country it is
    received: bool  # the verb receives troops ("menerima 200 personel BKO")
    capital: re.Match[str] | None  # "the capital" said after the verb
    topic: tuple[Mention, Draft] | None  # the place the sentence opens with


def clause_destination(
    c: Clause,
    *,
    troop: re.Match[str] | None,
    in_request: Callable[[int], bool],
    deps: list[DepDraft],
    protests: list[Protest] | None,
    dateline: Draft | None,
    home: Draft | None,
) -> Destination | None:
    """Where the troops of the clause of ``verb`` go (or, for ``leaving``, the place they
    leave), the rules that chose it added to ``why``; None when the clause sends no troops
    after all (a demand to leave, a withdrawal said not to be, a place left that is not
    named)."""
    lay, lang, lp, ents, s, index, verb, leaving, mentions, why = c.unpack()
    text = lay.clean
    # destination
    to: Draft | None = None
    to_end: int | None = None  # where the destination's name ends, after the verb
    also: list[Draft] = []  # further destinations listed with it
    left_mission: Draft | None = None  # the body whose mission they leave
    if leaving is not None:
        if lp.asked_to_leave.search(text, s.start, leaving.start()):
            return None  # rule a-demand-to-leave: "Serbia was requested to withdraw"
        if troop is None and lp.no_withdrawal.search(
            text, max(s.start, leaving.start() - 30), leaving.start()
        ):
            # rule a-withdrawal-said-not-to-be: "This is not an American withdrawal
            # from Europe" (troops counted that stay, "tak akan menarik 7.000
            # anggotanya dari Papua", are there)
            return None
        to = left_place(
            text,
            lp.source_preps,
            mentions,
            leaving,
            lp.leave_verbs,
            lp.troops_owned,
            lp.stationed_at,
            lp.relative_before,
            lp.troops_before,
            lp.joins,
            lp.mission_in,
        )
        if to is None and lp.left_back.match(text, leaving.end(), s.end):
            # rule the-country-left-told-before: "Amid political chaos in
            # Afghanistan, the US has started pulling out troops of the restive
            # country": a country the sentence names before, not its subject
            countries_before = [
                (m, d)
                for m, d in mentions
                if m.end <= leaving.start() and d.entry is not None and d.entry.kind == "country"
            ]
            to = (
                countries_before[0][1]
                if len(countries_before) > 1
                else (deps[-1].to if deps else None)
            )
        if to is None:
            # rule a-mission-s-country, for a withdrawal: "The MINUSMA mission ... will
            # withdraw its troops by December 31": it leaves the country it serves in
            to = next(
                (
                    served
                    for _, d in ents.mentions_in(lay.sentences[index].start, leaving.start())
                    if (served := served_country(lang, ents, d)) is not None
                ),
                None,
            )
        if to is None:
            return None
        why.append(Step("destination:the-place-troops-leave", s.start, s.end))
        left = next((m for m, d in mentions if d is to and m.start > leaving.end()), None)
        left_mission = mission_left(text, lp, mentions, leaving, left)
        if left is not None and is_site(lang, left.text):
            # rule a-site-left-is-in-its-town: "withdrawing from Air Base 201 in
            # Agadez": the town the base is in
            site_town = settlement_for_site(text, lang, left, to, mentions)
            if site_town is not to:
                to = site_town
                why.append(Step("destination:site-is-no-destination", *left.span))
        described = country_described(text, lang, ents, left, to) if left else None
        if described is not None:
            # rule a-country-described-by-its-region: "a final withdrawal from the
            # Sahel nation", after "a military base in northeastern Niger": Niger
            to, left = described, None
            why.append(Step("destination:a-country-described-by-its-region", s.start, s.end))
        if left is not None:
            # "pulled its forces out of Mali, Burkina Faso and Niger": each place left
            also = coordinated_places(text, lang, left, mentions)
    told_back = lp.anaphora.search(text, verb.end(), s.end)
    left_from: set[int] = set()  # where the places start that troops sail from
    if told_back is not None and told_back.group().split()[0].lower() not in lp.toward:
        told_back = None  # only "to the state", "ke negara itu": where they were sent
    if told_back is not None and lp.of_after.match(text, told_back.end()):
        told_back = None  # "to the state of Jalisco" names the state
    gone_to = (
        departed_for(text, lang, ents, verb, s)
        if leaving is None
        and (lp.withdraw.fullmatch(verb.group()) or lp.departed.search(verb.group()))
        else None
    )
    if gone_to is not None:
        # rule a-departure-for-a-place (see triggers): the place they set off for
        to, to_end = gone_to[1], gone_to[0].end
        why.append(Step("destination:a-departure-for-a-place", *gone_to[0].span))
    for mention, draft in mentions if leaving is None and to is None else ():
        if told_back is not None and told_back.end() <= mention.start:
            # "rushed 20 companies to the state after violence in Jiribam": the
            # place pointed back to comes first (rule destination:anaphora below)
            break
        if (
            mention.start < verb.start()
            or draft.type is not LOC
            or in_request(mention.start)
            # ", yang merupakan ... di Afrika": a clause about the last name
            or lp.relative_open.search(text, verb.end(), mention.start)
            # "in southern Africa's oldest one-party state": a description, no place
            or region_describes(text, lang, mention, draft)
            # "daerah kantong etnis Armenia di Azerbaijan": a people, no place
            or lp.ethnic_before.search(text, max(s.start, mention.start - 20), mention.start)
            # "in four cities of Punjab including Lahore": the towns, not what holds them
            or (
                lp.towns_of.search(text, max(s.start, mention.start - 30), mention.start)
                and lp.including_next.match(text, mention.end)
            )
            or locates_another(text, lp, mention, mentions)
            # rule a-place-of-the-background: "... di tengah ancaman invasi Rusia di
            # Ukraina", "following the clashes in Jiribam": the place of another event
            or (
                verb.end() < mention.start
                and lp.background.search(text, verb.end(), mention.start) is not None
            )
        ):
            continue
        # "in the eastern region of the DRC": the region's words stand between
        at = mention.start
        region_words = lp.region_before.search(text, max(s.start, at - 40), at)
        if region_words is not None:
            at = region_words.start()
        # "to the border town of Agadez": a place noun may stand between
        # ("plans to send US troops to Israel": a preposition before the verb is none of
        # a place after it)
        floor = verb.end() if verb.end() <= mention.start else s.start
        # ("to the easternmost provinces of Papua": five words, however long)
        words = re.findall(r"[\w']+", text[max(floor, at - 50) : at].lower().rsplit(",", 1)[-1])[
            -5:
        ]
        adjacent = verb.re is not lp.troops_p and (
            # "send US troops to Israel": the owner of the troops after the verb
            (verb.end() >= mention.start - 2 and not lp.troops_p.match(text, mention.end + 1))
            # "entered the city of Bunia": its object is where the troops went
            or lp.place_of.fullmatch(text, verb.end(), mention.start) is not None
            # "entered northern Syria"
            or lp.direction_only.fullmatch(text, verb.end(), mention.start) is not None
        )
        # "reported on Monday after Washington ...": a preposition of a day is none
        # of a place
        placed = any(
            w in lp.dest_preps and (i + 1 == len(words) or words[i + 1] not in lp.calendar)
            for i, w in enumerate(words)
        ) or (
            # rule places-a-destination-stands-for: "ke dua provinsi, yakni Aceh dan
            # Riau": the places listed after the general one
            verb.re is lp.verbs  # troops sent there, not only there
            and lp.namely_after.search(text, max(s.start, at - 60), at) is not None
            and mention.start > verb.end()
        )
        # rule towns-a-plural-noun-includes: "deployed in four cities of Punjab including
        # Lahore and Multan": the towns listed, each a destination
        included = (
            not placed
            and mention.start > verb.end()
            and lp.towns_including.search(text, max(s.start, at - 80), at)
        )
        placed = placed or bool(included)
        if placed or adjacent:  # "pasukan Prancis di X"
            # "from the 152nd Airlift Wing in": a unit's name may stand between
            before = text[max(s.start, at - 45) : mention.start].lower()
            # "kapal perang di Kupang": warships there, no war ("perang di")
            armoured = [a.span() for a in lp.armour.finditer(before)]
            blocked = [
                b
                for b in lp.not_dest.finditer(before)
                if not any(a <= b.start() < e for a, e in armoured)
            ]
            if blocked and not re.search(r"[,.]", before[blocked[-1].end() :]):
                since = mention.start - len(before) + blocked[-1].end()
                if not (
                    any(since <= m.start < mention.start for m, _ in mentions)
                    # "troops from the bloc were sent to Kazakhstan"
                    or lp.toward_before.search(text, since, mention.start) is not None
                ):
                    # "from Kazakhstan", "in a ceremony in Jakarta", "from the 152nd
                    # Airlift Wing in Reno"
                    continue
                # "based in America to Poland": the place after "based" was passed
            if lp.speech.match(text, mention.end, min(s.end, mention.end + 30)):
                continue  # "officials in Paris say": where a statement came from
            if lp.spoken_at.search(text, max(s.start, mention.start - 120), mention.start):
                continue  # rule where-it-was-said: "kata Kapolres X di Singaraja"
            if mention.start in left_from:
                continue
            if (
                lp.send_off.fullmatch(verb.group())
                and (lp.departure.match(mention.text) or is_site(lang, mention.text))
                and word_before(text, s, mention).lower() in lp.at_preps
            ):
                # rule a-send-off-port-is-no-destination: "melepas keberangkatan 650
                # prajurit ... di Pelabuhan Pelindo Belawan, Medan": where they sail
                # from, with its address
                end = mention.end
                for m, _ in mentions:
                    if m.start >= end and re.fullmatch(r"[\s,]*", text[end : m.start]):
                        left_from.add(m.start)
                        end = m.end
                continue
            to = inner_place(text, mention, draft, mentions, lang)
            described = country_described(text, lang, ents, mention, to)
            if described is not None:
                to = described  # "sent to the Sahel nation": the country told of
            to_end = mention.end
            rule = "destination:after-preposition"
            noun_of = lp.place_named.match(text, mention.end)
            if noun_of is None and lp.place_noun_last.search(mention.text):
                # "to Russia's western region of Kursk": the noun ends the name
                noun_of = lp.link_named.match(text, mention.end)
            beyond = ents.starting_at(noun_of.end(), s.end) if noun_of else None
            if beyond is not None and beyond[1].type is LOC and to is draft:
                # rule the-place-a-noun-names: "to the Indian Ocean territory of
                # Mayotte": the territory named, not the ocean
                mention, draft = beyond
                to, to_end = draft, mention.end
            cue = lp.capital_named.match(text, mention.end)
            capital_town = ents.starting_at(cue.end(), s.end) if cue else None
            if to is draft and capital_town is not None and capital_town[1].type is LOC:
                # rule the-capital-named-after-its-country: "landed in Haiti's
                # capital, Port-au-Prince": the town named
                mention, draft = capital_town
                to, to_end = draft, mention.end
            elif to is draft and cue is not None and is_country(draft):
                capital_town_told = capital_of_country(draft, ents)
                if capital_town_told is not draft:
                    # rule the-capital-the-article-names: "arrived in Haiti's capital on
                    # Tuesday" in an article datelined Port-au-Prince: that town
                    to = capital_town_told
                    why.append(Step("destination:the-capital-the-article-names", *cue.span()))
            narrowed = lp.narrowed_to.match(text, mention.end)
            inner = ents.starting_at(narrowed.end(), s.end) if narrowed else None
            if (
                to is draft
                and inner is not None
                and inner[1].type is LOC
                and not is_country(inner[1])
                and not coordinated_places(text, lang, inner[0], mentions)
                # "yakni di Kabupaten Poso, Sigi, dan Parigi Moutong": a list
                and not lp.listed_next.match(text, inner[0].end)
            ):
                # rule the-place-narrowed-to: "untuk membantu pemadaman karhutla di
                # Bengkalis, yakni di Kecamatan Rupat": the narrower place
                mention, draft = inner
                to, to_end = draft, mention.end
                why.append(Step("destination:the-place-narrowed-to", *mention.span))
            if to is not draft:
                rule = "destination:inner-place"
            else:
                to = settlement_for_site(text, lang, mention, draft, mentions)
                if to is not draft:
                    rule = "destination:site-is-no-destination"
                else:
                    also = coordinated_places(text, lang, mention, mentions)
                if also:
                    why.append(Step("destination:coordinated-destinations", *mention.span))
            if included:
                why.append(Step("destination:towns-a-plural-noun-includes", *included.span()))
            why.append(Step(rule, *mention.span))
            region = direction_region(lay, lang, mention, ents) if to is draft else None
            if region is not None:
                to = region
                why.append(Step("destination:a-region-of-the-country", *region.mentions[0].span))
            town = town_named_after(text, lp.dest_preps, lp.speech, s, mention, to, mentions)
            if is_country(to) and lp.across.search(
                text, max(s.start, mention.start - 30), mention.start
            ):
                # rule across-the-country-is-the-country: "deployed across France, including
                # 8,000 in Paris", "throughout France": all of it, also for its own forces;
                # a town's share is a part
                town = None
                why.append(Step("destination:across-the-country", *mention.span))
            if town is not None and not also:
                # rule a-town-of-the-country-named-after: "a brigade in Lithuania,
                # with 20 soldiers arriving in Vilnius" went to the town
                to = town[1]
                why.append(Step("destination:a-town-of-the-country-named-after", *town[0].span))
            break
    pointed = lang.pattern("place_anaphora").search(text, verb.end(), s.end)
    if to is None and leaving is None and pointed is not None:
        there = (
            # "... usai bertugas di Kongo. Indonesia mengirim 175 personel pengganti
            # untuk melanjutkan tugas di sana": where the troops told of went
            deps[-1].to
            if deps and deps[-1].sentence == index - 1
            else place_told_before(lay, ents, index, protests or [])
        )
        if (
            there is None
            and dateline is not None
            and lang.pattern("town_anaphora").search(pointed.group())
        ):
            # "CULIACAN, Mexico - Mexico ... sending in special forces to patrol the
            # town": the town the story was written in
            there = dateline
        if there is not None:
            # rule the-place-pointed-back-to: "Bentrokan pecah di Pulau Seram. Polda
            # Maluku mengirim satu kompi Brimob ke lokasi": to the place told of
            to = there
            why.append(Step("destination:the-place-pointed-back-to", *pointed.span()))
    if to is None and lp.guarded_by.fullmatch(verb.group()):
        kept = next(
            (
                (m, d)
                for m, d in reversed(mentions)
                if m.end <= verb.start() and d.type is LOC and not is_country(d)
            ),
            None,
        )
        if kept is not None:
            # rule the-place-of-what-they-guard: "Upacara pelantikan gubernur di Kota
            # Palu akan dijaga oleh 2.000 personel": they are sent to Palu
            to = kept[1]
            why.append(Step("destination:the-place-of-what-they-guard", *kept[0].span))
    received = lp.receive.fullmatch(verb.group()) is not None
    host = host_before(text, mentions, verb.start()) if received else None
    if to is None and host is not None:
        area = host[1] if host[1].type is LOC else area_of_body(lang, ents, host[1])
        if area is not None:
            # rule the-receiving-force-s-area: "Polres Sigi menerima 200 personel BKO
            # dari Polda Sulawesi Selatan": they go where the force that takes them
            # in serves
            to = area
            ents.adopt_later(area)
            why.append(Step("destination:the-receiving-force-s-area", *host[0].span))
    if (
        to is None
        and nationwide_in(lp.nationwide, text, ents, verb.end(), s.end)
        and home is not None
    ):
        to = home
        why.append(Step("destination:nationwide-is-the-story-country", s.start, s.end))
    capital = lp.capitals.search(text, verb.end(), s.end)
    after_capital = re.compile(r",?\s*").match(text, capital.end()) if capital is not None else None
    named_capital = (
        ents.starting_at(after_capital.end(), s.end) if after_capital is not None else None
    )
    if to is None and named_capital is not None and named_capital[1].type is LOC:
        # rule the-capital-named: "to the capital, Monrovia"
        to = named_capital[1]
        why.append(Step("destination:the-capital-named", *named_capital[0].span))
    if to is None and capital is not None and home is not None:
        # rule the-capital: "deployed the army in the capital" is the story
        # country's capital, when the article names it, else the country
        to = capital_of_country(home, ents)
        why.append(Step("destination:the-capital", *capital.span()))
    topic = topic_place(text, lang, ents, s) if to is None else None
    if topic is not None and leaving is None:
        # rule the-place-a-sentence-is-about: "Untuk wilayah Jawa Barat, ada 1.100
        # personel gabungan yang akan dikerahkan": the troops are there
        to = topic[1]
        why.append(Step("destination:the-place-the-sentence-is-about", *topic[0].span))
    mission = left_mission
    if to is None and leaving is None:
        found = mission_country(text, lang, ents, mentions, verb, s, lp.dest_preps)
        if found is not None:
            # rule the-mission-s-country: "the deployment of a battalion to the
            # United Nations Mission in South Sudan (UNMISS)" goes to South Sudan,
            # as a part of the mission
            to, mission = found
            why.append(Step("destination:the-mission-s-country", *mission.mentions[0].span))
    return Destination(to, to_end, also, mission, received, capital, topic)
