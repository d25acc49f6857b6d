"""How a SELECT result reads as a table: labels for IRIs, counts and dates as text.

The columns follow the query library's naming conventions:

- **a label column**: ``?senderLabel`` with ``?sender`` in the same result shows the label
  as a link to the IRI (the full IRI as the link's title); the ``?sender`` column is hidden.
- **a count** with its bounds, qualifier or phrase: ``?troops`` with ``?troopsMin``,
  ``?troopsMax``, ``?troopsQualifier``, ``?troopsText``; ``?value1`` with ``?min1``,
  ``?max1``, ``?qualifier1``, ``?text1``; a lone ``?qualifier`` or ``?text`` belongs to the
  table's only count. It reads as on the event's page (:func:`kg.serve.values.quantity_html`):
  "approximately 2,500 (*sekitar 2.500 personel*)".
- **a date** with its bounds: ``?start`` with ``?startEarliest`` and ``?startLatest``
  (``?date`` with ``?earliest`` and ``?latest``) reads "2022-01 (between 2022-01-03 and
  2022-01-09)".

A column shown in another is hidden (``hidden``), not dropped: the page's column picker
(``kg/static/columns.js``) shows it again, and the downloads hold every column as the
query returns it. Every other IRI shows its label (looked up: :mod:`kg.serve.labels`) or a
short form. The query page's script (``kg/static/query.js``) follows the same rules; a
browser test checks that both pages show the same text.

>>> [(c.name, c.kind) for c in plan(["x", "troops", "troopsMin", "qualifier"])]
[('x', 'plain'), ('troops', 'count'), ('troopsMin', 'part'), ('qualifier', 'part')]
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rdflib import namespace as ns

from kg.rdf.namespaces import RDF_LANG_STRING, XSD_STRING
from kg.rdf.vocab import KG
from kg.serve.html import esc, iri_link, iri_name
from kg.serve.values import Statements, date_html, quantity_html
from kg.store.base import SelectResult, Term

__all__ = ["Column", "plan", "qualifier_words", "short_iri", "table_html", "to_look_up"]

Kind = Literal["plain", "label", "count", "date", "part"]

_COUNT = ("Min", "Max", "Qualifier", "Text")
_DATE = ("Earliest", "Latest")
# Roles without which a column is not a count or a date (a phrase alone does not make one).
_NEEDED = {"count": {"min", "max", "qualifier"}, "date": {"earliest", "latest"}}
# ?value1 has ?min1, ?qualifier1 ...; ?date has ?earliest, ?latest.
_BARE_STEMS = ("value", "date")
_STEM = re.compile(r"(.*?)(\d*)")
# The page is in English: its counts are written as an English reader writes them.
_LANG = "en"


@dataclass(frozen=True)
class Column:
    """One variable of the result and how it is shown.

    ``parts`` maps a role (``iri`` for a label; ``min``, ``max``, ``qualifier``, ``text``
    for a count; ``earliest``, ``latest`` for a date) to the variable that holds it; a
    ``part`` column is hidden and ``shown_in`` names the column that shows it.
    """

    name: str
    kind: Kind = "plain"
    parts: dict[str, str] = field(default_factory=dict)
    shown_in: str | None = None


def _names(var: str, role: str) -> list[str]:
    """The variables that may hold ``role`` of ``var``.

    >>> _names("troops", "Min"), _names("value1", "Min")
    (['troopsMin'], ['value1Min', 'valueMin1', 'min1'])
    """
    match = _STEM.fullmatch(var)
    stem, number = match.groups() if match else (var, "")
    names = [var + role]
    if number:
        names.append(stem + role + number)
    if stem in _BARE_STEMS:
        names.append(role.lower() + number)
    return names


def plan(variables: Sequence[str]) -> list[Column]:
    """The columns of a result with ``variables``, in their order (see the module docstring).

    >>> cols = plan(["deployment", "senderLabel", "troops", "troopsText", "sender"])
    >>> [(c.name, c.kind, c.parts, c.shown_in) for c in cols][1:]
    [('senderLabel', 'label', {'iri': 'sender'}, None), ('troops', 'plain', {}, None), \
('troopsText', 'plain', {}, None), ('sender', 'part', {}, 'senderLabel')]
    >>> [c.kind for c in plan(["date", "earliest", "latest", "value1", "min1", "text1"])]
    ['date', 'part', 'part', 'count', 'part', 'part']
    """
    present = set(variables)
    shown_in: dict[str, str] = {}
    columns: dict[str, Column] = {}

    def free(name: str) -> bool:
        return name in present and name not in shown_in and name not in columns

    for var in variables:
        iri = var[: -len("Label")]
        if var.endswith("Label") and iri and free(iri) and free(var):
            columns[var] = Column(var, "label", {"iri": iri})
            shown_in[iri] = var
    groups: tuple[tuple[Kind, tuple[str, ...]], ...] = (("count", _COUNT), ("date", _DATE))
    for kind, roles in groups:
        for var in variables:
            if not free(var):
                continue
            parts: dict[str, str] = {}
            for role in roles:
                found = [n for n in _names(var, role) if n != var and free(n)]
                if found:
                    parts[role.lower()] = found[0]
            if parts.keys() & _NEEDED[kind]:
                columns[var] = Column(var, kind, parts)
                shown_in.update((part, var) for part in parts.values())
    counts = [c for c in columns.values() if c.kind == "count"]
    if len(counts) == 1:
        only = counts[0]
        lone = {
            role: role for role in ("qualifier", "text") if role not in only.parts and free(role)
        }
        columns[only.name] = Column(only.name, "count", {**only.parts, **lone})
        shown_in.update((role, only.name) for role in lone)
    return [
        columns.get(var)
        or Column(var, "part" if var in shown_in else "plain", {}, shown_in.get(var))
        for var in variables
    ]


def qualifier_words(value: str) -> str:
    """A count's qualifier in words, from a query's ``more_than`` or the IRI ``kgo:MoreThan``.

    >>> qualifier_words("more_than"), qualifier_words("https://example.org/kg/ontology#AtLeast")
    ('more than', 'at least')
    """
    local = re.split(r"[#/]", value)[-1]
    return re.sub(r"([a-z])([A-Z])", r"\1 \2", local).replace("_", " ").lower()


def short_iri(iri: str, base: str) -> str:
    """How an IRI without a label reads: a prefixed name, or the last two segments of a
    long IRI (the link's title holds the full IRI).

    >>> short_iri("https://example.org/kg/id/location/kazakhstan", "https://example.org/kg/")
    '…/location/kazakhstan'
    >>> short_iri("https://example.org/kg/ontology#Deployment", "https://example.org/kg/")
    'kgo:Deployment'
    """
    name = iri_name(iri, base)
    if name.startswith("/") or name == iri:
        parts = iri.split("/")
        return "…/" + "/".join(parts[-2:]) if len(parts) > 5 else iri
    return name


def to_look_up(result: SelectResult, columns: Sequence[Column]) -> list[str]:
    """The IRIs whose labels the table needs: those of plain columns, and of label columns
    where the query gave no label (IRIs in hidden columns show as they are)."""
    out: dict[str, None] = {}
    for row in result.rows:
        for col in columns:
            if col.kind == "plain":
                term = row.get(col.name)
            elif col.kind == "label" and col.name not in row:
                term = row.get(col.parts["iri"])
            else:
                continue
            if term is not None and term.kind == "iri":
                out[term.value] = None
    return list(out)


def _typed(term: Term) -> bool:
    return term.kind == "literal" and term.datatype not in (None, XSD_STRING, RDF_LANG_STRING)


def _term(term: Term | None, base: str, label: str | None) -> str:
    if term is None:
        return ""
    if term.kind == "iri":
        return iri_link(term.value, base=base, text=label or short_iri(term.value, base))
    if term.kind == "bnode":
        return esc(f"_:{term.value}")
    tag = f' <span class="tag">@{esc(term.language)}</span>' if term.language else ""
    return esc(term.value) + tag


_COUNT_PROPS = {
    "value": ns.SDO.value,
    "min": ns.SDO.minValue,
    "max": ns.SDO.maxValue,
    "qualifier": KG.qualifier,
    "text": KG.verbatim,
}
_DATE_PROPS = {"value": KG.date, "earliest": KG.earliest, "latest": KG.latest}


def _statements(row: Mapping[str, Term], col: Column, props: Mapping[str, object]) -> Statements:
    """The row's values of a count or date column as the statements of its node."""
    names = {"value": col.name, **col.parts}
    return {str(props[role]): [row[var]] for role, var in names.items() if var in row}


def _cell(row: Mapping[str, Term], col: Column, base: str, labels: Mapping[str, str]) -> str:
    """The ``<td>`` of ``col`` in ``row``."""
    term = row.get(col.name)
    attrs = " hidden" if col.kind == "part" else ""
    if col.kind == "label":
        iri = row.get(col.parts["iri"])
        if iri is not None and iri.kind == "iri":
            text = term.value if term is not None else labels.get(iri.value)
            content = _term(iri, base, text)
        else:
            content = esc(term.value) if term is not None else _term(iri, base, None)
    elif col.kind == "count":
        content = quantity_html(
            _statements(row, col, _COUNT_PROPS), name=qualifier_words, lang=_LANG
        )
    elif col.kind == "date":
        content = date_html(_statements(row, col, _DATE_PROPS), name=qualifier_words)
        attrs += ' class="nowrap"'  # "2022-01-09" would break after a hyphen
    else:
        label = labels.get(term.value) if term is not None and col.kind == "plain" else None
        content = _term(term, base, label)
        if term is not None and _typed(term):
            attrs += ' class="nowrap"'
    return f"<td{attrs}>{content}</td>"


def _head(col: Column) -> str:
    if col.kind == "part":
        return f'<th hidden data-shown-in="{esc(col.shown_in or "")}">{esc(col.name)}</th>'
    if col.kind == "label":
        title = f"the label of ?{col.parts['iri']}, linked to its page"
        return f'<th title="{esc(title)}">{esc(col.name)}</th>'
    if col.parts:
        title = "with " + ", ".join(f"?{v}" for v in col.parts.values())
        return f'<th title="{esc(title)}">{esc(col.name)}</th>'
    return f"<th>{esc(col.name)}</th>"


def table_html(result: SelectResult, *, base: str, labels: Mapping[str, str]) -> str:
    """The result as a table: ``labels`` (IRI → label) for the IRIs of :func:`to_look_up`.

    >>> r = SelectResult(["xLabel", "x"], [{"x": Term.iri("https://example.org/kg/id/a"),
    ...                                     "xLabel": Term.literal("A")}])
    >>> cells = table_html(r, base="https://example.org/kg/", labels={}).split("<td")[1:]
    >>> cells
    ['><a href="/id/a" title="https://example.org/kg/id/a">A</a></td>', \
' hidden><a href="/id/a" title="https://example.org/kg/id/a">…/id/a</a></td></tr></tbody></table></div>']
    """
    columns = plan(result.variables)
    head = "".join(_head(col) for col in columns)
    body = "".join(
        "<tr>" + "".join(_cell(row, col, base, labels) for col in columns) + "</tr>"
        for row in result.rows
    )
    return (
        '<div class="table-scroll"><table class="results-table">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )
