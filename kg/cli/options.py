"""Options shared by several commands, declared once."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.build import DEFAULT_BATCH_SIZE
from kg.rdf.namespaces import DEFAULT_BASE

F = TypeVar("F", bound=Callable[..., Any])

facts_arguments = click.argument(
    "facts", nargs=-1, required=True, type=click.Path(path_type=Path, exists=False)
)
base_option = click.option(
    "--base",
    default=DEFAULT_BASE,
    show_default=True,
    envvar="KG_BASE",
    help="IRI base under which entities, articles and events are minted (env KG_BASE).",
)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: CPUs).",
)
batch_option = click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Articles validated per SHACL engine call.",
)
engine_option = click.option(
    "--engine",
    type=click.Choice(["compiled", "pyshacl"]),
    default="compiled",
    show_default=True,
    help="SHACL engine: compiled (the shapes compiled to fast checks) or pyshacl (the "
    "reference engine, about ten times slower); both report the same violations.",
)


def progress_printer(label: str) -> Callable[[int, int], None] | None:
    """A progress line on stderr when it is a terminal, else nothing."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        click.echo(f"\r{label}: {done}/{total}", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show
