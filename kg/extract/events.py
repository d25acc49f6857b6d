"""Deployments, sentence by sentence (clause by clause), with their status, counts and dates.

Deployment: a deployment verb and a troop noun in a sentence; the sender is the troops'
nationality ("pasukan India", "Indian soldiers") or the nearest organization or place
before the verb; the destination is the first place after a destination preposition.
A capital the destination rules reach for stands for its country; one named after the verb
is where the troops went. Hedges make it planned ("akan", "will",
"pledged"), denials make it denied ("membantah", "rejected"). Sentences of one paragraph
that continue a deployment add to it.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass, field, replace
from typing import TypeVar

from kg.authority import AuthorityEntry
from kg.extract.contingents import (
    contingent_cues,
    find_named_contingents,
    find_parts,
    find_place_shares,
    is_collective,
    shares_count,
)
from kg.extract.entities import LOC, ORG, PER, Draft, Entities, Mention, numbered, title_bodies
from kg.extract.frames import (
    alliance_for_leader,
    area_of_body,
    body_named,
    coordinated_places,
    force_of_unit,
    is_site,
    is_town,
    led_alliance,
    region_describes,
    settlement_for_site,
    stateless_region,
    topic_place,
    town_of_a_provincial_office,
    withdrawal_verbs,
)
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.missions import find_missions
from kg.extract.numbers import Count, find_counts
from kg.extract.story import (
    capital_of_country,
    country_of,
    country_of_town,
    event_dates,
    in_country,
    main_country,
    nationwide_in,
    region_of,
    word_before,
)
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step, Trace
from kg.facts.model import (
    DateValue,
    Deployment,
    DeploymentStatus,
    Evidence,
    Protest,
    Quantity,
    Role,
)

__all__ = ["find_deployments"]


T = TypeVar("T")


@dataclass
class _Dep:
    by: Draft
    to: Draft
    status: DeploymentStatus
    troops: Quantity | None
    start: DateValue | None
    sentence: int
    para: int
    evidence: list[tuple[int, int]] = field(default_factory=list)
    requested_by: Draft | None = None
    withdrawal: DateValue | None = None
    end: DateValue | None = None  # when the last troops left
    left: bool = False  # known only from troops leaving the place
    part_of: Draft | None = None  # the collective sender of a counted contingent
    leader: Draft | None = None  # the member that leads the sender ("pimpinan Rusia")
    shared: Quantity | None = None  # the count the senders named together share
    why: list[Step] = field(default_factory=list)  # for kg extract --explain


def _request(
    text: str, lang: LangResources, s: Sentence, ents: Entities, roles: tuple[Role, ...]
) -> tuple[Draft | None, list[tuple[int, int]]]:
    """Who asked for troops, from "atas permintaan X"/"at the request of X" in a sentence."""
    pattern = lang.pattern("request_patterns")
    for m in pattern.finditer(text, s.start, s.end):
        window_end = min(s.end, m.end() + 60)
        titles = [t for t in ents.titles_in(m.end(), window_end) if t.label]
        for ds, de, entry in ents.demonyms_in(m.end(), window_end):
            if len(text[m.end() : ds].split()) <= 1:  # "at the request of the Haitian government"
                return ents.country(entry, ds, de), [(m.start(), de)]
            break
        for mention, draft in ents.mentions_in(m.end(), window_end):
            gap = text[m.end() : mention.start]
            if titles and titles[0].start < mention.start and draft.type is not PER:
                label = titles[0].label
                for r in roles:
                    if r.role == label and r.of == draft.id:
                        person = ents.by_id(r.person)
                        if person is not None:
                            return person, [(m.start(), mention.end)]
            if len(gap.split()) <= 3:
                return draft, [(m.start(), mention.end)]
            break
    return None, []


def find_deployments(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    roles: tuple[Role, ...],
    trace: Trace | None = None,
    protests: list[Protest] | None = None,
) -> list[Deployment]:
    """Deployments stated in the story sentences; ``trace`` gets the rules behind each;
    ``protests`` (of the same article) are where troops sent to guard one go."""
    text = lay.clean
    verbs, troops_p = lang.pattern("deploy_verbs"), lang.pattern("troop_nouns")
    planned, denied = lang.pattern("planned_hedges"), lang.pattern("denied_hedges")
    future = lang.pattern("future_times")
    calendar = set(lang.weekdays) | set(lang.months)  # "on Monday": a day, no place
    # "bangga akan melepas": proud of, no plan
    not_a_plan = re.compile(rf"(?:{lang.pattern('not_plan_before').pattern})\s+$", re.I)
    past = lang.pattern("past_markers")  # "last June", "Juni lalu"
    # "will today start": a plan for the day it is told is carried out that day
    same_day = [k for k, v in lang.table("relative_days").items() if v == 0]
    today = re.compile(rf"\s+(?:{phrase_pattern(same_day).pattern})", re.IGNORECASE)
    purposes = lang.pattern("planned_purposes")
    onward_p = lang.pattern("onward_words")
    arrivals = lang.pattern("arrival_verbs")
    # "bertugas di", also with how long between: "bertugas sembilan bulan di Papua"
    served_in = _served_in(lang)
    protest_nouns = lang.pattern("protest_nouns")
    place_named = re.compile(
        rf"\s+(?:{lang.pattern('place_nouns').pattern})\s+"
        rf"(?:{lang.pattern('place_noun_links').pattern})\s+(?=[A-Z])",
        re.IGNORECASE,
    )
    ordered_by = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('order_nouns').pattern})\s+(?:[\w-]+\s+){{0,3}}"
        rf"(?:{lang.pattern('source_preps').pattern})\s+$",
        re.IGNORECASE,
    )
    ends_before = re.compile(rf"(?:{lang.pattern('end_preps').pattern})\s+(?:\w+\s+)?$", re.I)
    since_before = re.compile(rf"(?:{lang.pattern('since_words').pattern})\s+(?:\w+\s+)?$", re.I)
    dest_before = re.compile(
        rf"(?<!\w)(?:{lang.pattern('destination_preps').pattern})\s+(?:[a-z]+\s+)?$", re.I
    )
    joined_clause_before = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('relative_pronouns').pattern})\s+(?:[\w-]+\s+)?"
        rf"(?:{lang.pattern('joined_preps').pattern})\s",
        re.IGNORECASE,
    )
    cited = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('source_cues').pattern})\s+"
        # "According to the Nepali Army's Directorate ...": an owner may come between
        rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?(?:[\w-]+\s+)?(?:[\w-]+['’]s?\s+)?$",
        re.IGNORECASE,
    )
    crowd_p = lang.pattern("crowd_nouns")
    finishing = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('completion_cues').pattern})\s+(?:[\w-]+\s+)?$", re.I
    )
    send_off = lang.pattern("send_off_verbs")
    at_preps = {w.lower() for w in lang.words("presence_preps")}  # "di", "at"
    departure = re.compile(rf"(?:{lang.pattern('departure_sites').pattern})\s", re.IGNORECASE)
    place_noun_last = re.compile(rf"\s(?:{lang.pattern('place_nouns').pattern})$", re.I)
    link_named = re.compile(
        rf"\s+(?:{lang.pattern('place_noun_links').pattern})\s+(?=[A-Z])", re.IGNORECASE
    )
    kind_from = re.compile(r"^(?:[A-Z][\w-]*\s+){1,2}(?=\S+$)")
    aided_from = re.compile(
        rf"(?:[A-Z][\w-]*\s+){{0,2}}(?i:{lang.pattern('aid_words').pattern})\s+"
        rf"(?i:{lang.pattern('source_preps').pattern})"
    )
    dest_preps = [p.lower() for p in lang.words("destination_preps")]
    nationwide = lang.pattern("nationwide")
    capitals = lang.pattern("capital_words")
    joining = lang.pattern("also_words")
    anaphora = lang.pattern("destination_anaphora")
    toward = {w.lower() for w in lang.words("toward_preps")}
    not_dest = lang.pattern("not_destination_before")
    armour = lang.pattern("armour_nouns")
    # "officials in Paris say"; not "... to Estonia was announced", a passive of the news
    marks = lang.pattern("passive_marks").pattern or "(?!x)x"
    speech = re.compile(
        rf"\s+(?!(?:{marks})\s)(?:\w+\s+)?(?:{lang.pattern('speech_verbs').pattern})", re.I
    )
    # "kata Kapolres Buleleng AKBP M Yudi Hartanto di Singaraja": where it was said
    spoken_at = re.compile(
        rf"(?<![\w-])(?i:{lang.pattern('speech_verbs').pattern})\s+(?:[A-Z][\w.'’-]*,?\s+){{1,8}}"
        rf"(?i:{lang.pattern('presence_preps').pattern})\s+$"
    )
    place_preps = {w.lower() for w in lang.words("place_preps")}
    composed = lang.pattern("composition_cues")
    spoke = re.compile(rf"[\s,]+(?:\w+[\s,]+)?(?:{lang.pattern('speech_verbs').pattern})", re.I)
    units = frozenset(w.lower() for w in lang.words("unit_words"))
    examples = {w.lower() for w in lang.words("group_links")}
    # "U.N.-backed": a name made an adjective; "-led" names the leader of the sender
    backers = phrase_pattern([w for w in lang.words("adjective_suffixes") if w != "-led"])
    # "... to Kandahar": a destination named after a preposition
    named_after = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('destination_preps').pattern})\s+"
        rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?[A-Z]",
    )
    moved_out = re.compile(
        rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{lang.pattern('moved_out_words').pattern})\s", re.I
    )
    left_back = (
        re.compile(
            r"\s+(?:[\w-]+\s+){0,4}?(?:"
            + "|".join(
                r"\s+".join(map(re.escape, p.split()[:-1]))
                + rf"\s+(?:[\w-]+\s+)?{re.escape(p.split()[-1])}"
                for p in lang.words("left_anaphora")
            )
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        if lang.words("left_anaphora")
        else re.compile(r"(?!x)x")
    )
    # "pimpinan di Kaltim": a lower-case noun, then where it is
    whose_place = re.compile(
        rf"(?<![\w-])(?-i:[a-z]+)\s+(?:{lang.pattern('presence_preps').pattern})\s+$", re.I
    )
    withdraw = withdrawal_verbs(lang)
    leave_verbs = lang.pattern("leave_verbs")
    source_preps = lang.pattern("source_preps")
    joined_preps = {w.lower() for w in lang.words("joined_preps")}
    pronouns = lang.pattern("relative_pronouns").pattern
    # a clause about the troops: "381 pasukan Brimob yang semula diperbantukan", its verb
    # next, and "... yang semula diperbantukan ke", its destination next
    about_troops = rf"(?:{troops_p.pattern})[^,.;]*?\s(?:{pronouns})\s+"
    clause_about_troops = re.compile(rf"{about_troops}(?:[\w-]+\s+)?$", re.IGNORECASE)
    sent_before = re.compile(
        rf"{about_troops}(?:[\w-]+\s+){{0,3}}?"
        rf"(?:{lang.pattern('destination_preps').pattern})\s+(?:[\w-]+\s+)?$",
        re.IGNORECASE,
    )
    relative = re.compile(rf",\s+(?:{pronouns})[^,]*,", re.IGNORECASE)
    relative_open = re.compile(rf",\s+(?:{pronouns})(?!\w)", re.IGNORECASE)
    endings = "|".join(re.escape(e) for e in lang.words("participle_endings")) or "(?!x)x"
    participial = re.compile(rf",\s+[a-z]+(?:{endings})\s[^,]*,")
    relative_before = re.compile(rf"(?<!\w)(?:{pronouns})(?!\w)", re.IGNORECASE)
    # "diberangkatkan BKO Polda Papua": put under that force right after the verb
    attached_to = re.compile(
        rf"\s+(?:{lang.pattern('attach_words').pattern})\s+(?:(?:{lang.pattern('destination_preps').pattern})\s+)?",
        re.IGNORECASE,
    )
    prior_event = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('prior_event_links').pattern})(?![\w-])", re.IGNORECASE
    )
    ethnic_before = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('ethnic_words').pattern})\s+$", re.IGNORECASE
    )
    ranked = re.compile(
        rf"(?<![\w-])(?:{phrase_pattern(list(lang.table('ranks'))).pattern})\s+$", re.IGNORECASE
    )
    fronted_source = re.compile(rf"\W*(?:{source_preps.pattern})\s+", re.IGNORECASE)
    means = re.compile(rf"(?<![\w-])(?:{lang.pattern('means_words').pattern})\s+$", re.IGNORECASE)
    done = re.compile(rf"(?<![\w-])(?:{lang.pattern('done_markers').pattern})(?![\w-])", re.I)
    serving_as = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('serve_as_words').pattern})\s+(?:[\w-]+\s+){{0,2}}$",
        re.IGNORECASE,
    )
    # "... 1.200 personel yang sebelumnya di-BKO-kan": a clause about the troops, up to its verb
    relative_after_troops = re.compile(
        rf"(?:{lang.pattern('troop_nouns').pattern})\s+(?i:{pronouns})\s+(?:[\w-]+\s+){{0,2}}$",
        re.IGNORECASE,
    )
    home = main_country(ents)
    # "back to Ohio": a place's capital letter after the words, whatever their case
    sent_back = re.compile(rf"(?<![\w-])(?i:{lang.pattern('sent_back_links').pattern})\s+[A-Z]")
    # "usai bertugas setahun di": the duty, then where it was
    duty_done = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('after_duty_cues').pattern})\s+(?:[\w-]+\s+){{0,3}}?"
        rf"(?:{lang.pattern('presence_preps').pattern})(?=\s)",
        re.IGNORECASE,
    )
    backing = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('backup_verbs').pattern})\s+(?:[\w-]+\s+){{0,3}}$", re.I
    )
    added = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('added_cues').pattern})\s+(?:[\w.,-]+\s+){{0,3}}$", re.I
    )
    no_withdrawal = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('negation_words').pattern})\s+"
        rf"(?:(?:{lang.pattern('article_words').pattern})\s+)?(?:[\w-]+\s+)?$",
        re.IGNORECASE,
    )
    unit_owner = re.compile(rf"\s+(?:{lang.pattern('unit_owner_links').pattern})\s+", re.I)
    # "the government has deployed", "pemerintah mengerahkan": no name, no demonym
    government = re.compile(
        rf"(?<![\w-])(?i:{lang.pattern('generic_governments').pattern})\s+(?:[a-z][\w-]*\s+){{0,2}}$"
    )
    military = phrase_pattern([*lang.words("military_nouns"), *lang.words("armour_nouns")])
    force_nouns = lang.pattern("military_nouns")
    pronoun_subject = lang.pattern("subject_pronouns")
    modified_noun = re.compile(rf"\s+{lang.pattern('military_modified').pattern}", re.IGNORECASE)
    missions = phrase_pattern([*lang.words("military_nouns"), *lang.words("mission_nouns")])
    returning = lang.pattern("return_phrases")
    back_home = lang.pattern("return_purposes")
    owned_by_it = re.compile(rf"(?<!\w)(?:{lang.pattern('its_words').pattern})\s+$", re.I)
    joins = lang.pattern("coordinators")
    commands = lang.pattern("command_verbs")
    of_after = re.compile(rf"\s+(?:{lang.pattern('place_noun_links').pattern})\s", re.I)
    borders = lang.pattern("border_phrases")
    joined_before = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('joined_preps').pattern})\s+(?:[a-z]+\s+){{0,2}}$",
        re.IGNORECASE,
    )
    troops_owned = re.compile(rf"\s+(?:{troops_p.pattern})", re.IGNORECASE)
    troops_before = re.compile(rf"(?<![\w-])(?:{troops_p.pattern})\s+$", re.IGNORECASE)
    # "menarik ... pasukannya di sekitar Kota Kharkiv": the troops there are withdrawn
    stationed = re.compile(
        # "personel BKO yang ada di Papua Barat": the troops' kind may come between
        rf"(?:{troops_p.pattern})(?:\s+(?-i:[A-Z])[\w-]*)?\s+"
        rf"(?:{lang.pattern('stationed_preps').pattern})\s+$"
        # "menarik 200 personel Brimob yang selama dua minggu berjaga di Kabupaten Garut"
        rf"|(?:{troops_p.pattern})(?:\s+[\w-]+){{0,2}}\s+(?:{pronouns})(?:\s+[\w-]+){{0,4}}?\s+"
        rf"(?:{lang.pattern('duty_verbs').pattern})\s+$",
        re.IGNORECASE,
    )
    deploy_nouns = lang.pattern("deployment_nouns")
    asked_to_leave = phrase_pattern([*lang.words("request_verbs"), *lang.words("demand_verbs")])
    asked_to = lang.pattern("request_verbs")
    replaced = re.compile(rf"(?:{lang.pattern('replace_verbs').pattern})\s+$", re.IGNORECASE)
    fronted_opener = lang.pattern("fronted_openers")
    # "personel guna membantu Polres Mappi": a purpose, not the troops' kind
    purpose_words = {w.lower() for w in lang.words("purpose_words")}
    toward_before = re.compile(rf"(?<!\w)(?:{lang.pattern('toward_preps').pattern})\s+$", re.I)
    order_to = re.compile(rf"\s+(?:{lang.pattern('toward_preps').pattern})\s+[a-z]", re.I)
    strength = _strength(lang)
    capital_named = re.compile(
        rf"['’]s?\s+(?:{lang.pattern('capital_nouns').pattern}),?\s+", re.IGNORECASE
    )
    clause_joins = phrase_pattern([*lang.words("coordinators"), *lang.words("clause_joins")])
    joined_clause = re.compile(rf",\s*(?:{joins.pattern})\s", re.IGNORECASE)
    datelined = set(lay.dateline_places)
    dateline = next(
        (ents.by_mention[span] for span in lay.dateline_places if span in ents.by_mention), None
    )
    alert = lang.pattern("alert_verbs")
    place_of = re.compile(
        rf"\s+(?:{lang.pattern('place_of').pattern})\s+"
        # "entered the eastern Congolese city of Bunia": modifiers before the place noun
        rf"|\s+(?:{lang.pattern('definite_before').pattern})\s+(?:[\w-]+\s+){{1,3}}?"
        rf"(?:{lang.pattern('place_nouns').pattern})\s+"
        rf"(?:{lang.pattern('place_noun_links').pattern})\s+",
        re.IGNORECASE,
    )
    directions = phrase_pattern(list(lang.table("direction_words"))).pattern
    direction_only = re.compile(rf"\s+(?:{directions})\s+", re.IGNORECASE)
    region_before = re.compile(
        rf"(?:the\s+)?(?:{directions})\s+(?:{lang.pattern('region_nouns').pattern})\s+$", re.I
    )
    crowd = re.compile(
        rf"(?:\)|\s*\([^()]{{1,15}}\))?\s+(?:{lang.pattern('crowd_nouns').pattern})", re.IGNORECASE
    )
    crowd_moves = re.compile(
        rf"(?<![\w-])(?:{lang.pattern('crowd_nouns').pattern})(?:\s+[a-z]+)?\s+$", re.IGNORECASE
    )
    # "mengerahkan alat berat", "ordered a nationwide curfew": machines or measures, no troops
    no_troops = [*lang.words("equipment_objects"), *lang.words("measure_objects")]
    # the verb's own object: "the Army was called out and a curfew imposed" sends the Army;
    # "diterjunkan untuk membantu evakuasi warga": a purpose, no object
    own_object = (
        rf"(?:(?!(?:{lang.pattern('coordinators').pattern}|{lang.pattern('purpose_words').pattern})"
        rf"\s)[\w.,-]+\s+)"
    )
    equipment = re.compile(rf"\s+{own_object}{{0,2}}?(?:{phrase_pattern(no_troops).pattern})", re.I)
    receive = lang.pattern("receive_verbs")
    guarded_by = lang.pattern("guarded_by_verbs")
    # "di Bengkalis, yakni di Kecamatan Rupat", "in Riau, specifically in Dumai"
    narrowed_to = re.compile(
        rf",?\s*(?:{lang.pattern('narrowing_words').pattern}|{lang.pattern('namely_words').pattern})"
        rf"\s*:?\s+(?:(?:{lang.pattern('place_preps').pattern})\s+)?",
        re.IGNORECASE,
    )
    listed_next = re.compile(
        rf"\s*(?:,|(?:{lang.pattern('coordinators').pattern})\s)\s*(?-i:[A-Z])", re.IGNORECASE
    )
    namely_after = re.compile(
        rf"(?<!\w)(?:{lang.pattern('destination_preps').pattern})\s+(?:[\w-]+\s+){{0,3}}"
        rf"[\w-]+,?\s+(?:{lang.pattern('namely_words').pattern})\s*:?\s+$",
        re.IGNORECASE,
    )
    deps: list[_Dep] = []
    pairs: dict[tuple[int, int], _Dep] = {}  # (sender, destination) by identity -> first
    # a sender whose troops went nowhere named: it, its sentence and its troop count
    unplaced: tuple[Draft, int, Quantity | None] | None = None
    for index, sentence in enumerate(lay.sentences):
        if sentence.kind is not Kind.STORY:
            continue
        subject: Draft | None = None  # the sender of the sentence's earlier clause
        shares = (
            find_place_shares(lay, lang, ents, sentence)
            if unplaced is not None and 0 < index - unplaced[1] <= 2
            else []
        )
        if unplaced is not None and shares:
            # rule a-place-s-share: "Mabes Polri mengirim 1.500 personel Brimob BKO.
            # Rinciannya, 500 personel ke Sulawesi Barat, 400 personel ke Maluku Utara ...":
            # the sender's troops, shared out to each place with its count
            for place, share, share_start, share_end in shares:
                row = _Dep(
                    unplaced[0],
                    place,
                    DeploymentStatus.HAPPENED,
                    share,
                    None,
                    index,
                    sentence.para,
                    [sentence.span],
                )
                row.why = [Step("destination:a-place-s-share", share_start, share_end)]
                deps.append(row)
                pairs.setdefault((id(unplaced[0]), id(place)), row)
            unplaced = None
            continue
        clauses = _clauses(text, sentence, verbs, clause_joins, withdraw, fronted_opener)
        for part, s in enumerate(clauses):
            verb = (
                _received(text, receive, troops_p, source_preps, s, verbs)
                or _deploy_verb(text, verbs, equipment, s, clause_about_troops)
                or _guarded_by(text, guarded_by, troops_p, s)
                or _troops_guard(text, lang, troops_p, s)
                or _presence(text, lang, s, troops_p)
                or _owned_troops_there(text, lang, s, troops_p, ents)
                or _operation_involves(text, lang, s, troops_p)
            )
            out_of = withdraw.match(text, verb.start()) if verb is not None else None
            if verb is not None and out_of is not None and out_of.end() > verb.end():
                verb = None  # "flew out of Gambia": a verb of leaving, not "flew" to a place
            if verb is not None and crowd_moves.search(
                text, max(s.start, verb.start() - 30), verb.start()
            ):
                # rule the-crowd-moves: "mencegah massa aksi masuk ke dalam Gedung DPR RI",
                # "protesters entered the compound": the crowd goes there, no troops
                verb = None
            leaving = None
            later = withdraw.search(text, verb.end(), s.end) if verb is not None else None
            if (
                verb is not None
                and later is not None
                and relative_before.search(text, max(s.start, verb.start() - 8), verb.start())
                and _left_place(
                    text,
                    source_preps,
                    ents.mentions_in(s.start, s.end, longest=True),
                    later,
                    leave_verbs,
                    troops_owned,
                    stationed,
                    relative_before,
                    troops_before,
                )
                is not None
            ):
                # rule withdrawn-after-a-relative-clause: "200 personel Brimob yang
                # bertugas selama enam bulan ditarik dari Kabupaten Puncak": the verb of
                # the clause about the troops is not the sentence's
                verb = None
            if (
                verb is not None
                and later is not None
                and finishing.search(text, max(verb.end(), later.start() - 25), later.start())
            ):
                # rule a-crossing-that-completes-a-withdrawal: "The last US troops crossed
                # the border into Kuwait, completing their withdrawal from Iraq": they
                # left, the country they entered is no destination
                verb = None
            pulled = withdraw.search(text, s.start, verb.start()) if verb is not None else None
            if pulled is not None and not relative_after_troops.search(
                text, pulled.end(), verb.start() if verb is not None else pulled.end()
            ):
                pulled = None
            if verb is None:  # "Rusia menarik pasukannya dari X": its troops were in X
                leaving = withdraw.search(text, s.start, s.end)
                verb = leaving
            elif (
                (moved := moved_out.match(text, verb.end(), s.end)) is not None
                and not named_after.search(text, moved.end(), s.end)
                and sum(d.type is LOC for _, d in ents.mentions_in(moved.end(), s.end)) == 1
            ):
                # rule troops-moved-out: "The US has begun moving troops out of Afghanistan":
                # they leave it, and go nowhere the sentence names ("moved out of Homs, in
                # the direction of Tartus" goes somewhere)
                leaving = verb
            untrooped = False  # a withdrawal told with no troop noun
            troop = troops_p.search(text, s.start, s.end) or strength.search(text, s.start, s.end)
            # a unit the verb sends, named right after it
            sent = _unit_named_after(ents, verb.end(), s.end, units) if verb else None
            armed = military.search(text, s.start, s.end)  # "Tank-tank militer dikerahkan"
            if verb is None or (
                troop is None
                and armed is None
                # "... menyiapkan satu SSK personel Brimob. Dalam waktu dekat mereka akan
                # diberangkatkan ke Papua": the troops of the sentence before
                and not (
                    deps
                    and deps[-1].para == s.para
                    and index - deps[-1].sentence == 1
                    and lang.pattern("troop_back_references").search(text, s.start, verb.start())
                )
                # "withdrew six police companies from Cusco and sent them to Arequipa": the
                # troops of the clause before, as the verb's object
                and not (
                    part > 0
                    and deps
                    and deps[-1].sentence == index
                    and lang.pattern("troop_objects").match(text, verb.end() + 1) is not None
                )
                # rule units-are-troops: "Yonif 123/Rajawali, Yonif 125/Simbisa dan Yonif
                # 126/Kala Cakti telah tiba di Papua": units named before the verb
                and _unit_named_before(ents, s.start, verb.start(), units) is None
                # rule a-unit-sent: "Presiden melepas Kontingen Garuda XXIII-R ke
                # Lebanon": the unit the verb sends, named right after it
                and sent is None
                # rule a-withdrawal-completed: "France completed its withdrawal from
                # Niger": the troops are the sender's, though no troop noun is written
                and not (untrooped := _completed_withdrawal(text, finishing, leaving, s))
            ):
                continue
            if commands.fullmatch(verb.group()) and order_to.match(text, verb.end()):
                continue  # rule an-order-to-act: "had been ordered to shoot looters"
            if (
                send_off.fullmatch(verb.group())
                and verb.group()[:1].isupper()
                and re.search(r"\w", text[s.start : verb.start()])
            ):
                # rule a-ceremony-s-name: "usai upacara Pemeriksaan Kesiapan Operasi dan
                # Pemberangkatan Satgas Pamtas di Palembang": the send-off's name, where
                # they left from, not a sending
                continue
            if (
                arrivals.fullmatch(verb.group())
                and troop is not None
                and troop.start() > verb.end()
                and crowd_p.search(text, s.start, troop.start()) is not None
            ):
                # rule the-crowd-arrives: "Setelah tiba, massa petani yang dihalangi personel
                # Polres Garut ...": the protesters arrive, not the police who stop them
                continue
            if deps and leaving is None and _told_before(text, lang, verb):
                # rule the-deployment-told-before: "The deployment followed Monday's
                # meeting between Ugandan and Congolese forces": the one told already
                deps[-1].evidence.append((s.start, s.end))
                deps[-1].why.append(Step("merge:the-deployment-told-before", *verb.span()))
                continue
            # rule an-outlet-is-no-actor: "Dilansir dari DW, Moskwa memutuskan ...
            # mengirimkan 100 staf militer": the outlet reports, it sends no one
            mentions = [
                (m, d)
                for m, d in ents.mentions_in(s.start, s.end, longest=True)
                if d.entry is None or d.entry.kind != "news"
            ]
            request, request_spans = _request(text, lang, s, ents, roles)

            def in_request(pos: int, spans: list[tuple[int, int]] = request_spans) -> bool:
                return any(a <= pos < b for a, b in spans)

            # every decision, as (rule, start, end), for kg extract --explain
            why: list[Step] = [Step("trigger", verb.start(), verb.end())]
            # destination
            to: Draft | None = None
            to_end: int | None = None  # where the destination's name ends, after the verb
            also: list[Draft] = []  # further destinations listed with it
            if leaving is not None:
                if asked_to_leave.search(text, s.start, leaving.start()):
                    continue  # rule a-demand-to-leave: "Serbia was requested to withdraw"
                if troop is None and no_withdrawal.search(
                    text, max(s.start, leaving.start() - 30), leaving.start()
                ):
                    # rule a-withdrawal-said-not-to-be: "This is not an American withdrawal
                    # from Europe" (troops counted that stay, "tak akan menarik 7.000
                    # anggotanya dari Papua", are there)
                    continue
                to = _left_place(
                    text,
                    source_preps,
                    mentions,
                    leaving,
                    leave_verbs,
                    troops_owned,
                    stationed,
                    relative_before,
                    troops_before,
                    joins,
                )
                if to is None and left_back.match(text, leaving.end(), s.end):
                    # rule the-country-left-told-before: "Amid political chaos in
                    # Afghanistan, the US has started pulling out troops of the restive
                    # country": a country the sentence names before, not its subject
                    countries_before = [
                        (m, d)
                        for m, d in mentions
                        if m.end <= leaving.start()
                        and d.entry is not None
                        and d.entry.kind == "country"
                    ]
                    to = (
                        countries_before[0][1]
                        if len(countries_before) > 1
                        else (deps[-1].to if deps else None)
                    )
                if to is None:
                    continue
                why.append(Step("destination:the-place-troops-leave", s.start, s.end))
                left = next((m for m, d in mentions if d is to and m.start > leaving.end()), None)
                if left is not None and is_site(lang, left.text):
                    # rule a-site-left-is-in-its-town: "withdrawing from Air Base 201 in
                    # Agadez": the town the base is in
                    site_town = settlement_for_site(text, lang, left, to, mentions)
                    if site_town is not to:
                        to = site_town
                        why.append(Step("destination:site-is-no-destination", *left.span))
                described = _country_described(text, lang, ents, left, to) if left else None
                if described is not None:
                    # rule a-country-described-by-its-region: "a final withdrawal from the
                    # Sahel nation", after "a military base in northeastern Niger": Niger
                    to, left = described, None
                    why.append(
                        Step("destination:a-country-described-by-its-region", s.start, s.end)
                    )
                if left is not None:
                    # "pulled its forces out of Mali, Burkina Faso and Niger": each place left
                    also = coordinated_places(text, lang, left, mentions)
            told_back = anaphora.search(text, verb.end(), s.end)
            left_from: set[int] = set()  # where the places start that troops sail from
            if told_back is not None and told_back.group().split()[0].lower() not in toward:
                told_back = None  # only "to the state", "ke negara itu": where they were sent
            if told_back is not None and of_after.match(text, told_back.end()):
                told_back = None  # "to the state of Jalisco" names the state
            for mention, draft in mentions if leaving is None else ():
                if told_back is not None and told_back.end() <= mention.start:
                    # "rushed 20 companies to the state after violence in Jiribam": the
                    # place pointed back to comes first (rule destination:anaphora below)
                    break
                if (
                    mention.start < verb.start()
                    or draft.type is not LOC
                    or in_request(mention.start)
                    # ", yang merupakan ... di Afrika": a clause about the last name
                    or relative_open.search(text, verb.end(), mention.start)
                    # "in southern Africa's oldest one-party state": a description, no place
                    or region_describes(text, mention, draft)
                    # "daerah kantong etnis Armenia di Azerbaijan": a people, no place
                    or ethnic_before.search(text, max(s.start, mention.start - 20), mention.start)
                ):
                    continue
                # "in the eastern region of the DRC": the region's words stand between
                at = mention.start
                region_words = region_before.search(text, max(s.start, at - 40), at)
                if region_words is not None:
                    at = region_words.start()
                # "to the border town of Agadez": a place noun may stand between
                words = re.findall(
                    r"[\w']+", text[max(s.start, at - 30) : at].lower().rsplit(",", 1)[-1]
                )[-5:]
                adjacent = verb.re is not troops_p and (
                    verb.end() >= mention.start - 2
                    # "entered the city of Bunia": its object is where the troops went
                    or place_of.fullmatch(text, verb.end(), mention.start) is not None
                    # "entered northern Syria"
                    or direction_only.fullmatch(text, verb.end(), mention.start) is not None
                )
                # "reported on Monday after Washington ...": a preposition of a day is none
                # of a place
                placed = any(
                    w in dest_preps and (i + 1 == len(words) or words[i + 1] not in calendar)
                    for i, w in enumerate(words)
                ) or (
                    # rule places-a-destination-stands-for: "ke dua provinsi, yakni Aceh dan
                    # Riau": the places listed after the general one
                    verb.re is verbs  # troops sent there, not only there
                    and namely_after.search(text, max(s.start, at - 60), at) is not None
                    and mention.start > verb.end()
                )
                if placed or adjacent:  # "pasukan Prancis di X"
                    # "from the 152nd Airlift Wing in": a unit's name may stand between
                    before = text[max(s.start, at - 45) : mention.start].lower()
                    # "kapal perang di Kupang": warships there, no war ("perang di")
                    armoured = [a.span() for a in armour.finditer(before)]
                    blocked = [
                        b
                        for b in not_dest.finditer(before)
                        if not any(a <= b.start() < e for a, e in armoured)
                    ]
                    if blocked and not re.search(r"[,.]", before[blocked[-1].end() :]):
                        since = mention.start - len(before) + blocked[-1].end()
                        if not (
                            any(since <= m.start < mention.start for m, _ in mentions)
                            # "troops from the bloc were sent to Kazakhstan"
                            or toward_before.search(text, since, mention.start) is not None
                        ):
                            # "from Kazakhstan", "in a ceremony in Jakarta", "from the 152nd
                            # Airlift Wing in Reno"
                            continue
                        # "based in America to Poland": the place after "based" was passed
                    if speech.match(text, mention.end, min(s.end, mention.end + 30)):
                        continue  # "officials in Paris say": where a statement came from
                    if spoken_at.search(text, max(s.start, mention.start - 120), mention.start):
                        continue  # rule where-it-was-said: "kata Kapolres X di Singaraja"
                    if mention.start in left_from:
                        continue
                    if (
                        send_off.fullmatch(verb.group())
                        and (departure.match(mention.text) or is_site(lang, mention.text))
                        and word_before(text, s, mention).lower() in at_preps
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
                    to = _inner_place(text, mention, draft, mentions)
                    described = _country_described(text, lang, ents, mention, to)
                    if described is not None:
                        to = described  # "sent to the Sahel nation": the country told of
                    to_end = mention.end
                    rule = "destination:after-preposition"
                    noun_of = place_named.match(text, mention.end)
                    if noun_of is None and place_noun_last.search(mention.text):
                        # "to Russia's western region of Kursk": the noun ends the name
                        noun_of = link_named.match(text, mention.end)
                    beyond = ents.starting_at(noun_of.end(), s.end) if noun_of else None
                    if beyond is not None and beyond[1].type is LOC and to is draft:
                        # rule the-place-a-noun-names: "to the Indian Ocean territory of
                        # Mayotte": the territory named, not the ocean
                        mention, draft = beyond
                        to, to_end = draft, mention.end
                    cue = capital_named.match(text, mention.end)
                    capital_town = ents.starting_at(cue.end(), s.end) if cue else None
                    if to is draft and capital_town is not None and capital_town[1].type is LOC:
                        # rule the-capital-named-after-its-country: "landed in Haiti's
                        # capital, Port-au-Prince": the town named
                        mention, draft = capital_town
                        to, to_end = draft, mention.end
                    narrowed = narrowed_to.match(text, mention.end)
                    inner = ents.starting_at(narrowed.end(), s.end) if narrowed else None
                    if (
                        to is draft
                        and inner is not None
                        and inner[1].type is LOC
                        and not _is_country(inner[1])
                        and not coordinated_places(text, lang, inner[0], mentions)
                        # "yakni di Kabupaten Poso, Sigi, dan Parigi Moutong": a list
                        and not listed_next.match(text, inner[0].end)
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
                    why.append(Step(rule, *mention.span))
                    region = _direction_region(lay, lang, mention, ents) if to is draft else None
                    if region is not None:
                        to = region
                        why.append(
                            Step("destination:a-region-of-the-country", *region.mentions[0].span)
                        )
                    town = _town_named_after(text, dest_preps, speech, s, mention, to, mentions)
                    if town is not None and not also:
                        # rule a-town-of-the-country-named-after: "a brigade in Lithuania,
                        # with 20 soldiers arriving in Vilnius" went to the town
                        to = town[1]
                        why.append(
                            Step("destination:a-town-of-the-country-named-after", *town[0].span)
                        )
                    break
            pointed = lang.pattern("place_anaphora").search(text, verb.end(), s.end)
            if to is None and leaving is None and pointed is not None:
                there = (
                    # "... usai bertugas di Kongo. Indonesia mengirim 175 personel pengganti
                    # untuk melanjutkan tugas di sana": where the troops told of went
                    deps[-1].to
                    if deps and deps[-1].sentence == index - 1
                    else _place_told_before(lay, ents, index, protests or [])
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
            if to is None and guarded_by.fullmatch(verb.group()):
                kept = next(
                    (
                        (m, d)
                        for m, d in reversed(mentions)
                        if m.end <= verb.start() and d.type is LOC and not _is_country(d)
                    ),
                    None,
                )
                if kept is not None:
                    # rule the-place-of-what-they-guard: "Upacara pelantikan gubernur di Kota
                    # Palu akan dijaga oleh 2.000 personel": they are sent to Palu
                    to = kept[1]
                    why.append(Step("destination:the-place-of-what-they-guard", *kept[0].span))
            received = receive.fullmatch(verb.group()) is not None
            host = _host_before(text, mentions, verb.start()) if received else None
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
                and nationwide_in(nationwide, text, ents, verb.end(), s.end)
                and home is not None
            ):
                to = home
                why.append(Step("destination:nationwide-is-the-story-country", s.start, s.end))
            capital = capitals.search(text, verb.end(), s.end)
            after_capital = (
                re.compile(r",?\s*").match(text, capital.end()) if capital is not None else None
            )
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
            mission: Draft | None = None
            if to is None and leaving is None:
                found = _mission_country(text, lang, ents, mentions, verb, s, dest_preps)
                if found is not None:
                    # rule the-mission-s-country: "the deployment of a battalion to the
                    # United Nations Mission in South Sudan (UNMISS)" goes to South Sudan,
                    # as a part of the mission
                    to, mission = found
                    why.append(Step("destination:the-mission-s-country", *mission.mentions[0].span))
            # sender: whose troops ("pasukan Rusia", "Kenyan troops"), else the subject; a unit
            # ("prajurit Kontingen Garuda") is the sender only when the text names no other
            by: Draft | None = None
            led: Draft | None = None  # the leading member, when the sender is its alliance
            unit: Draft | None = None
            co_senders: list[Draft] = []  # more forces the troops come from
            whole: Draft | None = mission  # "the Russian contingent of the CSTO forces": CSTO
            # a clause about the subject names other parties ("X, which leads the battlegroup
            # in Estonia, has 900 troops at Tapa")
            aside = [m.span() for m in relative.finditer(text, s.start, verb.start())]
            aside += [m.span() for m in participial.finditer(text, s.start, verb.start())]
            for t in troops_p.finditer(text, s.start, s.end):
                if any(a <= t.start() < b for a, b in aside):
                    continue
                if serving_as.search(text, max(s.start, t.start() - 40), t.start()):
                    # rule troops-as-what-they-serve: "450 prajurit yang akan bertugas
                    # sebagai pasukan penjaga perdamaian PBB": the troops sent serve as the
                    # UN's, but are not sent by it
                    continue
                if t.end() < verb.start() and joined_clause.search(text, t.end(), verb.start()):
                    # rule troops-of-another-clause: "Peruvian forces shelled the hills, and
                    # the Chilean military moved 300 troops": not the troops sent
                    continue
                if to_end is not None and len(text[to_end : t.start()].split()) > 3:
                    # rule troops-after-the-destination: "Burundi deployed 10,000 soldiers to
                    # eastern DR Congo to fight alongside ... troops from SADC, European
                    # mercenaries": a clause past the destination tells of other forces
                    continue
                if any(m.start <= t.start() < m.end for m, _ in mentions):
                    continue  # a word of a name: "Rapid Support Forces (RSF)"
                if t.start() > verb.end() and backing.search(
                    text, max(verb.end(), t.start() - 50), t.start()
                ):
                    # rule the-forces-they-help: "sent 300 police officers to support
                    # Liberian forces": the forces helped, not the troops sent
                    continue
                if t.start() > verb.end() and added.search(
                    text, max(verb.end(), t.start() - 30), t.start()
                ):
                    # rule troops-added-are-others: "Polda Sultra mengerahkan 2.076 personel,
                    # ditambah 1.031 personel dari Polresta Kendari": another force's troops
                    continue
                for mention, draft in ents.mentions_in(
                    t.end(), min(s.end, t.end() + 40), longest=True
                ):
                    gap = text[t.end() : mention.start]
                    if t.end() <= verb.start() < mention.start:
                        break  # "personel gabungan mengamankan PON": the verb's object
                    # "personel Brimob dari Mabes Polri": the troops' kind may come first
                    forces_from = (
                        source_preps.fullmatch(kind_from.sub("", gap.strip()))
                        # "pasukan Brimob bantuan dari Polda Jawa Barat": sent to help, from
                        or aided_from.fullmatch(gap.strip())
                    ) and draft.type is ORG
                    words = gap.split()
                    owner = forces_from or (
                        (
                            len(words) <= 1
                            # "1.500 pasukan operasi khusus Korea Utara": the troops' kind
                            # between them and their owner
                            or (
                                lang.head_first
                                and len(words) == 2
                                and all(w.isalpha() and w.islower() for w in words)
                                and not {w.lower() for w in words}
                                & (set(dest_preps) | place_preps | joined_preps | purpose_words)
                                and not source_preps.search(gap)
                            )
                        )
                        and "," not in gap  # "230 personel, Bekasi ...": a list goes on
                        and gap.strip().lower() not in dest_preps
                        and not source_preps.fullmatch(gap.strip())  # "1.000 tentara dari X"
                        and gap.strip().lower() not in joined_preps  # "pasukan dalam ISF"
                        # rule examples-are-no-owner: "mengantar keberangkatan pasukan seperti
                        # Polda Kaltim dan Pemkot Balikpapan": who saw them off, for example
                        and gap.strip().lower() not in examples
                    )
                    if forces_from and draft is not to:
                        # rule troops-from-forces: "6.000 personel dari TNI dan Polri" are
                        # sent by each force named; a place after "dari" is where from
                        by, co_senders = draft, _listed_bodies(text, lang, mention, ents, s)
                        why.append(Step("sender:troops-from-forces", *mention.span))
                    elif owner and draft.type in (LOC, ORG) and draft is not to:
                        if _is_unit(mention.text, units):
                            unit = unit or draft
                            why.append(Step("sender:unit", *mention.span))
                        else:
                            by = draft
                            why.append(Step("sender:owner-of-the-troops", *mention.span))
                            # "personel gabungan Polri dan TNI": each force named
                            co_senders = _listed_bodies(text, lang, mention, ents, s)
                    break
                for ds, de, entry in ents.demonyms_in(s.start, t.start()):
                    force = next(
                        (d for m, d in mentions if m.start == ds and m.end == t.start() - 1),
                        None,
                    )
                    if (
                        force is not None
                        and force.type is ORG
                        and force.names[0].split()[-1][:1].isupper()
                    ):
                        # "Six Philippine Army battalions": the army its name says ("Russian
                        # army units" are the state's)
                        by = force
                        why.append(Step("sender:the-force-of-the-troops", ds, t.start()))
                    elif len(text[de : t.start()].split()) <= 1:
                        by = ents.country(entry, ds, de)
                        why.append(Step("sender:demonym-of-the-troops", ds, de))
                        whole = _whole_of_contingent(text, lang, ents, t, s.end) or whole
                        # rule coordinated-demonyms: "Spanish and Moroccan troops": each
                        co_senders = _demonyms_joined_before(text, lang, ents, s.start, ds)
                named = _name_before(text, mentions, t.start())
                if by is None and named is not None and named is not to and not lang.head_first:
                    by = (
                        named  # rule name-before-the-troops: "US soldiers", "National Guard troops"
                    )
                    why.append(Step("sender:name-before-the-troops", s.start, t.start()))
                if by is not None:
                    break
            serving = _force_served(text, lang, ents, s, by)
            if serving is not None and whole is None:
                # rule a-contingent-of-the-force-it-serves: "300 Zambian soldiers arrived in
                # Beira as part of the SADC mission": SADC's deployment, Zambia's part
                whole = serving[1]
                why.append(Step("sender:part-of-the-force-it-serves", *serving[0].span))
            passive = _passive(text, lang, verb)
            owned = next((w for w in reversed(why) if w.rule.startswith("sender:")), None)
            if (
                by is not None
                and not passive
                and owned is not None
                and owned.rule == "sender:owner-of-the-troops"
                and owned.start > verb.end()
            ):
                head = next(
                    (
                        (m, d)
                        for m, d in reversed(mentions)
                        if m.end <= verb.start()
                        and d.type in (LOC, ORG)
                        and re.fullmatch(r"\s*", text[m.end : verb.start()])
                    ),
                    None,
                )
                coordinated = head is not None and re.search(
                    rf"(?:{joins.pattern})\s+(?:\S+\s+){{0,2}}$",
                    text[s.start : head[0].start],
                    re.IGNORECASE,
                )
                if head is not None and not coordinated and head[1] not in (to, by):
                    # rule the-subject-sends-its-troops: "Kodam VI memberangkatkan 450
                    # prajurit TNI": who sends them, not the force they serve in
                    by = head[1]
                    why.append(Step("sender:the-subject-sends-its-troops", *head[0].span))
            if by is None and passive:
                by = _agent(text, lang, verb, s, mentions, to)
                if by is not None:
                    why.append(Step("sender:agent-of-the-passive", verb.end(), s.end))
            if by is None and not passive:
                forces = _state_forces(text, lang, ents, s.start, verb.start(), mentions)
                if forces is not None:
                    by = forces[2]
                    why.append(Step("sender:the-state-s-forces", forces[0], forces[1]))
            governed = (
                government.search(text, max(s.start, verb.start() - 40), verb.start())
                if by is None and not passive
                else None
            )
            if (
                governed is not None
                and home is not None
                and (to is None or to is home or in_country(to, home))
                and not any(governed.start() <= m.start < verb.start() for m, _ in mentions)
            ):
                # rule the-government-of-the-story: "AFP reporters saw army trucks after the
                # government deployed the military": the state the story is in, not a name
                # told before
                by = home
                why.append(Step("sender:the-government-of-the-story", *governed.span()))
            if (
                by is None
                and not passive
                and means.search(text, max(s.start, verb.start() - 15), verb.start())
            ):
                main_subject = next(
                    (
                        (m, d)
                        for m, d in mentions
                        if m.start < verb.start()
                        and d.type in (LOC, ORG)
                        and d is not to
                        and m.span not in datelined
                    ),
                    None,
                )
                if main_subject is not None:
                    # rule the-subject-of-the-means: "Militer Prancis telah menggandakan
                    # upayanya untuk menghadapi ancaman Iran ... dengan mengerahkan dua
                    # kapal induk": the main clause's subject, not a name in its purpose
                    by = main_subject[1]
                    why.append(Step("sender:the-subject-of-the-means", *main_subject[0].span))
            if by is None and not received:
                for mention, draft in reversed(mentions):
                    if mention.start >= verb.start() or in_request(mention.start):
                        continue
                    if draft.type is LOC and pronoun_subject.search(
                        text, mention.end, verb.start()
                    ):
                        # rule a-pronoun-is-the-subject: "stabilising the CAR capital of
                        # Bangui when they first deployed": they, not the place before
                        break
                    if passive and draft.type is ORG and not _is_unit(mention.text, units):
                        of_command = _unit_of_command(text, unit_owner, mentions, mention, units)
                        if of_command is not None:
                            # rule the-unit-of-a-command: "Yonif 321 milik Kodam III
                            # diberangkatkan": the battalion was sent, not its command
                            mention, draft = of_command
                    if passive and not relative_before.search(text, mention.end, verb.start()):
                        # rule passive-subject-is-the-troops: "900 personel ... diterjunkan";
                        # a named unit sent is its own sender ("Kontingen Garuda XXXIX-B
                        # diberangkatkan ke Lebanon"), or its force's
                        named_force = draft.type is ORG and any(
                            troops_p.search(name)
                            or _is_unit(name, units)
                            # "The Ethiopian army has been deployed to Tigray"
                            or force_nouns.search(name)
                            # "The Kenya Defence Forces (KDF) was deployed": the body its
                            # acronym stands for
                            for name in (mention.text, *draft.names)
                        )
                        # "The EU naval mission has been deployed": the body whose force or
                        # mission is named right after it
                        its_mission = (
                            draft.type is ORG
                            and re.fullmatch(
                                rf"\s+(?:[a-z]+\s+)?(?:{missions.pattern})(?!\w).*",
                                text[mention.end : verb.start()],
                                re.IGNORECASE,
                            )
                            is not None
                        )
                        if (named_force or its_mission) and not troops_p.fullmatch(
                            mention.text  # "Satuan Setingkat Kompi"
                        ):
                            by = draft
                            why.append(Step("sender:the-unit-sent", *mention.span))
                            listed = _coordinated_before(
                                text, lang, mentions, mention, units, unit_owner
                            )
                            if listed:
                                # "Yonif 321 dan Yonif 712 diberangkatkan ke Papua": each unit
                                by, co_senders = listed[0], [*listed[1:], draft]
                                why.append(Step("sender:each-unit-listed", *mention.span))
                            demonym = next(iter(ents.demonyms_in(mention.start, mention.end)), None)
                            if demonym is not None and mention.text.split()[-1].islower():
                                # "the Ethiopian army" is the state's, as "Ethiopian troops"
                                # are ("the Nepal Army" is the body its name says)
                                by = ents.country(demonym[2], demonym[0], demonym[1])
                        break
                    if mention.cue == "dateline" or mention.span in datelined:
                        continue  # "BATAM (ANTARA) - Sebanyak 252 personel ...": where written
                    if draft.type is LOC and stationed.search(
                        text, max(s.start, mention.start - 40), mention.start
                    ):
                        continue  # rule troops-there-are-not-sent-by-it: "troops based in Iraq"
                    if draft.type is LOC and word_before(text, s, mention).lower() in toward:
                        continue  # "crossed the border into Kuwait": where they went, no sender
                    if unit is not None and joined_clause_before.search(
                        text, max(s.start, mention.start - 90), mention.start
                    ):
                        # rule the-unit-not-its-task-force: "prajurit Yonif 712 yang
                        # tergabung dalam Satgas Pamtas RI-Papua Nugini tiba": the unit's
                        continue
                    if cited.search(text, max(s.start, mention.start - 45), mention.start):
                        # rule a-source-is-no-sender: "According to the Defence Ministry, the
                        # decision to deploy ...", "Dilansir dari AFP, ... pengiriman"
                        continue
                    if crowd.match(text, mention.end, verb.start()):
                        break  # "PTI protesters pushed back a deployment": not who sent it
                    part_cue = composed.search(
                        text, max(s.start, mention.start - 40), mention.start
                    )
                    # "personel gabungan yang terdiri dari Polri dan TNI": parts, not
                    # senders; but "Termasuk pula, Polda Kalbar mengirimkan ..." opens the
                    # sentence, and its subject sends
                    if part_cue is not None and not re.match(
                        r"(?:\s+[\w-]+)?\s*,", text[part_cue.end() : mention.start]
                    ):
                        continue
                    if (
                        draft.type is LOC
                        and word_before(text, s, mention).lower() in place_preps
                        and spoke.match(text, mention.end, verb.start())
                    ):
                        continue  # "X di Batam, Sabtu, mengatakan pengiriman ...": where said
                    if any(a <= mention.start < b for a, b in aside):
                        continue
                    if (
                        draft.type is LOC
                        and re.search(r",\s*$", text[s.start : mention.start])
                        and re.match(r"\s*,", text[mention.end : verb.start()])
                    ):
                        # rule a-place-between-commas-is-an-address: "Soldiers of the 89th
                        # Brigade, Fort Riley, Kansas, arrived": where the unit is from
                        continue
                    if (
                        draft.type is LOC
                        and not _is_country(draft)
                        and source_preps.fullmatch(word_before(text, s, mention).lower())
                    ):
                        continue  # rule a-town-troops-come-from: "Brimob dari Sorong ini tiba"
                    if troops_p.fullmatch(mention.text):
                        continue  # "Satuan Setingkat Kompi": a size of unit, not who sends it
                    if replaced.search(text, max(s.start, mention.start - 20), mention.start):
                        # rule the-replaced-unit-sends-not: "400 prajurit Yonif 777
                        # menggantikan Yonif 666 menjaga perbatasan": the unit they relieve
                        continue
                    if draft.type is ORG and ranked.search(
                        text, max(s.start, mention.start - 25), mention.start
                    ):
                        continue  # "Mayjen TNI Ignatius": the force of an officer's rank
                    if ordered_by.search(text, max(s.start, mention.start - 40), mention.start):
                        # rule who-gave-the-order-sends-not: "Polda Jawa Tengah mendapat
                        # perintah dari Mabes Polri untuk mengirimkan anggotanya": Polda Jateng
                        continue
                    if joined_before.search(
                        text, max(s.start, mention.start - 30), mention.start
                    ) and any(d.type in (LOC, ORG) for m, d in mentions if m.end <= mention.start):
                        continue  # "Indonesia ... dalam misi UNIFIL sejak mengirimkan": whose
                    if draft.type is PER and not passive and deploy_nouns.match(verb.group()):
                        break  # "Governor X criticised the deployment": a person speaks of it
                    if draft.type is LOC and is_site(lang, mention.text):
                        continue  # rule a-site-sends-no-troops: "150 in Camp Mabry and 100"
                    if draft.type is LOC and sent_before.search(
                        text, max(s.start, mention.start - 90), mention.start
                    ):
                        # rule where-they-were-sent-before: "381 pasukan Brimob yang semula
                        # diperbantukan ke Provinsi Papua Barat digeser ke Nabire": a clause
                        # about the troops says where they were, not who sends them
                        continue
                    if backers.match(text, mention.end):
                        # rule who-backs-sends-not: "The first U.N.-backed contingent of
                        # foreign police arrived": the U.N. backs it, others send it
                        continue
                    if (
                        draft.type is LOC
                        and not passive
                        and (
                            deploy_nouns.fullmatch(verb.group()) or send_off.fullmatch(verb.group())
                        )
                        and whose_place.search(
                            text, max(s.start, mention.start - 40), mention.start
                        )
                        and not force_nouns.search(
                            text, max(s.start, mention.start - 30), mention.start
                        )
                        and not troops_p.search(
                            text, max(s.start, mention.start - 30), mention.start
                        )
                    ):
                        # rule where-the-subject-is: "Unsur pimpinan di Kaltim turut mengantar
                        # keberangkatan pasukan": the officials are there, Kaltim sends none
                        continue
                    titled = _titled_body(text, lang, ents, mention) if draft.type is LOC else None
                    if titled is not None and titled is not to:
                        # rule the-body-a-title-names: "Kapolda Maluku Irjen X mengatakan, ada
                        # penambahan 300 personel": Polda Maluku, not the province
                        by = titled
                        why.append(Step("sender:the-body-a-title-names", *mention.span))
                        break
                    if draft.type is PER and not passive and to is not None:
                        state = _state_of_head(lang, ents, roles, draft, s, to, home)
                        if state is not None and state is not to:
                            by = state
                            ents.adopt_later(state)
                            why.append(
                                Step(
                                    "sender:a-head-of-state-sends-the-state-s-troops", *mention.span
                                )
                            )
                            break
                    if draft.type in (LOC, ORG) and draft is not to:
                        by = draft
                        why.append(Step("sender:subject-before-the-verb", *mention.span))
                        listed = _coordinated_before(text, lang, mentions, mention, units)
                        if listed:
                            # rule each-unit-listed: "Yonif 123/Rajawali, Yonif 125/Simbisa
                            # dan Yonif 126/Kala Cakti telah tiba": each unit goes
                            by, co_senders = listed[0], [*listed[1:], draft]
                            why.append(Step("sender:each-unit-listed", *mention.span))
                        first = _subject_of_coordinated_verb(text, lang, mentions, mention, verb)
                        if first is not None and first is not to:
                            # rule the-subject-of-both-verbs: "Rwanda backs the M23 and also
                            # has troops in Congo": M23 is the object of the first verb
                            by = first
                            why.append(
                                Step("sender:the-subject-of-both-verbs", s.start, verb.start())
                            )
                        break
            if by is None and unit is None and sent is not None:
                unit = sent[1]
                why.append(Step("sender:a-unit-sent", *sent[0].span))
            by = by or unit
            if by is None and part > 0 and subject is not None:
                by = subject  # "X sent troops to A, and moved 1,000 from B to C"
                why.append(Step("sender:subject-of-the-first-clause", sentence.start, s.start))
            if by is not None:
                unit_of, by = by, force_of_unit(by, ents)
                if by is not unit_of:
                    why.append(Step("sender:a-unit-is-sent-by-its-force", s.start, verb.start()))
                by = country_of(by, ents)
                if _a_town(by):
                    # rule a-town-sends-no-troops: "Yonif 725/Woroagi Kendari ... tiba",
                    # "singgah di Manado": where troops come from or pass, not who sends them
                    why.append(Step("sender:a-town-sends-no-troops", s.start, verb.start()))
                    by = None
            if by is not None:
                leader, by = by, alliance_for_leader(text, lang, by, ents, s.start, s.end)
                if by is not leader:
                    why.append(Step("sender:led-is-not-the-sender", s.start, verb.start()))
                    led = leader
            else:
                by = led_alliance(text, lang, ents, s.start, verb.start())
                if by is not None:
                    why.append(Step("sender:led-is-not-the-sender", s.start, verb.start()))
            if by is None and leaving is None:
                headed = _body_of_its_head(text, lang, ents, s.start, verb.start())
                if headed is not None:
                    # rule the-body-its-head-leads: "Kapolri mengerahkan 4 SSK ...": Polri;
                    # "Kapolri Jenderal Listyo Sigit Prabowo menerjunkan ...": Listyo
                    by = headed[0]
                    ents.adopt_later(by)
                    why.append(Step("sender:the-body-its-head-leads", *headed[1]))
            by_country = by is not None and by.entry is not None and by.entry.kind == "country"
            chosen_by = [w.rule for w in why if w.rule.startswith("destination:")]
            if (
                to is not None
                and by_country
                and to.entry is not None
                and to.entry.capital_of
                # named as the place the troops went: "ke Ouagadougou", "to South Sudan's
                # capital Juba"
                and chosen_by[-1:]
                not in (["destination:after-preposition"], ["destination:inner-place"])
            ):
                # a capital the rules reached for (the-capital, a town named after the
                # country) stands for the country; troops sent "ke Ouagadougou" went there,
                # the most specific place the text names
                country = country_of(to, ents)
                if country is not by:
                    to = country
            if to is None and capital is not None and by is not None and _is_country(by):
                # rule the-sender-s-capital: "DHAKA - Bangladeshi authorities deployed troops
                # in the streets of the capital": the capital of the state that sends them,
                # when the article names it
                seat = capital_of_country(by, ents)
                if seat is not by:
                    to = seat
                    why.append(Step("destination:the-sender-s-capital", *capital.span()))
            if to is None and by is not None and anaphora.search(text, verb.end(), s.end):
                # "to the region": where the last deployment went, else the story's last country
                last = deps[-1].to if deps and deps[-1].to is not by else None
                # a country the sentence names before the verb comes first ("Chad ended its
                # pact with France, which has 1,000 troops in the country")
                here = next(
                    (
                        d
                        for m, d in reversed(mentions)
                        if m.end <= verb.start()
                        and d is not by
                        and d.entry is not None
                        and d.entry.kind == "country"
                        # not the owner of a body ("Russia's Defence Ministry said") nor
                        # the leader of the sender ("the Russia-led alliance")
                        and not re.match(r"['’]s?\s", text[m.end : m.end + 3])
                        and alliance_for_leader(text, lang, d, ents, s.start, s.end) is d
                    ),
                    None,
                )
                to = here or last or _topic_country(lay, ents, index, by)
                why.append(Step("destination:anaphora", verb.end(), s.end))
            back = sent_back.search(text, verb.end(), s.end) if leaving is None else None
            if back is not None and (
                to is None or any(m.start == back.end() - 1 for m, d in mentions if d is to)
            ):
                # rule sent-back-home: "sending the 3rd Brigade back to Ohio": troops going
                # home, no deployment
                continue
            if (
                to is None
                and by is not None
                and deps
                and deps[-1].to is not by
                # the deployment told just before, or one the sentence says it joins
                and (
                    deps[-1].para == s.para
                    or index - deps[-1].sentence <= 2
                    or joining.search(text, s.start, s.end) is not None
                )
            ):
                to = deps[-1].to
                why.append(Step("destination:the-last-deployment-s", s.start, s.end))
            onward = onward_p.search(text, to_end, s.end) if to_end is not None else None
            if onward is not None and leaving is None:
                went_on = next(
                    (
                        (m, d)
                        for m, d in mentions
                        if m.start > onward.end()
                        and d.type is LOC
                        and d is not to
                        # "sebelum dikerahkan dalam perang di Ukraina": no place they went
                        and not not_dest.search(
                            text[max(onward.end(), m.start - 30) : m.start].lower()
                        )
                        and (
                            toward_before.search(text, max(onward.end(), m.start - 12), m.start)
                            # "lalu tiba di kota Poso": a verb of arriving, then where
                            or (
                                verbs.search(text, onward.end(), m.start) is not None
                                and dest_before.search(
                                    text, max(onward.end(), m.start - 12), m.start
                                )
                            )
                        )
                    ),
                    None,
                )
                if went_on is not None:
                    # rule where-they-went-on-to: "tiba di Bandara Sentani, Jayapura, lalu
                    # diterbangkan ke Kabupaten Yahukimo": the first place was a stop
                    to = went_on[1]
                    why.append(Step("destination:where-they-went-on-to", *went_on[0].span))
            if to is not None and to_end is not None and leaving is None:
                attached = next(
                    (
                        (m, area)
                        for m, d in mentions
                        if verb.end() <= m.start < to_end
                        and d.type is ORG
                        and attached_to.fullmatch(text, verb.end(), m.start)
                        and (area := area_of_body(lang, ents, d)) is not None
                    ),
                    None,
                )
                if attached is not None:
                    # rule the-area-of-the-force-they-are-attached-to: "diberangkatkan BKO
                    # Polda Papua untuk ikut mengamankan ... di Provinsi Papua dan Papua
                    # Barat": where the force they are put under serves, not the places of
                    # their task
                    to, also = attached[1], []
                    ents.adopt_later(to)
                    why.append(
                        Step("destination:the-area-of-the-force-they-join", *attached[0].span)
                    )
            if to is None and leaving is None:
                guarded = _guarded_protest(text, lang, verb, s, ents, protests or [])
                if guarded is not None:
                    to = guarded
                    why.append(Step("destination:the-protest-they-guard", verb.end(), s.end))
            if to is None and leaving is None and _troop_count(text, lang, s, troops_p) is not None:
                protest_place = _protest_just_told(lay, lang, ents, index, protests or [])
                if protest_place is not None:
                    # rule the-protest-just-told: "Bentrokan pecah ... Dari Polda Sumut,
                    # diturunkan 200 personel": troops counted as sent, to no place named,
                    # right after a protest is told of go where it is
                    to = protest_place
                    why.append(Step("destination:the-protest-just-told", s.start, s.end))
            if to is None and leaving is None and by is not None:
                edge = borders.search(text, verb.end(), s.end)
                own = by if _is_country(by) else home
                if (
                    edge is not None
                    and own is not None
                    and len(text[verb.end() : edge.start()].split()) <= 6
                ):
                    # rule the-sender-s-own-border: "Mexico deployed 10,000 soldiers to its
                    # northern border": into Mexico (the border is a place in it)
                    to = own
                    why.append(Step("destination:the-sender-s-own-border", *edge.span()))
                    across = next(
                        (d.to for d in reversed(deps) if d.by is by and d.to is not own), None
                    )
                    if across is not None and _is_country(across):
                        # rule the-border-told-before: "tentara Rusia yang disiagakan di
                        # perbatasan Ukraina", then "jumlah tentara Rusia di perbatasan": the
                        # border of the country they were sent toward
                        to = across
                        why.append(Step("destination:the-border-told-before", *edge.span()))
            if to is None and leaving is None:
                joined = next(
                    (
                        (m, area)
                        for m, d in mentions
                        if m.start > verb.end()
                        and d is not by
                        and (
                            toward_before.search(text, max(s.start, m.start - 12), m.start)
                            # "untuk memback up Polres Kepulauan Talaud", "membantu
                            # pengamanan di wilayah Polres X": the force they back up
                            or backing.search(text, max(s.start, m.start - 50), m.start)
                        )
                        and (area := area_of_body(lang, ents, d)) is not None
                    ),
                    None,
                )
                if joined is not None:
                    # rule the-area-of-the-force-they-join: "diberangkatkan ke Polda Papua
                    # Barat", "BKO ke Polda Metro Jaya": into the area that force serves
                    to = joined[1]
                    ents.adopt_later(to)
                    why.append(Step("destination:the-area-of-the-force-they-join", *joined[0].span))
            if to is None and leaving is None:
                helped = _country_helped(text, ents, backing, verb.end(), s.end, by)
                if helped is not None:
                    # rule the-country-whose-forces-they-help: "deployed 1,000 troops to help
                    # Mozambique's army", "dikerahkan untuk menopang pasukan militer Mozambik":
                    # into that country
                    to = helped[0]
                    why.append(Step("destination:the-country-whose-forces-they-help", *helped[1]))
            # troops back at their base ("kembali ke satuan") are not sent to its area, nor
            # are troops it sends off ("diberangkatkan", "melepas keberangkatan")
            if (
                to is None
                and leaving is None
                and by is not None
                and not returning.match(text, verb.start())
                and not send_off.fullmatch(verb.group())
            ):
                area = area_of_body(lang, ents, by)
                if area is not None:
                    # rule the-force-s-own-area: "Polres Bantul menerjunkan 550 personel
                    # untuk Operasi Ketupat": into the area the force serves
                    to = area
                    ents.adopt_later(area)
                    why.append(Step("destination:the-force-s-own-area", *area.mentions[0].span))
            if (
                to is None
                and leaving is None
                and dateline is not None
                # no place but the dateline's, and the sender's ("KARACHI - Pakistan
                # deployed 500 troops")
                and not any(
                    d.type is LOC and m.span not in datelined and not (d is by and _is_country(d))
                    for m, d in mentions
                )
                and not deps  # the article's first deployment, not one told on
                # a country's troops against its protests are sent into it (see
                # troops-against-the-country-s-own-protests)
                and not (by is home and protest_nouns.search(text, verb.end(), s.end))
                and (
                    _troop_count(text, lang, s, troops_p) is not None
                    or force_nouns.search(text, verb.end(), s.end) is not None  # "the army"
                )
                and (home is None or in_country(dateline, home) or dateline is home)
            ):
                # rule the-dateline-town: "TEMPO.CO, Jakarta - ... polisi akan menerjunkan
                # 4.200 personel untuk menjaga perhelatan May Day": a domestic deployment
                # that names no place is in the town the story was written in
                to = dateline
                why.append(Step("destination:the-dateline-town", s.start, s.end))
            if (
                by is None
                and to is not None
                and nationwide_in(nationwide, text, ents, s.start, s.end)
                and (state_of := to if _is_country(to) else country_of_town(to, ents)) is not None
            ):
                # the country's own deployment across it ("a town is no sender")
                by = state_of
                ents.adopt_later(by)
                why.append(Step("sender:a-nationwide-deployment-is-the-country-s", *s.span))
            if (
                by is None
                and topic is not None
                and _troop_count(text, lang, s, troops_p) is not None  # a share counted
            ):
                before_by = (
                    deps[-1].by
                    if deps and index - deps[-1].sentence <= 4 and deps[-1].to is not to
                    else _subject_before(lay, ents, index)
                )
                home_area = (
                    area_of_body(lang, ents, before_by)
                    if before_by is not None and before_by.type is ORG
                    else None
                )
                if home_area is not None and to is not None and not _within(to, home_area):
                    # "Polda Aceh ... 10.085 personel di Aceh. Sementara untuk pengamanan di
                    # Sumatera Utara, ada 4.970 personel": a regional force serves its own
                    # area; the place told is another force's
                    before_by = _force_serving(lang, ents, to)
                if before_by is not None:
                    # rule each-place-s-share: "Polri menyiapkan pengamanan ... Untuk wilayah
                    # Jawa Barat, ada 1.100 personel ... Sedangkan Jawa Tengah, terdapat
                    # 2.300": the force told of before, in each place
                    by = before_by
                    why.append(Step("sender:the-force-told-of-before", *s.span))
            if by is None and to is not None:
                whose = _owner_pointed_back_to(lay, lang, ents, index, s, verb, troops_p)
                if whose is not None:
                    # rule the-troops-pointed-back-to: "... will consist of 20 German
                    # soldiers. They will arrive in Vilnius on Monday": Germany's
                    by = whose
                    why.append(Step("sender:the-troops-pointed-back-to", s.start, verb.start()))
            fronted = fronted_source.match(text, s.start, verb.start())
            at_front = ents.starting_at(fronted.end(), verb.start()) if fronted else None
            if (
                by is None
                and at_front is not None
                and at_front[1].type is ORG
                and re.match(r"\s*,", text[at_front[0].end : verb.start()])
            ):
                # rule the-force-they-come-from: "Dari Polda Sulbar, diturunkan 150 personel
                # Brimob": the force named first, as where the troops come from, sends them
                by = at_front[1]
                why.append(Step("sender:the-force-they-come-from", *at_front[0].span))
            if by is None and (
                to is not None
                # the article's first troops counted, with no place: the story's place
                # below (the-place-the-story-is-about)
                or (
                    not deps
                    and (counted_here := _troop_count(text, lang, s, troops_p)) is not None
                    and counted_here.value is not None
                )
            ):
                force = _speaker_force(lay, lang, ents, roles, index)
                if force is not None:
                    by = force  # "900 personel gabungan diterjunkan ...", kata Kapolda X
                    why.append(Step("sender:the-force-of-who-speaks-of-it", *s.span))
            if by is None and to is not None:
                parts = _composed_force(lay, lang, ents, index, verb.end())
                if parts is not None:
                    by = parts  # "900 personel gabungan ... terdiri dari Polda Sumsel, ..."
                    why.append(Step("sender:the-forces-it-is-made-of", *s.span))
            # the country a place inside it is sent to lies in, else the story's: "The
            # Tatmadaw moved troops into northern Rakhine State" in a story about refugees in
            # Bangladesh is Myanmar's military
            state = country_of_town(to, ents) or home
            bare = (
                next(
                    (
                        b
                        for b in military.finditer(text, s.start, s.end)
                        # "almost 40 military vehicles": a kind of vehicle, not the force
                        if not modified_noun.match(text, b.end())
                    ),
                    None,
                )
                if by is None
                else None
            )
            if state is None and to is not None and bare is not None:
                # "The army has been deployed ... in Dhaka": Bangladesh's, though the
                # article never names it, when the army is what the verb sends
                between = text[min(bare.end(), verb.end()) : max(bare.start(), verb.start())]
                if len(between.split()) <= 3 and not re.search(r"[,;]", between):
                    state = ents.country_of_town(to)
            if (
                bare is not None
                and to is not None
                and deps
                and index - deps[-1].sentence <= 2
                and owned_by_it.search(text[max(s.start, bare.start() - 12) : bare.start()])
            ):
                # rule its-forces-are-the-last-sender-s: "The Israeli military said ... It
                # said its air force supported ground troops ... in southern Lebanon": the
                # forces of the actor just told of, not of the country the story is in
                by = deps[-1].by
                why.append(Step("sender:its-forces-are-the-last-sender-s", *bare.span()))
            named_state: Draft | None = None
            if bare is not None and by is None:
                named_state = next(
                    (
                        d
                        for m, d in ents.mentions_in(max(s.start, bare.start() - 40), bare.start())
                        if _is_country(d)
                        and re.fullmatch(r"(?:['’]s?)?\s+", text[m.end : bare.start()])
                    ),
                    None,
                )
                demonym = next(
                    (
                        (ds, de, entry)
                        for ds, de, entry in ents.demonyms_in(
                            max(s.start, bare.start() - 30), bare.start()
                        )
                        if re.fullmatch(r"\s+", text[de : bare.start()])
                    ),
                    None,
                )
                if named_state is None and demonym is not None and demonym[2].kind == "country":
                    # "aboard two Egyptian Military C-130 aircraft": Egypt's military
                    named_state = ents.country(demonym[2], demonym[0], demonym[1])
            if bare is not None and named_state is not None and named_state is not to:
                # rule the-named-country-s-military: "The US military had been deployed in
                # Niger": the country written before it, not the one it is in
                by = named_state
                why.append(Step("sender:the-named-country-s-military", *bare.span()))
            if (
                by is None
                and to is not None
                and state is not None
                and to is not state
                and bare is not None
                and not ents.mentions_in(bare.end(), bare.end() + 2)
            ):
                # rule the-story-country-s-military: "Tank-tank militer dikerahkan di
                # Yangon" in a story about Myanmar, "sent the army onto the streets of
                # Dhaka" (Dhaka's country), with no other sender named
                by = state
                ents.adopt_later(state)
                why.append(Step("sender:the-story-country-s-military", *bare.span()))
            if by is None and to is not None and leaving is None:
                # a town's (a country may be where foreign troops went)
                state_of_to = None if _is_country(to) else ents.country_of_town(to)
                named_forces = _state_s_forces_named(text, ents, troops_p, state_of_to)
                if state_of_to is not None and named_forces is not None:
                    # rule the-state-whose-forces-are-named: "Polisi Belanda menangkap 40
                    # orang ... 2.000 polisi telah dikerahkan di Amsterdam": the state whose
                    # police the article names deploys them at home
                    by = state_of_to
                    ents.adopt_later(by)
                    why.append(Step("sender:the-state-whose-forces-are-named", *named_forces))
            if leaving is None and (by is None or by.type is PER or _is_country(by)):
                sent = _force_sent(text, military, ents, verb, s)
                if (
                    sent is not None
                    and by is not None
                    and _is_country(by)
                    and military.fullmatch(sent[0].text)
                    and any(d is by for _, d in ents.mentions_in(s.start, verb.start()))
                ):
                    # "Senegal also sent Air Force jets": the state's own air force, named
                    # by no more than its kind, is the state's
                    sent = None
                if sent is not None and sent[1] is not to:
                    # rule the-force-sent: "Trump deployed the National Guard to Los
                    # Angeles": the force the text names as sent
                    by = sent[1]
                    why.append(Step("sender:the-force-sent", *sent[0].span))
            whole_body = _body_of_its_council(lang, ents, by, s) if by is not None else None
            if whole_body is not None:
                # rule a-council-decides-for-its-body: "Dewan Keamanan CSTO memutuskan
                # mengerahkan pasukan": the alliance sends, not its council
                by = whole_body
                why.append(Step("sender:the-body-of-the-council", *s.span))
            if to is not None and by is not None and is_site(lang, to.names[0]):
                area = area_of_body(lang, ents, by)
                rally_town = _town_of_the_protest_told(ents, s, protests or [])
                if (
                    area is not None
                    and area is not to
                    and rally_town is not None
                    and rally_town is not area
                ):
                    # rule a-site-of-the-protest-is-in-its-town: "Polda Sumatera Barat
                    # menurunkan 892 personel ... di Gedung DPRD Sumbar" in a sentence that
                    # tells of a rally in Padang: the building is in that town, not across
                    # the province the force serves
                    to = rally_town
                    why.append(Step("destination:a-site-of-the-protest-is-in-its-town", *s.span))
                elif area is not None and area is not to:
                    # rule a-site-is-in-the-force-s-area: "Polda Metro Jaya menyiagakan
                    # 6.142 personel di Istana Negara": a building in the force's area
                    to = area
                    ents.adopt_later(area)
                    why.append(Step("destination:a-site-is-in-the-force-s-area", s.start, s.end))
                elif area is None and rally_town is not None and rally_town is not to:
                    # "7.500 personel cadangan disiagakan di Monas ... oleh TNI" after a
                    # rally told in Jakarta Pusat: the site is in the rally's town
                    to = rally_town
                    why.append(Step("destination:a-site-of-the-protest-is-in-its-town", *s.span))
                elif (
                    area is None
                    and deps
                    and deps[-1].by is not None
                    and deps[-1].to is not to
                    and is_town(deps[-1].to)
                    and not is_site(lang, deps[-1].to.names[0])
                ):
                    # rule a-site-is-in-the-town-told-before: "Egyptian Armed Forces have
                    # started arriving in Mogadishu. The two arrived ... at Aden Adde
                    # International Airport": the airport is in that town
                    to = deps[-1].to
                    why.append(Step("destination:a-site-is-in-the-town-told-before", *s.span))
                elif area is None and dateline is not None and dateline is not to:
                    # rule a-site-is-in-the-dateline-town: a site no town is named with is in
                    # the town the story was written in
                    to = dateline
                    why.append(Step("destination:a-site-is-in-the-dateline-town", *s.span))
            office_town = town_of_a_provincial_office(
                text, lang, s, ents, to, dateline, bodies=False
            )
            if office_town is not None:
                # rule the-town-of-a-provincial-office: "200 personel ... di depan Kantor
                # Gubernur Sulawesi Barat" stand in the town the office is in
                to = office_town
                why.append(Step("destination:the-town-of-a-provincial-office", s.start, s.end))
            datelined_to = any(w.rule == "destination:the-dateline-town" for w in why)
            # "Polresta Palu menyiapkan pengamanan untuk aksi mahasiswa. Sebanyak 600 personel
            # gabungan disiagakan untuk mengamankan aksi tersebut": the protest is the place
            guarded_to = any(w.rule == "destination:the-protest-they-guard" for w in why)
            composition = composed.search(text, verb.end(), s.end)
            part_owner = (
                # "Sebanyak 850 personel dikerahkan dalam operasi itu, terdiri dari 700
                # personel Polri ...": a part's force, not who sent the whole
                to is None
                and owned is not None
                and owned.rule == "sender:owner-of-the-troops"
                and composition is not None
                and owned.start >= composition.end()
            )
            if (
                (by is None or part_owner)
                and (to is None or datelined_to or guarded_to)
                and leaving is None
            ):
                runner = _force_that_runs_it(lay, lang, ents, index, s)
                if runner is not None:
                    # rule the-force-that-runs-the-operation: "Polda Jawa Barat memulai
                    # Operasi Lilin Lodaya 2018. Sebanyak 9 ribu lebih personel diterjunkan
                    # untuk pengamanan libur Natal": the force's troops, in its own area
                    by = runner[0]
                    if not guarded_to:
                        to = runner[1]
                        ents.adopt_later(to)
                    why.append(Step("sender:the-force-that-runs-the-operation", s.start, s.end))
            topical = any(w.rule == "destination:the-place-the-sentence-is-about" for w in why)
            if by is None and to is not None and topical and leaving is None:
                place_force = _force_serving(lang, ents, to)
                if place_force is not None:
                    # rule the-force-of-the-place-told: "Polda Sumut menggelar Operasi ...
                    # Sementara untuk pengamanan di Sumatera Utara, ada 4.970 personel
                    # gabungan yang dikerahkan": the one force of the article that serves it
                    by = place_force
                    why.append(Step("sender:the-force-of-the-place-told", s.start, s.end))
            if by is None and to is not None and leaving is None:
                runner = _force_that_runs_it(lay, lang, ents, index, s)
                if runner is not None and _within(to, runner[1]):
                    # rule the-operation-s-force-in-its-area: "Polres Sleman menggelar Operasi
                    # Lilin. Sebanyak 850 personel dikerahkan di Kabupaten Sleman": the
                    # force's troops, where the sentence puts them
                    by = runner[0]
                    why.append(Step("sender:the-operation-s-force-in-its-area", s.start, s.end))
            subject = by or subject
            carried = None
            if by is None and to is not None and unplaced is not None and index - unplaced[1] <= 2:
                # "Chad has deployed 1,000 soldiers along its border ... The troops were sent to
                # the Ouaddai province on Saturday": whose troops, and how many, was said before
                by, _, carried = unplaced
                why.append(Step("sender:troops-of-the-sentence-before", s.start, s.end))
            unplaced = None
            if untrooped and not (
                by is not None and (_is_country(by) or (by.entry and by.entry.kind == "alliance"))
            ):
                continue  # "McDonald's completed its withdrawal from Russia": no troops
            if (
                to is None
                and leaving is None
                and by is not None
                and by is home
                and verb.re is verbs
                and (protest := protest_nouns.search(text, verb.end(), s.end)) is not None
                # "deployed the military to ... contain protests", not police facing them
                and military.search(text, verb.end(), protest.start()) is not None
            ):
                # rule troops-against-the-country-s-own-protests: "Kenya deployed the
                # military to assist police in containing tax protests": inside the country
                to = by
                why.append(Step("destination:the-country-s-own-protests", verb.end(), s.end))
            if (
                by is not None
                and to is None
                and leaving is None
                # "an offer by Romania to deploy forces there": no troops went yet
                and not planned.search(text, max(s.start, verb.start() - 40), verb.end())
            ):
                unplaced = (by, index, _troop_count(text, lang, s, troops_p))
            # status (troops that leave a place were there)
            # from a word's start: not "akan" of "mengatakan" cut in two
            # "announced the imposition of a curfew and the deployment of the military": a
            # deployment noun is an object, and what governs it may stand further back
            cut = max(s.start, verb.start() - (60 if deploy_nouns.fullmatch(verb.group()) else 40))
            while cut > s.start and cut < verb.start() and re.match(r"[\w-]", text[cut - 1]):
                cut += 1
            clause = text[cut : verb.end()]
            status = DeploymentStatus.HAPPENED
            hedge = denied.search(text, s.start, s.end) if leaving is None else None
            if hedge is not None:
                status = DeploymentStatus.DENIED
                why.append(Step("status:denied-hedge", *hedge.span()))
            elif (
                leaving is None
                # "will reduce the number of its soldiers serving in Latvia": the troops
                # to be cut are there now
                and withdraw.search(clause) is None
            ) and (
                # "akan mulai kami berangkatkan hari ini": they go on the day it is told
                (_a_plan(planned, not_a_plan, today, clause) and not today.match(text, verb.end()))
                or planned.fullmatch(verb.group())
                # "are headed to Tijuana in coming months": a time still to come, also
                # before the verb ("malam ini jam 22.00 WITA berangkat ke Papua Barat")
                or future.search(text, verb.end(), min(s.end, verb.end() + 50)) is not None
                or (future.search(clause) is not None and not done.search(clause))
            ):
                status = DeploymentStatus.PLANNED
                why.append(
                    Step("status:planned-hedge", max(s.start, verb.start() - 40), verb.end())
                )
            elif (
                leaving is None
                # troops that arrived on their way are not only readied: "arrived in
                # Nairobi to be deployed to Mombasa", "tiba di Jayapura untuk diberangkatkan"
                and not arrivals.fullmatch(verb.group())
                and (purpose := purposes.search(text, verb.end(), min(s.end, verb.end() + 80)))
            ):
                # rule readied-to-be-sent: "menyiapkan 150 personel untuk diberangkatkan ke
                # Papua": troops readied to go have not gone yet
                status = DeploymentStatus.PLANNED
                why.append(Step("status:readied-to-be-sent", *purpose.span()))
            elif alert.fullmatch(verb.group()) and to is not None and _toward(text, lang, verb, to):
                # rule on-alert-to-go: "menyiagakan 2.000 prajurit ke Timur Tengah" puts
                # troops on alert to go there, they have not gone ("disiagakan di" is there)
                status = DeploymentStatus.PLANNED
                why.append(Step("status:on-alert-to-go", verb.start(), verb.end()))
            asked = _asked_to_send(text, asked_to, s, verb, mentions, by)
            if asked is not None and status is DeploymentStatus.HAPPENED:
                # rule asked-to-send: "Uni Eropa meminta Malaysia mengerahkan pasukan ke
                # Armenia", "The EU asked Malaysia to deploy troops": asked, not yet sent
                status = DeploymentStatus.PLANNED
                why.append(Step("status:asked-to-send", *asked[0].span()))
                if request is None and asked[1] is not None:
                    request = asked[1]
            # troops
            count = _troop_count(text, lang, s, troops_p) or carried
            cut_from = _cut_from(text, lang, s, withdraw)
            if cut_from is not None:
                # rule a-cut-counts-the-troops-there: "memangkas jumlah pasukannya di Irak
                # dari 2.500 menjadi 2.000 personel": 2.500 are there
                count = cut_from
                why.append(Step("troops:the-strength-before-the-cut", s.start, s.end))
            dates = event_dates(text, lang, published, s)
            if leaving is None and (later := withdraw.search(text, verb.end(), s.end)):
                # "troops stationed in X left on Friday": Friday is when they left
                dates = [d for d in dates if d.start < later.start()]
            answered = prior_event.search(text, verb.end(), s.end)
            if answered is not None:
                # rule the-day-of-the-event-it-answers: "mengirim 1.800 personel ke Ambon
                # menyusul bentrokan pada Kamis": Thursday is the clashes' day
                dates = [d for d in dates if not answered.start() <= d.start < answered.end() + 60]
            if leaving is None and (earlier := withdraw.search(text, s.start, verb.start())):
                # "began leaving X on Thursday, a week after they flew in": Thursday is when
                # they left, not when they came
                dates = [d for d in dates if not earlier.end() <= d.start < verb.start()]
            if (
                status is DeploymentStatus.HAPPENED
                and leaving is None  # troops that leave later were there
                and dates
                and published is not None
                and dates[0].value.earliest > published
            ):
                # rule a-later-date-is-a-plan: troops that go "next month" have not gone
                status = DeploymentStatus.PLANNED
                why.append(
                    Step("status:a-date-after-the-publication", dates[0].start, dates[0].end)
                )
            start = dates[0].value if dates and status is not DeploymentStatus.DENIED else None
            if (
                start is not None
                and status is DeploymentStatus.PLANNED
                and past.search(text, max(s.start, dates[0].start - 12), dates[0].end + 8)
            ):
                # rule a-plan-made-in-the-past: "resolved last June to send ...": the day
                # it was decided, not the day the troops go
                start = None
                why.append(
                    Step("start:a-plan-s-past-day-is-no-start", dates[0].start, dates[0].end)
                )
            if (
                start is not None
                and status is DeploymentStatus.PLANNED
                and published is not None
                and start.latest < published
                and not re.search(r"\d{4}", text[dates[0].start : dates[0].end])
                # a month named without its year, not a weekday or a numeric date
                and any(
                    w.lower() in lang.months
                    for w in re.findall(r"[^\W\d_]+", text[dates[0].start : dates[0].end])
                )
            ):
                # rule a-plan-looks-ahead: "will deploy ... in January", told in March, is
                # next January
                start = _a_year_later(start)
            elif (
                start is not None
                and status is DeploymentStatus.PLANNED
                and published is not None
                and start.latest < published
                and dates[0].start > verb.end()  # not "As of Thursday, ... ordered"
                and not re.search(r"\d", text[dates[0].start : dates[0].end])
                and any(
                    w.lower() in lang.weekdays
                    for w in re.findall(r"[^\W\d_]+", text[dates[0].start : dates[0].end])
                )
            ):
                # rule a-plan-looks-ahead, for a weekday: "will depart on Monday", told on a
                # Tuesday, is next Monday
                start = _days_later(start, 7)
            withdrawal = None
            # "berangkat dari Lebanon untuk kembali ke Indonesia": a journey home
            home_bound = back_home.search(text, verb.end(), s.end) if leaving is None else None
            # "tiba di Bandara Soekarno-Hatta usai bertugas setahun di Kongo": arrived home
            after_duty = (
                duty_done.search(text, verb.end(), s.end)
                if leaving is None and arrivals.fullmatch(verb.group())
                else None
            )
            duty_mentions = mentions
            if (
                after_duty is None
                and leaving is None
                and arrivals.fullmatch(verb.group())
                and index > 0
                and _points_back(text, lang, s)
            ):
                # rule home-after-the-duty-told-before: "KRI X telah menyelesaikan tugasnya
                # selama satu tahun di Lebanon. ... 110 prajurit itu tiba di Surabaya"
                duty_told = lay.sentences[index - 1]
                after_duty = duty_done.search(text, duty_told.start, duty_told.end)
                duty_mentions = ents.mentions_in(duty_told.start, duty_told.end, longest=True)
            if leaving is None and (
                returning.match(text, verb.start())
                or home_bound is not None
                or after_duty is not None
            ):
                # "tiba di Tanah Air ... setelah bertugas di X": back home from X
                start, withdrawal = None, dates[0].value if dates else None
                served = served_in.search(text, s.start, s.end) or after_duty
                there = next(
                    (
                        d
                        for m, d in (duty_mentions if served is after_duty else mentions)
                        if served and m.start >= served.end() and d.type is LOC
                    ),
                    None,
                )
                if there is None:
                    # "berangkat dari Republik Demokratik Kongo untuk kembali ke Indonesia",
                    # "returned home from Kosovo": the place they set out from is where they
                    # served
                    home_at = home_bound.start() if home_bound is not None else s.end
                    served = next(
                        (
                            p
                            for p in source_preps.finditer(text, verb.end(), home_at)
                            if p.end() - verb.end() <= 40
                        ),
                        None,
                    )
                    there = next(
                        (
                            d
                            for m, d in mentions
                            if served
                            and d.type is LOC
                            and m.start >= served.end()
                            and not text[served.end() : m.start].strip()
                        ),
                        None,
                    )
                if served is not None and there is not None and there is not to:
                    # rule back-from-where-they-served: "tiba kembali di markasnya di Malang
                    # ... setelah 12 bulan bertugas di Kabupaten Maybrat": Maybrat, not home
                    to = there
                    why.append(Step("destination:back-from-where-they-served", *served.span()))
                    if by is to:
                        # "Kontingen Garuda yang bertugas di Lebanon ... berangkat": the
                        # place was read as the subject; the body before it is the sender
                        body = next(
                            (d for m, d in mentions if m.end <= served.start() and d.type is ORG),
                            None,
                        )
                        if body is not None:
                            by = country_of(force_of_unit(body, ents), ents)
                            why.append(
                                Step("sender:the-body-back-from-duty", s.start, served.start())
                            )
            if pulled is not None:
                # rule withdrawn-before-a-relative-clause: "menarik kembali 1.200 personel
                # yang sebelumnya di-BKO-kan ... di Kabupaten Garut": the troops of that
                # deployment leave it, on the sentence's day
                start, withdrawal = None, dates[0].value if dates else None
                why.append(Step("withdrawal:withdrawn-before-a-relative-clause", *pulled.span()))
            ended = None  # when the last troops left
            if withdrawal is not None and leaving is None and pulled is None:
                # rule home-again-is-the-end: the troops told of are back, so their
                # deployment there ended that day ("tiba kembali di Manado usai bertugas di
                # Papua, Senin (4/7/2022)")
                ended = withdrawal
            until = next(
                (d for d in dates if ends_before.search(text, max(s.start, d.start - 15), d.start)),
                None,
            )
            opened = [
                d
                for d in dates
                if until is not None
                and d.start < until.start
                and since_before.search(text, max(s.start, d.start - 15), d.start)
            ]
            if leaving is None and until is not None and opened:
                # rule served-from-until: "bertugas BKO di Puncak sejak 1 September 2020
                # hingga 25 Mei 2021": when the troops began and when they left
                start, ended, withdrawal = opened[-1].value, until.value, None
                why.append(Step("dates:served-from-until", opened[-1].start, until.end))
            if leaving is not None:
                arrived = [
                    d
                    for d in dates
                    if since_before.search(text, max(s.start, d.start - 15), d.start)
                ]
                after = [d for d in dates if d.start >= leaving.end() and d not in arrived]
                start, withdrawal = None, after[0].value if after else None
                if after and _completed(text, lang, leaving, after[0].start, s):
                    ended, withdrawal = withdrawal, None  # rule withdrawal-completed
                if arrived and after and arrived[0].value.latest < after[0].value.earliest:
                    # rule left-after-serving-since: "kembali dari Lebanon, Senin (5/11/2018),
                    # setelah bertugas di Lebanon sejak 23 September 2017": there from then
                    # until they left
                    start, ended, withdrawal = arrived[0].value, after[0].value, None
                    why.append(
                        Step("dates:left-after-serving-since", arrived[0].start, arrived[0].end)
                    )
            if (
                deps
                and deps[-1].para == s.para
                and index - deps[-1].sentence == 1
                and to is not None
                and to is not deps[-1].to
                and leaving is None
                and arrivals.fullmatch(text[deps[-1].why[0].start : deps[-1].why[0].end])
                and _points_back(text, lang, s)
            ):
                # rule where-the-troops-that-arrived-go-on-to: "... tiba di Bandara Sentani,
                # Jayapura. Pasukan Brimob ... tersebut secepatnya akan diberangkatkan ke
                # Wamena": the town they arrived in was a stop
                prev = deps[-1]
                pairs.pop((id(prev.by), id(prev.to)), None)
                prev.to = to
                pairs.setdefault((id(prev.by), id(to)), prev)
                prev.why += [Step("destination:where-the-troops-that-arrived-go-on-to", *s.span)]
                prev.evidence.append((s.start, s.end))
                prev.sentence = index
                continue
            if (
                deps
                and deps[-1].para == s.para
                and index - deps[-1].sentence <= 2
                # another sender, the sentence's subject, that denies or plans what the last
                # one did is another story
                and not (
                    by is not None
                    and by is not deps[-1].by
                    and not _a_state_s_force(by, deps[-1].by)
                    and status is not deps[-1].status
                    and _leads(mentions, by, ents)
                )
                # another sender, the subject, that sends its own number of troops is
                # another deployment: "Burundi deployed about 10,000 soldiers to eastern
                # DR Congo. Rwanda sent 500 troops to eastern DR Congo."
                and not (
                    by is not None
                    and deps[-1].by is not None
                    and by is not deps[-1].by
                    and not _names_within(deps[-1].by, by)
                    and not _names_within(by, deps[-1].by)
                    and count is not None
                    and deps[-1].troops is not None
                    and count.value != deps[-1].troops.value
                    and _leads(mentions, by, ents)
                )
                and (to is None or to is deps[-1].to or by is None)
                # a later clause of one sentence that names its own destination or its own
                # sender is a frame of its own
                and not (part > 0 and to is not None and to is not deps[-1].to)
                and not (part > 0 and by is not None and by is not deps[-1].by)
                # rule another-count-another-status, for waves told one after the other
                and not (
                    status is not deps[-1].status
                    and DeploymentStatus.DENIED not in (status, deps[-1].status)
                    and _reinforcement(text, lang, s, troops_p)
                )
            ):
                prev = deps[-1]
                if (
                    to is not None
                    and to is not prev.to
                    and by is None
                    and any(w.rule == "destination:the-force-s-own-area" for w in prev.why)
                ):
                    # rule where-the-troops-readied-go: "Polda Maluku telah menyiapkan ...
                    # mereka akan diberangkatkan ke Papua": not the force's own area
                    pairs.pop((id(prev.by), id(prev.to)), None)
                    prev.to, prev.status = to, status
                    pairs.setdefault((id(prev.by), id(to)), prev)
                    why.append(Step("destination:where-the-troops-readied-go", *s.span))
                prev.why += [Step("merge:same-deployment-told-on", *s.span), *why[1:]]
                prev.troops = _better_count(prev.troops, count)
                prev.start = prev.start or start
                prev.withdrawal = prev.withdrawal or withdrawal
                prev.end = prev.end or ended
                prev.requested_by = prev.requested_by or request
                _gone_since(prev, status, start, published, s)
                prev.evidence.append((s.start, s.end))
                prev.sentence = index
                continue
            struck = (
                _place_struck(text, lang, ents, s, by, verb.end())
                if to is None and by is not None and leaving is None
                else None
            )
            if struck is not None:
                # rule the-place-the-disaster-struck: "TNI berencana mengerahkan prajurit
                # untuk membantu penanggulangan bencana gempa bumi yang melanda Myanmar"
                to = struck[1]
                why.append(Step("destination:the-place-the-disaster-struck", *struck[0].span))
            if to is None and by is not None and leaving is None and count is not None:
                kept_at = _place_of_the_sentence(text, lang, ents, s, by, place_preps, not_dest)
                if kept_at is not None:
                    # rule the-place-the-sentence-names: "Untuk mengamankan pelantikan
                    # presiden di Jakarta, Polri mengerahkan 15.000 personel": counted troops
                    # sent nowhere the clause says are where the sentence's place is
                    to = kept_at[1]
                    why.append(Step("destination:the-place-the-sentence-names", *kept_at[0].span))
                elif (
                    not deps
                    and count.value is not None
                    and (story_place := _story_place(lang, ents, by)) is not None
                ):
                    # rule the-place-the-story-is-about: "Sebanyak 651 prajurit TNI AD
                    # diterjunkan untuk memperkuat penanganan pascaerupsi" in a story about
                    # Lumajang: the article's first counted troops go where the story is
                    to = story_place
                    why.append(Step("destination:the-place-the-story-is-about", *s.span))
            if (
                by is None
                or to is None
                # rule a-continent-sends-no-one: "pasukan Afrika di Port-au-Prince", "European
                # troops": a region no state's, no sender
                or (by.type is LOC and stateless_region(by))
                or (
                    by is to
                    and not nationwide_in(nationwide, text, ents, s.start, s.end)
                    and not any(
                        w.rule
                        in (
                            "destination:the-sender-s-own-border",
                            "destination:the-country-s-own-protests",
                            "sender:the-government-of-the-story",
                        )
                        for w in why
                    )
                )
            ):
                continue
            inside = region_of(to, ents)
            narrower = next(
                (d for d in deps if d.by is by and (d.to is inside or region_of(d.to, ents) is to)),
                None,
            )
            if narrower is not None:
                # rule a-region-of-the-country-deployed-to: "sent troops to Russia ... moved
                # them to eastern Russia" is one deployment, to the region
                if narrower.to is inside:
                    pairs.pop((id(by), id(narrower.to)), None)
                    narrower.to = to
                    pairs[(id(by), id(to))] = narrower
                narrower.evidence.append((s.start, s.end))
                narrower.troops = narrower.troops or count
                narrower.start = narrower.start or start
                narrower.why.append(Step("merge:a-region-of-the-country-deployed-to", *s.span))
                continue
            wider = next((d for d in deps if d.by is by and in_country(to, d.to)), None)
            if wider is not None:
                # rule a-town-of-the-country-deployed-to: the same sender's troops in a town
                # of the country it deploys to ("deployed across Chile ... patrolled the
                # capital") are that deployment
                wider.evidence.append((s.start, s.end))
                wider.start = wider.start or start
                wider.why.append(Step("merge:a-town-of-the-country-deployed-to", *s.span))
                continue
            told = next((d for d in deps if d.to is to), None)
            if verb.re is troops_p and told is not None:
                # troops only said to be there ("Pasukan Indonesia di X") are those of the
                # deployment to X already told, whoever it named as their sender
                told.evidence.append((s.start, s.end))
                told.why.append(Step("merge:troops-there-are-the-deployment-s", *s.span))
                continue
            dep = _Dep(by, to, status, count, start, index, s.para, [(s.start, s.end)], request)
            dep.withdrawal, dep.left, dep.why = withdrawal, leaving is not None, why
            dep.end, dep.leader = ended, led
            same = pairs.get((id(by), id(to)))
            if (
                same is not None
                and same.status is not status
                and DeploymentStatus.DENIED not in (same.status, status)
                and (
                    (
                        count is not None
                        and same.troops is not None
                        and count.value != same.troops.value
                    )
                    # a quote that tells of more troops again restates them ("akan menambah
                    # tiga batalyon ... 'Kami memutuskan untuk menambah ... tiga batalyon'")
                    or (
                        _reinforcement(text, lang, s, troops_p)
                        and not (count is None and text[s.start : s.start + 1] in '"“”')
                    )
                )
            ):
                # rule another-count-another-status: "20 soldiers arrived ... it would deploy
                # roughly 4,800 troops": the advance party and the planned brigade; "decided
                # to send 50 more companies ... had rushed 20 additional companies": two waves
                same = None
                why.append(Step("split:another-count-and-status", *s.span))
            if same is not None:
                same.why += [Step("merge:same-sender-and-destination", *s.span), *why]
                same.left = same.left and dep.left  # sent there: more than known from leaving
                if same.shared is None or count is None or count.value != same.shared.value:
                    same.troops = _better_count(same.troops, count)  # not the shared one
                same.start = same.start or start
                same.withdrawal = same.withdrawal or withdrawal
                same.end = same.end or ended
                same.requested_by = same.requested_by or request
                if status is DeploymentStatus.DENIED:
                    same.status = status
                same.evidence.append((s.start, s.end))
                continue
            if whole is not None and whole is not by and (id(whole), id(to)) not in pairs:
                # rule contingent-of-a-force: the force is deployed, the country's
                # contingent is its part
                # a standing mission began before the contingent it gets
                began = None if whole is mission else start
                collective = _Dep(whole, to, status, None, began, index, s.para, [s.span])
                collective.why = [*why, Step("sender:the-force-of-a-contingent", *s.span)]
                collective.requested_by = request
                deps.append(collective)
                pairs[(id(whole), id(to))] = collective
                dep.part_of = whole
            deps.append(dep)
            pairs.setdefault((id(by), id(to)), dep)
            counted = (
                _counted_forces(text, lang, ents, s, troops_p, verb.start())
                if not co_senders
                else []
            )
            if len(counted) > 1 and any(force is by for _, force in counted):
                # rule each-counted-force: "Sebanyak 9.700 personel Polri dan 3.600
                # personel TNI disiagakan di Bali": each force sends its own count
                for count_of, force in counted:
                    if force is by:
                        dep.troops = count_of
                        continue
                    if force is to or (id(force), id(to)) in pairs:
                        continue
                    row = _Dep(force, to, status, count_of, start, index, s.para, [s.span])
                    row.withdrawal, row.left, row.end = dep.withdrawal, dep.left, dep.end
                    row.why = [*why, Step("sender:each-counted-force", *s.span)]
                    deps.append(row)
                    pairs[(id(force), id(to))] = row
            for force in co_senders:  # "dari TNI dan Polri": one count for all is no one's
                if force is to or (id(force), id(to)) in pairs:
                    continue
                dep.shared, dep.troops = dep.shared or dep.troops, None
                row = _Dep(force, to, status, None, start, index, s.para, [(s.start, s.end)])
                row.shared = dep.shared
                row.withdrawal, row.left, row.end = dep.withdrawal, dep.left, dep.end
                row.why = [*why, Step("sender:troops-from-forces", s.start, s.end)]
                deps.append(row)
                pairs[(id(force), id(to))] = row
            own_shares = (
                [sh for sh in find_place_shares(lay, lang, ents, s) if sh[2] >= verb.start()]
                if leaving is None and not also
                else []
            )
            if any(sh[0] is to for sh in own_shares):
                # rule a-place-s-share, in the sentence that sends them: "Italia menempatkan
                # 400 tentara di Niger dan 300 tentara di Libya"
                for place, share, share_start, share_end in own_shares:
                    if place is to:
                        dep.troops = share
                    elif (id(by), id(place)) not in pairs and place is not by:
                        row = _Dep(
                            by, place, status, share, start, index, s.para, [s.span], request
                        )
                        row.why = [
                            *why,
                            Step("destination:a-place-s-share", share_start, share_end),
                        ]
                        deps.append(row)
                        pairs[(id(by), id(place))] = row
            for place in also:  # "to Poland and Germany": one count for all is no one's count
                if place is by or (id(by), id(place)) in pairs:
                    continue
                dep.troops = None
                more = _Dep(
                    by, place, status, None, start, index, s.para, [(s.start, s.end)], request
                )
                more.why = why
                deps.append(more)
                pairs[(id(by), id(place))] = more
    for dep in [d for d in deps if d.left]:
        # the troops that leave are those another sentence sends there, by its sender
        sent_there = [
            d for d in deps if not d.left and (d.to is dep.to or region_of(d.to, ents) is dep.to)
        ]
        other = next(
            (d for d in sent_there if d.by is dep.by), sent_there[0] if sent_there else None
        )
        if (
            other is not None
            and other.by is not dep.by
            and _is_country(other.by)
            and _is_country(dep.by)
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
        if frame.rule == "mission-in-a-place" and id(frame.to) in told_places:
            # a mission the story's own deployment there serves ("Satgas ... TNI ke
            # Republik Afrika Tengah ... Misi Stabilisasi PBB di Republik Afrika Tengah",
            # "prajurit yang bertugas sebagai pasukan penjaga perdamaian PBB di Sudan
            # Selatan", "Satgas KONGA MTF ... unit tugas dalam pasukan perdamaian PBB di
            # Lebanon (UNIFIL)"): the context of that deployment, not another one
            continue
        s = lay.sentences[frame.sentence]
        dep = _Dep(
            frame.by, frame.to, DeploymentStatus.HAPPENED, None, None, frame.sentence, s.para
        )
        dep.evidence.append(s.span)
        dep.why = [Step(f"presence:{frame.rule}", frame.start, frame.end)]
        deps.append(dep)
        pairs[(id(frame.by), id(frame.to))] = dep
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
            if (id(piece.by), id(dep.to)) in pairs and not own_share:
                continue
            # a part of the force went when the force went
            row = _Dep(
                piece.by, dep.to, dep.status, piece.troops, dep.start, piece.sentence, dep.para
            )
            row.evidence.append((piece.start, piece.end))
            row.part_of = dep.by
            row.why = [Step("contingent:counted-part", piece.start, piece.end)]
            deps.append(row)
            if not own_share:
                pairs[(id(piece.by), id(dep.to))] = row
    _subjects_split_the_count(lay, lang, ents, deps, pairs)
    _the_operation_s_region(lay, lang, ents, deps, pairs)
    _requests(lay, lang, ents, deps)
    _withdrawals(lay, lang, ents, published, deps)
    _returns_home(lay, lang, ents, deps)
    _counts_told_on(lay, lang, ents, deps)
    _counts_per_sender(lay, lang, ents, deps)
    _counts_per_place(lay, lang, deps)
    _starts_told_on(lay, lang, ents, published, deps)
    _duty_places_told_on(lay, lang, ents, published, deps)
    _guarded_protest_days(lay, lang, deps, protests or [])
    for row in deps:  # a part of a force went, and leaves, when the force does
        went = next((d for d in deps if d.by is row.part_of and d.to is row.to), None)
        if row.part_of is None or went is None:
            continue
        if row.start is None:
            row.start = went.start
        if row.end is None and row.withdrawal is None:
            row.end, row.withdrawal = went.end, went.withdrawal
    # a sender is a body or a place (the facts schema's and the shapes'), never a person:
    # a row that found no other is no fact
    deps = [d for d in deps if PER not in (d.by.type, d.part_of.type if d.part_of else None)]
    out = [_deployment(lay, i, d) for i, d in enumerate(deps, 1)]
    if trace is not None:
        for fact, dep in zip(out, deps, strict=True):
            trace.add(f"deployments/{fact.id}", dep.why)
    return out


def _completed_withdrawal(
    text: str, finishing: re.Pattern[str], leaving: re.Match[str] | None, s: Sentence
) -> bool:
    """A withdrawal said to be completed ("completed its withdrawal from Niger",
    "menyelesaikan penarikan dari Niger")."""
    return leaving is not None and bool(
        finishing.search(text, max(s.start, leaving.start() - 25), leaving.start())
    )


def _better_count(told: Quantity | None, more: Quantity | None) -> Quantity | None:
    """The count a deployment told again keeps: the first, unless it was vague and the
    new one is exact ("ribuan tentara ... 3.000 tentara")."""
    if told is None or (told.value is None and more is not None and more.value is not None):
        return more or told
    return told


def _a_state_s_force(a: Draft, b: Draft | None) -> bool:
    """One of ``a`` and ``b`` is a country and the other a force named after it ("South
    Africa" and "South African National Defence Force")."""
    if b is None:
        return False
    for state, force in ((a, b), (b, a)):
        entry = state.entry
        if entry is None or entry.kind != "country" or force.type is not ORG:
            continue
        name = force.names[0].casefold()
        if any(name.startswith(f"{n.casefold()} ") for n in (*entry.names, *entry.demonyms)):
            return True
    return False


@functools.cache
def _told_back(lang: LangResources, between: str) -> re.Pattern[str]:
    """What follows a troop noun that points back to the troops told of: the words
    ``between`` allows, then a demonstrative ("personel tambahan tersebut")."""
    demonstratives = lang.pattern("demonstratives").pattern
    return re.compile(rf"{between}\s+(?:{demonstratives})(?![\w-])", re.IGNORECASE)


def _within(place: Draft, area: Draft) -> bool:
    """``place`` is ``area`` or is named after it ("Kabupaten Sleman" in Sleman, "Jakarta
    Pusat" in Jakarta)."""
    if place is area:
        return True
    name = area.names[0].casefold()
    return any(
        re.search(rf"(?<!\w){re.escape(name)}(?!\w)", n.casefold()) is not None for n in place.names
    )


def _points_back(text: str, lang: LangResources, s: Sentence) -> bool:
    """``s`` names the troops told of ("pasukan itu", "the troops", "Pasukan Brimob ...
    tersebut")."""
    if lang.pattern("troop_back_references").search(text, s.start, s.end):
        return True
    told_back = _told_back(lang, r"(?:\s+[\w-]+){0,7}?")  # "Pasukan Brimob ... tersebut"
    return any(
        told_back.match(text, m.end())
        for m in lang.pattern("troop_nouns").finditer(text, s.start, s.end)
    )


def _force_that_runs_it(
    lay: Layout, lang: LangResources, ents: Entities, index: int, s: Sentence
) -> tuple[Draft, Draft] | None:
    """The regional force, and its area, whose troops ``s`` counts with no sender of its own
    in an operation: the force the sentence before (in its paragraph) names first ("Polda
    Jawa Barat memulai Operasi Lilin. Sebanyak 9.000 personel diterjunkan ..."), else the
    first the next sentence's composition names ("Sebanyak 20.000 personel dikerahkan
    dalam Operasi Ketupat ini. Personel itu terdiri dari 16.000 anggota Polda Jawa Barat
    ...")."""
    text = lay.clean
    if _troop_count(text, lang, s, lang.pattern("troop_nouns")) is None:
        return None
    operation = lang.pattern("operation_nouns")
    datelined = set(lay.dateline_places)
    cues = lang.pattern("composition_cues")
    near = [
        (n, t)
        for n, t in ((index - 1, False), (index + 1, True))
        if 0 <= n < len(lay.sentences)
        and lay.sentences[n].kind is Kind.STORY
        and lay.sentences[n].para == s.para
    ]
    for n, composed in near:
        other = lay.sentences[n]
        if not operation.search(text, min(other.start, s.start), max(other.end, s.end)):
            continue
        start = other.start
        if composed:
            cue = cues.search(text, other.start, other.end)
            if cue is None:
                continue
            start = cue.end()
        first = next(
            (
                d
                for m, d in ents.mentions_in(start, other.end)
                if d.type in (LOC, ORG) and m.span not in datelined
            ),
            None,
        )
        area = area_of_body(lang, ents, first) if first is not None else None
        if first is not None and area is not None:
            return first, area
    return _holder_of_the_named_operation(lay, lang, ents, s)


def _holder_of_the_named_operation(
    lay: Layout, lang: LangResources, ents: Entities, s: Sentence
) -> tuple[Draft, Draft] | None:
    """Rule the-holder-of-the-named-operation: the regional force, and its area, that an
    earlier sentence says holds the operation ``s`` names ("Polda Metro Jaya menggelar
    Operasi Lilin 2020 ... Menurut Yusri, Operasi Lilin 2020 melibatkan 8.179 personel")."""
    text = lay.clean
    for head in lang.pattern("operation_nouns").finditer(text, s.start, s.end):
        named = re.match(r"(?:\s+(?:[A-Z][\w-]*|\d{4}))+", text[head.end() : s.end])
        if named is None or not head.group()[:1].isupper():
            continue
        name = " ".join(text[head.start() : head.end() + named.end()].split())
        for other in lay.sentences:
            if other.start >= s.start:
                break
            at = " ".join(text[other.start : other.end].split()).find(name)
            if other.kind is not Kind.STORY or at < 0:
                continue
            for _, d in ents.mentions_in(other.start, other.end):
                area = area_of_body(lang, ents, d) if d.type is ORG else None
                if area is not None:
                    return d, area
    return None


def _a_plan(
    planned: re.Pattern[str], not_a_plan: re.Pattern[str], today: re.Pattern[str], clause: str
) -> bool:
    """A word of a plan in ``clause`` that no word before it makes something else ("bangga
    akan melepas" is proud of sending them off), nor a word of this day after it ("will
    today start the deployment": it starts on the day it is told)."""
    return any(
        not not_a_plan.search(clause, 0, hedge.start()) and not today.match(clause, hedge.end())
        for hedge in planned.finditer(clause)
    )


def _gone_since(
    dep: _Dep,
    status: DeploymentStatus,
    start: DateValue | None,
    published: dt.date | None,
    s: Sentence,
) -> None:
    """Rule planned-then-gone: a planned deployment told again as gone on a day before
    the article ("... yang akan diterjunkan ke Papua. ... diberangkatkan ke Papua, Jumat
    (4/6)") happened; the day is when it began."""
    if (
        dep.status is DeploymentStatus.PLANNED
        and status is DeploymentStatus.HAPPENED
        and start is not None
        and published is not None
        and start.latest <= published
    ):
        dep.status, dep.start = status, start
        dep.why.append(Step("status:planned-then-gone", *s.span))


def _deploy_verb(
    text: str,
    verbs: re.Pattern[str],
    equipment: re.Pattern[str],
    s: Sentence,
    about_troops: re.Pattern[str] | None = None,
) -> re.Match[str] | None:
    """The first verb of sending in ``s`` whose object is not machinery or a measure: rule
    machines-are-no-troops ("PT Sawit Jaya yang mengerahkan alat berat", "Police have
    ordered a nationwide curfew"). Rule the-verb-after-a-clause-about-the-troops: with
    ``about_troops``, a verb in a clause about the troops ("381 pasukan Brimob yang semula
    diperbantukan ke Papua Barat digeser ke Nabire") gives way to the sentence's next."""
    found = [v for v in verbs.finditer(text, s.start, s.end) if not equipment.match(text, v.end())]
    if about_troops is not None and len(found) > 1:
        main = [v for v in found if not about_troops.search(text, s.start, v.start())]
        if main and main[0] is not found[0]:
            return main[0]
    return found[0] if found else None


def _subject_before(lay: Layout, ents: Entities, index: int) -> Draft | None:
    """The body that opens one of the two story sentences before sentence ``index`` (its
    subject: "Polri menyiapkan pengamanan May Day ..."), the nearer first."""
    for j in range(index - 1, max(-1, index - 3), -1):
        prev = lay.sentences[j]
        if prev.kind is not Kind.STORY:
            continue
        named = ents.mentions_in(prev.start, prev.end, longest=True)
        if (
            named
            and named[0][1].type is ORG
            and len(lay.clean[prev.start : named[0][0].start].split()) <= 1
        ):
            return named[0][1]
    return None


def _guarded_by(
    text: str, guarded_by: re.Pattern[str], troops_p: re.Pattern[str], s: Sentence
) -> re.Match[str] | None:
    """A passive verb of guarding whose agent, within five words after it, is troops
    (rule guarded-by-troops: "akan dijaga oleh sekitar 2.000 personel gabungan")."""
    for v in guarded_by.finditer(text, s.start, s.end):
        noun = troops_p.search(text, v.end(), min(s.end, v.end() + 50))
        if noun is not None and len(text[v.end() : noun.start()].split()) <= 4:
            return v
    return None


def _operation_involves(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str]
) -> re.Match[str] | None:
    """A verb of involving whose subject, opening the clause, is an operation and whose
    object, within six words, is troops (rule an-operation-involves-troops: "Operasi itu
    melibatkan 3.200 personel gabungan", "The operation involves 3,200 officers"): the
    operation's troops are sent, by the force that runs it."""
    for v in lang.pattern("involve_verbs").finditer(text, s.start, s.end):
        # "Menurut Yusri, Operasi Lilin 2020 melibatkan ...": the subject after a source
        subject = text[s.start : v.start()].rsplit(",", 1)[-1]
        head = lang.pattern("operation_nouns").search(subject)
        articles = {w.casefold() for w in lang.words("connector_articles")}
        if head is None or any(
            w.casefold() not in articles for w in subject[: head.start()].split()
        ):
            continue
        noun = troops_p.search(text, v.end(), min(s.end, v.end() + 60))
        if noun is not None and len(text[v.end() : noun.start()].split()) <= 6:
            return v
    return None


def _troops_guard(
    text: str, lang: LangResources, troops_p: re.Pattern[str], s: Sentence
) -> re.Match[str] | None:
    """A verb of guarding whose subject, within six words before it, is counted troops
    (rule counted-troops-guard: "Sebanyak 420 personel gabungan TNI dan Polri akan
    mengawal aksi mahasiswa di Kota Yogyakarta"): the troops are sent where they guard.
    Not a purpose ("untuk mengawal"), which the sentence's own verb of sending tells."""
    purposes = lang.pattern("purpose_words")
    for v in lang.pattern("guard_verbs").finditer(text, s.start, s.end):
        before = text[s.start : v.start()]
        words = before.split()
        if not words or purposes.fullmatch(words[-1]) or not v.group()[:1].islower():
            continue
        nouns = list(troops_p.finditer(text, max(s.start, v.start() - 60), v.start()))
        noun = nouns[-1] if nouns else None
        if noun is None or len(text[noun.end() : v.start()].split()) > 6:
            continue
        if find_counts(text, lang, max(s.start, noun.start() - 25), noun.start()):
            return v
    return None


def _received(
    text: str,
    receive: re.Pattern[str],
    troops_p: re.Pattern[str],
    source_preps: re.Pattern[str],
    s: Sentence,
    verbs: re.Pattern[str],
) -> re.Match[str] | None:
    """A verb of taking in troops (rule troops-received: "Polres Sigi menerima 200
    personel BKO dari Polda Sulawesi Selatan"), before any verb of sending: troops follow it
    within four words and where they come from after them."""
    for v in receive.finditer(text, s.start, s.end):
        sent = verbs.search(text, s.start, v.start())
        if sent is not None:
            return None
        noun = troops_p.search(text, v.end(), min(s.end, v.end() + 60))
        if noun is None or len(text[v.end() : noun.start()].split()) > 4:
            continue
        if re.search(r"[,;]", text[v.end() : noun.start()]):
            continue
        if source_preps.search(text, noun.end(), min(s.end, noun.end() + 40)):
            return v
    return None


def _host_before(
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


def _subjects_split_the_count(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[_Dep],
    pairs: dict[tuple[int, int], _Dep],
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
            match = next((b for b in bodies if owner is not None and _names_within(owner, b)), None)
            if match is not None and all(match is not o for o in chosen):
                chosen[i] = match
        order = _rest_in_order(chosen, bodies)
        step = Step("sender:subjects-split-the-count", s.start, s.end)
        pairs.pop((id(dep.by), id(dep.to)), None)
        dep.by, dep.troops = order[0], counts[0].quantity
        dep.why.append(step)
        pairs[(id(dep.by), id(dep.to))] = dep
        for body, c in zip(order[1:], counts[1:], strict=True):
            row = _Dep(body, dep.to, dep.status, c.quantity, dep.start, dep.sentence, dep.para)
            row.evidence = list(dep.evidence)
            row.requested_by = dep.requested_by
            row.why = [*dep.why]
            deps.append(row)
            pairs[(id(body), id(dep.to))] = row


def _the_operation_s_region(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[_Dep],
    pairs: dict[tuple[int, int], _Dep],
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
                region = d if d is not dep.to else _direction_region(lay, lang, m, ents)
                break
            if region is not None:
                break
        if region is None or (id(dep.by), id(region)) in pairs:
            continue
        pairs.pop((id(dep.by), id(dep.to)), None)
        dep.to = region
        pairs[(id(dep.by), id(region))] = dep
        dep.evidence.append(s.span)
        dep.why.append(Step("destination:the-operation-s-region", *s.span))


def _rest_in_order(chosen: list[T | None], pool: list[T]) -> list[T]:
    """``chosen`` with each gap filled by the next of ``pool`` not chosen: parts whose
    owner the text names go to it, the others to the rest in the order they are named.

    >>> _rest_in_order([None, "b", None], ["a", "b", "c"])
    ['a', 'b', 'c']
    """
    rest = [p for p in pool if all(p is not c for c in chosen)]
    return [c if c is not None else rest.pop(0) for c in chosen]


def _force_sent(
    text: str, military: re.Pattern[str], ents: Entities, verb: re.Match[str], s: Sentence
) -> tuple[Mention, Draft] | None:
    """A named armed force right after the verb ("deployed the National Guard"), or None."""
    for m, d in ents.mentions_in(verb.end(), min(s.end, verb.end() + 40), longest=True):
        gap = text[verb.end() : m.start].split()
        if len(gap) <= 1 and d.type is ORG and military.search(m.text):
            return m, d
        break
    return None


def _body_of_its_head(
    text: str, lang: LangResources, ents: Entities, start: int, end: int
) -> tuple[Draft, tuple[int, int]] | None:
    """The body a title before ``end`` names its holder the head of ("Kapolri": Polri), the
    article's or the authority's, with the title's span; None if there is none."""
    owners = {str(k).lower(): [str(n) for n in v] for k, v in lang.table("title_owners").items()}
    for t in reversed(ents.titles_in(start, end)):
        names = owners.get(" ".join(text[t.start : t.end].lower().split()))
        # "Kapolri Jenderal Listyo Sigit Prabowo menerjunkan ...": the head sends the
        # troops of the body he leads (a sender is a body or a place, never a person)
        for name in names or ():
            entry = ents.authority.lookup(name) if ents.authority is not None else None
            if entry is None:
                continue
            known = ents.by_key(entry.key)
            if known is not None:
                return known, (t.start, t.end)
            mention = Mention(t.start, t.end, entry.names[-1], -1, entry.type, entry, "head-of")
            return Draft(entry.key, entry.type, entry, [mention]), (t.start, t.end)
    return None


def _a_town(place: Draft) -> bool:
    """``place`` is a town or city that stands for no state (not a capital)."""
    entry = place.entry
    return (
        place.type is LOC
        and entry is not None
        and entry.kind in ("town", "city")
        and not entry.capital_of
    )


def _names_within(owner: Draft, body: Draft) -> bool:
    """``owner`` is the body or is named inside its name ("TNI" in "Markas Besar TNI")."""
    if owner is body:
        return True
    return any(
        re.search(rf"(?<!\w){re.escape(o)}(?!\w)", name) for o in owner.names for name in body.names
    )


def _protest_just_told(
    lay: Layout, lang: LangResources, ents: Entities, index: int, protests: list[Protest]
) -> Draft | None:
    """The place of the protest told of last before sentence ``index`` ends, when that
    sentence names no place (but its dateline) and it or one of the two before it tells of a
    protest (its evidence, or a word of one: "Bentrokan pecah ..."), or None."""
    s = lay.sentences[index]
    text = lay.clean
    datelined = set(lay.dateline_places)
    if any(d.type is LOC and m.span not in datelined for m, d in ents.mentions_in(s.start, s.end)):
        return None
    since = lay.sentences[max(0, index - 2)].start
    if not lang.pattern("protest_nouns").search(text, since, s.end) and not any(
        since <= e.start < s.end for p in protests for e in p.evidence
    ):
        return None
    told = [
        (e.start, p.location)
        for p in protests
        if p.location is not None
        for e in p.evidence
        if e.start < s.end
    ]
    return ents.by_id(max(told)[1]) if told else None


def _guarded_protest(
    text: str,
    lang: LangResources,
    verb: re.Match[str],
    s: Sentence,
    ents: Entities,
    protests: list[Protest],
) -> Draft | None:
    """Rule the-protest-they-guard: troops sent "to guard the protest" ("untuk mengamankan
    aksi unjuk rasa") with no place named go where the article's protest is: the one told
    nearest before the sentence, else the first."""
    # "untuk mengamankan aksi unjuk rasa", also before the verb: "Untuk pengamanan unjuk
    # rasa ..., Polres Pati siapkan ... 2.684 personel"
    guards, nouns = lang.pattern("guard_verbs"), lang.pattern("protest_nouns")
    guard = guards.search(text, verb.end(), s.end)
    if guard is None or not nouns.search(text, guard.end(), s.end):
        guard = guards.search(text, s.start, verb.start())
        if guard is None or not nouns.search(text, guard.end(), verb.start()):
            # rule troops-against-the-unrest: "deployed troops to quell the unrest",
            # "sending 2,500 soldiers to help the overwhelmed police"
            purposes = lang.pattern("unrest_purposes") if lang.words("unrest_purposes") else None
            if purposes is None or purposes.search(text, verb.end(), s.end) is None:
                return None
    placed = [p for p in protests if p.location is not None and p.evidence]
    if not placed:
        return None
    before = [p for p in placed if p.evidence[0].start <= s.start]
    chosen = before[-1] if before else placed[0]
    return ents.by_id(chosen.location) if chosen.location else None


def _guarded_protest_days(
    lay: Layout, lang: LangResources, deps: list[_Dep], protests: list[Protest]
) -> None:
    """Rule the-day-of-the-protest-they-guard: "Polda Metro Jaya menerjunkan 6.142 personel
    untuk mengamankan aksi ..." with no date of its own began on the day of that protest, in
    that place."""
    text = lay.clean
    guards, nouns = lang.pattern("guard_verbs"), lang.pattern("protest_nouns")
    for dep in deps:
        if dep.start is not None or dep.left or dep.status is DeploymentStatus.DENIED:
            continue
        s = lay.sentences[dep.sentence]
        guard = guards.search(text, s.start, s.end)
        cue = guard.span() if guard is not None else (s.start, s.end)
        if guard is None or not nouns.search(text, guard.end(), s.end):
            # "Demo ... pada Kamis (13/3/2025) berujung ricuh. Untuk mengendalikan situasi,
            # Polda Jambi menurunkan 400 personel": sent where the protest just told is
            told = next((w for w in dep.why if w.rule == "destination:the-protest-just-told"), None)
            if told is None:
                continue
            cue = (told.start, told.end)
        there = [p for p in protests if p.location == dep.to.id and p.start is not None]
        before = [p for p in there if p.evidence and p.evidence[0].start <= s.start]
        chosen = before[-1:] or there[:1]  # the one told nearest before, else the first
        if chosen:
            dep.start = chosen[0].start
            dep.why.append(Step("start:the-day-of-the-protest-they-guard", *cue))


def _name_before(text: str, mentions: list[tuple[Mention, Draft]], at: int) -> Draft | None:
    """A country or an organization named right before ``at``, with one space between."""
    for mention, draft in mentions:
        if text[mention.end : at] == " " and draft.type in (LOC, ORG):
            country = draft.entry is not None and draft.entry.kind == "country"
            if draft.type is ORG or country:
                return draft
    return None


def _listed_bodies(
    text: str, lang: LangResources, first: Mention, ents: Entities, s: Sentence
) -> list[Draft]:
    """The organizations listed after ``first`` ("TNI dan Polri", "TNI, Polri and Basarnas")."""
    joins = lang.pattern("coordinators").pattern
    link = re.compile(rf"\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+", re.IGNORECASE)
    out: list[Draft] = []
    end = first.end
    for mention, draft in ents.mentions_in(first.end, s.end, longest=True):
        if mention.start < end:
            continue
        if draft.type is not ORG or not link.fullmatch(text, end, mention.start):
            break
        out.append(draft)
        end = mention.end
    return out


def _state_forces(
    text: str,
    lang: LangResources,
    ents: Entities,
    start: int,
    verb: int,
    mentions: list[tuple[Mention, Draft]],
) -> tuple[int, int, Draft] | None:
    """Rule the-state-s-forces: a subject that is a state's forces named by its demonym
    ("The Israeli military said it sent ...", "Russian forces entered ...") makes the state
    the sender; the codebook keeps such unnamed forces as the state's. The last such
    subject before the verb, with no other name and no comma between them."""
    nouns = phrase_pattern([*lang.words("generic_forces"), *lang.words("generic_governments")])
    forces = re.compile(rf"\s+(?:{nouns.pattern})(?!\w)", re.I)
    found: tuple[int, int, Draft] | None = None
    for ds, de, entry in ents.demonyms_in(start, verb):
        noun = forces.match(text, de)
        if noun is None:
            continue
        gap = text[noun.end() : verb]
        if "," in gap or len(gap.split()) > 4:
            continue
        if any(noun.end() <= m.start < verb for m, _ in mentions):
            continue
        found = (ds, noun.end(), ents.country(entry, ds, de))
    return found


def _passive(text: str, lang: LangResources, verb: re.Match[str]) -> bool:
    """The deployment verb is passive: a passive form ("diterjunkan"), or a participle
    after a word that makes it passive where the language has such words ("were sent")."""
    if not lang.pattern("passive_verbs").fullmatch(verb.group()):
        return False
    if not lang.words("passive_marks"):
        return True
    before = re.search(r"([\w'-]+)\s+$", text[max(0, verb.start() - 20) : verb.start()])
    marks = lang.pattern("passive_marks")
    return before is not None and marks.fullmatch(before.group(1)) is not None


def _agent(
    text: str,
    lang: LangResources,
    verb: re.Match[str],
    s: Sentence,
    mentions: list[tuple[Mention, Draft]],
    to: Draft | None,
) -> Draft | None:
    """Rule agent-of-the-passive: "sent by X", "dikirim oleh X": X sent them; in a language
    whose agent may follow the verb bare, also "diterjunkan Polda Sumsel"."""
    preps = lang.pattern("agent_preps").pattern
    after_prep = re.compile(rf"(?:{preps})\s+(?:the\s+)?", re.IGNORECASE)
    places = [(verb.end() + m.end(), False) for m in after_prep.finditer(text[verb.end() : s.end])]
    gap = re.match(r"\s+", text[verb.end() : verb.end() + 3])
    if lang.raw.get("bare_agent") and gap is not None:
        places.insert(0, (verb.end() + gap.end(), True))
    for at, bare in places:
        for mention, draft in mentions:
            # a bare agent is a body; a bare place is where they went ("dikirim Papua")
            if (
                mention.start == at
                and draft is not to
                and draft.type in ((ORG,) if bare else (ORG, LOC))
                # "a visit by Indian Prime Minister Narendra Modi": a person's nationality
                and not (mention.cue == "demonym" and re.match(r"\s+[A-Z]", text[mention.end :]))
            ):
                return draft
    return None


_OWNED_BY = re.compile(r"['’]s?\s+(?:[\w-]+\s+){0,4}")
"""What stands between an owner and its troops: "Bhutan's second United Nations
Peacekeeping contingent"."""


def _owner_pointed_back_to(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    index: int,
    s: Sentence,
    verb: re.Match[str],
    troops_p: re.Pattern[str],
) -> Draft | None:
    """The country whose troops a subject pointing back names ("They", "Mereka"): the
    demonym before the troops the sentence before counts ("20 German soldiers")."""
    text = lay.clean
    back = lang.pattern("troop_back_references")
    subject = back.search(text, s.start, verb.start())
    if subject is None or text[s.start : subject.start()].strip() or index == 0:
        return None
    before = lay.sentences[index - 1]
    if before.kind is not Kind.STORY:
        return None
    owners = {
        entry.key: (ds, de, entry)
        for t in troops_p.finditer(text, before.start, before.end)
        for ds, de, entry in ents.demonyms_in(before.start, t.start())
        if len(text[de : t.start()].split()) <= 1
    }
    # rule the-owner-of-the-troops-told-before: "Bhutan's second United Nations
    # Peacekeeping contingent", "pasukan Indonesia": a country owning the troops by name
    named: dict[int, Draft] = {}
    for t in troops_p.finditer(text, before.start, before.end):
        for m, d in ents.mentions_in(before.start, before.end):
            if not _is_country(d):
                continue
            if (m.end <= t.start() and _OWNED_BY.fullmatch(text, m.end, t.start())) or (
                lang.head_first and m.start >= t.end() and not text[t.end() : m.start].strip()
            ):
                named[id(d)] = d
    if len(owners) + len(named) != 1:
        return None
    if named:
        return next(iter(named.values()))
    ((ds, de, entry),) = owners.values()
    return ents.country(entry, ds, de)


def _demonyms_joined_before(
    text: str, lang: LangResources, ents: Entities, start: int, at: int
) -> list[Draft]:
    """The countries of the demonyms coordinated before the one at ``at`` ("Spanish and"
    before "Moroccan troops"), nearest last."""
    joins = lang.pattern("coordinators").pattern
    link = re.compile(rf"\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+", re.IGNORECASE)
    out: list[Draft] = []
    for ds, de, entry in reversed(ents.demonyms_in(start, at)):
        if not link.fullmatch(text, de, at):
            break
        out.insert(0, ents.country(entry, ds, de))
        at = ds
    return out


@functools.cache
def _served_in(lang: LangResources) -> re.Pattern[str]:
    """The phrases of where troops served ("bertugas di", "served in"), each allowing a
    few words between its first and last word ("bertugas selama sembilan bulan di")."""
    forms = []
    for phrase in sorted(lang.words("served_in"), key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        gap = r"(?:\s+[\w-]+){0,4}?\s+" if len(words) > 1 else ""
        forms.append(gap.join([words[0], r"\s+".join(words[1:])]) if gap else words[0])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(forms) or '(?!x)x'})(?![\w-])", re.IGNORECASE)


def _mission_country(
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


def _state_of_head(
    lang: LangResources,
    ents: Entities,
    roles: tuple[Role, ...],
    person: Draft,
    s: Sentence,
    to: Draft,
    home: Draft | None,
) -> Draft | None:
    """Rule a-head-of-state-sends-the-state-s-troops: "US President Joe Biden is sending
    2,000 troops", "Kenyan President William Ruto deployed the army": the state the head
    leads (codebook: a state that acts is the country), the one his role names, else the
    country of the place the troops go to, else the story's. Only with the title written in
    the sentence: a bare name ("Biden sends troops", a headline) sends nothing."""
    heads = {str(w) for w in lang.words("state_head_roles")}
    role = next(
        (
            r
            for r in roles
            if r.person == person.id
            and r.role in heads
            and any(s.start <= e.start < s.end for e in r.evidence)
        ),
        None,
    )
    if role is None:
        return None
    of = ents.by_id(role.of) if role.of is not None else None
    if of is not None and _is_country(of):
        return of
    return ents.country_of_town(to) or home


def _speaker_force(
    lay: Layout, lang: LangResources, ents: Entities, roles: tuple[Role, ...], index: int
) -> Draft | None:
    """Rule the-force-of-who-speaks-of-it: troops sent in the passive, with no sender
    named, belong to the force whose officer speaks of them in this sentence or the next
    two ("Kabid Humas Polda Sumsel X mengatakan"), when exactly one force speaks there;
    the head of a force the article does not name ("kata Kapolres Metro Jakarta Pusat X")
    sends them himself, as when he is the subject ("Kapolri X menerjunkan")."""
    story = [s for s in lay.sentences[index : index + 3] if s.kind is Kind.STORY]
    if not story:
        return None
    lo, hi = story[0].start, story[-1].end
    told = [r for r in roles if r.of is not None and any(lo <= e.start < hi for e in r.evidence)]
    # a unit and its force are one force ("Wakapolda Kepri" and "Dansat Brimob Polda Kepri")
    drafts = {
        (force := force_of_unit(d, ents)).id: force
        for d in (ents.by_id(r.of) for r in told if r.of is not None)
        if d is not None and d.type is ORG
    }
    if drafts:
        return next(iter(drafts.values())) if len(drafts) == 1 else None
    heads = {str(label) for label in lang.table("head_titles").values()}
    people = {r.person for r in told if r.role in heads}
    if len(people) != 1:
        return None
    role = next(r for r in told if r.person in people)
    return _body_its_title_names(lay.clean, lang, ents, role)


def _body_its_title_names(
    text: str, lang: LangResources, ents: Entities, role: Role
) -> Draft | None:
    """The body a head's title spells ("Kapolres Metro Jakarta Pusat X": Polres Metro
    Jakarta Pusat), the article's of that name or one of its own (adopted when a fact
    uses it); None when the title names no body."""
    bodies = title_bodies(lang)
    of = ents.by_id(role.of) if role.of is not None else None
    places = sorted(of.names if of is not None else (), key=len, reverse=True)
    for e in role.evidence:
        title = re.match(r"([\w-]+)\s+", text[e.start : e.end])
        nouns = bodies.get(title.group(1).lower()) if title is not None else None
        after = e.start + title.end() if title is not None else e.start
        place = next((p for p in places if text.startswith(p, after)), None)
        if nouns and place is not None:
            return _body_of_title(ents, f"{nouns[0]} {place}", e.start, after + len(place))
    return None


def _titled_body(text: str, lang: LangResources, ents: Entities, place: Mention) -> Draft | None:
    """The body a head's title right before a place spells ("Kapolda Maluku": Polda
    Maluku), or None."""
    title = re.search(r"([\w-]+)\s+$", text[max(0, place.start - 20) : place.start])
    nouns = title_bodies(lang).get(title.group(1).lower()) if title is not None else None
    if not nouns or title is None:
        return None
    start = place.start - len(title.group())
    return _body_of_title(ents, f"{nouns[0]} {place.text}", start, place.end)


def _body_of_title(ents: Entities, name: str, start: int, end: int) -> Draft:
    """The article's body of this name, or one of its own over ``start:end`` (adopted when
    a fact uses it)."""
    known = body_named(ents, {name.lower()})
    if known is not None:
        return known
    key = re.sub(r"\W+", "_", name.casefold())
    body = Draft(key, ORG, None, [Mention(start, end, name, -1, ORG, None, "head-of")])
    ents.adopt_later(body)
    return body


def _town_of_the_protest_told(ents: Entities, s: Sentence, protests: list[Protest]) -> Draft | None:
    """The town of the protest whose evidence holds sentence ``s``, when it is a town."""
    for p in protests:
        if p.location is not None and any(e.start <= s.start < e.end for e in p.evidence):
            place = ents.by_id(p.location)
            if place is not None and is_town(place):
                return place
    return None


def _body_of_its_council(
    lang: LangResources, ents: Entities, by: Draft, s: Sentence
) -> Draft | None:
    """The body a council named as the sender belongs to, when its name holds it ("Dewan
    Keamanan CSTO", "the NATO Council"): the body sends the troops, not its council."""
    if by.type is not ORG:
        return None
    councils = {w.casefold() for w in lang.words("council_words")}
    houses = {w.casefold() for w in lang.words("legislature_words")}
    for m in by.mentions:
        if not s.start <= m.start < s.end:
            continue
        words = {w.casefold() for w in m.text.split()}
        if words & houses:
            # rule a-parliament-sends-no-troops: "The Turkish parliament extended the mandate
            # to deploy troops in Iraq": the state whose parliament it is
            demonym = next(iter(ents.demonyms_in(m.start, m.end)), None)
            if demonym is not None and demonym[2].kind == "country":
                return ents.country(demonym[2], demonym[0], demonym[1])
            state = next(
                (d for _, d in ents.mentions_in(m.start, m.end) if d is not by and _is_country(d)),
                None,
            )
            if state is not None:
                return state
        if not words & councils:
            continue
        inner = next(
            (d for _, d in ents.mentions_in(m.start, m.end) if d is not by and d.type is ORG),
            None,
        )
        if inner is not None:
            return inner
        # the body's name at the end of the council's: one the authority file knows and
        # the article names
        tokens = m.text.split()
        for k in range(1, len(tokens)):
            entry = ents.authority.lookup(" ".join(tokens[k:])) if ents.authority else None
            if entry is not None and entry.type is ORG:
                known = ents.by_key(entry.key)
                if known is not None and known is not by:
                    return known
    return None


def _country_helped(
    text: str,
    ents: Entities,
    backing: re.Pattern[str],
    start: int,
    end: int,
    by: Draft | None,
) -> tuple[Draft, tuple[int, int]] | None:
    """The country whose forces (or which itself) the troops are sent to help, named right
    after a verb of backing in ``start:end``: a country ("to help Mozambique"), a force
    with a country in its name ("Mozambique's army", "militer Mozambik") or a demonym
    ("Mozambican forces"); with the span that names it."""
    own = by.entry.key if by is not None and by.entry is not None else None
    found: list[tuple[int, Draft | AuthorityEntry, tuple[int, int]]] = []
    for m, d in ents.mentions_in(start, end, longest=True):
        if d is by or not backing.search(text, max(start, m.start - 50), m.start):
            continue
        if _is_country(d):
            found.append((m.start, d, m.span))
        elif d.type is ORG:
            inner = next(
                (x for _, x in ents.mentions_in(m.start, m.end) if _is_country(x) and x is not by),
                None,
            )
            if inner is not None:
                found.append((m.start, inner, m.span))
    for ds, de, entry in ents.demonyms_in(start, end):
        if entry.key != own and backing.search(text, max(start, ds - 50), ds):
            found.append((ds, entry, (ds, de)))
    if not found:
        return None
    _, country, span = min(found, key=lambda x: x[0])
    if isinstance(country, AuthorityEntry):
        country = ents.country(country, *span)
    return country, span


def _subject_of_coordinated_verb(
    text: str,
    lang: LangResources,
    mentions: list[tuple[Mention, Draft]],
    mention: Mention,
    verb: re.Match[str],
) -> Draft | None:
    """The first place or body of the clause when ``mention`` ends right before "and
    (also)" and the verb: the object of an earlier verb that shares its subject."""
    joins = "|".join(re.escape(c) for c in lang.words("coordinators")) or "and"
    gap = text[mention.end : verb.start()]
    object_then = rf"\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{joins})"  # "the M23 [rebels] and"
    if not re.fullmatch(rf"{object_then}(?:\s+(?:also|juga|then|lalu|kemudian))?\s+", gap):
        return None
    # the clause: from the last comma, colon or semicolon before the object
    start = text.rfind(",", 0, mention.start) + 1
    start = max(start, text.rfind(";", 0, mention.start) + 1, text.rfind(":", 0, mention.start) + 1)
    first = next(
        ((m, d) for m, d in mentions if start <= m.start < mention.start and d.type in (LOC, ORG)),
        None,
    )
    return first[1] if first is not None else None


@functools.cache
def _composition_patterns(lang: LangResources) -> tuple[re.Pattern[str], ...]:
    """The patterns of :func:`_composed_force`, compiled once per language: troops right
    before a cue, a count of troops first after it, a count of troops anywhere, and a
    demonstrative that points back to troops told ("900 personel gabungan itu")."""
    troops = lang.pattern("troop_nouns").pattern
    demonstratives = lang.pattern("demonstratives").pattern
    return (
        re.compile(rf"(?:{troops})\s+$", re.IGNORECASE),
        re.compile(rf"\s+[\d.,]+\s+(?:{troops})\s+", re.IGNORECASE),
        re.compile(rf"[\d.,]+\s+(?:{troops})(?!\w)", re.IGNORECASE),
        re.compile(rf"(?:\s+[\w-]+)?\s+(?:{demonstratives})(?!\w)", re.IGNORECASE),
    )


def _composed_force(
    lay: Layout, lang: LangResources, ents: Entities, index: int, after: int
) -> Draft | None:
    """Rule the-forces-it-is-made-of: troops sent with no sender named, whose make-up the
    sentence (after the verb) or one of the next two tells ("Sebanyak 900 personel
    gabungan itu terdiri dari Polda Sumsel, Polrestabes Palembang dan Brimob"): the force
    listed first, or the force of the unit listed first."""
    text = lay.clean
    makeup = lang.pattern("makeup_cues")
    troops_before, counted_first, counted_troops, told_back = _composition_patterns(lang)
    for s in lay.sentences[index : index + 3]:
        if s.kind is not Kind.STORY:
            continue
        first_cue = makeup.search(text, s.start, s.end)
        other = counted_troops.search(text, s.start, first_cue.start() if first_cue else s.end)
        if (
            s.start > after
            and other is not None
            # not "Sebanyak 900 personel gabungan itu terdiri dari ...": the troops told of
            and not told_back.match(text, other.end())
        ):
            break  # "Sementara di Sumatera Utara ada 4.900 personel": another count told
        for cue in makeup.finditer(text, s.start, s.end):
            if cue.start() < after and not troops_before.search(
                text, max(s.start, cue.start() - 20), cue.start()
            ):
                continue  # before the verb only right after the troops: "personel gabungan dari"
            listed = ents.mentions_in(cue.end(), s.end, longest=True)
            gap = text[cue.end() : listed[0][0].start] if listed else ""
            # "terdiri dari 400 personel Polri dan 240 personel TNI": counted, first
            counted = counted_first.fullmatch(gap) is not None
            if listed and (len(gap) <= 4 or counted) and listed[0][1].type is ORG:
                return force_of_unit(listed[0][1], ents)
    return None


def _clauses(
    text: str,
    s: Sentence,
    verbs: re.Pattern[str],
    joins: re.Pattern[str],
    withdraw: re.Pattern[str] | None = None,
    fronted: re.Pattern[str] | None = None,
) -> list[Sentence]:
    """Rule one-frame-per-clause: a sentence with two deployment verbs is cut before the
    second one where a semicolon or a comma and a coordinator ("and", "dan") join two
    clauses ("X mengirim 2.000 tentara ke A dan B, dan memindahkan 1.000 tentara dari B
    ke C"), so each verb gets its own arguments; otherwise it is one clause. A withdrawal
    and a deployment are cut at a bare coordinator too ("forces have begun withdrawing from
    Syria and a fleet of planes has been dispatched to the base"). A sentence that opens with
    a fronted clause ("Selain ...", "Besides ...") is cut at the comma before the second."""
    found = sorted(
        [(m, False) for m in verbs.finditer(text, s.start, s.end)]
        + [(m, True) for m in (withdraw.finditer(text, s.start, s.end) if withdraw else ())],
        key=lambda x: x[0].start(),
    )
    breaks = re.compile(rf";\s+|,\s+(?:{joins.pattern})\s+")
    bare = re.compile(rf"\s+(?:{joins.pattern})\s+")  # coordinators and clause joins
    cuts = []
    # "Selain 800 personel ... disiagakan di Afrika Utara, Roma menempatkan ...", also after
    # a phrase of time ("Sampai tahun lalu, selain ..."): the fronted clause ends at the
    # comma after it (rule a-fronted-clause)
    first = text.find(", ", s.start, s.end)
    opener = None if fronted is None else fronted.match(text, s.start)
    if opener is None and fronted is not None and first > 0:
        opener = fronted.match(text, first + 2)
    comma = text.find(", ", opener.end(), s.end) if opener is not None else -1
    if comma > 0 and any(
        a.start() < comma < b.start() for (a, _), (b, _) in itertools.pairwise(found)
    ):
        cuts.append(comma)
    for (a, a_leaves), (b, b_leaves) in itertools.pairwise(found):
        between = list(breaks.finditer(text, a.end(), b.start()))
        if not between and a_leaves != b_leaves:
            between = list(bare.finditer(text, a.end(), b.start()))
        if between and not any(a.end() <= c <= b.start() for c in cuts):
            cuts.append(between[-1].start())
    bounds = [s.start, *sorted(cuts), s.end]
    return [replace(s, start=x, end=y) for x, y in itertools.pairwise(bounds)]


def _inner_place(
    text: str, mention: Mention, draft: Draft, mentions: list[tuple[Mention, Draft]]
) -> Draft:
    """The place inside the country named first: "to Mozambique's northern Cabo Delgado
    province" goes to Cabo Delgado, "to Uttar Pradesh's violence-hit Saharanpur district" to
    Saharanpur district."""
    owner = re.match(r"['’]s\s+(?:[a-z][\w-]*\s+){0,2}", text[mention.end : mention.end + 40])
    if owner is None:
        return draft
    at = mention.end + owner.end()
    inner = next((d for m, d in mentions if m.start == at and d.type is LOC), None)
    return inner or draft


def _leads(mentions: list[tuple[Mention, Draft]], by: Draft, ents: Entities) -> bool:
    """``by`` is the first organization or place the sentence names (its subject, in news
    style: "South Africa denied ...")."""
    first = next((d for _, d in mentions if d.type in (LOC, ORG)), None)
    return first is not None and country_of(first, ents) is by


def _force_served(
    text: str, lang: LangResources, ents: Entities, s: Sentence, by: Draft | None
) -> tuple[Mention, Draft] | None:
    """The force named after a cue of serving in it ("as part of the SADC mission",
    "sebagai bagian dari UNIFIL"): an alliance, a body named by a force or mission word,
    or an acronym; not the sender itself."""
    heads = {w.lower() for w in (*lang.words("linked_heads"), *lang.words("led_groups"))}
    for cue in lang.pattern("part_of_cues").finditer(text, s.start, s.end):
        # "as part of a joint ECOWAS force": up to two lower-case words before the force
        gap = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,2}").match(text, cue.end())
        at = ents.starting_at(gap.end() if gap else cue.end(), s.end)
        if at is None or at[1].type is not ORG or at[1] is by:
            continue
        mention, force = at
        words = {w.lower() for w in mention.text.split()}
        alliance = force.entry is not None and force.entry.kind == "alliance"
        if alliance or words & heads or re.fullmatch(r"[A-Z]{3,}", mention.text):
            return mention, force
    return None


def _whole_of_contingent(
    text: str, lang: LangResources, ents: Entities, troop: re.Match[str], end: int
) -> Draft | None:
    """The force a country's contingent belongs to: "the Russian contingent of the CSTO
    peacekeeping forces" (a contingent noun, a preposition of parts, the force's name)."""
    if troop.group().lower() not in {w.lower() for w in lang.words("contingent_nouns")}:
        return None
    preps = lang.pattern("part_preps").pattern
    gap = re.match(rf"\s+(?:{preps})\s+", text[troop.end() : troop.end() + 20], re.IGNORECASE)
    if gap is None:
        return None
    at = ents.starting_at(troop.end() + gap.end(), end)
    return at[1] if at is not None and at[1].type is ORG else None


def _toward(text: str, lang: LangResources, verb: re.Match[str], to: Draft) -> bool:
    """The destination follows the verb after a preposition of direction ("ke", "to")."""
    towards = lang.pattern("direction_preps").pattern
    for m in to.mentions:
        if m.start > verb.end() and re.search(
            rf"(?:{towards})\s+(?:[\w-]+\s+){{0,2}}$", text[verb.end() : m.start], re.I
        ):
            return True
    return False


def _told_before(text: str, lang: LangResources, verb: re.Match[str]) -> bool:
    """The trigger is a deployment noun made definite ("The deployment", "the deployments",
    "Pengerahan tersebut"), or the troops made definite by the verb ("the deployed
    troops"): it points back at a deployment the article told of."""
    definite = lang.pattern("definite_before").pattern
    if re.search(
        rf"(?<![\w-])(?:{definite})\s+$", text[max(0, verb.start() - 12) : verb.start()], re.I
    ) and lang.pattern("troop_nouns").match(text, verb.end() + 1):
        return True  # "the deployed troops would work closely with the police"
    if verb.group().lower() not in {w.lower() for w in lang.words("deployment_nouns")}:
        return False
    # "The deployment", "their deployment in the country": one told of already
    before = re.search(
        rf"(?<![\w-])(?:{lang.pattern('definite_before').pattern}|{lang.pattern('its_words').pattern})"
        rf"\s+(?:[a-z]+\s+)?$",
        text[max(0, verb.start() - 24) : verb.start()],
        re.IGNORECASE,
    )
    # "Pengerahan tersebut"; "Pengiriman pasukan ini": the troop noun between
    after = re.match(
        rf"(?:\s+(?:{lang.pattern('troop_nouns').pattern})(?:\s+[a-z]+)?)?"
        rf"\s+(?:{lang.pattern('definite_after').pattern})(?![\w-])",
        text[verb.end() : verb.end() + 40],
        re.I,
    )
    # "the alleged deployment of Wagnerian warriors to Mali" names its own troops
    own = re.match(
        rf"\s+(?:{lang.pattern('part_preps').pattern})\s+(?-i:[A-Z])",
        text[verb.end() : verb.end() + 16],
        re.I,
    )
    return (before is not None and own is None) or after is not None


def _town_named_after(
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


def _direction_region(
    lay: Layout, lang: LangResources, mention: Mention, ents: Entities
) -> Draft | None:
    """The region a direction before a country or an unknown place names ("deployed in
    eastern DRC", "to eastern Congo"), in
    languages that put the direction first (the others name it as one entity: "Rusia
    timur")."""
    if lang.head_first or (mention.entry is not None and mention.entry.kind != "country"):
        return None  # a known town has no direction region; an unknown place may
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


def _counted_forces(
    text: str, lang: LangResources, ents: Entities, s: Sentence, troops: re.Pattern[str], end: int
) -> list[tuple[Quantity, Draft]]:
    """The forces a sentence counts one by one before ``end`` (its verb), each named right
    after its count and troop noun ("9.700 personel Polri dan 3.600 personel TNI"), in
    text order."""
    out: list[tuple[Quantity, Draft]] = []
    noun = re.compile(rf"\s+(?:{troops.pattern})\s+", re.IGNORECASE)
    for count in find_counts(text, lang, s.start, end):
        after = noun.match(text, count.end)
        named = ents.starting_at(after.end(), end) if after is not None else None
        if named is not None and named[1].type is ORG and count.quantity.value:
            out.append((count.quantity, named[1]))
    return out


def _country_described(
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
    named = [d for _, d in ents.mentions_in(0, mention.start) if _is_country(d)]
    return named[-1] if named else None


def _left_place(
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
        if prep and len(before[prep[-1].end() :].split()) <= 1 and len(before.split()) <= room:
            return draft
        there = re.sub(r"(?i)(?:kota|kabupaten|city of|the)\s+$", "", before)
        if (
            stationed is not None
            and stationed.search(there)
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


def _unit_of_command(
    text: str,
    link: re.Pattern[str] | None,
    mentions: list[tuple[Mention, Draft]],
    command: Mention,
    units: frozenset[str],
) -> tuple[Mention, Draft] | None:
    """The unit named right before ``command`` and joined to it by a word of belonging
    ("Yonif 321 milik Kodam III", "Yonif 321/Galuh Taruna dari Kodam III"), or None."""
    before = [(m, d) for m, d in mentions if m.end <= command.start]
    if link is None or not before:
        return None
    m, d = before[-1]
    if d.type is ORG and _is_unit(m.text, units) and link.fullmatch(text, m.end, command.start):
        return m, d
    return None


def _coordinated_before(
    text: str,
    lang: LangResources,
    mentions: list[tuple[Mention, Draft]],
    last: Mention,
    units: frozenset[str],
    owner: re.Pattern[str] | None = None,
) -> list[Draft]:
    """The units listed before the unit ``last`` ("Yonif 123, Yonif 125 dan ``last``"), or
    the countries listed before the country ``last`` ("Spanyol, Polandia dan ``last``"), in
    text order; none when ``last`` is neither. With ``owner``, a unit may be named with its
    command ("Yonif 321 milik Kodam III dan ``last``")."""

    def unit(m: Mention, d: Draft) -> bool:
        return d.type is ORG and _is_unit(m.text, units)

    def country(m: Mention, d: Draft) -> bool:
        return _is_country(d)

    last_draft = next((d for m, d in mentions if m is last), None)
    if last_draft is None:
        return []
    kind = unit if unit(last, last_draft) else country if country(last, last_draft) else None
    if kind is None:
        return []
    joins = lang.pattern("coordinators").pattern
    the = rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?"  # "and the Czech Republic"
    link = re.compile(rf"\s*,\s*(?:(?:{joins})\s+)?{the}|\s+(?:{joins})\s+{the}", re.IGNORECASE)
    out: list[Draft] = []
    start = last.start
    for mention, draft in reversed([(m, d) for m, d in mentions if m.end <= last.start]):
        if mention.end > start:
            continue
        owned = _unit_of_command(text, owner, mentions, mention, units)
        if owned is not None and link.fullmatch(text, mention.end, start):
            # "Yonif 321 milik Kodam III dan Yonif 712": the command names whose unit it is
            mention, draft = owned
        elif not kind(mention, draft) or not link.fullmatch(text, mention.end, start):
            break
        elif start == last.start and not re.search(
            rf"(?<![\w-])(?:{joins})(?![\w-])", text[mention.end : start], re.IGNORECASE
        ):
            # rule a-list-ends-with-and: "Amid chaos in Afghanistan, the US has started
            # pulling out troops": a comma alone before the last is no list
            break
        if draft is not last_draft and draft not in out:
            out.insert(0, draft)
        start = mention.start
    return out


def _unit_named_before(
    ents: Entities, start: int, verb: int, units: frozenset[str]
) -> Mention | None:
    """The first military unit named by its number in ``start:verb``, before the verb
    ("Yonif 123/Rajawali"; not "Satuan Tugas", a kind of unit)."""
    return next(
        (
            m
            for m, d in ents.mentions_in(start, verb, longest=True)
            if d.type is ORG and _is_unit(m.text, units) and numbered(m.text)
        ),
        None,
    )


def _unit_named_after(
    ents: Entities, verb: int, end: int, units: frozenset[str]
) -> tuple[Mention, Draft] | None:
    """The military unit named by its number right after a verb that ends at ``verb``, as
    its object ("melepas Kontingen Garuda XXIII-R ke Lebanon")."""
    first = next(iter(ents.mentions_in(verb, end, longest=True)), None)
    if first is None or first[1].type is not ORG or first[0].start > verb + 1:
        return None
    return first if _is_unit(first[0].text, units) and numbered(first[0].text) else None


def _is_unit(name: str, units: frozenset[str]) -> bool:
    """A military unit's name: its first or last word is a unit noun ("Kontingen Garuda",
    "82nd Airborne Division")."""
    words = name.lower().split()
    return bool(words) and (words[0] in units or words[-1] in units)


def _withdrawals(
    lay: Layout, lang: LangResources, ents: Entities, published: dt.date | None, deps: list[_Dep]
) -> None:
    """When the troops leave: a withdrawal verb followed by a date in one sentence.

    The deployment is the one whose sender or destination the sentence names, or the only
    one of the article when the sentence names neither. Only a date after the verb counts
    ("akan mulai menarik diri pada hari Kamis"); one before it is when somebody spoke.
    """
    text = lay.clean
    verbs, sent = withdrawal_verbs(lang), lang.pattern("deploy_verbs")
    served = lang.pattern("served_in")
    cues = lang.pattern("protest_start_cues")  # "began", "dimulai": they say when
    first: dict[str, int] = {}  # an entity id -> the first deployment from or to it
    for i, dep in reversed(list(enumerate(deps))):
        first[dep.by.id] = first[dep.to.id] = i
    for s in lay.sentences:
        if s.kind is not Kind.STORY or not deps:
            continue
        verb = verbs.search(text, s.start, s.end)
        if verb is None:
            continue
        going = sent.match(text, verb.start())
        if going is not None and going.end() > verb.end():
            continue  # "left for Somalia": a verb of going there, no withdrawal
        after = [
            d
            for d in event_dates(text, lang, published, s)
            # "the withdrawal of the troops, which had been deployed there from December":
            # a date after another deployment verb is when they came
            # ("kembali dari Lebanon setelah bertugas di sana sejak 23 September 2017")
            if d.start >= verb.end()
            and not sent.search(text, verb.end(), d.start)
            and not served.search(text, verb.end(), d.start)
        ]
        if not after:
            continue
        # "completing a withdrawal that began in October": the start is stated
        began = [d for d in after if cues.search(text, max(verb.end(), d.start - 25), d.start)]
        after = began or after
        named = {d.id for _, d in ents.mentions_in(s.start, s.end)}
        hits = [first[ident] for ident in named if ident in first]
        targets = [deps[min(hits)]] if hits else []
        wholes = [d for d in deps if d.part_of is None]
        if not targets and len(wholes) == 1:
            targets = wholes  # its parts leave with it
        done = _completed(text, lang, verb, after[0].start, s)
        for dep in targets[:1]:
            if done and dep.end is None:
                # rule withdrawal-completed: "completed their withdrawal ... on Wednesday",
                # "pasukan terakhir meninggalkan X pada ...": when the last troops left
                dep.end = after[0].value
                dep.why.append(Step("end:the-withdrawal-completed", *s.span))
                dep.evidence.append((s.start, s.end))
            elif not done and dep.withdrawal is None:
                dep.withdrawal = after[0].value
                dep.why.append(Step("withdrawal:date-after-a-withdrawal-verb", *s.span))
                dep.evidence.append((s.start, s.end))


def _completed(text: str, lang: LangResources, verb: re.Match[str], date: int, s: Sentence) -> bool:
    """Rule withdrawal-completed: the withdrawal told is complete ("completed their
    withdrawal", "pasukan terakhir ditarik") or ends by the date ("until January 19"), so
    its date is when the last troops left; not
    when the completion is a mission's before it ("misi selesai ... mulai menarik diri")."""
    near = lang.pattern("completion_cues").search(text, max(s.start, verb.start() - 40), date)
    begun = lang.pattern("protest_start_cues").search(text, max(s.start, verb.start() - 25), date)
    # "will be withdrawn from X until January 19", "ditarik paling lambat 19 Januari": the
    # date by which the last troops leave
    ends = re.search(rf"(?:{lang.pattern('end_preps').pattern})\s+$", text[verb.end() : date], re.I)
    # "demanded that the troops be withdrawn by March 15": a demand, not the end
    demanded = lang.pattern("demand_verbs").search(
        text, max(s.start, verb.start() - 60), verb.start()
    )
    return (near is not None or (ends is not None and demanded is None)) and begun is None


def _presence(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str]
) -> re.Match[str] | None:
    """A presence verb right before a troop count ("France now has about 1,400 troops"), or
    rule troops-are-there: a count of troops that the text places somewhere ("around 70
    Indian military personnel are believed to be in the Maldives", "2.000 tentara AS
    berada di Polandia"); the match stands for the verb."""
    presence = lang.pattern("presence_verbs")
    leave_p, send_p = withdrawal_verbs(lang), lang.pattern("deploy_verbs")
    there = "|".join(re.escape(w) for w in lang.words("presence_after")) or "(?!x)x"
    preps = "|".join(re.escape(w) for w in lang.words("destination_preps")) or "(?!x)x"
    # "300 personel Brimob dari Mabes Polri telah berada di Ternate": the troops' owner
    # may stand between them and where they are
    source = lang.pattern("source_preps").pattern
    placed = re.compile(
        rf"(?:\s+(?:(?i:{source})\s+)?[A-Z][\w./-]*){{0,5}}"
        rf"(?i:(?:\s+(?:{there}))+\s+(?:{preps})\s+(?:the\s+)?)[A-Z]"
    )
    for c in find_counts(text, lang, s.start, s.end):
        noun = troops_p.search(text, c.end, min(s.end, c.end + 40))
        if noun is None or len(text[c.end : noun.start()].split()) > 3:
            continue
        for m in presence.finditer(text, max(s.start, c.start - 25), c.start):
            gap = text[m.end() : c.start]
            # not an auxiliary: "Burundi has withdrawn 734 soldiers", "has sent 300"
            if len(gap.split()) <= 1 and not leave_p.search(gap) and not send_p.search(gap):
                return m
        if placed.match(text, noun.end(), s.end):
            return noun
    located = re.compile(
        rf"(?i:\s+(?:{there}))*\s+(?i:{preps})\s+(?:(?i:the)\s+)?(?:[a-z]+\s+)?[A-Z]"
    )
    for m in presence.finditer(text, s.start, s.end):
        # "Rwanda also has troops in east Congo": a presence verb, troops with no count,
        # and where they are
        noun = troops_p.match(text, m.end() + 1)
        if text[m.end() : m.end() + 1].isspace() and noun and located.match(text, noun.end()):
            return m
    return None


def _owned_troops_there(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str], ents: Entities
) -> re.Match[str] | None:
    """Rule owned-troops-are-there: a state's troops that the text places somewhere, with
    no verb of sending and no count ("French troops in Gabon", "pasukan AS di Irak"): they
    are deployed there; the match (the troop noun) stands for the verb."""
    preps = lang.pattern("presence_preps").pattern
    there = "|".join(re.escape(w) for w in lang.words("presence_after")) or "(?!x)x"
    placed = re.compile(rf"(?:\s+(?:{there}))*\s+(?:{preps})\s+(?:the\s+)?[A-Z]", re.I)
    for noun in troops_p.finditer(text, s.start, s.end):
        owned = any(
            len(text[de : noun.start()].split()) <= 1
            for _, de, _ in ents.demonyms_in(max(s.start, noun.start() - 30), noun.start())
        )
        if not owned and lang.head_first:  # "pasukan AS di Irak": the owner follows
            after = ents.mentions_in(noun.end(), min(s.end, noun.end() + 30), longest=True)
            owned = (
                bool(after)
                and not text[noun.end() : after[0][0].start].strip()
                # "Komisaris Besar Polisi Argo Yuwono di Jakarta": a rank and its holder
                and after[0][1].type is not PER
            )
            if owned:
                end = after[0][0].end
                if placed.match(text, end, s.end):
                    return noun
            continue
        if owned and placed.match(text, noun.end(), s.end):
            return noun
    return None


def _place_of_the_sentence(
    text: str,
    lang: LangResources,
    ents: Entities,
    s: Sentence,
    by: Draft,
    place_preps: set[str],
    not_dest: re.Pattern[str],
) -> tuple[Mention, Draft] | None:
    """The one town or region that sentence ``s`` names after a preposition of place
    ("di Jakarta", "in Belgrade"), when the sender is a body or a state; None when it names
    none or several. A site ("di Lapangan Prima") or a place after words that make it none
    ("apel gelar pasukan di Cikeas") is where a ceremony sends them off."""
    if not (by.type is ORG or _is_country(by)):
        return None
    found = [
        (m, d)
        for m, d in ents.mentions_in(s.start, s.end, longest=True)
        if d.type is LOC
        and d is not by
        and not _is_country(d)
        and not is_site(lang, m.text)
        and word_before(text, s, m).lower() in place_preps
        and not not_dest.search(text[max(s.start, m.start - 30) : m.start].lower())
    ]
    if len({id(d) for _, d in found}) != 1:
        return None
    return found[0]


def _place_struck(
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


def _story_place(lang: LangResources, ents: Entities, by: Draft) -> Draft | None:
    """The place the story names more often than any other (headline and story text), and
    at least twice, not a site, the sender nor a place its name holds; a place below a
    country counts one more."""
    counts: dict[int, int] = {}
    drafts: dict[int, Draft] = {}
    for d in ents.drafts:
        if d.type is not LOC or d is by or _names_within(d, by) or is_site(lang, d.names[0]):
            continue
        n = sum(1 for m in d.mentions if m.kind is not Kind.CAPTION)
        if n > 1:
            counts[id(d)] = n + (0 if _is_country(d) else 1)
            drafts[id(d)] = d
    if not counts:
        return None
    ranked = sorted(counts, key=lambda k: -counts[k])
    if len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]]:
        return None
    return drafts[ranked[0]]


def _place_told_before(
    lay: Layout, ents: Entities, index: int, protests: list[Protest]
) -> Draft | None:
    """The place "ke lokasi" points back to: the last protest's told before sentence
    ``index``, else the first place below a country named in the nearer of the two story
    sentences before that names one."""
    start = lay.sentences[index].start
    told = [p.location for p in protests if p.evidence and p.evidence[0].start < start]
    if told and told[-1] is not None:
        return ents.by_id(told[-1])
    for j in range(index - 1, max(-1, index - 3), -1):
        prev = lay.sentences[j]
        if prev.kind is not Kind.STORY:
            continue
        # the first of an address ("di Pulau Seram, Maluku") is the most specific place
        for _, draft in ents.mentions_in(prev.start, prev.end, longest=True):
            if draft.type is LOC and not _is_country(draft):
                return draft
    return None


def _topic_country(lay: Layout, ents: Entities, index: int, sender: Draft) -> Draft | None:
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
            gap = re.match(r"(?:['’]s?)?\s*", lay.clean[mention.end : mention.end + 4])
            if gap is not None and mention.end + gap.end() in title_starts:
                continue
            country = country_of(draft, ents)
            entry = country.entry
            if entry is not None and entry.kind == "country" and country is not sender:
                return country
    return None


def _returns_home(lay: Layout, lang: LangResources, ents: Entities, deps: list[_Dep]) -> None:
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
        if area is None or not (_within(dep.to, area) or id(dep.to) in home):
            continue
        away = next(
            (
                d
                for d in deps
                if d is not dep
                and d.by is dep.by
                and d.to is not dep.to
                and not _within(d.to, area)
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


def _counts_told_on(lay: Layout, lang: LangResources, ents: Entities, deps: list[_Dep]) -> None:
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
    text: str, lang: LangResources, ents: Entities, dep: _Dep, s: Sentence, nouns: re.Pattern[str]
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
    return c.quantity if there is dep.to else None


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


def _duty_places_told_on(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    deps: list[_Dep],
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
                    )
                    and (
                        d.type is LOC
                        or (d.type is ORG and (area := area_of_body(lang, ents, d)) is not None)
                    )
                ),
                None,
            )
            post = place[1] if place is not None else None
            if place is None or post is None or post in (dep.to, dep.by) or _is_country(post):
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


def _force_serving(lang: LangResources, ents: Entities, place: Draft) -> Draft | None:
    """The one regional force of the article that serves ``place`` ("Polda Sumut" for
    Sumatera Utara), or None."""
    found = [
        d
        for d in ents.drafts
        if d.type is ORG and d.mentions and area_of_body(lang, ents, d) is place
    ]
    return found[0] if len(found) == 1 else None


@functools.cache
def _troop_noun_before(troops: re.Pattern[str]) -> re.Pattern[str]:
    """A troop noun right before a name ("Polisi Belanda")."""
    return re.compile(rf"(?:{troops.pattern})\s+$", re.IGNORECASE)


def _state_s_forces_named(
    text: str, ents: Entities, troops: re.Pattern[str], state: Draft | None
) -> tuple[int, int] | None:
    """Where the article names troops or police of ``state`` by its name or demonym
    ("Polisi Belanda", "Dutch police"), or None."""
    if state is None or state.entry is None:
        return None
    owner_after = _troop_noun_before(troops)
    for m in state.mentions:
        if owner_after.search(text, max(0, m.start - 25), m.start):
            return m.span
    for ds, de, entry in ents.demonyms_in(0, len(text)):
        if entry is state.entry and troops.match(text, de + 1):
            return ds, de
    return None


def _joined_force_s_place(
    lay: Layout, lang: LangResources, ents: Entities, dep: _Dep, index: int
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
        if n > index and not _points_back(text, lang, s):
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
            if d.type is LOC and d is not dep.to and link.search(gap) and not _is_country(d):
                return m, d
    return None


def _is_country(d: Draft) -> bool:
    return d.entry is not None and d.entry.kind == "country"


def _counts_per_sender(lay: Layout, lang: LangResources, ents: Entities, deps: list[_Dep]) -> None:
    """Rule count-per-sender: "Sebanyak 6.000 personel dari TNI dan Polri dikerahkan ...
    dari 6.000 personel itu 4.000 personel di antaranya kepolisian dan 2.000 lainnya
    merupakan anggota TNI": the count the senders shared, split in that sentence or the
    two after it into one count per sender that add up to it. A count is the sender's that
    is named after it, before the next count; the others go to the rest in order."""
    text = lay.clean
    groups: dict[tuple[int, int], list[_Dep]] = {}
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
            chosen: list[_Dep | None] = []
            for i, c in enumerate(counts):
                stop = counts[i + 1].start if i + 1 < len(counts) else s.end
                named = {id(d) for _, d in ents.mentions_in(c.end, stop)}
                owner = next(
                    (g for g in group if id(g.by) in named and all(g is not o for o in chosen)),
                    None,
                )
                chosen.append(owner)
            for c, dep in zip(counts, _rest_in_order(chosen, group), strict=True):
                dep.troops = c.quantity
                dep.evidence.append(s.span)
                dep.why.append(Step("count:per-sender", *s.span))
            break


def _counts_per_place(lay: Layout, lang: LangResources, deps: list[_Dep]) -> None:
    """Rule count-per-place: a force sent to several places at once ("dikerahkan di DKI
    Jakarta, Jawa Barat, Jawa Tengah, hingga Jawa Timur") is one deployment a place; a later
    sentence that names one of those places with a count of troops right after the name
    ("Di Jawa Tengah sebanyak 4.319 personel", "Polda Jawa Timur sebanyak 3.360 personel",
    "In Surabaya, 1,000 police") gives that deployment's count, when it has none."""
    text = lay.clean
    nouns = phrase_pattern([*lang.words("troop_nouns"), *lang.words("person_nouns")])
    joins = lang.pattern("coordinators")
    listed: dict[tuple[int, int], list[_Dep]] = {}
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


def _starts_told_on(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    published: dt.date | None,
    deps: list[_Dep],
) -> None:
    """Rule start-told-on: when a deployment began, said by a later sentence of the next
    three that names the deployment but no troops, or the troops told of ("... deployment
    begins on Friday", "Pengiriman dilakukan pada Sabtu (31/8)", "personel tambahan
    tersebut sudah diberangkatkan pada Sabtu"), when its own sentences gave no date; or by
    the sentence right before, of the same force's troops sent but nowhere named."""
    text = lay.clean
    verbs, troops = lang.pattern("deploy_verbs"), lang.pattern("troop_nouns")
    send_off = lang.pattern("send_off_verbs")
    told_back = _told_back(lang, r"(?:\s+[a-z]+)?")  # "personel tambahan tersebut"
    starts = [s.start for s in lay.sentences]
    for dep in deps:
        if dep.start is not None or dep.status is DeploymentStatus.DENIED or dep.left:
            continue
        last = bisect.bisect_right(starts, dep.evidence[-1][0]) - 1
        for s in lay.sentences[last + 1 : last + 4]:
            troop = troops.search(text, s.start, s.end)
            if s.kind is not Kind.STORY or (
                # "personel tambahan tersebut sudah diberangkatkan pada Sabtu": the same
                troop is not None and not told_back.match(text, troop.end())
            ):
                continue
            # "Upacara pelepasan digelar pada Selasa, 9 Mei 2023": the send-off's day
            verb = verbs.search(text, s.start, s.end) or send_off.search(text, s.start, s.end)
            dates = [
                d for d in event_dates(text, lang, published, s) if verb and d.start > verb.start()
            ]
            if dates:
                dep.start = dates[0].value
                dep.why.append(Step("start:told-on-in-a-later-sentence", *s.span))
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
        if not any(_names_within(d, dep.by) for d in named):
            continue  # other troops: "The standby force was expected ... Rwanda has deployed"
        # rule start-told-before: "Polri bersama TNI mengerahkan ribuan personel ... pada
        # hari ini, Senin (1/5). Ribuan personel gabungan TNI-Polri dikerahkan di ... DKI
        # Jakarta": the sentence before, of troops sent nowhere named, dates them
        dates = [d for d in event_dates(text, lang, published, s) if d.start > verb.start()]
        if dates:
            dep.start = dates[0].value
            dep.why.append(Step("start:told-in-the-sentence-before", *s.span))


def _a_year_later(d: DateValue) -> DateValue:
    """The same day or month a year later (29 February becomes 28 February)."""

    def later(day: dt.date) -> dt.date:
        try:
            return day.replace(year=day.year + 1)
        except ValueError:
            return day.replace(year=day.year + 1, day=28)

    return replace(d, value=later(d.value), earliest=later(d.earliest), latest=later(d.latest))


def _days_later(d: DateValue, days: int) -> DateValue:
    """The same date ``days`` later."""
    step = dt.timedelta(days=days)
    return replace(d, value=d.value + step, earliest=d.earliest + step, latest=d.latest + step)


def _strength(lang: LangResources) -> re.Pattern[str]:
    """A number joined by a hyphen to a strength word: "a 1,000-strong force", not "the
    16-member bloc" (its members are states)."""
    words = "|".join(re.escape(w) for w in lang.words("strength_words")) or "(?!x)x"
    members = lang.pattern("member_bodies").pattern or "(?!x)x"
    return re.compile(rf"(?<=\d)-(?:{words})\s+(?!(?:{members})(?!\w))\w+", re.IGNORECASE)


def _reinforcement(text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str]) -> bool:
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


def _asked_to_send(
    text: str,
    asked_to: re.Pattern[str],
    s: Sentence,
    verb: re.Match[str],
    mentions: list[tuple[Mention, Draft]],
    by: Draft | None,
) -> tuple[re.Match[str], Draft | None] | None:
    """A verb of asking right before the sender and its verb of sending ("meminta Malaysia
    ikut mengerahkan", "asked Malaysia to deploy"): the verb, and who asked (the first name
    of the sentence before it), or None."""
    if by is None:
        return None
    for asked in asked_to.finditer(text, max(s.start, verb.start() - 60), verb.start()):
        named = next(
            (m for m, d in mentions if d is by and asked.end() <= m.start < verb.start()), None
        )
        if named is None or len(text[asked.end() : named.start].split()) > 1:
            continue
        if len(text[named.end : verb.start()].split()) > 2:
            continue
        asker = next(
            (
                d
                for m, d in mentions
                if m.end <= asked.start() and d is not by and d.type is not PER
            ),
            None,
        )
        return asked, asker
    return None


def _cut_from(
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


def _troop_count(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str]
) -> Quantity | None:
    units = lang.pattern("unit_count_nouns")
    strength = _strength(lang)
    spans_time = re.compile(rf"[\s-]+(?:{lang.pattern('time_units').pattern})(?![\w-])", re.I)
    vague: Quantity | None = None  # "Ratusan personel, tepatnya 465 personel": the exact one
    for c in find_counts(text, lang, s.start, s.end):
        if strength.match(text, c.end):
            return c.quantity  # rule the-strength-of-a-force: "a 1,000-strong force"
        after = text[c.end : c.end + 40]
        if spans_time.match(after):
            continue  # rule a-duration-is-no-count: "hampir 20 tahun pengerahan pasukan"
        unit = units.search(after)
        m = troops_p.search(after)
        if (
            unit is not None
            and len(after[: unit.start()].split()) <= 2
            and (m is None or m.start() >= unit.start())
        ):
            # "2 SSK", "two battalions", "50 CAPF companies": units counted, not troops;
            # "400 personel dari Batalyon ...": troops of a unit
            continue
        between = after[: m.start()].split() if m else []
        if (
            m
            # "100 Papua New Guinea security personnel": a name may stand between too
            and (
                len(between) <= 2
                or (len(between) <= 6 and sum(not w[:1].isupper() for w in between) <= 2)
            )
            and m.start() < 40
            # "Setelah berlayar 10 hari, 450 prajurit": another count comes between; nor
            # past the sentence ("the killing of 200 people. These units ...")
            and not re.search(r"[\d,;:]|[a-z]{2}\.\s", after[: m.start()])
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


def _requests(lay: Layout, lang: LangResources, ents: Entities, deps: list[_Dep]) -> None:
    """Requests stated apart from the deployment sentence ("X meminta bantuan dari CSTO")."""
    text = lay.clean
    possessive = lang.pattern("request_possessive")
    verbs = lang.pattern("request_verbs")
    patterns = lang.pattern("request_patterns")
    withdraw = withdrawal_verbs(lang)
    questions = re.compile(rf"\s+(?:{lang.pattern('question_words').pattern})(?!\w)", re.I)
    people_asked = re.compile(
        rf"\s+(?:[\w-]+\s+)?(?:{lang.pattern('crowd_nouns').pattern})(?![\w-])", re.IGNORECASE
    )
    # A deployment is "earlier" than a sentence from the sentence after its last one, or
    # from the first sentence that starts after its first evidence; sentences come in text
    # order, so once earlier it stays earlier: walk the deployments by that sentence.
    starts = [s.start for s in lay.sentences]
    ready = sorted(
        (min(d.sentence + 1, bisect.bisect_right(starts, d.evidence[0][0])), i)
        for i, d in enumerate(deps)
    )
    stated = sorted(a for d in deps for a, _ in d.evidence)
    organizations = {d.id for d in ents.drafts if d.type is ORG}
    next_ready, latest = 0, -1
    for index, s in enumerate(lay.sentences):
        while next_ready < len(ready) and ready[next_ready][0] <= index:
            latest = max(latest, ready[next_ready][1])
            next_ready += 1
        if s.kind is not Kind.STORY or not deps:
            continue
        earlier = deps[latest : latest + 1] if latest >= 0 else []  # the last one only
        m = possessive.search(text, s.start, s.end)
        if m and earlier:
            subject = ents.mentions_in(s.start, m.start())
            if subject and earlier[-1].requested_by is None:
                earlier[-1].requested_by = subject[0][1]
                earlier[-1].why.append(Step("requested-by:at-its-request", *s.span))
            continue
        m = patterns.search(text, s.start, s.end)
        if (
            m
            and earlier
            and earlier[-1].requested_by is None
            and not _any_in(stated, s.start, s.end)
        ):
            after = ents.mentions_in(m.end(), min(s.end, m.end() + 40))
            if after:
                earlier[-1].requested_by = after[0][1]
                earlier[-1].why.append(Step("requested-by:at-the-request-of", *s.span))
            continue
        m = verbs.search(text, s.start, s.end)
        if m is None or withdraw.search(text, m.end(), s.end):
            continue  # "asked India to withdraw its military" asks for no troops
        if questions.match(text, m.end(), s.end):
            continue  # "Miller, asked whether the US could send troops": a question to him
        before = [d for mm, d in ents.mentions_in(s.start, m.start()) if d.type is PER]
        if not before:
            continue
        asker = before[-1]
        if people_asked.match(text, m.end(), s.end):
            # rule the-people-asked-are-no-sender: "Odinga meminta warga Kenya untuk
            # bergabung": the people asked to join a protest, not a state asked for troops
            continue
        targets = {d.id for _, d in ents.mentions_in(m.end(), s.end)}
        for dep in deps:
            if dep.by.id in targets and dep.requested_by is None:
                dep.requested_by = asker
                dep.why.append(Step("requested-by:asked-the-sender", *s.span))
                break
        else:
            if not targets & organizations:
                near = [d for d in deps if abs(d.sentence - index) <= 1 and d.requested_by is None]
                if near:
                    near[0].requested_by = asker
                    near[0].why.append(Step("requested-by:asked-for-help-nearby", *s.span))


def _any_in(positions: list[int], start: int, end: int) -> bool:
    """A position (of a sorted list) in ``start:end``."""
    i = bisect.bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _deployment(lay: Layout, i: int, d: _Dep) -> Deployment:
    return Deployment(
        id=f"deployment_{i}",
        by=d.by.id,
        to=d.to.id,
        status=d.status,
        troops=d.troops,
        requested_by=d.requested_by.id if d.requested_by else None,
        part_of=d.part_of.id if d.part_of else None,
        start=d.start,
        withdrawal=d.withdrawal,
        end=d.end,
        evidence=tuple(Evidence(a, b, lay.body[a:b]) for a, b in d.evidence[:3]),
    )
