"""Binding query parameters as RDF terms: a VALUES block at the start of the WHERE group.

Both stores bind parameters this way, so a named query means the same on each. Values are
written with :meth:`~kg.store.base.Term.n3`, which escapes them: a parameter can never
change the shape of the query (``"} ; DROP ALL ; #`` stays a string).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kg.errors import QueryError
from kg.store.base import Term

__all__ = ["bind_values", "scan"]

_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


def scan(query: str) -> list[tuple[int, str]]:
    """Positions of the structural characters ``{``, ``}`` and keyword starts outside
    strings, IRIs and comments, as (offset, text)."""
    out: list[tuple[int, str]] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
        elif c in "\"'":
            quote = c * 3 if query.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            i = j + len(quote)
        elif c == "<" and (m := _IRIREF.match(query, i)):
            i = m.end()
        elif c in "{}":
            out.append((i, c))
            i += 1
        elif c.isalpha() and (i == 0 or not (query[i - 1].isalnum() or query[i - 1] in "_:?$")):
            j = i
            while j < n and (query[j].isalnum() or query[j] in "_-"):
                j += 1
            out.append((i, query[i:j].upper()))
            i = j
        else:
            i += 1
    return out


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """``query`` with ``bindings`` joined in as a VALUES block at the start of its WHERE.

    Each value is written with :meth:`Term.n3`, which escapes it, so a value can never
    change the shape of the query.

    >>> bind_values("SELECT ?s WHERE { ?s ?p ?o }", {"o": Term.literal('"} ; DROP ALL ; #')})
    'SELECT ?s WHERE { VALUES (?o) { ("\\\\"} ; DROP ALL ; #") } ?s ?p ?o }'
    """
    if not bindings:
        return query
    for name in bindings:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise QueryError(f"invalid parameter name {name!r}")
    tokens = scan(query)
    form = next((t for _, t in tokens if t in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")), None)
    braces = [(pos, t) for pos, t in tokens if t in "{}" and len(t) == 1]
    skip = 0
    if form == "CONSTRUCT":
        words = [t for _, t in tokens]
        idx = words.index("CONSTRUCT")
        if idx + 1 < len(words) and words[idx + 1] == "{":
            skip = 1  # the template comes before the WHERE group
    depth, groups = 0, []
    for pos, t in braces:
        if t == "{":
            if depth == 0:
                groups.append(pos)
            depth += 1
        else:
            depth -= 1
    if len(groups) <= skip:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    where = groups[skip]
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(term.n3() for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }}"
    return query[: where + 1] + block + query[where + 1 :]
