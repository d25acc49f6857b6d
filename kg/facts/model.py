"""The facts of one article, as plain immutable values.

A facts file (YAML) is loaded into a :class:`Facts`; the mapping turns it into RDF and the
extractor produces it. The YAML format is documented in ``docs/facts-format.md``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Article",
    "DateValue",
    "Deployment",
    "DeploymentStatus",
    "Entity",
    "EntityType",
    "Evidence",
    "Facts",
    "Membership",
    "Precision",
    "Protest",
    "Qualifier",
    "Quantity",
    "Review",
    "ReviewStatus",
    "Role",
]

FORMAT = "kg-facts/1"


class EntityType(StrEnum):
    """What an entity is. Countries, cities and regions are Locations, also when they act."""

    ORGANIZATION = "Organization"
    PERSON = "Person"
    LOCATION = "Location"


class DeploymentStatus(StrEnum):
    """Whether the text says a deployment happened, is only planned/announced, or is denied."""

    HAPPENED = "happened"
    PLANNED = "planned"
    DENIED = "denied"


class Qualifier(StrEnum):
    """How the text hedges a count ("sekitar 2.500" is ``approximately``)."""

    EXACT = "exact"
    APPROXIMATELY = "approximately"
    AT_LEAST = "at_least"
    MORE_THAN = "more_than"
    NEARLY = "nearly"
    AT_MOST = "at_most"
    VAGUE = "vague"


class Precision(StrEnum):
    """The precision of a date as the text gives it."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class ReviewStatus(StrEnum):
    """Whether a person has reviewed a facts file (or a single fact)."""

    DRAFT = "draft"
    REVIEWED = "reviewed"


@dataclass(frozen=True)
class Evidence:
    """A span of the article text that supports a fact: ``text == article[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Quantity:
    """A count as the text states it, with its hedge and bounds.

    ``value`` is None for a vague count ("puluhan orang"), which has bounds instead.
    """

    qualifier: Qualifier
    value: int | None = None
    min: int | None = None
    max: int | None = None
    text: str | None = None


@dataclass(frozen=True)
class DateValue:
    """A date or period as the text gives it, resolved against the publication date.

    ``value`` is the date truncated to its precision; ``earliest``/``latest`` bound it.
    """

    value: dt.date
    precision: Precision
    earliest: dt.date
    latest: dt.date
    approximate: bool = False
    text: str | None = None

    @property
    def iso(self) -> str:
        """The date at its precision: ``2022``, ``2022-01`` or ``2022-01-13``."""
        if self.precision is Precision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision is Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


@dataclass(frozen=True)
class Entity:
    """An organization, person or location, with every name the article uses for it."""

    id: str
    type: EntityType
    names: tuple[str, ...]
    authority: str | None = None
    wikidata: str | None = None
    evidence: tuple[Evidence, ...] = ()
    reviewed: bool = False


@dataclass(frozen=True)
class Deployment:
    """Troops sent by an organization or state to a place."""

    id: str
    by: str
    to: str
    status: DeploymentStatus = DeploymentStatus.HAPPENED
    troops: Quantity | None = None
    requested_by: str | None = None
    start: DateValue | None = None
    end: DateValue | None = None
    withdrawal: DateValue | None = None
    evidence: tuple[Evidence, ...] = ()
    reviewed: bool = False
    #: A contingent or sub-unit that the text counts apart: the sender of the collective
    #: deployment it belongs to ("Tajikistan, about 200" of the CSTO's; "1.000 personel
    #: Brimob" of the TNI-Polri force's)
    part_of: str | None = None


@dataclass(frozen=True)
class Protest:
    """A protest, demonstration or riot at a place."""

    id: str
    location: str | None
    places: tuple[str, ...] = ()
    start: DateValue | None = None
    end: DateValue | None = None
    causes: tuple[str, ...] = ()
    deaths: Quantity | None = None
    injuries: Quantity | None = None
    arrests: Quantity | None = None
    participants: Quantity | None = None
    evidence: tuple[Evidence, ...] = ()
    reviewed: bool = False


@dataclass(frozen=True)
class Role:
    """A person holding a role (President, Commander...) in an organization or country."""

    id: str
    person: str
    role: str
    of: str | None
    evidence: tuple[Evidence, ...] = ()
    reviewed: bool = False


@dataclass(frozen=True)
class Membership:
    """A state or organization that is a member of (or leads) an organization."""

    id: str
    member: str
    organization: str
    leads: bool = False
    evidence: tuple[Evidence, ...] = ()
    reviewed: bool = False


@dataclass(frozen=True)
class Article:
    """The news article the facts come from."""

    key: str
    title: str
    published: dt.date | None  # None: the article gives no date (relative dates unresolved)
    language: str
    publisher: str | None = None
    url: str | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Review:
    """Who produced the facts, and when: the provenance of the article graph."""

    status: ReviewStatus = ReviewStatus.DRAFT
    by: str | None = None
    date: dt.date | None = None
    tool: str | None = None


@dataclass(frozen=True)
class Facts:
    """Everything one facts file states about one article."""

    article: Article
    review: Review = field(default_factory=Review)
    entities: tuple[Entity, ...] = ()
    deployments: tuple[Deployment, ...] = ()
    protests: tuple[Protest, ...] = ()
    roles: tuple[Role, ...] = ()
    memberships: tuple[Membership, ...] = ()

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if there is none)."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)
