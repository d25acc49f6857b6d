"""Entities: names found in the text, typed, linked to the authority file, one per referent.

Rules, in order: authority aliases; organization and location head words ("Kementerian ...",
"... Ministry", "Bundaran ...", "... Square"); acronyms; a name after a title or rank is a
person; a name after a place preposition ("di", "in") is a location; other names of two to
four words are persons. Parenthesised names are aliases ("Dewan Kerja Sama Teluk (GCC)"),
and a single word of a person's name refers to that person ("Tokayev").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace

from kg.authority import Authority, AuthorityEntry
from kg.extract.abbreviations import abbreviates
from kg.extract.lang import LangResources, available, phrase_pattern, resources
from kg.extract.mentions import (
    ARTICLE_PREFIX,
    Run,
    Title,
    Token,
    find_runs,
    find_titles,
    tokens,
)
from kg.extract.text import Kind, Layout
from kg.extract.typer import Candidate, NameTyper
from kg.facts.model import EntityType
from kg.gazetteer import City, cities, namesakes, own_name, regions
from kg.given_names import given_names, surnames

__all__ = ["Draft", "Entities", "Mention", "find_entities", "region_abbreviated", "title_bodies"]

ORG, PER, LOC = EntityType.ORGANIZATION, EntityType.PERSON, EntityType.LOCATION
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]*(?:[/.][A-Z0-9]+|-[A-Z]{2,})*\.?$")
_INITIALS = re.compile(r"^(?:[A-Z]\.)+$|^[A-Z]$")
#: How sure the learned typer must be before a name no rule typed becomes an entity.
LEARNED_CONFIDENCE = 0.95
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_JOINED_NAMES = re.compile(r"[A-Z][\w'’.]*[a-z]-[A-Z][\w'’.]*")  # "Subianto-Gibran"
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z0-9./-]*)\s*\)")
_OPEN_PAREN = re.compile(r"\s*\(\s*")
_ROMAN_OR_NUMBER_AFTER = re.compile(r"\)[ \t]*(?:[IVXL]+\b|\d)")
_NAME_GOES_ON = re.compile(r"\)[ \t]*[A-Z]")  # "(Pemkot) Bogor": a name goes on after


def _gap_start(text: str, pos: int) -> int:
    """Where the run of spaces and commas that ends at ``pos`` begins."""
    while pos > 0 and text[pos - 1] in " ,":
        pos -= 1
    return pos


@functools.cache
def sending_after(lang: LangResources) -> re.Pattern[str]:
    """What follows the subject of a sending of troops: auxiliaries, a verb of deploying,
    then a troop noun within the clause ("sent about 800 soldiers", "telah mengirim 200
    personel")."""
    return re.compile(
        rf"[ \t]+(?:(?:{lang.pattern('sender_auxiliaries').pattern})[ \t]+){{0,3}}"
        rf"(?:{lang.pattern('deploy_verbs').pattern})[^.;:\n]{{0,40}}?"
        rf"(?<![\w-])(?:{lang.pattern('troop_nouns').pattern})",
        re.IGNORECASE,
    )


@functools.cache
def _words_of_every_language() -> frozenset[str]:
    """The words and phrases of every language file (:func:`_language_words`)."""
    return frozenset().union(*(_language_words(resources(code)) for code in available()))


@dataclass
class Mention:
    """One occurrence of a name."""

    start: int
    end: int
    text: str
    sentence: int
    type: EntityType | None
    entry: AuthorityEntry | None = None
    cue: str = ""
    kind: Kind = Kind.STORY

    @property
    def span(self) -> tuple[int, int]:
        """Start and end in the body."""
        return self.start, self.end


@dataclass
class Draft:
    """An entity being built: its mentions, names and type."""

    id: str
    type: EntityType
    entry: AuthorityEntry | None
    mentions: list[Mention] = field(default_factory=list)
    # the names as last computed, and the mentions they were computed from (a draft's
    # mentions only grow once it is made); names are asked for far more often than that
    _names: tuple[int, int, list[str]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def names(self) -> list[str]:
        """Distinct names in order of first mention; a name by its leader ("the Russian-led
        alliance") or a phrase pointing back ("the alliance") after the body's own names."""
        known = self._names
        if known is not None and known[0] == id(self.mentions) and known[1] == len(self.mentions):
            return list(known[2])
        own = [m.text for m in self.mentions if m.cue not in _REFERRING_CUES]
        names = list(dict.fromkeys([*own, *(m.text for m in self.mentions)]))
        self._names = (id(self.mentions), len(self.mentions), names)
        return list(names)


@dataclass
class Entities:
    """The entities of an article and where each is mentioned.

    The drafts and their mentions change only through :meth:`country` and :meth:`region`,
    which keep the indexes below up to date (titles and demonyms do not change); they are
    built on first use, so that a lookup costs a binary search or a dictionary access, not a
    walk over every mention of the article.
    """

    drafts: list[Draft]
    titles: list[Title]
    demonyms: list[tuple[int, int, AuthorityEntry]]
    by_mention: dict[tuple[int, int], Draft] = field(default_factory=dict)
    authority: Authority | None = None  # to add a country the article implies
    pending: list[Draft] = field(default_factory=list)  # see adopt_later
    _spans: list[tuple[Mention, Draft]] | None = field(default=None, init=False, repr=False)
    _starts: list[int] = field(default_factory=list, init=False, repr=False)
    _keys: dict[str, Draft] = field(default_factory=dict, init=False, repr=False)
    _ids: dict[str, Draft] = field(default_factory=dict, init=False, repr=False)
    _title_starts: list[int] | None = field(default=None, init=False, repr=False)
    _demonym_starts: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)
    # the regions named by a direction, by (direction, country): "eastern DR Congo" and
    # "eastern Congo" are one region
    _regions: dict[tuple[str, str], Draft] = field(default_factory=dict, init=False, repr=False)
    # the forces named by a common noun, by that noun in lower case (see named_force)
    _forces: dict[str, Draft] = field(default_factory=dict, init=False, repr=False)

    def _index(self) -> list[tuple[Mention, Draft]]:
        """Every (mention, entity) in text order; ties in the order of the drafts."""
        if self._spans is None:
            pairs = [(m, d) for d in self.drafts for m in d.mentions]
            self._spans = sorted(pairs, key=lambda x: x[0].start)
            self._starts = [m.start for m, _ in self._spans]
            for d in self.drafts:
                self._ids.setdefault(d.id, d)
                if d.entry is not None:
                    self._keys.setdefault(d.entry.key, d)
        return self._spans

    def mentions_in(
        self, start: int, end: int, *, longest: bool = False
    ) -> list[tuple[Mention, Draft]]:
        """Mentions inside ``start:end``, in text order.

        With ``longest``, a mention inside a longer one is left out ("militer Sri Lanka",
        not "Sri Lanka"; "Belarus's western border", not "Belarus").
        """
        spans = self._index()
        found = []
        for i in range(bisect.bisect_left(self._starts, start), len(spans)):
            m, d = spans[i]
            if m.start > end:
                break
            if m.end <= end:
                found.append((m, d))
        return _outermost(found) if longest else found

    def by_key(self, key: str) -> Draft | None:
        """The entity linked to an authority key."""
        self._index()
        return self._keys.get(key)

    def by_id(self, ident: str) -> Draft | None:
        """The entity with this id, also one kept by :meth:`adopt_later`."""
        self._index()
        found = self._ids.get(ident)
        return found or next((p for p in self.pending if p.id == ident), None)

    def titles_in(self, start: int, end: int) -> list[Title]:
        """The titles that start in ``start:end``, in text order."""
        if self._title_starts is None:
            self._title_starts = [t.start for t in self.titles]  # found in text order
        lo = bisect.bisect_left(self._title_starts, start)
        return self.titles[lo : bisect.bisect_left(self._title_starts, end, lo)]

    def starting_at(self, start: int, end: int) -> tuple[Mention, Draft] | None:
        """The longest mention that starts at ``start`` (and ends by ``end``), or None."""
        for mention, draft in self.mentions_in(start, end, longest=True):
            return (mention, draft) if mention.start == start else None
        return None

    def demonyms_in(self, start: int, end: int) -> list[tuple[int, int, AuthorityEntry]]:
        """The demonyms inside ``start:end``, in the order they were found."""
        if self._demonym_starts is None:
            self._demonym_starts = sorted((s, i) for i, (s, _, _) in enumerate(self.demonyms))
        lo = bisect.bisect_left(self._demonym_starts, (start, -1))
        hi = bisect.bisect_right(self._demonym_starts, (end, len(self.demonyms)))
        found = sorted(i for _, i in self._demonym_starts[lo:hi])
        return [self.demonyms[i] for i in found if self.demonyms[i][1] <= end]

    def country(self, entry: AuthorityEntry, start: int, end: int) -> Draft:
        """The entity of a demonym's country ("Polish soldiers"), added if not yet named.

        A fact that refers to the country through its demonym needs the country as an
        entity; its name is the authority's, its evidence the demonym.
        """
        found = self.by_key(entry.key)
        if found is not None:
            return found
        mention = Mention(start, end, entry.names[0], -1, entry.type, entry, "demonym")
        return self._add(entry.key, mention)

    def country_of_town(self, town: Draft) -> Draft | None:
        """The country a town of the gazetteer (or a capital) lies in. When the article does
        not name it, a draft that is not yet one of the article's entities (its evidence
        the town's first mention): :meth:`adopt` makes it one once a fact uses it."""
        if town.entry is None or self.authority is None:
            return None
        key = town.entry.country or town.entry.capital_of
        entry = self.authority.entries.get(key) if key else None
        if entry is None:
            return None
        found = self.by_key(entry.key)
        if found is not None:
            return found
        first = town.mentions[0]
        cue = "country-of-its-towns"
        mention = Mention(first.start, first.end, entry.names[0], -1, entry.type, entry, cue)
        return Draft(entry.key, entry.type, entry, [mention])

    def adopt_later(self, draft: Draft) -> None:
        """Make ``draft`` one of the article's entities once every fact is found (adding
        it now would let its evidence, a town's name, hide the town from later rules)."""
        if any(d is draft for d in self.drafts) or any(p is draft for p in self.pending):
            return
        if draft.entry is not None:
            # the same known place adopted twice (the country of a town, then the state
            # whose army it is) is one entity, with one id
            same = next(
                (
                    d
                    for d in (*self.drafts, *self.pending)
                    if d.entry is not None and d.entry.key == draft.entry.key
                ),
                None,
            )
            if same is not None:
                draft.id = same.id
                return
        used = {d.id for d in self.drafts} | {p.id for p in self.pending}
        ident, n = draft.id, 2
        while ident in used:  # the facts refer to it by this id from now on
            ident, n = f"{draft.id}_{n}", n + 1
        draft.id = ident
        self.pending.append(draft)

    def adopt_pending(self) -> None:
        """Add the drafts kept by :meth:`adopt_later` to the article's entities."""
        for draft in self.pending:
            if draft.entry is None or self.by_key(draft.entry.key) is None:
                added = self._add(draft.id, draft.mentions[0])
                for mention in draft.mentions[1:]:
                    if mention.cue == "joint":  # "TNI dan Polri", "personel gabungan"
                        added.mentions.append(mention)
                        self._index_mention(mention, added)
        self.pending.clear()

    def named_force(self, start: int, end: int, text: str) -> Draft:
        """The entity of a force the text names by a common noun ("riot police", "elite
        police"), added once a fact needs it (the article's entities leave such nouns out
        elsewhere); the same noun again is the same force. Not yet one of the article's
        entities: see :meth:`adopt_later`."""
        mention = Mention(start, end, text, -1, ORG, None, "named-force")
        found = self._forces.get(text.lower())
        if found is None:
            found = self._forces[text.lower()] = Draft(_slug(text), ORG, None, [mention])
        elif all(m.span != (start, end) for m in found.mentions):
            found.mentions.append(mention)
        return found

    def joint_force(
        self,
        members: tuple[int, int, str],
        called: tuple[int, int, str] | None,
        joined: tuple[int, int, str, Kind] | None = None,
    ) -> Draft:
        """The joint force of forces listed together (``members``: "TNI dan Polri"), also
        named by the troops' own words, if any (``called``: "personel gabungan"), and by the forces
        written joined where the article does so only outside its story (``joined``: a
        headline's "TNI-Polri"); added once a fact needs it, as :meth:`named_force` adds a
        force; the same list again is the same."""
        found = self._forces.get(members[2].lower())
        if found is None:
            found = self._forces[members[2].lower()] = Draft(_slug(members[2]), ORG, None, [])
        named = [
            (*members, Kind.STORY),
            *([(*called, Kind.STORY)] if called else []),
            *([joined] if joined else []),
        ]
        for start, end, text, kind in named:
            if all(m.span != (start, end) for m in found.mentions):
                found.mentions.append(Mention(start, end, text, -1, ORG, None, "joint", kind))
        return found

    def region(self, start: int, end: int, text: str, key: tuple[str, str]) -> Draft:
        """The entity of a part of a country named by a direction ("eastern DRC"), added if
        not yet named: a fact that happens there needs it, though the article's entities
        leave such phrases out elsewhere. ``key`` is the direction and the country's key:
        the region named again by another name of the country is the same."""
        found = self.by_mention.get((start, end))
        if found is not None:
            return found
        mention = Mention(start, end, text, -1, LOC, None, "direction")
        same = self._regions.get(key)
        if same is not None:
            same.mentions.append(mention)
            self._index_mention(mention, same)
            return same
        for d in self.drafts:
            if d.type is LOC and d.entry is None and text in d.names:
                return d
        self._regions[key] = self._add(_slug(text), mention)
        return self._regions[key]

    def site_by_its_noun(self, mention: Mention, draft: Draft, end: int, text: str) -> None:
        """Rule a-site-by-its-noun, for a place the article names: "Corvo airport" beside
        the town Corvo the gazetteer knows is a site of its own, one entity however often
        named; "Lamira base", where nothing knows Lamira, is another name of the place.
        Added after the facts, which keep the town as where troops go."""
        site = Mention(mention.start, end, text, mention.sentence, LOC, None, "site-head")
        if draft.entry is None:
            draft.mentions.append(site)
            self._index_mention(site, draft)
            return
        same = next((d for d in self.drafts if d.entry is None and text in d.names), None)
        if same is None:
            self._add(_slug(text), site)
        elif all(m.span != site.span for m in same.mentions):
            same.mentions.append(site)
            self._index_mention(site, same)

    def _index_mention(self, mention: Mention, draft: Draft) -> None:
        """Keep a new mention of ``draft`` in the indexes, after earlier drafts' mentions."""
        self.by_mention[mention.span] = draft
        spans = self._index()
        at = bisect.bisect_right(self._starts, mention.start)
        spans.insert(at, (mention, draft))
        self._starts.insert(at, mention.start)

    def _add(self, key: str, mention: Mention) -> Draft:
        """A new entity of one mention, kept in the indexes."""
        used = {d.id for d in self.drafts}
        ident, n = key, 2
        while ident in used:
            ident, n = f"{key}_{n}", n + 1
        draft = Draft(ident, mention.type or LOC, mention.entry, [mention])
        self.drafts.append(draft)
        self._index_mention(mention, draft)
        if mention.entry is not None:
            self._keys.setdefault(mention.entry.key, draft)
        self._ids.setdefault(ident, draft)
        return draft


_ROMAN = re.compile(r"[IVXLC]{1,7}")
# an Indonesian plural by reduplication: "Kota-Kota", "Negara-negara"
# a unit's number, a word of its name: "623", "611/Awang", "XXXIX-A", "XXIII-R"
# "Yonif 623", "Konga XXXIX-A", "Konga XXVI-G2", "Konga XXIII-R/UNIFIL" (its mission after
# the slash)
_UNIT_NUMBER = re.compile(r"\d[\w/-]*|[IVXLC]+(?:-[A-Z]\d?)?(?:/[A-Z][\w-]*)?")


def numbered(name: str) -> bool:
    """A name with a unit's number among its words ("Yonif 623", "Konga XXXIX-A")."""
    return any(_UNIT_NUMBER.fullmatch(w) for w in name.split())


# cues of mentions that refer to a body without naming it
_REFERRING_CUES = frozenset({"led-group", "alliance-reference", "corps"})
_REDUPLICATED = re.compile(r"(?i)([^\W\d_]{3,})-\1")


def _first_by_text(mentions: list[Mention], kind: EntityType) -> dict[str, Mention]:
    """The first mention of each case-folded name, among the mentions of one type."""
    out: dict[str, Mention] = {}
    for m in mentions:
        if m.type is kind:
            out.setdefault(m.text.casefold(), m)
    return out


def _outermost(found: list[tuple[Mention, Draft]]) -> list[tuple[Mention, Draft]]:
    """The mentions (in text order) that no longer mention contains.

    A mention is inside a longer one when another starts before it and ends at or after
    its end, or starts with it and ends after it: one pass with the furthest end so far.
    """
    out: list[tuple[Mention, Draft]] = []
    before = -1  # the furthest end of the mentions that start before the current start
    i = 0
    while i < len(found):
        j = i
        while j < len(found) and found[j][0].start == found[i][0].start:
            j += 1
        same = max(m.end for m, _ in found[i:j])
        out.extend((m, d) for m, d in found[i:j] if before < m.end and not same > m.end)
        before = max(before, same)
        i = j
    return out


_PORTFOLIO_AFTER = re.compile(r"[ \t]+\([A-Z][a-z]+[A-Za-z]*(?:[ \t]+[A-Z][a-z]+)?\)[ \t]+[A-Za-z]")
"""A short name in brackets ("(Direskrimum)", "(Kabid Humas)") and a name after it (its
head word may be written in lower case: "(Kabid Humas) kepolisian Daerah Gorontalo")."""


def _abbreviates(before: str, acronym: str) -> bool:
    """``acronym`` opens a parenthesis after lower-case words whose initials spell it, so it
    abbreviates a common noun, not a name.

    >>> _abbreviates("harga bahan bakar minyak (", "BBM")
    True
    >>> _abbreviates("Badan Pusat Statistik (", "BPS")
    False
    """
    letters = re.sub(r"s$", "", acronym).lower()  # "IDPs"
    words = re.findall(r"[^\W\d_]+", before[-80:]) if before.rstrip().endswith("(") else []
    tail = words[-len(letters) :] if letters else []
    return (
        len(tail) == len(letters)
        and all(w.islower() for w in tail)
        and "".join(w[0] for w in tail) == letters
    )


@functools.lru_cache(maxsize=1)
def _heads() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Head words of all languages: names travel between languages."""
    langs = [resources(code) for code in available()]
    return (
        frozenset().union(*(r.org_heads for r in langs)),
        frozenset().union(*(r.loc_heads for r in langs)),
        frozenset().union(*(r.org_words for r in langs)),
        frozenset().union(*(r.loc_words for r in langs)),
    )


@functools.lru_cache(maxsize=1)
def _not_entities() -> tuple[frozenset[str], frozenset[str]]:
    """First and last words of names kg does not extract (laws, treaties, operations), in
    all languages."""
    langs = [resources(code) for code in available()]
    return (
        frozenset(w.lower() for r in langs for w in r.words("not_entity_heads")),
        frozenset(w.lower() for r in langs for w in r.words("not_entity_words")),
    )


def _town_key(name: str) -> str:
    """A town's key: its name without case, accents or punctuation ("Şahneh": sahneh)."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", plain).strip("_") or "town"


_LONGEST_TOWN_ACRONYM = 3
"""Capitals of more letters than this that name a town are the town ("GOMA", "JAYAPURA");
of fewer, more often a body's acronym."""


class _Finder:
    def __init__(
        self,
        lay: Layout,
        lang: LangResources,
        authority: Authority,
        typer: NameTyper | None = None,
        record: list[tuple[Candidate, int, int]] | None = None,
    ) -> None:
        self.typer = typer
        self.record = record
        self.lay = lay
        self.text = lay.clean
        self.lang = lang
        self.auth = authority
        self.lower_words = set(re.findall(r"(?<![\w.])[a-z][\w-]*", self.text))
        self.words_here, self.mid_sentence = _word_sets(self.text)
        self.mentions: list[Mention] = []
        self.aliases: list[tuple[Mention, Mention]] = []
        # acronyms the article spells out as a name of its own ("Armed Forces of the
        # Philippines (AFP)"): later on, that name's and not the authority's
        self.spelled_acronyms: set[str] = set()
        self.demonyms: list[tuple[int, int, AuthorityEntry]] = []
        self.titles: list[Title] = []
        self.title_ends: set[int] = set()
        self.title_starts: set[int] = set()
        self.place_title_starts: set[int] = set()  # where a title of a place's head starts
        self.org_heads, self.loc_heads, self.org_words, self.loc_words = _heads()
        self.force_words = frozenset(w.lower() for w in lang.words("force_name_words"))
        self.other_heads, self.other_words = _not_entities()
        self.common_names = {w.lower() for w in lang.words("common_names")}
        self.quantifiers = frozenset(w.lower() for w in lang.words("quantifiers"))
        self.military_words = frozenset(w.lower() for w in lang.words("military_nouns"))
        # words that end a place name in this language, where a run of names is cut
        self.place_suffixes = frozenset(w.lower() for w in lang.words("place_suffixes"))
        self.connectors = frozenset(c.lower() for c in lang.words("connectors"))
        self.articles = frozenset(w.lower() for w in lang.words("connector_articles"))
        # "Members of Kenya Defence Forces", "Soldiers of the Nigerian Army": people of a body
        self.body_members = frozenset(
            w.lower() for w in (*lang.words("troop_nouns"), *lang.words("member_nouns"))
        )
        self.name_links = frozenset(w.lower() for w in lang.words("name_links"))
        self.topic_links = frozenset(w.lower() for w in lang.words("topic_links"))
        self.purpose_links = frozenset(w.lower() for w in lang.words("purpose_links"))
        self.place_preps = frozenset(w.lower() for w in lang.words("place_preps"))
        self.source_preps = frozenset(w.lower() for w in lang.words("source_preps"))
        self.short_regions = tuple(lang.words("abbreviated_regions_of"))
        self.linked_heads = frozenset(w.lower() for w in lang.words("linked_heads"))
        self.sent_heads = frozenset(w.lower() for w in lang.words("sent_heads"))
        self.direction_links = frozenset(w.lower() for w in lang.words("direction_links"))
        # no known name has more words: a longer stretch of a run is looked up in vain
        self.max_words = max((len(a.split()) for a in authority.aliases()), default=1) or 1
        self.particles = frozenset(w.lower() for w in lang.words("name_particles"))
        # the dateline places by start, with the furthest end of those starting so far
        places = sorted(lay.dateline_places)
        self.place_starts = [s for s, _ in places]
        self.place_reach = list(itertools.accumulate((e for _, e in places), max))
        self.speakers = _speakers(self.text, lang)
        self.not_towns = _language_words(lang)
        self.not_leads = _lead_words(lang)
        prefixes = "|".join(re.escape(w) for w in lang.words("state_prefixes")) or "(?!x)x"
        the = lang.pattern("definite_articles").pattern
        self.state_prefix = re.compile(rf"(?:(?:{the})\s+)?(?:{prefixes})\s+", re.IGNORECASE)
        self.common_acronyms = frozenset(w.upper() for w in lang.words("common_acronyms"))
        self.company_forms = frozenset(w.lower() for w in lang.words("company_forms"))
        self.offices = phrase_pattern(list(lang.titles))
        self.descriptors = phrase_pattern(lang.words("person_descriptors"))
        self.title_bodies = title_bodies(lang)
        self.branch_suffixes = frozenset(lang.words("branch_suffixes"))
        # a lower-case site noun right after a name ("the Ion Alba air base")
        self._site_after = (
            re.compile(rf"[ \t]+(?:{lang.pattern('site_heads_after').pattern})(?![\w-])")
            if lang.words("site_heads_after")
            else re.compile(r"(?!x)x")
        )
        self._prep_place_noun = re.compile(
            rf"(?<![\w-])(?:{lang.pattern('place_preps').pattern})\s+"
            rf"(?:(?:{lang.pattern('definite_before').pattern})\s+)?"
            rf"(?:{lang.pattern('waters_nouns').pattern})\s+(?:(?:{lang.pattern('place_noun_links').pattern})\s+)?$",
            re.IGNORECASE,
        )
        # "Pj Gubernur Papua X": a modified title ("Acting Governor") is still held over a place
        base = frozenset(lang.words("place_titles"))
        self.place_titles = base | {
            f"{prefix} {label}" for prefix in set(lang.title_modifiers.values()) for label in base
        }
        self.site_words = frozenset(w.lower() for w in lang.words("site_words"))
        # words of bodies and places, which no person's name holds ("Maria Hospital")
        self._place_of_after = re.compile(rf"\s+(?:{lang.pattern('place_noun_links').pattern})\s")
        self.place_or_body_words = (
            self.org_words | self.loc_words | self.org_heads | self.loc_heads | self.site_words
        )
        ship = lang.pattern("ship_words").pattern
        self.ship_before = re.compile(rf"(?:{ship})\s+$", re.IGNORECASE)
        self.force_areas = frozenset(k.lower() for k in lang.table("force_areas"))
        self.council_heads = frozenset(
            w.lower() for w in (*lang.words("area_bodies"), *lang.words("area_forces"))
        )
        self.office_words = frozenset(w.lower() for w in lang.words("office_words"))
        # "New People's Army": a possessive inside a name
        self.name_possessives = frozenset(w.lower() for w in lang.words("name_possessives"))
        self.possessive_endings = tuple(lang.words("possessive_endings"))  # "Britain's"
        self.owner_end, self.owns_next, self.owner_gap = _possessives(lang)
        fronts = lang.pattern("site_fronts").pattern if lang.words("site_fronts") else "(?!x)x"
        self.site_front = re.compile(rf"(?<![\w-])(?:{fronts})\s+$", re.IGNORECASE)
        self.title_labels = {str(k).lower(): str(v) for k, v in lang.table("titles").items()}
        self.generic_forces = frozenset(w.lower() for w in lang.words("generic_forces"))
        self.demonym_governments = frozenset(w.lower() for w in lang.words("demonym_governments"))
        # a demonym only qualifies these ("Turkish Police", "the Indonesian Embassy")
        self.qualified_by_demonyms = (
            self.generic_forces | self.demonym_governments | self.site_words
        )
        self.legislatures = frozenset(w.lower() for w in lang.words("legislature_words"))
        self.area_heads = frozenset(w.lower() for w in lang.words("area_heads"))
        self.body_areas = frozenset(w.lower() for w in lang.words("body_areas"))
        self.unit_words = frozenset(w.lower() for w in lang.words("unit_words"))
        self.corps_heads = frozenset(w.lower() for w in lang.words("corps_heads"))
        self.heads_alone = frozenset(w.lower() for w in lang.words("force_heads_alone"))
        self.governments_alone = frozenset(w.lower() for w in lang.words("governments_alone"))
        self.government_levels = frozenset(w.lower() for w in lang.words("government_levels"))
        self.admin_heads = frozenset(w.lower() for w in lang.words("admin_heads"))
        # the spans of bodies named with their area (rule a-body-of-an-area)
        self.area_bodies: set[tuple[int, int]] = set()
        # the short names of more words the article writes in brackets after the name they
        # spell: "Badan Eksekutif Mahasiswa Seluruh Indonesia (BEM SI)"
        self.bracketed = frozenset(
            m.group(2)
            for m in re.finditer(r"((?:[A-Z][\w-]* ){2,8})\(([A-Z]+(?: [A-Z]+){1,2})\)", lay.clean)
            if _initials(m.group(1)).endswith(m.group(2).replace(" ", ""))
        )
        self.composition = lang.pattern("composition_cues")
        self.state_body_words = frozenset(w.lower() for w in lang.words("state_body_words"))
        self.holder_bodies = frozenset(w.lower() for w in lang.words("holder_bodies"))
        self.generic_governments = frozenset(w.lower() for w in lang.words("generic_governments"))
        self.place_noun_links = frozenset(w.lower() for w in lang.words("place_noun_links"))
        self.town_prefixes = frozenset(w.casefold() for w in lang.words("town_prefixes"))
        suffixes = "|".join(map(re.escape, lang.words("ordinal_suffixes"))) or "(?!x)x"
        prefixes = "|".join(map(re.escape, lang.words("ordinal_prefixes"))) or "(?!x)x"
        self.ordinal_before = re.compile(rf"(?<![\w-])\d+(?:{suffixes})[ \t]+$")
        self.ordinal_after = re.compile(rf"[ \t]+(?:{prefixes})\d+(?![\w-])")

    def add_titles(self, titles: list[Title]) -> None:
        """Titles of the next sentence."""
        self.titles.extend(titles)
        self.title_ends.update(t.end for t in titles)
        self.title_starts.update(t.start for t in titles)
        for t in titles:
            self.place_title_starts.update([t.start] if t.label in self.place_titles else [])

    def _before_a_place_title(self, end: int) -> bool:
        """Rule a-place-before-its-head-s-title: "Basra Mayor X said", "Soyapango Mayor X":
        the title of a place's head right after a name says the name is a place, though
        it begins the sentence."""
        gap = re.match(r"[ \t]+", self.text[end : end + 4])
        return gap is not None and end + gap.end() in self.place_title_starts

    def _place_title(self, start: int) -> bool:
        """The title right before ``start`` is held over a place named after it ("Bupati",
        "Gubernur", "Governor")."""
        gap = _gap_start(self.text, start)
        for t in self.titles:
            if t.end in range(gap, start + 1) and t.label in self.place_titles:
                return True
        return False

    def _office_place(self, toks: list[Token], sentence: int, kind: Kind) -> None:
        """A mention of the place whose head's office ``toks`` follow, known or not."""
        start, end = toks[0].start, toks[-1].end
        entry = self.alias(toks)
        if entry is not None and (entry.type is not LOC or entry.kind == "country"):
            entry = None
        text = self.lay.body[start:end]
        self.mentions.append(Mention(start, end, text, sentence, LOC, entry, "office", kind))

    def _office_of_a_place_head(self, start: int) -> bool:
        """The title right before ``start`` is a place's head ("Bupati") after the word of
        an office or building ("kantor Bupati", "Gedung Bupati"), then the sentence goes
        on (a comma, a date), with no person's name after the place."""
        gap = _gap_start(self.text, start)
        for t in self.titles:
            if t.end in range(gap, start + 1) and t.label in self.place_titles:
                word = re.search(r"([\w-]+)\s+$", self.text[max(0, t.start - 25) : t.start])
                return word is not None and word.group(1).lower() in self.office_words
        return False

    def _titled(self, start: int) -> bool:
        """A title ends right before ``start``, with only spaces and commas between."""
        return any(e in self.title_ends for e in range(_gap_start(self.text, start), start + 1))

    def town(self, name: str) -> AuthorityEntry | None:
        """Rule gazetteer-town: a name no cue types is a place when it is a town of the
        gazetteer (and not a word the language files use, nor one the article also writes
        in lower case, a common word there), in the country it is in."""
        folded = " ".join(name.split()).casefold()
        if folded in self.not_towns or self._adjective_of_a_name(name):
            return None
        if " " not in folded and folded in self.lower_words:
            return None  # "... police said" elsewhere: "Police" is no town in Poland
        town = cities().get(folded)
        prefix, _, rest = folded.partition(" ")
        if town is None and rest and prefix in self.town_prefixes:
            town = cities().get(rest)  # "Kota Zhanaozen"
        if town is None:
            return None
        town = self._namesake(town)
        country = self.auth.country_by_iso(town.country)
        return AuthorityEntry(
            _town_key(town.name),
            LOC,
            (" ".join(name.split()),),
            kind="town",
            country=country.key if country is not None else None,
        )

    def _told_town(self, name: str) -> AuthorityEntry | None:
        """Rule another-name-of-a-town-of-a-country-the-article-tells: another name of a
        gazetteer town ("Bone", once the name of Annaba in Algeria) is that town only when
        the article names the town's country, its people or one of its provinces, or the
        country is the home of its language's press; else it is a place of its own
        ("Polisi berjaga di kantor Bupati Bone")."""
        town = self.town(name)
        own = _town_key(name)
        if town is None or town.key == own or self._country_told(town):
            return town
        return AuthorityEntry(own, LOC, town.names, kind="town")

    def _placed_town(self, town: AuthorityEntry) -> bool:
        """``town`` lies in a country the article names (or its press's home)."""
        return town.country is not None and self._country_told(town)

    def _country_told(self, town: AuthorityEntry) -> bool:
        """The article names ``town``'s country, its people or one of its provinces."""
        country = self.auth.entries.get(town.country or "")
        if country is None or country.names[0] in self.lang.words("press_home_countries"):
            return True
        names = [*country.names, *country.demonyms]
        # its provinces, and the towns the authority file places in it ("Dhaka and
        # Chittagong": Chittagong, another name of Chattogram, is the Bangladeshi town)
        names += [
            n
            for e in self.auth.entries.values()
            if (e.kind == "region" and e.country == country.key)
            or (e.kind in ("city", "town") and country.key in (e.country, e.capital_of))
            for n in e.names
        ]
        return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", self.text) for n in names)

    def _namesake(self, town: City) -> City:
        """Rule the-namesake-the-article-places: of towns that share a name ("Birmingham"),
        the one whose region or country the article names ("... Alabama"), else the
        biggest."""
        others = namesakes().get(town.name.casefold(), ())
        for other in others:
            country = self.auth.country_by_iso(other.country)
            names = (other.region, *(country.names if country is not None else ()))
            if any(n and re.search(rf"(?<!\w){re.escape(n)}(?!\w)", self.text) for n in names):
                return other
        return town

    def _learned(
        self, text: str, before: str, after: str, start: int, end: int
    ) -> EntityType | None:
        """Rule learned-type: the type the learned typer gives a name no rule typed, when it
        is confident enough; None for "no entity" or a doubt."""
        candidate = Candidate(text, before, after, self.lang.code)
        if self.record is not None:
            self.record.append((candidate, start, end))
        if self.typer is None:
            return None
        label, probability = self.typer.classify(candidate)
        if label == "none" or probability < LEARNED_CONFIDENCE:
            return None
        return EntityType(label)

    def _adjective_of_a_name(self, word: str) -> bool:
        """``word`` is another name of the article with an adjective ending ("Meridian"
        beside "Meridia"), not a town of its own."""
        for ending in self.lang.words("demonym_endings"):
            stem = word[: -len(ending)] if word.endswith(ending) else ""
            if len(stem) >= 3 and stem in self.words_here:
                return True
        return False

    def _only_first_in_sentences(self, word: str) -> bool:
        """Every time the article writes ``word``, it begins a sentence or line, where any
        word has a capital ("Nanti", "Jam malam"): no sign that it is a name."""
        return word not in self.mid_sentence

    def _person_told(self, text: str) -> bool:
        """Rule a-title-before-a-person-told: "Pangdam Rudy Rachmat" after "Pangdam
        VI/Mulawarman Mayjen TNI Rudy Rachmat Nugraha": the name (or its first words) of a
        person the article named before, not the title's body."""
        if " " in text and any(
            m.type is PER and (m.text == text or m.text.startswith(f"{text} "))
            for m in self.mentions
        ):
            return True
        # rule a-title-before-a-surname-told: "Kapolda Fakhiri", "Kapolda Mathius Fakiri"
        # after "Kapolda Papua Irjen Mathius D Fakhiri": each word a word of the name of a
        # person named before, and no place, is that person, not the title's body
        words = text.split()
        return self.auth.lookup(text) is None and any(
            m.type is PER and len(m.text.split()) > 1 and all(w in m.text.split() for w in words)
            for m in self.mentions
        )

    def _named_troops(self, word: str, before: str, after: str) -> bool:
        """Rule a-name-of-troops-is-a-force: one capitalised word the article also writes
        inside a sentence, right before a noun of troops ("Rangers personnel were deployed")
        or right after a count of units ("two companies of Rangers"), names a force."""
        if self._only_first_in_sentences(word):
            return False
        after_cue = self.lang.pattern("force_name_nouns")
        before_cue = self.lang.pattern("force_name_holders")
        return (
            after_cue.match(after.lstrip(" \t")) is not None and not after[:1].strip()
        ) or re.search(rf"(?:{before_cue.pattern})\s+$", before, re.IGNORECASE) is not None

    def _sender_of_troops(self, word: str, before: str, start: int, end: int) -> EntityType | None:
        """Rule the-subject-of-a-sending-is-a-body: one capitalised word nothing else types,
        right before a verb of sending with troops after it ("Valdoria sent about 800
        soldiers", "Wagner deployed fighters"), sends them: a state or a body, never a
        person. The learned typer, which otherwise reads only names of several words,
        says which; nothing when it takes the word for a person or for no name at all
        ("Officials sent ..."), or when the word is a given name or a surname ("Lopes
        sends 700 soldiers": a person the article did not introduce)."""
        if self.typer is None or sending_after(self.lang).match(self.text, end) is None:
            return None
        folded = word.casefold()
        if folded in given_names() or folded in surnames():
            return None
        label, _ = self.typer.classify(
            Candidate(word, before, self.text[end : end + 40], self.lang.code)
        )
        return EntityType(label) if label in (ORG.value, LOC.value) else None

    def _capitalised_elsewhere(self, word: str) -> bool:
        """Rule caps-is-no-acronym: a word in capitals that the article also writes with one
        capital ("PALEMBANG — ... di Palembang") is a name set in capitals, not an acronym."""
        return len(word) > 3 and word.title() in self.words_here

    def _implied_body(self, start: int, end: int) -> str | None:
        """The head noun of the body a title right before ``start`` heads ("Kapolda" is the
        chief of a Polda), or None; of a title's nouns ("Dansat": Satuan or Sat), the one
        the article writes before the name ``start:end`` wins, else the first."""
        m = re.search(r"([\w-]+)[ \t]+$", self.text[max(0, start - 30) : start])
        nouns = None if m is None else self.title_bodies.get(m.group(1).lower())
        if not nouns:
            return None
        name = self.text[start:end]
        return next((n for n in nouns if f"{n} {name}" in self.text), nouns[0])

    def _body_after_its_demonym(self, tok: Token) -> bool:
        """``tok`` is a body's capitalised word right after a demonym: not a force, a
        government or a site, which the state's demonym only qualifies ("Turkish Police",
        "the Mexican Government", "the Indonesian Embassy")."""
        word = tok.text.lower()
        return (
            tok.text[:1].isupper()
            and word in self.org_words
            and word not in self.qualified_by_demonyms
            and bool(self.demonyms)
            and re.fullmatch(r"[ \t]+", self.text[self.demonyms[-1][1] : tok.start]) is not None
        )

    def _before_title(self, end: int) -> bool:
        """A title or rank starts right after ``end``, with only spaces between."""
        gap = re.match(r"[ \t]*", self.text[end : end + 4])
        return gap is not None and end + gap.end() in self.title_starts

    def _cited_outlet(self, before: str, after: str) -> bool:
        """Rule an-outlet-cited: a name no rule knows, cited as the source of a report
        ("dilansir dari laman Disway.id", "seperti dilansir Warta Pagi", "menurut harian
        Kompas", "according to the Axios publication", "a report by Mihaaru newspaper") is
        a news outlet: an organization, never an actor of a fact."""
        outlet_before, source_before, outlet_after = _outlet_patterns(self.lang)
        if outlet_before.search(before) is not None:
            return True
        return source_before.search(before) is not None and outlet_after.match(after) is not None

    def _in_dateline(self, start: int, end: int) -> bool:
        """A dateline place covers ``start:end``."""
        i = bisect.bisect_right(self.place_starts, start)
        return i > 0 and self.place_reach[i - 1] >= end

    def alias(self, toks: list[Token]) -> AuthorityEntry | None:
        name = self.text[toks[0].start : toks[-1].end]
        name = self.owner_end.sub("", name)
        entry = self.auth.lookup(name)
        if entry is None and name.isupper() and len(name) > 4:
            entry = self.auth.lookup(name.title())
        if entry is None:  # "Republic of Niger", "Republik Kazakhstan": the country
            state = self.state_prefix.match(name)
            if state is not None:
                country = self.auth.lookup(name[state.end() :])
                if country is not None and country.kind == "country":
                    entry = country
        if entry is None and len(toks) == 1:
            entry = self.auth.by_short_name(name, self.text)  # "Congo" in a DRC story
        if (
            entry is None
            and len(toks) == 1
            and self.short_regions
            # "Polda Kepulauan Riau (Kepri)" and "Wakapolda Kepri" name the force
            and not re.search(r"\(\s*$", self.text[max(0, toks[0].start - 3) : toks[0].start])
            and self._implied_body(toks[0].start, toks[0].end) is None
        ):
            entry = self._abbreviated_region(name)
        return entry

    def _government_of_a_level(self, toks: list[Token], at: int) -> bool:
        """Rule a-local-government-s-name: "Pemerintah Kabupaten Sleman menaikkan pajak",
        "Pemerintah Pusat menolak": the government of a tier of the state (a regency, a
        province, the centre) is a body with its own name, though "pemerintah" alone
        begins no name; a tier that is an area's head needs the area's name after it
        ("Pemerintah Provinsi (Pemprov) Jakarta" is no "Pemerintah Provinsi"); after an
        office's word it names a building ("Kantor Pemerintah Provinsi Jambi"), no body."""
        rest = toks[at:]
        return (
            len(rest) >= 2
            and rest[0].text.lower() in self.generic_governments
            and rest[1].text.lower() in self.government_levels
            and (len(rest) > 2 or rest[1].text.lower() not in self.admin_heads)
            and (at == 0 or toks[at - 1].text.lower() not in self.office_words)
        )

    def _abbreviated_region(self, name: str) -> AuthorityEntry | None:
        """Rule a-province-s-short-name: "NTB", "Kalteng", "Sulsel" are the one province
        of a country the language's press writes so whose name they abbreviate."""
        if not (2 < len(name) <= 8 and name[:1].isupper()) or name.lower() in self.lang.stopwords:
            return None
        if not name.isupper() and (
            name.lower() in self.lower_words or name.lower() in self.not_towns
        ):
            return None  # "Kabar" (news), a word of the language, no Kalbar
        full = region_abbreviated(name, self.short_regions)
        entry = self.auth.lookup(full) if full is not None else None
        return entry if entry is not None and entry.kind == "region" else None

    def _site_named(self, toks: list[Token], *, last: bool) -> bool:
        """The first (or ``last``) one or two words of a longer name are a site's word."""
        return any(
            " ".join(t.text.lower() for t in (toks[-k:] if last else toks[:k])) in self.site_words
            for k in range(1, min(3, len(toks)))
        )

    def _named_head_first(self, toks: list[Token]) -> bool:
        """Rule a-body-named-head-first: "Police Scotland": in a language whose heads come
        last, a body's head word with a capital before a known country or place is one name
        (in a head-first one it is the country's body: "Polisi Malaysia")."""
        if self.lang.head_first or len(toks) < 2 or not toks[0].text[:1].isupper():
            return False
        if toks[0].text.lower() not in self.org_words:
            return False
        place = self.alias(toks[1:])
        if place is not None:
            return place.kind in ("country", "region")
        return self._known_place(toks[1:])

    def run(self, run: Run, kind: Kind, sentence_start: int) -> None:
        toks = list(run.tokens)
        if len(toks) == 1 and self._short_name_in_brackets(toks[0]):
            self.classify(toks, run.sentence, kind, False)
            return
        stop = self.lang.stopwords
        lead = 0
        while (
            lead < len(toks)
            # "State Department", "State Palace": a body's or a site's name, though "state"
            # alone is no name
            and not (
                len(toks) - lead == 2
                and toks[lead + 1].text.lower() in self.org_words | self.site_words
            )
            and not self._government_of_a_level(toks, lead)
            # rule a-body-named-by-its-kinds: "Police Service of Northern Ireland", "Police
            # Command": "police" alone is no name
            and not (
                len(toks) - lead >= 2
                and toks[lead].text.lower() in self.org_words
                and toks[lead + 1].text.lower() in self.org_words
            )
            # rule a-body-named-head-first: "Police Scotland sent officers": in a language
            # that puts its head last, a body's word before a known place is a name
            and not self._named_head_first(toks[lead:])
            # "A D Singh", "A K Antony": initials without their dots, not the article
            and not (
                lead + 1 < len(toks)
                and len(toks[lead].text) == len(toks[lead + 1].text) == 1
                and toks[lead].text.isupper()
                and toks[lead + 1].text.isupper()
            )
            and (
                toks[lead].text.lower() in stop
                # rule a-title-s-modifier-before-its-body: "Deputy National Police Chief
                # X", "Former National Security Council Secretary General X": the word
                # qualifies the title after the body, it is no part of the body's name
                or (
                    toks[lead].text.lower() in self.lang.title_modifiers
                    and len(toks) - lead >= 2
                    and self._before_title(toks[-1].end)
                )
                # rule a-number-begins-no-name: "Eighty Irish soldiers", "Twenty Marines"
                or toks[lead].text.lower() in self.lang.number_words
                or (
                    toks[lead].start == sentence_start
                    and (
                        toks[lead].text.lower() in self.lower_words
                        or toks[lead].text.casefold() in self.not_leads  # "Mengutip ABC News"
                    )
                    and self.alias(toks[lead : lead + 1]) is None
                    # "Pasukan Pertahanan Rwanda menyampaikan": a body's head word begins
                    # its name, though "pasukan" is written in lower case elsewhere
                    and not (toks[lead].text.lower() in self.org_heads and len(toks) - lead >= 3)
                )
            )
        ):
            if self._particle(toks[lead : lead + 2], sentence_start):
                break  # "an oil field at In Salah": the name begins with "In"
            lead += 1
        del toks[:lead]
        if (
            len(toks) >= 3
            and toks[0].text.lower() in self.generic_governments
            and toks[1].text.lower() in self.place_noun_links
            and (country := self.alias(toks[2:])) is not None
            and country.kind == "country"
        ):
            # rule the-government-of-a-state: "The Government of Rwanda has deployed" is
            # the state acting, as "the government of Rwanda" is (the codebook's)
            self.classify(toks[2:], run.sentence, kind, False)
            return
        for width in (2, 1):
            # rule the-office-s-place: "Kantor Bupati Bima", "Kantor Wali Kota Kupang": after
            # the office of a place's head comes that place
            words = " ".join(t.text.lower() for t in toks[:width])
            if (
                lead
                and len(toks) > width
                and self.title_labels.get(words) in self.place_titles
                and (
                    self._known_place(toks[width:])
                    # "Kantor Bupati Kabupaten Nabire": the regency of a known town
                    or (
                        len(toks) > width + 1
                        and toks[width].text.lower() in self.loc_heads
                        and self._known_place(toks[width + 1 :])
                    )
                )
            ):
                self.classify(toks[width:], run.sentence, kind, False)
                return
            if (
                lead
                and width < len(toks) <= width + 3
                and self.title_labels.get(words) in self.place_titles
                and re.match(r"\s*[,.(]", self.text[toks[-1].end : toks[-1].end + 3])
            ):
                # "di halaman Kantor Bupati Sambas, ...": the regency the gazetteer lacks
                self._office_place(toks[width:], run.sentence, kind)
                return
        while toks and toks[-1].text.lower() in stop:
            if len(toks) >= 2 and toks[0].text.lower() in self.org_heads:
                break  # "Dewan Perdamaian": the body's head keeps the words after it
            if self._head_of_what(toks[:-1]):
                break  # rule a-body-of-what: "the Ministry of Public Security said"
            if (
                len(toks) >= 2
                and toks[-1].text.lower() in self.org_words
                # "Jakarta Police", "Odisha Police": after any place the file knows
                and ((known := self.alias(toks[:-1])) is None or known.type is LOC)
                and self.auth.by_demonym(" ".join(t.text for t in toks[:-1])) is None
                # at a sentence's start only after a known place: "Delhi Police deployed
                # ...", "Odisha Police and ...", or a demonym and more of the name
                # ("Philippine National Police chief X said")
                and (
                    toks[0].start != sentence_start
                    or self._known_place(toks[:-1])
                    or (len(toks) >= 3 and self.auth.by_demonym(toks[0].text) is not None)
                )
            ):
                # "the Federal Police", "East Nusa Tenggara Police": a body's name ends in
                # its head word
                break
            if (
                len(toks) >= 2
                and toks[-1].text.lower() in self.loc_words
                and (known := self.alias(toks[:-1])) is not None
                and known.type is LOC
            ):
                break  # "Niger State": a place word ends a known place's name
            toks.pop()
        # a demonym begins a place's name when a place noun ends it ("Indian Ocean")
        placed = len(toks) > 1 and toks[-1].text.lower() in self.loc_words
        for width in (2, 1) if toks and self.alias(toks) is None and not placed else ():
            if len(toks) >= width:
                phrase = " ".join(t.text for t in toks[:width])
                entry = self.auth.by_demonym(phrase) or next(
                    (
                        found
                        for ending in self.lang.words("demonym_plurals")
                        if phrase.endswith(ending)
                        and (found := self.auth.by_demonym(phrase[: -len(ending)])) is not None
                    ),
                    None,
                )  # "protest by Kenyans": the people of Kenya
                if entry is not None:
                    self.demonyms.append((toks[0].start, toks[width - 1].end, entry))
                    force = self._force(toks[0].start, toks[width - 1].end, run, kind)
                    del toks[:width]
                    toks = [t for t in toks if t.start >= force]
                    break
        calendar = set(self.lang.months) | set(self.lang.weekdays)
        toks = [
            t
            for t in toks
            if self.owner_end.sub("", t.text.lower()).rstrip(".") not in calendar or len(toks) > 2
        ]
        if not toks:
            return
        # cut after a possessive ("Britain's King ...")
        for i, tok in enumerate(toks[:-1]):
            if (
                tok.text.endswith(self.possessive_endings)
                and tok.text.lower() not in self.name_possessives
            ):
                self.pieces(toks[: i + 1], run.sentence, kind)
                self.pieces(toks[i + 1 :], run.sentence, kind)
                return
        self.pieces(toks, run.sentence, kind)

    def _force(self, start: int, end: int, run: Run, kind: Kind) -> int:
        """A state's armed force or ministry named by its demonym ("Indian air force", "the
        British Army", "the Ukrainian defense ministry") is an organization; the country
        stays the demonym's. Returns where the force's name ends (``end`` if there is
        none)."""
        if self.lang.head_first:
            return end  # the country follows the noun there ("militer Senegal")
        nouns = "|".join(
            re.escape(n)
            for n in (*self.lang.words("state_body_nouns"), *self.lang.words("military_nouns"))
        )  # "the Ukrainian defense ministry" names a body as much as "the British Army"
        found = re.match(rf"[ \t]+(?:{nouns})\b", self.text[end : end + 30], re.IGNORECASE)
        if found is None or found.group().strip().lower() in self.generic_forces:
            # "Indian air force", "the British Army" name a body; "Russian military" and
            # "Turkish police" are only the state's
            return end
        troops = self.lang.pattern("troop_nouns")
        noun = end + found.end() - len(found.group().lstrip())
        named = self.text[noun : noun + 1].isupper()  # "Nigerian Army battalions": a body
        if not named and (
            troops.match(self.text, end + found.end() + 1) or troops.match(self.text, noun)
        ):
            return end  # "Indian military personnel", "military advisers": no body
        stop = end + found.end()
        text = self.lay.body[start:stop]
        self.mentions.append(Mention(start, stop, text, run.sentence, ORG, None, "military", kind))
        return stop

    def _particle(self, toks: list[Token], sentence_start: int) -> bool:
        """A capitalised preposition after a lower-case word begins a name ("at In Salah").

        Running text writes such a word in lower case; capitalised there, and followed by
        another capitalised word, it is part of the name (the language file's
        ``name_particles``). Title-case lines and sentence starts are left alone.
        """
        first = toks[0]
        if len(toks) < 2 or first.start == sentence_start:
            return False
        if first.text.lower() not in self.particles or not first.text[:1].isupper():
            return False
        before = re.search(
            r"([^\W\d_]+)[ \u00a0]+$", self.text[max(0, first.start - 30) : first.start]
        )
        return before is not None and before.group(1).islower()

    def pieces(self, toks: list[Token], sentence: int, kind: Kind) -> None:
        titled = self._titled(toks[0].start)
        acronym = _ACRONYM_AFTER.match(self.text, toks[-1].end)
        whole = len(toks) >= 3 and acronym is not None and _ACRONYM.match(acronym.group(1))
        connectors = self.connectors
        initials = (  # "Governor JB Pritzker": a person's initials, not a body's acronym
            titled
            and len(toks) == 2
            and re.fullmatch(r"[A-Z]{2}", toks[0].text) is not None
            and self.alias(toks[:1]) is None
        )
        if titled and len(toks) <= 3 and self._office_of_a_place_head(toks[0].start):
            # rule the-office-s-place, after a lower-case office: "di depan kantor Bupati
            # Lampung Timur", "Kantor Bupati Sambas": the regency, known or not
            self._office_place(toks, sentence, kind)
            return
        named_first = len(toks) == 2 and self._named_head_first(toks)  # "Police Scotland"
        pieces = [toks] if whole or initials or named_first else self.segment(toks)
        if titled:
            pieces = self._holder_after_the_body_s_place(pieces)
        pieces = self._particle_names(pieces)
        if (  # "Bupati Pati Sudewo": the regency's town, then the regent (where the
            # place follows the title; "Mayor Brandon Johnson" is a name); "Kantor Bupati
            # Bima", "Gubernur Jawa Timur": the place alone
            titled
            and self.lang.head_first
            and len(pieces) == 1
            and self._place_title(toks[0].start)
        ):
            k = next(
                (
                    k
                    for k in range(len(toks), 0, -1)
                    if self._known_place(toks[:k])
                    or (k < len(toks) and self._placed_before(toks[:k]))
                ),
                0,
            )
            if k:
                self.classify(toks[:k], sentence, kind, False)
                pieces = [toks[k:]]
        for piece in pieces:
            # "Abdullah bin": a connector ends no name, though "TNI AL" is the navy
            while (
                piece
                and piece[-1].text.lower() in connectors
                and piece[-1].text not in self.branch_suffixes
            ):
                piece = piece[:-1]
            if piece:
                self.classify(piece, sentence, kind, titled)

    def _particle_names(self, pieces: list[list[Token]]) -> list[list[Token]]:
        """Rule a-particle-goes-on-with-the-name: "Turki al-Maliki", "Faisal bin Farhan": a
        name part opening with a connector's particle and a hyphen ("al-") goes on with the
        word before it, though that word alone is a place ("Turki")."""
        out: list[list[Token]] = []
        for piece in pieces:
            prior = out[-1] if out else None
            head = piece[0].text.split("-", 1)[0]
            if (
                prior is not None
                and "-" in piece[0].text
                and head.islower()
                and head in self.connectors
                and self.text[prior[-1].end : piece[0].start] == " "
            ):
                out[-1] = [*prior, *piece]
            else:
                out.append(piece)
        return out

    def _holder_after_the_body_s_place(self, pieces: list[list[Token]]) -> list[list[Token]]:
        """Rule the-holder-after-the-body-s-place: "Kepala BP Batam Muhammad Rudi": after a
        title, a known place and a name opening with a given name are the body's place and
        the holder; an acronym right before the place is the body ("BP Batam")."""
        out: list[list[Token]] = []
        for piece in pieces:
            # a body's words come first: "Abu Muhammad al-Julani" is one name, though a
            # town of the gazetteer is called Abu
            k = next(
                (
                    k
                    for k in range(len(piece) - 2, 0, -1)
                    if out
                    and self._known_place(piece[:k])
                    and self._opens_with_a_given_name(piece[k:])
                ),
                0,
            )
            if not k:
                out.append(piece)
                continue
            place, holder = piece[:k], piece[k:]
            prior = out[-1] if out else None
            if (
                prior is not None
                and len(prior) == 1
                and _ACRONYM.fullmatch(prior[0].text)
                and self.text[prior[0].end : place[0].start] == " "
            ):
                out[-1] = [*prior, *place]
                self.area_bodies.add((prior[0].start, place[-1].end))
            else:
                out.append(place)
            out.append(holder)
        return out

    def segment(self, toks: list[Token]) -> list[list[Token]]:
        """Cut a run into names: known names (longest first), acronyms, head-word names.

        The run is cut from left to right; a stretch of it with more words than any known
        name is not looked up, so a long run costs time in proportion to its length.
        """
        breaks = [0]  # breaks[i]: how many gaps between toks[0] and toks[i] hold a space
        for a, b in itertools.pairwise(toks):
            gap = self.text[a.end : b.start]
            breaks.append(breaks[-1] + any(c.isspace() for c in gap))
        out: list[list[Token]] = []
        at: int | None = 0
        while at is not None and at < len(toks):
            at = self._cut(toks, breaks, at, out)
        if self.lang.head_first:
            # "personel gabungan TNI Polri": two forces written side by side are their
            # joint force, as "TNI-Polri" is
            joined: list[list[Token]] = []
            for piece in out:
                last = joined[-1] if joined else None
                if (
                    last is not None
                    and len(last) == 1
                    and len(piece) == 1
                    and self.text[last[0].end : piece[0].start] == " "
                    and self._joint(f"{last[0].text}-{piece[0].text}")
                ):
                    joined[-1] = [*last, *piece]
                else:
                    joined.append(piece)
            out = joined
        out = [part for piece in out for part in self._glued_places(piece)]
        return [part for piece in self._with_person_prefix(out) for part in self._unlinked(piece)]

    def _with_person_prefix(self, pieces: list[list[Token]]) -> list[list[Token]]:
        """A word written right before a person the authority file knows is a title or a
        word of one ("Sheikh Hassan Nasrallah", "Pemimpin Militer Min Aung Hlaing", "PM
        Pashinyan"): no name of its own."""
        out: list[list[Token]] = []
        for piece in pieces:
            last = out[-1] if out else None
            entry = self.alias(piece)
            if (
                last is not None
                and len(last) == 1
                and entry is not None
                and entry.type is PER
                and self.text[last[0].end : piece[0].start] == " "
                and self.alias(last) is None
            ):
                out[-1] = piece
            else:
                out.append(piece)
        return out

    def _glued_places(self, toks: list[Token]) -> list[list[Token]]:
        """Rule a-town-before-its-regency: "Kenyam Kabupaten Nduga", "Kota Makassar
        Provinsi Sulawesi Selatan": a place and the region it lies in, each a name of its
        own, when an administrative head starts the second inside a run that is no body's
        name."""
        heads = self.admin_heads
        lead = toks[0].text.lower()
        if (toks[0].start, toks[-1].end) in self.area_bodies:
            return [toks]  # rule a-body-of-an-area: "SKPD Kabupaten Seruyan" is one body
        # "Pemerintah Kabupaten Bogor", "Balai Kota DKI Jakarta": a body's or a site's name
        if len(toks) < 3 or lead in self.org_heads or lead in self.site_words:
            return [toks]
        for i in range(1, len(toks) - 1):
            word = toks[i].text.lower()
            if (
                word in heads
                and toks[i].text[:1].isupper()
                # "Kenyam", "Desa Bangkal": one word, or a place by its own head ("Upah
                # Minimum Kabupaten" is a wage's name)
                and (i == 1 or toks[0].text.lower() in heads)
                and any(t.text.lower() not in heads for t in toks[:i])
                and self.text[toks[i - 1].end : toks[i].start] == " "
            ):
                return [toks[:i], *self._glued_places(toks[i:])]
        return [toks]

    def _unlinked(self, toks: list[Token]) -> list[list[Token]]:
        """A name goes on through a link word only to a place: "UN Mission in South Sudan"
        is one name, "the 122nd Battalion in May" is a name and a month; through a link to
        what it is about (``topic_links``) never to a place: "Commission on Human Rights" is
        one name, "the Army on Kenya's border" a body and a place."""
        for k in range(1, len(toks) - 1):
            if (
                toks[k].text.lower() in self.topic_links
                and toks[k - 1].text.lower() in self.org_words
                and (self.alias(toks[k + 1 :]) is not None or self._known_place(toks[k + 1 :]))
            ):
                return [toks[:k], toks[k + 1 :]]
            if (
                toks[k].text.lower() in self.name_links
                and toks[k - 1].text.lower() in self.org_words
            ):
                rest = toks[k + 1 :]
                body = toks[k - 1].text.lower()
                if body not in self.linked_heads or (
                    # "the National Force to Recife": sent there, not named after it
                    body in self.sent_heads and toks[k].text.lower() in self.direction_links
                ):
                    # "deployed the National Guard to Los Angeles": a force sent somewhere,
                    # not a body named after where it works ("UN Mission in South Sudan")
                    return [toks[:k], rest]
                # "Mission in the DR Congo": the place after the article
                place = (
                    rest[1:] if len(rest) > 1 and rest[0].text.lower() in self.articles else rest
                )
                entry = self.alias(place)
                name = " ".join(t.text for t in place)
                if (entry is None or entry.type is not LOC) and self.town(name) is None:
                    return [toks[:k], rest]
                head = re.match(r"\s+(\w+)", self.text[rest[-1].end : rest[-1].end + 20])
                if (entry is None and rest[-1].text.lower() in self.loc_words) or (
                    head is not None and head.group(1).lower() in self.loc_words
                ):
                    # "Mission to Cabo Delgado province": a place; "Mission in the Central
                    # African Republic" ends in the known place's own word
                    return [toks[:k], rest]
        return [toks]

    def _more_places(self, toks: list[Token], breaks: list[int], j: int) -> int:
        """Where a body's name that reached a known place at ``j`` ends: it takes the known
        places, acronyms and place suffixes right after ("Pemprov DKI Jakarta", "Polres
        Jakarta Pusat"), not a person's name ("Kementerian Pertahanan Rusia Sergei Shoigu")."""
        n = len(toks)
        while j < n:
            if toks[j].text.lower() in self.place_suffixes:
                j += 1
                continue
            reach = next(
                (
                    k
                    for k in range(self._reach(breaks, j, n), j, -1)
                    if self._known(toks, breaks, j, k)
                ),
                None,
            )
            if reach is None:
                return j
            entry = self.alias(toks[j:reach])
            if entry is None or entry.type is not LOC:
                return j
            j = reach
        return j

    def _area_of_a_body(self, toks: list[Token], breaks: list[int], j: int) -> int:
        """Rule a-body-of-an-area: "Satpol PP Kota Malang", "SKPD Kabupaten Seruyan", "Garda
        Metal FSPMI Kota Batam": a body's name, then an administrative head and its place,
        is the body of that area, one name (the place is a name of its own too). Returns
        where the name ends: after the place (a known one; one the authority does not know
        runs to the end of the run, or is one word and its place suffixes when more than
        three words follow), or ``j`` when no administrative head follows."""
        n = len(toks)
        if (
            j == 0
            or j + 1 >= n
            or toks[j].text.lower() not in self.admin_heads
            or not toks[j].text[:1].isupper()
            or not toks[j + 1].text[:1].isupper()
            or self.text[toks[j - 1].end : toks[j].start] != " "
        ):
            return j
        end = next(
            (
                k
                for k in range(self._reach(breaks, j + 1, n), j + 1, -1)
                if self._known(toks, breaks, j + 1, k)
                and (entry := self.alias(toks[j + 1 : k])) is not None
                and entry.type is LOC
            ),
            n if n - j <= 4 else j + 2,  # "SKPD Kabupaten Tanah Merah"
        )
        while end < n and toks[end].text.lower() in self.place_suffixes:
            end += 1  # "Kabupaten Morowali Utara"
        return end

    def _body_of_an_area(
        self, toks: list[Token], at: int, j: int, area: int, out: list[list[Token]]
    ) -> int | None:
        """The body of an area ``toks[at:area]`` and its place ``toks[j:area]`` into
        ``out`` (rule a-body-of-an-area); where to go on, None when done."""
        self.area_bodies.add((toks[at].start, toks[area - 1].end))
        out.extend((toks[at:area], toks[j:area]))
        return area if area < len(toks) else None

    def _head_of_what(self, toks: list[Token]) -> bool:
        """Rule a-body-of-what: a body's head word and a connector ("Department of", "Office
        for") make the capitalised words after them its name, words that alone are no name
        too ("Ministry of State Security", "the Bureau of Public Order")."""
        return any(
            a.text.lower() in self.org_words and b.text.lower() in self.connectors
            for a, b in itertools.pairwise(toks)
        )

    def _short_name_in_brackets(self, tok: Token) -> bool:
        """Rule a-head-word-as-a-short-name: "Satuan Tugas (Satgas) Nusa Damai tiba", "Batalyon
        Infanteri (Yonif) Para Raider": a head word alone in brackets right after a body's
        name is that body's short name, though alone it names nothing ("Dewan")."""
        prior = self.mentions[-1] if self.mentions else None
        return (
            prior is not None
            and prior.type is ORG
            and _OPEN_PAREN.fullmatch(self.text, prior.end, tok.start) is not None
            and self.text.startswith(")", tok.end)
            # "Batalyon Marinir Pertahanan Pangkalan (Yonmarhanlan) II": the unit's number
            # after the brackets makes the short word the unit's own name
            and _ROMAN_OR_NUMBER_AFTER.match(self.text, tok.end) is None
        )

    def _known(self, toks: list[Token], breaks: list[int], i: int, j: int) -> bool:
        """``toks[i:j]`` is a known name (a stretch of too many words is not looked up), or a
        short name of more words the article gives in brackets ("(BEM SI)": "Koordinator
        Pusat BEM SI Herianto" is BEM SI, then Herianto)."""
        if breaks[j - 1] - breaks[i] >= self.max_words:
            return False
        return self.alias(toks[i:j]) is not None or (
            j - i > 1 and self.text[toks[i].start : toks[j - 1].end] in self.bracketed
        )

    def _reach(self, breaks: list[int], i: int, n: int) -> int:
        """The largest ``j <= n`` for which ``toks[i:j]`` has few enough words to be known."""
        return max(i + 1, min(n, bisect.bisect_right(breaks, breaks[i] + self.max_words - 1)))

    def _for_a_cause(self, toks: list[Token], at: int) -> bool:
        """Rule a-body-for-a-cause: a body's head word, a purpose link and what follows are
        one name, places in it too ("the Union for Western Isles said": one body)."""
        return any(
            toks[k].text.lower() in self.purpose_links
            and toks[k - 1].text.lower() in self.org_words
            for k in range(at + 1, len(toks) - 1)
        )

    def _cut(
        self, toks: list[Token], breaks: list[int], at: int, out: list[list[Token]]
    ) -> int | None:
        """Cut the names off ``toks[at:]`` into ``out``; where to go on, None when done."""
        n = len(toks)
        if (
            at > 0
            and at + 1 < n
            and _ROMAN.fullmatch(toks[at].text)
            and self._known(toks, breaks, at + 1, n)
        ):
            return at + 1  # "PON XX Papua": the event's number, then the place
        if self._known(toks, breaks, at, n) or self._for_a_cause(toks, at):
            out.append(toks[at:])
            return None
        if n - at > 1 and toks[at].text.lower() in self.company_forms:
            # rule a-company-by-its-legal-form: "PT Sinar Abadi", "CV Karya Mandiri": the
            # legal form and the words after it are the company's name
            out.append(toks[at:])
            return None
        for j in range(min(n - 1, self._reach(breaks, at, n)), at, -1):
            if j == at + 1 and toks[at].text.lower() in self.org_heads:
                break  # "DPRD Provinsi Sumatera Selatan": a known head word takes its place
            if self._known(toks, breaks, at, j) and not self._region(toks[at:j]):
                # a province begins longer names of its own ("Papua Pegunungan")
                rest_last = toks[-1].text.lower()
                linked = any(
                    toks[k].text.lower() in self.name_links
                    and toks[k - 1].text.lower() in self.org_words
                    for k in range(j + 1, n)
                )  # "United Nations Support Office in Somalia"
                if rest_last in self.loc_words or rest_last in self.org_words or linked:
                    out.append(toks[at:])  # "Bahrain Financial Harbour"
                    return None
                while j < n and toks[j].text in self.branch_suffixes:
                    j += 1  # "TNI AD": the army of the TNI
                body = self.alias(toks[at:j])
                if body is not None and body.type is ORG:
                    area = self._area_of_a_body(toks, breaks, j)
                    if area > j:
                        return self._body_of_an_area(toks, at, j, area, out)
                out.append(toks[at:j])
                return j if j < n else None
        suffixes = self.place_suffixes
        for k in range(at + 1, n - 1):
            if toks[k].text.lower() in suffixes:
                while k + 1 < n and toks[k + 1].text.lower() in suffixes:
                    k += 1  # "Nusa Tenggara Timur"
                out.append(toks[at : k + 1])  # "Gubernur Sulawesi Selatan Andi Sudirman"
                return k + 1 if k + 1 < n else None
        first, last = toks[at].text.lower(), toks[-1].text.lower()
        force = {w.lower() for w in self.lang.words("troop_nouns")}
        if (
            first in force
            and n - at > 1
            and (
                self._known(toks, breaks, at + 1, n) or toks[at + 1].text.lower() in self.org_heads
            )
        ):
            # "Pasukan Indonesia" is Indonesia's troops; "252 Personel Sat Brimob Polda
            # Kepri" (a capitalised headline) the unit's
            out.append(toks[at + 1 :])
            return None
        if (
            n - at > 2
            and _ACRONYM.match(toks[at].text)
            and not _INITIALS.match(toks[at].text)
            and len(toks[at].text) > 2
            and toks[at].text.lower() not in self.org_heads
            and (area := self._area_of_a_body(toks, breaks, at + 1)) > at + 1
        ):
            return self._body_of_an_area(toks, at, at + 1, area, out)  # "SKPD Kabupaten X"
        if (
            n - at > 1
            and _ACRONYM.match(toks[at].text)
            and not _INITIALS.match(toks[at].text)  # "J.N. Dixit"
            and not all(t.text.isupper() for t in toks[at:])  # "PORT MORESBY" is one name
            and self.alias(toks[at + 1 : at + 2]) is None
            and toks[at + 1].text.lower() not in self.org_words  # "ABC News"
            and toks[at].text.lower() not in self.org_heads  # "DPRD Provinsi Sumsel"
            and not toks[at + 1].text[:1].isdigit()  # rule acronym-number: "PA 212"
            # rule a-numbered-command-s-name: "Pangdam XVI Pattimura" heads Kodam XVI
            # Pattimura, the number and the name after it one body
            and not (
                _ROMAN.fullmatch(toks[at].text) and self._implied_body(toks[at].start, toks[-1].end)
            )
        ):
            out.append(toks[at : at + 1])  # "DPR/MPR Harmoko"
            return at + 1
        if first in self.org_heads or first in self.loc_heads:
            if n - at == 1 and first in self.corps_heads:
                out.append(toks[at:])  # rule a-corps-named-by-its-head: "Brimob" alone
                return None
            if n - at == 1 and first in self.heads_alone and toks[at].text[:1].isupper():
                # rule a-force-named-by-its-head: "200 personel Kodim juga diterjunkan"
                out.append(toks[at:])
                return None
            if (
                n - at == 1
                and first in self.governments_alone
                and _NAME_GOES_ON.match(self.text, toks[at].end) is None
            ):
                # rule a-local-government-by-its-word: "TNI, Polri dan Pemda mengerahkan
                # personel": the local government the article means, a body though alone;
                # not the short form inside a name ("Pemerintah Kota (Pemkot) Bogor"), while
                # "Pemerintah Daerah (Pemda) setempat" gives the name its short form
                out.append(toks[at:])
                return None
            if n - at == 1:
                return None  # a head word alone ("Dewan") names nothing
            for i in range(at + 1, n):
                for j in range(self._reach(breaks, i, n), i, -1):
                    known = self._known(toks, breaks, i, j)
                    if known and i > at + 1 and self._region(toks[i:j]):
                        known = False  # "Pelabuhan Tanjung Perak": a word of the name
                    if known or (
                        j == i + 1
                        and _ACRONYM.match(toks[i].text)
                        # "Komando Armada I TNI AL": a command's number, no acronym
                        and not _ROMAN.fullmatch(toks[i].text)
                    ):
                        j = self._more_places(toks, breaks, j)  # "Pemprov DKI Jakarta"
                        while j < n and toks[j].text in self.branch_suffixes:
                            j += 1  # "... TNI AL": the navy of the TNI
                        # "Garda Metal FSPMI Kota Batam"; "Gedung DPRD Kabupaten Tuban" is a
                        # site and its regency
                        area = self._area_of_a_body(toks, breaks, j)
                        if area > j and first not in self.loc_heads:
                            return self._body_of_an_area(toks, at, j, area, out)
                        out.append(toks[at:j])
                        return j if j < n else None
            nxt = toks[at + 1].text.lower()
            if (
                _ACRONYM.match(toks[at].text)
                and nxt not in self.loc_heads | self.org_words
                # "DPRD Banyumas, Senin": an area's council, one word of its area ending
                # the name, is one name
                and not (n - at == 2 and first in self.council_heads)
            ):
                out.append(toks[at : at + 1])  # "Ketua DPRD Budi Santoso"
                return at + 1
            out.append(toks[at:])
            return None
        if n - at > 1 and (last in self.org_words or last in self.loc_words):
            out.append(toks[at:])
            return None
        for i in range(at, n):
            for j in range(self._reach(breaks, i, n), i, -1):
                if self._known(toks, breaks, i, j) and not self._region(toks[i:j]):
                    if i > at and self._region(toks[i - 1 : j]):
                        # "Police Service of Northern Ireland": the country ends a region's
                        # name, which goes on in the body's as regions do
                        continue
                    # "Armed Forces of the Philippines": an article may stand between
                    k = i - 1 if toks[i - 1].text.lower() in self.articles else i
                    if (
                        k - at >= 2
                        and toks[k - 1].text.lower() in self.connectors | self.name_links
                        and toks[k - 2].text.lower() in self.org_words
                    ):
                        out.append(toks[at:j])  # "Law Society of Kenya", "Mission in Mali"
                        return j if j < n else None
                    if (
                        k - at >= 4
                        and toks[k - 1].text.lower() in self.connectors
                        and self._head_of_what(toks[at : k - 1])
                    ):
                        # rule a-body-of-what: "the Federation of Free Traders of Chad"
                        out.append(toks[at:j])
                        return j if j < n else None
                    if j == n and i > at and toks[i - 1].text.lower() in self.org_words:
                        out.append(toks[at:])  # "Channel News Asia": a place ends the name
                        return None
                    if i > at:
                        out.append(toks[at:i])
                    out.append(toks[i:j])
                    return j
        out.append(toks[at:])
        return None

    def classify(self, toks: list[Token], sentence: int, kind: Kind, titled: bool) -> None:
        lead = toks[0].text.lower()
        if len(toks) > 2 and lead in self.body_members and toks[1].text.lower() in self.connectors:
            # rule members-of-a-body: "Members of Kenya Defence Forces prepare to leave": the
            # body, the capital the sentence gives its first word is no part of the name
            self.classify(toks[2:], sentence, kind, titled)
            return
        start, end = toks[0].start, toks[-1].end
        text = self.lay.body[start:end]
        ending = next((e for e in self.possessive_endings if text.endswith(e)), None)
        if ending is not None:
            end -= len(ending)
            text = text[: -len(ending)]
        entry = self.alias(toks)
        if entry is not None and len(toks) == 1 and text in self.spelled_acronyms:
            entry = None  # "AFP spokesperson" after "Armed Forces of the Philippines (AFP)"
        if entry is None and len(toks) == 1 and self._paired_places(toks[0], sentence, kind):
            return
        if entry is None and self._paired_persons(toks, sentence, kind):
            return
        first, last = toks[0].text.lower(), toks[-1].text.lower()
        if ending is not None:
            last = last[: -len(ending)]  # "Harbour Rights Watch's report": the head is "watch"
        before = self.text[max(0, start - 40) : start]
        prev_word = re.search(r"([\w.]+)[\s,]*$", before)
        prev = prev_word.group(1).lower() if prev_word else ""
        after = self.text[end : end + 30]
        kind_type: EntityType | None = None
        cue = ""
        worded = next((t.text.lower() for t in reversed(toks) if not t.text.isdigit()), last)
        if entry is None and (first in self.other_heads or worded in self.other_words):
            # "Undang-Undang Cipta Kerja", "the Paris Agreement", "Finance Act 2023": not an
            # entity here
            return
        if entry is None and " ".join(text.lower().split()) in self.common_names:
            return  # "Tanah Air": the homeland, written with capitals
        if (
            entry is None
            and len(toks) == 1
            and first in self.org_heads | self.org_words
            and (prev in self.quantifiers or prev in self.lang.number_words)
        ):
            # "personel dari berbagai Polda", "dari tiga Polda": the kind of body, none by name
            return
        twice = _REDUPLICATED.fullmatch(toks[0].text)
        if entry is None and twice and twice.group(1).lower() in self.loc_heads | self.org_heads:
            return  # "Kota-Kota Jerman": a plural noun ("cities"), not "Fak-Fak"
        if entry is not None and len(toks) == 1 and self._spelled_out(before, text, entry):
            prior = self.mentions[-1] if self.mentions else None
            if not (
                prior is not None
                and _OPEN_PAREN.fullmatch(self.text, prior.end, start)
                and self._spelled_out(f"{prior.text} (", text, entry)
            ):
                return  # "Pajak Bumi dan Bangunan (PBB)": a tax, not the UN the file knows
            # "Armed Forces of the Philippines (AFP)": the name's acronym, no news agency
            entry = None
            self.spelled_acronyms.add(text)
        cue_here = self.composition.match(self.text, start)
        if cue_here is not None and cue_here.end() > end:
            return  # rule a-phrase-is-no-name: "Antara lain 600 prajurit": "among others"
        if entry is not None:
            kind_type, cue = entry.type, "authority"
        elif (start, end) in self.area_bodies:
            kind_type, cue = ORG, "body-of-an-area"  # "Satpol PP Kota Malang"
        elif len(toks) > 1 and text in self.bracketed:
            kind_type, cue = ORG, "acronym"  # "(BEM SI)", then "Koordinator Pusat BEM SI X"
        elif len(toks) == 2 and self._named_head_first(toks):
            kind_type, cue = ORG, "head"  # rule a-body-named-head-first: "Police Scotland"
        elif self._in_dateline(start, end):
            kind_type, cue = LOC, "dateline"
        elif (
            len(toks) == 1
            and first in self.legislatures
            and toks[0].text[1:].islower()
            and self.town(text) is None
            and prev not in self.place_preps  # "in Duma, near Damascus": a town or a site
        ):
            # rule a-legislature-by-its-word: "Parliament voted on Monday", "the
            # lower house of Congress": the state's legislature, a body the article names
            kind_type, cue = ORG, "legislature"
        elif (
            not titled
            and self._cited_outlet(before, after)
            # "Badan Intelijen Korea Selatan (NIS) ... mengutip NIS": a body named before
            and all(m.text != text for m in self.mentions)
        ):
            kind_type, cue = ORG, "outlet"
            entry = AuthorityEntry(_slug(text), ORG, (text,), kind="news")
        elif first in self.org_heads:
            # rule a-titled-name-with-its-own-head: "Dansat Brimob Polda Kepri X" commands
            # Brimob Polda Kepri, a name with its own head noun; the title's noun (Satuan)
            # is no part of it
            kind_type, cue = ORG, "head"
            two = " ".join(t.text.lower() for t in toks[:2])
            exception = self.lang.table("org_head_exceptions").get(two)
            if exception and prev in self.place_preps and prev not in self.source_preps:
                # rule a-body-s-seat: "di Markas Besar TNI" is a place, while "Markas Besar
                # TNI dan Mabes Polri mengerahkan ..." and "personel dari Mabes Polri" name
                # the body that acts
                kind_type = EntityType(exception)
        elif (
            len(toks) > 1
            and first in self.unit_words
            and _UNIT_NUMBER.fullmatch(toks[-1].text)
            and not before.endswith("(")  # "Kontingen Garuda (Konga) XXXVII-J" is one name
        ):
            kind_type, cue = ORG, "unit"  # rule a-numbered-unit: "Konga XXXIX-A", "Yonif 623"
        elif len(toks) > 2 and last in self.body_areas and toks[-2].text.lower() in self.org_words:
            kind_type, cue = ORG, "head"  # rule body-area: "Manila Police District"
        elif any(
            a.text.lower() in self.org_words and b.text.lower() in self.name_links
            for a, b in itertools.pairwise(toks[:-1])
        ):
            # "Stabilization Mission in the Central African Republic": a body named after
            # where it works, though the place's own word ends the name
            kind_type, cue = ORG, "head"
        elif (
            (first in self.loc_heads or (len(toks) > 1 and last in self.loc_words))
            and not (titled and " ".join(text.lower().split()) in self.force_areas)
            # rule a-body-of-what: "Department of State" is a body, no state
            and not (last in self.loc_words and self._head_of_what(toks[:-1]))
        ):
            # rule a-force-s-area-is-its-name: "Kapolres Metro Jakarta Barat X" heads
            # Polres Metro Jakarta Barat; "Metro Jakarta Barat" is the force's, no place
            kind_type, cue = LOC, "head"
            # "Cabo Delgado Province", "Provinsi Papua": the known region with its head noun
            core = toks[:-1] if last in self.loc_words else toks[1:]
            if self.lang.head_first and last in self.loc_words:
                core = []  # "Maluku Tengah", "Aceh Timur": a regency, not the province
            known = self.alias(core) if core else None
            if known is not None and known.kind == "region" and known.country is not None:
                entry = known
        elif len(toks) > 1 and last in self.org_words:
            kind_type, cue = ORG, "head"
        elif len(toks) > 2 and any(t.text.lower() in self.org_words for t in toks[1:-1]):
            kind_type, cue = ORG, "head"  # "Channel News Asia"
        elif any(
            a.text.lower() in self.org_words and b.text.lower() in self.connectors
            for a, b in itertools.pairwise(toks)
        ):
            kind_type, cue = ORG, "head"  # "International Support Mission to Mali"
        elif any(
            a.text.lower() in self.org_words and b.text.lower() in self.purpose_links
            for a, b in itertools.pairwise(toks)
        ):
            kind_type, cue = ORG, "head"  # rule a-body-for-a-cause: "Federation for Fair Fishing"
        elif any(
            a.text.lower() in self.loc_words and b.text.lower() in self.connectors
            for a, b in itertools.pairwise(toks)
        ):
            kind_type, cue = LOC, "head"  # "Federal Republic of Somalia"
        elif (len(toks) == 1 and self._joint(toks[0].text)) or (
            len(toks) == 2 and self._joint(f"{toks[0].text}-{toks[1].text}")
        ):
            # rule joint-forces: "TNI-Polri", "TNI/Polri", and written apart, "TNI Polri"
            kind_type, cue = ORG, "joint"
        elif len(toks) == 1 and _abbreviates(before, toks[0].text):
            return  # "bahan bakar minyak (BBM)", "internally displaced persons (IDPs)"
        elif toks[0].text.upper() in self.common_acronyms and all(
            t.text[:1].isdigit() for t in toks[1:]
        ):
            return  # rule common-acronym: "BBM", "LPG", "SOP", "UMP 2025" name things
        elif (
            len(toks) == 1
            and (first in self.lang.months or first in self.lang.weekdays or first[:1].isdigit())
            # "Danrem 172/PWY": a numbered command its head's title names (rule title-body)
            and not (titled and first[:1].isdigit() and self._implied_body(start, end))
        ):
            return  # "Sunday", "2019": dates, never names
        elif len(toks) == 1 and len(toks[0].text) == 2 and toks[0].text.isupper():
            # rule two-letters-name-nothing-unknown: "PM", "RZ (25)", "KH": a title, a
            # suspect's initials, an honorific; the two-letter bodies and states news names
            # ("UN", "AS", "EU") are the authority's
            return
        elif len(toks) == 1 and _ROMAN.fullmatch(toks[0].text) and len(toks[0].text) > 1:
            # rule a-roman-numeral-is-no-acronym: "PON XXI", "memasuki tahap III": the
            # number of an event or a phase, no body
            return
        elif (
            len(toks) == 1
            and len(text) >= _LONGEST_TOWN_ACRONYM + 1
            and text.isupper()
            and own_name(text)
            and (town := self.town(text)) is not None
        ):
            # rule a-town-in-capitals: "di JAYAPURA", "to GOMA": a town of the gazetteer
            # written in capitals, as datelines and headlines write it, is no acronym
            kind_type, cue, entry = LOC, "gazetteer-town", town
        elif (
            len(toks) == 1
            and _ACRONYM.match(toks[0].text)
            and not _INITIALS.match(toks[0].text)
            and not self._capitalised_elsewhere(toks[0].text)
        ):
            kind_type, cue = ORG, "acronym"  # also after a title: "Ketua DPR/MPR Harmoko"
            body = self._implied_body(start, end) if titled else None
            if body is not None and not text.lower().startswith(f"{body.lower()} "):
                # rule title-body: "Kapolda NTT Irjen X" heads Polda NTT
                text, cue = f"{body} {text}", "body"
        elif (
            len(toks) == 2
            and toks[1].text.isdigit()
            and _ACRONYM.match(toks[0].text)
            and not re.fullmatch(r"[IVXLC]+", toks[0].text)  # "PON XXI 2024": a numeral
            and not _INITIALS.match(toks[0].text)
            and not self._capitalised_elsewhere(toks[0].text)
        ):
            kind_type, cue = ORG, "acronym"  # rule acronym-number: "PA 212"
        elif (
            titled
            and (body := self._implied_body(start, end)) is not None
            and not self._person_told(text)
        ):
            # rule title-body: "Kapolda Kepri" heads Polda Kepri, whatever follows; "Dansat
            # Brimob X" heads Satuan Brimob X
            kind_type, cue = ORG, "body"
            if not text.lower().startswith(f"{body.lower()} "):
                text = f"{body} {text}"
        elif titled and self._before_title(end):
            kind_type, cue = ORG, "body"  # "Kapolda Metro Jaya Irjen X": the title's body
        elif titled and len(text) == 1:
            return  # rule one-letter-is-no-name: "Gen Z" is a generation, no general
        elif titled and self._portfolio_named(end):
            # rule an-office-s-portfolio: "Direktur Reserse Kriminal Umum (Direskrimum) Polda
            # Riau, Kombes X": the office's name and its acronym, no person
            return
        elif (
            titled
            and (
                toks[-1].text.lower() in self.org_words or toks[-1].text.lower() in self.force_words
            )
            and (rank := re.search(r"(?<![\w-])[A-Z][a-z]+\s+$", before)) is not None
        ):
            # rule a-body-named-after-a-rank: "the General Service Unit" is a body whose
            # name begins with a rank's word, not General Service, a person
            kind_type, cue = ORG, "name"
            start -= len(rank.group())
            text = self.lay.body[start:end]
        elif titled and len(toks) == 1 and first in self.military_words:
            # "juru bicara Militer Israel": the force's word, capitalised, before its
            # state's name (a body of its own, rule the-state-s-forces), no holder
            return
        elif titled:
            kind_type, cue = PER, "title"
            royal = self.lang.pattern("titles_in_name")
            hit = re.search(rf"(?:{royal.pattern})\s+$", before, re.IGNORECASE)
            if hit is not None and before[hit.start() : hit.start() + 1].isupper():
                start -= len(hit.group())  # "King Charles III" is his name
                text = self.lay.body[start:end]
        elif re.match(r"[ \t]*\((?:[1-9]\d?|1[01]\d)\)", after) and not (
            first in self.loc_heads or last in self.loc_words or first in self.org_heads
        ):
            # rule an-age-makes-a-person: "RS Bhayangkara, Syaiful (43) yang ...": a list of
            # victims after a place, each with an age
            kind_type, cue = PER, "age"
        elif (
            (
                prev in self.lang.words("place_preps")
                and not self.owns_next.match(after)
                # "according to Human Rights Watch": a source, not a place
                and not self.lang.pattern("source_cues").search(before[-20:])
            )
            # "di depan Balai Kota Bandung": in front of a site
            or (first in self.site_words and self.site_front.search(before) is not None)
            # "ke perairan Natuna": waters or a coast after a preposition
            or self._prep_place_noun.search(before) is not None
            # "di Sumatera Utara, Sandi menjelaskan": a speaker after the place, no list
            or (
                len(toks) == 1
                and self._listed_place(self.text[max(0, start - 90) : start])
                and toks[0].text.lower() not in self.speakers
            )
            # "ke Timika, Intan Jaya, dan Nduga": a name of more words in the list's middle
            or (
                len(toks) <= 3
                and self._listed_place(self.text[max(0, start - 90) : start])
                and self._list_goes_on(end)
            )
            or self._direction_after_prep(before)
        ):
            # not "belong to Rajapaksa's relatives": an owner after "to"
            kind_type, cue = LOC, "place"
        elif self._place_noun(self.text[max(0, start - 90) : start], after):
            kind_type, cue = LOC, "place"  # "the town of Konna", "Diabaly, a town in"
        elif self._group_noun(before, after):
            kind_type, cue = ORG, "group"  # "groups, including X", "X, a rebel group"
        elif len(toks) == 2 and toks[0].text in ("Al", "El"):
            # rule an-article-s-name-in-a-place: "Al Shabaab said" is a body, while "in El
            # Obeid" and "the town of Al Qaim" (the place cues above) are places
            kind_type, cue = ORG, "name"
        elif 2 <= len(toks) <= 4 and all(_NAME_WORD.match(t.text) for t in toks):
            if any(
                t.text.lower() in self.lang.months or t.text.lower() in self.lang.weekdays
                for t in toks
            ):
                return
            head = re.match(r"[ \t]+([a-z][\w-]*)(?![\w-])", after)
            typed = self.lang.table("head_nouns_after").get(head.group(1)) if head else None
            if typed is not None:
                kind_type, cue = EntityType(typed), "head"  # "Nur Otan party"
            elif self._site_after.match(after):
                # rule a-site-by-its-noun, for a name of more words: "the Mihail Alba air
                # base" names a place, not a person
                kind_type, cue = LOC, "place"
            elif self._described(before):
                kind_type, cue = PER, "described"
            elif self._led_by(before) and not re.fullmatch(r"[IVX]+", toks[-1].text):
                kind_type, cue = PER, "leader"
            elif self._aged(before, self.text[end : end + 40]):
                kind_type, cue = PER, "aged"
            elif self._after_a_listed_person(start, end):
                kind_type, cue = PER, "listed"
            elif self._speaks(toks, before, self.text[end : end + 60]):
                kind_type, cue = PER, "name"
            elif (town := self._told_town(text)) is not None:
                kind_type, cue, entry = LOC, "gazetteer-town", town
            elif self._a_ship_s_name(before):
                return
            elif self._opens_with_a_given_name(toks):
                kind_type, cue = PER, "given-name"
            else:
                # rule person-needs-a-cue: capitals alone are no person; the learned typer
                # may still know the name's type from its words and neighbours
                learned = self._learned(text, before, self.text[end : end + 40], start, end)
                if learned is None:
                    return
                kind_type, cue = learned, "learned"
        elif len(toks) == 1:
            town = None
            if first not in self.speakers and (
                not self._only_first_in_sentences(text) or self._before_a_place_title(end)
            ):
                town = self._told_town(text)
            if town is not None:
                kind_type, cue, entry = LOC, "gazetteer-town", town  # rule gazetteer-town
            elif self._named_troops(text, before, after):
                kind_type, cue = ORG, "force"
            elif self._body_after_its_demonym(toks[0]):
                # rule a-body-named-by-its-demonym: "the European Commission", "the African
                # Commission said": the demonym and a body's capitalised word are its name
                kind_type, cue = ORG, "head"
            elif (sender := self._sender_of_troops(text, before, start, end)) is not None:
                kind_type, cue = sender, "sender"
            else:
                kind_type, cue = None, "single"
        if kind_type is PER and (
            (cue != "title" and self._site_named(toks, last=False))
            # "King Fahd Hospital": a site named after a king, title and all
            or (not self.lang.head_first and self._site_named(toks, last=True))
        ):
            # rule a-site-is-no-person: "Mohan Regmi, direktur eksekutif Rumah Sakit Layanan
            # Sipil, ...": a name led by a site's word is a place, whoever seems to speak; so
            # is one a site's word ends where heads come last ("Queen Sirikit National
            # Convention Center")
            kind_type, cue = LOC, "site"
        street = re.search(
            rf"(?<![\w-])(?:{self.lang.pattern('lowercase_place_heads').pattern})\s+$", before
        )
        if entry is None and street is not None and street.group().islower():
            start = start - len(street.group())  # "jalan layang Raja Fahd"
            text, kind_type, cue = self.lay.body[start:end], LOC, "head"
        if cue == "" and kind_type is None:
            return
        town_head = text.split(" ", 1)[0].casefold() in self.town_prefixes
        if entry is None and kind_type is LOC and (cue != "head" or town_head):
            entry = self.town(text)  # a town typed by its cue is still the gazetteer's town
        currency = self.lang.pattern("currency_nouns")
        if (prev and currency.fullmatch(prev)) or currency.match(after.lstrip()):
            return  # "dolar AS", "U.S. dollars": a currency, not the country
        if currency.fullmatch(re.sub(r"[\d.,]+$", "", toks[0].text)):
            return  # "Rp8.170", "Rp": an amount
        words_before = re.findall(r"[\w-]+", before)[-2:]
        if entry is None and any(
            w.lower() in self.lang.words("family_nouns") for w in words_before[-1:]
        ):
            return  # a family ("keluarga Rajapaksa")
        if (
            start > 0
            and self.text[start - 1] in '"“'
            and re.match(r"\s*\(", after) is None
            # not a quote that opens with a name: '"Mabes TNI mengirimkan 1 SSK ...," sebut'
            and re.match(r"[,.]?[\"”]", after) is not None
        ):
            return  # a quoted name ("Restore Democracy") is not an entity
        mention = Mention(start, end, text, sentence, kind_type, entry, cue, kind)
        close = re.match(r"\s*\)", after)
        if self.mentions and re.search(r"\(\s*$", before):
            prior = self.mentions[-1]
            foreign = (  # an acronym names a country only if it spells its initials
                prior.entry is not None
                and prior.entry.kind == "country"
                and (
                    # "Pasukan Sementara PBB di Lebanon (UNIFIL)": a body the file knows
                    (entry is not None and entry.key != prior.entry.key)
                    or (
                        entry is None
                        and text.upper()
                        != "".join(w[0] for w in re.findall(r"\b[A-Z][\w-]*", prior.text))
                    )
                )
            )
            if (
                _OPEN_PAREN.fullmatch(self.text, prior.end, start)
                and close
                # "Pasukan Sementara PBB di Lebanon (UNIFIL)": the acronym is the force's
                and not foreign
            ):
                self.aliases.append((prior, mention))
        self.mentions.append(mention)

    def _spelled_out(self, before: str, acronym: str, entry: AuthorityEntry) -> bool:
        """``acronym`` opens a parenthesis after words whose initials spell it (connectors
        left out) and that are none of the known entry's names: the text says what it
        abbreviates here, and it is something else."""
        if not _ACRONYM.match(acronym) or not before.rstrip().endswith("("):
            return False
        # "Armed Forces of the Philippines (AFP)": the article is skipped too
        skip = (
            self.connectors | self.articles | {w.lower() for w in self.lang.words("coordinators")}
        )
        words = [w for w in re.findall(r"[^\W\d_]+", before[-100:]) if w.lower() not in skip]
        letters = acronym.lower()
        tail = words[-len(letters) :]
        if len(tail) != len(letters) or "".join(w[0].lower() for w in tail) != letters:
            return False
        known = {" ".join(re.split(r"[\s-]+", n)).casefold() for n in entry.names}
        spelled = " ".join(tail).casefold()
        return not any(spelled in n or n.endswith(spelled) for n in known)

    def _paired_places(self, tok: Token, sentence: int, kind: Kind) -> bool:
        """Rule paired-places: "perbatasan Rusia-Ukraina", "hubungan RI-PNG": places the
        authority file knows, joined by a hyphen, are each a place of their own. Adds their
        mentions; False when ``tok`` is no such pair."""
        parts = list(re.finditer(r"[^-]+", tok.text))
        if len(parts) < 2:
            return False
        entries = [self.auth.lookup(p.group()) for p in parts]
        if not all(e is not None and e.type is LOC for e in entries):
            return False
        for part, entry in zip(parts, entries, strict=True):
            start, end = tok.start + part.start(), tok.start + part.end()
            self.mentions.append(
                Mention(start, end, part.group(), sentence, LOC, entry, "authority", kind)
            )
        return True

    def _paired_persons(self, toks: list[Token], sentence: int, kind: Kind) -> bool:
        """Rule paired-persons: "Prabowo Subianto-Gibran Rakabuming Raka", "pemerintahan
        Prabowo-Gibran": two names joined by a hyphen (a ticket, a government) are two
        persons when the authority file knows one side as a person, by the full name or
        its first word. Adds their mentions; False when ``toks`` is no such pair."""
        joined = [i for i, t in enumerate(toks) if _JOINED_NAMES.fullmatch(t.text)]
        if len(joined) != 1:
            return False
        tok = toks[joined[0]]
        cut = tok.start + tok.text.index("-")
        first = toks[0].start
        for t in toks[: joined[0] + 1]:
            # "Pemerintahan Prabowo-Gibran" at a sentence's start: the noun is no name
            left = self.text[t.start : cut]
            if self.auth.lookup(left) is not None or self.auth.person_by_first_word(left):
                first = t.start
                break
        sides = ((first, cut), (cut + 1, toks[-1].end))
        names = [self.text[a:b] for a, b in sides]
        entries = [self.auth.lookup(n) for n in names]
        if any(e is not None and e.type is not PER for e in entries):
            return False  # "Nagorno-Karabakh", "Jean-Lucien": no pair of persons
        if not any(
            e is not None or self.auth.person_by_first_word(n) is not None
            for n, e in zip(names, entries, strict=True)
        ):
            return False
        for (a, b), name, entry in zip(sides, names, entries, strict=True):
            full = self.auth.person_by_first_word(name) if entry is None else None
            if full is not None and any(n in self.text for n in full.names):
                entry = full  # "Prabowo" where the article names Prabowo Subianto
            cue = "authority" if entry is not None else "paired-person"
            self.mentions.append(Mention(a, b, name, sentence, PER, entry, cue, kind))
        return True

    def _joint(self, word: str) -> bool:
        """Two or more known organizations joined by "-" or "/" name their joint force."""
        parts = re.split(r"[-/]", word)
        if len(parts) < 2:
            return False
        entries = [self.auth.lookup(p) for p in parts]
        return all(e is not None and e.type is ORG for e in entries)

    def _speaks(self, toks: list[Token], before: str, after: str) -> bool:
        """Rule person-needs-a-cue: a name of unknown type is a person only when the text
        treats it as one: it (or its last word, the surname used later) says or is quoted
        ("kata Tatan", "Smith said", "according to Smith"), an age follows ("(45)"), or an
        office is near it ("pemimpin terpilih X", "head of state, X", "X, the president
        of", "X dilantik sebagai Presiden")."""
        if re.match(r"\s*\(\d{1,3}\)", after):
            return True
        last = toks[-1].text.lower()
        if last in self.speakers or " ".join(t.text.lower() for t in toks) in self.speakers:
            return True
        office = self.offices.pattern
        return bool(
            re.search(
                rf"(?i:{office})(?:\s+(?:[A-Z][\w.-]*|\([A-Z][\w.-]*\))){{0,4}}"
                rf"(?:\s+[a-z][\w-]*)?[\s,]*$",
                before,
            )  # "Presiden Amerika Serikat (AS) Joe Biden", "pemimpin terpilih X"
            or any(p.match(after) for p in _office_after(self.lang))
        )

    def _a_ship_s_name(self, before: str) -> bool:
        """Rule a-ship-s-name-is-no-person: a name right after a ship's prefix or noun is
        the ship's, often a person's name ("USS Abraham Lincoln", "kapal induk Gerald R.
        Ford"): neither the given names nor the learned typer make it a person."""
        return self.ship_before.search(before) is not None

    def _opens_with_a_given_name(self, toks: list[Token]) -> bool:
        """Rule a-name-opening-with-a-given-name: two to four capitalised words no rule
        typed, the first a given name (``kg.given_names``: every locale's first names)
        written as one, none of the words a word of a language file ("Hari Buruh"), of
        bodies or places ("Maria Hospital", "Omar Square") or one the article also writes in
        lower case, are a person's name ("Jordi Marsal", "Edmundo Ruiz")."""
        first = toks[0].text
        if (
            not (first[:1].isupper() and first[1:].islower())
            or first.casefold() not in given_names()
        ):
            return False
        words = {t.text.lower() for t in toks}
        if not words.isdisjoint(_words_of_every_language()):
            return False  # "Hari Buruh", "Bakti Negara": words of a language
        return (
            words.isdisjoint(self.place_or_body_words)
            and words.isdisjoint(self.lower_words)  # "Usman Ali Kehilangan": a word here
            and all(self.auth.lookup(t.text) is None for t in toks)
        )

    def _described(self, before: str) -> bool:
        """Rule a-person-by-what-they-are: a noun that tells what a person is, not an office
        that makes a role, right before a name (one lower-case word and a comma between at
        most) makes it a person: "the singer Ilse Varnado Quen was detained", "pegiat
        lingkungan, Rina Sari, ditangkap". Two words between reach past a clause ("wartawan
        setelah acara Konferensi ...")."""
        found = re.search(rf"(?i:{self.descriptors.pattern})(?:\s+[a-z][\w-]*)?\s*,?\s*$", before)
        return found is not None

    def _led_by(self, before: str) -> bool:
        """Rule a-leader-s-name-is-a-person: a name no rule types right after "led by",
        "dipimpin" is the person who leads ("the march led by Ilse Varnado", "kelompok
        pimpinan Rina Sari"); a known place or body there is the leading state or alliance,
        and a word with a Roman numeral the head of a numbered command ("dipimpin
        Pangkoarmada II")."""
        cues = self.lang.pattern("led_by_cues").pattern
        return re.search(rf"(?<![\w-])(?:{cues})\s+$", before) is not None

    def _aged(self, before: str, after: str) -> bool:
        """Rule an-age-by-the-name-makes-a-person: an age right before a name, a lower-case
        word or two between at most ("the 31-year-old Ilse Varnado", "a 40-year-old teacher
        named Ilse Varnado"), or between commas right after it ("Ilse Varnado, 31, said",
        "Ilse Varnado, a 31-year-old nurse", "Rina Sari, 22 tahun, ditangkap")."""
        ages = "|".join(
            re.escape(w) for w in (*self.lang.words("age_words"), *self.lang.words("age_units"))
        )
        return bool(
            re.search(rf"(?<![\w.,])\d{{1,3}}\s*(?:{ages})\s+(?:[a-z][\w-]*\s+){{0,2}}$", before)
            or re.match(rf",\s+(?:[a-z]+\s+)?\d{{1,3}}(?:,|\s*(?:{ages})(?![\w]))", after)
        )

    def _after_a_listed_person(self, start: int, end: int) -> bool:
        """Rule persons-in-a-list: a name no rule typed that comes next in a list after a
        person is a person too: "the singers Ilse Varnado, Tomas Berelo and Koro Namaka",
        "aktivis Rina Sari, Dodi Hapsari dan Yuli Kanta"."""
        if not self.mentions or self.mentions[-1].type is not PER:
            return False
        if self.mentions[-1].cue == "title":
            # "Kompol Arsad Rengur, dan Danton Dalmas": in a list of titled persons, what
            # comes without a title is one more title and its body
            return False
        also = self.lang.pattern("coordinators").pattern
        between = self.text[self.mentions[-1].end : start]
        if re.fullmatch(rf",?\s+(?:{also})\s+", between):
            return True
        # after a comma alone the list must go on, else the name is the person's apposition
        # ("the party of Ilse Varnado, National League for ...")
        goes_on = re.compile(rf"[^\S\n]*,?\s+(?:{also})\s+[A-Z]|,[^\S\n]*[A-Z]")
        return re.fullmatch(r",[^\S\n]*", between) is not None and bool(
            goes_on.match(self.text, end)
        )

    def _listed_place(self, before: str) -> bool:
        """Rule places-in-a-list: the name comes next in a list that a place preposition
        or a list word opens ("in Nairobi, Mombasa and Kisumu", "ke Atyrau, Aktobe dan
        Oral", "cities including Almaty, Shymkent and Taraz")."""
        also = self.lang.pattern("coordinators").pattern
        opens = "|".join(
            re.escape(w) for w in (*self.lang.words("place_preps"), *self.lang.words("group_links"))
        )
        name = r"[A-Z][\w-]*(?:[ \t]+[A-Z][\w-]*){0,2}"  # "Nagan Raya, Gayo Lues"
        return bool(
            re.search(
                rf"(?<![\w-])(?:{opens})\s+{name}(?:,\s*{name})*(?:,\s*|,?\s+(?:{also})\s+)$",
                before,
            )
        )

    def _list_goes_on(self, end: int) -> bool:
        """Another capitalised name follows in the list after ``end``."""
        also = self.lang.pattern("coordinators").pattern
        return bool(
            re.match(
                rf"(?:,\s*(?:(?:{also})\s+)?|\s+(?:{also})\s+)[A-Z]", self.text[end : end + 30]
            )
        )

    def _placed_before(self, toks: list[Token]) -> bool:
        """``toks`` were named as a place earlier in the article ("di Lambu, Bima"), though no
        gazetteer knows them: "Camat Lambu Muhaimin" is Lambu's district head."""
        name = self.text[toks[0].start : toks[-1].end]
        return any(m.type is LOC and m.text == name for m in self.mentions)

    def _known_place(self, toks: list[Token]) -> bool:
        """``toks`` name a town or a region of the gazetteer."""
        name = self.text[toks[0].start : toks[-1].end]
        return self.town(name) is not None or self._region(toks)

    def _region(self, toks: list[Token]) -> bool:
        """``toks`` name a province or state of the gazetteer, no town nor country."""
        entry = self.alias(toks)
        return entry is not None and entry.kind == "region" and entry.country is not None

    def _direction_after_prep(self, before: str) -> bool:
        """A name after a place preposition and a direction is a place ("to eastern Congo",
        "in northern Mozambique")."""
        words = re.search(r"([\w.]+)\s+([\w-]+)\s*$", before)
        return (
            words is not None
            and words.group(1).lower() in self.place_preps
            and words.group(2).lower() in self.lang.table("direction_words")
        )

    def _place_noun(self, before: str, after: str) -> bool:
        """A settlement noun around a name: "the central town of X" (and of Y), "X, a town
        in", "X province" (the noun in lower case)."""
        nouns = self.lang.pattern("place_nouns").pattern
        links = "|".join(
            re.escape(w)
            for w in (*self.lang.words("place_noun_links"), *self.lang.words("group_links"))
        )  # "the town of X", "cities including X"
        also = self.lang.pattern("coordinators").pattern  # "the regions of X and Y"
        # "sejumlah kabupaten yang dinilai rawan, di antaranya X": a relative clause between
        which = self.lang.pattern("relative_pronouns").pattern
        return bool(
            re.search(
                rf"(?:{nouns})(?:\s+(?:{which})\s+[^,.;:]{{1,40}})?,?\s+(?:{links})\s+"
                rf"(?:[A-Z][\w-]*\s+(?:{also})\s+)?$",
                before,
                re.IGNORECASE,
            )
            or re.match(rf"[ \t]+(?:{nouns})\b", after)  # "Cabo Delgado province"
            or _described_as(self.lang, "place_nouns").match(after) is not None
        )

    def _group_noun(self, before: str, after: str) -> bool:
        """A group noun around a name ("kelompok militan X", "groups such as X", "X group")."""
        nouns = self.lang.pattern("group_nouns").pattern
        links = self.lang.pattern("group_links").pattern
        return bool(
            re.search(rf"(?:{nouns}),?\s+(?:(?:{links})\s+)?$", before, re.IGNORECASE)
            or re.match(rf"\s+(?:{nouns})(?![\w-])", after)
            or _described_as(self.lang, "group_nouns").match(after) is not None
        )

    def split_person_tails(self) -> None:
        """Cut off the end of a body's name that the text names as a person elsewhere:
        "Presiden Partai Buruh Said Iqbal ... kata Said Iqbal" is the Partai Buruh and its
        president Said Iqbal."""
        people = {m.text for m in self.mentions if m.type is PER and " " in m.text}
        if not people:
            return
        out: list[Mention] = []
        for m in self.mentions:
            tail = None
            if m.type in (ORG, LOC) and m.entry is None:
                tail = next((p for p in people if m.text.endswith(" " + p)), None)
            if tail is None:
                out.append(m)
                continue
            cut = m.end - len(tail)
            head = self.lay.body[m.start : cut].rstrip()
            out.append(replace(m, end=m.start + len(head), text=head))
            out.append(Mention(cut, m.end, tail, m.sentence, PER, None, "tail", m.kind))
        self.mentions = out

    def extras(self) -> None:
        """Places written with a direction ("Kazakhstan barat") and military of a state."""
        directions = self.lang.table("direction_words")
        military = self.lang.words("military_nouns")
        edges = "|".join(re.escape(w) for w in self.lang.words("edge_nouns")) or "(?!x)x"
        forces = "|".join(re.escape(w) for w in military) or "(?!x)x"
        capitalised = "|".join(re.escape(w.title()) for w in military) or "(?!x)x"
        owner, any_owner = self.lang.possessive, self.lang.any_possessive
        regions = re.compile(rf"{owner}\s+(?:{self.lang.pattern('country_regions').pattern})")

        def add(m: Mention, start: int, stop: int, kind: EntityType, why: str) -> None:
            text = self.lay.body[start:stop]
            self.mentions.append(Mention(start, stop, text, m.sentence, kind, None, why, m.kind))

        countries = {
            m.start: m
            for m in self.mentions
            if m.type is LOC and m.entry is not None and m.entry.kind == "country"
        }
        for m in list(self.mentions):
            if m.type is not LOC or m.entry is None or m.entry.kind != "country":
                continue
            after = self.text[m.end : m.end + 40]
            # rule a-direction-of-two-words: "Nigeria timur laut", "Turki tenggara": the
            # longest direction of the language file after the country
            two = re.match(r"\s+\w+\s+\w+(?![\w-])", after)
            one = re.match(r"\s+\w+(?![\w-])", after)
            d = two if two is not None and two.group().strip().lower() in directions else one
            if d and d.group().strip().lower() in directions and self.lang.head_first:
                end = m.end + d.end()
                add(m, m.start, end, LOC, "direction")
            # "Belarus's western border", "Ukraine's border": the country's edge
            b = re.match(rf"{any_owner}\s+(?:(\w+)\s+)?(?:{edges})\b", after, re.IGNORECASE)
            if b and (b.group(1) is None or b.group(1).lower() in directions):
                end = m.end + b.end()
                add(m, m.start, end, LOC, "direction")
            # rule a-country-s-edge-before-it: "perbatasan Ukraina" (where heads come first),
            # "the border of Ukraine", "perbatasan dengan Ukraina"
            links = self.lang.pattern("edge_links").pattern or "(?!x)x"
            linked = "?" if self.lang.head_first else ""
            b = re.search(
                rf"(?<![\w-])(?:{edges})\s+(?:(?:{links})\s+){linked}$",
                self.text[max(0, m.start - 40) : m.start],
                re.IGNORECASE,
            )
            if b and self.text[m.start - len(b.group()) : m.start].islower():
                # the other country of a border named by both: "perbatasan Armenia-Azerbaijan",
                # "perbatasan NKRI dengan Malaysia"
                other = re.match(rf"-|\s+(?:{links})\s+", self.text[m.end : m.end + 20])
                second = countries.get(m.end + other.end()) if other is not None else None
                end = second.end if second is not None else m.end
                add(m, m.start - len(b.group()), end, LOC, "direction")
            b = regions.match(after)
            if b:  # "Russia's Far East"
                add(m, m.start, m.end + b.end(), LOC, "direction")
            b = re.match(rf"{any_owner}\s+(?:{forces})\b", after, re.IGNORECASE) or re.match(
                rf"\s+(?:{capitalised})\b", after
            )  # "Russia's army", "the Nepal Army"
            if b:
                end = m.end + b.end()
                add(m, m.start, end, ORG, "military")
            before = self.text[max(0, m.start - 25) : m.start]
            allowed = "|".join(re.escape(w) for w in self.lang.words("military_before"))
            for noun in military:
                found = re.search(rf"(?<![\w-]){re.escape(noun)}\s+$", before, re.IGNORECASE)
                if found is not None and re.search(
                    rf"(?:^|[,.;:]|\b(?:{allowed}))\s+{re.escape(noun)}\s+$",
                    before,
                    re.IGNORECASE,
                ):
                    s = m.start - len(found.group())
                    if self.lang.head_first:
                        add(m, s, m.end, ORG, "military")

    def bloc_edges(self) -> None:
        """Rule a-bloc-s-edge: the edge of an alliance or a continent that its possessive
        and a direction name ("troops on the Pact's southern flank", "Asia's western
        flank") is a place of the article; the same edge named after the alliance and after
        the continent is one place."""
        nouns = self.lang.words("bloc_edge_nouns")
        if not nouns:
            return
        directions = self.lang.table("direction_words")
        edge = re.compile(
            rf"{self.lang.possessive}\s+([\w-]+)\s+({self.lang.pattern('bloc_edge_nouns').pattern})"
        )
        first: dict[tuple[str, str], Mention] = {}
        for m in list(self.mentions):
            found = edge.match(self.text, m.end)
            if m.type is PER or found is None or found.group(1).lower() not in directions:
                continue
            text = self.lay.body[m.start : found.end()]
            place = Mention(m.start, found.end(), text, m.sentence, LOC, None, "edge", m.kind)
            self.mentions.append(place)
            key = (directions[found.group(1).lower()], found.group(2).lower())
            if key in first:
                self.aliases.append((first[key], place))
            first.setdefault(key, place)

    def demonym_edges(self) -> None:
        """Rule a-country-s-border-by-its-demonym: "to the Guatemalan border", "near the
        Belarusian border": the edge of a country its demonym and an edge noun name is a
        place of the article, where troops go (as "Belarus's western border" is)."""
        if not self.lang.words("edge_nouns"):
            return
        after = re.compile(rf"[ \t]+(?:{self.lang.pattern('edge_nouns').pattern})(?![\w-])")
        starts = {m.start for m in self.mentions}
        for ds, de, entry in self.demonyms:
            found = after.match(self.text, de)
            sentence = self.sentence_at(ds)
            if entry.kind != "country" or found is None or sentence < 0 or ds in starts:
                continue
            kind = self.lay.sentences[sentence].kind
            text = self.lay.body[ds : found.end()]
            self.mentions.append(Mention(ds, found.end(), text, sentence, LOC, None, "edge", kind))

    def spelled_bodies(self) -> None:
        """Rule a-spelled-out-body-and-its-place: "Kepolisian Daerah (Polda) Jawa Barat" is
        one body, Polda Jawa Barat, not "Kepolisian Daerah" and a province; it is the body
        the article names "Polda Jawa Barat" elsewhere."""
        # the bodies a title heads by their area ("Polda", "Kodam"), not "Brimob"
        areal = {n for nouns in self.title_bodies.values() for n in nouns}
        heads = "|".join(re.escape(h) for h in sorted(areal, key=len, reverse=True))
        spelled = re.compile(
            rf"(?<![\w-])(?:[A-Z][\w-]* ){{1,3}}\((?i:({heads}))\) "
            rf"([A-Z][\w-]*(?: [A-Z][\w-]*){{0,2}})(?: \([A-Z][\w-]*\))?"
        )
        # "Badan Pengusahaan (BP) Batam": any body spelled out, its initials, and a place
        # the gazetteer or the authority knows
        initialled = re.compile(
            r"(?<![\w-])((?:[A-Z][\w-]* ){2,5})\(([A-Z]{2,6})\) ([A-Z][\w-]*(?: [A-Z][\w-]*){0,2})"
        )
        # each with where the body's name starts
        hits = [(hit, hit.start()) for hit in spelled.finditer(self.text)] if heads else []
        for hit in initialled.finditer(self.text):
            words = hit.group(1).split()
            place = hit.group(3)
            known = self.auth.lookup(place)
            named = words[-len(hit.group(2)) :]  # "Kantor Badan Pengusahaan": the office's
            if _initials(" ".join(named)) == hit.group(2) and (
                (known is not None and known.type is LOC) or self.town(place) is not None
            ):
                hits.append((hit, hit.start(1) + hit.group(1).rindex(" ".join(named))))
        for hit, start in hits:
            end = hit.end()
            # the place stays a place of its own too ("... Sulawesi Tengah (Sulteng)")
            area_at = hit.start(len(hit.groups()))  # where its place's name begins
            inside = [m for m in self.mentions if start <= m.start and m.end <= area_at]
            if not inside:
                continue
            sentence = inside[0].sentence
            kind = inside[0].kind
            for m in inside:
                self.mentions.remove(m)
            name = self.lay.body[start:end]
            whole = Mention(start, end, name, sentence, ORG, None, "spelled-body", kind)
            self.mentions.append(whole)
            # its short name: "Polda Jawa Tengah", "BP Batam"
            acronym, area = hit.groups()[-2:]
            short = f"{acronym} {area}".casefold()
            for other in self.mentions:
                if other is not whole and other.text.casefold() == short:
                    self.aliases.append((other, whole))

    def led_groups(self) -> None:
        """Rule a-body-named-by-its-leader: "the Russian-led alliance" and "aliansi militer
        yang dipimpin Rusia" name an organization, not their leader. When the article also
        names a known organization other than the leader, the phrase is another name of the
        one it names most ("the Kremlin-led alliance" is the CSTO)."""
        groups = self.lang.pattern("led_groups").pattern
        suffixes = "|".join(re.escape(w) for w in self.lang.words("led_suffixes"))
        cues = self.lang.pattern("led_by_cues").pattern
        found: list[tuple[int, int, int]] = []  # phrase start, end, sentence
        if suffixes and groups:
            # "the Kenyan-led multinational force": lower-case words may describe the group
            leader_first = re.compile(
                rf"(?<![\w.])[A-Z][\w.'’]*(?:[ -][A-Z][\w'’]*)*(?:{suffixes})\s+"
                rf"(?:[a-z][\w-]*\s+){{0,2}}?(?:{groups})\b"
            )
            articles = {w.lower() for w in self.lang.words("title_articles")}
            for hit in leader_first.finditer(self.text):
                first = re.match(r"(\w+)\s+", hit.group())
                skip = first.end() if first and first.group(1).lower() in articles else 0
                found.append((hit.start() + skip, hit.end(), -1))
        if cues and groups:
            starts = {m.start: m for m in self.mentions if m.type is not PER}
            # "pasukan multinasional pimpinan Kenya": one lower-case word may describe it
            group_first = re.compile(
                rf"(?<![\w-])(?i:{groups})(?:\s+[a-z][\w-]*)??\s+(?i:{cues})\s+"
            )
            for hit in group_first.finditer(self.text):
                leader = starts.get(hit.end())
                if leader is not None:
                    found.append((hit.start(), leader.end, leader.sentence))
        if not found:
            return
        known: dict[str, list[Mention]] = {}
        groups_re = self.lang.pattern("led_groups")
        for m in self.mentions:
            # a body a leader may lead: an alliance, or a force or mission by its name ("the
            # UN Security Council authorised the deployment of a Kenyan-led force": no council)
            if (
                m.type is ORG
                and m.entry is not None
                and (m.entry.kind == "alliance" or any(groups_re.search(n) for n in m.entry.names))
            ):
                known.setdefault(m.entry.key, []).append(m)
        for start, end, sentence in found:
            led = self._body_named_by(start, end, "led-group", sentence)
            if led is None:
                continue
            inside = {m.entry.key for m in self.mentions if m.entry and start <= m.start < end}
            inside |= {e.key for ds, _, e in self.demonyms if start <= ds < end}
            body = max(
                (ms for key, ms in known.items() if key not in inside),
                key=len,
                default=None,
            )
            if body is not None:
                self.aliases.append((body[0], led))

    def alliance_references(self) -> None:
        """Rule the-alliance-named-before: "the alliance", "aliansi tersebut" is another name
        of the one alliance the article names ("NATO ... The alliance's decision to deploy
        ..."); with none or several named, it stays unread."""
        phrases = self.lang.pattern("alliance_references")
        named = {
            m.entry.key: m
            for m in self.mentions
            if m.type is ORG and m.entry is not None and m.entry.kind == "alliance"
        }
        if len(named) != 1 or not phrases.pattern:
            return
        (alliance,) = named.values()
        taken = [(m.start, m.end) for m in self.mentions]
        for hit in phrases.finditer(self.text):
            start, end = hit.span()
            if any(a < end and start < b for a, b in taken):
                continue  # "the Russian-led alliance" is named already
            mention = self._body_named_by(start, end, "alliance-reference")
            if mention is not None:
                self.aliases.append((alliance, mention))

    def _body_named_by(self, start: int, end: int, cue: str, sentence: int = -1) -> Mention | None:
        """A mention of a body by a phrase that does not name it ("the Russian-led
        alliance", "the alliance"), added at ``start:end``; None outside any sentence."""
        if sentence < 0:
            sentence = self.sentence_at(start)
        if sentence < 0:
            return None
        kind = self.lay.sentences[sentence].kind
        mention = Mention(start, end, self.lay.body[start:end], sentence, ORG, None, cue, kind)
        self.mentions.append(mention)
        return mention

    def head_words(self) -> None:
        """Rule names-keep-their-head: a lower-case head noun after a name belongs to it and
        types it ("Cabo Delgado province", "Nur Otan party", "Almaty police"), so does one
        before it in languages that put heads first ("wilayah Mangystau", "gedung DPR"),
        and a demonym before an organization ("Russian Defence Ministry"); a demonym with
        such a head is a body of its own ("Georgian parliament")."""
        after_heads = {k: EntityType(v) for k, v in self.lang.table("head_nouns_after").items()}
        before_heads = {k: EntityType(v) for k, v in self.lang.table("head_nouns_before").items()}
        starts = {m.start: i for i, m in enumerate(self.mentions)}
        # without the phrase pattern's IGNORECASE: a site noun after a name is lower case
        sites = re.compile(self.lang.pattern("site_heads_after").pattern)
        for i, m in enumerate(self.mentions):
            if m.type is PER:
                continue
            start, end, kind = m.start, m.end, m.type
            word = re.match(r"[ \t]+([a-z][\w-]*)(?![\w-])", self.text[end : end + 30])
            if word and end + word.start(1) in self.title_starts:
                word = None  # "Punjab police chief Usman Anwar": the head is the title's
            if word and sites.match(self.text, end + word.start(1)):
                word = None  # "the Alba police station": a site (rule a-site-by-its-noun)
            if (
                word
                and word.group(1) in after_heads
                and not self._named_body(m)
                and not self._capital_of_its_place(m, end + word.end())
                # "the West Bank city of Hebron": the head is the next place's
                and not self._place_of_after.match(self.text, end + word.end())
                # "Iran state television", "a Kenya town": a country has no such head
                and not (
                    m.entry is not None
                    and m.entry.kind == "country"
                    and after_heads[word.group(1)] is LOC
                )
            ):
                end, kind = end + word.end(), after_heads[word.group(1)]
            word = re.search(
                r"(?<![\w-])([a-z][\w-]*)[ \t]+$", self.text[max(0, start - 30) : start]
            )
            if (
                word
                and word.group(1) in before_heads
                and m.entry is None
                # "wilayah Polda Jawa Barat" names the body, "gedung DPR" its building
                and not (m.type is ORG and word.group(1) in self.area_heads)
                # "wilayah Provinsi Sulawesi Tengah": the name has its own head already
                and not (
                    word.group(1) in self.area_heads
                    and m.text.split(" ", 1)[0].lower() in self.loc_heads
                )
            ):
                start, kind = start - len(word.group()), before_heads[word.group(1)]
            if kind is ORG:  # "45th Brigade", "Divisi Infanteri ke-77": the unit's number
                number = self.ordinal_before.search(self.text, max(0, start - 12), start)
                start = number.start() if number else start
                number = self.ordinal_after.match(self.text, end)
                end = number.end() if number else end
            if (start, end) != (m.start, m.end):
                text = self.lay.body[start:end]
                entry = m.entry if kind is m.type else None  # "Almaty police" is not Almaty
                self.mentions[i] = replace(
                    m, start=start, end=end, text=text, type=kind, entry=entry, cue="head"
                )
        self._bodies_of_countries()
        for ds, de, _ in self.demonyms:
            gap = re.match(r"[ \t]+", self.text[de : de + 3])
            if gap is None:
                continue
            at = de + gap.end()
            j = starts.get(at)
            if j is not None and self.mentions[j].type is ORG and self.mentions[j].entry is None:
                m = self.mentions[j]
                self.mentions[j] = replace(m, start=ds, text=self.lay.body[ds : m.end])
                continue
            word = re.match(r"([a-z][\w-]*)(?![\w-])", self.text[at : at + 20])
            if word and word.group(1) in self.generic_forces:
                continue  # "Turkish police" are the state's, as "Russian military" is
            # rule a-demonym-s-government: "the Mexican government said" names a body,
            # while the state (Mexico) is still who sends troops
            governs = word is not None and word.group(1) in self.demonym_governments
            if word and (after_heads.get(word.group(1)) is ORG or governs):
                end = at + word.end()
                index = self.sentence_at(ds)
                where = self.lay.sentences[index].kind if index >= 0 else Kind.STORY
                text = self.lay.body[ds:end]
                cue = "demonym-government" if governs else "head"
                self.mentions.append(Mention(ds, end, text, index, ORG, None, cue, where))

    def state_bodies_by_noun(self) -> None:
        """Rule a-state-body-by-its-noun: a state's body the text names by its lower-case
        noun alone ("the interior ministry said", "Defence ministry spokesman X") is an
        organization of the article, one per noun; a name or demonym before it ("the
        Ukrainian defence ministry") has named it already."""
        nouns = self.lang.words("state_body_nouns")
        if not nouns:
            return
        found = re.finditer(
            rf"(?<![\w-])(?:{'|'.join(map(re.escape, nouns))})(?![\w-])", self.text, re.IGNORECASE
        )
        for hit in found:
            start, end = hit.span()
            if not self.text[end - 1].islower():
                continue  # "Interior Ministry" is a name the runs found
            inside = [i for i, m in enumerate(self.mentions) if m.start < end and start < m.end]
            if len(inside) > 1 or any(
                self.mentions[i].entry is not None
                or not start <= self.mentions[i].start < self.mentions[i].end <= end
                for i in inside
            ):
                continue  # "the Ukrainian defence ministry": named with its state
            index = self.sentence_at(start)
            where = self.lay.sentences[index].kind if index >= 0 else Kind.STORY
            text = self.lay.body[start:end]
            body = Mention(start, end, text, index, ORG, None, "state-body", where)
            if inside:  # "Interior ministry spokesman": the capital the sentence gives
                self.mentions[inside[0]] = body
            else:
                self.mentions.append(body)

    def _capital_of_its_place(self, m: Mention, head_end: int) -> bool:
        """Rule a-sentence-s-first-word-is-no-name: one word that nothing knows, written
        with a capital only because it opens its sentence or a quote, names no body with
        the head noun after it when a noun makes that head a modifier ("Heavy police
        presence was seen", "“Adequate police presence will ...”"); "Elite police were
        deployed" still names the force."""
        if m.cue != "single" or m.entry is not None or m.sentence < 0:
            return False
        noun = re.match(r"[ \t]+([a-z][\w-]*)", self.text[head_end : head_end + 30])
        if noun is None or noun.group(1) not in self.lang.words("head_noun_modified"):
            return False
        opening = self.text[self.lay.sentences[m.sentence].start : m.start]
        first = not opening.strip(" \t\n\"“‘'(") or opening.rstrip(" \t").endswith(("“", '"'))
        return first and self.town(m.text) is None

    def _portfolio_named(self, end: int) -> bool:
        """A short name in brackets and a body after it follow the titled run ending at
        ``end`` ("Direktur Reserse Kriminal Umum (Direskrimum) Polda Riau"): the run names
        the office, whose body comes next."""
        m = _PORTFOLIO_AFTER.match(self.text, end)
        if m is None:
            return False
        word = re.match(r"[\w-]+", self.text[m.end() - 1 : m.end() + 30])
        return word is not None and word.group().lower() in self.org_heads

    def _named_body(self, m: Mention) -> bool:
        """Rule a-body-needs-no-head: an organization already named as one (known, an
        acronym, or ending in an organization word) does not take the lower-case head
        noun after it ("the UDPS party", "the Awami League party", "HTS group"): the noun
        describes the body, it is no part of its name."""
        if m.type is not ORG:
            return False
        last = m.text.split()[-1].lower()
        return m.entry is not None or m.cue == "acronym" or last in self.org_words

    def _bodies_of_countries(self) -> None:
        """Rule a-country-s-body: a country named right before an organization ("Rwanda
        National Police", "Bangladesh Army") is part of that body's name, not a place of
        the story; the country keeps its other mentions."""
        by_start = {m.start: i for i, m in enumerate(self.mentions)}
        drop: set[int] = set()
        for i, m in enumerate(self.mentions):
            if m.type is not LOC or m.entry is None or m.entry.kind != "country":
                continue
            gap = self.owner_gap.match(self.text[m.end : m.end + 5])
            j = by_start.get(m.end + gap.end()) if gap else None
            if j is None or j in drop:
                continue
            body = self.mentions[j]
            if body.type is not ORG or body.entry is not None:
                continue
            possessive = gap is not None and not gap.group().isspace()
            words = {w.lower() for w in body.text.split()}
            if possessive and not words & self.state_body_words:
                continue  # "Rwanda's New Times" is a newspaper there, not the state's
            text = self.lay.body[m.start : body.end]
            self.mentions[j] = replace(body, start=m.start, text=text, cue="head")
            if not possessive:  # "Germany's Defense Ministry" also names Germany
                drop.add(i)
                continue
            # the body's name without the country, elsewhere, is the same body
            short = next((o for o in self.mentions if o.text == body.text), None)
            if short is not None:
                self.aliases.append((self.mentions[j], short))
        # and the other way round: a country's acronym after a body or a building is part
        # of its name ("gedung DPR RI", "Mabes TNI RI")
        by_end = {m.end: i for i, m in enumerate(self.mentions) if i not in drop}
        for i, m in enumerate(self.mentions):
            if i in drop or m.type is not LOC or m.entry is None or m.entry.kind != "country":
                continue
            if not (m.text.isupper() and len(m.text) <= 3):
                continue
            gap = re.search(r"[ \t]+$", self.text[max(0, m.start - 3) : m.start])
            j = by_end.get(m.start - len(gap.group())) if gap else None
            if j is None or j in drop or self.mentions[j].type is PER:
                continue
            body = self.mentions[j]
            text = self.lay.body[body.start : m.end]
            self.mentions[j] = replace(body, end=m.end, text=text)
            drop.add(i)
        self.mentions = [m for i, m in enumerate(self.mentions) if i not in drop]

    def place_head_aliases(self) -> None:
        """Rule a-place-with-its-head-is-the-place: "Provinsi Papua", "Kota Jayapura",
        "Cabo Delgado province" and "Papua", "Jayapura", "Cabo Delgado" in one article are
        one place with two names; so are a site and its name without its head."""
        heads = {w.lower() for w in self.lang.words("place_nouns")}
        sites = {w.lower() for w in self.lang.words("site_words")}
        by_text = _first_by_text(self.mentions, LOC)
        towns = {t.split(" ", 1)[1] for t in by_text if t.split(" ", 1)[0] in self.town_prefixes}
        for m in self.mentions:
            if m.type is not LOC:
                continue
            words = m.text.split()
            if len(words) < 2:
                continue
            cores = []
            core = " ".join(words[1:]).casefold()
            if words[0].lower() in heads and words[0].lower() not in self.town_prefixes:
                # rule a-regency-and-its-town: with "Kota Poso" told, "Kabupaten Poso" (or
                # "Kecamatan Poso") is an area of its own around the town, not the town
                cores += [] if core in towns else [core]
            elif words[0].lower() in heads:
                cores.append(core)
            elif words[-1].lower() in heads:
                cores.append(" ".join(words[:-1]))
            elif words[0].lower() in sites and len(words) > 2:
                # rule a-site-and-its-short-name: "Gedung Negara Grahadi" and "Grahadi" in
                # one article are one site (not "Mapolres Kaimana" and the regency Kaimana)
                # ("Bandara Almaty" is no Almaty: a site named after a known town is its own)
                cores += [
                    core
                    for k in (1, 2)
                    if len(words) > k and self.alias_text(core := " ".join(words[k:])) is None
                ]
            for core in cores:
                other = by_text.get(core.casefold())
                if (
                    other is not None
                    and other is not m
                    and (other.entry is None or m.entry is None)
                    # "Port Sudan", "Guatemala City": a town named after its country
                    and not (other.entry is not None and other.entry.kind == "country")
                ):
                    self.aliases.append((other, m))
                    break

    def the_capital_by_its_noun(self) -> None:
        """Rule the-capital-by-its-noun: "mengamankan aksi di Ibu Kota", "in the Capital":
        the capital noun written as a name is the capital the article names, that of its
        most named country, or its only one."""
        nouns = {w.casefold() for w in self.lang.words("capital_nouns")}
        named = [
            m
            for m in self.mentions
            if m.type is LOC and m.entry is None and m.text.casefold() in nouns
        ]
        if not named:
            return
        capitals = [m for m in self.mentions if m.entry is not None and m.entry.capital_of]
        countries = Counter(
            m.entry.key for m in self.mentions if m.entry is not None and m.entry.kind == "country"
        )
        most = countries.most_common(1)[0][0] if countries else None
        home = next((m for m in capitals if m.entry and m.entry.capital_of == most), None)
        if home is None and len({m.entry.key for m in capitals if m.entry}) == 1:
            home = capitals[0]
        if home is not None:
            self.aliases += [(home, m) for m in named]

    def places_in_mission_names(self) -> None:
        """Rule a-mission-s-place: "the African Union Mission in Somalia", "Misi PBB di
        Sudan Selatan": the place a mission's name holds is a place of the article."""
        heads = self.lang.pattern("mission_nouns").pattern
        links = self.lang.pattern("name_place_links").pattern
        if not heads or not links:
            return
        the = self.lang.pattern("definite_articles").pattern
        inside = re.compile(rf"(?:{heads})\s+(?:{links})\s+(?:(?:{the})\s+)?", re.IGNORECASE)
        for m in list(self.mentions):
            if m.type is not ORG:
                continue
            link = inside.search(m.text)
            if link is None or not m.text[link.end() : link.end() + 1].isupper():
                continue
            name = m.text[link.end() :]
            entry = self.auth.lookup(name) or self.town(name)
            if entry is None or entry.type is not LOC:
                continue
            start = m.start + link.end()
            self.mentions.append(
                Mention(start, m.end, name, m.sentence, LOC, entry, "in-name", m.kind)
            )

    def towns_ending_sites(self) -> None:
        """Rule a-site-then-its-town: "Jalan Sultan Alauddin Makassar", "Monumen Demokrasi
        Bangkok": a site's name written with its town after it, without a comma, is the
        site and the town."""
        sites = {w.lower() for w in self.lang.words("site_words")}
        seated = {w.lower() for w in self.lang.words("seated_heads")}
        added: list[Mention] = []
        for i, m in enumerate(self.mentions):
            words = m.text.split()
            if m.entry is not None or len(words) < 3:
                continue
            # rule a-command-then-its-seat: "Kodam I Bukit Barisan Palembang", "Lanud Atang
            # Sendjaja Bogor": a command or base named after no place, then its town
            if not (m.type is LOC and words[0].lower() in sites) and not (
                m.type is not PER and words[0].lower() in seated
            ):
                continue
            for k in (2, 1):
                if len(words) - k < 2:
                    continue
                tail = " ".join(words[-k:])
                entry = self.auth.lookup(tail) or self._told_town(tail)
                if (
                    entry is None
                    or entry.type is not LOC
                    or entry.kind not in ("town", "city", None)
                    # rule a-namesake-town-ends-no-site: "Bandara Soekarno Hatta", "Stadion
                    # Gelora Bung Karno": a gazetteer town of a country the article never
                    # names is a word of the site's name, no town after it
                    or (entry.kind == "town" and not self._placed_town(entry))
                ):
                    continue
                cut = m.start + len(m.text) - len(tail)
                head = self.lay.body[m.start : cut].rstrip()
                if head.split()[-1].lower() not in self.town_prefixes:
                    self.mentions[i] = replace(m, end=m.start + len(head), text=head)
                # rule a-site-named-after-its-town: "Balai Kota Malang" keeps its whole name
                # (the town's prefix "Kota" makes "Malang" a word of it), Malang is a place too
                cue = "town-of-a-site" if m.type is LOC else "a-command-then-its-seat"
                added.append(replace(m, start=cut, text=tail, entry=entry, type=LOC, cue=cue))
                break
        self.mentions.extend(added)

    def companies_without_their_form(self) -> None:
        """Rule a-company-by-its-legal-form: "PT Sinar Abadi (SA)", then "PT SA": the name
        after the legal form is the company's, so the two are one entity."""
        by_text = {m.text.casefold(): m for m in self.mentions if m.type is ORG}
        for m in list(self.mentions):
            form, _, rest = m.text.partition(" ")
            if m.type is not ORG or form.lower() not in self.company_forms or not rest:
                continue
            other = by_text.get(rest.casefold())
            if other is not None:
                self.aliases.append((other, m))

    def offices_of_place_heads(self) -> None:
        """Rule an-office-is-a-site: "di depan kantor Bupati Sleman", "Kantor Wali Kota
        Depok": the office of a place's head is a building, a Location of its own beside
        the place its name ends with."""
        heads = [k for k, v in self.title_labels.items() if v in self.place_titles]
        if not heads or not self.office_words:
            return
        offices = "|".join(map(re.escape, sorted(self.office_words, key=len, reverse=True)))
        titles = "|".join(map(re.escape, sorted(heads, key=len, reverse=True)))
        office = re.compile(rf"(?<![\w-])(?:{offices})\s+(?:{titles})\s+$", re.IGNORECASE)
        seen: dict[tuple[str, str], Mention] = {}
        for m in list(self.mentions):
            if m.type is not LOC or m.sentence < 0:
                continue
            hit = office.search(self.text, max(0, m.start - 40), m.start)
            if hit is None:
                continue
            text = self.lay.body[hit.start() : m.end]
            site = Mention(hit.start(), m.end, text, m.sentence, LOC, None, "office-site", m.kind)
            self.mentions.append(site)
            # "kantor Gubernur Provinsi Kepri" after "kantor Gubernur Kepri": one building
            words = m.text.casefold().split()
            office_words = " ".join(hit.group().lower().split())
            places = {" ".join(words[1:] if words[0] in self.loc_heads and words[1:] else words)}
            if m.entry is not None:
                places.add(m.entry.key)  # "Kantor Gubernur Sumbar", "... Sumatera Barat"
            keys = [(office_words, place) for place in places]
            first = next((seen[k] for k in keys if k in seen), None)
            if first is not None:
                self.aliases.append((first, site))
            for k in keys:
                seen.setdefault(k, site)

    def holders_offices(self) -> None:
        """Rule a-holder-s-office: an office that its holder's possessive names is a body
        of the article ("the ombudsman's office said", "Smith's office denied it", "the
        Governor's Office of Texas"): an organization; a name the holder has keeps its
        own entity, and a run that went on from the office word ("Office of Texas") is
        part of it."""
        if not self.holder_bodies:
            return
        nouns = "|".join(map(re.escape, sorted(self.holder_bodies, key=len, reverse=True)))
        found = re.finditer(
            rf"(?<![\w'’-])([\w-]+){self.lang.possessive}[ \t]+(?:{nouns})(?![\w-])",
            self.text,
            re.IGNORECASE,
        )
        holders = {m.end: m for m in self.mentions if m.type in (PER, ORG)}
        for hit in found:
            word = hit.group(1).lower()
            if word in self.lang.stopwords and word not in self.title_labels:
                continue  # "that's office work", "it's office hours"; "the president's" holds
            start, end = hit.span()
            holder = holders.get(hit.end(1))
            start = holder.start if holder is not None else start  # "Yoon Suk Yeol's office"
            at = hit.end() - len(hit.group().split()[-1])
            going_on = [m for m in self.mentions if m.start == at and m.type is ORG]
            end = max([end, *(m.end for m in going_on)])
            index = self.sentence_at(start)
            if index < 0:
                continue
            where = self.lay.sentences[index].kind
            text = self.lay.body[start:end]
            self.mentions = [m for m in self.mentions if m not in going_on]
            self.mentions.append(Mention(start, end, text, index, ORG, None, "office", where))

    def alias_text(self, name: str) -> AuthorityEntry | None:
        """The known place or body of a name (the authority, else a gazetteer town)."""
        return self.auth.lookup(name) or self.town(name)

    def force_short_names(self) -> None:
        """Rule a-force-and-its-short-name: "Kepolisian Resor Kota Pati" and "Polresta Pati"
        in one article are one body (the language file's short forms of force heads)."""
        short = {k.casefold(): str(v) for k, v in self.lang.table("force_short_heads").items()}
        if not short:
            return
        by_text = _first_by_text(self.mentions, ORG)
        for m in self.mentions:
            if m.type is not ORG:
                continue
            folded = m.text.casefold()
            for long, abbr in sorted(short.items(), key=lambda kv: -len(kv[0])):
                if folded.startswith(long + " "):
                    area = m.text[len(long) + 1 :]
                    other = by_text.get(f"{abbr} {area}".casefold())
                    if other is None:
                        # "Kepolisian Daerah Sulawesi Barat" and "Polda Sulbar"
                        prefix = f"{abbr} ".casefold()
                        other = next(
                            (
                                o
                                for t, o in by_text.items()
                                if t.startswith(prefix) and abbreviates(o.text[len(prefix) :], area)
                            ),
                            None,
                        )
                    if other is not None and other is not m:
                        self.aliases.append((other, m))
                    break

    def force_area_short_names(self) -> None:
        """Rule a-force-and-its-area-s-short-name: "Polda Kalimantan Barat" and "Polda
        Kalbar", "Polda Nusa Tenggara Timur" and "Polda NTT" in one article are one body:
        the same force head, one area a one-word abbreviation of the other."""
        heads = sorted(
            (h for h in self.lang.words("area_forces") if " " not in h), key=len, reverse=True
        )
        by_head: dict[str, list[tuple[str, Mention]]] = {}
        for m in self.mentions:
            head, _, area = m.text.partition(" ")
            if m.type is ORG and area and head in heads:
                by_head.setdefault(head, []).append((area, m))
        for named in by_head.values():
            for short, m in named:
                longer = {a: o for a, o in named if " " not in short and abbreviates(short, a)}
                if len(longer) == 1:
                    self.aliases.append((next(iter(longer.values())), m))

    def unit_word_variants(self) -> None:
        """Rule a-unit-word-is-optional: "Satuan Brimob Polda Kepri", "Sat Brimob Polda
        Kepri" and "Brimob Polda Kepri" in one article are one body; the unit word before a
        name that has its own head noun (the language's optional unit words) adds nothing."""
        optional = frozenset(w.casefold() for w in self.lang.words("optional_unit_words"))
        if not optional:
            return
        by_core = _first_by_text(self.mentions, ORG)  # a name without its unit word
        for m in self.mentions:
            first, _, rest = m.text.partition(" ")
            if m.type is not ORG or first.casefold() not in optional:
                continue
            if rest.split(" ", 1)[0].lower() not in self.org_heads:
                continue
            other = by_core.setdefault(rest.casefold(), m)
            if other is not m:
                self.aliases.append((other, m))

    def corps_and_its_one_unit(self) -> None:
        """Rule a-corps-and-its-one-unit: a corps named by its head word alone ("200
        personel Brimob tiba") in an article that names one unit of it ("Brimob Polda
        Sulut", with or without its unit word) is that unit; with several units named, the
        corps stays a body of its own."""
        optional = frozenset(w.casefold() for w in self.lang.words("optional_unit_words"))
        for i, m in enumerate(self.mentions):
            head = m.text.casefold()
            if m.type is not ORG or (head not in self.corps_heads and head not in self.heads_alone):
                continue
            units: dict[str, Mention] = {}
            for o in self.mentions:
                words = o.text.casefold().split()
                worded = o.type is ORG and len(words) > 1 and words[0] in optional
                if worded:
                    words = words[1:]  # "Korps Brimob Polri", "Satuan Brimob" count too
                if words[:1] == [head] and (len(words) > 1 or worded):
                    units.setdefault(" ".join(words), o)
            unit = next(iter(units), head) if len(units) == 1 else head
            if unit != head:  # the unit's own name stays its first ("corps" refers)
                self.mentions[i] = replace(m, cue="corps")
                self.aliases.append((units[unit], self.mentions[i]))

    def demonym_name_variants(self) -> None:
        """Rule a-body-named-by-demonym-or-country: "Kenyan Defence Forces" and "Kenya
        Defence Forces" in one article are one body, its first word the country's name or
        its demonym."""
        by_text = _first_by_text(self.mentions, ORG)
        for m in self.mentions:
            first, _, rest = m.text.partition(" ")
            entry = self.auth.by_demonym(first) if m.type is ORG and rest else None
            if entry is None or entry.kind != "country":
                continue
            other = next(
                (by_text.get(f"{name} {rest}".casefold()) for name in entry.names),
                None,
            )
            if other is not None and other is not m:
                self.aliases.append((other, m))

    def country_of_a_body(self, words: list[str]) -> bool:
        """``words`` name a country (its name, or its demonym as one word)."""
        text = " ".join(words)
        entry = self.auth.lookup(text) or (self.auth.by_demonym(text) if len(words) == 1 else None)
        return entry is not None and entry.kind == "country"

    def bodies_without_their_country(self) -> None:
        """Rule a-body-without-its-country: "the Armenian National Assembly" and "the
        National Assembly", "Istana Kepresidenan Brasil" and "Istana Kepresidenan" in one
        article are one body or site, when the article names it with one country only (the
        country before or after the name, or after a link word of the language's
        country_links: "the National Assembly of Hungary")."""
        links = {w.casefold() for w in self.lang.words("country_links")}
        longer: dict[str, dict[str, Mention]] = {}  # a name -> its forms with a country
        for m in self.mentions:
            words = m.text.split()
            for k in range(1, len(words)):
                before, after = words[:k], words[k:]
                tail = after[1:] if after[0].casefold() in links else after
                for core, country in ((after, before), (before, tail)):
                    if country and self.country_of_a_body(country):
                        key = f"{m.type} {' '.join(core)}".casefold()
                        longer.setdefault(key, {}).setdefault(m.text, m)
        for m in self.mentions:
            forms = longer.get(f"{m.type} {m.text}".casefold(), {})
            if len(forms) == 1:
                self.aliases.append((next(iter(forms.values())), m))

    def without_number(self, name: str) -> str:
        """``name`` without its roman unit number, in its short form when its head has one:
        "Komando Daerah Militer VI Mulawarman" -> "kodam mulawarman"."""
        words = [w.split("/", 1) for w in name.split()]
        kept = [tail if _ROMAN.fullmatch(head) else [head, *tail] for head, *tail in words]
        text = " ".join("/".join(parts) for parts in kept if any(parts)).casefold()
        for long, abbr in self.lang.table("force_short_heads").items():
            if text.startswith(f"{str(long).casefold()} "):
                return f"{str(abbr).casefold()}{text[len(str(long)) :]}"
        return text

    def unit_numbers_are_optional(self) -> None:
        """Rule a-unit-s-number-is-optional: "Kodam XVII/Cenderawasih" and "Kodam
        Cenderawasih", "Komando Daerah Militer VI Mulawarman" and "Kodam Mulawarman" in one
        article are one body: a unit written with its roman number and without it, when the
        article numbers one unit of that name only."""
        numbered: dict[str, dict[str, Mention]] = {}
        for m in self.mentions:
            plain = self.without_number(m.text)
            if m.type is ORG and any(_ROMAN.fullmatch(w.split("/")[0]) for w in m.text.split()):
                # "Kodam XVII/ Cenderawasih" and "Kodam XVII/Cenderawasih": one number
                numbered.setdefault(plain, {}).setdefault(m.text.casefold().replace("/ ", "/"), m)
        for m in self.mentions:
            forms = numbered.get(self.without_number(m.text), {}) if m.type is ORG else {}
            if len(forms) == 1 and m.text.casefold().replace("/ ", "/") not in forms:
                self.aliases.append((next(iter(forms.values())), m))

    def sentence_at(self, position: int) -> int:
        """The index of the sentence that holds ``position`` (-1 if none does)."""
        starts = [s.start for s in self.lay.sentences]
        i = bisect.bisect_right(starts, position) - 1
        return i if i >= 0 and position < self.lay.sentences[i].end else -1


def find_entities(
    lay: Layout,
    lang: LangResources,
    authority: Authority,
    *,
    learned: bool = True,
    record: list[tuple[Candidate, int, int]] | None = None,
) -> Entities:
    """Find, type, link and group the names of an article.

    With ``learned``, the shipped typer types names no rule types; ``record``, when given,
    collects those names with their offsets (to train the typer).
    """
    f = _Finder(lay, lang, authority, NameTyper.shipped() if learned else None, record)
    headline: list[tuple[Run, int]] = []
    for index, s in enumerate(lay.sentences):
        titles = find_titles(lay.clean, lang, s.start, s.end)
        f.add_titles(titles)
        for run in find_runs(lay.clean, lang, s.start, s.end, index, titles):
            if s.kind is Kind.HEADLINE:
                headline.append((run, s.start))
            else:
                f.run(run, s.kind, s.start)
    named = {m.start for m in f.mentions}
    for ds, de in lay.dateline_places:
        if ds not in named:
            name = lay.body[ds:de]
            entry = authority.lookup(name) or authority.lookup(name.title()) or f.town(name)
            f.mentions.append(
                Mention(ds, de, name, -1, entry.type if entry else LOC, entry, "dateline")
            )
            named.add(ds)
    f.extras()
    f.bloc_edges()
    f.demonym_edges()
    f.spelled_bodies()
    f.led_groups()
    f.alliance_references()
    f.head_words()
    f.state_bodies_by_noun()
    f.split_person_tails()
    f.place_head_aliases()
    f.force_short_names()
    f.force_area_short_names()
    f.unit_word_variants()
    f.corps_and_its_one_unit()
    f.demonym_name_variants()
    f.bodies_without_their_country()
    f.unit_numbers_are_optional()
    f.towns_ending_sites()
    f.offices_of_place_heads()
    f.holders_offices()
    f.companies_without_their_form()
    f.places_in_mission_names()
    f.the_capital_by_its_noun()
    drafts = _cluster(f.mentions, f.aliases)
    known: dict[str, Draft] = {}  # a name to the first entity that has it
    for d in drafts:
        for n in d.names:
            known.setdefault(n.casefold(), d)
    by_key = {d.entry.key: d for d in drafts if d.entry is not None}
    used = {d.id for d in drafts}
    for run, start in headline:
        before = len(f.mentions)
        f.run(run, Kind.HEADLINE, start)
        for m in f.mentions[before:]:
            owner = known.get(m.text.casefold())
            if owner is None and m.entry is not None:
                owner = by_key.get(m.entry.key)
            if owner is not None:
                owner.mentions.append(m)
            elif m.entry is not None and m.entry.key not in used:
                # A known place or body named in the headline only ("Curfew in Tanzania as
                # ..."): the story is about it, so it is an entity of the article.
                owner = Draft(m.entry.key, m.entry.type, m.entry, [m])
                drafts.append(owner)
                by_key[m.entry.key] = owner
                known[m.text.casefold()] = owner
                used.add(owner.id)
    result = Entities(drafts, f.titles, f.demonyms, authority=authority)
    for d in drafts:
        for m in d.mentions:
            result.by_mention[(m.start, m.end)] = d
    return result


@functools.cache
def title_bodies(lang: LangResources) -> dict[str, list[str]]:
    """The head nouns of the bodies a title names its holder the head of, by title
    ("kapolda": ["Polda"], "dansat": ["Satuan", "Sat"])."""
    return {
        str(k).lower(): [str(n) for n in (v if isinstance(v, list) else [v])]
        for k, v in lang.table("title_bodies").items()
    }


def _speakers(text: str, lang: LangResources) -> frozenset[str]:
    """Names (and their last words) that a speech verb or a source cue is attached to:
    "kata Tatan", "Tatan mengatakan", "Smith said", "said Smith", "according to Smith"."""
    verbs = "|".join(
        re.escape(v) for v in (*lang.words("speech_verbs"), *lang.words("source_cues"))
    )
    if not verbs:
        return frozenset()
    # rule a-speaker-s-name-with-its-article: "Ali al-Sadr said": a word of the name may
    # begin with an Arabic article in lower case
    word = rf"(?:{ARTICLE_PREFIX.pattern}|[A-Z])[\w'’-]*"
    name = rf"{word}(?:\s+{word}){{0,3}}"
    # "ujar Kapolres Pelabuhan Tanjung Perak Surabaya ...": after such a title come the
    # places of the body its holder heads, not the speaker's name
    bodies = set(title_bodies(lang))
    found: set[str] = set()
    articles = lang.pattern("article_words").pattern
    relative = lang.pattern("relative_pronouns").pattern  # "Ms X, who said"
    # "X, the mayor of Basra, said": the place a title's apposition ends with, no speaker
    owned = re.compile(rf"(?<![\w-])(?:{lang.pattern('title_of').pattern})\s+$", re.IGNORECASE)
    for before_verb, pattern in (
        (False, rf"(?<![\w-])(?:{verbs})\s+((?:(?!(?:{articles})\s)\w+\.?\s+){{0,2}})?({name})"),
        # the word between is lower case ("Smith also said"): "di Sumatera Utara, Sandi
        # menjelaskan" is Sandi speaking, not the province
        # ("Koforidua, organisers said": a word after a comma is the speaker, not the name)
        (
            True,
            rf"()({name})(?:,?\s+|\s+[a-z][\w-]*\s+|,\s+(?i:{relative})\s+)(?:{verbs})(?![\w-])",
        ),
    ):
        for m in re.finditer(pattern, text):
            skipped = (m.group(1) or "").lower().split()
            first = m.group(2).split()[0]
            words = m.group(2).lower().split()
            if (skipped or words)[0].rstrip(".") in bodies:
                continue
            if before_verb and (
                (len(words) > 1 and len(first) > 1 and first.isupper())
                or re.search(r"\)[ \t]+$", text[max(0, m.start(2) - 5) : m.start(2)])
            ):
                # "perwakilan LBH Surabaya, menyebut", "Lembaga Bantuan Hukum (LBH)
                # Surabaya, menyebut": the end of a body's name, no speaker's
                continue
            if (
                before_verb
                and text[m.end(2) : m.end(2) + 1] == ","
                and owned.search(text, max(0, m.start(2) - 12), m.start(2))
            ):
                continue
            found.add(" ".join(words))
            found.add(words[-1])
    return frozenset(found)


@functools.cache
def _possessives(lang: LangResources) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """A name's possessive as the rules read it, once per language: ending a name
    ("Kenya's"), before the next word ("Russia's Defence Ministry"), and maybe one before
    the name that follows ("Germany's Defense Ministry", "Germany Defense Ministry")."""
    any_owner = lang.any_possessive
    return (
        re.compile(rf"{any_owner}$"),
        re.compile(rf"{any_owner}\s"),
        re.compile(rf"(?:{any_owner})?[ \t]+"),
    )


@functools.cache
def _office_after(lang: LangResources) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """An office right after a name, which makes the name a person's: after its comma and
    words of ``office_apposition_words`` ("X, Kenya's president", "X, who is the president
    of", "X, yang adalah Presiden"), or after a verb and a word of ``title_as`` ("X dilantik
    sebagai Presiden"); once per language."""
    office = phrase_pattern(list(lang.titles)).pattern
    words = lang.pattern("office_apposition_words").pattern
    title_as = lang.pattern("title_as").pattern
    return (
        re.compile(
            rf",\s+(?:(?:{words})\s+)*(?:[\w-]+(?:{lang.possessive})?\s+)?(?:{office})\b",
            re.IGNORECASE,
        ),
        re.compile(rf"\s+[\w-]+\s+(?:{title_as})\s+(?:{office})\b", re.IGNORECASE),
    )


@functools.cache
def _described_as(lang: LangResources, key: str) -> re.Pattern[str]:
    """A description of the name before it, after its comma, headed by a noun of ``key``
    ("Diabaly, a town in", "X, a rebel group", "X, sebuah kota di"); once per language."""
    articles = lang.pattern("apposition_articles").pattern
    nouns = lang.pattern(key).pattern
    return re.compile(rf",\s+(?:{articles})\s+(?:\w+\s+)?(?:{nouns})\b")


@functools.cache
def _outlet_patterns(lang: LangResources) -> tuple[re.Pattern[str], ...]:
    """The patterns of rule an-outlet-cited, compiled once per language: a report cue (with
    an outlet noun) right before a name ("dilansir dari laman Disway.id", "menurut harian
    Kompas"), a source cue before it ("according to the"), and an outlet noun after it
    ("... Axios publication")."""
    outlets = lang.pattern("outlet_nouns").pattern
    reports = lang.pattern("report_cues").pattern
    cited = rf"{reports}|{lang.pattern('source_cues').pattern}"
    return (
        re.compile(
            rf"(?:(?<![\w-])(?:{reports})(?:\s+(?:{outlets}))?"
            rf"|(?<![\w-])(?:{cited})\s+(?:{outlets}))[ \t]+$",
            re.IGNORECASE,
        ),
        re.compile(
            rf"(?<![\w-])(?:{cited})\s+(?:(?:{lang.pattern('definite_before').pattern})\s+)?$",
            re.IGNORECASE,
        ),
        re.compile(rf"[ \t]+(?:{outlets})(?![\w-])", re.IGNORECASE),
    )


def _slug(name: str) -> str:
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")[:40] or "entity"


def _still(index: dict[int, int], mentions: list[Mention], m: Mention) -> int | None:
    """The index of ``m``, or of the mention that replaced it when a later step widened,
    trimmed or merged it ("Satuan Brimob Polda X (Kepri)" widened to a longer name): the one
    that starts where it did, else the one that covers it; None if it was dropped."""
    if id(m) in index:
        return index[id(m)]
    for i, other in enumerate(mentions):
        if other.start == m.start or (other.start <= m.start and m.end <= other.end):
            return i
    return None


def _known_below_country(m: Mention) -> bool:
    """``m`` is a place the authority file knows, smaller than a country."""
    entry = m.entry
    return (
        m.cue == "authority"
        and entry is not None
        and entry.type is LOC
        and entry.kind not in ("country", None)
    )


def _cluster(mentions: list[Mention], aliases: list[tuple[Mention, Mention]]) -> list[Draft]:
    parent: dict[int, int] = {}

    def find(i: int) -> int:
        root = i
        while parent.get(root, root) != root:
            root = parent[root]
        while i != root:  # path compression: the root (the smallest index) stays the same
            parent[i], i = root, parent[i]
        return root

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    index = {id(m): i for i, m in enumerate(mentions)}
    keys: dict[str, int] = {}
    for i, m in enumerate(mentions):
        key = f"auth:{m.entry.key}" if m.entry else f"name:{m.text.casefold()}"
        if key in keys:
            union(keys[key], i)
        else:
            keys[key] = i
    for a, b in aliases:
        ia, ib = _still(index, mentions, a), _still(index, mentions, b)
        if ia is not None and ib is not None:
            union(ia, ib)
    # a word of a person's name -> one mention per key of the persons with that word: the
    # mentions of one key are one group already, so one of them stands for all
    persons: dict[str, dict[str, int]] = {}
    surnames: dict[str, dict[str, int]] = {}  # the last word of a two- or three-word name
    for i, m in enumerate(mentions):
        words = m.text.split()
        if m.type is PER and len(words) > 1:
            key = f"auth:{m.entry.key}" if m.entry else f"name:{m.text.casefold()}"
            for word in words:
                persons.setdefault(word, {}).setdefault(key, i)
            if len(words) <= 3:
                surnames.setdefault(words[-1], {}).setdefault(key, i)
    for i, m in enumerate(mentions):
        if len(m.text.split()) == 1 and (
            (m.entry is None and m.cue in ("single", "title", "place", "acronym"))
            # "President Carlos Moreno ... until Moreno restores fuel subsidies": the
            # president, not a town of that name the gazetteer knows
            or (m.cue.startswith("gazetteer") and m.text in persons)
        ):
            owners = {find(p) for p in persons.get(m.text, {}).values()}
        elif _known_below_country(m) and m.text in surnames:
            # rule a-person-s-surname-is-no-region: "Guadalberto Lara, director of ...",
            # then "Lara said": the person, not the region the authority file knows
            owners = {find(p) for p in surnames[m.text].values()}
        else:
            continue
        if len(owners) == 1:
            if m.cue.startswith("gazetteer") or _known_below_country(m):
                m.type, m.entry, m.cue = PER, None, "single"
            union(owners.pop(), i)
    # rule an-acronym-of-a-name-told: "The NZDF said" after "New Zealand Defence Force
    # personnel departed": the body, though the text never wrote "(NZDF)"
    bodies = [(j, o) for j, o in enumerate(mentions) if o.type is ORG and " " in o.text]
    for i, m in enumerate(mentions):
        if m.cue != "acronym" or m.entry is not None or " " in m.text:
            continue
        owners = {find(j) for j, o in bodies if abbreviates(m.text, o.text)}
        if len(owners) > 1:
            # rule initials-before-syllables: "PRP" after "Petisi Rakyat Papua" and
            # "Pemerintah Pusat" is the name whose initials it spells
            owners = {find(j) for j, o in bodies if _initials(o.text) == m.text.upper()}
        if len(owners) == 1:
            union(owners.pop(), i)
    # rule a-shorter-form-of-a-name: "Ade Ary" after "Ade Ary Syam Indradi", "Yan Fitri"
    # after "Yan Fitri Halimansyah": the first (or last) words of one longer person's name
    longer = [(i, m.text.split()) for i, m in enumerate(mentions) if m.type is PER]
    for i, m in enumerate(mentions):
        words = m.text.split()
        if m.type is not PER or m.entry is not None or len(words) < 2:
            continue
        owners = {
            find(j)
            for j, other in longer
            if len(other) > len(words)
            and (other[: len(words)] == words or other[-len(words) :] == words)
        }
        if len(owners) == 1:
            union(owners.pop(), i)
    groups: dict[int, list[Mention]] = {}
    for i, m in enumerate(mentions):
        groups.setdefault(find(i), []).append(m)
    drafts: list[Draft] = []
    used: set[str] = set()
    tried: dict[str, int] = {}  # a base id -> the next number to try
    for members in sorted(groups.values(), key=lambda ms: min(m.start for m in ms)):
        members.sort(key=lambda m: m.start)
        entry = next((m.entry for m in members if m.entry is not None), None)
        types = Counter(m.type for m in members if m.type is not None and m.cue != "single")
        if entry is not None:
            kind = entry.type
        elif any(m.cue == "head" and m.type is LOC for m in members):
            # rule a-place-its-name-calls-one: "Kabupaten Pohuwato" names a place, so
            # "Bupati Pohuwato" is the regent of the place, not a person called Pohuwato
            kind = LOC
        elif any(m.cue == "title" and m.type is PER for m in members) and types[PER]:
            kind = PER
        elif types:
            kind = types.most_common(1)[0][0]
        else:
            continue
        if all(m.kind is Kind.HEADLINE for m in members):
            continue
        base = entry.key if entry else _slug(members[0].text)
        n = tried.get(base, 0)
        ident, n = (base, 2) if n == 0 else (f"{base}_{n}", n + 1)
        while ident in used:
            ident, n = f"{base}_{n}", n + 1
        tried[base] = n
        used.add(ident)
        drafts.append(Draft(ident, kind, entry, members))
    return drafts


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”'‘’(\-–—]\s*|\n\s*)$")


def _word_sets(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of an article (each token and its parts), and those it writes at least
    once away from the start of a sentence or line: read once, so that rules asking
    "does the article write this word elsewhere?" need no scan of the text."""
    here: set[str] = set()
    mid: set[str] = set()
    for token in tokens(text, 0, len(text)):
        parts = re.findall(r"\w+", token.text)
        here.update((token.text, *parts))
        if not _SENTENCE_START.search(text[max(0, token.start - 3) : token.start]):
            mid.update((token.text, *parts[:1]))
    return frozenset(here), frozenset(mid)


#: Language-file keys of words that begin a sentence but no name ("Mengutip ABC News",
#: "LEBIH dari 2.000 tentara"): function words and cues, not nouns that build names.
_LEAD_KEYS = (
    "stopwords",
    "source_cues",
    "speech_verbs",
    "vague_counts",
    "qualifiers",
    "count_cues",
    "relative_pronouns",
    "coordinators",
    "place_preps",
    "destination_preps",
    "planned_hedges",
    "denied_hedges",
    "past_markers",
)


@functools.cache
def _lead_words(lang: LangResources) -> frozenset[str]:
    """The first words of the phrases of :data:`_LEAD_KEYS`, case-folded."""
    out = set()
    for key in _LEAD_KEYS:
        value = lang.raw.get(key) or []
        for item in value if isinstance(value, list) else list(value):
            if isinstance(item, str) and item.split():
                out.add(item.split()[0].casefold())
    return frozenset(out)


@functools.cache
def _language_words(lang: LangResources) -> frozenset[str]:
    """Every word and phrase of the language file's lists and tables, case-folded: a town
    that shares its name with one ("Police") is not looked up."""
    out: set[str] = set(lang.vocabulary)
    for value in lang.raw.values():
        items = value if isinstance(value, list) else list(value) if isinstance(value, dict) else []
        out.update(item.casefold() for item in items if isinstance(item, str))
    return frozenset(out)


@functools.cache
def region_abbreviated(short: str, countries: tuple[str, ...]) -> str | None:
    """The one region of several words, in ``countries`` (ISO codes), that ``short``
    abbreviates ("Kalteng": Kalimantan Tengah), or None ("Sulteng" fits two)."""
    found = [
        name
        for iso in countries
        for name in regions().get(iso, ())
        if len(name.split()) > 1 and _shortens(short, name.lower().split())
    ]
    return found[0] if len(found) == 1 else None


def _shortens(short: str, words: list[str]) -> bool:
    """``short`` shortens the name of ``words``: in capitals by their initials only ("NTB";
    "KRI", a navy ship, is no Kepulauan Riau), else by a start of each ("Kalteng")."""
    if short.isupper():
        return len(short) == len(words) and all(
            w.startswith(c) for c, w in zip(short.lower(), words, strict=True)
        )
    return _word_starts(short.lower(), words)


def _word_starts(short: str, words: list[str]) -> bool:
    """``short`` is the start of each word in turn ("kalteng": kal|imantan teng|ah)."""
    if not words:
        return not short
    return any(
        words[0].startswith(short[:i]) and _word_starts(short[i:], words[1:])
        for i in range(1, len(short) + 1)
    )


def _initials(name: str) -> str:
    """The first letters of a name's capitalised words ("Petisi Rakyat Papua": "PRP")."""
    return "".join(w[0] for w in re.findall(r"\b[A-Z][\w-]*", name))
