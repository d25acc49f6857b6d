"""RDF serialisation formats: one table drives file extensions, media types and CLI choices.

>>> RdfFormat.from_extension("data.nq") is RdfFormat.NQUADS
True
>>> RdfFormat.from_media_type("text/turtle; charset=utf-8").extension
'ttl'
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from kg.errors import UsageError

__all__ = ["RdfFormat", "graph_hash"]


class RdfFormat(Enum):
    """An RDF syntax: (name, media type, file extension, rdflib parser name, has datasets)."""

    TURTLE = ("turtle", "text/turtle", "ttl", "turtle", False)
    NTRIPLES = ("ntriples", "application/n-triples", "nt", "nt", False)
    TRIG = ("trig", "application/trig", "trig", "trig", True)
    NQUADS = ("nquads", "application/n-quads", "nq", "nquads", True)
    JSONLD = ("jsonld", "application/ld+json", "jsonld", "json-ld", True)
    RDFXML = ("rdfxml", "application/rdf+xml", "rdf", "xml", False)

    def __init__(
        self, label: str, media_type: str, extension: str, rdflib_name: str, datasets: bool
    ) -> None:
        self.label = label
        self.media_type = media_type
        self.extension = extension
        self.rdflib_name = rdflib_name
        self.supports_datasets = datasets

    @classmethod
    def from_label(cls, label: str) -> RdfFormat:
        """The format named ``label`` (as on the command line)."""
        for fmt in cls:
            if fmt.label == label.lower() or fmt.extension == label.lower():
                return fmt
        raise UsageError(f"unknown RDF format '{label}'; choose one of {cls.labels()}")

    @classmethod
    def from_extension(cls, path: str | Path) -> RdfFormat:
        """The format a file name's extension stands for."""
        suffix = Path(path).suffix.lstrip(".").lower()
        for fmt in cls:
            if fmt.extension == suffix:
                return fmt
        if suffix == "json":
            return cls.JSONLD
        raise UsageError(f"cannot tell the RDF format of '{path}' from its extension")

    @classmethod
    def from_media_type(cls, media_type: str) -> RdfFormat:
        """The format of a media type (parameters such as charset are ignored)."""
        base = media_type.split(";", 1)[0].strip().lower()
        for fmt in cls:
            if fmt.media_type == base:
                return fmt
        raise UsageError(f"unsupported RDF media type '{media_type}'")

    @classmethod
    def labels(cls) -> list[str]:
        """The names used on the command line."""
        return [fmt.label for fmt in cls]


def graph_hash(lines: Iterable[str]) -> str:
    """The content hash of a graph: SHA-256 of its sorted N-Triples lines, each ending in a
    newline. ``kg build`` writes it in ``manifest.json``; ``kg push --only-changed``
    compares it with the hash of what a Fuseki graph holds, so both use this one function.

    >>> graph_hash(['<b> <p> "x" .', '<a> <p> "y" .'])[:12]
    '3697ba04e992'
    """
    digest = hashlib.sha256()
    for line in sorted(lines):
        digest.update(line.encode())
        digest.update(b"\n")
    return digest.hexdigest()
