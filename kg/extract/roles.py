"""Roles: a person holding a title in an organization or country.

"Presiden Kazakhstan Kassym-Jomart Tokayev", "French Defence Minister Jean-Yves Le Drian",
"Mali's interim President Dioncounda Traore", "Andrei Serdyukov, Komandan ... CSTO",
"Adama Barrow dilantik sebagai Presiden Gambia", "Laurent Berger, head of the CFDT union".
A military rank is a role when the text gives its country: "Letnan Jenderal Mesir X" is
X, Lieutenant General (military rank) of Egypt.
A title right before a name whose organization or country the text does not give is kept
with no organization when the article names no country at all ("Presiden Joko Widodo" in a
story about Papua); where it names countries, the title is most likely one of theirs, which
the text does not say, and the role is left out.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from kg.authority import AuthorityEntry
from kg.extract.entities import LOC, ORG, PER, Draft, Entities, Mention, title_bodies
from kg.extract.frames import body_named, body_of_title
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.mentions import Title
from kg.extract.story import main_country
from kg.extract.text import Layout, Sentence

__all__ = ["RANK_SUFFIX", "RoleDraft", "find_roles"]

#: Appended to a rank's English label, so that a rank role is told apart from an office.
RANK_SUFFIX = " (military rank)"


@dataclass(frozen=True)
class RoleDraft:
    """A role found in text, with the span that states it."""

    person: Draft
    role: str
    of: Draft | None  # None: the text gives the title but not whose it is
    start: int
    end: int
    rule: str = "title-before"


_STATE_TITLES = frozenset(
    {
        "President",
        "Prime Minister",
        "Interior Minister",
        "Foreign Minister",
        "Defence Minister",
        "King",
        # rule an-opposition-leader-s-country: the leader of a country's opposition is a
        # title of its politics ("the detained opposition leader Ali Musa" in a story
        # about Chad is Chad's)
        "Opposition Leader",
    }
)


Span = tuple[int, int, Draft]

#: Rules that give a bare title a country the text does not tie to its holder's name
_ALONE = "the-one-country-acting-in-the-sentence"
_GUESSED = frozenset({"home-country", "the-country-acting-in-the-sentence", _ALONE})


@functools.cache
def _possessives(lang: LangResources) -> tuple[re.Pattern[str], ...]:
    """The possessive after a name in the shapes the rules read (see ``_Index``), built
    once per language."""
    any_owner = lang.any_possessive
    return (
        re.compile(rf"(?:{any_owner})?\s*"),
        re.compile(rf"{any_owner}\s*$"),
        re.compile(rf"{lang.possessive}\s+$"),
        re.compile(rf"{any_owner}\s+"),
    )


def _gap_start(text: str, pos: int) -> int:
    """Where the run of spaces, commas and closing parentheses that ends at ``pos`` begins
    ("Presiden Amerika Serikat (AS) Joe Biden": the acronym's parenthesis is no gap)."""
    while pos > 0 and (text[pos - 1] in ",()" or text[pos - 1].isspace()):
        pos -= 1
    return pos


def _last(table: dict[int, int], lo: int, hi: int) -> int | None:
    """The largest index the table gives for a position in ``lo..hi`` (both included)."""
    found = [table[p] for p in range(lo, hi + 1) if p in table]
    return max(found) if found else None


def _first(table: dict[int, int], lo: int, hi: int) -> int | None:
    """The smallest index the table gives for a position in ``lo..hi`` (both included)."""
    found = [table[p] for p in range(lo, hi + 1) if p in table]
    return min(found) if found else None


class _Index:
    """The titles and mentions of an article by where they start and end.

    The rules look for "the last title that ends right before this position, with only
    spaces and commas between"; the gap is walked back once and the positions in it are
    looked up, instead of trying every title or mention of the article.
    """

    def __init__(self, text: str, ents: Entities, lang: LangResources) -> None:
        self.text = text
        self.ents = ents
        self.place_titles = frozenset(lang.words("place_titles"))
        self.modifiers = tuple(f"{added} " for added in lang.title_modifiers.values())
        self.modifier_words = lang.title_modifiers
        # "after a request from Prime Minister X": the title of who asked
        self.requested = re.compile(
            rf"(?:{lang.pattern('request_patterns').pattern})\s+(?:[\w-]+\s+){{0,2}}$",
            re.IGNORECASE,
        )
        # "the Central African nation": a demonym that describes a country, not one acting
        nouns = lang.words("country_nouns_after")
        self.described = (
            re.compile(rf"\s+(?i:{phrase_pattern(nouns).pattern})\b") if nouns else None
        )
        # "Presiden dan Wakil Presiden": a word before a coordinator
        self.coordinated = re.compile(
            rf"([\w-]+)\s+(?:{lang.pattern('coordinators').pattern}|&)\s+$", re.IGNORECASE
        )
        self.title_bodies = title_bodies(lang)
        # "Asisten Operasi (Asops) Panglima TNI": a post that serves the title after it
        assistants = phrase_pattern(lang.words("assistant_words"), case=True).pattern
        self.serves = re.compile(
            rf"(?<![\w-])(?:{assistants})(?:\s+[A-Z][\w-]*){{0,3}}(?:\s+\([^()]{{1,15}}\))?\s+$"
        )
        articles = lang.pattern("title_articles").pattern
        # "X, the chair of", "X, himself a former minister", "X, the current chair of"
        self.apposition = re.compile(
            rf"\s*,\s*(?:(?i:{articles})\s+){{0,2}}"
            rf"|\s+(?:\w+\s+){{0,3}}(?i:{lang.pattern('title_as').pattern})\s+"
            rf"(?:(?i:{articles})\s+)?"
        )
        of = lang.pattern("title_of").pattern
        self.body_link = re.compile(rf"\s+(?:(?i:{of})\s+)?(?:\w+\s+)?")
        self.of_before = re.compile(rf"\s+(?i:{of})\s+$") if lang.words("title_of") else None
        self.titles = sorted(ents.titles, key=lambda t: t.start)
        self.title_starts = {t.start for t in ents.titles}
        self.title_ends = {t.end for t in ents.titles}
        # a name's possessive: maybe one after a name ("Kenya's President", "Kenya
        # President"), one at the end of the text before a title (of a singular owner
        # only: "Egypt's Lieutenant General X"), one after a name and its space
        self.after_name, self.owner_before, self.singular_owner_before, self.owner_then = (
            _possessives(lang)
        )
        articles_before = lang.pattern("article_words").pattern
        self.relative = re.compile(
            rf"\s*,\s*(?i:{lang.pattern('relative_pronouns').pattern})[^,.;]*"
        )
        self.scene = re.compile(
            rf"(?<![\w-])(?i:{lang.pattern('scene_preps').pattern})\s+"
            rf"(?:(?i:{articles_before})\s+)?$"
        )
        self.spans: list[Span] = sorted(
            ((m.start, m.end, d) for d in ents.drafts for m in d.mentions), key=lambda x: x[0]
        )
        self.span_starts = [sp[0] for sp in self.spans]
        self.title_at: dict[int, Title] = {}  # start -> the first title there
        self.office_at: dict[int, Title] = {}  # start -> the first title with a label there
        self.title_end: dict[int, int] = {}  # end -> the last title (index) ending there
        self.office_end: dict[int, int] = {}  # end -> the first title with a label ending there
        for i, t in enumerate(self.titles):
            self.title_at.setdefault(t.start, t)
            if t.label is not None:
                self.office_at.setdefault(t.start, t)
            if t.label:
                self.office_end.setdefault(t.end, i)
            known = self.title_end.get(t.end)
            if known is None or self.titles[known].start > t.start:
                self.title_end[t.end] = i  # the widest title ending here: "Letkol Inf"
        self.span_end: dict[int, int] = {}  # end -> the last mention (index) ending there
        self.country_end: dict[int, int] = {}  # ... the last mention of a country
        self.body_end: dict[int, int] = {}  # ... the first mention of a non-person
        for i, (_, e, d) in enumerate(self.spans):
            self.span_end[e] = i
            if d.entry is not None and d.entry.kind == "country":
                self.country_end[e] = i
            if d.type is not PER:
                self.body_end.setdefault(e, i)
        # a demonym's span -> its country, in the order of first appearance (the last
        # entry wins, as in a dict built from the list)
        self.demonyms: dict[tuple[int, int], AuthorityEntry] = {}
        for s, e, entry in ents.demonyms:
            self.demonyms[(s, e)] = entry
        self.demonym_spans = list(self.demonyms)
        self.demonym_end: dict[int, int] = {}  # end -> the first demonym (index) there
        for i, (_, e) in enumerate(self.demonym_spans):
            self.demonym_end.setdefault(e, i)
        self._home: tuple[int, Draft | None, list[int], dict[int, str]] | None = None

    def unmodified(self, label: str) -> str:
        """The title without the modifier before it ("former Prime Minister": Prime
        Minister)."""
        for added in self.modifiers:
            if label.startswith(added):
                return label[len(added) :]
        return label

    def title_before(self, pos: int) -> Title | None:
        """The last title ending at ``pos``, or before it with spaces and commas between."""
        i = _last(self.title_end, _gap_start(self.text, pos), pos)
        return None if i is None else self.titles[i]

    def span_before(self, pos: int) -> Span | None:
        """The last mention ending at ``pos``, or before it with spaces and commas between."""
        i = _last(self.span_end, _gap_start(self.text, pos), pos)
        return None if i is None else self.spans[i]

    def country_ending(self, end: int) -> Span | None:
        """The last mention of a country that ends at ``end``."""
        i = self.country_end.get(end)
        return None if i is None else self.spans[i]

    def home(self, position: int) -> Draft | None:
        """The country of a head-of-state title written without one ("President X").

        Only when the story's main country is also the country named last before the title
        (a capital or a demonym counts, not one that belongs to another title, as in
        "Britain's King"): where the two disagree, the text does not say.
        """

        ents = self.ents
        if self._home is None or self._home[0] != len(ents.drafts):
            # new entities come only from demonyms, which are not "named" here; the main
            # country is counted again since a new country adds to the count
            # a title's country only from countries named: a town names no head of state
            home = main_country(ents, told_otherwise=False)
            ends, keys = self._home[2:] if self._home is not None else self._named()
            self._home = (len(ents.drafts), home, ends, keys)
        _, home, ends, keys = self._home
        if home is None or home.entry is None:
            return None
        i = bisect.bisect_right(ends, position)
        if i == 0:
            # no country named before the title: the story's country, when it is the only
            # one the article names ("Menteri Luar Negeri X ... Indonesia siap")
            return home if set(keys.values()) == {home.entry.key} else None
        return home if keys[ends[i - 1]] == home.entry.key else None

    def _named(self) -> tuple[list[int], dict[int, str]]:
        """Where a country is named (not as part of a title): its end -> its key.

        At one end, the first mention in the order of the entities wins, and a mention wins
        over a demonym.
        """
        keys: dict[int, str] = {}
        for d in self.ents.drafts:
            entry = d.entry
            if entry is None or (entry.kind != "country" and not entry.capital_of):
                continue
            key = entry.key if entry.kind == "country" else str(entry.capital_of)
            for m in d.mentions:
                if m.cue != "demonym" and m.end not in keys and not self.titled(m.start, m.end):
                    keys[m.end] = key
        for b, e, demonym in self.ents.demonyms:
            # rule a-region-s-demonym-names-no-country: "the African country's forces"
            if demonym.kind == "region":
                continue
            if e not in keys and not self.titled(b, e):
                keys[e] = demonym.key
        return sorted(keys), keys

    def titled(self, start: int, end: int) -> bool:
        """The name at ``start:end`` belongs to a title right after or before it ("French
        President", "Presiden Kenya")."""
        text = self.text
        after = self.after_name.match(text[end : end + 4])
        before = re.search(r"\s*$", text[max(0, start - 4) : start])
        return (after is not None and end + after.end() in self.title_starts) or (
            before is not None and start - len(before.group()) in self.title_ends
        )

    def acting(self, start: int, end: int) -> dict[str, Draft]:
        """The countries ``start:end`` names as acting, by key: a demonym or a name not
        after a preposition of place ("to fight in Ukraine"), none of them a title's."""
        return {
            key: d if d is not None else self.ents.country(entry, b, e)
            for key, (b, e, entry, d) in self.acting_where(start, end).items()
        }

    def acting_where(
        self, start: int, end: int, strict: bool = False
    ) -> dict[str, tuple[int, int, AuthorityEntry, Draft | None]]:
        """Where ``start:end`` first names each country as acting, by key, with its entity
        (None for a demonym's country the article does not name: nothing is added).
        ``strict`` leaves out a name that opens a compound ("the US-backed coup",
        "Russian-led forces") or describes a country ("the Central African nation"): it
        modifies a word, it does not act."""
        acting: dict[str, tuple[int, int, AuthorityEntry, Draft | None]] = {}
        for m, d in self.ents.mentions_in(start, end):
            if d.entry is None or d.entry.kind != "country" or not self.acts(m):
                continue
            if not (strict and self.modifies(m.end)):
                acting.setdefault(d.entry.key, (m.start, m.end, d.entry, d))
        for b, e, entry in self.ents.demonyms:
            if not start <= b < end or entry.kind != "country" or self.titled(b, e):
                continue
            if not (strict and self.modifies(e)):
                acting.setdefault(entry.key, (b, e, entry, self.ents.by_key(entry.key)))
        return acting

    def modifies(self, end: int) -> bool:
        """The name ending at ``end`` opens a compound or describes a country."""
        if self.text.startswith("-", end):
            return True
        return self.described is not None and self.described.match(self.text, end) is not None

    def acts(self, m: Mention) -> bool:
        """A country's mention that is neither a title's nor a place after a preposition."""
        if m.cue == "demonym" or self.titled(m.start, m.end):
            return False
        return not self.scene.search(self.text, max(0, m.start - 20), m.start)

    @functools.cached_property
    def acting_counts(self) -> Counter[str]:
        """How often the article names each country as acting."""
        counts = Counter[str]()
        for d in self.ents.drafts:
            if d.entry is not None and d.entry.kind == "country":
                counts[d.entry.key] += sum(1 for m in d.mentions if self.acts(m))
        for b, e, entry in self.ents.demonyms:
            if entry.kind == "country" and not self.titled(b, e):
                counts[entry.key] += 1
        return counts


def _bare_title(index: _Index, start: int) -> tuple[str, int] | None:
    """The title written right before a name, with nothing between ("Presiden Soeharto"),
    and where it starts."""
    text = index.text
    ranked = start
    for _ in range(3):  # "Kapolri Jenderal Polisi X": the ranks between are the holder's
        rank = index.title_before(ranked)
        if rank is None or rank.label is not None or text[rank.end : ranked].strip():
            break
        ranked = rank.start
    i = _first(index.office_end, _gap_start(text, ranked), ranked)
    if i is not None and ranked != start and text[index.titles[i].end : ranked].strip():
        i = None  # "Its commander, Major General X": the rank opens an apposition
    if i is None and ranked != start:
        i = _first(index.office_end, _gap_start(text, start), start)
    if i is None:
        return None
    t = index.titles[i]
    before = text[max(0, t.start - 3) : t.start]
    if index.owner_before.search(before) or t.label is None:
        return None
    return t.label, t.start


def _body_by_its_kind(index: _Index, title_start: int) -> Draft | None:
    """The one organization the article names whose name ends in the lower-case noun written
    right before the title at ``title_start`` ("coalition" of "coalition spokesman")."""
    word = re.search(
        r"(?<![\w-])([a-z][\w-]+)[ \t]+$", index.text[max(0, title_start - 30) : title_start]
    )
    if word is None:
        return None
    kind = word.group(1)
    bodies = [
        d
        for d in index.ents.drafts
        if d.type is ORG and any(n.split()[-1].lower() == kind for n in d.names if " " in n)
    ]
    return bodies[0] if len(bodies) == 1 else None


def _bare_title_after(index: _Index, end: int) -> tuple[str, int] | None:
    """Rule bare-title-after: the title in an apposition after a name, with no body after it
    ("Aden Duale, the defence minister, said"), and where it ends."""
    m = index.apposition.match(index.text, end, end + 60)
    title = index.office_at.get(m.end()) if m is not None else None
    if title is None or title.label is None:
        return None
    if not re.match(r"\s*[,.;]", index.text[title.end : title.end + 3]):
        return None  # "X, the chief security advisor to ...": a longer office than the title
    return title.label, title.end


def _national_title(index: _Index, lang: LangResources, start: int) -> tuple[str, int] | None:
    """The title right before a name that the story's own country holds by a possessive
    ("the nation's president X", "the country's prime minister X"), and where it starts."""
    text = index.text
    i = _first(index.office_end, _gap_start(text, start), start)
    if i is None or index.titles[i].label is None:
        return None
    t = index.titles[i]
    nouns = lang.pattern("home_possessives").pattern
    if re.search(rf"(?:{nouns})\s*$", text[max(0, t.start - 30) : t.start], re.IGNORECASE):
        return str(t.label), t.start
    return None


def _owned_title(index: _Index, lang: LangResources, start: int) -> tuple[str, Draft, int] | None:
    """Rule title-owner: the title right before a name names the whole body its holder heads
    ("Kapolri Jenderal X" is the chief of Polri), a body the article names."""
    text = index.text
    t = index.title_before(start)
    while t is not None and t.label is None:  # its ranks: "Kapolri Jenderal Polisi X"
        t = index.title_before(t.start)
    if t is None:
        return None
    phrase = " ".join(text[t.start : t.end].lower().split())
    owners = next(  # the title, or the title after its modifier ("mantan Kapolri")
        (v for k, v in lang.table("title_owners").items() if f" {phrase}".endswith(f" {k}")),
        None,
    )
    if not owners:
        return None
    for name in map(str.casefold, owners):
        for d in index.ents.drafts:
            if d.type is ORG and any(n.casefold() == name for n in d.names):
                return str(t.label), d, t.start
    return None


def _unit_body(index: _Index, lang: LangResources, at: int) -> Draft | None:
    """Rule a-unit-title-s-one-body: the body of a title written without one ("Kabid Humas
    AKBP X"), when ``title_units`` gives the head nouns of the bodies it serves in and the
    article names exactly one body so headed ("Polda Kalimantan Tengah"); else None."""
    title = index.title_at.get(at)
    if title is None:
        return None
    phrase = " ".join(index.text[title.start : title.end].lower().split())
    nouns = next(  # the title, or the title after its modifier ("mantan Kapolres")
        (v for k, v in lang.table("title_units").items() if f" {phrase}".endswith(f" {k}")),
        None,
    )
    if not nouns:
        return None
    heads = tuple(f"{str(n).lower()} " for n in (nouns if isinstance(nouns, list) else [nouns]))
    bodies = [
        d
        for d in index.ents.drafts
        if d.type is ORG and any(n.lower().startswith(heads) for n in d.names)
    ]
    return bodies[0] if len(bodies) == 1 else None


def find_roles(lay: Layout, lang: LangResources, ents: Entities) -> list[RoleDraft]:
    """Every (person, role, of) the text states next to the person's name."""
    text = lay.clean
    out: dict[tuple[str, str, str], RoleDraft] = {}
    index = _Index(text, ents, lang)
    bare: dict[tuple[str, str], RoleDraft] = {}
    said_at: dict[tuple[str, str, str], int] = {}  # where each role's title (or body) starts
    # where the article names countries, a bare title is most likely one of theirs, which
    # the text does not say; where it names none, the title is kept without its body
    countries = any(d.entry is not None and d.entry.kind == "country" for d in ents.drafts)
    for start, end, person in index.spans:
        if person.type is not PER:
            continue
        title = index.title_at.get(start)
        inner = title.end if title is not None else start  # "King Charles III"
        found, rule = _modified(index, _before(index, inner)), "title-before"
        after = _after(index, end) if found is None else None
        if after is not None:
            label, of, s, e = after
            found, rule, end = (label, of, s), "title-after", e
        titled = _bare_title(index, start)
        if titled is None and found is None and (later := _bare_title_after(index, end)):
            titled, end = (later[0], start), later[1]
        national = _national_title(index, lang, start)
        if (
            found is None
            and national is not None
            and (home := main_country(ents, told_otherwise=False)) is not None
        ):
            # rule the-nation-s-title: "The nation's president Salome Zourabichvili"
            found, rule = (national[0], home, national[1]), "the-nation-s-title"
        if found is None and (owned := _owned_title(index, lang, start)) is not None:
            found, rule = owned, "title-owner"  # "Kapolri Jenderal X": the chief of Polri
        if found is None and titled is not None and (kind := _body_by_its_kind(index, titled[1])):
            # rule a-body-by-its-kind: "coalition spokesman Turki al-Maliki" after "the
            # Saudi-led coalition": the one body of that kind the article names
            found, rule = (titled[0], kind, titled[1]), "a-body-by-its-kind"
        if found is None and titled is not None:
            label, at = titled
            plain = index.unmodified(label)  # "former Prime Minister" too
            state = _state_title(index, plain)
            known = _known_leader_s_country(ents, person) if state else None
            home = index.home(start) if state and known is None else None
            if known is not None:
                found, rule = (label, known, start), "a-known-leader-s-country"
            elif home is not None and not _rival(lay, lang, ents, home, start, end):
                found, rule = (label, home, start), "home-country"
                acting = _acting_country(lay, index, home, start, end)
                if acting is not None:
                    found, rule = (label, acting, start), "the-country-acting-in-the-sentence"
            elif (
                state
                and countries
                and not (_reported(text, at) and _rival(lay, lang, ents, None, start, end))
                # not who asked for the troops ("Australia will send ... after a request
                # from Prime Minister X"): another country's head, whose the text does not say
                and not index.requested.search(text, max(0, at - 40), at)
                and (alone := _sole_acting_country(lay, index, start, end)) is not None
            ):
                # rule the-one-country-acting-in-the-sentence: "According to Defence
                # Minister X, Ruritania will deploy 300 troops to Y"
                found, rule = (label, alone, start), _ALONE
            elif not state and (unit := _unit_body(index, lang, at)) is not None:
                # rule a-unit-title-s-one-body: "Kabid Humas AKBP X" in a story that names
                # one Polda is its spokesperson
                found, rule = (label, unit, at), "a-unit-title-s-one-body"
            elif not countries:  # rule bare-title: the title, but not whose
                draft = RoleDraft(person, label, None, at, end, "bare-title")
                bare.setdefault((person.id, label), draft)
        rank = _rank(index, start)
        if rank is not None:
            label, of, s = rank
            key = (person.id, label, of.id)
            out.setdefault(key, RoleDraft(person, label, of, s, end, "rank-of-country"))
        if found is None:
            continue
        label, of, s = found
        if of is person or of.type is PER:
            continue
        label = _head_of(index, lang, label, of)
        key = (person.id, label, of.id)
        if key not in out:
            out[key] = RoleDraft(person, label, of, min(s, start), max(end, s), rule)
            said_at[key] = s
    for person, label, of, start, end in _roles_told_by_verbs(index, lang):
        key = (person.id, label, of.id)
        if key not in out and (person.id, label) not in bare:
            out[key] = RoleDraft(person, label, of, start, end, "a-role-told-by-its-verb")
    # rule the-one-country-acting-in-the-sentence: sentences that give one person's title
    # two countries do not tell whose it is
    twice = Counter((r.person.id, r.role) for r in out.values() if r.rule == _ALONE)
    out = {k: r for k, r in out.items() if r.rule != _ALONE or twice[(r.person.id, r.role)] == 1}
    for r in out.values():
        if r.rule == _ALONE and r.of is not None and r.of.id not in {d.id for d in ents.drafts}:
            ents.adopt_later(r.of)
    # a title the text gives its body elsewhere ("Presiden Kazakhstan X ... Presiden X") is
    # that role, not a second one with no body
    out = _titles_of_the_next_name(out, said_at)
    held = {(r.person.id, r.role) for r in out.values()}
    # rule a-title-s-own-country-first: "Presiden AS Donald Trump ... kata Presiden Trump" in
    # a story about Indonesia: the text gives his country, the story's is not his
    told = {(r.person.id, r.role) for r in out.values() if r.rule not in _GUESSED}
    kept = [r for r in out.values() if r.rule not in _GUESSED or (r.person.id, r.role) not in told]
    return kept + [r for k, r in bare.items() if k not in held]


def _roles_told_by_verbs(
    index: _Index, lang: LangResources
) -> Iterator[tuple[Draft, str, Draft, int, int]]:
    """Rule a-role-told-by-its-verb: "Brig. Gen. X, who commands the 1st Division",
    "X, yang memimpin Komnas HAM": the position a verb of ``role_verbs`` states in a clause
    about the person, of the body (or country) named right after it."""
    verbs, told = _role_verbs(lang)
    if told is None:
        return
    starts = {s: (s, e, d) for s, e, d in index.spans}
    for start, end, person in index.spans:
        if person.type is not PER:
            continue
        hit = told.match(index.text, end)
        body = starts.get(hit.end()) if hit is not None else None
        if hit is None or body is None or body[2].type is PER:
            continue
        label = verbs[" ".join(hit.group(1).lower().split())]
        yield person, label, body[2], start, body[1]


@functools.cache
def _role_verbs(lang: LangResources) -> tuple[dict[str, str], re.Pattern[str] | None]:
    """The labels of ``role_verbs`` by verb, and a relative clause that opens with one (", who
    heads the"), once per language; no pattern where the language has none."""
    verbs = {" ".join(str(k).lower().split()): str(v) for k, v in lang.table("role_verbs").items()}
    if not verbs:
        return verbs, None
    the = lang.pattern("definite_before").pattern if lang.words("definite_before") else "(?!x)x"
    told = re.compile(
        rf",\s+(?:{lang.pattern('relative_pronouns').pattern})\s+"
        rf"({phrase_pattern(list(verbs)).pattern})\s+(?:(?:{the})\s+)?",
        re.IGNORECASE,
    )
    return verbs, told


def _titles_of_the_next_name(
    out: dict[tuple[str, str, str], RoleDraft], said_at: dict[tuple[str, str, str], int]
) -> dict[tuple[str, str, str], RoleDraft]:
    """Rule a-title-before-a-name-is-not-the-last-name-s: a title after a name's comma that
    is also the title right before the next name is the next name's ("Kapolri X, Panglima
    Kogabwilhan (Pangkogabwilhan) I Laksamana Y": Y commands the Kogabwilhan, not X)."""
    before = {said_at[k]: k[0] for k, r in out.items() if r.rule == "title-before"}
    return {
        k: r
        for k, r in out.items()
        if r.rule != "title-after" or before.get(said_at[k], k[0]) == k[0]
    }


def _known_leader_s_country(ents: Entities, person: Draft) -> Draft | None:
    """Rule a-known-leader-s-country: a state title before a person the authority file
    knows as a country's leader, with no country told beside it, is that country's, when
    the article names it ("President Ana Lopez said" in a story about two countries, Ana
    Lopez known as Chile's, is Chile's President); None otherwise."""
    key = person.entry.leader_of if person.entry is not None else None
    return ents.by_key(key) if key else None


def _state_title(index: _Index, plain: str) -> bool:
    """A title of a country's government ("President", "Justice Minister"); rule
    a-region-s-minister: not a title of a town or region, though called a minister ("Chief
    Minister X" governs a state, not the country)."""
    if plain in index.place_titles:
        return False
    return plain in _STATE_TITLES or plain.endswith(" Minister")


def _head_of(index: _Index, lang: LangResources, label: str, of: Draft) -> str:
    """Rule head-of-a-body: the head of a body whose name says what it is has that body's
    own title ("Kepala Polda Metro Jaya" is its Chief of Police): ``head_titles`` maps the
    body's head noun to it; a modifier stays ("Wakil Kepala Polda" is its Deputy Chief of
    Police)."""
    base = index.unmodified(label)
    prefix = label[: len(label) - len(base)]
    if base not in {lang.titles.get(w) for w in lang.words("head_title")}:
        return label
    first = of.names[0].split()[0].lower() if of.names else ""
    own = lang.table("head_titles").get(first)
    return prefix + str(own) if own is not None else label


def _acting_country(lay: Layout, index: _Index, home: Draft, start: int, end: int) -> Draft | None:
    """Rule the-country-acting-in-the-sentence: the one country that acts in the sentence of
    a state title written without one, where the story's country is only a place or not
    named, and that acts in the article no less often than the story's country ("President
    X said the US will not send troops to fight in Ukraine": the US's president, in a story
    about Ukraine). A clause on the holder ("X, who criticised Indian involvement") tells
    what he did, not whose he is."""
    sentence = _sentence_at(lay, start)
    if sentence is None or home.entry is None:
        return None
    aside = index.relative.match(index.text, end, sentence.end)
    acting = index.acting(sentence.start, end)
    acting.update(index.acting(aside.end() if aside else end, sentence.end))
    if home.entry.key in acting or len(acting) != 1:
        return None
    key, country = next(iter(acting.items()))
    counts = index.acting_counts
    return country if counts[key] >= counts[home.entry.key] else None


def _reported(text: str, at: int) -> bool:
    """The title at ``at`` follows the clause its holder reports ("Spain will withdraw its
    troops, President X said"): a comma or a closing quote right before it."""
    return re.search(r"[,\"”]\s*$", text[max(0, at - 4) : at]) is not None


def _sole_acting_country(lay: Layout, index: _Index, start: int, end: int) -> Draft | None:
    """Rule the-one-country-acting-in-the-sentence: where the story's country does not
    tell whose a state title written without one is, the one country that acts in its
    sentence ("India welcomed the jets bought from France and Defence Minister X said",
    "According to Defence Minister X, Ruritania will deploy 300 troops to Y"); a country
    after a preposition of place is a scene, not an actor. Not a holder who reports what
    the sentence's country does ("Spain will withdraw, President X said": whose, the text
    does not say)."""
    sentence = _sentence_at(lay, start)
    if sentence is None:
        return None
    aside = index.relative.match(index.text, end, sentence.end)
    acting = index.acting_where(sentence.start, end, strict=True)
    after = index.acting_where(aside.end() if aside else end, sentence.end, strict=True)
    for key, where in after.items():
        acting.setdefault(key, where)
    if len(acting) != 1:
        return None
    b, e, entry, country = next(iter(acting.values()))
    if country is not None:
        return country
    # the country of a demonym, made one of the article's entities only if the role is kept
    # (adding it now would change what the protests and deployments read)
    mention = Mention(b, e, entry.names[0], -1, entry.type, entry, "demonym")
    return Draft(entry.key, entry.type, entry, [mention])


def _rival(
    lay: Layout, lang: LangResources, ents: Entities, home: Draft | None, start: int, end: int
) -> bool:
    """The person with a bare title speaks for a sentence that names another country first
    ("France will withdraw from Niger, President X said"): whose president X is, the text
    does not say."""
    speaks = re.compile(rf"\s*(?:{lang.pattern('speech_verbs').pattern})", re.IGNORECASE)
    if not speaks.match(lay.clean, end):
        return False
    sentence = _sentence_at(lay, start)
    if sentence is None:
        return False
    return any(
        d is not home and d.entry is not None and d.entry.kind == "country"
        for _, d in ents.mentions_in(sentence.start, start)
    )


def _sentence_at(lay: Layout, position: int) -> Sentence | None:
    """The sentence that holds ``position`` (the last one opening at or before it)."""
    i = bisect.bisect_right([s.start for s in lay.sentences], position) - 1
    return lay.sentences[i] if i >= 0 else None


def _rank(index: _Index, start: int) -> tuple[str, Draft, int] | None:
    """A military rank of a country, written before a name.

    The country follows the rank, as an office's organization does ("Letnan Jenderal
    Mesir X"), or owns it ("Egypt's Lieutenant General X"). A demonym ("Kenyan Maj. Gen.
    X") is the person's nationality, not the army whose rank it is, so it gives no role.
    """
    text = index.text
    gap = re.search(r"\s*$", text[max(0, start - 3) : start])
    owner = index.country_ending(start - len(gap.group()) if gap else start)
    if owner is not None:
        title = index.title_before(owner[0])
        if title is not None and title.rank is not None:
            return f"{title.rank}{RANK_SUFFIX}", owner[2], title.start
    title = index.title_before(start)
    if title is None or title.rank is None:
        return None
    poss = index.singular_owner_before.search(text[max(0, title.start - 4) : title.start])
    owner = index.country_ending(title.start - len(poss.group())) if poss else None
    if owner is None:
        return None
    return f"{title.rank}{RANK_SUFFIX}", owner[2], owner[0]


def _before(index: _Index, start: int) -> tuple[str, Draft, int] | None:
    """Walk back from a name over ranks and named bodies to a title."""
    text = index.text
    pos = start
    of: Draft | None = None
    label: str | None = None
    title_start = start
    for _ in range(6):
        prev_title = index.title_before(pos)
        prev_span = index.span_before(pos)
        if prev_span is not None and prev_span[2].type is LOC:
            # "juru bicara militer Israel Daniel Hagari": the body whose name ends with
            # the country, not the country
            prev_span = _body_around(index, prev_span) or prev_span
        if prev_title is not None:
            if prev_title.label is not None:
                label, title_start = prev_title.label, prev_title.start
                pos = prev_title.start
                break
            pos = prev_title.start
        elif prev_span is not None and (rank := _rank_of_force(index, prev_span)) is not None:
            pos = rank  # rule a-rank-s-force: "Pangdam VI/Mulawarman, Mayjen TNI X"
        elif prev_span is not None and prev_span[2].type is not PER and of in (None, prev_span[2]):
            of = prev_span[2]
            pos = prev_span[0]
        elif of is not None and index.of_before is not None:
            # rule title-of-body: "the President of ECOWAS, Omar Alieu Touray"
            link = index.of_before.search(text, max(0, pos - 12), pos)
            title = None if link is None else index.title_before(link.start())
            if title is None or title.label is None:
                return None
            return title.label, of, title.start
        else:
            return None
    if label is None:
        return None
    joint = _coordinator_before(index, title_start)
    joined = index.title_before(joint) if joint >= 0 else None
    if joined is not None and joined.label is not None:
        # rule coordinated-titles: "Presiden dan Wakil Presiden Indonesia, Joko
        # Widodo-Jusuf Kalla": the titles go to the names in turn, not both to the first
        return None
    if index.serves.search(text, max(0, title_start - 45), title_start):
        # rule an-assistant-holds-no-title: "Asisten Operasi Panglima TNI Mayjen X": X
        # serves the commander in the same body, the title is not his
        label = f"Assistant to the {label}"
    if of is None:
        before = text[max(0, title_start - 40) : title_start]
        d = _first(index.demonym_end, _gap_start(text, title_start), title_start)
        if d is not None:
            s, e = index.demonym_spans[d]
            return label, index.ents.country(index.demonyms[(s, e)], s, e), s
        poss = index.owner_before.search(before)
        if poss:
            at = title_start - len(poss.group())
            i = _first(index.body_end, at, at + 2)
            if i is not None:
                span = index.spans[i]
                return label, span[2], span[0]
        return _body_before(index, label, title_start)
    return label, _named_body_of_place(index, title_start, of), title_start


def _modified(index: _Index, found: tuple[str, Draft, int] | None) -> tuple[str, Draft, int] | None:
    """Rule a-title-s-modifier-before-its-body: "Deputy National Police Chief X" is the
    National Police's deputy chief, "Former Senegal President X" its former president: a
    title's modifier written before the body (or country) before the title."""
    if found is None:
        return None
    label, of, start = found
    word = re.search(r"(?<![\w-])([\w-]+)[ \t]+$", index.text[max(0, start - 20) : start])
    prefix = index.modifier_words.get(word.group(1).lower()) if word else None
    if word is None or prefix is None or label.startswith(index.modifiers):
        return found
    return f"{prefix} {label}", of, start - len(word.group())


def _body_around(index: _Index, span: Span) -> Span | None:
    """An organization's mention that ends where the place ``span`` ends and holds it
    ("militer Israel" around "Israel")."""
    start, end, _ = span
    i = bisect.bisect_right(index.span_starts, start)
    return next(
        (
            sp
            for sp in reversed(index.spans[max(0, i - 8) : i])
            if sp[0] < start and sp[1] == end and sp[2].type is ORG
        ),
        None,
    )


def _rank_of_force(index: _Index, span: Span) -> int | None:
    """Where the rank right before a force's name starts ("Mayjen TNI X": the TNI's major
    general), the force being the rank's, not the body of the title before it; else None."""
    if span[2].type is not ORG:
        return None
    rank = index.title_before(span[0])
    if rank is None or rank.label is not None or index.text[rank.end : span[0]].strip(" \t"):
        return None
    return rank.start


def _coordinator_before(index: _Index, pos: int) -> int:
    """Where the words before ``pos`` end, when they are a coordinator ("Presiden dan
    Wakil Presiden"): the end of the word before it; else -1."""
    m = index.coordinated.search(index.text, max(0, pos - 40), pos)
    return m.end(1) if m else -1


def _named_body_of_place(index: _Index, title_start: int, of: Draft) -> Draft:
    """Rule the-body-the-title-heads-there: "Kapolda Jawa Timur X" is the chief of Polda
    Jawa Timur, the body the article names so, or the one the title spells (rule
    the-title-spells-its-body: "Kapolres Metro Jakarta Pusat X" heads Polres Metro Jakarta
    Pusat, though the article names it nowhere else)."""
    if of.type is not LOC:
        return of
    word = re.match(r"[\w-]+\s+", index.text[title_start : title_start + 30])
    nouns = index.title_bodies.get(word.group().strip().lower(), []) if word else []
    wanted = {f"{noun} {name}".lower() for noun in nouns for name in of.names}
    named = body_named(index.ents, wanted)
    if named is not None or not nouns or word is None:
        return named or of
    after = title_start + word.end()
    place = next((n for n in of.names if index.text.startswith(n, after)), None)
    if place is None:
        return of
    return body_of_title(index.ents, f"{nouns[0]} {place}", title_start, after + len(place))


# rule a-body-s-short-name-between: "European Union (EU) Spokesperson Peter Stano": the
# body's short name in brackets may stand between it and the title
_BODY_GAP = re.compile(r"(?:[ \t]+\([^()\s]{2,12}\))?[ \t]+$")


def _body_before(index: _Index, label: str, title_start: int) -> tuple[str, Draft, int] | None:
    """An organization or a country written right before the title, with only spaces (or
    the body's short name in brackets) between: "NATO Secretary General X", "Kazakhstan
    President X"."""
    gap = _BODY_GAP.search(index.text[max(0, title_start - 20) : title_start])
    if gap is None:
        return None
    at = title_start - len(gap.group())
    i = index.body_end.get(at)
    if i is None:
        return None
    span = index.spans[i]
    if span[2].type is LOC and (owned := _owner_of_an_area(index, span[0])) is not None:
        # rule an-area-s-title-of-a-body: "Amnesty International's Kenya director X"
        owner, area = owned
        return f"{index.text[area:at]} {label}", owner[2], owner[0]
    if span[2].type is ORG or at in index.country_end:
        return label, span[2], span[0]
    if span[2].type is LOC and index.unmodified(label) in index.place_titles:
        # "Istanbul Mayor Ekrem Imamoglu", "South Kivu province Interim Governor X"
        return label, span[2], span[0]
    return None


def _owner_of_an_area(index: _Index, start: int) -> tuple[Span, int] | None:
    """The body whose possessive stands right before the place at ``start`` (maybe after
    up to two capitalised words of the area's: "Human Rights Watch's Central Africa"), and
    where the area begins."""
    words = re.search(r"(?:[A-Z][\w-]*[ \t]+){0,2}$", index.text[max(0, start - 30) : start])
    area = start - (len(words.group()) if words else 0)
    poss = index.owner_before.search(index.text[max(0, area - 40) : area])
    if poss is None:
        return None
    at = area - len(poss.group())
    i = _first(index.body_end, at, at + 2)
    return (index.spans[i], area) if i is not None and index.spans[i][2].type is ORG else None


def _after(index: _Index, end: int) -> tuple[str, Draft, int, int] | None:
    """ "Name, Title Body", "Name, the Title of Body" or "Name ... sebagai/as Title Body"."""
    text = index.text
    m = index.apposition.match(text, end, end + 60)
    if m is None:
        return None
    pos = m.end()
    title = index.office_at.get(pos)
    area = ""
    if title is None:
        title = _title_after_its_area(index, pos)
        if title is None:
            return _owner_after(index, pos)
        # rule an-area-s-title-of-a-body: "X, Central Africa director at Human Rights
        # Watch": the area the title covers is part of it; whose it is, the body after
        area = text[pos : title.start]
    assert title.label is not None
    of_match = index.body_link.match(text, title.end, title.end + 60)
    limit = (of_match.end() if of_match else title.end + 1) + 1
    for i in range(bisect.bisect_left(index.span_starts, title.end), len(index.spans)):
        s, e, d = index.spans[i]
        if s > limit:
            break
        if d.type is not PER:
            if _heads_the_next_name(index, i):
                return None
            return area + title.label, d, pos, e
    return None


def _title_after_its_area(index: _Index, pos: int) -> Title | None:
    """The title after a place at ``pos`` ("Central Africa director", "Kenya director"),
    the place maybe after up to two capitalised words of its own ("South Asia")."""
    words = re.match(r"(?:[A-Z][\w-]*[ \t]+){0,2}", index.text[pos : pos + 40])
    assert words is not None
    i = bisect.bisect_left(index.span_starts, pos)
    while i < len(index.spans) and index.spans[i][0] <= pos + words.end():
        s, e, d = index.spans[i]
        gap = re.match(r"[ \t]+", index.text[e : e + 3])
        if d.type is LOC and gap is not None and index.text[pos:s] == words.group()[: s - pos]:
            title = index.office_at.get(e + gap.end())
            return title if title is not None and title.label is not None else None
        i += 1
    return None


def _heads_the_next_name(index: _Index, i: int) -> bool:
    """Rule a-listed-title-is-the-next-name-s: in "Kapolri Jenderal X, Panglima TNI
    Marsekal Y, Menteri Perhubungan Z", the title and body after X's comma come before Y,
    with only a rank between: they are Y's, not X's."""
    _, end, _ = index.spans[i]
    for start, after_end, after in index.spans[i + 1 : i + 4]:
        gap = index.text[end:start]
        if len(gap) > 40 or re.search(r"[,;.()]", gap):
            return False
        if after.type is PER:
            return True
        end = max(end, after_end)  # "Gubernur DKI Jakarta Anies Baswedan": the body goes on
    return False


def _owner_after(index: _Index, pos: int) -> tuple[str, Draft, int, int] | None:
    """Rule title-after-owner: "Name, Body's Title" ("X, Kenya's Communications Minister")."""
    i = bisect.bisect_left(index.span_starts, pos)
    if i == len(index.spans) or index.spans[i][0] != pos:
        return None
    _, e, body = index.spans[i]
    poss = index.owner_then.match(index.text[e : e + 4])
    if body.type is PER or poss is None:
        return None
    title = index.office_at.get(e + poss.end())
    if title is None or title.label is None:
        return None
    return title.label, body, pos, title.end
