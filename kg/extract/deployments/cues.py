"""The words and patterns the deployment rules look for, compiled once per language."""

from __future__ import annotations

import functools
import re

from kg.extract.deployments.counts import strength_pattern
from kg.extract.frames import withdrawal_verbs
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.story import across_before

__all__ = ["Cues", "cues"]


class Cues:
    """The deployment rules' patterns of one language (see ``find.py`` for their use)."""

    def __init__(self, lang: LangResources) -> None:
        self.verbs = lang.pattern("deploy_verbs")
        # rule counted-members-are-troops: "Sebanyak 300 anggota TNI Polri diterjunkan":
        # a count of a body's members, named right after them, counts its troops
        members = lang.pattern("member_nouns").pattern
        self.troops_p = re.compile(
            rf"{lang.pattern('troop_nouns').pattern}|(?<=\d\s){members}(?=\s+(?-i:[A-Z]))",
            re.IGNORECASE,
        )
        # "personel gabungan", "aparat gabungan": troops of a joint force
        self.joint_troops = re.compile(
            rf"(?:{self.troops_p.pattern})\s+(?:{lang.pattern('joint_words').pattern})",
            re.IGNORECASE,
        )
        self.planned, self.denied = lang.pattern("planned_hedges"), lang.pattern("denied_hedges")
        # "could not be ruled out", "did not rule out": a negation right before a denial
        self.negated = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('negation_words').pattern})(?:\s+[a-z]+)?\s+$",
            re.IGNORECASE,
        )
        self.future = lang.pattern("future_times")
        self.calendar = set(lang.weekdays) | set(lang.months)  # "on Monday": a day, no place
        # "bangga akan melepas": proud of, no plan
        self.not_a_plan = re.compile(rf"(?:{lang.pattern('not_plan_before').pattern})\s+$", re.I)
        self.past = lang.pattern("past_markers")  # "last June", "Juni lalu"
        # "will today start": a plan for the day it is told is carried out that day
        self.same_day = [k for k, v in lang.table("relative_days").items() if v == 0]
        self.today = re.compile(rf"\s+(?:{phrase_pattern(self.same_day).pattern})", re.IGNORECASE)
        # "will remain deployed", "akan tetap bertugas": troops that stay are there now
        # "said on Friday it will send", "ujar Pashinyan, dilansir Anadolu, Kamis (6/1)"
        self.telling = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('speech_verbs').pattern}|"
            rf"{lang.pattern('report_cues').pattern})(?![\w-])",
            re.IGNORECASE,
        )
        self.stays = re.compile(rf"\s+(?:{lang.pattern('staying_words').pattern})", re.IGNORECASE)
        self.deciding = lang.pattern("decision_verbs")  # "approved", "menyetujui"
        self.purposes = lang.pattern("planned_purposes")
        self.onward_p = lang.pattern("onward_words")
        self.arrivals = lang.pattern("arrival_verbs")
        # "bertugas di", also with how long between: "bertugas sembilan bulan di Papua"
        self.served_in = served_in_pattern(lang)
        self.protest_nouns = lang.pattern("protest_nouns")
        self.place_named = re.compile(
            rf"\s+(?:{lang.pattern('place_nouns').pattern})\s+"
            rf"(?:{lang.pattern('place_noun_links').pattern})\s+(?=[A-Z])",
            re.IGNORECASE,
        )
        self.ordered_by = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('order_nouns').pattern})\s+(?:[\w-]+\s+){{0,3}}"
            rf"(?:{lang.pattern('source_preps').pattern})\s+$",
            re.IGNORECASE,
        )
        self.ends_before = re.compile(
            rf"(?:{lang.pattern('end_preps').pattern})\s+(?:\w+\s+)?$", re.I
        )
        self.since_before = re.compile(
            rf"(?:{lang.pattern('since_words').pattern})\s+(?:\w+\s+)?$", re.I
        )
        self.dest_before = re.compile(
            rf"(?<!\w)(?:{lang.pattern('destination_preps').pattern})\s+(?:[a-z]+\s+)?$", re.I
        )
        self.joined_clause_before = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('relative_pronouns').pattern})\s+(?:[\w-]+\s+)?"
            rf"(?:{lang.pattern('joined_preps').pattern})\s",
            re.IGNORECASE,
        )
        self.cited = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('source_cues').pattern})\s+"
            # "According to the Nepali Army's Directorate ...": an owner may come between
            rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?(?:[\w-]+\s+)?"
            rf"(?:[\w-]+{lang.any_possessive}\s+)?$",
            re.IGNORECASE,
        )
        self.crowd_p = lang.pattern("crowd_nouns")
        self.across = across_before(lang)  # "throughout France", "di seluruh Indonesia"
        self.finishing = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('completion_cues').pattern})\s+(?:[\w-]+\s+)?$", re.I
        )
        self.send_off = lang.pattern("send_off_verbs")
        self.at_preps = {w.lower() for w in lang.words("presence_preps")}  # "di", "at"
        self.departure = re.compile(
            rf"(?:{lang.pattern('departure_sites').pattern})\s", re.IGNORECASE
        )
        self.place_noun_last = re.compile(rf"\s(?:{lang.pattern('place_nouns').pattern})$", re.I)
        self.link_named = re.compile(
            rf"\s+(?:{lang.pattern('place_noun_links').pattern})\s+(?=[A-Z])", re.IGNORECASE
        )
        self.kind_from = re.compile(r"^(?:[A-Z][\w-]*\s+){1,2}(?=\S+$)")
        self.aided_from = re.compile(
            rf"(?:[A-Z][\w-]*\s+){{0,2}}(?i:{lang.pattern('aid_words').pattern})\s+"
            rf"(?i:{lang.pattern('source_preps').pattern})"
        )
        self.dest_preps = [p.lower() for p in lang.words("destination_preps")]
        self.nationwide = lang.pattern("nationwide")
        self.capitals = lang.pattern("capital_words")
        self.joining = lang.pattern("also_words")
        self.anaphora = lang.pattern("destination_anaphora")
        self.toward = {w.lower() for w in lang.words("toward_preps")}
        self.not_dest = lang.pattern("not_destination_before")
        self.locating = lang.pattern("locating_links")
        self.armour = lang.pattern("armour_nouns")
        # "officials in Paris say"; not "... to Estonia was announced", a passive of the news
        self.marks = lang.pattern("passive_marks").pattern or "(?!x)x"
        self.speech = re.compile(
            rf"\s+(?!(?:{self.marks})\s)(?:\w+\s+)?(?:{lang.pattern('speech_verbs').pattern})", re.I
        )
        # "kata Kapolres Buleleng AKBP M Yudi Hartanto di Singaraja": where it was said
        self.spoken_at = re.compile(
            rf"(?<![\w-])(?i:{lang.pattern('speech_verbs').pattern})\s+(?:[A-Z][\w.'’-]*,?\s+){{1,8}}"
            rf"(?i:{lang.pattern('presence_preps').pattern})\s+$"
        )
        self.place_preps = {w.lower() for w in lang.words("place_preps")}
        # ", where 17 protesters were killed on Jan. 9": a clause about the place just named
        self.place_relative = (
            re.compile(rf",\s+(?i:{lang.pattern('place_relatives').pattern})\s")
            if lang.words("place_relatives")
            else None
        )
        self.composed = lang.pattern("composition_cues")
        # "..., the ministry said" right after a name, and "according to the ministry"
        # (or "said") right before one: who speaks (rule the-state-of-the-body-that-reports-it)
        self.said_after = re.compile(
            rf",?\s+(?:{lang.pattern('speech_verbs').pattern})(?![\w-])", re.I
        )
        self.said_before = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('speech_verbs').pattern}|{lang.pattern('source_cues').pattern})"
            rf"\s+(?:(?:{lang.pattern('article_words').pattern})\s+)?$",
            re.I,
        )
        self.spoke = re.compile(
            rf"[\s,]+(?:\w+[\s,]+)?(?:{lang.pattern('speech_verbs').pattern})", re.I
        )
        self.units = frozenset(w.lower() for w in lang.words("unit_words"))
        self.definite_articles = frozenset(w.lower() for w in lang.words("definite_articles"))
        self.corps = frozenset(w.lower() for w in lang.words("corps_heads"))  # "Brimob"
        self.examples = {w.lower() for w in lang.words("group_links")}
        # "U.N.-backed": a name made an adjective; "-led" names the leader of the sender
        self.backers = phrase_pattern([w for w in lang.words("adjective_suffixes") if w != "-led"])
        # "... to Kandahar": a destination named after a preposition
        self.named_after = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('destination_preps').pattern})\s+"
            rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?[A-Z]",
        )
        self.moved_out = re.compile(
            rf"\s+(?:[\w-]+\s+){{0,3}}?(?:{lang.pattern('moved_out_words').pattern})\s", re.I
        )
        self.left_back = (
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
        self.whose_place = re.compile(
            rf"(?<![\w-])(?-i:[a-z]+)\s+(?:{lang.pattern('presence_preps').pattern})\s+$", re.I
        )
        # "personel Brimob dari berbagai Polda di Indonesia": the troops, where they come
        # from, then where that is
        self.source_s_place = re.compile(
            rf"(?:{lang.pattern('troop_nouns').pattern})(?:\s+[\w-]+){{0,3}}?\s+"
            rf"(?:{lang.pattern('source_preps').pattern})\s+(?:[\w-]+\s+){{1,4}}?"
            rf"(?:{lang.pattern('presence_preps').pattern})\s+$",
            re.I,
        )
        self.withdraw = withdrawal_verbs(lang)
        # "left for", "departed for": a verb of setting off that names where to
        # "will join the UN mission": a verb of joining, a mission or a force a few words on
        self.join_verbs = lang.pattern("join_verbs")
        self.mission_joined = re.compile(
            rf"\s+(?:[\w.-]+\s+){{0,4}}?(?:{lang.pattern('mission_nouns').pattern})(?![\w-])",
            re.IGNORECASE,
        )
        # "from the UN mission in Mali": the place of the mission the troops leave; "from
        # positions in North Kivu": of the posts they hold
        held = "|".join(
            p
            for p in (lang.pattern("mission_nouns").pattern, lang.pattern("post_nouns").pattern)
            if p
        )
        self.mission_in = re.compile(
            rf"\s+(?:[\w.-]+\s+){{0,5}}?(?:{held})"
            rf"(?:\s+[\w.-]+){{0,3}}?\s+(?:{lang.pattern('presence_preps').pattern})\s+$",
            re.IGNORECASE,
        )
        self.departed = re.compile(
            rf"\s(?:{lang.pattern('departure_preps').pattern or '(?!x)x'})$", re.IGNORECASE
        )
        self.leave_verbs = lang.pattern("leave_verbs")
        self.source_preps = lang.pattern("source_preps")
        self.joined_preps = {w.lower() for w in lang.words("joined_preps")}
        self.pronouns = lang.pattern("relative_pronouns").pattern
        # a clause about the troops: "381 pasukan Brimob yang semula diperbantukan", its verb
        # next, and "... yang semula diperbantukan ke", its destination next
        self.about_troops = rf"(?:{self.troops_p.pattern})[^,.;]*?\s(?:{self.pronouns})\s+"
        self.clause_about_troops = re.compile(rf"{self.about_troops}(?:[\w-]+\s+)?$", re.IGNORECASE)
        # "forces currently stationed": where the troops are, said before where they go
        self.stationed_troops = re.compile(
            rf"(?:{self.troops_p.pattern})\s+(?:{lang.pattern('stationed_participles').pattern})$",
            re.IGNORECASE,
        )
        self.sent_before = re.compile(
            rf"{self.about_troops}(?:[\w-]+\s+){{0,3}}?"
            rf"(?:{lang.pattern('destination_preps').pattern})\s+(?:[\w-]+\s+)?$",
            re.IGNORECASE,
        )
        self.relative = re.compile(rf",\s+(?:{self.pronouns})[^,]*,", re.IGNORECASE)
        self.relative_open = re.compile(rf",\s+(?:{self.pronouns})(?!\w)", re.IGNORECASE)
        self.endings = "|".join(re.escape(e) for e in lang.words("participle_endings")) or "(?!x)x"
        self.participial = re.compile(rf",\s+[a-z]+(?:{self.endings})\s[^,]*,")
        self.relative_before = re.compile(rf"(?<!\w)(?:{self.pronouns})(?!\w)", re.IGNORECASE)
        # "diberangkatkan BKO Polda Papua": put under that force right after the verb
        self.attached_to = re.compile(
            rf"\s+(?:{lang.pattern('attach_words').pattern})\s+(?:(?:{lang.pattern('destination_preps').pattern})\s+)?",
            re.IGNORECASE,
        )
        # "from Germany to Romania": a preposition of where to, right after a place
        self.toward_after = re.compile(
            rf"\s*,?\s*(?:{lang.pattern('destination_preps').pattern})\s", re.IGNORECASE
        )
        # "called in the army and the Frontier Scouts": the forces called in
        self.call_in = lang.pattern("call_in_verbs")
        joins = lang.pattern("coordinators").pattern
        the = lang.pattern("definite_before").pattern or "(?!x)x"
        self.called_gap = re.compile(
            rf"\s*(?:,\s*)?(?:(?:{joins})\s+)?(?:(?:{the})\s+)?", re.IGNORECASE
        )
        generic = phrase_pattern(
            [*lang.words("generic_forces"), *lang.words("military_nouns")]
        ).pattern
        self.generic_force_gap = re.compile(
            rf"\s+(?:(?:{the})\s+)?(?:{generic})\s*(?:,\s*)?(?:(?:{joins})\s+)?"
            rf"(?:(?:{the})\s+)?",
            re.IGNORECASE,
        )
        self.place_noun_end = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('place_nouns').pattern})$", re.IGNORECASE
        )
        self.prior_event = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('prior_event_links').pattern})(?![\w-])", re.IGNORECASE
        )
        self.background = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('prior_event_links').pattern}"
            rf"|{lang.pattern('background_links').pattern})(?![\w-])",
            re.IGNORECASE,
        )
        self.ethnic_before = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('ethnic_words').pattern})\s+$", re.IGNORECASE
        )
        self.ranked = re.compile(
            rf"(?<![\w-])(?:{phrase_pattern(list(lang.table('ranks'))).pattern})\s+$", re.IGNORECASE
        )
        self.fronted_source = re.compile(rf"\W*(?:{self.source_preps.pattern})\s+", re.IGNORECASE)
        self.means = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('means_words').pattern})\s+$", re.IGNORECASE
        )
        self.done = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('done_markers').pattern})(?![\w-])", re.I
        )
        self.serving_as = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('serve_as_words').pattern})\s+(?:[\w-]+\s+){{0,2}}$",
            re.IGNORECASE,
        )
        # "... 1.200 personel yang sebelumnya di-BKO-kan": a clause about the troops, up to its verb
        self.relative_after_troops = re.compile(
            rf"(?:{lang.pattern('troop_nouns').pattern})\s+(?i:{self.pronouns})\s+(?:[\w-]+\s+){{0,2}}$",
            re.IGNORECASE,
        )
        # "back to Ohio": a place's capital letter after the words, whatever their case
        self.sent_back = re.compile(
            rf"(?<![\w-])(?i:{lang.pattern('sent_back_links').pattern})\s+[A-Z]"
        )
        # "usai bertugas setahun di": the duty, then where it was
        self.duty_done = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('after_duty_cues').pattern})\s+(?:[\w-]+\s+){{0,3}}?"
            rf"(?:{lang.pattern('presence_preps').pattern})(?=\s)",
            re.IGNORECASE,
        )
        self.backing = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('backup_verbs').pattern})\s+(?:[\w-]+\s+){{0,3}}$", re.I
        )
        self.added = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('added_cues').pattern})\s+(?:[\w.,-]+\s+){{0,3}}$", re.I
        )
        # "menurunkan 4.033 personel, yang terdiri dari ...": the make-up of the troops sent
        self.makeup = lang.pattern("makeup_cues")
        self.no_withdrawal = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('negation_words').pattern})\s+"
            rf"(?:(?:{lang.pattern('article_words').pattern})\s+)?(?:[\w-]+\s+)?$",
            re.IGNORECASE,
        )
        self.unit_owner = re.compile(rf"\s+(?:{lang.pattern('unit_owner_links').pattern})\s+", re.I)
        # "the government has deployed", "pemerintah mengerahkan": no name, no demonym
        self.government = re.compile(
            rf"(?<![\w-])(?i:{lang.pattern('generic_governments').pattern})\s+(?:[a-z][\w-]*\s+){{0,2}}$"
        )
        self.military = phrase_pattern([*lang.words("military_nouns"), *lang.words("armour_nouns")])
        # "Hundreds of riot police were deployed": a force named by a common noun, the
        # subject right before the verb
        self.named_force_subject = re.compile(
            rf"({lang.pattern('named_forces').pattern})\s+"
            rf"(?:(?:{lang.pattern('sender_auxiliaries').pattern})\s+){{0,3}}$",
            re.IGNORECASE,
        )
        self.force_nouns = lang.pattern("military_nouns")
        # "1.200 personel gabungan disiagakan": joint troops as the subject, whose no rule told
        self.joint_subject = re.compile(
            rf"(?<![\w-])({lang.pattern('joint_troops_named').pattern})\s+"
            rf"(?:(?:{lang.pattern('sender_auxiliaries').pattern})\s+){{0,3}}$",
            re.IGNORECASE,
        )
        # words that make a name a force's ("Odisha Police", "Rapid Action Force")
        self.force_words = phrase_pattern(
            [*lang.words("military_nouns"), *lang.words("force_name_words")]
        )
        self.pronoun_subject = lang.pattern("subject_pronouns")
        # "Germany and Poland quickly said they": a speaker, then the pronoun that is it
        self.said_then = re.compile(
            rf"\s+(?:[a-z]+\s+)?(?:{lang.pattern('speech_verbs').pattern})(?:\s+[a-z]+)?\s+"
        )
        self.modified_noun = re.compile(
            rf"\s+{lang.pattern('military_modified').pattern}", re.IGNORECASE
        )
        self.missions = phrase_pattern(
            [*lang.words("military_nouns"), *lang.words("mission_nouns")]
        )
        self.returning = lang.pattern("return_phrases")
        self.returning_to = lang.pattern("return_to_verbs")
        self.back_home = lang.pattern("return_purposes")
        # "deployed to the X", "based in X": where a clause about troops puts them
        self.placed_before = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('destination_preps').pattern}"
            rf"|{lang.pattern('stationed_preps').pattern})\s+"
            rf"(?:(?:{lang.pattern('definite_before').pattern or '(?!x)x'})\s+)?$",
            re.IGNORECASE,
        )
        self.owned_by_it = re.compile(rf"(?<!\w)(?:{lang.pattern('its_words').pattern})\s+$", re.I)
        # a name's possessive: "Russia's Defence Ministry", "Kenya's army", "Botswana's
        # Defence Minister" (or none: "Kenya army")
        self.owns_next = re.compile(rf"{lang.any_possessive}\s")
        self.owner_gap = re.compile(rf"(?:{lang.any_possessive})?\s+")
        self.owner_end = re.compile(rf"(?:{lang.any_possessive})?\s*")
        self.joins = lang.pattern("coordinators")
        # "Soldiers patrolled", "security forces were deployed": troops as the verb's subject
        self.troops_subject = re.compile(
            rf"(?:^|(?<=\W))(?:{self.troops_p.pattern})\s+"
            rf"(?:(?:{lang.pattern('sender_auxiliaries').pattern})\s+){{0,3}}$",
            re.IGNORECASE,
        )
        # "9,500 soldiers and police": troops, then the force named with them
        self.troops_and = re.compile(rf"(?:{self.troops_p.pattern})\s+(?:{self.joins.pattern})\s+$")
        self.commands = lang.pattern("command_verbs")
        self.of_after = re.compile(rf"\s+(?:{lang.pattern('place_noun_links').pattern})\s", re.I)
        self.borders = lang.pattern("border_phrases")
        self.joined_before = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('joined_preps').pattern})\s+(?:[a-z]+\s+){{0,2}}$",
            re.IGNORECASE,
        )
        self.troops_owned = re.compile(rf"\s+(?:{self.troops_p.pattern})", re.IGNORECASE)
        self.troops_before = re.compile(
            rf"(?<![\w-])(?:{self.troops_p.pattern})\s+$", re.IGNORECASE
        )
        # "menarik ... pasukannya di sekitar Kota Kharkiv": the troops there are withdrawn
        stationed = (
            # "personel BKO yang ada di Papua Barat": the troops' kind may come between
            rf"(?:{self.troops_p.pattern})(?:\s+(?-i:[A-Z])[\w-]*)?\s+"
            rf"(?:{lang.pattern('stationed_preps').pattern})\s+"
            # "menarik 200 personel Brimob yang selama dua minggu berjaga di Kabupaten Garut"
            rf"|(?:{self.troops_p.pattern})(?:\s+[\w-]+){{0,2}}\s+(?:{self.pronouns})(?:\s+[\w-]+){{0,4}}?\s+"
            rf"(?:{lang.pattern('duty_verbs').pattern})\s+"
        )
        self.stationed = re.compile(rf"(?:{stationed})$", re.IGNORECASE)
        # "... di sekitar Kota Kharkiv", "in the city of X": a word of the place may follow
        self.stationed_at = re.compile(
            rf"(?:{stationed})(?:(?:{lang.pattern('stationed_place_words').pattern})\s+)?$",
            re.IGNORECASE,
        )
        self.deploy_nouns = lang.pattern("deployment_nouns")
        # a force or a unit by the words of its name ("Rapid Action Battalion", "General
        # Service Unit", "joint task force")
        self.force_names = phrase_pattern(
            [
                *lang.words("military_nouns"),
                *lang.words("unit_words"),
                *lang.words("force_name_words"),
            ]
        )
        # "the deployment of the Rapid Action Battalion": what a deployment noun names
        # "the deployment of the Rapid Action Battalion", "of 50 additional Central Armed
        # Police Forces (CAPF) companies": a count and its lower-case words may come first
        # ("the deployment of a Kenyan-led force": an article too)
        self.deployment_of = re.compile(
            rf"\s+(?:{lang.pattern('place_noun_links').pattern})\s+"
            rf"(?:(?:{lang.pattern('definite_before').pattern or '(?!x)x'}"
            rf"|{lang.pattern('article_words').pattern or '(?!x)x'})\s+)?"
            rf"(?:\d[\d.,]*\s+(?:(?-i:[a-z]+)\s+){{0,2}})?",
            re.IGNORECASE,
        )
        self.asked_to_leave = phrase_pattern(
            [*lang.words("request_verbs"), *lang.words("demand_verbs")]
        )
        self.asked_to = lang.pattern("request_verbs")
        self.replaced = re.compile(
            rf"(?:{lang.pattern('replace_verbs').pattern})\s+$", re.IGNORECASE
        )
        self.fronted_opener = lang.pattern("fronted_openers")
        # "personel guna membantu Polres Mappi": a purpose, not the troops' kind
        self.purpose_words = {w.lower() for w in lang.words("purpose_words")}
        self.toward_before = re.compile(
            rf"(?<!\w)(?:{lang.pattern('toward_preps').pattern})\s+$", re.I
        )
        self.order_to = re.compile(rf"\s+(?:{lang.pattern('toward_preps').pattern})\s+[a-z]", re.I)
        self.strength = strength_pattern(lang)
        self.capital_named = re.compile(
            rf"{lang.any_possessive}\s+(?:{lang.pattern('capital_nouns').pattern}),?\s+",
            re.IGNORECASE,
        )
        self.clause_joins = phrase_pattern(
            [*lang.words("coordinators"), *lang.words("clause_joins")]
        )
        self.joined_clause = re.compile(rf",\s*(?:{self.joins.pattern})\s", re.IGNORECASE)
        self.alert = lang.pattern("alert_verbs")
        self.place_of = re.compile(
            rf"\s+(?:{lang.pattern('place_of').pattern})\s+"
            # "entered the eastern Congolese city of Bunia": modifiers before the place noun
            rf"|\s+(?:{lang.pattern('definite_before').pattern})\s+(?:[\w-]+\s+){{1,3}}?"
            rf"(?:{lang.pattern('place_nouns').pattern})\s+"
            rf"(?:{lang.pattern('place_noun_links').pattern})\s+",
            re.IGNORECASE,
        )
        self.directions = phrase_pattern(list(lang.table("direction_words"))).pattern
        self.direction_only = re.compile(rf"\s+(?:{self.directions})\s+", re.IGNORECASE)
        self.region_before = re.compile(
            rf"(?:(?:{lang.pattern('definite_articles').pattern})\s+)?"
            rf"(?:{self.directions})\s+(?:{lang.pattern('region_nouns').pattern})\s+$",
            re.I,
        )
        self.crowd = re.compile(
            rf"(?:\)|\s*\([^()]{{1,15}}\))?\s+(?:{lang.pattern('crowd_nouns').pattern})",
            re.IGNORECASE,
        )
        self.crowd_moves = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('crowd_nouns').pattern})(?:\s+[a-z]+)?\s+$", re.IGNORECASE
        )
        # "mengerahkan alat berat", "ordered a nationwide curfew": machines or measures, no troops
        self.no_troops = [*lang.words("equipment_objects"), *lang.words("measure_objects")]
        # the verb's own object: "the Army was called out and a curfew imposed" sends the Army;
        # "diterjunkan untuk membantu evakuasi warga": a purpose, no object
        self.own_object = (
            rf"(?:(?!(?:{lang.pattern('coordinators').pattern}|{lang.pattern('purpose_words').pattern})"
            rf"\s)[\w.,-]+\s+)"
        )
        self.equipment = re.compile(
            rf"\s+{self.own_object}{{0,2}}?(?:{phrase_pattern(self.no_troops).pattern})", re.I
        )
        self.receive = lang.pattern("receive_verbs")
        self.guarded_by = lang.pattern("guarded_by_verbs")
        # "di Bengkalis, yakni di Kecamatan Rupat", "in Riau, specifically in Dumai"
        self.narrowed_to = re.compile(
            rf",?\s*(?:{lang.pattern('narrowing_words').pattern}|{lang.pattern('namely_words').pattern})"
            rf"\s*:?\s+(?:(?:{lang.pattern('place_preps').pattern})\s+)?",
            re.IGNORECASE,
        )
        self.listed_next = re.compile(
            rf"\s*(?:,|(?:{lang.pattern('coordinators').pattern})\s)\s*(?-i:[A-Z])", re.IGNORECASE
        )
        # "in four major cities of Punjab including": the towns listed after the plural noun
        self.towns_including = re.compile(
            rf"(?<!\w)(?:{lang.pattern('destination_preps').pattern})\s+(?:[\w-]+\s+){{0,3}}"
            rf"(?:{lang.pattern('town_plurals').pattern})"
            rf"(?:\s+(?:{lang.pattern('place_noun_links').pattern})\s+[\w-]+(?:\s+[\w-]+)?)?"
            rf",?\s+(?:{lang.pattern('inclusion_words').pattern})\s*:?\s+$",
            re.IGNORECASE,
        )
        # "cities of Punjab including ...": the area that holds the towns listed
        self.towns_of = re.compile(
            rf"(?<!\w)(?:{lang.pattern('town_plurals').pattern})\s+"
            rf"(?:{lang.pattern('place_noun_links').pattern})\s+$",
            re.IGNORECASE,
        )
        self.including_next = re.compile(
            rf",?\s+(?:{lang.pattern('inclusion_words').pattern})\s", re.IGNORECASE
        )
        self.namely_after = re.compile(
            rf"(?<!\w)(?:{lang.pattern('destination_preps').pattern})\s+(?:[\w-]+\s+){{0,3}}"
            rf"[\w-]+,?\s+(?:{lang.pattern('namely_words').pattern})\s*:?\s+$",
            re.IGNORECASE,
        )


@functools.cache
def cues(lang: LangResources) -> Cues:
    """The patterns of ``lang``, compiled on its first article."""
    return Cues(lang)


def served_in_pattern(lang: LangResources) -> re.Pattern[str]:
    """The phrases of where troops served ("bertugas di", "served in"), each allowing a
    few words between its first and last word ("bertugas selama sembilan bulan di")."""
    forms = []
    for phrase in sorted(lang.words("served_in"), key=len, reverse=True):
        words = [re.escape(w) for w in phrase.split()]
        gap = r"(?:\s+[\w-]+){0,4}?\s+" if len(words) > 1 else ""
        forms.append(gap.join([words[0], r"\s+".join(words[1:])]) if gap else words[0])
    return re.compile(rf"(?<![\w-])(?:{'|'.join(forms) or '(?!x)x'})(?![\w-])", re.IGNORECASE)
