"""The README stays true: its set-up commands, the CI script and every CLI command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import COMMANDS, cli

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text()


def code_blocks() -> list[str]:
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", README, re.S)]


def test_readme_starts_with_the_two_setup_commands() -> None:
    first, second = code_blocks()[:2]
    assert README.index(first) < README.index("## ")
    assert "kg build examples/facts --out build/kg" in first and "kg serve build/kg" in first
    assert "pip install -e ." in first
    assert second == "scripts/test"


def test_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text()
    commands = [
        line for line in ci.splitlines() if line and not line.startswith(("#", "set ", "cd "))
    ]
    assert commands == [f"exec {code_blocks()[1]}"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help_and_is_documented(name: str) -> None:
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert len(result.output.splitlines()) > 3
    documented = README + "".join(p.read_text() for p in (REPO / "docs").glob("*.md"))
    assert f"kg {name}" in documented, f"kg {name} is not documented in README.md or docs/"


def test_exit_codes_are_documented() -> None:
    assert "**0** success" in README and "**1** the data does not conform" in README
    help_text = CliRunner().invoke(cli, ["--help"]).output
    assert "Exit codes: 0" in help_text
