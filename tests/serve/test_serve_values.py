"""Counts and dates as text (kg/serve/values.py), and the properties that hold them."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef

from kg.rdf.vocab import KG
from kg.serve.describe import ONTOLOGY
from kg.serve.values import VALUE_PROPERTIES, Statements, date_html, group_digits, value_html
from kg.store.base import Term

# Not rdflib's SDO, TIME and XSD: as globals they make pytest's doctest collection warn.
SDO = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
LABELS = {str(KG.Approximately): "approximately", str(KG.Vague): "vague"}


def _name(iri: str) -> str:
    return LABELS.get(iri, iri.rsplit("#", 1)[-1])


def _quantity(**values: str) -> Statements:
    props: dict[str, list[Term]] = {str(RDF.type): [Term.iri(str(KG.Quantity))]}
    for key, prop in (("value", SDO.value), ("min", SDO.minValue), ("max", SDO.maxValue)):
        if key in values:
            props[str(prop)] = [Term.literal(values[key], datatype=str(XSD.integer))]
    if "qualifier" in values:
        props[str(KG.qualifier)] = [Term.iri(values["qualifier"])]
    if "text" in values:
        props[str(KG.verbatim)] = [Term.literal(values["text"], language=values.get("lang"))]
    return props


def _date(date: str, unit: URIRef, earliest: str, latest: str, **more: str) -> Statements:
    props: dict[str, list[Term]] = {
        str(RDF.type): [Term.iri(str(KG.DateInterval))],
        str(KG.date): [Term.literal(date)],
        str(KG.precision): [Term.iri(str(unit))],
        str(KG.earliest): [Term.literal(earliest, datatype=str(XSD.date))],
        str(KG.latest): [Term.literal(latest, datatype=str(XSD.date))],
        str(KG.approximate): [Term.literal(more.get("approximate", "false"))],
    }
    if "text" in more:
        props[str(KG.verbatim)] = [Term.literal(more["text"], language="en")]
    return props


def test_value_properties_are_the_ontologys_count_and_date_properties() -> None:
    """The page asks for the values of exactly the properties whose range is a count or a
    date; a new one in the ontology fails here until the page knows it."""
    g = Graph().parse(ONTOLOGY, format="turtle")
    ranged = {
        p
        for cls in (KG.Quantity, KG.DateInterval)
        for p in g.subjects(RDFS.range, cls)
        if (p, RDF.type, OWL.ObjectProperty) in g
    }
    assert set(VALUE_PROPERTIES) == ranged and len(VALUE_PROPERTIES) == len(ranged)


def test_a_count_reads_with_its_qualifier_bounds_and_phrase() -> None:
    vague = _quantity(min="20", max="99", qualifier=str(KG.Vague), text="puluhan", lang="id")
    assert value_html(vague, name=_name, lang="en") == (
        'vague 20–99 (<span class="verbatim" lang="id">puluhan</span>)'
    )
    plain = _quantity(value="1200000")
    assert value_html(plain, name=_name, lang="id") == "1.200.000"
    assert value_html(_quantity(min="5"), name=_name, lang="en") == "≥ 5"
    assert value_html(_quantity(text="a few", lang="en"), name=_name, lang="en") == (
        '<span class="verbatim" lang="en">a few</span>'
    )


def test_a_phrase_with_markup_is_escaped() -> None:
    shown = value_html(
        _quantity(value="3", text='<img src=x onerror="1">', lang="en"), name=_name, lang="en"
    )
    assert shown is not None and "<img" not in shown and "&lt;img src=x" in shown


def test_a_date_reads_with_its_precision_bounds_and_phrase() -> None:
    month = _date("2024-03", TIME.unitMonth, "2024-03-21", "2024-03-31", approximate="true")
    assert date_html(month, name=_name) == (
        "2024-03 (month; between 2024-03-21 and 2024-03-31; approximate)"
    )
    day = _date("2022-01-13", TIME.unitDay, "2022-01-13", "2022-01-13", text="on Thursday")
    assert value_html(day, name=_name, lang="en") == (
        '2022-01-13 (day; <span class="verbatim" lang="en">on Thursday</span>)'
    )
    year = _date("2021", TIME.unitYear, "2021-01-01", "2021-12-31")
    assert value_html(year, name=_name, lang="en") == (
        "2021 (year; between 2021-01-01 and 2021-12-31)"
    )


def test_other_nodes_are_not_values() -> None:
    assert (
        value_html({str(RDF.type): [Term.iri(str(KG.Deployment))]}, name=_name, lang="en") is None
    )
    assert value_html({}, name=_name, lang="en") is None


def test_digits_are_grouped_for_the_reader() -> None:
    assert [group_digits("2500", lang) for lang in ("en", "id", "fr")] == [
        "2,500",
        "2.500",
        "2\u202f500",
    ]
    assert group_digits("999", "en") == "999" and group_digits("x1", "en") == "x1"
