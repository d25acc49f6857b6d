"""Counts and dates as a reader says them, from the statements of their nodes.

A count (``kgo:Quantity``) and a date (``kgo:DateInterval``) are nodes of their own, so a
page that only linked to them would show ``/…/troops`` where a reader wants "approximately
2,500". :func:`value_html` turns a node's statements (property IRI → objects) into text:
the qualifier in words (the ontology's label, in the reader's language where it has one),
the value or bounds, the date with its precision and bounds, and the article's own phrase.

>>> from rdflib.namespace import SDO, XSD
>>> troops = {
...     str(RDF.type): [Term.iri(str(KG.Quantity))],
...     str(KG.qualifier): [Term.iri(str(KG.Approximately))],
...     str(SDO.value): [Term.literal("2500", datatype=str(XSD.integer))],
...     str(KG.verbatim): [Term.literal("sekitar 2.500 personel", language="id")],
... }
>>> value_html(troops, name=lambda iri: iri.rsplit("#", 1)[-1].lower(), lang="en")
'approximately 2,500 (<span class="verbatim" lang="id">sekitar 2.500 personel</span>)'
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rdflib import RDF, URIRef
from rdflib import namespace as ns  # SDO and TIME as globals make doctest collection warn

from kg.rdf.vocab import KG
from kg.serve.html import esc
from kg.store.base import Term

__all__ = [
    "VALUE_PROPERTIES",
    "Statements",
    "date_html",
    "group_digits",
    "quantity_html",
    "value_html",
]

VALUE_PROPERTIES: tuple[URIRef, ...] = (
    KG.troops,
    KG.deaths,
    KG.injuries,
    KG.arrests,
    KG.participants,
    KG.startDate,
    KG.endDate,
    KG.withdrawalDate,
)
"""The properties whose values are counts or dates (their range in the ontology)."""

Statements = Mapping[str, Sequence[Term]]
"""A node's statements: property IRI → its objects."""

_PRECISION = {
    str(ns.TIME.unitDay): "day",
    str(ns.TIME.unitMonth): "month",
    str(ns.TIME.unitYear): "year",
}
# Thousands separators where it is not a comma: "2,500" reads as two and a half in these.
_THOUSANDS = {
    "da": ".",
    "de": ".",
    "es": ".",
    "fr": "\u202f",
    "id": ".",
    "it": ".",
    "nl": ".",
    "pt": ".",
    "tr": ".",
}


def group_digits(number: str, lang: str) -> str:
    """An integer with its thousands grouped as readers of ``lang`` write them; anything
    else as it is.

    >>> group_digits("2500", "en"), group_digits("2500", "id"), group_digits("-1200000", "en")
    ('2,500', '2.500', '-1,200,000')
    >>> group_digits("12.5", "en")
    '12.5'
    """
    sign, digits = ("-", number[1:]) if number.startswith("-") else ("", number)
    if not digits.isascii() or not digits.isdigit():
        return number
    grouped = f"{int(digits):,}".replace(",", _THOUSANDS.get(lang, ","))
    return sign + grouped


def _first(props: Statements, prop: URIRef) -> Term | None:
    found = props.get(str(prop))
    return found[0] if found else None


def _verbatim(props: Statements) -> str | None:
    text = _first(props, KG.verbatim)
    if text is None:
        return None
    lang = f' lang="{esc(text.language)}"' if text.language else ""
    return f'<span class="verbatim"{lang}>{esc(text.value)}</span>'


def quantity_html(props: Statements, *, name: Callable[[str], str], lang: str) -> str:
    """A count: ``approximately 2,500 (sekitar 2.500 personel)``, ``vague 20–99 (…)``.

    ``name`` gives the words of the qualifier (its label); ``lang`` groups the digits.
    """

    def number(prop: URIRef) -> str | None:
        term = _first(props, prop)
        return group_digits(term.value, lang) if term is not None else None

    value, low, high = number(ns.SDO.value), number(ns.SDO.minValue), number(ns.SDO.maxValue)
    if value is not None:
        amount = value
    elif low is not None and high is not None:
        amount = f"{low}–{high}"
    elif low is not None:
        amount = f"≥ {low}"
    elif high is not None:
        amount = f"≤ {high}"
    else:
        amount = ""
    qualifier = _first(props, KG.qualifier)
    words = [name(qualifier.value) if qualifier is not None else "", amount]
    text = esc(" ".join(w for w in words if w))
    verbatim = _verbatim(props)
    if verbatim is None:
        return text
    return f"{text} ({verbatim})" if text else verbatim


def date_html(props: Statements, *, name: Callable[[str], str]) -> str:
    """A date at its precision with its bounds and phrase:
    ``2022-01 (month; between 2022-01-03 and 2022-01-09; pekan lalu)``.

    ``name`` gives the word for "approximate" (the label of ``kgo:approximate``).
    """
    date, earliest, latest = (_first(props, p) for p in (KG.date, KG.earliest, KG.latest))
    main = date or earliest
    details: list[str] = []
    precision = _first(props, KG.precision)
    if precision is not None:
        details.append(esc(_PRECISION.get(precision.value, name(precision.value))))
    if (
        earliest is not None
        and latest is not None
        and not (earliest.value == latest.value == (main.value if main else None))
    ):
        details.append(f"between {esc(earliest.value)} and {esc(latest.value)}")
    approximate = _first(props, KG.approximate)
    if approximate is not None and approximate.value in ("true", "1"):
        details.append(esc(name(str(KG.approximate))))
    verbatim = _verbatim(props)
    if verbatim is not None:
        details.append(verbatim)
    text = esc(main.value) if main is not None else ""
    if not details:
        return text
    return f"{text} ({'; '.join(details)})" if text else "; ".join(details)


def value_html(props: Statements, *, name: Callable[[str], str], lang: str) -> str | None:
    """The text of a count or a date node (by its ``rdf:type``), or None for other nodes."""
    types = {t.value for t in props.get(str(RDF.type), ())}
    if str(KG.Quantity) in types:
        return quantity_html(props, name=name, lang=lang)
    if str(KG.DateInterval) in types:
        return date_html(props, name=name)
    return None
