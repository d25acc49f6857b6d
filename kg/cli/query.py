"""``kg query``: run a named query (or a .rq file) on the embedded store or a SPARQL endpoint."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click

from kg.errors import UsageError
from kg.queries import NamedQuery, find_query, library, query_form
from kg.rdf.formats import ResultFormat
from kg.rdf.namespaces import PREFIXES
from kg.rdf.results import serialize_ask, serialize_select
from kg.store.base import SelectResult, Store, Term

DEFAULT_DATASET = Path("build/kg")
_FORMATS = ["table", *(f.label for f in ResultFormat if f is not ResultFormat.XML)]
_CELL = 60
_SHORTENED = ("kgo", "schema", "xsd")
"""The prefixes of :data:`~kg.rdf.namespaces.PREFIXES` with which the table shortens IRIs."""


def open_store(
    dataset: Path | None,
    endpoint: str | None,
    user: str | None,
    password: str | None,
    timeout: float,
) -> Store:
    """The embedded store of ``dataset`` (read-only), or a remote SPARQL endpoint."""
    if endpoint:
        if dataset is not None:
            raise UsageError("give either --dataset or --endpoint, not both")
        from kg.store.fuseki import FusekiStore

        return FusekiStore(endpoint, user=user, password=password, timeout=timeout)
    from kg.store.embedded import EmbeddedStore

    folder = dataset or DEFAULT_DATASET
    if not (folder / "store").is_dir():
        raise UsageError(
            f"no dataset store in {folder}/store: run 'kg build FACTS --out {folder}' "
            "or give --dataset DIR or --endpoint URL"
        )
    return EmbeddedStore(folder / "store", read_only=True)


def _cell(term: Term | None) -> str:
    if term is None:
        return ""
    value = term.value
    if term.kind == "iri":
        for prefix in _SHORTENED:
            namespace = PREFIXES[prefix]
            if value.startswith(namespace):
                value = f"{prefix}:{value[len(namespace) :]}"
    value = " ".join(value.split())
    return value if len(value) <= _CELL else value[: _CELL - 1] + "…"


def format_table(result: SelectResult, width: int | None = None) -> str:
    """The solutions as an aligned text table, long values shortened; with ``width``, the
    widest columns are narrowed (their values cut with "…") until the table fits, so a
    wide query stays readable in a terminal (``--format csv|tsv|json`` give full values)."""
    names = list(result.variables)
    rows = [[_cell(row.get(v)) for v in names] for row in result.rows]
    widths = [max([len(v), *(len(r[i]) for r in rows)]) for i, v in enumerate(names)]
    if width is not None:
        _fit(widths, names, width)
    lines = ["  ".join(_cut(v, w).ljust(w) for v, w in zip(names, widths, strict=True))]
    lines.append("  ".join("-" * w for w in widths))
    lines += [
        "  ".join(_cut(c, w).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
        for r in rows
    ]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


#: A column is never narrowed below its header, nor below this many characters (a long
#: header may be cut down to it).
_NARROWEST = 6
_HEADER = 16


def _fit(widths: list[int], names: list[str], limit: int) -> None:
    """Narrow the widest columns, one character at a time, until the row fits ``limit``."""
    floors = [max(_NARROWEST, min(len(n), _HEADER)) for n in names]
    while sum(widths) + 2 * (len(widths) - 1) > limit:
        narrowable = [k for k in range(len(widths)) if widths[k] > floors[k]]
        if not narrowable:
            return  # as narrow as it gets: the terminal wraps the rest
        i = max(narrowable, key=lambda k: widths[k])
        widths[i] -= 1


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _list(queries: list[NamedQuery]) -> str:
    out = []
    for q in queries:
        out.append(f"{q.name}\n    {q.description}")
        for p in q.params:
            flag = "" if p.required and p.default is None else " (optional)"
            if p.default is not None:
                flag = f" (default {p.default})"
            out.append(f"    --param {p.name}=<{p.type.value}>{flag}: {p.description}")
    return "\n".join(out)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise UsageError(f"write parameters as --param NAME=VALUE, got {pair!r}")
        values[name.strip()] = value
    return values


@click.command("query")
@click.argument("name_or_file", required=False)
@click.option(
    "--param",
    "-p",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a query parameter (repeatable).",
)
@click.option(
    "--dataset",
    "-d",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    envvar="KG_DATASET",
    help=f"Dataset directory written by kg build (default {DEFAULT_DATASET}; env KG_DATASET).",
)
@click.option(
    "--endpoint",
    "-e",
    default=None,
    envvar="KG_ENDPOINT",
    help="Query a SPARQL endpoint (Fuseki dataset URL or kg serve) instead (env KG_ENDPOINT).",
)
@click.option("--user", default=None, help="HTTP user for --endpoint.")
@click.option(
    "--password",
    default=None,
    envvar="KG_PASSWORD",
    help="HTTP password for --endpoint (env KG_PASSWORD).",
)
@click.option(
    "--timeout", type=float, default=60.0, show_default=True, help="Seconds to wait for --endpoint."
)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(_FORMATS),
    default="table",
    show_default=True,
    help="Output format of SELECT results.",
)
@click.option(
    "--list", "list_queries", is_flag=True, help="List the named queries and their parameters."
)
def command(
    name_or_file: str | None,
    params: tuple[str, ...],
    dataset: Path | None,
    endpoint: str | None,
    user: str | None,
    password: str | None,
    timeout: float,
    fmt: str,
    list_queries: bool,
) -> int:
    """Run NAME_OR_FILE, a query of the library (see --list) or a .rq file.

    Runs on the embedded store of the dataset in build/kg (or --dataset DIR, opened
    read-only) or on a SPARQL endpoint (--endpoint URL). Parameters are bound as typed RDF
    terms, never pasted into the query text:

        kg query timeline --param actor=https://example.org/kg/id/organization/csto
    """
    if list_queries:
        click.echo(_list(library()))
        return 0
    if not name_or_file:
        raise UsageError("give a query name or .rq file (kg query --list shows the library)")
    query = find_query(name_or_file)
    bindings = query.bind(_parse_params(params))
    store = open_store(dataset, endpoint, user, password, timeout)
    try:
        form = query_form(query.text)
        if form == "ASK":
            answer = store.ask(query.text, bindings=bindings)
            if fmt == "table":
                click.echo("true" if answer else "false")
            else:
                click.echo(serialize_ask(answer, ResultFormat.from_label(fmt)).decode(), nl=False)
        elif form in ("CONSTRUCT", "DESCRIBE"):
            click.echo(store.construct(query.text, bindings=bindings), nl=False)
        else:
            result = store.select(query.text, bindings=bindings)
            if fmt == "table":
                click.echo(format_table(result, shutil.get_terminal_size((120, 24)).columns))
            elif fmt == "json":
                click.echo(
                    json.dumps(
                        json.loads(serialize_select(result, ResultFormat.JSON)),
                        indent=1,
                        ensure_ascii=False,
                    )
                )
            else:
                click.echo(
                    serialize_select(result, ResultFormat.from_label(fmt)).decode(), nl=False
                )
    finally:
        store.close()
    return 0
