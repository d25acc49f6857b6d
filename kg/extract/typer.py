"""A learned typer for names no rule types: Person, Organization, Location or no entity.

The rules type a name by a cue (a title, a head word, a place preposition, the authority
file, the gazetteer). A capitalised run with no cue ("Imran Khan", "National Intelligence
Service", "Business Insider") used to be dropped (rule person-needs-a-cue). This module
gives such a run a type when a small model, learned from the project's own annotated
articles, is confident of it.

The model is a multinomial naive Bayes over features of the name and its neighbours: its
words, the first and last word, the ending of the last word, its shape ("Xx Xx", "XX"),
the word before and the two after, and the language. It is shipped as a JSON file of
counts (``kg/resources/typer.json``), trained by ``eval/train_typer.py`` from the
development part of the real-news corpus and ``../shared/corpus``; nothing is downloaded
and nothing is trained when kg runs.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LABELS", "Candidate", "NameTyper", "features", "train"]

MODEL = Path(__file__).resolve().parent.parent / "resources" / "typer.json"
#: The classes: the three entity types and "not an entity".
LABELS = ("Person", "Organization", "Location", "none")
_SMOOTHING = 0.5
_WORD = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True)
class Candidate:
    """A name no rule typed, with the words around it."""

    text: str
    before: str  # the text before it in its sentence (the last words are used)
    after: str  # the text after it in its sentence (the first words are used)
    language: str


def _shape(word: str) -> str:
    if word.isupper():
        return "XX"
    if word[:1].isupper():
        return "Xx"
    return "x"


def features(c: Candidate) -> list[str]:
    """The features of a candidate (strings; a feature may repeat)."""
    words = _WORD.findall(c.text)
    if not words:
        return [f"lang={c.language}"]
    low = [w.lower() for w in words]
    prev = [w.lower() for w in _WORD.findall(c.before)[-2:]]
    nxt = [w.lower() for w in _WORD.findall(c.after)[:2]]
    out = [f"w={w}" for w in low]
    out += [
        f"first={low[0]}",
        f"last={low[-1]}",
        f"s3={low[-1][-3:]}",
        f"s2={low[-1][-2:]}",
        f"shape={' '.join(_shape(w) for w in words)}",
        f"n={min(len(words), 5)}",
        f"lang={c.language}",
        f"prev={prev[-1] if prev else '^'}",
        f"prev2={' '.join(prev) if prev else '^'}",
        f"next={nxt[0] if nxt else '$'}",
        f"next2={' '.join(nxt) if nxt else '$'}",
    ]
    out += [f"{c.language}:s3={w[-3:]}" for w in low[:-1]]
    return out


def train(examples: Iterable[tuple[Candidate, str]]) -> dict[str, object]:
    """Counts of a naive Bayes model: per label, how often each feature occurs."""
    docs = {label: 0 for label in LABELS}
    counts: dict[str, dict[str, int]] = {label: {} for label in LABELS}
    for candidate, label in examples:
        docs[label] += 1
        table = counts[label]
        for f in features(candidate):
            table[f] = table.get(f, 0) + 1
    return {"labels": list(LABELS), "docs": docs, "counts": counts}


class NameTyper:
    """The shipped model: ``classify`` gives the likeliest label and its probability."""

    def __init__(self, model: dict[str, object]) -> None:
        self.labels: Sequence[str] = list(model["labels"])  # type: ignore[call-overload]
        docs: dict[str, int] = model["docs"]  # type: ignore[assignment]
        counts: dict[str, dict[str, int]] = model["counts"]  # type: ignore[assignment]
        total_docs = sum(docs.values()) or 1
        vocabulary = {f for table in counts.values() for f in table}
        size = len(vocabulary) or 1
        self.prior = {
            k: math.log((docs[k] + 1) / (total_docs + len(self.labels))) for k in self.labels
        }
        self.log_p: dict[str, dict[str, float]] = {}
        self.unseen: dict[str, float] = {}
        for k in self.labels:
            table = counts[k]
            total = sum(table.values()) + _SMOOTHING * size
            self.log_p[k] = {f: math.log((n + _SMOOTHING) / total) for f, n in table.items()}
            self.unseen[k] = math.log(_SMOOTHING / total)

    @classmethod
    @functools.cache
    def shipped(cls) -> NameTyper:
        """The model of ``kg/resources/typer.json``."""
        return cls(json.loads(MODEL.read_text(encoding="utf-8")))

    def classify(self, candidate: Candidate) -> tuple[str, float]:
        """The likeliest label and its posterior probability."""
        fs = features(candidate)
        scores = {
            k: self.prior[k] + sum(self.log_p[k].get(f, self.unseen[k]) for f in fs)
            for k in self.labels
        }
        top = max(scores.values())
        norm = sum(math.exp(v - top) for v in scores.values())
        label = max(scores, key=lambda k: scores[k])
        return label, 1.0 / norm
