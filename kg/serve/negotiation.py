"""Content negotiation: the best format from ``Accept``, or from a ``format`` parameter.

>>> choose("text/html;q=0.5, text/turtle", ["text/html", "text/turtle"])
'text/turtle'
>>> choose("image/png", ["text/html"]) is None
True
>>> query_formats(None, "csv")
(<ResultFormat.CSV: ('csv', 'text/csv', 'csv')>, None)
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.rdf.formats import RdfFormat, ResultFormat

__all__ = [
    "RDF_MEDIA",
    "RESULT_MEDIA",
    "choose",
    "parse_accept",
    "query_formats",
    "resource_format",
    "wants_html",
]

_NEGOTIATED: tuple[ResultFormat, ...] = tuple(
    f
    for f in ResultFormat
    if f is not ResultFormat.SPREADSHEET  # only by format=spreadsheet
)
RESULT_MEDIA: dict[str, ResultFormat] = {f.media_type: f for f in _NEGOTIATED} | {
    "application/json": ResultFormat.JSON,
    "application/xml": ResultFormat.XML,
    "text/xml": ResultFormat.XML,
}
RDF_MEDIA: dict[str, RdfFormat] = {
    f.media_type: f for f in RdfFormat if not f.supports_datasets or f is RdfFormat.JSONLD
} | {
    "application/json": RdfFormat.JSONLD,
    "text/plain": RdfFormat.NTRIPLES,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/xml": RdfFormat.RDFXML,
}
_HTML = ("text/html", "application/xhtml+xml")
_FORMAT_PARAM: dict[str, tuple[ResultFormat | None, RdfFormat | None]] = {
    "json": (ResultFormat.JSON, RdfFormat.JSONLD),
    "xml": (ResultFormat.XML, RdfFormat.RDFXML),
    "csv": (ResultFormat.CSV, None),
    "tsv": (ResultFormat.TSV, None),
    "spreadsheet": (ResultFormat.SPREADSHEET, None),
    "turtle": (None, RdfFormat.TURTLE),
    "ttl": (None, RdfFormat.TURTLE),
    "ntriples": (None, RdfFormat.NTRIPLES),
    "nt": (None, RdfFormat.NTRIPLES),
    "jsonld": (None, RdfFormat.JSONLD),
    "rdfxml": (None, RdfFormat.RDFXML),
}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q values, best first."""
    ranges = []
    for index, part in enumerate((header or "").split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q, index))
    ranges.sort(key=lambda r: (-r[1], r[0].count("*"), r[2]))
    return [(media, q) for media, q, _ in ranges if q > 0]


def choose(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers; the first offer if it states no preference."""
    if not accept or not accept.strip():
        return offers[0] if offers else None
    for media, _ in parse_accept(accept):
        for offer in offers:
            kind = offer.split("/")[0]
            if media in (offer, "*/*", f"{kind}/*"):
                return offer
    return None


def query_formats(
    accept: str | None, format_param: str | None
) -> tuple[ResultFormat | None, RdfFormat | None]:
    """The formats for a SELECT/ASK answer and for a CONSTRUCT/DESCRIBE answer.

    A ``format`` parameter (a name such as ``csv`` or a media type) wins over ``Accept``;
    None for a kind means the client accepts no format for it (406).
    """
    if format_param:
        value = format_param.strip().lower()
        if value in _FORMAT_PARAM:
            return _FORMAT_PARAM[value]
        return RESULT_MEDIA.get(value), RDF_MEDIA.get(value)
    result = choose(accept, list(RESULT_MEDIA))
    rdf = choose(accept, [RdfFormat.TURTLE.media_type, *RDF_MEDIA])
    return (
        RESULT_MEDIA[result] if result else None,
        RDF_MEDIA[rdf] if rdf else None,
    )


def resource_format(accept: str | None, format_param: str | None) -> str | None:
    """The media type a client wants for a resource page: ``text/html`` or an RDF type.

    >>> resource_format("text/turtle", None)
    'text/turtle'
    >>> resource_format(None, "jsonld")
    'application/ld+json'
    """
    if format_param:
        value = format_param.strip().lower()
        if value == "html":
            return "text/html"
        fmt = _FORMAT_PARAM.get(value, (None, None))[1] or RDF_MEDIA.get(value)
        return fmt.media_type if fmt else None
    offers = ["text/html", RdfFormat.TURTLE.media_type, *RDF_MEDIA]
    best = choose(accept, offers)
    return RDF_MEDIA[best].media_type if best in RDF_MEDIA else best


def wants_html(accept: str | None, format_param: str | None = None) -> bool:
    """Whether a client asks for a page to read rather than data.

    ``format=html`` does, any other ``format`` does not; otherwise ``Accept`` must name
    HTML ahead of every data format, as browsers do. A wildcard is no request for a page:
    ``*/*`` (curl, most libraries) and a missing header get data, as they always have.

    >>> wants_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    True
    >>> wants_html("application/sparql-results+json, text/html;q=0.5")
    False
    >>> wants_html("*/*"), wants_html(None), wants_html(None, "html"), wants_html(None, "csv")
    (False, False, True, False)
    """
    if format_param:
        return format_param.strip().lower() == "html"
    for media, _ in parse_accept(accept):
        if media in _HTML:
            return True
        if "*" in media or media in RESULT_MEDIA or media in RDF_MEDIA:
            return False
    return False
