"""RDF and SPARQL result formats: one table each drives file extensions, media types,
CLI choices and HTTP content negotiation.

>>> RdfFormat.from_extension("data.nq") is RdfFormat.NQUADS
True
>>> RdfFormat.from_media_type("text/turtle; charset=utf-8").extension
'ttl'
>>> ResultFormat.from_label("srj").media_type
'application/sparql-results+json'
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from kg.errors import UsageError

__all__ = ["RdfFormat", "ResultFormat"]


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


class ResultFormat(Enum):
    """A SPARQL results format: (label, media type, file extension)."""

    JSON = ("json", "application/sparql-results+json", "srj")
    XML = ("xml", "application/sparql-results+xml", "srx")
    CSV = ("csv", "text/csv", "csv")
    TSV = ("tsv", "text/tab-separated-values", "tsv")
    #: CSV to open in a spreadsheet: a cell that a spreadsheet would run as a formula
    #: ("=HYPERLINK(...)", "@SUM(...)") is written as text, with a leading apostrophe
    SPREADSHEET = ("spreadsheet", "text/csv", "spreadsheet")

    def __init__(self, label: str, media_type: str, extension: str) -> None:
        self.label = label
        self.media_type = media_type
        self.extension = extension

    @classmethod
    def from_label(cls, label: str) -> ResultFormat:
        """The format named ``label`` (json, xml, csv, tsv, spreadsheet)."""
        for fmt in cls:
            if label.lower() in (fmt.label, fmt.extension):
                return fmt
        raise UsageError(
            f"unknown result format '{label}'; choose one of json, xml, csv, tsv, spreadsheet"
        )
