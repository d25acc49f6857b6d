"""The ``kg`` command line: a thin shell over the library, one module per command.

Errors are turned into messages and exit codes here, and only here:

- 0: success, or the data conforms;
- 1: the data does not conform (SHACL violations, OWL inconsistency);
- 2: a usage, input or runtime error (the message names the file and line);
- 124: the command reached its ``--time-limit`` (:class:`~kg.errors.TimeLimitError`);
- 130: interrupted (SIGINT, Ctrl-C); 143: terminated (SIGTERM). Either way the command stops
  cleanly: worker processes are shut down and a build's temporary directory is removed, so
  the previous dataset stays as it was.
"""

from __future__ import annotations

import importlib
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from kg import __version__
from kg.errors import KgError

__all__ = [
    "COMMANDS",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_TERMINATED",
    "EXIT_VIOLATIONS",
    "cli",
    "main",
]

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_INVALID = 2
EXIT_INTERRUPTED = 128 + signal.SIGINT
EXIT_TERMINATED = 128 + signal.SIGTERM

#: The commands, one module each, with the line ``kg --help`` shows for them: a command's
#: module (and the libraries it needs: rdflib, pyshacl, pyoxigraph) is imported only when
#: that command runs, so ``kg --help`` stays fast. A test keeps each line equal to the
#: first line of the command's own help.
COMMANDS: dict[str, str] = {
    "build": "Build the dataset in OUT from FACTS files (or directories of them).",
    "check": "Reason over the ontology and DATA (a dataset directory or RDF files) with HermiT.",
    "extract": (
        "Extract entities, roles, deployments and protests from ARTICLES (.txt, .md, "
        ".html, .jsonl files, or folders of them)."
    ),
    "push": "Load the dataset in DATASET_DIR (written by kg build) into a Fuseki dataset.",
    "query": "Run NAME_OR_FILE, a query of the library (see --list) or a .rq file.",
    "serve": "Serve DATASET (default build/kg, as written by kg build) over HTTP.",
    "validate": "Check FACTS files against the shapes; exit 1 if any violates them.",
}


class _LazyGroup(click.Group):
    """A group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module = importlib.import_module(f"kg.cli.{cmd_name}")
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, COMMANDS[name]) for name in self.list_commands(ctx)])


@click.group(
    cls=_LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of news events (deployments, protests) and serve it over SPARQL.

    Pipeline: kg extract (articles -> facts files) -> kg build (map, validate, write, load)
    -> kg serve / kg query / kg push.

    Exit codes: 0 success or conforming data, 1 data that does not conform,
    2 usage, input or runtime error, 124 --time-limit reached, 130 interrupted (SIGINT),
    143 terminated (SIGTERM).
    """


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that ``with`` blocks and ``finally`` clean up."""


def _raise_terminated(_signum: int, _frame: Any) -> None:
    raise _Terminated


@contextmanager
def _sigterm_unwinds() -> Iterator[None]:
    """Turn SIGTERM into :class:`_Terminated` while a command runs (the default action would
    kill the process at once, leaving temporary files and orphaned worker processes)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _raise_terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit code (the console script's entry point)."""
    try:
        with _sigterm_unwinds():
            result = cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("kg: interrupted", err=True)
        return EXIT_INTERRUPTED
    except _Terminated:
        click.echo("kg: terminated", err=True)
        return EXIT_TERMINATED
    except click.ClickException as exc:
        exc.show()
        return EXIT_INVALID
    except KgError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        return exc.exit_code
    if isinstance(result, int):
        return result
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
