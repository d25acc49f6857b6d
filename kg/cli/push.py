"""``kg push``: load a built dataset into Fuseki, one Graph Store Protocol PUT per graph."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from kg.cli.options import (
    ProgressPrinter,
    progress_option,
    progress_printer,
    time_limit,
    time_limit_option,
)
from kg.push import DEFAULT_BATCH_SIZE, DEFAULT_RETRIES, PushProgress, push
from kg.store.fuseki import DEFAULT_TIMEOUT, FusekiStore

__all__ = ["command"]


def _progress(printer: ProgressPrinter | None) -> Callable[[PushProgress], None] | None:
    """Push steps drawn as the "push" stage (graphs sent of graphs to send)."""
    if printer is None:
        return None

    def update(event: PushProgress) -> None:
        if event.action == "put":
            printer("push", event.done, event.total)

    return update


@click.command("push")
@click.argument("dataset_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--endpoint",
    required=True,
    envvar="KG_ENDPOINT",
    metavar="URL",
    help="The Fuseki dataset URL, e.g. http://127.0.0.1:3030/kg (env KG_ENDPOINT).",
)
@click.option("--user", envvar="KG_USER", help="HTTP basic auth user (env KG_USER).")
@click.option(
    "--password", envvar="KG_PASSWORD", help="HTTP basic auth password (env KG_PASSWORD)."
)
@click.option(
    "--only-changed",
    is_flag=True,
    help="Send only graphs whose content hash recorded on the server differs.",
)
@click.option(
    "--prune",
    is_flag=True,
    help="Delete the graphs an earlier kg push sent that are no longer in the dataset "
    "(graphs kg never pushed are left alone).",
)
@click.option(
    "--batch-size",
    type=click.IntRange(min=1),
    default=DEFAULT_BATCH_SIZE,
    show_default=True,
    help="Graphs sent between two updates of the push metadata on the server.",
)
@click.option(
    "--retries",
    type=click.IntRange(min=0),
    default=DEFAULT_RETRIES,
    show_default=True,
    help="Retries, with exponential back-off, on connection errors, timeouts and 5xx.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=DEFAULT_TIMEOUT,
    show_default=True,
    help="Seconds to wait for the server on each request.",
)
@progress_option
@time_limit_option
def command(
    dataset_dir: Path,
    endpoint: str,
    user: str | None,
    password: str | None,
    only_changed: bool,
    prune: bool,
    batch_size: int,
    retries: int,
    timeout: float,
    progress: bool | None,
    limit: float | None,
) -> None:
    """Load the dataset in DATASET_DIR (written by kg build) into a Fuseki dataset.

    Each named graph is replaced whole with one HTTP PUT, so running it again never
    duplicates anything; at the end the triple count of every graph on the server is
    checked. Graphs pushed earlier that the dataset no longer has are reported, and deleted
    with --prune. Exit code 2 if the server is down, refuses the credentials or ends up with
    other counts.
    """
    store = FusekiStore(endpoint, user=user, password=password, timeout=timeout)
    try:
        with (
            progress_printer("kg push", progress) as printer,
            time_limit(
                limit,
                "kg push",
                "the graphs sent so far are on the server; run it again with --only-changed "
                "to send the rest",
            ),
        ):
            report = push(
                dataset_dir,
                store,
                only_changed=only_changed,
                prune=prune,
                batch_size=batch_size,
                retries=retries,
                progress=_progress(printer),
            )
    finally:
        store.close()
    click.echo(report.summary())
