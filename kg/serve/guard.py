"""Checks a request's SPARQL text must pass before any process parses it.

pyoxigraph's parser recurses once per nesting level and overflows its stack (a crash of the
whole process, not an exception) somewhere between 1,000 and 3,000 levels of ``{`` or
sub-selects, and SERVICE would make the server fetch any URL. Both are refused here, on
the text, with a message for the client.
"""

from __future__ import annotations

import re

__all__ = ["MAX_NESTING", "fetches_urls", "nesting_problem", "uses_service"]

MAX_NESTING = 200
"""Most brackets open at once, and longest run of prefix operators (``!``, ``^``, signs)."""

# What the SPARQL grammar reads as one token that may hide a keyword or a bracket: strings,
# IRIs, comments. Code point escapes are undone first, as the SPARQL parser does.
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*"
)
_SERVICE = re.compile(r"(?<![\w:?$.-])SERVICE(?![\w:-])", re.IGNORECASE)
_LOAD = re.compile(r"(?<![\w:?$.-])LOAD(?![\w:-])", re.IGNORECASE)
_PREFIX_RUN = re.compile(r"(?:[!^+\-]\s*){" + str(MAX_NESTING + 1) + ",}")
_OPEN, _CLOSE = frozenset("{(["), frozenset("})]")


def _plain(text: str) -> str:
    """The text with escapes undone and strings, IRIs and comments blanked out."""
    return _OPAQUE.sub(" ", _ESCAPE.sub(_unescape, text))


def _unescape(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF else match.group(0)


def uses_service(query: str) -> bool:
    """Whether a query has a SERVICE clause (which would make this server fetch any URL).

    >>> uses_service("SELECT * { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service a "SERVICE" } # SERVICE')
    False
    >>> uses_service("SELECT * { \\u0053ERVICE <http://10.0.0.1/> { ?s ?p ?o } }")
    True
    """
    return _SERVICE.search(_plain(query)) is not None


def fetches_urls(update: str) -> bool:
    """Whether an update would make the server fetch URLs (LOAD, or SERVICE in its WHERE).

    >>> fetches_urls("LOAD <http://127.0.0.1:8080/x> INTO GRAPH <urn:g>")
    True
    >>> fetches_urls('INSERT DATA { <urn:a> <urn:b> "LOAD" }')
    False
    """
    plain = _plain(update)
    return _LOAD.search(plain) is not None or _SERVICE.search(plain) is not None


def nesting_problem(text: str) -> str | None:
    """Why ``text`` nests too deeply for the parser, or None when it does not.

    >>> nesting_problem("ASK { { ?s ?p ?o } }") is None
    True
    >>> nesting_problem("ASK " + "{" * 5000 + "}" * 5000)[:39]
    'the query nests 5000 brackets deep; thi'
    >>> nesting_problem("ASK { FILTER(" + "!" * 300 + "true) }")[:38]
    'the query has 300 prefix operators in '
    """
    plain = _plain(text)
    depth = deepest = 0
    for char in plain:
        if char in _OPEN:
            depth += 1
            deepest = max(deepest, depth)
        elif char in _CLOSE:
            depth -= 1
    if deepest > MAX_NESTING:
        return (
            f"the query nests {deepest} brackets deep; this server parses at most "
            f"{MAX_NESTING} levels: flatten it"
        )
    run = _PREFIX_RUN.search(plain)
    if run is not None:
        count = sum(1 for c in run.group(0) if not c.isspace())
        return (
            f"the query has {count} prefix operators in a row; this server parses at most "
            f"{MAX_NESTING}: simplify the expression"
        )
    return None
