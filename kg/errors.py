"""The one exception tree of kg.

Library code raises these; only the CLI turns them into messages and exit codes.

::

    KgError                      every error kg raises on purpose (exit code 2)
    ├── UsageError               a wrong option, a missing file, an unknown query name
    ├── InputError               a file that cannot be read or parsed
    │   ├── FactsError           one or more problems in a facts file (``problems``)
    │   └── ArticleError         an article that cannot be read (encoding, size, header)
    ├── DataError                data that is well-formed but unusable (duplicate IRIs, bad RDF)
    ├── StoreError               the embedded store or a remote endpoint failed
    │   ├── EndpointError        a remote endpoint is down, refused us or timed out
    │   ├── OutdatedStoreError   a store written by an older kg, without its default graph
    │   └── QueryError           a SPARQL query was rejected (syntax, unknown parameter)
    ├── ReasonerError            the OWL reasoner could not run (no Java, crash)
    ├── BuildError               a build failed half way; the previous output is intact
    └── TimeLimitError           a command reached its --time-limit (exit code 124)

Non-conformance (SHACL violations, OWL inconsistency) is not an exception: it is a
report with ``conforms=False`` and exit code 1.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "ArticleError",
    "BuildError",
    "DataError",
    "EndpointError",
    "FactsError",
    "InputError",
    "KgError",
    "OutdatedStoreError",
    "Problem",
    "QueryError",
    "ReasonerError",
    "StoreError",
    "TimeLimitError",
    "UsageError",
]


class KgError(Exception):
    """Base of every error kg raises on purpose."""

    exit_code = 2


class UsageError(KgError):
    """The command was called wrongly (bad option, unknown name, missing file)."""


@dataclass(frozen=True)
class Problem:
    """One problem at a place in a file: ``path:line:column: message``.

    >>> str(Problem(Path("a.yaml"), 3, 7, "troops must be a whole number"))
    'a.yaml:3:7: troops must be a whole number'
    """

    path: Path | None
    line: int | None
    column: int | None
    message: str

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "<input>"
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class InputError(KgError):
    """A file that cannot be read or parsed.

    Args:
        message: what is wrong and how to fix it.
        path: the file.
        line: 1-based line, when known.
        column: 1-based column, when known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: Path | str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column
        self.message = message
        super().__init__(str(Problem(self.path, line, column, message)))


class FactsError(InputError):
    """A facts file with one or more problems, all reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("FactsError needs at least one problem")
        self.problems = problems
        first = problems[0]
        super().__init__(first.message, path=first.path, line=first.line, column=first.column)
        self.args = ("\n".join(str(p) for p in problems),)

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class ArticleError(InputError):
    """An article that cannot be read (encoding, size, header)."""


class DataError(KgError):
    """Data that parses but cannot be used (conflicting IRIs, malformed RDF)."""


class StoreError(KgError):
    """The embedded store or a remote endpoint failed."""


class EndpointError(StoreError):
    """A remote endpoint is unreachable, refused the request or timed out.

    Args:
        message: one line naming the endpoint and what happened.
        transient: trying again later may help (connection refused, timeout, 5xx).
    """

    def __init__(self, message: str, *, transient: bool = False) -> None:
        super().__init__(message)
        self.transient = transient


class OutdatedStoreError(StoreError):
    """A store written by an older kg: named graphs, but not the default graph (their merge)
    that queries read, so every query would answer nothing.

    Args:
        path: the store's directory (``DATASET/store``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path}: this store was written by an older kg and lacks the default graph (the "
            "merge of its named graphs) that queries read, so they would answer nothing; "
            f"rebuild the dataset with 'kg build FACTS --out {path.parent}'"
        )


class QueryError(StoreError):
    """A SPARQL query or update was rejected (syntax, unbound parameter)."""


class ReasonerError(KgError):
    """The OWL reasoner could not be run (Java missing, reasoner crash)."""


class BuildError(KgError):
    """A build failed; the previous dataset was left as it was."""


class TimeLimitError(KgError):
    """A command ran longer than its ``--time-limit``; its output was left as it was.

    Exit code 124, as ``timeout(1)`` uses, so scripts can tell it from bad input."""

    exit_code = 124
