"""Compact JSON-LD: expanded JSON-LD (as pyoxigraph writes it) shortened with a context of
prefixes, as in the context that ``kg build`` publishes (``context.jsonld``).

Keys, ``@id`` and ``@type`` values under a prefix become compact IRIs (``kgo:troops``);
``rdf:type`` with named classes becomes ``@type``; literal values stay as written. Every
prefix names an IRI ending in ``/`` or ``#``, so a JSON-LD 1.1 processor expands the
compact IRIs back and the document means the same triples as the expanded one.

>>> context = {"kgo": "https://example.org/kg/ontology#", "kg": "https://example.org/kg/"}
>>> expanded = [{
...     "@id": "https://example.org/kg/id/russia",
...     RDF_TYPE: [{"@id": "https://example.org/kg/ontology#Location"}],
...     "https://example.org/kg/ontology#leads": [{"@id": "https://example.org/kg/id/csto"}],
... }]
>>> compact(expanded, context)["@graph"]
[{'@id': 'kg:id/russia', '@type': ['kgo:Location'], 'kgo:leads': [{'@id': 'kg:id/csto'}]}]
"""

from __future__ import annotations

import json
from typing import Any

from kg.rdf.namespaces import PREFIXES, RDF_TYPE

__all__ = ["Compactor", "compact", "compact_bytes", "jsonld_context"]


def jsonld_context(base: str) -> dict[str, Any]:
    """The published JSON-LD context (``context.jsonld``): kg's prefixes plus ``kg:`` for
    the data base.

    >>> jsonld_context("https://example.org/kg/")["@context"]["kg"]
    'https://example.org/kg/'
    """
    return {"@context": {"kg": base, **PREFIXES}}


class Compactor:
    """Shortens IRIs in expanded JSON-LD to compact IRIs (keys, ``@id``, ``@type``).

    ``rdf:type`` whose values are all named nodes becomes ``@type`` (a blank node as a
    class stays an ``rdf:type`` value). Literal values are left alone, so a string that
    looks like an IRI stays as written.
    The longest matching namespace wins; an IRI whose rest would start with ``//`` stays
    whole (a processor would read ``prefix://...`` as an absolute IRI).
    """

    def __init__(self, prefixes: dict[str, str]) -> None:
        self._prefixes = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
        self._cache: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        """``iri`` as a compact IRI, or whole when no prefix fits.

        >>> Compactor({"schema": "https://schema.org/"}).iri("https://schema.org/name")
        'schema:name'
        """
        short = self._cache.get(iri)
        if short is None:
            short = iri
            for prefix, namespace in self._prefixes:
                rest = iri[len(namespace) :]
                if iri.startswith(namespace) and rest and not rest.startswith("//"):
                    short = f"{prefix}:{rest}"
                    break
            self._cache[iri] = short
        return short

    def node(self, value: Any) -> Any:
        """A node object (or list of them) of expanded JSON-LD, compacted."""
        if isinstance(value, list):
            return [self.node(v) for v in value]
        if not isinstance(value, dict):
            return value
        classes = value.get(RDF_TYPE)
        if isinstance(classes, list) and all(_named(c) for c in classes):
            given = value.get("@type", [])
            types = [*([given] if isinstance(given, str) else given)]
            types += [c["@id"] for c in classes]
            rest = {k: v for k, v in value.items() if k not in (RDF_TYPE, "@id", "@type")}
            value = {"@id": value["@id"]} if "@id" in value else {}
            value = {**value, "@type": types, **rest}
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "@id":
                out[key] = self.iri(item)
            elif key == "@type":
                out[key] = [self.iri(t) for t in item] if isinstance(item, list) else self.iri(item)
            elif key in ("@value", "@language"):
                out[key] = item
            elif key.startswith("@"):
                out[key] = self.node(item)
            else:
                out[self.iri(key)] = self.node(item)
        return out


def _named(node: Any) -> bool:
    """Whether ``node`` is a reference to a named node: ``{"@id": IRI}``."""
    return (
        isinstance(node, dict)
        and set(node) == {"@id"}
        and isinstance(node["@id"], str)
        and not node["@id"].startswith("_:")
    )


def compact(nodes: Any, context: dict[str, str]) -> dict[str, Any]:
    """The document ``{"@context": context, "@graph": nodes}`` with ``nodes`` compacted."""
    listed = nodes if isinstance(nodes, list) else [nodes]
    return {"@context": context, "@graph": Compactor(context).node(listed)}


def compact_bytes(data: bytes, context: dict[str, str]) -> bytes:
    """Expanded JSON-LD (UTF-8) compacted with ``context`` (see :func:`compact`)."""
    document = compact(json.loads(data), context)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")
