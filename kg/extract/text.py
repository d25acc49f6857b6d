"""The layout of an article body: paragraphs, sentences, and what is not story text.

Metadata (bylines, editors, photo credits, "Baca juga" links, datelines' publisher names)
is blanked out in :attr:`Layout.clean`, a copy of the body with the same length, so that
every offset found in it is an offset into the body.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from enum import StrEnum

from kg.authority import Authority
from kg.extract.lang import LangResources, phrase_pattern
from kg.facts.model import EntityType
from kg.gazetteer import cities

__all__ = ["Kind", "Layout", "Sentence", "layout"]

_LINE = re.compile(r"[^\n]+")
_SOURCE_LINE_WORDS = 12  # a source line is short: "Sumber: Reuters | Editor: Yudho Winarto"
_INITIALS = re.compile(r"^\(?\s*[A-Za-z]{1,6}(?:\s*/\s*[A-Za-z]{1,6})+\s*\)?$")
# four or more words in capitals, then a dash: a photo's label, not a dateline's town
_CAPTION_LABEL = re.compile(r"(?:[A-Z][A-Z'’.-]*\s+){4,}[-–—]\s")
_PAREN_CREDIT = re.compile(r"\((?:[^()]*?[A-Za-z.]\s?/\s?[A-Za-z][^()]*?)\)")
# "ANTARA/Rudi Hartono"; not a Roman-numbered military unit ("Kodam XIV/Hasanuddin")
_BARE_CREDIT = re.compile(
    r"\b(?![IVXLC]+/)[A-Z]{2,}(?:\.[A-Z]{2,})*/[A-Z][a-z][\w.'-]*(?:[ \u00a0][A-Z][\w.'-]*)*"
)
# "tj/dj (AFP, Reuters)": the editors' initials, then the agencies the story draws on
_EDITORS_SOURCES = re.compile(r"[a-z]{1,4}(?:\s*/\s*[a-z]{1,4})+\s*\(([^()\n]+)\)")
_SOURCES_LINE = re.compile(
    r"^[A-Z][\w.]*(?:\s[A-Z][\w.]*)*(?:\s*[|/,]\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)+$"
)
_DATELINE = re.compile(r"(?P<head>[^\n]{2,70}?)\s*(?:--|—|–|-)\s+(?=\S)")
# "Kupang, Lensantt.com-Demo ...", "Maluku,CakraNEWS.ID-Sebanyak ...", "Harianjogja.com,
# JAKARTA—Polda ...": the dash glued to the first word, after an outlet's domain (any dash)
# or a town in capitals (a long dash: "TNI-Polri" is a name)
_GLUED_DATELINES = (
    # "NABIRE, TOMEI.ID | Suasana ...": a town and an outlet, then a bar
    re.compile(r"(?P<head>[A-Z][^\n|,]{1,40}, [^\n|]{2,30}?)\s*\|\s+(?=\S)"),
    re.compile(r"(?P<head>[^\n]{2,70}?\.(?i:com|co\.id|id|net|org|tv|news))(?:--|—|–|-)(?=[A-Z])"),
    re.compile(r"(?P<head>[^\n]{0,70}?(?<![\w-])[A-Z]{3,})(?:--|—|–)(?=[A-Z][a-z])"),
    # "Kathmandu, Mar 28 (PTI) The Army ...", "Seoul, March 4 (Yonhap)--The ...": town, day
    # and agency with no dash, or one glued to the next word
    re.compile(
        r"(?P<head>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}, [A-Z][a-z]{2,8}\.? \d{1,2} "
        r"\([A-Z][\w/ .-]{1,20}\))(?:[ \t]*(?:--|—|–)[ \t]*|[ \t]+)(?=[A-Z])"
    ),
)
# "ISLAMABAD: Amid rising violence ...", "DAR ES SALAAM: Tanzanian police ...": a town in
# capitals before a colon, only when the town is known ("UPDATE:" is none)
_COLON_DATELINE = re.compile(r"(?P<head>[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3}):[ \t]+(?=[A-Z])")
_DOMAIN = re.compile(r"\w\.\w")
# a saved page's date label before its first line ("date 2024-05-16 TBILISI, ...")
_DATE_LABEL = re.compile(r"date[ \t]+\d{4}-\d{2}-\d{2}(?:[ \t]+|$)")
_RUNNING_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_BULLET = re.compile(r"[-–—•*·]\s")  # a bulleted line: "- Bentrokan Warga di ..."
_DATELINE_END = re.compile(r"\s*(?:--|—|–|-)\s")
# a sentence ends at ".", "!" or "?" before a space and a capital, or glued to the next
# sentence's first word ("kata I Wayan Tjatra.Sebelumnya terjadi ...")
_SENT_END = re.compile(
    r"[.!?](?:[\"”’')\]]*)(?=\s+[\"“'(]?[A-Z0-9])|(?<=[a-z]{2})\.(?=[A-Z][a-z]{2,}\s)"
)


class Kind(StrEnum):
    """What a sentence is: story text, a photo caption, or the headline."""

    STORY = "story"
    CAPTION = "caption"
    HEADLINE = "headline"


@dataclass(frozen=True)
class Sentence:
    """A sentence: offsets into the body, its paragraph number and kind."""

    start: int
    end: int
    para: int
    kind: Kind

    @property
    def span(self) -> tuple[int, int]:
        """Start and end in the body."""
        return self.start, self.end


@dataclass
class Layout:
    """The body, its cleaned copy, its sentences and the dateline places."""

    body: str
    clean: str
    sentences: list[Sentence] = field(default_factory=list)
    dateline_places: list[tuple[int, int]] = field(default_factory=list)

    def text(self, sentence: Sentence) -> str:
        """The clean text of a sentence."""
        return self.clean[sentence.start : sentence.end]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def layout(body: str, lang: LangResources, meta: dict[str, str], authority: Authority) -> Layout:
    """Split a body into sentences and blank out its metadata."""
    chars = list(body)
    starts = phrase_pattern(lang.words("metadata_line_starts"))
    contains = phrase_pattern(lang.words("metadata_line_contains"))
    credits = [re.compile(p) for p in lang.words("credit_patterns")]
    source_starts = phrase_pattern(lang.words("source_line_starts"))
    tails = [re.compile(p) for p in lang.words("credit_tails")]
    openers = tuple(w.lower() for w in lang.words("caption_openers"))
    publisher = _norm(meta.get("publisher", "").split("(")[0])
    title = _norm(meta.get("title", ""))
    out = Layout(body=body, clean="")
    paragraphs: list[tuple[int, int, Kind]] = []
    seen_story = False
    # rule stamped-teasers: other stories' headlines, each with its stamp, are no story
    teasers = _teasers(body) | _stamped_teasers(body, lang)
    timed = False  # the line before was a video's running time
    linked = False  # the lines before were "Baca juga:" and its links
    for match in _LINE.finditer(body):
        start, end = match.span()
        line = match.group().strip()
        lead = len(match.group()) - len(match.group().lstrip())
        if not line:
            continue
        label = _DATE_LABEL.match(line)
        if label is not None:
            # rule a-date-label: " date 2024-05-16 TBILISI, Georgia — ...": a saved page's
            # date, written before its first line, is metadata
            _blank(chars, start + lead, start + lead + label.end())
            start, lead, line = start + lead + label.end(), 0, line[label.end() :]
            if not line:
                continue
        if start in teasers or timed or _title_cut_short(line, title):
            _blank(chars, start, end)  # links to other stories, cut short
            timed = False
            continue
        if _RUNNING_TIME.fullmatch(line):
            # "01:17" then "Nepal police kills at least 17 people ...": a related video's
            # length and headline, another story
            _blank(chars, start, end)
            timed = True
            continue
        if linked and _BULLET.match(line):
            # rule links-after-a-read-also: "Baca juga:" then "- Bentrokan Warga di ...":
            # each bulleted line is the headline of another story
            _blank(chars, start, end)
            continue
        linked = False
        sources = _EDITORS_SOURCES.fullmatch(line)
        if sources is not None:
            # rule the-sources-after-the-editors: "zc/ab (dpa, AFP)": the initials are
            # metadata, the agencies in brackets are the sources the story cites
            first, last = start + lead + sources.start(1), start + lead + sources.end(1)
            _blank(chars, start, first)
            _blank(chars, last, end)
            paragraphs.append((first, last, Kind.CAPTION))
            continue
        cited = _cited_agencies(line, source_starts, authority, publisher)
        if cited:
            # rule the-agency-a-source-line-names: "Sumber: Reuters | Editor: X", "Source:
            # AFP": the agency a story is taken from is a source it cites (as "menurut
            # AFP" is); the rest of the line is metadata
            kept = start + lead
            for a, b in cited:
                _blank(chars, kept, start + lead + a)
                paragraphs.append((start + lead + a, start + lead + b, Kind.CAPTION))
                kept = start + lead + b
            _blank(chars, kept, end)
            continue
        low = line.casefold()
        words = line.split()
        if starts.match(low) and line.endswith(":"):
            linked = True  # "Baca juga:", "Read more:": links follow
        if (
            (starts.match(low) and starts.match(low).start() == 0)  # type: ignore[union-attr]
            or contains.search(low)
            or _INITIALS.match(line)
            or (_SOURCES_LINE.match(line) and len(words) <= 8)
            or not re.search(r"[A-Za-z]", line)
        ):
            _blank(chars, start, end)
            continue
        if publisher and _norm(line) == publisher:
            _blank(chars, start, end)
            continue
        kind = Kind.STORY
        has_credit = False
        for pattern in (_PAREN_CREDIT, _BARE_CREDIT, *credits):
            for credit in pattern.finditer(body, start, end):
                if _joint_force(credit.group(), authority):
                    continue  # "personel gabungan TNI/Polri": two forces, no photo credit
                _blank(chars, *credit.span())
                # "Zagreb, 3 November 2025 (Hina/MIA) - Police ...": the agencies of a
                # dateline, not a photo's credit; a credit that opens the line ("AFP/NAME
                # SURNAME - People flee ...") is a caption's, the dash ends no dateline
                in_dateline = (
                    start + lead < credit.start() <= start + 70
                    and _DATELINE_END.match(body, credit.end(), end) is not None
                )
                has_credit = has_credit or not in_dateline
        for tail in tails:
            # rule a-credit-after-a-caption: "... a suburb of Kandy. AP": the agency that
            # took the photo is no source of the story; the line stays what it was
            for credit in tail.finditer(body, start, end):
                _blank(chars, *credit.span())
        if not seen_story and title and _norm(line) == title:
            kind = Kind.HEADLINE
        elif (
            has_credit
            or low.startswith(openers)
            # "UNJUK RASA DI ALUN-ALUN SERANG - Petugas berjaga ...": a photo's label
            or _CAPTION_LABEL.match(line) is not None
        ):
            kind = Kind.CAPTION
        elif not line.rstrip("\"”'").endswith((".", "!", "?", ":")) and len(words) <= 12:
            _blank(chars, start, end)  # a date line, a publisher line, an unmarked byline
            continue
        else:
            seen_story = True
            _dateline(body, chars, start + lead, end, publisher, authority, out)
        paragraphs.append((start, end, kind))
    if not seen_story:
        # rule a-photo-story: when every paragraph is a credited caption (a gallery or a
        # photo story), the captions are the news
        paragraphs = [(a, b, Kind.STORY if k is Kind.CAPTION else k) for a, b, k in paragraphs]
    name = meta.get("publisher", "").split("(")[0].strip()
    if len(name) >= 4:  # "He told Daily Maverick that ...": the publisher is no party to it
        for own in re.finditer(rf"(?<![\w.-]){re.escape(name)}(?![\w/-])", body, re.IGNORECASE):
            _blank(chars, *own.span())
    out.clean = "".join(chars)
    for number, (start, end, kind) in enumerate(paragraphs):
        _sentences(out, start, end, number, kind, lang.abbreviations)
    return out


def _cited_agencies(
    line: str, opener: re.Pattern[str], authority: Authority, publisher: str
) -> list[tuple[int, int]]:
    """The spans (in ``line``) of the news agencies a source line names ("Sumber: Reuters |
    Editor: X" gives Reuters): the items after the opener up to the first that is no news
    agency the authority file knows; the publisher's own name is none of them."""
    found = opener.match(line)
    if found is None or len(line.split()) > _SOURCE_LINE_WORDS:
        return []
    out: list[tuple[int, int]] = []
    gap = re.match(r"\s*:?\s*", line[found.end() :])
    at = found.end() + (gap.end() if gap else 0)
    for item in re.finditer(r"[^|,;]+", line[at:]):
        text = item.group().strip()
        if not text:
            continue
        entry = authority.lookup(text)
        if entry is None or entry.kind != "news":
            break
        name = _norm(text)
        if publisher == name or publisher.startswith(name + " "):
            continue  # "Sumber: Antara" in Antara's own article: the publisher
        begin = at + item.start() + len(item.group()) - len(item.group().lstrip())
        out.append((begin, begin + len(text)))
    return out


def _joint_force(phrase: str, authority: Authority) -> bool:
    """Every part of "X/Y" is a body the authority knows and none is a news agency
    ("TNI/Polri"), so it names a joint force, not a photo's agency and photographer."""
    parts = phrase.strip("()").split("/")
    entries = [authority.lookup(p.strip()) for p in parts]
    return all(
        e is not None and e.type is EntityType.ORGANIZATION and e.kind != "news" for e in entries
    )


def _title_cut_short(line: str, title: str) -> bool:
    """Rule the-title-cut-short: "Home Africa Rwanda and Russia Send Troops to the ... in
    Midst..." ends with the beginning of the article's own title, cut with an ellipsis: a
    page's breadcrumb, no sentence of the story."""
    if not title or not line.endswith(("…", "...")):
        return False
    words = _norm(line.rstrip(".…")).split()
    return any(title.startswith(" ".join(words[i:])) for i in range(max(0, len(words) - 3)))


def _teasers(body: str) -> set[int]:
    """Where the lines start that tease other stories: two or more lines in a row cut
    short with an ellipsis ("MONITOR, Jakarta - Kementerian Agama memastikan …")."""
    lines = [(m.start(), m.group().strip()) for m in _LINE.finditer(body) if m.group().strip()]
    cut = [line.endswith(("…", "...")) for _, line in lines]
    return {
        start
        for i, (start, _) in enumerate(lines)
        if cut[i] and ((i > 0 and cut[i - 1]) or (i + 1 < len(cut) and cut[i + 1]))
    }


@functools.cache
def _stamp_pattern(lang: LangResources) -> re.Pattern[str] | None:
    """A line that is only a stamp: weekday, day, month, year and a time ("Senin, 27
    Januari 2025 | 02:16"); None for a language without weekdays and months. Once per
    language."""
    names = sorted({*lang.table("weekdays"), *lang.table("months")}, key=len, reverse=True)
    words = "|".join(re.escape(w) for w in names)
    if not words:
        return None
    return re.compile(
        rf"(?i:(?:{words})\.?)(?:[\s,|/-]+(?:(?i:{words})\.?|\d{{1,4}}(?:[:.]\d{{2}})?))*"
        rf"[\s,|-]*\d{{1,2}}[:.]\d{{2}}(?:\s*[A-Za-z]{{2,4}})?"
    )


def _stamped_teasers(body: str, lang: LangResources) -> set[int]:
    """Rule stamped-teasers: a list of other stories, each headline followed by its own
    stamp ("Gara-gara ..., Warga X Kehilangan 40 Job" then "Senin, 27 Januari 2025 |
    02:16"): where two or more lines are stamps (weekday, day, month, year and a time,
    nothing else), the stamps and the line before each are teasers, none of the story."""
    stamp = _stamp_pattern(lang)
    if stamp is None:
        return set()
    lines = [(m.start(), m.group().strip()) for m in _LINE.finditer(body) if m.group().strip()]
    stamped = [
        i
        for i, (_, line) in enumerate(lines)
        if stamp.fullmatch(line) is not None and re.search(r"\b\d{4}\b", line)
    ]
    if len(stamped) < 2:
        return set()
    return {lines[j][0] for i in stamped for j in (i - 1, i) if j >= 0}


def _dateline(
    body: str,
    chars: list[str],
    start: int,
    end: int,
    publisher: str,
    authority: Authority,
    out: Layout,
) -> None:
    """Blank the publisher part of a dateline ("MOSKOW, KOMPAS.TV —") and keep its places.

    An outlet's domain before the place ("jpnn.com - PALEMBANG —") is blanked with it.
    """
    match = _DATELINE.match(body, start, end)
    for glued in _GLUED_DATELINES if match is None else ():
        match = match or glued.match(body, start, end)
    if match is None:
        colon = _COLON_DATELINE.match(body, start, end)
        head = colon.group("head") if colon is not None else ""
        if colon is not None and (authority.lookup(head) or head.casefold() in cities()):
            out.dateline_places.append(colon.span("head"))
        return
    if (
        match is not None
        and _DOMAIN.search(match.group("head"))
        and " " not in (match.group("head").strip())
    ):
        outlet = match
        match = _DATELINE.match(body, outlet.end(), end)
        if match is not None and match.group("head")[:1].isupper():
            _blank(chars, outlet.start(), outlet.end())
        else:
            match = outlet
    if match is None:
        return
    head = match.group("head")
    if len(head.split()) > 10 or not head[:1].isupper():
        return
    # "Georgian parliament on Tuesday passed the bill - a divisive law": a clause, not a
    # dateline (whose words are names, an agency in brackets, an outlet's domain: "Dar es
    # Salaam (AFP)", "jpnn.com")
    worded = [
        w for w in re.sub(r"\([^)]*\)", " ", head).split() if w[:1].islower() and "." not in w
    ]
    if len(worded) > 1:
        return
    offset = match.start("head")
    first = True
    # "Mamuju (ANTARA) -", "Goma (Reuters) -": a news agency's dateline, whose first word is
    # the town it was written in, known or not
    agency = re.fullmatch(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2} \([\w./ -]+\)", head.strip())
    for part in re.finditer(r"[^,()]+|\([^)]*\)", head):
        text = part.group().strip()
        if not text:
            continue
        s = offset + part.start() + (len(part.group()) - len(part.group().lstrip()))
        e = s + len(text)
        known = authority.lookup(text) is not None
        # a town of the gazetteer is a place even when the outlet's name begins with it
        # ("BATAMTODAY.COM, Batam -")
        town = not text.isupper() and text.casefold() in cities()
        is_place = (
            not text.startswith("(")
            and not _DOMAIN.search(text)
            and _norm(text) != publisher
            # "TIMESINDONESIA, JAKARTA" from "TIMES Indonesia": the outlet written as one word
            and _norm(text).replace(" ", "") != publisher.replace(" ", "")
            # an unknown word in capitals is a city when it comes first; after the city it
            # is the outlet ("JAKARTA, KOMPAS -"), unless it is several words
            and (
                known
                or town
                or (text.isupper() and (first or len(text.split()) > 1))
                or (agency is not None and first)
            )
            and (town or not publisher or not publisher.startswith(_norm(text)))
        )
        first = first and _DOMAIN.search(text) is not None  # "TEMPO.CO, JAKARTA -"
        if is_place:
            out.dateline_places.append((s, e))
        else:
            _blank(chars, s, e)
    _blank(chars, match.end("head"), match.end())


def _word_before(text: str, start: int, end: int) -> str:
    """The word (letters, digits, "_" and ".") that ends at ``end``, not before ``start``.

    Walked back from ``end``: searching from ``start`` would read the sentence again for
    every abbreviation in it.
    """
    if end > start and text[end - 1] == "\n":  # as "$" matches before a final newline
        end -= 1
    begin = end
    while begin > start and (text[begin - 1].isalnum() or text[begin - 1] in "_."):
        begin -= 1
    return text[begin:end]


def _sentences(
    out: Layout, start: int, end: int, para: int, kind: Kind, abbreviations: frozenset[str]
) -> None:
    clean = out.clean
    pos = start
    for match in _SENT_END.finditer(clean, start, end):
        if clean[match.start()] == ".":
            word = _word_before(clean, pos, match.start()).casefold()
            if word in abbreviations or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", word):
                continue
        out.sentences.append(Sentence(pos, match.end(), para, kind))
        pos = match.end()
        while pos < end and clean[pos].isspace():
            pos += 1
    if pos < end and clean[pos:end].strip():
        out.sentences.append(Sentence(pos, end, para, kind))
