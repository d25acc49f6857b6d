"""Mapping facts onto the kg ontology: one named graph per article plus shared entity triples.

:func:`map_facts` is a pure function of the facts and the IRI base: the same facts always give
the same triples (no clock, no blank nodes), so outputs diff cleanly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import PROV, SDO, TIME
from rdflib.term import Node

from kg import __version__
from kg.facts.model import (
    DateValue,
    Deployment,
    DeploymentStatus,
    Entity,
    Evidence,
    Facts,
    Membership,
    Precision,
    Protest,
    Qualifier,
    Quantity,
    ReviewStatus,
    Role,
)
from kg.rdf.iris import Iris, slug
from kg.rdf.vocab import KG, OA

__all__ = [
    "MappedArticle",
    "MappedTriples",
    "Triple",
    "entity_iri",
    "map_facts",
    "map_triples",
    "new_graph",
    "preferred_names",
]

WIKIDATA = "http://www.wikidata.org/entity/"

STATUS = {
    DeploymentStatus.HAPPENED: KG.Happened,
    DeploymentStatus.PLANNED: KG.Planned,
    DeploymentStatus.DENIED: KG.Denied,
}
QUALIFIER = {
    Qualifier.EXACT: KG.Exact,
    Qualifier.APPROXIMATELY: KG.Approximately,
    Qualifier.AT_LEAST: KG.AtLeast,
    Qualifier.MORE_THAN: KG.MoreThan,
    Qualifier.NEARLY: KG.Nearly,
    Qualifier.AT_MOST: KG.AtMost,
    Qualifier.VAGUE: KG.Vague,
}
PRECISION = {
    Precision.DAY: (TIME.unitDay, XSD.date),
    Precision.MONTH: (TIME.unitMonth, XSD.gYearMonth),
    Precision.YEAR: (TIME.unitYear, XSD.gYear),
}
ENTITY_CLASS = {"Organization": KG.Organization, "Person": KG.Person, "Location": KG.Location}
_EVIDENCE_TERMS = (
    RDF.type, KG.evidence, KG.Evidence, OA.Annotation, OA.hasBody, OA.hasTarget,
    OA.SpecificResource, OA.hasSource, OA.hasSelector, OA.TextQuoteSelector, OA.exact,
    OA.TextPositionSelector, OA.start, OA.end, XSD.integer,
)  # fmt: skip


def new_graph(identifier: URIRef | None = None) -> Graph:
    """An rdflib graph with kg's prefixes bound."""
    graph = Graph(identifier=identifier, bind_namespaces="none")
    for prefix, namespace in (
        ("kgo", str(KG._NS)),
        ("schema", str(SDO)),
        ("prov", str(PROV)),
        ("oa", str(OA)),
        ("time", str(TIME)),
        ("rdfs", str(RDFS)),
        ("rdf", str(RDF)),
        ("xsd", str(XSD)),
        ("wd", WIKIDATA),
    ):
        graph.bind(prefix, namespace)
    return graph


#: The words of event labels, per language: a label is written in the article's language,
#: since the names in it are the article's ("Pengerahan Organisasi Perjanjian Keamanan
#: Kolektif ke Kazakhstan (terjadi)"), and tagged with it.
_LABEL_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "lang": "en",
        "deployment": "{by} to {to} ({status} deployment)",
        "happened": "happened",
        "planned": "planned",
        "denied": "denied",
        "protest": "Protest",
        "protest_in": "Protest in {p}",
        "of": " of {o}",
        "leads": "leads",
        "member_of": "member of",
    },
    "id": {
        "lang": "id",
        "deployment": "Pengerahan {by} ke {to} ({status})",
        "happened": "terjadi",
        "planned": "direncanakan",
        "denied": "dibantah",
        "protest": "Unjuk rasa",
        "protest_in": "Unjuk rasa di {p}",
        "leads": "memimpin",
        "member_of": "anggota",
    },
}


Triple = tuple[Node, Node, Node]


class _Triples:
    """Triples in the order first added, each once (as a graph holds them), without the
    cost of an rdflib graph's indexes: a build only writes and validates them."""

    def __init__(self) -> None:
        self._triples: dict[Triple, None] = {}

    def add(self, triple: Triple) -> None:
        self._triples[triple] = None

    def __iter__(self) -> Iterator[Triple]:
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)


@dataclass(frozen=True)
class MappedTriples:
    """The RDF of one article as triples (see :class:`MappedArticle`), each once, in the
    order the mapping states them."""

    key: str
    graph_iri: URIRef
    facts: list[Triple]
    entities: list[Triple]


@dataclass(frozen=True)
class MappedArticle:
    """The RDF of one article.

    Attributes:
        key: the article key.
        graph_iri: the IRI of the article's named graph.
        facts: the triples of the article's named graph.
        entities: what this article contributes to the shared entity graph.
    """

    key: str
    graph_iri: URIRef
    facts: Graph
    entities: Graph


def entity_iri(entity: Entity, iris: Iris) -> URIRef:
    """An entity's IRI: from its authority key, else from a slug of its first name."""
    return iris.entity(entity.type.value, entity.authority or slug(entity.names[0]))


class _Mapper:
    def __init__(self, facts: Facts, iris: Iris, tool_version: str) -> None:
        self.facts = facts
        self.iris = iris
        self.tool_version = tool_version
        self.key = facts.article.key
        self.lang = facts.article.language
        self.article = iris.article(self.key)
        self.graph_iri = iris.graph(self.key)
        self.g = _Triples()
        self.entities = _Triples()
        self.ref = {e.id: entity_iri(e, iris) for e in facts.entities}

    def text(self, value: str) -> Literal:
        return Literal(value, lang=self.lang)

    # -- article and provenance ------------------------------------------------------------
    def map_article(self) -> None:
        a, g = self.facts.article, self.g
        g.add((self.article, RDF.type, KG.Article))
        g.add((self.article, RDF.type, SDO.NewsArticle))
        g.add((self.article, SDO.headline, self.text(a.title)))
        if a.published is not None:
            g.add((self.article, SDO.datePublished, Literal(a.published, datatype=XSD.date)))
        g.add((self.article, SDO.inLanguage, Literal(a.language)))
        if a.url:
            g.add((self.article, SDO.url, URIRef(a.url)))
        for author in a.authors:
            g.add((self.article, SDO.author, Literal(author)))
        if a.publisher:
            publisher = self.iris.publisher(a.publisher)
            g.add((self.article, SDO.publisher, publisher))
            g.add((publisher, RDF.type, SDO.Organization))
            g.add((publisher, SDO.name, Literal(a.publisher)))

    def map_provenance(self) -> None:
        g, review = self.g, self.facts.review
        activity = Iris.child(self.graph_iri, "activity")
        agent = self.iris.agent()
        g.add((self.graph_iri, RDF.type, KG.ArticleGraph))
        g.add((self.graph_iri, RDF.type, PROV.Entity))
        g.add((self.graph_iri, PROV.wasDerivedFrom, self.article))
        g.add((self.graph_iri, PROV.wasGeneratedBy, activity))
        kind = KG.Review if review.status is ReviewStatus.REVIEWED else KG.Extraction
        g.add((activity, RDF.type, kind))
        g.add((activity, RDF.type, PROV.Activity))
        g.add((activity, PROV.used, self.article))
        g.add((activity, PROV.wasAssociatedWith, agent))
        g.add((agent, RDF.type, PROV.SoftwareAgent))
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, RDFS.label, Literal("kg")))
        g.add((activity, KG.toolVersion, Literal(review.tool or f"kg {self.tool_version}")))
        if review.by:
            reviewer = self.iris.reviewer(review.by)
            g.add((activity, PROV.wasAssociatedWith, reviewer))
            g.add((reviewer, RDF.type, PROV.Agent))
            g.add((reviewer, RDFS.label, Literal(review.by)))
        if review.date:
            moment = dt.datetime.combine(review.date, dt.time(), tzinfo=dt.UTC)
            g.add((activity, PROV.endedAtTime, Literal(moment, datatype=XSD.dateTime)))

    # -- values ------------------------------------------------------------------------------
    def evidence(
        self, fact: URIRef, spans: tuple[Evidence, ...], parent: URIRef | None = None
    ) -> None:
        add, article = self.g.add, self.article
        # the terms, looked up once (a namespace's attribute is a lookup each time)
        (
            a, kg_evidence, evidence_class, annotation, body, has_target, specific, source,
            selector, quote_class, exact, position_class, start, end, integer,
        ) = _EVIDENCE_TERMS  # fmt: skip
        for number, span in enumerate(spans, start=1):
            note = Iris.child(parent or fact, "evidence", str(number))
            target = Iris.child(note, "target")
            quote = Iris.child(note, "quote")
            position = Iris.child(note, "position")
            add((fact, kg_evidence, note))
            add((note, a, evidence_class))
            add((note, a, annotation))
            add((note, body, fact))
            add((note, has_target, target))
            add((target, a, specific))
            add((target, source, article))
            add((target, selector, quote))
            add((target, selector, position))
            add((quote, a, quote_class))
            add((quote, exact, Literal(span.text)))
            add((position, a, position_class))
            # xsd:integer rather than the spec's xsd:nonNegativeInteger: stores (pyoxigraph,
            # TDB2) normalise derived integer types, and the shapes require >= 0.
            add((position, start, Literal(span.start, datatype=integer)))
            add((position, end, Literal(span.end, datatype=integer)))

    def quantity(self, fact: URIRef, prop: URIRef, name: str, q: Quantity | None) -> None:
        if q is None:
            return
        node, g = Iris.child(fact, name), self.g
        g.add((fact, prop, node))
        g.add((node, RDF.type, KG.Quantity))
        g.add((node, KG.qualifier, QUALIFIER[q.qualifier]))
        for term, value in ((SDO.value, q.value), (SDO.minValue, q.min), (SDO.maxValue, q.max)):
            if value is not None:
                g.add((node, term, Literal(value, datatype=XSD.integer)))
        if q.text:
            g.add((node, KG.verbatim, self.text(q.text)))

    def date(self, fact: URIRef, prop: URIRef, name: str, d: DateValue | None) -> None:
        if d is None:
            return
        node, g = Iris.child(fact, name), self.g
        unit, datatype = PRECISION[d.precision]
        g.add((fact, prop, node))
        g.add((node, RDF.type, KG.DateInterval))
        g.add((node, KG.date, Literal(d.iso, datatype=datatype)))
        g.add((node, KG.precision, unit))
        g.add((node, KG.earliest, Literal(d.earliest, datatype=XSD.date)))
        g.add((node, KG.latest, Literal(d.latest, datatype=XSD.date)))
        g.add((node, KG.approximate, Literal(d.approximate)))
        if d.text:
            g.add((node, KG.verbatim, self.text(d.text)))

    def label(self, entity_id: str | None) -> str:
        if entity_id is None:
            return "?"
        return self.facts.entity(entity_id).names[0]

    # -- facts -------------------------------------------------------------------------------
    def map_entity(self, e: Entity) -> None:
        iri, ent = self.ref[e.id], self.entities
        ent.add((iri, RDF.type, ENTITY_CLASS[e.type.value]))
        for name in e.names:
            ent.add((iri, RDFS.label, self.text(name)))
        if e.wikidata:
            ent.add((iri, SDO.sameAs, URIRef(WIKIDATA + e.wikidata)))
        if e.authority:
            ent.add((iri, KG.authorityKey, Literal(e.authority)))
        self.g.add((iri, KG.mentionedIn, self.article))
        self.evidence(iri, e.evidence, parent=self.iris.mention(self.key, e.id))

    def event(
        self, kind: str, fact_id: str, rdf_class: URIRef, label: str, lang: str | None = None
    ) -> URIRef:
        """An event's node; its label is in the article's language when kg has templates
        for it (the names in it are the article's), else in English (``lang`` says)."""
        iri = self.iris.fact(self.key, kind, fact_id)
        self.g.add((iri, RDF.type, rdf_class))
        self.g.add((iri, KG.reportedIn, self.article))
        self.g.add((iri, RDFS.label, Literal(label, lang=lang or self.words["lang"])))
        return iri

    @property
    def words(self) -> dict[str, str]:
        """The words of event labels in the article's language (English if kg has none)."""
        return _LABEL_WORDS.get(self.lang.split("-")[0].lower(), _LABEL_WORDS["en"])

    def map_deployment(self, d: Deployment) -> None:
        w = self.words
        label = w["deployment"].format(
            by=self.label(d.by), to=self.label(d.to), status=w[d.status.value]
        )
        iri, g = self.event("deployment", d.id, KG.Deployment, label), self.g
        g.add((iri, KG.sender, self.ref[d.by]))
        g.add((iri, KG.destination, self.ref[d.to]))
        g.add((iri, KG.status, STATUS[d.status]))
        if d.requested_by:
            g.add((iri, KG.requestedBy, self.ref[d.requested_by]))
        if d.part_of:
            g.add((iri, KG.contingentOf, self.ref[d.part_of]))
        self.quantity(iri, KG.troops, "troops", d.troops)
        self.date(iri, KG.startDate, "start", d.start)
        self.date(iri, KG.endDate, "end", d.end)
        self.date(iri, KG.withdrawalDate, "withdrawal", d.withdrawal)
        self.evidence(iri, d.evidence)

    def map_protest(self, p: Protest) -> None:
        w = self.words
        label = w["protest_in"].format(p=self.label(p.location)) if p.location else w["protest"]
        iri, g = self.event("protest", p.id, KG.Protest, label), self.g
        if p.location:
            g.add((iri, KG.location, self.ref[p.location]))
        for place in p.places:
            g.add((iri, KG.place, self.ref[place]))
        for cause in p.causes:
            g.add((iri, KG.cause, Literal(cause, lang="en")))
        self.date(iri, KG.startDate, "start", p.start)
        self.date(iri, KG.endDate, "end", p.end)
        for name, prop in (
            ("deaths", KG.deaths),
            ("injuries", KG.injuries),
            ("arrests", KG.arrests),
            ("participants", KG.participants),
        ):
            self.quantity(iri, prop, name, getattr(p, name))
        self.evidence(iri, p.evidence)

    def map_role(self, r: Role) -> None:
        # a role's name is a normalised English label ("President"): the label is English
        where = _LABEL_WORDS["en"]["of"].format(o=self.label(r.of)) if r.of else ""
        label = f"{self.label(r.person)}, {r.role}{where}"
        iri = self.event("role", r.id, KG.RoleAssignment, label, lang="en")
        self.g.add((iri, KG.holder, self.ref[r.person]))
        self.g.add((iri, KG.roleName, Literal(r.role, lang="en")))
        if r.of:
            self.g.add((iri, KG.roleIn, self.ref[r.of]))
        self.evidence(iri, r.evidence)

    def map_membership(self, m: Membership) -> None:
        verb = self.words["leads" if m.leads else "member_of"]
        label = f"{self.label(m.member)} {verb} {self.label(m.organization)}"
        iri, g = self.event("membership", m.id, KG.Membership, label), self.g
        member, org = self.ref[m.member], self.ref[m.organization]
        g.add((iri, KG.member, member))
        g.add((iri, KG.organization, org))
        g.add((iri, KG.isLeader, Literal(m.leads)))
        g.add((member, KG.memberOf, org))
        if m.leads:
            g.add((member, KG.leads, org))
        self.evidence(iri, m.evidence)


def map_triples(
    facts: Facts, *, iris: Iris | None = None, tool_version: str = __version__
) -> MappedTriples:
    """The RDF of one article's facts as triples: what :func:`map_facts` puts in graphs,
    for a build, which only writes and validates them.

    Args:
        facts: loaded facts (references already checked by the loader).
        iris: the IRI minter; default base ``https://example.org/kg/``.
        tool_version: recorded in the provenance when the facts file does not name its tool.
    """
    mapper = _Mapper(facts, iris or Iris(), tool_version)
    mapper.map_article()
    mapper.map_provenance()
    for entity in facts.entities:
        mapper.map_entity(entity)
    for deployment in facts.deployments:
        mapper.map_deployment(deployment)
    for protest in facts.protests:
        mapper.map_protest(protest)
    for role in facts.roles:
        mapper.map_role(role)
    for membership in facts.memberships:
        mapper.map_membership(membership)
    return MappedTriples(facts.article.key, mapper.graph_iri, list(mapper.g), list(mapper.entities))


def map_facts(
    facts: Facts, *, iris: Iris | None = None, tool_version: str = __version__
) -> MappedArticle:
    """The RDF of one article's facts.

    Args:
        facts: loaded facts (references already checked by the loader).
        iris: the IRI minter; default base ``https://example.org/kg/``.
        tool_version: recorded in the provenance when the facts file does not name its tool.

    Returns:
        The article's named graph and its contribution to the shared entity graph.
    """
    iris = iris or Iris()
    mapped = map_triples(facts, iris=iris, tool_version=tool_version)
    graph = new_graph(mapped.graph_iri)
    for triple in mapped.facts:
        graph.add(triple)
    entities = new_graph(iris.entities_graph())
    for triple in mapped.entities:
        entities.add(triple)
    return MappedArticle(mapped.key, mapped.graph_iri, graph, entities)


_LABEL_LINE = re.compile(
    r"^(<[^>]+>) <http://www\.w3\.org/2000/01/rdf-schema#label> "
    r'("(?:[^"\\]|\\.)*"(?:@([A-Za-z-]+))?) \.$'
)


def preferred_names(entity_lines: Iterable[str]) -> list[str]:
    """One ``schema:name`` per entity, chosen among the names articles use for it.

    The entity graph keeps every name as ``rdfs:label``; queries and pages want one. The
    choice is deterministic: names that are not all capitals ("Moskow" over "MOSCOW"),
    proper names over descriptions ("Gedung DPR" over "kompleks parlemen"), English ones,
    then the longest ("Kassym-Jomart Tokayev" over "Tokayev").

    Args:
        entity_lines: the entity graph as N-Triples lines.

    Returns:
        N-Triples lines ``<entity> schema:name "name"@lang .``, sorted.

    >>> lines = ['<https://e/x> <http://www.w3.org/2000/01/rdf-schema#label> "%s"@%s .' % p
    ...          for p in [("MOSKOW", "id"), ("Moskow", "id")]]
    >>> preferred_names(lines)
    ['<https://e/x> <https://schema.org/name> "Moskow"@id .']
    """
    labels: dict[str, list[tuple[str, str]]] = {}
    for line in entity_lines:
        match = _LABEL_LINE.match(line)
        if match:
            labels.setdefault(match.group(1), []).append((match.group(2), match.group(3) or ""))

    def rank(item: tuple[str, str]) -> tuple[bool, bool, bool, int, str]:
        literal, language = item
        text = literal[1 : literal.rindex('"')]
        return (text.isupper(), not text[:1].isupper(), language != "en", -len(text), literal)

    name = f"<{SDO.name}>"
    return sorted(
        f"{subject} {name} {min(found, key=rank)[0]} ." for subject, found in labels.items()
    )
