"""Every named rule of the extractor is exercised by a test of our own.

The extraction stages name each decision with a :class:`kg.extract.trace.Step`
(``Step("sender:the-forces-it-is-made-of", ...)``). While the tests of this directory run,
every rule name a step is made with is recorded; when all of them ran and passed (no
``-k``, ``-m``, ``-x`` stop or failure cut the run short), the session fails if a rule
named in ``kg/extract`` made no step in any test, and names the rules. A rule whose name is
an f-string (``f"cause:{label}"``) counts as made when a step's name fits it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import kg.extract
from kg.extract.trace import Step

HERE = Path(__file__).resolve().parent
SOURCE = Path(kg.extract.__file__).resolve().parent

_made: set[str] = set()
_passed: set[str] = set()


def named_rules(root: Path = SOURCE) -> dict[str, re.Pattern[str]]:
    """The rule names the code under ``root`` makes steps with, each with the pattern its
    made names fit (an f-string's fields match any text)."""
    rules: dict[str, re.Pattern[str]] = {}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and _called(node) == "Step"):
                continue
            first = node.args[0] if node.args else None
            first = next((k.value for k in node.keywords if k.arg == "rule"), first)
            for name, pattern in _literal(first):
                rules[name] = re.compile(pattern)
    return rules


def _called(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def _literal(node: ast.expr | None) -> Iterator[tuple[str, str]]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value, re.escape(node.value)
    elif isinstance(node, ast.JoinedStr):
        name, pattern = "", ""
        for part in node.values:
            if isinstance(part, ast.Constant):
                name += str(part.value)
                pattern += re.escape(str(part.value))
            else:
                name += "{…}"
                pattern += ".+"
        yield name, pattern


@pytest.fixture(autouse=True, scope="session")
def _record_rule_names() -> Iterator[None]:
    made = Step.__init__

    def recording(self: Step, rule: str, start: int, end: int) -> None:
        _made.add(rule)
        made(self, rule, start, end)

    Step.__init__ = recording  # type: ignore[method-assign]
    try:
        yield
    finally:
        Step.__init__ = made  # type: ignore[method-assign]


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call" and report.passed:
        _passed.add(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    ours = [item for item in session.items if HERE in Path(item.path).parents]
    options = session.config.option
    whole = (
        exitstatus == pytest.ExitCode.OK
        and not getattr(options, "keyword", "")
        and not getattr(options, "markexpr", "")
        and {item.path for item in ours} == set(HERE.glob("test_*.py"))
        and all(item.nodeid in _passed for item in ours)
    )
    if not whole:
        return  # a part of the tests ran: they need not exercise every rule
    missing = [
        name
        for name, pattern in sorted(named_rules().items())
        if not any(pattern.fullmatch(made) for made in _made)
    ]
    if missing:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line(
                f"\n{len(missing)} named rules of kg/extract made no step in tests/extract "
                "(each needs a test on sentences of our own): " + ", ".join(missing),
                red=True,
            )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
