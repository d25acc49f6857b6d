"""The named query library: ``queries/*.rq`` with a comment header, parameters bound as terms.

A query file starts with a header of comment lines::

    # name: timeline
    # description: Deployments and protests in date order ...
    # param: actor (iri, optional) an entity, e.g. https://example.org/kg/id/organization/csto
    # param: days (integer, default 30) the largest number of days between the two events

Parameters are SPARQL variables of the query (projected by its SELECT, as pyoxigraph's
substitutions require), bound at run time as :class:`~kg.store.Term` values; their text
is never pasted into the query.

>>> q = parse_query("# name: n\\n# param: days (integer, default 3) d\\nSELECT ?days {}")
>>> q.bind({}) == {"days": Term.literal("3", datatype=XSD + "integer")}
True
>>> q.bind({"days": "x"})
Traceback (most recent call last):
...
kg.errors.UsageError: parameter 'days' of query 'n' must be a whole number, got 'x'
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from kg.errors import UsageError
from kg.rdf.namespaces import XSD
from kg.store.base import SelectResult, Store, Term

__all__ = [
    "QUERY_DIR",
    "NamedQuery",
    "Param",
    "ParamType",
    "find_query",
    "library",
    "parse_query",
    "query_form",
    "run_select",
]

QUERY_DIR = Path(os.environ.get("KG_QUERIES") or Path(__file__).resolve().parent.parent / "queries")
"""Where the library lives: ``queries/`` beside the package, or ``$KG_QUERIES``."""

_HEADER = re.compile(r"^#\s*(name|description|param)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\(([^)]*)\)\s*(.*)$")
_IRI = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_FORMS = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_NOISE = re.compile(r"#[^\n]*|<[^<>\s]*>|\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'")


class ParamType(Enum):
    """The type of a query parameter and how a command-line value becomes a term."""

    IRI = "iri"
    STRING = "string"
    INTEGER = "integer"
    DATE = "date"

    def to_term(self, value: str) -> Term:
        """``value`` as a term of this type; ValueError with the reason if it does not fit."""
        if self is ParamType.IRI:
            if not _IRI.match(value):
                raise ValueError("must be an absolute IRI such as https://example.org/kg/id/...")
            return Term.iri(value)
        if self is ParamType.INTEGER:
            if not re.fullmatch(r"[+-]?\d+", value.strip()):
                raise ValueError("must be a whole number")
            return Term.literal(str(int(value)), datatype=XSD + "integer")
        if self is ParamType.DATE:
            try:
                day = dt.date.fromisoformat(value.strip())
            except ValueError:
                raise ValueError("must be a date written YYYY-MM-DD") from None
            return Term.literal(day.isoformat(), datatype=XSD + "date")
        return Term.literal(value)


@dataclass(frozen=True)
class Param:
    """A parameter of a named query."""

    name: str
    type: ParamType
    description: str
    required: bool = True
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query of the library: its name, description, parameters and SPARQL text."""

    name: str
    description: str
    params: tuple[Param, ...]
    text: str
    path: Path | None = None

    def bind(self, values: Mapping[str, str]) -> dict[str, Term]:
        """Check ``values`` (strings as given on the command line) and type them as terms.

        Raises:
            UsageError: an unknown or missing parameter, or a value of the wrong type.
        """
        known = {p.name: p for p in self.params}
        for name in values:
            if name not in known:
                choices = ", ".join(known) or "none"
                raise UsageError(
                    f"query '{self.name}' has no parameter '{name}'; its parameters: {choices}"
                )
        bindings: dict[str, Term] = {}
        for param in self.params:
            value = values.get(param.name, param.default)
            if value is None:
                if param.required:
                    raise UsageError(
                        f"query '{self.name}' needs --param {param.name}=... "
                        f"({param.type.value}: {param.description})"
                    )
                continue
            try:
                bindings[param.name] = param.type.to_term(value)
            except ValueError as exc:
                raise UsageError(
                    f"parameter '{param.name}' of query '{self.name}' {exc}, got {value!r}"
                ) from None
        return bindings


def _parse_param(spec: str, where: str) -> Param:
    match = _PARAM.match(spec)
    if not match:
        raise UsageError(f"{where}: write a parameter as '# param: NAME (type) description'")
    name, options, description = match.groups()
    parts = [p.strip() for p in options.split(",")]
    try:
        kind = ParamType(parts[0].lower())
    except ValueError:
        types = ", ".join(t.value for t in ParamType)
        raise UsageError(
            f"{where}: unknown parameter type '{parts[0]}'; use one of {types}"
        ) from None
    required, default = True, None
    for option in parts[1:]:
        if option == "optional":
            required = False
        elif option.startswith("default "):
            default = option.removeprefix("default ").strip()
        else:
            raise UsageError(f"{where}: unknown parameter option '{option}' (optional, default V)")
    return Param(name, kind, description, required, default)


def parse_query(text: str, *, path: Path | None = None) -> NamedQuery:
    """A query from its text; the name defaults to the file name without ``.rq``."""
    where = str(path) if path else "<query>"
    name = path.stem if path else ""
    description, params = "", []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match.groups()
        if key == "name":
            name = value
        elif key == "description":
            description = value
        else:
            params.append(_parse_param(value, where))
    return NamedQuery(name or "query", description, tuple(params), text, path)


def library(directory: Path | None = None) -> list[NamedQuery]:
    """All named queries in ``directory`` (default :data:`QUERY_DIR`), sorted by name."""
    folder = directory or QUERY_DIR
    if not folder.is_dir():
        raise UsageError(f"no query library at {folder}; set KG_QUERIES to the queries/ folder")
    queries = [parse_query(p.read_text(encoding="utf-8"), path=p) for p in folder.glob("*.rq")]
    return sorted(queries, key=lambda q: q.name)


def find_query(name_or_file: str, *, directory: Path | None = None) -> NamedQuery:
    """A query by library name, or from a ``.rq``/``.sparql`` file path.

    Raises:
        UsageError: neither a query of the library nor a readable file.
    """
    path = Path(name_or_file)
    if path.suffix in (".rq", ".sparql") and path.is_file():
        return parse_query(path.read_text(encoding="utf-8"), path=path)
    queries = library(directory)
    for query in queries:
        if query.name == name_or_file:
            return query
    names = ", ".join(q.name for q in queries)
    raise UsageError(
        f"no query named '{name_or_file}' and no such .rq file; the library has: {names}"
    )


def query_form(text: str) -> str:
    """The form of a query: SELECT, ASK, CONSTRUCT or DESCRIBE.

    >>> query_form('PREFIX a: <http://x/select#> # ASK\\nCONSTRUCT { ?s ?p "SELECT" } WHERE {}')
    'CONSTRUCT'
    """
    match = _FORMS.search(_NOISE.sub(" ", text))
    if not match:
        raise UsageError("not a SPARQL query: no SELECT, ASK, CONSTRUCT or DESCRIBE")
    return match.group(1).upper()


def run_select(
    store: Store, query: NamedQuery, values: Mapping[str, str] | None = None
) -> SelectResult:
    """Run a named SELECT query on any store with its parameters bound."""
    return store.select(query.text, bindings=query.bind(values or {}))
