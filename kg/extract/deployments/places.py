"""Where the troops went: the rules that find a deployment's destination in its sentence or
the story around it."""

from __future__ import annotations

import re

from kg.extract.deployments.rows import is_country, names_within
from kg.extract.entities import LOC, ORG, Draft, Entities, Mention
from kg.extract.frames import is_site
from kg.extract.lang import LangResources
from kg.extract.story import country_of, in_country, word_before
from kg.extract.text import Kind, Layout, Sentence
from kg.facts.model import Protest


def inner_place(
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


def place_of_the_sentence(
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
    told = [p.location for p in protests if p.evidence and p.evidence[0].start < start]
    if told and told[-1] is not None:
        return ents.by_id(told[-1])
    for j in range(index - 1, max(-1, index - 3), -1):
        prev = lay.sentences[j]
        if prev.kind is not Kind.STORY:
            continue
        # the first of an address ("di Pulau Seram, Maluku") is the most specific place
        for _, draft in ents.mentions_in(prev.start, prev.end, longest=True):
            if draft.type is LOC and not is_country(draft):
                return draft
    return None


def topic_country(lay: Layout, ents: Entities, index: int, sender: Draft) -> Draft | None:
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
