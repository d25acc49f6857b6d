"""Arguments of a deployment frame that the sentence's grammar, not its nearest name, decides.

Each function is one named rule (its name is in the docstring's first words) that takes
the sentence's mentions and returns the argument to use:

- ``site-is-no-destination``: a building, base or square is where troops stand, not where
  they were sent; the town or region named with it is ("di Istana Negara, Jakarta Pusat"
  goes to Jakarta Pusat).
- ``coordinated-destinations``: places joined by "and", "dan" or commas after the first
  destination are destinations too ("to Poland and Germany").
- ``the-force-s-own-area``: a regional force, council or government ("Polda Jawa Timur",
  "DPRD Kota Bitung") names the area it serves.
- ``led-is-not-the-sender``: the leading member of an alliance ("Russian-led",
  "pimpinan Rusia", "dipimpin Rusia") is not the sender; the alliance is.
"""

from __future__ import annotations

import functools
import re

from kg.extract.abbreviations import abbreviates, abbreviates_words
from kg.extract.entities import PER, Draft, Entities, Mention, region_abbreviated
from kg.extract.lang import LangResources, phrase_pattern
from kg.extract.text import Sentence
from kg.facts.model import EntityType

__all__ = [
    "alliance_for_leader",
    "area_named",
    "area_of_body",
    "body_named",
    "coordinated_places",
    "force_of_unit",
    "is_site",
    "led_alliance",
    "settlement_for_site",
    "topic_place",
    "withdrawal_verbs",
]

LOC, ORG = EntityType.LOCATION, EntityType.ORGANIZATION


def _head_words(name: str) -> tuple[str, ...]:
    # "Air Base 201": the base's number is no head word; "Cito Mall Surabaya": the town
    # may follow the head
    # rule a-hyphenated-head-word: "D-Chowk" is a square, its hyphen joins name and head
    # word as a space does
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w and not w.isdigit()]
    return (words[0], words[-1], *words[-2:-1]) if words else ("", "")


@functools.cache
def _owner_words(lang: LangResources) -> re.Pattern[str]:
    """What stands between a place's possessive and a place inside it: up to two lower-case
    words ("'s northern"), or one and a place noun with its link ("'s disputed region of")."""
    nouns = lang.pattern("place_nouns").pattern
    links = lang.pattern("place_noun_links").pattern
    return re.compile(
        rf"{lang.possessive}\s+"
        rf"(?:(?:[a-z][\w-]*\s+)?(?:{nouns})\s+(?:{links})\s+|(?:[a-z][\w-]*\s+){{0,2}})"
    )


def inner_place(
    text: str,
    mention: Mention,
    draft: Draft,
    mentions: list[tuple[Mention, Draft]],
    lang: LangResources,
) -> Draft:
    """The place inside the country named first: "to Mozambique's northern Cabo Delgado
    province" goes to Cabo Delgado, "to Uttar Pradesh's violence-hit Saharanpur district" to
    Saharanpur district, "in Sudan's disputed region of Abyei" to Abyei."""
    owner = _owner_words(lang).match(text[mention.end : mention.end + 50])
    if owner is None:
        return draft
    at = mention.end + owner.end()
    inner = next((d for m, d in mentions if m.start == at and d.type is LOC), None)
    return inner or draft


def is_site(lang: LangResources, name: str) -> bool:
    """Whether ``name`` is a building, base or square by its head word ("Istana Negara")."""
    sites = {w.lower() for w in lang.words("site_words")}
    return bool({*_head_words(name)} & sites)


@functools.cache
def _site_links(lang: LangResources) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What joins a site to the next site of its list (a comma or a coordinator), and what
    may stand between a site and the town that holds it: its acronym, a word of
    ``site_town_preps`` and up to two names of its area ("(TOB) in", "di Patung Kuda,
    Monas,"); once per language."""
    joins = "|".join(re.escape(c) for c in lang.words("coordinators")) or "(?!x)x"
    preps = lang.pattern("site_town_preps").pattern
    the = lang.pattern("definite_before").pattern if lang.words("definite_before") else "(?!x)x"
    return (
        re.compile(rf"\s*(?:,\s*)?(?:{joins})\s+|\s*,\s*"),
        re.compile(
            rf"[\s,]*(?:\([A-Z][\w.-]*\)\s*)?(?:(?:{preps})\s+(?:(?i:{the})\s+)?)?"
            r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s*,\s*){0,2}"
        ),
    )


def settlement_for_site(
    text: str,
    lang: LangResources,
    mention: Mention,
    draft: Draft,
    mentions: list[tuple[Mention, Draft]],
) -> Draft:
    """Rule site-is-no-destination: for a site ("Istana Negara", "Kamanyola base"), the
    place named right after it ("..., Jakarta Pusat"), also after more sites listed with
    it ("Istana Negara dan gedung DPR RI, Jakarta"), else the site itself."""
    at = mention.end
    if not is_site(lang, mention.text):
        # "the Ion Alba air base near Constanta": a lower-case site noun after the name
        noun = _site_noun_after(lang).match(text, at)
        if noun is None:
            return draft
        at = noun.end()
    listed, joined_area = _site_links(lang)
    for m, d in mentions:
        if m.start < at or d is draft:
            continue
        gap = text[at : m.start]
        if d.type is LOC and is_site(lang, m.text) and listed.fullmatch(gap):
            at = m.end  # another site of the same list
            continue
        # "di Patung Kuda, Monas, Jakarta Pusat": names of the site's area may come first;
        # "the Temporary Operating Base (TOB) in Kiriba": its acronym too
        joined = len(gap) <= 40 and joined_area.fullmatch(gap)
        if joined and d.type is LOC and (named := _place_of(text, lang, m, mentions)) is not None:
            return named  # "near the Black Sea port of Constanta": the port, not the sea
        if joined and d.type is LOC:
            then = next(((mm, dd) for mm, dd in mentions if mm.start >= m.end), None)
            wider = {w.lower() for w in lang.words("place_nouns")}
            if (
                d.entry is None
                and then is not None
                and then[1].type is LOC
                and re.fullmatch(r"\s*,\s*", text[m.end : then[0].start])
                # "in Kiriba, Lira district": the district holds the place, which is it
                and then[0].text.split()[-1].lower() not in wider
            ):
                at = m.end  # an unknown name of the area, then the town
                continue
            return d
        break
    return draft


def _place_of(
    text: str, lang: LangResources, m: Mention, mentions: list[tuple[Mention, Draft]]
) -> Draft | None:
    """The place a lower-case place noun and its link name right after ``m`` ("the Black
    Sea port of Constanta": Constanta), or None."""
    noun = _place_noun_of(lang).match(text[m.end : m.end + 40])
    if noun is None:
        return None
    at = m.end + noun.end()
    return next((d for mm, d in mentions if mm.start == at and d.type is LOC), None)


@functools.cache
def _place_noun_of(lang: LangResources) -> re.Pattern[str]:
    """A lower-case place noun and its link ("port of"); once per language."""
    if not lang.words("place_noun_links"):
        return re.compile(r"(?!x)x")
    links = lang.pattern("place_noun_links").pattern
    return re.compile(rf"[ \t]+(?:{lang.pattern('place_nouns').pattern})[ \t]+(?:{links})[ \t]+")


@functools.cache
def _site_noun_after(lang: LangResources) -> re.Pattern[str]:
    """A lower-case site noun right after a name ("air base", "airport"); once per
    language."""
    if not lang.words("site_heads_after"):
        return re.compile(r"(?!x)x")
    return re.compile(rf"[ \t]+(?:{lang.pattern('site_heads_after').pattern})(?![\w-])")


@functools.cache
def _list_link(lang: LangResources, joins: str) -> re.Pattern[str]:
    """What joins the items of a list of places: a comma or a coordinator, then at most two
    lower-case words that say what or where the item is ("kota utara", "in the northern
    town of"), not a verb of another clause ("dan mendesak Tirana"); once per language."""
    kinds = phrase_pattern(
        [
            *lang.words("place_nouns"),
            *lang.words("capital_nouns"),
            *lang.words("place_preps"),
            *lang.words("destination_preps"),
            *lang.words("presence_preps"),
            *lang.words("definite_before"),
            *lang.words("place_noun_links"),
            *lang.words("date_range_words"),  # a list's last item: "..., hingga Jawa Timur"
            *lang.table("direction_words"),
            *(str(v) for v in lang.table("direction_words").values()),
        ]
    ).pattern
    return re.compile(rf"(?:\s*,\s*(?:(?:{joins})\s+)?|\s+(?:{joins})\s+)(?:(?:{kinds})\s+){{0,2}}")


def stateless_region(place: Draft) -> bool:
    """A region of no state ("Africa", "the Middle East"): it sends no one."""
    entry = place.entry
    return entry is not None and entry.kind == "region" and entry.country is None


@functools.cache
def _describing(lang: LangResources) -> re.Pattern[str]:
    """A possessive and a lower-case word: what a region's possessive describes."""
    return re.compile(rf"{lang.possessive}\s+[a-z]")


def region_describes(text: str, lang: LangResources, mention: Mention, place: Draft) -> bool:
    """``mention`` opens a description, not a place ("Africa's last absolute monarchy",
    "southern Africa's oldest one-party state")."""
    return (
        stateless_region(place)
        and _describing(lang).match(text[mention.end : mention.end + 5]) is not None
    )


def coordinated_places(
    text: str,
    lang: LangResources,
    mention: Mention,
    mentions: list[tuple[Mention, Draft]],
) -> list[Draft]:
    """Rule coordinated-destinations: the places listed after ``mention``, joined by a
    coordinator or a comma, with at most two lower-case words before each ("Yangon, kota
    utara Myitkyina dan Sittwe"). A country after a place that is none, with a bare
    comma ("ke Gaza, Palestina, dalam ..."), says where that place is: no destination."""
    between = lang.pattern("border_between").pattern
    if re.search(rf"(?:{between})\s+$", text[max(0, mention.start - 40) : mention.start], re.I):
        return []  # rule a-border-between-is-one-place: "di perbatasan antara Libanon dan Israel"
    joins = "|".join(
        re.escape(c) for c in (*lang.words("coordinators"), *lang.words("also_links"))
    )  # "not only in Ladakh but also in Sikkim", "tidak hanya di X tetapi juga di Y"
    link = _list_link(lang, joins)
    joined = re.compile(rf"(?:{joins})\s", re.IGNORECASE)
    out: list[Draft] = []
    said: list[str] = []  # each item as this mention writes it ("Kabupaten Purworejo")
    end = mention.end
    first = next((d for m, d in mentions if m is mention), None)
    listed = False  # a coordinator joins some item: a list, not places that say where
    for m, d in mentions:
        if m.start < end:
            continue
        if d.type is not LOC or not link.fullmatch(text, end, m.start) or is_site(lang, m.text):
            break
        if not out and _country_of_place(first, d) and text[end : m.start].strip() == ",":
            break
        listed = listed or joined.search(text, end, m.start) is not None
        named = _named_in_country(text, lang, m, d, mentions)
        if named is not None:
            # rule a-country-s-town-named: "Harare and Zimbabwe's second city Bulawayo":
            # the town is the item, the country says where it is
            m, d = named
        out.append(d)
        said.append(m.text)
        end = m.end
    # rule a-bare-comma-says-where: "ke Nduga, Papua Pegunungan, untuk ..." names the
    # province of the one destination, not a second one; three or more places are a list,
    # unless they are an address ("Desa X, Kecamatan Y, Kabupaten Z")
    admin = {w.lower() for w in lang.words("admin_heads")}
    # "..., Kabupaten Buleleng, Bali": an address may end with the province or country
    ends = out[-1].entry.kind if out and out[-1].entry is not None else None
    last = out[-1:] if ends in ("region", "country") else []
    address = bool(admin) and all(
        name.split()[0].lower() in admin for d, name in zip(out, said, strict=True) if d not in last
    )
    # "to Gao, Gao region, Mali": the place named again as its region is an address too
    address = address or (not listed and any(d is first for d in out))
    return out if listed or (len(out) > 1 and not address) else []


@functools.cache
def _possessive_nouns(lang: LangResources) -> re.Pattern[str]:
    """A possessive and one to three lower-case words ("'s second city")."""
    return re.compile(rf"{lang.any_possessive}[ \t]+(?:[a-z][\w-]*[ \t]+){{1,3}}")


def _named_in_country(
    text: str, lang: LangResources, m: Mention, d: Draft, mentions: list[tuple[Mention, Draft]]
) -> tuple[Mention, Draft] | None:
    """The place a country's possessive and a few lower-case words name right after the
    country ("Zimbabwe's second city Bulawayo"), or None."""
    if d.entry is None or d.entry.kind != "country":
        return None
    gap = _possessive_nouns(lang).match(text, m.end)
    if gap is None:
        return None
    return next(((mm, dd) for mm, dd in mentions if mm.start == gap.end() and dd.type is LOC), None)


def _country_of_place(place: Draft | None, country: Draft) -> bool:
    """Whether ``country`` is a country and ``place`` a known place that is none."""
    return (
        country.entry is not None
        and country.entry.kind == "country"
        and place is not None
        and (place.entry is None or place.entry.kind != "country")
    )


def alliance_for_leader(
    text: str, lang: LangResources, sender: Draft, ents: Entities, start: int, end: int
) -> Draft | None:
    """Rule led-is-not-the-sender: when the sentence names ``sender`` as a leader ("the
    Russian-led alliance", "aliansi militer yang dipimpin Rusia", "tentara pimpinan
    Rusia"), the alliance the article names, or None when it names none; else ``sender``."""
    cues = lang.pattern("led_by_cues")
    suffixes = re.compile(
        "(?:" + ("|".join(re.escape(w) for w in lang.words("led_suffixes")) or "(?!x)x") + r")\b",
        re.IGNORECASE,
    )
    spans = [(m.start, m.end) for m, d in ents.mentions_in(start, end) if d is sender]
    spans += [
        (ds, de)
        for ds, de, entry in ents.demonyms_in(start, end)
        if sender.entry is not None and entry.key == sender.entry.key
    ]
    led = False
    for a, b in spans:
        before = text[max(start, a - 25) : a]
        if re.search(rf"(?:{cues.pattern})\s+$", before, re.IGNORECASE):
            led = True
        if suffixes.match(text, b):
            led = True
    if not led:
        return sender
    return _alliance(ents, sender)


def force_of_unit(sender: Draft, ents: Entities) -> Draft:
    """Rule a-unit-is-sent-by-its-force: a unit named with the force it belongs to
    ("Satuan Brimob Polda Kepri", "Brimob Polda Sulsel") is sent by that force, when the
    article names the force on its own too ("Polda Kepri"); else the unit itself. Of the
    forces its name ends with, the widest: "Polda Kepri", not "Brimob Polda Kepri".
    Rule a-joint-force-is-no-unit: "TNI Polri" (written apart) is the joint force of TNI
    and Polri, no unit of Polri."""
    if sender.type is not ORG or any(m.cue == "joint" for m in sender.mentions):
        return sender
    own = _with_acronyms(sender.names)
    longest = max(sender.names, key=len)
    best: Draft | None = None
    for d in ents.drafts:
        if d is sender or d.type is not ORG:
            continue
        forms = _with_acronyms(d.names)
        # a force is named by less than its units are ("Kepolisian Daerah (Polda) Jambi"
        # by "Polda Jambi")
        plain = [n for n in forms if "(" not in n] or forms
        if len(max(plain, key=len)) >= len(longest):
            continue
        for name in forms:
            if any(
                n.endswith(" " + name) and not _a_place(n[: -len(name)], ents) for n in own
            ) and (best is None or len(name) < min(len(x) for x in best.names)):
                best = d
    return best or sender


def _a_place(words: str, ents: Entities) -> bool:
    """``words`` name a place of the article: "Arizona National Guard" is Arizona's guard,
    no unit of the National Guard."""
    name = words.strip()
    if any(d.type is LOC and name in d.names for d in ents.drafts):
        return True
    entry = ents.authority.lookup(name) if ents.authority is not None and name else None
    return entry is not None and entry.type is LOC


def spelled_short(name: str) -> str | None:
    """The short name of a body spelled out with its acronym in brackets ("Kepolisian
    Daerah (Polda) Jawa Barat (Jabar)": "Polda Jawa Barat"), or None."""
    spelled = re.fullmatch(r"(?:[A-Z][\w-]* ){1,3}\(([^()]+)\) (.+?)(?: \([^()]+\))?", name)
    return f"{spelled.group(1)} {spelled.group(2)}" if spelled is not None else None


def _with_acronyms(names: list[str]) -> list[str]:
    """The names, and each name with its last words written as the acronym the draft also
    has ("Satuan Brimob Polda Kepulauan Riau (Kepri)" is also "Satuan Brimob Polda Kepri"),
    or with its spelled-out head as the acronym in brackets ("Kepolisian Daerah (Polda)
    Jambi" is also "Polda Jambi")."""
    acronyms = [a for a in names if " " not in a]
    out = list(names)
    out.extend(short for name in names if (short := spelled_short(name)) is not None)
    for name in names:
        words = name.split()
        for k in range(1, min(3, len(words) - 1) + 1):
            tail = words[-k:]
            out.extend(
                " ".join([*words[:-k], a]) for a in acronyms if abbreviates_words(a.lower(), tail)
            )
    return out


def led_alliance(
    text: str, lang: LangResources, ents: Entities, start: int, end: int
) -> Draft | None:
    """Rule led-is-not-the-sender, for a subject that is only "the X-led alliance": the
    alliance the article names, when ``text[start:end]`` has such a leader."""
    for ds, de, entry in ents.demonyms_in(start, end):
        leader = ents.country(entry, ds, de)
        if alliance_for_leader(text, lang, leader, ents, start, end) is not leader:
            return _alliance(ents, leader)
    for _, draft in ents.mentions_in(start, end):
        if draft.type is PER:
            continue  # "an advance party led by Lt Col X": its commander, no member state
        found = alliance_for_leader(text, lang, draft, ents, start, end)
        if found is not draft:
            return found
    return None


def _alliance(ents: Entities, leader: Draft) -> Draft | None:
    """The organization of the article most often named that the authority file knows
    and that is not the leader's own (the alliance it leads), else the body the article
    names by its leader ("the Russian-led alliance")."""
    best: tuple[int, Draft] | None = None
    for d in ents.drafts:
        if d.type is not ORG or d is leader:
            continue
        if d.entry is None:
            if best is None and any(m.cue == "led-group" for m in d.mentions):
                best = (0, d)
            continue
        if d.entry.kind == "news":
            continue
        if leader.entry is not None and d.entry.key.startswith(leader.entry.key):
            continue
        count = len(d.mentions)
        if best is None or count > best[0]:
            best = (count, d)
    return best[1] if best else None


def area_of_body(
    lang: LangResources, ents: Entities, body: Draft, *, civil: bool = False
) -> Draft | None:
    """The area a regional force serves, named after its head word ("Polda Jawa Timur":
    Jawa Timur; "Polres Bantul": Bantul; "Polda Metro Jaya": Jakarta), and with ``civil``
    that of a regional council or government too ("DPRD Kota Bitung": Kota Bitung): the
    article's place of that name or acronym, else the authority's or the gazetteer's, else
    a place of its own (not yet one of the article's entities: see
    ``Entities.adopt_later``)."""
    if body.type is not EntityType.ORGANIZATION:
        return None
    for m in body.mentions:
        area = area_named(lang, ents, m, civil=civil)
        if area is not None:
            return area
    return None


def area_named(lang: LangResources, ents: Entities, m: Mention, *, civil: bool) -> Draft | None:
    """The area named in ``m`` after a force's or council's head word, past a site word
    before it ("gedung DPRD Sumsel"), or None: see :func:`area_of_body`."""
    words = [*lang.words("area_forces"), *(lang.words("area_bodies") if civil else ())]
    heads = sorted(words, key=len, reverse=True)
    areas = {k.lower(): str(v) for k, v in lang.table("force_areas").items()}
    prefixes = {w.casefold() for w in lang.words("town_prefixes")}
    sites = {w.lower() for w in lang.words("site_words")}
    text = m.text
    text = spelled_short(text) or text  # "Kepolisian Resor (Polres) Bogor": Polres Bogor
    first, _, others = text.partition(" ")
    seat = {str(k).lower(): str(v) for k, v in lang.table("force_seats").items()}
    if first.lower() in seat and others:
        text = f"{seat[first.lower()]} {others}"  # "Mapolres Ternate": Polres Ternate's seat
    elif civil and first.lower() in sites and others:
        text = others  # "gedung DPRD Sumsel"
    head = next((h for h in heads if text.lower().startswith(h.lower() + " ")), None)
    if head is None:
        return None
    rest = text[len(head) + 1 :].strip()
    name = areas.get(rest.lower(), rest)
    if not rest or not rest[:1].isupper():
        return None
    if re.match(r"(?:[IVXLC]+|\d+)(?:[/\s]|$)", rest):
        return None  # "Kodam XV/Pattimura", "Kodim 0312 Padang": a numbered command, no area
    prefix, _, bare = name.partition(" ")
    plain = bare if bare and prefix.casefold() in prefixes else name  # "Kota Bitung"
    town, _, suffix = name.rpartition(" ")
    if town and suffix.casefold() in prefixes:
        plain = town  # "Polresta Jayapura Kota": Jayapura
    for d in ents.drafts:
        if d.type is LOC and any(
            n.casefold() in (name.casefold(), plain.casefold())
            or abbreviates(name, n)
            or abbreviates(n, name)
            for n in d.names
        ):
            return d
    # the area's words end the mention; counted from its end, as a body a title implies
    # ("Kapolres Bantul": "Polres Bantul") has more words than the text it spans
    start = m.end - len(rest)
    entry = None
    if ents.authority is not None:
        entry = ents.authority.lookup(name) or ents.authority.lookup(plain)
        full = (
            None if entry else region_abbreviated(name, tuple(lang.words("abbreviated_regions_of")))
        )
        entry = entry or (ents.authority.lookup(full) if full else None)  # "DPRD Sumsel"
    if entry is not None and entry.type is not LOC:
        return None
    epithets = {w.casefold() for w in lang.words("epithet_forces")}
    if entry is None and head.casefold() in epithets and rest.lower() not in areas:
        return None  # "Pangdam Udayana": a command named by an epithet, no place
    if entry is not None and (named := ents.by_key(entry.key)) is not None:
        return named
    key = entry.key if entry is not None else re.sub(r"\W+", "_", name.casefold())
    return Draft(key, LOC, entry, [Mention(start, m.end, name, -1, LOC, entry, "force-area")])


@functools.cache
def _topic_opener(lang: LangResources) -> re.Pattern[str]:
    """The words that open a sentence with its place: "Sementara, di Surabaya, ...",
    "Sedangkan untuk wilayah Jawa Tengah, ..."."""
    openers = lang.pattern("topic_openers").pattern
    return re.compile(rf"\s*(?:(?:{openers})\s*,?\s+)+", re.IGNORECASE)


def topic_place(
    text: str, lang: LangResources, ents: Entities, s: Sentence
) -> tuple[Mention, Draft] | None:
    """The place a sentence opens with as its topic, before a comma ("Untuk wilayah Jawa
    Barat, ...", "Sedangkan Jawa Tengah, ...", "Di Palembang, ..."), below a country; or
    None."""
    head = _topic_opener(lang).match(text, s.start)
    at = ents.starting_at(head.end(), s.end) if head is not None else None
    if at is None or at[1].type is not LOC:
        return None
    entry = at[1].entry
    if entry is not None and entry.kind == "country":
        return None
    return at if re.match(r"\s*,", text[at[0].end : at[0].end + 3]) else None


@functools.cache
def withdrawal_verbs(lang: LangResources) -> re.Pattern[str]:
    """The language's verbs of withdrawing, not after a word that makes them a push against
    a crowd ("memukul mundur massa", "pushed back the protesters")."""
    verbs = lang.pattern("withdraw_verbs")
    not_after = "".join(
        f"(?<!{re.escape(w.lower())} )(?<!{re.escape(w.capitalize())} )"
        for w in lang.words("repel_words")
    )
    return re.compile(not_after + verbs.pattern, verbs.flags)


def body_named(ents: Entities, names: set[str]) -> Draft | None:
    """The article's organization that goes by one of ``names`` (lower case), or None."""
    return next(
        (d for d in ents.drafts if d.type is ORG and names & {n.lower() for n in d.names}),
        None,
    )


def body_of_title(ents: Entities, name: str, start: int, end: int) -> Draft:
    """The article's body of this name, or one of its own over ``start:end`` (adopted when
    a fact uses it)."""
    known = body_named(ents, {name.lower()})
    if known is not None:
        return known
    key = re.sub(r"\W+", "_", name.casefold())
    body = Draft(key, ORG, None, [Mention(start, end, name, -1, ORG, None, "head-of")])
    ents.adopt_later(body)
    return body


def _a_province(place: Draft, lang: LangResources) -> bool:
    """A region of the authority, or a place named as a province ("Provinsi Sultra",
    "DPRD Provinsi Bengkulu"'s area) that the authority does not know by that name."""
    if place.entry is not None:
        return place.entry.kind == "region"
    heads = {w.casefold() for w in lang.words("province_heads")}
    return any(n.split(" ", 1)[0].casefold() in heads for n in place.names)


def is_town(place: Draft) -> bool:
    """A town or city of the authority or the gazetteer."""
    return place.type is LOC and place.entry is not None and place.entry.kind in ("town", "city")


def written_abroad(dateline: Draft, ents: Entities) -> bool:
    """The article's other towns all lie in another country than its dateline town
    ("Zagreb, 3 November 2025 (Hina/MIA) - ... in Belgrade ... Novi Sad"): it was written
    away from the story."""
    here = dateline.entry.country if dateline.entry is not None else None
    theirs = {
        d.entry.country
        for d in ents.drafts
        if d is not dateline and is_town(d) and d.entry is not None and d.entry.country
    }
    return here is not None and bool(theirs) and here not in theirs


@functools.cache
def _office_before(lang: LangResources, bodies: bool) -> re.Pattern[str]:
    """An office's building, title or (with ``bodies``) body, and at most one word, that
    end the text searched: "Kantor Gubernur ", "gedung DPRD "."""
    heads = lang.words("org_heads") if bodies else []
    # "di kawasan Sahel": an area noun before a place is no office's building
    areas = {w.lower() for w in lang.words("place_preps")}
    sites = [w for w in lang.words("site_words") if w.lower() not in areas]
    offices = "|".join(re.escape(w) for w in (*sites, *heads, *lang.table("titles")))
    # "kantor Dewan Perwakilan Rakyat (DPR) Provinsi Sulawesi Tengah": a body's long name
    return re.compile(rf"(?<![\w-])(?:{offices})\s+(?:\S+\s+){{0,3}}$", re.IGNORECASE)


def town_of_a_provincial_office(
    text: str,
    lang: LangResources,
    s: Sentence,
    ents: Entities,
    place: Draft | None,
    dateline: Draft | None,
    *,
    bodies: bool = True,
) -> Draft | None:
    """Rule the-town-of-a-provincial-office: a rally "di depan Kantor Gubernur Nusa Tenggara
    Barat" or "gedung DPRD Sumsel" is in a town, not across the province its office is
    named after: the town the sentence names, else the dateline's, else the last one told
    before (codebook: the most specific place; the building goes into places). With
    ``bodies`` false only a building or a title names the office: troops sent "BKO ke
    Polda Papua" serve across the province."""
    if place is None or not _a_province(place, lang):
        return None
    office = _office_before(lang, bodies)
    named = [m for m, d in ents.mentions_in(s.start, s.end) if d is place]
    # a province no mention names here is the area an office's name gave ("Kantor DPRD
    # Provinsi Sultra": rule the-area-of-the-office)
    read_off = not named and place.entry is None
    if not read_off and not any(
        office.search(text[max(s.start, m.start - 45) : m.start]) for m in named
    ):
        return None
    towns = [d for _, d in ents.mentions_in(s.start, s.end) if is_town(d) and d is not place]
    if towns:
        return towns[0]
    # a dateline place the gazetteer does not know is a town too ("Mamuju (ANTARA) -")
    datelined = dateline is not None and (is_town(dateline) or dateline.entry is None)
    if dateline is not None and datelined and not written_abroad(dateline, ents):
        return dateline
    for _, d in reversed(ents.mentions_in(0, s.start)):
        if is_town(d):
            return d
    # "Aksi dipusatkan di Kantor DPRD Provinsi Sultra" in an article whose only town is
    # Kota Kendari, named later: that town
    anywhere = {id(d): d for d in ents.drafts if is_town(d) and d.mentions}
    return next(iter(anywhere.values())) if len(anywhere) == 1 else None
