"""Candidate names in text: runs of capitalised words, cut at titles, ranks and punctuation.

A run is cut where a title ("Presiden", "Interior Minister") or rank ("Kolonel", "Maj. Gen.")
starts or ends, so that "Presiden Kazakhstan Kassym-Jomart Tokayev" yields the run
"Kazakhstan Kassym-Jomart Tokayev" preceded by the title President.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from kg.extract.lang import LangResources, available, phrase_pattern
from kg.gazetteer import country_names, plain_name, region_names

__all__ = ["ARTICLE_PREFIX", "Run", "Title", "Token", "find_runs", "find_titles", "tokens"]

# an Arabic article joined to a name: "al-Assad", "el-Sisi", "ad-Din"
ARTICLE_PREFIX = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-[A-Z]")
# a number may carry a unit's name after a slash: "Yonif 315/Garuda", "Kodam 17/Cenderawasih"
_TOKEN = re.compile(r"[^\W\d_](?:[\w'’\-/]|\.(?=\w))*\.?|\d+(?:[.,]\d+)*(?:/[^\W\d_][\w'’-]*)?")
_UNIT_NUMBER = re.compile(r"\d+(?:/[^\W\d_][\w'’-]*)?")


@dataclass(frozen=True)
class Token:
    """A word with its offsets."""

    start: int
    end: int
    text: str

    @property
    def capital(self) -> bool:
        """Starts with a capital letter (also "l'Opera", "al-Assad")."""
        t = self.text
        return (
            t[:1].isupper()
            or (len(t) > 2 and t[1] in "'’" and t[2:3].isupper())
            or ARTICLE_PREFIX.match(t) is not None
        )


@dataclass(frozen=True)
class Title:
    """A title or rank phrase; ``label`` is the English role, None for a rank.

    ``rank`` is the English label of a military rank ("Colonel General"), None otherwise.
    """

    start: int
    end: int
    label: str | None
    rank: str | None = None


@dataclass(frozen=True)
class Run:
    """A run of capitalised tokens inside one sentence."""

    tokens: tuple[Token, ...]
    sentence: int

    @property
    def start(self) -> int:
        """Offset of the first character."""
        return self.tokens[0].start

    @property
    def end(self) -> int:
        """Offset after the last character."""
        return self.tokens[-1].end


_TITLE_QUALIFIER = re.compile(r"[ \t]+\((?:[A-Za-z][a-z]+|[A-Z][a-z]+ & [A-Z][a-z]+)\)")
_DOMAIN = re.compile(r"\.[a-z]{2,}\.$")  # "dikutip Kompas.com.": the sentence's period


def tokens(text: str, start: int, end: int) -> list[Token]:
    """The word tokens of ``text[start:end]``; a final period is kept only on initials."""
    out = []
    for m in _TOKEN.finditer(text, start, end):
        s, e, t = m.start(), m.end(), m.group()
        if t.endswith(".") and not (len(t) == 2 or ("." in t[:-1] and not _DOMAIN.search(t))):
            e -= 1
            t = t[:-1]
        out.append(Token(s, e, t))
    return out


def _unglued(words: list[Token], lang: LangResources) -> list[Token]:
    """Rule a-glued-preposition: a typo that glues a preposition to the capitalised name
    after it ("dikirim keKota Sorong") is two words, the name starting at its capital."""
    glued = {w.lower() for w in lang.words("glued_preps")}
    out: list[Token] = []
    for tok in words:
        head = len(tok.text) - len(tok.text.lstrip("abcdefghijklmnopqrstuvwxyz"))
        if tok.text[:head] in glued and tok.text[head : head + 2].istitle():
            out.append(Token(tok.start, tok.start + head, tok.text[:head]))
            out.append(Token(tok.start + head, tok.end, tok.text[head:]))
        else:
            out.append(tok)
    return out


@functools.cache
def _title_pattern(lang: LangResources) -> re.Pattern[str]:
    # rule a-hyphenated-rank: "Lieutenant-Colonel Dennis Obiero" is the rank of "lieutenant
    # colonel" and a name
    return phrase_pattern([*lang.titles, *lang.ranks], joiner=r"(?:\s+|-)")


@functools.cache
def _portfolio_pattern(lang: LangResources) -> re.Pattern[str]:
    """Rule a-minister-s-portfolio: "Minister for Fisheries and Ports Ann Lee", "Secretary
    of the Interior Bo Park": after a portfolio title, a link and capitalised portfolio words
    (joined by links and coordinators) are the rest of the title, not the person's name."""
    words = "|".join(re.escape(w.capitalize()) for w in lang.words("portfolio_words"))
    links = "|".join(re.escape(w) for w in lang.words("portfolio_links"))
    if not words or not links:
        return re.compile(r"(?!x)x")
    joins = "|".join(
        re.escape(w) for w in (*lang.words("portfolio_links"), "&", *lang.words("coordinators"))
    )
    word = rf"(?:{words})(?![\w-])"
    the = rf"(?:(?:{lang.pattern('definite_articles').pattern})[ \t]+)?"  # "of the Interior"
    return re.compile(
        rf"[ \t]+(?:{links})[ \t]+{the}{word}(?:[ \t]+(?:(?:{joins})[ \t]+{the})?{word})*"
    )


def find_titles(text: str, lang: LangResources, start: int, end: int) -> list[Title]:
    """Titles and ranks in ``text[start:end]`` (the longest phrase wins)."""
    out = []
    heads = lang.loc_heads
    for m in _title_pattern(lang).finditer(text, start, end):
        before = re.search(r"(\w+)\s+$", text[max(start, m.start() - 30) : m.start()])
        # "Kapolresta Jayapura Kota Komisaris Besar ...": "Kota" ends a town's name there
        suffix = re.search(
            rf"[A-Z][\w-]*\s+(?i:{lang.pattern('town_prefixes').pattern})\s+$",
            text[max(start, m.start() - 40) : m.start()],
        )
        if (
            before
            and suffix is None
            # "Istana Presiden": a head-first language's head word before a title names a
            # place; "Central African Republic President X" is a title after a name
            and lang.head_first
            and before.group(1)[:1].isupper()
            and (
                before.group(1).lower() in heads
                or (
                    before.group(1).lower() in lang.org_heads
                    and " ".join(m.group().lower().split()) in lang.titles
                )
            )
        ):
            continue  # "Istana Presiden", "Kantor Gubernur Papua" are places, not titles
        if lang.pattern("lowercase_place_heads").search(
            text, max(start, m.start() - 15), m.start()
        ):
            continue  # "jalan layang Raja Fahd" is a road, not a king
        phrase = " ".join(m.group().lower().split())
        if phrase not in lang.titles and phrase not in lang.ranks:
            phrase = " ".join(phrase.replace("-", " ").split())
        begin, stop = m.start(), m.end()
        inner = _title_after_a_body_s_head(text, lang, begin, stop, before)
        if inner is not None:
            begin, phrase = inner
        label = lang.titles.get(phrase)
        if label is not None:  # rule title-modifier: "former president", "Wakil Kepala"
            mod = re.search(r"(?<![\w-])([\w-]+)[ \t]+$", text[max(start, begin - 20) : begin])
            prefix = lang.title_modifiers.get(mod.group(1).lower()) if mod else None
            if mod is not None and prefix is not None:
                begin -= len(mod.group())
                label = f"{prefix} {label}"
        if label is None and _an_org_word_after(text, lang, stop, end):
            continue  # rule a-rank-s-word-in-a-body-s-name: "the General Confederation of Labour"
        if label is None:  # a rank: its corps goes with it ("Letnan Kolonel Infanteri X")
            if text[stop : stop + 1] == "." and m.group().split()[-1].lower() in lang.abbreviations:
                stop += 1  # "Irjen Pol. X": the rank's abbreviation keeps its dot
            corps = lang.pattern("rank_corps").match(text, stop + 1, end)
            if corps is not None and text[stop : stop + 1].isspace():
                stop = corps.end()
        else:
            portfolio = _portfolio_pattern(lang).match(text, stop, end)
            if portfolio is not None and phrase in lang.words("portfolio_titles"):
                stop = portfolio.end()
                label = f"{label} {' '.join(portfolio.group().split())}"
            # rule title-qualifier: "Deputy Commissioner of Police (Southeast) RP Meena",
            # "X, deputy commissioner of police (operation), said": the bracket belongs to
            # the title, and the name or the comma comes after it
            qualifier = _TITLE_QUALIFIER.match(text, stop, end)
            if qualifier is not None:
                stop = qualifier.end()
        out.append(Title(begin, stop, label, None if label else lang.ranks.get(phrase)))
    return out


def _an_org_word_after(text: str, lang: LangResources, stop: int, end: int) -> bool:
    """A capitalised body's word right after ``stop`` ("General Confederation", "General
    Assembly"): the rank's word before it is a word of the body's name."""
    word = re.match(r"[ \t]+([A-Z][\w-]*)", text[stop:end])
    return word is not None and word.group(1).lower() in lang.org_words


def _title_after_a_body_s_head(
    text: str, lang: LangResources, begin: int, stop: int, before: re.Match[str] | None
) -> tuple[int, str] | None:
    """Rule a-title-inside-a-body-s-name: in "Haitian National Police chief X" the name
    "Haitian National Police" goes on into the title "National Police chief"; when a
    capitalised word (not a possessive) comes right before a capitalised title and a body's
    head word after the title's first word ends a part of it, the title starts after that
    head word, if what follows it is a title. Returns the title's new start and phrase, or None."""
    word = before.group(1) if before is not None else ""
    if not word[:1].isupper() or word.lower() in lang.stopwords or not text[begin].isupper():
        return None  # "Peru's national police chief": the possessive leaves "s" before it
    if before is None or before.group() != f"{word} ":
        return None
    words = list(re.finditer(r"\S+", text[begin:stop]))
    for i in range(len(words) - 2, 0, -1):  # not its first word: "SAMIM Force Commander X"
        if words[i].group().lower() in lang.org_words:
            rest = " ".join(w.group().lower() for w in words[i + 1 :])
            if rest in lang.titles:
                return begin + words[i + 1].start(), rest
    return None


@functools.cache
def _joined_names(coordinators: frozenset[str]) -> frozenset[str]:
    """Names of countries and regions with a coordinator inside ("Bosnia and Herzegovina",
    "Jammu and Kashmir", "Trinidad dan Tobago"), plain and case-folded; an "&" in a name
    ("Trinidad & Tobago") is written as each coordinator."""
    names = {*region_names(), *(n for v in country_names(available()).values() for n in v)}
    out = set()
    for name in names:
        for joiner in coordinators:
            plain = plain_name(name.replace(" & ", f" {joiner} "))
            if any(f" {c} " in plain for c in coordinators):
                out.add(plain)
    return frozenset(out)


def _names_a_joined_place(
    current: list[Token], joiner: Token, after: list[Token], coordinators: frozenset[str]
) -> bool:
    """The run so far, ``joiner`` and the capitalised words after it name a place with a
    coordinator inside (see :func:`_joined_names`)."""
    known = _joined_names(coordinators)
    head = " ".join(t.text for t in current)
    for k in range(1, len(after) + 1):
        if not after[k - 1].capital:
            break
        name = f"{head} {joiner.text} {' '.join(t.text for t in after[:k])}"
        if plain_name(name) in known:
            return True
    return False


@functools.cache
def _numbered_command_heads(lang: LangResources) -> frozenset[str]:
    """The titles of the heads of numbered commands ("danrem": Korem, "dandim": Kodim)."""
    commands = {w.lower() for w in lang.words("numbered_commands")}
    return frozenset(
        str(title).lower()
        for title, bodies in lang.table("title_bodies").items()
        if {str(b).lower() for b in (bodies if isinstance(bodies, list) else [bodies])} & commands
    )


def find_runs(
    text: str,
    lang: LangResources,
    start: int,
    end: int,
    sentence: int,
    titles: list[Title],
) -> list[Run]:
    """Runs of capitalised tokens, joined by connectors, cut at titles and punctuation."""
    connectors = {c.lower() for c in lang.words("connectors")}
    links = {w.lower() for w in lang.words("name_links")}
    purposes = {w.lower() for w in lang.words("purpose_links")}
    purposes_words = {w.lower() for w in lang.words("purpose_words")}  # "untuk"
    articles = {a.lower() for a in lang.words("connector_articles")}
    long_links = {w.lower() for w in lang.words("long_name_links")}  # "Mission to Somalia"
    heads = lang.org_words | lang.loc_words  # the words before "of the" in a name
    suffixes = tuple(s.lower() for s in lang.words("adjective_suffixes"))
    cuts = {t.start for t in titles} | {t.end for t in titles}
    # rule a-commander-s-numbered-command: "Danrem 172/PWY", "Dandim 1701/Jayapura": the
    # number right after the title of a numbered command's head opens the command's name
    heads_of = _numbered_command_heads(lang)
    numbered_after = {t.end for t in titles if text[t.start : t.end].lower() in heads_of}
    # titles do not overlap (one regex pass): a token is inside the last one starting at or
    # before it, or inside none
    inside = sorted((t.start, t.end) for t in titles)
    inside_starts = [s for s, _ in inside]
    runs: list[Run] = []
    current: list[Token] = []
    pending: list[Token] = []
    number: list[Token] = []  # a number after a name ends it, unless a name follows
    units = {w.lower() for w in lang.words("unit_words")}  # "Yonif 300 personel"
    lowered_heads = {w.lower() for w in lang.words("area_forces") if " " not in w}
    # "ke kecamatan Amahai": a place's head word in lower case is still its name's (the
    # codebook keeps head words)
    # ("ibu kota Armenia", "wali kota Garoua": "kota" also ends other words' phrases)
    lowered_places = {w.lower() for w in lang.words("admin_heads") if " " not in w}
    lowered_places -= {w.lower() for w in lang.words("town_prefixes")}
    commands = {w.lower() for w in lang.words("numbered_commands")}  # "Kodim 0312 Padang"
    # "Polresta Padang 450": a force named after its area has no number; one after it counts
    unnumbered = lowered_heads - commands
    numbered_heads = units | commands  # "Yonif 733 Masariku", "Kodim 0312 Padang"
    coordinators = frozenset(w.lower() for w in lang.words("coordinators") if " " not in w)
    scales = {str(k).lower() for k in lang.table("multipliers")}  # "4 ribu", "2 million"
    counted = re.compile(
        rf"{lang.pattern('troop_nouns').pattern}|{lang.pattern('person_nouns').pattern}", re.I
    )

    def close() -> None:
        if number and current and current[0].text.lower() in unnumbered:
            number.clear()
        current.extend(number)
        number.clear()
        if current:
            runs.append(Run(tuple(current), sentence))
        current.clear()
        pending.clear()

    previous_end = start
    unit_name = False  # the run is a unit's name that went on after its number's slash
    acronym_end = -1  # where an acronym inside a unit's name ends
    words = _unglued(tokens(text, start, end), lang)
    for index, tok in enumerate(words):
        gap = text[previous_end : tok.start]
        previous_end = tok.end
        at = bisect.bisect_right(inside_starts, tok.start)
        in_title = at > 0 and tok.start < inside[at - 1][1]
        following = words[index + 1] if index + 1 < len(words) else None
        if (
            current
            and gap == " ("
            and tok.capital
            and following is not None
            and text[tok.end : following.start] == ") "
            and following.text[:1].isdigit()
            # "Polres Tanah Merah (Tamer) 80 personel": a count after the name, no number
            and not counted.match(text, following.end + 1)
        ):
            # "Batalyon Infanteri (Yonif) 122/Tombak Sakti": the acronym in the name, before
            # its number
            acronym_end = tok.end
        elif current and gap == ") " and acronym_end == tok.start - len(gap):
            pass  # the number after the acronym
        elif current and (gap.strip() or "\n" in gap or len(gap) > 2 or tok.start in cuts):
            close()
        if in_title:
            close()
            continue
        if unit_name and tok.text.lower() in lang.org_heads:
            close()  # "Yonif 133/Yudha Sakti Kodam I/Bukit Barisan": the unit's command
        unit_name = unit_name and current != []
        if number and tok.capital and not tok.text[0].isdigit():
            # "Yonif 733 Masariku": a unit's number, its name after it (as "Yonif 733/...")
            numbered_unit = bool(current) and current[-1].text.lower() in numbered_heads
            if "/" not in number[-1].text and not numbered_unit:
                number.clear()
                close()  # "About 800 Polish soldiers": the number is not part of a name
            elif tok.text.lower() in lang.org_heads:
                close()  # "Yonif 721/Makkasau Kodam XIV": the unit, then its command
            else:
                current.extend(number)  # "Yonif 126/Kala Cakti": the unit's name goes on
                number.clear()
                unit_name = True
        suffix = next((x for x in suffixes if tok.text.lower().endswith(x)), None)
        if suffix is not None and tok.capital and len(tok.text) > len(suffix):
            following = words[index + 1] if index + 1 < len(words) else None
            if current or following is None or not following.capital:
                # "Al Qaeda-linked groups", "Hezbollah-linked fighters": the name before it
                current.extend(pending)
                cut = len(suffix)
                current.append(Token(tok.start, tok.end - cut, tok.text[:-cut]))
            close()  # "African-led International ...": an adjective of the name after it
            continue
        if (
            current
            and tok.text.lower() in lang.months
            and re.match(r"\s+\d", text[tok.end : tok.end + 3])
        ):
            close()  # "Hebron October 13": a date after the name, not part of it
            continue
        if current and tok.text.lower() in lang.weekdays:
            close()  # "di Kota Mataram Jumat (23/8)": the day after the name, not part of it
            continue
        if tok.capital and not tok.text[0].isdigit():
            before = words[index - 1] if index > 0 else None
            if (
                not current
                and before is not None
                and before.text.islower()
                and (before.text in lowered_heads or before.text in lowered_places)
                and text[before.end : tok.start] == " "
            ):
                # "160 personil polres Lombok Barat": a force's head word written in lower
                # case is still part of its name
                current.append(before)
            current.extend(pending)
            pending.clear()
            current.append(tok)
        elif (
            (current and tok.text.lower() in connectors and not pending)
            # Rule two-particles-in-a-name: "Ilse von der Varn", "Casa de la Musica": a
            # second particle after the first
            or (
                len(pending) == 1
                and pending[0].text.lower() in connectors
                and tok.text.lower() in connectors
            )
            or (current and tok.text.lower() in long_links and len(current) >= 3 and not pending)
            # "Jammu and Kashmir", "Bosnia dan Herzegovina": one name with its coordinator
            or (
                current
                and not pending
                and tok.text.lower() in coordinators
                and _names_a_joined_place(current, tok, words[index + 1 : index + 4], coordinators)
            )
        ):
            pending.append(tok)
        elif (
            current
            and not pending
            and tok.text.lower() in links
            and (
                current[-1].text.lower() in lang.org_words
                # rule a-head-first-body-s-name-goes-on: "Asosiasi Bantuan untuk Tahanan
                # Politik", "Komisi Nasional untuk Hak Asasi Manusia": the body's head
                # word comes first in a head-first language
                or (
                    lang.head_first
                    and len(current) >= 2
                    and any(t.text.lower() in lang.org_heads for t in current)
                    and tok.text.lower() in purposes_words
                )
            )
        ):
            pending.append(tok)  # "UN Mission in South Sudan", "Misi PBB di Mali"
        elif (
            current
            and not pending
            and tok.text.lower() in purposes
            and current[-1].text.lower() in lang.org_words
        ):
            # Rule a-body-for-a-cause: "the Federation for Fair Fishing said": a body's
            # head word, "for" and capitalised words are one name
            pending.append(tok)
        elif (
            len(pending) == 1 and tok.text.lower() in articles and current[-1].text.lower() in heads
        ):
            pending.append(tok)  # "Democratic Republic of the Congo", "Bank of the ..."
        elif (
            len(pending) == 1
            and tok.text.lower() in articles
            and pending[0].text.lower() in connectors
            and any(t.text.lower() in lang.org_words for t in current[:-1])
        ):
            # rule a-body-s-name-goes-on: "the National Front for the Defence of the
            # Constitution": a body's name, its head word before, goes on through "of the"
            pending.append(tok)
        elif current and re.fullmatch(r"[IVXL]+(?:-[A-Z])?", tok.text) and not pending:
            current.append(tok)  # "Charles III"
        elif current and _UNIT_NUMBER.fullmatch(tok.text) and not pending and not number:
            number.append(tok)  # "Konga 37", "Yonif 315/Garuda"
        elif (
            not current
            and tok.start - 1 in numbered_after
            and gap == " "
            and _UNIT_NUMBER.fullmatch(tok.text)
        ):
            current.append(tok)  # "Danrem 172/PWY": the command's number, its name
        else:
            if (
                number
                and (counted.fullmatch(tok.text) or tok.text.lower() in scales)
                and current[0].text.lower() not in units
            ):
                # "Brimob Polda Jabar 200 orang", "Di Surabaya 4 ribu": a count after the name
                number.clear()
            close()
    close()
    return runs
