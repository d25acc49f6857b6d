"""What the protesters oppose or demand: a cause written out after a cue, glossed into
English."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from kg.extract.abbreviations import abbreviates_words
from kg.extract.lang import LangResources
from kg.extract.text import Sentence


def written_cause(text: str, lang: LangResources, s: Sentence) -> list[tuple[str, tuple[int, int]]]:
    """Rule a-cause-written-out: "thousands rallied against a proposed tax increase": the
    phrase after a cause cue, up to a stop word, a comma or a day's name, of one to five
    words, when no listed cause matched; its articles and possessives dropped, and put in
    English by the language's gloss (rule a-cause-glossed: "menolak kenaikan harga BBM":
    fuel price rise). The first cue whose phrase can be written gives it, with the causes
    listed after it (rule a-list-of-causes: "over corruption and poor public services")."""
    cues = [c.span() for c in lang.pattern("free_cause_cues").finditer(text, s.start, s.end)]
    for start, end in sorted([*cues, *_distant_cues(text, lang, s)]):
        found = _cause_at(text, lang, s, start, end)
        if found is not None:
            return [found, *listed_after(text, lang, s, found[1][1])]
    return []


def opens_a_noun_phrase(text: str, lang: LangResources, at: int) -> bool:
    """Whether the words at ``at`` open a noun phrase a cause can be: an article or a
    possessive, a head of causes (``complemented_heads``), a word of the language's cause
    gloss, or a name; not a verb of another clause ("... and set fire to a police
    station")."""
    first = re.match(r"\s*([\w'’-]+)", text[at : at + 60])
    if first is None:
        return False
    word = first.group(1)
    words = _cause_words(lang)
    return (
        word[:1].isupper()
        or word.lower() in words.leading
        or word.lower() in words.heads
        or word.casefold() in _cause_gloss(lang)[0]
    )


def _distant_cues(text: str, lang: LangResources, s: Sentence) -> list[tuple[int, int]]:
    """Rule a-cause-after-the-place-and-day: "Thousands protested in Havana on Monday
    against high prices": a cue of ``distant_cause_cues`` after a verb of protesting, up to
    eight words on with no comma, bracket or quote between."""
    cue = lang.pattern("distant_cause_cues")
    out = []
    for verb in lang.pattern("cause_after_verbs").finditer(text, s.start, s.end):
        window = re.match(r"(?:(?:[A-Z]\.){2,}|[^,.;:()\"“”])*", text[verb.end() : s.end])
        words = list(re.finditer(r"\S+", window.group() if window else ""))[:9]
        found = cue.search(text, verb.end(), verb.end() + (words[-1].end() if words else 0))
        if found is not None:
            out.append(found.span())
    return out


def listed_after(
    text: str, lang: LangResources, s: Sentence, end: int
) -> list[tuple[str, tuple[int, int]]]:
    """Rule a-list-of-causes: "menolak kenaikan harga BBM, penghapusan subsidi dan
    pemotongan upah", "over corruption and poor public services": the causes a list goes on
    with after the first one written out, its last joined by a conjunction of
    ``cause_list_joins``; a list without one is no list ("demanding justice, a spokesman
    said"), and an item that opens with a cue, a speech verb or a participle is a clause of
    its own ("demanding jobs and calling for ...", "over prices and burned tyres")."""
    joins = lang.pattern("cause_list_joins")
    opens_clause = _clause_openers(lang)
    items: list[tuple[str, tuple[int, int]]] = []
    kept = 0
    while True:
        sep = re.match(r"\s*(,)?\s*", text[end : s.end])
        at = end + (sep.end() if sep else 0)
        conj = joins.match(text, at, s.end)
        if conj is not None:
            at = conj.end()
        elif sep is None or sep.group(1) is None:
            break
        first = re.match(r"\s*([\w'’-]+)", text[at : s.end])
        if (
            first is None
            or opens_clause(first.group(1))
            or lang.pattern("free_cause_cues").match(text, at + first.start(1), s.end)
            # "over a disputed election and flew to Mexico": another clause's verb
            or lang.pattern("travel_place_cues").match(text, at + first.start(1), s.end)
        ):
            break
        found = _cause_at(text, lang, s, at, at)
        if found is None:
            break
        items.append(found)
        if conj is not None:
            kept = len(items)
        end = found[1][1]
    return items[:kept]


_TOKEN = re.compile(
    r"\((?:[A-Z][a-z][\w-]*\s?){1,3}\)(?=\s+[A-Z])|(?:[A-Z]\.){2,}(?=\s)|[\w'’-]+|[^\w\s]"
)
"""A word, a sign, a bracket of capitalised words that a capitalised word follows
("(Amendment) Act"), or initials with their dots ("U.S. policy")."""


@functools.cache
def _clause_openers(lang: LangResources) -> Callable[[str], bool]:
    """Whether a word opens a clause of its own rather than a cause of a list: a speech
    verb or a participle ("said", "burned"); once per language."""
    speech = {w.lower() for w in lang.words("speech_verbs")}
    endings = tuple(lang.words("participle_endings"))

    def opens(word: str) -> bool:
        w = word.lower()
        return w in speech or (bool(endings) and w.endswith(endings))

    return opens


_MOST_WORDS = 5
"""The longest written-out cause, in words."""
_MOST_HEADED_WORDS = 8
"""The longest written-out cause whose head keeps its complement ("arrest of opposition
leader Ousmane Sonko", "delay in release of official election results")."""


def _cause_at(
    text: str, lang: LangResources, s: Sentence, start: int, at: int
) -> tuple[str, tuple[int, int]] | None:
    """The cause written from ``at`` (after a cue that opens at ``start``; see
    :func:`written_cause`), or None."""
    stops, heads, links, leading, hedges = _cause_words(lang)
    words: list[str] = []
    end = at
    headed: tuple[int, int] | None = None  # the words and end before a head's complement
    for m in re.finditer(_TOKEN, text[at : s.end]):
        token = m.group()
        if len(token) > 1 and token.startswith("("):
            if not words or not words[-1][:1].isupper():
                break
            # rule a-bracket-inside-a-name: "against the Waqf (Amendment) Act": a bracketed
            # word between two capitalised ones is part of the name
            words.append(token)
            continue
        content = [w for w in words if w.lower() not in leading]
        if (
            headed is None
            # "the Meitei demand for tribal status": a name may qualify the head
            and (len(content) == 1 or (len(content) == 2 and content[0][:1].isupper()))
            and content[-1].lower() in heads
            and token.lower() in links
        ):
            # "a law on illicit profits", "the anniversary of the Novi Sad awning
            # collapse": the head's complement goes with it, past a stop word too
            headed = len(words), end
            if token.lower() in stops:
                words.append(token)
                continue
        if not re.match(r"[\w'’-]", token) or token.lower() in stops:
            break
        words.append(token)
        end = at + m.end()
    lead = next((i for i, w in enumerate(words) if w.lower() not in leading), len(words))
    if headed is not None and len(words) - lead > _MOST_HEADED_WORDS:
        # "demanding justice for the victims of the fire in the old market": a complement
        # too long to write leaves the head alone, as without its complement
        words, end = words[: headed[0]], headed[1]
    while words and words[0].lower() in leading:
        words.pop(0)  # "a proposed tax increase", "their land"
    # rule a-cause-without-its-hedge: "against the controversial Waqf (Amendment) Act": the
    # writer's judgement of the cause is no word of it
    words = [w for w in words if w.lower() not in hedges]
    endings = tuple(lang.words("participle_endings"))
    while len(words) > 1 and endings and words[-1].lower().endswith(endings):
        # "Protests against the president continued in ...": the sentence's verb, no
        # word of the cause
        words.pop()
        end = at + text[at:end].rfind(" ")
    most = _MOST_HEADED_WORDS if headed is not None else _MOST_WORDS
    if not 1 <= len(words) <= most or any(w[:1].isdigit() for w in words):
        return None
    if lang.pattern("crowd_nouns").fullmatch(words[0]) or lang.pattern("generic_forces").fullmatch(
        words[0]
    ):
        return None  # "protesting residents", "clashed against police": who, not what
    words = _shortened(text, end, words)
    phrase = _glossed(words, lang)
    return None if phrase is None else (phrase, (start, end))


class _CauseWords(NamedTuple):
    stops: frozenset[str]  # end a written-out cause (and days and months: "... on Monday")
    heads: frozenset[str]  # keep what follows them (``complemented_heads``)
    links: frozenset[str]  # open a head's complement (``complement_links``)
    leading: frozenset[str]  # articles and possessives dropped before it
    hedges: frozenset[str]  # the writer's judgements dropped from it (``cause_hedges``)


@functools.cache
def _cause_words(lang: LangResources) -> _CauseWords:
    """The words a written-out cause is read with, once per language."""

    def lower(*words: str) -> frozenset[str]:
        return frozenset(w.lower() for w in words)

    return _CauseWords(
        stops=lower(*lang.words("free_cause_stops"), *lang.weekdays, *lang.months),
        heads=lower(*lang.words("complemented_heads")),
        links=lower(*lang.words("complement_links")),
        leading=lower(*lang.words("title_articles"), *lang.words("its_words")),
        hedges=lower(*lang.words("cause_hedges")),
    )


def complemented_at(text: str, lang: LangResources, end: int) -> bool:
    """Rule a-listed-cause-with-its-complement: the word ending at ``end`` is a head whose
    complement follows ("corruption in flood control projects"), so the cause is to be
    written out with it rather than listed alone."""
    words = _cause_words(lang)
    head = re.search(r"([\w-]+)$", text[max(0, end - 30) : end])
    link = re.match(r"\s+([\w-]+)\s+\w", text[end : end + 30])
    return bool(
        head and link and head.group(1).lower() in words.heads and link.group(1) in words.links
    )


@functools.cache
def _cause_gloss(lang: LangResources) -> tuple[dict[str, str], int]:
    """The language's cause gloss by case-folded phrase, and its longest phrase's words."""
    gloss = {str(k).casefold(): str(v) for k, v in lang.table("cause_gloss").items()}
    return gloss, max((len(k.split()) for k in gloss), default=0)


def _shortened(text: str, end: int, words: list[str]) -> list[str]:
    """Rule a-cause-s-acronym: "revisi Undang-Undang Tentara Nasional Indonesia (UU TNI)":
    the acronym in brackets after the phrase stands for the capitalised words that end it."""
    bracket = re.match(r"\s*\(((?:[A-Z][\w-]*\s*){1,3})\)", text[end : end + 40])
    if bracket is None:
        return words
    acronym = bracket.group(1).split()
    tail = len(words)
    while tail > 0 and words[tail - 1][:1].isupper():
        tail -= 1
    long = [piece for w in words[tail:] for piece in w.split("-") if piece]
    if len(long) > 1 and abbreviates_words("".join(acronym).lower(), long):
        return [*words[:tail], *acronym]
    return words


def _glossed(words: list[str], lang: LangResources) -> str | None:
    """``words`` in English by the language's cause gloss, longest phrase first; a run of
    capitalised words it lacks is a name and stays; a head-first language's units are
    turned round ("revisi UU TNI": TNI law revision). None when a lower-case word has no
    gloss; the words as they stand when the language has no gloss."""
    gloss, longest = _cause_gloss(lang)
    if not gloss:
        return " ".join(words)
    units: list[str] = []
    glossed = False
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            english = gloss.get(" ".join(words[i : i + size]).casefold())
            if english is not None:
                units.append(english)
                glossed = True
                i += size
                break
        else:
            if not words[i].lstrip("(")[:1].isupper():
                return None
            name = [words[i]]
            i += 1
            while (
                i < len(words)
                and words[i].lstrip("(")[:1].isupper()
                and words[i].casefold() not in gloss
            ):
                name.append(words[i])
                i += 1
            units.append(" ".join(name))
    if not glossed and len(words) == 1:
        return None  # "Tolak Dibubarkan" in a headline: a capital is no name there
    if lang.head_first:
        units.reverse()
    return " ".join(units)
