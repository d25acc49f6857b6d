"""``kg build``: map, validate, write every format and load the embedded store."""

from __future__ import annotations

from pathlib import Path

import click

from kg.api import DraftsRefused, ValidationFailed, build_dataset
from kg.cli.options import (
    base_option,
    batch_option,
    engine_option,
    facts_arguments,
    jobs_option,
    progress_option,
    progress_printer,
    time_limit,
    time_limit_option,
)


@click.command("build")
@facts_arguments
@click.option(
    "--out",
    "-o",
    type=click.Path(path_type=Path),
    required=True,
    help="Dataset directory to write.",
)
@base_option
@jobs_option
@batch_option
@click.option("--no-store", is_flag=True, help="Do not write the embedded store (files only).")
@click.option(
    "--reviewed-only",
    is_flag=True,
    help="Refuse to build when a facts file is a draft (not marked reviewed): for CI.",
)
@click.option(
    "--discard-server-updates",
    is_flag=True,
    help="Replace OUT even though a running 'kg serve' applied updates to it.",
)
@click.option(
    "--full",
    is_flag=True,
    help="Build every article anew, reusing nothing of the dataset already in OUT.",
)
@engine_option
@progress_option
@time_limit_option
def command(
    facts: tuple[Path, ...],
    out: Path,
    base: str,
    jobs: int | None,
    batch_size: int,
    no_store: bool,
    reviewed_only: bool,
    discard_server_updates: bool,
    full: bool,
    engine: str,
    progress: bool | None,
    limit: float | None,
) -> int:
    """Build the dataset in OUT from FACTS files (or directories of them).

    Maps every facts file to its named graph, validates with SHACL, then writes
    dataset.nq, dataset.trig, dataset.ttl (union), dataset.jsonld, context.jsonld,
    void.ttl, manifest.json and the embedded store OUT/store. With violations nothing is
    written and the exit code is 1; the previous dataset in OUT stays as it was.

    A rebuild of OUT loads, maps and validates only the facts files that changed since the
    last build (build-cache.json), and writes the same bytes as a clean build; when the
    cache cannot be trusted (another kg, other shapes or ontology or base) it says why on
    stderr and builds everything, as --full does.
    """
    try:
        with (
            progress_printer("kg build", progress) as printer,
            time_limit(
                limit,
                "kg build",
                f"{out} stays as it was. Raise the limit, or build fewer facts files",
            ),
        ):
            built = build_dataset(
                facts,
                out=out,
                base=base,
                jobs=jobs,
                batch_size=batch_size,
                store=not no_store,
                reviewed_only=reviewed_only,
                discard_server_updates=discard_server_updates,
                progress=printer,
                full=full,
                engine=engine,
            )
    except ValidationFailed as failed:
        click.echo(failed.report.to_text())
        click.echo(f"kg: {out} was not written: fix the violations above", err=True)
        return 1
    except DraftsRefused as refused:
        for path in refused.drafts:
            click.echo(f"{path}: a draft (review.status is not 'reviewed')", err=True)
        click.echo(f"kg: {refused}", err=True)
        return 1
    if built.reused:
        click.echo(
            f"kg: reused {built.reused} unchanged article(s) of the previous build; "
            f"built {built.articles - built.reused}",
            err=True,
        )
    else:
        reason = built.full_reason or "no facts file is unchanged since the last build"
        click.echo(f"kg: full build: {reason}", err=True)
    click.echo(
        f"built {built.articles} article(s), {built.triples} triples "
        f"in {built.graphs} graphs -> {out}"
    )
    if built.drafts:
        shown = ", ".join(built.drafts[:5]) + (", ..." if len(built.drafts) > 5 else "")
        click.echo(f"{len(built.drafts)} of them are drafts, not reviewed: {shown}")
    return 0
