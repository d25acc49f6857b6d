"""Measure event linking: the linker on gold facts against a gold grouping of reports.

Two corpora, each with a gold grouping written by hand from its gold facts:

- ``real``: the real-news corpus (``eval/real/gold/*.json``), the stories listed in
  ``eval/real/events.gold.yaml``; every report of their articles is scored.
- ``shared``: ``../shared/corpus/gold/*.json`` with ``examples/facts/*.yaml``
  (``eval/shared_events.gold.yaml``).

Reports are made from the gold facts as the build makes them from facts files: actors and
places through their names and Wikidata ids only (the annotators' entity ids are not
used, since extraction has none), dates at the precision the gold states them. Scores are
pairwise precision, recall and F1 of the links (two reports in one event) and B-cubed.

Usage::

    .venv/bin/python eval/event_linking.py [--corpus real|shared|all] [--errors]
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kg.events import Report, Resolver, link_reports, reports_of
from kg.events.reports import Span
from kg.facts import load_facts
from kg.iris import Iris

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REAL = HERE / "real"
SHARED = REPO.parent / "shared" / "corpus"
EXAMPLES = REPO / "examples" / "facts"


def span(text: Any) -> Span | None:
    """A gold date (``2022``, ``2022-01`` or ``2022-01-06``) as its first and last day.

    >>> span("2022-02")
    (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28))
    >>> span(None) is None
    True
    """
    if not isinstance(text, str) or not text[:4].isdigit():
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return (dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31))
    if len(parts) == 2:
        last = calendar.monthrange(parts[0], parts[1])[1]
        return (dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], last))
    day = dt.date(*parts[:3])
    return (day, day)


def gold_reports(path: Path, resolver: Resolver) -> list[Report]:
    """The reports of one gold facts file (benchmark shape)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    article = path.stem
    published = span(gold.get("published"))
    entities = {e["id"]: e for e in gold.get("entities", [])}

    def names(entity_id: str | None) -> tuple[str, ...]:
        entity = entities.get(entity_id or "")
        return tuple(entity["names"]) if entity else ()

    def wikidata(entity_id: str | None) -> str | None:
        entity = entities.get(entity_id or "")
        return entity.get("wikidata") if entity else None

    def place(entity_id: str | None) -> Any:
        if not entity_id:
            return None
        return resolver.place(wikidata=wikidata(entity_id), names=names(entity_id))

    out = []
    for n, row in enumerate(gold.get("deployments", [])):
        by = row.get("by")
        part_of = row.get("part_of")
        out.append(
            Report(
                ref=f"{article}/deployment/{n}",
                iri=f"gold:{article}/deployment/{n}",
                kind="deployment",
                article=article,
                published=published[0] if published else None,
                actor=resolver.tokens(wikidata=wikidata(by), names=names(by)),
                actor_name=(names(by) or ("?",))[0],
                part_of=(
                    resolver.tokens(wikidata=wikidata(part_of), names=names(part_of))
                    if part_of
                    else frozenset()
                ),
                place=place(row.get("to")),
                status=row.get("status") or "happened",
                start=span(row.get("start")),
                end=span(row.get("withdrawal_start")) or span(row.get("end")),
            )
        )
    for n, row in enumerate(gold.get("protests", [])):
        out.append(
            Report(
                ref=f"{article}/protest/{n}",
                iri=f"gold:{article}/protest/{n}",
                kind="protest",
                article=article,
                published=published[0] if published else None,
                place=place(row.get("location")),
                places=tuple(place(p) for p in row.get("places") or ()),
                start=span(row.get("start")),
                causes=tuple(row.get("causes") or ()),
            )
        )
    return out


@dataclass(frozen=True)
class Scores:
    """Pairwise and B-cubed scores of a grouping against the gold one."""

    reports: int
    gold_links: int
    links: int
    correct: int
    bcubed_p: float
    bcubed_r: float

    @property
    def precision(self) -> float:
        return self.correct / self.links if self.links else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold_links if self.gold_links else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def bcubed_f1(self) -> float:
        p, r = self.bcubed_p, self.bcubed_r
        return 2 * p * r / (p + r) if p + r else 0.0


def _pairs(groups: Iterable[Sequence[str]]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for g in groups for i, a in enumerate(g) for b in g[i + 1 :]}


def score(
    refs: Sequence[str], gold: Sequence[Sequence[str]], found: Sequence[Sequence[str]]
) -> Scores:
    """Score ``found`` groups against ``gold`` groups over the reports ``refs``
    (a report in no group is alone)."""
    scored = set(refs)

    def cluster_of(groups: Sequence[Sequence[str]]) -> dict[str, frozenset[str]]:
        out = {ref: frozenset((ref,)) for ref in scored}
        for group in groups:
            members = frozenset(g for g in group if g in scored)
            for ref in members:
                out[ref] = members
        return out

    g, f = cluster_of(gold), cluster_of(found)
    gold_pairs = _pairs([sorted(c) for c in set(g.values())])
    found_pairs = _pairs([sorted(c) for c in set(f.values())])
    bp = sum(len(f[r] & g[r]) / len(f[r]) for r in scored) / len(scored) if scored else 1.0
    br = sum(len(f[r] & g[r]) / len(g[r]) for r in scored) / len(scored) if scored else 1.0
    return Scores(
        len(scored), len(gold_pairs), len(found_pairs), len(gold_pairs & found_pairs), bp, br
    )


def real_corpus(resolver: Resolver) -> tuple[list[Report], list[list[str]]]:
    grouping = yaml.safe_load((REAL / "events.gold.yaml").read_text(encoding="utf-8"))
    stories = set(grouping["stories"])
    manifest = [json.loads(line) for line in (REAL / "manifest.jsonl").open(encoding="utf-8")]
    articles = sorted(r["id"] for r in manifest if r.get("story") in stories)
    reports = [r for a in articles for r in gold_reports(REAL / "gold" / f"{a}.json", resolver)]
    return reports, grouping["events"]


def shared_corpus(resolver: Resolver) -> tuple[list[Report], list[list[str]]]:
    grouping = yaml.safe_load((HERE / "shared_events.gold.yaml").read_text(encoding="utf-8"))
    reports = [
        r for p in sorted((SHARED / "gold").glob("*.json")) for r in gold_reports(p, resolver)
    ]
    iris = Iris()
    for path in sorted(EXAMPLES.glob("*.yaml")):
        reports.extend(reports_of(load_facts(path), iris, resolver))
    return reports, grouping["events"]


CORPORA = {"real": real_corpus, "shared": shared_corpus}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument("--errors", action="store_true", help="list missed and wrong links")
    args = parser.parse_args(argv)
    resolver = Resolver()
    names = list(CORPORA) if args.corpus == "all" else [args.corpus]
    head = f"{'corpus':8} {'reports':>7} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}"
    print(head + "  B3-P   B3-R   B3-F1")
    for name in names:
        reports, gold = CORPORA[name](resolver)
        events = link_reports(reports)
        found = [[r.ref for r in e.reports] for e in events]
        s = score([r.ref for r in reports], gold, found)
        print(
            f"{name:8} {s.reports:7d} {s.gold_links:5d} {s.links:5d} {s.precision:6.3f} "
            f"{s.recall:6.3f} {s.f1:6.3f}  {s.bcubed_p:.3f}  {s.bcubed_r:.3f}  {s.bcubed_f1:.3f}"
        )
        if args.errors:
            gold_pairs, found_pairs = _pairs(gold), _pairs(found)
            known = {r.ref for r in reports}
            for pair in sorted(sorted(p) for p in gold_pairs - found_pairs if p <= known):
                print("  missed:", " ~ ".join(pair))
            for pair in sorted(sorted(p) for p in found_pairs - gold_pairs):
                print("  wrong: ", " ~ ".join(pair))
    return 0


if __name__ == "__main__":
    sys.exit(main())
