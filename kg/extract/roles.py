"""Roles: a person holding a title in an organization or country.

"Presiden Kazakhstan Kassym-Jomart Tokayev", "French Defence Minister Jean-Yves Le Drian",
"Mali's interim President Dioncounda Traore", "Andrei Serdyukov, Komandan ... CSTO",
"Adama Barrow dilantik sebagai Presiden Gambia", "Laurent Berger, head of the CFDT union".
A military rank is a role when the text gives its country: "Letnan Jenderal Mesir X" is
X, Lieutenant General (military rank) of Egypt.
A role whose organization or country the text does not give next to it is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.authority import AuthorityEntry
from kg.extract.entities import PER, Draft, Entities
from kg.extract.lang import LangResources
from kg.extract.mentions import Title
from kg.extract.text import Layout

__all__ = ["RANK_SUFFIX", "RoleDraft", "find_roles"]

#: Appended to a rank's English label, so that a rank role is told apart from an office.
RANK_SUFFIX = " (military rank)"


@dataclass(frozen=True)
class RoleDraft:
    """A role found in text, with the span that states it."""

    person: Draft
    role: str
    of: Draft
    start: int
    end: int


_STATE_TITLES = frozenset(
    {
        "President",
        "Prime Minister",
        "Interior Minister",
        "Foreign Minister",
        "Defence Minister",
        "King",
    }
)


def _bare_title(text: str, start: int, titles: list[Title]) -> str | None:
    """The title written right before a name, with nothing between ("Presiden Soeharto")."""
    for t in titles:
        if t.end <= start and t.label and _gap_ok(text, t.end, start):
            before = text[max(0, t.start - 3) : t.start]
            return None if re.search(r"['’]s?\s*$", before) else t.label
    return None


def _home(text: str, ents: Entities, position: int) -> Draft | None:
    """The country of a head-of-state title written without one ("President X").

    Only when the story's main country is also the country named last before the title
    (a capital or a demonym counts, not one that belongs to another title, as in
    "Britain's King"): where the two disagree, the text does not say.
    """
    from kg.extract.events import main_country

    home = main_country(ents)
    if home is None or home.entry is None:
        return None
    starts = {t.start for t in ents.titles}
    ends = {t.end for t in ents.titles}

    def titled(start: int, end: int) -> bool:
        after = re.match(r"(?:['’]s?)?\s*", text[end : end + 4])
        before = re.search(r"\s*$", text[max(0, start - 4) : start])
        return (after is not None and end + after.end() in starts) or (
            before is not None and start - len(before.group()) in ends
        )

    last: tuple[int, str] | None = None
    for d in ents.drafts:
        entry = d.entry
        if entry is None or (entry.kind != "country" and not entry.capital_of):
            continue
        key = entry.key if entry.kind == "country" else str(entry.capital_of)
        for m in d.mentions:
            later = last is None or m.end > last[0]
            if m.end <= position and m.cue != "demonym" and later and not titled(m.start, m.end):
                last = (m.end, key)
    for b, e, entry in ents.demonyms:
        if e <= position and (last is None or e > last[0]) and not titled(b, e):
            last = (e, entry.key)
    return home if last is not None and last[1] == home.entry.key else None


_GAP = re.compile(r"[\s,]*")


def _gap_ok(text: str, start: int, end: int) -> bool:
    """Only spaces and commas between ``start`` and ``end`` (no slice: this runs often)."""
    return _GAP.fullmatch(text, start, end) is not None


def find_roles(lay: Layout, lang: LangResources, ents: Entities) -> list[RoleDraft]:
    """Every (person, role, of) the text states next to the person's name."""
    text = lay.clean
    out: dict[tuple[str, str, str], RoleDraft] = {}
    titles = sorted(ents.titles, key=lambda t: t.start)
    spans = sorted(
        ((m.start, m.end, d) for d in ents.drafts for m in d.mentions), key=lambda x: x[0]
    )
    demonyms = {(s, e): entry for s, e, entry in ents.demonyms}
    for start, end, person in spans:
        if person.type is not PER:
            continue
        inner = next((t.end for t in titles if t.start == start), start)  # "King Charles III"
        found = _before(text, inner, titles, spans, ents, demonyms)
        if found is None:
            found = _after(text, end, titles, spans)
        if found is None:
            label = _bare_title(text, start, titles)
            home = _home(text, ents, start) if label in _STATE_TITLES else None
            if label is not None and home is not None:
                found = (label, home, start)
        rank = _rank(text, start, titles, spans)
        if rank is not None:
            label, of, s = rank
            key = (person.id, label, of.id)
            out.setdefault(key, RoleDraft(person, label, of, s, end))
        if found is None:
            continue
        label, of, s = found
        if of is person or of.type is PER:
            continue
        key = (person.id, label, of.id)
        if key not in out:
            s, e = min(s, start), max(end, s)
            out[key] = RoleDraft(person, label, of, s, e)
    return list(out.values())


def _rank(
    text: str, start: int, titles: list[Title], spans: list[tuple[int, int, Draft]]
) -> tuple[str, Draft, int] | None:
    """A military rank of a country, written before a name.

    The country follows the rank, as an office's organization does ("Letnan Jenderal
    Mesir X"), or owns it ("Egypt's Lieutenant General X"). A demonym ("Kenyan Maj. Gen.
    X") is the person's nationality, not the army whose rank it is, so it gives no role.
    """

    def country(end: int) -> tuple[int, int, Draft] | None:
        for sp in reversed(spans):
            entry = sp[2].entry
            if sp[1] == end and entry is not None and entry.kind == "country":
                return sp
        return None

    def rank_before(pos: int) -> Title | None:
        return next(
            (t for t in reversed(titles) if t.end <= pos and _gap_ok(text, t.end, pos)), None
        )

    gap = re.search(r"\s*$", text[max(0, start - 3) : start])
    owner = country(start - len(gap.group()) if gap else start)
    if owner is not None:
        title = rank_before(owner[0])
        if title is not None and title.rank is not None:
            return f"{title.rank}{RANK_SUFFIX}", owner[2], title.start
    title = rank_before(start)
    if title is None or title.rank is None:
        return None
    poss = re.search(r"['’]s\s+$", text[max(0, title.start - 4) : title.start])
    owner = country(title.start - len(poss.group())) if poss else None
    if owner is None:
        return None
    return f"{title.rank}{RANK_SUFFIX}", owner[2], owner[0]


def _before(
    text: str,
    start: int,
    titles: list[Title],
    spans: list[tuple[int, int, Draft]],
    ents: Entities,
    demonyms: dict[tuple[int, int], AuthorityEntry],
) -> tuple[str, Draft, int] | None:
    """Walk back from a name over ranks and named bodies to a title."""
    pos = start
    of: Draft | None = None
    label: str | None = None
    title_start = start
    for _ in range(6):
        prev_title = next(
            (t for t in reversed(titles) if t.end <= pos and _gap_ok(text, t.end, pos)), None
        )
        prev_span = next(
            (sp for sp in reversed(spans) if sp[1] <= pos and _gap_ok(text, sp[1], pos)), None
        )
        if prev_title is not None:
            if prev_title.label is not None:
                label, title_start = prev_title.label, prev_title.start
                pos = prev_title.start
                break
            pos = prev_title.start
        elif prev_span is not None and prev_span[2].type is not PER:
            of = prev_span[2]
            pos = prev_span[0]
        else:
            return None
    if label is None:
        return None
    if of is None:
        before = text[max(0, title_start - 40) : title_start]
        for (s, e), entry in demonyms.items():
            if e <= title_start and _gap_ok(text, e, title_start):
                return label, ents.country(entry, s, e), s
        poss = re.search(r"['’]s?\s*$", before)
        if poss:
            span = next(
                (
                    sp
                    for sp in spans
                    if sp[1] <= title_start - len(poss.group()) + 2
                    and sp[1] >= title_start - len(poss.group()) - 0
                    and sp[2].type is not PER
                ),
                None,
            )
            if span is not None:
                return label, span[2], span[0]
        return None
    return label, of, title_start


def _after(
    text: str, end: int, titles: list[Title], spans: list[tuple[int, int, Draft]]
) -> tuple[str, Draft, int] | None:
    """ "Name, Title Body" or "Name ... sebagai/as Title Body"."""
    window = text[end : end + 40]
    m = re.match(r"\s*,\s*|\s+(?:\w+\s+){0,2}(?:sebagai|as)\s+", window)
    if m is None:
        return None
    pos = end + m.end()
    title = next((t for t in titles if t.start == pos and t.label is not None), None)
    if title is None:
        return None
    assert title.label is not None
    rest = text[title.end : title.end + 60]
    of_match = re.match(r"\s+(?:of\s+)?(?:the\s+)?(?:\w+\s+)?", rest)
    for s, _, d in spans:
        if (
            title.end <= s <= title.end + (of_match.end() if of_match else 1) + 1
            and d.type is not PER
        ):
            return title.label, d, title.start
    return None
