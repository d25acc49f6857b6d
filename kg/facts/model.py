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


#: Field metadata keys (read by :mod:`kg.facts.schema`, which derives the loader's key sets,
#: the dumper's key order, the JSON Schema and ``docs/facts-format.md`` from them):
#: ``kind`` (how the value is written, see ``kg.facts.schema.KINDS``), ``description``,
#: ``example``, ``required`` (the key must be given), ``yaml`` (the key, when it is not the
#: field name), ``refers`` (the entity types a reference may point to), ``before`` (the key
#: it is written before, when the file order differs from the field order).


def meta(
    kind: str,
    description: str,
    *,
    example: object = None,
    required: bool = False,
    yaml: str | None = None,
    refers: tuple[EntityType, ...] = (),
    before: str | None = None,
) -> dict[str, object]:
    """The metadata of one facts-file field (``dataclasses.field(metadata=meta(...))``)."""
    data: dict[str, object] = {"kind": kind, "description": description, "required": required}
    if example is not None:
        data["example"] = example
    if yaml is not None:
        data["yaml"] = yaml
    if refers:
        data["refers"] = refers
    if before is not None:
        data["before"] = before
    return data


_AGENT_OR_PLACE = (EntityType.ORGANIZATION, EntityType.LOCATION)
_ANY = (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.LOCATION)


def _fact_id(example: str) -> dict[str, object]:
    return meta("id", "The fact's id, unique in the file.", example=example, required=True)


def _evidence() -> dict[str, object]:
    return meta(
        "evidence",
        "Spans of the article text that support the fact.",
        example=[{"start": 812, "end": 816, "text": "CSTO"}],
    )


def _reviewed() -> dict[str, object]:
    return meta(
        "bool",
        "A person has checked this fact: kg extract never overwrites it.",
        example=True,
        before="evidence",
    )


@dataclass(frozen=True)
class Evidence:
    """A span of the article text that supports a fact: ``text == article[start:end]``."""

    start: int = field(
        metadata=meta(
            "offset",
            "Offset of the span's first character in the article body.",
            example=40,
            required=True,
        )
    )
    end: int = field(
        metadata=meta(
            "offset", "Offset just after the span's last character.", example=44, required=True
        )
    )
    text: str = field(
        metadata=meta(
            "text",
            "The quoted text; it must equal body[start:end].",
            example="CSTO",
            required=True,
        )
    )


@dataclass(frozen=True)
class Quantity:
    """A count as the text states it, with its hedge and bounds.

    ``value`` is None for a vague count ("puluhan orang"), which has bounds instead.
    """

    qualifier: Qualifier = field(
        metadata=meta(
            "enum",
            "How the text hedges the count; bounds follow from it.",
            example="approximately",
            required=True,
        )
    )
    value: int | None = field(
        default=None,
        metadata=meta(
            "count",
            "The number as digits; none for a vague count.",
            example=2500,
            before="qualifier",
        ),
    )
    min: int | None = field(
        default=None,
        metadata=meta("count", "Lower bound, when not implied by the qualifier.", example=20),
    )
    max: int | None = field(
        default=None,
        metadata=meta("count", "Upper bound, when not implied by the qualifier.", example=99),
    )
    text: str | None = field(
        default=None,
        metadata=meta("text", "The count as the article writes it.", example="sekitar 2.500"),
    )


@dataclass(frozen=True)
class DateValue:
    """A date or period as the text gives it, resolved against the publication date.

    ``value`` is the date truncated to its precision; ``earliest``/``latest`` bound it.
    """

    value: dt.date = field(
        metadata=meta(
            "datetext",
            "YYYY, YYYY-MM or YYYY-MM-DD: the date at the precision the text gives.",
            example="2022-01",
            required=True,
            yaml="date",
        )
    )
    precision: Precision = field(
        metadata=meta(
            "enum",
            "Optional; must match the date's own precision (it is never written).",
            example="month",
        )
    )
    earliest: dt.date = field(
        metadata=meta(
            "day", "First possible day, for a relative phrase (YYYY-MM-DD).", example="2022-01-03"
        )
    )
    latest: dt.date = field(
        metadata=meta(
            "day", "Last possible day, for a relative phrase (YYYY-MM-DD).", example="2022-01-09"
        )
    )
    approximate: bool = field(
        default=False, metadata=meta("bool", "The text hedges the date.", example=True)
    )
    text: str | None = field(
        default=None,
        metadata=meta("text", "The date as the article writes it.", example="pekan lalu"),
    )

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

    id: str = field(
        metadata=meta("id", "Local id used by the facts below.", example="csto", required=True)
    )
    type: EntityType = field(
        metadata=meta(
            "enum",
            "What the entity is; countries, cities and regions are Locations.",
            example="Organization",
            required=True,
        )
    )
    names: tuple[str, ...] = field(
        metadata=meta(
            "texts",
            "Every name the article uses for it (at least one).",
            example=["CSTO", "Organisasi Perjanjian Keamanan Kolektif"],
            required=True,
        )
    )
    authority: str | None = field(
        default=None,
        metadata=meta(
            "key",
            "Key in the authority file: the same node in every article.",
            example="csto",
        ),
    )
    wikidata: str | None = field(
        default=None, metadata=meta("qid", "Wikidata item id.", example="Q232")
    )
    evidence: tuple[Evidence, ...] = field(default=(), metadata=_evidence())
    reviewed: bool = field(default=False, metadata=_reviewed())


@dataclass(frozen=True)
class Deployment:
    """Troops sent by an organization or state to a place."""

    id: str = field(metadata=_fact_id("d1"))
    by: str = field(
        metadata=meta(
            "ref",
            "Who sends the troops.",
            example="csto",
            required=True,
            refers=_AGENT_OR_PLACE,
        )
    )
    to: str = field(
        metadata=meta(
            "ref",
            "Where the troops go.",
            example="kazakhstan",
            required=True,
            refers=(EntityType.LOCATION,),
        )
    )
    status: DeploymentStatus = field(
        default=DeploymentStatus.HAPPENED,
        metadata=meta(
            "enum",
            "Whether the text says it happened, is only planned, or is denied.",
            example="happened",
        ),
    )
    troops: Quantity | None = field(
        default=None,
        metadata=meta(
            "quantity",
            "How many troops.",
            example={"value": 2500, "qualifier": "approximately", "text": "sekitar 2.500"},
        ),
    )
    requested_by: str | None = field(
        default=None,
        metadata=meta("ref", "Who asked for the troops.", example="tokayev", refers=_ANY),
    )
    start: DateValue | None = field(
        default=None, metadata=meta("date", "When the deployment began.", example="2022-01-06")
    )
    end: DateValue | None = field(
        default=None, metadata=meta("date", "When the deployment ended.", example="2022-01-19")
    )
    withdrawal: DateValue | None = field(
        default=None,
        metadata=meta("date", "When the withdrawal began.", example={"date": "2022-01-13"}),
    )
    evidence: tuple[Evidence, ...] = field(default=(), metadata=_evidence())
    reviewed: bool = field(default=False, metadata=_reviewed())
    #: A contingent or sub-unit that the text counts apart: the sender of the collective
    #: deployment it belongs to ("Tajikistan, about 200" of the CSTO's; "1.000 personel
    #: Brimob" of the TNI-Polri force's)
    part_of: str | None = field(
        default=None,
        metadata=meta(
            "ref",
            "For a contingent the text counts apart: the sender of the collective "
            "deployment it belongs to.",
            example="csto",
            refers=_AGENT_OR_PLACE,
            before="start",
        ),
    )


@dataclass(frozen=True)
class Protest:
    """A protest, demonstration or riot at a place."""

    id: str = field(metadata=_fact_id("p1"))
    location: str | None = field(
        metadata=meta(
            "ref",
            "Where the protest is (the widest place).",
            example="kazakhstan",
            refers=(EntityType.LOCATION,),
        )
    )
    places: tuple[str, ...] = field(
        default=(),
        metadata=meta(
            "refs",
            "Narrower places where it happens.",
            example=["almaty"],
            refers=(EntityType.LOCATION,),
        ),
    )
    start: DateValue | None = field(
        default=None, metadata=meta("date", "When the protest began.", example="2022-01-02")
    )
    end: DateValue | None = field(
        default=None, metadata=meta("date", "When the protest ended.", example="2022-01-07")
    )
    causes: tuple[str, ...] = field(
        default=(),
        metadata=meta(
            "texts",
            "What the protest is about, as short English phrases.",
            example=["fuel price rise"],
        ),
    )
    deaths: Quantity | None = field(
        default=None,
        metadata=meta(
            "quantity",
            "How many people died.",
            example={"qualifier": "vague", "min": 20, "max": 99, "text": "puluhan orang"},
        ),
    )
    injuries: Quantity | None = field(
        default=None, metadata=meta("quantity", "How many people were injured.", example=300)
    )
    arrests: Quantity | None = field(
        default=None,
        metadata=meta(
            "quantity",
            "How many people were arrested.",
            example={"value": 2000, "qualifier": "nearly", "text": "hampir 2.000 orang"},
        ),
    )
    participants: Quantity | None = field(
        default=None, metadata=meta("quantity", "How many people took part.", example=5000)
    )
    evidence: tuple[Evidence, ...] = field(default=(), metadata=_evidence())
    reviewed: bool = field(default=False, metadata=_reviewed())


@dataclass(frozen=True)
class Role:
    """A person holding a role (President, Commander...) in an organization or country."""

    id: str = field(metadata=_fact_id("r1"))
    person: str = field(
        metadata=meta(
            "ref",
            "Who holds the role.",
            example="tokayev",
            required=True,
            refers=(EntityType.PERSON,),
        )
    )
    role: str = field(
        metadata=meta("text", "The role, in English.", example="President", required=True)
    )
    of: str | None = field(
        metadata=meta(
            "ref",
            "The organization or country the role is in.",
            example="kazakhstan",
            refers=_AGENT_OR_PLACE,
        )
    )
    evidence: tuple[Evidence, ...] = field(default=(), metadata=_evidence())
    reviewed: bool = field(default=False, metadata=_reviewed())


@dataclass(frozen=True)
class Membership:
    """A state or organization that is a member of (or leads) an organization."""

    id: str = field(metadata=_fact_id("m1"))
    member: str = field(
        metadata=meta(
            "ref",
            "The member: a country or an organization.",
            example="russia",
            required=True,
            refers=_AGENT_OR_PLACE,
        )
    )
    organization: str = field(
        metadata=meta(
            "ref",
            "The organization it is a member of.",
            example="csto",
            required=True,
            refers=(EntityType.ORGANIZATION,),
        )
    )
    leads: bool = field(
        default=False, metadata=meta("bool", "The member leads the organization.", example=True)
    )
    evidence: tuple[Evidence, ...] = field(default=(), metadata=_evidence())
    reviewed: bool = field(default=False, metadata=_reviewed())


@dataclass(frozen=True)
class Article:
    """The news article the facts come from."""

    key: str = field(
        metadata=meta(
            "key",
            "Stable key: the article's IRI is {base}article/{id}. Default: the file name.",
            example="id-csto-kazakhstan-2022",
            yaml="id",
        )
    )
    title: str = field(
        metadata=meta("text", "The headline.", example="Pasukan CSTO tiba di Almaty", required=True)
    )
    # None: the article gives no date (relative dates unresolved)
    published: dt.date | None = field(
        metadata=meta(
            "day",
            "Publication date (YYYY-MM-DD); relative dates are resolved against it.",
            example="2022-01-13",
        )
    )
    language: str = field(
        metadata=meta("language", "BCP 47 language code.", example="id", required=True)
    )
    publisher: str | None = field(
        default=None,
        metadata=meta("text", "Who published it.", example="Warta Nusantara", before="published"),
    )
    url: str | None = field(
        default=None,
        metadata=meta("url", "Where it was published.", example="https://news.example/a/1"),
    )
    authors: tuple[str, ...] = field(
        default=(), metadata=meta("texts", "Who wrote it.", example=["Ayu Lestari"])
    )
    source: str | None = field(
        default=None,
        metadata=meta(
            "text",
            "The article file, relative to the facts file; evidence offsets are checked "
            "against its body.",
            example="../articles/id-csto-kazakhstan-2022.txt",
        ),
    )
    sha256: str | None = field(
        default=None, metadata=meta("text", "SHA-256 of the article file.", example="9f86d0...")
    )


@dataclass(frozen=True)
class Review:
    """Who produced the facts, and when: the provenance of the article graph."""

    status: ReviewStatus = field(
        default=ReviewStatus.DRAFT,
        metadata=meta(
            "enum",
            "reviewed: kg extract never overwrites the file.",
            example="reviewed",
        ),
    )
    by: str | None = field(
        default=None, metadata=meta("text", "Who reviewed it.", example="Ayu Lestari")
    )
    date: dt.date | None = field(
        default=None, metadata=meta("day", "When (YYYY-MM-DD).", example="2026-11-30")
    )
    tool: str | None = field(
        default=None, metadata=meta("text", "The program that drafted it.", example="kg 0.1")
    )


@dataclass(frozen=True)
class Facts:
    """Everything one facts file states about one article."""

    article: Article = field(
        metadata=meta("object", "The news article the facts come from.", required=True)
    )
    review: Review = field(
        default_factory=Review,
        metadata=meta("object", "Who produced the facts, and when."),
    )
    entities: tuple[Entity, ...] = field(
        default=(), metadata=meta("facts", "Organizations, people and places.")
    )
    deployments: tuple[Deployment, ...] = field(
        default=(), metadata=meta("facts", "Troops sent by an organization or state to a place.")
    )
    protests: tuple[Protest, ...] = field(
        default=(), metadata=meta("facts", "Protests, demonstrations and riots.")
    )
    roles: tuple[Role, ...] = field(
        default=(), metadata=meta("facts", "People holding roles in organizations or countries.")
    )
    memberships: tuple[Membership, ...] = field(
        default=(),
        metadata=meta("facts", "States or organizations that are members of organizations."),
    )

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (KeyError if there is none)."""
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        raise KeyError(entity_id)
