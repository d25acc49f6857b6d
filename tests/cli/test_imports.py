"""What the command line imports before it runs anything: ``kg --help`` and the help of
the commands that need no RDF library load none (``bench/bench_cli_startup.py`` times them).

Each probe runs in a fresh interpreter, so modules imported by other tests do not count.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("rdflib", "pyshacl", "pyoxigraph", "owlready2", "starlette", "uvicorn", "SPARQLWrapper")


def imported_by(code: str) -> list[str]:
    """The heavy libraries that running ``code`` in a fresh interpreter imports."""
    probe = (
        f"import json, sys\n{code}\n"
        f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    names: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return names


@pytest.mark.parametrize(
    "code",
    [
        "import kg.cli",
        "import kg, kg.errors",
        "import kg.rdf, kg.rdf.namespaces, kg.rdf.formats",
        "import kg.store, kg.store.base, kg.queries",
    ],
)
def test_importing_the_light_modules_loads_no_heavy_library(code: str) -> None:
    assert imported_by(code) == []


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["query", "--help"],
        ["serve", "--help"],
        ["build", "--help"],
        ["validate", "--help"],
    ],
)
def test_help_loads_no_heavy_library(argv: list[str]) -> None:
    code = f"from kg.cli import main\nassert main({argv!r}) == 0"
    assert imported_by(code) == []


def test_the_probe_sees_a_heavy_import() -> None:
    """The probe itself works: importing the vocabulary does load rdflib."""
    assert imported_by("import kg.rdf.vocab") == ["rdflib"]
