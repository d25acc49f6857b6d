"""The ``kg`` command line: a thin shell over the library, one module per command.

Errors are turned into messages and exit codes here, and only here:

- 0: success, or the data conforms;
- 1: the data does not conform (SHACL violations, OWL inconsistency);
- 2: a usage, input or runtime error (the message names the file and line);
- 130: interrupted (SIGINT, Ctrl-C); 143: terminated (SIGTERM). Either way the command stops
  cleanly: worker processes are shut down and a build's temporary directory is removed, so
  the previous dataset stays as it was.
"""

from __future__ import annotations

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

_COMMAND_MODULES = ("build", "check", "extract", "push", "query", "serve", "validate")


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build a knowledge graph of news events (deployments, protests) and serve it over SPARQL.

    Pipeline: kg extract (articles -> facts files) -> kg build (map, validate, write, load)
    -> kg serve / kg query / kg push.

    Exit codes: 0 success or conforming data, 1 data that does not conform,
    2 usage, input or runtime error, 130 interrupted (SIGINT), 143 terminated (SIGTERM).
    """


def _register() -> None:
    import importlib

    for name in _COMMAND_MODULES:
        try:
            module = importlib.import_module(f"kg.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"kg.cli.{name}":
                continue
            raise
        cli.add_command(module.command)


_register()


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
