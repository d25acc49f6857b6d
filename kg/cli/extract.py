"""``kg extract``: articles in, draft facts files (or benchmark JSON) out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.extract.batch import OutputFormat, run_batch

__all__ = ["command"]


#: The files a folder given to kg extract is searched for.
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


def _article_files(paths: tuple[Path, ...]) -> tuple[Path, ...]:
    """The files given, and the article files inside the folders given (sorted, hidden
    files left out); a folder with none is a usage error."""
    out: list[Path] = []
    for path in paths:
        if not path.is_dir():
            out.append(path)
            continue
        found = sorted(
            p
            for p in path.rglob("*")
            if p.is_file()
            and p.suffix.lower() in ARTICLE_SUFFIXES
            and not any(part.startswith(".") for part in p.relative_to(path).parts)
        )
        if not found:
            kinds = ", ".join(f"*{s}" for s in ARTICLE_SUFFIXES)
            raise click.UsageError(f"no articles ({kinds}) in {path}")
        out.extend(found)
    return tuple(out)


def _progress(done: int, total: int) -> None:
    click.echo(f"\rextracting {done}/{total}", nl=done == total, err=True)


@click.command("extract")
@click.argument(
    "articles",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Directory for the output files (created if missing).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice([f.value for f in OutputFormat]),
    default="yaml",
    show_default=True,
    help="yaml: reviewable facts files; json: the benchmark shape of score.py.",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes to run in parallel.",
)
@click.option(
    "--authority",
    "authority",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Extra authority file(s) of known entities (YAML).",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also print every fact with the named rules that made it, the text they read and "
    "its learned confidence, and the facts left out for theirs.",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Leave out every fact whose learned confidence is below this (0 keeps all; "
    "higher is surer and fewer). Default: the shipped model's threshold per kind of fact.",
)
def command(
    articles: tuple[Path, ...],
    out_dir: Path,
    fmt: str,
    jobs: int,
    authority: tuple[Path, ...],
    explain: bool,
    min_confidence: float | None,
) -> int:
    """Extract entities, roles, deployments and protests from ARTICLES (.txt, .md, .html,
    .jsonl files, or folders of them).

    Facts files that a person marked reviewed are never overwritten: the command reports
    what it would add or change instead. In a draft file, facts marked 'reviewed: true'
    are kept and the others replaced.
    """
    report = run_batch(
        _article_files(articles),
        out_dir,
        fmt=OutputFormat(fmt),
        jobs=jobs,
        authority_files=authority,
        progress=_progress if sys.stderr.isatty() else None,
        explain=explain,
        min_confidence=min_confidence,
    )
    for text in report.explanations:
        click.echo(text)
    for line in report.lines(out_dir):
        click.echo(line)
    return 2 if report.errors else 0
