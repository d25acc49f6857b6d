"""What makes a clause a deployment: its clauses, its verb (sent, received, guarding,
being there) and the cues around the verb."""

from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

from kg.extract.deployments.cues import Cues
from kg.extract.deployments.places import departed_for, left_place, served_country
from kg.extract.deployments.rows import DepDraft
from kg.extract.deployments.senders import unit_named_after, unit_named_before
from kg.extract.entities import LOC, PER, Draft, Entities, Mention
from kg.extract.frames import withdrawal_verbs
from kg.extract.lang import LangResources
from kg.extract.numbers import find_counts
from kg.extract.text import Sentence


@functools.cache
def told_back_pattern(lang: LangResources, between: str) -> re.Pattern[str]:
    """What follows a troop noun that points back to the troops told of: the words
    ``between`` allows, then a demonstrative ("personel tambahan tersebut")."""
    demonstratives = lang.pattern("demonstratives").pattern
    return re.compile(rf"{between}\s+(?:{demonstratives})(?![\w-])", re.IGNORECASE)


def points_back(text: str, lang: LangResources, s: Sentence) -> bool:
    """``s`` names the troops told of ("pasukan itu", "the troops", "Pasukan Brimob ...
    tersebut")."""
    return troops_told_back(text, lang, lang.pattern("troop_nouns"), s.start, s.end)


def troops_told_back(
    text: str,
    lang: LangResources,
    troops: re.Pattern[str],
    start: int,
    end: int,
    *,
    words: int = 7,
) -> bool:
    """``text[start:end]`` names troops told of already: a word pointing back ("the
    troops", "mereka") or troops with a demonstrative up to ``words`` words after them
    ("pasukan tambahan itu", "Pasukan Brimob ... tersebut")."""
    if lang.pattern("troop_back_references").search(text, start, end):
        return True
    told_back = told_back_pattern(lang, rf"(?:\s+[\w-]+){{0,{words}}}?")
    return any(told_back.match(text, m.end()) for m in troops.finditer(text, start, end))


def deploy_verb(
    text: str,
    verbs: re.Pattern[str],
    equipment: re.Pattern[str],
    s: Sentence,
    about_troops: re.Pattern[str] | None = None,
    stationed: re.Pattern[str] | None = None,
) -> re.Match[str] | None:
    """The first verb of sending in ``s`` whose object is not machinery or a measure: rule
    machines-are-no-troops ("PT Sawit Jaya yang mengerahkan alat berat", "Police have
    ordered a nationwide curfew"). Rule the-verb-after-a-clause-about-the-troops: with
    ``about_troops``, a verb in a clause about the troops ("381 pasukan Brimob yang semula
    diperbantukan ke Papua Barat digeser ke Nabire") gives way to the sentence's next.
    Rule where-the-troops-are-stationed-is-no-destination: with ``stationed``, so does the
    participle that tells where the troops are now ("Some 300 troops currently stationed
    in Spain will be moved to Italy")."""
    found = [v for v in verbs.finditer(text, s.start, s.end) if not equipment.match(text, v.end())]
    if about_troops is not None and len(found) > 1:
        main = [v for v in found if not about_troops.search(text, s.start, v.start())]
        if main and main[0] is not found[0]:
            return main[0]
    if stationed is not None and len(found) > 1 and stationed.search(text, s.start, found[0].end()):
        return found[1]
    return found[0] if found else None


def guard_verb(
    text: str, guarded_by: re.Pattern[str], troops_p: re.Pattern[str], s: Sentence
) -> re.Match[str] | None:
    """A passive verb of guarding whose agent, within five words after it, is troops
    (rule guarded-by-troops: "akan dijaga oleh sekitar 2.000 personel gabungan")."""
    for v in guarded_by.finditer(text, s.start, s.end):
        noun = troops_p.search(text, v.end(), min(s.end, v.end() + 50))
        if noun is not None and len(text[v.end() : noun.start()].split()) <= 4:
            return v
    return None


def operation_involves(
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


def troops_guard(
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


def received_verb(
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


@functools.cache
def split_clauses(
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


def goes_toward(text: str, lang: LangResources, verb: re.Match[str], to: Draft) -> bool:
    """The destination follows the verb after a preposition of direction ("ke", "to")."""
    towards = lang.pattern("direction_preps").pattern
    for m in to.mentions:
        if m.start > verb.end() and re.search(
            rf"(?:{towards})\s+(?:[\w-]+\s+){{0,2}}$", text[verb.end() : m.start], re.I
        ):
            return True
    return False


def presence_verb(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str]
) -> re.Match[str] | None:
    """A presence verb right before a troop count ("France now has about 1,400 troops"), or
    rule troops-are-there: a count of troops that the text places somewhere ("around 70
    Indian military personnel are believed to be in the Maldives", "2.000 tentara AS
    berada di Polandia"); the match stands for the verb."""
    presence = lang.pattern("presence_verbs")
    leave_p, send_p = withdrawal_verbs(lang), lang.pattern("deploy_verbs")
    pledge_p = lang.pattern("pledge_verbs")
    there = "|".join(re.escape(w) for w in lang.words("presence_after")) or "(?!x)x"
    preps = "|".join(re.escape(w) for w in lang.words("destination_preps")) or "(?!x)x"
    # "300 personel Brimob dari Mabes Polri telah berada di Ternate": the troops' owner
    # may stand between them and where they are
    source = lang.pattern("source_preps").pattern
    the = lang.pattern("definite_articles").pattern
    placed = re.compile(
        rf"(?:\s+(?:(?i:{source})\s+)?[A-Z][\w./-]*){{0,5}}"
        rf"(?i:(?:\s+(?:{there}))+\s+(?:{preps})\s+(?:(?:{the})\s+)?)[A-Z]"
    )
    for c in find_counts(text, lang, s.start, s.end):
        noun = troops_p.search(text, c.end, min(s.end, c.end + 40))
        if noun is None or len(text[c.end : noun.start()].split()) > 3:
            continue
        for m in presence.finditer(text, max(s.start, c.start - 25), c.start):
            gap = text[m.end() : c.start]
            # not an auxiliary: "Burundi has withdrawn 734 soldiers", "has sent 300", "has
            # promised 2,000 troops"
            if len(gap.split()) <= 1 and not any(
                p.search(gap) for p in (leave_p, send_p, pledge_p)
            ):
                return m
        if placed.match(text, noun.end(), s.end):
            return noun
    located = re.compile(
        rf"(?i:\s+(?:{there}))*\s+(?i:{preps})\s+(?:(?i:{the})\s+)?(?:[a-z]+\s+)?[A-Z]"
    )
    for m in presence.finditer(text, s.start, s.end):
        # "Rwanda also has troops in east Congo": a presence verb, troops with no count,
        # and where they are
        noun = troops_p.match(text, m.end() + 1)
        if text[m.end() : m.end() + 1].isspace() and noun and located.match(text, noun.end()):
            return m
    return None


def owned_troops_there(
    text: str, lang: LangResources, s: Sentence, troops_p: re.Pattern[str], ents: Entities
) -> re.Match[str] | None:
    """Rule owned-troops-are-there: a state's troops that the text places somewhere, with
    no verb of sending and no count ("French troops in Gabon", "pasukan AS di Irak"): they
    are deployed there; the match (the troop noun) stands for the verb."""
    preps = lang.pattern("presence_preps").pattern
    there = "|".join(re.escape(w) for w in lang.words("presence_after")) or "(?!x)x"
    the = lang.pattern("definite_articles").pattern
    placed = re.compile(rf"(?:\s+(?:{there}))*\s+(?:{preps})\s+(?:(?:{the})\s+)?[A-Z]", re.I)
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


def completed_withdrawal(
    text: str, finishing: re.Pattern[str], leaving: re.Match[str] | None, s: Sentence
) -> bool:
    """A withdrawal said to be completed ("completed its withdrawal from Niger",
    "menyelesaikan penarikan dari Niger")."""
    return leaving is not None and bool(
        finishing.search(text, max(s.start, leaving.start() - 25), leaving.start())
    )


def joined_mission(text: str, lp: Cues, s: Sentence) -> re.Match[str] | None:
    """Rule troops-join-a-mission: a verb of joining with a mission or a force named within
    a few words after it ("Forty Kenyan soldiers will join the UN mission in South Sudan",
    "will join the Multinational Force and Observers in the Sinai"): the troops are sent
    to its place; the verb stands for a verb of sending. "joined other embassies" is none."""
    for verb in lp.join_verbs.finditer(text, s.start, s.end):
        if lp.mission_joined.match(text, verb.end(), s.end):
            return verb
    return None


@dataclass
class Trigger:
    """What makes a clause a deployment, and what the later rules read of it."""

    verb: re.Match[str]  # the verb (or noun) of sending, being there or leaving
    leaving: re.Match[str] | None  # the verb of leaving, for troops that leave a place
    pulled: re.Match[str] | None  # a withdrawal told before a clause about the troops
    troop: re.Match[str] | None  # the troop noun (or strength) of the clause
    sent: tuple[Mention, Draft] | None  # a unit the verb sends, named right after it
    untrooped: bool  # a completed withdrawal told with no troop noun


def _right_after_the_troops(text: str, lp: Cues, s: Sentence, verb: re.Match[str]) -> bool:
    """The verb follows the troop noun with only a space between ("troops serving in")."""
    return any(
        not text[t.end() : verb.start()].strip()
        for t in lp.troops_p.finditer(text, max(s.start, verb.start() - 30), verb.start())
    )


def clause_trigger(
    text: str,
    lang: LangResources,
    lp: Cues,
    ents: Entities,
    s: Sentence,
    *,
    part: int,
    index: int,
    deps: list[DepDraft],
) -> Trigger | None:
    """The trigger of clause ``s`` (the ``part``-th of sentence ``index``), or None when
    the clause tells of no troops sent, there or leaving: a crowd that moves or arrives,
    an order to act, a ceremony's name, a verb of leaving that is no sending."""
    verb = (
        received_verb(text, lp.receive, lp.troops_p, lp.source_preps, s, lp.verbs)
        or deploy_verb(text, lp.verbs, lp.equipment, s, lp.clause_about_troops, lp.stationed_troops)
        or guard_verb(text, lp.guarded_by, lp.troops_p, s)
        or troops_guard(text, lang, lp.troops_p, s)
        or presence_verb(text, lang, s, lp.troops_p)
        or owned_troops_there(text, lang, s, lp.troops_p, ents)
        or operation_involves(text, lang, s, lp.troops_p)
        or joined_mission(text, lp, s)
    )
    out_of = lp.withdraw.match(text, verb.start()) if verb is not None else None
    if verb is not None and out_of is not None and out_of.end() > verb.end():
        verb = None  # "flew out of Gambia": a verb of leaving, not "flew" to a place
    if verb is not None and lp.crowd_moves.search(
        text, max(s.start, verb.start() - 30), verb.start()
    ):
        # rule the-crowd-moves: "mencegah massa aksi masuk ke dalam Gedung DPR RI",
        # "protesters entered the compound": the crowd goes there, no troops
        verb = None
    leaving = None
    later = lp.withdraw.search(text, verb.end(), s.end) if verb is not None else None
    if (
        verb is not None
        and later is not None
        and (
            lp.relative_before.search(text, max(s.start, verb.start() - 8), verb.start())
            # "Burundian troops serving in the regional force began withdrawing from ...":
            # a participle right after the troops tells of them
            or _right_after_the_troops(text, lp, s, verb)
        )
        and left_place(
            text,
            lp.source_preps,
            ents.mentions_in(s.start, s.end, longest=True),
            later,
            lp.leave_verbs,
            lp.troops_owned,
            lp.stationed_at,
            lp.relative_before,
            lp.troops_before,
            lp.joins,
            lp.mission_in,
        )
        is not None
    ):
        # rule withdrawn-after-a-relative-clause: "200 personel Brimob yang
        # bertugas selama enam bulan ditarik dari Kabupaten Puncak", "troops serving in
        # the force began withdrawing from": the verb of the clause about the troops is
        # not the sentence's
        verb = None
    if (
        verb is not None
        and later is not None
        and lp.finishing.search(text, max(verb.end(), later.start() - 25), later.start())
    ):
        # rule a-crossing-that-completes-a-withdrawal: "The last US troops crossed
        # the border into Kuwait, completing their withdrawal from Iraq": they
        # left, the country they entered is no destination
        verb = None
    pulled = lp.withdraw.search(text, s.start, verb.start()) if verb is not None else None
    if pulled is not None and not lp.relative_after_troops.search(
        text, pulled.end(), verb.start() if verb is not None else pulled.end()
    ):
        pulled = None
    if verb is None:  # "Rusia menarik pasukannya dari X": its troops were in X
        leaving = lp.withdraw.search(text, s.start, s.end)
        verb = leaving
        if leaving is not None and departed_for(text, lang, ents, leaving, s) is not None:
            # rule a-departure-for-a-place: "A contingent left Kathmandu on Sunday for
            # Juba": they set off there, no withdrawal from the place left
            leaving = None
    elif (
        (moved := lp.moved_out.match(text, verb.end(), s.end)) is not None
        and not lp.named_after.search(text, moved.end(), s.end)
        and sum(d.type is LOC for _, d in ents.mentions_in(moved.end(), s.end)) == 1
    ):
        # rule troops-moved-out: "The US has begun moving troops out of Afghanistan":
        # they leave it, and go nowhere the sentence names ("moved out of Homs, in
        # the direction of Tartus" goes somewhere)
        leaving = verb
    untrooped = False  # a withdrawal told with no troop noun
    troop = lp.troops_p.search(text, s.start, s.end) or lp.strength.search(text, s.start, s.end)
    # a unit the verb sends, named right after it
    sent = unit_named_after(text, lp, ents, verb.end(), s.end) if verb else None
    armed = lp.military.search(text, s.start, s.end)  # "Tank-tank militer dikerahkan"
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
        and unit_named_before(ents, s.start, verb.start(), lp.units) is None
        # rule a-mission-is-its-troops: "UNMIL was deployed in 2003": a mission that
        # serves in a country the article names, before the verb
        and not any(
            served_country(lang, ents, d) is not None
            for _, d in ents.mentions_in(s.start, verb.start())
        )
        # rule a-unit-sent: "Presiden melepas Kontingen Garuda XXIII-R ke
        # Lebanon": the unit the verb sends, named right after it
        and sent is None
        # rule a-withdrawal-completed: "France completed its withdrawal from
        # Niger": the troops are the sender's, though no troop noun is written
        and not (untrooped := completed_withdrawal(text, lp.finishing, leaving, s))
    ):
        return None
    if lp.commands.fullmatch(verb.group()) and lp.order_to.match(text, verb.end()):
        return None  # rule an-order-to-act: "had been ordered to shoot looters"
    if (
        lp.send_off.fullmatch(verb.group())
        and verb.group()[:1].isupper()
        and re.search(r"\w", text[s.start : verb.start()])
    ):
        # rule a-ceremony-s-name: "usai upacara Pemeriksaan Kesiapan Operasi dan
        # Pemberangkatan Satgas Pamtas di Palembang": the send-off's name, where
        # they left from, not a sending
        return None
    if (
        lp.arrivals.fullmatch(verb.group())
        and troop is not None
        and troop.start() > verb.end()
        and lp.crowd_p.search(text, s.start, troop.start()) is not None
    ):
        # rule the-crowd-arrives: "Setelah tiba, massa petani yang dihalangi personel
        # Polres Garut ...": the protesters arrive, not the police who stop them
        return None
    return Trigger(verb, leaving, pulled, troop, sent, untrooped)
