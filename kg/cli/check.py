"""``kg check``: OWL consistency of the ontology plus data, with HermiT."""

from __future__ import annotations

from pathlib import Path

import click

from kg.errors import UsageError
from kg.owlcheck import check_consistency


@click.command("check")
@click.argument("data", nargs=-1, required=True, type=click.Path(path_type=Path))
def command(data: tuple[Path, ...]) -> int:
    """Reason over the ontology and DATA (a dataset directory or RDF files) with HermiT.

    Exit 1 when the data contradicts the ontology (for example a node that is both a
    Person and an Organization, or a deployment whose sender is a protest), naming the
    individuals to blame. Needs Java 11 or newer on PATH.
    """
    files: list[Path] = []
    for path in data:
        if path.is_dir():
            if not (path / "dataset.nq").exists():
                raise UsageError(
                    f"{path}: not a dataset directory (no dataset.nq); run kg build first"
                )
            files.append(path / "dataset.nq")
        elif path.exists():
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory")
    report = check_consistency(files)
    click.echo(report.to_text())
    return 0 if report.consistent else 1
