"""Facts files: the reviewable, hand-editable source of truth, one per article."""

from kg.facts.dump import dump_facts, facts_to_data
from kg.facts.load import load_facts, parse_facts
from kg.facts.model import (
    Article,
    DateValue,
    Deployment,
    DeploymentStatus,
    Entity,
    EntityType,
    Evidence,
    Facts,
    Membership,
    Precision,
    Protest,
    Qualifier,
    Quantity,
    Review,
    ReviewStatus,
    Role,
)

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
    "dump_facts",
    "facts_to_data",
    "load_facts",
    "parse_facts",
]
