"""One article in, one :class:`~kg.facts.model.Facts` out: the extraction pipeline."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from kg import __version__
from kg.articles import ArticleText
from kg.authority import Authority
from kg.errors import ArticleError
from kg.extract.confidence import ConfidenceModel, filter_facts
from kg.extract.dates import find_dates, weekday_anchor
from kg.extract.deployments import find_deployments
from kg.extract.entities import Draft, Entities, find_entities
from kg.extract.lang import LangResources, available, detect_language, resources
from kg.extract.late_entities import add_late_entities
from kg.extract.protests import find_protests, protests_they_guard
from kg.extract.roles import find_roles
from kg.extract.text import Kind, layout
from kg.extract.trace import Step, Trace
from kg.facts.model import (
    Article,
    Deployment,
    Entity,
    Evidence,
    Facts,
    Precision,
    Protest,
    Review,
    ReviewStatus,
    Role,
)
from kg.gazetteer import cities, country_names, regions
from kg.rdf.iris import slug

__all__ = ["MAX_EXTRACT_CHARS", "TOOL", "UNKNOWN_DATES", "explain", "extract", "is_date"]

TOOL = f"kg-extract {__version__}"
# News articles run to a few thousand characters. Extraction takes time in proportion to
# the text (about 8 s per million characters, see bench/bench_extract.py --long); a longer
# text than this (a whole book, a concatenated dump) is refused rather than run for minutes.
MAX_EXTRACT_CHARS = 2_000_000
_MAX_EVIDENCE = 5
T = TypeVar("T", Deployment, Protest, Role)
# Title and dateline: where a text without a 'published' header gives its date.
_OPENING_CHARS = 600


def _line(article: ArticleText) -> int | None:
    """The line of a JSON Lines file the article was read from, if it was."""
    line = article.extra.get("line")
    return int(line) if line is not None and line.isdigit() else None


def _evidence(body: str, start: int, end: int) -> Evidence:
    return Evidence(start, end, body[start:end])


def is_date(value: str) -> bool:
    """Whether a ``published`` header value is a date (``YYYY-MM-DD``, maybe with a time)."""
    try:
        dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return False
    return True


UNKNOWN_DATES = frozenset({"unknown", "none", "n/a", "-"})
_PARTIAL_DATE = re.compile(r"[12]\d{3}(?:-(?:0[1-9]|1[0-2]))?")
"""``published`` header values that say the article's date is not known."""


def _published(article: ArticleText, lang: LangResources) -> dt.date | None:
    """The header's publication date or, without one, the date of the dateline; None when
    the header says ``unknown``, gives only a month or a year, or nothing, and the opening
    has no full date."""
    header = article.meta.get("published", "").strip()
    try:
        return dt.date.fromisoformat(header[:10])
    except ValueError:
        pass
    # "2021-07", "2021": a page that gives only the month or the year has no day to resolve
    # "on Monday" against, as one that gives none; its opening may still date it
    if header and header.lower() not in UNKNOWN_DATES and not _PARTIAL_DATE.fullmatch(header):
        raise ArticleError(
            f"the 'published' header is not a date (got {header[:40]!r}); write YYYY-MM-DD, "
            "or 'unknown' when the article gives none (relative dates are then left "
            "unresolved)",
            path=article.path,
            line=_line(article),
        )
    return _dateline(article.text, lang)


def _dateline(body: str, lang: LangResources) -> dt.date | None:
    """The first date with day, month and year in the opening of the text, where the
    dateline is ("NAIROBI, June 25, 2024 -", "Kompas dunia | 13 Januari 2022")."""
    end = min(len(body), _OPENING_CHARS)
    for m in find_dates(body, lang, dt.date.today(), 0, end):
        if m.value.precision is Precision.DAY and re.search(r"\d{4}", body[m.start : m.end]):
            return m.value.value
    return None


def _article(article: ArticleText, source: str | None, published: dt.date | None) -> Article:
    meta = article.meta
    if article.path is not None:
        stem = article.path.name.split(".")[0]
        if "line" in article.extra:
            stem = f"{stem}-{meta.get('id') or article.extra['line']}"
    else:
        stem = meta.get("id") or hashlib.sha256(article.text.encode()).hexdigest()[:16]
    key = re.sub(r"[^a-z0-9_.-]+", "-", stem.lower()).strip("-.") or "article"
    url = meta.get("url")
    return Article(
        key=key,
        title=meta.get("title") or article.text.strip().split("\n")[0][:200],
        published=published,
        language=meta.get("language", "en"),
        publisher=meta.get("publisher") or None,
        url=url if url and re.match(r"^https?://\S+$", url) else None,
        source=source,
        sha256=hashlib.sha256(article.text.encode()).hexdigest(),
    )


def _entities(body: str, ents: Entities, authority: Authority) -> tuple[Entity, ...]:
    out = []
    for d in ents.drafts:
        mentions = [m for m in d.mentions if m.kind is not Kind.HEADLINE] or d.mentions
        out.append(
            Entity(
                id=d.id,
                type=d.type,
                names=tuple(d.names),
                authority=d.entry.key if d.entry else None,
                wikidata=d.entry.wikidata if d.entry else None,
                evidence=tuple(_evidence(body, m.start, m.end) for m in mentions[:_MAX_EVIDENCE]),
            )
        )
    return tuple(out)


def extract(
    article: ArticleText,
    *,
    authority: Authority | None = None,
    source: str | None = None,
    trace: Trace | None = None,
    min_confidence: float | None = None,
) -> Facts:
    """Extract the facts of one article.

    Args:
        article: header fields (``published``, else the dateline's date, else unknown;
            ``language`` is detected if missing) and body text.
        authority: known entities; the shipped authority file by default.
        source: the article's path relative to where the facts file will be written.
        trace: filled with the rules behind every fact (for ``kg extract --explain``).
        min_confidence: leave out the facts whose learned confidence is below this (see
            :mod:`kg.extract.confidence`); ``None``: below the shipped model's threshold
            for their kind; ``0``: keep every fact the rules made.

    Raises:
        ArticleError: no publication date, no resources for the language, or a text
            longer than :data:`MAX_EXTRACT_CHARS`.
    """
    if len(article.text) > MAX_EXTRACT_CHARS:
        raise ArticleError(
            f"the article text has {len(article.text)} characters, more than the "
            f"{MAX_EXTRACT_CHARS} extraction handles; split it into its articles",
            path=article.path,
            line=_line(article),
        )
    auth = authority or _default_authority()
    if not article.meta.get("language"):
        article = replace(article, meta={**article.meta, "language": detect_language(article.text)})
    language = article.meta["language"]
    code = language.split("-")[0].lower()
    if code not in available():
        raise ArticleError(
            f"no extraction rules for language {language[:40]!r}; set the "
            f"header 'language:' to one of {', '.join(available())}, or add a language file",
            path=article.path,
            line=_line(article),
        )
    lang = resources(code)
    meta_article = _article(article, source, _published(article, lang))
    body = article.text
    lay = layout(body, lang, article.meta, auth)
    ents = find_entities(lay, lang, auth)
    role_drafts = find_roles(lay, lang, ents)
    roles = tuple(
        Role(
            id=f"role_{i}",
            person=r.person.id,
            role=r.role,
            of=None if r.of is None else r.of.id,
            evidence=(_evidence(body, r.start, r.end),),
        )
        for i, r in enumerate(role_drafts, 1)
    )
    # the dates of an article that gives no publication date are placed by a weekday it
    # states with a day and month, when that fits one year; the facts keep no such date
    reference = meta_article.published or weekday_anchor(lay.clean, lang)
    confidence = ConfidenceModel.shipped()
    # the learned confidence is worth computing when it may leave facts out or someone
    # reads it (--explain); it reads how many rule steps made each fact
    scoring = trace is not None or confidence.leaves_out(min_confidence)
    if trace is None and scoring:
        trace = Trace()
    protests = find_protests(lay, lang, ents, reference, trace)
    deployments = find_deployments(lay, lang, ents, reference, roles, trace, protests=protests)
    if not protests:
        protests = protests_they_guard(lay, lang, ents, reference, deployments, trace)
    add_late_entities(lay, lang, ents)
    ents.adopt_pending()
    if trace is not None:
        for d in ents.drafts:
            trace.add(
                f"entities/{d.id}",
                [Step(f"entity:{m.cue or 'name'}", *m.span) for m in d.mentions],
            )
        for role, draft in zip(roles, role_drafts, strict=True):
            trace.add(
                f"roles/{role.id}",
                [Step(f"role:{draft.rule}", e.start, e.end) for e in role.evidence],
            )
    entities, same = _one_entity_per_node(_entities(body, ents, auth))
    facts = Facts(
        article=meta_article,
        review=Review(status=ReviewStatus.DRAFT, tool=TOOL, date=dt.date.today()),
        entities=entities,
        deployments=tuple(_renamed(d, same) for d in deployments),
        protests=tuple(_renamed(p, same) for p in protests),
        roles=tuple(_renamed(r, same) for r in roles),
    )
    if trace is None:
        return facts
    kept, trace.confidence, left_out = filter_facts(
        facts, trace, body, auth, confidence, minimum=min_confidence
    )
    if left_out:
        labels = _labels(facts)
        trace.left_out = {key: labels[key] for key in labels if key in left_out}
    return kept


def _one_entity_per_node(
    entities: tuple[Entity, ...],
) -> tuple[tuple[Entity, ...], dict[str, str]]:
    """Entities that would be one node of the graph (same type, and same authority key or
    first name: "Jatim" found twice by two rules) as one entity, with all names and
    evidence; and the ids merged away, to the id kept."""
    kept: dict[tuple[str, str], Entity] = {}
    same: dict[str, str] = {}
    for e in entities:
        key = (e.type.value, e.authority or slug(e.names[0]))
        first = kept.get(key)
        if first is None:
            kept[key] = e
            continue
        kept[key] = replace(
            first,
            names=tuple(dict.fromkeys([*first.names, *e.names])),
            evidence=tuple(dict.fromkeys([*first.evidence, *e.evidence]))[:_MAX_EVIDENCE],
        )
        same[e.id] = first.id
    return tuple(kept.values()), same


def _renamed(fact: T, same: dict[str, str]) -> T:
    """``fact`` with its references to merged entities pointing at the one kept."""
    if not same:
        return fact
    changes: dict[str, Any] = {}
    for name, value in vars(fact).items():
        if isinstance(value, str) and value in same:
            changes[name] = same[value]
        elif isinstance(value, tuple) and any(isinstance(v, str) and v in same for v in value):
            changes[name] = tuple(same.get(v, v) if isinstance(v, str) else v for v in value)
    return replace(fact, **changes) if changes else fact


def explain(facts: Facts, trace: Trace, body: str) -> str:
    """Every fact of ``facts`` with the rules ``trace`` recorded for it, then the facts
    left out for their confidence, as text."""
    return trace.explain(_labels(facts), body)


def _labels(facts: Facts) -> dict[str, str]:
    """A one-line summary of every fact, by ``section/id``."""
    names = {e.id: e.names[0] for e in facts.entities}

    def name(ident: str | None) -> str:
        return names.get(ident or "", "?") if ident else "-"

    labels: dict[str, str] = {}
    for e in facts.entities:
        labels[f"entities/{e.id}"] = f"{e.type.value} {' / '.join(e.names)}"
    for d in facts.deployments:
        count = d.troops.value if d.troops and d.troops.value is not None else "?"
        labels[f"deployments/{d.id}"] = (
            f"{name(d.by)} -> {name(d.to)}, {d.status.value}, troops {count}, "
            f"start {d.start.iso if d.start else '-'}, requested by {name(d.requested_by)}"
        )
    for p in facts.protests:
        labels[f"protests/{p.id}"] = (
            f"at {name(p.location)}, start {p.start.iso if p.start else '-'}, "
            f"causes {', '.join(p.causes) or '-'}"
        )
    for r in facts.roles:
        labels[f"roles/{r.id}"] = f"{name(r.person)}: {r.role} of {name(r.of)}"
    return labels


_AUTHORITY: dict[tuple[Path, ...], Authority] = {}


def _default_authority(extra: tuple[Path, ...] = ()) -> Authority:
    """The authority, loaded once per process."""
    if extra not in _AUTHORITY:
        authority = Authority.load(extra=extra)
        authority.add_countries(country_names(available()))
        towns = cities()
        authority.add_town_countries(
            lambda name: towns[name.casefold()].country if name.casefold() in towns else None
        )
        # a region named as a big town ("Maputo", "Yogyakarta") is the town; one named by a
        # direction ("North", "East") or a place noun ("Région") is a word before it is a name
        words = {
            w.casefold()
            for code in available()
            for w in (
                *resources(code).table("direction_words"),
                *resources(code).words("place_nouns"),
            )
        }

        def accept(name: str) -> bool:
            folded = name.casefold()
            return folded not in words and (
                folded not in towns or towns[folded].population < 100000
            )

        for iso, names in regions().items():
            authority.add_regions(names, iso, accept=accept)
        _AUTHORITY[extra] = authority
    return _AUTHORITY[extra]


def load_authority(extra: tuple[Path, ...] = ()) -> Authority:
    """The shipped authority plus extra files, cached per process."""
    return _default_authority(extra)


_ = Draft
