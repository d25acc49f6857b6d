"""``kg validate``: SHACL validation of facts files, for people and for CI."""

from __future__ import annotations

from pathlib import Path

import click

from kg.api import validate_facts
from kg.cli.options import base_option, batch_option, engine_option, facts_arguments, jobs_option


@click.command("validate")
@facts_arguments
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "junit"]),
    default="text",
    show_default=True,
    help="Report format: text for people, json or junit (XML) for CI.",
)
@click.option("--output", type=click.Path(path_type=Path), help="Write the report to this file.")
@base_option
@jobs_option
@batch_option
@engine_option
def command(
    facts: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    base: str,
    jobs: int | None,
    batch_size: int,
    engine: str,
) -> int:
    """Check FACTS files against the shapes; exit 1 if any violates them.

    Each violation names the article, the facts file and line of the fact, the node,
    the property and what is wrong.
    """
    report = validate_facts(facts, base=base, jobs=jobs, batch_size=batch_size, engine=engine)
    text = {"text": report.to_text, "json": report.to_json, "junit": report.to_junit}[fmt]()
    if output:
        output.write_text(text + ("" if text.endswith("\n") else "\n"), encoding="utf-8")
    else:
        click.echo(text)
    return 0 if report.conforms else 1
