"""Why gold deployments and protests go unpaired: a tally of the rows kg misses, by kind.

The scorer (../shared/eval/score.py) pairs a predicted deployment with a gold one only when
both its sender and its destination are the gold's, and a protest only when its location is;
an unpaired row loses every slot it holds. This script tells the unpaired gold rows apart:

- deployments: `no row` (kg has no row with that sender or that destination; `, entity
  missed` when kg did not even extract one of the two), `wrong sender` (a row with the
  destination, none with the sender), `wrong destination` (the converse), `other rows` (kg
  has the sender and the destination, in other rows);
- protests: `no protest in the article`, `location missed` (kg did not extract the gold's
  place), `other location` (kg places the article's protests elsewhere);
- articles: how many with gold deployments have none predicted, and the converse.

    python eval/row_errors.py                 # today's code over the development part
    python eval/row_errors.py --unseen        # the rebuilt output of the code that first
                                              # saw each batch (eval/train_confidence.py)
    python eval/row_errors.py --list 'no row' # and the articles of one kind

The sealed part is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import real_corpus  # noqa: E402
import train_confidence  # noqa: E402

from kg.articles import read_article  # noqa: E402
from kg.extract.bench import to_bench  # noqa: E402
from kg.extract.pipeline import _default_authority, extract  # noqa: E402


def outputs(unseen: bool) -> list[tuple[str, dict[str, Any]]]:
    """(article id, the scorer's shape of kg's facts) over the development part."""
    if unseen:
        cache = ROOT / ".cache" / "confidence"
        rebuilt = train_confidence._outputs(False, cache)
        return [(aid, to_bench(facts)) for aid, facts, _, _ in rebuilt]
    texts = real_corpus.default_texts()
    authority = _default_authority()
    out = []
    for aid in real_corpus.part_ids("dev"):
        path = texts / f"{aid}.txt"
        if path.exists():
            out.append((aid, to_bench(extract(read_article(path), authority=authority))))
    return out


def gold_of(pred: Any, gold: Any, score: Any) -> dict[str, Any]:
    """The gold entity each predicted entity id stands for (None when it is no gold entity)."""
    align = score.align_entities(gold.entities, pred.entities)
    out: dict[str, Any] = {}
    for pi, p in enumerate(pred.entities):
        out.setdefault(p.id, gold.entities[align[pi]].id if pi in align else None)
    return out


def deployment_kinds(gold: Any, pred: Any, to_gold: dict[str, Any]) -> list[str]:
    """The kind of each unpaired gold deployment."""
    rows = [(to_gold.get(p["by"]), to_gold.get(p["to"])) for p in pred.deployments]
    found = set(to_gold.values())
    left = list(rows)
    kinds = []
    for g in gold.deployments:
        key = (g["by"], g["to"])
        if key in left:
            left.remove(key)
            continue
        senders = {b for b, _ in rows}
        places = {t for _, t in rows}
        if g["by"] in senders and g["to"] in places:
            kinds.append("other rows")
        elif g["to"] in places:
            kinds.append("wrong sender")
        elif g["by"] in senders:
            kinds.append("wrong destination")
        elif {g["by"], g["to"]} - {None} <= found:
            kinds.append("no row")
        else:
            kinds.append("no row, entity missed")
    return kinds


def protest_kinds(gold: Any, pred: Any, to_gold: dict[str, Any]) -> list[str]:
    """The kind of each unpaired gold protest."""
    places = [to_gold.get(p["location"]) for p in pred.protests]
    found = set(to_gold.values())
    kinds = []
    for g in gold.protests:
        if g["location"] in places:
            places.remove(g["location"])
        elif not pred.protests:
            kinds.append("no protest in the article")
        elif g["location"] not in found:
            kinds.append("location missed")
        else:
            kinds.append("other location")
    return kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--unseen", action="store_true", help="old code's output (see above)")
    parser.add_argument("--list", metavar="KIND", help="also list the articles of this kind")
    args = parser.parse_args(argv)
    score = train_confidence._scorer()
    tally: dict[str, Counter[str]] = defaultdict(Counter)
    where: dict[str, Counter[str]] = defaultdict(Counter)
    for aid, data in outputs(args.unseen):
        gold_data = json.loads((real_corpus.GOLD / f"{aid}.json").read_text(encoding="utf-8"))
        gold = score.Doc(None, gold_data, lambda _message: None)
        pred = score.Doc(None, data, lambda _message: None)
        to_gold = gold_of(pred, gold, score)
        for category, kinds in (
            ("deployments", deployment_kinds(gold, pred, to_gold)),
            ("protests", protest_kinds(gold, pred, to_gold)),
        ):
            tally[category]["gold rows"] += len(getattr(gold, category))
            tally[category]["predicted rows"] += len(getattr(pred, category))
            for kind in kinds:
                tally[category][kind] += 1
                where[kind][aid] += 1
        told = "some" if gold.deployments else "none"
        found = "some" if pred.deployments else "none"
        tally["articles"][f"gold deployments: {told}, kg: {found}"] += 1
    for category, counts in tally.items():
        print(category)
        for kind, n in counts.most_common():
            print(f"  {n:5d}  {kind}")
    if args.list:
        for aid, n in sorted(where[args.list].items()):
            print(f"{n:3d}  {aid}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
