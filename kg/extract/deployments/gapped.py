"""Gapped lists: more deployments told after one, with their verb left out.

"Malawi deployed 600 troops to Bangui on Monday, Zambia 400 and Nepal 300" tells three
deployments to Bangui; "Britain has 2,000 troops deployed in Estonia, as well as about 150
in Poland and 80 in Lithuania" three of Britain's. Each item is a count with the sender
before it, or a count with the place after it; the verb, the troop noun and the other
argument are those of the deployment told first (rule ``a-gapped-list-item``).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from kg.extract.deployments.rows import DepDraft, is_country
from kg.extract.entities import LOC, ORG, Draft, Entities, Mention
from kg.extract.frames import coordinated_places
from kg.extract.lang import LangResources
from kg.extract.numbers import Count, find_counts
from kg.extract.text import Layout, Sentence
from kg.extract.trace import Step

# what may stand between the first deployment's place and its list: a date, a few words
_LEAD_CHARS = 30


@functools.cache
def _patterns(
    lang: LangResources,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    links = lang.pattern("list_links").pattern
    troops = lang.pattern("troop_nouns").pattern
    preps = "|".join(
        p
        for p in (lang.pattern("presence_preps").pattern, lang.pattern("destination_preps").pattern)
        if p
    )
    the = lang.pattern("definite_before").pattern or "(?!x)x"
    verbs = lang.pattern("deploy_verbs").pattern
    # ", and", ", serta": what opens an item; the first may follow a few words
    opener = re.compile(rf"(?:,\s*|\s+)(?:(?:{links})\s+)?", re.IGNORECASE)
    first = re.compile(rf"[^,;.()]{{0,{_LEAD_CHARS}}}?{opener.pattern}", re.IGNORECASE)
    # "150 in Poland", "80 troops in Lithuania", "150 di Polandia"
    # "100 pasukan AS di Lituania": the troops' owner may follow their noun
    place_after = re.compile(
        rf"\s+(?:(?:{troops})\s+(?:(?-i:[A-Z][\w-]*)\s+)?)?(?:{preps})\s+(?:(?:{the})\s+)?",
        re.IGNORECASE,
    )
    # "Zambia 400", "Zambia sent 400"
    sender_gap = re.compile(rf"\s+(?:(?:{verbs})\s+)?", re.IGNORECASE)
    return first, opener, place_after, sender_gap


def gapped_rows(
    lay: Layout,
    lang: LangResources,
    ents: Entities,
    deps: list[DepDraft],
    pairs: dict[tuple[int, int], DepDraft],
) -> None:
    """Rows for the items of a gapped list after each counted deployment."""
    text = lay.clean
    first, opener, place_after, sender_gap = _patterns(lang)
    for dep in list(deps):
        if dep.left or dep.part_of is not None or dep.troops is None or not dep.evidence:
            continue
        start = dep.evidence[0][0]
        sentence = next((s for s in lay.sentences if s.start <= start < s.end), None)
        if sentence is None:
            continue
        counts = find_counts(text, lang, start, sentence.end)
        own = next((c for c in counts if c.quantity.value == dep.troops.value), None)
        place = next((m for m, d in ents.mentions_in(start, sentence.end) if d is dep.to), None)
        if own is None:
            continue
        # the list follows the first deployment's count and place, or its count alone when
        # its place was told before ("Rusia mengirim sekitar 1.700 tentara, Belarus 500")
        told = max(own.end, place.end) if place is not None else own.end
        lead = first
        for count in (c for c in counts if c.start >= told):
            item = _item(text, ents, sentence, count, place_after, sender_gap)
            if item is None or not lead.fullmatch(text, told, item.start):
                break
            lead = opener
            by, to = (dep.by, item.draft) if item.side == "destination" else (item.draft, dep.to)
            if by is to or (by is dep.by and to is dep.to):
                break
            told = max(count.end, item.mention.end)
            places = [to]
            if item.side == "destination":
                # "60 di Latvia dan Estonia": each place listed has them
                mentions = ents.mentions_in(sentence.start, sentence.end, longest=True)
                places += coordinated_places(text, lang, item.mention, mentions)
                told = max([told, *(m.end for m, d in mentions if d in places and m.start >= told)])
            for to in places:
                if (id(by), id(to)) in pairs or (by is dep.by and to is dep.to):
                    continue
                row = DepDraft(
                    by, to, dep.status, count.quantity, dep.start, dep.sentence, dep.para
                )
                row.evidence.append((sentence.start, sentence.end))
                row.why = [Step(f"{item.side}:a-gapped-list-item", item.start, told)]
                deps.append(row)
                pairs[(id(by), id(to))] = row


class _Item(NamedTuple):
    side: str  # "destination" ("150 in Poland") or "sender" ("Zambia 400")
    draft: Draft
    mention: Mention
    start: int


def _item(
    text: str,
    ents: Entities,
    s: Sentence,
    count: Count,
    place_after: re.Pattern[str],
    sender_gap: re.Pattern[str],
) -> _Item | None:
    """The place after a count ("150 in Poland") or the sender before it ("Zambia 400"),
    its mention and where the item begins; None when the count is no item of a list."""
    after = place_after.match(text, count.end, s.end)
    placed = ents.starting_at(after.end(), s.end) if after is not None else None
    if placed is not None and placed[1].type is LOC:
        return _Item("destination", placed[1], placed[0], count.start)
    before = [(m, d) for m, d in ents.mentions_in(s.start, count.start) if m.end <= count.start]
    if not before:
        return None
    mention, draft = before[-1]
    if not sender_gap.fullmatch(text, mention.end, count.start):
        return None
    if not (draft.type is ORG or is_country(draft)):
        return None
    return _Item("sender", draft, mention, mention.start)
