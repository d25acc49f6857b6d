"""The settings of ``kg serve``, declared once: the table drives CLI options, env and docs.

Every setting can be given as ``--NAME`` (underscores as dashes) or as the environment
variable ``KG_SERVE_NAME``. The update token itself is never an option: ``--update-token-env``
names the environment variable that holds it, so it does not show in ``ps`` or shell history.

>>> [s.option for s in SETTINGS][:3]
['--timeout', '--max-rows', '--max-request-bytes']
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import UsageError

__all__ = ["SETTINGS", "Setting", "Settings"]


@dataclass(frozen=True)
class Setting:
    """One setting: name, type, default and the help text shown by ``kg serve --help``."""

    name: str
    type: type
    default: Any
    help: str

    @property
    def option(self) -> str:
        """The command-line option."""
        return "--" + self.name.replace("_", "-")

    @property
    def env(self) -> str:
        """The environment variable."""
        return "KG_SERVE_" + self.name.upper()


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "timeout",
        float,
        30.0,
        "Seconds a query or an update may run (waiting included); one "
        "running longer is stopped and answered with 503 (a stopped update changes nothing).",
    ),
    Setting(
        "max_rows",
        int,
        10000,
        "Most solutions (or triples) in an answer; longer answers "
        "are cut and marked with the header X-KG-Truncated: true.",
    ),
    Setting(
        "max_request_bytes",
        int,
        1_000_000,
        "Largest request body or query string; larger requests get 413.",
    ),
    Setting("workers", int, 2, "Query worker processes, i.e. queries answered at once."),
    Setting(
        "extra_workers",
        int,
        2,
        "Spare worker processes that answer only queries that found no worker free within "
        "0.3 s, so that slow queries cannot hold the others back; 0 makes queries wait. "
        "Each may use --max-query-memory.",
    ),
    Setting(
        "preempt_after",
        float,
        0.5,
        "Seconds a client's SPARQL query may run while other requests wait for a worker; "
        "past it the query is stopped (503) to let them run, so long queries run only while "
        "the server is not busy. Pages and named queries are never stopped this way.",
    ),
    Setting(
        "refuse_repeats_for",
        float,
        60.0,
        "Seconds a client's query that overran --timeout or --max-query-memory is refused "
        "(503 with Retry-After) when sent again unchanged; 0 runs it again.",
    ),
    Setting(
        "max_query_memory",
        int,
        2048,
        "Megabytes of memory one query (or update) may use; one that needs more is stopped "
        "and answered with 503, and its worker replaced.",
    ),
    Setting(
        "answer_cache_mb",
        int,
        64,
        "Megabytes of recent answers (pages, named queries, dumps up to 1 MB) the server "
        "keeps to answer the same request again without running it, until the dataset "
        "changes; 0 keeps none.",
    ),
    Setting(
        "max_connections",
        int,
        1000,
        "Most connections open at once, idle and slow ones included; beyond it requests "
        "get 503, so clients that hold connections open cannot exhaust the server.",
    ),
    Setting(
        "allow_load",
        bool,
        False,
        "Let updates LOAD data from URLs and run SERVICE clauses; the server then fetches "
        "any URL a token holder names, so it is off by default.",
    ),
    Setting(
        "base",
        str,
        None,
        "IRI base of the served data, mapped onto this server's root "
        "(default: the base in the dataset's manifest.json).",
    ),
    Setting(
        "cors_origins",
        str,
        "*",
        "Comma-separated origins allowed to call the endpoint "
        "from a browser ('*' for any, '' for none).",
    ),
    Setting(
        "update_token_env",
        str,
        None,
        "Name of the environment variable holding the "
        "update token; without it the server is read-only.",
    ),
)


@dataclass(frozen=True)
class Settings:
    """Resolved settings of one server (the token is read from its environment variable)."""

    dataset: Path
    timeout: float = 30.0
    max_rows: int = 10000
    max_request_bytes: int = 1_000_000
    workers: int = 2
    extra_workers: int = 2
    preempt_after: float = 0.5
    refuse_repeats_for: float = 60.0
    max_query_memory: int = 2048
    answer_cache_mb: int = 64
    max_connections: int = 1000
    allow_load: bool = False
    base: str | None = None
    cors_origins: str = "*"
    update_token_env: str | None = None
    token: str | None = field(default=None, repr=False)

    @classmethod
    def create(cls, dataset: Path, **values: Any) -> Settings:
        """Settings from option values (None = default); checks them and reads the token."""
        given = {k: v for k, v in values.items() if v is not None}
        unknown = set(given) - {s.name for s in SETTINGS}
        if unknown:
            raise UsageError(f"unknown settings: {', '.join(sorted(unknown))}")
        settings = cls(dataset=dataset, **given)
        if min(settings.timeout, settings.max_rows, settings.workers) <= 0:
            raise UsageError("--timeout, --max-rows and --workers must be positive")
        if settings.preempt_after <= 0 or settings.refuse_repeats_for < 0:
            raise UsageError("--preempt-after must be positive and --refuse-repeats-for 0 or more")
        if settings.extra_workers < 0 or settings.answer_cache_mb < 0:
            raise UsageError("--extra-workers and --answer-cache-mb must be 0 or more")
        if settings.max_connections <= settings.workers:
            raise UsageError("--max-connections must be more than --workers")
        if settings.max_query_memory < 256:
            raise UsageError("--max-query-memory must be at least 256 (megabytes)")
        if settings.max_request_bytes < 1024:
            raise UsageError("--max-request-bytes must be at least 1024")
        if settings.update_token_env:
            token = os.environ.get(settings.update_token_env, "")
            if len(token) < 16:
                raise UsageError(
                    f"--update-token-env {settings.update_token_env}: that environment variable "
                    "must hold a token of at least 16 characters (e.g. from `openssl rand -hex 24`)"
                )
            settings = cls(**{**settings.__dict__, "token": token})
        return settings

    @property
    def origins(self) -> list[str]:
        """The CORS origins as a list."""
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]
