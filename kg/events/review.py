"""The review file: a person's decisions about which reports are one real-world event.

``events.yaml`` sits beside the facts files (it is kept in git like them) and lists
decisions, each with the reports it is about (``article key/kind/fact id``)::

    format: kg-events/1
    events:
      - id: csto-kazakhstan-2022      # optional: the event's IRI is {base}event/<id>
        same:                         # these reports are one event (confirm, or merge)
          - en-csto-kazakhstan-2022/deployment/csto_kazakhstan
          - id-csto-kazakhstan-2022/deployment/csto_kazakhstan
        by: Ayu Lestari               # optional: who decided
      - different:                    # never in one event (split)
          - a/protest/p1
          - b/protest/p1

The linker applies these before linking anything automatically, so a build never undoes
them; :func:`stale` names each listed report that no facts file states any more.

>>> d = parse_decisions("format: kg-events/1\\nevents:\\n- same: [a/protest/p1, b/protest/p1]\\n")
>>> [(x.kind, x.line, [r for r, _ in x.refs]) for x in d.same]
[('same', 3, ['a/protest/p1', 'b/protest/p1'])]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from kg.errors import InputError

__all__ = ["FORMAT", "REVIEW_FILE", "Decision", "Decisions", "load_decisions", "parse_decisions"]

FORMAT = "kg-events/1"
REVIEW_FILE = "events.yaml"
"""The name of the review file in a facts directory (it is not a facts file)."""

_REF = re.compile(r"^[a-z0-9][a-z0-9_.-]*/(deployment|protest)/[a-z0-9][a-z0-9_.-]*$")
_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


@dataclass(frozen=True)
class Decision:
    """One reviewed decision.

    Attributes:
        kind: ``same`` (one event) or ``different`` (never one event).
        refs: the reports, each with the line it is written on.
        line: the line of the decision.
        path: the review file.
        id: the event's id (``same`` only), which names its IRI.
        by: who decided.
    """

    kind: str
    refs: tuple[tuple[str, int], ...]
    line: int
    path: str
    id: str | None = None
    by: str | None = None


@dataclass
class Decisions:
    """The decisions of a review file, in file order."""

    same: list[Decision] = field(default_factory=list)
    different: list[Decision] = field(default_factory=list)

    def all(self) -> list[Decision]:
        """Every decision, in file order."""
        return sorted([*self.same, *self.different], key=lambda d: (d.path, d.line))


def _scalar(node: Node) -> str | None:
    return str(node.value) if isinstance(node, ScalarNode) else None


def parse_decisions(text: str, path: str = REVIEW_FILE) -> Decisions:
    """Decisions from the text of a review file.

    Raises:
        InputError: the file is not a review file, with the line of the first problem.
    """

    def fail(node: Node, message: str) -> InputError:
        mark = node.start_mark
        return InputError(message, path=path, line=mark.line + 1, column=mark.column + 1)

    try:
        root = yaml.compose(text)
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {exc}", path=path) from None
    out = Decisions()
    if root is None:
        return out
    if not isinstance(root, MappingNode):
        raise fail(root, f"a review file is a mapping with 'format: {FORMAT}' and 'events:'")
    top = {_scalar(k): v for k, v in root.value}
    fmt = top.get("format")
    if fmt is None or _scalar(fmt) != FORMAT:
        raise fail(fmt or root, f"write 'format: {FORMAT}' at the top of the review file")
    events = top.get("events")
    if events is None:
        return out
    if not isinstance(events, SequenceNode):
        raise fail(events, "'events' is a list of decisions, each with 'same:' or 'different:'")
    for item in events.value:
        if not isinstance(item, MappingNode):
            raise fail(item, "a decision is a mapping with 'same:' or 'different:'")
        fields = {_scalar(k): v for k, v in item.value}
        unknown = sorted(str(k) for k in fields if k not in ("same", "different", "id", "by"))
        if unknown:
            raise fail(item, f"unknown key '{unknown[0]}'; use same, different, id and by")
        kinds = [k for k in ("same", "different") if k in fields]
        if len(kinds) != 1:
            raise fail(item, "a decision has exactly one of 'same:' and 'different:'")
        kind = kinds[0]
        refs_node = fields[kind]
        if not isinstance(refs_node, SequenceNode) or len(refs_node.value) < 1:
            raise fail(refs_node, f"'{kind}' lists reports as article/kind/fact id")
        refs = []
        for ref_node in refs_node.value:
            ref = _scalar(ref_node)
            if ref is None or not _REF.match(ref):
                raise fail(
                    ref_node,
                    f"'{ref_node.value if ref is not None else '...'}' is no report id; "
                    "write article/deployment/fact or article/protest/fact",
                )
            refs.append((ref, ref_node.start_mark.line + 1))
        event_id = _scalar(fields["id"]) if "id" in fields else None
        if event_id is not None and (kind != "same" or not _ID.match(event_id)):
            raise fail(fields["id"], "'id' names a 'same' event: lower-case letters, digits, -_.")
        by = _scalar(fields["by"]) if "by" in fields else None
        decision = Decision(kind, tuple(refs), item.start_mark.line + 1, path, event_id, by)
        (out.same if kind == "same" else out.different).append(decision)
    return out


def load_decisions(paths: Iterable[Path]) -> Decisions:
    """The decisions of every review file in ``paths`` (missing files give none).

    Raises:
        InputError: a review file cannot be read or is malformed.
    """
    out = Decisions()
    for path in paths:
        if not path.exists():
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise InputError(f"cannot read the review file: {exc.strerror}", path=path) from None
        found = parse_decisions(text, str(path))
        out.same.extend(found.same)
        out.different.extend(found.different)
    return out


def stale(decisions: Decisions, known: Iterable[str]) -> list[tuple[Decision, str, int]]:
    """Reports named by decisions that no facts file states: (decision, report, line)."""
    refs = set(known)
    return [(d, ref, line) for d in decisions.all() for ref, line in d.refs if ref not in refs]
