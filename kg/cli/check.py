"""``kg check``: OWL consistency of the ontology plus data, with HermiT."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli.options import (
    jobs_option,
    progress_option,
    progress_printer,
    time_limit,
    time_limit_option,
)
from kg.errors import UsageError
from kg.owlcheck import DEFAULT_PART_TRIPLES, check_consistency


@click.command("check")
@click.argument("data", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--part-size",
    type=click.IntRange(min=0),
    default=DEFAULT_PART_TRIPLES,
    show_default=True,
    metavar="TRIPLES",
    help="Check a dataset directory in parts of this many triples of article graphs, each "
    "with the shared entity and event graphs (0: whole).",
)
@jobs_option
@progress_option
@time_limit_option
def command(
    data: tuple[Path, ...],
    part_size: int,
    jobs: int | None,
    progress: bool | None,
    limit: float | None,
) -> int:
    """Reason over the ontology and DATA (a dataset directory or RDF files) with HermiT.

    Exit 1 when the data contradicts the ontology (for example a node that is both a
    Person and an Organization, or a deployment whose sender is a protest), naming the
    individuals to blame. Needs Java 11 or newer on PATH. A dataset directory is checked
    in parts (--part-size), several at once (--jobs); the report says how it was cut.
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
    with (
        progress_printer("kg check", progress) as printer,
        time_limit(
            limit, "kg check", "check the dataset in smaller parts (--part-size) or raise the limit"
        ),
    ):
        report = check_consistency(files, part_size=part_size, jobs=jobs, progress=printer)
    click.echo(report.to_text())
    return 0 if report.consistent else 1
