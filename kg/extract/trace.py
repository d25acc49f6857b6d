"""Why each fact is there: the named rules that made it, with the text they read.

The extraction stages record a :class:`Step` per decision (``sender:owner-of-the-troops``
over "pasukan Rusia", ``status:planned-hedge`` over "akan mengirim"); ``kg extract
--explain`` prints them per fact, so a reviewer sees why a fact is in the draft and which
rule to blame when it should not be.

>>> trace = Trace()
>>> trace.add("deployments/deployment_1", [Step("trigger", 6, 10)])
>>> print(trace.explain({"deployments/deployment_1": "CSTO -> Kazakhstan"}, "CSTO  sent troops"))
deployments/deployment_1: CSTO -> Kazakhstan
    trigger  "sent"
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Step", "Trace"]

_QUOTE = 70


@dataclass(frozen=True)
class Step:
    """One decision: the rule's name and the span of the article body it read."""

    rule: str
    start: int
    end: int


@dataclass
class Trace:
    """The steps of each fact of one article, by ``section/id`` ("entities/csto"), with the
    learned confidence of the facts it scored and the one-line summaries of those it left
    out (:mod:`kg.extract.confidence`)."""

    steps: dict[str, list[Step]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    left_out: dict[str, str] = field(default_factory=dict)

    def add(self, fact: str, steps: list[Step]) -> None:
        """Record the steps of ``fact`` (after any already recorded)."""
        self.steps.setdefault(fact, []).extend(steps)

    def explain(self, labels: dict[str, str], body: str) -> str:
        """The steps of every fact in ``labels`` (fact -> a one-line summary), then of the
        facts left out for their confidence, as text."""
        lines: list[str] = []
        self._facts(lines, labels, body)
        if self.left_out:
            lines.append("left out, their confidence below the threshold:")
            self._facts(lines, self.left_out, body)
        return "\n".join(lines)

    def _facts(self, lines: list[str], labels: dict[str, str], body: str) -> None:
        for fact, label in labels.items():
            p = self.confidence.get(fact)
            lines.append(f"{fact}: {label}" + ("" if p is None else f" (confidence {p:.2f})"))
            for step in self.steps.get(fact, []):
                quote = " ".join(body[step.start : step.end].split())
                if len(quote) > _QUOTE:
                    quote = quote[: _QUOTE - 1] + "…"
                lines.append(f'    {step.rule}  "{quote}"')
