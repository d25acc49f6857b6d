"""SPARQL query results serialised in the formats of :class:`~kg.rdf.formats.ResultFormat`.

Serialises our :class:`~kg.store.SelectResult`, so a truncated result can be written as
easily as a full one, by ``kg serve`` and ``kg query`` alike.

>>> r = SelectResult(["s", "n"], [{"s": Term.iri("http://x/a"), "n": Term.literal("a,b")}])
>>> serialize_select(r, ResultFormat.CSV).decode()
's,n\\r\\nhttp://x/a,"a,b"\\r\\n'
>>> serialize_select(r, ResultFormat.TSV).decode()
'?s\\t?n\\n<http://x/a>\\t"a,b"\\n'
"""

from __future__ import annotations

import json
import re
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from kg.rdf.formats import ResultFormat
from kg.rdf.namespaces import XSD_STRING
from kg.store.base import SelectResult, Term

__all__ = ["serialize_ask", "serialize_select"]

_SPARQL_NS = "http://www.w3.org/2005/sparql-results#"


def _json_term(term: Term) -> dict[str, str]:
    if term.kind == "iri":
        return {"type": "uri", "value": term.value}
    if term.kind == "bnode":
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype and term.datatype != XSD_STRING:
        out["datatype"] = term.datatype
    return out


def _xml_term(term: Term) -> str:
    if term.kind == "iri":
        return f"<uri>{escape(term.value)}</uri>"
    if term.kind == "bnode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
    if term.datatype and term.datatype != XSD_STRING:
        return f"<literal datatype={quoteattr(term.datatype)}>{escape(term.value)}</literal>"
    return f"<literal>{escape(term.value)}</literal>"


_FORMULA = re.compile(r"[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _csv_field(term: Term | None, *, spreadsheet: bool = False) -> str:
    if term is None:
        return ""
    value = f"_:{term.value}" if term.kind == "bnode" else term.value
    if spreadsheet and _FORMULA.match(value) and not _NUMBER.fullmatch(value):
        value = "'" + value  # a formula in a cell runs when the file is opened
    if any(c in value for c in ',"\r\n'):
        return '"' + value.replace('"', '""') + '"'
    return value


def _tsv_field(term: Term | None) -> str:
    if term is None:
        return ""
    return term.n3().replace("\t", "\\t")


def serialize_select(result: SelectResult, fmt: ResultFormat, *, truncated: bool = False) -> bytes:
    """The solutions in ``fmt``; ``truncated`` is recorded in the JSON and XML output."""
    names = result.variables
    if fmt is ResultFormat.JSON:
        doc: dict[str, Any] = {
            "head": {"vars": names},
            "results": {
                "bindings": [{k: _json_term(v) for k, v in row.items()} for row in result.rows]
            },
        }
        if truncated:
            doc["head"]["link"] = ["urn:kg:truncated"]
        return json.dumps(doc, ensure_ascii=False).encode()
    if fmt is ResultFormat.XML:
        lines = ['<?xml version="1.0"?>', f'<sparql xmlns="{_SPARQL_NS}">', "<head>"]
        lines += [f"<variable name={quoteattr(n)}/>" for n in names]
        if truncated:
            lines.append('<link href="urn:kg:truncated"/>')
        lines += ["</head>", "<results>"]
        for row in result.rows:
            cells = "".join(
                f"<binding name={quoteattr(k)}>{_xml_term(v)}</binding>" for k, v in row.items()
            )
            lines.append(f"<result>{cells}</result>")
        lines += ["</results>", "</sparql>", ""]
        return "\n".join(lines).encode()
    if fmt in (ResultFormat.CSV, ResultFormat.SPREADSHEET):
        safe = fmt is ResultFormat.SPREADSHEET
        out = [",".join(names)]
        out += [
            ",".join(_csv_field(row.get(n), spreadsheet=safe) for n in names) for row in result.rows
        ]
        return ("\r\n".join(out) + "\r\n").encode()
    out = ["\t".join(f"?{n}" for n in names)]
    out += ["\t".join(_tsv_field(row.get(n)) for n in names) for row in result.rows]
    return ("\n".join(out) + "\n").encode()


def serialize_ask(value: bool, fmt: ResultFormat) -> bytes:
    """An ASK answer in ``fmt`` (CSV and TSV: one column ``_askResult``)."""
    word = "true" if value else "false"
    if fmt is ResultFormat.JSON:
        return json.dumps({"head": {}, "boolean": value}).encode()
    if fmt is ResultFormat.XML:
        return (
            f'<?xml version="1.0"?>\n<sparql xmlns="{_SPARQL_NS}"><head/>'
            f"<boolean>{word}</boolean></sparql>\n"
        ).encode()
    if fmt in (ResultFormat.CSV, ResultFormat.SPREADSHEET):
        return f"_askResult\r\n{word}\r\n".encode()
    return f"?_askResult\n{word}\n".encode()
