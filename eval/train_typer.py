"""Train the learned name typer (kg/extract/typer.py) from the project's annotated articles.

Examples come from the development part of the real-news corpus and ../shared/corpus (the
sealed part is never read): every name kg's rules leave untyped, labelled with the type
the gold gives a name written the same way in that article, or "none"; and every gold name
where the article writes it, with its type. The counts are written to
kg/resources/typer.json.

    python eval/train_typer.py             # train on all of it and write the model
    python eval/train_typer.py --evaluate  # leave one story out: how good, at which confidence

It needs the local copy of the real texts (see eval/real_corpus.py).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import real_corpus  # noqa: E402

from kg.articles import read_article  # noqa: E402
from kg.extract.entities import find_entities  # noqa: E402
from kg.extract.lang import resources  # noqa: E402
from kg.extract.pipeline import _default_authority  # noqa: E402
from kg.extract.text import layout  # noqa: E402
from kg.extract.typer import MODEL, Candidate, NameTyper, train  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus"
Example = tuple[Candidate, str]
LEFTOVER_WEIGHT = 3


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _articles() -> list[tuple[str, Path, dict[str, Any]]]:
    """(story, text path, gold) of every training article."""
    texts = real_corpus.default_texts()
    story = {e["id"]: e["story"] for e in real_corpus.read_manifest()}
    out = []
    missing = []
    for aid in real_corpus.part_ids("dev"):
        if not (texts / f"{aid}.txt").exists():
            missing.append(aid)  # a page that no longer comes back as annotated
            continue
        gold = json.loads((real_corpus.GOLD / f"{aid}.json").read_text(encoding="utf-8"))
        out.append((story[aid], texts / f"{aid}.txt", gold))
    if missing:
        print(f"{len(missing)} articles without a local text left out: {missing}", file=sys.stderr)
    for path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append((f"shared:{path.stem}", SHARED / "articles" / f"{path.stem}.txt", gold))
    return out


def examples_of(path: Path, gold: dict[str, Any]) -> tuple[list[Example], list[Example]]:
    """The labelled examples of one article: the names the rules leave untyped, and the
    gold names where the article writes them."""
    article = read_article(path)
    article = article[0] if isinstance(article, list) else article
    code = article.meta.get("language", "en")
    lang = resources(code)
    auth = _default_authority()
    lay = layout(article.text, lang, article.meta, auth)
    record: list[tuple[Candidate, int, int]] = []
    find_entities(lay, lang, auth, learned=False, record=record)
    types = {_fold(n): e["type"] for e in gold["entities"] for n in e["names"]}
    leftovers = [(c, types.get(_fold(c.text), "none")) for c, _, _ in record]
    body = lay.clean
    named = []
    for entity in gold["entities"]:
        for name in entity["names"]:
            for m in re.finditer(re.escape(name), body):
                before = body[max(0, m.start() - 40) : m.start()]
                after = body[m.end() : m.end() + 40]
                named.append((Candidate(name, before, after, code), entity["type"]))
    return leftovers, named


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--evaluate", action="store_true", help="leave one story out")
    args = parser.parse_args()
    by_story: dict[str, list[Example]] = defaultdict(list)
    leftovers: dict[str, list[Example]] = defaultdict(list)  # what the typer will be asked
    for story, path, gold in _articles():
        untyped, named = examples_of(path, gold)
        # the names the typer will be asked about weigh more than the gold names the rules
        # already type, whose words and neighbours it learns from
        by_story[story] += untyped * LEFTOVER_WEIGHT + named
        leftovers[story] += untyped
    if args.evaluate:
        return _evaluate(by_story, leftovers)
    model = train(e for examples in by_story.values() for e in examples)
    MODEL.write_text(json.dumps(model, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {MODEL} from {sum(map(len, by_story.values()))} examples")
    return 0


def _evaluate(by_story: dict[str, list[Example]], leftovers: dict[str, list[Example]]) -> int:
    """Leave one story out; report, per confidence, how many of the names the rules leave
    untyped get a type, and how often it is right."""
    outcomes: list[tuple[float, str, str]] = []
    for story, held in leftovers.items():
        model = NameTyper(train(e for s, ex in by_story.items() if s != story for e in ex))
        for candidate, gold in held:
            label, p = model.classify(candidate)
            outcomes.append((p, label, gold))
    print(f"{len(outcomes)} examples, {Counter(g for _, _, g in outcomes)}")
    for threshold in (0.5, 0.7, 0.8, 0.9, 0.95, 0.99):
        typed = [(label, gold) for p, label, gold in outcomes if p >= threshold and label != "none"]
        right = sum(1 for label, gold in typed if label == gold)
        wrong_none = sum(1 for label, gold in typed if gold == "none")
        print(
            f"confidence >= {threshold:.2f}: typed {len(typed)}, right {right} "
            f"({right / max(1, len(typed)):.3f}), of which not entities {wrong_none}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
