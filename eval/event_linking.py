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

``--facts extracted`` scores the same gold grouping on the facts that kg's extraction
finds in the articles' texts (``/work/realnews/articles`` or ``KG_REAL_TEXTS`` for the
real corpus, ``../shared/corpus/articles`` for the shared one; the examples' facts have no
text and are left out). Extracted reports have no gold row numbers, so each is first
*aligned* to a gold report of the same article (:func:`align`): same kind, the sender's
and the destination's names (deployments) or the location's names (protests) meet after
the normalisation of ``../shared/eval/score.py`` (``name_forms``, as its entity
alignment), one-to-one, greedily: starts that overlap first, then more names that meet,
then row order. An aligned report takes the gold report's name; the extracted reports are
linked by the linker exactly as a build links them. Then:

- a gold report that no extracted report aligns to (extraction missed it, or named its
  sender or place differently) is alone in the found grouping: its gold links are missed;
- an extracted report aligned to no gold report is scored as a report of its own in the
  gold grouping: every link the linker makes with it is wrong, so it can only lower
  precision;
- the extracted facts' dates, statuses and publication dates are the extraction's, right
  or wrong, so a wrong date can split or join events.

The figure therefore measures extraction and linking together, against the same gold
grouping as the gold-facts figure beside it.

Usage::

    .venv/bin/python eval/event_linking.py [--corpus real|shared|all] [--facts gold|extracted]
        [--errors]
"""

from __future__ import annotations

import argparse
import calendar
import dataclasses
import datetime as dt
import functools
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

from kg.events import Report, Resolver, link_reports, reports_of
from kg.events.reports import Span
from kg.facts import Facts, load_facts
from kg.rdf.iris import Iris

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
REAL = HERE / "real"
SHARED = REPO.parent / "shared" / "corpus"
EXAMPLES = REPO / "examples" / "facts"
SCORER = REPO.parent / "shared" / "eval" / "score.py"


def real_texts() -> Path:
    """Where the real corpus's article texts are (not in the repository)."""
    return Path(os.environ.get("KG_REAL_TEXTS", REPO.parent / "realnews" / "articles"))


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


@dataclass(frozen=True)
class Named:
    """A report as alignment sees it.

    Attributes:
        ref: the report's name (gold: ``ARTICLE/KIND/N``; extracted: the build's ref).
        article: the article (file stem) it is of.
        kind: ``deployment`` or ``protest``.
        actor: the names of a deployment's sender.
        place: the names of a deployment's destination or of a protest's location.
        start: its start, as a span.
    """

    ref: str
    article: str
    kind: str
    actor: tuple[str, ...] = ()
    place: tuple[str, ...] = ()
    start: Span | None = None


@functools.cache
def _score_module() -> ModuleType:
    """``../shared/eval/score.py``, whose name normalisation alignment uses."""
    spec = importlib.util.spec_from_file_location("shared_score", SCORER)
    if spec is None or spec.loader is None or not SCORER.is_file():
        raise SystemExit(f"the scorer is expected at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("shared_score", module)
    spec.loader.exec_module(module)
    return module


NameForms = Callable[[str], tuple[str, frozenset[str]]]


def _meet(a: Sequence[str], b: Sequence[str], forms: NameForms) -> int:
    """How many pairs of names of ``a`` and ``b`` meet, as score.py's entity alignment
    counts them: one's full form is the other's full form or one of its alternatives."""
    links = 0
    for gf, galt in (forms(n) for n in a):
        for pf, palt in (forms(n) for n in b):
            if gf and pf and (gf == pf or gf in palt or pf in galt):
                links += 1
    return links


def align(
    gold: Sequence[Named], extracted: Sequence[Named], forms: NameForms | None = None
) -> dict[str, str]:
    """Pair extracted reports with gold reports of the same article, one-to-one.

    A pair is possible when both are of one article and kind and the sender's and the
    destination's names (deployments), or the location's (protests), meet under
    ``forms`` (default: score.py's ``name_forms``). Pairs are taken greedily: starts that
    overlap (or both unstated) first, then more names that meet, then gold and extracted
    order.

    Returns:
        extracted ref -> gold ref, for the extracted reports that were aligned.
    """
    forms = forms or _score_module().name_forms
    candidates = []
    for gi, g in enumerate(gold):
        for ei, e in enumerate(extracted):
            if (g.article, g.kind) != (e.article, e.kind):
                continue
            links = _meet(g.place, e.place, forms)
            if not links:
                continue
            if g.kind == "deployment":
                actor = _meet(g.actor, e.actor, forms)
                if not actor:
                    continue
                links += actor
            same_start = g.start == e.start or (
                g.start is not None
                and e.start is not None
                and g.start[0] <= e.start[1]
                and e.start[0] <= g.start[1]
            )
            candidates.append((not same_start, -links, gi, ei))
    candidates.sort()
    used_gold: set[int] = set()
    out: dict[str, str] = {}
    for _, _, gi, ei in candidates:
        if gi in used_gold or extracted[ei].ref in out:
            continue
        used_gold.add(gi)
        out[extracted[ei].ref] = gold[gi].ref
    return out


def gold_named(path: Path) -> list[Named]:
    """The reports of one gold facts file, as alignment sees them."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    names = {e["id"]: tuple(e["names"]) for e in gold.get("entities", [])}
    article = path.stem
    out = [
        Named(
            f"{article}/deployment/{n}",
            article,
            "deployment",
            names.get(row.get("by") or "", ()),
            names.get(row.get("to") or "", ()),
            span(row.get("start")),
        )
        for n, row in enumerate(gold.get("deployments", []))
    ]
    out.extend(
        Named(
            f"{article}/protest/{n}",
            article,
            "protest",
            place=names.get(row.get("location") or "", ()),
            start=span(row.get("start")),
        )
        for n, row in enumerate(gold.get("protests", []))
    )
    return out


def extracted_named(facts: Facts, article: str) -> list[Named]:
    """The reports of one article's extracted facts, as alignment sees them (their refs
    are the build's, ``KEY/KIND/FACT-ID``)."""
    names = {e.id: e.names for e in facts.entities}
    key = facts.article.key

    def start(value: Any) -> Span | None:
        return (value.earliest, value.latest) if value is not None else None

    out = [
        Named(
            f"{key}/deployment/{d.id}",
            article,
            "deployment",
            names.get(d.by, ()),
            names.get(d.to, ()),
            start(d.start),
        )
        for d in facts.deployments
    ]
    out.extend(
        Named(
            f"{key}/protest/{p.id}",
            article,
            "protest",
            place=names.get(p.location or "", ()),
            start=start(p.start),
        )
        for p in facts.protests
    )
    return out


@dataclass
class Extracted:
    """A corpus's extracted reports, renamed after the gold reports they align to, and the
    reports scored: every gold report and every extracted report aligned to none."""

    reports: list[Report]
    refs: list[str]
    gold_reports: int
    aligned: int


def extracted_reports(articles: Sequence[tuple[Path, Path]], resolver: Resolver) -> Extracted:
    """Extract the facts of each (text, gold file) pair, align and rename the reports."""
    from kg.api import extract_facts

    iris = Iris()
    gold_refs: list[str] = []
    reports: list[Report] = []
    unaligned: list[str] = []
    aligned = 0
    for text, gold_path in articles:
        article = gold_path.stem
        gold = gold_named(gold_path)
        gold_refs.extend(g.ref for g in gold)
        facts = extract_facts(text)
        pairs = align(gold, extracted_named(facts, article))
        aligned += len(pairs)
        for report in reports_of(facts, iris, resolver):
            ref = pairs.get(report.ref)
            if ref is None:
                key, kind, fact = report.ref.split("/")
                ref = f"{key}/{kind}/extracted-{fact}"
                unaligned.append(ref)
            reports.append(dataclasses.replace(report, ref=ref))
    return Extracted(reports, gold_refs + unaligned, len(gold_refs), aligned)


def real_articles() -> list[tuple[Path, Path]]:
    grouping = yaml.safe_load((REAL / "events.gold.yaml").read_text(encoding="utf-8"))
    stories = set(grouping["stories"])
    manifest = [json.loads(line) for line in (REAL / "manifest.jsonl").open(encoding="utf-8")]
    ids = sorted(r["id"] for r in manifest if r.get("story") in stories)
    return [(real_texts() / f"{a}.txt", REAL / "gold" / f"{a}.json") for a in ids]


def shared_articles() -> list[tuple[Path, Path]]:
    return [
        (SHARED / "articles" / f"{p.stem}.txt", p) for p in sorted((SHARED / "gold").glob("*.json"))
    ]


ARTICLES = {"real": real_articles, "shared": shared_articles}
GROUPINGS = {"real": REAL / "events.gold.yaml", "shared": HERE / "shared_events.gold.yaml"}


def extracted_corpus(name: str, resolver: Resolver) -> tuple[Extracted, list[list[str]]]:
    """A corpus's extracted, aligned reports and its gold grouping."""
    grouping = yaml.safe_load(GROUPINGS[name].read_text(encoding="utf-8"))
    return extracted_reports(ARTICLES[name](), resolver), grouping["events"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="all")
    parser.add_argument(
        "--facts",
        choices=["gold", "extracted"],
        default="gold",
        help="link the gold facts, or the facts kg extract finds in the texts",
    )
    parser.add_argument("--errors", action="store_true", help="list missed and wrong links")
    args = parser.parse_args(argv)
    resolver = Resolver()
    names = list(CORPORA) if args.corpus == "all" else [args.corpus]
    head = f"{'corpus':8} {'reports':>7} {'gold':>5} {'found':>5} {'P':>6} {'R':>6} {'F1':>6}"
    print(head + "  B3-P   B3-R   B3-F1")
    for name in names:
        if args.facts == "extracted":
            extracted, gold = extracted_corpus(name, resolver)
            reports, refs = extracted.reports, extracted.refs
        else:
            reports, gold = CORPORA[name](resolver)
            refs = [r.ref for r in reports]
        events = link_reports(reports)
        found = [[r.ref for r in e.reports] for e in events]
        s = score(refs, gold, found)
        print(
            f"{name:8} {s.reports:7d} {s.gold_links:5d} {s.links:5d} {s.precision:6.3f} "
            f"{s.recall:6.3f} {s.f1:6.3f}  {s.bcubed_p:.3f}  {s.bcubed_r:.3f}  {s.bcubed_f1:.3f}"
        )
        if args.facts == "extracted":
            aligned = {r.ref for r in reports}
            reachable = {p for p in _pairs(gold) if p <= aligned}
            found_right = reachable & _pairs(found)
            print(
                f"  {extracted.gold_reports} gold reports, {len(reports)} extracted, "
                f"{extracted.aligned} aligned, {len(refs) - extracted.gold_reports} "
                f"extracted reports aligned to none; {len(reachable)} gold links between "
                f"aligned reports, {len(found_right)} of them found"
            )
        if args.errors:
            gold_pairs, found_pairs = _pairs(gold), _pairs(found)
            known = set(refs)
            for pair in sorted(sorted(p) for p in gold_pairs - found_pairs if p <= known):
                print("  missed:", " ~ ".join(pair))
            for pair in sorted(sorted(p) for p in found_pairs - gold_pairs):
                print("  wrong: ", " ~ ".join(pair))
    return 0


if __name__ == "__main__":
    sys.exit(main())
