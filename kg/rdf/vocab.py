"""The kg vocabulary, mirrored from ``ontology/kg.ttl`` (``tests/rdf/test_vocab.py`` keeps
them in sync).

A closed namespace: using a term that the ontology does not define raises AttributeError.

>>> str(KG.Deployment)
'https://example.org/kg/ontology#Deployment'
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

from kg.rdf.namespaces import KGO, ONTOLOGY, PREFIXES

__all__ = ["KG", "OA", "ONTOLOGY_IRI", "SEM"]

ONTOLOGY_IRI = URIRef(ONTOLOGY)

OA = Namespace(PREFIXES["oa"])
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")


class KG(DefinedNamespace):
    """Terms of the kg ontology."""

    _fail = True
    _NS = Namespace(KGO)

    # classes
    Article: URIRef
    ArticleGraph: URIRef
    DateInterval: URIRef
    Deployment: URIRef
    DeploymentEvent: URIRef
    Event: URIRef
    Evidence: URIRef
    Extraction: URIRef
    Location: URIRef
    Membership: URIRef
    Organization: URIRef
    Person: URIRef
    Protest: URIRef
    ProtestEvent: URIRef
    Qualifier: URIRef
    Quantity: URIRef
    RealWorldEvent: URIRef
    ReportLink: URIRef
    Review: URIRef
    RoleAssignment: URIRef
    Status: URIRef

    # individuals
    Approximately: URIRef
    AtLeast: URIRef
    AtMost: URIRef
    Denied: URIRef
    Exact: URIRef
    Happened: URIRef
    MoreThan: URIRef
    Nearly: URIRef
    Planned: URIRef
    Vague: URIRef

    # properties
    approximate: URIRef
    arrests: URIRef
    authorityKey: URIRef
    cause: URIRef
    comparedWith: URIRef
    contingentOf: URIRef
    date: URIRef
    deaths: URIRef
    destination: URIRef
    earliest: URIRef
    endDate: URIRef
    evidence: URIRef
    firstReport: URIRef
    holder: URIRef
    injuries: URIRef
    isLeader: URIRef
    latest: URIRef
    leads: URIRef
    linkedEvent: URIRef
    linkedReport: URIRef
    linkReason: URIRef
    linkRule: URIRef
    location: URIRef
    member: URIRef
    memberOf: URIRef
    mentionedIn: URIRef
    organization: URIRef
    participants: URIRef
    place: URIRef
    precision: URIRef
    qualifier: URIRef
    reportedIn: URIRef
    reportOf: URIRef
    requestedBy: URIRef
    reviewedIn: URIRef
    roleIn: URIRef
    roleName: URIRef
    sender: URIRef
    startDate: URIRef
    status: URIRef
    toolVersion: URIRef
    troops: URIRef
    verbatim: URIRef
    withdrawalDate: URIRef
