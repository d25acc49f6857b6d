"""``kg serve``: the SPARQL endpoint, linked-data pages and query page over a built dataset."""

from __future__ import annotations

import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.errors import UsageError
from kg.serve.settings import SETTINGS, Settings

DEFAULT_DATASET = Path("build/kg")


def _settings_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """One click option per row of the settings table (kg.serve.settings.SETTINGS)."""
    for setting in reversed(SETTINGS):
        default = f" [default: {setting.default}]" if setting.default is not None else ""
        function = click.option(
            setting.option,
            setting.name,
            type=setting.type,
            default=None,
            envvar=setting.env,
            help=f"{setting.help}{default} (env {setting.env})",
        )(function)
    return function


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP named: asyncio then turns Nagle's algorithm off on accepted connections;
    # without it every request after the first on a kept-alive connection waits ~40 ms
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(
            f"cannot listen on {host}:{port}: {exc.strerror}; choose another --port"
        ) from None
    sock.listen(128)
    return sock


@click.command("serve")
@click.argument("dataset", required=False, type=click.Path(path_type=Path, file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port (0: any free port).",
)
@_settings_options
def command(dataset: Path | None, host: str, port: int, **values: Any) -> int:
    """Serve DATASET (default build/kg, as written by kg build) over HTTP.

    SPARQL 1.1 Protocol at /sparql, Graph Store Protocol at /rdf-graph-store, linked-data
    pages for every IRI under the base, VoID at /.well-known/void, dumps at /dumps/FILE
    and a query page at /. Read-only unless --update-token-env names an environment
    variable holding a token, which clients then send as 'Authorization: Bearer TOKEN'.
    """
    import uvicorn

    from kg.serve.app import create_app

    settings = Settings.create(dataset or DEFAULT_DATASET, **values)
    app = create_app(settings)
    sock = _bind(host, port)
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    url = f"http://{shown}:{bound}/"
    base = app.state.backend.base
    mode = "read-write (updates need the token)" if settings.token else "read-only"
    click.echo(f"kg: serving {settings.dataset} on {url} ({mode}); SPARQL endpoint {url}sparql")
    if not base.startswith(url):
        click.echo(f"kg: IRIs under {base} are served at {url} (e.g. {url}id/...)")
    config = uvicorn.Config(
        app, log_level="warning", access_log=False, limit_concurrency=settings.max_connections
    )
    server = uvicorn.Server(config)
    server.run(sockets=[sock])
    return 0
