"""Troops that guard a protest: the protest told of, its town and its days."""

from __future__ import annotations

import re

from kg.extract.deployments.rows import DepDraft
from kg.extract.entities import LOC, Draft, Entities
from kg.extract.frames import is_town
from kg.extract.lang import LangResources
from kg.extract.text import Layout, Sentence
from kg.extract.trace import Step
from kg.facts.model import DeploymentStatus, Protest


def protest_just_told(
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


def unrest_place(ents: Entities, protests: list[Protest]) -> Draft | None:
    """Rule the-unrest-the-force-answers: the one place where the article's protests or
    riots are ("Kerusuhan di Wamena ... Polda Papua mengirim satu kompi Brimob untuk
    memulihkan keamanan"), or None when they are in several places or nowhere named."""
    places = {p.location for p in protests if p.location is not None}
    return ents.by_id(places.pop()) if len(places) == 1 else None


def guarded_protest(
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
    # the protest this very sentence tells more of ("... untuk mengamankan aksi tersebut"),
    # else the one told nearest before, else the first
    told_here = [p for p in placed if any(e.start <= s.start < e.end for e in p.evidence)]
    before = [p for p in placed if p.evidence[0].start <= s.start]
    chosen = told_here[-1] if told_here else before[-1] if before else placed[0]
    return ents.by_id(chosen.location) if chosen.location else None


def guarded_protest_days(
    lay: Layout, lang: LangResources, deps: list[DepDraft], protests: list[Protest]
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


def town_of_the_protest_told(ents: Entities, s: Sentence, protests: list[Protest]) -> Draft | None:
    """The town of the protest whose evidence holds sentence ``s``, when it is a town."""
    for p in protests:
        if p.location is not None and any(e.start <= s.start < e.end for e in p.evidence):
            place = ents.by_id(p.location)
            if place is not None and is_town(place):
                return place
    return None
