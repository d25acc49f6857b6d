"""Deterministic IRIs for everything kg publishes, minted from one configurable base.

The same facts always give the same IRIs, so outputs diff cleanly in git::

    {base}id/organization/csto                entity (authority key, else a slug of its first name)
    {base}article/{key}                       article
    {base}graph/{key}                         the named graph of an article's facts
    {base}graph/entities                      the shared entity graph
    {base}graph/events                        the shared graph of real-world events
    {base}event/deployment/{key}/{id}         a real-world event, named after its first report
    {base}event/{id}                          a real-world event named in the review file
    {base}article/{key}/deployment/{id}       event (and protest/, role/, membership/)
    {base}article/{key}/deployment/{id}/troops          its quantities and dates
    {base}article/{key}/deployment/{id}/evidence/1      its evidence annotation

>>> iris = Iris("https://example.org/kg/")
>>> str(iris.entity("Organization", "csto"))
'https://example.org/kg/id/organization/csto'
>>> slug("Kassym-Jomart Tokayev")
'kassym-jomart-tokayev'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.errors import UsageError
from kg.rdf.namespaces import DEFAULT_BASE

__all__ = ["Iris", "is_absolute_iri", "slug"]

_SAFE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
# RFC 3987: a scheme, then no space, control character, non-character (U+FFFD, what an
# invalid byte decodes to, included) or character IRIs exclude; every percent sign starts
# an escape of two hex digits.
_ABSOLUTE_IRI = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*:"
    r"(?:[^\x00-\x20\x7f-\x9f<>\"{}|^`\\%\ud800-\udfff\ufdd0-\ufdef\ufff0-\uffff]"
    r"|%[0-9A-Fa-f]{2})*"
)


def is_absolute_iri(value: str) -> bool:
    """Whether ``value`` is an absolute IRI that every RDF store and serialiser accepts.

    >>> is_absolute_iri("https://example.org/kg/graph/a")
    True
    >>> [is_absolute_iri(v) for v in ("relative", "a b:c", "urn:x%zz", "http://x/\\n")]
    [False, False, False, False]
    >>> is_absolute_iri("http://x/\\ufffd"), is_absolute_iri("http://x/Almatı")
    (False, True)
    """
    return _ABSOLUTE_IRI.fullmatch(value) is not None


def slug(text: str) -> str:
    """A lower-case ASCII slug of a name; a hash where no letter survives."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    value = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if not value:
        return "h" + hashlib.sha256(text.encode()).hexdigest()[:12]
    return value[:80].rstrip("-")


class Iris:
    """Mints the IRIs of one dataset under ``base``."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+/$", base):
            raise UsageError(f"the IRI base must be an http(s) IRI ending in '/', got '{base}'")
        self.base = base

    def _iri(self, *parts: str) -> URIRef:
        for part in parts:
            if not _SAFE.match(part):
                raise ValueError(f"unsafe IRI segment {part!r}")
        return URIRef(self.base + "/".join(parts))

    def entity(self, entity_type: str, key: str) -> URIRef:
        """An entity, by type and authority key or slug."""
        return self._iri("id", entity_type.lower(), key)

    def publisher(self, name: str) -> URIRef:
        """The publisher of articles (metadata, not an entity of the stories)."""
        return self._iri("id", "publisher", slug(name))

    def article(self, key: str) -> URIRef:
        """An article."""
        return self._iri("article", key)

    def graph(self, key: str) -> URIRef:
        """The named graph of an article's facts."""
        return self._iri("graph", key)

    def entities_graph(self) -> URIRef:
        """The shared graph describing all entities."""
        return self._iri("graph", "entities")

    def events_graph(self) -> URIRef:
        """The shared graph of real-world events and the links of reports to them."""
        return self._iri("graph", "events")

    def event(self, *parts: str) -> URIRef:
        """A real-world event: ``(kind, article key, fact id)`` of its first report, or the
        id a person gave it in the review file."""
        return self._iri("event", *parts)

    def fact(self, article_key: str, kind: str, fact_id: str) -> URIRef:
        """An event, role or membership stated by an article."""
        return self._iri("article", article_key, kind, fact_id)

    def mention(self, article_key: str, entity_id: str) -> URIRef:
        """The mentions of one entity in one article (parent of their evidence)."""
        return self._iri("article", article_key, "mention", entity_id)

    def agent(self) -> URIRef:
        """kg itself, the software agent of extractions and builds."""
        return self._iri("agent", "kg")

    def reviewer(self, name: str) -> URIRef:
        """A person who reviewed facts files."""
        return self._iri("agent", "reviewer", slug(name))

    def dataset(self) -> URIRef:
        """The dataset as a whole (VoID/DCAT description)."""
        return self._iri("dataset")

    @staticmethod
    def child(parent: URIRef, *parts: str) -> URIRef:
        """A node derived from its parent: a quantity, a date, an evidence annotation."""
        return URIRef(str(parent) + "/" + "/".join(parts))
