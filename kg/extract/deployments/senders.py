"""Who sent the troops: the rules that find a deployment's sender in its sentence or the
story around it."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from kg.authority import AuthorityEntry
from kg.extract.deployments.clause import Clause
from kg.extract.deployments.counts import troop_count
from kg.extract.deployments.cues import Cues
from kg.extract.deployments.places import served_country
from kg.extract.deployments.rows import a_town, is_country
from kg.extract.entities import LOC, ORG, PER, Draft, Entities, Mention, numbered, title_bodies
from kg.extract.frames import (
    alliance_for_leader,
    area_of_body,
    body_of_title,
    force_of_unit,
    is_site,
    led_alliance,
)
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.numbers import find_counts
from kg.extract.story import country_of, in_country, word_before
from kg.extract.text import Kind, Layout, Sentence
from kg.extract.trace import Step
from kg.facts.model import Quantity, Role


def force_that_runs_it(
    lay: Layout, lang: LangResources, ents: Entities, index: int, s: Sentence
) -> tuple[Draft, Draft] | None:
    """The regional force, and its area, whose troops ``s`` counts with no sender of its own
    in an operation: the force the sentence before (in its paragraph) names first ("Polda
    Jawa Barat memulai Operasi Lilin. Sebanyak 9.000 personel diterjunkan ..."), else the
    first the next sentence's composition names ("Sebanyak 20.000 personel dikerahkan
    dalam Operasi Ketupat ini. Personel itu terdiri dari 16.000 anggota Polda Jawa Barat
    ...")."""
    text = lay.clean
    if troop_count(text, lang, s, lang.pattern("troop_nouns")) is None:
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


def _subject_before_an_aside(c: Clause, sentence: Sentence) -> tuple[Mention, Draft] | None:
    """The body or state that opens ``sentence`` (after one word at most: "The"), when only
    its head nouns and a participle's clause between commas stand between it and clause
    ``c`` (and a verb's clause it shares, when ``c`` opens with a coordinator: "..., will
    wind down its operations and withdraw its troops")."""
    text, s = c.lay.clean, c.s
    first = next(
        ((m, d) for m, d in c.ents.mentions_in(sentence.start, s.start) if d.type in (LOC, ORG)),
        None,
    )
    if first is None or len(text[sentence.start : first[0].start].split()) > 1:
        return None
    shared = (
        "[^,;.]*"
        if re.match(rf"\s*(?:{c.lang.pattern('coordinators').pattern})\s", text[s.start : s.end])
        else ""
    )
    aside = re.compile(rf"(?:[ \t]+[a-z]+){{0,2}}{c.lp.participial.pattern}{shared}\s*")
    return first if aside.fullmatch(text, first[0].end, s.start) else None


def subject_before(lay: Layout, ents: Entities, index: int) -> Draft | None:
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


def force_sent(
    text: str,
    military: re.Pattern[str],
    ents: Entities,
    verb: re.Match[str],
    s: Sentence,
    *,
    named_by: re.Pattern[str] | None = None,
    forces: re.Pattern[str] | None = None,
) -> tuple[Mention, Draft] | None:
    """A named armed force right after the verb ("deployed the National Guard"), or None;
    after a deployment noun, a force or unit its link names (``named_by``, ``forces``: "the
    deployment of the Rapid Action Battalion")."""
    # (a long name may end past forty characters: "of 50 additional Central Armed Police
    # Forces")
    for m, d in ents.mentions_in(verb.end(), min(s.end, verb.end() + 70), longest=True):
        if m.start > verb.end() + 40:
            break
        gap = text[verb.end() : m.start].split()
        if len(gap) <= 1 and d.type is ORG and military.search(m.text):
            return m, d
        if (
            named_by is not None
            and d.type is ORG
            and named_by.fullmatch(text, verb.end(), m.start)
            # a force or a unit by its name ("Battalion", "Unit", "Force"), not "Wagnerian"
            and forces is not None
            and forces.search(m.text)
        ):
            return m, d
        break
    return None


def body_of_its_head(
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


def name_before(text: str, mentions: list[tuple[Mention, Draft]], at: int) -> Draft | None:
    """A country or an organization named right before ``at``, with one space between."""
    for mention, draft in mentions:
        if text[mention.end : at] == " " and draft.type in (LOC, ORG):
            country = draft.entry is not None and draft.entry.kind == "country"
            if draft.type is ORG or country:
                return draft
    return None


def listed_bodies(
    text: str, lang: LangResources, first: Mention, ents: Entities, s: Sentence
) -> list[Draft]:
    """The organizations listed after ``first`` ("TNI dan Polri", "TNI, Polri and Basarnas"),
    or the countries listed after a country ("from Malawi, Zambia and Nepal").

    Rule a-list-goes-on-with-as-well-as: an item of the list may open with a list link
    and an article as well ("the army, as well as the Border Guard, was deployed")."""
    states = ents.by_mention.get(first.span) is not None and is_country(ents.by_mention[first.span])
    return bodies_listed_after(text, lang, first.end, ents, s, states=states)


def bodies_listed_after(
    text: str, lang: LangResources, end: int, ents: Entities, s: Sentence, *, states: bool
) -> list[Draft]:
    """The organizations (or, with ``states``, the countries) listed from ``end`` on."""
    joins = "|".join((lang.pattern("coordinators").pattern, lang.pattern("list_links").pattern))
    the = lang.pattern("definite_before").pattern
    link = re.compile(
        rf"(?:\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+)(?:(?:{the})\s+)?", re.IGNORECASE
    )
    out: list[Draft] = []
    for mention, draft in ents.mentions_in(end, s.end, longest=True):
        if mention.start < end:
            continue
        kind_ok = is_country(draft) if states else draft.type is ORG
        if not kind_ok or not link.fullmatch(text, end, mention.start):
            break
        out.append(draft)
        end = mention.end
    return out


def state_forces(
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
        # "The South Korean government on Monday approved a plan to send": a day between
        told = [w for w in gap.split() if w.lower() not in lang.weekdays]
        if "," in gap or len(told) > 4 + (len(told) < len(gap.split())):
            continue
        if any(noun.end() <= m.start < verb for m, _ in mentions):
            continue
        found = (ds, noun.end(), ents.country(entry, ds, de))
    return found


_OWNER_GAP = re.compile(r"[\s'’s]*")  # between an owner and what it owns: "Sri Lanka's "


def force_as_named(
    text: str,
    lp: Cues,
    ents: Entities,
    s: Sentence,
    verb: re.Match[str],
    mentions: list[tuple[Mention, Draft]],
) -> tuple[int, int] | None:
    """Where the verb's subject is a force named by a common noun ("riot police were
    deployed", "elite police deployed"), or None; not when a name or demonym owns it
    ("Serbian riot police", "the Kandy special task force")."""
    found = lp.named_force_subject.search(text, s.start, verb.start())
    if found is None:
        return None
    start, end = found.span(1)
    if lp.troops_and.search(text[s.start : start]):
        return None  # "9,500 soldiers and police had been deployed": the state's troops
    if any(m.start < end and _OWNER_GAP.fullmatch(text[m.end : start]) for m, _ in mentions):
        return None  # "Sri Lanka's special task force"
    if any(_OWNER_GAP.fullmatch(text[de:start]) for _, de, _ in ents.demonyms_in(s.start, start)):
        return None  # "Sudanese riot police": the state's
    if lp.owned_by_it.search(text, s.start, start):
        return None  # "soldiers of its army": the army of the actor told of before
    return start, end


def state_of_its_government(ents: Entities, body: Draft) -> tuple[Draft, tuple[int, int]] | None:
    """The state, and the span of its demonym, when ``body`` is a government named by the
    state's demonym ("the Ecuadorian government"); else None."""
    for m in body.mentions:
        if m.cue == "demonym-government":
            for ds, de, entry in ents.demonyms_in(m.start, m.end):
                return ents.country(entry, ds, de), (ds, de)
    return None


def agent(
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
    the = lang.pattern("definite_articles").pattern
    after_prep = re.compile(rf"(?:{preps})\s+(?:(?:{the})\s+)?", re.IGNORECASE)
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


@functools.cache
def _owned_by(lang: LangResources) -> re.Pattern[str]:
    """What stands between a country's possessive and the troops it owns ("'s second United
    Nations Peacekeeping")."""
    return re.compile(rf"{lang.any_possessive}\s+(?:[\w-]+\s+){{0,4}}")


def owner_pointed_back_to(
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
            if not is_country(d):
                continue
            if (m.end <= t.start() and _owned_by(lang).fullmatch(text, m.end, t.start())) or (
                lang.head_first and m.start >= t.end() and not text[t.end() : m.start].strip()
            ):
                named[id(d)] = d
    if len(owners) + len(named) != 1:
        return None
    if named:
        return next(iter(named.values()))
    ((ds, de, entry),) = owners.values()
    return ents.country(entry, ds, de)


def demonyms_joined_before(
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


def state_of_head(
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
    if of is not None and is_country(of):
        return of
    return ents.country_of_town(to) or home


def speaker_force(
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
    silent = lang.pattern("no_comment_phrases")

    def speaks(r: Role) -> bool:
        # "Defence Forces spokesman X ... said they could not immediately comment": silent
        for e in r.evidence:
            sentence = next((s for s in story if s.start <= e.start < s.end), None)
            if sentence is not None:
                return silent.search(lay.clean, sentence.start, sentence.end) is None
        return False

    here = lay.sentences[index]
    if any(here.start <= e.start < here.end for r in roles for e in r.evidence) and (
        lang.pattern("speech_verbs").search(lay.clean, here.start, here.end) is not None
    ):
        # '"... none will," Defence Minister X told parliament': the sentence's own speaker
        # speaks of them, not an officer of the sentences after
        story = [here] if here.kind is Kind.STORY else []
    told = [r for r in roles if r.of is not None and speaks(r)]
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


def state_before_the_verb(
    text: str, lang: LangResources, mentions: list[tuple[Mention, Draft]], verb: re.Match[str]
) -> Draft | None:
    """The country that is the subject right before the verb, with only auxiliaries
    between ("Mexico has deployed"), or None."""
    subject = _subject_before_the_verb(text, mentions, verb, _auxiliaries_only(lang))
    return subject[1] if subject is not None and is_country(subject[1]) else None


def _force_before_the_verb(
    text: str,
    lang: LangResources,
    lp: Cues,
    mentions: list[tuple[Mention, Draft]],
    verb: re.Match[str],
) -> Draft | None:
    """The body, no unit, that is the subject right before the verb, with only auxiliaries
    and a word of "also" between ("TNI juga mengerahkan"), or None."""
    subject = _subject_before_the_verb(text, mentions, verb, _auxiliaries_only(lang, also=True))
    if subject is None or subject[1].type is not ORG or is_unit(subject[0].text, lp.units):
        return None
    return subject[1]


def _subject_before_the_verb(
    text: str, mentions: list[tuple[Mention, Draft]], verb: re.Match[str], gap: re.Pattern[str]
) -> tuple[Mention, Draft] | None:
    """The last mention before the verb, when only ``gap`` stands between them."""
    before = [(m, d) for m, d in mentions if m.end <= verb.start()]
    if not before or gap.fullmatch(text, before[-1][0].end, verb.start()) is None:
        return None
    return before[-1]


@functools.cache
def _auxiliaries_only(lang: LangResources, *, also: bool = False) -> re.Pattern[str]:
    """Spaces and up to three auxiliaries ("has", "will"), between a subject and its verb;
    with ``also``, a word of "also" among them ("TNI juga mengerahkan")."""
    words = [lang.pattern("sender_auxiliaries").pattern]
    if also and lang.words("also_words"):
        words.append(lang.pattern("also_words").pattern)
    return re.compile(rf"\s+(?:(?:{'|'.join(words)})\s+){{0,3}}", re.IGNORECASE)


def state_that_reports(
    text: str, lp: Cues, ents: Entities, s: Sentence
) -> tuple[Draft, tuple[int, int]] | None:
    """Rule the-state-of-the-body-that-reports-it: troops sent with no sender named, in a
    sentence whose speaker is a state's body ("About 2,000 soldiers were deployed to Lima,
    the Peruvian defence ministry said", "The Peruvian government said ...", "according to
    Peru's interior ministry") or the state itself, are that state's; its demonym or name
    inside the body's name, or its possessive right before it, tells the state. None when
    no such speaker, or bodies of two states speak."""
    said_after, said_before = lp.said_after, lp.said_before
    # the state of each speaking body, by its key: a draft the article has, or the entry
    # and span of the demonym or name that tells it (made an entity only if it sends)
    states: dict[str, tuple[Draft | tuple[AuthorityEntry, int, int], tuple[int, int]]] = {}
    for m, d in ents.mentions_in(s.start, s.end, longest=True):
        if d.type is PER or not (
            said_after.match(text, m.end, s.end)
            or said_before.search(text, max(s.start, m.start - 25), m.start)
        ):
            continue
        state: Draft | tuple[AuthorityEntry, int, int] | None = d if is_country(d) else None
        if state is None and d.type is ORG:
            inner = [y for _, y in ents.mentions_in(m.start, m.end) if is_country(y)]
            state = inner[0] if inner else None
            words = list(re.finditer(r"\S+", text[m.start : m.end]))
            for k in range(min(3, len(words) - 1), 0, -1):
                # "Kementerian Pertahanan Peru": the state's name ends the body's
                at = m.start + words[-k].start()
                entry = ents.authority.lookup(text[at : m.end]) if ents.authority else None
                if state is None and entry is not None and entry.kind == "country":
                    state = (entry, at, m.end)
            for ds, de, entry in ents.demonyms_in(m.start, m.end):
                state = state or (entry, ds, de)
            owner = next(
                (
                    y
                    for x, y in ents.mentions_in(max(s.start, m.start - 30), m.start)
                    if is_country(y) and _OWNER_GAP.fullmatch(text, x.end, m.start)
                ),
                None,
            )
            state = state or owner
        if isinstance(state, Draft):
            states.setdefault(state.entry.key if state.entry else state.id, (state, m.span))
        elif state is not None:
            states.setdefault(state[0].key, (state, m.span))
    if len(states) != 1:
        return None
    ((found, span),) = states.values()
    if isinstance(found, Draft):
        return found, span
    entry, start, end = found
    # not yet one of the article's entities: adopted only if it sends the troops
    told = Mention(start, end, entry.names[0], -1, entry.type, entry, "demonym")
    return ents.by_key(entry.key) or Draft(entry.key, entry.type, entry, [told]), span


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
            return body_of_title(ents, f"{nouns[0]} {place}", e.start, after + len(place))
    return None


def titled_body(text: str, lang: LangResources, ents: Entities, place: Mention) -> Draft | None:
    """The body a head's title right before a place spells ("Kapolda Maluku": Polda
    Maluku), or None."""
    title = re.search(r"([\w-]+)\s+$", text[max(0, place.start - 20) : place.start])
    nouns = title_bodies(lang).get(title.group(1).lower()) if title is not None else None
    if not nouns or title is None:
        return None
    start = place.start - len(title.group())
    return body_of_title(ents, f"{nouns[0]} {place.text}", start, place.end)


def body_of_its_council(
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
                (d for _, d in ents.mentions_in(m.start, m.end) if d is not by and is_country(d)),
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


def country_helped(
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
        if is_country(d):
            found.append((m.start, d, m.span))
        elif d.type is ORG:
            inner = next(
                (x for _, x in ents.mentions_in(m.start, m.end) if is_country(x) and x is not by),
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


@functools.cache
def _object_then(lang: LangResources) -> re.Pattern[str]:
    """What follows the object of a verb when a second verb shares its subject: up to two
    lower-case words, a coordinator and maybe a word of ``coordinated_verb_adverbs`` ("the
    M23 [rebels] and (then)", "dan kemudian"); once per language."""
    joins = "|".join(re.escape(c) for c in lang.words("coordinators")) or "(?!x)x"
    adverbs = lang.pattern("coordinated_verb_adverbs").pattern
    return re.compile(rf"\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{joins})(?:\s+(?:{adverbs}))?\s+")


def subject_of_coordinated_verb(
    text: str,
    lang: LangResources,
    mentions: list[tuple[Mention, Draft]],
    mention: Mention,
    verb: re.Match[str],
) -> Draft | None:
    """The first place or body of the clause when ``mention`` ends right before "and
    (also)" and the verb: the object of an earlier verb that shares its subject."""
    if not _object_then(lang).fullmatch(text[mention.end : verb.start()]):
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
    """The patterns of :func:`composed_force`, compiled once per language: troops right
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


def composed_force(
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
                joint = joint_force_of(lay, lang, ents, s, listed[0][0])
                return joint or force_of_unit(listed[0][1], ents)
    return None


def force_served(
    text: str, lang: LangResources, ents: Entities, s: Sentence, by: Draft | None
) -> tuple[Mention, Draft] | None:
    """The force named after a cue of serving in it ("as part of the SADC mission",
    "sebagai bagian dari UNIFIL"): an alliance, a body named by a force or mission word,
    or an acronym; not the sender itself."""
    heads = {w.lower() for w in (*lang.words("linked_heads"), *lang.words("led_groups"))}
    for cue in lang.pattern("part_of_cues").finditer(text, s.start, s.end):
        # "as part of a joint ECOWAS force", "as part of its contribution to the SADC
        # force", "sebagai bagian dari pasukan latihan dan misi bantuan NATO": up to five
        # lower-case words before the force
        gap = re.compile(r"\s*(?:[a-z][\w-]*\s+){0,5}").match(text, cue.end())
        at = ents.starting_at(gap.end() if gap else cue.end(), s.end)
        if at is None or at[1].type is not ORG or at[1] is by:
            continue
        mention, force = at
        words = {w.lower() for w in mention.text.split()}
        alliance = force.entry is not None and force.entry.kind == "alliance"
        if alliance or words & heads or re.fullmatch(r"[A-Z]{3,}", mention.text):
            return mention, force
    return None


def whole_of_contingent(
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


def counted_forces(
    text: str, lang: LangResources, ents: Entities, s: Sentence, troops: re.Pattern[str], end: int
) -> list[tuple[Quantity | None, Draft]]:
    """The forces a sentence counts one by one before ``end`` (its verb), each named right
    after its count and troop noun ("9.700 personel Polri dan 3.600 personel TNI"), in
    text order; a count of units ("3 SSK TNI") is no count of troops (None)."""
    out: list[tuple[Quantity | None, Draft]] = []
    noun = re.compile(rf"\s+(?:{troops.pattern})\s+", re.IGNORECASE)
    noun_after = re.compile(rf"\s+(?:{troops.pattern})(?![\w-])", re.IGNORECASE)
    units = re.compile(rf"\s+(?:{lang.pattern('unit_count_nouns').pattern})\s", re.IGNORECASE)
    for count in find_counts(text, lang, s.start, end):
        if not count.quantity.value:
            continue
        after = noun.match(text, count.end)
        named = ents.starting_at(after.end(), end) if after is not None else None
        if named is not None and named[1].type is ORG:
            # "3 SSK TNI": three companies, no count of troops
            quantity = None if units.match(text, count.end) else count.quantity
            out.append((quantity, named[1]))
            continue
        # "1,200 Polish soldiers and 300 Lithuanian troops": the owner before the noun
        gap = re.match(r"\s+", text[count.end : end])
        at = count.end + (gap.end() if gap else 0)
        owner = next(((ds, de, e) for ds, de, e in ents.demonyms_in(at, end) if ds == at), None)
        if owner is not None and noun_after.match(text, owner[1], end):
            out.append((count.quantity, ents.country(owner[2], owner[0], owner[1])))
    return out


def unit_of_command(
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
    if d.type is ORG and is_unit(m.text, units) and link.fullmatch(text, m.end, command.start):
        return m, d
    return None


def coordinated_before(
    text: str,
    lang: LangResources,
    mentions: list[tuple[Mention, Draft]],
    last: Mention,
    units: frozenset[str],
    owner: re.Pattern[str] | None = None,
    forces: re.Pattern[str] | None = None,
) -> list[Draft]:
    """The units listed before the unit ``last`` ("Yonif 123, Yonif 125 dan ``last``"), the
    countries listed before the country ``last`` ("Spanyol, Polandia dan ``last``"), or,
    with ``forces``, the forces listed before the force ``last`` ("Odisha Police, the Rapid
    Action Force and other security personnel"), in text order; none when ``last`` is none
    of these. With ``owner``, a unit may be named with its command ("Yonif 321 milik Kodam
    III dan ``last``")."""

    def unit(m: Mention, d: Draft) -> bool:
        return d.type is ORG and is_unit(m.text, units)

    def country(m: Mention, d: Draft) -> bool:
        return is_country(d)

    def force(m: Mention, d: Draft) -> bool:
        return d.type is ORG and forces is not None and forces.search(m.text) is not None

    last_draft = next((d for m, d in mentions if m is last), None)
    if last_draft is None:
        return []
    kind = next((k for k in (unit, country, force) if k(last, last_draft)), None)
    if kind is None:
        return []
    joins = lang.pattern("coordinators").pattern
    # "..., the Rapid Action Force and other security personnel": the list's "and" after it
    and_after = re.match(rf"\s+(?:{joins})\s", text[last.end : last.end + 8], re.IGNORECASE)
    the = rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?"  # "and the Czech Republic"
    link = re.compile(rf"\s*,\s*(?:(?:{joins})\s+)?{the}|\s+(?:{joins})\s+{the}", re.IGNORECASE)
    out: list[Draft] = []
    start = last.start
    for mention, draft in reversed([(m, d) for m, d in mentions if m.end <= last.start]):
        if mention.end > start:
            continue
        owned = unit_of_command(text, owner, mentions, mention, units)
        if owned is not None and link.fullmatch(text, mention.end, start):
            # "Yonif 321 milik Kodam III dan Yonif 712": the command names whose unit it is
            mention, draft = owned
        elif not kind(mention, draft) or not link.fullmatch(text, mention.end, start):
            break
        elif (
            start == last.start
            and not (kind is force and and_after is not None)
            and not re.search(
                rf"(?<![\w-])(?:{joins})(?![\w-])", text[mention.end : start], re.IGNORECASE
            )
        ):
            # rule a-list-ends-with-and: "Amid chaos in Afghanistan, the US has started
            # pulling out troops": a comma alone before the last is no list
            break
        if draft is not last_draft and draft not in out:
            out.insert(0, draft)
        start = mention.start
    return out


def unit_named_before(
    ents: Entities, start: int, verb: int, units: frozenset[str]
) -> Mention | None:
    """The first military unit named by its number in ``start:verb``, before the verb
    ("Yonif 123/Rajawali"; not "Satuan Tugas", a kind of unit)."""
    return next(
        (
            m
            for m, d in ents.mentions_in(start, verb, longest=True)
            if d.type is ORG and is_unit(m.text, units) and numbered(m.text)
        ),
        None,
    )


def unit_named_after(
    text: str, lp: Cues, ents: Entities, verb: int, end: int
) -> tuple[Mention, Draft] | None:
    """The military unit named (by its number or a name: "Kontingen Garuda XXIII-R",
    "Brigade Nahal") right after a verb that ends at ``verb``, as its object ("melepas
    Kontingen Garuda XXIII-R ke Lebanon"), or after the definite article ("sent the 82nd
    Airborne Division to Poland"); a unit's kind alone ("satgas") is none."""
    first = next(iter(ents.mentions_in(verb, end, longest=True)), None)
    if first is None or first[1].type is not ORG:
        return None
    gap = text[verb : first[0].start].strip()
    if len(text[verb : first[0].start]) > 1 and gap.lower() not in lp.definite_articles:
        return None
    return first if is_unit(first[0].text, lp.units) and len(first[0].text.split()) > 1 else None


def is_unit(name: str, units: frozenset[str]) -> bool:
    """A military unit's name: its first or last word is a unit noun ("Kontingen Garuda",
    "82nd Airborne Division")."""
    words = name.lower().split()
    return bool(words) and (words[0] in units or words[-1] in units)


def force_serving(lang: LangResources, ents: Entities, place: Draft) -> Draft | None:
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


def state_s_forces_named(
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


def is_passive(text: str, lang: LangResources, verb: re.Match[str]) -> bool:
    """The deployment verb is passive: a passive form ("diterjunkan"), or a participle
    after a word that makes it passive where the language has such words ("were sent")."""
    if not lang.pattern("passive_verbs").fullmatch(verb.group()):
        return False
    if not lang.words("passive_marks"):
        return True
    before = re.search(r"([\w'-]+)\s+$", text[max(0, verb.start() - 20) : verb.start()])
    marks = lang.pattern("passive_marks")
    return before is not None and marks.fullmatch(before.group(1)) is not None


@dataclass
class Sender:
    """Who sent the troops of a clause, as the clause tells it."""

    by: Draft | None  # the sender
    led: Draft | None  # the leading member, when the sender is its alliance
    co_senders: list[Draft]  # more forces the troops come from
    whole: Draft | None  # the force a contingent belongs to ("the Russian contingent of the CSTO")
    owned: Step | None  # the first sender rule that chose, for the rules after it
    corps: tuple[Mention, Draft] | None = None  # the troops' corps ("personel Brimob")


def forces_called_in(
    text: str, lp: Cues, ents: Entities, s: Sentence, verb: re.Match[str], home: Draft | None
) -> list[Draft]:
    """The forces named right after a verb of calling in ("called in the army and the
    Frontier Scouts"): the bodies listed there, and the story's country for a force it
    names by a common noun ("the army")."""
    out: list[Draft] = []
    end = verb.end()
    for mention, draft in ents.mentions_in(verb.end(), s.end, longest=True):
        gap = text[end : mention.start]
        generic = lp.generic_force_gap.fullmatch(gap)
        if not (lp.called_gap.fullmatch(gap) or generic):
            break
        if generic and home is not None and home not in out:
            out.append(home)  # "the army and the Frontier Scouts": the state's army
        if draft.type is not ORG:
            break
        out.append(draft)
        end = mention.end
    if not out and home is not None and lp.generic_force_gap.match(text, verb.end(), s.end):
        out.append(home)
    return out


def one_joint_force(
    text: str, lp: Cues, s: Sentence, owner: Mention, listed: list[Draft], why: list[Step]
) -> list[Draft]:
    """The forces listed with ``owner`` that send the troops too: none when the clause
    calls the troops joint before them (rule joint-troops-are-one-force: "800 personel
    gabungan TNI, Polri dan Satpol PP", "aparat gabungan dari Polres A dan Polres B" are
    one joint force's, sent once by the first force named, or the subject; the others
    contribute to it, uncounted, and send no rows of their own)."""
    joint = lp.joint_troops.search(text, s.start, owner.start)
    if joint is None or not listed:
        return listed
    why.append(Step("sender:joint-troops-are-one-force", joint.start(), owner.end))
    return []


def joint_force_of(
    lay: Layout, lang: LangResources, ents: Entities, s: Sentence, first: Mention
) -> Draft | None:
    """Rule a-joint-force-of-national-forces: joint troops whose list of forces opens with
    two of the state's national forces ("Ribuan personel gabungan TNI dan Polri
    berjaga", "aparat gabungan dari TNI, Polri dan Pemda") are one joint force's: the body
    the article names by the two joined ("TNI-Polri"), else one named by the list and by
    the troops' own words. So are the troops of the two alone ("548 personel TNI dan
    Polri"). Regional commands so listed ("gabungan dari Polda A dan Polres
    B") are no such pair: the first sends them."""
    text = lay.clean
    members = {w.lower() for w in lang.words("joint_force_members")}
    if first.text.lower() not in members:
        return None
    joint = re.compile(
        rf"(?:{lang.pattern('troop_nouns').pattern})\s+(?:{lang.pattern('joint_words').pattern})",
        re.IGNORECASE,
    )
    called = next(reversed(list(joint.finditer(text, s.start, first.start))), None)
    if called is not None and len(text[called.end() : first.start].split()) > 2:
        called = None
    owned = re.compile(rf"(?:{lang.pattern('troop_nouns').pattern})\s+$", re.IGNORECASE)
    if called is None and not owned.search(text, s.start, first.start):
        return None
    count = len(bodies_listed_after(text, lang, first.end, ents, s, states=False))
    after = ents.mentions_in(first.end, s.end, longest=True)
    listed = [m for m, _ in after if m.start >= first.end]
    if not count or listed[0].text.lower() not in members or (called is None and count > 1):
        # "548 personel TNI dan Polri": the two alone, not called joint, are one force
        # too; with more bodies listed, each sends its own
        return None
    named = _pair_named_joined(ents, first.text, listed[0].text)
    if named is not None:
        return named
    end = listed[count - 1].end
    return ents.joint_force(
        (first.start, end, lay.body[first.start : end]),
        (called.start(), called.end(), lay.body[called.start() : called.end()]) if called else None,
        _joined_outside_the_story(lay, first.text, listed[0].text),
    )


def _pair_named_joined(ents: Entities, one: str, other: str) -> Draft | None:
    """The body the article names by two forces joined ("TNI-Polri", "Polri/TNI", "TNI
    Polri"), if it does."""
    pair = {one.lower(), other.lower()}
    for d in ents.drafts:
        if d.type is ORG and any(set(re.split(r"[-/\s]+", n.lower())) == pair for n in d.names):
            return d
    return None


def national_forces_together(
    lay: Layout,
    lang: LangResources,
    lp: Cues,
    ents: Entities,
    mentions: list[tuple[Mention, Draft]],
    last: Mention,
    verb: re.Match[str],
) -> Draft | None:
    """Rule the-national-forces-together: two of the state's national forces joined as the
    subject right before the verb ("TNI dan Polri mengerahkan 6.000 personel") send one
    joint force, as their joint troops do (rule a-joint-force-of-national-forces): the
    body the article names by the two joined, else one named by the pair."""
    text = lay.clean
    members = {w.lower() for w in lang.words("joint_force_members")}
    before = [m for m, d in mentions if m.end <= last.start and d.type is ORG]
    if not before or last.text.lower() not in members or text[last.end : verb.start()].strip():
        return None
    first = before[-1]
    if first.text.lower() not in members or first.text.lower() == last.text.lower():
        return None
    if lp.joins.fullmatch(text[first.end : last.start].strip(" ,")) is None:
        return None
    named = _pair_named_joined(ents, first.text, last.text)
    if named is not None:
        return named
    return ents.joint_force(
        (first.start, last.end, lay.body[first.start : last.end]),
        None,
        _joined_outside_the_story(lay, first.text, last.text),
    )


def _joined_outside_the_story(
    lay: Layout, one: str, other: str
) -> tuple[int, int, str, Kind] | None:
    """Rule a-joint-force-named-in-the-headline: the two forces written joined ("TNI-Polri",
    "Polri/TNI") where the story does not name them so, in its headline ("Ratusan Aparat
    TNI-Polri Dikerahkan"): a name of their joint force; its span and where it is."""
    a, b = re.escape(one), re.escape(other)
    joined = re.compile(rf"(?<![\w-])(?:{a}\s*[-/]\s*{b}|{b}\s*[-/]\s*{a})(?![\w-])", re.I)
    for s in lay.sentences:
        if s.kind is not Kind.HEADLINE:
            continue
        m = joined.search(lay.clean, s.start, s.end)
        if m is not None:
            return m.start(), m.end(), lay.body[m.start() : m.end()], s.kind
    return None


def joint_sender(
    lay: Layout, lang: LangResources, ents: Entities, s: Sentence, first: Mention, why: list[Step]
) -> Draft | None:
    """The joint force of :func:`joint_force_of`, its rule added to ``why``."""
    joint = joint_force_of(lay, lang, ents, s, first)
    if joint is not None:
        why.append(Step("sender:a-joint-force-of-national-forces", *first.span))
        why.extend(headline_name_steps(joint))
    return joint


def _in_the_make_up(lp: Cues, text: str, start: int, at: int) -> bool:
    """Whether troops at ``at`` are listed after a make-up cue that follows troops counted
    after the verb (``start``): "menurunkan 4.033 personel, yang terdiri dari ..."."""
    cue = next(reversed(list(lp.makeup.finditer(text, start, at))), None)
    return cue is not None and lp.troops_p.search(text, start, cue.start()) is not None


def _bodies_joined_before(
    lp: Cues, text: str, mentions: list[tuple[Mention, Draft]], at: int
) -> bool:
    """Whether two bodies joined by a coordinator are the subject right before ``at``
    ("Markas Besar TNI dan Mabes Polri mengerahkan"): rule subjects-split-the-count's."""
    before = [m for m, d in mentions if m.end <= at and d.type is ORG]
    if len(before) < 2 or text[before[-1].end : at].strip():
        return False
    gap = text[before[-2].end : before[-1].start].strip(" ,")
    return lp.joins.fullmatch(gap) is not None


def headline_name_steps(force: Draft) -> list[Step]:
    """The steps of rule a-joint-force-named-in-the-headline that named ``force``."""
    return [
        Step("sender:a-joint-force-named-in-the-headline", *m.span)
        for m in force.mentions
        if m.cue == "joint" and m.kind is Kind.HEADLINE
    ]


def clause_sender(
    c: Clause,
    *,
    sentence: Sentence,
    part: int,
    roles: tuple[Role, ...],
    sent: tuple[Mention, Draft] | None,
    in_request: Callable[[int], bool],
    to: Draft | None,
    to_end: int | None,
    mission: Draft | None,
    received: bool,
    subject: Draft | None,
    home: Draft | None,
    datelined: set[tuple[int, int]],
) -> Sender:
    """The sender of the troops of clause ``s`` (the ``part``-th of ``sentence``) as the
    clause names it: whose troops ("pasukan Rusia", "Kenyan troops"), else the subject; a
    unit ("prajurit Kontingen Garuda") only when no other is named; the rules that chose it
    added to ``why``. The rules that look further (the sentence before, the story) are
    ``find_deployments``'."""
    _, lang, lp, ents, s, _, verb, leaving, mentions, why = c.unpack()
    text = c.lay.clean
    if lp.call_in.fullmatch(verb.group()):
        called = forces_called_in(text, lp, ents, s, verb, home)
        if called:
            # rule the-force-called-in: "The provincial government called in the army
            # and the Frontier Scouts": the forces called in are sent, not who called
            why.append(Step("sender:the-force-called-in", verb.end(), s.end))
            return Sender(called[0], None, called[1:], mission, None)
    # sender: whose troops ("pasukan Rusia", "Kenyan troops"), else the subject; a unit
    # ("prajurit Kontingen Garuda") is the sender only when the text names no other
    by: Draft | None = None
    led: Draft | None = None  # the leading member, when the sender is its alliance
    unit: Draft | None = None
    corps: tuple[Mention, Draft] | None = None
    co_senders: list[Draft] = []  # more forces the troops come from
    whole: Draft | None = mission  # "the Russian contingent of the CSTO forces": CSTO
    # a clause about the subject names other parties ("X, which leads the battlegroup
    # in Estonia, has 900 troops at Tapa")
    aside = [m.span() for m in lp.relative.finditer(text, s.start, verb.start())]
    aside += [m.span() for m in lp.participial.finditer(text, s.start, verb.start())]
    named_first = next((m for m, d in mentions if d.type in (LOC, ORG)), None)
    opened = (
        lp.relative_before.match(text, named_first.end + 1)
        if named_first is not None and text[named_first.end : named_first.end + 1] == " "
        else None
    )
    if opened is not None and opened.end() < verb.start():
        # "Kanada yang memimpin kelompok tempur NATO di Latvia telah mengerahkan ...": a
        # clause about the subject, with no commas, up to the verb
        aside.append((opened.start(), verb.start()))
    for t in lp.troops_p.finditer(text, s.start, s.end):
        if any(a <= t.start() < b for a, b in aside):
            continue
        if lp.serving_as.search(text, max(s.start, t.start() - 40), t.start()):
            # rule troops-as-what-they-serve: "450 prajurit yang akan bertugas
            # sebagai pasukan penjaga perdamaian PBB": the troops sent serve as the
            # UN's, but are not sent by it
            continue
        if t.end() < verb.start() and lp.joined_clause.search(text, t.end(), verb.start()):
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
        if t.start() > verb.end() and lp.backing.search(
            text, max(verb.end(), t.start() - 50), t.start()
        ):
            # rule the-forces-they-help: "sent 300 police officers to support
            # Liberian forces": the forces helped, not the troops sent
            continue
        if t.start() > verb.end() and lp.added.search(
            text, max(verb.end(), t.start() - 30), t.start()
        ):
            # rule troops-added-are-others: "Polda Sultra mengerahkan 2.076 personel,
            # ditambah 1.031 personel dari Polresta Kendari": another force's troops
            continue
        if (
            t.start() > verb.end()
            and _in_the_make_up(lp, text, verb.end(), t.start())
            and not _bodies_joined_before(lp, text, mentions, verb.start())
        ):
            # rule the-make-up-is-no-owner: "Polda X akan menurunkan 4.033 personel, yang
            # terdiri dari 1.400 polisi, 1.300 personel TNI ...": the troops of a part of
            # the whole sent, not whose the whole is
            why.append(Step("sender:the-make-up-is-no-owner", t.start(), t.end()))
            continue
        from_a_body = False  # rule troops-from-forces chose a body the troops come from
        for mention, draft in ents.mentions_in(t.end(), min(s.end, t.end() + 40), longest=True):
            if mention.text.lower() in lp.corps:
                # rule a-corps-is-the-troops-kind: "dua SST Brimob diterjunkan" after "Polri
                # mengirimkan pasukan", "personel Brimob dari Polda Bali": what troops, not
                # whose (rule a-corps-sent: the sender only of an article's first troops,
                # when nothing names another)
                if corps is None and not text[t.end() : mention.start].strip():
                    corps = (mention, draft)
                continue
            gap = text[t.end() : mention.start]
            if t.end() <= verb.start() < mention.start:
                break  # "personel gabungan mengamankan PON": the verb's object
            # "personel Brimob dari Mabes Polri": the troops' kind may come first
            # "mercenaries from the Wagner Group have ...": the article after "from" too, when
            # the troops are the subject (not "withdraw its soldiers from the UN mission")
            bare_gap = gap.strip()
            if (
                t.end() <= verb.start()
                and bare_gap.rsplit(" ", 1)[-1].lower() in lp.definite_articles
                and " " in bare_gap
            ):
                bare_gap = bare_gap.rsplit(" ", 1)[0]
            forces_from = (
                lp.source_preps.fullmatch(lp.kind_from.sub("", bare_gap))
                # "pasukan Brimob bantuan dari Polda Jawa Barat": sent to help, from
                or lp.aided_from.fullmatch(gap.strip())
            ) and (
                draft.type is ORG
                # rule troops-from-a-state: "police officers from Malawi will be deployed to
                # Bangui": a country sends them abroad (a town they come from sends none)
                or (
                    is_country(draft)
                    # the troops are the subject ("... from Malawi will be deployed"), not
                    # the object of a sender's verb ("deployed 11,000 troops, including
                    # 4,500 soldiers from Uganda")
                    and t.end() <= verb.start()
                    and to is not None
                    and to is not draft
                    and not in_country(to, draft)
                    # "memindahkan 1.000 tentara dari Jerman ke Romania": a leg of a
                    # journey, from where they were
                    and not lp.toward_after.match(text, mention.end, s.end)
                )
            )
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
                        & (set(lp.dest_preps) | lp.place_preps | lp.joined_preps | lp.purpose_words)
                        and not lp.source_preps.search(gap)
                    )
                )
                and "," not in gap  # "230 personel, Bekasi ...": a list goes on
                and gap.strip().lower() not in lp.dest_preps
                # "police officers throughout France": where they went, no owner
                and not lp.across.search(text, mention.start - len(gap), mention.start)
                and not lp.source_preps.fullmatch(gap.strip())  # "1.000 tentara dari X"
                and gap.strip().lower() not in lp.joined_preps  # "pasukan dalam ISF"
                # rule examples-are-no-owner: "mengantar keberangkatan pasukan seperti
                # Polda Kaltim dan Pemkot Balikpapan": who saw them off, for example
                and gap.strip().lower() not in lp.examples
            )
            force_subject = (
                _force_before_the_verb(text, lang, lp, mentions, verb)
                if forces_from and draft.type is ORG and is_unit(mention.text, lp.units)
                else None
            )
            if force_subject is not None and force_subject is not draft:
                # rule the-force-sends-its-unit-s-troops: "TNI juga mengerahkan 200 prajurit
                # dari Batalyon Infanteri 751/Raider": the force that is the subject sends
                # them, the unit is where they come from
                by = force_subject
                why.append(Step("sender:the-force-sends-its-unit-s-troops", *mention.span))
            elif forces_from and draft is not to:
                # rule troops-from-forces: "6.000 personel dari TNI dan Polri" are
                # sent by each force named; a place after "dari" is where from
                by, co_senders = draft, listed_bodies(text, lang, mention, ents, s)
                co_senders = one_joint_force(text, lp, s, mention, co_senders, why)
                joined = joint_sender(c.lay, lang, ents, s, mention, why)
                if joined is not None:
                    by, co_senders = joined, []  # the forces listed make up the one
                from_a_body = draft.type is ORG
                rule = "troops-from-forces" if from_a_body else "troops-from-a-state"
                why.append(Step(f"sender:{rule}", *mention.span))
            elif owner and draft.type in (LOC, ORG) and draft is not to:
                if is_unit(mention.text, lp.units):
                    unit = unit or draft
                    why.append(Step("sender:unit", *mention.span))
                else:
                    by = draft
                    why.append(Step("sender:owner-of-the-troops", *mention.span))
                    # "personel Polri dan TNI": each force named
                    co_senders = listed_bodies(text, lang, mention, ents, s)
                    co_senders = one_joint_force(text, lp, s, mention, co_senders, why)
                    joined = joint_sender(c.lay, lang, ents, s, mention, why)
                    if joined is not None:
                        by, co_senders = joined, []  # the forces listed make up the one
            break
        for ds, de, entry in ents.demonyms_in(s.start, t.start()):
            force = next(
                (d for m, d in mentions if m.start == ds and m.end == t.start() - 1),
                None,
            )
            if force is not None and force.type is ORG and force.names[0].split()[-1][:1].isupper():
                # "Six Philippine Army battalions": the army its name says ("Russian
                # army units" are the state's)
                by = force
                why.append(Step("sender:the-force-of-the-troops", ds, t.start()))
            elif (
                len(text[de : t.start()].split()) <= 1
                # "Russian mercenaries from the Wagner Group": the body they come from
                and not from_a_body
            ):
                by = ents.country(entry, ds, de)
                why.append(Step("sender:demonym-of-the-troops", ds, de))
                whole = whole_of_contingent(text, lang, ents, t, s.end) or whole
                # rule coordinated-demonyms: "Spanish and Moroccan troops": each
                co_senders = demonyms_joined_before(text, lang, ents, s.start, ds)
                # rule bodies-listed-after-the-troops: "Sudanese soldiers, as well as the
                # Presidential Guard, were deployed": each body listed sends its own
                co_senders += bodies_listed_after(text, lang, t.end(), ents, s, states=False)
        named = name_before(text, mentions, t.start())
        if by is None and named is not None and named is not to and not lang.head_first:
            by = named  # rule name-before-the-troops: "US soldiers", "National Guard troops"
            why.append(Step("sender:name-before-the-troops", s.start, t.start()))
            state = state_before_the_verb(text, lang, mentions, verb) if named.type is ORG else None
            if state is not None:
                # rule the-state-deploys-its-force: "Mexico has deployed 6,000 National
                # Guard troops": the state that deploys them, the force their kind
                by = state
                why.append(Step("sender:the-state-deploys-its-force", s.start, verb.start()))
        if by is not None:
            break
    serving = force_served(text, lang, ents, s, by)
    if serving is not None and whole is None:
        # rule a-contingent-of-the-force-it-serves: "300 Zambian soldiers arrived in
        # Beira as part of the SADC mission": SADC's deployment, Zambia's part
        whole = serving[1]
        why.append(Step("sender:part-of-the-force-it-serves", *serving[0].span))
    passive = is_passive(text, lang, verb)
    owned = next((w for w in reversed(why) if w.rule.startswith("sender:")), None)
    if (
        by is not None
        and not passive
        and owned is not None
        and owned.rule == "sender:owner-of-the-troops"
        and owned.start > verb.end()
    ):
        auxiliaries = _auxiliaries_only(lang)
        head = next(
            (
                (m, d)
                for m, d in reversed(mentions)
                if m.end <= verb.start()
                and d.type in (LOC, ORG)
                # "Indonesia akan mengirim 1.000 prajurit TNI": auxiliaries between
                and (
                    m.end == verb.start()
                    or auxiliaries.fullmatch(text, m.end, verb.start()) is not None
                )
            ),
            None,
        )
        coordinated = head is not None and re.search(
            rf"(?:{lp.joins.pattern})\s+(?:\S+\s+){{0,2}}$",
            text[s.start : head[0].start],
            re.IGNORECASE,
        )
        if head is not None and not coordinated and head[1] not in (to, by):
            # rule the-subject-sends-its-troops: "Kodam VI memberangkatkan 450
            # prajurit TNI": who sends them, not the force they serve in
            by = head[1]
            why.append(Step("sender:the-subject-sends-its-troops", *head[0].span))
    if by is None and passive:
        by = agent(text, lang, verb, s, mentions, to)
        if by is not None:
            why.append(Step("sender:agent-of-the-passive", verb.end(), s.end))
        governed_state = state_of_its_government(ents, by) if by is not None else None
        if governed_state is not None:
            # rule a-demonym-s-government, as the agent: "deployed by the Ecuadorian
            # government": the state sends them, as when the government is the subject
            by = governed_state[0]
            why.append(Step("sender:the-state-s-forces", *governed_state[1]))
    if by is None and to is not None:
        common = force_as_named(text, lp, ents, s, verb, mentions)
        if common is not None:
            # rule the-force-as-named: "Hundreds of riot police were deployed in the
            # capital": the force the text names, no state or body before it
            by = ents.named_force(*common, c.lay.body[common[0] : common[1]])
            why.append(Step("sender:the-force-as-named", *common))
    if by is None and not passive:
        forces = state_forces(text, lang, ents, s.start, verb.start(), mentions)
        if forces is not None:
            by = forces[2]
            why.append(Step("sender:the-state-s-forces", forces[0], forces[1]))
    governed = (
        lp.government.search(text, max(s.start, verb.start() - 40), verb.start())
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
        and lp.means.search(text, max(s.start, verb.start() - 15), verb.start())
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
            pronoun = (
                lp.pronoun_subject.search(text, mention.end, verb.start())
                if draft.type is LOC
                else None
            )
            if pronoun is not None:
                # rule a-pronoun-is-the-subject: "stabilising the CAR capital of
                # Bangui when they first deployed": they, not the place before
                if is_country(draft) and lp.said_then.fullmatch(text, mention.end, pronoun.start()):
                    # rule the-speaker-the-pronoun-is: "Germany, Poland and Britain quickly
                    # said they had no plans to send troops": the states that spoke
                    listed = coordinated_before(text, lang, mentions, mention, lp.units)
                    by, co_senders = (listed[0], [*listed[1:], draft]) if listed else (draft, [])
                    why.append(Step("sender:the-speaker-the-pronoun-is", *mention.span))
                break
            if passive and draft.type is ORG and not is_unit(mention.text, lp.units):
                of_command = unit_of_command(text, lp.unit_owner, mentions, mention, lp.units)
                if of_command is not None:
                    # rule the-unit-of-a-command: "Yonif 321 milik Kodam III
                    # diberangkatkan": the battalion was sent, not its command
                    mention, draft = of_command
            if passive and not lp.relative_before.search(text, mention.end, verb.start()):
                # rule passive-subject-is-the-troops: "900 personel ... diterjunkan";
                # a named unit sent is its own sender ("Kontingen Garuda XXXIX-B
                # diberangkatkan ke Lebanon"), or its force's
                named_force = draft.type is ORG and any(
                    lp.troops_p.search(name)
                    or is_unit(name, lp.units)
                    # "The Ethiopian army has been deployed to Tigray"
                    or lp.force_nouns.search(name)
                    # "The Kenya Defence Forces (KDF) was deployed": the body its
                    # acronym stands for
                    for name in (mention.text, *draft.names)
                )
                # rule a-mission-is-its-troops: "The U.N. Mission in Liberia was deployed"
                named_force = named_force or served_country(lang, ents, draft) is not None

                # "The EU naval mission has been deployed": the body whose force or
                # mission is named right after it
                its_mission = (
                    draft.type is ORG
                    and re.fullmatch(
                        rf"\s+(?:[a-z]+\s+)?(?:{lp.missions.pattern})(?!\w).*",
                        text[mention.end : verb.start()],
                        re.IGNORECASE,
                    )
                    is not None
                )
                if (named_force or its_mission) and not lp.troops_p.fullmatch(
                    mention.text  # "Satuan Setingkat Kompi"
                ):
                    by = draft
                    why.append(Step("sender:the-unit-sent", *mention.span))
                    listed = coordinated_before(
                        text, lang, mentions, mention, lp.units, lp.unit_owner
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
            if draft.type is LOC and lp.stationed.search(
                text, max(s.start, mention.start - 40), mention.start
            ):
                continue  # rule troops-there-are-not-sent-by-it: "troops based in Iraq"
            if draft.type is LOC and word_before(text, s, mention).lower() in lp.toward:
                continue  # "crossed the border into Kuwait": where they went, no sender
            if unit is not None and lp.joined_clause_before.search(
                text, max(s.start, mention.start - 90), mention.start
            ):
                # rule the-unit-not-its-task-force: "prajurit Yonif 712 yang
                # tergabung dalam Satgas Pamtas RI-Papua Nugini tiba": the unit's
                continue
            if lp.cited.search(text, max(s.start, mention.start - 45), mention.start):
                # rule a-source-is-no-sender: "According to the Defence Ministry, the
                # decision to deploy ...", "Dilansir dari AFP, ... pengiriman"
                continue
            if lp.crowd.match(text, mention.end, verb.start()):
                break  # "PTI protesters pushed back a deployment": not who sent it
            part_cue = lp.composed.search(text, max(s.start, mention.start - 40), mention.start)
            # "personel gabungan yang terdiri dari Polri dan TNI": parts, not
            # senders; but "Termasuk pula, Polda Kalbar mengirimkan ..." opens the
            # sentence, and its subject sends
            if part_cue is not None and not re.match(
                r"(?:\s+[\w-]+)?\s*,", text[part_cue.end() : mention.start]
            ):
                continue
            if (
                draft.type is LOC
                and word_before(text, s, mention).lower() in lp.place_preps
                and lp.spoke.match(text, mention.end, verb.start())
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
                and not is_country(draft)
                and lp.source_preps.fullmatch(word_before(text, s, mention).lower())
            ):
                continue  # rule a-town-troops-come-from: "Brimob dari Sorong ini tiba"
            if lp.troops_p.fullmatch(mention.text):
                continue  # "Satuan Setingkat Kompi": a size of unit, not who sends it
            if mention.cue == "demonym-government":
                # rule a-demonym-s-government: "The Peruvian government said troops
                # were sent": the state sends them (rule the-state-s-forces), not the body
                continue
            if lp.replaced.search(text, max(s.start, mention.start - 20), mention.start):
                # rule the-replaced-unit-sends-not: "400 prajurit Yonif 777
                # menggantikan Yonif 666 menjaga perbatasan": the unit they relieve
                continue
            if draft.type is ORG and lp.ranked.search(
                text, max(s.start, mention.start - 25), mention.start
            ):
                continue  # "Mayjen TNI Ignatius": the force of an officer's rank
            if lp.ordered_by.search(text, max(s.start, mention.start - 40), mention.start):
                # rule who-gave-the-order-sends-not: "Polda Jawa Tengah mendapat
                # perintah dari Mabes Polri untuk mengirimkan anggotanya": Polda Jateng
                continue
            if lp.joined_before.search(
                text, max(s.start, mention.start - 30), mention.start
            ) and any(d.type in (LOC, ORG) for m, d in mentions if m.end <= mention.start):
                continue  # "Indonesia ... dalam misi UNIFIL sejak mengirimkan": whose
            if draft.type is PER and not passive and lp.deploy_nouns.match(verb.group()):
                break  # "Governor X criticised the deployment": a person speaks of it
            if draft.type is LOC and is_site(lang, mention.text):
                continue  # rule a-site-sends-no-troops: "150 in Camp Mabry and 100"
            if draft.type is LOC and mention.text.split()[-1] in lang.words("bloc_edge_nouns"):
                continue  # rule an-edge-sends-no-troops: "troops on Asia's eastern flank"
            if draft.type is LOC and lp.sent_before.search(
                text, max(s.start, mention.start - 90), mention.start
            ):
                # rule where-they-were-sent-before: "381 pasukan Brimob yang semula
                # diperbantukan ke Provinsi Papua Barat digeser ke Nabire": a clause
                # about the troops says where they were, not who sends them
                continue
            sourced = (
                lp.source_s_place.search(text, max(s.start, mention.start - 70), mention.start)
                if draft.type is LOC
                else None
            )
            if sourced is not None and any(
                d.type is ORG and sourced.start() <= m.start < mention.start for m, d in mentions
            ):
                # rule where-the-troops-source-is: "600 personel Brimob dari berbagai Polda
                # di Indonesia tiba": the country the units they come from are in, when
                # the troops' own body is named ("officers from several provinces in
                # Indonesia": the state's, no other is)
                continue
            if lp.backers.match(text, mention.end):
                # rule who-backs-sends-not: "The first U.N.-backed contingent of
                # foreign police arrived": the U.N. backs it, others send it
                continue
            if (
                draft.type is LOC
                and not passive
                and (lp.deploy_nouns.fullmatch(verb.group()) or lp.send_off.fullmatch(verb.group()))
                and lp.whose_place.search(text, max(s.start, mention.start - 40), mention.start)
                and not lp.force_nouns.search(text, max(s.start, mention.start - 30), mention.start)
                and not lp.troops_p.search(text, max(s.start, mention.start - 30), mention.start)
            ):
                # rule where-the-subject-is: "Unsur pimpinan di Kaltim turut mengantar
                # keberangkatan pasukan": the officials are there, Kaltim sends none
                continue
            titled = titled_body(text, lang, ents, mention) if draft.type is LOC else None
            if titled is not None and titled is not to:
                # rule the-body-a-title-names: "Kapolda Maluku Irjen X mengatakan, ada
                # penambahan 300 personel": Polda Maluku, not the province
                by = titled
                why.append(Step("sender:the-body-a-title-names", *mention.span))
                break
            if draft.type is PER and not passive and to is not None:
                state = state_of_head(lang, ents, roles, draft, s, to, home)
                if state is not None and state is not to:
                    by = state
                    ents.adopt_later(state)
                    why.append(
                        Step("sender:a-head-of-state-sends-the-state-s-troops", *mention.span)
                    )
                    break
            if draft.type in (LOC, ORG) and draft is not to:
                by = draft
                why.append(Step("sender:subject-before-the-verb", *mention.span))
                if (
                    draft.type is ORG
                    and leaving is None  # "... mengumumkan pasukan aliansi itu akan ditarik"
                    and lp.said_after.match(text, mention.end, verb.start())
                    # troops the subject of what it says ("said troops arrived"), not
                    # the body itself ("said it would deploy a battalion")
                    and lp.troops_p.search(text, mention.end, verb.start()) is not None
                ):
                    # "The Russian Defence Ministry said troops arrived in ...": the body
                    # speaks of the troops; its state's they are
                    reported = state_that_reports(text, lp, ents, s)
                    if reported is not None:
                        by = reported[0]
                        ents.adopt_later(by)
                        why.append(
                            Step("sender:the-state-of-the-body-that-reports-it", *reported[1])
                        )
                together = national_forces_together(c.lay, lang, lp, ents, mentions, mention, verb)
                if together is not None:
                    by = together
                    why.append(Step("sender:the-national-forces-together", s.start, verb.start()))
                    why.extend(headline_name_steps(together))
                listed = coordinated_before(
                    text, lang, mentions, mention, lp.units, forces=lp.force_words
                )
                if listed:
                    # rule each-unit-listed: "Yonif 123/Rajawali, Yonif 125/Simbisa
                    # dan Yonif 126/Kala Cakti telah tiba": each unit goes
                    by, co_senders = listed[0], [*listed[1:], draft]
                    why.append(Step("sender:each-unit-listed", *mention.span))
                first = subject_of_coordinated_verb(text, lang, mentions, mention, verb)
                if first is not None and first is not to:
                    # rule the-subject-of-both-verbs: "Rwanda backs the M23 and also
                    # has troops in Congo": M23 is the object of the first verb
                    by = first
                    why.append(Step("sender:the-subject-of-both-verbs", s.start, verb.start()))
                break
    if by is None and unit is None and sent is not None:
        unit = sent[1]
        why.append(Step("sender:a-unit-sent", *sent[0].span))
    by = by or unit
    if by is None and part > 0 and subject is not None:
        by = subject  # "X sent troops to A, and moved 1,000 from B to C"
        why.append(Step("sender:subject-of-the-first-clause", sentence.start, s.start))
    if by is None and part > 0 and (aside_subject := _subject_before_an_aside(c, sentence)):
        # rule the-subject-before-an-aside: "The MINUSMA mission, deployed in 2013 to help
        # stabilise the country, will withdraw its troops": the name that opens the
        # sentence, before a participle's clause between commas
        by = aside_subject[1]
        why.append(Step("sender:the-subject-before-an-aside", *aside_subject[0].span))
    if by is not None:
        unit_of, by = by, force_of_unit(by, ents)
        if by is not unit_of:
            why.append(Step("sender:a-unit-is-sent-by-its-force", s.start, verb.start()))
        by = country_of(by, ents)
        if a_town(by):
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
        headed = body_of_its_head(text, lang, ents, s.start, verb.start())
        if headed is not None:
            # rule the-body-its-head-leads: "Kapolri mengerahkan 4 SSK ...": Polri;
            # "Kapolri Jenderal Listyo Sigit Prabowo menerjunkan ...": Listyo
            by = headed[0]
            ents.adopt_later(by)
            why.append(Step("sender:the-body-its-head-leads", *headed[1]))
    return Sender(by, led, co_senders, whole, owned, corps)
