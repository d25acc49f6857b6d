"""Missions: a peacekeeping force named as present in a place is a deployment there.

News names a standing mission in passing, with no verb of sending: "the UN peacekeeping
mission in the Democratic Republic of the Congo, known as MONUSCO", "misi penjaga
perdamaian PBB di Lebanon", and its contributors: "Rwanda is a major contributor to the
UN's peacekeeping force in the Central African Republic". Each is one named rule:

- ``mission-in-a-place``: the mission phrase, a place preposition and a place; the sender
  is the name the text gives the mission ("known as MONUSCO", "(UNIFIL)", "UNIFIL, the UN
  peacekeeping force in Lebanon"), else the body
  that owns it ("the UN's peacekeeping force", "misi perdamaian PBB");
- ``the-mission-not-its-owner``: where the text names the mission, what its owner is said
  to have in the mission's place is the mission's ("The UN mission ... has around 15,000
  peacekeepers" is MONUSCO's);
- ``contributor-to-a-mission``: a country or body said to contribute to such a mission is
  deployed where the mission is.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from kg.extract.entities import LOC, ORG, Draft, Entities
from kg.extract.lang import LangResources
from kg.extract.text import Kind, Layout, Sentence

__all__ = ["MissionFrame", "find_missions"]


@dataclass(frozen=True)
class MissionFrame:
    """A sender present in a place through a mission, and the text that says so."""

    by: Draft
    to: Draft
    sentence: int
    rule: str
    start: int
    end: int
    owner: Draft | None = None  # the body the mission belongs to, when the text names both


def find_missions(lay: Layout, lang: LangResources, ents: Entities) -> list[MissionFrame]:
    """Every mission the story sentences name with its place, and its contributors."""
    text = lay.clean
    phrases = lang.pattern("mission_phrases")
    if not lang.words("mission_phrases"):
        return []
    preps = lang.pattern("place_preps").pattern
    the = lang.pattern("definite_articles").pattern
    place_after = re.compile(rf"\s+(?:{preps})\s+(?:(?:{the})\s+)?", re.IGNORECASE)
    out: list[MissionFrame] = []
    for index, s in enumerate(lay.sentences):
        if s.kind is not Kind.STORY:
            continue
        for m in phrases.finditer(text, s.start, s.end):
            named = _named_mission(ents, m.start(), m.end(), s.end)  # "Pasukan Perdamaian PBB"
            owner_after = None if named else _owner_after(text, ents, m.end(), s.end)
            at = named[1] if named else owner_after[1] if owner_after is not None else m.end()
            link = place_after.match(text, at, s.end)
            if link is None:
                continue
            place = _mention_at(ents, link.end(), s.end, LOC)
            if place is None:
                continue
            to, place_end = place
            owner = owner_after[0] if owner_after is not None else None
            owner = owner or _owner_before(text, lang, ents, m.start(), s)
            by = (
                _named_as(text, lang, ents, place_end, s)
                or _named_before(text, lang, ents, m.start(), owner, s)
                or (named[0] if named else None)
                or owner
            )
            if by is None or by is to:
                continue
            frame = MissionFrame(by, to, index, "mission-in-a-place", m.start(), place_end, owner)
            out.append(frame)
            out.extend(_contributors(text, lang, ents, s, index, m.start(), to, by))
    return out


def _named_mission(ents: Entities, start: int, end: int, limit: int) -> tuple[Draft, int] | None:
    """An organization whose name begins with the mission phrase ("Pasukan Perdamaian PBB"
    di Lebanon): the mission, and where its name ends."""
    for mention, draft in ents.mentions_in(start, limit, longest=True):
        if mention.start == start and mention.end >= end and draft.type is ORG:
            return draft, mention.end
        break
    return None


def _mention_at(ents: Entities, start: int, end: int, kind: object) -> tuple[Draft, int] | None:
    """The mention of the given type that starts at ``start`` (the longest), and its end."""
    found = ents.starting_at(start, end)
    return (found[1], found[0].end) if found is not None and found[1].type is kind else None


def _owner_after(text: str, ents: Entities, end: int, limit: int) -> tuple[Draft, int] | None:
    """An organization named right after the phrase ("misi perdamaian PBB di ...")."""
    gap = re.match(r"[ \t]+", text[end : end + 3])
    if gap is None:
        return None
    found = _mention_at(ents, end + gap.end(), limit, ORG)
    return found


@functools.cache
def _owner_gap(lang: LangResources) -> re.Pattern[str]:
    """What ends the owner's name right before the phrase: a possessive, or none, and
    spaces."""
    return re.compile(rf"(?:{lang.any_possessive})?[ \t]+$")


def _owner_before(
    text: str, lang: LangResources, ents: Entities, start: int, s: Sentence
) -> Draft | None:
    """The organization that owns the phrase: "the UN's peacekeeping force", "UN
    peacekeeping mission"."""
    before = _owner_gap(lang).search(text[max(s.start, start - 4) : start])
    if before is None:
        return None
    at = start - len(before.group())
    for mention, draft in ents.mentions_in(max(s.start, at - 80), at, longest=True):
        if mention.end == at and draft.type is ORG:
            return draft
    return None


def _named_as(
    text: str, lang: LangResources, ents: Entities, end: int, s: Sentence
) -> Draft | None:
    """The name the text gives the mission after its place: "(DRC), commonly known as
    MONUSCO", "... di Lebanon (UNIFIL)"."""
    cues = lang.pattern("alias_cues").pattern
    named = re.compile(
        rf"(?:\s*\([^)]*\))?\s*,?\s*(?:(?:{cues})\s+)|\s*\(\s*(?=[A-Z])", re.IGNORECASE
    )
    m = named.match(text, end, s.end)
    if m is None:
        return None
    found = _mention_at(ents, m.end(), s.end, ORG)
    return found[0] if found is not None else None


def _named_before(
    text: str, lang: LangResources, ents: Entities, start: int, owner: Draft | None, s: Sentence
) -> Draft | None:
    """The name the text gives the mission before it, as an apposition: "UNIFIL, the UN
    peacekeeping force in Lebanon", "MINUSCA, the United Nations stabilization mission"."""
    articles = lang.pattern("title_articles").pattern
    owner_words = r"(?:[A-Z][\w.]*\s+){0,3}" if owner is not None else ""
    link = re.compile(rf",\s+(?:(?:{articles})\s+)?{owner_words}$", re.IGNORECASE)
    found = link.search(text, max(s.start, start - 60), start)
    if found is None:
        return None
    for mention, draft in reversed(ents.mentions_in(s.start, found.start(), longest=True)):
        if mention.end == found.start() and draft.type is ORG and draft is not owner:
            return draft
        break
    return None


def _contributors(
    text: str,
    lang: LangResources,
    ents: Entities,
    s: Sentence,
    index: int,
    phrase_start: int,
    to: Draft,
    mission: Draft,
) -> list[MissionFrame]:
    """Rule contributor-to-a-mission: "X is a major contributor to <the mission>"."""
    cue = None
    for c in lang.pattern("contributor_cues").finditer(text, s.start, phrase_start):
        cue = c
    if cue is None or re.search(r"[.;]", text[cue.end() : phrase_start]):
        return []
    mentions = ents.mentions_in(s.start, cue.start(), longest=True)
    starts = [m.start for m, _ in mentions]
    i = bisect.bisect_left(starts, cue.start())
    for mention, draft in reversed(mentions[:i]):
        if draft.type in (LOC, ORG) and draft is not to and draft is not mission:
            return [
                MissionFrame(draft, to, index, "contributor-to-a-mission", mention.start, s.end)
            ]
    return []
