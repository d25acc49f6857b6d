"""Facts from the benchmark JSON shape read by ``shared/eval/score.py`` (gold annotations).

Gold files quote their evidence as strings; offsets are found by searching the article body,
and quotes that cannot be found are left out rather than guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kg.articles import ArticleText
from kg.errors import InputError
from kg.facts.model import (
    Article,
    DateValue,
    Deployment,
    DeploymentStatus,
    Entity,
    EntityType,
    Evidence,
    Facts,
    Precision,
    Protest,
    Qualifier,
    Quantity,
    Review,
    ReviewStatus,
    Role,
)
from kg.facts.rules import date_bounds, default_bounds

__all__ = ["from_benchmark"]


def _spans(text: str, quotes: Any) -> tuple[Evidence, ...]:
    if isinstance(quotes, str):
        quotes = [quotes]
    spans = []
    for quote in quotes or ():
        if isinstance(quote, str) and quote and (start := text.find(quote)) >= 0:
            spans.append(Evidence(start, start + len(quote), quote))
    return tuple(spans)


def _date(value: Any, approximate: bool = False, verbatim: Any = None) -> DateValue | None:
    if not isinstance(value, str):
        return None
    parts = [int(p) for p in value.split("-")]
    precision = [Precision.YEAR, Precision.MONTH, Precision.DAY][len(parts) - 1]
    day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    earliest, latest = date_bounds(day, precision)
    text = verbatim if isinstance(verbatim, str) else None
    return DateValue(day, precision, earliest, latest, approximate, text)


def _count(item: Mapping[str, Any], key: str) -> Quantity | None:
    value = item.get(key)
    if not isinstance(value, int):
        return None
    qualifier = Qualifier.APPROXIMATELY if item.get(f"{key}_approx") else Qualifier.EXACT
    low, high = default_bounds(qualifier, value, None, None)
    text = item.get(f"{key}_text")
    return Quantity(qualifier, value, low, high, text if isinstance(text, str) else None)


def from_benchmark(data: Mapping[str, Any], article: ArticleText, *, key: str) -> Facts:
    """Facts from one benchmark/gold JSON object and the article it annotates.

    Raises:
        InputError: the JSON does not have the benchmark shape.
    """
    text, meta = article.text, article.meta
    try:
        published = dt.date.fromisoformat(str(data.get("published") or meta["published"]))
        entities = tuple(
            Entity(
                id=e["id"],
                type=EntityType(e["type"]),
                names=tuple(e["names"]),
                wikidata=e.get("wikidata"),
                evidence=_spans(text, e["names"][:1]),
            )
            for e in data.get("entities", [])
        )
        deployments = tuple(
            Deployment(
                id=f"d{n}",
                by=d["by"],
                to=d["to"],
                status=DeploymentStatus(d.get("status") or "happened"),
                troops=_count(d, "troops"),
                requested_by=d.get("requested_by"),
                part_of=d.get("part_of"),
                start=_date(d.get("start"), bool(d.get("start_approx")), d.get("start_text")),
                end=_date(d.get("end")),
                withdrawal=_date(d.get("withdrawal_start")),
                evidence=_spans(text, d.get("evidence")),
            )
            for n, d in enumerate(data.get("deployments", []), start=1)
        )
        protests = tuple(
            Protest(
                id=f"p{n}",
                location=p.get("location"),
                places=tuple(p.get("places") or ()),
                start=_date(p.get("start")),
                causes=tuple(p.get("causes") or ()),
                deaths=_count(p, "deaths"),
                arrests=_count(p, "arrests"),
                evidence=_spans(text, p.get("evidence")),
            )
            for n, p in enumerate(data.get("protests", []), start=1)
        )
        roles = tuple(
            Role(f"r{n}", r["person"], r["role"], r.get("of"), _spans(text, r.get("evidence")))
            for n, r in enumerate(data.get("roles", []), start=1)
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"not a benchmark facts object: {exc!r}", path=article.path) from None
    return Facts(
        article=Article(
            key=key,
            title=meta.get("title", key),
            published=published,
            language=meta.get("language", "und"),
            publisher=meta.get("publisher"),
            url=meta.get("url"),
            source=str(article.path) if article.path else None,
        ),
        review=Review(ReviewStatus.REVIEWED, by="gold annotation", tool="kg benchmark import"),
        entities=entities,
        deployments=deployments,
        protests=protests,
        roles=roles,
    )


def read_benchmark(path: Path) -> dict[str, Any]:
    """Read a benchmark JSON file."""
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read benchmark JSON: {exc}", path=path) from None
    if not isinstance(data, dict):
        raise InputError("benchmark JSON must be an object", path=path)
    return data
