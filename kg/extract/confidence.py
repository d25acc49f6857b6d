"""A learned confidence for each extracted fact, and a minimum a user can ask for.

The rules of the other stages decide what a fact says; this stage estimates how likely
each fact is to be right, so a reviewer can read the least sure first and a researcher can
trade recall for precision (``kg extract --min-confidence 0.8``). Each deployment, protest
and role, and each entity no fact refers to, gets a probability from a logistic model over
the shape of the fact, never its words: which slots it fills (a count, a start, an end, a
requester), the kind of the entities it joins (a country, a town, an alliance, a name the
authority file does not know), how often the article names them and whether they are its
most named of their type, where in the article it is first told, how many rule steps made
it and how many facts of its kind the article has. A fact under the minimum is left out;
``kg extract --explain`` prints each fact's probability and the facts left out.

The model is trained by ``eval/train_confidence.py`` on kg's output for text no rule had
been written from: each batch of the real-news corpus extracted by the code of the commit
that added it, before rules were written from it (the output of today's code on the
development part would be mostly right, because its rules were written from those very
articles). Each fact is labelled by whether the project's scorer counts fewer right facts
without it. Judged by folds of stories, a minimum of 0.8 keeps facts that are right nine
times in ten (P 0.91, R 0.27 on those 270 articles) where all of them are right two times
in three (P 0.68, R 0.49). No minimum raises F1 by more than 0.002, so by default every fact
is kept: each category's threshold in ``kg/resources/confidence.json`` is 0, and it would be
raised only where leaving facts out gains enough F1 (``MARGIN`` in the training script).
Nothing is downloaded and nothing is trained when kg runs. A category the file does not
name keeps all its facts.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from kg.authority import Authority
from kg.extract.trace import Trace
from kg.facts.model import Deployment, Entity, Facts, Protest, Role

__all__ = ["CATEGORIES", "MODEL", "ConfidenceModel", "Scored", "fact_features", "filter_facts"]

MODEL = Path(__file__).resolve().parent.parent / "resources" / "confidence.json"
#: The sections of a facts file the model scores ("entities": only those no fact refers to).
CATEGORIES = ("deployments", "protests", "roles", "entities")
RULE = "confidence:below-threshold"


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f">{edges[-1]}"


def _quantile(pos: int, size: int) -> str:
    return str(min(4, 5 * pos // max(1, size)))


@dataclass(frozen=True)
class _Context:
    """What the features of one article's facts read besides the fact itself."""

    facts: Facts
    steps: Mapping[str, int]
    body: str
    authority: Authority
    language: str

    @functools.cached_property
    def entities(self) -> dict[str, Entity]:
        return {e.id: e for e in self.facts.entities}

    @functools.cached_property
    def top(self) -> set[str]:
        """The most named entity of each type."""
        best: dict[str, tuple[int, str]] = {}
        for e in self.facts.entities:
            n = len(e.evidence)
            if n > best.get(e.type.value, (0, ""))[0]:
                best[e.type.value] = (n, e.id)
        return {ident for _, ident in best.values()}

    def kind(self, entity: Entity) -> str:
        entry = self.authority.entries.get(entity.authority or "")
        if entry is None:
            return f"{entity.type.value}:unknown"
        return f"{entity.type.value}:{entry.kind or 'known'}"

    def entity_features(self, slot: str, ident: str | None) -> list[str]:
        if ident is None:
            return [f"{slot}=none"]
        e = self.entities.get(ident)
        if e is None:
            return [f"{slot}=dangling"]
        out = [
            f"{slot}.kind={self.kind(e)}",
            f"{slot}.mentions={_bucket(len(e.evidence), (1, 2, 4, 8))}",
        ]
        if ident in self.top:
            out.append(f"{slot}.top")
        return out

    def common(self, key: str, start: int | None, rows: int) -> list[str]:
        out = [
            f"lang={self.language}",
            f"rows={_bucket(rows, (1, 2, 4, 8))}",
            f"steps={_bucket(self.steps.get(key, 0), (1, 2, 3, 5, 8))}",
        ]
        if start is not None:
            out.append(f"at={_quantile(start, len(self.body))}")
            out.append(f"lead={start < 600}")
        return out


def _first_start(fact: Deployment | Protest | Role | Entity) -> int | None:
    return min((e.start for e in fact.evidence), default=None)


def _deployment(ctx: _Context, d: Deployment, pairs: Counter[tuple[str, str]]) -> list[str]:
    out = ctx.common(f"deployments/{d.id}", _first_start(d), len(ctx.facts.deployments))
    out += ctx.entity_features("by", d.by)
    out += ctx.entity_features("to", d.to)
    out += [
        f"status={d.status.value}",
        f"troops={d.troops is not None}",
        f"start={d.start is not None}",
        f"end={d.end is not None}",
        f"requested={d.requested_by is not None}",
        f"part_of={d.part_of is not None}",
        f"same_place={d.by == d.to}",
        f"repeated={pairs[(d.by, d.to)] > 1}",
    ]
    return out


def _protest(ctx: _Context, p: Protest) -> list[str]:
    out = ctx.common(f"protests/{p.id}", _first_start(p), len(ctx.facts.protests))
    out += ctx.entity_features("location", p.location)
    out += [
        f"start={p.start is not None}",
        f"deaths={p.deaths is not None}",
        f"arrests={p.arrests is not None}",
        f"causes={_bucket(len(p.causes), (0, 1, 2))}",
        f"places={_bucket(len(p.places), (0, 1, 3))}",
    ]
    return out


def _role(ctx: _Context, r: Role) -> list[str]:
    out = ctx.common(f"roles/{r.id}", _first_start(r), len(ctx.facts.roles))
    out += ctx.entity_features("person", r.person)
    out += ctx.entity_features("of", r.of)
    out.append(f"role.words={_bucket(len(r.role.split()), (1, 2, 4))}")
    return out


def _entity(ctx: _Context, e: Entity) -> list[str]:
    out = ctx.common(f"entities/{e.id}", _first_start(e), len(ctx.facts.entities))
    out += ctx.entity_features("self", e.id)
    name = e.names[0] if e.names else ""
    words = name.split()
    out += [
        f"type={e.type.value}",
        f"names={_bucket(len(e.names), (1, 2))}",
        f"words={_bucket(len(words), (1, 2, 3))}",
        f"caps={name.isupper()}",
        f"wikidata={e.wikidata is not None}",
    ]
    return out


def referenced(facts: Facts) -> set[str]:
    """The ids of the entities some deployment, protest or role refers to."""
    ids = {e.id for e in facts.entities}
    out: set[str] = set()
    for group in (facts.deployments, facts.protests, facts.roles):
        for fact in group:
            for value in vars(fact).values():
                if isinstance(value, str):
                    out.add(value)
                elif isinstance(value, tuple):
                    out.update(v for v in value if isinstance(v, str))
    return out & ids


@dataclass(frozen=True)
class Scored:
    """One fact's features (in the order of :data:`CATEGORIES`, then file order)."""

    category: str
    id: str
    features: list[str]


def fact_features(
    facts: Facts, steps: Mapping[str, int], body: str, authority: Authority
) -> Iterator[Scored]:
    """The features of every fact the model scores: deployments, protests, roles and the
    entities no fact refers to. ``steps``: how many rule steps made each fact, by
    ``section/id`` (:class:`~kg.extract.trace.Trace`)."""
    ctx = _Context(facts, steps, body, authority, facts.article.language or "")
    pairs = Counter((d.by, d.to) for d in facts.deployments)
    for d in facts.deployments:
        yield Scored("deployments", d.id, _deployment(ctx, d, pairs))
    for p in facts.protests:
        yield Scored("protests", p.id, _protest(ctx, p))
    for r in facts.roles:
        yield Scored("roles", r.id, _role(ctx, r))
    used = referenced(facts)
    for e in facts.entities:
        if e.id not in used:
            yield Scored("entities", e.id, _entity(ctx, e))


class ConfidenceModel:
    """Per category, a logistic model's weights and the threshold a fact must reach."""

    def __init__(self, model: dict[str, dict[str, object]]) -> None:
        self.weights: dict[str, dict[str, float]] = {}
        self.bias: dict[str, float] = {}
        self.threshold: dict[str, float] = {}
        for category, part in model.items():
            self.weights[category] = dict(part["weights"])  # type: ignore[call-overload]
            self.bias[category] = float(part["bias"])  # type: ignore[arg-type]
            self.threshold[category] = float(part["threshold"])  # type: ignore[arg-type]

    @classmethod
    @functools.cache
    def shipped(cls) -> ConfidenceModel:
        """The model of ``kg/resources/confidence.json``."""
        return cls(json.loads(MODEL.read_text(encoding="utf-8")))

    def leaves_out(self, minimum: float | None) -> bool:
        """Whether a fact may be left out with this minimum (None: the model's thresholds)."""
        if minimum is not None:
            return minimum > 0.0
        return any(t > 0.0 for t in self.threshold.values())

    def probability(self, category: str, features: Iterable[str]) -> float:
        weights = self.weights.get(category)
        if weights is None:
            return 1.0
        z = self.bias[category] + sum(weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def filter_facts(
    facts: Facts,
    trace: Trace,
    body: str,
    authority: Authority,
    model: ConfidenceModel | None = None,
    minimum: float | None = None,
) -> tuple[Facts, dict[str, float], set[str]]:
    """``facts`` without the facts the model is not sure enough of: below ``minimum``, or
    when it is None below the model's threshold for their category.

    Returns the facts kept, the probability of every scored fact (by ``section/id``) and
    the keys of those left out. Facts are scored before any is left out; an entity is
    scored only when no fact refers to it, so every entity a kept fact names is kept (a
    contingent's ``part_of`` names the sender of the whole, an entity, which stays when
    the whole's row is left out).
    """
    model = model or ConfidenceModel.shipped()
    probability: dict[str, float] = {}
    dropped: set[str] = set()
    steps = {key: len(v) for key, v in trace.steps.items()}
    for s in fact_features(facts, steps, body, authority):
        key = f"{s.category}/{s.id}"
        probability[key] = p = model.probability(s.category, s.features)
        if p < (model.threshold.get(s.category, 0.0) if minimum is None else minimum):
            dropped.add(key)
    if not dropped:
        return facts, probability, dropped
    kept = replace(
        facts,
        deployments=tuple(d for d in facts.deployments if f"deployments/{d.id}" not in dropped),
        protests=tuple(p for p in facts.protests if f"protests/{p.id}" not in dropped),
        roles=tuple(r for r in facts.roles if f"roles/{r.id}" not in dropped),
        entities=tuple(e for e in facts.entities if f"entities/{e.id}" not in dropped),
    )
    return kept, probability, dropped
