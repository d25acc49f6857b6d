"""Where a protest was: the place the sentence names, the town of a site or an office, the
story's town, and a wave across a country."""

from __future__ import annotations

import functools
import itertools
import re

from kg.extract.entities import LOC, ORG, Draft, Entities, Mention
from kg.extract.frames import (
    area_named,
    area_of_body,
    coordinated_places,
    is_site,
    is_town,
    region_describes,
    settlement_for_site,
    withdrawal_verbs,
    written_abroad,
)
from kg.extract.lang import LangResources
from kg.extract.protests.rows import ProtestDraft, is_country
from kg.extract.story import (
    across_before,
    capital_of_country,
    country_of_town,
    in_country,
    nationwide_in,
    word_before,
)
from kg.extract.text import Kind, Sentence
from kg.facts.model import DateValue
from kg.gazetteer import cities, plain_name, region_names


def named_not_as_troops(text: str, lang: LangResources, home: Draft) -> bool:
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


def home_alone(ents: Entities, home: Draft) -> bool:
    """The story names ``home`` and no other country, and no town."""
    return not any(
        d is not home
        and d.type is LOC
        and d.entry is not None
        and d.entry.kind in ("country", "town", "city")
        for d in ents.drafts
    )


def office_area(
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


def town_of_the_site(
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


def town_of_its_part(
    text: str, lang: LangResources, ents: Entities, place: Draft | None
) -> Draft | None:
    """Rule the-town-of-its-suburb: a place the article names as part of a town anywhere
    ("the southern Havana suburb of La Guinera") holds a protest of that town, wherever
    it is told ("Monday's La Guinera protest"): codebook, the city for a rally in one
    city."""
    if place is None or place.type is not LOC or is_country(place):
        return None
    parts = lang.pattern("town_part_nouns").pattern
    links = lang.pattern("place_noun_links").pattern
    part_of = re.compile(rf"\s+(?:{parts})\s+(?:{links})\s+", re.IGNORECASE)
    for m in place.mentions:
        for other, town in ents.mentions_in(max(0, m.start - 80), m.start):
            if town is not place and is_town(town) and part_of.fullmatch(text, other.end, m.start):
                return town
    return None


def town_of_the_province(
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


def triggering_clauses(text: str, lang: LangResources, s: Sentence) -> list[tuple[int, int]]:
    """Rule what-set-it-off: the clauses of ``s`` that tell what set a protest off ("sparked
    by alleged racist abuse of Papuan students in the city of Surabaya on Aug. 17", up to the
    next comma): the places and days in them are that event's, not the protest's."""
    cues = _trigger_cues(lang)
    if cues is None:
        return []
    return [
        (cue.start(), end.start() if (end := _CLAUSE_END.search(text, cue.end(), s.end)) else s.end)
        for cue in cues.finditer(text, s.start, s.end)
    ]


_CLAUSE_END = re.compile(r"[,;]")


@functools.cache
def _trigger_cues(lang: LangResources) -> re.Pattern[str] | None:
    """The language's words that open what set a protest off, as whole words; None when it
    has none."""
    if not lang.words("trigger_cues"):
        return None
    return re.compile(rf"(?<![\w-])(?:{lang.pattern('trigger_cues').pattern})(?![\w-])")


def protest_place(
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
        and is_country(home)
        and dateline.entry is not None
        and (dateline.entry.country or dateline.entry.capital_of) is not None
        and home_key not in (dateline.entry.key, dateline.entry.country, dateline.entry.capital_of)
    )
    nationwide, capital = lang.pattern("nationwide"), lang.pattern("capital_words")
    target_preps = lang.pattern("protest_target_preps")
    nouns = lang.pattern("capital_nouns").pattern
    capital_of = re.compile(rf"{lang.possessive}\s+{nouns}", re.IGNORECASE)
    # "near Serbia's parliament building": a state's building stands in its capital
    state_site = re.compile(
        rf"{lang.possessive}\s+(?:[a-z]+\s+){{0,2}}(?:{lang.pattern('site_words').pattern})",
        re.IGNORECASE,
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
    set_off = triggering_clauses(text, lang, s)
    after = [
        (m, d)
        for m, d in mentions
        if m.start >= noun.end()
        and d.type is LOC
        and not any(a <= m.start < b for a, b in set_off)
        # nor the country of a title ("pemerintahan ... Wakil Presiden Indonesia")
        and not (is_country(d) and any(0 <= m.start - t <= 2 for t in title_ends))
    ]
    wave = lang.pattern("wave_cues")
    wide = wave.match(text, noun.end() + 1, after[0][0].start if after else s.end)
    if wide is not None and home is not None and not is_country(after[0][1] if after else None):
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
    # rule where-protesters-come-from, after them: "protesters from Peru's southern Andes
    # marched in the capital, Lima": where they came from, when another place follows
    sources = {w.lower() for w in lang.words("source_preps")}
    owned_part = re.compile(rf"{lang.possessive}\s+(?:[a-z]+\s+)?")
    came_from = [
        (m, d)
        for m, d in after
        if word_before(text, s, m).lower() in sources
        or any(
            # "from Peru's southern Andes": the possessive's place, then its part
            word_before(text, s, m2).lower() in sources
            and owned_part.fullmatch(text, m2.end, m.start) is not None
            for m2, _ in after
        )
    ]
    people_came = lang.pattern("participant_nouns").match(text, noun.start()) or lang.pattern(
        "crowd_nouns"
    ).match(text, noun.start())
    if people_came and came_from and len(came_from) < len(after):
        after = [(m, d) for m, d in after if (m, d) not in came_from]
    # rule a-protest-by-a-place-s-body: "protests by the Kenya Farmers Union", "demo oleh
    # Serikat Buruh Jawa": a place right after the agent word names whose protest, no site
    by_whom = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('agent_preps').pattern})\s+"
        rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?$",
        re.IGNORECASE,
    )
    after = [
        (m, d) for m, d in after if not by_whom.search(text, max(s.start, m.start - 15), m.start)
    ]
    # rule an-outlet-named-after-a-place: "kata X, seperti dimuat Malaysia Kini": a name
    # right after a word of citing is the outlet that reported it, no place of the protest
    cited = re.compile(rf"(?<![\w-])(?:{lang.pattern('report_cues').pattern})\s+$", re.IGNORECASE)
    after = [
        (m, d) for m, d in after if not cited.search(text, max(s.start, m.start - 30), m.start)
    ]
    # rule a-flag-s-country: "membawa bendera Irak", "waving the flag of Iraq", "Iraq
    # flags": whose flag, not where they are
    emblems = lang.pattern("emblem_nouns").pattern
    emblem_before = re.compile(
        rf"(?<![\w-])(?:{emblems})\s+(?:(?:{lang.pattern('place_noun_links').pattern})\s+)?"
        rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?$",
        re.IGNORECASE,
    )
    emblem_after = re.compile(rf"\s+(?:{emblems})(?![\w-])", re.IGNORECASE)
    after = [
        (m, d)
        for m, d in after
        if not (
            is_country(d)
            and (
                emblem_before.search(text, max(s.start, m.start - 25), m.start)
                or emblem_after.match(text, m.end)
            )
        )
    ]
    # rule a-place-a-demand-names: "in support of statehood and inclusion of Ladakh",
    # "against the annexation of Crimea": what they demand or oppose, not where (a place
    # noun, "the region of", names where)
    endings = "|".join(re.escape(e) for e in lang.words("object_noun_endings")) or "(?!x)x"
    demanded = re.compile(
        rf"(?<![\w-])([a-z]+(?:{endings}))\s+(?:{lang.pattern('place_noun_links').pattern})\s+$"
    )
    place_nouns = {w.lower() for w in lang.words("place_nouns")}
    after = [
        (m, d)
        for m, d in after
        if not (
            (object_of := demanded.search(text, max(s.start, m.start - 40), m.start))
            and object_of.group(1) not in place_nouns
        )
    ]
    # "to demand the withdrawal of UN peacekeepers from the Central African Republic": the
    # place troops are to leave, part of the demand
    withdrawn = withdrawal_verbs(lang)
    from_before = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('source_preps').pattern})\s+"
        rf"(?:(?:{lang.pattern('definite_articles').pattern})\s+)?$",
        re.IGNORECASE,
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
    if lang.pattern("spread_verbs").search(text, s.start, s.end) is None:
        # rule where-others-come-from: "officers will be requested from Scotland and
        # England", "mobil dari Ditreskrimsus": whence, not where the protest is (a protest
        # that spread from a town to others is the spread's)
        later = [(m, d) for m, d in mentions if m.start >= noun.end() and d.type is LOC]
        whence = {
            id(dd)
            for m, d in later
            if from_before.search(text, max(s.start, m.start - 12), m.start)
            for dd in (d, *coordinated_places(text, lang, m, later))
        }
        after = [(m, d) for m, d in after if id(d) not in whence]
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
    elsewhere = [a for a in after if a not in told and not is_country(a[1])]
    if told and (elsewhere or (dateline is not None and not is_country(dateline))):
        after = [a for a in after if a not in told]
    # "Africa's last absolute monarchy", "Asia's youngest nation": a description, no place
    after = [(m, d) for m, d in after if not region_describes(text, lang, m, d)]
    sites = lang.pattern("site_words")
    if (
        len(after) > 1
        and is_country(after[0][1])
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
    # "Protesters, many from the neighbouring island of Malaita": an aside of how many
    # come from where, and the place's noun before its name
    some = lang.pattern("quantifiers").pattern
    nouns_of = lang.pattern("place_nouns").pattern
    links = lang.pattern("place_noun_links").pattern if lang.words("place_noun_links") else None
    named_by = rf"(?:(?:[a-z]+\s+){{0,2}}(?:{nouns_of})\s+(?:{links})\s+)?" if links else ""
    from_home = re.compile(
        rf"(?:{crowd.pattern})(?:,\s+(?:{some}))?\s+(?:{lang.pattern('source_preps').pattern})\s+"
        rf"{named_by}$",
        re.IGNORECASE,
    )
    for m, d in list(after):
        if from_home.search(text, max(s.start, m.start - 70), m.start):
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
            _owns_next(lang).match(text[m.end : m.end + 3])
            and re.fullmatch(r"\s+(?:[A-Z][\w-]*\s+)?", text[noun.end() : m.start])
        )
    ]
    said = re.compile(
        rf"(?:{lang.pattern('speech_place_cues').pattern})\s+(?:[\w-]+,?\s+){{0,3}}$",
        re.IGNORECASE,
    )
    # rule where-it-was-said: "... ucapnya di kantor Walhi, Jakarta": not the protest's
    after = [(m, d) for m, d in after if not said.search(text, max(s.start, m.start - 50), m.start)]
    # rule where-someone-went: "resigned after weeks of protests ... and flew to Mexico":
    # where a person went, no protest place
    went = re.compile(rf"(?:{lang.pattern('travel_place_cues').pattern})\s+$", re.IGNORECASE)
    after = [(m, d) for m, d in after if not went.search(text, max(s.start, m.start - 40), m.start)]
    narrowing = lang.pattern("narrowing_words")
    if (
        len(after) > 1
        and is_country(after[0][1])
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
        and not is_country(after[1][1])
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
        if d.type is LOC and not is_country(d) and not others.match(text, m.end):
            lead = (
                re.search(
                    rf"(?:{streets.pattern})\s+(?:[\w-]+\s+){{0,2}}(?:[\w-]+,\s+)?$",
                    text[max(s.start, m.start - 60) : m.start],
                    re.IGNORECASE,
                )
                or re.match(  # "flooded Niamey's streets"
                    rf"{lang.possessive}\s+(?:{lang.pattern('street_nouns').pattern})",
                    text[m.end : m.end + 20],
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
        and is_country(after[0][1])
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
        if not is_country(d) and wider is not None and others.match(text, m.end):
            # "filled the streets of Lima and other cities": a wave across the country
            return wider, "location:a-town-and-other-towns-is-a-wave"
        spread = lang.pattern("spread_verbs").search(text, s.start, s.end) is not None
        holding = _listed_wave(text, lang, ents, m, d, after, spread=spread)
        if holding is not None:
            return holding, "location:towns-listed-are-a-wave"
        if is_country(d) and (
            capital_before.search(text, s.start, m.start) or capital_of.match(text, m.end)
        ):  # "di ibu kota X", "rallied in Georgia's capital"
            named = _the_capital_in_apposition(text, m, after)
            if named is not None:
                return named, "location:the-capital-in-apposition"
            return capital_of_country(d, ents), "location:the-capital-of-a-country"
        if is_country(d) and state_site.match(text, m.end):
            return capital_of_country(d, ents), "location:a-state-building-is-in-its-capital"
        shorter = [
            dd for mm, dd in mentions if mm.start == m.start and mm.end < m.end and dd.type is LOC
        ]
        if shorter:
            return shorter[0], "location:after-the-protest-noun"
        ending = [
            dd
            for mm, dd in mentions
            if m.start < mm.start and mm.end == m.end
            if dd.type is LOC and not is_site(lang, mm.text)
        ]
        if ending and is_site(lang, m.text):
            # rule a-site-named-with-its-place: "membakar kantor Bupati Sleman": in Sleman
            return ending[0], "location:a-site-named-with-its-place"
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
            before_site = [
                dd
                for mm, dd in ents.mentions_in(0, m.start, longest=True)
                if dd.type is LOC
                and mm.kind is Kind.STORY
                and not is_site(lang, dd.names[0])
                and not is_country(dd)
                # not where troops or people came from ("berasal dari Polda Bali dan
                # Kalimantan Timur")
                and not lang.pattern("source_preps").search(
                    text[max(0, mm.start - 60) : mm.start].rsplit(".", 1)[-1]
                )
            ]
            if before_site:
                # "bentrokan di PT GNI, Morowali Utara ... unjuk rasa di Pos 4": a site is
                # in the place the story told before it
                return before_site[-1], "location:a-site-is-in-the-place-told-before"
            force_area = next(
                (
                    area
                    for _, dd in ents.mentions_in(s.start, s.end)
                    if (area := area_of_body(lang, ents, dd)) is not None
                ),
                None,
            )
            if force_area is not None:
                # rule a-site-in-the-area-of-the-force: "aparat yang dikerahkan Polda Metro
                # Jaya untuk mengamankan aksi di Patung Kuda": the site is in the area the
                # regional force of the sentence serves (Jakarta)
                ents.adopt_later(force_area)
                return force_area, "location:a-site-in-the-area-of-the-force"
        if place is not d:
            return place, "location:site-is-no-location"
        town = _town_holding(text, lang, m, d, after)
        if town is not None:
            return town, "location:the-town-that-holds-it"
        return d, "location:after-the-protest-noun"
    if nationwide_in(nationwide, text, ents, s.start, s.end) and home is not None:
        return home, "location:nationwide-is-the-story-country"
    for m, d in mentions:  # "in Indonesia's capital"
        if is_country(d) and capital_of.match(text, m.end):
            return capital_of_country(d, ents), "location:the-capital-of-a-country"
    named_capital = capital.search(text, s.start, s.end)
    # rule a-distance-in-two-units: "160 km (99 miles) from the capital": the converted
    # figure in brackets still measures the way
    distance = re.compile(
        rf"\d[\d.,]*\s*(?:{lang.pattern('distance_units').pattern})\s+(?:\([^()]*\)\s+)?"
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
                and not is_country(d)
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
                if len(gap) <= 15 and is_country(d):
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
            is_country(d)
            and (
                troops.fullmatch(word_before(text, s, m))
                or (m.cue == "demonym" and troops.match(text, m.end + 1))
            )
        )
    ]
    # rule a-place-gone-to: "melarikan diri ke India pada Senin setelah berminggu-minggu unjuk
    # rasa": where someone went, words before the protest, is none of its places
    towards = {w.lower() for w in lang.words("direction_preps")}
    before = [
        (m, d)
        for m, d in before
        if not (
            word_before(text, s, m).lower() in towards
            and len(text[m.end : noun.start()].split()) > 1
        )
    ]
    if before and len(text[before[-1][0].end : noun.start()].split()) <= 5:
        m, d = before[-1]
        if (
            is_country(d)
            and len(before) > 1
            and re.fullmatch(r",\s*", text[before[-2][0].end : m.start])
            and in_country(before[-2][1], d)
        ):
            # rule a-town-and-its-country: "warga Madrid, Spanyol, turun ke jalan": the town
            m, d = before[-2]
        elif (held := _the_town_before_its_province(text, lang, before)) is not None:
            m, d = held
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


def _the_town_before_its_province(
    text: str, lang: LangResources, before: list[tuple[Mention, Draft]]
) -> tuple[Mention, Draft] | None:
    """Rule a-town-and-its-province: "berjaga di Kota Bima (Bima) Nusa Tenggara Barat
    (NTB) menyusul kerusuhan": the place right before the province named last (its
    acronym with it) is the one that province holds, the town. A regency there is left
    to the rule the-town-of-its-province, which walks back to the town before it."""
    d = before[-1][1]
    if d.entry is None or d.entry.kind != "region":
        return None
    k = len(before) - 1
    while k > 0 and before[k - 1][1] is d:
        k -= 1  # "Nusa Tenggara Barat (NTB)": one province
    if k == 0:
        return None
    m, town = before[k - 1]
    if (
        town.type is not LOC
        or is_country(town)
        or (town.entry is not None and town.entry.kind == "region")
        or lang.pattern("region_heads").match(town.names[0])
        or not re.fullmatch(r"[\s,)]*", text[m.end : before[k][0].start])
    ):
        return None
    return m, town


def listed_towns(
    text: str, lang: LangResources, ents: Entities, s: Sentence, noun: re.Match[str]
) -> list[Draft]:
    """The towns a sentence lists after its protest noun ("di Makassar, Surabaya, dan
    Medan"), in order; none when the first place after it is no town."""
    after = [(m, d) for m, d in ents.mentions_in(s.start, s.end) if m.start >= noun.end()]
    places = [(m, d) for m, d in after if d.type is LOC]
    if not places or is_country(places[0][1]):
        return []
    m, d = places[0]
    towns = [d, *coordinated_places(text, lang, m, places)]
    return [t for t in towns if not is_country(t)]


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
    keys = [t.entry.country or t.entry.capital_of if t.entry else None for t in towns]
    in_towns = {k for t, k in zip(towns, keys, strict=True) if t.entry and t.entry.kind != "region"}
    known = [k for k in keys if k is not None]
    if (
        len(towns) > 1
        and len(in_towns) == 1
        and None not in in_towns
        # the provinces and counties listed with the towns are the same country's, and
        # few places are unknown ("Nakuru, Eldoret, Kisumu, Nyeri, Embu")
        and len(set(known)) == 1
        and len(towns) - len(known) <= len(known) // 3
    ):
        return next(
            (ents.country_of_town(t) for t, k in zip(towns, keys, strict=True) if k is not None),
            None,
        )
    return None


@functools.cache
def _owns_next(lang: LangResources) -> re.Pattern[str]:
    """A possessive that makes the name before it the owner of the next word ("China's
    crackdown")."""
    return re.compile(rf"{lang.any_possessive}\s")


@functools.cache
def _across_patterns(lang: LangResources) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words that spread an event over a country, and the words of where others came
    from ("police officers from across Armenia"), each right before a name."""
    across = across_before(lang)
    source = re.compile(rf"(?<![\w-])(?:{lang.pattern('source_preps').pattern})\s+$", re.I)
    return across, source


def spread_across(text: str, lang: LangResources, s: Sentence, place: Draft) -> bool:
    """``place`` is a country that sentence ``s`` spreads its event over ("di seluruh
    Portugal", "across Chile")."""
    if not is_country(place):
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


def wave_across(
    protests: list[ProtestDraft],
    place: Draft,
    start: DateValue | None,
    other_year: bool = False,
    *,
    across: bool = False,
) -> ProtestDraft | None:
    """Rule a-wave-across-the-country: a protest told of in a country, and one told of in a
    town of that country (the gazetteer's or its capital), are one wave across the country
    when the text gives both the same start, or none ("protests in Almaty ... the unrest in
    Kazakhstan"); so are a town's protest and an undated one told ``across`` the country
    ("masih berpusat di Lisbon ... berdemonstrasi di seluruh Portugal")."""
    for p in protests:
        # an undated protest in a town of the country whose wave was told is part of it
        # ("workers in Bangladesh walked off the job on Monday ... 10,000 staged protests
        # in Gazipur")
        undated_wave = start is None and (is_country(p.location) or across) and not other_year
        if start != p.start and not undated_wave:
            continue
        if in_country(p.location, place) or in_country(place, p.location):
            return p
    return None


def _a_town(d: Draft) -> bool:
    """A town or city, or a capital."""
    return is_town(d) or (d.entry is not None and d.entry.capital_of is not None)


def _the_capital_in_apposition(
    text: str, m: Mention, after: list[tuple[Mention, Draft]]
) -> Draft | None:
    """Rule the-capital-in-apposition: "di ibu kota baru Indonesia, Nusantara" names the
    capital right after its country and a comma: that place, whether or not the authority
    knows it as the capital."""
    for other, d in after:
        if other.start >= m.end:
            if (
                d.type is LOC
                and not is_country(d)
                and re.fullmatch(r",\s*", text[m.end : other.start])
            ):
                return d
            return None
    return None


def _headed_as_a_region(text: str, lang: LangResources, m: Mention) -> bool:
    """Rule a-province-by-its-head-word: "di Kabupaten Pohuwato, Provinsi Gorontalo": a
    name after a region's head word, or opening with it, is that region, whatever town of
    the same name the gazetteer knows; it holds the place before it, not as its town."""
    heads = lang.pattern("region_heads")
    before = re.search(r"([\w-]+)\s+$", text[max(0, m.start - 20) : m.start])
    first = m.text.split()[0] if m.text.split() else ""
    return heads.fullmatch(first) is not None or (
        before is not None and heads.fullmatch(before.group(1)) is not None
    )


def _town_holding(
    text: str, lang: LangResources, m: Mention, d: Draft, mentions: list[tuple[Mention, Draft]]
) -> Draft | None:
    """Rule the-town-that-holds-it: "at the Lekki toll gate in Lagos", "di Abepura, Kota
    Jayapura": a place named right after the first one with "in"/"di" or a comma, that is
    a town (of the gazetteer, or a capital) while the first is no country, holds it; so
    does any place below a country after an area a site word names ("di kawasan Kebon
    Sirih, Jakarta Pusat")."""
    if is_country(d):
        return None
    preps = lang.pattern("place_preps").pattern
    link = re.compile(rf"(?:\s+[a-z][\w-]*){{0,3}}\s+(?:{preps})\s+|\s*,\s*", re.IGNORECASE)
    sites = {w.lower() for w in lang.words("site_words")}
    joins = "|".join(re.escape(c) for c in lang.words("coordinators"))
    coordinated = re.compile(rf"\s*,?\s+(?:{joins})\s+", re.IGNORECASE)
    end = m.end
    for other, draft in mentions:
        if other.start < end or draft is d:
            continue
        if (
            coordinated.fullmatch(text, end, other.start)
            and draft.type is LOC
            and not is_country(draft)
            and not _a_town(draft)
        ):
            # "di Distrik Abepura dan Distrik Heram, Kota Jayapura": the town after the
            # list holds every place of it
            end = other.end
            continue
        if not link.fullmatch(text, end, other.start):
            return None
        town = _a_town(draft) and not _headed_as_a_region(text, lang, other)
        before = re.search(r"([\w-]+)\s+$", text[max(0, m.start - 20) : m.start])
        sited = before is not None and before.group(1).lower() in sites
        if sited and draft.type is LOC and not is_country(draft):
            # "di kawasan Kebon Sirih, Jakarta Pusat": an area of the place after it
            return draft
        if (
            town
            and d.entry is not None
            and d.entry.kind == "town"
            and other.text.casefold() in region_names()
        ):
            return None  # "Rochester, New York": the state the town is in
        if town and _listed_on(text, coordinated, other, mentions):
            return None  # "in the towns of Nakuru, Eldoret, Kisumu and Nyeri": a list
        return draft if town else None
    return None


def _listed_on(
    text: str,
    coordinated: re.Pattern[str],
    other: Mention,
    mentions: list[tuple[Mention, Draft]],
) -> bool:
    """Whether a town after ``other``, by a comma or a coordinator, goes on a list of
    towns with it."""
    after = next(((m, d) for m, d in mentions if m.start >= other.end), None)
    if after is None or not _a_town(after[1]):
        return False  # "Kota Jayapura, Papua": the province that holds the town
    return bool(
        re.fullmatch(r"\s*,\s*", text[other.end : after[0].start])
        or coordinated.fullmatch(text, other.end, after[0].start)
    )
